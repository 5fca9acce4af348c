/* test-iso-countries.c: the ISO 3166-1 list read from iso-codes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "att-country.h"
#include "att-iso-countries.h"
#include "att-test-utils.h"

static GListModel *
load (const char *path,
      GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  att_iso_countries_load_async (path, NULL, att_test_store_result, &result);
  return att_iso_countries_load_finish (att_test_await_result (&result), error);
}

/* The system's list, read off the main thread: every country once, by
 * its everyday name, sorted. */
static void
test_system_list (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) countries = load (NULL, &error);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n;

  g_assert_no_error (error);
  n = g_list_model_get_n_items (countries);
  /* ISO 3166-1 has 249 codes; a later iso-codes may add a few. */
  g_assert_cmpuint (n, >=, 249);
  g_assert_cmpuint (n, <, 300);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AttCountry) country = g_list_model_get_item (countries, i);
      const char *code = att_country_get_code (country);

      g_assert_cmpuint (strlen (code), ==, 2);
      g_assert_true (g_ascii_isupper (code[0]) && g_ascii_isupper (code[1]));
      g_assert_false (g_hash_table_contains (seen, code));
      g_hash_table_add (seen, (gpointer) code);
      if (i > 0)
        {
          g_autoptr(AttCountry) before = g_list_model_get_item (countries, i - 1);
          g_autofree char *a = g_utf8_collate_key (att_country_get_name (before), -1);
          g_autofree char *b = g_utf8_collate_key (att_country_get_name (country), -1);

          g_assert_cmpstr (a, <=, b);
        }
    }
  g_assert_cmpstr (att_country_get_name (att_iso_countries_find (countries, "FR")), ==, "France");
  g_assert_cmpstr (att_country_get_name (att_iso_countries_find (countries, "DE")), ==, "Germany");
  /* The common name where there is one. */
  g_assert_cmpstr (att_country_get_name (att_iso_countries_find (countries, "BO")), ==, "Bolivia");
  g_assert_null (att_iso_countries_find (countries, "XX"));
  g_assert_null (att_iso_countries_find (countries, NULL));
}

static char *
write_temp (const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int   fd = g_file_open_tmp ("attest-iso-XXXXXX.json", &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* A file that is not iso-codes' is an error, not an empty list; entries
 * without a usable code are skipped. */
static void
test_bad_files (void)
{
  static const char *const bad[] = { "[]", "{\"3166-1\": {}}", "{", "{\"3166-2\": []}" };
  g_autofree char         *odd = write_temp ("{\"3166-1\": [7, {\"name\": \"No Code\"}, {\"alpha_2\": \"ABC\"},"
                                                     " {\"alpha_2\": \"ZZ\", \"name\": \"Zedland\"}, {\"alpha_2\": \"YY\"}]}");
  g_autoptr(GListModel) countries = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *path = write_temp (bad[i]);
      g_autoptr(GListModel) none = load (path, &error);

      g_assert_null (none);
      g_assert_nonnull (error);
      g_clear_error (&error);
      g_unlink (path);
    }

  g_assert_null (load ("/nonexistent/iso_3166-1.json", &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);

  countries = load (odd, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (countries), ==, 2);
  /* A nameless entry is named by its code. */
  g_assert_cmpstr (att_country_get_name (att_iso_countries_find (countries, "YY")), ==, "YY");
  g_assert_cmpstr (att_country_get_name (att_iso_countries_find (countries, "ZZ")), ==, "Zedland");
  g_unlink (odd);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/iso-countries/system-list", test_system_list);
  g_test_add_func ("/iso-countries/bad-files", test_bad_files);

  return g_test_run ();
}
