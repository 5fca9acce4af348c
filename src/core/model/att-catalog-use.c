/* att-catalog-use.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "att-catalog-use.h"
#include "att-json.h"

/* What a product says about a catalogue entry it uses, whatever the kind:
 * the catalogue id (under the kind's own member name, e.g. `materialId`),
 * what the server echoes about the entry, and the kind's own numbers
 * (composition, amount...), which each subclass declares in a table with
 * att_catalog_use_class_set_members() instead of writing them again. */
typedef struct
{
  JsonObject *json;
  char       *catalog_id;
  char       *name;
  char       *code;
  char       *description;
  char       *data_source;
  double      weight_kg;
  double     *numbers;
} AttCatalogUsePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (AttCatalogUse, att_catalog_use, G_TYPE_OBJECT)

/* A subclass's numbers are installed on the subclass with the ids
 * N_PROPS + their index, so they never clash with these. */
enum {
  PROP_0,
  PROP_CATALOG_ID,
  PROP_NAME,
  PROP_CODE,
  PROP_DESCRIPTION,
  PROP_DATA_SOURCE,
  PROP_WEIGHT_KG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static AttCatalogUsePrivate *
get_private (gpointer self)
{
  return att_catalog_use_get_instance_private (ATT_CATALOG_USE (self));
}

static void
att_catalog_use_constructed (GObject *object)
{
  AttCatalogUsePrivate *priv = get_private (object);
  guint                 n_numbers = ATT_CATALOG_USE_GET_CLASS (object)->n_numbers;

  G_OBJECT_CLASS (att_catalog_use_parent_class)->constructed (object);

  /* Only now is the subclass known: instance_init runs with the class of
   * the type being initialised, not the final one. */
  priv->numbers = g_new (double, n_numbers);
  for (guint i = 0; i < n_numbers; i++)
    priv->numbers[i] = NAN;
}

static void
att_catalog_use_finalize (GObject *object)
{
  AttCatalogUsePrivate *priv = get_private (object);

  g_clear_pointer (&priv->json, json_object_unref);
  g_clear_pointer (&priv->catalog_id, g_free);
  g_clear_pointer (&priv->name, g_free);
  g_clear_pointer (&priv->code, g_free);
  g_clear_pointer (&priv->description, g_free);
  g_clear_pointer (&priv->data_source, g_free);
  g_clear_pointer (&priv->numbers, g_free);

  G_OBJECT_CLASS (att_catalog_use_parent_class)->finalize (object);
}

static void
att_catalog_use_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AttCatalogUsePrivate *priv = get_private (object);

  switch (prop_id)
    {
    case PROP_CATALOG_ID:
      g_value_set_string (value, priv->catalog_id);
      break;

    case PROP_NAME:
      g_value_set_string (value, priv->name);
      break;

    case PROP_CODE:
      g_value_set_string (value, priv->code);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, priv->description);
      break;

    case PROP_DATA_SOURCE:
      g_value_set_string (value, priv->data_source);
      break;

    case PROP_WEIGHT_KG:
      g_value_set_double (value, priv->weight_kg);
      break;

    default:
      if (prop_id >= N_PROPS && prop_id - N_PROPS < ATT_CATALOG_USE_GET_CLASS (object)->n_numbers)
        g_value_set_double (value, priv->numbers[prop_id - N_PROPS]);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Absent numbers read as NAN; the pspec default cannot be NAN. */
static GParamSpec *
number_param_spec (const char *name)
{
  return g_param_spec_double (name, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
}

static GParamSpec *
string_param_spec (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
}

static void
att_catalog_use_class_init (AttCatalogUseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = att_catalog_use_constructed;
  object_class->finalize = att_catalog_use_finalize;
  object_class->get_property = att_catalog_use_get_property;

  properties[PROP_CATALOG_ID] = string_param_spec ("catalog-id");
  properties[PROP_NAME] = string_param_spec ("name");
  properties[PROP_CODE] = string_param_spec ("code");
  properties[PROP_DESCRIPTION] = string_param_spec ("description");
  properties[PROP_DATA_SOURCE] = string_param_spec ("data-source");
  properties[PROP_WEIGHT_KG] = number_param_spec ("weight-kg");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
att_catalog_use_init (AttCatalogUse *self)
{
  get_private (self)->weight_kg = NAN;
}

/**
 * att_catalog_use_class_set_members:
 * @klass: the class of a subclass, in its class_init
 * @id_member: the JSON member of the catalogue id, e.g. `materialId`
 * @numbers: (array length=n_numbers): the subclass's own numbers, in the
 *   order they are sent; static, it is not copied
 * @n_numbers: how many
 *
 * Says how a kind of use is spelled in JSON, and installs a read-only
 * double property for each of @numbers.  A subclass calls this once.
 */
void
att_catalog_use_class_set_members (AttCatalogUseClass        *klass,
                                   const char                *id_member,
                                   const AttCatalogUseNumber *numbers,
                                   guint                      n_numbers)
{
  g_return_if_fail (ATT_IS_CATALOG_USE_CLASS (klass));
  g_return_if_fail (klass->id_member == NULL);
  g_return_if_fail (id_member != NULL);
  g_return_if_fail (numbers != NULL || n_numbers == 0);

  klass->id_member = id_member;
  klass->numbers = numbers;
  klass->n_numbers = n_numbers;

  /* GObject does not inherit get_property: the subclass's properties are
   * read through this class's. */
  G_OBJECT_CLASS (klass)->get_property = att_catalog_use_get_property;
  for (guint i = 0; i < n_numbers; i++)
    g_object_class_install_property (G_OBJECT_CLASS (klass), N_PROPS + i,
                                     number_param_spec (numbers[i].property));
}

static gboolean
read_entry (AttCatalogUse *self,
            JsonObject    *object,
            const char    *path,
            GError       **error)
{
  AttCatalogUsePrivate *priv = get_private (self);
  const char           *id_member = ATT_CATALOG_USE_GET_CLASS (self)->id_member;

  /* A subclass that never called att_catalog_use_class_set_members(). */
  g_assert (id_member != NULL);

  return att_json_read_string (object, id_member, path, TRUE, &priv->catalog_id, error) &&
         att_json_read_string (object, "name", path, FALSE, &priv->name, error) &&
         att_json_read_string (object, "code", path, FALSE, &priv->code, error) &&
         att_json_read_string (object, "description", path, FALSE, &priv->description, error) &&
         att_json_read_string (object, "dataSource", path, FALSE, &priv->data_source, error);
}

static gboolean
read_weight (AttCatalogUse *self,
             JsonObject    *object,
             const char    *path,
             GError       **error)
{
  g_autofree char *weight_path = att_json_path_member (path, "weightInformation");
  JsonObject      *weight = NULL;

  if (!att_json_read_object (object, "weightInformation", path, FALSE, &weight, error))
    return FALSE;

  return weight == NULL ||
         att_json_read_double (weight, "convertedToKg", weight_path, FALSE,
                               &get_private (self)->weight_kg, error);
}

static gboolean
read_numbers (AttCatalogUse *self,
              JsonObject    *object,
              const char    *path,
              GError       **error)
{
  AttCatalogUseClass   *klass = ATT_CATALOG_USE_GET_CLASS (self);
  AttCatalogUsePrivate *priv = get_private (self);

  for (guint i = 0; i < klass->n_numbers; i++)
    if (!att_json_read_double (object, klass->numbers[i].member, path, FALSE, &priv->numbers[i], error))
      return FALSE;

  return TRUE;
}

/**
 * att_catalog_use_new_from_json:
 * @type: a subclass of #AttCatalogUse
 * @object: a use of a product (response shape) or of a request
 * @path: (nullable): where @object sits, e.g. `materials[2]`
 *
 * The catalogue id is required; everything else is optional.  The object is
 * kept whole, unknown members included.
 *
 * Returns: (transfer full) (nullable): a new @type, or %NULL on error
 */
AttCatalogUse *
att_catalog_use_new_from_json (GType       type,
                               JsonObject *object,
                               const char *path,
                               GError    **error)
{
  g_autoptr(AttCatalogUse) self = NULL;

  g_return_val_if_fail (g_type_is_a (type, ATT_TYPE_CATALOG_USE), NULL);
  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (type, NULL);
  get_private (self)->json = json_object_ref (object);

  if (!read_entry (self, object, path, error) ||
      !read_numbers (self, object, path, error) ||
      !read_weight (self, object, path, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * att_catalog_use_get_json:
 *
 * Returns: (transfer none) (nullable): the parsed object, unknown members
 *   included
 */
JsonObject *
att_catalog_use_get_json (AttCatalogUse *self)
{
  g_return_val_if_fail (ATT_IS_CATALOG_USE (self), NULL);

  return get_private (self)->json;
}

/**
 * att_catalog_use_to_json:
 *
 * Returns: (transfer full): a copy of the parsed object, unknown members
 *   kept
 */
JsonNode *
att_catalog_use_to_json (AttCatalogUse *self)
{
  g_return_val_if_fail (ATT_IS_CATALOG_USE (self), NULL);

  return att_json_object_to_node (get_private (self)->json);
}

/**
 * att_catalog_use_to_request_json:
 *
 * The MaterialsData, PackagingData or ComponentData of create and update
 * requests: the catalogue id and the kind's numbers.  Unknown numbers are
 * left out rather than sent as garbage; validation reports them.
 *
 * Returns: (transfer full): e.g. `{materialId, netUse, composition}`
 */
JsonNode *
att_catalog_use_to_request_json (AttCatalogUse *self)
{
  g_autoptr(JsonObject) object = NULL;
  AttCatalogUseClass   *klass;
  AttCatalogUsePrivate *priv;

  g_return_val_if_fail (ATT_IS_CATALOG_USE (self), NULL);

  klass = ATT_CATALOG_USE_GET_CLASS (self);
  priv = get_private (self);
  object = json_object_new ();
  att_json_object_set_string (object, klass->id_member, priv->catalog_id);
  for (guint i = 0; i < klass->n_numbers; i++)
    att_json_object_set_number (object, klass->numbers[i].member, priv->numbers[i]);

  return json_node_init_object (json_node_alloc (), object);
}

/**
 * att_catalog_use_get_catalog_id:
 *
 * Returns: (nullable): the `_id` of the catalogue entry, sent as
 *   `materialId`, `packagingId` or `componentId`
 */
const char *
att_catalog_use_get_catalog_id (AttCatalogUse *self)
{
  g_return_val_if_fail (ATT_IS_CATALOG_USE (self), NULL);

  return get_private (self)->catalog_id;
}

const char *
att_catalog_use_get_name (AttCatalogUse *self)
{
  g_return_val_if_fail (ATT_IS_CATALOG_USE (self), NULL);

  return get_private (self)->name;
}

const char *
att_catalog_use_get_code (AttCatalogUse *self)
{
  g_return_val_if_fail (ATT_IS_CATALOG_USE (self), NULL);

  return get_private (self)->code;
}

const char *
att_catalog_use_get_description (AttCatalogUse *self)
{
  g_return_val_if_fail (ATT_IS_CATALOG_USE (self), NULL);

  return get_private (self)->description;
}

const char *
att_catalog_use_get_data_source (AttCatalogUse *self)
{
  g_return_val_if_fail (ATT_IS_CATALOG_USE (self), NULL);

  return get_private (self)->data_source;
}

/**
 * att_catalog_use_get_weight_kg:
 *
 * Returns: `weightInformation.convertedToKg`, or %NAN if unknown
 */
double
att_catalog_use_get_weight_kg (AttCatalogUse *self)
{
  g_return_val_if_fail (ATT_IS_CATALOG_USE (self), NAN);

  return get_private (self)->weight_kg;
}

/**
 * att_catalog_use_get_number:
 * @index: the position of the number in the table the subclass gave to
 *   att_catalog_use_class_set_members()
 *
 * For subclasses, whose typed getters read their numbers through this.
 *
 * Returns: the number, or %NAN if unknown
 */
double
att_catalog_use_get_number (AttCatalogUse *self,
                            guint          index)
{
  g_return_val_if_fail (ATT_IS_CATALOG_USE (self), NAN);
  g_return_val_if_fail (index < ATT_CATALOG_USE_GET_CLASS (self)->n_numbers, NAN);

  return get_private (self)->numbers[index];
}
