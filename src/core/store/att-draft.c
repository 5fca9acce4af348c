/* att-draft.c: the unsaved state of one editor, as kept on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-draft.h"

/* A draft says which object an editor was editing (kind, account, object
 * id; the id is empty for an object not created yet), holds the editor's
 * state as JSON that only the editor understands, when it was written,
 * and why the last save to the server failed, if it did, so that the
 * editor can show the error and a Retry after a restart. */
struct _AttDraft
{
  GObject   parent_instance;

  char     *kind;
  char     *account_id;
  char     *object_id;
  JsonNode *payload;
  gint64    saved_at;
  char     *save_error;
};

G_DEFINE_FINAL_TYPE (AttDraft, att_draft, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_ACCOUNT_ID,
  PROP_OBJECT_ID,
  PROP_PAYLOAD,
  PROP_SAVED_AT,
  PROP_SAVE_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
att_draft_finalize (GObject *object)
{
  AttDraft *self = ATT_DRAFT (object);

  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->account_id, g_free);
  g_clear_pointer (&self->object_id, g_free);
  g_clear_pointer (&self->payload, json_node_unref);
  g_clear_pointer (&self->save_error, g_free);

  G_OBJECT_CLASS (att_draft_parent_class)->finalize (object);
}

static void
att_draft_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  AttDraft *self = ATT_DRAFT (object);

  switch (prop_id)
    {
    case PROP_KIND: g_value_set_string (value, self->kind); break;
    case PROP_ACCOUNT_ID: g_value_set_string (value, self->account_id); break;
    case PROP_OBJECT_ID: g_value_set_string (value, self->object_id); break;
    case PROP_PAYLOAD: g_value_set_boxed (value, self->payload); break;
    case PROP_SAVED_AT: g_value_set_int64 (value, self->saved_at); break;
    case PROP_SAVE_ERROR: g_value_set_string (value, self->save_error); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_draft_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  AttDraft *self = ATT_DRAFT (object);

  switch (prop_id)
    {
    case PROP_KIND: self->kind = g_value_dup_string (value); break;
    case PROP_ACCOUNT_ID: self->account_id = g_value_dup_string (value); break;
    case PROP_OBJECT_ID: self->object_id = g_value_dup_string (value); break;
    case PROP_PAYLOAD: att_draft_set_payload (self, g_value_get_boxed (value)); break;
    case PROP_SAVED_AT: att_draft_set_saved_at (self, g_value_get_int64 (value)); break;
    case PROP_SAVE_ERROR: att_draft_set_save_error (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_draft_class_init (AttDraftClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags   construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  GParamFlags   rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = att_draft_finalize;
  object_class->get_property = att_draft_get_property;
  object_class->set_property = att_draft_set_property;

  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, construct);
  properties[PROP_ACCOUNT_ID] = g_param_spec_string ("account-id", NULL, NULL, NULL, construct);
  /* Empty for an object that does not exist on the server yet. */
  properties[PROP_OBJECT_ID] = g_param_spec_string ("object-id", NULL, NULL, "", construct);
  properties[PROP_PAYLOAD] = g_param_spec_boxed ("payload", NULL, NULL, JSON_TYPE_NODE, rw);
  /* Wall-clock microseconds since 1970 (g_get_real_time()); 0 = never. */
  properties[PROP_SAVED_AT] = g_param_spec_int64 ("saved-at", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_SAVE_ERROR] = g_param_spec_string ("save-error", NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
att_draft_init (AttDraft *self)
{
}

/**
 * att_draft_new:
 * @kind: what the editor edits, e.g. "higg-product"
 * @account_id: the account the object belongs to
 * @object_id: (nullable): the object's id, %NULL or "" for a new object
 * @payload: (nullable): the editor's state (a reference is taken)
 *
 * Returns: (transfer full): a new draft, never saved
 */
AttDraft *
att_draft_new (const char *kind,
               const char *account_id,
               const char *object_id,
               JsonNode   *payload)
{
  g_return_val_if_fail (kind != NULL && *kind != '\0', NULL);
  g_return_val_if_fail (account_id != NULL && *account_id != '\0', NULL);

  return g_object_new (ATT_TYPE_DRAFT,
                       "kind", kind,
                       "account-id", account_id,
                       "object-id", object_id != NULL ? object_id : "",
                       "payload", payload,
                       NULL);
}

const char *
att_draft_get_kind (AttDraft *self)
{
  g_return_val_if_fail (ATT_IS_DRAFT (self), NULL);

  return self->kind;
}

const char *
att_draft_get_account_id (AttDraft *self)
{
  g_return_val_if_fail (ATT_IS_DRAFT (self), NULL);

  return self->account_id;
}

const char *
att_draft_get_object_id (AttDraft *self)
{
  g_return_val_if_fail (ATT_IS_DRAFT (self), NULL);

  return self->object_id;
}

/**
 * att_draft_get_payload:
 *
 * Returns: (transfer none) (nullable): the editor's state
 */
JsonNode *
att_draft_get_payload (AttDraft *self)
{
  g_return_val_if_fail (ATT_IS_DRAFT (self), NULL);

  return self->payload;
}

/**
 * att_draft_set_payload:
 * @payload: (nullable): the editor's state; a reference is taken, not a
 *   copy, so the caller must not change it afterwards
 */
void
att_draft_set_payload (AttDraft *self,
                       JsonNode *payload)
{
  g_return_if_fail (ATT_IS_DRAFT (self));

  if (payload == self->payload)
    return;

  g_clear_pointer (&self->payload, json_node_unref);
  self->payload = payload != NULL ? json_node_ref (payload) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAYLOAD]);
}

gint64
att_draft_get_saved_at (AttDraft *self)
{
  g_return_val_if_fail (ATT_IS_DRAFT (self), 0);

  return self->saved_at;
}

void
att_draft_set_saved_at (AttDraft *self,
                        gint64    saved_at)
{
  g_return_if_fail (ATT_IS_DRAFT (self));

  if (saved_at == self->saved_at)
    return;

  self->saved_at = saved_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVED_AT]);
}

/**
 * att_draft_get_save_error:
 *
 * Returns: (nullable): why the last save to the server failed, or %NULL
 */
const char *
att_draft_get_save_error (AttDraft *self)
{
  g_return_val_if_fail (ATT_IS_DRAFT (self), NULL);

  return self->save_error;
}

void
att_draft_set_save_error (AttDraft   *self,
                          const char *message)
{
  g_return_if_fail (ATT_IS_DRAFT (self));

  if (g_strcmp0 (message, self->save_error) == 0)
    return;

  g_free (self->save_error);
  self->save_error = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVE_ERROR]);
}
