/* att-sandbox-closient.c: the AttSandboxClosient object: its API keys and
 * the settings tests change through POST /_sandbox/closient-limits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "att-sandbox-closient-private.h"
#include "att-sandbox-json.h"
#include "att-sandbox-request.h"

/* The documented defaults (api-closient.md §6). */
#define DEFAULT_PER_MINUTE     300
#define DEFAULT_PER_DAY        10000
#define DEFAULT_WINDOW_SECONDS 60

G_DEFINE_FINAL_TYPE (AttSandboxClosient, att_sandbox_closient, G_TYPE_OBJECT)

static const char *const key_prefixes[N_KEY_KINDS] = {
  [ATT_CLOSIENT_KEY_BUSINESS] = "csb",
  [ATT_CLOSIENT_KEY_USER] = "csu",
  [ATT_CLOSIENT_KEY_PUBLISHABLE] = "cpk",
};

static void
att_sandbox_closient_finalize (GObject *object)
{
  AttSandboxClosient *self = (AttSandboxClosient *) object;

  g_clear_object (&self->store);
  for (guint i = 0; i < N_KEY_KINDS; i++)
    g_clear_pointer (&self->keys[i], g_free);
  g_clear_pointer (&self->usage, g_hash_table_unref);

  G_OBJECT_CLASS (att_sandbox_closient_parent_class)->finalize (object);
}

static void
att_sandbox_closient_class_init (AttSandboxClosientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = att_sandbox_closient_finalize;
}

static void
att_sandbox_closient_init (AttSandboxClosient *self)
{
  self->usage = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->per_minute = DEFAULT_PER_MINUTE;
  self->per_day = DEFAULT_PER_DAY;
  self->window_seconds = DEFAULT_WINDOW_SECONDS;
  self->retry_after_header = TRUE;

  /* New keys on every start, as the Higg demo credentials are: a key
   * copied out of one session is refused by the next. */
  for (guint i = 0; i < N_KEY_KINDS; i++)
    self->keys[i] = _att_sandbox_closient_make_key (key_prefixes[i]);
}

/**
 * att_sandbox_closient_new:
 * @store: where the catalogue, products and assignments are kept
 *
 * Returns: (transfer full): the sandbox's Closient API
 */
AttSandboxClosient *
att_sandbox_closient_new (AttSandboxStore *store)
{
  AttSandboxClosient *self;

  g_return_val_if_fail (ATT_IS_SANDBOX_STORE (store), NULL);

  self = g_object_new (ATT_TYPE_SANDBOX_CLOSIENT, NULL);
  self->store = g_object_ref (store);
  return self;
}

/**
 * att_sandbox_closient_get_key:
 *
 * Returns: the key of @kind that the sandbox accepts (one of each)
 */
const char *
att_sandbox_closient_get_key (AttSandboxClosient *self,
                              AttClosientKeyKind  kind)
{
  g_return_val_if_fail (ATT_IS_SANDBOX_CLOSIENT (self), NULL);
  g_return_val_if_fail ((guint) kind < N_KEY_KINDS, NULL);

  return self->keys[kind];
}

/**
 * att_sandbox_closient_set_key:
 * @key: a well-formed Closient key (att_closient_key_check())
 *
 * Replaces the accepted key of @key's kind, for tests that need a fixed
 * one.
 */
void
att_sandbox_closient_set_key (AttSandboxClosient *self,
                              const char         *key)
{
  AttClosientKeyKind kind;

  g_return_if_fail (ATT_IS_SANDBOX_CLOSIENT (self));
  g_return_if_fail (att_closient_key_check (key, &kind, NULL));

  g_free (self->keys[kind]);
  self->keys[kind] = g_strdup (key);
}

/* Settings ---------------------------------------------------------------- */

/* A whole number in [@min, @max] at @key, or an error on @key. */
static void
check_count (JsonObject *settings,
             const char *key,
             guint       min,
             guint       max,
             GPtrArray  *errors)
{
  JsonNode *node = json_object_get_member (settings, key);
  double    value = att_sandbox_json_number (settings, key, -1);

  if (node == NULL)
    return;
  if (value < min || value > max || value != (double) (gint64) value)
    {
      /* Translators: %u and %u are the smallest and largest values. */
      g_autofree char *message = g_strdup_printf (_ ("Expected a whole number from %u to %u"), min, max);

      att_sandbox_add_error (errors, key, message);
    }
}

static void
check_boolean (JsonObject *settings,
               const char *key,
               GPtrArray  *errors)
{
  JsonNode *node = json_object_get_member (settings, key);

  if (node != NULL && (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN))
    att_sandbox_add_error (errors, key, _ ("Expected true or false"));
}

static void
check_settings (JsonObject *settings,
                GPtrArray  *errors)
{
  JsonNode   *shape = json_object_get_member (settings, "errorShape");
  const char *shape_text = att_sandbox_json_string (settings, "errorShape");

  check_count (settings, "perMinute", 1, 1000000, errors);
  check_count (settings, "perDay", 1, 100000000, errors);
  check_count (settings, "windowSeconds", 1, 86400, errors);
  check_boolean (settings, "retryAfterHeader", errors);
  check_boolean (settings, "readOnlyKeys", errors);
  if (shape != NULL && !JSON_NODE_HOLDS_NULL (shape) &&
      g_strcmp0 (shape_text, "A") != 0 && g_strcmp0 (shape_text, "B") != 0)
    att_sandbox_add_error (errors, "errorShape", _ ("Expected “A”, “B” or null"));
}

/**
 * att_sandbox_closient_configure:
 * @settings: `{perMinute, perDay, windowSeconds, retryAfterHeader,
 *   errorShape, readOnlyKeys}`, each optional (absent: unchanged)
 * @field_errors: where the problems go (#AttFieldError)
 *
 * Changes the rate limits and the other test settings, all or none, and
 * starts new rate-limit windows for every key.
 *
 * Returns: %FALSE, changing nothing, if a setting is not valid
 */
gboolean
att_sandbox_closient_configure (AttSandboxClosient *self,
                                JsonObject         *settings,
                                GPtrArray          *field_errors)
{
  const char *shape;

  g_return_val_if_fail (ATT_IS_SANDBOX_CLOSIENT (self), FALSE);
  g_return_val_if_fail (settings != NULL && field_errors != NULL, FALSE);

  check_settings (settings, field_errors);
  if (field_errors->len > 0)
    return FALSE;

  self->per_minute = (guint) att_sandbox_json_number (settings, "perMinute", self->per_minute);
  self->per_day = (guint) att_sandbox_json_number (settings, "perDay", self->per_day);
  self->window_seconds = (guint) att_sandbox_json_number (settings, "windowSeconds", self->window_seconds);
  self->retry_after_header = att_sandbox_json_boolean (settings, "retryAfterHeader", self->retry_after_header);
  self->read_only_keys = att_sandbox_json_boolean (settings, "readOnlyKeys", self->read_only_keys);
  if (json_object_has_member (settings, "errorShape"))
    {
      shape = att_sandbox_json_string (settings, "errorShape");
      self->error_shape = shape != NULL ? shape[0] : 0;
    }

  _att_sandbox_closient_limits_reset (self);
  return TRUE;
}

/**
 * att_sandbox_closient_get_settings:
 *
 * Returns: (transfer full): the current settings, as
 *   att_sandbox_closient_configure() takes them
 */
JsonObject *
att_sandbox_closient_get_settings (AttSandboxClosient *self)
{
  JsonObject *settings = json_object_new ();
  char        shape[2] = { self->error_shape, '\0' };

  g_return_val_if_fail (ATT_IS_SANDBOX_CLOSIENT (self), NULL);

  json_object_set_int_member (settings, "perMinute", self->per_minute);
  json_object_set_int_member (settings, "perDay", self->per_day);
  json_object_set_int_member (settings, "windowSeconds", self->window_seconds);
  json_object_set_boolean_member (settings, "retryAfterHeader", self->retry_after_header);
  if (self->error_shape != 0)
    json_object_set_string_member (settings, "errorShape", shape);
  else
    json_object_set_null_member (settings, "errorShape");
  json_object_set_boolean_member (settings, "readOnlyKeys", self->read_only_keys);
  return settings;
}
