/* att-json.h: strict but tolerant JSON readers shared by the models
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"
#include "att-error.h"

G_BEGIN_DECLS

/*
 * Every reader takes the object, the member name and the path of the object
 * inside the document (%NULL for the root), so that an error can name the
 * failing field in full, e.g. `materials[2].composition: expected a number`.
 *
 * The rules are the same everywhere:
 *  - a member whose value is JSON `null` is treated exactly as if it were
 *    absent;
 *  - a member that is present with the wrong JSON type is an error in the
 *    %ATT_API_ERROR domain, code %ATT_API_ERROR_BAD_RESPONSE, whose message
 *    is "<path>: <problem>";
 *  - a missing member is an error only when @required is %TRUE (a required
 *    string must also be non-empty);
 *  - numbers may be JSON integers or doubles.
 *
 * The value readers return a "nothing" value (%NULL, %NAN, the default) both
 * when the member is absent and on error, so check @error, not the value.
 */

/**
 * AttJsonObjectParser:
 * @object: the JSON object to parse
 * @path: (nullable): where @object sits in the document
 * @error: return location for an error
 *
 * The shape shared by every `att_X_new_from_json()`.
 *
 * Returns: (transfer full) (nullable): a new #GObject, or %NULL on error
 */
typedef gpointer (*AttJsonObjectParser) (JsonObject *object,
                                         const char *path,
                                         GError    **error);

char       *att_json_path_member (const char *path,
                                  const char *member);
char       *att_json_path_index (const char *path,
                                 guint       index);
void        att_json_set_error (GError    **error,
                                const char *path,
                                const char *problem);

gboolean    att_json_has_member (JsonObject *object,
                                 const char *key);
const char *att_json_pick_member (JsonObject *object,
                                  const char *key,
                                  const char *alternative);
const char *att_json_get_string (JsonObject *object,
                                 const char *key,
                                 const char *path,
                                 gboolean    required,
                                 GError    **error);
double      att_json_get_double (JsonObject *object,
                                 const char *key,
                                 const char *path,
                                 gboolean    required,
                                 GError    **error);
gint64      att_json_get_int (JsonObject *object,
                              const char *key,
                              const char *path,
                              gboolean    required,
                              gint64      default_value,
                              GError    **error);
gboolean    att_json_get_boolean (JsonObject *object,
                                  const char *key,
                                  const char *path,
                                  gboolean    required,
                                  gboolean    default_value,
                                  GError    **error);
JsonObject *att_json_get_object (JsonObject *object,
                                 const char *key,
                                 const char *path,
                                 gboolean    required,
                                 GError    **error);
JsonArray  *att_json_get_array (JsonObject *object,
                                const char *key,
                                const char *path,
                                gboolean    required,
                                GError    **error);
char      **att_json_get_string_array (JsonObject *object,
                                       const char *key,
                                       const char *path,
                                       gboolean    required,
                                       GError    **error);
gint64      att_json_get_timestamp (JsonObject *object,
                                    const char *key,
                                    const char *path,
                                    GError    **error);
char       *att_json_get_date (JsonObject *object,
                               const char *key,
                               const char *path,
                               GError    **error);
GDateTime  *att_json_get_date_time (JsonObject *object,
                                    const char *key,
                                    const char *path,
                                    GError    **error);
GListStore *att_json_get_object_list (JsonObject         *object,
                                      const char         *key,
                                      const char         *path,
                                      GType               item_type,
                                      AttJsonObjectParser parser,
                                      GError            **error);

/* The same readers in a shape that chains with ||: they return %FALSE on
 * error, and store the value (or the "nothing" value) only on success.
 * Strings and string arrays are copied (transfer full); objects are
 * borrowed from @object (transfer none). */
gboolean    att_json_read_string (JsonObject *object,
                                  const char *key,
                                  const char *path,
                                  gboolean    required,
                                  char      **out_value,
                                  GError    **error);
gboolean    att_json_read_double (JsonObject *object,
                                  const char *key,
                                  const char *path,
                                  gboolean    required,
                                  double     *out_value,
                                  GError    **error);
gboolean    att_json_read_boolean (JsonObject *object,
                                   const char *key,
                                   const char *path,
                                   gboolean    default_value,
                                   gboolean   *out_value,
                                   GError    **error);
gboolean    att_json_read_object (JsonObject  *object,
                                  const char  *key,
                                  const char  *path,
                                  gboolean     required,
                                  JsonObject **out_value,
                                  GError     **error);
gboolean    att_json_read_strv (JsonObject *object,
                                const char *key,
                                const char *path,
                                char     ***out_value,
                                GError    **error);
gboolean    att_json_read_timestamp (JsonObject *object,
                                     const char *key,
                                     const char *path,
                                     gint64     *out_value,
                                     GError    **error);
gboolean    att_json_read_date (JsonObject *object,
                                const char *key,
                                const char *path,
                                char      **out_value,
                                GError    **error);
gboolean    att_json_read_date_time (JsonObject *object,
                                     const char *key,
                                     const char *path,
                                     GDateTime **out_value,
                                     GError    **error);

JsonNode   *att_json_parse (const char *data,
                            gssize      length,
                            GError    **error);
JsonObject *att_json_parse_object (const char *data,
                                   gssize      length,
                                   GError    **error);
JsonObject *att_json_node_get_object (JsonNode   *node,
                                      const char *path,
                                      GError    **error);

JsonNode   *att_json_node_copy (JsonNode *node);
JsonObject *att_json_object_copy (JsonObject *object);
JsonNode   *att_json_object_to_node (JsonObject *object);
void        att_json_object_set_number (JsonObject *object,
                                        const char *key,
                                        double      value);
void        att_json_object_set_string (JsonObject *object,
                                        const char *key,
                                        const char *value);

char       *att_json_date_from_unix_ms (gint64 unix_ms);
char       *att_json_normalize_date (const char *text);
gint64      att_json_date_time_to_unix_ms (GDateTime *date_time);
GDateTime  *att_json_date_time_from_number (double value);
GDateTime  *att_json_date_time_from_string (const char *text);

G_END_DECLS
