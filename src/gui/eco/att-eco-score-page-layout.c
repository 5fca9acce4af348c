/* att-eco-score-page-layout.c: the eco-score page's widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-eco-score-page-private.h"

static GtkLabel *
new_label (const char *css_class)
{
  GtkLabel *label = GTK_LABEL (gtk_label_new (NULL));

  gtk_label_set_xalign (label, 0);
  gtk_label_set_wrap (label, TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (label), css_class);
  return label;
}

/* A titled section: a heading and its content, the heading naming the
 * content for assistive technologies. */
static GtkWidget *
new_section (const char *title,
             GtkWidget  *content)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkLabel  *heading = new_label ("heading");

  gtk_label_set_label (heading, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (heading));
  gtk_box_append (GTK_BOX (box), content);
  return box;
}

/* The product's name, and Recalculate beside it. */
static GtkWidget *
build_title (AttEcoScorePage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *button = gtk_button_new_with_mnemonic (_ ("_Recalculate"));

  self->title_label = new_label ("title-2");
  gtk_widget_set_hexpand (GTK_WIDGET (self->title_label), TRUE);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _ ("Ask the server to compute the eco-score again"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "eco-score.recalculate");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->title_label));
  gtk_box_append (GTK_BOX (box), button);
  return box;
}

static GtkWidget *
build_header (AttEcoScorePage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *status = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->score_label = new_label ("eco-score-value");
  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  self->status_label = new_label (NULL);
  self->detail_label = new_label ("dim-label");
  self->error_label = new_label ("error");

  gtk_box_append (GTK_BOX (status), GTK_WIDGET (self->spinner));
  gtk_box_append (GTK_BOX (status), GTK_WIDGET (self->status_label));
  gtk_box_append (GTK_BOX (box), build_title (self));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->score_label));
  gtk_box_append (GTK_BOX (box), status);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->detail_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));
  return box;
}

static GtkWidget *
build_charts (AttEcoScorePage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);

  self->impact_chart = ATT_IMPACT_CHART (att_impact_chart_new ());
  self->carbon_chart = ATT_CARBON_CHART (att_carbon_chart_new ());
  gtk_box_append (GTK_BOX (box), new_section (_ ("Contribution to the Score"), GTK_WIDGET (self->impact_chart)));
  gtk_box_append (GTK_BOX (box), new_section (_ ("Carbon by Life-Cycle Stage"), GTK_WIDGET (self->carbon_chart)));
  return box;
}

/* Score and status, eligibility, the two charts, the table and the
 * official label, top to bottom in a clamped, scrolled column. */
void
_att_eco_score_page_build (AttEcoScorePage *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 30);

  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  self->eligibility_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->eligibility_group, _ ("Eligibility"));
  self->charts_box = build_charts (self);
  self->table = ATT_IMPACT_TABLE (att_impact_table_new ());
  self->table_box = new_section (_ ("Indicators"), GTK_WIDGET (self->table));
  self->label_view = ATT_ECO_LABEL_VIEW (att_eco_label_view_new ());

  gtk_box_append (GTK_BOX (box), build_header (self));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->eligibility_group));
  gtk_box_append (GTK_BOX (box), self->charts_box);
  gtk_box_append (GTK_BOX (box), self->table_box);
  gtk_box_append (GTK_BOX (box), new_section (_ ("Official Label"), GTK_WIDGET (self->label_view)));

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 860);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_parent (scrolled, GTK_WIDGET (self));
}
