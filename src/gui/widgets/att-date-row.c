/* att-date-row.c: a row to choose a day, typed or from a calendar, or none
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "att-date-row.h"
#include "att-format.h"

/**
 * AttDateRow:
 *
 * A day as APIs write it, "YYYY-MM-DD", or none: the row's button shows
 * the day in words and opens a popover where the day is typed (the
 * keyboard's way: GtkCalendar has no key navigation) or picked from a
 * calendar; its Clear button takes the day away (an API then receives
 * null).  The day is a calendar day, the same everywhere, so no time zone
 * ever shifts it.
 */
struct _AttDateRow
{
  AdwActionRow   parent_instance;

  char          *date;
  guint          updating;
  GtkMenuButton *button;
  GtkEntry      *entry;
  GtkLabel      *entry_problem;
  GtkCalendar   *calendar;
  GtkWidget     *clear_button;
};

G_DEFINE_FINAL_TYPE (AttDateRow, att_date_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * att_date_row_parse:
 * @date: (nullable): "YYYY-MM-DD"
 *
 * Returns: whether @date is a day that exists, written as APIs write it
 */
gboolean
att_date_row_parse (const char *date,
                    int        *year,
                    int        *month,
                    int        *day)
{
  int  y, m, d;
  char end;

  if (date == NULL || strlen (date) != 10 || date[4] != '-' || date[7] != '-' ||
      sscanf (date, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3)
    return FALSE;
  if (y < 1 || m < 1 || m > 12 || d < 1 || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  *year = y;
  *month = m;
  *day = d;
  return TRUE;
}

/**
 * att_date_row_parse_typed:
 * @text: a day as a person types it: "2027-03-31", or in the locale's
 *   own ways ("31/03/2027", "31 March 2027" in en_GB)
 *
 * Returns: (transfer full) (nullable): the day as "YYYY-MM-DD", or %NULL
 *   when @text is not a day that exists
 */
char *
att_date_row_parse_typed (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autoptr(GDate) day = g_date_new ();
  char iso[11];
  int  year, month, mday;

  if (att_date_row_parse (stripped, &year, &month, &mday))
    return g_steal_pointer (&stripped);
  g_date_set_parse (day, stripped);
  if (!g_date_valid (day) || g_date_get_year (day) < 1000)
    return NULL;
  g_date_strftime (iso, sizeof iso, "%Y-%m-%d", day);
  return g_strdup (iso);
}

/* The title without its mnemonic, for the names screen readers say. */
static char *
plain_title (AttDateRow *self)
{
  g_autoptr(GString) title = g_string_new (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)));

  g_string_replace (title, "_", "", 0);
  return g_string_free (g_steal_pointer (&title), FALSE);
}

static void
update_names (AttDateRow *self)
{
  g_autofree char *title = plain_title (self);
  /* Translators: the name of a button that removes a date, "Clear Valid From" */
  g_autofree char *clear = g_strdup_printf (_ ("Clear %s"), title);

  /* Named explicitly, or the row's name is computed from its children:
   * the title, then the button named after it, "Valid Until Valid Until". */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  gtk_menu_button_get_label (self->button), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->clear_button), GTK_ACCESSIBLE_PROPERTY_LABEL, clear, -1);
}

static void
show_date (AttDateRow *self)
{
  int year, month, day;

  self->updating++;
  if (att_date_row_parse (self->date, &year, &month, &day))
    {
      g_autoptr(GDateTime) utc = g_date_time_new_utc (year, month, day, 0, 0, 0);
      g_autoptr(GDateTime) noon = g_date_time_new_local (year, month, day, 12, 0, 0);
      g_autofree char *text = att_format_date (utc);

      gtk_menu_button_set_label (self->button, text);
      gtk_calendar_select_day (self->calendar, noon);
    }
  else
    gtk_menu_button_set_label (self->button, C_ ("date", "Not Set"));
  gtk_widget_set_sensitive (self->clear_button, self->date != NULL);
  self->updating--;
  update_names (self);
}

/**
 * att_date_row_set_date:
 * @date: (nullable): "YYYY-MM-DD", or %NULL for none; anything else is
 *   taken as none
 */
void
att_date_row_set_date (AttDateRow *self,
                       const char *date)
{
  int year, month, day;

  g_return_if_fail (ATT_IS_DATE_ROW (self));

  if (!att_date_row_parse (date, &year, &month, &day))
    date = NULL;
  if (g_strcmp0 (date, self->date) == 0)
    return;
  g_free (self->date);
  self->date = g_strdup (date);
  show_date (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

/**
 * att_date_row_get_date:
 *
 * Returns: (nullable): the day, "YYYY-MM-DD", or %NULL for none
 */
const char *
att_date_row_get_date (AttDateRow *self)
{
  g_return_val_if_fail (ATT_IS_DATE_ROW (self), NULL);

  return self->date;
}

static void
on_day_selected (GtkCalendar *calendar,
                 AttDateRow  *self)
{
  g_autoptr(GDateTime) chosen = NULL;
  g_autofree char *date = NULL;

  if (self->updating > 0)
    return;
  chosen = gtk_calendar_get_date (calendar);
  date = g_date_time_format (chosen, "%Y-%m-%d");
  att_date_row_set_date (self, date);
  gtk_menu_button_popdown (self->button);
}

static void
show_entry_problem (AttDateRow *self,
                    gboolean    problem)
{
  GtkWidget *entry = GTK_WIDGET (self->entry);

  if (problem)
    gtk_widget_add_css_class (entry, "error");
  else
    gtk_widget_remove_css_class (entry, "error");
  gtk_widget_set_visible (GTK_WIDGET (self->entry_problem), problem);
  gtk_accessible_update_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID,
                               problem ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
}

static void
on_entry_changed (AttDateRow *self)
{
  show_entry_problem (self, FALSE);
}

static void
on_entry_activate (AttDateRow *self)
{
  g_autofree char *date = att_date_row_parse_typed (gtk_editable_get_text (GTK_EDITABLE (self->entry)));

  if (date == NULL)
    {
      show_entry_problem (self, TRUE);
      return;
    }
  att_date_row_set_date (self, date);
  gtk_menu_button_popdown (self->button);
}

/* The popover opens on the day typed out, selected, for a new one. */
static void
on_popover_show (AttDateRow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->entry), self->date != NULL ? self->date : "");
  show_entry_problem (self, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static void
on_clear_clicked (AttDateRow *self)
{
  att_date_row_set_date (self, NULL);
}

static void
att_date_row_finalize (GObject *object)
{
  AttDateRow *self = ATT_DATE_ROW (object);

  g_clear_pointer (&self->date, g_free);

  G_OBJECT_CLASS (att_date_row_parent_class)->finalize (object);
}

static void
att_date_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AttDateRow *self = ATT_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_date_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  AttDateRow *self = ATT_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      att_date_row_set_date (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_date_row_class_init (AttDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = att_date_row_finalize;
  object_class->get_property = att_date_row_get_property;
  object_class->set_property = att_date_row_set_property;

  /**
   * AttDateRow:date: (nullable)
   *
   * The day, "YYYY-MM-DD", or %NULL for none.
   */
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static GtkWidget *
build_popover (AttDateRow *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  self->entry = GTK_ENTRY (gtk_entry_new ());
  /* Translators: how to type a day in the date popover's text field */
  gtk_entry_set_placeholder_text (self->entry, _ ("YYYY-MM-DD"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Type a Date"), -1);
  self->entry_problem = GTK_LABEL (gtk_label_new (_ ("Not a date: type it as 2027-03-31")));
  gtk_widget_add_css_class (GTK_WIDGET (self->entry_problem), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->entry_problem), "caption");
  gtk_widget_set_visible (GTK_WIDGET (self->entry_problem), FALSE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  self->entry_problem, NULL, -1);
  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->entry));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->entry_problem));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->calendar));
  gtk_popover_set_child (GTK_POPOVER (popover), box);

  g_signal_connect_object (self->entry, "activate", G_CALLBACK (on_entry_activate), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entry, "changed", G_CALLBACK (on_entry_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (popover, "show", G_CALLBACK (on_popover_show), self, G_CONNECT_SWAPPED);
  return popover;
}

static void
att_date_row_init (AttDateRow *self)
{
  GtkWidget *popover = build_popover (self);

  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_popover (self->button, popover);
  gtk_widget_set_valign (GTK_WIDGET (self->button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "flat");

  self->clear_button = gtk_button_new_from_icon_name ("edit-clear-symbolic");
  gtk_widget_set_valign (self->clear_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->clear_button, _ ("Clear the Date"));
  gtk_widget_add_css_class (self->clear_button, "flat");

  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->button));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->clear_button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->button));

  g_signal_connect_object (self->calendar, "day-selected", G_CALLBACK (on_day_selected), self, 0);
  g_signal_connect_object (self->clear_button, "clicked", G_CALLBACK (on_clear_clicked), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::title", G_CALLBACK (update_names), NULL);
  show_date (self);
}

GtkWidget *
att_date_row_new (void)
{
  return g_object_new (ATT_TYPE_DATE_ROW, NULL);
}
