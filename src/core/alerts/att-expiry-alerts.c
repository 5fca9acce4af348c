/* att-expiry-alerts.c: which certificates to alert about, once per stage,
 * remembered on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>

#include "att-expiry-alerts.h"

/**
 * AttExpiryAlerts:
 *
 * The stage each certificate was last alerted at, kept in a small key
 * file (certificate id -> stage).  att_expiry_alerts_check() compares the
 * certificates' stages now with it: a certificate that reached a later
 * stage than the one notified is in the notice, once; one that is valid
 * again (renewed) is forgotten, so that its next expiry is alerted too.
 * No GTK here: the clock, the lead time and the certificates are given.
 */

#define GROUP "notified"

struct _AttExpiryAlerts
{
  GObject   parent_instance;

  char     *path;
  GKeyFile *state;
};

G_DEFINE_FINAL_TYPE (AttExpiryAlerts, att_expiry_alerts, G_TYPE_OBJECT)

void
att_expiry_notice_free (AttExpiryNotice *notice)
{
  if (notice == NULL)
    return;
  g_strfreev (notice->certificate_ids);
  g_free (notice);
}

/**
 * att_expiry_notice_dup_text:
 *
 * Returns: (transfer full): the notice in one sentence, as "3 certificates
 *   expire within 60 days, 1 has expired"
 */
char *
att_expiry_notice_dup_text (const AttExpiryNotice *notice)
{
  g_autofree char *expiring = NULL;
  g_autofree char *expired = NULL;

  g_return_val_if_fail (notice != NULL, NULL);

  if (notice->n_expired > 0 && notice->n_expiring == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u certificate has expired",
                                         "%u certificates have expired", notice->n_expired),
                            notice->n_expired);
  /* Translators: the first %u counts certificates, the second is days */
  expiring = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u certificate expires within %u days",
                                           "%u certificates expire within %u days", notice->n_expiring),
                              notice->n_expiring, notice->lead_days);
  if (notice->n_expired == 0)
    return g_steal_pointer (&expiring);
  /* Translators: follows "3 certificates expire within 60 days, " */
  expired = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u has expired", "%u have expired", notice->n_expired),
                             notice->n_expired);
  /* Translators: the two halves of an expiry alert */
  return g_strdup_printf (_ ("%s, %s"), expiring, expired);
}

/**
 * att_expiry_stage_of:
 *
 * Returns: the stage of @certificate at @now with a lead time of
 *   @lead_days
 */
AttExpiryStage
att_expiry_stage_of (AttCertificate *certificate,
                     GDateTime      *now,
                     guint           lead_days)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE (certificate), ATT_EXPIRY_STAGE_NONE);

  switch (att_certificate_get_status (certificate, now, lead_days))
    {
    case ATT_CERTIFICATE_STATUS_EXPIRING:
      return ATT_EXPIRY_STAGE_EXPIRING;
    case ATT_CERTIFICATE_STATUS_EXPIRED:
      return ATT_EXPIRY_STAGE_EXPIRED;
    case ATT_CERTIFICATE_STATUS_UNKNOWN:
    case ATT_CERTIFICATE_STATUS_VALID:
    default:
      return ATT_EXPIRY_STAGE_NONE;
    }
}

/* Key file keys allow few characters: an id is escaped to be one. */
static char *
key_of (const char *certificate_id)
{
  return g_uri_escape_string (certificate_id, NULL, FALSE);
}

static void
att_expiry_alerts_finalize (GObject *object)
{
  AttExpiryAlerts *self = ATT_EXPIRY_ALERTS (object);

  g_free (self->path);
  g_key_file_unref (self->state);

  G_OBJECT_CLASS (att_expiry_alerts_parent_class)->finalize (object);
}

static void
att_expiry_alerts_class_init (AttExpiryAlertsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = att_expiry_alerts_finalize;
}

static void
att_expiry_alerts_init (AttExpiryAlerts *self)
{
  self->state = g_key_file_new ();
}

/**
 * att_expiry_alerts_new:
 * @state_path: the key file the stages notified are kept in
 *
 * Reads the stages notified from @state_path (a small file, read at once);
 * a missing or unreadable file is an empty state.
 */
AttExpiryAlerts *
att_expiry_alerts_new (const char *state_path)
{
  AttExpiryAlerts *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (state_path != NULL, NULL);

  self = g_object_new (ATT_TYPE_EXPIRY_ALERTS, NULL);
  self->path = g_strdup (state_path);
  if (!g_key_file_load_from_file (self->state, state_path, G_KEY_FILE_NONE, &error) &&
      !g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    g_warning ("The expiry alerts already shown could not be read, all are shown again: %s", error->message);
  return self;
}

/**
 * att_expiry_alerts_dup_default_path:
 *
 * Returns: (transfer full): the state file in the user's data directory
 */
char *
att_expiry_alerts_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "attest", "expiry-alerts.ini", NULL);
}

AttExpiryStage
att_expiry_alerts_get_notified (AttExpiryAlerts *self,
                                const char      *certificate_id)
{
  g_autofree char *key = NULL;
  int              stage;

  g_return_val_if_fail (ATT_IS_EXPIRY_ALERTS (self), ATT_EXPIRY_STAGE_NONE);
  g_return_val_if_fail (certificate_id != NULL, ATT_EXPIRY_STAGE_NONE);

  key = key_of (certificate_id);
  stage = g_key_file_get_integer (self->state, GROUP, key, NULL);
  return CLAMP (stage, ATT_EXPIRY_STAGE_NONE, ATT_EXPIRY_STAGE_EXPIRED);
}

/* Records @certificate's stage; whether it is a later one than notified. */
static gboolean
advance (AttExpiryAlerts *self,
         const char      *id,
         AttExpiryStage   stage)
{
  g_autofree char *key = key_of (id);

  if (stage == ATT_EXPIRY_STAGE_NONE)
    {
      g_key_file_remove_key (self->state, GROUP, key, NULL);
      return FALSE;
    }
  if (stage <= att_expiry_alerts_get_notified (self, id))
    return FALSE;
  g_key_file_set_integer (self->state, GROUP, key, stage);
  return TRUE;
}

/**
 * att_expiry_alerts_check:
 * @certificates: (element-type AttCertificate): the account's certificates
 * @now: the time the stages are judged at
 * @lead_days: the lead time
 *
 * Finds the certificates that reached a stage not notified yet, and
 * records that they are (att_expiry_alerts_save() keeps it on disk).
 *
 * Returns: (transfer full) (nullable): what to notify, or %NULL for
 *   nothing
 */
AttExpiryNotice *
att_expiry_alerts_check (AttExpiryAlerts *self,
                         GListModel      *certificates,
                         GDateTime       *now,
                         guint            lead_days)
{
  g_autoptr(GPtrArray) expiring = g_ptr_array_new ();
  g_autoptr(GPtrArray) expired = g_ptr_array_new ();
  AttExpiryNotice *notice;

  g_return_val_if_fail (ATT_IS_EXPIRY_ALERTS (self), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (certificates), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (certificates); i++)
    {
      g_autoptr(AttCertificate) certificate = g_list_model_get_item (certificates, i);
      const char    *id = att_certificate_get_id (certificate);
      AttExpiryStage stage = att_expiry_stage_of (certificate, now, lead_days);

      if (id != NULL && advance (self, id, stage))
        g_ptr_array_add (stage == ATT_EXPIRY_STAGE_EXPIRED ? expired : expiring, (gpointer) id);
    }
  if (expiring->len + expired->len == 0)
    return NULL;

  notice = g_new0 (AttExpiryNotice, 1);
  notice->n_expiring = expiring->len;
  notice->n_expired = expired->len;
  notice->lead_days = lead_days;
  notice->certificate_ids = g_new0 (char *, expiring->len + expired->len + 1);
  for (guint i = 0; i < expiring->len; i++)
    notice->certificate_ids[i] = g_strdup (g_ptr_array_index (expiring, i));
  for (guint i = 0; i < expired->len; i++)
    notice->certificate_ids[expiring->len + i] = g_strdup (g_ptr_array_index (expired, i));
  return notice;
}

/**
 * att_expiry_alerts_save:
 *
 * Writes the stages notified to the state file (small: a few bytes a
 * certificate), making its folder if needed.
 */
gboolean
att_expiry_alerts_save (AttExpiryAlerts *self,
                        GError         **error)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (ATT_IS_EXPIRY_ALERTS (self), FALSE);

  dir = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), "%s: %s", dir,
                   g_strerror (saved_errno));
      return FALSE;
    }
  return g_key_file_save_to_file (self->state, self->path, error);
}
