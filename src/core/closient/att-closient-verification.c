/* att-closient-verification.c: the verification status of an assignment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "att-closient-assignment.h"

/* The wire spellings of AttClosientVerification, in its order
 * (api-closient.md §4.1); the unknown value has none. */
static const char *const wire_names[] = { "unverified", "verified", "expired" };

GType
att_closient_verification_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { ATT_CLOSIENT_UNVERIFIED, "ATT_CLOSIENT_UNVERIFIED", "unverified" },
        { ATT_CLOSIENT_VERIFIED, "ATT_CLOSIENT_VERIFIED", "verified" },
        { ATT_CLOSIENT_VERIFICATION_EXPIRED, "ATT_CLOSIENT_VERIFICATION_EXPIRED", "expired" },
        { ATT_CLOSIENT_VERIFICATION_UNKNOWN, "ATT_CLOSIENT_VERIFICATION_UNKNOWN", "unknown" },
        { 0, NULL, NULL }
      };
      GType type = g_enum_register_static ("AttClosientVerification", values);

      g_once_init_leave (&type_id, type);
    }

  return type_id;
}

/**
 * att_closient_verification_to_string:
 *
 * Returns: (nullable): the status as Closient spells it (`unverified`,
 *   `verified`, `expired`), or %NULL for
 *   %ATT_CLOSIENT_VERIFICATION_UNKNOWN
 */
const char *
att_closient_verification_to_string (AttClosientVerification status)
{
  if ((guint) status >= G_N_ELEMENTS (wire_names))
    return NULL;
  return wire_names[status];
}

/**
 * att_closient_verification_from_string:
 * @text: (nullable): a status as Closient spells it
 *
 * Returns: the status, or %ATT_CLOSIENT_VERIFICATION_UNKNOWN for %NULL or
 *   a value this client does not know
 */
AttClosientVerification
att_closient_verification_from_string (const char *text)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (wire_names); i++)
    if (g_strcmp0 (text, wire_names[i]) == 0)
      return (AttClosientVerification) i;

  return ATT_CLOSIENT_VERIFICATION_UNKNOWN;
}

/**
 * att_closient_verification_get_label:
 *
 * Returns: the status in words, translated
 */
const char *
att_closient_verification_get_label (AttClosientVerification status)
{
  switch (status)
    {
    case ATT_CLOSIENT_UNVERIFIED:
      /* Translators: a Closient certification claimed by the brand and not
       * checked against the issuer's registry. */
      return _ ("Unverified");

    case ATT_CLOSIENT_VERIFIED:
      return _ ("Verified");

    case ATT_CLOSIENT_VERIFICATION_EXPIRED:
      return _ ("Verification expired");

    case ATT_CLOSIENT_VERIFICATION_UNKNOWN:
    default:
      /* Translators: a verification status this version does not know. */
      return _ ("Unknown status");
    }
}
