/* att-product-editor.c: the form that edits one product: its state, its
 * actions, and the problems it shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "att-accessible.h"
#include "att-after-paint.h"
#include "att-context.h"
#include "att-product.h"
#include "att-product-editor-private.h"

G_DEFINE_FINAL_TYPE (AttProductEditor, att_product_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_EDIT,
  PROP_DRAFT_ID,
  PROP_MODIFIED,
  PROP_SAVING,
  N_PROPS
};

enum {
  SAVED,
  CLOSED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

/* Keystrokes closer than this are checked once. */
#define CHECK_DELAY_MS 30

/* How many problems the banner lists before "and N more". */
#define MAX_LISTED_PROBLEMS 5

static void
update_title (AttProductEditor *self)
{
  const char *name = att_product_edit_get_string (self->edit, "name");

  if (name == NULL || *name == '\0')
    name = att_product_edit_get_is_new (self->edit) ? _ ("New Product") : _ ("Unnamed Product");
  adw_window_title_set_title (self->window_title, name);
  adw_window_title_set_subtitle (self->window_title,
                                 att_product_edit_get_modified (self->edit) ? _ ("Unsaved changes") : NULL);
}

/* Problems */

static void
on_problem_clicked (GtkButton        *button,
                    AttProductEditor *self)
{
  att_product_editor_focus_path (self, g_object_get_data (G_OBJECT (button), "att-path"));
}

/* What the banner calls the field of @path: its row's title, or its
 * list. */
static char *
describe_path (AttProductEditor *self,
               const char       *path)
{
  g_autofree char *field_path = g_strdup (path);
  AttEditorField  *field;
  guint            index;

  g_strdelimit (field_path, "[", '\0');
  field = att_product_editor_find_field (self, field_path);
  if (field != NULL && ADW_IS_PREFERENCES_ROW (field->row))
    {
      g_autoptr(GString) title = g_string_new (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (field->row)));

      /* Without the mnemonic's underscore. */
      if (adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (field->row)))
        g_string_replace (title, "_", "", 0);
      return g_string_free (g_steal_pointer (&title), FALSE);
    }
  if (sscanf (path, ATT_PRODUCT_EDIT_PURCHASE_ORDERS "[%u]", &index) == 1)
    return g_strdup_printf (_ ("Purchase order %u"), index + 1);
  if (g_str_has_prefix (path, ATT_PRODUCT_EDIT_MATERIALS))
    return g_strdup (_ ("Materials"));
  if (g_str_has_prefix (path, ATT_PRODUCT_EDIT_PACKAGING))
    return g_strdup (_ ("Packaging"));
  if (g_str_has_prefix (path, ATT_PRODUCT_EDIT_COMPONENTS))
    return g_strdup (_ ("Components"));
  return NULL;
}

static GtkWidget *
create_problem_button (AttProductEditor    *self,
                       const AttFieldError *problem)
{
  GtkWidget       *button = gtk_button_new ();
  g_autofree char *where = describe_path (self, problem->path);
  g_autofree char *text = where != NULL ? g_strdup_printf (_ ("%s: %s"), where, problem->message)
                                        : g_strdup (problem->message);
  GtkWidget       *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "problem-link");
  gtk_widget_set_tooltip_text (button, _ ("Go to the field"));
  g_object_set_data_full (G_OBJECT (button), "att-path", g_strdup (problem->path), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_problem_clicked), self, 0);
  return button;
}

/* Whether the banner lists @problems already: the checks run after every
 * burst of typing, and the banner built again, even the same, made the
 * whole form lay out again. */
static gboolean
banner_unchanged (AttProductEditor *self,
                  GPtrArray        *problems)
{
  g_autoptr(GString) shown = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      const AttFieldError *problem = g_ptr_array_index (problems, i);

      g_string_append_printf (shown, "%s\t%s\n", problem->path != NULL ? problem->path : "",
                              problem->message);
    }
  if (g_strcmp0 (self->banner_shown, shown->str) == 0)
    return TRUE;
  g_free (self->banner_shown);
  self->banner_shown = g_string_free (g_steal_pointer (&shown), FALSE);
  return FALSE;
}

/* Every error at once, each a link to its field: Save says why it
 * cannot save rather than being merely greyed out. */
static void
update_problems_banner (AttProductEditor *self,
                        GPtrArray        *problems)
{
  GtkWidget       *child;
  g_autofree char *title = NULL;

  if (banner_unchanged (self, problems))
    return;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems_box))) != NULL)
    gtk_box_remove (self->problems_box, child);
  gtk_revealer_set_reveal_child (self->problems_revealer, problems->len > 0);
  if (problems->len == 0)
    return;

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "Cannot save: %u problem to fix",
                                        "Cannot save: %u problems to fix",
                                        problems->len),
                           problems->len);
  gtk_label_set_label (self->problems_title, title);
  for (guint i = 0; i < problems->len && i < MAX_LISTED_PROBLEMS; i++)
    gtk_box_append (self->problems_box, create_problem_button (self, g_ptr_array_index (problems, i)));
  if (problems->len > MAX_LISTED_PROBLEMS)
    {
      g_autofree char *more = g_strdup_printf (_ ("and %u more, marked in the form"),
                                               problems->len - MAX_LISTED_PROBLEMS);
      GtkWidget       *label = gtk_label_new (more);

      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_box_append (self->problems_box, label);
    }
}

/* Problems that are not the checks': numbers that are not numbers yet. */
static void
add_input_errors (AttProductEditor *self,
                  GPtrArray        *problems)
{
  GHashTableIter iter;
  gpointer       path, message;

  g_hash_table_iter_init (&iter, self->input_errors);
  while (g_hash_table_iter_next (&iter, &path, &message))
    g_ptr_array_insert (problems, 0, att_field_error_new (path, message));
}

static void
pass_problems_to_sections (AttProductEditor *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->uses); i++)
    if (self->uses[i] != NULL)
      att_product_editor_uses_set_problems (self, self->uses[i]);
}

static gboolean
validate_idle_cb (gpointer user_data)
{
  AttProductEditor *self = user_data;
  g_autoptr(GPtrArray) blocking = NULL;
  gboolean can_save;

  self->validate_idle = 0;
  g_clear_pointer (&self->errors, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  self->errors = att_product_edit_validate (self->edit, &self->warnings);

  blocking = g_ptr_array_new_with_free_func ((GDestroyNotify) att_field_error_free);
  for (guint i = 0; i < self->errors->len; i++)
    g_ptr_array_add (blocking, att_field_error_copy (g_ptr_array_index (self->errors, i)));
  add_input_errors (self, blocking);

  att_product_editor_show_field_problems (self);
  att_product_editor_orders_show_problems (self);
  pass_problems_to_sections (self);
  update_problems_banner (self, blocking);

  can_save = blocking->len == 0 && !self->saving &&
             (att_product_edit_get_modified (self->edit) || att_product_edit_get_is_new (self->edit));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", can_save);
  return G_SOURCE_REMOVE;
}

/* Checks run once per burst of typing, after its keystrokes are
 * handled, never in the middle of one.  A short timeout rather than an
 * idle: under a stream of input events an idle can wait for as long as
 * the typing lasts. */
void
att_product_editor_queue_validate (AttProductEditor *self)
{
  if (self->validate_idle == 0)
    self->validate_idle = g_timeout_add (CHECK_DELAY_MS, validate_idle_cb, self);
}

/* What the server said about a 400: each problem on its field until the
 * next edit. */
void
att_product_editor_set_server_errors (AttProductEditor *self,
                                      GPtrArray        *errors)
{
  g_clear_pointer (&self->server_errors, g_ptr_array_unref);
  if (errors != NULL)
    self->server_errors = g_ptr_array_ref (errors);
  att_product_editor_queue_validate (self);
}

/* The edit */

static void
on_edit_changed (AttProductEdit   *edit,
                 const char       *member,
                 AttProductEditor *self)
{
  /* The server's word was about what was sent, not what is there now. */
  g_clear_pointer (&self->server_errors, g_ptr_array_unref);

  if (member == NULL)
    {
      att_product_editor_fields_load (self, NULL);
      att_product_editor_tags_load (self);
      att_product_editor_orders_load (self, TRUE);
      att_product_editor_update_sizes (self);
    }
  else if (g_str_equal (member, "tags"))
    att_product_editor_tags_load (self);
  else if (g_str_equal (member, ATT_PRODUCT_EDIT_PURCHASE_ORDERS))
    att_product_editor_orders_load (self, FALSE);
  else
    {
      att_product_editor_fields_load (self, member);
      if (g_str_equal (member, "categoryExpansionId"))
        att_product_editor_update_sizes (self);
    }

  update_title (self);
  att_product_editor_queue_validate (self);
  att_product_editor_drafts_changed (self);
}

static void
on_modified_changed (AttProductEditor *self)
{
  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
on_history_changed (AttProductEditor *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.undo",
                                 att_product_edit_get_can_undo (self->edit));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.redo",
                                 att_product_edit_get_can_redo (self->edit));
}

/* Saving */

void
att_product_editor_set_saving (AttProductEditor *self,
                               gboolean          saving)
{
  self->saving = saving;
  gtk_widget_set_visible (GTK_WIDGET (self->save_spinner), saving);
  gtk_spinner_set_spinning (self->save_spinner, saving);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_save_button), saving);
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), !saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.cancel-save", saving);
  if (saving)
    gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  att_product_editor_queue_validate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVING]);
}

/* A save that failed: the edits stay, and so does the draft, with the
 * error and a Retry. */
void
att_product_editor_show_save_error (AttProductEditor *self,
                                    const char       *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

static void
finish_close (AttProductEditor *self,
              gboolean          may_close)
{
  AttEditorCloseFunc func = self->close_func;

  self->close_func = NULL;
  if (func != NULL)
    func (self, may_close, self->close_data);
}

void
att_product_editor_saved (AttProductEditor *self,
                          AttProduct       *product)
{
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  if (product != NULL)
    g_signal_emit (self, signals[SAVED], 0, product);
  finish_close (self, TRUE);
}

void
att_product_editor_save_failed (AttProductEditor *self)
{
  finish_close (self, FALSE);
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  att_product_editor_save (ATT_PRODUCT_EDITOR (widget));
}

static void
cancel_save_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  att_product_editor_save_cancel (ATT_PRODUCT_EDITOR (widget));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  att_product_edit_undo (ATT_PRODUCT_EDITOR (widget)->edit);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  att_product_edit_redo (ATT_PRODUCT_EDITOR (widget)->edit);
}

static void
on_closed (AttProductEditor *self,
           gboolean          may_close,
           gpointer          user_data)
{
  if (may_close)
    g_signal_emit (self, signals[CLOSED], 0);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  att_product_editor_ask_close (ATT_PRODUCT_EDITOR (widget), FALSE, on_closed, NULL);
}

/* The new order's first entry takes the focus once its row exists. */
static gboolean
focus_new_order (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  AttProductEditor *self = ATT_PRODUCT_EDITOR (widget);
  GtkWidget        *last = gtk_widget_get_last_child (GTK_WIDGET (self->orders_view));
  GtkWidget        *row;

  /* The list view's last child is its rubberband or a row; rows are
   * listed in order. */
  for (; last != NULL; last = gtk_widget_get_prev_sibling (last))
    {
      row = gtk_widget_get_first_child (last);
      if (row != NULL && g_object_get_data (G_OBJECT (row), "att-list-item") != NULL)
        {
          GtkListItem *item = g_object_get_data (G_OBJECT (row), "att-list-item");

          if (gtk_slice_list_model_get_offset (self->order_page) + gtk_list_item_get_position (item) + 1 ==
              att_product_edit_get_n_items (self->edit, ATT_PRODUCT_EDIT_PURCHASE_ORDERS))
            {
              gtk_widget_grab_focus (gtk_widget_get_first_child (gtk_widget_get_first_child (row)));
              return G_SOURCE_REMOVE;
            }
        }
    }
  return G_SOURCE_REMOVE;
}

static void
add_order_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AttProductEditor *self = ATT_PRODUCT_EDITOR (widget);
  g_autoptr(JsonObject) order = json_object_new ();

  att_product_editor_orders_ensure (self);
  att_product_edit_append_item (self->edit, ATT_PRODUCT_EDIT_PURCHASE_ORDERS, order);
  att_product_editor_orders_show_last (self);
  gtk_widget_add_tick_callback (widget, focus_new_order, NULL, NULL);
}

static void
orders_previous_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  att_product_editor_orders_show_page (ATT_PRODUCT_EDITOR (widget), -1);
}

static void
orders_next_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  att_product_editor_orders_show_page (ATT_PRODUCT_EDITOR (widget), 1);
}

/* GObject */

/**
 * att_product_editor_eco_ensure:
 *
 * Shows the eco-score groups now if they are still waiting for the frame
 * after the first: whoever wants one of their fields (the focus) asks
 * for them first.
 */
void
att_product_editor_eco_ensure (AttProductEditor *self)
{
  if (gtk_widget_get_visible (self->eco_group))
    return;
  gtk_widget_set_visible (self->eco_placeholder, FALSE);
  gtk_widget_set_visible (self->eco_group, TRUE);
  gtk_widget_set_visible (self->optional_group, TRUE);
}

static void
show_eco_after_paint (GtkWidget *widget,
                      gpointer   user_data)
{
  /* Not once the editor is disposed. */
  if (ATT_PRODUCT_EDITOR (widget)->edit != NULL)
    att_product_editor_eco_ensure (ATT_PRODUCT_EDITOR (widget));
}

static void
att_product_editor_constructed (GObject *object)
{
  AttProductEditor *self = (AttProductEditor *) object;

  G_OBJECT_CLASS (att_product_editor_parent_class)->constructed (object);

  g_assert (self->edit != NULL && self->context != NULL);

  att_product_editor_fields_init (self);
  att_product_editor_choices_init (self);
  att_product_editor_orders_init (self);
  att_product_editor_uses_init (self);
  /* The eco-score groups, below the fold, are a dozen combo and entry
   * rows to style and lay out: a placeholder of about their height keeps
   * their room in the first frame, and they come in an idle after it. */
  att_widget_idle_after_next_paint (GTK_WIDGET (self), show_eco_after_paint, NULL);
  att_product_editor_fields_load (self, NULL);
  att_product_editor_tags_load (self);
  att_product_editor_orders_load (self, TRUE);

  g_signal_connect_object (self->edit, "changed", G_CALLBACK (on_edit_changed), self, 0);
  g_signal_connect_object (self->edit, "notify::modified", G_CALLBACK (on_modified_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->edit, "notify::can-undo", G_CALLBACK (on_history_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->edit, "notify::can-redo", G_CALLBACK (on_history_changed), self,
                           G_CONNECT_SWAPPED);
  on_history_changed (self);
  update_title (self);
  att_product_editor_drafts_init (self);
  att_product_editor_queue_validate (self);
}

static void
att_product_editor_dispose (GObject *object)
{
  AttProductEditor *self = (AttProductEditor *) object;
  GtkWidget        *child;

  g_cancellable_cancel (self->cancellable);
  if (self->save_cancellable != NULL)
    g_cancellable_cancel (self->save_cancellable);
  g_clear_handle_id (&self->validate_idle, g_source_remove);
  att_product_editor_drafts_dispose (self);
  if (self->edit != NULL)
    g_signal_handlers_disconnect_by_data (self->edit, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATT_TYPE_PRODUCT_EDITOR);
  /* The template's root has no id, so unparent it here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->order_page);
  g_clear_object (&self->order_rows);
  g_clear_object (&self->categories);
  g_clear_object (&self->countries);
  g_clear_object (&self->save_cancellable);
  g_clear_object (&self->edit);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (att_product_editor_parent_class)->dispose (object);
}

static void
att_product_editor_finalize (GObject *object)
{
  AttProductEditor *self = (AttProductEditor *) object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->input_errors, g_hash_table_unref);
  g_clear_pointer (&self->errors, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->server_errors, g_ptr_array_unref);
  g_free (self->draft_id);
  g_free (self->banner_shown);

  G_OBJECT_CLASS (att_product_editor_parent_class)->finalize (object);
}

static void
att_product_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AttProductEditor *self = ATT_PRODUCT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_EDIT:
      g_value_set_object (value, self->edit);
      break;

    case PROP_DRAFT_ID:
      g_value_set_string (value, self->draft_id);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, att_product_editor_get_modified (self));
      break;

    case PROP_SAVING:
      g_value_set_boolean (value, self->saving);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_product_editor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AttProductEditor *self = ATT_PRODUCT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_EDIT:
      self->edit = g_value_dup_object (value);
      break;

    case PROP_DRAFT_ID:
      self->draft_id = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_product_editor_class_init (AttProductEditorClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = att_product_editor_constructed;
  object_class->dispose = att_product_editor_dispose;
  object_class->finalize = att_product_editor_finalize;
  object_class->get_property = att_product_editor_get_property;
  object_class->set_property = att_product_editor_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         ATT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDIT] =
    g_param_spec_object ("edit", NULL, NULL,
                         ATT_TYPE_PRODUCT_EDIT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DRAFT_ID] =
    g_param_spec_string ("draft-id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SAVING] =
    g_param_spec_boolean ("saving", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AttProductEditor::saved:
   * @product: the server's copy, as saved
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ATT_TYPE_PRODUCT);

  /**
   * AttProductEditor::closed:
   *
   * The user closed the editor, after saving or deciding what to do with
   * the edits.
   */
  signals[CLOSED] =
    g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/attestapp/Attest/att-product-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AttProductEditor, header_bar);
  gtk_widget_class_bind_template_child (widget_class, AttProductEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, AttProductEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, AttProductEditor, cancel_save_button);
  gtk_widget_class_bind_template_child (widget_class, AttProductEditor, save_spinner);
  gtk_widget_class_bind_template_child (widget_class, AttProductEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, AttProductEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, AttProductEditor, retry_button);
  gtk_widget_class_bind_template_child (widget_class, AttProductEditor, problems_revealer);
  gtk_widget_class_bind_template_child (widget_class, AttProductEditor, problems_title);
  gtk_widget_class_bind_template_child (widget_class, AttProductEditor, problems_box);
  gtk_widget_class_bind_template_child (widget_class, AttProductEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, AttProductEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, AttProductEditor, category_row);
  gtk_widget_class_bind_template_child (widget_class, AttProductEditor, size_row);
  gtk_widget_class_bind_template_child (widget_class, AttProductEditor, identifier_type_row);
  gtk_widget_class_bind_template_child (widget_class, AttProductEditor, identifier_row);
  gtk_widget_class_bind_template_child (widget_class, AttProductEditor, tags_row);
  gtk_widget_class_bind_template_child (widget_class, AttProductEditor, tags_box);
  gtk_widget_class_bind_template_child (widget_class, AttProductEditor, tag_entry);
  gtk_widget_class_bind_template_child (widget_class, AttProductEditor, weight_row);
  gtk_widget_class_bind_template_child (widget_class, AttProductEditor, unit_row);
  gtk_widget_class_bind_template_child (widget_class, AttProductEditor, primary_switch);
  gtk_widget_class_bind_template_child (widget_class, AttProductEditor, material_weight_switch);
  gtk_widget_class_bind_template_child (widget_class, AttProductEditor, materials_slot);
  gtk_widget_class_bind_template_child (widget_class, AttProductEditor, packaging_slot);
  gtk_widget_class_bind_template_child (widget_class, AttProductEditor, components_slot);
  gtk_widget_class_bind_template_child (widget_class, AttProductEditor, orders_group);
  gtk_widget_class_bind_template_child (widget_class, AttProductEditor, orders_stack);
  gtk_widget_class_bind_template_child (widget_class, AttProductEditor, orders_view);
  gtk_widget_class_bind_template_child (widget_class, AttProductEditor, orders_pager);
  gtk_widget_class_bind_template_child (widget_class, AttProductEditor, orders_range);
  gtk_widget_class_bind_template_child (widget_class, AttProductEditor, eco_placeholder);
  gtk_widget_class_bind_template_child (widget_class, AttProductEditor, eco_group);
  gtk_widget_class_bind_template_child (widget_class, AttProductEditor, optional_group);
  gtk_widget_class_bind_template_child (widget_class, AttProductEditor, country_row);
  gtk_widget_class_bind_template_child (widget_class, AttProductEditor, dyeing_row);
  gtk_widget_class_bind_template_child (widget_class, AttProductEditor, fabric_row);
  gtk_widget_class_bind_template_child (widget_class, AttProductEditor, business_row);
  gtk_widget_class_bind_template_child (widget_class, AttProductEditor, spinning_row);
  gtk_widget_class_bind_template_child (widget_class, AttProductEditor, references_row);
  gtk_widget_class_bind_template_child (widget_class, AttProductEditor, price_row);
  gtk_widget_class_bind_template_child (widget_class, AttProductEditor, upcycled_row);
  gtk_widget_class_bind_template_callback (widget_class, on_tag_entry_activate);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel-save", NULL, cancel_save_action);
  gtk_widget_class_install_action (widget_class, "editor.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "editor.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "editor.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "editor.add-order", NULL, add_order_action);
  gtk_widget_class_install_action (widget_class, "editor.orders-previous", NULL, orders_previous_action);
  gtk_widget_class_install_action (widget_class, "editor.orders-next", NULL, orders_next_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "editor.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.redo", NULL);

  gtk_widget_class_set_css_name (widget_class, "producteditor");
}

/* The title is the name as typed, and a label's natural width is its
 * text's: each key typed in the name made the editor wider by a character,
 * and the leaflet that shares the window between the list and the editor
 * laid out and painted both again, the whole window per keystroke (3 to 5
 * times a one-field frame).  Capped at a character, the labels' natural
 * width no longer follows the text; the title expands into the header
 * bar's free space instead, and ellipsizes as before. */
static void
keep_title_width (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    gtk_label_set_max_width_chars (GTK_LABEL (widget), 1);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    keep_title_width (child);
}

static void
att_product_editor_init (AttProductEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  att_accessible_fix_mnemonics (GTK_WIDGET (self));
  gtk_widget_set_hexpand (GTK_WIDGET (self->window_title), TRUE);
  keep_title_width (GTK_WIDGET (self->window_title));

  self->cancellable = g_cancellable_new ();
  self->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) att_editor_field_free);
  self->input_errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  /* Combo rows list GtkStringObjects, shown by their strings. */
  {
    AdwComboRow *combos[] = {
      self->category_row, self->size_row, self->identifier_type_row, self->unit_row,
      self->country_row, self->dyeing_row, self->fabric_row, self->business_row,
      self->spinning_row, self->upcycled_row
    };

    for (guint i = 0; i < G_N_ELEMENTS (combos); i++)
      adw_combo_row_set_expression (combos[i],
                                    gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.cancel-save", FALSE);
}

GtkWidget *
att_product_editor_new (AttContext     *context,
                        AttProductEdit *edit,
                        const char     *draft_id)
{
  g_return_val_if_fail (ATT_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (ATT_IS_PRODUCT_EDIT (edit), NULL);

  return g_object_new (ATT_TYPE_PRODUCT_EDITOR,
                       "context", context,
                       "edit", edit,
                       "draft-id", draft_id,
                       NULL);
}

AttContext *
att_product_editor_get_context (AttProductEditor *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT_EDITOR (self), NULL);

  return self->context;
}

AttProductEdit *
att_product_editor_get_edit (AttProductEditor *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT_EDITOR (self), NULL);

  return self->edit;
}

const char *
att_product_editor_get_draft_id (AttProductEditor *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT_EDITOR (self), NULL);

  return self->draft_id;
}

gboolean
att_product_editor_get_modified (AttProductEditor *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT_EDITOR (self), FALSE);

  return self->edit != NULL && att_product_edit_get_modified (self->edit);
}

gboolean
att_product_editor_get_saving (AttProductEditor *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT_EDITOR (self), FALSE);

  return self->saving;
}

void
att_product_editor_save (AttProductEditor *self)
{
  g_return_if_fail (ATT_IS_PRODUCT_EDITOR (self));

  if (!self->saving)
    att_product_editor_save_start (self);
}
