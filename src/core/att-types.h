/* att-types.h: forward declarations shared by libattest-core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A function as a GTask source tag: ISO C has no cast from a function
 * pointer to gpointer, but has one through an integer. */
#define ATT_SOURCE_TAG(f) ((gpointer) (guintptr) (f))

typedef struct _AttAccount               AttAccount;
typedef struct _AttAccountStore          AttAccountStore;
typedef struct _AttAssertionItem         AttAssertionItem;
typedef struct _AttCatalogItem           AttCatalogItem;
typedef struct _AttCertificate           AttCertificate;
typedef struct _AttCertificateList       AttCertificateList;
typedef struct _AttCertificateRequest    AttCertificateRequest;
typedef struct _AttClosientAssignment    AttClosientAssignment;
typedef struct _AttClosientBody          AttClosientBody;
typedef struct _AttClosientCertification AttClosientCertification;
typedef struct _AttClosientClient        AttClosientClient;
typedef struct _AttClosientPatch         AttClosientPatch;
typedef struct _AttClosientProduct       AttClosientProduct;
typedef struct _AttComponentUse          AttComponentUse;
typedef struct _AttContext               AttContext;
typedef struct _AttCountry               AttCountry;
typedef struct _AttEcoScore              AttEcoScore;
typedef struct _AttHiggAuth              AttHiggAuth;
typedef struct _AttHiggClient            AttHiggClient;
typedef struct _AttHttp                  AttHttp;
typedef struct _AttMaterialUse           AttMaterialUse;
typedef struct _AttPackagingUse          AttPackagingUse;
typedef struct _AttPage                  AttPage;
typedef struct _AttPagedModel            AttPagedModel;
typedef struct _AttPmProduct             AttPmProduct;
typedef struct _AttProduct               AttProduct;
typedef struct _AttDraftStore            AttDraftStore;
typedef struct _AttPurchaseOrder         AttPurchaseOrder;
typedef struct _AttSandboxConnection     AttSandboxConnection;
typedef struct _AttSandboxProcess        AttSandboxProcess;
typedef struct _AttSecretStore           AttSecretStore;
typedef struct _AttCategory              AttCategory;
typedef struct _AttProductCache          AttProductCache;
typedef struct _AttPurchaseOrderRow      AttPurchaseOrderRow;

G_END_DECLS
