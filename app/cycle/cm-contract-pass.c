/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-contract-pass.c: what the Overview needs of every contract, from
 * one pass over the file */
#include <glib/gstdio.h>

#include "cm-audit-anchor.h"
#include "cm-contract-pass.h"
#include "cm-contract-span.h"
#include "cm-date.h"
#include "cm-deadline-settings.h"
#include "cm-report-period.h"

typedef struct {
  CmStore *store;
  const GDate *today;
  CmDeadlineSettings settings;
  CmContractPass *pass;
  CmSpendTally *tally;
  GCancellable *cancellable;
} Pass;

static void
date_due_free (gpointer data)
{
  CmDateDue *due = data;

  g_free (due->title);
  g_free (due->reference);
  g_free (due->provider);
  g_free (due);
}

static void
pass_clear (gpointer data)
{
  CmContractPass *pass = data;

  g_clear_pointer (&pass->due, g_ptr_array_unref);
  g_clear_pointer (&pass->ends, g_hash_table_unref);
  g_clear_pointer (&pass->spend, cm_spend_free);
}

CmContractPass *
cm_contract_pass_new_empty (void)
{
  CmContractPass *pass = g_atomic_rc_box_new0 (CmContractPass);

  pass->due = g_ptr_array_new_with_free_func (date_due_free);
  pass->ends = g_hash_table_new (g_direct_hash, g_direct_equal);
  return pass;
}

CmContractPass *
cm_contract_pass_ref (CmContractPass *pass)
{
  return g_atomic_rc_box_acquire (pass);
}

void
cm_contract_pass_free (CmContractPass *pass)
{
  g_atomic_rc_box_release_full (pass, pass_clear);
}

/* Notice, extension and procurement dates due soon or overdue, while
 * something can still be done about them: a breached date is history. */
static void
keep_deadline (const CmDeadline *deadline, gpointer data)
{
  CmContractPass *pass = data;
  CmDateDue *due;

  pass->overdue_dates += deadline->status == CM_DEADLINE_OVERDUE ||
                         deadline->status == CM_DEADLINE_BREACHED;
  if (deadline->kind == CM_DEADLINE_KIND_END ||
      (deadline->status != CM_DEADLINE_DUE_SOON && deadline->status != CM_DEADLINE_OVERDUE))
    return;
  due = g_new0 (CmDateDue, 1);
  due->contract_id = cm_entity_get_id (CM_ENTITY (deadline->contract));
  due->service_id = cm_contract_get_service_id (deadline->contract);
  due->kind = deadline->kind;
  due->status = deadline->status;
  due->date = deadline->date;
  due->title = g_strdup (cm_contract_get_title (deadline->contract));
  due->reference = g_strdup (cm_contract_get_reference (deadline->contract));
  due->provider = g_strdup (cm_contract_get_provider_name (deadline->contract));
  g_ptr_array_add (pass->due, due);
}

static void
count_end (GHashTable *ends, const GDate *end)
{
  gpointer day = GUINT_TO_POINTER (g_date_get_julian (end));

  g_hash_table_insert (ends, day,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (ends, day)) + 1));
}

static gboolean
add_contract (CmEntity *record, gpointer data)
{
  Pass *p = data;
  CmContract *contract = CM_CONTRACT (record);
  CmContractDates dates;
  gboolean dated = cm_contract_compute_dates (contract, p->today, &p->settings, &dates);
  GDate start, end;

  if (g_cancellable_is_cancelled (p->cancellable))
    return FALSE;
  if (dated)
    {
      cm_contract_each_deadline (contract, &dates, p->today, &p->settings, keep_deadline,
                                 p->pass);
      if (!cm_contract_is_closed (contract))
        count_end (p->pass->ends, &dates.current_end);
    }
  cm_contract_each_notice_deadline (p->store, contract, p->today, &p->settings, keep_deadline,
                                    p->pass);
  cm_contract_span_of_dates (contract, dated ? &dates : NULL, &start, &end);
  cm_spend_tally_add (p->tally, contract, &start, &end);
  return TRUE;
}

CmContractPass *
cm_contract_pass_run (CmStore *store, const GDate *today, GCancellable *cancellable,
                      GError **error)
{
  g_autoptr(CmContractPass) pass = cm_contract_pass_new_empty ();
  Pass p = { store, today, .cancellable = cancellable };
  CmReportPeriod year;
  gboolean read;

  cm_deadline_settings_load (store, &p.settings);
  cm_report_period_year_of (today, &year);
  p.pass = pass;
  p.tally = cm_spend_tally_new (store, &year);
  read = cm_store_each (store, CM_TYPE_CONTRACT, add_contract, &p, error);
  pass->spend = cm_spend_tally_finish (p.tally);
  if (read && g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  return read ? g_steal_pointer (&pass) : NULL;
}

/* ---- one pass for every reader at once ------------------------------- */

/* The last pass over each portfolio (by its canonical path), and what it
 * was made of: the day, the trail's head and the file's size and time.
 * The window's readers ask at once as it opens (the Overview and the
 * deadline notification); the second waits for the first's pass. */
typedef struct {
  char *made_of;
  gboolean making;
  CmContractPass *pass;  /* NULL while making */
} Shared;

static GMutex sharing;
static GCond made;
static GHashTable *shared;  /* canonical path -> Shared */

static void
shared_free (gpointer data)
{
  Shared *entry = data;

  g_free (entry->made_of);
  g_clear_pointer (&entry->pass, cm_contract_pass_free);
  g_free (entry);
}

/* A file's inode, size and modification time, which a replaced or
 * rewritten file changes. */
static char *
stat_key (const GStatBuf *st)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT " %" G_GINT64_FORMAT
                          " %" G_GINT64_FORMAT ".%09ld",
                          (guint64) st->st_dev, (guint64) st->st_ino, (gint64) st->st_size,
                          (gint64) st->st_mtim.tv_sec, (long) st->st_mtim.tv_nsec);
}

/* What the pass depends on: any commit appends to the trail and changes
 * the file or its log (stat () only: SQLite alone opens the file). */
static char *
made_of (CmStore *store, const GDate *today)
{
  const char *path = cm_store_get_path (store);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *head = cm_audit_anchor_current (store, NULL);
  GStatBuf file = { 0 }, log = { 0 };
  g_autofree char *file_key = NULL, *log_key = NULL;

  g_stat (path, &file);
  g_stat (wal, &log);
  file_key = stat_key (&file);
  log_key = stat_key (&log);
  return g_strdup_printf ("%u %s %s %s", g_date_get_julian (today), head ? head : "",
                          file_key, log_key);
}

/* Only the portfolio open now is worth keeping a pass for: the others'
 * finished passes go, so the table never grows with the files opened. */
static gboolean
of_another_file (gpointer key, gpointer value, gpointer path)
{
  Shared *entry = value;

  return !entry->making && !g_str_equal (key, path);
}

CmContractPass *
cm_contract_pass_shared (CmStore *store, const GDate *today, GCancellable *cancellable,
                         GError **error)
{
  g_autofree char *path = g_canonicalize_filename (cm_store_get_path (store), NULL);
  g_autofree char *key = made_of (store, today);
  CmContractPass *pass;
  Shared *entry;

  g_mutex_lock (&sharing);
  if (shared == NULL)
    shared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, shared_free);
  g_hash_table_foreach_remove (shared, of_another_file, path);
  while ((entry = g_hash_table_lookup (shared, path)) && entry->making &&
         g_str_equal (entry->made_of, key))
    g_cond_wait (&made, &sharing);
  if (entry && !entry->making && g_str_equal (entry->made_of, key))
    {
      pass = cm_contract_pass_ref (entry->pass);
      g_mutex_unlock (&sharing);
      return pass;
    }
  entry = g_new0 (Shared, 1);
  entry->made_of = g_strdup (key);
  entry->making = TRUE;
  g_hash_table_replace (shared, g_strdup (path), entry);
  g_mutex_unlock (&sharing);

  pass = cm_contract_pass_run (store, today, cancellable, error);

  g_mutex_lock (&sharing);
  /* Another pass may have replaced this one's entry meanwhile. */
  if (g_hash_table_lookup (shared, path) == entry)
    {
      if (pass)
        {
          entry->pass = cm_contract_pass_ref (pass);
          entry->making = FALSE;
        }
      else
        g_hash_table_remove (shared, path);
    }
  g_cond_broadcast (&made);
  g_mutex_unlock (&sharing);
  return pass;
}
