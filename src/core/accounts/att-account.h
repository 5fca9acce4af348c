/* att-account.h: one Higg or Closient account (no secrets in here)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

/**
 * AttService:
 * @ATT_SERVICE_HIGG: the Higg PIC API
 * @ATT_SERVICE_CLOSIENT: the Closient API
 *
 * The remote service an account belongs to.
 */
typedef enum {
  ATT_SERVICE_HIGG,
  ATT_SERVICE_CLOSIENT,
} AttService;

#define ATT_TYPE_SERVICE (att_service_get_type ())
GType       att_service_get_type (void) G_GNUC_CONST;

const char *att_service_to_string (AttService service);
gboolean    att_service_from_string (const char *str,
                                     AttService *service);
const char *att_service_get_default_base_url (AttService service);

#define ATT_TYPE_ACCOUNT (att_account_get_type ())

G_DECLARE_FINAL_TYPE (AttAccount, att_account, ATT, ACCOUNT, GObject)

AttAccount *att_account_new (AttService  service,
                             const char *display_name,
                             const char *base_url);
AttAccount *att_account_copy (AttAccount *self);

const char *att_account_get_id (AttAccount *self);
AttService  att_account_get_service (AttAccount *self);
const char *att_account_get_display_name (AttAccount *self);
const char *att_account_get_base_url (AttAccount *self);
const char *att_account_get_public_key_pem (AttAccount *self);

void        att_account_set_display_name (AttAccount *self,
                                          const char *display_name);
void        att_account_set_base_url (AttAccount *self,
                                      const char *base_url);
void        att_account_set_public_key_pem (AttAccount *self,
                                            const char *public_key_pem);

gboolean    att_account_check_base_url (const char *url,
                                        GError    **error);

G_END_DECLS
