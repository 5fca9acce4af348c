/* att-product-editor-fields.c: the editor's simple fields (text, numbers,
 * switches, choices), how they write into the edit and read back from it,
 * and the message under each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "att-gtin.h"
#include "att-json.h"
#include "att-product-editor-private.h"

/* Choices hold NULL for "not set". */
void
att_product_editor_node_free (gpointer node)
{
  if (node != NULL)
    json_node_unref (node);
}

void
att_editor_field_free (AttEditorField *field)
{
  g_free (field->path);
  g_free (field->parent);
  g_free (field->member);
  g_clear_pointer (&field->values, g_ptr_array_unref);
  g_free (field);
}

/* Numbers as people type them: a comma or a point for decimals, nothing
 * else around them; NaN and infinities are not numbers here. */
gboolean
att_product_editor_parse_number (const char *text,
                                 double     *value)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char            *end = NULL;

  g_strdelimit (copy, ",", '.');
  if (*copy == '\0')
    return FALSE;
  *value = g_ascii_strtod (copy, &end);
  return end != NULL && *end == '\0' && isfinite (*value);
}

char *
att_product_editor_format_number (JsonNode *node)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (node == NULL || JSON_NODE_HOLDS_NULL (node) || json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup ("");
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", json_node_get_double (node)));
}

/* The field's value in the edit's state (borrowed), or NULL. */
static JsonNode *
field_get_value (AttProductEditor *self,
                 AttEditorField   *field)
{
  JsonObject *state = att_product_edit_get_state (self->edit);
  JsonObject *parent;

  if (field->parent == NULL)
    return json_object_get_member (state, field->member);
  parent = att_json_get_object (state, field->parent, NULL, FALSE, NULL);
  return parent != NULL ? json_object_get_member (parent, field->member) : NULL;
}

/* Writes @value (taken, NULL to remove) into the edit: a member of an
 * object member is written by replacing that object. */
static void
field_set_value (AttProductEditor *self,
                 AttEditorField   *field,
                 JsonNode         *value)
{
  g_autoptr(JsonNode) owned = value;
  JsonObject *state = att_product_edit_get_state (self->edit);
  JsonObject *old_parent;
  g_autoptr(JsonObject) parent = NULL;

  if (field->parent == NULL)
    {
      att_product_edit_set (self->edit, field->member, owned);
      return;
    }

  old_parent = att_json_get_object (state, field->parent, NULL, FALSE, NULL);
  parent = old_parent != NULL ? att_json_object_copy (old_parent) : json_object_new ();
  if (owned != NULL)
    json_object_set_member (parent, field->member, g_steal_pointer (&owned));
  else if (json_object_has_member (parent, field->member))
    json_object_remove_member (parent, field->member);

  if (json_object_get_size (parent) == 0)
    att_product_edit_set (self->edit, field->parent, NULL);
  else
    {
      g_autoptr(JsonNode) node = att_json_object_to_node (parent);

      att_product_edit_set (self->edit, field->parent, node);
    }
}

static void
on_text_changed (GtkEditable    *editable,
                 AttEditorField *field)
{
  AttProductEditor *self = g_object_get_data (G_OBJECT (editable), "att-editor");
  const char       *text = gtk_editable_get_text (editable);

  if (self->updating > 0)
    return;
  field_set_value (self, field, *text != '\0' ? json_node_init_string (json_node_alloc (), text) : NULL);
}

static void
on_number_changed (GtkEditable    *editable,
                   AttEditorField *field)
{
  AttProductEditor *self = g_object_get_data (G_OBJECT (editable), "att-editor");
  const char       *text = gtk_editable_get_text (editable);
  g_autofree char  *stripped = g_strstrip (g_strdup (text));
  double            value;

  if (self->updating > 0)
    return;

  /* Text that is not a number never reaches the edit: it stays in the
   * entry with its message, and Save says why it cannot save. */
  if (*stripped == '\0')
    {
      g_hash_table_remove (self->input_errors, field->path);
      field_set_value (self, field, NULL);
    }
  else if (att_product_editor_parse_number (stripped, &value))
    {
      g_hash_table_remove (self->input_errors, field->path);
      field_set_value (self, field, json_node_init_double (json_node_alloc (), value));
    }
  else
    {
      g_hash_table_insert (self->input_errors, g_strdup (field->path),
                           g_strdup (_ ("Enter a number, such as 12.5")));
      att_product_editor_queue_validate (self);
    }
}

static void
on_switch_changed (GtkSwitch      *input,
                   GParamSpec     *pspec,
                   AttEditorField *field)
{
  AttProductEditor *self = g_object_get_data (G_OBJECT (input), "att-editor");

  if (self->updating > 0)
    return;
  field_set_value (self, field, json_node_init_boolean (json_node_alloc (), gtk_switch_get_active (input)));
}

static void
on_choice_changed (AdwComboRow    *row,
                   GParamSpec     *pspec,
                   AttEditorField *field)
{
  AttProductEditor *self = g_object_get_data (G_OBJECT (row), "att-editor");
  guint             selected = adw_combo_row_get_selected (row);
  JsonNode         *value = NULL;

  if (self->updating > 0 || field->values == NULL)
    return;
  if (selected < field->values->len)
    value = g_ptr_array_index (field->values, selected);
  field_set_value (self, field, value != NULL ? json_node_copy (value) : NULL);
}

/* A row of its own under @row, in the same card, that shows the field's
 * problem when it has one. */
static void
add_message_row (AttProductEditor *self,
                 AttEditorField   *field)
{
  GtkWidget *list = gtk_widget_get_parent (field->row);
  GtkWidget *label = gtk_label_new (NULL);

  field->message_row = adw_preferences_row_new ();
  field->message = GTK_LABEL (label);
  gtk_label_set_xalign (field->message, 0.0);
  gtk_label_set_wrap (field->message, TRUE);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, "caption");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (field->message_row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (field->message_row), FALSE);
  gtk_widget_set_focusable (field->message_row, FALSE);
  gtk_widget_set_visible (field->message_row, FALSE);
  gtk_widget_add_css_class (field->message_row, "field-message");
  if (GTK_IS_LIST_BOX (list))
    gtk_list_box_insert (GTK_LIST_BOX (list), field->message_row,
                         gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (field->row)) + 1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (field->input),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, label, NULL,
                                  -1);
}

static void
connect_input (AttEditorField *field)
{
  switch (field->kind)
    {
    case ATT_FIELD_TEXT:
      g_signal_connect (field->input, "changed", G_CALLBACK (on_text_changed), field);
      gtk_editable_set_enable_undo (GTK_EDITABLE (field->input), FALSE);
      break;

    case ATT_FIELD_NUMBER:
      g_signal_connect (field->input, "changed", G_CALLBACK (on_number_changed), field);
      gtk_editable_set_enable_undo (GTK_EDITABLE (field->input), FALSE);
      break;

    case ATT_FIELD_BOOLEAN:
      g_signal_connect (field->input, "notify::active", G_CALLBACK (on_switch_changed), field);
      break;

    case ATT_FIELD_CHOICE:
      g_signal_connect (field->input, "notify::selected", G_CALLBACK (on_choice_changed), field);
      break;

    case ATT_FIELD_CUSTOM:
      break;

    default:
      g_assert_not_reached ();
    }
}

/**
 * att_product_editor_add_field:
 * @path: where the value lives: a member (`name`) or a member of an
 *   object member (`frenchLabelOptionalFields.price`)
 *
 * Returns: (transfer none): the field, owned by the editor
 */
AttEditorField *
att_product_editor_add_field (AttProductEditor *self,
                              const char       *path,
                              AttFieldKind      kind,
                              GtkWidget        *row,
                              GtkWidget        *input)
{
  AttEditorField *field = g_new0 (AttEditorField, 1);
  const char     *dot = strchr (path, '.');

  field->path = g_strdup (path);
  field->parent = dot != NULL ? g_strndup (path, dot - path) : NULL;
  field->member = g_strdup (dot != NULL ? dot + 1 : path);
  field->kind = kind;
  field->row = row;
  field->input = input;
  g_object_set_data (G_OBJECT (input), "att-editor", self);
  g_ptr_array_add (self->fields, field);
  add_message_row (self, field);
  connect_input (field);
  return field;
}

/**
 * att_product_editor_set_choices:
 * @labels: (transfer full): what the combo row shows
 * @values: (transfer full) (element-type JsonNode): the value of each
 *   position (NULL: not set)
 */
void
att_product_editor_set_choices (AttProductEditor *self,
                                AttEditorField   *field,
                                GtkStringList    *labels,
                                GPtrArray        *values)
{
  g_autoptr(GtkStringList) owned_labels = labels;

  self->updating++;
  g_clear_pointer (&field->values, g_ptr_array_unref);
  field->values = values;
  adw_combo_row_set_model (ADW_COMBO_ROW (field->input), G_LIST_MODEL (owned_labels));
  self->updating--;
  att_product_editor_fields_load (self, field->parent != NULL ? field->parent : field->member);
}

/* Countries are equal by code; everything else by value. */
static gboolean
values_equal (JsonNode *a,
              JsonNode *b)
{
  if (a == NULL || b == NULL || JSON_NODE_HOLDS_NULL (a) || JSON_NODE_HOLDS_NULL (b))
    return (a == NULL || JSON_NODE_HOLDS_NULL (a)) && (b == NULL || JSON_NODE_HOLDS_NULL (b));
  if (JSON_NODE_HOLDS_OBJECT (a) && JSON_NODE_HOLDS_OBJECT (b))
    return g_strcmp0 (att_json_get_string (json_node_get_object (a), "code", NULL, FALSE, NULL),
                      att_json_get_string (json_node_get_object (b), "code", NULL, FALSE, NULL)) == 0;
  return json_node_equal (a, b);
}

static void
load_choice (AttEditorField *field,
             JsonNode       *value)
{
  if (field->values == NULL)
    return;
  for (guint i = 0; i < field->values->len; i++)
    {
      if (values_equal (g_ptr_array_index (field->values, i), value))
        {
          adw_combo_row_set_selected (ADW_COMBO_ROW (field->input), i);
          return;
        }
    }
}

static void
load_number (AttProductEditor *self,
             AttEditorField   *field,
             JsonNode         *value)
{
  GtkEditable     *editable = GTK_EDITABLE (field->input);
  g_autofree char *text = NULL;
  double           shown;
  gboolean         same;

  /* What the user is typing ("12." or "1,5") stays as typed while it
   * means the same number. */
  if (value != NULL && JSON_NODE_HOLDS_VALUE (value) &&
      json_node_get_value_type (value) != G_TYPE_STRING)
    same = att_product_editor_parse_number (gtk_editable_get_text (editable), &shown) &&
           shown == json_node_get_double (value);
  else
    same = *gtk_editable_get_text (editable) == '\0' ||
           g_hash_table_contains (self->input_errors, field->path);
  if (same)
    return;
  g_hash_table_remove (self->input_errors, field->path);
  text = att_product_editor_format_number (value);
  gtk_editable_set_text (editable, text);
}

static void
load_field (AttProductEditor *self,
            AttEditorField   *field)
{
  JsonNode *value = field_get_value (self, field);

  switch (field->kind)
    {
    case ATT_FIELD_TEXT:
      {
        const char *text = value != NULL && JSON_NODE_HOLDS_VALUE (value) &&
                               json_node_get_value_type (value) == G_TYPE_STRING
                             ? json_node_get_string (value)
                             : "";

        if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (field->input)), text) != 0)
          gtk_editable_set_text (GTK_EDITABLE (field->input), text);
      }
      break;

    case ATT_FIELD_NUMBER:
      load_number (self, field, value);
      break;

    case ATT_FIELD_BOOLEAN:
      gtk_switch_set_active (GTK_SWITCH (field->input),
                             value != NULL && JSON_NODE_HOLDS_VALUE (value) && json_node_get_boolean (value));
      break;

    case ATT_FIELD_CHOICE:
      load_choice (field, value);
      break;

    case ATT_FIELD_CUSTOM:
      break;

    default:
      g_assert_not_reached ();
    }
}

/**
 * att_product_editor_fields_load:
 * @member: (nullable): the member that changed, NULL for all
 *
 * Shows what the edit holds in the fields of @member.
 */
void
att_product_editor_fields_load (AttProductEditor *self,
                                const char       *member)
{
  self->updating++;
  for (guint i = 0; i < self->fields->len; i++)
    {
      AttEditorField *field = g_ptr_array_index (self->fields, i);
      const char     *top = field->parent != NULL ? field->parent : field->member;

      if (member == NULL || g_strcmp0 (member, top) == 0)
        load_field (self, field);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->weight_row),
                            !gtk_switch_get_active (self->material_weight_switch));
  self->updating--;
}

AttEditorField *
att_product_editor_find_field (AttProductEditor *self,
                               const char       *path)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      AttEditorField *field = g_ptr_array_index (self->fields, i);

      if (g_strcmp0 (field->path, path) == 0)
        return field;
    }
  return NULL;
}

/* A problem of `tags[2]` belongs to the field `tags`. */
static gboolean
path_is_within (const char *problem,
                const char *path)
{
  gsize length = strlen (path);

  return problem != NULL && strncmp (problem, path, length) == 0 &&
         (problem[length] == '\0' || problem[length] == '[');
}

static const char *
find_problem (GPtrArray  *problems,
              const char *path)
{
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      AttFieldError *problem = g_ptr_array_index (problems, i);

      if (path_is_within (problem->path, path))
        return problem->message;
    }
  return NULL;
}

/**
 * att_product_editor_problem_for:
 * @is_error: (out): whether it blocks saving
 *
 * Returns: (nullable): the first problem of the field at @path: text that
 *   is not a number, the server's word, then the checks' errors and
 *   warnings
 */
const char *
att_product_editor_problem_for (AttProductEditor *self,
                                const char       *path,
                                gboolean         *is_error)
{
  const char *message = g_hash_table_lookup (self->input_errors, path);

  *is_error = TRUE;
  if (message == NULL)
    message = find_problem (self->server_errors, path);
  if (message == NULL)
    message = find_problem (self->errors, path);
  if (message == NULL)
    {
      message = find_problem (self->warnings, path);
      *is_error = FALSE;
    }
  return message;
}

static void
show_problem (AttEditorField *field,
              const char     *message,
              gboolean        is_error)
{
  /* Setting a label's text, even the same, queues a relayout: the checks
   * run after each burst of typing, over every field. */
  if (g_strcmp0 (gtk_label_get_label (field->message), message != NULL ? message : "") != 0)
    gtk_label_set_label (field->message, message != NULL ? message : "");
  gtk_widget_set_visible (field->message_row, message != NULL);
  if (is_error && message != NULL)
    {
      gtk_widget_add_css_class (field->row, "error");
      gtk_widget_add_css_class (GTK_WIDGET (field->message), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (field->message), "warning");
    }
  else
    {
      gtk_widget_remove_css_class (field->row, "error");
      gtk_widget_remove_css_class (GTK_WIDGET (field->message), "error");
      gtk_widget_add_css_class (GTK_WIDGET (field->message), "warning");
    }
}

void
att_product_editor_show_field_problems (AttProductEditor *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      AttEditorField *field = g_ptr_array_index (self->fields, i);
      gboolean        is_error;
      const char     *message = att_product_editor_problem_for (self, field->path, &is_error);

      show_problem (field, message, is_error);
    }
}

/* A GTIN is shown as the 14 digits the API keeps (api-higg.md §6): a
 * valid shorter form (GTIN-8, -12, -13) is zero-padded when the field is
 * left; one that is not valid stays as typed, with its message. */
static void
on_identifier_focus_leave (AttProductEditor *self)
{
  const char      *text = gtk_editable_get_text (GTK_EDITABLE (self->identifier_row));
  const char      *type = att_product_edit_get_string (self->edit, "identifierType");
  g_autofree char *gtin14 = NULL;

  if (g_strcmp0 (type, "GTIN") != 0 || !att_gtin_normalize (text, &gtin14, NULL))
    return;
  if (g_strcmp0 (gtin14, text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->identifier_row), gtin14);
}

static AttEditorField *
add_simple (AttProductEditor *self,
            const char       *path,
            AttFieldKind      kind,
            gpointer          row)
{
  return att_product_editor_add_field (self, path, kind, GTK_WIDGET (row), GTK_WIDGET (row));
}

static void
add_switch (AttProductEditor *self,
            const char       *path,
            GtkSwitch        *input)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (input), ADW_TYPE_ACTION_ROW);

  att_product_editor_add_field (self, path, ATT_FIELD_BOOLEAN, row, GTK_WIDGET (input));
}

/* The choices whose values are fixed strings (api-higg.md §5). */
static void
set_fixed_choices (AttProductEditor  *self,
                   AttEditorField    *field,
                   const char *const *labels,
                   const char *const *values,
                   gboolean           unset_first)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  GPtrArray     *nodes = g_ptr_array_new_with_free_func (att_product_editor_node_free);

  if (unset_first)
    {
      gtk_string_list_append (list, _ ("Not set"));
      g_ptr_array_add (nodes, NULL);
    }
  for (guint i = 0; labels[i] != NULL; i++)
    {
      gtk_string_list_append (list, _ (labels[i]));
      g_ptr_array_add (nodes, json_node_init_string (json_node_alloc (), values[i]));
    }
  att_product_editor_set_choices (self, field, list, nodes);
}

static void
add_fixed_choices (AttProductEditor *self)
{
  static const char *units[] = { N_ ("Grams"), N_ ("Kilograms"), N_ ("Milligrams"), N_ ("Pounds"), N_ ("Ounces"), NULL };
  static const char *unit_values[] = { "grams", "kilograms", "milligram", "pound", "ounce", NULL };
  static const char *types[] = { N_ ("GTIN"), N_ ("SKU"), N_ ("UPC"), N_ ("Other"), NULL };
  static const char *type_values[] = { "GTIN", "SKU", "UPC", "OTHER", NULL };
  static const char *business[] = { N_ ("Small business"), N_ ("Large business with repair services"),
                                    N_ ("Large business without repair services"), NULL };
  static const char *business_values[] = { "small-business", "large-business-with-services",
                                           "large-business-without-services", NULL };
  AttEditorField    *upcycled;
  GtkStringList     *labels;
  GPtrArray         *values;

  set_fixed_choices (self, add_simple (self, "weightMeasureUnit", ATT_FIELD_CHOICE, self->unit_row),
                     units, unit_values, FALSE);
  set_fixed_choices (self, add_simple (self, "identifierType", ATT_FIELD_CHOICE, self->identifier_type_row),
                     types, type_values, TRUE);
  set_fixed_choices (self, add_simple (self, "frenchLabelOptionalFields.business", ATT_FIELD_CHOICE, self->business_row),
                     business, business_values, TRUE);

  /* Upcycled is a nullable boolean: "not set" is not "no". */
  upcycled = add_simple (self, "frenchLabelOptionalFields.upcycled", ATT_FIELD_CHOICE, self->upcycled_row);
  labels = gtk_string_list_new (NULL);
  gtk_string_list_append (labels, _ ("Not set"));
  gtk_string_list_append (labels, _ ("Yes"));
  gtk_string_list_append (labels, _ ("No"));
  values = g_ptr_array_new_with_free_func (att_product_editor_node_free);
  g_ptr_array_add (values, NULL);
  g_ptr_array_add (values, json_node_init_boolean (json_node_alloc (), TRUE));
  g_ptr_array_add (values, json_node_init_boolean (json_node_alloc (), FALSE));
  att_product_editor_set_choices (self, upcycled, labels, values);
}

void
att_product_editor_fields_init (AttProductEditor *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  add_simple (self, "name", ATT_FIELD_TEXT, self->name_row);
  add_simple (self, "identifier", ATT_FIELD_TEXT, self->identifier_row);
  add_simple (self, "weight", ATT_FIELD_NUMBER, self->weight_row);
  add_switch (self, "weightIsPrimaryData", self->primary_switch);
  add_switch (self, "isMaterialWeight", self->material_weight_switch);
  add_simple (self, "frenchLabelOptionalFields.numberOfReferences", ATT_FIELD_NUMBER, self->references_row);
  add_simple (self, "frenchLabelOptionalFields.price", ATT_FIELD_NUMBER, self->price_row);
  att_product_editor_add_field (self, "tags", ATT_FIELD_CUSTOM, GTK_WIDGET (self->tags_row),
                                GTK_WIDGET (self->tag_entry));
  add_fixed_choices (self);

  g_signal_connect_object (focus, "leave", G_CALLBACK (on_identifier_focus_leave), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->identifier_row), focus);
}
