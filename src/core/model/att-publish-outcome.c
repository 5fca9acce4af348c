/* att-publish-outcome.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "att-json.h"
#include "att-publish-outcome.h"

/*
 * One entry of a french-label/publish answer (api-higg.md §3.10), whichever
 * of its three lists it came from: `succeeded[]` {productId,
 * internalReference, publishedAt, nextEligibleAt}, `failed[]` {productId,
 * error, httpStatus, code}, `skipped[]` {productId, reasons[{message}],
 * nextEligibleAt, driftedPeer}.  Only productId is required; times are Unix
 * milliseconds, 0 when absent.
 */
struct _AttPublishOutcome
{
  GObject               parent_instance;

  AttPublishOutcomeKind kind;
  char                 *product_id;
  char                 *internal_reference;
  gint64                published_at;
  gint64                next_eligible_at;
  char                 *error;
  guint                 http_status;
  char                 *code;
  GStrv                 reasons;
  char                 *drifted_peer;
};

G_DEFINE_FINAL_TYPE (AttPublishOutcome, att_publish_outcome, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (AttPublishOutcomeKind, att_publish_outcome_kind,
                    G_DEFINE_ENUM_VALUE (ATT_PUBLISH_OUTCOME_SUCCEEDED, "succeeded"),
                    G_DEFINE_ENUM_VALUE (ATT_PUBLISH_OUTCOME_FAILED, "failed"),
                    G_DEFINE_ENUM_VALUE (ATT_PUBLISH_OUTCOME_SKIPPED, "skipped"))

enum {
  PROP_0,
  PROP_KIND,
  PROP_PRODUCT_ID,
  PROP_INTERNAL_REFERENCE,
  PROP_PUBLISHED_AT,
  PROP_NEXT_ELIGIBLE_AT,
  PROP_ERROR,
  PROP_HTTP_STATUS,
  PROP_CODE,
  PROP_REASONS,
  PROP_DRIFTED_PEER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The answer's three lists, in the order outcomes are listed. */
static const struct
{
  const char           *member;
  AttPublishOutcomeKind kind;
} lists[] = {
  { "succeeded", ATT_PUBLISH_OUTCOME_SUCCEEDED },
  { "failed", ATT_PUBLISH_OUTCOME_FAILED },
  { "skipped", ATT_PUBLISH_OUTCOME_SKIPPED },
};

static void
att_publish_outcome_finalize (GObject *object)
{
  AttPublishOutcome *self = (AttPublishOutcome *) object;

  g_clear_pointer (&self->product_id, g_free);
  g_clear_pointer (&self->internal_reference, g_free);
  g_clear_pointer (&self->error, g_free);
  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->reasons, g_strfreev);
  g_clear_pointer (&self->drifted_peer, g_free);

  G_OBJECT_CLASS (att_publish_outcome_parent_class)->finalize (object);
}

static void
att_publish_outcome_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AttPublishOutcome *self = ATT_PUBLISH_OUTCOME (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_PRODUCT_ID:
      g_value_set_string (value, self->product_id);
      break;
    case PROP_INTERNAL_REFERENCE:
      g_value_set_string (value, self->internal_reference);
      break;
    case PROP_PUBLISHED_AT:
      g_value_set_int64 (value, self->published_at);
      break;
    case PROP_NEXT_ELIGIBLE_AT:
      g_value_set_int64 (value, self->next_eligible_at);
      break;
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    case PROP_HTTP_STATUS:
      g_value_set_uint (value, self->http_status);
      break;
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_REASONS:
      g_value_set_boxed (value, self->reasons);
      break;
    case PROP_DRIFTED_PEER:
      g_value_set_string (value, self->drifted_peer);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_publish_outcome_class_init (AttPublishOutcomeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags   flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = att_publish_outcome_finalize;
  object_class->get_property = att_publish_outcome_get_property;

  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, ATT_TYPE_PUBLISH_OUTCOME_KIND,
                                             ATT_PUBLISH_OUTCOME_SUCCEEDED, flags);
  properties[PROP_PRODUCT_ID] = g_param_spec_string ("product-id", NULL, NULL, NULL, flags);
  properties[PROP_INTERNAL_REFERENCE] = g_param_spec_string ("internal-reference", NULL, NULL, NULL, flags);
  properties[PROP_PUBLISHED_AT] = g_param_spec_int64 ("published-at", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NEXT_ELIGIBLE_AT] = g_param_spec_int64 ("next-eligible-at", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_ERROR] = g_param_spec_string ("error", NULL, NULL, NULL, flags);
  properties[PROP_HTTP_STATUS] = g_param_spec_uint ("http-status", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, flags);
  properties[PROP_REASONS] = g_param_spec_boxed ("reasons", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_DRIFTED_PEER] = g_param_spec_string ("drifted-peer", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
att_publish_outcome_init (AttPublishOutcome *self)
{
}

/* --- Reading ------------------------------------------------------------ */

/* A reason as its message: `{message}` as documented, or a bare string. */
static gboolean
read_reason (JsonNode     *node,
             const char   *path,
             GStrvBuilder *builder,
             GError      **error)
{
  g_autofree char *message = NULL;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    message = json_node_dup_string (node);
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      if (!att_json_read_string (json_node_get_object (node), "message", path, TRUE, &message, error))
        return FALSE;
    }
  else
    {
      att_json_set_error (error, path, _ ("expected an object or a string"));
      return FALSE;
    }

  g_strv_builder_add (builder, message);
  return TRUE;
}

static gboolean
read_reasons (JsonObject *object,
              const char *path,
              GStrv      *out_reasons,
              GError    **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *member_path = att_json_path_member (path, "reasons");
  GError          *local_error = NULL;
  JsonArray       *array = att_json_get_array (object, "reasons", path, FALSE, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *item_path = att_json_path_index (member_path, i);

      if (!read_reason (json_array_get_element (array, i), item_path, builder, error))
        return FALSE;
    }

  *out_reasons = g_strv_builder_end (builder);
  return TRUE;
}

/* `driftedPeer` is named but not described: a product id, or an object
 * with one; anything else is ignored. */
static char *
read_drifted_peer (JsonObject *object)
{
  JsonNode *node = json_object_get_member (object, "driftedPeer");

  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_dup_string (node);
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *peer = json_node_get_object (node);

      return g_strdup (att_json_get_string (peer, att_json_pick_member (peer, "productId", "_id"), NULL, FALSE, NULL));
    }
  return NULL;
}

static gboolean
read_status (JsonObject *object,
             const char *path,
             guint      *out_status,
             GError    **error)
{
  GError *local_error = NULL;
  gint64  status = att_json_get_int (object, "httpStatus", path, FALSE, 0, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  *out_status = (guint) CLAMP (status, 0, 999);
  return TRUE;
}

/**
 * att_publish_outcome_new_from_json:
 * @object: one entry of `succeeded`, `failed` or `skipped`
 * @kind: which list it came from
 * @path: (nullable): where @object sits, for error messages
 *
 * Returns: (transfer full) (nullable): a new #AttPublishOutcome, or %NULL
 *   with @error naming the failing field
 */
AttPublishOutcome *
att_publish_outcome_new_from_json (JsonObject           *object,
                                   AttPublishOutcomeKind kind,
                                   const char           *path,
                                   GError              **error)
{
  g_autoptr(AttPublishOutcome) self = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (ATT_TYPE_PUBLISH_OUTCOME, NULL);
  self->kind = kind;
  if (!att_json_read_string (object, "productId", path, TRUE, &self->product_id, error) ||
      !att_json_read_string (object, "internalReference", path, FALSE, &self->internal_reference, error) ||
      !att_json_read_timestamp (object, "publishedAt", path, &self->published_at, error) ||
      !att_json_read_timestamp (object, "nextEligibleAt", path, &self->next_eligible_at, error) ||
      !att_json_read_string (object, "error", path, FALSE, &self->error, error) ||
      !read_status (object, path, &self->http_status, error) ||
      !att_json_read_string (object, "code", path, FALSE, &self->code, error) ||
      !read_reasons (object, path, &self->reasons, error))
    return NULL;

  self->drifted_peer = read_drifted_peer (object);
  return g_steal_pointer (&self);
}

/**
 * att_publish_outcome_new_failed:
 * @product_id: the product that could not be published
 * @error: why, for a user
 * @http_status: the HTTP status of the request, or 0
 *
 * The outcome of a product whose batch failed as a whole (say, the network
 * went down), so that every product asked for has one.
 *
 * Returns: (transfer full): a new %ATT_PUBLISH_OUTCOME_FAILED outcome
 */
AttPublishOutcome *
att_publish_outcome_new_failed (const char *product_id,
                                const char *error,
                                guint       http_status)
{
  AttPublishOutcome *self;

  g_return_val_if_fail (product_id != NULL, NULL);
  g_return_val_if_fail (error != NULL, NULL);

  self = g_object_new (ATT_TYPE_PUBLISH_OUTCOME, NULL);
  self->kind = ATT_PUBLISH_OUTCOME_FAILED;
  self->product_id = g_strdup (product_id);
  self->error = g_strdup (error);
  self->http_status = http_status;
  self->reasons = g_new0 (char *, 1);
  return self;
}

static gboolean
read_list (JsonObject           *root,
           const char           *member,
           AttPublishOutcomeKind kind,
           const char           *path,
           GPtrArray            *outcomes,
           GError              **error)
{
  g_autofree char *list_path = att_json_path_member (path, member);
  GError          *local_error = NULL;
  JsonArray       *array = att_json_get_array (root, member, path, FALSE, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char   *item_path = att_json_path_index (list_path, i);
      JsonObject        *item = att_json_node_get_object (json_array_get_element (array, i), item_path, error);
      AttPublishOutcome *outcome;

      if (item == NULL)
        return FALSE;
      outcome = att_publish_outcome_new_from_json (item, kind, item_path, error);
      if (outcome == NULL)
        return FALSE;
      g_ptr_array_add (outcomes, outcome);
    }
  return TRUE;
}

/**
 * att_publish_outcomes_from_json:
 * @root: a french-label/publish answer (of a 200, 207 or 400)
 * @path: (nullable): where @root sits, for error messages
 *
 * Reads `succeeded`, `failed` and `skipped`, in that order.  Any of them may
 * be missing, but not all three: an answer with none is not a publish
 * answer (say, a plain error body).
 *
 * Returns: (transfer full) (element-type AttPublishOutcome) (nullable): the
 *   outcomes, or %NULL with @error set
 */
GPtrArray *
att_publish_outcomes_from_json (JsonNode   *root,
                                const char *path,
                                GError    **error)
{
  g_autoptr(GPtrArray) outcomes = g_ptr_array_new_with_free_func (g_object_unref);
  JsonObject *object;
  gboolean    any = FALSE;

  g_return_val_if_fail (root != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  object = att_json_node_get_object (root, path, error);
  if (object == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      any = any || att_json_has_member (object, lists[i].member);
      if (!read_list (object, lists[i].member, lists[i].kind, path, outcomes, error))
        return NULL;
    }

  if (!any)
    {
      att_json_set_error (error, path, _ ("expected a list of succeeded, failed or skipped products"));
      return NULL;
    }
  return g_steal_pointer (&outcomes);
}

/* --- Getters ------------------------------------------------------------ */

AttPublishOutcomeKind
att_publish_outcome_get_kind (AttPublishOutcome *self)
{
  g_return_val_if_fail (ATT_IS_PUBLISH_OUTCOME (self), ATT_PUBLISH_OUTCOME_FAILED);

  return self->kind;
}

const char *
att_publish_outcome_get_product_id (AttPublishOutcome *self)
{
  g_return_val_if_fail (ATT_IS_PUBLISH_OUTCOME (self), NULL);

  return self->product_id;
}

/**
 * att_publish_outcome_get_internal_reference:
 *
 * Returns: (nullable): the portal's reference, shared by a batch
 */
const char *
att_publish_outcome_get_internal_reference (AttPublishOutcome *self)
{
  g_return_val_if_fail (ATT_IS_PUBLISH_OUTCOME (self), NULL);

  return self->internal_reference;
}

/**
 * att_publish_outcome_get_published_at:
 *
 * Returns: Unix milliseconds, or 0
 */
gint64
att_publish_outcome_get_published_at (AttPublishOutcome *self)
{
  g_return_val_if_fail (ATT_IS_PUBLISH_OUTCOME (self), 0);

  return self->published_at;
}

/**
 * att_publish_outcome_get_next_eligible_at:
 *
 * Returns: when the product may be published again, Unix milliseconds, or 0
 */
gint64
att_publish_outcome_get_next_eligible_at (AttPublishOutcome *self)
{
  g_return_val_if_fail (ATT_IS_PUBLISH_OUTCOME (self), 0);

  return self->next_eligible_at;
}

/**
 * att_publish_outcome_get_error:
 *
 * Returns: (nullable): the portal's error, for a failed outcome
 */
const char *
att_publish_outcome_get_error (AttPublishOutcome *self)
{
  g_return_val_if_fail (ATT_IS_PUBLISH_OUTCOME (self), NULL);

  return self->error;
}

/**
 * att_publish_outcome_get_http_status:
 *
 * Returns: the portal's HTTP status, or 0
 */
guint
att_publish_outcome_get_http_status (AttPublishOutcome *self)
{
  g_return_val_if_fail (ATT_IS_PUBLISH_OUTCOME (self), 0);

  return self->http_status;
}

/**
 * att_publish_outcome_get_code:
 *
 * Returns: (nullable): the portal's error code, for a failed outcome
 */
const char *
att_publish_outcome_get_code (AttPublishOutcome *self)
{
  g_return_val_if_fail (ATT_IS_PUBLISH_OUTCOME (self), NULL);

  return self->code;
}

/**
 * att_publish_outcome_get_reasons:
 *
 * Returns: (transfer none) (array zero-terminated=1): the messages of the
 *   reasons a product was skipped, such as `WithinThreeMonthLock`; empty for
 *   other outcomes
 */
const char *const *
att_publish_outcome_get_reasons (AttPublishOutcome *self)
{
  g_return_val_if_fail (ATT_IS_PUBLISH_OUTCOME (self), NULL);

  return (const char *const *) self->reasons;
}

/**
 * att_publish_outcome_get_drifted_peer:
 *
 * Returns: (nullable): the product whose score change aborted this one's
 *   group (`GroupAbortedDueToPeer`)
 */
const char *
att_publish_outcome_get_drifted_peer (AttPublishOutcome *self)
{
  g_return_val_if_fail (ATT_IS_PUBLISH_OUTCOME (self), NULL);

  return self->drifted_peer;
}
