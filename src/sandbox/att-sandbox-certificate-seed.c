/* att-sandbox-certificate-seed.c: the demo's Product Module products and
 * certificates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "att-sandbox-assertion.h"
#include "att-sandbox-certificate-image.h"
#include "att-sandbox-seed.h"
#include "att-sandbox-util.h"

/*
 * The Product Module holds the same catalogue as the PIC demo: one PM
 * product per demo product, with the demo product's GTIN as its barcode
 * (none for the products identified by a SKU, whose style number is that
 * SKU), so that the app can match the two by barcode, then by style
 * number.  A few PM products have no PIC counterpart, as in a real
 * account where the two modules drift apart.
 *
 * The certificates cover every status on the day the store is seeded
 * (valid, expiring within 60 days, expired), so their dates are relative
 * to that day.  They are seeded once per store, with the PM products: a
 * store that is seeded again (`--seed demo` on every start) keeps its
 * certificates, their dates and whatever was attached or detached since.
 */

#define PM_ID_HIGH          0x706d3030 /* "pm00" */
#define CERTIFICATE_ID_HIGH 0x63657274 /* "cert" */
#define DAY_MS              G_GINT64_CONSTANT (86400000)
#define YEAR_DAYS           365

/* The demo account's short id, `sacId` in PM answers. */
#define DEMO_SAC_ID 52817

#define SEEDED_KEY "pm-demo"

typedef struct
{
  const char *name;
  const char *product_type;
  const char *style_number;
  guint64     barcode; /* the first 12 digits of a GTIN-13 no PIC product has */
} UnmatchedProduct;

static const UnmatchedProduct unmatched_products[] = {
  { "Mohair Blend Throw", "HomeTextiles", "PM-LEG-0001", G_GUINT64_CONSTANT (501234567801) },
  { "Heritage Canvas Tote Bag", "Other", "PM-LEG-0002", G_GUINT64_CONSTANT (501234567802) },
  { "Archive Organic Cotton Cap", "Apparel", "PM-LEG-0003", G_GUINT64_CONSTANT (501234567803) },
  { "Waxed Cotton Field Jacket", "Apparel", "PM-LEG-0004", G_GUINT64_CONSTANT (501234567804) },
};

typedef enum {
  VALID,
  EXPIRING,
  EXPIRED,
} Status;

typedef struct
{
  const char *standard; /* short name, see att-sandbox-assertion.c */
  const char *number;
  const char *name;
  const char *proof_body;
  Status      status;
  guint       days;       /* until expiry, or since it */
  guint       valid_days; /* from issue to expiry */
  const char *products;   /* names, "|" between them */
} DemoCertificate;

/* clang-format off */
static const DemoCertificate demo_certificates[] = {
  { "GRS", "CU-GRS-1184213", "Recycled polyester and nylon garments", "Control Union Certifications",
    VALID, 240, YEAR_DAYS,
    "Recycled Polyester Running Tee|Performance Polo|Recycled Fleece Zip Hoodie|Recycled Nylon Rain Shell|"
    "Recycled Insulated Puffer|Recycled Yoga Leggings" },
  { "OCS", "ECO-OCS-2407719", "Organic cotton jersey garments", "Ecocert Greenlife",
    EXPIRING, 25, YEAR_DAYS,
    "Organic Cotton Crew Tee|Organic Cotton V-Neck Tee|Kids' Organic Cotton Tee|Organic Cotton Hoodie|"
    "Organic Cotton Jersey Dress" },
  { "RWS", "CU-RWS-1190032", "Responsible wool knitwear and accessories", "Control Union Certifications",
    EXPIRED, 40, YEAR_DAYS,
    "Merino Wool Base Layer Tee|Merino Crew Pullover|Merino Hiking Socks|Ribbed Merino Beanie" },
  { "RDS", "IDFL-RDS-23-0415", "Responsibly sourced goose down", "IDFL Laboratory and Institute",
    VALID, 410, 2 * YEAR_DAYS, "Goose Down Puffer Jacket|Down Sleeping Bag" },
  { "RCS", "SCS-RCS-00871", "Recycled content denim and knitwear", "SCS Global Services",
    EXPIRED, 150, YEAR_DAYS, "Recycled Denim Straight Jeans|Recycled Wool Cardigan" },
  { "CCS", "ICS-CCS-55120", "Organic denim", "Intertek Certification",
    VALID, 95, YEAR_DAYS, "Organic Denim Slim Jeans" },
  { "RAS", "CU-RAS-1201187", "Responsible alpaca knitwear", "Control Union Certifications",
    EXPIRING, 48, YEAR_DAYS, "Alpaca Blend Cardigan" },
  { "RMS", "CU-RMS-1201190", "Responsible mohair home textiles", "Control Union Certifications",
    VALID, 300, YEAR_DAYS, "Mohair Blend Throw" },
  { "BSP", "BSP-2024-77812", "Outdoor shells, footwear and equipment", "bluesign technologies ag",
    VALID, 500, 3 * YEAR_DAYS,
    "Packable Rain Jacket|Waterproof Hiking Boots|Recycled Hiking Backpack|Two-Person Backpacking Tent" },
  { "C2C-GO", "C2C-GO-4411", "Organic cotton bath and bed linen", "Cradle to Cradle Products Innovation Institute",
    VALID, 150, 2 * YEAR_DAYS,
    "Organic Cotton Bath Towel|Organic Cotton Percale Duvet Cover|Waffle Hand Towel" },
  { "C2C-SI", "C2C-SI-3907", "Lyocell bed linen", "Cradle to Cradle Products Innovation Institute",
    EXPIRED, 10, 2 * YEAR_DAYS, "Lyocell Pillowcase Pair" },
  { "TENCEL", "TENCEL-EB-22871", "TENCEL™ Lyocell garments and bedding", "Lenzing AG",
    EXPIRING, 12, YEAR_DAYS, "Lyocell Relaxed Blouse|Lyocell Pillowcase Pair" },
  { "ECOVERO", "ECOVERO-EB-30514", "LENZING™ ECOVERO™ viscose dresses", "Lenzing AG",
    VALID, 200, YEAR_DAYS, "Viscose Floral Maxi Dress" },
};
/* clang-format on */

/* Certificates covering this many products get an annex page. */
#define ANNEX_MIN_PRODUCTS 3

/* PM products --------------------------------------------------------------- */

static const char *
product_type_of (const char *category)
{
  if (g_str_has_prefix (category, "ApparelAccessories-Shoes-"))
    return "Footwear";
  if (g_str_has_prefix (category, "ApparelAccessories-"))
    return "Apparel";
  if (g_str_has_prefix (category, "HomeGarden-"))
    return "HomeTextiles";
  return "Other";
}

/* A PM product's id and the line its certificates' annexes show. */
typedef struct
{
  char *id;
  char *line;
} Known;

static void
known_free (Known *known)
{
  g_free (known->id);
  g_free (known->line);
  g_free (known);
}

/* Adds a PM product (@barcode may be %NULL) and its entry in @known. */
static gboolean
add_product (AttSandboxStore *store,
             GHashTable      *known,
             guint64          index,
             const char      *name,
             const char      *product_type,
             const char      *style_number,
             const char      *barcode,
             GError         **error)
{
  char               *barcodes[] = { (char *) barcode, NULL };
  Known              *entry = g_new0 (Known, 1);
  AttSandboxPmProduct product = {
    att_sandbox_object_id_from (PM_ID_HIGH, att_sandbox_mix64 (index)),
    (char *) name,
    (char *) style_number,
    (char *) product_type,
    barcodes,
    DEMO_SAC_ID,
  };

  entry->id = product.id;
  entry->line = g_strdup_printf ("%s, style %s", name, style_number);
  g_hash_table_insert (known, (gpointer) name, entry);

  return att_sandbox_store_insert_pm_product (store, &product, error);
}

/* Adds the PM products; fills @known (name -> Known). */
static gboolean
seed_products (AttSandboxStore *store,
               GHashTable      *known,
               GError         **error)
{
  for (guint i = 0; i < att_sandbox_seed_demo_count (); i++)
    {
      g_autofree char *style_number = att_sandbox_seed_demo_style_number (i);
      g_autofree char *gtin = att_sandbox_seed_demo_gtin (i);

      if (!add_product (store, known, i + 1, att_sandbox_seed_demo_name (i),
                        product_type_of (att_sandbox_seed_demo_category (i)), style_number, gtin, error))
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (unmatched_products); i++)
    {
      const UnmatchedProduct *unmatched = &unmatched_products[i];
      g_autofree char        *gtin = att_sandbox_seed_gtin13 (unmatched->barcode);

      if (!add_product (store, known, 1000 + i, unmatched->name, unmatched->product_type,
                        unmatched->style_number, gtin, error))
        return FALSE;
    }
  return TRUE;
}

/* Certificates -------------------------------------------------------------- */

/* The certificate's pictures, base64-encoded: its page, and the annex that
 * lists its products (@lines, %NULL-terminated) when it covers several. */
static GStrv
draw_files (const DemoCertificate       *demo,
            const AttSandboxStandard    *standard,
            const AttSandboxCertificate *certificate,
            GPtrArray                   *lines)
{
  g_autoptr(GStrvBuilder) files = g_strv_builder_new ();
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  AttSandboxCertificateImage image = {
    standard->name,
    standard->authority->name,
    standard->authority->colour,
    demo->number,
    demo->name,
    demo->proof_body,
    (gint64) certificate->date_issued,
    (gint64) certificate->date_expires,
    (const char *const *) lines->pdata,
  };

  g_ptr_array_add (pages, att_sandbox_certificate_image_page (&image));
  if (lines->len >= ANNEX_MIN_PRODUCTS)
    g_ptr_array_add (pages, att_sandbox_certificate_image_annex (&image));

  for (guint i = 0; i < pages->len; i++)
    {
      gsize            size = 0;
      const guint8    *data = g_bytes_get_data (g_ptr_array_index (pages, i), &size);
      g_autofree char *base64 = g_base64_encode (data, size);

      g_strv_builder_add (files, base64);
    }
  return g_strv_builder_end (files);
}

/* Drawing a certificate's pictures takes about 10 ms of CPU, and a test
 * program starts dozens of sandboxes, each seeding the same demo on the
 * same day: the pictures are kept for the life of the process, by what
 * they show (the certificate and its dates), and drawn again only for
 * another day.  Sandboxes may be made in any thread. */
static JsonArray *
get_files (guint                        index,
           const DemoCertificate       *demo,
           const AttSandboxStandard    *standard,
           const AttSandboxCertificate *certificate,
           GPtrArray                   *lines)
{
  static GMutex      lock;
  static GHashTable *drawn = NULL;
  g_autofree char   *key = g_strdup_printf ("%u %.0f %.0f", index, certificate->date_issued, certificate->date_expires);
  JsonArray         *files = json_array_new ();
  GStrv              cached;

  g_mutex_lock (&lock);
  if (drawn == NULL)
    drawn = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
  cached = g_hash_table_lookup (drawn, key);
  if (cached == NULL)
    {
      cached = draw_files (demo, standard, certificate, lines);
      g_hash_table_insert (drawn, g_steal_pointer (&key), cached);
    }
  for (guint i = 0; cached[i] != NULL; i++)
    json_array_add_string_element (files, cached[i]);
  g_mutex_unlock (&lock);

  return files;
}

static void
set_dates (AttSandboxCertificate *certificate,
           const DemoCertificate *demo,
           gint64                 today_ms)
{
  gint64 expires = demo->status == EXPIRED ? today_ms - (gint64) demo->days * DAY_MS
                                           : today_ms + (gint64) demo->days * DAY_MS;

  certificate->date_expires = (double) expires;
  certificate->date_issued = (double) (expires - (gint64) demo->valid_days * DAY_MS);
}

static gboolean
seed_certificate (AttSandboxStore       *store,
                  GHashTable            *known,
                  guint                  index,
                  const DemoCertificate *demo,
                  gint64                 today_ms,
                  GError               **error)
{
  const AttSandboxStandard *standard = att_sandbox_assertion_find_standard_by_short_name (demo->standard);
  g_autoptr(AttSandboxCertificate) certificate = g_new0 (AttSandboxCertificate, 1);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_null_terminated (0, NULL, TRUE);
  g_auto(GStrv) names = g_strsplit (demo->products, "|", -1);

  g_assert (standard != NULL);

  certificate->id = att_sandbox_object_id_from (CERTIFICATE_ID_HIGH, att_sandbox_mix64 (index + 1));
  certificate->authority_id = g_strdup (standard->authority->id);
  certificate->standard_id = g_strdup (standard->id);
  certificate->assertion_id = g_strdup (demo->number);
  certificate->name = g_strdup (demo->name);
  certificate->proof_body = g_strdup (demo->proof_body);
  set_dates (certificate, demo, today_ms);

  certificate->product_ids = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  for (guint i = 0; names[i] != NULL; i++)
    {
      const Known *product = g_hash_table_lookup (known, names[i]);

      /* The tables above name demo products: a typo is a bug. */
      g_assert (product != NULL);
      g_ptr_array_add (certificate->product_ids, g_strdup (product->id));
      g_ptr_array_add (lines, product->line);
    }

  certificate->files = get_files (index, demo, standard, certificate, lines);
  return att_sandbox_store_insert_certificate (store, certificate, error);
}

/**
 * att_sandbox_seed_demo_certificates:
 * @now_ms: the time the statuses are relative to
 *
 * Adds the demo PM products and certificates, once per store.
 */
gboolean
att_sandbox_seed_demo_certificates (AttSandboxStore *store,
                                    gint64           now_ms,
                                    GError         **error)
{
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) known_free);
  g_autofree char *seeded = NULL;
  gint64           today_ms = now_ms - now_ms % DAY_MS;

  g_return_val_if_fail (ATT_IS_SANDBOX_STORE (store), FALSE);

  seeded = att_sandbox_store_get_meta (store, SEEDED_KEY);
  if (seeded != NULL)
    return TRUE;

  if (!att_sandbox_store_begin (store, error))
    return FALSE;

  if (!seed_products (store, known, error))
    goto failed;
  for (guint i = 0; i < G_N_ELEMENTS (demo_certificates); i++)
    if (!seed_certificate (store, known, i, &demo_certificates[i], today_ms, error))
      goto failed;
  if (!att_sandbox_store_set_meta (store, SEEDED_KEY, "1", error))
    goto failed;

  return att_sandbox_store_commit (store, error);

failed:
  att_sandbox_store_rollback (store);
  return FALSE;
}
