/* att-report-snapshot-private.h: the snapshot's parts, filled by its fetch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-report-snapshot.h"

G_BEGIN_DECLS

/* Filled on the main context by att-report-snapshot-fetch.c, then only
 * read (by reports made in worker threads, several at once). */
struct _AttReportSnapshot
{
  GObject     parent_instance;

  GListStore *pm_products;    /* of AttPmProduct */
  GPtrArray  *closient_gtins; /* of char *, beside closient_lists */
  GPtrArray  *closient_lists; /* of GListModel of AttClosientAssignment */
  GPtrArray  *missing_parts;  /* of char * */
  GHashTable *names;          /* GTIN-14 -> product name, for Closient's rows */
  guint       n_gtins;        /* the GTINs Closient was asked about */
  GDateTime  *fetched_at;
};

AttReportSnapshot *_att_report_snapshot_new (void);

G_END_DECLS
