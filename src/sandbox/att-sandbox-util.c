/* att-sandbox-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "att-sandbox-util.h"

void
att_sandbox_rng_init (AttSandboxRng *rng,
                      guint64        seed)
{
  g_assert (rng != NULL);

  rng->state = seed;
}

guint64
att_sandbox_mix64 (guint64 value)
{
  value ^= value >> 30;
  value *= G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  value ^= value >> 27;
  value *= G_GUINT64_CONSTANT (0x94d049bb133111eb);
  value ^= value >> 31;
  return value;
}

guint64
att_sandbox_rng_next (AttSandboxRng *rng)
{
  rng->state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  return att_sandbox_mix64 (rng->state);
}

/* A value in [begin, end). */
guint32
att_sandbox_rng_range (AttSandboxRng *rng,
                       guint32        begin,
                       guint32        end)
{
  g_assert (end > begin);

  return begin + (guint32) (att_sandbox_rng_next (rng) % (guint64) (end - begin));
}

double
att_sandbox_rng_double (AttSandboxRng *rng,
                        double         begin,
                        double         end)
{
  double unit = (double) (att_sandbox_rng_next (rng) >> 11) / (double) (G_GUINT64_CONSTANT (1) << 53);

  return begin + unit * (end - begin);
}

/* FNV-1a, then mixed, so that similar ids give unrelated values. */
guint64
att_sandbox_hash_string (const char *string,
                         guint64     seed)
{
  guint64 hash = G_GUINT64_CONSTANT (0xcbf29ce484222325) ^ att_sandbox_mix64 (seed);

  for (const guchar *p = (const guchar *) (string != NULL ? string : ""); *p != '\0'; p++)
    {
      hash ^= *p;
      hash *= G_GUINT64_CONSTANT (0x100000001b3);
    }

  return att_sandbox_mix64 (hash);
}

/* A stable value in [0, 1) for the pair (@a, @b). */
double
att_sandbox_hash_unit (const char *a,
                       const char *b)
{
  guint64 hash = att_sandbox_hash_string (b, att_sandbox_hash_string (a, 0x5eed));

  return (double) (hash >> 11) / (double) (G_GUINT64_CONSTANT (1) << 53);
}

char *
att_sandbox_object_id_from (guint64 high,
                            guint64 low)
{
  /* 24 hexadecimal digits, the shape of the ids the real service returns. */
  return g_strdup_printf ("%08x%016" G_GINT64_MODIFIER "x",
                          (guint32) (high & 0xffffffff), low);
}

char *
att_sandbox_new_object_id (void)
{
  guint64 low = ((guint64) g_random_int () << 32) | g_random_int ();

  return att_sandbox_object_id_from ((guint64) (g_get_real_time () / G_USEC_PER_SEC), low);
}

gint64
att_sandbox_now_ms (void)
{
  return g_get_real_time () / 1000;
}

/* Kilograms per unit of the documented weightMeasureUnit values; grams
 * when the unit is missing, as the API defaults it (V6). */
double
att_sandbox_unit_to_kg (const char *unit)
{
  if (g_strcmp0 (unit, "kilograms") == 0)
    return 1.0;
  if (g_strcmp0 (unit, "milligram") == 0)
    return 1e-6;
  if (g_strcmp0 (unit, "pound") == 0)
    return 0.45359237;
  if (g_strcmp0 (unit, "ounce") == 0)
    return 0.028349523125;
  return 0.001;
}

double
att_sandbox_round (double value,
                   int    decimals)
{
  double scale = pow (10.0, decimals);

  return round (value * scale) / scale;
}
