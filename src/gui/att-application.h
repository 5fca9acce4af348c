/* att-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_APPLICATION (att_application_get_type ())

G_DECLARE_FINAL_TYPE (AttApplication, att_application, ATT, APPLICATION, AdwApplication)

AttApplication *att_application_new (void);
AttContext     *att_application_get_context (AttApplication *self);

G_END_DECLS
