/* att-higg-client-eco.c: recalculation, French labels and publishing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The eco-score calls of AttHiggClient (api-higg.md §3.4, §3.9, §3.10):
 * products/recalculate in one request; french-label/image in requests of at
 * most 50 ids, a few out at once, answered in the order asked; and
 * french-label/publish in batches of at most 50 sent one after the other,
 * whose 207 and 400 answers carry outcomes, not errors. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "att-french-label.h"
#include "att-higg-client-private.h"
#include "att-json.h"
#include "att-publish-outcome.h"

#define SUCCESS_IDS_KEY "att-higg-success-ids"
#define FAILURE_IDS_KEY "att-higg-failure-ids"
#define OUTCOMES_KEY    "att-higg-outcomes"

/* `{"<member>": [ids[from], ..., ids[to - 1]]}` */
static JsonNode *
build_ids_body (const char        *member,
                const char *const *ids,
                guint              from,
                guint              to)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = from; i < to; i++)
    json_builder_add_string_value (builder, ids[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* --- Recalculation ----------------------------------------------------- */

static void
carry_strv (GObject    *carrier,
            const char *key,
            GStrv       strv)
{
  g_object_set_data_full (carrier, key, strv != NULL ? strv : g_new0 (char *, 1), (GDestroyNotify) g_strfreev);
}

/* `{successIds, failureIds}`, either of which may be missing, as a plain
 * GObject carrying both lists. */
static GObject *
parse_recalculation (JsonObject *object,
                     const char *path,
                     GError    **error)
{
  g_auto(GStrv) successes = NULL;
  g_auto(GStrv) failures = NULL;
  GObject *carrier;

  if (!att_json_read_strv (object, "successIds", path, &successes, error) ||
      !att_json_read_strv (object, "failureIds", path, &failures, error))
    return NULL;

  carrier = g_object_new (G_TYPE_OBJECT, NULL);
  carry_strv (carrier, SUCCESS_IDS_KEY, g_steal_pointer (&successes));
  carry_strv (carrier, FAILURE_IDS_KEY, g_steal_pointer (&failures));
  return carrier;
}

/**
 * att_higg_client_recalculate_async:
 * @product_ids: (array zero-terminated=1): the products whose scores to
 *   compute again; an empty array asks nothing of the server
 *
 * Asks for the eco-scores of @product_ids to be computed again
 * (`POST /products/recalculate`).  Their scores are Pending for a while
 * afterwards.  Idempotent: may be retried.
 */
void
att_higg_client_recalculate_async (AttHiggClient      *self,
                                   const char *const  *product_ids,
                                   GCancellable       *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer            user_data)
{
  g_autoptr(JsonNode) body = NULL;
  Call *call;

  g_return_if_fail (ATT_IS_HIGG_CLIENT (self));
  g_return_if_fail (product_ids != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  if (product_ids[0] == NULL)
    {
      g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
      GObject *none = g_object_new (G_TYPE_OBJECT, NULL);

      g_task_set_source_tag (task, ATT_SOURCE_TAG (att_higg_client_recalculate_async));
      carry_strv (none, SUCCESS_IDS_KEY, NULL);
      carry_strv (none, FAILURE_IDS_KEY, NULL);
      g_task_return_pointer (task, none, g_object_unref);
      return;
    }

  body = build_ids_body ("productId", product_ids, 0, g_strv_length ((char **) product_ids));
  call = att_higg_client_call_new (ANSWER_OBJECT, G_TYPE_OBJECT, parse_recalculation, 0, 0, NULL);
  att_higg_client_send_call (self, SOUP_METHOD_POST, "/products/recalculate", body, TRUE, call,
                             cancellable, callback, user_data,
                             ATT_SOURCE_TAG (att_higg_client_recalculate_async));
}

/**
 * att_higg_client_recalculate_finish:
 * @out_success_ids: (out) (optional) (transfer full): the ids recalculated
 * @out_failure_ids: (out) (optional) (transfer full): the ids that were not
 *   (unknown or deleted products)
 *
 * Returns: %TRUE with both lists set (perhaps empty), or %FALSE with @error
 */
gboolean
att_higg_client_recalculate_finish (AttHiggClient *self,
                                    GAsyncResult  *result,
                                    GStrv         *out_success_ids,
                                    GStrv         *out_failure_ids,
                                    GError       **error)
{
  g_autoptr(GObject) carrier = NULL;

  carrier = att_higg_client_finish_call (self, result, ATT_SOURCE_TAG (att_higg_client_recalculate_async), error);
  if (carrier == NULL)
    return FALSE;

  if (out_success_ids != NULL)
    *out_success_ids = g_object_steal_data (carrier, SUCCESS_IDS_KEY);
  if (out_failure_ids != NULL)
    *out_failure_ids = g_object_steal_data (carrier, FAILURE_IDS_KEY);
  return TRUE;
}

/* --- Labels ------------------------------------------------------------ */

/* A label fetch: the ids asked for, a slot per id for its label, and the
 * requests of ATT_HIGG_LABEL_BATCH_SIZE ids each, at most
 * ATT_HIGG_LABEL_MAX_IN_FLIGHT of them out at once. */
typedef struct
{
  GStrv      ids;
  guint      n_ids;
  GPtrArray *labels;
  guint      n_chunks;
  guint      next_chunk;
  guint      in_flight;
  GError    *error; /* the first request that failed */
} LabelFetch;

typedef struct
{
  GTask *task;
  guint  chunk;
} LabelChunk;

static void
label_fetch_free (LabelFetch *fetch)
{
  g_strfreev (fetch->ids);
  g_ptr_array_unref (fetch->labels);
  g_clear_error (&fetch->error);
  g_free (fetch);
}

/* Slots stay empty when a fetch fails. */
static void
free_slot (gpointer object)
{
  g_clear_object (&object);
}

static GObject *
parse_label (JsonObject *object,
             const char *path,
             GError    **error)
{
  return (GObject *) att_french_label_new_from_json (object, path, error);
}

/* Puts @label in the first empty slot of its product in [@from, @to): an
 * answer in another order, or with an id twice, still lands right. */
static void
place_label (LabelFetch     *fetch,
             AttFrenchLabel *label,
             guint           from,
             guint           to)
{
  const char *id = att_french_label_get_product_id (label);

  for (guint i = from; i < to; i++)
    if (g_ptr_array_index (fetch->labels, i) == NULL && g_str_equal (fetch->ids[i], id))
      {
        g_ptr_array_index (fetch->labels, i) = g_object_ref (label);
        return;
      }
  g_debug ("french-label/image answered for %s, which was not asked", id);
}

static void
place_chunk (LabelFetch *fetch,
             GListModel *labels,
             guint       chunk)
{
  guint from = chunk * ATT_HIGG_LABEL_BATCH_SIZE;
  guint to = MIN (from + ATT_HIGG_LABEL_BATCH_SIZE, fetch->n_ids);

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(AttFrenchLabel) label = g_list_model_get_item (labels, i);

      place_label (fetch, label, from, to);
    }

  for (guint i = from; i < to; i++)
    if (g_ptr_array_index (fetch->labels, i) == NULL)
      g_ptr_array_index (fetch->labels, i) =
        att_french_label_new_error (fetch->ids[i], _ ("The server sent no label for this product"));
}

static void send_label_chunk (GTask *task);

static void
on_label_chunk (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  LabelChunk *chunk = user_data;
  g_autoptr(GTask) task = chunk->task;
  LabelFetch *fetch = g_task_get_task_data (task);
  g_autoptr(GListModel) labels = NULL;
  g_autoptr(GError) error = NULL;

  labels = att_higg_client_finish_call (ATT_HIGG_CLIENT (source_object), result,
                                        ATT_SOURCE_TAG (send_label_chunk), &error);
  fetch->in_flight--;
  if (labels != NULL)
    place_chunk (fetch, labels, chunk->chunk);
  else if (fetch->error == NULL)
    fetch->error = g_steal_pointer (&error);
  g_free (chunk);

  /* After a failure, the requests still out are let finish, and no more
   * are sent. */
  while (fetch->error == NULL && fetch->next_chunk < fetch->n_chunks &&
         fetch->in_flight < ATT_HIGG_LABEL_MAX_IN_FLIGHT)
    send_label_chunk (task);

  if (fetch->in_flight > 0)
    return;
  if (fetch->error != NULL)
    g_task_return_error (task, g_steal_pointer (&fetch->error));
  else
    g_task_return_pointer (task, g_ptr_array_ref (fetch->labels), (GDestroyNotify) g_ptr_array_unref);
}

static void
send_label_chunk (GTask *task)
{
  LabelFetch *fetch = g_task_get_task_data (task);
  LabelChunk *chunk = g_new0 (LabelChunk, 1);
  guint       from = fetch->next_chunk * ATT_HIGG_LABEL_BATCH_SIZE;
  guint       to = MIN (from + ATT_HIGG_LABEL_BATCH_SIZE, fetch->n_ids);
  g_autoptr(JsonNode) body = build_ids_body ("productIds", (const char *const *) fetch->ids, from, to);
  Call *call = att_higg_client_call_new (ANSWER_LIST, ATT_TYPE_FRENCH_LABEL, parse_label, 0, 0, NULL);

  chunk->task = g_object_ref (task);
  chunk->chunk = fetch->next_chunk++;
  fetch->in_flight++;
  att_higg_client_call_set_unreadable (call, _ ("The server sent a label Attest cannot read"));
  att_higg_client_send_call (g_task_get_source_object (task), SOUP_METHOD_POST, "/french-label/image", body,
                             TRUE, call, g_task_get_cancellable (task), on_label_chunk, chunk,
                             ATT_SOURCE_TAG (send_label_chunk));
}

/**
 * att_higg_client_fetch_french_labels_async:
 * @product_ids: (array zero-terminated=1): the products whose labels to get
 *
 * Gets the official French labels of @product_ids
 * (`POST /french-label/image`), in requests of at most
 * %ATT_HIGG_LABEL_BATCH_SIZE ids, at most %ATT_HIGG_LABEL_MAX_IN_FLIGHT of
 * them out at once.  A product without a label has its entry with the
 * server's reason; a request that fails fails the whole fetch.
 * Idempotent: may be retried.
 */
void
att_higg_client_fetch_french_labels_async (AttHiggClient      *self,
                                           const char *const  *product_ids,
                                           GCancellable       *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  LabelFetch *fetch;

  g_return_if_fail (ATT_IS_HIGG_CLIENT (self));
  g_return_if_fail (product_ids != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  fetch = g_new0 (LabelFetch, 1);
  fetch->ids = g_strdupv ((char **) product_ids);
  fetch->n_ids = g_strv_length (fetch->ids);
  fetch->labels = g_ptr_array_new_full (fetch->n_ids, free_slot);
  g_ptr_array_set_size (fetch->labels, fetch->n_ids);
  fetch->n_chunks = (fetch->n_ids + ATT_HIGG_LABEL_BATCH_SIZE - 1) / ATT_HIGG_LABEL_BATCH_SIZE;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ATT_SOURCE_TAG (att_higg_client_fetch_french_labels_async));
  g_task_set_task_data (task, fetch, (GDestroyNotify) label_fetch_free);

  if (fetch->n_chunks == 0)
    {
      g_task_return_pointer (task, g_ptr_array_ref (fetch->labels), (GDestroyNotify) g_ptr_array_unref);
      return;
    }

  while (fetch->next_chunk < fetch->n_chunks && fetch->in_flight < ATT_HIGG_LABEL_MAX_IN_FLIGHT)
    send_label_chunk (task);
}

/**
 * att_higg_client_fetch_french_labels_finish:
 *
 * Returns: (transfer full) (element-type AttFrenchLabel): a label per id
 *   asked for, in the same order, or %NULL with @error set
 */
GPtrArray *
att_higg_client_fetch_french_labels_finish (AttHiggClient *self,
                                            GAsyncResult  *result,
                                            GError       **error)
{
  return att_higg_client_finish_call (self, result,
                                      ATT_SOURCE_TAG (att_higg_client_fetch_french_labels_async), error);
}

/* --- Publishing -------------------------------------------------------- */

/* A publish: the ids (each once), the outcomes so far in their order, and
 * the start of the next batch. */
typedef struct
{
  GStrv                  ids;
  guint                  n_ids;
  guint                  next;
  GPtrArray             *outcomes;
  AttPublishProgressFunc progress;
  gpointer               progress_data;
  GDestroyNotify         progress_destroy;
} Publish;

static void
publish_free (Publish *publish)
{
  if (publish->progress_destroy != NULL)
    publish->progress_destroy (publish->progress_data);
  g_strfreev (publish->ids);
  g_ptr_array_unref (publish->outcomes);
  g_free (publish);
}

/* The server refuses a batch that names a product twice (§3.10). */
static GStrv
unique_ids (const char *const *ids)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; ids[i] != NULL; i++)
    if (g_hash_table_add (seen, (gpointer) ids[i]))
      g_strv_builder_add (builder, ids[i]);
  return g_strv_builder_end (builder);
}

static GObject *
parse_publish (JsonObject *object,
               const char *path,
               GError    **error)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);
  g_autoptr(GPtrArray) outcomes = att_publish_outcomes_from_json (node, path, error);
  GObject *carrier;

  if (outcomes == NULL)
    return NULL;
  carrier = g_object_new (G_TYPE_OBJECT, NULL);
  g_object_set_data_full (carrier, OUTCOMES_KEY, g_steal_pointer (&outcomes), (GDestroyNotify) g_ptr_array_unref);
  return carrier;
}

/* Takes the first outcome of @id out of @answer, or %NULL. */
static AttPublishOutcome *
take_outcome (GPtrArray  *answer,
              const char *id)
{
  for (guint i = 0; i < answer->len; i++)
    {
      AttPublishOutcome *outcome = g_ptr_array_index (answer, i);

      if (g_str_equal (att_publish_outcome_get_product_id (outcome), id))
        return g_ptr_array_steal_index (answer, i);
    }
  return NULL;
}

/* The outcomes of ids [@from, @to) in their order; a product the answer
 * says nothing of gets a failed outcome, so none goes unaccounted for. */
static GPtrArray *
order_batch (Publish   *publish,
             GPtrArray *answer,
             guint      from,
             guint      to)
{
  GPtrArray *batch = g_ptr_array_new_full (to - from, g_object_unref);

  for (guint i = from; i < to; i++)
    {
      AttPublishOutcome *outcome = take_outcome (answer, publish->ids[i]);

      if (outcome == NULL)
        outcome = att_publish_outcome_new_failed (publish->ids[i],
                                                  _ ("The server said nothing about this product"), 0);
      g_ptr_array_add (batch, outcome);
    }
  for (guint i = 0; i < answer->len; i++)
    g_debug ("french-label/publish answered for %s, which was not asked",
             att_publish_outcome_get_product_id (g_ptr_array_index (answer, i)));
  return batch;
}

static void send_publish_batch (GTask *task);

static void
on_publish_batch (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Publish *publish = g_task_get_task_data (task);
  guint    from = publish->next;
  guint    to = MIN (from + ATT_HIGG_LABEL_BATCH_SIZE, publish->n_ids);
  g_autoptr(GObject) carrier = NULL;
  g_autoptr(GPtrArray) batch = NULL;
  GError *error = NULL;

  carrier = att_higg_client_finish_call (ATT_HIGG_CLIENT (source_object), result,
                                         ATT_SOURCE_TAG (send_publish_batch), &error);
  if (carrier == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  batch = order_batch (publish, g_object_get_data (carrier, OUTCOMES_KEY), from, to);
  for (guint i = 0; i < batch->len; i++)
    g_ptr_array_add (publish->outcomes, g_object_ref (g_ptr_array_index (batch, i)));
  publish->next = to;
  if (publish->progress != NULL)
    publish->progress (batch, publish->next, publish->n_ids, publish->progress_data);

  if (publish->next < publish->n_ids)
    send_publish_batch (task);
  else
    g_task_return_pointer (task, g_ptr_array_ref (publish->outcomes), (GDestroyNotify) g_ptr_array_unref);
}

static void
send_publish_batch (GTask *task)
{
  Publish *publish = g_task_get_task_data (task);
  guint    to = MIN (publish->next + ATT_HIGG_LABEL_BATCH_SIZE, publish->n_ids);
  g_autoptr(JsonNode) body = build_ids_body ("productIds", (const char *const *) publish->ids, publish->next, to);
  Call *call = att_higg_client_call_new (ANSWER_OBJECT, G_TYPE_OBJECT, parse_publish, 0, 0, NULL);

  att_higg_client_call_set_read_error_body (call, TRUE);
  /* Not idempotent: a declaration sent twice is locked out the second time,
   * and the first answer would be lost. */
  att_higg_client_send_call (g_task_get_source_object (task), SOUP_METHOD_POST, "/french-label/publish", body,
                             FALSE, call, g_task_get_cancellable (task), on_publish_batch, g_object_ref (task),
                             ATT_SOURCE_TAG (send_publish_batch));
}

/**
 * att_higg_client_publish_french_labels_async:
 * @product_ids: (array zero-terminated=1): the products to declare to the
 *   French portal; an id given twice is sent once
 * @progress: (nullable) (scope notified): hears each batch's outcomes
 * @progress_data: (closure progress): for @progress
 * @progress_destroy: (nullable) (destroy progress_data): frees
 *   @progress_data when the call is over
 *
 * Publishes the products' eco-scores (`POST /french-label/publish`) in
 * batches of at most %ATT_HIGG_LABEL_BATCH_SIZE, one after the other.  A
 * batch answered 200, 207 or 400 with outcomes gives its outcomes; any
 * other failure ends the call with that error (the batches before it were
 * told to @progress).  Not retried.
 */
void
att_higg_client_publish_french_labels_async (AttHiggClient         *self,
                                             const char *const     *product_ids,
                                             AttPublishProgressFunc progress,
                                             gpointer               progress_data,
                                             GDestroyNotify         progress_destroy,
                                             GCancellable          *cancellable,
                                             GAsyncReadyCallback    callback,
                                             gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  Publish *publish;

  g_return_if_fail (ATT_IS_HIGG_CLIENT (self));
  g_return_if_fail (product_ids != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  publish = g_new0 (Publish, 1);
  publish->ids = unique_ids (product_ids);
  publish->n_ids = g_strv_length (publish->ids);
  publish->outcomes = g_ptr_array_new_with_free_func (g_object_unref);
  publish->progress = progress;
  publish->progress_data = progress_data;
  publish->progress_destroy = progress_destroy;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ATT_SOURCE_TAG (att_higg_client_publish_french_labels_async));
  g_task_set_task_data (task, publish, (GDestroyNotify) publish_free);

  if (publish->n_ids == 0)
    g_task_return_pointer (task, g_ptr_array_ref (publish->outcomes), (GDestroyNotify) g_ptr_array_unref);
  else
    send_publish_batch (task);
}

/**
 * att_higg_client_publish_french_labels_finish:
 *
 * Returns: (transfer full) (element-type AttPublishOutcome): an outcome per
 *   product, in the order asked, or %NULL with @error set
 */
GPtrArray *
att_higg_client_publish_french_labels_finish (AttHiggClient *self,
                                              GAsyncResult  *result,
                                              GError       **error)
{
  return att_higg_client_finish_call (self, result,
                                      ATT_SOURCE_TAG (att_higg_client_publish_french_labels_async), error);
}
