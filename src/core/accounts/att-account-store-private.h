/* att-account-store-private.h: the instance struct of AttAccountStore and
 * the helpers its parts share: att-account-store.c (the GObject, editing,
 * looking up and the active accounts), att-account-store-list.c (the
 * sorted GListModel) and att-account-store-file.c (loading and saving the
 * key file, which reads and replaces nearly every field)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-account-store.h"

G_BEGIN_DECLS

#define N_SERVICES 2

struct _AttAccountStore
{
  GObject         parent_instance;

  char           *path;
  AttSecretStore *secrets;

  /* AttAccount, sorted by service, then display name. */
  GPtrArray      *accounts;
  char           *active[N_SERVICES];

  /* The file as last read or written, to keep what we do not know. */
  GKeyFile       *keyfile;
  /* Ids of the account groups in @keyfile that this store wrote or
   * understood; only those are removed when their account goes. */
  GHashTable     *known_ids;
  /* The file on disk could not be read: move it aside before writing. */
  gboolean        load_failed;

  /* Saves are serialized, so that an older snapshot never lands after a
   * newer one: one batch of tasks is being written, others wait. */
  gboolean        save_in_flight;
  GPtrArray      *save_waiting;
};

/* Defined in att-account-store-list.c. */
void  att_account_store_list_model_init (GListModelInterface *iface);
guint att_account_store_find_index (AttAccountStore *self,
                                    const char      *id);
guint att_account_store_insert_sorted (AttAccountStore *self,
                                       AttAccount      *account);
void  att_account_store_account_unref (gpointer data);

/* Defined in att-account-store.c. */
void  att_account_store_set_active_id (AttAccountStore *self,
                                       AttService       service,
                                       const char      *id);

G_END_DECLS
