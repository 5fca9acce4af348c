/* att-sandbox-closient-seed-assignments.c: the demo products' Closient
 * records and their certification assignments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "att-sandbox-closient-seed.h"
#include "att-sandbox-json.h"
#include "att-sandbox-seed.h"
#include "att-sandbox-util.h"

/*
 * Every PIC demo product with a GTIN is on Closient, except two (so that
 * the app shows "not on Closient"), with one to six certifications that
 * suit it (organic cotton gets GOTS and OCS, recycled fibres GRS, wool RWS,
 * and so on, then social programmes).  The assignments go round the
 * states a manager meets, so every list shows several: active and
 * verified, active but unverified, expired by date, not yet valid, with no
 * dates at all, and expiring within the month; some with metadata and
 * countries, some without.
 */

#define DEMO_BRAND "Attest Demo Brand"

/* Demo products that Closient does not know: their GTINs answer 404. */
static const guint unknown_products[] = { 6, 11 };

typedef enum {
  ACTIVE_VERIFIED,
  ACTIVE_UNVERIFIED,
  EXPIRED,
  NOT_YET_VALID,
  NO_BOUNDS,
  EXPIRING_SOON,
  N_STATES
} DemoState;

/* Certifications (by code) that suit a product whose name has one of the
 * words. */
static const struct
{
  const char *words;
  const char *codes;
} rules[] = {
  { "Organic", "GOTS OCS OEKO_TEX_STANDARD_100 USDA_ORGANIC FAIRTRADE_COTTON" },
  { "Recycled", "GRS RCS OEKO_TEX_STANDARD_100 BLUESIGN_PRODUCT" },
  { "Merino Wool Lambswool Cashmere", "RWS OEKO_TEX_STANDARD_100 NORDIC_SWAN" },
  { "Down", "RDS BLUESIGN_PRODUCT" },
  { "Alpaca", "RAS" },
  { "Mohair", "RMS" },
  { "Lyocell Viscose", "FSC_COC EU_ECOLABEL OEKO_TEX_STANDARD_100" },
  { "Linen Hemp", "EU_ECOLABEL OEKO_TEX_STANDARD_100" },
  { "Leather Suede Boots Loafers Sneakers", "LWG OEKO_TEX_LEATHER_STANDARD" },
  { "Cork Rubber", "FSC_COC PEFC_COC" },
  { "Denim Jeans", "CCS OEKO_TEX_MADE_IN_GREEN" },
  { "Towel Duvet Sheet Pillowcase Blanket Tablecloth Curtain Throw Rug", "OEKO_TEX_MADE_IN_GREEN NORDIC_SWAN EU_ECOLABEL" },
  { "Rain Tent Backpack Sleeping Hiking Running Trail Performance", "BLUESIGN_PRODUCT" },
};

/* Programmes any product may carry, after those that suit it; "" is the
 * demo brand's own (uncoded) supplier programme. */
static const char *const social_codes[] = {
  "SA8000",
  "",
  "WRAP",
  "FAIR_TRADE_USA",
  "B_CORP",
  "OEKO_TEX_STANDARD_100",
  "ISO_14001",
  "TUV_GREEN_PRODUCT",
};

static const char *const country_sets[] = { "IN BD", "", "PT", "TR PT IT", "", "VN", "CN", "FR" };

static const struct
{
  const char *code;
  const char *value;
} values[] = {
  { "GOTS", "organic" },
  { "OCS", "OCS 100" },
  { "GRS", "Recycled content 88%" },
  { "LWG", "Gold" },
  { "C2C_CERTIFIED", "Gold" },
  { "B_CORP", "B Impact Score 96.2" },
  { "USDA_ORGANIC", "100% Organic" },
};

gboolean
att_sandbox_closient_seed_has_product (guint demo_index)
{
  for (guint i = 0; i < G_N_ELEMENTS (unknown_products); i++)
    if (unknown_products[i] == demo_index)
      return FALSE;
  return demo_index < att_sandbox_seed_demo_count ();
}

/* Seeding ------------------------------------------------------------------- */

typedef struct
{
  AttSandboxStore *store;
  GDate           *today;
  guint            counter;   /* assignments so far: picks the next state */
  GHashTable      *catalogue; /* id -> JsonObject, as looked up */
} Seeder;

static char *
certification_id (const char *code)
{
  g_autofree char *name = g_strconcat ("certification:", *code != '\0' ? code : DEMO_BRAND " Supplier Code of Conduct",
                                       NULL);

  return att_sandbox_closient_seed_id (name);
}

static void
add_codes (GPtrArray  *codes,
           const char *list)
{
  g_auto(GStrv) split = g_strsplit (list, " ", -1);

  for (guint i = 0; split[i] != NULL; i++)
    if (!g_ptr_array_find_with_equal_func (codes, split[i], g_str_equal, NULL))
      g_ptr_array_add (codes, g_strdup (split[i]));
}

/* The codes of the certifications of product @name: those that suit it,
 * then social programmes, @n in all. */
static GPtrArray *
codes_for (const char *name,
           guint       n,
           guint64     hash)
{
  GPtrArray *codes = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_auto(GStrv) words = g_strsplit (rules[i].words, " ", -1);

      for (guint j = 0; words[j] != NULL; j++)
        if (strstr (name, words[j]) != NULL)
          {
            add_codes (codes, rules[i].codes);
            break;
          }
    }
  for (guint i = 0; i < G_N_ELEMENTS (social_codes); i++)
    {
      const char *code = social_codes[(hash + i) % G_N_ELEMENTS (social_codes)];

      if (!g_ptr_array_find_with_equal_func (codes, code, g_str_equal, NULL))
        g_ptr_array_add (codes, g_strdup (code));
    }
  g_ptr_array_set_size (codes, MIN (n, codes->len));
  return codes;
}

static void
set_date (JsonObject *state,
          const char *name,
          GDate      *today,
          int         days)
{
  GDate date = *today;
  char  text[11];

  if (days >= 0)
    g_date_add_days (&date, (guint) days);
  else
    g_date_subtract_days (&date, (guint) -days);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &date);
  json_object_set_string_member (state, name, text);
}

/* The window of @kind: start and end in days from today (G_MININT for
 * none), and the verification status. */
static const char *
window_of (DemoState kind,
           int       jitter,
           int      *out_from,
           int      *out_until)
{
  static const struct
  {
    int         from, until;
    const char *status;
  } windows[N_STATES] = {
    [ACTIVE_VERIFIED] = { -200, 500, "verified" },
    [ACTIVE_UNVERIFIED] = { -40, 325, "unverified" },
    [EXPIRED] = { -600, -35, "expired" },
    [NOT_YET_VALID] = { 30, 395, "unverified" },
    [NO_BOUNDS] = { G_MININT, G_MININT, "verified" },
    [EXPIRING_SOON] = { -340, 25, "verified" },
  };

  *out_from = windows[kind].from == G_MININT ? G_MININT : windows[kind].from - jitter;
  *out_until = windows[kind].until == G_MININT ? G_MININT : windows[kind].until + (kind == EXPIRING_SOON ? 0 : jitter);
  return windows[kind].status;
}

static JsonObject *
metadata_of (DemoState   kind,
             const char *number)
{
  JsonObject *metadata = json_object_new ();

  if (kind == ACTIVE_VERIFIED)
    {
      json_object_set_string_member (metadata, "supplier_id", "SUP-0042");
      json_object_set_string_member (metadata, "transaction_certificate", number);
    }
  else if (kind == EXPIRING_SOON)
    {
      json_object_set_string_member (metadata, "renewal_owner", "Compliance team");
      json_object_set_string_member (metadata, "renewal_ticket", "CMP-1187");
    }
  else if (kind == NOT_YET_VALID)
    json_object_set_string_member (metadata, "note", "Certificate issued ahead of the new season");
  return metadata;
}

static void
set_countries (JsonObject *state,
               guint       index)
{
  g_auto(GStrv) codes = g_strsplit (country_sets[index % G_N_ELEMENTS (country_sets)], " ", -1);
  JsonArray *array = json_array_new ();

  for (guint i = 0; codes[i] != NULL; i++)
    if (*codes[i] != '\0')
      json_array_add_string_element (array, codes[i]);
  json_object_set_array_member (state, "certificate_countries", array);
}

static const char *
value_of (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    if (g_str_equal (values[i].code, code))
      return values[i].value;
  return "";
}

/* The state of the @counter-th assignment, of certification @code (whose
 * body is @body_name) to @product_name. */
static JsonObject *
make_state (Seeder     *seeder,
            const char *code,
            const char *body_name,
            const char *product_name)
{
  DemoState        kind = seeder->counter % N_STATES;
  guint64          hash = att_sandbox_hash_string (product_name, att_sandbox_hash_string (code, seeder->counter));
  g_autofree char *number = g_strdup_printf ("%s-%06u", *code != '\0' ? code : "ADB", (guint) (hash % 1000000));
  g_autofree char *url = NULL;
  JsonObject      *state = json_object_new ();
  const char      *status;
  int              from, until;

  g_strdelimit (number, "_", '-');
  status = window_of (kind, (int) (hash % 60), &from, &until);
  if (from != G_MININT)
    {
      set_date (state, "valid_from", seeder->today, from);
      set_date (state, "audit_date", seeder->today, from - 20);
      set_date (state, "initial_certification_date", seeder->today, from - (int) (hash % 3) * 365);
    }
  if (until != G_MININT)
    {
      set_date (state, "expiration_date", seeder->today, until);
      set_date (state, "expiry_date", seeder->today, until);
    }
  url = g_str_equal (status, "verified") ? g_strconcat ("https://registry.example.org/certificates/", number, NULL) : NULL;
  json_object_set_string_member (state, "certificate_number", number);
  json_object_set_string_member (state, "issuing_body", body_name != NULL ? body_name : "");
  json_object_set_string_member (state, "verification_url", url != NULL ? url : "");
  json_object_set_string_member (state, "verification_status", status);
  json_object_set_string_member (state, "scope", kind == NO_BOUNDS ? "" : "All colourways and sizes of this style");
  json_object_set_string_member (state, "certification_value", value_of (code));
  set_countries (state, seeder->counter);
  json_object_set_object_member (state, "metadata", metadata_of (kind, number));
  seeder->counter++;
  return state;
}

/* The body's name of the certification @id, looked up once. */
static const char *
body_name_of (Seeder     *seeder,
              const char *id,
              GError    **error)
{
  JsonObject *certification = g_hash_table_lookup (seeder->catalogue, id);

  if (certification == NULL)
    {
      certification = att_sandbox_store_get_closient_certification (seeder->store, id, error);
      if (certification == NULL)
        return NULL;
      g_hash_table_insert (seeder->catalogue, g_strdup (id), certification);
    }
  return att_sandbox_json_string (certification, "certification_body_name");
}

static gboolean
seed_assignment (Seeder     *seeder,
                 const char *gtin,
                 const char *code,
                 const char *id,
                 const char *product_name,
                 GError    **error)
{
  g_autoptr(JsonObject) state = NULL;
  const char *body_name = body_name_of (seeder, id, error);
  gboolean    found = FALSE;

  if (body_name == NULL && error != NULL && *error != NULL)
    return FALSE;
  state = make_state (seeder, code, body_name, product_name);
  if (!att_sandbox_store_put_closient_assignment (seeder->store, gtin, id, state, &found, error))
    return FALSE;
  if (!found)
    g_warning ("The demo certification %s is not in the catalogue", *code != '\0' ? code : "(uncoded)");
  return TRUE;
}

static gboolean
seed_product (Seeder     *seeder,
              const char *gtin,
              const char *name,
              const char *description,
              GError    **error)
{
  g_autoptr(JsonObject) product = json_object_new ();

  json_object_set_string_member (product, "gtin", gtin);
  json_object_set_string_member (product, "product_name", name);
  json_object_set_string_member (product, "brand", DEMO_BRAND);
  json_object_set_string_member (product, "manufacturer", DEMO_BRAND " Sourcing Ltd");
  json_object_set_null_member (product, "image_url");
  json_object_set_string_member (product, "description", description);
  json_object_set_boolean_member (product, "is_claimed", TRUE);
  return att_sandbox_store_insert_closient_product (seeder->store, product, error);
}

static gboolean
seed_demo_product (Seeder  *seeder,
                   guint    index,
                   GError **error)
{
  g_autofree char *gtin13 = att_sandbox_seed_demo_gtin (index);
  g_autofree char *gtin = NULL;
  g_autoptr(GPtrArray) codes = NULL;
  const char *name = att_sandbox_seed_demo_name (index);
  guint64     hash;

  if (gtin13 == NULL || !att_sandbox_closient_seed_has_product (index))
    return TRUE;

  gtin = g_strconcat ("0", gtin13, NULL);
  hash = att_sandbox_hash_string (gtin, 0xc105);
  codes = codes_for (name, 1 + (guint) (hash % 6), hash);
  if (!seed_product (seeder, gtin, name, "One of the Attest demo catalogue's products.", error))
    return FALSE;

  for (guint i = 0; i < codes->len; i++)
    {
      g_autofree char *id = certification_id (codes->pdata[i]);

      if (!seed_assignment (seeder, gtin, codes->pdata[i], id, name, error))
        return FALSE;
    }
  return TRUE;
}

/* Products whose GTINs are shorter than 13 digits: a GTIN-8 (small
 * packs) and a GTIN-12 (North America). */
static gboolean
seed_short_products (Seeder  *seeder,
                     GError **error)
{
  static const struct
  {
    const char *gtin;
    const char *name;
    const char *codes;
  } products[] = {
    { ATT_SANDBOX_CLOSIENT_GTIN8, "Organic Cotton Handkerchief", "GOTS OEKO_TEX_STANDARD_100" },
    { ATT_SANDBOX_CLOSIENT_GTIN12, "Recycled Cotton Tote Bag", "GRS FAIR_TRADE_USA SA8000" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (products); i++)
    {
      g_auto(GStrv) codes = g_strsplit (products[i].codes, " ", -1);

      if (!seed_product (seeder, products[i].gtin, products[i].name,
                         "A small accessory of the demo brand, only on Closient.", error))
        return FALSE;
      for (guint j = 0; codes[j] != NULL; j++)
        {
          g_autofree char *id = certification_id (codes[j]);

          if (!seed_assignment (seeder, products[i].gtin, codes[j], id, products[i].name, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* The long list: every certification of the catalogue. */
static gboolean
seed_long_product (Seeder  *seeder,
                   GError **error)
{
  AttSandboxClosientCatalogueQuery query = { .page = { 0, G_MAXUINT } };
  const char                      *name = "Mixed Apparel Sample Case";
  g_autoptr(GPtrArray) certifications = NULL;
  gint64 total;

  if (!seed_product (seeder, ATT_SANDBOX_CLOSIENT_LONG_GTIN, name,
                     "A case of samples from every certified line, only on Closient.", error) ||
      !att_sandbox_store_search_closient_certifications (seeder->store, &query, &total, &certifications, error))
    return FALSE;

  g_warn_if_fail (certifications->len == ATT_SANDBOX_CLOSIENT_LONG_LENGTH);
  for (guint i = 0; i < certifications->len; i++)
    {
      JsonObject *certification = g_ptr_array_index (certifications, i);

      if (!seed_assignment (seeder, ATT_SANDBOX_CLOSIENT_LONG_GTIN, att_sandbox_json_string (certification, "code"),
                            att_sandbox_json_string (certification, "id"), name, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * att_sandbox_closient_seed_assignments:
 * @now_ms: the time of seeding: dates are relative to its day (UTC)
 *
 * Adds the demo products' Closient records and assignments; the catalogue
 * must be there already.
 */
gboolean
att_sandbox_closient_seed_assignments (AttSandboxStore *store,
                                       gint64           now_ms,
                                       GError         **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (now_ms / 1000);
  g_autoptr(GHashTable) catalogue = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                            (GDestroyNotify) json_object_unref);
  g_autoptr(GDate) today = g_date_new_dmy ((GDateDay) g_date_time_get_day_of_month (now),
                                            (GDateMonth) g_date_time_get_month (now),
                                            (GDateYear) g_date_time_get_year (now));
  Seeder seeder = { store, today, 0, catalogue };

  for (guint i = 0; i < att_sandbox_seed_demo_count (); i++)
    if (!seed_demo_product (&seeder, i, error))
      return FALSE;
  return seed_short_products (&seeder, error) && seed_long_product (&seeder, error);
}
