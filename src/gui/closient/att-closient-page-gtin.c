/* att-closient-page-gtin.c: the GTIN entry of the Closient view, its live
 * check and the recent GTINs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "att-closient-page-private.h"
#include "att-gtin.h"

/* A GTIN arrives three ways: typed, pasted (often grouped with spaces or
 * hyphens, which are dropped) or from a barcode scanner, which types the
 * digits as a keyboard would and presses Enter.  Enter (or Look Up) sends
 * it, and only a GTIN whose length and check digit are right is ever
 * sent: the entry says what is wrong as the user types, naming the check
 * digit that was expected, and the padded 14 digits that will be looked
 * up when it is right. */

static void
set_check (AttClosientPage *self,
           const char      *message,
           const char      *css_class)
{
  static const char *const classes[] = { "dim-label", "success", "error" };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    if (g_strcmp0 (classes[i], css_class) != 0)
      gtk_widget_remove_css_class (GTK_WIDGET (self->check_label), classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->check_label), css_class);
  gtk_label_set_label (self->check_label, message);

  if (g_str_equal (css_class, "error"))
    gtk_widget_add_css_class (GTK_WIDGET (self->gtin_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->gtin_entry), "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->gtin_entry), GTK_ACCESSIBLE_STATE_INVALID,
                               g_str_equal (css_class, "error") ? GTK_ACCESSIBLE_INVALID_TRUE
                                                                : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

/* While the user types, a GTIN that is too short, or whose check digit is
 * wrong at a length that may still grow, is not a mistake yet. */
static gboolean
may_still_grow (const GError *error,
                gsize         length)
{
  return !g_error_matches (error, ATT_GTIN_ERROR, ATT_GTIN_ERROR_NOT_DIGITS) && length < 14;
}

/**
 * att_closient_page_check_gtin:
 * @final: whether the user asked to look it up (then every problem is an
 *   error)
 *
 * Says below the entry what is wrong with the GTIN typed, or which 14
 * digits will be looked up.
 */
void
att_closient_page_check_gtin (AttClosientPage *self,
                              gboolean         final)
{
  g_autofree char *clean = att_gtin_clean_input (gtk_editable_get_text (GTK_EDITABLE (self->gtin_entry)));
  g_autofree char *gtin14 = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (clean == NULL || *clean == '\0')
    {
      set_check (self, final ? _ ("Type a GTIN first.") : _ ("8, 12, 13 or 14 digits; spaces and hyphens are ignored."),
                 final ? "error" : "dim-label");
      return;
    }
  if (!att_gtin_normalize (clean, &gtin14, &error))
    {
      set_check (self, error->message, !final && may_still_grow (error, strlen (clean)) ? "dim-label" : "error");
      return;
    }
  if (g_str_equal (clean, gtin14))
    /* Translators: %u is 14, a GTIN's length */
    message = g_strdup_printf (_ ("A valid GTIN-%u"), (guint) strlen (clean));
  else
    /* Translators: %u is 8, 12 or 13; %s the GTIN padded to 14 digits */
    message = g_strdup_printf (_ ("A valid GTIN-%u, looked up as %s"), (guint) strlen (clean), gtin14);
  set_check (self, message, "success");
}

/* Recent GTINs */

static GStrv
get_recent (AttClosientPage *self)
{
  return self->settings != NULL ? g_settings_get_strv (self->settings, "closient-recent-gtins") : NULL;
}

static void
update_recent_menu (AttClosientPage *self)
{
  g_auto(GStrv) recent = get_recent (self);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) gtins = g_menu_new ();
  g_autoptr(GMenu) clear = g_menu_new ();

  for (guint i = 0; recent != NULL && recent[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (recent[i], NULL);

      g_menu_item_set_action_and_target (item, "closient.look-up-gtin", "s", recent[i]);
      g_menu_append_item (gtins, item);
    }
  g_menu_append (clear, _ ("_Clear Recent GTINs"), "closient.clear-recent");
  g_menu_append_section (menu, _ ("Recent GTINs"), G_MENU_MODEL (gtins));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (clear));
  gtk_menu_button_set_menu_model (self->recent_button, G_MENU_MODEL (menu));
  gtk_widget_set_visible (GTK_WIDGET (self->recent_button), self->settings != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->recent_button), recent != NULL && recent[0] != NULL);
}

/**
 * att_closient_page_remember_gtin:
 *
 * Puts @gtin14 first in the recent GTINs, once, keeping the last
 * %ATT_CLOSIENT_PAGE_MAX_RECENT.
 */
void
att_closient_page_remember_gtin (AttClosientPage *self,
                                 const char      *gtin14)
{
  g_auto(GStrv) recent = get_recent (self);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) kept = NULL;
  guint n = 1;

  if (self->settings == NULL)
    return;
  g_strv_builder_add (builder, gtin14);
  for (guint i = 0; recent[i] != NULL && n < ATT_CLOSIENT_PAGE_MAX_RECENT; i++)
    if (!g_str_equal (recent[i], gtin14))
      {
        g_strv_builder_add (builder, recent[i]);
        n++;
      }
  kept = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "closient-recent-gtins", (const char *const *) kept);
}

void
att_closient_page_clear_recent (AttClosientPage *self)
{
  if (self->settings != NULL)
    g_settings_reset (self->settings, "closient-recent-gtins");
}

/* Signals */

static void
on_gtin_changed (AttClosientPage *self)
{
  att_closient_page_check_gtin (self, FALSE);
}

/* Enter looks the GTIN up; on the GTIN shown already, it moves on to its
 * certifications, as Enter in GNOME's search entries moves to the results. */
static void
on_gtin_activate (AttClosientPage *self)
{
  g_autofree char *clean = att_gtin_clean_input (gtk_editable_get_text (GTK_EDITABLE (self->gtin_entry)));

  if (self->gtin != NULL && g_strcmp0 (clean, self->gtin) == 0 &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->list_stack), "list") == 0 &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "product") == 0)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
      return;
    }
  att_closient_page_look_up (self, gtk_editable_get_text (GTK_EDITABLE (self->gtin_entry)));
}

void
att_closient_page_setup_gtin (AttClosientPage *self)
{
  g_object_set (self->gtin_entry, "placeholder-text", _ ("GTIN of the product"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->gtin_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("GTIN of the product to look up"), -1);
  g_signal_connect_swapped (self->gtin_entry, "changed", G_CALLBACK (on_gtin_changed), self);
  g_signal_connect_swapped (self->gtin_entry, "activate", G_CALLBACK (on_gtin_activate), self);
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::closient-recent-gtins", G_CALLBACK (update_recent_menu), self,
                             G_CONNECT_SWAPPED);
  update_recent_menu (self);
  att_closient_page_check_gtin (self, FALSE);
}

/**
 * att_closient_page_look_up:
 * @text: a GTIN as typed, pasted or scanned
 *
 * Looks the product up if @text is a GTIN, shown padded to 14 digits in
 * the entry; else says what is wrong below the entry, and sends nothing.
 *
 * Returns: whether @text was a GTIN
 */
gboolean
att_closient_page_look_up (AttClosientPage *self,
                           const char      *text)
{
  g_autofree char *clean = NULL;
  g_autofree char *gtin14 = NULL;

  g_return_val_if_fail (ATT_IS_CLOSIENT_PAGE (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  adw_leaflet_set_visible_child (self->leaflet, self->main_pane);
  clean = att_gtin_clean_input (text);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->gtin_entry)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->gtin_entry), text);
  if (clean == NULL || !att_gtin_normalize (clean, &gtin14, NULL))
    {
      att_closient_page_check_gtin (self, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->gtin_entry));
      return FALSE;
    }

  g_free (self->gtin);
  self->gtin = g_steal_pointer (&gtin14);
  gtk_editable_set_text (GTK_EDITABLE (self->gtin_entry), self->gtin);
  /* Selected, so that the next GTIN typed or scanned replaces it. */
  gtk_editable_select_region (GTK_EDITABLE (self->gtin_entry), 0, -1);
  if (self->client == NULL)
    att_closient_page_show_state (self, "no-account");
  else
    att_closient_page_start_lookup (self);
  return TRUE;
}
