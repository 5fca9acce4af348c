/* att-higg-auth.h: the credentials of one Higg account, applied to requests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "att-error.h"
#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_HIGG_AUTH (att_higg_auth_get_type ())

G_DECLARE_FINAL_TYPE (AttHiggAuth, att_higg_auth, ATT, HIGG_AUTH, GObject)

/**
 * AttHiggAuthNowFunc:
 * @data: the data given to att_higg_auth_set_now_func()
 *
 * Returns: (transfer full): the current time, in UTC
 */
typedef GDateTime *(*AttHiggAuthNowFunc) (gpointer data);

AttHiggAuth *att_higg_auth_new (const char *api_key,
                                const char *integration_key,
                                const char *public_key_pem);
gboolean     att_higg_auth_apply (AttHiggAuth        *self,
                                  SoupMessageHeaders *headers,
                                  gboolean            renew,
                                  GError            **error);
void         att_higg_auth_set_now_func (AttHiggAuth *self,
                                         GDateTime *(*now) (gpointer),
                                         gpointer data);
guint        att_higg_auth_get_tokens_made (AttHiggAuth *self);

G_END_DECLS
