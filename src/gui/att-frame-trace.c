/* att-frame-trace.c: frame markers for the start-up benchmark
 *
 * When the environment variable ATTEST_FRAME_TRACE names an open file
 * descriptor, the first painted frame of a window and the first painted
 * frame that shows product rows are written to it as lines
 * "frame <µs>" and "rows <µs>", in g_get_monotonic_time() units, which are
 * the same in every process of the machine. tests/bench-startup.c reads
 * them; without the variable nothing is done.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "att-after-paint.h"
#include "att-frame-trace.h"

static int
get_trace_fd (void)
{
  static gsize initialized = 0;
  static int   fd = -1;

  if (g_once_init_enter (&initialized))
    {
      const char *value = g_getenv ("ATTEST_FRAME_TRACE");

      if (value != NULL && *value != '\0')
        fd = atoi (value);
      g_once_init_leave (&initialized, 1);
    }
  return fd;
}

static void
write_marker (const char *event)
{
  char line[64];
  int  length;

  g_debug ("Painted the %s marker frame", event);
  length = g_snprintf (line, sizeof line, "%s %" G_GINT64_FORMAT "\n",
                       event, g_get_monotonic_time ());
  if (write (get_trace_fd (), line, length) != length)
    g_debug ("Could not write the frame marker %s", event);
}

static void
on_painted (GtkWidget *widget,
            gpointer   user_data)
{
  write_marker (user_data);
}

/**
 * att_frame_trace_watch_window:
 * @window: a window not yet realized
 *
 * Marks the first frame @window paints.
 */
void
att_frame_trace_watch_window (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  if (get_trace_fd () < 0)
    return;

  att_widget_after_next_paint (GTK_WIDGET (window), on_painted, (gpointer) "frame");
}

/**
 * att_frame_trace_rows_shown:
 * @widget: the list that now holds rows
 *
 * Marks the next frame that paints @widget, the first time in this process
 * that rows are shown.
 */
void
att_frame_trace_rows_shown (GtkWidget *widget)
{
  static gboolean done = FALSE;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (done || get_trace_fd () < 0)
    return;

  done = TRUE;
  att_widget_after_next_paint (widget, on_painted, (gpointer) "rows");
}
