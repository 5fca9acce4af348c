/* att-after-paint.c: run something once a widget's next frame is painted
 *
 * For work that should not hold back a frame that matters more: the first
 * frame with products is painted before the details pane is filled in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-after-paint.h"

typedef struct
{
  GtkWidget        *widget;
  AttAfterPaintFunc func;
  gpointer          user_data;
  gboolean          in_idle;
  guint             idle_id;
  gulong            realize_handler;
  GdkFrameClock    *clock;
} AfterPaint;

static void
forget_clock (AfterPaint *after)
{
  /* By data, not by id: a frame clock whose surface is gone may have been
   * disposed, and its handlers with it. */
  if (after->clock != NULL)
    g_signal_handlers_disconnect_by_data (after->clock, after);
  g_clear_object (&after->clock);
}

static void
after_paint_free (AfterPaint *after)
{
  forget_clock (after);
  g_clear_handle_id (&after->idle_id, g_source_remove);
  g_free (after);
}

/* The widget is gone, and its signal handlers with it. */
static void
on_widget_finalized (gpointer data,
                     GObject *where_the_widget_was)
{
  after_paint_free (data);
}

static void
run (AfterPaint *after)
{
  g_object_weak_unref (G_OBJECT (after->widget), on_widget_finalized, after);
  after->func (after->widget, after->user_data);
  after_paint_free (after);
}

static gboolean
idle_cb (gpointer user_data)
{
  AfterPaint *after = user_data;

  after->idle_id = 0;
  run (after);
  return G_SOURCE_REMOVE;
}

static void
on_after_paint (GdkFrameClock *clock,
                AfterPaint    *after)
{
  if (!after->in_idle)
    {
      run (after);
      return;
    }
  forget_clock (after);
  after->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, idle_cb, after, NULL);
}

static void
watch_clock (GtkWidget  *widget,
             AfterPaint *after)
{
  after->clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  g_signal_connect (after->clock, "after-paint", G_CALLBACK (on_after_paint), after);
  gtk_widget_queue_draw (widget);
}

static void
on_realize (GtkWidget  *widget,
            AfterPaint *after)
{
  g_clear_signal_handler (&after->realize_handler, widget);
  watch_clock (widget, after);
}

static void
watch (GtkWidget        *widget,
       AttAfterPaintFunc func,
       gpointer          user_data,
       gboolean          in_idle)
{
  AfterPaint *after = g_new0 (AfterPaint, 1);

  after->widget = widget;
  after->func = func;
  after->user_data = user_data;
  after->in_idle = in_idle;
  g_object_weak_ref (G_OBJECT (widget), on_widget_finalized, after);

  if (gtk_widget_get_realized (widget))
    watch_clock (widget, after);
  else
    after->realize_handler = g_signal_connect (widget, "realize", G_CALLBACK (on_realize), after);
}

/**
 * att_widget_after_next_paint:
 * @func: called after the next frame that paints @widget, once
 *
 * Calls @func after @widget's next painted frame, or after its first one
 * if it is not realized yet. Nothing is called if @widget is finalized
 * first.
 */
void
att_widget_after_next_paint (GtkWidget        *widget,
                             AttAfterPaintFunc func,
                             gpointer          user_data)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (func != NULL);

  watch (widget, func, user_data, FALSE);
}

/**
 * att_widget_idle_after_next_paint:
 * @func: called once, in an idle after the next frame that paints @widget
 *
 * Like att_widget_after_next_paint(), for work that should wait until the
 * frame is done rather than run inside its after-paint: whatever else
 * waits for that frame, and the input that came meanwhile, go first, and
 * work given in several calls is spread over as many idles (and frames).
 */
void
att_widget_idle_after_next_paint (GtkWidget        *widget,
                                  AttAfterPaintFunc func,
                                  gpointer          user_data)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (func != NULL);

  watch (widget, func, user_data, TRUE);
}
