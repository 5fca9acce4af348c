/* att-json-read.c: the att_json_get_*() readers in a shape that chains
 * with ||, returning %FALSE on error and storing the value only on success
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-json.h"

/**
 * att_json_read_string:
 * @out_value: (out) (transfer full) (nullable): the string, %NULL if absent
 *
 * Returns: %FALSE on error
 */
gboolean
att_json_read_string (JsonObject *object,
                      const char *key,
                      const char *path,
                      gboolean    required,
                      char      **out_value,
                      GError    **error)
{
  GError     *local_error = NULL;
  const char *value;

  g_return_val_if_fail (out_value != NULL, FALSE);

  value = att_json_get_string (object, key, path, required, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  *out_value = g_strdup (value);
  return TRUE;
}

/**
 * att_json_read_double:
 * @out_value: (out): the number, %NAN if absent
 *
 * Returns: %FALSE on error
 */
gboolean
att_json_read_double (JsonObject *object,
                      const char *key,
                      const char *path,
                      gboolean    required,
                      double     *out_value,
                      GError    **error)
{
  GError *local_error = NULL;
  double  value;

  g_return_val_if_fail (out_value != NULL, FALSE);

  value = att_json_get_double (object, key, path, required, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  *out_value = value;
  return TRUE;
}

/**
 * att_json_read_boolean:
 * @out_value: (out): the boolean, @default_value if absent
 *
 * Returns: %FALSE on error
 */
gboolean
att_json_read_boolean (JsonObject *object,
                       const char *key,
                       const char *path,
                       gboolean    default_value,
                       gboolean   *out_value,
                       GError    **error)
{
  GError  *local_error = NULL;
  gboolean value;

  g_return_val_if_fail (out_value != NULL, FALSE);

  value = att_json_get_boolean (object, key, path, FALSE, default_value, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  *out_value = value;
  return TRUE;
}

/**
 * att_json_read_object:
 * @out_value: (out) (transfer none) (nullable): the object, %NULL if absent
 *
 * Returns: %FALSE on error
 */
gboolean
att_json_read_object (JsonObject  *object,
                      const char  *key,
                      const char  *path,
                      gboolean     required,
                      JsonObject **out_value,
                      GError     **error)
{
  GError     *local_error = NULL;
  JsonObject *value;

  g_return_val_if_fail (out_value != NULL, FALSE);

  value = att_json_get_object (object, key, path, required, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  *out_value = value;
  return TRUE;
}

/**
 * att_json_read_strv:
 * @out_value: (out) (transfer full) (nullable): the strings, %NULL if absent
 *
 * Returns: %FALSE on error
 */
gboolean
att_json_read_strv (JsonObject *object,
                    const char *key,
                    const char *path,
                    char     ***out_value,
                    GError    **error)
{
  GError *local_error = NULL;
  char  **value;

  g_return_val_if_fail (out_value != NULL, FALSE);

  value = att_json_get_string_array (object, key, path, FALSE, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  *out_value = value;
  return TRUE;
}

/**
 * att_json_read_timestamp:
 * @out_value: (out): Unix milliseconds, 0 if unknown
 *
 * Returns: %FALSE on error
 */
gboolean
att_json_read_timestamp (JsonObject *object,
                         const char *key,
                         const char *path,
                         gint64     *out_value,
                         GError    **error)
{
  GError *local_error = NULL;
  gint64  value;

  g_return_val_if_fail (out_value != NULL, FALSE);

  value = att_json_get_timestamp (object, key, path, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  *out_value = value;
  return TRUE;
}

/**
 * att_json_read_date:
 * @out_value: (out) (transfer full) (nullable): "YYYY-MM-DD", or %NULL
 *
 * Returns: %FALSE on error
 */
gboolean
att_json_read_date (JsonObject *object,
                    const char *key,
                    const char *path,
                    char      **out_value,
                    GError    **error)
{
  GError *local_error = NULL;
  char   *value;

  g_return_val_if_fail (out_value != NULL, FALSE);

  value = att_json_get_date (object, key, path, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  *out_value = value;
  return TRUE;
}

/**
 * att_json_read_date_time:
 * @out_value: (out) (transfer full) (nullable): the time in UTC, %NULL if
 *   absent or unknown
 *
 * Returns: %FALSE on error
 */
gboolean
att_json_read_date_time (JsonObject *object,
                         const char *key,
                         const char *path,
                         GDateTime **out_value,
                         GError    **error)
{
  GError    *local_error = NULL;
  GDateTime *value;

  g_return_val_if_fail (out_value != NULL, FALSE);

  value = att_json_get_date_time (object, key, path, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  *out_value = value;
  return TRUE;
}
