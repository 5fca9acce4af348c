/* att-country-chooser.h: a list of ISO 3166-1 countries, chosen by name
 * or code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ATT_TYPE_COUNTRY_CHOOSER (att_country_chooser_get_type ())

G_DECLARE_FINAL_TYPE (AttCountryChooser, att_country_chooser, ATT, COUNTRY_CHOOSER, AdwPreferencesGroup)

GtkWidget  *att_country_chooser_new (void);
void        att_country_chooser_set_countries (AttCountryChooser *self,
                                               GListModel        *countries);
void        att_country_chooser_set_codes (AttCountryChooser *self,
                                           const char *const *codes);
GStrv       att_country_chooser_get_codes (AttCountryChooser *self);
void        att_country_chooser_add_code (AttCountryChooser *self,
                                          const char        *code);
void        att_country_chooser_set_message (AttCountryChooser *self,
                                             const char        *message);
const char *att_country_chooser_get_message (AttCountryChooser *self);
void        att_country_chooser_focus (AttCountryChooser *self);

G_END_DECLS
