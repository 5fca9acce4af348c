/* att-catalog-use.h: a catalogue entry as a product uses it, the part that
 * materials, packaging and components share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_CATALOG_USE (att_catalog_use_get_type ())

G_DECLARE_DERIVABLE_TYPE (AttCatalogUse, att_catalog_use, ATT, CATALOG_USE, GObject)

/**
 * AttCatalogUseNumber:
 * @property: the name of the double property it becomes, e.g. `net-use`
 * @member: the JSON member it is read from and sent as, e.g. `netUse`
 *
 * A number that one kind of use has of its own.  Absent, it reads as %NAN.
 */
typedef struct
{
  const char *property;
  const char *member;
} AttCatalogUseNumber;

struct _AttCatalogUseClass
{
  GObjectClass               parent_class;

  /*< private >*/
  const char                *id_member;
  const AttCatalogUseNumber *numbers;
  guint                      n_numbers;
};

void           att_catalog_use_class_set_members (AttCatalogUseClass        *klass,
                                                  const char                *id_member,
                                                  const AttCatalogUseNumber *numbers,
                                                  guint                      n_numbers);

AttCatalogUse *att_catalog_use_new_from_json (GType       type,
                                              JsonObject *object,
                                              const char *path,
                                              GError    **error);
JsonObject    *att_catalog_use_get_json (AttCatalogUse *self);
JsonNode      *att_catalog_use_to_json (AttCatalogUse *self);
JsonNode      *att_catalog_use_to_request_json (AttCatalogUse *self);

const char    *att_catalog_use_get_catalog_id (AttCatalogUse *self);
const char    *att_catalog_use_get_name (AttCatalogUse *self);
const char    *att_catalog_use_get_code (AttCatalogUse *self);
const char    *att_catalog_use_get_description (AttCatalogUse *self);
const char    *att_catalog_use_get_data_source (AttCatalogUse *self);
double         att_catalog_use_get_weight_kg (AttCatalogUse *self);
double         att_catalog_use_get_number (AttCatalogUse *self,
                                           guint          index);

G_END_DECLS
