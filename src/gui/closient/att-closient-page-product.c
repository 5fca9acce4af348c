/* att-closient-page-product.c: the lookup of a GTIN in the Closient view,
 * and the header of the product found
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-closient-page-private.h"
#include "att-error.h"
#include "att-spinner.h"

/* A lookup asks for the product first: a GTIN Closient does not know is
 * then said plainly ("Not on Closient") instead of as an empty or failed
 * list, and the product's name and brand head its certifications, which
 * are asked for next. */

/**
 * att_closient_page_show_state:
 * @name: "no-account", "start", "loading", "not-found", "error" or
 *   "product"
 */
void
att_closient_page_show_state (AttClosientPage *self,
                              const char      *name)
{
  if (g_str_equal (name, "loading"))
    att_spinner_start_delayed (self->spinner, ATT_SPINNER_DELAY_MS);
  else
    att_spinner_stop (self->spinner);
  if (!g_str_equal (name, "product"))
    adw_window_title_set_subtitle (self->window_title, NULL);
  gtk_stack_set_visible_child_name (self->content_stack, name);
}

static char *
describe_product (AttClosientProduct *product)
{
  const char *parts[3] = {
    att_closient_product_get_brand (product),
    att_closient_product_get_manufacturer (product),
    att_closient_product_get_is_claimed (product) ? _ ("Claimed by its brand") : _ ("Not claimed"),
  };
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i] == NULL || *parts[i] == '\0')
        continue;
      /* The manufacturer is often the brand itself. */
      if (i == 1 && g_strcmp0 (parts[0], parts[1]) == 0)
        continue;
      if (str->len > 0)
        g_string_append (str, " · ");
      g_string_append (str, parts[i]);
    }
  return g_string_free (str, FALSE);
}

static void
show_product (AttClosientPage *self)
{
  const char      *name = att_closient_product_get_product_name (self->product);
  g_autofree char *detail = describe_product (self->product);
  g_autofree char *gtin = NULL;
  g_autofree char *picture = NULL;

  if (name == NULL || *name == '\0')
    name = _ ("Unnamed product");
  /* Translators: a product's GTIN, 14 digits */
  gtin = g_strdup_printf (_ ("GTIN %s"), self->gtin);
  /* Translators: what a screen reader says of a product's picture */
  picture = g_strdup_printf (_ ("Picture of %s"), name);

  gtk_label_set_label (self->product_name_label, name);
  gtk_label_set_label (self->product_detail_label, detail);
  gtk_label_set_label (self->gtin_label, gtin);
  att_closient_logo_show (self->product_image, self->logos, att_closient_product_get_image_url (self->product),
                          "package-x-generic-symbolic", picture);
  att_closient_page_show_state (self, "product");
  adw_window_title_set_subtitle (self->window_title, name);
}

static void
show_failure (AttClosientPage *self,
              const GError    *error)
{
  g_autofree char *description = NULL;

  if (g_error_matches (error, ATT_API_ERROR, ATT_API_ERROR_NOT_FOUND))
    {
      /* Translators: %s is a GTIN of 14 digits */
      description = g_strdup_printf (_ ("No product with GTIN %s is on Closient. Check the number, or ask the "
                                        "brand to list the product there."),
                                     self->gtin);
      adw_status_page_set_description (self->not_found_page, description);
      att_closient_page_show_state (self, "not-found");
      return;
    }
  adw_status_page_set_description (self->error_page, error->message);
  att_closient_page_show_state (self, "error");
}

static void
product_found (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AttClosientPage) self = user_data;
  g_autoptr(AttClosientProduct) product = NULL;
  g_autoptr(GError) error = NULL;

  product = att_closient_client_get_product_finish (ATT_CLOSIENT_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Cancel in the rate-limit bar, as opposed to a new lookup. */
      if (self->cancellable != NULL && g_cancellable_is_cancelled (self->cancellable))
        {
          g_autoptr(GError) stopped = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                            _ ("You stopped waiting for Closient’s rate limit."));

          show_failure (self, stopped);
        }
      return;
    }
  if (product == NULL)
    {
      show_failure (self, error);
      return;
    }

  g_set_object (&self->product, product);
  att_closient_page_remember_gtin (self, self->gtin);
  show_product (self);
  att_closient_page_load_list (self);
}

/**
 * att_closient_page_start_lookup:
 *
 * Looks up the GTIN in self->gtin, which is valid, cancelling the
 * lookup before.
 */
void
att_closient_page_start_lookup (AttClosientPage *self)
{
  g_assert (self->client != NULL && self->gtin != NULL);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_object (&self->product);
  att_closient_page_clear_list (self);
  att_closient_page_show_state (self, "loading");
  att_closient_client_get_product_async (self->client, self->gtin, self->cancellable, product_found,
                                         g_object_ref (self));
}
