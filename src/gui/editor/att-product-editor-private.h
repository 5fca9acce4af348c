/* att-product-editor-private.h: the instance struct of AttProductEditor and
 * the helpers its parts share: att-product-editor.c (the GObject, its
 * actions and the problems it shows), att-product-editor-fields.c (the
 * simple fields and their messages), att-product-editor-choices.c (lists
 * to choose from: categories, sizes, countries), att-product-editor-tags.c,
 * att-product-editor-orders.c (purchase orders), att-product-editor-save.c
 * (saving) and att-product-editor-drafts.c (the draft on disk)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-draft-writer.h"
#include "att-error.h"
#include "att-product-editor.h"

G_BEGIN_DECLS

typedef enum {
  ATT_FIELD_TEXT,
  ATT_FIELD_NUMBER,
  ATT_FIELD_BOOLEAN,
  ATT_FIELD_CHOICE,
  ATT_FIELD_CUSTOM, /* shown and written by code of its own (tags) */
} AttFieldKind;

/* One input of the form, where its value lives in the edit (a member, or
 * a member of the object member @parent), and the message row under it. */
typedef struct
{
  char        *path;
  char        *parent;
  char        *member;
  AttFieldKind kind;
  GtkWidget   *row;
  GtkWidget   *input;
  GtkWidget   *message_row;
  GtkLabel    *message;
  /* Choices: the value of each position of the combo row's model, as JSON
   * (NULL: not set). */
  GPtrArray   *values;
} AttEditorField;

struct _AttProductEditor
{
  GtkWidget            parent_instance;

  AttContext          *context;
  AttProductEdit      *edit;
  AttDraftWriter      *draft_writer;
  char                *draft_id;

  GCancellable        *cancellable;      /* lists to choose from */
  GCancellable        *save_cancellable; /* the save under way */
  GPtrArray           *fields;           /* (element-type AttEditorField) */
  GHashTable          *input_errors;     /* path -> text that is not a number */
  GPtrArray           *errors;           /* the last validation's */
  GPtrArray           *warnings;
  GPtrArray           *server_errors; /* a 400's, until the next edit */
  char                *banner_shown;  /* the problems the banner lists */
  GtkStringList       *order_rows;
  GtkSliceListModel   *order_page; /* the rows on screen */
  GtkWidget           *uses[3];
  GListModel          *categories;
  GListModel          *countries;
  guint                validate_idle;
  guint                draft_timeout;
  guint                updating; /* > 0: widgets are being set from the edit */
  gboolean             saving;
  AttEditorCloseFunc   close_func; /* waiting for a save to close */
  gpointer             close_data;

  /* template widgets */
  AdwHeaderBar        *header_bar;
  AdwWindowTitle      *window_title;
  GtkButton           *save_button;
  GtkButton           *cancel_save_button;
  GtkSpinner          *save_spinner;
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  GtkButton           *retry_button;
  GtkRevealer         *problems_revealer;
  GtkLabel            *problems_title;
  GtkBox              *problems_box;
  GtkScrolledWindow   *scroller;
  AdwEntryRow         *name_row;
  AdwComboRow         *category_row;
  AdwComboRow         *size_row;
  AdwComboRow         *identifier_type_row;
  AdwEntryRow         *identifier_row;
  AdwPreferencesRow   *tags_row;
  GtkFlowBox          *tags_box;
  GtkEntry            *tag_entry;
  AdwEntryRow         *weight_row;
  AdwComboRow         *unit_row;
  GtkSwitch           *primary_switch;
  GtkSwitch           *material_weight_switch;
  GtkBox              *materials_slot;
  GtkBox              *packaging_slot;
  GtkBox              *components_slot;
  AdwPreferencesGroup *orders_group;
  GtkStack            *orders_stack;
  GtkListView         *orders_view;
  GtkWidget           *orders_pager;
  GtkLabel            *orders_range;
  GtkWidget           *eco_placeholder;
  GtkWidget           *eco_group;
  GtkWidget           *optional_group;
  AdwComboRow         *country_row;
  AdwComboRow         *dyeing_row;
  AdwComboRow         *fabric_row;
  AdwComboRow         *business_row;
  AdwComboRow         *spinning_row;
  AdwEntryRow         *references_row;
  AdwEntryRow         *price_row;
  AdwComboRow         *upcycled_row;
};

/* att-product-editor.c */
void            att_product_editor_queue_validate (AttProductEditor *self);
void            att_product_editor_eco_ensure (AttProductEditor *self);
void            att_product_editor_set_saving (AttProductEditor *self,
                                               gboolean          saving);
void            att_product_editor_focus_path (AttProductEditor *self,
                                               const char       *path);
void            att_product_editor_saved (AttProductEditor *self,
                                          AttProduct       *product);
void            att_product_editor_save_failed (AttProductEditor *self);
void            att_product_editor_set_server_errors (AttProductEditor *self,
                                                      GPtrArray        *errors);

/* att-product-editor-fields.c */
void            att_product_editor_fields_init (AttProductEditor *self);
void            att_product_editor_fields_load (AttProductEditor *self,
                                                const char       *member);
AttEditorField *att_product_editor_find_field (AttProductEditor *self,
                                               const char       *path);
gboolean        att_product_editor_parse_number (const char *text,
                                                 double     *value);
char           *att_product_editor_format_number (JsonNode *node);
void            att_product_editor_show_field_problems (AttProductEditor *self);
void            att_editor_field_free (AttEditorField *field);
void            att_product_editor_node_free (gpointer node);
AttEditorField *att_product_editor_add_field (AttProductEditor *self,
                                              const char       *path,
                                              AttFieldKind      kind,
                                              GtkWidget        *row,
                                              GtkWidget        *input);
void            att_product_editor_set_choices (AttProductEditor *self,
                                                AttEditorField   *field,
                                                GtkStringList    *labels,
                                                GPtrArray        *values);
const char     *att_product_editor_problem_for (AttProductEditor *self,
                                                const char       *path,
                                                gboolean         *is_error);

/* att-product-editor-choices.c */
void            att_product_editor_choices_init (AttProductEditor *self);
void            att_product_editor_update_sizes (AttProductEditor *self);

/* att-product-editor-tags.c */
void            att_product_editor_tags_load (AttProductEditor *self);
void            on_tag_entry_activate (AttProductEditor *self,
                                       GtkEntry         *entry);

/* att-product-editor-orders.c */
void            att_product_editor_orders_init (AttProductEditor *self);
void            att_product_editor_orders_ensure (AttProductEditor *self);
void            att_product_editor_orders_load (AttProductEditor *self,
                                                gboolean          whole);
void            att_product_editor_orders_show_problems (AttProductEditor *self);
void            att_product_editor_orders_show_page (AttProductEditor *self,
                                                     int               delta);
void            att_product_editor_orders_show_last (AttProductEditor *self);

/* att-product-editor-uses.c */
void            att_product_editor_uses_init (AttProductEditor *self);
void            att_product_editor_uses_set_problems (AttProductEditor *self,
                                                      GtkWidget        *section);

/* att-product-editor-drafts.c */
void            att_product_editor_drafts_init (AttProductEditor *self);
void            att_product_editor_drafts_dispose (AttProductEditor *self);
void            att_product_editor_drafts_changed (AttProductEditor *self);
void            att_product_editor_drafts_discard (AttProductEditor *self);
void            att_product_editor_drafts_set_save_error (AttProductEditor *self,
                                                          const char       *message);

/* att-product-editor-save.c */
void            att_product_editor_save_start (AttProductEditor *self);
void            att_product_editor_save_cancel (AttProductEditor *self);

G_END_DECLS
