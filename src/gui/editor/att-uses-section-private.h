/* att-uses-section-private.h: what the files of AttUsesSection share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-uses-section.h"

G_BEGIN_DECLS

/* One editable member of a list item, shown as a spin button. */
typedef struct
{
  const char *member;
  const char *caption; /* translatable, N_() */
  double      lower;
  double      upper;
  gboolean    integer;
  gboolean    percent;
} AttUsesField;

#define ATT_USES_MAX_FIELDS 2

/* One item of the list as shown: its widgets, and the catalogue id it
 * stood for when it was built (a row is rebuilt when that changes). */
typedef struct
{
  AttUsesSection *section;
  guint           index;
  char           *id;
  GtkWidget      *widget;
  GtkWidget      *name_label;
  GtkWidget      *spins[ATT_USES_MAX_FIELDS];
  GtkWidget      *remove_button;
  GtkWidget      *problem_label;
  char           *problems;
} AttUsesRow;

struct _AttUsesSection
{
  GtkWidget            parent_instance;

  AttContext          *context;
  AttProductEdit      *edit;
  char                *list;
  const char          *kind;
  const AttUsesField  *fields;
  guint                n_fields;
  GPtrArray           *rows;
  GPtrArray           *errors;
  GPtrArray           *warnings;
  gboolean             syncing;
  guint                next_item;
  guint                build_idle;
  char                *total_text;
  char                *list_problems;

  GtkWidget           *picker;

  /* template widgets */
  AdwPreferencesGroup *group;
  GtkMenuButton       *add_button;
  GtkListBox          *list_box;
  GtkLabel            *placeholder_label;
  GtkLabel            *total_label;
  GtkLabel            *problems_label;
};

/* att-uses-section-row.c */
AttUsesRow *att_uses_row_new (AttUsesSection *self,
                              guint           index,
                              JsonObject     *item);
void        att_uses_row_free (AttUsesRow *row);
void        att_uses_row_update (AttUsesRow *row,
                                 JsonObject *item);
const char *att_uses_item_id (AttUsesSection *self,
                              JsonObject     *item);
void        att_uses_section_commit (AttUsesSection *self,
                                     guint           index,
                                     guint           field,
                                     double          value);
void        att_uses_section_remove (AttUsesSection *self,
                                     guint           index);

void        att_uses_section_finish_rows (AttUsesSection *self);

/* att-uses-section-problems.c */
void        att_uses_section_show_problems (AttUsesSection *self);

G_END_DECLS
