/* att-purchase-order-dialog-save.c: checking and sending a purchase order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "att-context.h"
#include "att-error.h"
#include "att-higg-client.h"
#include "att-product.h"
#include "att-json.h"
#include "att-purchase-order-dialog-private.h"
#include "att-purchase-order-row.h"
#include "att-validation.h"

/* A purchase order is saved as an update of its product: addPurchaseOrder
 * for a new one, updatePurchaseOrder (matched by `_id`) for an edit.  The
 * command is checked with the rules the server applies
 * (att_validate_product_update()) before anything is sent, and a 400 from
 * the server is shown the same way: each problem under its field.  On
 * success the server's product is announced with
 * att_context_product_saved(), which updates the cache and every view. */

static void
set_field_error (GtkLabel   *label,
                 const char *message)
{
  gtk_label_set_label (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

static void
clear_errors (AttPurchaseOrderDialog *self)
{
  set_field_error (self->general_error, NULL);
  set_field_error (self->product_error, NULL);
  set_field_error (self->order_error, NULL);
  set_field_error (self->date_error, NULL);
  set_field_error (self->amount_error, NULL);
  set_field_error (self->fem_error, NULL);
}

/* The label of the field a request-body path like
 * `addPurchaseOrder[0].purchaseDate` names; the general one otherwise. */
static GtkLabel *
label_for_path (AttPurchaseOrderDialog *self,
                const char             *path)
{
  if (path == NULL)
    return self->general_error;
  if (g_str_has_suffix (path, ".purchaseOrderId"))
    return self->order_error;
  if (g_str_has_suffix (path, ".purchaseDate"))
    return self->date_error;
  if (g_str_has_suffix (path, ".amountPurchase"))
    return self->amount_error;
  if (g_str_has_suffix (path, ".femId") || g_str_has_suffix (path, ".assembly"))
    return self->fem_error;
  return self->general_error;
}

static void
show_field_errors (AttPurchaseOrderDialog *self,
                   GPtrArray              *errors)
{
  for (guint i = 0; i < errors->len; i++)
    {
      AttFieldError *error = g_ptr_array_index (errors, i);
      GtkLabel      *label = label_for_path (self, error->path);

      /* The first problem of a field is the one shown. */
      if (!gtk_widget_get_visible (GTK_WIDGET (label)))
        set_field_error (label, error->message);
    }
}

static char *
entry_text (GtkEntry *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

/* The amount as typed, or NAN when it is not a number at all: JSON has no
 * NaN, so that case is caught here rather than by the shared rules. */
static double
read_amount (AttPurchaseOrderDialog *self)
{
  g_autofree char *text = entry_text (self->amount_entry);
  char            *end = NULL;
  double           value;

  if (*text == '\0')
    return NAN;
  value = g_ascii_strtod (text, &end);
  return end != NULL && *end == '\0' ? value : NAN;
}

static JsonObject *
build_order (AttPurchaseOrderDialog *self,
             double                  amount)
{
  g_autofree char *order = entry_text (self->order_entry);
  g_autofree char *date = entry_text (self->date_entry);
  g_autofree char *fem = entry_text (self->fem_entry);
  JsonObject      *object = json_object_new ();

  if (self->row != NULL && att_purchase_order_row_get_id (self->row) != NULL)
    json_object_set_string_member (object, "_id", att_purchase_order_row_get_id (self->row));
  json_object_set_string_member (object, "purchaseOrderId", order);
  json_object_set_string_member (object, "purchaseDate", date);
  att_json_object_set_number (object, "amountPurchase", amount);

  /* An edit that empties the FEM id unlinks the facility. */
  if (*fem != '\0')
    {
      JsonObject *assembly = json_object_new ();

      json_object_set_string_member (assembly, "femId", fem);
      json_object_set_object_member (object, "assembly", assembly);
    }
  else if (self->row != NULL)
    json_object_set_null_member (object, "assembly");
  return object;
}

static JsonObject *
build_command (AttPurchaseOrderDialog *self,
               double                  amount)
{
  JsonObject *command = json_object_new ();
  JsonArray  *orders = json_array_new ();

  json_array_add_object_element (orders, build_order (self, amount));
  json_object_set_array_member (command, self->row != NULL ? "updatePurchaseOrder" : "addPurchaseOrder",
                                orders);
  return command;
}

static void
set_saving (AttPurchaseOrderDialog *self,
            gboolean                saving)
{
  self->saving = saving;
  gtk_widget_set_sensitive (self->save_button, !saving);
  gtk_spinner_set_spinning (self->spinner, saving);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  AttPurchaseOrderDialog *self = user_data;
  g_autoptr(AttProduct) product = NULL;
  g_autoptr(GError) error = NULL;

  product = att_higg_client_update_product_finish (ATT_HIGG_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_saving (self, FALSE);
  if (product == NULL)
    {
      GPtrArray *fields = att_api_error_get_field_errors (error);

      if (fields != NULL && fields->len > 0)
        show_field_errors (self, fields);
      else
        set_field_error (self->general_error, error->message);
      return;
    }

  att_context_product_saved (self->context, product);
  att_purchase_order_dialog_emit_saved (self, product);
  gtk_window_close (GTK_WINDOW (self));
}

/* Problems found before anything is sent; %TRUE when there were any. */
static gboolean
check_locally (AttPurchaseOrderDialog *self,
               JsonObject             *command,
               double                  amount)
{
  g_autoptr(GPtrArray) errors = att_validate_product_update (command, FALSE);
  gboolean         found = FALSE;
  g_autofree char *order = entry_text (self->order_entry);

  if (self->product_id == NULL)
    {
      set_field_error (self->product_error, _ ("Choose the product this order is for."));
      found = TRUE;
    }
  if (*order == '\0')
    {
      set_field_error (self->order_error, _ ("Enter the order number."));
      found = TRUE;
    }
  if (!isfinite (amount))
    {
      set_field_error (self->amount_error, _ ("Enter the amount as a number, such as 250 or 12.5."));
      found = TRUE;
    }

  show_field_errors (self, errors);
  return found || errors->len > 0;
}

/**
 * att_purchase_order_dialog_save:
 *
 * Checks the fields and, if they pass, sends the update.
 */
void
att_purchase_order_dialog_save (AttPurchaseOrderDialog *self)
{
  AttHiggClient *client = att_context_get_higg_client (self->context);
  double         amount = read_amount (self);
  g_autoptr(JsonObject) command = NULL;

  if (self->saving)
    return;

  clear_errors (self);
  /* A placeholder keeps the command valid JSON while the amount is wrong;
   * the amount's own message is shown instead. */
  command = build_command (self, isfinite (amount) ? amount : 0);
  if (check_locally (self, command, amount))
    return;

  if (client == NULL)
    {
      set_field_error (self->general_error, _ ("No account is connected."));
      return;
    }

  set_saving (self, TRUE);
  att_higg_client_update_product_async (client, self->product_id, command, self->cancellable,
                                        saved_cb, self);
}
