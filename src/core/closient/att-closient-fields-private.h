/* att-closient-fields-private.h: the string members of Closient's objects,
 * read, written and shown as properties by one table per model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

/**
 * AttClosientFieldKind:
 * @ATT_CLOSIENT_FIELD_STRING: a string that defaults to "" (never %NULL)
 * @ATT_CLOSIENT_FIELD_NULLABLE: a string or null (a URL that may be
 *   missing); "" reads as %NULL
 * @ATT_CLOSIENT_FIELD_DATE: `YYYY-MM-DD` or null
 */
typedef enum {
  ATT_CLOSIENT_FIELD_STRING,
  ATT_CLOSIENT_FIELD_NULLABLE,
  ATT_CLOSIENT_FIELD_DATE,
} AttClosientFieldKind;

typedef struct
{
  const char          *name;
  AttClosientFieldKind kind;
} AttClosientField;

void        att_closient_fields_install (GParamSpec            **properties,
                                         const AttClosientField *fields,
                                         guint                   n_fields);
void        att_closient_fields_read (JsonObject             *object,
                                      const AttClosientField *fields,
                                      guint                   n_fields,
                                      char                  **values);
void        att_closient_fields_write (JsonObject             *object,
                                       const AttClosientField *fields,
                                       guint                   n_fields,
                                       char *const            *values);
void        att_closient_fields_clear (char **values,
                                       guint  n_fields);
int         att_closient_fields_find (const AttClosientField *fields,
                                      guint                   n_fields,
                                      const char             *name);
const char *att_closient_fields_get_string (JsonObject *object,
                                            const char *name);
gboolean    att_closient_fields_read_id (JsonObject *object,
                                         char      **out_id,
                                         GError    **error);
JsonObject *att_closient_fields_copy_object (JsonNode *node,
                                             GError  **error);

G_END_DECLS
