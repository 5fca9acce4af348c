/* att-validation-purchase-orders.c: the rules of the purchase orders in a
 * product's create and update bodies (V7), and of the dates they hold
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "att-validation-private.h"

static gboolean
has_date_shape (const char *date)
{
  if (date == NULL || strlen (date) != 10 || date[4] != '-' || date[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (date[i]))
      return FALSE;

  return TRUE;
}

/**
 * att_validate_date_string:
 * @date: a date as the API sends it, `YYYY-MM-DD`
 * @out_unix_ms: (out) (optional): midnight UTC of that day, in Unix ms
 *
 * Checks that @date has the documented shape and names a real day
 * (`2024-02-30` is refused).
 *
 * Returns: %TRUE if @date is valid
 */
gboolean
att_validate_date_string (const char *date,
                          gint64     *out_unix_ms)
{
  guint year, month, day;
  g_autoptr(GDateTime) datetime = NULL;

  if (!has_date_shape (date))
    return FALSE;

  year = (guint) g_ascii_strtoull (date, NULL, 10);
  month = (guint) g_ascii_strtoull (date + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (date + 8, NULL, 10);

  if (year < 1 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  if (out_unix_ms != NULL)
    {
      datetime = g_date_time_new_utc ((gint) year, (gint) month, (gint) day, 0, 0, 0);
      if (datetime == NULL)
        return FALSE;
      *out_unix_ms = g_date_time_to_unix (datetime) * 1000;
    }

  return TRUE;
}

static void
check_purchase_date (GPtrArray  *errors,
                     JsonObject *po,
                     const char *path,
                     gboolean    partial)
{
  const char *date = att_check_string (errors, po, "purchaseDate", path, !partial, partial);

  if (date != NULL && !att_validate_date_string (date, NULL))
    att_check_report_member (errors, path, "purchaseDate",
                             _ ("Expected a real date written as YYYY-MM-DD"));
}

static void
check_assembly (GPtrArray  *errors,
                JsonObject *po,
                const char *path)
{
  JsonNode        *node = json_object_get_member (po, "assembly");
  g_autofree char *assembly_path = NULL;
  JsonObject      *assembly;

  if (node == NULL || att_check_is_null (node))
    return;

  assembly_path = att_json_path_member (path, "assembly");
  assembly = att_check_object (errors, node, assembly_path);
  if (assembly != NULL)
    att_check_string (errors, assembly, "femId", assembly_path, TRUE, FALSE);
}

/* One purchase order (V7).  With @partial, as in updatePurchaseOrder, only
 * `_id` is required and the other fields are checked when present. */
static void
check_purchase_order (GPtrArray  *errors,
                      JsonNode   *node,
                      const char *path,
                      gboolean    partial)
{
  static const AttCheckRange not_negative = { .min = 0, .max = G_MAXDOUBLE };
  JsonObject                *po = att_check_object (errors, node, path);

  if (po == NULL)
    return;

  if (partial)
    att_check_string (errors, po, "_id", path, TRUE, FALSE);
  att_check_string (errors, po, "purchaseOrderId", path, !partial, partial);
  check_purchase_date (errors, po, path, partial);
  att_check_number_in (errors, po, "amountPurchase", path, !partial, &not_negative,
                       _ ("The amount purchased must not be negative"), NULL);
  check_assembly (errors, po, path);
}

void
att_check_purchase_order_list (GPtrArray  *errors,
                               JsonObject *body,
                               const char *key,
                               gboolean    partial)
{
  JsonArray *array = att_check_array (errors, body, key, NULL, FALSE);

  if (array == NULL)
    return;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = att_json_path_index (key, i);

      check_purchase_order (errors, json_array_get_element (array, i), path, partial);
    }

  att_check_duplicates (errors, array, key, "_id");
}

void
att_check_removed_purchase_orders (GPtrArray  *errors,
                                   JsonObject *body)
{
  JsonArray *array = att_check_array (errors, body, "removePurchaseOrder", NULL, FALSE);

  if (array == NULL)
    return;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode        *element = json_array_get_element (array, i);
      g_autofree char *path = att_json_path_index ("removePurchaseOrder", i);

      if (!att_check_is_string (element))
        att_check_report (errors, path, _ ("Expected the id of a purchase order"));
      else if (*json_node_get_string (element) == '\0')
        att_check_report (errors, path, _ ("This field must not be empty"));
      else
        att_check_text (errors, path, json_node_get_string (element));
    }

  att_check_duplicates (errors, array, "removePurchaseOrder", NULL);
}
