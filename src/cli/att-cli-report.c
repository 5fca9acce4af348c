/* att-cli-report.c: attest-cli report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-cli-build.h"
#include "att-report-writer.h"

#define USAGE                                                                                               \
  "report --format pdf|xlsx|csv|jsonld [--expiring-within DAYS] [--status STATUS…] [--standard NAME…] " \
  "[--source higg|closient] [--account NAME] [--gtin GTIN…] [--thumbnails] -o FILE"

typedef struct
{
  char    *format;
  char    *output;
  int      expiring_within;
  char   **statuses;
  char   **standards;
  char    *source;
  char   **gtins;
  gboolean thumbnails;
} ReportOptions;

static void
report_options_clear (ReportOptions *options)
{
  g_free (options->format);
  g_free (options->output);
  g_strfreev (options->statuses);
  g_strfreev (options->standards);
  g_free (options->source);
  g_strfreev (options->gtins);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ReportOptions, report_options_clear)

static GOptionContext *
make_context (ReportOptions *report)
{
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &report->format,
      N_ ("The file format: pdf, xlsx, csv or jsonld (by default, the output file’s extension)"), N_ ("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &report->output, N_ ("Write the report to FILE"), N_ ("FILE") },
    { "expiring-within", 0, 0, G_OPTION_ARG_INT, &report->expiring_within,
      N_ ("Keep only the certificates that expire within DAYS days (or have expired)"), N_ ("DAYS") },
    { "status", 0, 0, G_OPTION_ARG_STRING_ARRAY, &report->statuses,
      N_ ("Keep only the certificates of this status: valid, expiring, expired or unknown (repeatable)"),
      N_ ("STATUS") },
    { "standard", 0, 0, G_OPTION_ARG_STRING_ARRAY, &report->standards,
      N_ ("Keep only the certificates of this standard (repeatable)"), N_ ("NAME") },
    { "source", 0, 0, G_OPTION_ARG_STRING, &report->source, N_ ("Read only Higg or only Closient"),
      "higg|closient" },
    { "gtin", 0, 0, G_OPTION_ARG_STRING_ARRAY, &report->gtins,
      N_ ("Read Closient’s certifications of this GTIN (repeatable; by default, those of every product)"),
      N_ ("GTIN") },
    { "thumbnails", 0, 0, G_OPTION_ARG_NONE, &report->thumbnails,
      N_ ("Show a small picture of each Higg certificate’s first image (PDF only)"), NULL },
    G_OPTION_ENTRY_NULL
  };
  GOptionContext *context = g_option_context_new (NULL);

  g_option_context_set_summary (context, _ ("Writes a report of the account’s certificates, from Higg and "
                                            "Closient, sorted by expiry date, to FILE."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return context;
}

static gboolean
parse_statuses (char *const *names,
                guint       *statuses)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (ATT_TYPE_CERTIFICATE_STATUS);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      GEnumValue *value = g_enum_get_value_by_nick (klass, names[i]);

      if (value == NULL)
        return FALSE;
      *statuses |= ATT_REPORT_STATUS_BIT (value->value);
    }
  return TRUE;
}

/* The filter the options ask for, or %NULL with @message for a usage
 * error. */
static AttReportFilter *
make_filter (const ReportOptions *report,
             char               **message)
{
  g_autoptr(AttReportFilter) filter = att_report_filter_new ();

  filter->expiring_within_days = report->expiring_within;
  filter->standards = g_strdupv (report->standards);
  if (!parse_statuses (report->statuses, &filter->statuses))
    {
      *message = g_strdup (_ ("Unknown status: use valid, expiring, expired or unknown"));
      return NULL;
    }
  if (g_strcmp0 (report->source, "higg") == 0)
    filter->sources = ATT_REPORT_SOURCE_HIGG;
  else if (g_strcmp0 (report->source, "closient") == 0)
    filter->sources = ATT_REPORT_SOURCE_CLOSIENT;
  else if (report->source != NULL)
    {
      *message = g_strdup_printf (_ ("Unknown source “%s”: use higg or closient"), report->source);
      return NULL;
    }
  return g_steal_pointer (&filter);
}

static char *
format_names (void)
{
  const AttReportFormat *const *formats = att_report_format_get_all ();
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  for (guint i = 0; formats[i] != NULL; i++)
    g_strv_builder_add (names, formats[i]->id);
  strv = g_strv_builder_end (names);
  return g_strjoinv (", ", strv);
}

/* The format asked for, else the one of the output file's extension; or
 * %NULL with @message for a usage error. */
static const AttReportFormat *
find_format (const ReportOptions *report,
             GFile               *output,
             char               **message)
{
  const AttReportFormat *format;
  g_autofree char       *known = format_names ();

  if (report->format != NULL)
    format = att_report_format_lookup (report->format);
  else
    format = att_report_format_for_file (output);
  if (format != NULL)
    return format;
  if (report->format != NULL)
    /* Translators: the first %s is a format's name, the second a list of the known ones */
    *message = g_strdup_printf (_ ("Unknown format “%s” (known formats: %s)"), report->format, known);
  else
    *message = g_strdup_printf (_ ("Give --format: %s"), known);
  return NULL;
}

/* Whether the options go with @format; else %FALSE with @message. */
static gboolean
check_thumbnails (const ReportOptions   *report,
                  const AttReportFormat *format,
                  char                 **message)
{
  if (!report->thumbnails || g_strcmp0 (format->mime_type, "application/pdf") == 0)
    return TRUE;
  *message = g_strdup (_ ("--thumbnails goes with a PDF report only (pdf or pdf-letter)"));
  return FALSE;
}

static int
write_report (AttCliConnection      *connection,
              const ReportOptions   *report,
              AttReportFilter       *filter,
              const AttReportFormat *format,
              GFile                 *output,
              GCancellable          *cancellable)
{
  g_autoptr(AttReport) built = NULL;
  g_autoptr(GError) error = NULL;
  guint lead_days = report->expiring_within >= 0 ? (guint) report->expiring_within : ATT_CERTIFICATE_DEFAULT_LEAD_DAYS;

  filter->account = g_strdup (connection->account_name);
  built = att_cli_build_report (connection, (const char *const *) report->gtins, filter, lead_days, cancellable,
                                &error);
  if (built == NULL)
    return att_cli_fail (error);
  att_report_set_thumbnails (built, report->thumbnails);
  if (!att_report_write_file (built, format, output, att_cli_progress, _ ("Writing…"), cancellable, &error))
    {
      att_cli_progress_end ();
      return att_cli_fail (error);
    }
  att_cli_progress_end ();
  /* The file says what is missing too; the exit status tells the script. */
  return att_cli_fail_incomplete (built);
}

/**
 * att_cli_report:
 *
 * Writes the report the options ask for to the output file, whole or not
 * at all.
 *
 * Returns: the exit status
 */
int
att_cli_report (int            argc,
                char         **argv,
                AttCliOptions *options)
{
  g_auto(ReportOptions) report = { .expiring_within = -1 };
  g_autoptr(GOptionContext) context = make_context (&report);
  g_autoptr(AttReportFilter) filter = NULL;
  g_autoptr(AttCliConnection) connection = NULL;
  g_autoptr(GFile) output = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char       *message = NULL;
  const AttReportFormat *format;

  /* "attest-cli report" in --help's usage line. */
  g_set_prgname ("attest-cli report");
  if (att_cli_parse (context, USAGE, options, &argc, &argv) != ATT_CLI_EXIT_OK)
    return ATT_CLI_EXIT_USAGE;
  if (argc > 1)
    return att_cli_usage_error (USAGE, _ ("Too many arguments"));
  if (report.output == NULL)
    return att_cli_usage_error (USAGE, _ ("Give the output file with -o FILE"));
  output = g_file_new_for_commandline_arg (report.output);
  if ((format = find_format (&report, output, &message)) == NULL || !check_thumbnails (&report, format, &message) ||
      (filter = make_filter (&report, &message)) == NULL)
    return att_cli_usage_error (USAGE, message);

  if ((connection = att_cli_connection_open (options, &error)) == NULL)
    return att_cli_fail (error);
  return write_report (connection, &report, filter, format, output, options->cancellable);
}
