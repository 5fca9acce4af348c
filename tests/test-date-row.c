/* test-date-row.c: a day typed or picked, and the names screen readers say
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "att-date-row.h"
#include "att-test-widgets.h"

/* Typed days: as APIs write them, or in the locale's ways; days that do
 * not exist and text that is no day give nothing. */
static void
test_parse_typed (void)
{
  const struct
  {
    const char *text;
    const char *day;
  } cases[] = {
    { "2027-03-31", "2027-03-31" },
    { "  2027-03-31 ", "2027-03-31" },
    { "2028-02-29", "2028-02-29" },
    { "2027-02-29", NULL },
    { "2027-13-01", NULL },
    { "tomorrow-ish", NULL },
    { "", NULL },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *day = att_date_row_parse_typed (cases[i].text);

      g_assert_cmpstr (day, ==, cases[i].day);
    }
}

typedef struct
{
  GtkWindow  *window;
  AttDateRow *row;
  GtkEntry   *entry;
  GtkPopover *popover;
} Fixture;

/* The popover opened as a click opens it, and shown on screen. */
static void
popup (Fixture *f)
{
  gtk_menu_button_popup (GTK_MENU_BUTTON (att_test_find_of_type (GTK_WIDGET (f->row), GTK_TYPE_MENU_BUTTON)));
  while (!gtk_widget_get_mapped (GTK_WIDGET (f->popover)))
    g_main_context_iteration (NULL, TRUE);
}

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  GtkWidget *list = gtk_list_box_new ();

  f->window = GTK_WINDOW (gtk_window_new ());
  f->row = ATT_DATE_ROW (att_date_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (f->row), "Valid _Until");
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (f->row));
  gtk_window_set_child (f->window, list);
  att_date_row_set_date (f->row, "2027-03-31");
  f->entry = GTK_ENTRY (att_test_find_of_type (GTK_WIDGET (f->row), GTK_TYPE_ENTRY));
  f->popover = GTK_POPOVER (att_test_find_of_type (GTK_WIDGET (f->row), GTK_TYPE_POPOVER));
  g_assert_nonnull (f->entry);
  g_assert_nonnull (f->popover);
  gtk_window_present (f->window);
  popup (f);
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  gtk_window_destroy (f->window);
}

static void
type (Fixture    *f,
      const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (f->entry), text);
  g_signal_emit_by_name (f->entry, "activate");
}

/* The popover opens on the day typed out; a day typed and Enter sets it
 * and closes the popover. */
static void
test_typed_day (Fixture      *f,
                gconstpointer data)
{
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->entry)), ==, "2027-03-31");
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (f->entry)) ||
                 gtk_widget_has_focus (gtk_widget_get_first_child (GTK_WIDGET (f->entry))));
  type (f, "2027-04-01");
  g_assert_cmpstr (att_date_row_get_date (f->row), ==, "2027-04-01");
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (f->popover)));
}

/* Text that is no day keeps the day there was, and says why. */
static void
test_bad_text (Fixture      *f,
               gconstpointer data)
{
  type (f, "2027-02-30");
  g_assert_cmpstr (att_date_row_get_date (f->row), ==, "2027-03-31");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (f->entry), "error"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->popover)));
  /* A correction takes the complaint away as it is typed. */
  gtk_editable_set_text (GTK_EDITABLE (f->entry), "2027-03-0");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (f->entry), "error"));
}

/* A day taken away: the popover then opens empty. */
static void
test_clear (Fixture      *f,
            gconstpointer data)
{
  gtk_popover_popdown (f->popover);
  att_date_row_set_date (f->row, NULL);
  g_assert_null (att_date_row_get_date (f->row));
  popup (f);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->entry)), ==, "");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/date-row/parse-typed", test_parse_typed);
#define ADD(name, func) g_test_add ("/date-row/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("typed-day", test_typed_day);
  ADD ("bad-text", test_bad_text);
  ADD ("clear", test_clear);
#undef ADD

  return g_test_run ();
}
