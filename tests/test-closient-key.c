/* test-closient-key.c: the format and checksum of Closient API keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <zlib.h>

#include "att-closient-key.h"
#include "att-error.h"

/* Computed independently, with Python: format(zlib.crc32(body) & 0xFFFFFFFF, "08x"),
 * as docs.closient.com/authentication describes the check. */
#define KNOWN_BODY       "AbCdEfGhIjKlMnOpQrStUvWxYz012345"
#define KNOWN_CHECKSUM   "45ffccd2"
#define KNOWN_BODY_2     "0123456789abcdefghijABCDEFGHIJ01"
#define KNOWN_CHECKSUM_2 "56ee0708"

/* Builds a valid key the way the test's own zlib computes it. */
static char *
make_key (const char *prefix,
          const char *body)
{
  uLong crc = crc32 (crc32 (0L, Z_NULL, 0), (const Bytef *) body, (uInt) strlen (body));

  return g_strdup_printf ("%s_%s_%08lx", prefix, body, crc & 0xffffffffUL);
}

static void
test_known_good (void)
{
  g_autofree char *built = make_key ("csb", KNOWN_BODY);
  g_autofree char *built_2 = make_key ("csu", KNOWN_BODY_2);

  /* The test's zlib agrees with Python's... */
  g_assert_cmpstr (built, ==, "csb_" KNOWN_BODY "_" KNOWN_CHECKSUM);
  g_assert_cmpstr (built_2, ==, "csu_" KNOWN_BODY_2 "_" KNOWN_CHECKSUM_2);

  /* ...and Attest accepts the examples as they are written. */
  g_assert_true (att_closient_key_check ("csb_" KNOWN_BODY "_" KNOWN_CHECKSUM, NULL, NULL));
  g_assert_true (att_closient_key_check ("csu_" KNOWN_BODY_2 "_" KNOWN_CHECKSUM_2, NULL, NULL));
}

static void
test_valid_kinds (void)
{
  static const struct
  {
    const char        *prefix;
    AttClosientKeyKind kind;
    gboolean           warns;
  } cases[] = {
    { "csb", ATT_CLOSIENT_KEY_BUSINESS, FALSE },
    { "csu", ATT_CLOSIENT_KEY_USER, FALSE },
    { "cpk", ATT_CLOSIENT_KEY_PUBLISHABLE, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = make_key (cases[i].prefix, KNOWN_BODY);
      g_autoptr(GError) error = NULL;
      AttClosientKeyKind kind = (AttClosientKeyKind) -1;
      const char        *warning;

      g_assert_true (att_closient_key_check (key, &kind, &error));
      g_assert_no_error (error);
      g_assert_cmpint (kind, ==, cases[i].kind);

      warning = att_closient_key_kind_warning (kind);
      if (cases[i].warns)
        {
          g_assert_nonnull (warning);
          g_assert_nonnull (strstr (warning, "Publishable keys"));
          g_assert_nonnull (strstr (warning, "may not be allowed to change data"));
        }
      else
        g_assert_null (warning);
    }

  /* The fixed example, and the kind is optional. */
  g_assert_true (att_closient_key_check ("cpk_" KNOWN_BODY_2 "_" KNOWN_CHECKSUM_2, NULL, NULL));

  /* Random bodies of every alphanumeric. */
  for (guint n = 0; n < 200; n++)
    {
      static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
      char              body[33];
      g_autofree char  *key = NULL;

      for (guint i = 0; i < 32; i++)
        body[i] = alphabet[g_random_int_range (0, (gint32) strlen (alphabet))];
      body[32] = '\0';
      key = make_key ("csu", body);
      g_assert_true (att_closient_key_check (key, NULL, NULL));
    }
}

typedef struct
{
  const char *key;
  const char *message_part; /* what the message must say */
} BadCase;

static void
check_bad (const BadCase *cases,
           gsize          n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      g_autoptr(GError) error = NULL;
      AttClosientKeyKind kind = ATT_CLOSIENT_KEY_USER;

      g_test_message ("key “%s”", cases[i].key != NULL ? cases[i].key : "(null)");
      g_assert_false (att_closient_key_check (cases[i].key, &kind, &error));
      g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_VALIDATION);
      g_test_message ("  -> %s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].message_part));

      /* The kind is left alone, and the key is never quoted. */
      g_assert_cmpint (kind, ==, ATT_CLOSIENT_KEY_USER);
      if (cases[i].key != NULL && strlen (cases[i].key) > 8)
        {
          g_assert_null (strstr (error->message, cases[i].key + 4));
          g_assert_null (strstr (error->message, KNOWN_BODY));
        }
    }
}

static void
test_wrong_prefix (void)
{
  static const BadCase cases[] = {
    { "csx_" KNOWN_BODY "_" KNOWN_CHECKSUM, "starts with" },
    { "CSB_" KNOWN_BODY "_" KNOWN_CHECKSUM, "starts with" },
    { "sk_live_" KNOWN_BODY, "starts with" },
    { "ck_live_xxx", "starts with" },
    { "csb-" KNOWN_BODY "_" KNOWN_CHECKSUM, "starts with" },
    { KNOWN_BODY "_" KNOWN_CHECKSUM, "starts with" },
    { " csb_" KNOWN_BODY "_" KNOWN_CHECKSUM, "starts with" },
  };

  check_bad (cases, G_N_ELEMENTS (cases));
}

static void
test_wrong_length (void)
{
  static const BadCase cases[] = {
    /* One character lost or added while pasting. */
    { "csb_"
      "bCdEfGhIjKlMnOpQrStUvWxYz012345"
      "_" KNOWN_CHECKSUM,
      "32 characters" },
    { "csb_" KNOWN_BODY "X_" KNOWN_CHECKSUM, "32 characters" },
    { "csb_"
      "_" KNOWN_CHECKSUM,
      "32 characters" },
    { "csb_" KNOWN_BODY "_45ffccd", "8 characters" },
    { "csb_" KNOWN_BODY "_45ffccd2a", "8 characters" },
    { "csb_" KNOWN_BODY "_", "8 characters" },
  };

  check_bad (cases, G_N_ELEMENTS (cases));
}

static void
test_bad_characters (void)
{
  static const BadCase cases[] = {
    { "csb_AbCdEfGhIjKlMnOpQrStUvWxYz01234-_" KNOWN_CHECKSUM, "letters and digits" },
    { "csb_AbCdEfGhIjKlMnOp rStUvWxYz012345_" KNOWN_CHECKSUM, "letters and digits" },
    { "csb_AbCdEfGhIjKlMnOpQrStUvWxYz0123\xc3\xa9_" KNOWN_CHECKSUM, "letters and digits" },
    /* Checksums are lowercase hex. */
    { "csb_" KNOWN_BODY "_45FFCCD2", "lowercase" },
    { "csb_" KNOWN_BODY "_45ffccdz", "lowercase" },
  };

  check_bad (cases, G_N_ELEMENTS (cases));
}

static void
test_wrong_checksum (void)
{
  static const BadCase cases[] = {
    { "csb_" KNOWN_BODY "_45ffccd3", "checksum does not match" },
    { "csb_" KNOWN_BODY "_" KNOWN_CHECKSUM_2, "checksum does not match" },
    /* One mistyped character in the body. */
    { "csb_AbCdEfGhIjKlMnOpQrStUvWxYz012346_" KNOWN_CHECKSUM, "checksum does not match" },
    /* Two characters swapped. */
    { "csb_bACdEfGhIjKlMnOpQrStUvWxYz012345_" KNOWN_CHECKSUM, "checksum does not match" },
  };

  check_bad (cases, G_N_ELEMENTS (cases));
}

static void
test_missing_parts (void)
{
  static const BadCase cases[] = {
    { NULL, "empty" },
    { "", "empty" },
    { "csb", "starts with" },
    { "csb_", "incomplete" },
    { "csb_" KNOWN_BODY, "incomplete" },
    { "csb_" KNOWN_BODY KNOWN_CHECKSUM, "incomplete" },
    { "csb_" KNOWN_BODY "_" KNOWN_CHECKSUM "_extra", "too many parts" },
    { "csb_" KNOWN_BODY "__" KNOWN_CHECKSUM, "too many parts" },
  };

  check_bad (cases, G_N_ELEMENTS (cases));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/closient-key/known-good", test_known_good);
  g_test_add_func ("/closient-key/valid-kinds", test_valid_kinds);
  g_test_add_func ("/closient-key/wrong-prefix", test_wrong_prefix);
  g_test_add_func ("/closient-key/wrong-length", test_wrong_length);
  g_test_add_func ("/closient-key/bad-characters", test_bad_characters);
  g_test_add_func ("/closient-key/wrong-checksum", test_wrong_checksum);
  g_test_add_func ("/closient-key/missing-parts", test_missing_parts);

  return g_test_run ();
}
