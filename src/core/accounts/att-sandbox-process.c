/* att-sandbox-process.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <gio/gunixinputstream.h>
#include <glib-unix.h>
#include <glib/gi18n-lib.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "att-sandbox-process.h"

/*
 * Runs attest-sandbox as a child for the demo mode.  The child is started
 * with `--port 0 --exit-with-parent --address-fd 3` and writes its base URL
 * on a pipe of its own, its descriptor 3: not on stdout, where GLib also
 * writes debug messages when G_MESSAGES_DEBUG is set.  Its stdin is a pipe
 * whose write end only this process holds, for as long as the object lives:
 * when the app dies, however it dies, the kernel closes that end and the
 * child exits on end-of-file, so no sandbox is ever left behind.  The
 * child's output (stdout and stderr, merged) is passed on to our stderr and
 * its last few kilobytes are kept, to explain a failed start.
 */

#define START_TIMEOUT_SECONDS 20
#define STOP_GRACE_SECONDS    3
#define STDERR_TAIL_SIZE      4096
#define CHILD_ADDRESS_FD      3

/* Reads the child's output for its whole life.  It is shared by the object
 * and the chain of reads, so that neither keeps the other alive: the object
 * can be disposed (which stops the child) while a read is pending. */
typedef struct
{
  GWeakRef      self;
  GInputStream *stream;
  GCancellable *cancellable;
  GString      *tail;
  char          buffer[1024];
  gboolean      done;
} OutputReader;

struct _AttSandboxProcess
{
  GObject       parent_instance;

  GSubprocess  *subprocess;
  GCancellable *cancellable;
  char         *base_url;

  OutputReader *output_reader;

  /* The start in progress, until it returns. */
  GTask        *start_task;
};

G_DEFINE_FINAL_TYPE (AttSandboxProcess, att_sandbox_process, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BASE_URL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  AttSandboxProcess *self;
  GDataInputStream  *address_stream;
  GCancellable      *read_cancellable;
  GCancellable      *caller_cancellable;
  gulong             cancelled_id;
  GSource           *timeout_source;
  gboolean           timed_out;
  gboolean           address_closed;
} StartData;

static void
output_reader_clear (OutputReader *reader)
{
  g_weak_ref_clear (&reader->self);
  g_clear_object (&reader->stream);
  g_clear_object (&reader->cancellable);
  g_string_free (reader->tail, TRUE);
}

static void
output_reader_unref (OutputReader *reader)
{
  g_rc_box_release_full (reader, (GDestroyNotify) output_reader_clear);
}

static void
start_data_free (StartData *data)
{
  if (data->timeout_source != NULL)
    {
      g_source_destroy (data->timeout_source);
      g_source_unref (data->timeout_source);
    }
  if (data->caller_cancellable != NULL)
    g_cancellable_disconnect (data->caller_cancellable, data->cancelled_id);
  g_clear_object (&data->caller_cancellable);
  g_clear_object (&data->read_cancellable);
  g_clear_object (&data->address_stream);
  g_clear_object (&data->self);
  g_free (data);
}

/* Program lookup -------------------------------------------------------------- */

static gboolean
is_program (const char *path)
{
  return g_file_test (path, G_FILE_TEST_IS_EXECUTABLE) &&
         !g_file_test (path, G_FILE_TEST_IS_DIR);
}

/**
 * att_sandbox_process_find_program:
 *
 * Finds attest-sandbox: `$ATTEST_SANDBOX` if set; else next to the running
 * executable, or where the build tree puts it relative to the app and the
 * tests; else in the installed bindir.
 *
 * Returns: (transfer full): the path of the program
 */
char *
att_sandbox_process_find_program (void)
{
  const char      *env = g_getenv ("ATTEST_SANDBOX");
  g_autofree char *exe = NULL;

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  exe = g_file_read_link ("/proc/self/exe", NULL);
  if (exe != NULL)
    {
      g_autofree char  *dir = g_path_get_dirname (exe);
      const char *const relative[] = {
        "attest-sandbox",                /* installed side by side */
        "../sandbox/attest-sandbox",     /* build tree, from src/<x>/ */
        "sandbox/attest-sandbox",        /* build tree, from src/ */
        "../src/sandbox/attest-sandbox", /* build tree, from tests/ */
      };

      for (guint i = 0; i < G_N_ELEMENTS (relative); i++)
        {
          g_autofree char *path = g_build_filename (dir, relative[i], NULL);

          if (is_program (path))
            return g_canonicalize_filename (path, NULL);
        }
    }

  return g_build_filename (BINDIR, "attest-sandbox", NULL);
}

/* Output ---------------------------------------------------------------------- */

static void finish_start_after_exit (AttSandboxProcess *self,
                                     gboolean           give_up);

static void read_output (OutputReader *reader);

static void
output_read_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  OutputReader *reader = user_data;
  g_autoptr(GError) error = NULL;
  gssize n_read;

  n_read = g_input_stream_read_finish (G_INPUT_STREAM (object), result, &error);
  if (n_read <= 0)
    {
      g_autoptr(AttSandboxProcess) self = g_weak_ref_get (&reader->self);

      reader->done = TRUE;
      if (self != NULL)
        finish_start_after_exit (self, FALSE);
      output_reader_unref (reader);
      return;
    }

  /* Pass the child's messages on, so its warnings are not lost. */
  if (write (STDERR_FILENO, reader->buffer, (size_t) n_read) < 0)
    {
      /* Nowhere to write them: they are still kept in the tail. */
    }

  g_string_append_len (reader->tail, reader->buffer, n_read);
  if (reader->tail->len > STDERR_TAIL_SIZE)
    g_string_erase (reader->tail, 0, (gssize) (reader->tail->len - STDERR_TAIL_SIZE));

  read_output (reader);
}

/* Takes over the caller's reference to @reader. */
static void
read_output (OutputReader *reader)
{
  g_input_stream_read_async (reader->stream, reader->buffer, sizeof reader->buffer,
                             G_PRIORITY_DEFAULT, reader->cancellable,
                             output_read_cb, reader);
}

/* Start ----------------------------------------------------------------------- */

/* Called when the address pipe or the output closes: once both have, the
 * child is gone (or has closed them) and its output tail is complete. */
static void
finish_start_after_exit (AttSandboxProcess *self,
                         gboolean           give_up)
{
  g_autoptr(GTask) task = NULL;
  StartData       *data;
  g_autofree char *tail = NULL;

  if (self->start_task == NULL)
    return;

  data = g_task_get_task_data (self->start_task);
  if (!data->address_closed || !(self->output_reader->done || give_up))
    return;

  task = g_steal_pointer (&self->start_task);
  att_sandbox_process_stop (self);
  tail = g_strstrip (g_strdup (self->output_reader->tail->str));
  if (*tail != '\0')
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                             /* Translators: %s is what the server printed. */
                             _ ("The demo server stopped before it was ready: %s"), tail);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                             "%s", _ ("The demo server stopped before it was ready"));
}

static void
address_line_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StartData         *data = g_task_get_task_data (task);
  AttSandboxProcess *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;

  line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (object), result, NULL, &error);

  if (self->start_task != task)
    return;

  if (error != NULL)
    {
      g_clear_object (&self->start_task);
      att_sandbox_process_stop (self);

      if (data->timed_out)
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                                 _ ("The demo server did not start within %d seconds"),
                                 START_TIMEOUT_SECONDS);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (line == NULL)
    {
      /* End of file before the URL: the child failed to start.  Wait for
       * its output to close too, to say why. */
      data->address_closed = TRUE;
      finish_start_after_exit (self, FALSE);
      return;
    }

  g_strstrip (line);
  if (!g_str_has_prefix (line, "http://127.0.0.1:"))
    {
      g_clear_object (&self->start_task);
      att_sandbox_process_stop (self);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _ ("The demo server printed an unexpected address: %s"), line);
      return;
    }

  g_clear_object (&self->start_task);
  self->base_url = g_steal_pointer (&line);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASE_URL]);
  g_task_return_pointer (task, g_object_ref (self), g_object_unref);
}

static gboolean
start_timeout_cb (gpointer user_data)
{
  StartData *data = user_data;

  /* The source is destroyed when this returns; forget it first, since
   * finishing the start frees @data. */
  g_clear_pointer (&data->timeout_source, g_source_unref);
  data->timed_out = TRUE;
  if (data->address_closed)
    {
      /* The child closed the address pipe but something keeps its output
       * open: explain with what there is. */
      finish_start_after_exit (data->self, TRUE);
    }
  else
    {
      g_cancellable_cancel (data->read_cancellable);
    }

  return G_SOURCE_REMOVE;
}

static void
caller_cancelled_cb (GCancellable *cancellable,
                     GCancellable *read_cancellable)
{
  g_cancellable_cancel (read_cancellable);
}

static GPtrArray *
build_argv (const char        *program,
            const char *const *extra_args)
{
  GPtrArray *argv = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (argv, program != NULL ? g_strdup (program) : att_sandbox_process_find_program ());
  g_ptr_array_add (argv, g_strdup ("--port"));
  g_ptr_array_add (argv, g_strdup ("0"));
  g_ptr_array_add (argv, g_strdup ("--exit-with-parent"));
  g_ptr_array_add (argv, g_strdup ("--address-fd"));
  g_ptr_array_add (argv, g_strdup_printf ("%d", CHILD_ADDRESS_FD));
  for (guint i = 0; extra_args != NULL && extra_args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (extra_args[i]));
  g_ptr_array_add (argv, NULL);
  return argv;
}

/* Starts the child with the write end of a new pipe as its descriptor
 * CHILD_ADDRESS_FD; returns the read end in @address_fd.  The launcher
 * closes our copy of the write end, so the read end reaches end-of-file
 * when the child exits without writing its address. */
static GSubprocess *
spawn_child (GPtrArray *argv,
             int       *address_fd,
             GError   **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  GSubprocess *subprocess;
  int          fds[2];

  if (!g_unix_open_pipe (fds, FD_CLOEXEC, error))
    return NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_subprocess_launcher_take_fd (launcher, fds[1], CHILD_ADDRESS_FD);
  subprocess = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, error);
  if (subprocess == NULL)
    close (fds[0]);
  else
    *address_fd = fds[0];
  return subprocess;
}

static StartData *
start_data_new (AttSandboxProcess *self,
                int                address_fd,
                GCancellable      *cancellable)
{
  g_autoptr(GInputStream) address = g_unix_input_stream_new (address_fd, TRUE);
  StartData *data = g_new0 (StartData, 1);

  data->self = g_object_ref (self);
  data->address_stream = g_data_input_stream_new (address);
  data->read_cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      data->caller_cancellable = g_object_ref (cancellable);
      data->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (caller_cancelled_cb),
                                                  data->read_cancellable, NULL);
    }
  data->timeout_source = g_timeout_source_new_seconds (START_TIMEOUT_SECONDS);
  g_source_set_callback (data->timeout_source, start_timeout_cb, data, NULL);
  return data;
}

/**
 * att_sandbox_process_new_async:
 * @program: (nullable): the server program, or %NULL to find it with
 *   att_sandbox_process_find_program()
 * @extra_args: (nullable) (array zero-terminated=1): more arguments, e.g.
 *   `{"--seed", "demo", NULL}`
 *
 * Starts the sandbox server as a child process and waits (at most 20 s)
 * for it to hand over its address.
 */
void
att_sandbox_process_new_async (const char         *program,
                               const char *const  *extra_args,
                               GCancellable       *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) argv = build_argv (program, extra_args);
  g_autoptr(AttSandboxProcess) self = NULL;
  g_autoptr(GError) error = NULL;
  StartData *data;
  int        address_fd = -1;

  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ATT_SOURCE_TAG (att_sandbox_process_new_async));

  self = g_object_new (ATT_TYPE_SANDBOX_PROCESS, NULL);
  self->subprocess = spawn_child (argv, &address_fd, &error);
  if (self->subprocess == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               /* Translators: %s explains why a program could not be run. */
                               _ ("Could not start the demo server: %s"), error->message);
      return;
    }

  g_debug ("Started %s (pid %s)", (const char *) argv->pdata[0],
           g_subprocess_get_identifier (self->subprocess));

  self->output_reader->stream = g_object_ref (g_subprocess_get_stdout_pipe (self->subprocess));
  read_output (g_rc_box_acquire (self->output_reader));

  data = start_data_new (self, address_fd, cancellable);
  g_source_attach (data->timeout_source, g_task_get_context (task));
  g_task_set_task_data (task, data, (GDestroyNotify) start_data_free);

  self->start_task = g_object_ref (task);
  g_data_input_stream_read_line_async (data->address_stream, G_PRIORITY_DEFAULT,
                                       data->read_cancellable, address_line_cb,
                                       g_steal_pointer (&task));
}

/**
 * att_sandbox_process_new_finish:
 *
 * Returns: (transfer full): the running sandbox, or %NULL on error
 */
AttSandboxProcess *
att_sandbox_process_new_finish (GAsyncResult *result,
                                GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ATT_SOURCE_TAG (att_sandbox_process_new_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Stop ------------------------------------------------------------------------ */

typedef struct
{
  GSubprocess *subprocess;
  guint        kill_id;
} StopData;

static void
stop_wait_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  StopData *data = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  g_debug ("The sandbox child has exited");
  g_clear_handle_id (&data->kill_id, g_source_remove);
  g_clear_object (&data->subprocess);
  g_free (data);
}

static gboolean
stop_kill_cb (gpointer user_data)
{
  StopData *data = user_data;

  data->kill_id = 0;
  g_debug ("The sandbox child ignored SIGTERM: killing it");
  g_subprocess_force_exit (data->subprocess);
  return G_SOURCE_REMOVE;
}

/**
 * att_sandbox_process_stop:
 *
 * Asks the child to exit (SIGTERM, and end-of-file on its stdin), and kills
 * it if it is still there after a few seconds.  Returns at once.
 */
void
att_sandbox_process_stop (AttSandboxProcess *self)
{
  g_autoptr(GSubprocess) subprocess = NULL;
  GOutputStream *stdin_pipe;
  StopData      *data;

  g_return_if_fail (ATT_IS_SANDBOX_PROCESS (self));

  subprocess = g_steal_pointer (&self->subprocess);
  if (subprocess == NULL)
    return;

  g_cancellable_cancel (self->cancellable);

  stdin_pipe = g_subprocess_get_stdin_pipe (subprocess);
  if (stdin_pipe != NULL)
    g_output_stream_close (stdin_pipe, NULL, NULL);
  g_subprocess_send_signal (subprocess, SIGTERM);

  data = g_new0 (StopData, 1);
  data->subprocess = g_object_ref (subprocess);
  data->kill_id = g_timeout_add_seconds (STOP_GRACE_SECONDS, stop_kill_cb, data);
  g_subprocess_wait_async (subprocess, NULL, stop_wait_cb, data);
}

static void
wait_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (g_subprocess_wait_finish (G_SUBPROCESS (object), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * att_sandbox_process_wait_async:
 *
 * Waits until the child has exited, however it ended; at once if it has
 * already, or if it was stopped.
 */
void
att_sandbox_process_wait_async (AttSandboxProcess  *self,
                                GCancellable       *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ATT_IS_SANDBOX_PROCESS (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ATT_SOURCE_TAG (att_sandbox_process_wait_async));
  if (self->subprocess == NULL)
    g_task_return_boolean (task, TRUE);
  else
    g_subprocess_wait_async (self->subprocess, cancellable, wait_cb, g_steal_pointer (&task));
}

/**
 * att_sandbox_process_wait_finish:
 *
 * Returns: %TRUE once the child has exited; %FALSE if cancelled first
 */
gboolean
att_sandbox_process_wait_finish (AttSandboxProcess *self,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * att_sandbox_process_get_base_url:
 *
 * Returns: (nullable): `http://127.0.0.1:PORT`
 */
const char *
att_sandbox_process_get_base_url (AttSandboxProcess *self)
{
  g_return_val_if_fail (ATT_IS_SANDBOX_PROCESS (self), NULL);

  return self->base_url;
}

/**
 * att_sandbox_process_get_pid:
 *
 * Returns: the child's process id, or 0 once stopped
 */
GPid
att_sandbox_process_get_pid (AttSandboxProcess *self)
{
  const char *identifier;

  g_return_val_if_fail (ATT_IS_SANDBOX_PROCESS (self), 0);

  if (self->subprocess == NULL)
    return 0;
  identifier = g_subprocess_get_identifier (self->subprocess);
  return identifier != NULL ? (GPid) g_ascii_strtoll (identifier, NULL, 10) : 0;
}

/* GObject --------------------------------------------------------------------- */

static void
att_sandbox_process_dispose (GObject *object)
{
  AttSandboxProcess *self = (AttSandboxProcess *) object;

  att_sandbox_process_stop (self);

  G_OBJECT_CLASS (att_sandbox_process_parent_class)->dispose (object);
}

static void
att_sandbox_process_finalize (GObject *object)
{
  AttSandboxProcess *self = (AttSandboxProcess *) object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->output_reader, output_reader_unref);

  G_OBJECT_CLASS (att_sandbox_process_parent_class)->finalize (object);
}

static void
att_sandbox_process_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AttSandboxProcess *self = ATT_SANDBOX_PROCESS (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_sandbox_process_class_init (AttSandboxProcessClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = att_sandbox_process_dispose;
  object_class->finalize = att_sandbox_process_finalize;
  object_class->get_property = att_sandbox_process_get_property;

  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
att_sandbox_process_init (AttSandboxProcess *self)
{
  self->cancellable = g_cancellable_new ();
  self->output_reader = g_rc_box_new0 (OutputReader);
  g_weak_ref_init (&self->output_reader->self, self);
  self->output_reader->cancellable = g_object_ref (self->cancellable);
  self->output_reader->tail = g_string_new (NULL);
}
