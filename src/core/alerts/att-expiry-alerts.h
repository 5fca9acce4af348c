/* att-expiry-alerts.h: which certificates to alert about, once per stage,
 * remembered on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "att-certificate.h"

G_BEGIN_DECLS

/**
 * AttExpiryStage:
 * @ATT_EXPIRY_STAGE_NONE: nothing to alert about: valid, or no expiry date
 * @ATT_EXPIRY_STAGE_EXPIRING: within the lead time of its expiry
 * @ATT_EXPIRY_STAGE_EXPIRED: past its expiry date
 *
 * How far a certificate has come towards its expiry, in the order it
 * goes.
 */
typedef enum {
  ATT_EXPIRY_STAGE_NONE,
  ATT_EXPIRY_STAGE_EXPIRING,
  ATT_EXPIRY_STAGE_EXPIRED,
} AttExpiryStage;

/**
 * AttExpiryNotice:
 * @n_expiring: how many certificates newly entered the lead time
 * @n_expired: how many newly expired
 * @lead_days: the lead time they were judged with
 * @certificate_ids: the ids of those certificates, the expiring first
 *
 * What one alert says.
 */
typedef struct
{
  guint  n_expiring;
  guint  n_expired;
  guint  lead_days;
  char **certificate_ids;
} AttExpiryNotice;

void  att_expiry_notice_free (AttExpiryNotice *notice);
char *att_expiry_notice_dup_text (const AttExpiryNotice *notice);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttExpiryNotice, att_expiry_notice_free)

AttExpiryStage att_expiry_stage_of (AttCertificate *certificate,
                                    GDateTime      *now,
                                    guint           lead_days);

#define ATT_TYPE_EXPIRY_ALERTS (att_expiry_alerts_get_type ())

G_DECLARE_FINAL_TYPE (AttExpiryAlerts, att_expiry_alerts, ATT, EXPIRY_ALERTS, GObject)

AttExpiryAlerts *att_expiry_alerts_new (const char *state_path);
char            *att_expiry_alerts_dup_default_path (void);
AttExpiryStage   att_expiry_alerts_get_notified (AttExpiryAlerts *self,
                                                 const char      *certificate_id);
AttExpiryNotice *att_expiry_alerts_check (AttExpiryAlerts *self,
                                          GListModel      *certificates,
                                          GDateTime       *now,
                                          guint            lead_days);
gboolean         att_expiry_alerts_save (AttExpiryAlerts *self,
                                         GError         **error);

G_END_DECLS
