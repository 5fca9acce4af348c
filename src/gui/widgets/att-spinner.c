/* att-spinner.c: spinners that only spin when a wait is noticeable
 *
 * A spinner that starts at once flashes by for a quick answer, and every
 * frame it animates is a frame the answer waits behind: on a machine that
 * renders in software a frame costs a tenth of a second or more, which made
 * the first products wait for the "Connecting…" and "Loading…" spinners.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-spinner.h"

#define TIMEOUT_KEY "att-spinner-timeout"

static gboolean
start_now (gpointer user_data)
{
  GtkSpinner *spinner = user_data;

  g_object_set_data (G_OBJECT (spinner), TIMEOUT_KEY, NULL);
  gtk_spinner_start (spinner);
  return G_SOURCE_REMOVE;
}

static void
remove_timeout (gpointer data)
{
  g_source_remove (GPOINTER_TO_UINT (data));
}

/**
 * att_spinner_start_delayed:
 * @delay_ms: how long to wait before spinning; 0 spins at once
 *
 * Starts @spinner after @delay_ms, unless att_spinner_stop() comes first.
 * Calling it again while waiting or spinning changes nothing.
 */
void
att_spinner_start_delayed (GtkSpinner *spinner,
                           guint       delay_ms)
{
  guint id;

  g_return_if_fail (GTK_IS_SPINNER (spinner));

  if (gtk_spinner_get_spinning (spinner) ||
      g_object_get_data (G_OBJECT (spinner), TIMEOUT_KEY) != NULL)
    return;

  if (delay_ms == 0)
    {
      gtk_spinner_start (spinner);
      return;
    }

  id = g_timeout_add (delay_ms, start_now, spinner);
  g_object_set_data_full (G_OBJECT (spinner), TIMEOUT_KEY, GUINT_TO_POINTER (id),
                          remove_timeout);
}

/**
 * att_spinner_stop:
 *
 * Stops @spinner, or keeps it from starting if it is still waiting.
 */
void
att_spinner_stop (GtkSpinner *spinner)
{
  g_return_if_fail (GTK_IS_SPINNER (spinner));

  g_object_set_data (G_OBJECT (spinner), TIMEOUT_KEY, NULL);
  gtk_spinner_stop (spinner);
}
