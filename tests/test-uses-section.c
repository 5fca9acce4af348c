/* test-uses-section.c: the editor's catalogue lists and the catalogue
 * picker, against a sandbox, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "att-catalog-item.h"
#include "att-catalogue-picker.h"
#include "att-context.h"
#include "att-error.h"
#include "att-higg-client.h"
#include "att-http.h"
#include "att-product-edit.h"
#include "att-sandbox.h"
#include "att-test-utils.h"
#include "att-uses-section.h"

typedef struct
{
  AttSandbox     *sandbox;
  AttHttp        *http;
  AttHiggClient  *client;
  AttContext     *context;
  AttProductEdit *edit;
  GtkWindow      *window;
  GtkBox         *box;
} Fixture;

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

typedef gboolean (*Predicate) (gconstpointer data);

/* Spins the main loop until @predicate holds, failing after 20 s. */
static void
wait_until (Predicate     predicate,
            gconstpointer data,
            const char   *what)
{
  gboolean timed_out = FALSE;
  guint    id = g_timeout_add_seconds (20, timeout_cb, &timed_out);

  while (!predicate (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("Timed out waiting for %s", what);
  g_source_remove (id);
}

static void
spin_briefly (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  f->sandbox = att_test_sandbox_new (NULL, &error);
  g_assert_no_error (error);
  att_sandbox_listen (f->sandbox, 0, &error);
  g_assert_no_error (error);

  f->http = att_http_new ();
  f->client = att_test_higg_client_new (f->http, f->sandbox);
  f->context = att_context_new (f->client);
  f->edit = att_product_edit_new ();

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 900, 800);
  f->box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 24));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (f->box));
  gtk_window_set_child (f->window, scrolled);
  gtk_window_present (f->window);
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  gtk_window_destroy (f->window);
  g_clear_object (&f->edit);
  g_clear_object (&f->context);
  g_clear_object (&f->client);
  g_clear_object (&f->http);
  g_clear_object (&f->sandbox);
  spin_briefly ();
}

static AttUsesSection *
add_section (Fixture    *f,
             const char *list)
{
  GtkWidget *section = att_uses_section_new (f->context, f->edit, list);

  gtk_box_append (f->box, section);
  gtk_test_widget_wait_for_draw (section);
  spin_briefly ();
  return ATT_USES_SECTION (section);
}

static void
append_material (Fixture    *f,
                 const char *id,
                 const char *name,
                 gint64      composition,
                 gint64      net_use)
{
  g_autoptr(JsonObject) item = json_object_new ();

  json_object_set_string_member (item, "materialId", id);
  json_object_set_string_member (item, "name", name);
  json_object_set_int_member (item, "composition", composition);
  json_object_set_int_member (item, "netUse", net_use);
  att_product_edit_append_item (f->edit, ATT_PRODUCT_EDIT_MATERIALS, item);
}

static gint64
item_int (Fixture    *f,
          const char *list,
          guint       index,
          const char *member)
{
  JsonObject *item = att_product_edit_get_item (f->edit, list, index);

  g_assert_nonnull (item);
  g_assert_true (json_object_has_member (item, member));
  /* Compositions must be JSON integers for the server (V3). */
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (item, member)), ==, G_TYPE_INT64);
  return json_object_get_int_member (item, member);
}

/* The picker */

static GtkWidget *
find_of_type (GtkWidget *root,
              GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_of_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
picker_results_for (gconstpointer data)
{
  AttCataloguePicker *picker = ATT_CATALOGUE_PICKER ((gpointer) data);
  GListModel         *model = att_catalogue_picker_get_model (picker);
  const char         *text = g_object_get_data (G_OBJECT (picker), "att-test-wanted");
  gboolean            loaded = FALSE;
  g_autoptr(AttCatalogItem) first = NULL;
  g_autofree char *name = NULL;

  if (model == NULL)
    return FALSE;
  g_object_get (model, "loaded", &loaded, NULL);
  if (!loaded || g_list_model_get_n_items (model) == 0)
    return FALSE;
  first = g_list_model_get_item (model, 0);
  if (att_catalog_item_get_id (first) == NULL)
    return FALSE;
  name = g_utf8_strdown (att_catalog_item_get_name (first), -1);
  return text == NULL || strstr (name, text) != NULL;
}

/* Opens the picker of @section and types @text into its search entry. */
static AttCataloguePicker *
open_and_type (AttUsesSection *section,
               const char     *text)
{
  AttCataloguePicker *picker = ATT_CATALOGUE_PICKER (att_uses_section_get_picker (section));
  GtkWidget          *entry;

  gtk_menu_button_popup (GTK_MENU_BUTTON (att_uses_section_get_add_button (section)));
  spin_briefly ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (picker)));

  entry = find_of_type (GTK_WIDGET (picker), GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);
  /* The keys go to the entry as soon as the picker opens. */
  g_assert_true (gtk_widget_is_focus (gtk_widget_get_first_child (entry)) ||
                 gtk_widget_has_focus (entry) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (entry)), entry));

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_object_set_data_full (G_OBJECT (picker), "att-test-wanted", g_utf8_strdown (text, -1), g_free);
  wait_until (picker_results_for, picker, "the picker's results");
  return picker;
}

/* Sends @keyval to the entry's key controller, as a key press would. */
static gboolean
press_key (AttCataloguePicker *picker,
           guint               keyval)
{
  GtkWidget *entry = find_of_type (GTK_WIDGET (picker), GTK_TYPE_SEARCH_ENTRY);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (entry);
  gboolean handled = FALSE;

  if (keyval == GDK_KEY_Return)
    {
      g_signal_emit_by_name (entry, "activate");
      return TRUE;
    }
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  return handled;
}

static AttCatalogItem *
picker_item (AttCataloguePicker *picker,
             guint               position)
{
  return g_list_model_get_item (att_catalogue_picker_get_model (picker), position);
}

static void
test_add_via_picker (Fixture      *f,
                     gconstpointer data)
{
  AttUsesSection     *section = add_section (f, ATT_PRODUCT_EDIT_MATERIALS);
  AttCataloguePicker *picker;
  g_autoptr(AttCatalogItem) second = NULL;
  g_autoptr(AttCatalogItem) first = NULL;
  GtkWidget *entry;

  g_assert_cmpuint (att_uses_section_get_n_rows (section), ==, 0);

  /* Type, Down, Enter: the second result is added. */
  picker = open_and_type (section, "cotton");
  g_assert_cmpuint (att_catalogue_picker_get_selected (picker), ==, 0);
  g_assert_true (press_key (picker, GDK_KEY_Down));
  g_assert_cmpuint (att_catalogue_picker_get_selected (picker), ==, 1);
  /* The focus stays in the entry while the selection moves. */
  entry = find_of_type (GTK_WIDGET (picker), GTK_TYPE_SEARCH_ENTRY);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (entry)), entry));
  g_assert_true (press_key (picker, GDK_KEY_Down));
  g_assert_true (press_key (picker, GDK_KEY_Up));
  second = picker_item (picker, 1);
  g_assert_true (press_key (picker, GDK_KEY_Return));
  spin_briefly ();

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (picker)));
  g_assert_cmpuint (att_product_edit_get_n_items (f->edit, ATT_PRODUCT_EDIT_MATERIALS), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (att_product_edit_get_item (f->edit, ATT_PRODUCT_EDIT_MATERIALS, 0), "materialId"),
                   ==, att_catalog_item_get_id (second));
  g_assert_cmpstr (json_object_get_string_member (att_product_edit_get_item (f->edit, ATT_PRODUCT_EDIT_MATERIALS, 0), "name"),
                   ==, att_catalog_item_get_name (second));
  /* Sensible defaults: all of the composition so far, 75 % net use. */
  g_assert_cmpint (item_int (f, ATT_PRODUCT_EDIT_MATERIALS, 0, "composition"), ==, 100);
  g_assert_cmpint (item_int (f, ATT_PRODUCT_EDIT_MATERIALS, 0, "netUse"), ==, 75);
  g_assert_cmpuint (att_uses_section_get_n_rows (section), ==, 1);
  g_assert_cmpstr (att_uses_section_get_total_text (section), ==, "Composition 100 %");

  /* The one already used is marked and cannot be added again. */
  picker = open_and_type (section, "cotton");
  g_assert_true (att_catalogue_picker_is_used (picker, att_catalog_item_get_id (second)));
  g_assert_true (press_key (picker, GDK_KEY_Down));
  g_assert_true (press_key (picker, GDK_KEY_Return));
  spin_briefly ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (picker)));
  g_assert_cmpuint (att_product_edit_get_n_items (f->edit, ATT_PRODUCT_EDIT_MATERIALS), ==, 1);

  /* Once the first has 70 %, a new one gets the 30 % missing. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (att_uses_section_get_field (section, 0, "composition")), 70);
  first = picker_item (picker, 0);
  g_assert_true (press_key (picker, GDK_KEY_Up));
  g_assert_true (press_key (picker, GDK_KEY_Return));
  spin_briefly ();
  g_assert_cmpuint (att_product_edit_get_n_items (f->edit, ATT_PRODUCT_EDIT_MATERIALS), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (att_product_edit_get_item (f->edit, ATT_PRODUCT_EDIT_MATERIALS, 1), "materialId"),
                   ==, att_catalog_item_get_id (first));
  g_assert_cmpint (item_int (f, ATT_PRODUCT_EDIT_MATERIALS, 1, "composition"), ==, 30);
  g_assert_cmpstr (att_uses_section_get_total_text (section), ==, "Composition 100 %");
  g_assert_cmpuint (att_uses_section_get_n_rows (section), ==, 2);
}

static void
test_picker_escape_and_empty (Fixture      *f,
                              gconstpointer data)
{
  AttUsesSection     *section = add_section (f, ATT_PRODUCT_EDIT_MATERIALS);
  AttCataloguePicker *picker = open_and_type (section, "cotton");
  GtkWidget          *entry = find_of_type (GTK_WIDGET (picker), GTK_TYPE_SEARCH_ENTRY);
  GtkWidget          *stack = find_of_type (GTK_WIDGET (picker), GTK_TYPE_STACK);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "list");

  /* Nothing matches: the empty state, and Enter adds nothing. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "no such material zzz");
  while (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (stack)), "empty") != 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (press_key (picker, GDK_KEY_Return));
  g_assert_cmpuint (att_product_edit_get_n_items (f->edit, ATT_PRODUCT_EDIT_MATERIALS), ==, 0);

  /* Escape closes it. */
  g_signal_emit_by_name (entry, "stop-search");
  spin_briefly ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (picker)));
}

static gboolean
stack_shows_error (gconstpointer data)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK ((gpointer) data)), "error") == 0;
}

static void
test_picker_error (Fixture      *f,
                   gconstpointer data)
{
  AttUsesSection     *section = add_section (f, ATT_PRODUCT_EDIT_COMPONENTS);
  AttCataloguePicker *picker = ATT_CATALOGUE_PICKER (att_uses_section_get_picker (section));
  GtkWidget          *stack = find_of_type (GTK_WIDGET (picker), GTK_TYPE_STACK);

  att_sandbox_inject_failure (f->sandbox, 500, 100);
  gtk_menu_button_popup (GTK_MENU_BUTTON (att_uses_section_get_add_button (section)));
  wait_until (stack_shows_error, stack, "the picker's error state");
}

/* Editing */

static void
test_edit_and_total (Fixture      *f,
                     gconstpointer data)
{
  AttUsesSection *section;
  GtkWidget      *spin;

  append_material (f, "MatTX0001", "Cotton", 60, 75);
  append_material (f, "MatTX0002", "Organic cotton", 20, 80);
  section = add_section (f, ATT_PRODUCT_EDIT_MATERIALS);

  g_assert_cmpuint (att_uses_section_get_n_rows (section), ==, 2);
  g_assert_cmpstr (att_uses_section_get_total_text (section), ==, "Composition 80 % — 20 % missing");

  spin = att_uses_section_get_field (section, 1, "composition");
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 20);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 40);
  g_assert_cmpint (item_int (f, ATT_PRODUCT_EDIT_MATERIALS, 1, "composition"), ==, 40);
  g_assert_cmpstr (att_uses_section_get_total_text (section), ==, "Composition 100 %");

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 50);
  g_assert_cmpstr (att_uses_section_get_total_text (section), ==, "Composition 110 % — 10 % too much");

  /* Typing counts at each key, and the field keeps the focus: the row is
   * updated, not rebuilt. */
  gtk_widget_grab_focus (spin);
  gtk_editable_set_text (GTK_EDITABLE (spin), "3");
  gtk_editable_set_text (GTK_EDITABLE (spin), "35");
  g_assert_cmpint (item_int (f, ATT_PRODUCT_EDIT_MATERIALS, 1, "composition"), ==, 35);
  g_assert_cmpstr (att_uses_section_get_total_text (section), ==, "Composition 95 % — 5 % missing");
  g_assert_true (spin == att_uses_section_get_field (section, 1, "composition"));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (spin)), spin));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "35");

  /* Net use, a second field of the same row. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (att_uses_section_get_field (section, 0, "netUse")), 90);
  g_assert_cmpint (item_int (f, ATT_PRODUCT_EDIT_MATERIALS, 0, "netUse"), ==, 90);

  /* Undo goes back through the edit, and the rows follow. */
  g_assert_true (att_product_edit_undo (f->edit));
  spin_briefly ();
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (att_uses_section_get_field (section, 0, "netUse"))), ==, 75);
}

static void
test_remove_keeps_focus (Fixture      *f,
                         gconstpointer data)
{
  AttUsesSection *section;
  GtkWidget      *button;
  GtkWidget      *focus;
  const char     *label;

  append_material (f, "MatTX0001", "Cotton", 50, 75);
  append_material (f, "MatTX0002", "Organic cotton", 30, 75);
  append_material (f, "MatTX0005", "Linen (flax)", 20, 75);
  section = add_section (f, ATT_PRODUCT_EDIT_MATERIALS);

  /* Icon-only, so it says what it removes. */
  button = att_uses_section_get_remove_button (section, 1);
  label = gtk_widget_get_tooltip_text (button);
  g_assert_cmpstr (label, ==, "Remove Organic cotton");

  gtk_widget_grab_focus (button);
  g_signal_emit_by_name (button, "clicked");
  spin_briefly ();

  g_assert_cmpuint (att_product_edit_get_n_items (f->edit, ATT_PRODUCT_EDIT_MATERIALS), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (att_product_edit_get_item (f->edit, ATT_PRODUCT_EDIT_MATERIALS, 1), "materialId"),
                   ==, "MatTX0005");
  g_assert_cmpuint (att_uses_section_get_n_rows (section), ==, 2);
  g_assert_cmpstr (att_uses_section_get_total_text (section), ==, "Composition 70 % — 30 % missing");

  /* The focus went to the Remove button of the row that took its place. */
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (focus == att_uses_section_get_remove_button (section, 1));

  /* Removing the last row leaves the focus on Add. */
  g_signal_emit_by_name (att_uses_section_get_remove_button (section, 1), "clicked");
  gtk_widget_grab_focus (att_uses_section_get_remove_button (section, 0));
  g_signal_emit_by_name (att_uses_section_get_remove_button (section, 0), "clicked");
  spin_briefly ();
  g_assert_cmpuint (att_uses_section_get_n_rows (section), ==, 0);
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (focus != NULL && (focus == att_uses_section_get_add_button (section) ||
                                   gtk_widget_is_ancestor (focus, att_uses_section_get_add_button (section))));
}

static gboolean
has_class (GtkWidget  *widget,
           const char *css_class)
{
  return gtk_widget_has_css_class (widget, css_class);
}

static void
test_problems_on_rows (Fixture      *f,
                       gconstpointer data)
{
  AttUsesSection *section;
  AttUsesSection *packaging;
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GPtrArray) warnings = NULL;

  append_material (f, "MatTX0001", "Cotton", 50, 75);
  append_material (f, "MatTX0002", "Organic cotton", 30, 0);
  append_material (f, "MatTX0001", "Cotton", 10, 75);
  section = add_section (f, ATT_PRODUCT_EDIT_MATERIALS);
  packaging = add_section (f, ATT_PRODUCT_EDIT_PACKAGING);

  errors = att_product_edit_validate (f->edit, &warnings);
  att_uses_section_set_problems (section, errors, warnings);
  att_uses_section_set_problems (packaging, errors, warnings);

  /* The net use of row 2, under row 2, its field marked. */
  g_assert_null (att_uses_section_get_row_problems (section, 0));
  g_assert_nonnull (att_uses_section_get_row_problems (section, 1));
  g_assert_nonnull (strstr (att_uses_section_get_row_problems (section, 1), "Net use must be between 1 and 100"));
  g_assert_true (has_class (att_uses_section_get_field (section, 1, "netUse"), "error"));
  g_assert_false (has_class (att_uses_section_get_field (section, 1, "composition"), "error"));
  g_assert_false (has_class (att_uses_section_get_field (section, 0, "netUse"), "error"));

  /* The duplicate under the third row. */
  g_assert_nonnull (att_uses_section_get_row_problems (section, 2));
  g_assert_nonnull (strstr (att_uses_section_get_row_problems (section, 2), "already in the list"));

  /* The sum under the list; nothing in the packaging section. */
  g_assert_nonnull (att_uses_section_get_list_problems (section));
  g_assert_nonnull (strstr (att_uses_section_get_list_problems (section), "add up to 100"));
  g_assert_null (att_uses_section_get_list_problems (packaging));

  /* Fixed and checked again: the marks go. */
  att_product_edit_remove_item (f->edit, ATT_PRODUCT_EDIT_MATERIALS, 2);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (att_uses_section_get_field (section, 1, "netUse")), 80);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (att_uses_section_get_field (section, 1, "composition")), 50);
  g_clear_pointer (&errors, g_ptr_array_unref);
  g_clear_pointer (&warnings, g_ptr_array_unref);
  errors = att_product_edit_validate (f->edit, &warnings);
  att_uses_section_set_problems (section, errors, warnings);
  g_assert_null (att_uses_section_get_row_problems (section, 1));
  g_assert_false (has_class (att_uses_section_get_field (section, 1, "netUse"), "error"));
  g_assert_null (att_uses_section_get_list_problems (section));
}

static void
test_packaging_and_components (Fixture      *f,
                               gconstpointer data)
{
  AttUsesSection     *packaging = add_section (f, ATT_PRODUCT_EDIT_PACKAGING);
  AttUsesSection     *components = add_section (f, ATT_PRODUCT_EDIT_COMPONENTS);
  AttCataloguePicker *picker;

  picker = open_and_type (packaging, "polybag");
  g_assert_true (press_key (picker, GDK_KEY_Return));
  spin_briefly ();
  g_assert_cmpuint (att_product_edit_get_n_items (f->edit, ATT_PRODUCT_EDIT_PACKAGING), ==, 1);
  g_assert_nonnull (json_object_get_string_member (att_product_edit_get_item (f->edit, ATT_PRODUCT_EDIT_PACKAGING, 0), "packagingId"));
  g_assert_cmpint (item_int (f, ATT_PRODUCT_EDIT_PACKAGING, 0, "amount"), ==, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (att_uses_section_get_field (packaging, 0, "amount")), 3);
  g_assert_cmpint (item_int (f, ATT_PRODUCT_EDIT_PACKAGING, 0, "amount"), ==, 3);
  g_assert_null (att_uses_section_get_total_text (packaging));

  picker = open_and_type (components, "zipper");
  g_assert_true (press_key (picker, GDK_KEY_Return));
  spin_briefly ();
  g_assert_cmpuint (att_product_edit_get_n_items (f->edit, ATT_PRODUCT_EDIT_COMPONENTS), ==, 1);
  g_assert_nonnull (json_object_get_string_member (att_product_edit_get_item (f->edit, ATT_PRODUCT_EDIT_COMPONENTS, 0), "componentId"));
  g_assert_cmpint (item_int (f, ATT_PRODUCT_EDIT_COMPONENTS, 0, "unit"), ==, 1);
  /* The other lists are untouched. */
  g_assert_cmpuint (att_product_edit_get_n_items (f->edit, ATT_PRODUCT_EDIT_MATERIALS), ==, 0);
  g_assert_cmpuint (att_uses_section_get_n_rows (packaging), ==, 1);
}

/* A long list is built in one go, with a figure for the record. */
static void
test_long_list (Fixture      *f,
                gconstpointer data)
{
  GtkWidget *section;
  gint64     start;
  double     build_ms, frame_ms;

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *id = g_strdup_printf ("MatTX%04u", i + 1);

      append_material (f, id, id, i < 20 ? 5 : 0, 75);
    }

  start = g_get_monotonic_time ();
  section = att_uses_section_new (f->context, f->edit, ATT_PRODUCT_EDIT_MATERIALS);
  build_ms = (g_get_monotonic_time () - start) / 1000.0;
  gtk_box_append (f->box, section);
  gtk_test_widget_wait_for_draw (section);
  frame_ms = (g_get_monotonic_time () - start) / 1000.0;
  g_test_message ("40 material rows: built in %.1f ms, drawn after %.1f ms", build_ms, frame_ms);

  g_assert_cmpuint (att_uses_section_get_n_rows (ATT_USES_SECTION (section)), ==, 40);
  g_assert_cmpstr (att_uses_section_get_total_text (ATT_USES_SECTION (section)), ==, "Composition 100 %");

  /* Changing a value updates the row in place: no rebuild. */
  {
    GtkWidget *spin = att_uses_section_get_field (ATT_USES_SECTION (section), 39, "composition");

    gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 1);
    g_assert_true (spin == att_uses_section_get_field (ATT_USES_SECTION (section), 39, "composition"));
  }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/uses-section/add-via-picker", Fixture, NULL,
              fixture_setup, test_add_via_picker, fixture_teardown);
  g_test_add ("/uses-section/picker-escape-and-empty", Fixture, NULL,
              fixture_setup, test_picker_escape_and_empty, fixture_teardown);
  g_test_add ("/uses-section/picker-error", Fixture, NULL,
              fixture_setup, test_picker_error, fixture_teardown);
  g_test_add ("/uses-section/edit-and-total", Fixture, NULL,
              fixture_setup, test_edit_and_total, fixture_teardown);
  g_test_add ("/uses-section/remove-keeps-focus", Fixture, NULL,
              fixture_setup, test_remove_keeps_focus, fixture_teardown);
  g_test_add ("/uses-section/problems-on-rows", Fixture, NULL,
              fixture_setup, test_problems_on_rows, fixture_teardown);
  g_test_add ("/uses-section/packaging-and-components", Fixture, NULL,
              fixture_setup, test_packaging_and_components, fixture_teardown);
  g_test_add ("/uses-section/long-list", Fixture, NULL,
              fixture_setup, test_long_list, fixture_teardown);

  return g_test_run ();
}
