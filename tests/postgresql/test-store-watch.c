/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-store-watch.c: a store following other programs' commits on a server
 *
 * Opens a database of its own (cm_test_pg_uri: on-server.py starts a
 * throwaway cluster) with two stores, as two people's windows would: a
 * commit on one reaches the other's lists through its watch within a
 * second, one that arrives while the other reads is not lost, and a
 * connection the server ends is made again, refusing changes meanwhile,
 * with every list read again once it is back, and damage to the trail
 * found meanwhile still refusing them. A statement left streaming does not
 * keep the main loop busy, nor does connecting again. A commit's notification names its records, and
 * only those are read again: a row changed behind the store's back (no
 * audit row, no notification) stays as the list showed it, which a list
 * read again whole would not. Each wait runs the main loop until what is
 * awaited holds or its deadline passes.
 */
#include <poll.h>
#include <string.h>

#include "cm-audit-damage.h"
#include "cm-change-set.h"
#include "cm-db-pg.h"
#include "cm-organisation.h"
#include "cm-provider.h"
#include "cm-store-private.h"
#include "cm-store-watch.h"
#include "cm-store.h"
#include "cm-test-util.h"

/* What a window may take to show another program's commit. */
#define WITHIN_A_SECOND (1 * G_USEC_PER_SEC)
/* Connecting again after a connection is ended. */
#define RECONNECT_DEADLINE (10 * G_USEC_PER_SEC)

static gint64
save_provider (CmStore *store, const char *name)
{
  return cm_test_save_new (store, cm_provider_new (name, CM_SECTOR_THIRD_SECTOR));
}

static gboolean
lists_name (GListModel *list, const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) record = g_list_model_get_item (list, i);
      g_autofree char *its_name = NULL;

      g_object_get (record, "name", &its_name, NULL);
      if (g_strcmp0 (its_name, name) == 0)
        return TRUE;
    }
  return FALSE;
}

typedef gboolean (*Condition) (gpointer data);

static gboolean
deadline_passed (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @holds, or @limit microseconds have passed;
 * whether it held. */
static gboolean
wait_until (Condition holds, gpointer data, gint64 limit)
{
  gboolean passed = FALSE;
  guint timeout = g_timeout_add ((guint) (limit / 1000), deadline_passed, &passed);

  while (!holds (data) && !passed)
    g_main_context_iteration (NULL, TRUE);
  if (!passed)
    g_source_remove (timeout);
  return holds (data);
}

typedef struct {
  GListModel *list;
  const char *name;
} Listing;

static gboolean
is_listed (gpointer data)
{
  Listing *listing = data;

  return lists_name (listing->list, listing->name);
}

static void
count_changed (CmStore *store, guint *count)
{
  (*count)++;
}

/* A commit on one store is in the other's list within a second, with
 * "changed::provider" announced there. */
static void
test_commit_reaches_other_store (void)
{
  g_autoptr(CmStore) mine = cm_test_pg_open ();
  g_autoptr(CmStore) theirs = cm_test_pg_open ();
  g_autoptr(CmStoreWatch) watch = cm_store_watch_new (mine);
  g_autoptr(GListModel) providers = cm_store_list_all (mine, CM_TYPE_PROVIDER);
  Listing listing = { providers, "Leeds Home Care Ltd" };
  guint changed = 0;
  gint64 began;

  g_signal_connect (mine, "changed::provider", G_CALLBACK (count_changed), &changed);
  g_assert_false (is_listed (&listing));
  began = g_get_monotonic_time ();
  save_provider (theirs, listing.name);
  g_assert_true (wait_until (is_listed, &listing, WITHIN_A_SECOND));
  g_test_message ("shown after %" G_GINT64_FORMAT " ms", (g_get_monotonic_time () - began) / 1000);
  g_assert_cmpuint (changed, >=, 1);
  g_assert_null (cm_store_watch_get_problem (watch));
}

/* The store's own commits are not read back as another's: a commit the
 * other store makes afterwards, to other records, reloads only those. */
static void
test_own_commit_not_reloaded (void)
{
  g_autoptr(CmStore) mine = cm_test_pg_open ();
  g_autoptr(CmStore) theirs = cm_test_pg_open ();
  g_autoptr(CmStoreWatch) watch = cm_store_watch_new (mine);
  g_autoptr(GListModel) providers = cm_store_list_all (mine, CM_TYPE_PROVIDER);
  g_autoptr(GListModel) organisations = cm_store_list_all (mine, CM_TYPE_ORGANISATION);
  Listing own = { providers, "Own Commit Care" };
  Listing other = { organisations, "Their Commit Council" };
  guint reloaded = 0;

  save_provider (mine, own.name);
  g_assert_true (is_listed (&own));
  g_signal_connect (mine, "changed::provider", G_CALLBACK (count_changed), &reloaded);
  cm_test_save_new (theirs, cm_organisation_new (other.name, CM_ORGANISATION_KIND_NHS_BODY));
  /* Notifications arrive in commit order, so the own one came first. */
  g_assert_true (wait_until (is_listed, &other, WITHIN_A_SECOND));
  g_assert_cmpuint (reloaded, ==, 0);
}

/* What "records-changed::provider" said last. */
typedef struct {
  guint times;
  gboolean named;   /* it named the records, rather than NULL for any */
  GArray *saved;
  GArray *deleted;
} Announced;

static void
records_changed (CmStore *store, const char *table, GArray *saved, GArray *deleted,
                 Announced *announced)
{
  announced->times++;
  announced->named = saved != NULL && deleted != NULL;
  g_clear_pointer (&announced->saved, g_array_unref);
  g_clear_pointer (&announced->deleted, g_array_unref);
  if (saved)
    announced->saved = g_array_ref (saved);
  if (deleted)
    announced->deleted = g_array_ref (deleted);
}

static void
announced_clear (Announced *announced)
{
  g_clear_pointer (&announced->saved, g_array_unref);
  g_clear_pointer (&announced->deleted, g_array_unref);
}

/* The list was told once of @id alone, among @told, and of nothing among
 * @not_told: the saved or deleted records the signal named. */
static void
assert_told_only (Announced *announced, GArray *told, gint64 id, GArray *not_told)
{
  g_assert_cmpuint (announced->times, ==, 1);
  g_assert_true (announced->named);
  g_assert_cmpuint (told->len, ==, 1);
  g_assert_cmpint (g_array_index (told, gint64, 0), ==, id);
  g_assert_cmpuint (not_told->len, ==, 0);
  announced_clear (announced);
}

static CmProvider *
listed_provider (CmStore *store, gint64 id)
{
  return CM_PROVIDER (cm_store_find (store, CM_TYPE_PROVIDER, id));
}

typedef struct {
  CmStore *store;
  gint64 id;
  const char *name;   /* NULL: the record is gone */
} Shown;

static gboolean
is_shown (gpointer data)
{
  Shown *shown = data;
  CmProvider *listed = listed_provider (shown->store, shown->id);

  if (shown->name == NULL)
    return listed == NULL;
  return listed != NULL && g_strcmp0 (cm_provider_get_name (listed), shown->name) == 0;
}

/* Renames provider @id behind every store's back: no audit row, no
 * notification. Only a list read again whole would show it. */
static void
rename_unnoticed (gint64 id, const char *name)
{
  g_autoptr(GError) error = NULL;
  CmDb *db = cm_db_pg_connect (cm_test_pg_uri (), &error);
  CmDbStmt *stmt;

  g_assert_no_error (error);
  stmt = cm_db_prepare (db, "UPDATE provider SET name = ? WHERE id = ?");
  g_assert_nonnull (stmt);
  cm_db_bind_text (stmt, 1, name);
  cm_db_bind_int64 (stmt, 2, id);
  g_assert_cmpint (cm_db_step (stmt), ==, CM_DB_DONE);
  g_assert_cmpint (cm_db_changes (db), ==, 1);
  cm_db_stmt_free (stmt);
  cm_db_close (db);
}

/* Another's change to one provider reads that provider again, in place
 * (the same object), and no other: the list names it alone. */
static void
test_change_reloads_that_row (void)
{
  g_autoptr(CmStore) mine = cm_test_pg_open ();
  g_autoptr(CmStore) theirs = cm_test_pg_open ();
  g_autoptr(CmStoreWatch) watch = cm_store_watch_new (mine);
  g_autoptr(GListModel) providers = cm_store_list_all (mine, CM_TYPE_PROVIDER);
  gint64 changed = save_provider (theirs, "Row Alone Care");
  gint64 untouched = save_provider (theirs, "Row Beside Care");
  Shown both = { mine, untouched, "Row Beside Care" };
  Shown renamed = { mine, changed, "Row Alone Care Ltd" };
  g_autoptr(CmProvider) theirs_copy = NULL;
  CmProvider *changed_object, *untouched_object;
  Announced announced = { 0 };

  g_assert_true (wait_until (is_shown, &both, WITHIN_A_SECOND));
  changed_object = listed_provider (mine, changed);
  untouched_object = listed_provider (mine, untouched);
  g_assert_nonnull (changed_object);
  g_signal_connect (mine, "records-changed::provider", G_CALLBACK (records_changed), &announced);
  rename_unnoticed (untouched, "Row Beside Care Renamed Unseen");
  theirs_copy = CM_PROVIDER (cm_store_load (theirs, CM_TYPE_PROVIDER, changed, NULL));
  g_object_set (theirs_copy, "name", renamed.name, NULL);
  cm_test_save (theirs, theirs_copy);
  g_assert_true (wait_until (is_shown, &renamed, WITHIN_A_SECOND));
  g_assert_true (listed_provider (mine, changed) == changed_object);
  g_assert_true (listed_provider (mine, untouched) == untouched_object);
  /* The row beside it was not read again. */
  g_assert_cmpstr (cm_provider_get_name (untouched_object), ==, "Row Beside Care");
  assert_told_only (&announced, announced.saved, changed, announced.deleted);
}

/* Another's deletion removes the row, and the list names it deleted. */
static void
test_delete_removes_row (void)
{
  g_autoptr(CmStore) mine = cm_test_pg_open ();
  g_autoptr(CmStore) theirs = cm_test_pg_open ();
  g_autoptr(CmStoreWatch) watch = cm_store_watch_new (mine);
  g_autoptr(GListModel) providers = cm_store_list_all (mine, CM_TYPE_PROVIDER);
  gint64 id = save_provider (theirs, "Soon Gone Care");
  Shown shown = { mine, id, "Soon Gone Care" };
  Shown gone = { mine, id, NULL };
  g_autoptr(CmProvider) theirs_copy = NULL;
  Announced announced = { 0 };
  guint before;

  g_assert_true (wait_until (is_shown, &shown, WITHIN_A_SECOND));
  before = g_list_model_get_n_items (providers);
  g_signal_connect (mine, "records-changed::provider", G_CALLBACK (records_changed), &announced);
  theirs_copy = CM_PROVIDER (cm_store_load (theirs, CM_TYPE_PROVIDER, id, NULL));
  cm_test_delete (theirs, theirs_copy);
  g_assert_true (wait_until (is_shown, &gone, WITHIN_A_SECOND));
  g_assert_cmpuint (g_list_model_get_n_items (providers), ==, before - 1);
  g_assert_false (lists_name (providers, "Soon Gone Care"));
  assert_told_only (&announced, announced.deleted, id, announced.saved);
}

/* More records than a notification names: the table is named alone, and
 * every list of it read again whole, the row changed unseen with it. */
static void
test_many_changes_reload_whole (void)
{
  g_autoptr(CmStore) mine = cm_test_pg_open ();
  g_autoptr(CmStore) theirs = cm_test_pg_open ();
  g_autoptr(CmStoreWatch) watch = cm_store_watch_new (mine);
  g_autoptr(GListModel) providers = cm_store_list_all (mine, CM_TYPE_PROVIDER);
  gint64 unseen = save_provider (theirs, "Whole Read Care");
  Shown shown = { mine, unseen, "Whole Read Care" };
  Shown renamed = { mine, unseen, "Whole Read Care Renamed" };
  Announced announced = { 0 };
  g_autoptr(GError) error = NULL;
  Listing last = { providers, NULL };
  g_autofree char *last_name = NULL;

  g_assert_true (wait_until (is_shown, &shown, WITHIN_A_SECOND));
  g_signal_connect (mine, "records-changed::provider", G_CALLBACK (records_changed), &announced);
  rename_unnoticed (unseen, renamed.name);
  g_assert_true (cm_store_begin (theirs, &error));
  for (guint i = 0; i <= CM_CHANGE_SET_MAX_RECORDS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Bulk Provider %u", i);
      g_autoptr(CmProvider) provider = cm_provider_new (name, CM_SECTOR_THIRD_SECTOR);

      g_assert_true (cm_store_insert_listed (theirs, CM_ENTITY (provider), &error));
      g_assert_no_error (error);
      g_free (last_name);
      last_name = g_steal_pointer (&name);
    }
  g_assert_true (cm_store_commit (theirs, &error));
  g_assert_no_error (error);
  last.name = last_name;
  g_assert_true (wait_until (is_listed, &last, WITHIN_A_SECOND));
  g_assert_true (is_shown (&renamed));
  g_assert_cmpuint (announced.times, ==, 1);
  g_assert_false (announced.named);
  announced_clear (&announced);
}

/* Catching up through the audit trail (as after a reconnection) reads
 * another's commit again, but not the store's own made after it, though
 * its rows follow those of the other's. */
static void
test_catch_up_skips_own_commit (void)
{
  g_autoptr(CmStore) mine = cm_test_pg_open ();
  g_autoptr(CmStore) theirs = cm_test_pg_open ();
  g_autoptr(GListModel) providers = cm_store_list_all (mine, CM_TYPE_PROVIDER);
  gint64 their_id, own_id;
  Announced announced = { 0 };

  g_assert_false (cm_store_reload_if_changed (mine));
  their_id = save_provider (theirs, "Their Catch Up Care");
  own_id = save_provider (mine, "Own Catch Up Care");
  g_assert_true (listed_provider (mine, own_id) != NULL);
  g_signal_connect (mine, "records-changed::provider", G_CALLBACK (records_changed), &announced);
  g_assert_true (cm_store_reload_if_changed (mine));
  g_assert_cmpstr (cm_provider_get_name (listed_provider (mine, their_id)), ==,
                   "Their Catch Up Care");
  assert_told_only (&announced, announced.saved, their_id, announced.deleted);
  g_assert_false (cm_store_reload_if_changed (mine));
}

/* Whether the main loop has nothing to do, within @tries turns. */
static gboolean
loop_goes_idle (guint tries)
{
  for (guint i = 0; i < tries; i++)
    if (!g_main_context_iteration (NULL, FALSE))
      return TRUE;
  return FALSE;
}

/* A statement left streaming keeps the connection's socket readable; the
 * watch must not wake the loop for it at every turn, and follows commits
 * again once the statement is done. */
static void
test_streaming_does_not_spin (void)
{
  g_autoptr(CmStore) mine = cm_test_pg_open ();
  g_autoptr(CmStore) theirs = cm_test_pg_open ();
  g_autoptr(CmStoreWatch) watch = cm_store_watch_new (mine);
  g_autoptr(GListModel) providers = cm_store_list_all (mine, CM_TYPE_PROVIDER);
  Listing listing = { providers, "Saved After Streaming" };
  CmDb *db = cm_store_get_db (mine);
  CmDbStmt *rows = cm_db_prepare (db, "SELECT generate_series (1, 200000)");
  struct pollfd socket = { .fd = cm_db_socket (db), .events = POLLIN };

  g_assert_nonnull (rows);
  g_assert_cmpint (cm_db_step (rows), ==, CM_DB_ROW);
  /* The rest of the rows wait on the socket. */
  g_assert_cmpint (poll (&socket, 1, RECONNECT_DEADLINE / 1000), ==, 1);
  g_assert_true (loop_goes_idle (1000));
  cm_db_stmt_free (rows);
  save_provider (theirs, listing.name);
  g_assert_true (wait_until (is_listed, &listing, WITHIN_A_SECOND));
  g_assert_null (cm_store_watch_get_problem (watch));
}

typedef struct {
  CmStore *theirs;
  guint rows;
} DuringRead;

static gboolean
commit_during_read (CmEntity *record, gpointer data)
{
  DuringRead *during = data;

  if (during->rows++ == 0)
    save_provider (during->theirs, "Committed While Reading");
  return TRUE;
}

/* A notification that arrives while the store reads is kept for its watch. */
static void
test_notification_during_read (void)
{
  g_autoptr(CmStore) mine = cm_test_pg_open ();
  g_autoptr(CmStore) theirs = cm_test_pg_open ();
  g_autoptr(CmStoreWatch) watch = cm_store_watch_new (mine);
  g_autoptr(GListModel) providers = cm_store_list_all (mine, CM_TYPE_PROVIDER);
  Listing listing = { providers, "Committed While Reading" };
  DuringRead during = { theirs, 0 };
  g_autoptr(GError) error = NULL;
  guint count = 0;

  g_assert_true (cm_store_each (mine, CM_TYPE_PROVIDER, commit_during_read, &during, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (during.rows, >, 0);
  /* More statements on the connection, which take in what arrived. */
  g_assert_true (cm_store_count (mine, CM_TYPE_PROVIDER, &count, &error));
  g_assert_no_error (error);
  g_assert_true (cm_store_count (mine, CM_TYPE_PROVIDER, &count, &error));
  g_assert_false (is_listed (&listing));
  g_assert_true (wait_until (is_listed, &listing, WITHIN_A_SECOND));
}

typedef struct {
  CmStoreWatch *watch;
  CmStore *store;
  gboolean lost;            /* a problem was shown */
  gboolean refused;         /* a change was refused while it was */
  char *refusal;
  char *problem;
} Outage;

static void
problem_changed (CmStoreWatch *watch, GParamSpec *pspec, Outage *outage)
{
  g_autoptr(GError) error = NULL;

  if (cm_store_watch_get_problem (watch) == NULL)
    return;
  outage->lost = TRUE;
  g_free (outage->problem);
  outage->problem = g_strdup (cm_store_watch_get_problem (watch));
  outage->refused = !cm_store_check_writable (outage->store, &error);
  if (error != NULL)
    outage->refusal = g_strdup (error->message);
}

static gboolean
back_after_loss (gpointer data)
{
  Outage *outage = data;

  return outage->lost && cm_store_watch_get_problem (outage->watch) == NULL;
}

/* Ends every connection of the application but the one it runs on. */
static void
terminate_backends (void)
{
  g_autoptr(GError) error = NULL;
  CmDb *db = cm_db_pg_connect (cm_test_pg_uri (), &error);

  g_assert_no_error (error);
  g_assert_true (cm_db_exec (db, "SELECT pg_terminate_backend (pid) FROM pg_stat_activity"
                                 " WHERE application_name = 'commissioner'"
                                 " AND pid <> pg_backend_pid ()"));
  cm_db_close (db);
}

/* The server ends the store's connection: the watch says so, changes are
 * refused meanwhile, it connects again, and its lists then show a commit
 * made while it was away; it saves again and follows commits as before. */
static void
test_connection_ended (void)
{
  g_autoptr(CmStore) mine = cm_test_pg_open ();
  g_autoptr(CmStoreWatch) watch = cm_store_watch_new (mine);
  g_autoptr(GListModel) providers = cm_store_list_all (mine, CM_TYPE_PROVIDER);
  g_autoptr(CmStore) theirs = NULL;
  Outage outage = { watch, mine };
  Listing away = { providers, "Saved While Away" };
  Listing after = { providers, "Saved After Return" };
  g_autoptr(GError) error = NULL;

  g_signal_connect (watch, "notify::problem", G_CALLBACK (problem_changed), &outage);
  terminate_backends ();
  theirs = cm_test_pg_open ();
  save_provider (theirs, away.name);
  g_assert_true (wait_until (back_after_loss, &outage, RECONNECT_DEADLINE));
  g_assert_nonnull (strstr (outage.problem, "lost. Reconnecting"));
  g_assert_null (strstr (outage.problem, "password"));
  g_assert_true (outage.refused);
  g_assert_nonnull (strstr (outage.refusal, "connection to the server"));
  /* Every list was read again. */
  g_assert_true (is_listed (&away));
  g_assert_true (cm_store_check_writable (mine, &error));
  g_assert_no_error (error);
  save_provider (mine, "Saved By The Returned");
  save_provider (theirs, after.name);
  g_assert_true (wait_until (is_listed, &after, WITHIN_A_SECOND));
  g_free (outage.problem);
  g_free (outage.refusal);
}

/* Once back, the store reads again the records the audit trail says were
 * committed while it was away, not every list: a row changed unseen stays
 * as the list showed it. */
static void
test_reconnect_reads_changed_records (void)
{
  g_autoptr(CmStore) mine = cm_test_pg_open ();
  g_autoptr(CmStoreWatch) watch = cm_store_watch_new (mine);
  g_autoptr(GListModel) providers = cm_store_list_all (mine, CM_TYPE_PROVIDER);
  g_autoptr(CmStore) theirs = cm_test_pg_open ();
  gint64 beside = save_provider (theirs, "Beside The Outage Care");
  Shown shown = { mine, beside, "Beside The Outage Care" };
  Outage outage = { watch, mine };
  Listing away = { providers, "Saved During The Outage" };

  g_assert_true (wait_until (is_shown, &shown, WITHIN_A_SECOND));
  g_signal_connect (watch, "notify::problem", G_CALLBACK (problem_changed), &outage);
  rename_unnoticed (beside, "Beside The Outage Renamed Unseen");
  terminate_backends ();
  g_clear_object (&theirs);
  theirs = cm_test_pg_open ();
  save_provider (theirs, away.name);
  g_assert_true (wait_until (back_after_loss, &outage, RECONNECT_DEADLINE));
  g_assert_true (is_listed (&away));
  g_assert_true (is_shown (&shown));
  g_free (outage.problem);
  g_free (outage.refusal);
}

/* How long a lock keeps the store's new session waiting to read the
 * audit trail, and the longest the main loop may go unserved meanwhile. */
#define LOCK_HELD_US (3 * G_USEC_PER_SEC)
#define LONGEST_GAP_US (G_USEC_PER_SEC * 3 / 2)

typedef struct {
  gint64 last;
  gint64 longest;
} Ticks;

static gboolean
tick (gpointer data)
{
  Ticks *ticks = data;
  gint64 now = g_get_monotonic_time ();

  ticks->longest = MAX (ticks->longest, now - ticks->last);
  ticks->last = now;
  return G_SOURCE_CONTINUE;
}

/* Holds the audit trail's table locked for LOCK_HELD_US, then lets go. */
static gpointer
hold_then_release (gpointer data)
{
  CmDb *locker = data;

  g_usleep (LOCK_HELD_US);
  g_assert_true (cm_db_commit (locker));
  cm_db_close (locker);
  return NULL;
}

/* Connecting again, and reading what the trail names since, never holds
 * up the main loop: with the trail locked by another session, the window
 * keeps being served, showing that it reconnects, until the lock goes. */
static void
test_reconnect_leaves_loop_free (void)
{
  g_autoptr(CmStore) mine = cm_test_pg_open ();
  g_autoptr(CmStoreWatch) watch = cm_store_watch_new (mine);
  g_autoptr(GError) error = NULL;
  const char *uri = cm_db_pg_uri (cm_store_get_db (mine));
  CmDb *locker = cm_db_pg_connect (uri, &error);
  CmDb *ending = cm_db_pg_connect (uri, &error);
  g_autoptr(CmDbStmt) pid = cm_db_prepare (cm_store_get_db (mine), "SELECT pg_backend_pid ()");
  g_autoptr(CmDbStmt) end = NULL;
  Outage outage = { watch, mine };
  Ticks ticks = { g_get_monotonic_time (), 0 };
  gint64 began = g_get_monotonic_time ();
  guint ticker;
  GThread *releaser;

  g_assert_no_error (error);
  g_assert_cmpint (cm_db_step (pid), ==, CM_DB_ROW);
  end = cm_db_prepare (ending, "SELECT pg_terminate_backend (?::int, 10000)");
  cm_db_bind_int64 (end, 1, cm_db_column_int64 (pid, 0));
  g_clear_pointer (&pid, cm_db_stmt_free);
  g_signal_connect (watch, "notify::problem", G_CALLBACK (problem_changed), &outage);
  g_assert_true (cm_db_begin (locker, CM_DB_WRITING));
  g_assert_true (cm_db_exec (locker, "LOCK TABLE audit IN ACCESS EXCLUSIVE MODE"));
  g_assert_cmpint (cm_db_step (end), ==, CM_DB_ROW);
  g_clear_pointer (&end, cm_db_stmt_free);
  cm_db_close (ending);
  releaser = g_thread_new ("release", hold_then_release, locker);
  ticker = g_timeout_add (20, tick, &ticks);
  g_assert_true (wait_until (back_after_loss, &outage, RECONNECT_DEADLINE));
  tick (&ticks); /* up to the return, which may itself have waited */
  g_source_remove (ticker);
  g_thread_join (releaser);
  g_test_message ("back after %" G_GINT64_FORMAT " ms; the main loop waited at most %"
                  G_GINT64_FORMAT " ms", (g_get_monotonic_time () - began) / 1000,
                  ticks.longest / 1000);
  g_assert_cmpint (ticks.longest, <, LONGEST_GAP_US);
  g_assert_nonnull (strstr (outage.problem, "lost. Reconnecting"));
  g_free (outage.problem);
  g_free (outage.refusal);
}

static void
damage_found_while_lost (CmStoreWatch *watch, GParamSpec *pspec, CmStore *store)
{
  if (cm_store_watch_get_problem (watch) != NULL)
    cm_audit_damage_refuse (store, "row 7 altered");
}

/* Damage to the trail found while the connection is down still refuses
 * changes once it is back, and says so rather than the lost connection. */
static void
test_damage_outlasts_outage (void)
{
  g_autoptr(CmStore) mine = cm_test_pg_open ();
  g_autoptr(CmStoreWatch) watch = cm_store_watch_new (mine);
  Outage outage = { watch, mine };
  g_autoptr(GError) error = NULL;

  g_signal_connect (watch, "notify::problem", G_CALLBACK (problem_changed), &outage);
  g_signal_connect (watch, "notify::problem", G_CALLBACK (damage_found_while_lost), mine);
  terminate_backends ();
  g_assert_true (wait_until (back_after_loss, &outage, RECONNECT_DEADLINE));
  g_assert_nonnull (strstr (outage.refusal, "connection to the server"));
  g_assert_false (cm_store_check_writable (mine, &error));
  g_assert_nonnull (strstr (error->message, "row 7 altered"));
  g_free (outage.problem);
  g_free (outage.refusal);
}

/* A commit from another connection between this store's last reading and
 * its own commit still counts as another program's change. */
static void
test_commit_between_own (void)
{
  g_autoptr(CmStore) mine = cm_test_pg_open ();
  g_autoptr(CmStore) theirs = cm_test_pg_open ();
  g_autoptr(GListModel) providers = cm_store_list_all (mine, CM_TYPE_PROVIDER);
  Listing listing = { providers, "Between Two Commits" };

  g_assert_false (cm_store_reload_if_changed (mine));
  save_provider (theirs, listing.name);
  save_provider (mine, "My Own Commit");
  g_assert_false (is_listed (&listing));
  g_assert_true (cm_store_reload_if_changed (mine));
  g_assert_true (is_listed (&listing));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store-watch/commit-reaches-other-store", test_commit_reaches_other_store);
  g_test_add_func ("/store-watch/own-commit-not-reloaded", test_own_commit_not_reloaded);
  g_test_add_func ("/store-watch/change-reloads-that-row", test_change_reloads_that_row);
  g_test_add_func ("/store-watch/delete-removes-row", test_delete_removes_row);
  g_test_add_func ("/store-watch/many-changes-reload-whole", test_many_changes_reload_whole);
  g_test_add_func ("/store-watch/notification-during-read", test_notification_during_read);
  g_test_add_func ("/store-watch/commit-between-own", test_commit_between_own);
  g_test_add_func ("/store-watch/catch-up-skips-own-commit", test_catch_up_skips_own_commit);
  g_test_add_func ("/store-watch/connection-ended", test_connection_ended);
  g_test_add_func ("/store-watch/damage-outlasts-outage", test_damage_outlasts_outage);
  g_test_add_func ("/store-watch/reconnect-reads-changed-records",
                   test_reconnect_reads_changed_records);
  g_test_add_func ("/store-watch/streaming-does-not-spin", test_streaming_does_not_spin);
  g_test_add_func ("/store-watch/reconnect-leaves-loop-free", test_reconnect_leaves_loop_free);
  return g_test_run ();
}
