/* att-country-chooser.c: a list of ISO 3166-1 countries, chosen by name
 * or code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "att-country-chooser.h"
#include "att-country.h"
#include "att-iso-countries.h"

/**
 * AttCountryChooser:
 *
 * The countries chosen, a row each with a Remove button, and an Add
 * Country button whose popover finds a country by its name in the user's
 * language or by its code.  The list of all countries is given once it is
 * read (until then the rows show codes); a code the list does not have,
 * as a server may send, is kept and shown as it is.
 */
struct _AttCountryChooser
{
  AdwPreferencesGroup parent_instance;

  GListModel         *countries; /* of AttCountry, all of them */
  GPtrArray          *codes;     /* chosen, in order */
  GPtrArray          *rows;
  GtkWidget          *empty_row;
  GtkWidget          *message_row;
  GtkLabel           *message;
  GtkMenuButton      *add_button;
  GtkSearchEntry     *search_entry;
  GtkCustomFilter    *filter;
  GtkFilterListModel *shown;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (AttCountryChooser, att_country_chooser, ADW_TYPE_PREFERENCES_GROUP)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_chosen (AttCountryChooser *self,
           const char        *code)
{
  for (guint i = 0; i < self->codes->len; i++)
    if (g_str_equal (g_ptr_array_index (self->codes, i), code))
      return TRUE;
  return FALSE;
}

static const char *
name_of (AttCountryChooser *self,
         const char        *code)
{
  AttCountry *country = self->countries != NULL ? att_iso_countries_find (self->countries, code) : NULL;

  return country != NULL ? att_country_get_name (country) : NULL;
}

/* --- The rows of the chosen ---------------------------------------------- */

static void
on_remove_clicked (GtkButton         *button,
                   AttCountryChooser *self)
{
  const char *code = g_object_get_data (G_OBJECT (button), "att-code");
  guint       index;

  for (index = 0; index < self->codes->len; index++)
    if (g_str_equal (g_ptr_array_index (self->codes, index), code))
      break;
  if (index == self->codes->len)
    return;
  g_ptr_array_remove_index (self->codes, index);
  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, index));
  g_ptr_array_remove_index (self->rows, index);
  gtk_widget_set_visible (self->empty_row, self->codes->len == 0);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static GtkWidget *
row_new (AttCountryChooser *self,
         const char        *code)
{
  const char      *name = name_of (self, code);
  GtkWidget       *row = adw_action_row_new ();
  GtkWidget       *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  /* Translators: the name of the button that removes a country, "Remove France" */
  g_autofree char *remove = g_strdup_printf (_ ("Remove %s"), name != NULL ? name : code);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name != NULL ? name : code);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), name != NULL ? code : _ ("Not an ISO 3166-1 code known to this system"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, remove);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove, -1);
  g_object_set_data_full (G_OBJECT (button), "att-code", g_strdup (code), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_remove_clicked), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
rebuild_rows (AttCountryChooser *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  for (guint i = 0; i < self->codes->len; i++)
    {
      GtkWidget *row = row_new (self, g_ptr_array_index (self->codes, i));

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }
  gtk_widget_set_visible (self->empty_row, self->codes->len == 0);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/**
 * att_country_chooser_set_codes:
 * @codes: (nullable): the countries chosen, ISO 3166-1 alpha-2 codes
 *
 * Shows @codes as chosen (without "changed": this is what was loaded).
 */
void
att_country_chooser_set_codes (AttCountryChooser *self,
                               const char *const *codes)
{
  g_return_if_fail (ATT_IS_COUNTRY_CHOOSER (self));

  g_ptr_array_set_size (self->codes, 0);
  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    if (!is_chosen (self, codes[i]))
      g_ptr_array_add (self->codes, g_strdup (codes[i]));
  rebuild_rows (self);
}

/**
 * att_country_chooser_get_codes:
 *
 * Returns: (transfer full): the codes chosen, in the order chosen
 */
GStrv
att_country_chooser_get_codes (AttCountryChooser *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (ATT_IS_COUNTRY_CHOOSER (self), NULL);

  for (guint i = 0; i < self->codes->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->codes, i));
  return g_strv_builder_end (builder);
}

/**
 * att_country_chooser_add_code:
 *
 * Adds @code at the end, as choosing it does, unless it is chosen already.
 */
void
att_country_chooser_add_code (AttCountryChooser *self,
                              const char        *code)
{
  GtkWidget *row;

  g_return_if_fail (ATT_IS_COUNTRY_CHOOSER (self));
  g_return_if_fail (code != NULL);

  if (is_chosen (self, code))
    return;
  g_ptr_array_add (self->codes, g_strdup (code));
  row = row_new (self, code);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
  gtk_widget_set_visible (self->empty_row, FALSE);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_MORE_STRICT);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/**
 * att_country_chooser_set_countries:
 * @countries: (nullable): every country (#AttCountry) to choose from
 */
void
att_country_chooser_set_countries (AttCountryChooser *self,
                                   GListModel        *countries)
{
  g_return_if_fail (ATT_IS_COUNTRY_CHOOSER (self));

  g_set_object (&self->countries, countries);
  gtk_filter_list_model_set_model (self->shown, countries);
  rebuild_rows (self);
}

/**
 * att_country_chooser_set_message:
 * @message: (nullable): the problem of the countries, or %NULL
 */
void
att_country_chooser_set_message (AttCountryChooser *self,
                                 const char        *message)
{
  g_return_if_fail (ATT_IS_COUNTRY_CHOOSER (self));

  gtk_label_set_label (self->message, message != NULL ? message : "");
  gtk_widget_set_visible (self->message_row, message != NULL);
}

const char *
att_country_chooser_get_message (AttCountryChooser *self)
{
  g_return_val_if_fail (ATT_IS_COUNTRY_CHOOSER (self), NULL);

  return gtk_widget_get_visible (self->message_row) ? gtk_label_get_label (self->message) : NULL;
}

void
att_country_chooser_focus (AttCountryChooser *self)
{
  g_return_if_fail (ATT_IS_COUNTRY_CHOOSER (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->add_button));
}

/* --- The popover to choose from ------------------------------------------- */

/* By name in the user's language or by code, leaving out the chosen. */
static gboolean
filter_country (gpointer item,
                gpointer user_data)
{
  AttCountryChooser *self = user_data;
  AttCountry        *country = item;
  const char        *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char   *needle = NULL;
  g_autofree char   *name = NULL;

  if (is_chosen (self, att_country_get_code (country)))
    return FALSE;
  if (*search == '\0')
    return TRUE;
  needle = g_utf8_casefold (search, -1);
  name = g_utf8_casefold (att_country_get_name (country), -1);
  return strstr (name, needle) != NULL || g_ascii_strcasecmp (att_country_get_code (country), search) == 0;
}

static void
on_search_changed (AttCountryChooser *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
choose_position (AttCountryChooser *self,
                 guint              position)
{
  g_autoptr(AttCountry) country = g_list_model_get_item (G_LIST_MODEL (self->shown), position);

  if (country == NULL)
    return;
  gtk_menu_button_popdown (self->add_button);
  att_country_chooser_add_code (self, att_country_get_code (country));
}

static void
on_activate (GtkListView       *view,
             guint              position,
             AttCountryChooser *self)
{
  choose_position (self, position);
}

/* Enter in the search takes the first country found. */
static void
on_search_activate (AttCountryChooser *self)
{
  choose_position (self, 0);
}

static void
on_popover_shown (AttCountryChooser *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
setup_item (GtkSignalListItemFactory *factory,
            GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_item (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  AttCountry      *country = gtk_list_item_get_item (item);
  /* Translators: a country in the list to choose from, "France (FR)" */
  g_autofree char *text = g_strdup_printf (_ ("%s (%s)"), att_country_get_name (country),
                                           att_country_get_code (country));

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static GtkWidget *
popover_new (AttCountryChooser *self)
{
  GtkWidget          *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget          *scroller = gtk_scrolled_window_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget          *popover = gtk_popover_new ();

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  /* The property: its setter is GTK 4.10's. */
  g_object_set (self->search_entry, "placeholder-text", _ ("Country name or code"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Find a country"), -1);
  self->filter = gtk_custom_filter_new (filter_country, self, NULL);
  self->shown = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->filter)));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_item), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item), NULL);
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (gtk_single_selection_new (
                                                        G_LIST_MODEL (g_object_ref (self->shown)))),
                                                      factory));
  gtk_list_view_set_single_click_activate (self->list_view, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Countries"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list_view));
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 280);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scroller), 280);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->search_entry));
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_popover_set_child (GTK_POPOVER (popover), box);

  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate", G_CALLBACK (on_search_activate), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (on_activate), self, 0);
  g_signal_connect_object (popover, "show", G_CALLBACK (on_popover_shown), self, G_CONNECT_SWAPPED);
  return popover;
}

static void
add_fixed_rows (AttCountryChooser *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  self->message = GTK_LABEL (label);
  gtk_label_set_xalign (self->message, 0.0);
  gtk_label_set_wrap (self->message, TRUE);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, "error");
  self->message_row = adw_preferences_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self->message_row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->message_row), FALSE);
  gtk_widget_set_visible (self->message_row, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->message_row);

  self->empty_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->empty_row), _ ("None recorded"));
  gtk_widget_add_css_class (self->empty_row, "dim-label");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->empty_row);
}

static void
att_country_chooser_dispose (GObject *object)
{
  AttCountryChooser *self = ATT_COUNTRY_CHOOSER (object);

  g_clear_object (&self->countries);
  g_clear_object (&self->shown);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->codes, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (att_country_chooser_parent_class)->dispose (object);
}

static void
att_country_chooser_class_init (AttCountryChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = att_country_chooser_dispose;

  /**
   * AttCountryChooser::changed:
   *
   * A country was added or removed by the user.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                          NULL, NULL, G_TYPE_NONE, 0);
}

static void
att_country_chooser_init (AttCountryChooser *self)
{
  GtkWidget *content = adw_button_content_new ();

  self->codes = g_ptr_array_new_with_free_func (g_free);
  self->rows = g_ptr_array_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _ ("Countries"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _ ("Where the certificate is valid. None recorded does not mean everywhere."));
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _ ("Add _Country"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  self->add_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_child (self->add_button, content);
  gtk_widget_add_css_class (GTK_WIDGET (self->add_button), "flat");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button), _ ("Add a country where the certificate is valid"));
  gtk_menu_button_set_popover (self->add_button, popover_new (self));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->add_button));
  add_fixed_rows (self);
}

GtkWidget *
att_country_chooser_new (void)
{
  return g_object_new (ATT_TYPE_COUNTRY_CHOOSER, NULL);
}
