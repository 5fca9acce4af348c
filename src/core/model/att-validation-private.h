/* att-validation-private.h: what the parts of the product rules share:
 * checks of one member each, every problem added to a list of
 * AttFieldError under its path (att-validation-member.c), and checks of
 * objects, lists and their rows (att-validation-nested.c).  The rules
 * themselves are in att-validation.c (the product),
 * att-validation-parts.c (its materials, packaging and components),
 * att-validation-purchase-orders.c and, for the warnings of an eco-score,
 * att-validation-eco-score.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-json.h"
#include "att-validation.h"

G_BEGIN_DECLS

/* The numbers a member accepts: from @min to @max, @min itself refused when
 * @above_min; whole numbers only when @integer. */
typedef struct
{
  double   min;
  double   max;
  gboolean above_min;
  gboolean integer;
} AttCheckRange;

/* More than 0, as amounts and weights are. */
#define ATT_CHECK_POSITIVE                          \
  {                                                 \
    .min = 0, .max = G_MAXDOUBLE, .above_min = TRUE \
  }

/* att-validation-member.c */
void        att_check_report (GPtrArray  *errors,
                              const char *path,
                              const char *message);
void        att_check_report_member (GPtrArray  *errors,
                                     const char *parent,
                                     const char *key,
                                     const char *message);
gboolean    att_check_is_null (JsonNode *node);
gboolean    att_check_is_string (JsonNode *node);
gboolean    att_check_is_boolean (JsonNode *node);
gboolean    att_check_is_blank (const char *value);
gboolean    att_check_text (GPtrArray  *errors,
                            const char *path,
                            const char *value);
const char *att_check_string (GPtrArray  *errors,
                              JsonObject *object,
                              const char *key,
                              const char *parent,
                              gboolean    required,
                              gboolean    nullable);
void        att_check_enum (GPtrArray         *errors,
                            JsonObject        *object,
                            const char        *key,
                            const char        *parent,
                            const char *const *allowed);
void        att_check_boolean (GPtrArray  *errors,
                               JsonObject *object,
                               const char *key,
                               const char *parent);
gboolean    att_check_number (GPtrArray  *errors,
                              JsonObject *object,
                              const char *key,
                              const char *parent,
                              gboolean    required,
                              double     *out_value);
gboolean    att_check_number_in (GPtrArray           *errors,
                                 JsonObject          *object,
                                 const char          *key,
                                 const char          *parent,
                                 gboolean             required,
                                 const AttCheckRange *range,
                                 const char          *message,
                                 double              *out_value);

/* att-validation-nested.c */
JsonObject *att_check_object (GPtrArray  *errors,
                              JsonNode   *node,
                              const char *path);
void        att_check_country (GPtrArray  *errors,
                               JsonObject *object,
                               const char *key,
                               const char *parent);
JsonArray  *att_check_array (GPtrArray  *errors,
                             JsonObject *object,
                             const char *key,
                             const char *parent,
                             gboolean    required);
void        att_check_string_list (GPtrArray  *errors,
                                   JsonObject *object,
                                   const char *key,
                                   const char *parent);
void        att_check_duplicates (GPtrArray  *errors,
                                  JsonArray  *array,
                                  const char *list,
                                  const char *member);

/* att-validation-parts.c */
void        att_check_materials (GPtrArray  *errors,
                                 JsonObject *body,
                                 gboolean    required);
void        att_check_packaging (GPtrArray  *errors,
                                 JsonObject *body);
void        att_check_components (GPtrArray  *errors,
                                  JsonObject *body);

/* att-validation-purchase-orders.c */
void        att_check_purchase_order_list (GPtrArray  *errors,
                                           JsonObject *body,
                                           const char *key,
                                           gboolean    partial);
void        att_check_removed_purchase_orders (GPtrArray  *errors,
                                               JsonObject *body);

G_END_DECLS
