/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-deadline-calendar.c: a portfolio's deadlines as an iCalendar file (RFC 5545) */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "cm-contract.h"
#include "cm-date.h"
#include "cm-deadline-export.h"
#include "cm-deadlines.h"
#include "cm-required-notices.h"

#define FOLD_AT 75 /* octets in a line, CRLF not counted (RFC 5545 3.1) */

/* Appends @line folded at FOLD_AT octets, never inside a UTF-8 character;
 * each continuation starts with a space, which counts in its line. */
static void
add_line (GString *out, const char *line)
{
  gsize used = 0;

  if (strlen (line) <= FOLD_AT)
    {
      g_string_append (out, line);
      g_string_append (out, "\r\n");
      return;
    }
  for (const char *p = line; *p; )
    {
      const char *next = g_utf8_next_char (p);
      gsize size = next - p;

      if (used + size > FOLD_AT)
        {
          g_string_append (out, "\r\n ");
          used = 1;
        }
      g_string_append_len (out, p, size);
      used += size;
      p = next;
    }
  g_string_append (out, "\r\n");
}

/* A TEXT value: backslash, semicolon, comma and line breaks escaped. */
static char *
escape_text (const char *text)
{
  GString *escaped = g_string_sized_new (strlen (text) + 8);

  for (const char *p = text; *p; p++)
    switch (*p)
      {
      case '\\': g_string_append (escaped, "\\\\"); break;
      case ';': g_string_append (escaped, "\\;"); break;
      case ',': g_string_append (escaped, "\\,"); break;
      case '\n': g_string_append (escaped, "\\n"); break;
      case '\r': break;
      default: g_string_append_c (escaped, *p);
      }
  return g_string_free (escaped, FALSE);
}

static void
add_text (GString *out, const char *name, const char *text)
{
  g_autofree char *escaped = escape_text (text);
  g_autofree char *line = g_strconcat (name, ":", escaped, NULL);

  add_line (out, line);
}

static void
add_date (GString *out, const char *name, const GDate *date)
{
  char line[64];

  g_snprintf (line, sizeof line, "%s;VALUE=DATE:%04d%02d%02d", name, g_date_get_year (date),
              g_date_get_month (date), g_date_get_day (date));
  add_line (out, line);
}

/* "ASC-0012 Neighbourhood Network schemes", or whichever of the two is
 * recorded. */
static char *
contract_name (const CmDeadline *deadline)
{
  const char *reference = cm_deadline_get_reference (deadline);
  const char *title = cm_deadline_get_title (deadline);

  if (*reference == '\0' || *title == '\0')
    return g_strdup (*reference ? reference : title);
  return g_strdup_printf ("%s %s", reference, title);
}

/* The same contract, kind (and procurement notice) give the same UID in
 * every export, so a calendar that imports it again updates its events
 * rather than doubling them. The portfolio's name keeps two portfolios'
 * contracts apart. */
static char *
event_uid (const CmDeadline *deadline, const char *portfolio_key)
{
  return g_strdup_printf ("contract-%" G_GINT64_FORMAT "-%s%s%s-%s@commissioner",
                          cm_deadline_get_contract_id (deadline),
                          cm_deadline_kind_nick (deadline->kind),
                          deadline->notice ? "-" : "", deadline->notice ? deadline->notice : "",
                          portfolio_key);
}

static void
add_alarm (GString *out, const char *summary)
{
  char trigger[32];

  add_line (out, "BEGIN:VALARM");
  add_line (out, "ACTION:DISPLAY");
  add_text (out, "DESCRIPTION", summary);
  g_snprintf (trigger, sizeof trigger, "TRIGGER:-P%dD", CM_DEADLINE_ALARM_DAYS);
  add_line (out, trigger);
  add_line (out, "END:VALARM");
}

static void
add_event (GString *out, const CmDeadline *deadline, const char *portfolio_key,
           const char *stamp, const char *as_on)
{
  const char *provider = cm_deadline_get_provider (deadline);
  g_autofree char *uid = event_uid (deadline, portfolio_key);
  g_autofree char *kind = cm_deadline_kind_text (deadline);
  g_autofree char *name = contract_name (deadline);
  /* TRANSLATORS: a calendar event: "Last day to serve notice: ASC-0012
   * Neighbourhood Network schemes (Age UK Leeds)" */
  g_autofree char *summary = g_strdup_printf (_("%s: %s (%s)"), kind, name, provider);
  /* TRANSLATORS: a calendar event's description, one fact a line */
  g_autofree char *description = g_strdup_printf (_("Status: %s, as on %s\nContract: %s\n"
                                                    "Provider: %s"),
                                                  cm_deadline_status_label (deadline->status),
                                                  as_on, name, provider);
  GDate end = deadline->date;

  g_date_add_days (&end, 1);
  add_line (out, "BEGIN:VEVENT");
  add_text (out, "UID", uid);
  add_line (out, stamp);
  add_date (out, "DTSTART", &deadline->date);
  add_date (out, "DTEND", &end);
  add_text (out, "SUMMARY", summary);
  add_text (out, "DESCRIPTION", description);
  add_text (out, "CATEGORIES", cm_deadline_status_label (deadline->status));
  add_line (out, "TRANSP:TRANSPARENT");
  add_alarm (out, summary);
  add_line (out, "END:VEVENT");
}

guint
cm_deadline_export_count_undated (const CmDeadlineExport *export)
{
  guint undated = 0;

  for (guint i = 0; i < export->deadlines->len; i++)
    {
      const CmDeadline *deadline = g_ptr_array_index (export->deadlines, i);

      undated += !g_date_valid (&deadline->date);
    }
  return undated;
}

/* What the calendar holds and what it leaves out, for X-WR-CALDESC. */
static char *
calendar_description (const CmDeadlineExport *export, const char *as_on)
{
  guint undated = cm_deadline_export_count_undated (export);
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, ngettext ("Contract deadlines in %s, with statuses as on %s. "
                                          "Each event reminds %d day before.",
                                          "Contract deadlines in %s, with statuses as on %s. "
                                          "Each event reminds %d days before.",
                                          CM_DEADLINE_ALARM_DAYS),
                          export->portfolio, as_on, CM_DEADLINE_ALARM_DAYS);
  if (undated > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, ngettext ("%u date is not known, because the contract’s "
                                              "notice period is not recorded, so it is left out.",
                                              "%u dates are not known, because the contracts’ "
                                              "notice periods are not recorded, so they are left "
                                              "out.", undated), undated);
    }
  if (export->n_skipped > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, ngettext ("%u contract has neither an end date nor a "
                                              "readable start date and term, so it has no "
                                              "events.",
                                              "%u contracts have neither an end date nor a "
                                              "readable start date and term, so they have no "
                                              "events.", export->n_skipped),
                              export->n_skipped);
    }
  return g_string_free (text, FALSE);
}

static void
add_calendar_head (GString *out, const CmDeadlineExport *export, const char *as_on)
{
  g_autofree char *name = g_strdup_printf (_("Deadlines: %s"), export->portfolio);
  g_autofree char *description = calendar_description (export, as_on);

  add_line (out, "BEGIN:VCALENDAR");
  add_line (out, "VERSION:2.0");
  add_line (out, "PRODID:-//Commissioner//Contract deadlines//EN");
  add_line (out, "CALSCALE:GREGORIAN");
  add_line (out, "METHOD:PUBLISH");
  add_text (out, "X-WR-CALNAME", name);
  add_text (out, "X-WR-CALDESC", description);
}

char *
cm_deadline_export_ics (const CmDeadlineExport *export)
{
  GString *out = g_string_sized_new (512 + export->deadlines->len * 600);
  g_autofree char *portfolio_key = g_compute_checksum_for_string (G_CHECKSUM_SHA256,
                                                                  export->portfolio, -1);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "DTSTAMP:%Y%m%dT%H%M%SZ");
  g_autofree char *as_on = cm_date_to_long (export->today);

  portfolio_key[16] = '\0';
  add_calendar_head (out, export, as_on);
  for (guint i = 0; i < export->deadlines->len; i++)
    {
      const CmDeadline *deadline = g_ptr_array_index (export->deadlines, i);

      if (g_date_valid (&deadline->date))
        add_event (out, deadline, portfolio_key, stamp, as_on);
    }
  add_line (out, "END:VCALENDAR");
  return g_string_free (out, FALSE);
}
