/* att-page.c: one page of a paged search result
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-page.h"

/**
 * AttPage:
 *
 * What a paged search returned: the offset and page size the server
 * reported, the total number of matches, and the items of this page.
 * A row the client could not read keeps its place as a placeholder item,
 * with an error (att_page_get_row_error()), so that the rows after it keep
 * their positions.  Immutable once made.
 */
struct _AttPage
{
  GObject     parent_instance;

  guint       from;
  guint       size;
  guint       total;
  GListModel *items;
  GPtrArray  *row_errors; /* of GError or NULL, one per item; or NULL */
  guint       n_row_errors;
};

G_DEFINE_FINAL_TYPE (AttPage, att_page, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FROM,
  PROP_SIZE,
  PROP_TOTAL,
  PROP_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
att_page_dispose (GObject *object)
{
  AttPage *self = (AttPage *) object;

  g_clear_object (&self->items);
  g_clear_pointer (&self->row_errors, g_ptr_array_unref);

  G_OBJECT_CLASS (att_page_parent_class)->dispose (object);
}

static void
att_page_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  AttPage *self = ATT_PAGE (object);

  switch (prop_id)
    {
    case PROP_FROM:
      g_value_set_uint (value, self->from);
      break;

    case PROP_SIZE:
      g_value_set_uint (value, self->size);
      break;

    case PROP_TOTAL:
      g_value_set_uint (value, self->total);
      break;

    case PROP_ITEMS:
      g_value_set_object (value, self->items);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_page_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  AttPage *self = ATT_PAGE (object);

  switch (prop_id)
    {
    case PROP_FROM:
      self->from = g_value_get_uint (value);
      break;

    case PROP_SIZE:
      self->size = g_value_get_uint (value);
      break;

    case PROP_TOTAL:
      self->total = g_value_get_uint (value);
      break;

    case PROP_ITEMS:
      self->items = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_page_constructed (GObject *object)
{
  AttPage *self = (AttPage *) object;

  G_OBJECT_CLASS (att_page_parent_class)->constructed (object);

  /* Callers may rely on the items never being NULL. */
  if (self->items == NULL)
    self->items = G_LIST_MODEL (g_list_store_new (G_TYPE_OBJECT));
}

static void
att_page_class_init (AttPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = att_page_constructed;
  object_class->dispose = att_page_dispose;
  object_class->get_property = att_page_get_property;
  object_class->set_property = att_page_set_property;

  properties[PROP_FROM] =
    g_param_spec_uint ("from", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                        G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SIZE] =
    g_param_spec_uint ("size", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                        G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TOTAL] =
    g_param_spec_uint ("total", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                        G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ITEMS] =
    g_param_spec_object ("items", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
att_page_init (AttPage *self)
{
}

/**
 * att_page_new:
 * @from: the offset of the first item among all matches
 * @size: the page size the server used
 * @total: the number of matches in all pages
 * @items: (nullable): the items of this page
 *
 * Returns: (transfer full): a new page
 */
AttPage *
att_page_new (guint       from,
              guint       size,
              guint       total,
              GListModel *items)
{
  g_return_val_if_fail (items == NULL || G_IS_LIST_MODEL (items), NULL);

  return g_object_new (ATT_TYPE_PAGE,
                       "from", from,
                       "size", size,
                       "total", total,
                       "items", items,
                       NULL);
}

/**
 * att_page_new_full:
 * @row_errors: (nullable) (element-type GError): for each item, %NULL or
 *   why the client could not read it (the item is then a placeholder);
 *   referenced, and never changed afterwards
 *
 * Returns: (transfer full): a new page
 */
AttPage *
att_page_new_full (guint       from,
                   guint       size,
                   guint       total,
                   GListModel *items,
                   GPtrArray  *row_errors)
{
  AttPage *self = att_page_new (from, size, total, items);

  if (self == NULL || row_errors == NULL)
    return self;

  g_return_val_if_fail (row_errors->len == g_list_model_get_n_items (self->items), self);
  self->row_errors = g_ptr_array_ref (row_errors);
  for (guint i = 0; i < row_errors->len; i++)
    if (g_ptr_array_index (row_errors, i) != NULL)
      self->n_row_errors++;
  return self;
}

guint
att_page_get_from (AttPage *self)
{
  g_return_val_if_fail (ATT_IS_PAGE (self), 0);

  return self->from;
}

guint
att_page_get_size (AttPage *self)
{
  g_return_val_if_fail (ATT_IS_PAGE (self), 0);

  return self->size;
}

guint
att_page_get_total (AttPage *self)
{
  g_return_val_if_fail (ATT_IS_PAGE (self), 0);

  return self->total;
}

/**
 * att_page_get_items:
 *
 * Returns: (transfer none): the items of this page, never %NULL
 */
GListModel *
att_page_get_items (AttPage *self)
{
  g_return_val_if_fail (ATT_IS_PAGE (self), NULL);

  return self->items;
}

/**
 * att_page_get_row_error:
 *
 * Returns: (transfer none) (nullable): why the item at @position could not
 *   be read, or %NULL if it was
 */
const GError *
att_page_get_row_error (AttPage *self,
                        guint    position)
{
  g_return_val_if_fail (ATT_IS_PAGE (self), NULL);

  if (self->row_errors == NULL || position >= self->row_errors->len)
    return NULL;
  return g_ptr_array_index (self->row_errors, position);
}

/**
 * att_page_get_n_row_errors:
 *
 * Returns: how many items could not be read
 */
guint
att_page_get_n_row_errors (AttPage *self)
{
  g_return_val_if_fail (ATT_IS_PAGE (self), 0);

  return self->n_row_errors;
}

/**
 * att_page_get_first_row_error:
 *
 * Returns: (transfer none) (nullable): the error of the first item that
 *   could not be read
 */
const GError *
att_page_get_first_row_error (AttPage *self)
{
  g_return_val_if_fail (ATT_IS_PAGE (self), NULL);

  for (guint i = 0; self->row_errors != NULL && i < self->row_errors->len; i++)
    if (g_ptr_array_index (self->row_errors, i) != NULL)
      return g_ptr_array_index (self->row_errors, i);
  return NULL;
}
