/* att-account-store-list.c: AttAccountStore as a GListModel of AttAccount,
 * and keeping that list sorted by service, then display name, also when
 * an account is renamed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "att-account-store-private.h"

/* --- GListModel ------------------------------------------------------------- */

static GType
att_account_store_get_item_type (GListModel *model)
{
  return ATT_TYPE_ACCOUNT;
}

static guint
att_account_store_get_n_items (GListModel *model)
{
  return ATT_ACCOUNT_STORE (model)->accounts->len;
}

static gpointer
att_account_store_get_item (GListModel *model,
                            guint       position)
{
  AttAccountStore *self = ATT_ACCOUNT_STORE (model);

  if (position >= self->accounts->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->accounts, position));
}

void
att_account_store_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = att_account_store_get_item_type;
  iface->get_n_items = att_account_store_get_n_items;
  iface->get_item = att_account_store_get_item;
}

/* --- Keeping the list sorted ---------------------------------------------- */

static int
compare_accounts (AttAccount *a,
                  AttAccount *b)
{
  AttService       service_a = att_account_get_service (a);
  AttService       service_b = att_account_get_service (b);
  g_autofree char *folded_a = NULL;
  g_autofree char *folded_b = NULL;
  int              cmp;

  if (service_a != service_b)
    return service_a < service_b ? -1 : 1;

  /* Case does not matter to the user, whatever the locale says. */
  folded_a = g_utf8_casefold (att_account_get_display_name (a), -1);
  folded_b = g_utf8_casefold (att_account_get_display_name (b), -1);
  cmp = g_utf8_collate (folded_a, folded_b);
  if (cmp == 0)
    cmp = g_utf8_collate (att_account_get_display_name (a),
                          att_account_get_display_name (b));
  if (cmp != 0)
    return cmp;

  /* Equal names still get a stable order. */
  return strcmp (att_account_get_id (a), att_account_get_id (b));
}

guint
att_account_store_find_index (AttAccountStore *self,
                              const char      *id)
{
  for (guint i = 0; i < self->accounts->len; i++)
    {
      AttAccount *account = g_ptr_array_index (self->accounts, i);

      if (g_strcmp0 (att_account_get_id (account), id) == 0)
        return i;
    }

  return G_MAXUINT;
}

static guint
sorted_position (AttAccountStore *self,
                 AttAccount      *account)
{
  guint i;

  for (i = 0; i < self->accounts->len; i++)
    {
      if (compare_accounts (account, g_ptr_array_index (self->accounts, i)) < 0)
        break;
    }

  return i;
}

static void
on_display_name_changed (AttAccount      *account,
                         GParamSpec      *pspec,
                         AttAccountStore *self)
{
  guint old_position = att_account_store_find_index (self, att_account_get_id (account));
  guint new_position;

  g_assert (old_position != G_MAXUINT);

  /* A renamed account moves to its new place in the sorted list; the
   * array's reference moves with it. */
  g_ptr_array_steal_index (self->accounts, old_position);
  new_position = sorted_position (self, account);
  g_ptr_array_insert (self->accounts, new_position, account);

  if (new_position != old_position)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), old_position, 1, 0);
      g_list_model_items_changed (G_LIST_MODEL (self), new_position, 0, 1);
    }
}

void
att_account_store_account_unref (gpointer data)
{
  g_signal_handlers_disconnect_matched (data, G_SIGNAL_MATCH_FUNC,
                                        0, 0, NULL,
                                        (gpointer) (guintptr) on_display_name_changed, NULL);
  g_object_unref (data);
}

/* Takes a reference; does not emit items-changed. */
guint
att_account_store_insert_sorted (AttAccountStore *self,
                                 AttAccount      *account)
{
  guint position = sorted_position (self, account);

  g_ptr_array_insert (self->accounts, position, g_object_ref (account));
  g_signal_connect_object (account, "notify::display-name",
                           G_CALLBACK (on_display_name_changed), self, 0);

  return position;
}
