/* att-validation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "att-gtin.h"
#include "att-validation.h"

/*
 * The rules here are the ones the Higg PIC documentation states for product
 * create and update (api-higg.md §6, V1-V10 and V13).  They are shared by the
 * sandbox, which answers 400 with these problems, and by the app's forms,
 * which mark each failing field before anything is sent.  Every problem is
 * collected, never only the first one, so that a user can fix a whole form in
 * one go.  Paths use the same spelling as the request body, e.g.
 * `materials[2].composition` or `purchaseOrder[0].assembly.femId`.
 *
 * Besides the documented rules (V1-V9, V13), bad input is refused the same
 * way: text with control characters or longer than ATT_TEXT_MAX_CHARS,
 * numbers that are not finite, the same catalogue entry twice in a list, a
 * purchase order named twice in one command, and a GTIN whose length or
 * check digit is wrong.
 */

/* The longest text any member may hold, in characters.  The API documents
 * no limit for any text it takes; but a name or an identifier is shown in
 * lists, labels and reports, and a pasted 10,000-character name is a
 * mistake, not a name.  255 is the common limit of database text columns
 * and of GS1 and ERP product descriptions, long enough for any real name,
 * tag or id. */
#define ATT_TEXT_MAX_CHARS 255

static const char *const weight_units[] = {
  "kilograms", "grams", "milligram", "pound", "ounce", NULL
};

static const char *const identifier_types[] = {
  "GTIN", "SKU", "UPC", "OTHER", NULL
};

static const char *const business_types[] = {
  "small-business",
  "large-business-with-services",
  "large-business-without-services",
  NULL
};

static void
add_error (GPtrArray  *errors,
           const char *path,
           const char *message)
{
  g_ptr_array_add (errors, att_field_error_new (path, message));
}

static char *
member_path (const char *parent,
             const char *member)
{
  if (parent == NULL || *parent == '\0')
    return g_strdup (member);
  return g_strdup_printf ("%s.%s", parent, member);
}

static char *
index_path (const char *parent,
            guint       index)
{
  return g_strdup_printf ("%s[%u]", parent, index);
}

/* The value of @key, or %NULL when the member is absent.  A JSON null is
 * returned as a node, so that callers can tell "absent" from "cleared". */
static JsonNode *
get_member (JsonObject *object,
            const char *key)
{
  if (!json_object_has_member (object, key))
    return NULL;
  return json_object_get_member (object, key);
}

static gboolean
node_is_null (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_NULL (node);
}

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
node_is_number (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

static gboolean
node_is_boolean (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN;
}

static gboolean
number_is_integer (JsonNode *node)
{
  double value;

  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return TRUE;
  value = json_node_get_double (node);
  return isfinite (value) && floor (value) == value;
}

static gboolean
string_in (const char        *value,
           const char *const *allowed)
{
  for (guint i = 0; allowed[i] != NULL; i++)
    if (g_strcmp0 (value, allowed[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
string_is_blank (const char *value)
{
  for (const char *p = value; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/* Checks a string member.  Returns the string when it is present and of the
 * right type, %NULL otherwise (absent, null or an error already reported).
 * A required string must also not be blank; a null is accepted only for a
 * @nullable member that is not @required. */
/* Control characters (tabs, line breaks, escapes: Unicode category Cc) have
 * no place in any member: every one is a single-line name, id or label, and
 * a pasted tab or escape sequence would corrupt lists and reports. */
static gboolean
check_text (GPtrArray  *errors,
            const char *path,
            const char *value)
{
  glong length;

  if (!g_utf8_validate (value, -1, NULL))
    {
      add_error (errors, path, _ ("This text is not valid UTF-8"));
      return FALSE;
    }

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      {
        add_error (errors, path,
                   _ ("Remove the control characters (such as tabs or line breaks) from this text"));
        return FALSE;
      }

  length = g_utf8_strlen (value, -1);
  if (length > ATT_TEXT_MAX_CHARS)
    {
      /* Translators: %d is the longest text accepted, %ld how long it is. */
      g_autofree char *message = g_strdup_printf (_ ("This text is too long: at most %d characters, not %ld"),
                                                  ATT_TEXT_MAX_CHARS, length);

      add_error (errors, path, message);
      return FALSE;
    }

  return TRUE;
}

static const char *
check_string (GPtrArray  *errors,
              JsonObject *object,
              const char *key,
              const char *parent,
              gboolean    required,
              gboolean    nullable)
{
  JsonNode        *node = get_member (object, key);
  g_autofree char *path = member_path (parent, key);
  const char      *value;

  if (node == NULL || node_is_null (node))
    {
      if (required || (node != NULL && !nullable))
        add_error (errors, path, _ ("This field is required"));
      return NULL;
    }

  if (!node_is_string (node))
    {
      add_error (errors, path, _ ("Expected text"));
      return NULL;
    }

  value = json_node_get_string (node);
  if (!check_text (errors, path, value))
    return NULL;

  if (required && string_is_blank (value))
    {
      add_error (errors, path, _ ("This field must not be empty"));
      return NULL;
    }

  return value;
}

static void
check_enum (GPtrArray         *errors,
            JsonObject        *object,
            const char        *key,
            const char        *parent,
            const char *const *allowed)
{
  const char *value = check_string (errors, object, key, parent, FALSE, TRUE);

  if (value != NULL && !string_in (value, allowed))
    {
      g_autofree char *path = member_path (parent, key);
      g_autofree char *list = g_strjoinv (", ", (char **) allowed);
      /* Translators: %s is a comma-separated list of the accepted values. */
      g_autofree char *message = g_strdup_printf (_ ("Must be one of: %s"), list);

      add_error (errors, path, message);
    }
}

static void
check_boolean (GPtrArray  *errors,
               JsonObject *object,
               const char *key,
               const char *parent)
{
  JsonNode *node = get_member (object, key);

  if (node != NULL && !node_is_null (node) && !node_is_boolean (node))
    {
      g_autofree char *path = member_path (parent, key);

      add_error (errors, path, _ ("Expected true or false"));
    }
}

/* Checks a number member.  Returns TRUE and sets @out_value when the member
 * is a number; reports a type error when it is something else. */
static gboolean
check_number (GPtrArray  *errors,
              JsonObject *object,
              const char *key,
              const char *parent,
              gboolean    required,
              JsonNode  **out_node,
              double     *out_value)
{
  JsonNode        *node = get_member (object, key);
  g_autofree char *path = member_path (parent, key);

  if (node == NULL || node_is_null (node))
    {
      if (required)
        add_error (errors, path, _ ("This field is required"));
      return FALSE;
    }

  if (!node_is_number (node))
    {
      add_error (errors, path, _ ("Expected a number"));
      return FALSE;
    }

  /* JSON has no NaN or infinity, but a parser turns 1e999 into one, and a
   * form may hold one; no rule below could say anything sensible of it. */
  if (!isfinite (json_node_get_double (node)))
    {
      add_error (errors, path, _ ("Expected a finite number"));
      return FALSE;
    }

  if (out_node != NULL)
    *out_node = node;
  *out_value = json_node_get_double (node);
  return TRUE;
}

/* Returns the array of @key, %NULL when it is absent or null (or reports a
 * type error).  @required makes both absent and null an error. */
static JsonArray *
check_array (GPtrArray  *errors,
             JsonObject *object,
             const char *key,
             const char *parent,
             gboolean    required)
{
  JsonNode        *node = get_member (object, key);
  g_autofree char *path = member_path (parent, key);

  if (node == NULL || node_is_null (node))
    {
      if (required)
        add_error (errors, path, _ ("This field is required"));
      return NULL;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      add_error (errors, path, _ ("Expected a list"));
      return NULL;
    }

  return json_node_get_array (node);
}

static JsonObject *
check_object (GPtrArray  *errors,
              JsonNode   *node,
              const char *path)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      add_error (errors, path, _ ("Expected an object"));
      return NULL;
    }
  return json_node_get_object (node);
}

static void
check_string_list (GPtrArray  *errors,
                   JsonObject *object,
                   const char *key,
                   const char *parent)
{
  JsonArray       *array = check_array (errors, object, key, parent, FALSE);
  g_autofree char *path = member_path (parent, key);

  if (array == NULL)
    return;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode        *element = json_array_get_element (array, i);
      g_autofree char *item_path = index_path (path, i);

      if (!node_is_string (element))
        add_error (errors, item_path, _ ("Expected text"));
      else
        check_text (errors, item_path, json_node_get_string (element));
    }
}

static void
check_country (GPtrArray  *errors,
               JsonObject *object,
               const char *key,
               const char *parent)
{
  JsonNode        *node = get_member (object, key);
  g_autofree char *path = member_path (parent, key);
  JsonObject      *country;

  if (node == NULL || node_is_null (node))
    return;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      add_error (errors, path, _ ("Expected a country with a code and a name"));
      return;
    }

  country = json_node_get_object (node);
  check_string (errors, country, "code", path, TRUE, FALSE);
  check_string (errors, country, "name", path, TRUE, FALSE);
}

/* Reports each row of @list whose @member repeats an earlier row's: the
 * same catalogue entry twice (or the same purchase order named twice in one
 * command) is a mistake the server would otherwise add up or apply twice. */
static void
check_duplicates (GPtrArray  *errors,
                  JsonArray  *array,
                  const char *list,
                  const char *member)
{
  g_autoptr(GHashTable) rows = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode   *element = json_array_get_element (array, i);
      JsonNode   *node = element;
      const char *id;
      gpointer    first;

      if (member != NULL)
        node = JSON_NODE_HOLDS_OBJECT (element) ? get_member (json_node_get_object (element), member) : NULL;
      if (node == NULL || !node_is_string (node) || string_is_blank (json_node_get_string (node)))
        continue;

      id = json_node_get_string (node);
      if (g_hash_table_lookup_extended (rows, id, NULL, &first))
        {
          g_autofree char *row_path = index_path (list, i);
          g_autofree char *path = member != NULL ? member_path (row_path, member) : g_strdup (row_path);
          /* Translators: %u is the number of a row, counted from 1. */
          g_autofree char *message = g_strdup_printf (_ ("This is already in the list, in row %u"),
                                                      GPOINTER_TO_UINT (first) + 1);

          add_error (errors, path, message);
        }
      else
        g_hash_table_insert (rows, (gpointer) id, GUINT_TO_POINTER (i));
    }
}

/* Materials: materialId + netUse (1-100), composition integers 1-100 that
 * add up to exactly 100 when any is given (V2, V3, V4). */
static void
check_materials (GPtrArray  *errors,
                 JsonObject *body,
                 gboolean    required)
{
  JsonArray *array;
  guint      n;
  guint      with_composition = 0;
  guint      valid_composition = 0;
  gint64     sum = 0;

  if (!required)
    {
      JsonNode *node = get_member (body, "materials");

      if (node == NULL)
        return;
      if (node_is_null (node))
        {
          add_error (errors, "materials", _ ("A product needs at least one material"));
          return;
        }
    }

  array = check_array (errors, body, "materials", NULL, TRUE);
  if (array == NULL)
    return;

  n = json_array_get_length (array);
  if (n == 0)
    {
      add_error (errors, "materials", _ ("A product needs at least one material"));
      return;
    }

  check_duplicates (errors, array, "materials", "materialId");

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = index_path ("materials", i);
      JsonObject      *material = check_object (errors, json_array_get_element (array, i), path);
      JsonNode        *composition_node;
      double           value;

      if (material == NULL)
        continue;

      check_string (errors, material, "materialId", path, TRUE, FALSE);

      if (check_number (errors, material, "netUse", path, TRUE, NULL, &value) &&
          (value < 1 || value > 100))
        {
          g_autofree char *net_use_path = member_path (path, "netUse");

          add_error (errors, net_use_path, _ ("Net use must be between 1 and 100"));
        }

      composition_node = get_member (material, "composition");
      if (composition_node != NULL && !node_is_null (composition_node))
        {
          with_composition++;
          if (check_number (errors, material, "composition", path, FALSE, NULL, &value))
            {
              if (!number_is_integer (composition_node) || value < 1 || value > 100)
                {
                  g_autofree char *composition_path = member_path (path, "composition");

                  add_error (errors, composition_path,
                             _ ("Composition must be a whole number between 1 and 100"));
                }
              else
                {
                  valid_composition++;
                  sum += (gint64) value;
                }
            }
        }
    }

  if (with_composition > 0 && with_composition < n)
    {
      for (guint i = 0; i < n; i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          JsonNode *composition_node;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            continue;
          composition_node = get_member (json_node_get_object (element), "composition");
          if (composition_node == NULL || node_is_null (composition_node))
            {
              g_autofree char *path = g_strdup_printf ("materials[%u].composition", i);

              add_error (errors, path,
                         _ ("Give a composition for every material, or for none"));
            }
        }
    }
  else if (with_composition == n && valid_composition == n && sum != 100)
    {
      /* Translators: %d is the sum of the material compositions. */
      g_autofree char *message = g_strdup_printf (_ ("Compositions must add up to 100 %% (they add up to %d %%)"),
                                                  (int) sum);

      add_error (errors, "materials", message);
    }
}

static void
check_packaging (GPtrArray  *errors,
                 JsonObject *body)
{
  JsonArray *array = check_array (errors, body, "packaging", NULL, FALSE);

  if (array == NULL)
    return;

  check_duplicates (errors, array, "packaging", "packagingId");

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = index_path ("packaging", i);
      JsonObject      *item = check_object (errors, json_array_get_element (array, i), path);
      double           value;

      if (item == NULL)
        continue;

      check_string (errors, item, "packagingId", path, TRUE, FALSE);
      if (check_number (errors, item, "amount", path, TRUE, NULL, &value) && !(value > 0))
        {
          g_autofree char *amount_path = member_path (path, "amount");

          add_error (errors, amount_path, _ ("Amount must be greater than 0"));
        }
    }
}

static void
check_components (GPtrArray  *errors,
                  JsonObject *body)
{
  JsonArray *array = check_array (errors, body, "components", NULL, FALSE);

  if (array == NULL)
    return;

  check_duplicates (errors, array, "components", "componentId");

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = index_path ("components", i);
      JsonObject      *item = check_object (errors, json_array_get_element (array, i), path);
      double           value;

      if (item == NULL)
        continue;

      check_string (errors, item, "componentId", path, TRUE, FALSE);
      if (check_number (errors, item, "unit", path, TRUE, NULL, &value) && !(value > 0))
        {
          g_autofree char *unit_path = member_path (path, "unit");

          add_error (errors, unit_path, _ ("Units must be greater than 0"));
        }
    }
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

  if (date == NULL || strlen (date) != 10 || date[4] != '-' || date[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (date[i]))
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

/* One purchase order (V7).  With @partial, as in updatePurchaseOrder, only
 * `_id` is required and the other fields are checked when present. */
static void
check_purchase_order (GPtrArray  *errors,
                      JsonNode   *node,
                      const char *path,
                      gboolean    partial)
{
  JsonObject *po = check_object (errors, node, path);
  const char *date;
  JsonNode   *assembly_node;
  double      amount;

  if (po == NULL)
    return;

  if (partial)
    check_string (errors, po, "_id", path, TRUE, FALSE);

  check_string (errors, po, "purchaseOrderId", path, !partial, partial);

  date = check_string (errors, po, "purchaseDate", path, !partial, partial);
  if (date != NULL && !att_validate_date_string (date, NULL))
    {
      g_autofree char *date_path = member_path (path, "purchaseDate");

      add_error (errors, date_path, _ ("Expected a real date written as YYYY-MM-DD"));
    }

  if (check_number (errors, po, "amountPurchase", path, !partial, NULL, &amount) &&
      !(amount >= 0))
    {
      g_autofree char *amount_path = member_path (path, "amountPurchase");

      add_error (errors, amount_path, _ ("The amount purchased must not be negative"));
    }

  assembly_node = get_member (po, "assembly");
  if (assembly_node != NULL && !node_is_null (assembly_node))
    {
      g_autofree char *assembly_path = member_path (path, "assembly");
      JsonObject      *assembly = check_object (errors, assembly_node, assembly_path);

      if (assembly != NULL)
        check_string (errors, assembly, "femId", assembly_path, TRUE, FALSE);
    }
}

static void
check_purchase_order_list (GPtrArray  *errors,
                           JsonObject *body,
                           const char *key,
                           gboolean    partial)
{
  JsonArray *array = check_array (errors, body, key, NULL, FALSE);

  if (array == NULL)
    return;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = index_path (key, i);

      check_purchase_order (errors, json_array_get_element (array, i), path, partial);
    }

  check_duplicates (errors, array, key, "_id");
}

static void
check_removed_purchase_orders (GPtrArray  *errors,
                               JsonObject *body)
{
  JsonArray *array = check_array (errors, body, "removePurchaseOrder", NULL, FALSE);

  if (array == NULL)
    return;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode        *element = json_array_get_element (array, i);
      g_autofree char *path = index_path ("removePurchaseOrder", i);

      if (!node_is_string (element))
        add_error (errors, path, _ ("Expected the id of a purchase order"));
      else if (*json_node_get_string (element) == '\0')
        add_error (errors, path, _ ("This field must not be empty"));
      else
        check_text (errors, path, json_node_get_string (element));
    }

  check_duplicates (errors, array, "removePurchaseOrder", NULL);
}

/* frenchLabelOptionalFields (V13): every sub-field is nullable, null clears. */
static void
check_optional_fields (GPtrArray  *errors,
                       JsonObject *body)
{
  const char *key = "frenchLabelOptionalFields";
  JsonNode   *node = get_member (body, key);
  JsonObject *fields;
  JsonNode   *number_node = NULL;
  double      value;

  if (node == NULL || node_is_null (node))
    return;

  fields = check_object (errors, node, key);
  if (fields == NULL)
    return;

  check_enum (errors, fields, "business", key, business_types);
  check_country (errors, fields, "countrySpinning", key);
  check_boolean (errors, fields, "upcycled", key);

  if (check_number (errors, fields, "numberOfReferences", key, FALSE, &number_node, &value) &&
      (!number_is_integer (number_node) || value < 1 || value > 999999))
    add_error (errors, "frenchLabelOptionalFields.numberOfReferences",
               _ ("The number of references must be a whole number between 1 and 999,999"));

  if (check_number (errors, fields, "price", key, FALSE, NULL, &value) &&
      (value < 1 || value > 1000))
    add_error (errors, "frenchLabelOptionalFields.price",
               _ ("The price must be between 1 and 1,000 euros"));
}

/* The weight rule (V5): a weight is required unless isMaterialWeight is true,
 * and a weight that is given must be a positive number. */
static void
check_weight (GPtrArray  *errors,
              JsonObject *body,
              gboolean    is_create,
              gboolean    stored_is_material_weight)
{
  JsonNode *weight = get_member (body, "weight");
  JsonNode *material_weight = get_member (body, "isMaterialWeight");
  gboolean  is_material_weight = is_create ? FALSE : stored_is_material_weight;
  double    value;

  if (material_weight != NULL && node_is_boolean (material_weight))
    is_material_weight = json_node_get_boolean (material_weight);
  else if (material_weight != NULL && node_is_null (material_weight))
    is_material_weight = FALSE;

  /* On update the rule only applies when the weight itself is changed. */
  if (!is_create && weight == NULL)
    return;

  if (weight == NULL || node_is_null (weight))
    {
      if (!is_material_weight)
        add_error (errors, "weight",
                   _ ("Enter the product weight, or compute it from the materials"));
      return;
    }

  if (check_number (errors, body, "weight", NULL, FALSE, NULL, &value) && !(value > 0))
    add_error (errors, "weight", _ ("The weight must be greater than 0"));
}

/* A GTIN must have a GTIN's length and check digit; other identifier types
 * (SKU, UPC, OTHER) are free text.  On update this applies when the body
 * says the type: the stored type is not known here. */
static void
check_identifier (GPtrArray  *errors,
                  JsonObject *body)
{
  const char *identifier = check_string (errors, body, "identifier", NULL, FALSE, TRUE);
  JsonNode   *type = get_member (body, "identifierType");
  g_autoptr(GError) error = NULL;

  check_enum (errors, body, "identifierType", NULL, identifier_types);

  if (identifier == NULL || *identifier == '\0' || type == NULL || !node_is_string (type) ||
      g_strcmp0 (json_node_get_string (type), "GTIN") != 0)
    return;

  if (!att_gtin_normalize (identifier, NULL, &error))
    add_error (errors, "identifier", error->message);
}

static void
check_common (GPtrArray  *errors,
              JsonObject *body)
{
  check_boolean (errors, body, "isMaterialWeight", NULL);
  check_boolean (errors, body, "weightIsPrimaryData", NULL);
  check_enum (errors, body, "weightMeasureUnit", NULL, weight_units);
  check_identifier (errors, body);
  check_string (errors, body, "categoryExpansionId", NULL, FALSE, TRUE);
  check_string (errors, body, "productCategory", NULL, FALSE, TRUE);
  check_string (errors, body, "size", NULL, FALSE, TRUE);
  check_string (errors, body, "taxonomyId", NULL, FALSE, TRUE);
  check_string_list (errors, body, "tags", NULL);
  check_packaging (errors, body);
  check_components (errors, body);
  check_country (errors, body, "frenchLabelCountry", NULL);
  check_country (errors, body, "frenchLabelDyeingCountry", NULL);
  check_country (errors, body, "frenchLabelFabricCountry", NULL);
  check_optional_fields (errors, body);
}

/**
 * att_validate_product_create:
 * @body: the request body of `products/create`
 *
 * Checks @body against the documented rules.
 *
 * Returns: (transfer full) (element-type AttFieldError): every problem
 *   found, empty when @body is valid
 */
GPtrArray *
att_validate_product_create (JsonObject *body)
{
  g_autoptr(GPtrArray) errors = att_field_error_array_new ();

  g_return_val_if_fail (body != NULL, NULL);

  check_string (errors, body, "name", NULL, TRUE, FALSE);
  check_materials (errors, body, TRUE);
  check_weight (errors, body, TRUE, FALSE);
  check_common (errors, body);
  check_purchase_order_list (errors, body, "purchaseOrder", FALSE);

  return g_steal_pointer (&errors);
}

/**
 * att_validate_product_update:
 * @body: the request body of `products/update/{id}` (a command object)
 * @stored_is_material_weight: whether the stored product computes its weight
 *   from its materials; used when @body changes the weight but not this flag
 *
 * Checks @body against the documented rules.  Omitted fields are not
 * checked: they stay as they are.
 *
 * Returns: (transfer full) (element-type AttFieldError): every problem
 *   found, empty when @body is valid
 */
GPtrArray *
att_validate_product_update (JsonObject *body,
                             gboolean    stored_is_material_weight)
{
  g_autoptr(GPtrArray) errors = att_field_error_array_new ();

  g_return_val_if_fail (body != NULL, NULL);

  if (json_object_has_member (body, "name"))
    check_string (errors, body, "name", NULL, TRUE, FALSE);
  check_materials (errors, body, FALSE);
  check_weight (errors, body, FALSE, stored_is_material_weight);
  check_common (errors, body);
  check_purchase_order_list (errors, body, "addPurchaseOrder", FALSE);
  check_purchase_order_list (errors, body, "updatePurchaseOrder", TRUE);
  check_removed_purchase_orders (errors, body);

  /* The create-only list would be silently ignored by a command object, which
   * hides a mistake in the caller; say what to use instead. */
  if (json_object_has_member (body, "purchaseOrder"))
    add_error (errors, "purchaseOrder",
               _ ("Use addPurchaseOrder, updatePurchaseOrder or removePurchaseOrder to change purchase orders"));

  return g_steal_pointer (&errors);
}

static gboolean
member_is_set (JsonObject *object,
               const char *key)
{
  JsonNode *node = get_member (object, key);

  return node != NULL && !node_is_null (node);
}

static gboolean
member_is_true (JsonObject *object,
                const char *key)
{
  JsonNode *node = get_member (object, key);

  return node != NULL && node_is_boolean (node) && json_node_get_boolean (node);
}

/* V11: a material the catalogue marks as an MSI custom one. */
static void
check_eco_score_materials (GPtrArray  *warnings,
                           JsonObject *state)
{
  JsonNode  *node = get_member (state, "materials");
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode        *element = json_array_get_element (array, i);
      g_autofree char *path = index_path ("materials", i);
      JsonObject      *material;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      material = json_node_get_object (element);

      if (member_is_true (material, "isCustomMaterial") || member_is_true (material, "isMsiMaterial"))
        add_error (warnings, path,
                   _ ("Products with MSI custom materials cannot have an eco-score"));
      if (!member_is_set (material, "composition"))
        {
          g_autofree char *composition_path = member_path (path, "composition");

          add_error (warnings, composition_path, _ ("An eco-score needs the composition of every material"));
        }
    }
}

/**
 * att_validate_product_eco_score:
 * @state: a product in the shape of a create body; list items may carry
 *   the catalogue's `isCustomMaterial` or `isMsiMaterial`
 *
 * What a French eco-score needs that a product can be saved without
 * (V10-V12): the weight with its unit as primary data, the three
 * locations, a category and size, and materials that are not MSI custom
 * ones, each with its composition.  None of these block a save; the server
 * does not check them.
 *
 * Returns: (transfer full) (element-type AttFieldError): the warnings
 */
GPtrArray *
att_validate_product_eco_score (JsonObject *state)
{
  static const struct
  {
    const char *member;
    const char *message;
  } needs[] = {
    { "categoryExpansionId", N_ ("An eco-score needs the product category") },
    { "size", N_ ("An eco-score needs the product size") },
    { "weight", N_ ("An eco-score needs the product weight") },
    { "weightMeasureUnit", N_ ("An eco-score needs the unit of the weight") },
    { "frenchLabelCountry", N_ ("An eco-score needs the country of manufacture") },
    { "frenchLabelDyeingCountry", N_ ("An eco-score needs the dyeing country") },
    { "frenchLabelFabricCountry", N_ ("An eco-score needs the fabric country") },
  };
  g_autoptr(GPtrArray) warnings = att_field_error_array_new ();

  g_return_val_if_fail (state != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (needs); i++)
    {
      /* The deprecated productCategory still names a category. */
      if (member_is_set (state, needs[i].member) ||
          (i == 0 && member_is_set (state, "productCategory")))
        continue;
      add_error (warnings, needs[i].member, _ (needs[i].message));
    }

  if (!member_is_true (state, "weightIsPrimaryData"))
    add_error (warnings, "weightIsPrimaryData",
               _ ("An eco-score needs the weight to be primary data (the real weight of the product)"));

  check_eco_score_materials (warnings, state);

  return g_steal_pointer (&warnings);
}

/**
 * att_validate_text_member:
 * @required: whether absent, null and blank are errors
 * @out_value: (out): the text, when it passes
 *
 * Checks the text member @key of @object by the rules of every product
 * text (type, no control characters, at most 255 characters, not blank if
 * required), for other bodies that hold names and ids, such as the
 * sandbox's certificates.  Errors are added to @errors under @key.
 *
 * Returns: whether there is a text to use
 */
gboolean
att_validate_text_member (JsonObject  *object,
                          const char  *key,
                          gboolean     required,
                          const char **out_value,
                          GPtrArray   *errors)
{
  g_return_val_if_fail (object != NULL && key != NULL && out_value != NULL && errors != NULL, FALSE);

  *out_value = check_string (errors, object, key, NULL, required, FALSE);
  return *out_value != NULL;
}

/**
 * att_validate_number_member:
 * @out_value: (out): the number, when it passes
 *
 * Checks that the member @key of @object is a finite number (absent and
 * null are errors only if @required).  Errors are added to @errors.
 *
 * Returns: whether there is a number to use
 */
gboolean
att_validate_number_member (JsonObject *object,
                            const char *key,
                            gboolean    required,
                            double     *out_value,
                            GPtrArray  *errors)
{
  g_return_val_if_fail (object != NULL && key != NULL && out_value != NULL && errors != NULL, FALSE);

  return check_number (errors, object, key, NULL, required, NULL, out_value);
}
