/* att-sandbox-util.h: deterministic hashing and random numbers for the
 * sandbox's generated figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A small, fast, portable generator (splitmix64): the sandbox's demo and
 * generated data must be identical on every machine for a given seed, which
 * GLib's GRand does not promise across versions. */
typedef struct
{
  guint64 state;
} AttSandboxRng;

void    att_sandbox_rng_init (AttSandboxRng *rng,
                              guint64        seed);
guint64 att_sandbox_rng_next (AttSandboxRng *rng);
guint32 att_sandbox_rng_range (AttSandboxRng *rng,
                               guint32        begin,
                               guint32        end);
double  att_sandbox_rng_double (AttSandboxRng *rng,
                                double         begin,
                                double         end);

guint64 att_sandbox_mix64 (guint64 value);
guint64 att_sandbox_hash_string (const char *string,
                                 guint64     seed);
double  att_sandbox_hash_unit (const char *a,
                               const char *b);

char   *att_sandbox_new_object_id (void);
char   *att_sandbox_object_id_from (guint64 high,
                                    guint64 low);
gint64  att_sandbox_now_ms (void);

double  att_sandbox_unit_to_kg (const char *unit);
double  att_sandbox_round (double value,
                           int    decimals);

G_END_DECLS
