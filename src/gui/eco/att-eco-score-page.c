/* att-eco-score-page.c: a product's eco-score, explained
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "att-context.h"
#include "att-eco-eligibility.h"
#include "att-eco-score-page-private.h"
#include "att-eco-score.h"
#include "att-format.h"
#include "att-life-cycle.h"
#include "att-product.h"

#define DEFAULT_REFRESH_INTERVAL 3000

G_DEFINE_FINAL_TYPE (AttEcoScorePage, att_eco_score_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_PRODUCT,
  PROP_REFRESH_INTERVAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
guint              att_eco_score_page_signals[ATT_ECO_SCORE_PAGE_N_SIGNALS];

/* What the user can do about a reason, by the server's category. */
static const char *
advice_for (const char *category)
{
  if (g_strcmp0 (category, "Weight") == 0)
    return _ ("Edit the product: enter its real weight and mark it as primary data.");
  if (g_strcmp0 (category, "Location") == 0)
    return _ ("Edit the product: choose the missing country in the French eco-score section.");
  if (g_strcmp0 (category, "Material") == 0 || g_strcmp0 (category, "Materials") == 0)
    return _ ("Edit the product: check its materials; their shares must make up the whole product.");
  if (g_strcmp0 (category, "Category") == 0)
    return _ ("Edit the product: choose its category.");
  return _ ("Edit the product to give the missing information.");
}

static void
clear_reasons (AttEcoScorePage *self)
{
  for (guint i = 0; i < self->reason_rows->len; i++)
    adw_preferences_group_remove (self->eligibility_group, g_ptr_array_index (self->reason_rows, i));
  g_ptr_array_set_size (self->reason_rows, 0);
}

static void
add_reason (AttEcoScorePage   *self,
            AttEcoEligibility *eligibility,
            guint              i)
{
  const char *message = att_eco_eligibility_get_reason_message (eligibility, i);
  const char *category = att_eco_eligibility_get_reason_category (eligibility, i);
  GtkWidget  *row = adw_action_row_new ();
  GtkWidget  *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), message != NULL ? message : category);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), advice_for (category));
  gtk_widget_add_css_class (icon, "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_preferences_group_add (self->eligibility_group, row);
  g_ptr_array_add (self->reason_rows, g_object_ref (row));
}

static void
fill_eligibility (AttEcoScorePage *self,
                  JsonObject      *json)
{
  g_autoptr(AttEcoEligibility) eligibility = att_eco_eligibility_new_from_product_json (json);
  guint n = att_eco_eligibility_get_n_reasons (eligibility);

  clear_reasons (self);
  for (guint i = 0; i < n; i++)
    add_reason (self, eligibility, i);

  if (att_eco_eligibility_get_eligible (eligibility))
    adw_preferences_group_set_description (self->eligibility_group,
                                           _ ("The product has everything an eco-score needs."));
  else if (n > 0)
    adw_preferences_group_set_description (self->eligibility_group,
                                           _ ("No eco-score can be calculated until these are fixed:"));
  else
    adw_preferences_group_set_description (self->eligibility_group, _ ("Not known yet."));
}

/* Environmental cost and PEF, and the PEF recomputed from the indicators,
 * so that a reader can see the figures agree. */
static char *
describe_aggregates (AttEcoScore *score)
{
  g_autofree char *ecs = att_format_number (att_eco_score_get_ecs (score), 2);
  g_autofree char *pef = att_format_number (att_eco_score_get_pef (score), 2);
  g_autofree char *check = att_format_number (att_eco_score_check_pef (score), 2);

  if (ecs == NULL || pef == NULL)
    return NULL;
  if (check == NULL)
    /* Translators: the two aggregated eco-score figures */
    return g_strdup_printf (_ ("Environmental cost %s points · PEF %s µPt"), ecs, pef);
  /* Translators: the two aggregated figures, and the PEF score computed
   * again from the 16 indicators it weighs */
  return g_strdup_printf (_ ("Environmental cost %s points · PEF %s µPt (%s from the indicators)"), ecs, pef,
                          check);
}

void
_att_eco_score_page_set_status (AttEcoScorePage *self,
                                const char      *text,
                                gboolean         busy)
{
  gtk_label_set_label (self->status_label, text);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
}

static void
fill_status (AttEcoScorePage *self,
             AttEcoScore     *score)
{
  AttEcoScoreStatus kind = score != NULL ? att_eco_score_get_status_kind (score) : ATT_ECO_SCORE_STATUS_NONE;
  g_autofree char  *value = att_format_eco_score_short (score);
  g_autofree char  *detail = NULL;
  g_autofree char  *other = NULL;
  const char       *error = score != NULL ? att_eco_score_get_api_response_error (score) : NULL;

  gtk_label_set_label (self->score_label, kind == ATT_ECO_SCORE_STATUS_PENDING ? "…" : value);
  if (kind == ATT_ECO_SCORE_STATUS_PENDING)
    _att_eco_score_page_set_status (self, _ ("Calculating…"), TRUE);
  else if (kind == ATT_ECO_SCORE_STATUS_ERROR)
    _att_eco_score_page_set_status (self, _ ("The eco-score could not be calculated"), FALSE);
  else if (kind == ATT_ECO_SCORE_STATUS_UNKNOWN)
    {
      /* Translators: a status the server sent that Attest does not know */
      other = g_strdup_printf (_ ("Status: %s"), att_eco_score_get_status (score));
      _att_eco_score_page_set_status (self, other, FALSE);
    }
  else if (score != NULL && !isnan (att_eco_score_get_score (score)))
    _att_eco_score_page_set_status (self, _ ("Impact points: lower is better"), FALSE);
  else
    _att_eco_score_page_set_status (self, _ ("No eco-score yet"), FALSE);

  detail = score != NULL ? describe_aggregates (score) : NULL;
  gtk_label_set_label (self->detail_label, detail != NULL ? detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), detail != NULL);
  gtk_label_set_label (self->error_label, error != NULL ? error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL && *error != '\0');
}

static void
fill_figures (AttEcoScorePage *self,
              AttEcoScore     *score,
              JsonObject      *json)
{
  g_autoptr(AttLifeCycle) life_cycle = json != NULL ? att_life_cycle_new_from_product_json (json) : NULL;
  gboolean has_impacts = score != NULL && g_list_model_get_n_items (att_eco_score_get_impacts (score)) > 0;
  gboolean has_stages = life_cycle != NULL && att_life_cycle_get_n_known (life_cycle) > 0;

  att_impact_chart_set_score (self->impact_chart, has_impacts ? score : NULL);
  att_carbon_chart_set_life_cycle (self->carbon_chart, has_stages ? life_cycle : NULL);
  att_impact_table_set_score (self->table, has_impacts ? score : NULL);

  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->impact_chart)), has_impacts);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->carbon_chart)), has_stages);
  gtk_widget_set_visible (self->charts_box, has_impacts || has_stages);
  gtk_widget_set_child_visible (GTK_WIDGET (self->impact_chart), self->show_charts);
  gtk_widget_set_child_visible (GTK_WIDGET (self->carbon_chart), self->show_charts);
  gtk_widget_set_visible (self->table_box, has_impacts);
}

static void
update (AttEcoScorePage *self)
{
  AttProduct  *product = self->product;
  AttEcoScore *score = product != NULL ? att_product_get_eco_score (product) : NULL;
  JsonObject  *json = product != NULL ? att_product_get_json (product) : NULL;

  gtk_label_set_label (self->title_label, product != NULL ? att_product_get_name (product) : "");
  fill_status (self, score);
  if (json != NULL)
    fill_eligibility (self, json);
  else
    clear_reasons (self);
  fill_figures (self, score, json);
}

/* A label is asked for once per computed score: for another product, or
 * when the score was computed again.  Until it comes, the page says it is
 * not fetched yet. */
static void
ask_for_label (AttEcoScorePage *self)
{
  AttEcoScore     *score = self->product != NULL ? att_product_get_eco_score (self->product) : NULL;
  g_autofree char *key = NULL;

  if (score != NULL && att_eco_score_get_status_kind (score) == ATT_ECO_SCORE_STATUS_COMPLETE)
    key = g_strdup_printf ("%s@%" G_GINT64_FORMAT, att_product_get_id (self->product),
                           att_eco_score_get_updated_at (score));
  if (g_strcmp0 (key, self->label_key) == 0)
    return;

  g_free (self->label_key);
  self->label_key = g_steal_pointer (&key);
  att_eco_label_view_set_svg (self->label_view, NULL, NULL);
  if (self->label_key != NULL)
    _att_eco_score_page_fetch_label (self);
}

static void
att_eco_score_page_dispose (GObject *object)
{
  AttEcoScorePage *self = (AttEcoScorePage *) object;
  GtkWidget       *child;

  _att_eco_score_page_stop_refresh (self);
  g_cancellable_cancel (self->cancellable);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->reason_rows, g_ptr_array_unref);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->label_key, g_free);
  g_clear_object (&self->product);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (att_eco_score_page_parent_class)->dispose (object);
}

static void
att_eco_score_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AttEcoScorePage *self = ATT_ECO_SCORE_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_PRODUCT:
      g_value_set_object (value, self->product);
      break;

    case PROP_REFRESH_INTERVAL:
      g_value_set_uint (value, self->refresh_interval);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_eco_score_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AttEcoScorePage *self = ATT_ECO_SCORE_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_set_object (&self->context, g_value_get_object (value));
      break;

    case PROP_PRODUCT:
      att_eco_score_page_set_product (self, g_value_get_object (value));
      break;

    case PROP_REFRESH_INTERVAL:
      att_eco_score_page_set_refresh_interval (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_eco_score_page_class_init (AttEcoScorePageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = att_eco_score_page_dispose;
  object_class->get_property = att_eco_score_page_get_property;
  object_class->set_property = att_eco_score_page_set_property;

  /* The services; with a Higg client, a Pending score is fetched again by
   * the page itself. */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, ATT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PRODUCT] =
    g_param_spec_object ("product", NULL, NULL, ATT_TYPE_PRODUCT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* How long to wait before asking again about a Pending score, in ms. */
  properties[PROP_REFRESH_INTERVAL] =
    g_param_spec_uint ("refresh-interval", NULL, NULL, 1, G_MAXUINT, DEFAULT_REFRESH_INTERVAL,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AttEcoScorePage::refresh-needed:
   *
   * The score is Pending and the page has no Higg client to ask again: the
   * owner should fetch the product and call
   * att_eco_score_page_set_product().
   */
  att_eco_score_page_signals[ATT_ECO_SCORE_PAGE_SIGNAL_REFRESH_NEEDED] =
    g_signal_new ("refresh-needed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * AttEcoScorePage::label-needed:
   * @product: the product whose official label to fetch
   *
   * A computed score is shown (another product, or the score computed
   * again) and the context has no Higg client to fetch its label with:
   * the owner should fetch it (`french-label/image`) and give it to
   * att_eco_score_page_set_label_svg(), or the error.
   */
  att_eco_score_page_signals[ATT_ECO_SCORE_PAGE_SIGNAL_LABEL_NEEDED] =
    g_signal_new ("label-needed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ATT_TYPE_PRODUCT);

  gtk_widget_class_install_action (widget_class, "eco-score.recalculate", NULL, _att_eco_score_page_recalculate);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ecoscorepage");
}

static void
att_eco_score_page_init (AttEcoScorePage *self)
{
  self->cancellable = g_cancellable_new ();
  self->reason_rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->refresh_interval = DEFAULT_REFRESH_INTERVAL;
  self->show_charts = TRUE;
  _att_eco_score_page_build (self);
  update (self);
}

/**
 * att_eco_score_page_new:
 * @context: (nullable): the services; without one, a Pending score is
 *   refreshed through #AttEcoScorePage::refresh-needed
 */
GtkWidget *
att_eco_score_page_new (AttContext *context)
{
  return g_object_new (ATT_TYPE_ECO_SCORE_PAGE, "context", context, NULL);
}

/**
 * att_eco_score_page_get_product:
 *
 * Returns: (transfer none) (nullable): the product shown
 */
AttProduct *
att_eco_score_page_get_product (AttEcoScorePage *self)
{
  g_return_val_if_fail (ATT_IS_ECO_SCORE_PAGE (self), NULL);

  return self->product;
}

/**
 * att_eco_score_page_set_product:
 * @product: (nullable): the product whose eco-score to show
 *
 * A Pending score is fetched again every refresh interval until it is
 * complete.
 */
void
att_eco_score_page_set_product (AttEcoScorePage *self,
                                AttProduct      *product)
{
  g_return_if_fail (ATT_IS_ECO_SCORE_PAGE (self));
  g_return_if_fail (product == NULL || ATT_IS_PRODUCT (product));

  if (self->product == product)
    return;

  /* Another product: a fetch still under way is for the old one. */
  if (product == NULL || self->product == NULL ||
      g_strcmp0 (att_product_get_id (product), att_product_get_id (self->product)) != 0)
    {
      g_cancellable_cancel (self->cancellable);
      g_set_object (&self->cancellable, g_cancellable_new ());
    }

  g_set_object (&self->product, product);
  _att_eco_score_page_stop_refresh (self);
  update (self);
  _att_eco_score_page_schedule_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRODUCT]);
  ask_for_label (self);
}

/**
 * att_eco_score_page_set_label_svg:
 * @svg: (nullable): the official label (`french-label/image`), an SVG
 * @error: (nullable): why it could not be fetched
 *
 * Shows the label crisply at the screen's scale, with Copy and Save As;
 * an SVG that does not parse is reported as such.
 */
void
att_eco_score_page_set_label_svg (AttEcoScorePage *self,
                                  const char      *svg,
                                  const char      *error)
{
  g_return_if_fail (ATT_IS_ECO_SCORE_PAGE (self));

  att_eco_label_view_set_svg (self->label_view, svg, error);
}

void
att_eco_score_page_set_refresh_interval (AttEcoScorePage *self,
                                         guint            ms)
{
  g_return_if_fail (ATT_IS_ECO_SCORE_PAGE (self));
  g_return_if_fail (ms > 0);

  if (self->refresh_interval == ms)
    return;

  self->refresh_interval = ms;
  _att_eco_score_page_stop_refresh (self);
  _att_eco_score_page_schedule_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFRESH_INTERVAL]);
}

/**
 * att_eco_score_page_set_show_charts:
 *
 * Leaves the two charts undrawn, their room kept, so the rest of the page
 * lies as before (for comparisons such as the page benchmark).
 */
void
att_eco_score_page_set_show_charts (AttEcoScorePage *self,
                                    gboolean         show_charts)
{
  g_return_if_fail (ATT_IS_ECO_SCORE_PAGE (self));

  self->show_charts = !!show_charts;
  update (self);
}

/**
 * att_eco_score_page_get_status_text:
 *
 * Returns: the status line shown under the score
 */
const char *
att_eco_score_page_get_status_text (AttEcoScorePage *self)
{
  g_return_val_if_fail (ATT_IS_ECO_SCORE_PAGE (self), NULL);

  return gtk_label_get_label (self->status_label);
}
