/* att-sandbox-assertion.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "att-sandbox-assertion.h"
#include "att-sandbox-json.h"
#include "att-sandbox-util.h"

/*
 * The fifteen standards api-higg.md §2.5 says can be attached, with the
 * owners the issue names.  They are reference data, like the catalogue:
 * compiled in, never stored.  Their ids are derived from their names (the
 * 24-hex-digit shape of Higg's ids), so they are the same on every start
 * and every machine, and a certificate stored by one sandbox still names
 * its standard in the next.
 */

#define AUTHORITY_ID_HIGH 0x61757468 /* "auth" */
#define STANDARD_ID_HIGH  0x7374616e /* "stan" */

typedef struct
{
  const char *name;
  double      colour[3];
} AuthoritySpec;

typedef struct
{
  const char *name;
  const char *short_name;
  guint       authority;
} StandardSpec;

enum { BLUESIGN,
       C2C,
       LENZING,
       TEXTILE_EXCHANGE,
       N_AUTHORITIES };

/* clang-format off */
static const AuthoritySpec authority_specs[N_AUTHORITIES] = {
  [BLUESIGN] = { "bluesign technologies", { 0.0, 0.36, 0.66 } },
  [C2C] = { "Cradle to Cradle Products Innovation Institute", { 0.42, 0.33, 0.18 } },
  [LENZING] = { "Lenzing", { 0.13, 0.45, 0.36 } },
  [TEXTILE_EXCHANGE] = { "Textile Exchange", { 0.0, 0.45, 0.55 } },
};

static const StandardSpec standard_specs[] = {
  { "bluesign® PRODUCT", "BSP", BLUESIGN },
  { "Cradle to Cradle Certified® Product Standard – Platinum", "C2C-PT", C2C },
  { "Cradle to Cradle Certified® Product Standard – Gold", "C2C-GO", C2C },
  { "Cradle to Cradle Certified® Product Standard – Silver", "C2C-SI", C2C },
  { "Cradle to Cradle Certified® Product Standard – Bronze", "C2C-BR", C2C },
  { "ECOVERO™ e-branding traceability solution", "ECOVERO", LENZING },
  { "TENCEL™ e-branding traceability solution", "TENCEL", LENZING },
  { "Content Claim Standard (CCS)", "CCS", TEXTILE_EXCHANGE },
  { "Organic Content Standard (OCS)", "OCS", TEXTILE_EXCHANGE },
  { "Recycled Claim Standard (RCS)", "RCS", TEXTILE_EXCHANGE },
  { "Global Recycled Standard (GRS)", "GRS", TEXTILE_EXCHANGE },
  { "Responsible Down Standard (RDS)", "RDS", TEXTILE_EXCHANGE },
  { "Responsible Wool Standard (RWS)", "RWS", TEXTILE_EXCHANGE },
  { "Responsible Mohair Standard (RMS)", "RMS", TEXTILE_EXCHANGE },
  { "Responsible Alpaca Standard (RAS)", "RAS", TEXTILE_EXCHANGE },
};
/* clang-format on */

#define N_STANDARDS G_N_ELEMENTS (standard_specs)

typedef struct
{
  AttSandboxAuthority authorities[N_AUTHORITIES];
  AttSandboxStandard  standards[N_STANDARDS];
} Tables;

static char *
id_from_name (guint64     high,
              const char *name)
{
  return att_sandbox_object_id_from (high, att_sandbox_hash_string (name, high));
}

/* The tables, with their ids, made on first use and kept for the life of
 * the process (they are a few hundred bytes). */
static const Tables *
get_tables (void)
{
  static Tables *tables = NULL;
  static gsize   made_once = 0;

  if (g_once_init_enter (&made_once))
    {
      Tables *made = g_new0 (Tables, 1);

      for (guint i = 0; i < N_AUTHORITIES; i++)
        {
          made->authorities[i].id = id_from_name (AUTHORITY_ID_HIGH, authority_specs[i].name);
          made->authorities[i].name = authority_specs[i].name;
          memcpy (made->authorities[i].colour, authority_specs[i].colour, sizeof made->authorities[i].colour);
        }
      for (guint i = 0; i < N_STANDARDS; i++)
        {
          made->standards[i].id = id_from_name (STANDARD_ID_HIGH, standard_specs[i].name);
          made->standards[i].name = standard_specs[i].name;
          made->standards[i].short_name = standard_specs[i].short_name;
          made->standards[i].authority = &made->authorities[standard_specs[i].authority];
        }
      tables = made;
      g_once_init_leave (&made_once, 1);
    }

  return tables;
}

/**
 * att_sandbox_assertion_find_authority:
 *
 * Returns: (nullable): the authority with the id @id
 */
const AttSandboxAuthority *
att_sandbox_assertion_find_authority (const char *id)
{
  const Tables *tables = get_tables ();

  for (guint i = 0; id != NULL && i < N_AUTHORITIES; i++)
    if (g_str_equal (tables->authorities[i].id, id))
      return &tables->authorities[i];
  return NULL;
}

/**
 * att_sandbox_assertion_find_standard:
 *
 * Returns: (nullable): the standard with the id @id
 */
const AttSandboxStandard *
att_sandbox_assertion_find_standard (const char *id)
{
  const Tables *tables = get_tables ();

  for (guint i = 0; id != NULL && i < N_STANDARDS; i++)
    if (g_str_equal (tables->standards[i].id, id))
      return &tables->standards[i];
  return NULL;
}

/* For the seed, which names its standards the way a person would. */
const AttSandboxStandard *
att_sandbox_assertion_find_standard_by_short_name (const char *short_name)
{
  const Tables *tables = get_tables ();

  for (guint i = 0; short_name != NULL && i < N_STANDARDS; i++)
    if (g_str_equal (tables->standards[i].short_name, short_name))
      return &tables->standards[i];
  return NULL;
}

/* `[{"_id", "name"}]`, in the table's order. */
JsonNode *
att_sandbox_assertion_authorities_reply (void)
{
  const Tables *tables = get_tables ();
  JsonArray    *array = json_array_new ();

  for (guint i = 0; i < N_AUTHORITIES; i++)
    {
      JsonObject *authority = json_object_new ();

      json_object_set_string_member (authority, "_id", tables->authorities[i].id);
      json_object_set_string_member (authority, "name", tables->authorities[i].name);
      json_array_add_object_element (array, authority);
    }

  return att_sandbox_json_node_take_array (array);
}

/* `[{"_id", "name", "assertionAuthorityId", "assertionAuthorityName"}]`. */
JsonNode *
att_sandbox_assertion_standards_reply (void)
{
  const Tables *tables = get_tables ();
  JsonArray    *array = json_array_new ();

  for (guint i = 0; i < N_STANDARDS; i++)
    {
      const AttSandboxStandard *standard = &tables->standards[i];
      JsonObject               *object = json_object_new ();

      json_object_set_string_member (object, "_id", standard->id);
      json_object_set_string_member (object, "name", standard->name);
      json_object_set_string_member (object, "assertionAuthorityId", standard->authority->id);
      json_object_set_string_member (object, "assertionAuthorityName", standard->authority->name);
      json_array_add_object_element (array, object);
    }

  return att_sandbox_json_node_take_array (array);
}
