/* att-iso-country.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "att-iso-country.h"

/* The 249 officially assigned ISO 3166-1 alpha-2 codes, sorted, two
 * characters each (from iso-codes 4.15).  Closient's certificate_countries
 * takes these, uppercase; the list is built in so that the client and the
 * sandbox check the same codes without a file at run time (the names, for
 * the user, come from iso-codes itself). */
static const char codes[] =
  "ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQ"
  "BRBSBTBVBWBYBZCACCCDCFCGCHCICKCLCMCNCOCRCUCVCWCXCYCZDEDJDKDM"
  "DODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGS"
  "GTGUGWGYHKHMHNHRHTHUIDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKN"
  "KPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMKMLMMMNMOMPMQ"
  "MRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPM"
  "PNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSV"
  "SXSYSZTCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVI"
  "VNVUWFWSYEYTZAZMZW";

#define N_CODES ((sizeof codes - 1) / 2)

static int
compare_code (const void *key,
              const void *element)
{
  return strncmp (key, element, 2);
}

/**
 * att_iso_country_is_code:
 * @code: (nullable): what should be a country code
 *
 * Returns: whether @code is an assigned ISO 3166-1 alpha-2 code, in
 *   uppercase
 */
gboolean
att_iso_country_is_code (const char *code)
{
  if (code == NULL || strlen (code) != 2 ||
      !g_ascii_isupper (code[0]) || !g_ascii_isupper (code[1]))
    return FALSE;

  return bsearch (code, codes, N_CODES, 2, compare_code) != NULL;
}
