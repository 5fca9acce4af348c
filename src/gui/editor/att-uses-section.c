/* att-uses-section.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "att-accessible.h"
#include "att-catalog-item.h"
#include "att-catalog-kind.h"
#include "att-catalogue-picker.h"
#include "att-context.h"
#include "att-error.h"
#include "att-format.h"
#include "att-uses-section-private.h"

/**
 * AttUsesSection:
 *
 * One of the editor's catalogue lists: a row per item with its numbers
 * (composition and net use, amount, or units) and a Remove button, an Add
 * button that opens an #AttCataloguePicker, and for materials the total of
 * the compositions and what is missing to 100 %.
 *
 * The section never changes the list itself: every change goes through the
 * #AttProductEdit, and the rows follow the edit's "changed" signal, so undo,
 * redo and drafts show the same way as typing.  When only values changed
 * the rows are updated in place, so the field being typed in keeps the
 * focus and its cursor; when items came or went the rows are rebuilt and
 * the focus goes back to the same row and field.
 */

G_DEFINE_FINAL_TYPE (AttUsesSection, att_uses_section, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_EDIT,
  PROP_LIST,
  N_PROPS
};

static GParamSpec        *properties[N_PROPS];

/* The documented ranges (api-higg.md §3.12, V3, V4): a spin button never
 * holds a negative number or NaN; 0 and sums past 100 are for the checks
 * to explain. */
static const AttUsesField material_fields[] = {
  { "composition", N_ ("Composition"), 0, 100, TRUE, TRUE },
  { "netUse", N_ ("Net use"), 0, 100, FALSE, TRUE },
};

static const AttUsesField packaging_fields[] = {
  { "amount", N_ ("Amount"), 0, 1000000, FALSE, FALSE },
};

static const AttUsesField component_fields[] = {
  { "unit", N_ ("Units"), 0, 1000000, FALSE, FALSE },
};

/* Defaults of a new item (§3.12: netUse 75 is the documented assumption). */
#define DEFAULT_NET_USE 75
#define DEFAULT_AMOUNT  1
#define DEFAULT_UNIT    1

/* Rows built at once for a section being set up, so that its list does
 * not flash its "No materials yet" placeholder, then per idle: a few
 * milliseconds of work each. */
#define FIRST_ROWS    3
#define ROWS_PER_IDLE 4

/* Total */

static double
composition_sum (AttUsesSection *self)
{
  guint  n = att_product_edit_get_n_items (self->edit, self->list);
  double sum = 0;

  for (guint i = 0; i < n; i++)
    {
      JsonObject *item = att_product_edit_get_item (self->edit, self->list, i);
      JsonNode   *node = item != NULL ? json_object_get_member (item, "composition") : NULL;

      if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
          (json_node_get_value_type (node) == G_TYPE_INT64 ||
           json_node_get_value_type (node) == G_TYPE_DOUBLE))
        sum += json_node_get_double (node);
    }
  return sum;
}

static void
set_total_class (AttUsesSection *self,
                 const char     *css_class)
{
  const char *classes[] = { "success", "warning", "error" };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    if (g_strcmp0 (classes[i], css_class) != 0)
      gtk_widget_remove_css_class (GTK_WIDGET (self->total_label), classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->total_label), css_class);
}

static void
update_total (AttUsesSection *self)
{
  double           sum;
  g_autofree char *total = NULL;
  g_autofree char *gap = NULL;

  if (!g_str_equal (self->list, ATT_PRODUCT_EDIT_MATERIALS) ||
      att_product_edit_get_n_items (self->edit, self->list) == 0)
    {
      g_clear_pointer (&self->total_text, g_free);
      gtk_widget_set_visible (GTK_WIDGET (self->total_label), FALSE);
      return;
    }

  sum = composition_sum (self);
  total = att_format_percent (sum);
  gap = att_format_percent (fabs (100 - sum));
  g_free (self->total_text);
  if (fabs (sum - 100) < 0.005)
    {
      /* Translators: the sum of the material compositions, e.g. "100 %". */
      self->total_text = g_strdup_printf (_ ("Composition %s"), total);
      set_total_class (self, "success");
    }
  else if (sum < 100)
    {
      /* Translators: e.g. "Composition 80 % — 20 % missing". */
      self->total_text = g_strdup_printf (_ ("Composition %s — %s missing"), total, gap);
      set_total_class (self, "warning");
    }
  else
    {
      /* Translators: e.g. "Composition 110 % — 10 % too much". */
      self->total_text = g_strdup_printf (_ ("Composition %s — %s too much"), total, gap);
      set_total_class (self, "error");
    }
  gtk_label_set_label (self->total_label, self->total_text);
  gtk_widget_set_visible (GTK_WIDGET (self->total_label), TRUE);
}

/* Rows */

static void
update_picker (AttUsesSection *self)
{
  guint n = att_product_edit_get_n_items (self->edit, self->list);

  if (self->picker == NULL)
    return;

  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  /* From the list, not the rows: some may not be built yet. */
  for (guint i = 0; i < n; i++)
    {
      JsonObject *item = att_product_edit_get_item (self->edit, self->list, i);
      const char *id = item != NULL ? att_uses_item_id (self, item) : NULL;

      if (id != NULL)
        g_ptr_array_add (ids, (gpointer) id);
    }
  g_ptr_array_add (ids, NULL);
  att_catalogue_picker_set_used_ids (ATT_CATALOGUE_PICKER (self->picker),
                                     (const char *const *) ids->pdata);
}

/* Whether the rows stand for the items of the list as it is now, in
 * order, so that only their values need showing. */
static gboolean
rows_match (AttUsesSection *self)
{
  guint n = att_product_edit_get_n_items (self->edit, self->list);

  if (n != self->rows->len)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      AttUsesRow *row = g_ptr_array_index (self->rows, i);
      JsonObject *item = att_product_edit_get_item (self->edit, self->list, i);

      if (item == NULL || g_strcmp0 (row->id, att_uses_item_id (self, item)) != 0)
        return FALSE;
    }
  return TRUE;
}

/* Where the focus is among the rows: the row, and which of its widgets
 * (a field, or n_fields for the Remove button). */
static gboolean
find_focus (AttUsesSection *self,
            guint          *out_row,
            guint          *out_widget)
{
  GtkRoot   *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_box)))
    return FALSE;
  for (guint i = 0; i < self->rows->len; i++)
    {
      AttUsesRow *row = g_ptr_array_index (self->rows, i);

      if (!gtk_widget_is_ancestor (focus, row->widget))
        continue;
      *out_row = i;
      *out_widget = self->n_fields;
      for (guint f = 0; f < self->n_fields; f++)
        if (focus == row->spins[f] || gtk_widget_is_ancestor (focus, row->spins[f]))
          *out_widget = f;
      return TRUE;
    }
  return FALSE;
}

static void
restore_focus (AttUsesSection *self,
               guint           row_index,
               guint           widget_index)
{
  AttUsesRow *row;

  if (self->rows->len == 0)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->add_button));
      return;
    }
  row = g_ptr_array_index (self->rows, MIN (row_index, self->rows->len - 1));
  gtk_widget_grab_focus (widget_index < self->n_fields ? row->spins[widget_index]
                                                       : row->remove_button);
}

/* Builds the rows of up to @max_rows more items.  A product may have
 * dozens of materials, each row a few dozen widgets with its spin buttons:
 * building them all before the editor's first frame made it wait about a
 * tenth of a second, for rows that are mostly below the fold. */
static void
add_rows (AttUsesSection *self,
          guint           max_rows)
{
  guint n = att_product_edit_get_n_items (self->edit, self->list);

  for (guint built = 0; self->next_item < n && built < max_rows; self->next_item++)
    {
      JsonObject *item = att_product_edit_get_item (self->edit, self->list, self->next_item);
      AttUsesRow *row;

      if (item == NULL)
        continue;
      row = att_uses_row_new (self, self->rows->len, item);
      g_ptr_array_add (self->rows, row);
      gtk_list_box_append (self->list_box, row->widget);
      built++;
    }
}

/* The rest of the rows, a few per idle, after the first frame: the
 * frame clock's paint runs at a higher priority than an idle. */
static gboolean
build_idle_cb (gpointer user_data)
{
  AttUsesSection *self = user_data;

  add_rows (self, ROWS_PER_IDLE);
  if (self->next_item < att_product_edit_get_n_items (self->edit, self->list))
    return G_SOURCE_CONTINUE;
  self->build_idle = 0;
  att_uses_section_show_problems (self);
  return G_SOURCE_REMOVE;
}

static void
rebuild (AttUsesSection *self)
{
  guint    n = att_product_edit_get_n_items (self->edit, self->list);
  guint    focus_row = 0, focus_widget = 0;
  gboolean had_focus = find_focus (self, &focus_row, &focus_widget);

  g_autoptr(GPtrArray) old = g_ptr_array_new_with_free_func (g_object_unref);

  /* The rows let go of their widgets before the widgets go. */
  for (guint i = 0; i < self->rows->len; i++)
    g_ptr_array_add (old, g_object_ref (((AttUsesRow *) g_ptr_array_index (self->rows, i))->widget));
  g_ptr_array_set_size (self->rows, 0);
  for (guint i = 0; i < old->len; i++)
    gtk_list_box_remove (self->list_box, g_ptr_array_index (old, i));

  g_clear_handle_id (&self->build_idle, g_source_remove);
  self->next_item = 0;
  /* Only rows nobody sees yet wait: those of a section being set up, not
   * those the user is working with (where the focus goes back, where Add
   * puts the new item, what Undo brings back). */
  add_rows (self, gtk_widget_get_mapped (GTK_WIDGET (self)) ? n : FIRST_ROWS);
  if (self->next_item < n)
    self->build_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, build_idle_cb, self, NULL);

  if (had_focus)
    restore_focus (self, focus_row, focus_widget);
}

/**
 * att_uses_section_finish_rows:
 *
 * Builds at once the rows still waiting for an idle, so that whoever asks
 * about the rows sees all of them.
 */
void
att_uses_section_finish_rows (AttUsesSection *self)
{
  if (self->build_idle == 0)
    return;
  g_clear_handle_id (&self->build_idle, g_source_remove);
  add_rows (self, G_MAXUINT);
  att_uses_section_show_problems (self);
}

static void
sync_rows (AttUsesSection *self)
{
  att_uses_section_finish_rows (self);
  self->syncing = TRUE;
  if (rows_match (self))
    {
      for (guint i = 0; i < self->rows->len; i++)
        att_uses_row_update (g_ptr_array_index (self->rows, i),
                             att_product_edit_get_item (self->edit, self->list, i));
    }
  else
    {
      rebuild (self);
      update_picker (self);
      att_uses_section_show_problems (self);
    }
  self->syncing = FALSE;
  update_total (self);
}

static void
on_edit_changed (AttProductEdit *edit,
                 const char     *member,
                 AttUsesSection *self)
{
  if (member == NULL || g_str_equal (member, self->list))
    sync_rows (self);
}

/* Changes, all through the edit */

static JsonNode *
number_node (double   value,
             gboolean integer)
{
  JsonNode *node = json_node_alloc ();

  if (integer || value == floor (value))
    json_node_init_int (node, (gint64) llround (value));
  else
    json_node_init_double (node, value);
  return node;
}

void
att_uses_section_commit (AttUsesSection *self,
                         guint           index,
                         guint           field,
                         double          value)
{
  g_autoptr(JsonNode) node = NULL;

  g_assert (field < self->n_fields);

  if (!isfinite (value))
    return;
  node = number_node (value, self->fields[field].integer);
  att_product_edit_set_item_member (self->edit, self->list, index, self->fields[field].member, node);
}

void
att_uses_section_remove (AttUsesSection *self,
                         guint           index)
{
  GtkRoot    *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget  *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  AttUsesRow *row = g_ptr_array_index (self->rows, index);

  /* The clicked button goes with its row: the focus moves to the row that
   * takes its place, or to Add when the list is empty. */
  if (focus == NULL || gtk_widget_is_ancestor (focus, row->widget))
    gtk_widget_grab_focus (row->remove_button);
  att_product_edit_remove_item (self->edit, self->list, index);
}

static void
on_item_chosen (AttCataloguePicker *picker,
                AttCatalogItem     *item,
                AttUsesSection     *self)
{
  g_autoptr(JsonObject) object = json_object_new ();
  const char *name = att_catalog_item_get_name (item);

  json_object_set_string_member (object, att_catalog_kind_get_id_member (self->kind),
                                 att_catalog_item_get_id (item));
  if (name != NULL)
    json_object_set_string_member (object, "name", name);

  if (g_str_equal (self->list, ATT_PRODUCT_EDIT_MATERIALS))
    {
      /* What is missing to 100 %, so that the compositions add up. */
      double missing = CLAMP (100 - composition_sum (self), 0, 100);

      json_object_set_int_member (object, "composition", (gint64) floor (missing));
      json_object_set_int_member (object, "netUse", DEFAULT_NET_USE);
    }
  else if (g_str_equal (self->list, ATT_PRODUCT_EDIT_PACKAGING))
    json_object_set_int_member (object, "amount", DEFAULT_AMOUNT);
  else
    json_object_set_int_member (object, "unit", DEFAULT_UNIT);

  att_product_edit_append_item (self->edit, self->list, object);

  /* The new row's first number is what the user most likely sets next. */
  att_uses_section_finish_rows (self);
  if (self->rows->len > 0)
    gtk_widget_grab_focus (((AttUsesRow *) g_ptr_array_index (self->rows, self->rows->len - 1))->spins[0]);
}

/* The picker is made when Add first opens it: it is a search entry and a
 * list, and an editor opens with three sections that may never add. */
static void
ensure_picker (AttUsesSection *self)
{
  if (self->picker != NULL)
    return;
  self->picker = att_catalogue_picker_new (self->context, self->kind);
  g_signal_connect_object (self->picker, "item-chosen", G_CALLBACK (on_item_chosen), self, 0);
  gtk_menu_button_set_popover (self->add_button, self->picker);
  update_picker (self);
}

static void
create_popup (GtkMenuButton *button,
              gpointer       user_data)
{
  ensure_picker (user_data);
}

/* Set-up */

static void
setup_list (AttUsesSection *self)
{
  const char *title, *add, *empty;

  self->kind = att_catalog_kind_from_list (self->list);
  if (g_str_equal (self->list, ATT_PRODUCT_EDIT_PACKAGING))
    {
      self->fields = packaging_fields;
      self->n_fields = G_N_ELEMENTS (packaging_fields);
      title = _ ("Packaging");
      add = _ ("Add _Packaging…");
      empty = _ ("No packaging yet.");
    }
  else if (g_str_equal (self->list, ATT_PRODUCT_EDIT_COMPONENTS))
    {
      self->fields = component_fields;
      self->n_fields = G_N_ELEMENTS (component_fields);
      title = _ ("Components");
      add = _ ("Add _Component…");
      empty = _ ("No components yet.");
    }
  else
    {
      self->fields = material_fields;
      self->n_fields = G_N_ELEMENTS (material_fields);
      title = _ ("Materials");
      add = _ ("Add _Material…");
      empty = _ ("No materials yet. A product needs at least one.");
    }

  adw_preferences_group_set_title (self->group, title);
  gtk_menu_button_set_label (self->add_button, add);
  gtk_label_set_label (self->placeholder_label, empty);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  att_accessible_fix_mnemonics (GTK_WIDGET (self->add_button));
  gtk_menu_button_set_create_popup_func (self->add_button, create_popup, self, NULL);
}

/* GObject */

static void
att_uses_section_constructed (GObject *object)
{
  AttUsesSection *self = (AttUsesSection *) object;

  G_OBJECT_CLASS (att_uses_section_parent_class)->constructed (object);

  g_assert (self->edit != NULL && self->context != NULL);
  setup_list (self);
  g_signal_connect_object (self->edit, "changed", G_CALLBACK (on_edit_changed), self, 0);
  sync_rows (self);
}

static void
att_uses_section_dispose (GObject *object)
{
  AttUsesSection *self = (AttUsesSection *) object;

  if (self->edit != NULL)
    g_signal_handlers_disconnect_by_data (self->edit, self);
  g_clear_handle_id (&self->build_idle, g_source_remove);
  if (self->rows != NULL)
    g_ptr_array_set_size (self->rows, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATT_TYPE_USES_SECTION);
  self->picker = NULL;
  g_clear_object (&self->edit);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (att_uses_section_parent_class)->dispose (object);
}

static void
att_uses_section_finalize (GObject *object)
{
  AttUsesSection *self = (AttUsesSection *) object;

  g_ptr_array_unref (self->rows);
  g_clear_pointer (&self->errors, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_free (self->list);
  g_free (self->total_text);
  g_free (self->list_problems);

  G_OBJECT_CLASS (att_uses_section_parent_class)->finalize (object);
}

static void
att_uses_section_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AttUsesSection *self = ATT_USES_SECTION (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_EDIT:
      g_value_set_object (value, self->edit);
      break;

    case PROP_LIST:
      g_value_set_string (value, self->list);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_uses_section_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AttUsesSection *self = ATT_USES_SECTION (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_EDIT:
      self->edit = g_value_dup_object (value);
      break;

    case PROP_LIST:
      g_free (self->list);
      self->list = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_uses_section_class_init (AttUsesSectionClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = att_uses_section_constructed;
  object_class->dispose = att_uses_section_dispose;
  object_class->finalize = att_uses_section_finalize;
  object_class->get_property = att_uses_section_get_property;
  object_class->set_property = att_uses_section_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         ATT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_EDIT] =
    g_param_spec_object ("edit", NULL, NULL,
                         ATT_TYPE_PRODUCT_EDIT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* ATT_PRODUCT_EDIT_MATERIALS, _PACKAGING or _COMPONENTS. */
  properties[PROP_LIST] =
    g_param_spec_string ("list", NULL, NULL,
                         ATT_PRODUCT_EDIT_MATERIALS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/attestapp/Attest/att-uses-section.ui");
  gtk_widget_class_bind_template_child (widget_class, AttUsesSection, group);
  gtk_widget_class_bind_template_child (widget_class, AttUsesSection, add_button);
  gtk_widget_class_bind_template_child (widget_class, AttUsesSection, list_box);
  gtk_widget_class_bind_template_child (widget_class, AttUsesSection, placeholder_label);
  gtk_widget_class_bind_template_child (widget_class, AttUsesSection, total_label);
  gtk_widget_class_bind_template_child (widget_class, AttUsesSection, problems_label);
}

static void
att_uses_section_init (AttUsesSection *self)
{
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) att_uses_row_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * att_uses_section_new:
 * @list: %ATT_PRODUCT_EDIT_MATERIALS, %ATT_PRODUCT_EDIT_PACKAGING or
 *   %ATT_PRODUCT_EDIT_COMPONENTS
 *
 * Returns: (transfer floating): the section editing @list of @edit
 */
GtkWidget *
att_uses_section_new (AttContext     *context,
                      AttProductEdit *edit,
                      const char     *list)
{
  g_return_val_if_fail (ATT_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (ATT_IS_PRODUCT_EDIT (edit), NULL);
  g_return_val_if_fail (att_catalog_kind_from_list (list) != NULL, NULL);

  return g_object_new (ATT_TYPE_USES_SECTION,
                       "context", context,
                       "edit", edit,
                       "list", list,
                       NULL);
}

const char *
att_uses_section_get_list (AttUsesSection *self)
{
  g_return_val_if_fail (ATT_IS_USES_SECTION (self), NULL);

  return self->list;
}

static GPtrArray *
copy_problems (GPtrArray *problems)
{
  GPtrArray *copy = att_field_error_array_new ();

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    g_ptr_array_add (copy, att_field_error_copy (g_ptr_array_index (problems, i)));
  return copy;
}

/**
 * att_uses_section_set_problems:
 * @errors: (nullable) (element-type AttFieldError): every error of the
 *   product, as att_product_edit_validate() returns them
 * @warnings: (nullable) (element-type AttFieldError): every warning
 *
 * Shows those whose path is in this section's list: under their row, the
 * field they are about marked, or under the list.
 */
void
att_uses_section_set_problems (AttUsesSection *self,
                               GPtrArray      *errors,
                               GPtrArray      *warnings)
{
  g_return_if_fail (ATT_IS_USES_SECTION (self));

  g_clear_pointer (&self->errors, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  self->errors = copy_problems (errors);
  self->warnings = copy_problems (warnings);
  att_uses_section_show_problems (self);
}

/**
 * att_uses_section_get_picker:
 *
 * Returns: (transfer none): the #AttCataloguePicker that Add opens (made
 *   now if Add has not opened it yet)
 */
GtkWidget *
att_uses_section_get_picker (AttUsesSection *self)
{
  g_return_val_if_fail (ATT_IS_USES_SECTION (self), NULL);

  ensure_picker (self);
  return self->picker;
}

/**
 * att_uses_section_get_add_button:
 *
 * Returns: (transfer none): the #GtkMenuButton that opens the picker
 */
GtkWidget *
att_uses_section_get_add_button (AttUsesSection *self)
{
  g_return_val_if_fail (ATT_IS_USES_SECTION (self), NULL);

  return GTK_WIDGET (self->add_button);
}

guint
att_uses_section_get_n_rows (AttUsesSection *self)
{
  g_return_val_if_fail (ATT_IS_USES_SECTION (self), 0);

  att_uses_section_finish_rows (self);

  return self->rows->len;
}

/**
 * att_uses_section_get_field:
 * @member: e.g. "composition"
 *
 * Returns: (transfer none) (nullable): the spin button of @member in row
 *   @index
 */
GtkWidget *
att_uses_section_get_field (AttUsesSection *self,
                            guint           index,
                            const char     *member)
{
  AttUsesRow *row;

  g_return_val_if_fail (ATT_IS_USES_SECTION (self), NULL);

  att_uses_section_finish_rows (self);

  if (index >= self->rows->len)
    return NULL;
  row = g_ptr_array_index (self->rows, index);
  for (guint f = 0; f < self->n_fields; f++)
    if (g_strcmp0 (self->fields[f].member, member) == 0)
      return row->spins[f];
  return NULL;
}

/**
 * att_uses_section_get_remove_button:
 *
 * Returns: (transfer none) (nullable): the Remove button of row @index
 */
GtkWidget *
att_uses_section_get_remove_button (AttUsesSection *self,
                                    guint           index)
{
  g_return_val_if_fail (ATT_IS_USES_SECTION (self), NULL);

  att_uses_section_finish_rows (self);

  if (index >= self->rows->len)
    return NULL;
  return ((AttUsesRow *) g_ptr_array_index (self->rows, index))->remove_button;
}

/**
 * att_uses_section_get_row_problems:
 *
 * Returns: (nullable): the problems shown under row @index, one a line
 */
const char *
att_uses_section_get_row_problems (AttUsesSection *self,
                                   guint           index)
{
  g_return_val_if_fail (ATT_IS_USES_SECTION (self), NULL);

  att_uses_section_finish_rows (self);

  if (index >= self->rows->len)
    return NULL;
  return ((AttUsesRow *) g_ptr_array_index (self->rows, index))->problems;
}

/**
 * att_uses_section_get_list_problems:
 *
 * Returns: (nullable): the problems shown under the list, one a line
 */
const char *
att_uses_section_get_list_problems (AttUsesSection *self)
{
  g_return_val_if_fail (ATT_IS_USES_SECTION (self), NULL);

  return self->list_problems;
}

/**
 * att_uses_section_get_total_text:
 *
 * Returns: (nullable): the composition total as shown, for materials
 */
const char *
att_uses_section_get_total_text (AttUsesSection *self)
{
  g_return_val_if_fail (ATT_IS_USES_SECTION (self), NULL);

  return self->total_text;
}
