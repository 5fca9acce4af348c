/* att-sandbox-closient-seed.c: the demo's Closient catalogue (bodies,
 * certifications and their logos) and the entry point of its seeding
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-shortuuid.h"

#include "att-sandbox-closient-logo.h"
#include "att-sandbox-closient-seed.h"
#include "att-sandbox-json.h"
#include "att-sandbox-seed.h"
#include "att-sandbox-util.h"

/*
 * The catalogue comes from data/catalogue/closient.json (real, public
 * certification programmes and bodies; the descriptions are ours), plus a
 * few organisation-private certifications of the demo brand (no code, as
 * Closient has them), which the demo product with sixty certifications
 * needs.  Ids are shortuuids of UUIDs derived from each record's name, so
 * they are the same on every start and every machine.
 *
 * Like the Product Module's demo, all of it is seeded once per store (the
 * assignments' dates are relative to that day): a store seeded again
 * keeps what was patched and deleted since.  The logos are drawn when
 * first asked for (att-sandbox-closient-logo.c): drawing the 34 of them
 * here took about 100 ms of every start.
 */

#define RESOURCE   "/io/github/attestapp/Attest/sandbox/closient.json"
#define SEEDED_KEY "closient-demo"

/* Organisation-private certifications, for the demo's long list. */
#define N_PRIVATE 28

/**
 * att_sandbox_closient_seed_id:
 * @name: what the record is, e.g. "certification:GOTS"
 *
 * Returns: (transfer full): a stable 22-character id for @name: the
 *   shortuuid of a version 4 UUID made from its hash
 */
char *
att_sandbox_closient_seed_id (const char *name)
{
  guint64          high = att_sandbox_hash_string (name, 1);
  guint64          low = att_sandbox_hash_string (name, 2);
  g_autofree char *uuid = NULL;
  char            *id;

  high = (high & ~G_GUINT64_CONSTANT (0xf000)) | G_GUINT64_CONSTANT (0x4000);
  low = (low & ~(G_GUINT64_CONSTANT (0xc) << 60)) | (G_GUINT64_CONSTANT (0x8) << 60);
  uuid = g_strdup_printf ("%08x-%04x-%04x-%04x-%012" G_GINT64_MODIFIER "x",
                          (guint) (high >> 32), (guint) ((high >> 16) & 0xffff), (guint) (high & 0xffff),
                          (guint) (low >> 48), low & G_GUINT64_CONSTANT (0xffffffffffff));
  id = att_shortuuid_from_uuid (uuid, NULL);
  g_assert (id != NULL);
  return id;
}

static JsonObject *
load_catalogue (GError **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);

  if (bytes == NULL)
    return NULL;
  return att_sandbox_json_parse_object (g_bytes_get_data (bytes, NULL), error);
}

/* Stores the logo of a catalogue record, if it has one, to be drawn when
 * first asked for, and sets the record's `logo` key (or null). */
static gboolean
seed_logo (AttSandboxStore *store,
           JsonObject      *record,
           JsonObject      *spec,
           const char      *key,
           GError         **error)
{
  JsonObject *logo = att_sandbox_json_object (spec, "logo");
  double      rgb[3];

  if (logo == NULL ||
      !att_sandbox_closient_logo_parse_colour (att_sandbox_json_string (logo, "colour"), rgb))
    {
      json_object_set_null_member (record, "logo");
      return TRUE;
    }

  json_object_set_string_member (record, "logo", key);
  return att_sandbox_store_insert_closient_logo (store, key, logo, error);
}

static void
copy_strings (JsonObject        *to,
              JsonObject        *from,
              const char *const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *value = att_sandbox_json_string (from, names[i]);

      json_object_set_string_member (to, names[i], value != NULL ? value : "");
    }
}

/* Stores the bodies; @ids gets each body's key -> id. */
static gboolean
seed_bodies (AttSandboxStore *store,
             JsonArray       *bodies,
             GHashTable      *ids,
             GError         **error)
{
  static const char *const strings[] = { "name", "website", "description", NULL };

  for (guint i = 0; i < json_array_get_length (bodies); i++)
    {
      JsonObject      *spec = att_sandbox_json_element_object (bodies, i);
      const char      *key = att_sandbox_json_string (spec, "key");
      g_autofree char *name = g_strconcat ("body:", key, NULL);
      g_autofree char *logo = g_strconcat ("body-", key, NULL);
      g_autoptr(JsonObject) record = json_object_new ();
      char *id = att_sandbox_closient_seed_id (name);

      g_hash_table_insert (ids, g_strdup (key), id);
      json_object_set_string_member (record, "id", id);
      copy_strings (record, spec, strings);
      if (!seed_logo (store, record, spec, logo, error) ||
          !att_sandbox_store_insert_closient_body (store, record, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
seed_certification (AttSandboxStore *store,
                    JsonObject      *spec,
                    GHashTable      *body_ids,
                    GError         **error)
{
  static const char *const strings[] = { "label", "code", "description", "url", "program", "standard", NULL };
  const char              *code = att_sandbox_json_string (spec, "code");
  g_autofree char         *name = g_strconcat ("certification:", *code != '\0' ? code : att_sandbox_json_string (spec, "label"), NULL);
  g_autofree char         *id = att_sandbox_closient_seed_id (name);
  g_autoptr(JsonObject) record = json_object_new ();

  json_object_set_string_member (record, "id", id);
  copy_strings (record, spec, strings);
  json_object_set_string_member (record, "body_id",
                                 g_hash_table_lookup (body_ids, att_sandbox_json_string (spec, "body")));
  return seed_logo (store, record, spec, code, error) &&
         att_sandbox_store_insert_closient_certification (store, record, error);
}

/* The demo brand's mills, each with its own private certification. */
static gboolean
seed_private (AttSandboxStore *store,
              GHashTable      *body_ids,
              GError         **error)
{
  for (guint i = 1; i <= N_PRIVATE; i++)
    {
      g_autoptr(JsonObject) spec = json_object_new ();
      g_autofree char *label = g_strdup_printf ("Attest Demo Brand Facility Audit – Mill %02u", i);

      json_object_set_string_member (spec, "code", "");
      json_object_set_string_member (spec, "label", label);
      json_object_set_string_member (spec, "body", "bureau-veritas");
      json_object_set_string_member (spec, "program", "Attest Demo Brand");
      json_object_set_string_member (spec, "standard", "Supplier Code of Conduct, 2024 edition");
      json_object_set_string_member (spec, "description",
                                     "An audit of one of the demo brand's mills against its own code "
                                     "of conduct: an organisation-private certification.");
      if (!seed_certification (store, spec, body_ids, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
seed_catalogue (AttSandboxStore *store,
                GError         **error)
{
  g_autoptr(JsonObject) catalogue = load_catalogue (error);
  g_autoptr(GHashTable) body_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonArray *certifications;

  if (catalogue == NULL ||
      !seed_bodies (store, att_sandbox_json_array (catalogue, "bodies"), body_ids, error))
    return FALSE;

  certifications = att_sandbox_json_array (catalogue, "certifications");
  for (guint i = 0; i < json_array_get_length (certifications); i++)
    if (!seed_certification (store, att_sandbox_json_element_object (certifications, i), body_ids, error))
      return FALSE;
  return seed_private (store, body_ids, error);
}

/**
 * att_sandbox_seed_closient_demo:
 * @now_ms: the time of seeding, Unix milliseconds: the assignments' dates
 *   are relative to its day
 *
 * Adds the Closient catalogue, the demo products' Closient records and
 * their assignments, once per store.
 */
gboolean
att_sandbox_seed_closient_demo (AttSandboxStore *store,
                                gint64           now_ms,
                                GError         **error)
{
  g_autofree char *seeded = NULL;

  g_return_val_if_fail (ATT_IS_SANDBOX_STORE (store), FALSE);

  seeded = att_sandbox_store_get_meta (store, SEEDED_KEY);
  if (seeded != NULL)
    return TRUE;

  if (!att_sandbox_store_begin (store, error))
    return FALSE;
  if (!seed_catalogue (store, error) ||
      !att_sandbox_closient_seed_assignments (store, now_ms, error) ||
      !att_sandbox_store_set_meta (store, SEEDED_KEY, "1", error))
    {
      att_sandbox_store_rollback (store);
      return FALSE;
    }
  return att_sandbox_store_commit (store, error);
}
