/* att-french-label.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "att-french-label.h"
#include "att-json.h"

/* `{productId, svg|null, code|null, error}` (api-higg.md §3.9).  A label
 * without an SVG is a per-product failure, and says why in `error`. */
struct _AttFrenchLabel
{
  GObject parent_instance;

  char   *product_id;
  char   *svg;
  double  code;
  char   *error;
};

G_DEFINE_FINAL_TYPE (AttFrenchLabel, att_french_label, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PRODUCT_ID,
  PROP_SVG,
  PROP_CODE,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
att_french_label_finalize (GObject *object)
{
  AttFrenchLabel *self = (AttFrenchLabel *) object;

  g_clear_pointer (&self->product_id, g_free);
  g_clear_pointer (&self->svg, g_free);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (att_french_label_parent_class)->finalize (object);
}

static void
att_french_label_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AttFrenchLabel *self = ATT_FRENCH_LABEL (object);

  switch (prop_id)
    {
    case PROP_PRODUCT_ID:
      g_value_set_string (value, self->product_id);
      break;

    case PROP_SVG:
      g_value_set_string (value, self->svg);
      break;

    case PROP_CODE:
      g_value_set_double (value, self->code);
      break;

    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_french_label_class_init (AttFrenchLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags   flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = att_french_label_finalize;
  object_class->get_property = att_french_label_get_property;

  properties[PROP_PRODUCT_ID] = g_param_spec_string ("product-id", NULL, NULL, NULL, flags);
  properties[PROP_SVG] = g_param_spec_string ("svg", NULL, NULL, NULL, flags);
  properties[PROP_CODE] = g_param_spec_double ("code", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_ERROR] = g_param_spec_string ("error", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
att_french_label_init (AttFrenchLabel *self)
{
  self->code = NAN;
}

/**
 * att_french_label_new_from_json:
 * @object: one element of a french-label/image answer
 * @path: (nullable): where @object sits, for error messages
 *
 * `productId` is required; `svg`, `code` and `error` may be missing or
 * null.  An empty `svg` counts as none, and an empty `error` as no error.
 *
 * Returns: (transfer full) (nullable): a new #AttFrenchLabel, or %NULL with
 *   @error naming the failing field
 */
AttFrenchLabel *
att_french_label_new_from_json (JsonObject *object,
                                const char *path,
                                GError    **error)
{
  g_autoptr(AttFrenchLabel) self = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (ATT_TYPE_FRENCH_LABEL, NULL);
  if (!att_json_read_string (object, "productId", path, TRUE, &self->product_id, error) ||
      !att_json_read_string (object, "svg", path, FALSE, &self->svg, error) ||
      !att_json_read_double (object, "code", path, FALSE, &self->code, error) ||
      !att_json_read_string (object, "error", path, FALSE, &self->error, error))
    return NULL;

  if (self->svg != NULL && *self->svg == '\0')
    g_clear_pointer (&self->svg, g_free);
  if (self->error != NULL && *self->error == '\0')
    g_clear_pointer (&self->error, g_free);

  return g_steal_pointer (&self);
}

/**
 * att_french_label_new_error:
 * @product_id: the product the label is of
 * @error: why there is no label, for a user
 *
 * A label the client could not get, such as one of a request that failed
 * as a whole, so that every product asked for has its entry.
 *
 * Returns: (transfer full): a new #AttFrenchLabel without an SVG
 */
AttFrenchLabel *
att_french_label_new_error (const char *product_id,
                            const char *error)
{
  AttFrenchLabel *self;

  g_return_val_if_fail (product_id != NULL, NULL);
  g_return_val_if_fail (error != NULL, NULL);

  self = g_object_new (ATT_TYPE_FRENCH_LABEL, NULL);
  self->product_id = g_strdup (product_id);
  self->error = g_strdup (error);
  return self;
}

const char *
att_french_label_get_product_id (AttFrenchLabel *self)
{
  g_return_val_if_fail (ATT_IS_FRENCH_LABEL (self), NULL);

  return self->product_id;
}

/**
 * att_french_label_get_svg:
 *
 * Returns: (nullable): the SVG document, or %NULL when there is no label
 */
const char *
att_french_label_get_svg (AttFrenchLabel *self)
{
  g_return_val_if_fail (ATT_IS_FRENCH_LABEL (self), NULL);

  return self->svg;
}

/**
 * att_french_label_get_code:
 *
 * Returns: the French eco-score the label shows, or %NAN when unknown
 */
double
att_french_label_get_code (AttFrenchLabel *self)
{
  g_return_val_if_fail (ATT_IS_FRENCH_LABEL (self), NAN);

  return self->code;
}

/**
 * att_french_label_get_error:
 *
 * Returns: (nullable): why there is no label, or %NULL
 */
const char *
att_french_label_get_error (AttFrenchLabel *self)
{
  g_return_val_if_fail (ATT_IS_FRENCH_LABEL (self), NULL);

  return self->error;
}
