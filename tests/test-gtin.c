/* test-gtin.c: GTINs checked, padded and cleaned, against python-stdnum
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "att-gtin.h"
#include "att-test-utils.h"

/* The examples of api-closient.md §8: a worked example and four GTINs
 * checked by hand, one of each length. */
static const char *const documented[] = {
  "8904000210037", "4006381333931", "036000291452", "96385074", "10614141000415", NULL
};

/* Whether att_gtin_normalize() takes @text, and as what. */
static gboolean
normalizes (const char *text,
            char      **out_gtin14,
            GError    **error)
{
  return att_gtin_normalize (text, out_gtin14, error);
}

static void
test_documented (void)
{
  g_autofree char *padded = NULL;

  /* The worked example: 890400021003 takes the check digit 7. */
  g_assert_cmpint (att_gtin_check_digit ("890400021003", 12), ==, 7);

  for (guint i = 0; documented[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *gtin14 = NULL;

      g_assert_true (normalizes (documented[i], &gtin14, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (strlen (gtin14), ==, 14);
      g_assert_true (g_str_has_suffix (gtin14, documented[i]));
    }

  g_assert_true (normalizes ("036000291452", &padded, NULL));
  g_assert_cmpstr (padded, ==, "00036000291452");
}

/* Every length from 1 to 20 digits: only 8, 12, 13 and 14 are GTINs, even
 * with a right check digit. */
static void
test_lengths (void)
{
  for (guint length = 1; length <= 20; length++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *gtin14 = NULL;
      char             digits[32];
      gboolean         is_gtin = length == 8 || length == 12 || length == 13 || length == 14;

      for (guint i = 0; i + 1 < length; i++)
        digits[i] = (char) ('1' + i % 9);
      digits[length - 1] = (char) ('0' + att_gtin_check_digit (digits, length - 1));
      digits[length] = '\0';

      g_assert_cmpint (normalizes (digits, &gtin14, &error), ==, is_gtin);
      if (is_gtin)
        {
          g_assert_cmpuint (strlen (gtin14), ==, 14);
          /* Padding: zeros on the left, the digits unchanged. */
          g_assert_cmpstr (gtin14 + 14 - length, ==, digits);
          for (guint i = 0; i < 14 - length; i++)
            g_assert_cmpint (gtin14[i], ==, '0');
          /* The padded form is a GTIN with the same check digit. */
          g_assert_true (normalizes (gtin14, NULL, NULL));
        }
      else
        g_assert_error (error, ATT_GTIN_ERROR, ATT_GTIN_ERROR_LENGTH);
    }
}

static void
test_not_digits (void)
{
  static const char *const cases[] = { "400638133393A", "4006 381333931", "4006-381333931",
                                       "", "+4006381333931", "４００６３８１３３３９３１", NULL };

  for (guint i = 0; cases[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (normalizes (cases[i], NULL, &error));
      g_assert_nonnull (error);
      g_assert_true (error->domain == ATT_GTIN_ERROR);
    }
}

static void
test_clean_input (void)
{
  static const struct
  {
    const char *typed;
    const char *clean;
  } cases[] = {
    { "4006381333931", "4006381333931" },
    { " 4006 3813 3393 1 ", "4006381333931" },
    { "4-006381-333931", "4006381333931" },
    { "4006381333931\r\n", "4006381333931" },
    { "\t96385074", "96385074" },
    { "12a-34", "12a34" },
    { "", "" },
  };

  g_assert_null (att_gtin_clean_input (NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *clean = att_gtin_clean_input (cases[i].typed);

      g_assert_cmpstr (clean, ==, cases[i].clean);
    }
}

/* Each valid GTIN with each digit changed to each other digit: every one
 * is caught (the 3-1 weights make every single-digit error change the sum
 * modulo 10), and the message names the digit the others call for. */
static void
check_corruptions (const char *valid)
{
  gsize length = strlen (valid);

  for (gsize position = 0; position < length; position++)
    for (char digit = '0'; digit <= '9'; digit++)
      {
        g_autofree char *corrupt = g_strdup (valid);
        g_autofree char *expected = NULL;
        g_autoptr(GError) error = NULL;

        if (digit == valid[position])
          continue;
        corrupt[position] = digit;
        g_assert_false (normalizes (corrupt, NULL, &error));
        g_assert_error (error, ATT_GTIN_ERROR, ATT_GTIN_ERROR_CHECK_DIGIT);
        expected = g_strdup_printf ("expected %d", att_gtin_check_digit (corrupt, length - 1));
        g_assert_nonnull (strstr (error->message, expected));
      }
}

static void
test_corruptions (void)
{
  for (guint i = 0; documented[i] != NULL; i++)
    check_corruptions (documented[i]);
}

/* --- Against python-stdnum --------------------------------------------- */

/* Prints, for each line, whether stdnum.ean (its GTIN module) takes it, and
 * the check digit it computes for all but its last digit. */
static const char stdnum_script[] =
  "import sys\n"
  "try:\n"
  "    from stdnum import ean\n"
  "except ImportError:\n"
  "    sys.exit(77)\n"
  "for line in sys.stdin.read().split():\n"
  "    print(int(ean.is_valid(line)), ean.calc_check_digit(line[:-1]))\n";

/* Random digit strings of every length from 7 to 15: for each, one with
 * its right check digit and one with a random last digit. */
static GPtrArray *
random_inputs (GRand *rand)
{
  GPtrArray *inputs = g_ptr_array_new_with_free_func (g_free);

  for (guint length = 7; length <= 15; length++)
    for (guint n = 0; n < 200; n++)
      {
        GString *digits = g_string_new (NULL);

        for (guint i = 0; i + 1 < length; i++)
          g_string_append_c (digits, (char) ('0' + g_rand_int_range (rand, 0, 10)));
        if (n % 2 == 0)
          g_string_append_c (digits, (char) ('0' + att_gtin_check_digit (digits->str, digits->len)));
        else
          g_string_append_c (digits, (char) ('0' + g_rand_int_range (rand, 0, 10)));
        g_ptr_array_add (inputs, g_string_free (digits, FALSE));
      }

  return inputs;
}

static void
compare_with_stdnum (GPtrArray  *inputs,
                     const char *output)
{
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);
  guint valid = 0;

  g_assert_cmpuint (g_strv_length (lines), >=, inputs->len);
  for (guint i = 0; i < inputs->len; i++)
    {
      const char      *input = inputs->pdata[i];
      g_autofree char *ours = g_strdup_printf ("%d %d", normalizes (input, NULL, NULL),
                                               att_gtin_check_digit (input, strlen (input) - 1));

      if (g_strcmp0 (ours, lines[i]) != 0)
        g_error ("%s: Attest says “%s”, python-stdnum “%s”", input, ours, lines[i]);
      valid += lines[i][0] == '1';
    }

  /* Both kinds were there to compare. */
  g_assert_cmpuint (valid, >, 0);
  g_assert_cmpuint (valid, <, inputs->len);
  g_test_message ("%u GTINs compared with python-stdnum, %u of them valid", inputs->len, valid);
}

static void
test_stdnum (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  g_autoptr(GPtrArray) inputs = random_inputs (rand);
  g_autoptr(GString) input = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;

  for (guint i = 0; documented[i] != NULL; i++)
    g_ptr_array_add (inputs, g_strdup (documented[i]));
  for (guint i = 0; i < inputs->len; i++)
    g_string_append_printf (input, "%s\n", (char *) inputs->pdata[i]);

  output = att_test_run_python (stdnum_script, input->str, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_test_skip ("python3-stdnum is not installed");
      return;
    }
  g_assert_no_error (error);
  compare_with_stdnum (inputs, output);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gtin/documented", test_documented);
  g_test_add_func ("/gtin/lengths", test_lengths);
  g_test_add_func ("/gtin/not-digits", test_not_digits);
  g_test_add_func ("/gtin/clean-input", test_clean_input);
  g_test_add_func ("/gtin/corruptions", test_corruptions);
  g_test_add_func ("/gtin/python-stdnum", test_stdnum);

  return g_test_run ();
}
