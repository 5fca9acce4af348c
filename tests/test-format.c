/* test-format.c: how values are shown to people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "att-country.h"
#include "att-format.h"

static void
test_category (void)
{
  struct
  {
    const char *id;
    const char *expected;
  } cases[] = {
    { "ApparelAccessories-TopsBlouses-ButtonFrontShirts", "Button Front Shirts" },
    { "ApparelAccessories-SleepwearLoungewear-PajamaBottoms", "Pajama Bottoms" },
    { "Apparel-Tops-TShirts", "T-Shirts" },
    { "Footwear", "Footwear" },
    { "Trailing-", "Trailing-" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = att_format_category (cases[i].id);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
  g_assert_null (att_format_category (NULL));
  g_assert_null (att_format_category (""));
}

static void
test_number (void)
{
  struct
  {
    double      value;
    int         decimals;
    const char *expected;
  } cases[] = {
    { 12.5, 2, "12.5" },
    { 3.0, 2, "3" },
    { 0.125, 2, "0.12" },
    { 1200, 1, "1200" },
    { 75, 0, "75" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = att_format_number (cases[i].value, cases[i].decimals);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
  g_assert_null (att_format_number (NAN, 2));
}

static void
test_country (void)
{
  g_autoptr(AttCountry) country = att_country_new ("PT", "Portugal");
  g_autofree char *text = att_format_country (country);

  g_assert_cmpstr (text, ==, "Portugal (PT)");
  g_assert_null (att_format_country (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/category", test_category);
  g_test_add_func ("/format/number", test_number);
  g_test_add_func ("/format/country", test_country);

  return g_test_run ();
}
