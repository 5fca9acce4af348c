/* att-iso-countries.h: the ISO 3166-1 countries from iso-codes, named in
 * the user's language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

const char *att_iso_countries_get_default_path (void);
GListModel *att_iso_countries_read (const char   *path,
                                    GCancellable *cancellable,
                                    GError      **error);
void        att_iso_countries_load_async (const char         *path,
                                          GCancellable       *cancellable,
                                          GAsyncReadyCallback callback,
                                          gpointer            user_data);
GListModel *att_iso_countries_load_finish (GAsyncResult *result,
                                           GError      **error);
AttCountry *att_iso_countries_find (GListModel *countries,
                                    const char *code);

G_END_DECLS
