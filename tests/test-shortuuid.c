/* test-shortuuid.c: Closient's 22-character ids, both ways, against
 * python-shortuuid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built twice: with the compiler's 128-bit integers, and with
 * ATT_SHORTUUID_NO_INT128 (the two-halves arithmetic of other compilers).
 */

#include "config.h"

#include <string.h>

#include "att-shortuuid.h"
#include "att-test-utils.h"

/* api-closient.md §9: two from the library, the two ends of the range. */
static const struct
{
  const char *uuid;
  const char *shortuuid;
} vectors[] = {
  { "3b1f8b40-222c-4a6e-b77e-779d5a94e21c", "CXc85b4rqinB7s5J52TRYb" },
  { "6ca4f0f8-2508-4bac-b8f1-5d1e3da2247a", "MLpZDiEXM4VsUryR9oE8uc" },
  { "00000000-0000-0000-0000-000000000000", "2222222222222222222222" },
  { "ffffffff-ffff-ffff-ffff-ffffffffffff", "oZEq7ovRbLq6UnGMPwc8B5" },
};

static void
test_vectors (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (vectors); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *encoded = att_shortuuid_from_uuid (vectors[i].uuid, &error);
      g_autofree char *decoded = NULL;

      g_assert_no_error (error);
      g_assert_cmpstr (encoded, ==, vectors[i].shortuuid);
      decoded = att_shortuuid_to_uuid (vectors[i].shortuuid, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (decoded, ==, vectors[i].uuid);
      g_assert_true (att_shortuuid_check (vectors[i].shortuuid, NULL));
    }
}

/* A UUID pasted in any of its spellings. */
static void
test_uuid_forms (void)
{
  static const char *const forms[] = {
    "3b1f8b40-222c-4a6e-b77e-779d5a94e21c",
    "3B1F8B40-222C-4A6E-B77E-779D5A94E21C",
    "3b1f8b40222c4a6eb77e779d5a94e21c",
    "{3b1f8b40-222c-4a6e-b77e-779d5a94e21c}",
    "urn:uuid:3b1f8b40-222c-4a6e-b77e-779d5a94e21c",
    "{3B1F8B40222C4A6EB77E779D5A94E21C}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *encoded = att_shortuuid_from_uuid (forms[i], &error);
      g_autofree char *normal = att_shortuuid_normalize (forms[i], &error);

      g_assert_no_error (error);
      g_assert_cmpstr (encoded, ==, "CXc85b4rqinB7s5J52TRYb");
      g_assert_cmpstr (normal, ==, "CXc85b4rqinB7s5J52TRYb");
    }
}

static void
assert_refused (const char *text,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) to_uuid_error = NULL;
  g_autoptr(GError) normalize_error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *normal = NULL;

  g_assert_false (att_shortuuid_check (text, &error));
  g_assert_error (error, ATT_SHORTUUID_ERROR, code);
  uuid = att_shortuuid_to_uuid (text, &to_uuid_error);
  g_assert_null (uuid);
  g_assert_error (to_uuid_error, ATT_SHORTUUID_ERROR, code);
  normal = att_shortuuid_normalize (text, &normalize_error);
  g_assert_null (normal);
  g_assert_nonnull (normalize_error);
}

static void
test_refused (void)
{
  /* Past the largest, by one and by far: 57^22 > 2^128. */
  assert_refused ("oZEq7ovRbLq6UnGMPwc8B6", ATT_SHORTUUID_ERROR_RANGE);
  assert_refused ("oZEq7ovRbLq6UnGMPwc8C2", ATT_SHORTUUID_ERROR_RANGE);
  assert_refused ("zzzzzzzzzzzzzzzzzzzzzz", ATT_SHORTUUID_ERROR_RANGE);
  assert_refused ("p222222222222222222222", ATT_SHORTUUID_ERROR_RANGE);

  /* Lengths. */
  assert_refused ("", ATT_SHORTUUID_ERROR_LENGTH);
  assert_refused ("CXc85b4rqinB7s5J52TRY", ATT_SHORTUUID_ERROR_LENGTH);
  assert_refused ("CXc85b4rqinB7s5J52TRYbb", ATT_SHORTUUID_ERROR_LENGTH);

  /* The five symbols the alphabet leaves out, and others. */
  assert_refused ("0Xc85b4rqinB7s5J52TRYb", ATT_SHORTUUID_ERROR_ALPHABET);
  assert_refused ("1Xc85b4rqinB7s5J52TRYb", ATT_SHORTUUID_ERROR_ALPHABET);
  assert_refused ("IXc85b4rqinB7s5J52TRYb", ATT_SHORTUUID_ERROR_ALPHABET);
  assert_refused ("OXc85b4rqinB7s5J52TRYb", ATT_SHORTUUID_ERROR_ALPHABET);
  assert_refused ("lXc85b4rqinB7s5J52TRYb", ATT_SHORTUUID_ERROR_ALPHABET);
  assert_refused ("CXc85b4rqinB7s5J52TRY-", ATT_SHORTUUID_ERROR_ALPHABET);
  assert_refused ("CXc85b4rqinB7s5J52TRY\xc3", ATT_SHORTUUID_ERROR_ALPHABET);
}

static void
test_bad_uuids (void)
{
  static const char *const cases[] = {
    "3b1f8b40-222c-4a6e-b77e-779d5a94e21",   /* 31 digits */
    "3b1f8b40-222c-4a6e-b77e-779d5a94e21c0", /* 33 */
    "3b1f8b40-222c-4a6e-b77e-779d5a94e21g",  /* not hex */
    "{3b1f8b40-222c-4a6e-b77e-779d5a94e21c",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *encoded = att_shortuuid_from_uuid (cases[i], &error);

      g_assert_null (encoded);
      g_assert_error (error, ATT_SHORTUUID_ERROR, ATT_SHORTUUID_ERROR_LENGTH);
    }
}

/* --- Against python-shortuuid ------------------------------------------ */

/* For each line "<uuid> <22 characters>": the library's encoding of the
 * UUID, and its decoding of the characters (or "range" where it refuses
 * them). */
static const char shortuuid_script[] =
  "import sys, uuid\n"
  "try:\n"
  "    import shortuuid\n"
  "except ImportError:\n"
  "    sys.exit(77)\n"
  "for line in sys.stdin.read().splitlines():\n"
  "    u, s = line.split()\n"
  "    try:\n"
  "        d = str(shortuuid.decode(s))\n"
  "    except ValueError:\n"
  "        d = 'range'\n"
  "    print(shortuuid.encode(uuid.UUID(u)), d)\n";

static char *
random_short (GRand *rand)
{
  char text[ATT_SHORTUUID_LENGTH + 1];
  int  n = (int) strlen (ATT_SHORTUUID_ALPHABET);

  /* The first symbol decides the range: draw it from the whole alphabet so
   * that about a third are past the largest id. */
  for (guint i = 0; i < ATT_SHORTUUID_LENGTH; i++)
    text[i] = ATT_SHORTUUID_ALPHABET[g_rand_int_range (rand, 0, n)];
  text[ATT_SHORTUUID_LENGTH] = '\0';
  return g_strdup (text);
}

static char *
ours (const char *uuid,
      const char *shortuuid)
{
  g_autofree char *encoded = att_shortuuid_from_uuid (uuid, NULL);
  g_autofree char *decoded = att_shortuuid_to_uuid (shortuuid, NULL);

  return g_strdup_printf ("%s %s", encoded, decoded != NULL ? decoded : "range");
}

static void
test_python (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) input = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) answers = NULL;
  guint refused = 0;

  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *shortuuid = random_short (rand);

      g_ptr_array_add (lines, g_strdup_printf ("%s %s", uuid, shortuuid));
      g_string_append_printf (input, "%s %s\n", uuid, shortuuid);
    }

  output = att_test_run_python (shortuuid_script, input->str, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_test_skip ("python3-shortuuid is not installed");
      return;
    }
  g_assert_no_error (error);

  answers = g_strsplit (output, "\n", -1);
  for (guint i = 0; i < lines->len; i++)
    {
      g_auto(GStrv) pair = g_strsplit (lines->pdata[i], " ", 2);
      g_autofree char *attest = ours (pair[0], pair[1]);

      if (g_strcmp0 (attest, answers[i]) != 0)
        g_error ("%s: Attest says “%s”, python-shortuuid “%s”", (char *) lines->pdata[i], attest,
                 answers[i]);
      refused += g_str_has_suffix (attest, " range");
    }

  /* Both in range and out of it were compared. */
  g_assert_cmpuint (refused, >, 0);
  g_assert_cmpuint (refused, <, lines->len);
  g_test_message ("%u pairs compared with python-shortuuid, %u past the range", lines->len, refused);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/shortuuid/vectors", test_vectors);
  g_test_add_func ("/shortuuid/uuid-forms", test_uuid_forms);
  g_test_add_func ("/shortuuid/refused", test_refused);
  g_test_add_func ("/shortuuid/bad-uuids", test_bad_uuids);
  g_test_add_func ("/shortuuid/python-shortuuid", test_python);

  return g_test_run ();
}
