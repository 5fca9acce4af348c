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

/* Writes @event after the next frame that @widget's frame clock paints,
 * once per widget and event. */
static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  const char *event = user_data;

  write_marker (event);
  g_signal_handlers_disconnect_by_data (clock, user_data);
}

static void
mark_next_paint (GtkWidget  *widget,
                 const char *event)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), (gpointer) event);
  gtk_widget_queue_draw (widget);
}

static void
on_realize (GtkWidget *widget,
            gpointer   user_data)
{
  mark_next_paint (widget, user_data);
  g_signal_handlers_disconnect_by_data (widget, user_data);
}

static void
mark_first_paint (GtkWidget  *widget,
                  const char *event)
{
  if (gtk_widget_get_realized (widget))
    mark_next_paint (widget, event);
  else
    g_signal_connect (widget, "realize", G_CALLBACK (on_realize), (gpointer) event);
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

  mark_first_paint (GTK_WIDGET (window), "frame");
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
  mark_first_paint (widget, "rows");
}
