/* att-paged-state.c: what a list over an AttPagedModel shows while it
 * loads, fails or finds nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-paged-model.h"
#include "att-paged-state.h"
#include "att-spinner.h"

/**
 * att_paged_state_show:
 * @model: the list's model
 * @stack: a stack with "loading", "error", "empty" and "list" children
 * @spinner: the spinner of the "loading" child
 * @error_page: the status page of the "error" child
 *
 * Shows in @stack where @model's first page stands: its error, a spinner
 * started late enough that a quick answer shows none, the empty page (whose
 * description is the caller's to set), or the list.
 *
 * Returns: the state shown
 */
AttPagedState
att_paged_state_show (AttPagedModel *model,
                      GtkStack      *stack,
                      GtkSpinner    *spinner,
                      AdwStatusPage *error_page)
{
  g_autoptr(GError) error = NULL;
  gboolean      loaded = FALSE;
  AttPagedState state;

  g_object_get (model, "loaded", &loaded, "error", &error, NULL);
  if (!loaded && error != NULL)
    {
      adw_status_page_set_description (error_page, error->message);
      state = ATT_PAGED_STATE_ERROR;
      gtk_stack_set_visible_child_name (stack, "error");
    }
  else if (!loaded)
    {
      att_spinner_start_delayed (spinner, ATT_SPINNER_DELAY_MS);
      gtk_stack_set_visible_child_name (stack, "loading");
      return ATT_PAGED_STATE_LOADING;
    }
  else if (g_list_model_get_n_items (G_LIST_MODEL (model)) == 0)
    {
      state = ATT_PAGED_STATE_EMPTY;
      gtk_stack_set_visible_child_name (stack, "empty");
    }
  else
    {
      state = ATT_PAGED_STATE_LIST;
      gtk_stack_set_visible_child_name (stack, "list");
    }
  att_spinner_stop (spinner);
  return state;
}

/**
 * att_paged_state_placeholder_text:
 * @model: (nullable): the list's model
 *
 * Returns: what a row shows until the item at @position has come: that it
 *   is loading, could not be loaded, or could not be read
 */
const char *
att_paged_state_placeholder_text (AttPagedModel *model,
                                  guint          position)
{
  AttPagedItemState state = model != NULL ? att_paged_model_get_item_state (model, position)
                                          : ATT_PAGED_ITEM_PENDING;

  if (state == ATT_PAGED_ITEM_FAILED)
    return _ ("Could not be loaded");
  if (state == ATT_PAGED_ITEM_UNREADABLE)
    return _ ("Unreadable entry");
  return _ ("Loading…");
}
