/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-store.c: a portfolio file, and the only way to change it */
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "cm-actor.h"
#include "cm-audit-baseline.h"
#include "cm-audit-layout.h"
#include "cm-audit-record.h"
#include "cm-audit-replay.h"
#include "cm-audit-tables.h"
#include "cm-audit.h"
#include "cm-backup.h"
#include "cm-change-set.h"
#include "cm-db-pg.h"
#include "cm-deferred-saves.h"
#include "cm-db-sqlite.h"
#include "cm-own-audit-rows.h"
#include "cm-schema.h"
#include "cm-sql-functions.h"
#include "cm-store-conflict.h"
#include "cm-store-file.h"
#include "cm-store-journal.h"
#include "cm-store-references.h"
#include "cm-store-private.h"
#include "cm-store-server.h"
#include "cm-value.h"
#include "cm-value-bind.h"

typedef enum {
  CHANGE_SAVED,
  CHANGE_DELETED,
} ChangeKind;

/* A change waiting for its transaction to commit before the lists show it. */
typedef struct {
  ChangeKind kind;
  GType type;
  gint64 id;
  CmEntity *inserted; /* a new record, whose id a rollback takes back */
  CmEntity *before;   /* the record as it was, for the rows that depended on it */
  CmEntity *after;    /* the record as committed, loaded when needed */
  gboolean existed;   /* the record was there before: an update or a deletion */
} PendingChange;

/* Beyond this many changes to one table in one transaction, the rows that
 * depend on them are recomputed in one pass rather than one by one. */
#define MAX_TARGETED_CHANGES 64

/* Beyond this many changes to one table in one transaction (an import),
 * its changes are no longer kept one by one: the lists of the table are
 * read again once at commit, so neither the work nor the memory of a
 * large action grows with a list of its records. */
#define MAX_LISTED_CHANGES 1024

/* PostgreSQL refuses a notification's payload of 8000 bytes or more. */
#define MAX_NOTE_BYTES 7999

/* Beyond this many audit rows since the lists were last current, another
 * program's changes are followed by reading the lists again whole. */
#define MAX_AUDIT_ROWS_FOLLOWED 4096

/* Where each open transaction level began, to roll back to. */
typedef struct {
  guint pending;   /* pending->len */
  guint inserted;  /* inserted->len */
  guint bumped;    /* bumped->len */
} Savepoint;

/* A record whose version a write moved on, with the version it had, to
 * put back if the write is rolled back: saving it again must not meet its
 * own undone change as someone else's. */
typedef struct {
  CmEntity *entity;
  gint64 version;
} BumpedVersion;

/* One loaded list of a record type, with an index from id to object:
 * every record of the type, or (a live list) those whose @column holds
 * @value, which the store does not keep alive: its last user's unref
 * drops it. */
typedef struct {
  GListStore *store;
  GHashTable *by_id;
  GType type;
  char *column;          /* NULL for the whole table */
  char *value;
  char *select_sql;      /* the list's rows, and one of them by id */
  char *select_one_sql;
  CmStore *owner;        /* a live list's store, for its weak reference */
} CachedList;

struct _CmStore
{
  GObject parent_instance;

  CmDb *database;
  CmAuditLog *audit;
  char *path;
  char *actor;
  char *display_name;
  char *server_role;        /* on a server, the role signed in: every change's actor */
  gboolean read_only;
  gboolean on_network;
  char *refusal;            /* why changes are refused, beyond being read-only */
  char *connection_lost;    /* why changes wait for the server, kept apart from the refusal */
  gboolean marked;          /* the file carries our application id */
  gboolean made;            /* opening made the portfolio (cm_store_made_portfolio ()) */
  gboolean in_memory;       /* an older file read in a copy in memory */
  gint64 data_version;      /* a file's data_version () when the lists were last current */
  /* The newest audit row the lists show: the changes after it are what
   * another program committed since (and on a server, the newest row is
   * its data version). */
  gint64 audit_seen;
  CmOwnAuditRows *own_rows; /* this store's commits after the row seen */

  GHashTable *statements;   /* SQL text -> CmDbStmt */
  GHashTable *kept_statements; /* a sql_for () text, by address -> its CmDbStmt above */
  GHashTable *lists;        /* GType -> CachedList */
  GPtrArray *live;          /* CachedList of the live lists handed out */
  gboolean meta_changed;    /* a setting changed in the open transaction */
  GArray *pending;          /* PendingChange */
  GArray *savepoints;       /* Savepoint of each open transaction level */
  GHashTable *n_changes;    /* table -> changes in this transaction */
  GHashTable *reloads;      /* tables whose lists are read again whole at commit */
  GPtrArray *inserted;      /* new records of those tables, for a rollback */
  GArray *bumped;           /* BumpedVersion of the records written, for a rollback */
  CmEntity *refused;        /* a copy of the record last refused for someone else's change */
  GPtrArray *changed_tables; /* tables in the order this transaction first changed them */
  GArray *announced;        /* PendingChange of the commit being announced */
  GHashTable *announced_reloads; /* its tables read again whole */
  GHashTable *next_ids;     /* table -> the id its next new record takes, in this transaction */
  CmDeferredSaves *deferred; /* while a batch defers its results (cm-store-bulk.h) */
  GString *record_json;     /* the last whole record audited, its buffer kept for the next */
  gint64 changes_at_begin;  /* a file's total changes as the open transaction began */
  gboolean rollback_journal; /* the file left WAL for a batch (cm-store-journal.h) */
  gboolean references_deferred; /* and checks its references at the commit
                                 * (cm-store-references.h) */
};

G_DEFINE_FINAL_TYPE (CmStore, cm_store, G_TYPE_OBJECT)

enum { CHANGED, RECORDS_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];
G_DEFINE_QUARK (cm-store-error-quark, cm_store_error)

/* What a record type keeps (g_type_set_qdata ()), each quark found once:
 * finding it by name takes a lock, and an import writes a million rows. */
G_DEFINE_QUARK (column-names, column_names)
G_DEFINE_QUARK (column-pspecs, column_pspecs)
G_DEFINE_QUARK (whole-layout, whole_layout)
G_DEFINE_QUARK (next-id, next_id_statement)
G_DEFINE_QUARK (insert, insert_statement)
G_DEFINE_QUARK (update, update_statement)
G_DEFINE_QUARK (select-all, select_all_statement)
G_DEFINE_QUARK (select-one, select_one_statement)
G_DEFINE_QUARK (select-derived, select_derived_statement)
G_DEFINE_QUARK (select-each, select_each_statement)

/* ---- what a record type keeps ---------------------------------------- */

G_LOCK_DEFINE_STATIC (type_data);

/* How a record type's kept data is made, from @how where it needs more
 * than the type. */
typedef gpointer (*TypeDataBuild) (CmEntityClass *klass, gconstpointer how);

/* What @klass keeps under @which, made by @build the first time and kept
 * for good. Stores in two threads (an export's own reader beside the
 * caller's) may ask for the same at once: made under a lock, so that one
 * thread's is never replaced, and lost, by the other's. Once kept it is
 * found without the lock: the type system guards its own data. */
static gpointer
type_data (CmEntityClass *klass, GQuark which, TypeDataBuild build, gconstpointer how)
{
  GType type = G_TYPE_FROM_CLASS (klass);
  gpointer data = g_type_get_qdata (type, which);

  if (data != NULL)
    return data;
  G_LOCK (type_data);
  data = g_type_get_qdata (type, which);
  if (data == NULL)
    {
      data = build (klass, how);
      g_type_set_qdata (type, which, data);
    }
  G_UNLOCK (type_data);
  return data;
}

/* ---- errors ----------------------------------------------------------- */

/* A failure of the file itself (locked, read-only, damaged, disk full)
 * is told as such; anything else is a change the file refused. */
static gboolean
failure_error (CmStore *self, GError **error)
{
  switch (cm_db_last_failure (self->database))
    {
    case CM_DB_FAILURE_SQL:
    case CM_DB_FAILURE_CONSTRAINT:
    case CM_DB_FAILURE_CONSTRAINT_UNIQUE:
    case CM_DB_FAILURE_CONSTRAINT_FOREIGN_KEY:
      g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED,
                   _("The portfolio could not be updated (%s). Nothing was changed."),
                   cm_db_last_message (self->database));
      return FALSE;
    default:
      return cm_store_db_error (self->database, self->path, error);
    }
}

/* @what (cm_entity_describe ()) refused by the database's last failure. */
static gboolean
refusal_error (CmStore *self, const char *what, gboolean deleting, GError **error)
{
  CmDbFailure failure = cm_db_last_failure (self->database);

  if (failure == CM_DB_FAILURE_CONSTRAINT_FOREIGN_KEY && deleting)
    g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_CONSTRAINT,
                 _("“%s” cannot be deleted while other records refer to it. "
                   "Delete or reassign its contracts, services or partners first."), what);
  else if (failure == CM_DB_FAILURE_CONSTRAINT_FOREIGN_KEY)
    g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_CONSTRAINT,
                 _("“%s” refers to a record that does not exist. Choose it again from the list."),
                 what);
  else if (failure == CM_DB_FAILURE_CONSTRAINT_UNIQUE)
    g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_CONSTRAINT,
                 _("“%s” is already in the portfolio. Use a different name or reference."), what);
  else
    return failure_error (self, error);
  return FALSE;
}

/* Whether the database's last failure is of a deferred save it answered
 * late; @what, the description of its record if still kept
 * (cm-deferred-saves.h). */
static gboolean
refused_late (CmStore *self, const char **what)
{
  guint64 failed_at = 0;

  *what = NULL;
  if (self->deferred == NULL)
    return FALSE;
  cm_db_deferred (self->database, &failed_at);
  *what = cm_deferred_saves_find (self->deferred, failed_at);
  return failed_at != 0;
}

static gboolean
sql_error (CmStore *self, GError **error)
{
  const char *late;

  if (refused_late (self, &late) && late != NULL)
    return refusal_error (self, late, FALSE, error);
  return failure_error (self, error);
}

/* A refusal the server sent late is of an earlier record than @entity:
 * named if its description is kept, else told in the database's words. */
static gboolean
constraint_error (CmStore *self, CmEntity *entity, gboolean deleting, GError **error)
{
  const char *late;
  g_autofree char *what = NULL;

  if (refused_late (self, &late))
    return sql_error (self, error);
  what = cm_entity_describe (entity);
  return refusal_error (self, what, deleting, error);
}

/* ---- statements ------------------------------------------------------- */

/* The cached statement for @sql, reset and with no values bound. */
static CmDbStmt *
statement (CmStore *self, const char *sql, GError **error)
{
  CmDbStmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt == NULL)
    {
      stmt = cm_db_prepare_persistent (self->database, sql);
      if (stmt == NULL)
        {
          sql_error (self, error);
          return NULL;
        }
      g_hash_table_insert (self->statements, g_strdup (sql), stmt);
    }
  cm_db_stmt_reset (stmt);
  return stmt;
}

static gboolean
exec (CmStore *self, const char *sql, GError **error)
{
  if (!cm_db_exec (self->database, sql))
    return sql_error (self, error);
  return TRUE;
}

/* Whether the portfolio is a database on a server rather than a file:
 * what only files have (their checks, backups and network warning) is
 * skipped there. */
static gboolean
is_server (CmStore *self)
{
  return cm_db_engine (self->database) == CM_DB_ENGINE_POSTGRESQL;
}

/* The numbers a SQLite file keeps in pragmas, and a server in cm_schema. */
typedef enum {
  NUMBER_APPLICATION_ID,
  NUMBER_SCHEMA_VERSION,
  NUMBER_DATA_VERSION,
  NUMBER_NEWEST_AUDIT_ROW,
} PortfolioNumber;

/* Each number's query on a file, then on a server. A server has no
 * cheap count of commits: the newest audit row stands for it, since the
 * store audits every change it commits. */
static const char * const number_sql[][2] = {
  [NUMBER_APPLICATION_ID] = { "PRAGMA application_id", "SELECT application_id FROM cm_schema" },
  [NUMBER_SCHEMA_VERSION] = { "PRAGMA user_version", "SELECT version FROM cm_schema" },
  [NUMBER_DATA_VERSION] = { "PRAGMA data_version", "SELECT coalesce (max (id), 0) FROM audit" },
  [NUMBER_NEWEST_AUDIT_ROW] = { "SELECT coalesce (max (id), 0) FROM audit",
                                "SELECT coalesce (max (id), 0) FROM audit" },
};

static gboolean
read_number (CmStore *self, PortfolioNumber which, gint64 *value)
{
  g_autoptr(CmDbStmt) stmt = cm_db_prepare (self->database, number_sql[which][is_server (self)]);

  if (stmt == NULL || cm_db_step (stmt) != CM_DB_ROW)
    return FALSE;
  *value = cm_db_column_int64 (stmt, 0);
  return TRUE;
}

/* What records that a migration brought the portfolio to @version. */
static char *
set_version_sql (CmStore *self, int version)
{
  if (is_server (self))
    return g_strdup_printf ("UPDATE cm_schema SET version = %d", version);
  return g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d", version,
                          CM_SCHEMA_APPLICATION_ID);
}

/* The one writer: a busy file fails here, before any work is done,
 * rather than at COMMIT. */
static gboolean
begin_writing (CmStore *self, GError **error)
{
  if (!cm_db_begin (self->database, CM_DB_WRITING))
    return sql_error (self, error);
  return TRUE;
}

static gboolean
commit (CmStore *self, GError **error)
{
  if (!cm_db_commit (self->database))
    return sql_error (self, error);
  return TRUE;
}

/* A COMMIT that failed (SQLite's SQLITE_BUSY, for one) leaves the
 * transaction open: it is rolled back, not left to the next statement. */
static gboolean
commit_or_roll_back (CmStore *self, GError **error)
{
  if (commit (self, error))
    return TRUE;
  cm_db_rollback (self->database);
  return FALSE;
}

/* ---- opening and migrating -------------------------------------------- */

/* The functions written in C that the store's SQL calls, which a SQLite
 * connection has only once installed. */
static void
install_sql_functions (CmStore *self)
{
  cm_sql_functions_install (cm_db_sqlite_handle (self->database));
}


int
cm_store_latest_schema_version (void)
{
  return cm_schema_latest_version ();
}

/* Migration 017 gave every contract an outcome and a notice kind, and 021
 * every service a Community Committee; each existing record's trail
 * records the values it was given. */
#define CONTRACT_OUTCOME_VERSION 17
#define COMMUNITY_COMMITTEE_VERSION 21

/* One audit row per field of @fields ({ column, value }, @n_fields of
 * them) for each record of @table, whose ids @select_ids lists. */
static gboolean
audit_new_columns (CmStore *self, const char *select_ids, const char *table,
                   const char * const (*fields)[2], gsize n_fields, GError **error)
{
  g_autofree char *at = cm_audit_now ();
  g_autoptr(CmDbStmt) stmt = cm_db_prepare (self->database, select_ids);
  gboolean ok = TRUE;
  CmDbStep step = CM_DB_DONE;

  if (stmt == NULL)
    return sql_error (self, error);
  while (ok && (step = cm_db_step (stmt)) == CM_DB_ROW)
    for (gsize i = 0; ok && i < n_fields; i++)
      {
        CmAuditRow row = { at, cm_store_get_actor (self), table,
                           cm_db_column_int64 (stmt, 0), fields[i][0], NULL, fields[i][1] };

        ok = cm_audit_append (self->audit, &row, error);
      }
  if (ok && step != CM_DB_DONE)
    return sql_error (self, error);
  return ok;
}

/* What a migration's SQL changed in the records, appended to the audit
 * trail in the same transaction, so the trail still replays to the
 * records. A migration that changes records has its entry here. */
static gboolean
audit_migration (CmStore *self, int version, GError **error)
{
  static const char * const contract_fields[][2] = {
    { "outcome", "none" }, { "notice_kind", "not-to-extend" },
  };
  static const char * const service_fields[][2] = { { "community_committee", "none" } };

  if (version == CM_AUDIT_BASELINE_VERSION)
    return cm_audit_baseline_write (self->database, self->audit, cm_store_get_actor (self), error);
  if (version == CONTRACT_OUTCOME_VERSION)
    return audit_new_columns (self, "SELECT id FROM contract ORDER BY id", "contract",
                              contract_fields, G_N_ELEMENTS (contract_fields), error);
  if (version == COMMUNITY_COMMITTEE_VERSION)
    return audit_new_columns (self, "SELECT id FROM service ORDER BY id", "service",
                              service_fields, G_N_ELEMENTS (service_fields), error);
  return TRUE;
}

/* A migration's SQL, the audit rows of what it changed in the records and
 * the version it brings, inside the caller's transaction. */
static gboolean
run_migration (CmStore *self, const char *name, GError **error)
{
  g_autofree char *sql = cm_schema_migration_sql (name, error);
  g_autofree char *set_version = set_version_sql (self, cm_schema_migration_version (name));

  return sql != NULL && exec (self, sql, error) &&
         audit_migration (self, cm_schema_migration_version (name), error) &&
         exec (self, set_version, error);
}

/* A new file's schema in one step: the script made from the migrations at
 * build time (each ALTER TABLE would have SQLite parse the whole schema
 * again), then what each migration adds to the audit trail, in order (the
 * baseline of the records the migrations seed), then the latest version.
 * The hooks see the final schema, not their version's: test
 * schema-snapshot holds their rows to those the migrations give. */
static gboolean
run_schema_snapshot (CmStore *self, char **names, GError **error)
{
  g_autofree char *sql = cm_schema_snapshot_sql (error);
  g_autofree char *set_version = set_version_sql (self, cm_store_latest_schema_version ());

  if (sql == NULL || !exec (self, sql, error))
    return FALSE;
  for (guint i = 0; names && names[i]; i++)
    if (!audit_migration (self, cm_schema_migration_version (names[i]), error))
      return FALSE;
  return exec (self, set_version, error);
}

/* A new file's pages: 16 KiB rather than SQLite's 4 KiB. An import writes
 * a tenth faster, and lists, exports and checks read tables in runs of
 * rows; one record is still one page to read. */
#define NEW_FILE_PAGE_SIZE 16384

/* A new file (@current 0) holds nothing to keep: it takes its schema in
 * one transaction, as a fresh portfolio's first import would otherwise
 * wait for the migrations to run and reach the disk. Any other file takes
 * the migrations of @names above version @current, each committed with the
 * version it brings and our application id, so a file is never left
 * half-migrated or unmarked; a server too, as they always ran. */
static gboolean
apply_migrations (CmStore *self, char **names, int current, GError **error)
{
  if (current == 0 && !is_server (self))
    {
      /* Set before the first table, when alone it takes. */
      if (!exec (self, "PRAGMA page_size = " G_STRINGIFY (NEW_FILE_PAGE_SIZE), error) ||
          !begin_writing (self, error))
        return FALSE;
      if (!run_schema_snapshot (self, names, error))
        {
          cm_db_rollback (self->database);
          return FALSE;
        }
      return commit_or_roll_back (self, error);
    }
  for (guint i = 0; names && names[i]; i++)
    {
      if (cm_schema_migration_version (names[i]) <= current)
        continue;
      if (!begin_writing (self, error))
        return FALSE;
      if (!run_migration (self, names[i], error))
        {
          cm_db_rollback (self->database);
          return FALSE;
        }
      if (!commit_or_roll_back (self, error))
        return FALSE;
    }
  return TRUE;
}

/* On a server, what the shared migrations need of PostgreSQL first,
 * in a transaction of its own. */
static gboolean
apply_prelude (CmStore *self, GError **error)
{
  g_autofree char *sql = cm_store_server_prelude_sql (error);

  if (sql == NULL || !begin_writing (self, error))
    return FALSE;
  if (!exec (self, sql, error))
    {
      cm_db_rollback (self->database);
      return FALSE;
    }
  return commit_or_roll_back (self, error);
}

static gboolean
migrate (CmStore *self, GError **error)
{
  g_auto(GStrv) names = cm_schema_migration_names ();
  int current = cm_store_get_schema_version (self);

  /* A portfolio file is copied aside before its schema changes; without
   * the copy it is not changed at all. (A read-only one is updated only in
   * a copy in memory.) A server's backups are its own (pg_dump). */
  if (!is_server (self) && !self->read_only && current > 0 &&
      current < cm_store_latest_schema_version () &&
      !cm_backup_before (self, CM_BACKUP_REASON_MIGRATION, error))
    return FALSE;
  if (is_server (self) && current < cm_store_latest_schema_version () &&
      !apply_prelude (self, error))
    return FALSE;
  return apply_migrations (self, names, current, error);
}

static gint64 data_version (CmStore *self);
static gint64 newest_audit_row (CmStore *self);

/* Sets up a connection that cm_store_file_connect () found fit to use. */
static gboolean
prepare (CmStore *self, gboolean in_memory, GError **error)
{
  self->audit = cm_audit_log_new (self->database);
  install_sql_functions (self);
  /* 8 MB of page cache (SQLite's default is 2 MB), so that writing a
   * large import does not spill pages to the file before it commits. */
  if (!exec (self, "PRAGMA foreign_keys = ON", error) ||
      !exec (self, "PRAGMA cache_size = -8192", error))
    return FALSE;
  if (self->read_only && !in_memory)
    return exec (self, "PRAGMA query_only = ON", error);

  /* FULL sync: a committed action survives a power cut, not just a crash.
   * WAL only once the file is known to be ours and up to date: a failed
   * migration must leave the file as it was. */
  if (!in_memory && !exec (self, "PRAGMA synchronous = FULL", error))
    return FALSE;
  if (!migrate (self, error))
    return FALSE;
  if (in_memory)
    return exec (self, "PRAGMA query_only = ON", error);
  return exec (self, "PRAGMA journal_mode = WAL", error);
}

/* A portfolio in a database on a server: its role is every change's
 * actor, as the server's audit trail demands; an empty database is
 * migrated, anything but a portfolio of ours refused. */
static CmStore *
open_server (const char *given_uri, CmStoreOpenFlags flags, GError **error)
{
  g_autoptr(CmStore) self = NULL;
  gboolean read_only = (flags & CM_STORE_OPEN_READ_ONLY) != 0;
  g_autofree char *uri = cm_store_server_sign_in_uri (given_uri);
  CmDb *database = cm_db_pg_connect (uri, error);
  int version = 0;

  if (database == NULL)
    return NULL;
  cm_store_server_remember_sign_in (uri);
  self = g_object_new (CM_TYPE_STORE, NULL);
  /* The path names the portfolio in messages; a reader of the store's
   * own connects again with the URI the backend keeps. */
  self->path = cm_store_server_shown_uri (uri);
  self->database = database;
  self->read_only = read_only;
  self->server_role = cm_store_server_session_user (database);
  cm_store_set_actor (self, NULL);
  self->audit = cm_audit_log_new (self->database);
  if (!cm_store_server_identify (database, uri, read_only, &version, error))
    return NULL;
  /* As a file that must exist and does not, a database that must hold a
   * portfolio and holds none is refused, not made one: asked as if for
   * reading, identifying says so. */
  if (version == 0 && (flags & CM_STORE_OPEN_MUST_EXIST) &&
      !cm_store_server_identify (database, uri, TRUE, &version, error))
    return NULL;
  /* The server refuses a write too, whatever the store might attempt. */
  if (read_only && !exec (self, "SET default_transaction_read_only = on", error))
    return NULL;
  if (!read_only && !migrate (self, error))
    return NULL;
  self->made = !read_only && version == 0;
  /* cm_schema has carried our application id since the prelude. */
  self->marked = TRUE;
  self->audit_seen = newest_audit_row (self);
  return g_steal_pointer (&self);
}

CmStore *
cm_store_open (const char *path, CmStoreOpenFlags flags, GError **error)
{
  g_autoptr(CmStore) self = NULL;
  CmStoreConnection connection;

  g_return_val_if_fail (path != NULL, NULL);

  if (cm_store_server_is_uri (path))
    return open_server (path, flags, error);
  if (!cm_store_file_connect (path, flags, &connection, error))
    return NULL;
  self = g_object_new (CM_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->database = cm_db_sqlite_adopt (connection.db);
  self->read_only = connection.read_only;
  self->on_network = cm_store_file_is_on_network (path);
  self->made = connection.created;
  self->in_memory = connection.in_memory;
  if (!prepare (self, connection.in_memory, error))
    return NULL;
  self->data_version = data_version (self);
  self->audit_seen = newest_audit_row (self);
  return g_steal_pointer (&self);
}

CmStore *
cm_store_open_reader (CmStore *self)
{
  g_autoptr(GError) error = NULL;
  CmStore *reader;

  g_return_val_if_fail (CM_IS_STORE (self), NULL);

  /* Another connection would read the older file, not this copy. */
  if (self->in_memory)
    return NULL;
  /* @self's opening checked the file already. */
  reader = cm_store_open (self->path, CM_STORE_OPEN_MUST_EXIST | CM_STORE_OPEN_READ_ONLY |
                                      CM_STORE_OPEN_CHECKED, &error);
  if (reader == NULL)
    g_debug ("No second connection to the portfolio: %s", error->message);
  /* It reads beside @self, whose memory it adds to: a reader streams, so
   * a file's reader keeps SQLite's own default cache of 2 MB. */
  else if (!is_server (reader))
    exec (reader, "PRAGMA cache_size = -2048", NULL);
  return reader;
}

gboolean
cm_store_made_portfolio (CmStore *self)
{
  g_return_val_if_fail (CM_IS_STORE (self), FALSE);

  return self->made;
}

gboolean
cm_store_discard_new_portfolio (const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, FALSE);

  if (cm_store_server_is_uri (path))
    return cm_store_server_discard_new (path, error);
  cm_store_file_remove (path);
  return TRUE;
}

/* ---- reading records -------------------------------------------------- */

static GParamSpec *
pspec_for (CmEntityClass *klass, const char *property)
{
  return g_object_class_find_property (G_OBJECT_CLASS (klass), property);
}

/* SELECT t.id, t.row_version, <columns>, <derived> FROM <table> t <joins> [WHERE <where>]
 * (the id and derived columns alone with @derived_only);
 * with @unsearched, NULL for the search text. */
static char *
select_where_sql_of (CmEntityClass *klass, const char *where, gboolean derived_only,
                     gboolean unsearched)
{
  GString *sql = g_string_new (derived_only ? "SELECT t.id" : "SELECT t.id, t.row_version");

  for (guint i = 0; !derived_only && klass->columns[i]; i++)
    {
      g_autofree char *column = cm_value_column_name (klass->columns[i]);
      g_string_append_printf (sql, ", t.%s", column);
    }
  for (guint i = 0; klass->derived && klass->derived[i].property; i++)
    g_string_append_printf (sql, ", %s",
                            unsearched && g_str_equal (klass->derived[i].property, "search-text")
                              ? "NULL" : klass->derived[i].expression);
  g_string_append_printf (sql, " FROM %s t %s%s%s ORDER BY t.id", klass->table,
                          klass->joins ? klass->joins : "", where ? " WHERE " : "",
                          where ? where : "");
  return g_string_free (sql, FALSE);
}

static char *
select_where_sql (CmEntityClass *klass, const char *where, gboolean derived_only)
{
  return select_where_sql_of (klass, where, derived_only, FALSE);
}

/* A walk over every record (cm_store_each ()) searches none of them:
 * folding each one's search text would cost more than reading it. */
static char *
select_each_sql (CmEntityClass *klass)
{
  return select_where_sql_of (klass, NULL, FALSE, TRUE);
}

static char *
select_sql (CmEntityClass *klass, gboolean by_id, gboolean derived_only)
{
  return select_where_sql (klass, by_id ? "t.id = ?" : NULL, derived_only);
}

static char *
select_all_sql (CmEntityClass *klass)
{
  return select_sql (klass, FALSE, FALSE);
}

static char *
select_one_sql (CmEntityClass *klass)
{
  return select_sql (klass, TRUE, FALSE);
}

static char *
select_derived_sql (CmEntityClass *klass)
{
  return select_sql (klass, FALSE, TRUE);
}

/* The derived columns of the rows a change can alter (CmDerivedColumn's
 * "through"). */
static char *
select_derived_where_sql (CmEntityClass *klass, const char *condition)
{
  g_autofree char *all = select_derived_sql (klass);
  const char *order = strstr (all, " ORDER BY t.id");

  return g_strdup_printf ("%.*s WHERE %s", (int) (order - all), all, condition);
}

typedef struct {
  char *(*build) (CmEntityClass *klass);
} SqlBuilder;

static gpointer
build_sql (CmEntityClass *klass, gconstpointer how)
{
  const SqlBuilder *builder = how;

  return builder->build (klass);
}

/* The text of one of a record type's statements, built once per type and
 * kept with it: saving 100,000 records must not print the same SQL each
 * time before the statement cache can find it. */
static const char *
sql_for (CmEntityClass *klass, GQuark which, char *(*build) (CmEntityClass *klass))
{
  return type_data (klass, which, build_sql, &(SqlBuilder) { build });
}

/* The cached statement of one of a record type's statements, found by
 * the address of its text, which sql_for () keeps for good: an import
 * writes 100,000 records, and hashing the whole text again for each costs
 * more than binding its values. */
static CmDbStmt *
kept_statement (CmStore *self, CmEntityClass *klass, GQuark which,
                char *(*build) (CmEntityClass *klass), GError **error)
{
  const char *sql = sql_for (klass, which, build);
  CmDbStmt *stmt = g_hash_table_lookup (self->kept_statements, sql);

  if (stmt)
    {
      cm_db_stmt_reset (stmt);
      return stmt;
    }
  stmt = statement (self, sql, error);
  if (stmt)
    g_hash_table_insert (self->kept_statements, (gpointer) sql, stmt);
  return stmt;
}

/* The properties a select_sql() row fills, in column order after the id
 * (and the version, but with @derived_only). */
static GPtrArray *
selected_pspecs (CmEntityClass *klass, gboolean derived_only)
{
  GPtrArray *pspecs = g_ptr_array_new ();

  for (guint i = 0; !derived_only && klass->columns[i]; i++)
    g_ptr_array_add (pspecs, pspec_for (klass, klass->columns[i]));
  for (guint i = 0; klass->derived && klass->derived[i].property; i++)
    g_ptr_array_add (pspecs, pspec_for (klass, klass->derived[i].property));
  return pspecs;
}

/* The first column a whole select_sql () row holds a property in. */
#define FIRST_VALUE_COLUMN 2

/* Fills @entity from a whole select_sql () row: id, version and values. */
static void
read_row (CmDbStmt *stmt, CmEntity *entity, GPtrArray *pspecs)
{
  cm_entity_set_id (entity, cm_db_column_int64 (stmt, 0));
  cm_entity_set_version (entity, cm_db_column_int64 (stmt, 1));
  for (guint i = 0; i < pspecs->len; i++)
    {
      GParamSpec *pspec = g_ptr_array_index (pspecs, i);
      cm_value_from_column (stmt, FIRST_VALUE_COLUMN + i,
                            cm_entity_peek_value (entity, pspec->param_id));
    }
}

/* Loads rows straight into the entities' values: a list of 100,000
 * contracts must load without a notification per field. */
static GPtrArray *
load_rows_of (CmStore *self, CachedList *list, gint64 id, GError **error)
{
  GType type = list->type;
  g_autoptr(CmEntityClass) klass = g_type_class_ref (type);
  const char *sql = id > 0 ? list->select_one_sql : list->select_sql;
  g_autoptr(GPtrArray) pspecs = selected_pspecs (klass, FALSE);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  CmDbStmt *stmt = statement (self, sql, error);
  int column = 1;
  CmDbStep step;

  if (stmt == NULL)
    return NULL;
  if (id > 0)
    cm_db_bind_int64 (stmt, column++, id);
  if (list->column)
    cm_db_bind_text_static (stmt, column, list->value);
  while ((step = cm_db_step (stmt)) == CM_DB_ROW)
    {
      CmEntity *entity = g_object_new (type, NULL);

      read_row (stmt, entity, pspecs);
      g_ptr_array_add (rows, entity);
    }
  if (step != CM_DB_DONE)
    {
      sql_error (self, error);
      return NULL;
    }
  cm_db_stmt_reset (stmt);
  return g_steal_pointer (&rows);
}

static void cached_list_init (CachedList *list, GType type, const char *column,
                              const char *value);
static void cached_list_clear (CachedList *list);

/* Every record of @type, or the one with @id. */
static GPtrArray *
load_rows (CmStore *self, GType type, gint64 id, GError **error)
{
  CachedList all;
  GPtrArray *rows;

  cached_list_init (&all, type, NULL, NULL);
  rows = load_rows_of (self, &all, id, error);
  cached_list_clear (&all);
  return rows;
}

static CmEntity *
load_one (CmStore *self, GType type, gint64 id, GError **error)
{
  g_autoptr(GPtrArray) rows = load_rows (self, type, id, error);

  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_FOUND,
                   _("The record was deleted by someone else. Reload the list."));
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (rows, 0));
}

/* SELECT … WHERE t.id IN (?, …) with @n values, @n a power of two (a
 * type has a handful of such statements to keep, not one per count), and
 * for a live list, AND its column = ?. */
static char *
select_some_sql (CmEntityClass *klass, const char *column, guint n)
{
  g_autoptr(GString) where = g_string_new ("t.id IN (?");

  for (guint i = 1; i < n; i++)
    g_string_append (where, ", ?");
  g_string_append_c (where, ')');
  if (column)
    g_string_append_printf (where, " AND t.%s = ?", column);
  return select_where_sql (klass, where->str, FALSE);
}

/* A table of records by id, as load_some () fills. */
static GHashTable *
records_by_id (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}

/* Adds to @found (records_by_id ()) the records of @list among the @n_ids
 * of @ids (at most CM_CHANGE_SET_MAX_RECORDS), read with one statement:
 * an id not found names a record no longer there, or no longer in a live
 * list. FALSE when they could not be read. */
static gboolean
load_some (CmStore *self, CachedList *list, const gint64 *ids, guint n_ids, GHashTable *found,
           GError **error)
{
  GType type = list->type;
  g_autoptr(CmEntityClass) klass = g_type_class_ref (type);
  g_autoptr(GPtrArray) pspecs = selected_pspecs (klass, FALSE);
  g_autofree char *sql = NULL;
  guint n_values = 1;
  CmDbStmt *stmt;
  CmDbStep step;

  g_return_val_if_fail (n_ids > 0 && n_ids <= CM_CHANGE_SET_MAX_RECORDS, FALSE);

  while (n_values < n_ids)
    n_values *= 2;
  sql = select_some_sql (klass, list->column, n_values);
  stmt = statement (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  /* The values beyond the ids repeat the last: IN takes each once. */
  for (guint i = 0; i < n_values; i++)
    cm_db_bind_int64 (stmt, i + 1, ids[MIN (i, n_ids - 1)]);
  if (list->column)
    cm_db_bind_text_static (stmt, n_values + 1, list->value);
  while ((step = cm_db_step (stmt)) == CM_DB_ROW)
    {
      CmEntity *entity = g_object_new (type, NULL);
      gint64 id;

      read_row (stmt, entity, pspecs);
      id = cm_entity_get_id (entity);
      g_hash_table_insert (found, g_memdup2 (&id, sizeof id), entity);
    }
  if (step != CM_DB_DONE)
    {
      sql_error (self, error);
      cm_db_stmt_reset (stmt);
      return FALSE;
    }
  cm_db_stmt_reset (stmt);
  return TRUE;
}

/* ---- writing records and their audit rows ----------------------------- */

static gboolean
audit_field (CmStore *self, CmEntity *entity, gint64 id, const char *property,
             const char *old_value, const char *new_value, GError **error)
{
  g_autofree char *at = cm_audit_now ();
  g_autofree char *field = cm_value_column_name (property);
  CmAuditRow row = {
    .at = at,
    .actor = cm_store_get_actor (self),
    .entity = cm_entity_get_table (entity),
    .entity_id = id,
    .field = field,
    .old_value = old_value,
    .new_value = new_value,
  };

  return cm_audit_append (self->audit, &row, error);
}

/* A field's audit text; an empty text counts as no value, so creating a
 * record does not log its blank fields. */
static char *
field_text (CmEntity *entity, const char *property)
{
  char *text = cm_entity_property_text (entity, property);

  if (text && *text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* Audits every field that differs between @before and @after; either may
 * be NULL for a record that is being created or deleted. */
static gboolean
audit_changes (CmStore *self, CmEntity *before, CmEntity *after, gint64 id, GError **error)
{
  CmEntity *any = after ? after : before;
  CmEntityClass *klass = CM_ENTITY_GET_CLASS (any);

  for (guint i = 0; klass->columns[i]; i++)
    {
      const char *property = klass->columns[i];
      g_autofree char *old_value = before ? field_text (before, property) : NULL;
      g_autofree char *new_value = after ? field_text (after, property) : NULL;

      if (g_strcmp0 (old_value, new_value) == 0)
        continue;
      if (!audit_field (self, any, id, property, old_value, new_value, error))
        return FALSE;
    }
  return TRUE;
}

static gpointer
build_column_names (CmEntityClass *klass, G_GNUC_UNUSED gconstpointer how)
{
  char **names = g_new0 (char *, g_strv_length ((char **) klass->columns) + 1);

  for (guint i = 0; klass->columns[i]; i++)
    names[i] = cm_value_column_name (klass->columns[i]);
  return names;
}

/* A record type's column names, made once per type. */
static char **
column_names (CmEntityClass *klass)
{
  return type_data (klass, column_names_quark (), build_column_names, NULL);
}

static gpointer
build_column_pspecs (CmEntityClass *klass, G_GNUC_UNUSED gconstpointer how)
{
  GParamSpec **pspecs = g_new0 (GParamSpec *, g_strv_length ((char **) klass->columns) + 1);

  for (guint i = 0; klass->columns[i]; i++)
    pspecs[i] = pspec_for (klass, klass->columns[i]);
  return pspecs;
}

/* A record type's column properties, looked up once per type: binding
 * 100,000 records must not look each property up by name every time. */
static GParamSpec **
column_pspecs (CmEntityClass *klass)
{
  return type_data (klass, column_pspecs_quark (), build_column_pspecs, NULL);
}

/* A column holding the id of another record: an import gives it only as
 * it writes the record, after the record it names. */
static gboolean
is_reference_column (const char *column)
{
  return g_str_has_suffix (column, "-id");
}

/* How a record type's whole-record rows are written: in its table's
 * newest layout, each of the layout's columns found among the type's
 * once, not for each of a million rows. */
typedef struct {
  const CmAuditLayout *layout; /* NULL: always with the columns named */
  int *at;                     /* by layout column: the type's column, or -1 */
  gboolean *reference;         /* by layout column: whether it holds an id */
  guint *outside;              /* the type's columns the layout lacks */
  guint n_outside;
} WholeLayout;

static gpointer
build_whole_layout (CmEntityClass *klass, G_GNUC_UNUSED gconstpointer how)
{
  WholeLayout *whole = g_new0 (WholeLayout, 1);
  guint n_columns = g_strv_length ((char **) klass->columns);
  /* Not column_names (): its lock is held while this is built. */
  g_auto(GStrv) names = build_column_names (klass, NULL);
  const CmAuditLayout *layout = cm_audit_layout_newest (klass->table);

  whole->layout = layout;
  if (layout == NULL)
    return whole;
  whole->at = g_new (int, layout->n_columns);
  whole->reference = g_new0 (gboolean, layout->n_columns);
  for (guint j = 0; j < layout->n_columns; j++)
    {
      whole->at[j] = -1;
      for (guint i = 0; i < n_columns && whole->at[j] < 0; i++)
        if (g_str_equal (names[i], layout->columns[j]))
          whole->at[j] = i;
      whole->reference[j] = whole->at[j] >= 0 &&
                            is_reference_column (klass->columns[whole->at[j]]);
    }
  whole->outside = g_new (guint, n_columns);
  for (guint i = 0; i < n_columns; i++)
    if (cm_audit_layout_column (layout, names[i]) < 0)
      whole->outside[whole->n_outside++] = i;
  return whole;
}

static const WholeLayout *
whole_layout (CmEntityClass *klass)
{
  return type_data (klass, whole_layout_quark (), build_whole_layout, NULL);
}

/* Where a reference column's field goes in a rendered record. */
typedef struct {
  guint column; /* the type's column, or its layout's when listed */
  gsize at;
} IdPlace;

struct _CmRenderedRecord
{
  GType type;       /* of the record rendered */
  GString *json;    /* its audit value, but for its reference columns */
  gboolean listed;  /* a list of values in its table's layout, not an object */
  GArray *ids;      /* IdPlace of each reference column, in order */
};

/* The trail's text of @entity's column described by @pspec; empty or
 * NULL when blank. */
static const char *
value_text (CmEntity *entity, GParamSpec *pspec, char buffer[CM_VALUE_TEXT_SIZE])
{
  return cm_value_peek_text (cm_entity_peek_value (entity, pspec->param_id), pspec->name,
                             buffer);
}

/* Column @i of @entity, whose type's column names and properties are
 * @names and @pspecs. */
static void
add_column (GString *json, CmEntity *entity, char **names, GParamSpec **pspecs, guint i)
{
  char buffer[CM_VALUE_TEXT_SIZE];
  const char *text = value_text (entity, pspecs[i], buffer);

  /* Blank fields are left out, as field_text () leaves them out. */
  if (text && *text)
    cm_audit_record_add (json, names[i], text);
}

/* Column @j of @whole's layout, from @entity: null where it is blank or
 * the type has no such column. */
static void
add_element (GString *json, CmEntity *entity, const WholeLayout *whole, GParamSpec **pspecs,
             guint j)
{
  char buffer[CM_VALUE_TEXT_SIZE];
  int i = whole->at[j];

  cm_audit_record_list_add (json, i >= 0 ? value_text (entity, pspecs[i], buffer) : NULL);
}

/* Whether @entity can be written in @whole's layout: it has one, and
 * every column with a value is in it. */
static gboolean
fits_layout (CmEntity *entity, const WholeLayout *whole, GParamSpec **pspecs)
{
  char buffer[CM_VALUE_TEXT_SIZE];

  if (whole->layout == NULL)
    return FALSE;
  for (guint k = 0; k < whole->n_outside; k++)
    {
      const char *text = value_text (entity, pspecs[whole->outside[k]], buffer);

      if (text && *text)
        return FALSE;
    }
  return TRUE;
}

/* The whole record as a list of values in @whole's layout; with @ids
 * as render_record (). */
static void
render_list (CmEntity *entity, const WholeLayout *whole, GParamSpec **pspecs, GString *json,
             GArray *ids)
{
  cm_audit_record_begin_list (json, whole->layout);
  for (guint j = 0; j < whole->layout->n_columns; j++)
    if (ids && whole->reference[j])
      g_array_append_val (ids, ((IdPlace) { j, json->len }));
    else
      add_element (json, entity, whole, pspecs, j);
  cm_audit_record_end_list (json);
}

/* The whole record as an object of its named fields; with @ids as
 * render_record (). */
static void
render_object (CmEntity *entity, GString *json, GArray *ids)
{
  CmEntityClass *klass = CM_ENTITY_GET_CLASS (entity);
  char **names = column_names (klass);
  GParamSpec **pspecs = column_pspecs (klass);

  cm_audit_record_begin (json);
  for (guint i = 0; klass->columns[i]; i++)
    if (ids && is_reference_column (klass->columns[i]))
      g_array_append_val (ids, ((IdPlace) { i, json->len }));
    else
      add_column (json, entity, names, pspecs, i);
  cm_audit_record_end (json);
}

/* The whole record as one audit value, a list when its table's layout
 * holds all its values; with @ids, the reference columns are left out,
 * each one's place in @json kept there. Returns whether it is a list. */
static gboolean
render_record (CmEntity *entity, GString *json, GArray *ids)
{
  CmEntityClass *klass = CM_ENTITY_GET_CLASS (entity);
  const WholeLayout *whole = whole_layout (klass);
  GParamSpec **pspecs = column_pspecs (klass);

  if (fits_layout (entity, whole, pspecs))
    {
      render_list (entity, whole, pspecs, json, ids);
      return TRUE;
    }
  render_object (entity, json, ids);
  return FALSE;
}

/* A field rendered first has no comma before it in an object: it needs
 * one when an id now comes before it. (In a list each element brings its
 * own, and what follows an id begins with one.) */
static void
append_rendered (GString *json, const char *text, gsize length)
{
  if (length > 0 && text[0] == '"' && json->len > 1)
    g_string_append_c (json, ',');
  g_string_append_len (json, text, length);
}

/* @rendered, with the ids @entity holds now put in their places: the
 * same text render_record () gives. */
static void
fill_in_ids (GString *json, CmEntity *entity, const CmRenderedRecord *rendered)
{
  CmEntityClass *klass = CM_ENTITY_GET_CLASS (entity);
  GParamSpec **pspecs = column_pspecs (klass);
  const WholeLayout *whole = rendered->listed ? whole_layout (klass) : NULL;
  char **names = whole ? NULL : column_names (klass);
  const GString *text = rendered->json;
  gsize from = 0;

  /* An id the layout lacks makes a list an object after all. */
  if (whole && !fits_layout (entity, whole, pspecs))
    {
      render_object (entity, json, NULL);
      return;
    }
  g_string_truncate (json, 0);
  for (guint k = 0; k < rendered->ids->len; k++)
    {
      const IdPlace *place = &g_array_index (rendered->ids, IdPlace, k);

      append_rendered (json, text->str + from, place->at - from);
      from = place->at;
      if (whole)
        add_element (json, entity, whole, pspecs, place->column);
      else
        add_column (json, entity, names, pspecs, place->column);
    }
  append_rendered (json, text->str + from, text->len - from);
}

/* One audit row with every value of a record created among many (an
 * import), where a row per field would outweigh the record itself. */
static gboolean
audit_whole_record (CmStore *self, CmEntity *entity, gint64 id,
                    const CmRenderedRecord *rendered, GError **error)
{
  CmEntityClass *klass = CM_ENTITY_GET_CLASS (entity);
  GString *json = self->record_json;
  g_autofree char *at = cm_audit_now ();
  CmAuditRow row = {
    .at = at,
    .actor = cm_store_get_actor (self),
    .entity = klass->table,
    .entity_id = id,
    .field = CM_AUDIT_FIELD_RECORD,
  };

  if (rendered)
    fill_in_ids (json, entity, rendered);
  else
    render_record (entity, json, NULL);
  row.new_value = json->str;
  return cm_audit_append (self->audit, &row, error);
}

CmRenderedRecord *
cm_rendered_record_new (void)
{
  CmRenderedRecord *rendered = g_new0 (CmRenderedRecord, 1);

  rendered->json = g_string_sized_new (512);
  rendered->ids = g_array_new (FALSE, FALSE, sizeof (IdPlace));
  return rendered;
}

void
cm_rendered_record_free (CmRenderedRecord *rendered)
{
  if (rendered == NULL)
    return;
  g_string_free (rendered->json, TRUE);
  g_array_unref (rendered->ids);
  g_free (rendered);
}

/* Straight from the entity's own values, not even copied by the
 * database: the entity outlives the step, and the caller resets the
 * statement after it (step_bound ()). */
static void
bind_columns (CmDbStmt *stmt, CmEntity *entity)
{
  const char **columns = CM_ENTITY_GET_CLASS (entity)->columns;
  GParamSpec **pspecs = column_pspecs (CM_ENTITY_GET_CLASS (entity));

  for (guint i = 0; columns[i]; i++)
    cm_value_bind_static (stmt, i + 1, cm_entity_peek_value (entity, pspecs[i]->param_id),
                          columns[i]);
}

/* Steps a statement bound by bind_columns (), leaving it holding no
 * pointer into the entity; a failure is told as constraint_error () tells
 * it. */
static gboolean
step_bound (CmStore *self, CmDbStmt *stmt, CmEntity *entity, GError **error)
{
  guint64 failed_at;
  guint64 before = self->deferred ? cm_db_deferred (self->database, &failed_at) : 0;
  gboolean done = cm_db_step (stmt) == CM_DB_DONE || constraint_error (self, entity, FALSE,
                                                                       error);
  guint64 sent = self->deferred ? cm_db_deferred (self->database, &failed_at) : 0;

  if (done && sent > before)
    cm_deferred_saves_keep (self->deferred, sent, entity);
  cm_db_stmt_reset (stmt);
  return done;
}

/* INSERT INTO t (c1, ..., row_version, id) VALUES (?, ..., ?, ?) -- id last */
static char *
insert_sql (CmEntityClass *klass)
{
  GString *names = g_string_new (NULL);
  GString *marks = g_string_new (NULL);
  g_autofree char *n = NULL;
  g_autofree char *m = NULL;

  for (guint i = 0; klass->columns[i]; i++)
    {
      g_autofree char *column = cm_value_column_name (klass->columns[i]);
      g_string_append_printf (names, "%s, ", column);
      g_string_append (marks, "?, ");
    }
  n = g_string_free (names, FALSE);
  m = g_string_free (marks, FALSE);
  return g_strdup_printf ("INSERT INTO %s (%srow_version, id) VALUES (%s?, ?)", klass->table, n, m);
}

static char *
update_sql (CmEntityClass *klass)
{
  GString *sql = g_string_new (NULL);

  g_string_append_printf (sql, "UPDATE %s SET ", klass->table);
  for (guint i = 0; klass->columns[i]; i++)
    {
      g_autofree char *column = cm_value_column_name (klass->columns[i]);
      g_string_append_printf (sql, "%s = ?, ", column);
    }
  /* Over the version read only: a change read before another cannot
   * overwrite it, whatever the engine's isolation. */
  g_string_append (sql, "row_version = ? WHERE id = ? AND row_version = ?");
  return g_string_free (sql, FALSE);
}

static void
clear_pending_change (gpointer data)
{
  PendingChange *change = data;

  g_clear_object (&change->inserted);
  g_clear_object (&change->before);
  g_clear_object (&change->after);
}

/* Keeps @entity (a reference taken for it) in @inserted from @level_start
 * on, once: an import that writes every row from one record keeps it once. */
static void
keep_inserted (GPtrArray *inserted, guint level_start, CmEntity *entity)
{
  if (inserted->len > level_start &&
      g_ptr_array_index (inserted, inserted->len - 1) == entity)
    g_object_unref (entity);
  else
    g_ptr_array_add (inserted, entity);
}

/* Drops the changes to @table listed so far, level by level, keeping only
 * the new records among them, whose ids a rollback takes back. */
static void
drop_listed_changes (CmStore *self, const char *table)
{
  g_autoptr(GArray) old = g_steal_pointer (&self->pending);
  g_autoptr(GPtrArray) old_inserted = g_steal_pointer (&self->inserted);

  self->pending = g_array_sized_new (FALSE, FALSE, sizeof (PendingChange), old->len);
  g_array_set_clear_func (self->pending, clear_pending_change);
  self->inserted = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint l = 0; l < self->savepoints->len; l++)
    {
      Savepoint *level = &g_array_index (self->savepoints, Savepoint, l);
      gboolean last = l + 1 == self->savepoints->len;
      guint pending_end = last ? old->len
                               : g_array_index (self->savepoints, Savepoint, l + 1).pending;
      guint inserted_end = last ? old_inserted->len
                                : g_array_index (self->savepoints, Savepoint, l + 1).inserted;
      guint pending_start = level->pending;
      guint inserted_start = level->inserted;

      level->pending = self->pending->len;
      level->inserted = self->inserted->len;
      for (guint i = inserted_start; i < inserted_end; i++)
        g_ptr_array_add (self->inserted, g_object_ref (g_ptr_array_index (old_inserted, i)));
      for (guint i = pending_start; i < pending_end; i++)
        {
          PendingChange *change = &g_array_index (old, PendingChange, i);
          g_autoptr(CmEntityClass) klass = g_type_class_ref (change->type);

          if (!g_str_equal (klass->table, table))
            {
              g_array_append_val (self->pending, *change);
              memset (change, 0, sizeof *change);
              continue;
            }
          if (change->inserted)
            keep_inserted (self->inserted, level->inserted, g_steal_pointer (&change->inserted));
        }
    }
}

/* Counts the change to @table; TRUE once it is one too many to list,
 * when the changes listed so far are dropped. */
static gboolean
past_listed_changes (CmStore *self, const char *table)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (self->n_changes, table)) + 1;

  g_hash_table_insert (self->n_changes, (gpointer) table, GUINT_TO_POINTER (n));
  if (n == 1)
    g_ptr_array_add (self->changed_tables, (gpointer) table);
  if (n <= MAX_LISTED_CHANGES)
    return FALSE;
  if (!g_hash_table_contains (self->reloads, table))
    {
      g_hash_table_add (self->reloads, (gpointer) table);
      drop_listed_changes (self, table);
    }
  return TRUE;
}

static void
queue_change (CmStore *self, ChangeKind kind, CmEntity *entity, gboolean inserted,
              CmEntity *before)
{
  /* Past the changes recomputed one by one, the record as it was is not
   * needed, and an import updating every record must not keep them all. */
  gboolean keep_before = before && self->pending->len < MAX_TARGETED_CHANGES;
  PendingChange change = { kind, G_OBJECT_TYPE (entity), cm_entity_get_id (entity),
                           NULL, NULL, NULL, before != NULL };

  if (past_listed_changes (self, CM_ENTITY_GET_CLASS (entity)->table))
    {
      Savepoint *level = &g_array_index (self->savepoints, Savepoint,
                                         self->savepoints->len - 1);

      if (inserted)
        keep_inserted (self->inserted, level->inserted, g_object_ref (entity));
      return;
    }
  change.inserted = inserted ? g_object_ref (entity) : NULL;
  change.before = keep_before ? g_object_ref (before) : NULL;
  g_array_append_val (self->pending, change);
}

static GArray *
pending_new (void)
{
  GArray *pending = g_array_new (FALSE, FALSE, sizeof (PendingChange));

  g_array_set_clear_func (pending, clear_pending_change);
  return pending;
}

/* Runs @write inside its own transaction level, so that a failure leaves
 * the file exactly as it was before the call. */
static gboolean
in_transaction (CmStore *self, gboolean (*write) (CmStore *, CmEntity *, GError **),
                CmEntity *entity, GError **error)
{
  if (!cm_store_begin (self, error))
    return FALSE;
  if (!write (self, entity, error))
    {
      cm_store_rollback (self);
      return FALSE;
    }
  return cm_store_commit (self, error);
}

static char *
next_id_sql (CmEntityClass *klass)
{
  return g_strdup_printf ("SELECT coalesce(max(m), 0) + 1 FROM (SELECT max(id) AS m FROM %s"
                          " UNION ALL SELECT max(entity_id) FROM audit WHERE entity = ?) AS ids",
                          klass->table);
}

/* A new record never takes the id of a deleted one, so the audit rows of
 * each id tell the story of one record, and Undo can always put it back. */
static gint64
next_id (CmStore *self, CmEntityClass *klass)
{
  const char *table = klass->table;
  gint64 *next = g_hash_table_lookup (self->next_ids, table);
  CmDbStmt *stmt;
  gint64 id = 0;

  /* Counted from the file once per transaction: only the store inserts. */
  if (next)
    return (*next)++;
  stmt = statement (self, sql_for (klass, next_id_statement_quark (), next_id_sql), NULL);
  if (stmt == NULL)
    return 0;
  cm_db_bind_text_static (stmt, 1, table);
  if (cm_db_step (stmt) == CM_DB_ROW)
    id = cm_db_column_int64 (stmt, 0);
  cm_db_stmt_reset (stmt);
  if (id > 0)
    g_hash_table_insert (self->next_ids, (gpointer) table, g_memdup2 (&(gint64) { id + 1 },
                                                                       sizeof (gint64)));
  return id;
}

/* Remembers that @entity's version moves on to @version, to put back if
 * the write is rolled back. */
static void
bump_version (CmStore *self, CmEntity *entity, gint64 version)
{
  BumpedVersion bumped = { g_object_ref (entity), cm_entity_get_version (entity) };

  g_array_append_val (self->bumped, bumped);
  cm_entity_set_version (entity, version);
}

static void
clear_bumped_version (gpointer data)
{
  g_clear_object (&((BumpedVersion *) data)->entity);
}

/* Names who made @stored's latest change, from the audit trail read in
 * the refused write's transaction, and what to do next: every caller
 * shows this text, whatever else it offers. */
static gboolean
conflict_error (CmStore *self, CmEntity *stored, GError **error)
{
  g_autofree char *name = cm_entity_describe (stored);
  g_autofree char *actor = NULL;
  g_autofree char *at = NULL;

  if (cm_store_last_change (self, stored, NULL, &actor, &at) && actor && *actor)
    g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_CONFLICT,
                 /* Translators: the first %s is a record, the second a person */
                 _("“%s” was changed by %s after you opened it, so nothing was saved. "
                   "Open it again to see the latest values, then make your change again."),
                 name, actor);
  else
    g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_CONFLICT,
                 _("“%s” was changed by someone else after you opened it, so nothing was "
                   "saved. Open it again to see the latest values, then make your change "
                   "again."),
                 name);
  return FALSE;
}

/* Refuses writing @entity over @stored, someone else's since it was read.
 * An action writing several records tells the user which one met the
 * change: see cm_store_conflict_refused (). */
static gboolean
refuse (CmStore *self, CmEntity *entity, CmEntity *stored, GError **error)
{
  g_clear_object (&self->refused);
  self->refused = cm_entity_copy (entity);
  return conflict_error (self, stored, error);
}

/* A copy that was never read (version 0), such as the blank row a list
 * shows for a record it could not load, cannot tell what it would write
 * over. */
static gboolean
unread_error (CmEntity *stored, GError **error)
{
  g_autofree char *name = cm_entity_describe (stored);

  g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_CONFLICT,
               _("This copy of “%s” was not read from the portfolio, so saving it could undo "
                 "someone else’s change. Nothing was saved: open it again to see the latest "
                 "values, then make your change again."),
               name);
  return FALSE;
}

/* A change to @entity is written over the version it was read as:
 * refused when @stored, read in the writing transaction, has moved on
 * since, or when @entity was never read. */
static gboolean
check_version (CmStore *self, CmEntity *entity, CmEntity *stored, GError **error)
{
  gint64 read = cm_entity_get_version (entity);

  if (read == 0)
    {
      g_clear_object (&self->refused);
      return unread_error (stored, error);
    }
  return read == cm_entity_get_version (stored) || refuse (self, entity, stored, error);
}

CmEntity *
cm_store_conflict_refused (CmStore *self)
{
  g_return_val_if_fail (CM_IS_STORE (self), NULL);

  return self->refused ? cm_entity_copy (self->refused) : NULL;
}

/* Whether saving @after over @before changes any column, compared as
 * the audit trail records them. */
static gboolean
any_column_differs (CmEntity *before, CmEntity *after)
{
  const char **columns = CM_ENTITY_GET_CLASS (after)->columns;

  for (guint i = 0; columns[i]; i++)
    {
      g_autofree char *old_value = field_text (before, columns[i]);
      g_autofree char *new_value = field_text (after, columns[i]);

      if (g_strcmp0 (old_value, new_value) != 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
check_change (CmStore *self, CmEntity *before, CmEntity *after, GError **error)
{
  CmEntityClass *klass = CM_ENTITY_GET_CLASS (after ? after : before);

  return klass->check_change == NULL || klass->check_change (before, after, self, error);
}

/* How the audit trail records a new record. */
typedef enum {
  AUDIT_EACH_FIELD,
  AUDIT_WHOLE_RECORD,
} AuditAs;

/* @rendered, for a record audited whole, is its audit value rendered ahead. */
static gboolean
insert_row (CmStore *self, CmEntity *entity, gint64 id, AuditAs audit_as,
            const CmRenderedRecord *rendered, GError **error)
{
  CmEntityClass *klass = CM_ENTITY_GET_CLASS (entity);
  CmDbStmt *stmt = kept_statement (self, klass, insert_statement_quark (), insert_sql, error);
  guint n_columns = g_strv_length ((char **) klass->columns);
  gint64 new_id, version;

  if (stmt == NULL || !check_change (self, NULL, entity, error))
    return FALSE;
  new_id = id > 0 ? id : next_id (self, klass);
  /* A new record starts at 1; one put back goes on from where it was. */
  version = id > 0 ? cm_entity_get_version (entity) + 1 : 1;
  bind_columns (stmt, entity);
  cm_db_bind_int64 (stmt, n_columns + 1, version);
  cm_db_bind_int64 (stmt, n_columns + 2, new_id);
  if (!step_bound (self, stmt, entity, error))
    return FALSE;
  if (audit_as == AUDIT_EACH_FIELD ? !audit_changes (self, NULL, entity, new_id, error)
                                    : !audit_whole_record (self, entity, new_id, rendered, error))
    return FALSE;
  cm_entity_set_id (entity, new_id);
  if (id > 0)
    bump_version (self, entity, version);
  else
    cm_entity_set_version (entity, version);
  queue_change (self, CHANGE_SAVED, entity, id == 0, NULL);
  return TRUE;
}

/* Values that follow from others, filled in as a record is written by a
 * user or an import, but not as Undo restores one exactly as it was. */
static void
complete (CmEntity *entity, CmEntity *before)
{
  CmEntityClass *klass = CM_ENTITY_GET_CLASS (entity);

  if (klass->complete)
    klass->complete (entity, before);
}

static gboolean
write_insert (CmStore *self, CmEntity *entity, GError **error)
{
  complete (entity, NULL);
  return insert_row (self, entity, 0, AUDIT_EACH_FIELD, NULL, error);
}

static gboolean
write_insert_listed (CmStore *self, CmEntity *entity, GError **error)
{
  complete (entity, NULL);
  return insert_row (self, entity, 0, AUDIT_WHOLE_RECORD, NULL, error);
}

static gboolean
write_restore (CmStore *self, CmEntity *entity, GError **error)
{
  return insert_row (self, entity, cm_entity_get_id (entity), AUDIT_EACH_FIELD, NULL, error);
}

static gboolean
write_update (CmStore *self, CmEntity *entity, GError **error)
{
  CmEntityClass *klass = CM_ENTITY_GET_CLASS (entity);
  gint64 id = cm_entity_get_id (entity);
  g_autoptr(CmEntity) before = load_one (self, G_OBJECT_TYPE (entity), id, error);
  guint n_columns = g_strv_length ((char **) klass->columns);
  CmDbStmt *stmt;
  gint64 version;

  if (before == NULL || !check_version (self, entity, before, error))
    return FALSE;
  version = cm_entity_get_version (before);
  complete (entity, before);
  if (!check_change (self, before, entity, error))
    return FALSE;
  /* A new version with no audit row would name the wrong person to the
   * next colleague whose save it refuses. */
  if (!any_column_differs (before, entity))
    return TRUE;
  if ((stmt = kept_statement (self, klass, update_statement_quark (), update_sql, error)) == NULL)
    return FALSE;
  bind_columns (stmt, entity);
  cm_db_bind_int64 (stmt, n_columns + 1, version + 1);
  cm_db_bind_int64 (stmt, n_columns + 2, id);
  cm_db_bind_int64 (stmt, n_columns + 3, version);
  if (!step_bound (self, stmt, entity, error))
    return FALSE;
  if (cm_db_changes (self->database) != 1)
    return refuse (self, entity, before, error);
  if (!audit_changes (self, before, entity, id, error))
    return FALSE;
  bump_version (self, entity, version + 1);
  queue_change (self, CHANGE_SAVED, entity, FALSE, before);
  return TRUE;
}

static gboolean
write_delete (CmStore *self, CmEntity *entity, GError **error)
{
  gint64 id = cm_entity_get_id (entity);
  g_autoptr(CmEntity) before = load_one (self, G_OBJECT_TYPE (entity), id, error);
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ? AND row_version = ?",
                                          cm_entity_get_table (entity));
  CmDbStmt *stmt;

  if (before == NULL || !check_version (self, entity, before, error) ||
      !check_change (self, before, NULL, error) ||
      (stmt = statement (self, sql, error)) == NULL)
    return FALSE;
  cm_db_bind_int64 (stmt, 1, id);
  cm_db_bind_int64 (stmt, 2, cm_entity_get_version (before));
  if (cm_db_step (stmt) != CM_DB_DONE)
    return constraint_error (self, entity, TRUE, error);
  if (cm_db_changes (self->database) != 1)
    return refuse (self, entity, before, error);
  if (!audit_changes (self, before, NULL, id, error))
    return FALSE;
  queue_change (self, CHANGE_DELETED, entity, FALSE, before);
  return TRUE;
}

gboolean
cm_store_save (CmStore *self, CmEntity *entity, GError **error)
{
  g_return_val_if_fail (CM_IS_STORE (self), FALSE);
  g_return_val_if_fail (CM_IS_ENTITY (entity), FALSE);

  if (!cm_entity_validate (entity, error))
    return FALSE;
  return in_transaction (self, cm_entity_get_id (entity) ? write_update : write_insert,
                         entity, error);
}

gboolean
cm_store_insert_listed (CmStore *self, CmEntity *entity, GError **error)
{
  g_return_val_if_fail (CM_IS_STORE (self), FALSE);
  g_return_val_if_fail (cm_entity_get_id (entity) == 0, FALSE);
  g_return_val_if_fail (self->savepoints->len > 0, FALSE);

  /* Inside the caller's transaction a failed INSERT undoes itself, so one
   * row needs no savepoint of its own: the import rolls back as a whole. */
  return cm_entity_validate (entity, error) && write_insert_listed (self, entity, error);
}

gboolean
cm_store_insert_validated (CmStore *self, CmEntity *entity, GError **error)
{
  g_return_val_if_fail (CM_IS_STORE (self), FALSE);
  g_return_val_if_fail (cm_entity_get_id (entity) == 0, FALSE);
  g_return_val_if_fail (self->savepoints->len > 0, FALSE);

  return write_insert_listed (self, entity, error);
}

void
cm_store_render_new_record (CmEntity *entity, CmRenderedRecord *rendered)
{
  g_return_if_fail (CM_IS_ENTITY (entity) && cm_entity_get_id (entity) == 0);

  complete (entity, NULL);
  rendered->type = G_OBJECT_TYPE (entity);
  g_array_set_size (rendered->ids, 0);
  rendered->listed = render_record (entity, rendered->json, rendered->ids);
}

gboolean
cm_store_insert_rendered (CmStore *self, CmEntity *entity, const CmRenderedRecord *rendered,
                          GError **error)
{
  g_return_val_if_fail (CM_IS_STORE (self), FALSE);
  g_return_val_if_fail (cm_entity_get_id (entity) == 0, FALSE);
  g_return_val_if_fail (rendered->type == G_OBJECT_TYPE (entity), FALSE);
  g_return_val_if_fail (self->savepoints->len > 0, FALSE);

  return insert_row (self, entity, 0, AUDIT_WHOLE_RECORD, rendered, error);
}

gboolean
cm_store_delete (CmStore *self, CmEntity *entity, GError **error)
{
  g_return_val_if_fail (CM_IS_STORE (self), FALSE);
  g_return_val_if_fail (cm_entity_get_id (entity) > 0, FALSE);

  return in_transaction (self, write_delete, entity, error);
}

/* Puts back a record deleted earlier under its old id (undo). */
gboolean
cm_store_restore (CmStore *self, CmEntity *entity, GError **error)
{
  g_return_val_if_fail (CM_IS_STORE (self), FALSE);
  g_return_val_if_fail (cm_entity_get_id (entity) > 0, FALSE);

  if (!cm_entity_validate (entity, error))
    return FALSE;
  return in_transaction (self, write_restore, entity, error);
}

/* ---- transactions ----------------------------------------------------- */

static gboolean
refuse_read_only (CmStore *self, GError **error)
{
  if (!is_server (self) && g_access (self->path, W_OK) != 0)
    return cm_store_file_read_only_error (self->path, error);
  g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_READ_ONLY,
               _("“%s” was opened only for reading, so it cannot be changed."), self->path);
  return FALSE;
}

/* Files made before the application id existed get it with their first
 * change, in the same transaction. */
static gboolean
mark_as_ours (CmStore *self, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d",
                                          CM_SCHEMA_APPLICATION_ID);
  gint64 id = 0;

  if (self->marked)
    return TRUE;
  if (!read_number (self, NUMBER_APPLICATION_ID, &id))
    return sql_error (self, error);
  if (id != CM_SCHEMA_APPLICATION_ID && !exec (self, sql, error))
    return FALSE;
  self->marked = TRUE;
  return TRUE;
}

gboolean
cm_store_check_writable (CmStore *self, GError **error)
{
  const char *why;

  if (self->read_only)
    return refuse_read_only (self, error);
  /* A damaged trail outlasts a lost connection, so it is told first. */
  why = self->refusal != NULL ? self->refusal : self->connection_lost;
  if (why == NULL)
    return TRUE;
  g_set_error_literal (error, CM_STORE_ERROR, CM_STORE_ERROR_READ_ONLY, why);
  return FALSE;
}

void
cm_store_refuse_changes (CmStore *self, const char *why)
{
  g_free (self->refusal);
  self->refusal = g_strdup (why);
}

void
cm_store_set_connection_lost (CmStore *self, const char *why)
{
  g_free (self->connection_lost);
  self->connection_lost = g_strdup (why);
}

/* After a batch written alone, outside a transaction: each row's
 * references checked as it is written, and WAL again, so that readers in
 * other programs never wait on a writer. */
static void
end_batch_alone (CmStore *self)
{
  if (self->references_deferred)
    self->references_deferred = !cm_store_references_enforce (self->database);
  if (self->rollback_journal)
    self->rollback_journal = !cm_store_journal_return_to_wal (self->database);
}

static gboolean
written_in_transaction (CmStore *self)
{
  return self->pending->len > 0 || self->inserted->len > 0 || self->meta_changed ||
         sqlite3_total_changes64 (cm_db_sqlite_handle (self->database)) != self->changes_at_begin;
}

static gboolean
changed_elsewhere (CmStore *self, GError **error)
{
  g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_BUSY,
               _("Another program changed “%s” just as these changes began, so nothing was "
                 "changed. Try again."), self->path);
  return FALSE;
}

gboolean
cm_store_begin_alone (CmStore *self, GError **error)
{
  gboolean references_sound;
  gint64 newest;

  g_return_val_if_fail (self->savepoints->len == 1, FALSE);

  if (is_server (self) || self->rollback_journal || written_in_transaction (self))
    return TRUE;
  /* The journal mode cannot change inside a transaction: this one, which
   * has only read, is begun again around the change. Another program's
   * commit in the moment between would make what was read stale, and
   * every commit of ours adds an audit row. */
  newest = newest_audit_row (self);
  references_sound = cm_store_references_intact (self->database);
  cm_db_rollback (self->database);
  self->references_deferred = references_sound && cm_store_references_defer (self->database);
  self->rollback_journal = cm_store_journal_leave_wal (self->database);
  if (self->rollback_journal ? !cm_store_journal_begin (self->database)
                             : !begin_writing (self, error))
    return self->rollback_journal ? sql_error (self, error) : FALSE;
  self->marked = FALSE; /* the mark, if this transaction set it, was rolled back */
  if (!mark_as_ours (self, error))
    return FALSE;
  self->changes_at_begin = sqlite3_total_changes64 (cm_db_sqlite_handle (self->database));
  if (newest_audit_row (self) != newest)
    return changed_elsewhere (self, error);
  return TRUE;
}

gboolean
cm_store_begin (CmStore *self, GError **error)
{
  Savepoint mark = { self->pending->len, self->inserted->len, self->bumped->len };
  gboolean outermost = self->savepoints->len == 0;

  if (!cm_store_check_writable (self, error))
    return FALSE;
  if (outermost)
    end_batch_alone (self); /* if it could not be after the last batch */
  if (outermost ? !begin_writing (self, error) : !exec (self, "SAVEPOINT level", error))
    return FALSE;
  if (outermost && !mark_as_ours (self, error))
    {
      cm_db_rollback (self->database);
      return FALSE;
    }
  if (outermost)
    {
      if (!is_server (self))
        self->changes_at_begin = sqlite3_total_changes64 (cm_db_sqlite_handle (self->database));
      cm_audit_log_hold (self->audit);
      g_hash_table_remove_all (self->next_ids);
      g_hash_table_remove_all (self->n_changes);
      g_ptr_array_set_size (self->changed_tables, 0);
    }
  g_array_append_val (self->savepoints, mark);
  return TRUE;
}

gboolean
cm_store_begin_read (CmStore *self, GError **error)
{
  g_return_val_if_fail (self->savepoints->len == 0, FALSE);

  /* A deferred transaction takes its snapshot at its first read: read now.
   * (A server's reading transaction takes it as it begins.) */
  if (!cm_db_begin (self->database, CM_DB_READING))
    return sql_error (self, error);
  if (!is_server (self) && !exec (self, "SELECT count(*) FROM sqlite_master", error))
    {
      cm_db_rollback (self->database);
      return FALSE;
    }
  return TRUE;
}

void
cm_store_end_read (CmStore *self)
{
  if (self->savepoints->len == 0 && cm_db_in_transaction (self->database))
    cm_db_commit (self->database);
}

static GPtrArray *apply_pending (CmStore *self, GArray *changes);
static void emit_changed (CmStore *self, GPtrArray *tables);

/* The records the open transaction changed, and the tables it changed
 * too many records of to name them: what other programs following the
 * portfolio read again. */
static CmChangeSet *
changed_records (CmStore *self)
{
  CmChangeSet *changes = cm_change_set_new ();
  GHashTableIter iter;
  gpointer table;

  for (guint i = 0; i < self->pending->len; i++)
    {
      PendingChange *change = &g_array_index (self->pending, PendingChange, i);
      g_autoptr(CmEntityClass) klass = g_type_class_ref (change->type);

      cm_change_set_add_record (changes, klass->table, change->id);
    }
  g_hash_table_iter_init (&iter, self->reloads);
  while (g_hash_table_iter_next (&iter, &table, NULL))
    cm_change_set_add_table (changes, table);
  if (self->meta_changed)
    cm_change_set_add_table (changes, "meta");
  return changes;
}

/* Tells the programs following the portfolio which records changed, and
 * the audit row the commit reaches, as the transaction commits (a
 * rolled-back one tells nothing). On a server the note goes with the
 * COMMIT itself, in one round trip. */
static gboolean
announce_commit (CmStore *self, GError **error)
{
  g_autoptr(CmChangeSet) changes = changed_records (self);
  g_autofree char *note = NULL;
  gint64 found, leaves;

  if (cm_change_set_is_empty (changes))
    return TRUE;
  if (cm_audit_log_span (self->audit, &found, &leaves))
    cm_change_set_set_audit_row (changes, leaves);
  note = cm_change_set_to_note (changes, MAX_NOTE_BYTES);
  if (!cm_db_notify (self->database, CM_STORE_CHANNEL, note))
    return sql_error (self, error);
  return TRUE;
}

/* The ids a transaction saved and deleted, by table: the two arrays of
 * gint64 of each table, saved first; none for a table read again whole. */
static GHashTable *
changed_ids (GArray *changes, GHashTable *reloads)
{
  GHashTable *by_table = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < changes->len; i++)
    {
      PendingChange *change = &g_array_index (changes, PendingChange, i);
      g_autoptr(CmEntityClass) klass = g_type_class_ref (change->type);
      GPtrArray *pair = g_hash_table_lookup (by_table, klass->table);

      if (g_hash_table_contains (reloads, klass->table))
        continue;
      if (pair == NULL)
        {
          pair = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
          g_ptr_array_add (pair, g_array_new (FALSE, FALSE, sizeof (gint64)));
          g_ptr_array_add (pair, g_array_new (FALSE, FALSE, sizeof (gint64)));
          g_hash_table_insert (by_table, (gpointer) klass->table, pair);
        }
      g_array_append_val (g_ptr_array_index (pair, change->kind == CHANGE_DELETED), change->id);
    }
  return by_table;
}

/* "records-changed" per table before "changed", so that a list reading
 * rows on demand is current when a page's "changed" handler reads it.
 * NULL arrays: any record may have changed (another program's commit). */
static void
emit_records_changed (CmStore *self, GPtrArray *tables, GHashTable *by_table)
{
  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      GPtrArray *pair = by_table ? g_hash_table_lookup (by_table, table) : NULL;

      g_signal_emit (self, signals[RECORDS_CHANGED], g_quark_from_string (table), table,
                     pair ? g_ptr_array_index (pair, 0) : NULL,
                     pair ? g_ptr_array_index (pair, 1) : NULL);
    }
}

/* Brings every loaded list up to date with @changes, committed, and the
 * tables in self->reloads, then tells "records-changed" and "changed". */
static void
announce_changes (CmStore *self, GArray *changes)
{
  g_autoptr(GHashTable) by_table = changed_ids (changes, self->reloads);
  g_autoptr(GPtrArray) tables = apply_pending (self, changes);
  g_autoptr(GHashTable) reloads = g_steal_pointer (&self->reloads);

  self->reloads = g_hash_table_new (g_str_hash, g_str_equal);
  /* Kept for cm_store_ids_reached () while the lists are told. */
  self->announced = changes;
  self->announced_reloads = reloads;
  emit_records_changed (self, tables, by_table);
  self->announced = NULL;
  self->announced_reloads = NULL;
  if (self->meta_changed)
    g_ptr_array_add (tables, (gpointer) "meta");
  self->meta_changed = FALSE;
  emit_changed (self, tables);
}

gboolean
cm_store_commit (CmStore *self, GError **error)
{
  g_return_val_if_fail (self->savepoints->len > 0, FALSE);

  if (self->savepoints->len == 1)
    {
      g_autoptr(GArray) changes = NULL;
      gint64 found = 0, leaves = 0;
      gboolean appended;

      if (!cm_audit_log_write_head (self->audit, error) ||
          (self->references_deferred && !cm_store_references_check (self->database, error)) ||
          !announce_commit (self, error))
        {
          cm_store_rollback (self);
          return FALSE;
        }
      /* The head was read under the writers' lock: nobody committed
       * between it and this commit. */
      appended = cm_audit_log_span (self->audit, &found, &leaves);
      if (!commit (self, error))
        {
          cm_store_rollback (self);
          return FALSE;
        }
      cm_audit_log_release (self->audit);
      end_batch_alone (self);
      /* The lists now show this commit, but not another's made before it
       * that they have not shown yet: catching up with that one skips
       * this one's rows. */
      if (appended)
        {
          cm_own_audit_rows_add (self->own_rows, found, leaves);
          self->audit_seen = cm_own_audit_rows_pass (self->own_rows, self->audit_seen);
        }
      g_array_set_size (self->savepoints, 0);
      g_ptr_array_set_size (self->inserted, 0);
      g_array_set_size (self->bumped, 0);
      changes = g_steal_pointer (&self->pending);
      self->pending = pending_new ();
      announce_changes (self, changes);
      return TRUE;
    }
  g_array_set_size (self->savepoints, self->savepoints->len - 1);
  return exec (self, "RELEASE level", error);
}

void
cm_store_rollback (CmStore *self)
{
  Savepoint mark;

  g_return_if_fail (self->savepoints->len > 0);

  mark = g_array_index (self->savepoints, Savepoint, self->savepoints->len - 1);
  /* Records created in the undone work are new again: saving them once
   * more must insert, not update a row that no longer exists. */
  for (guint i = mark.pending; i < self->pending->len; i++)
    {
      PendingChange *change = &g_array_index (self->pending, PendingChange, i);

      if (change->inserted)
        {
          cm_entity_set_id (change->inserted, 0);
          cm_entity_set_version (change->inserted, 0);
        }
    }
  for (guint i = mark.inserted; i < self->inserted->len; i++)
    {
      cm_entity_set_id (g_ptr_array_index (self->inserted, i), 0);
      cm_entity_set_version (g_ptr_array_index (self->inserted, i), 0);
    }
  /* Latest first: a record written twice gets back the version it had. */
  for (guint i = self->bumped->len; i > mark.bumped; i--)
    {
      BumpedVersion *bumped = &g_array_index (self->bumped, BumpedVersion, i - 1);
      cm_entity_set_version (bumped->entity, bumped->version);
    }
  g_array_set_size (self->bumped, mark.bumped);
  g_array_set_size (self->pending, mark.pending);
  g_ptr_array_set_size (self->inserted, mark.inserted);
  g_array_set_size (self->savepoints, self->savepoints->len - 1);
  /* A table left to be read again whole stays so: reading it is never wrong. */
  if (self->savepoints->len == 0)
    {
      g_hash_table_remove_all (self->reloads);
      self->meta_changed = FALSE;
      cm_db_rollback (self->database);
      end_batch_alone (self);
    }
  else
    cm_db_exec (self->database, "ROLLBACK TO level; RELEASE level");
  if (self->savepoints->len == 0)
    cm_audit_log_release (self->audit);
  else
    cm_audit_log_reread (self->audit);
  g_hash_table_remove_all (self->next_ids);
}

/* ---- lists ------------------------------------------------------------ */

/* A whole-table list uses the statements kept with its type; a live
 * list's own, filtered on its column. */
static void
cached_list_init (CachedList *list, GType type, const char *column, const char *value)
{
  g_autoptr(CmEntityClass) klass = g_type_class_ref (type);

  list->type = type;
  list->column = g_strdup (column);
  list->value = g_strdup (value);
  if (column == NULL)
    {
      list->select_sql = (char *) sql_for (klass, select_all_statement_quark (), select_all_sql);
      list->select_one_sql = (char *) sql_for (klass, select_one_statement_quark (), select_one_sql);
      return;
    }
  {
    g_autofree char *where = g_strdup_printf ("t.%s = ?", column);
    g_autofree char *where_one = g_strdup_printf ("t.id = ? AND t.%s = ?", column);

    list->select_sql = select_where_sql (klass, where, FALSE);
    list->select_one_sql = select_where_sql (klass, where_one, FALSE);
  }
}

static void
cached_list_clear (CachedList *list)
{
  if (list->column)
    {
      g_free (list->select_sql);
      g_free (list->select_one_sql);
    }
  g_free (list->column);
  g_free (list->value);
}

static void
cached_list_free (CachedList *list)
{
  g_object_unref (list->store);
  g_hash_table_unref (list->by_id);
  cached_list_clear (list);
  g_free (list);
}

static void
index_entity (CachedList *list, CmEntity *entity)
{
  g_hash_table_insert (list->by_id, g_memdup2 (&(gint64) { cm_entity_get_id (entity) },
                                               sizeof (gint64)), entity);
}

static CachedList *
cached_list_load (CmStore *self, GType type, const char *column, const char *value)
{
  CachedList *list = g_new0 (CachedList, 1);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  cached_list_init (list, type, column, value);
  list->store = g_list_store_new (type);
  list->by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  rows = load_rows_of (self, list, 0, &error);
  if (rows == NULL)
    g_warning ("Could not load %s records: %s", g_type_name (type), error->message);
  else
    {
      g_list_store_splice (list->store, 0, 0, rows->pdata, rows->len);
      for (guint i = 0; i < rows->len; i++)
        index_entity (list, g_ptr_array_index (rows, i));
    }
  g_object_set_data (G_OBJECT (list->store), "cm-store", self);
  return list;
}

static CachedList *
cached_list (CmStore *self, GType type)
{
  CachedList *list = g_hash_table_lookup (self->lists, GSIZE_TO_POINTER (type));

  if (list == NULL)
    {
      list = cached_list_load (self, type, NULL, NULL);
      g_hash_table_insert (self->lists, GSIZE_TO_POINTER (type), list);
    }
  return list;
}

/* The last user of a live list let it go: the store stops keeping it current. */
static void
live_list_gone (gpointer data, GObject *where_the_model_was)
{
  CachedList *list = data;

  g_ptr_array_remove_fast (list->owner->live, list);
  g_hash_table_unref (list->by_id);
  cached_list_clear (list);
  g_free (list);
}

/* A reference to each list's model while the store works through them: a
 * view told of one change may let go of a live list, which must not be
 * freed before the next change reaches it. */
static GPtrArray *
hold_lists (GPtrArray *lists)
{
  GPtrArray *held = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < lists->len; i++)
    g_ptr_array_add (held, g_object_ref (((CachedList *) g_ptr_array_index (lists, i))->store));
  return held;
}

/* The live lists that show records of @type, the whole table's first. */
static GPtrArray *
lists_of_type (CmStore *self, GType type)
{
  GPtrArray *lists = g_ptr_array_new ();
  CachedList *all = g_hash_table_lookup (self->lists, GSIZE_TO_POINTER (type));

  if (all)
    g_ptr_array_add (lists, all);
  for (guint i = 0; i < self->live->len; i++)
    if (((CachedList *) g_ptr_array_index (self->live, i))->type == type)
      g_ptr_array_add (lists, g_ptr_array_index (self->live, i));
  return lists;
}

static int
compare_ids (gconstpointer a, gconstpointer b, gpointer user_data)
{
  gint64 left = cm_entity_get_id ((CmEntity *) a);
  gint64 right = cm_entity_get_id ((CmEntity *) b);

  return left < right ? -1 : left > right;
}

static void
apply_deleted (CachedList *list, gint64 id)
{
  CmEntity *listed = g_hash_table_lookup (list->by_id, &id);
  guint position;

  if (listed && g_list_store_find (list->store, listed, &position))
    {
      g_hash_table_remove (list->by_id, &id);
      g_list_store_remove (list->store, position);
    }
}

/* A saved record joins a list in id order, stays in it as the same object
 * with its new values, or leaves a live list it no longer belongs to. The
 * whole table's list takes @after, the record as committed, when it was
 * read already (another program's change); a live list the rows of it in
 * @read (by id), when they were read together, else reads its row. */
static void
apply_saved (CmStore *self, CachedList *list, gint64 id, CmEntity *after, GHashTable *read)
{
  g_autoptr(GPtrArray) rows = NULL;
  CmEntity *fresh;
  CmEntity *listed = g_hash_table_lookup (list->by_id, &id);

  if (after && list->column == NULL)
    {
      rows = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (rows, cm_entity_copy (after));
    }
  else if (read == NULL)
    rows = load_rows_of (self, list, id, NULL);
  if (rows == NULL && read == NULL)
    return;
  if (rows)
    fresh = rows->len ? g_ptr_array_index (rows, 0) : NULL;
  else
    fresh = g_hash_table_lookup (read, &id);
  if (fresh == NULL)
    apply_deleted (list, id);
  else if (listed == fresh)
    return; /* saved twice in the commit, and listed from @read already */
  else if (listed)
    cm_entity_assign (listed, fresh);
  else
    {
      g_list_store_insert_sorted (list->store, fresh, compare_ids, NULL);
      index_entity (list, fresh);
    }
}

/* Copies a select_derived_sql () row into the listed record it describes. */
static void
assign_derived (CmDbStmt *stmt, CachedList *list, GPtrArray *pspecs)
{
  gint64 id = cm_db_column_int64 (stmt, 0);
  CmEntity *listed = g_hash_table_lookup (list->by_id, &id);

  for (guint i = 0; listed && i < pspecs->len; i++)
    {
      GParamSpec *pspec = g_ptr_array_index (pspecs, i);
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, pspec->value_type);
      cm_value_from_column (stmt, i + 1, &value);
      if (g_param_values_cmp (pspec, &value, cm_entity_peek_value (listed, pspec->param_id)))
        g_object_set_property (G_OBJECT (listed), pspec->name, &value);
    }
}

/* Recomputes the derived properties (a contract's provider name, a
 * service's annual value) of a whole loaded list after their sources
 * changed: a live list's rows only, not the whole table's. */
static void
refresh_derived (CmStore *self, GType type, CachedList *list)
{
  g_autoptr(CmEntityClass) klass = g_type_class_ref (type);
  g_autofree char *where = list->column ? g_strdup_printf ("t.%s = ?", list->column) : NULL;
  g_autofree char *filtered = where ? select_derived_where_sql (klass, where) : NULL;
  const char *sql = filtered ? filtered : sql_for (klass, select_derived_statement_quark (),
                                                             select_derived_sql);
  g_autoptr(GPtrArray) pspecs = selected_pspecs (klass, TRUE);
  CmDbStmt *stmt = statement (self, sql, NULL);

  if (stmt && list->column)
    cm_db_bind_text_static (stmt, 1, list->value);
  while (stmt && cm_db_step (stmt) == CM_DB_ROW)
    assign_derived (stmt, list, pspecs);
  if (stmt)
    cm_db_stmt_reset (stmt);
}

/* Binds each ":column" of a "through" condition to that column of @record
 * (":id" to its id). */
static void
bind_record (CmDbStmt *stmt, CmEntity *record)
{
  CmEntityClass *klass = CM_ENTITY_GET_CLASS (record);
  GParamSpec **pspecs = column_pspecs (klass);
  int at = cm_db_bind_index (stmt, ":id");

  if (at > 0)
    cm_db_bind_int64 (stmt, at, cm_entity_get_id (record));
  for (guint i = 0; klass->columns[i]; i++)
    {
      g_autofree char *column = cm_value_column_name (klass->columns[i]);
      g_autofree char *name = g_strconcat (":", column, NULL);

      if ((at = cm_db_bind_index (stmt, name)) > 0)
        cm_value_bind (stmt, at, cm_entity_peek_value (record, pspecs[i]->param_id),
                       klass->columns[i]);
    }
}

/* Recomputes the rows of @list that @condition finds for @record. */
static void
refresh_derived_through (CmStore *self, GType type, CachedList *list, const char *condition,
                         CmEntity *record)
{
  g_autoptr(CmEntityClass) klass = g_type_class_ref (type);
  g_autofree char *sql = select_derived_where_sql (klass, condition);
  g_autoptr(GPtrArray) pspecs = selected_pspecs (klass, TRUE);
  CmDbStmt *stmt = statement (self, sql, NULL);

  if (stmt == NULL)
    return;
  bind_record (stmt, record);
  while (cm_db_step (stmt) == CM_DB_ROW)
    assign_derived (stmt, list, pspecs);
  cm_db_stmt_reset (stmt);
}

/* The distinct conditions naming the rows of @klass that a change to
 * @table can alter; FALSE when some derived column depends on @table
 * without one, so that every row must be recomputed. */
static gboolean
through_conditions (CmEntityClass *klass, const char *table, GPtrArray *conditions)
{
  for (guint i = 0; klass->derived && klass->derived[i].property; i++)
    for (guint j = 0; j < G_N_ELEMENTS (klass->derived[i].depends_on); j++)
      {
        const char *condition = klass->derived[i].through[j];

        if (g_strcmp0 (klass->derived[i].depends_on[j], table) != 0)
          continue;
        if (condition == NULL)
          return FALSE;
        if (!g_ptr_array_find_with_equal_func (conditions, condition, g_str_equal, NULL))
          g_ptr_array_add (conditions, (gpointer) condition);
      }
  return TRUE;
}

/* The changed record as it was and as it is now, where each exists. */
static void
refresh_for_change (CmStore *self, GType type, CachedList *list, GPtrArray *conditions,
                    PendingChange *change)
{
  if (change->after == NULL && change->kind == CHANGE_SAVED)
    change->after = load_one (self, change->type, change->id, NULL);
  for (guint c = 0; c < conditions->len; c++)
    {
      if (change->before)
        refresh_derived_through (self, type, list, g_ptr_array_index (conditions, c),
                                 change->before);
      if (change->after)
        refresh_derived_through (self, type, list, g_ptr_array_index (conditions, c),
                                 change->after);
    }
}

/* Whether a change to an existing record came without the record as it
 * was (queue_change () keeps only so many). */
static gboolean
lacks_before (GPtrArray *changes)
{
  for (guint i = 0; i < changes->len; i++)
    {
      PendingChange *change = g_ptr_array_index (changes, i);

      if (change->existed && change->before == NULL)
        return TRUE;
    }
  return FALSE;
}

/* Brings the derived columns of one loaded list up to date with the
 * changes (grouped by table): only the rows they can alter, unless they
 * are too many or the record type cannot say which rows those are. */
static void
refresh_list (CmStore *self, GType type, CachedList *list, GHashTable *by_table)
{
  g_autoptr(CmEntityClass) klass = g_type_class_ref (type);
  g_autoptr(GPtrArray) targeted = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) targeted_changes = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer table, changes;

  g_hash_table_iter_init (&iter, by_table);
  while (g_hash_table_iter_next (&iter, &table, &changes))
    {
      g_autoptr(GPtrArray) conditions = g_ptr_array_new ();

      if (!through_conditions (klass, table, conditions))
        {
          refresh_derived (self, type, list);
          return;
        }
      if (conditions->len == 0)
        continue;
      if (((GPtrArray *) changes)->len > MAX_TARGETED_CHANGES || lacks_before (changes) ||
          g_hash_table_contains (self->reloads, table))
        {
          refresh_derived (self, type, list);
          return;
        }
      g_ptr_array_add (targeted, g_steal_pointer (&conditions));
      g_ptr_array_add (targeted_changes, changes);
    }
  for (guint t = 0; t < targeted->len; t++)
    {
      GPtrArray *changes_of_table = g_ptr_array_index (targeted_changes, t);

      for (guint i = 0; i < changes_of_table->len; i++)
        refresh_for_change (self, type, list, g_ptr_array_index (targeted, t),
                            g_ptr_array_index (changes_of_table, i));
    }
}

/* Every list that is loaded: the whole tables' and the live ones. */
static GPtrArray *
loaded_lists (CmStore *self)
{
  GPtrArray *lists = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->lists);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (lists, value);
  for (guint i = 0; i < self->live->len; i++)
    g_ptr_array_add (lists, g_ptr_array_index (self->live, i));
  return lists;
}

static void reload_list (CmStore *self, CachedList *list);

/* The lists of the tables changed too often to follow record by record
 * are read again whole, in place. */
static void
reload_lists_of_tables (CmStore *self, GPtrArray *lists)
{
  for (guint l = 0; l < lists->len && g_hash_table_size (self->reloads) > 0; l++)
    {
      CachedList *list = g_ptr_array_index (lists, l);
      g_autoptr(CmEntityClass) klass = g_type_class_ref (list->type);

      if (g_hash_table_contains (self->reloads, klass->table))
        reload_list (self, list);
    }
}

static int
compare_first_changed (gconstpointer a, gconstpointer b, gpointer data)
{
  GPtrArray *order = data;
  guint left = 0, right = 0;

  g_ptr_array_find_with_equal_func (order, *(const char **) a, g_str_equal, &left);
  g_ptr_array_find_with_equal_func (order, *(const char **) b, g_str_equal, &right);
  return left < right ? -1 : left > right;
}

/* The tables read again whole have no change listed: they join @tables
 * (with no change each in @by_table), in the order they were first changed. */
static void
add_reloaded_tables (CmStore *self, GPtrArray *tables, GHashTable *by_table)
{
  GHashTableIter iter;
  gpointer table;

  if (g_hash_table_size (self->reloads) == 0)
    return;
  g_hash_table_iter_init (&iter, self->reloads);
  while (g_hash_table_iter_next (&iter, &table, NULL))
    if (!g_hash_table_contains (by_table, table))
      {
        g_hash_table_insert (by_table, table, g_ptr_array_new ());
        g_ptr_array_add (tables, table);
      }
  g_ptr_array_sort_with_data (tables, compare_first_changed, self->changed_tables);
}

/* The ids of the records of @type that @changes saved, once each. */
static GArray *
saved_ids_of_type (GArray *changes, GType type)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < changes->len; i++)
    {
      PendingChange *change = &g_array_index (changes, PendingChange, i);

      if (change->type == type && change->kind == CHANGE_SAVED &&
          g_hash_table_add (seen, &change->id))
        g_array_append_val (ids, change->id);
    }
  return ids;
}

/* For each live list of a type @changes saved more than one record of,
 * the rows among them it holds now, read with one statement a batch:
 * list -> (id -> record); a list whose rows could not be read reads them
 * one by one. */
static GHashTable *
read_live_rows (CmStore *self, GArray *changes)
{
  GHashTable *rows = g_hash_table_new_full (NULL, NULL, NULL,
                                            (GDestroyNotify) g_hash_table_unref);

  for (guint l = 0; l < self->live->len; l++)
    {
      CachedList *list = g_ptr_array_index (self->live, l);
      g_autoptr(GArray) ids = saved_ids_of_type (changes, list->type);
      g_autoptr(GHashTable) read = NULL;

      if (ids->len < 2)
        continue;
      read = records_by_id ();
      for (guint from = 0; read && from < ids->len; from += CM_CHANGE_SET_MAX_RECORDS)
        if (!load_some (self, list, &g_array_index (ids, gint64, from),
                        MIN (ids->len - from, CM_CHANGE_SET_MAX_RECORDS), read, NULL))
          g_clear_pointer (&read, g_hash_table_unref);
      if (read)
        g_hash_table_insert (rows, list, g_steal_pointer (&read));
    }
  return rows;
}

/* After a commit, brings every loaded list up to date with the changes;
 * returns the tables changed, in the order they were first changed. */
static GPtrArray *
apply_pending (CmStore *self, GArray *changes)
{
  g_autoptr(GHashTable) by_table = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                          (GDestroyNotify) g_ptr_array_unref);
  /* Held while their rows read together are in use: a list let go of
   * meanwhile must not leave its rows to another made at its address. */
  g_autoptr(GPtrArray) live_held = hold_lists (self->live);
  g_autoptr(GHashTable) live_rows = read_live_rows (self, changes);
  g_autoptr(GPtrArray) lists = NULL;
  g_autoptr(GPtrArray) held = NULL;
  GPtrArray *tables = g_ptr_array_new ();

  for (guint i = 0; i < changes->len; i++)
    {
      PendingChange *change = &g_array_index (changes, PendingChange, i);
      g_autoptr(GPtrArray) showing = lists_of_type (self, change->type);
      g_autoptr(GPtrArray) showing_held = hold_lists (showing);
      g_autoptr(CmEntityClass) klass = g_type_class_ref (change->type);
      GPtrArray *of_table = g_hash_table_lookup (by_table, klass->table);

      if (of_table == NULL)
        {
          of_table = g_ptr_array_new ();
          g_hash_table_insert (by_table, (gpointer) klass->table, of_table);
          g_ptr_array_add (tables, (gpointer) klass->table);
        }
      g_ptr_array_add (of_table, change);
      for (guint l = 0; l < showing->len; l++)
        if (change->kind == CHANGE_SAVED)
          apply_saved (self, g_ptr_array_index (showing, l), change->id, change->after,
                       g_hash_table_lookup (live_rows, g_ptr_array_index (showing, l)));
        else
          apply_deleted (g_ptr_array_index (showing, l), change->id);
    }

  add_reloaded_tables (self, tables, by_table);
  lists = loaded_lists (self);
  held = hold_lists (lists);
  reload_lists_of_tables (self, lists);
  for (guint l = 0; l < lists->len; l++)
    {
      CachedList *list = g_ptr_array_index (lists, l);

      refresh_list (self, list->type, list, by_table);
    }
  return tables;
}

/* "changed" once per table changed, with the table as its detail, so a
 * view can follow only the tables it shows ("changed::contract"). */
static void
emit_changed (CmStore *self, GPtrArray *tables)
{
  if (tables->len == 0)
    g_signal_emit (self, signals[CHANGED], 0);
  for (guint i = 0; i < tables->len; i++)
    g_signal_emit (self, signals[CHANGED],
                   g_quark_from_string (g_ptr_array_index (tables, i)));
}

/* The ids of the rows of @klass that @condition finds for @record. */
static void
add_reached_ids (CmStore *self, CmEntityClass *klass, const char *condition, CmEntity *record,
                 GHashTable *ids)
{
  g_autofree char *sql = g_strdup_printf ("SELECT t.id FROM %s t %s WHERE %s", klass->table,
                                          klass->joins ? klass->joins : "", condition);
  CmDbStmt *stmt = statement (self, sql, NULL);

  if (stmt == NULL)
    return;
  bind_record (stmt, record);
  while (cm_db_step (stmt) == CM_DB_ROW)
    {
      gint64 id = cm_db_column_int64 (stmt, 0);

      g_hash_table_add (ids, g_memdup2 (&id, sizeof id));
    }
  cm_db_stmt_reset (stmt);
}

/* Whether the announced changes to @table can name the rows they reach:
 * few enough, each with the record as it was. */
static gboolean
can_name_reached (CmStore *self, const char *table)
{
  guint n = 0;

  if (g_hash_table_contains (self->announced_reloads, table))
    return FALSE;
  for (guint i = 0; i < self->announced->len; i++)
    {
      PendingChange *change = &g_array_index (self->announced, PendingChange, i);
      g_autoptr(CmEntityClass) klass = g_type_class_ref (change->type);

      if (!g_str_equal (klass->table, table))
        continue;
      if (++n > MAX_TARGETED_CHANGES || (change->existed && change->before == NULL))
        return FALSE;
    }
  return TRUE;
}

GArray *
cm_store_ids_reached (CmStore *self, GType entity_type, const char *table)
{
  g_autoptr(CmEntityClass) klass = NULL;
  g_autoptr(GPtrArray) conditions = g_ptr_array_new ();
  g_autoptr(GHashTable) ids = NULL;
  GHashTableIter iter;
  gpointer id;
  GArray *reached;

  g_return_val_if_fail (CM_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (entity_type, CM_TYPE_ENTITY), NULL);

  klass = g_type_class_ref (entity_type);
  if (self->announced == NULL || !through_conditions (klass, table, conditions) ||
      !can_name_reached (self, table))
    return NULL;
  ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < self->announced->len && conditions->len > 0; i++)
    {
      PendingChange *change = &g_array_index (self->announced, PendingChange, i);
      g_autoptr(CmEntityClass) changed = g_type_class_ref (change->type);

      if (!g_str_equal (changed->table, table))
        continue;
      if (change->after == NULL && change->kind == CHANGE_SAVED)
        change->after = load_one (self, change->type, change->id, NULL);
      for (guint c = 0; c < conditions->len; c++)
        {
          if (change->before)
            add_reached_ids (self, klass, g_ptr_array_index (conditions, c), change->before, ids);
          if (change->after)
            add_reached_ids (self, klass, g_ptr_array_index (conditions, c), change->after, ids);
        }
    }
  reached = g_array_sized_new (FALSE, FALSE, sizeof (gint64), g_hash_table_size (ids));
  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    g_array_append_val (reached, *(gint64 *) id);
  return reached;
}

/* Changes when another connection commits to the portfolio (on a
 * server, this one's commits change it too). */
static gint64
data_version (CmStore *self)
{
  gint64 version = 0;

  read_number (self, NUMBER_DATA_VERSION, &version);
  return version;
}

/* Brings one loaded list up to date with the file: records changed,
 * added or deleted elsewhere, in place, so views keep their rows. */
static void
reload_list (CmStore *self, CachedList *list)
{
  g_autoptr(GPtrArray) rows = load_rows_of (self, list, 0, NULL);
  g_autoptr(GHashTable) present = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                         g_free, NULL);

  if (rows == NULL)
    return;
  for (guint i = 0; i < rows->len; i++)
    {
      CmEntity *fresh = g_ptr_array_index (rows, i);
      gint64 id = cm_entity_get_id (fresh);
      CmEntity *listed = g_hash_table_lookup (list->by_id, &id);
      if (listed)
        cm_entity_assign (listed, fresh);
      else
        {
          g_list_store_insert_sorted (list->store, fresh, compare_ids, NULL);
          index_entity (list, fresh);
        }
      g_hash_table_add (present, g_memdup2 (&id, sizeof id));
    }
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (list->store)); i > 0; i--)
    {
      g_autoptr(CmEntity) listed = g_list_model_get_item (G_LIST_MODEL (list->store), i - 1);
      gint64 id = cm_entity_get_id (listed);

      if (!g_hash_table_contains (present, &id))
        apply_deleted (list, id);
    }
}

/* Every loaded list read again; every loaded list's table is named as
 * changed (with no list loaded, "changed" has no detail). */
static void
reload_all (CmStore *self)
{
  g_autoptr(GPtrArray) lists = NULL;
  g_autoptr(GPtrArray) held = NULL;
  g_autoptr(GPtrArray) tables = g_ptr_array_new ();

  lists = loaded_lists (self);
  held = hold_lists (lists);
  for (guint l = 0; l < lists->len; l++)
    {
      CachedList *list = g_ptr_array_index (lists, l);
      g_autoptr(CmEntityClass) klass = g_type_class_ref (list->type);

      reload_list (self, list);
      if (!g_ptr_array_find_with_equal_func (tables, klass->table, g_str_equal, NULL))
        g_ptr_array_add (tables, (gpointer) klass->table);
    }
  /* A NULL table: lists that are not loaded (read on demand) follow too. */
  g_signal_emit (self, signals[RECORDS_CHANGED], 0, NULL, NULL, NULL);
  emit_changed (self, tables);
}

/* The newest row of the audit trail: on a server, its data version. */
static gint64
newest_audit_row (CmStore *self)
{
  gint64 row = 0;

  read_number (self, NUMBER_NEWEST_AUDIT_ROW, &row);
  return row;
}

/* Another program's change to record @id of @type, as this store's own
 * would be listed: the record as read again (in @read, by id; not there:
 * deleted) and as a list holds it, for the rows whose derived values it
 * reaches. Without the whole table loaded, whether it existed is not
 * known: it is taken to have, without the record as it was, so that what
 * depends on it is recomputed whole. With @read NULL (the records failed
 * to read) the record is left as the lists show it. */
static PendingChange
remote_change (CmStore *self, GType type, gint64 id, GHashTable *read, gboolean keep_before)
{
  CachedList *all = g_hash_table_lookup (self->lists, GSIZE_TO_POINTER (type));
  CmEntity *listed = all ? g_hash_table_lookup (all->by_id, &id) : NULL;
  PendingChange change = { CHANGE_SAVED, type, id, NULL, NULL, NULL,
                           all == NULL || listed != NULL };
  CmEntity *fresh = read ? g_hash_table_lookup (read, &id) : NULL;

  if (fresh)
    change.after = g_object_ref (fresh);
  else if (read)
    change.kind = CHANGE_DELETED;
  if (listed && keep_before)
    change.before = cm_entity_copy (listed);
  return change;
}

/* The changes to the records of @type named by @ids, each batch of them
 * read with one statement; @all_read FALSE when some could not be read:
 * they are followed again later. */
static void
add_remote_changes (CmStore *self, GType type, GArray *ids, GArray *pending, gboolean *all_read)
{
  CachedList all;

  cached_list_init (&all, type, NULL, NULL);
  for (guint from = 0; from < ids->len; from += CM_CHANGE_SET_MAX_RECORDS)
    {
      guint n = MIN (ids->len - from, CM_CHANGE_SET_MAX_RECORDS);
      g_autoptr(GHashTable) read = records_by_id ();

      if (!load_some (self, &all, &g_array_index (ids, gint64, from), n, read, NULL))
        {
          g_clear_pointer (&read, g_hash_table_unref);
          *all_read = FALSE;
        }
      for (guint i = from; i < from + n; i++)
        {
          PendingChange change = remote_change (self, type, g_array_index (ids, gint64, i), read,
                                                pending->len < MAX_TARGETED_CHANGES);

          g_array_append_val (pending, change);
        }
    }
  cached_list_clear (&all);
}

/* @changes as pending changes of this store's, the tables named whole
 * left in self->reloads, in the order they were named; @all_read FALSE
 * when a record could not be read. */
static GArray *
remote_changes (CmStore *self, CmChangeSet *changes, gboolean *all_read)
{
  GArray *pending = pending_new ();

  g_ptr_array_set_size (self->changed_tables, 0);
  for (guint t = 0; t < cm_change_set_n_tables (changes); t++)
    {
      const char *name = cm_change_set_table (changes, t);
      const CmAuditTable *table = cm_audit_table_find (name);
      GArray *ids = cm_change_set_ids (changes, name);
      g_autoptr(CmEntityClass) klass = NULL;

      if (g_str_equal (name, "meta"))
        self->meta_changed = TRUE;
      if (table == NULL)
        continue;
      klass = g_type_class_ref (table->type);
      g_ptr_array_add (self->changed_tables, (gpointer) klass->table);
      if (ids == NULL)
        {
          g_hash_table_add (self->reloads, (gpointer) klass->table);
          continue;
        }
      add_remote_changes (self, table->type, ids, pending, all_read);
    }
  return pending;
}

gboolean
cm_store_reload_changes (CmStore *self, CmChangeSet *changes)
{
  g_autoptr(GArray) pending = NULL;
  gboolean all_read = TRUE;

  g_return_val_if_fail (CM_IS_STORE (self), FALSE);

  if (self->savepoints->len > 0)
    return FALSE;
  pending = remote_changes (self, changes, &all_read);
  announce_changes (self, pending);
  /* What was not read stays after the row seen, for the next catch-up. */
  if (all_read)
    self->audit_seen = MAX (self->audit_seen, cm_change_set_audit_row (changes));
  self->audit_seen = cm_own_audit_rows_pass (self->own_rows, self->audit_seen);
  return TRUE;
}

#define AUDIT_SINCE_COUNT_SQL \
  "SELECT count(*), coalesce(max(id), 0) FROM audit WHERE id > ?"
#define AUDIT_SINCE_ROWS_SQL \
  "SELECT id, entity, entity_id FROM audit WHERE id > ? AND id <= ? ORDER BY id"

/* The records the audit rows after @seen name, but for those in @own (a
 * store's own commits; NULL when not known), read with @count_stmt and
 * @rows (AUDIT_SINCE_COUNT_SQL and AUDIT_SINCE_ROWS_SQL), the newest of
 * them in @newest; NULL when they are too many to follow one by one, or
 * could not be read. */
static CmChangeSet *
audited_since (CmDbStmt *count_stmt, CmDbStmt *rows, gint64 seen, CmOwnAuditRows *own,
               gint64 *newest)
{
  g_autoptr(CmChangeSet) changes = cm_change_set_new ();
  gint64 count;
  CmDbStep step;

  *newest = seen;
  if (count_stmt == NULL || rows == NULL)
    return NULL;
  cm_db_bind_int64 (count_stmt, 1, seen);
  if (cm_db_step (count_stmt) != CM_DB_ROW)
    return NULL;
  count = cm_db_column_int64 (count_stmt, 0);
  *newest = MAX (seen, cm_db_column_int64 (count_stmt, 1));
  cm_db_stmt_reset (count_stmt);
  if (own != NULL)
    count -= cm_own_audit_rows_count (own, seen, *newest);
  if (count > MAX_AUDIT_ROWS_FOLLOWED)
    return NULL;
  cm_db_bind_int64 (rows, 1, seen);
  cm_db_bind_int64 (rows, 2, *newest);
  while ((step = cm_db_step (rows)) == CM_DB_ROW)
    {
      const char *table = cm_db_column_text (rows, 1);

      if (own != NULL && cm_own_audit_rows_contain (own, cm_db_column_int64 (rows, 0)))
        continue;
      if (cm_audit_table_find (table) != NULL)
        cm_change_set_add_record (changes, table, cm_db_column_int64 (rows, 2));
      else if (g_strcmp0 (table, "meta") == 0)
        cm_change_set_add_table (changes, table);
    }
  cm_db_stmt_reset (rows);
  if (step != CM_DB_DONE)
    return NULL;
  cm_change_set_set_audit_row (changes, *newest);
  return g_steal_pointer (&changes);
}

/* The records the audit rows after self->audit_seen name, but for this
 * store's own, the newest row in @newest. */
static CmChangeSet *
audited_since_seen (CmStore *self, gint64 *newest)
{
  return audited_since (statement (self, AUDIT_SINCE_COUNT_SQL, NULL),
                        statement (self, AUDIT_SINCE_ROWS_SQL, NULL),
                        self->audit_seen, self->own_rows, newest);
}

/* Reads again what the audit rows after the row seen name, up to @newest
 * (@changes, from audited_since ()), record by record; every list
 * when they are too many, or (with @data_moved, when the data is known to
 * have changed) when they name nothing: a writer that leaves no audit
 * row (a tool editing a file) changed it. Whether the lists caught up:
 * FALSE while changes are not yet followed (inside a transaction, or a
 * record that could not be read), the row seen staying where it was. */
static gboolean
follow_audit (CmStore *self, CmChangeSet *changes, gint64 newest, gboolean data_moved)
{
  if (changes != NULL && !cm_change_set_is_empty (changes))
    return cm_store_reload_changes (self, changes) && self->audit_seen >= newest;
  if (changes == NULL || data_moved)
    reload_all (self);
  self->audit_seen = cm_own_audit_rows_pass (self->own_rows, MAX (self->audit_seen, newest));
  return TRUE;
}

/* Reads again what other programs committed on a server since the lists
 * were last current, as the audit trail names it. */
static void
reload_since_seen (CmStore *self)
{
  gint64 newest = 0;
  g_autoptr(CmChangeSet) changes = audited_since_seen (self, &newest);

  follow_audit (self, changes, newest, FALSE);
}

/* A file's data version moves for any other writer's commit: the audit
 * rows since the row seen name what it changed, read in the same snapshot
 * as the version, so that a commit after it is not taken as followed. */
static gboolean
reload_file_if_changed (CmStore *self)
{
  g_autoptr(CmChangeSet) changes = NULL;
  gboolean reading;
  gint64 version, newest = 0;

  if (data_version (self) == self->data_version)
    return FALSE;
  reading = cm_store_begin_read (self, NULL);
  version = data_version (self);
  changes = audited_since_seen (self, &newest);
  if (reading)
    cm_store_end_read (self);
  if (follow_audit (self, changes, newest, TRUE))
    self->data_version = version;
  return TRUE;
}

/* Another program may have changed any table: on a file, its data
 * version says so, and on a server, its newest audit row. */
gboolean
cm_store_reload_if_changed (CmStore *self)
{
  g_return_val_if_fail (CM_IS_STORE (self), FALSE);

  if (self->savepoints->len > 0)
    return FALSE;
  if (!is_server (self))
    return reload_file_if_changed (self);
  if (data_version (self) == self->audit_seen)
    return FALSE;
  reload_since_seen (self);
  return TRUE;
}

void
cm_store_keep_deferred_saves (CmStore *self, gboolean keep)
{
  g_return_if_fail (CM_IS_STORE (self));

  g_clear_pointer (&self->deferred, cm_deferred_saves_free);
  if (keep)
    self->deferred = cm_deferred_saves_new ();
}

gboolean
cm_store_refusal_error (CmStore *self, GError **error)
{
  g_return_val_if_fail (CM_IS_STORE (self), FALSE);

  return sql_error (self, error);
}

gint64
cm_store_audit_seen (CmStore *self)
{
  g_return_val_if_fail (CM_IS_STORE (self), 0);

  return self->audit_seen;
}

CmOwnAuditRows *
cm_store_copy_own_audit_rows (CmStore *self)
{
  g_return_val_if_fail (CM_IS_STORE (self), NULL);

  return cm_own_audit_rows_copy (self->own_rows);
}

CmChangeSet *
cm_store_audited_since (CmDb *db, gint64 seen, CmOwnAuditRows *own, gint64 *newest)
{
  CmDbStmt *count = cm_db_prepare (db, AUDIT_SINCE_COUNT_SQL);
  CmDbStmt *rows = cm_db_prepare (db, AUDIT_SINCE_ROWS_SQL);
  CmChangeSet *changes = audited_since (count, rows, seen, own, newest);

  g_clear_pointer (&count, cm_db_stmt_free);
  g_clear_pointer (&rows, cm_db_stmt_free);
  return changes;
}

void
cm_store_session_taken_over (CmStore *self, CmChangeSet *changes, gint64 newest)
{
  g_return_if_fail (CM_IS_STORE (self));

  follow_audit (self, changes, newest, FALSE);
}

GListModel *
cm_store_list (CmStore *self, GType entity_type)
{
  g_return_val_if_fail (CM_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (entity_type, CM_TYPE_ENTITY), NULL);

  return G_LIST_MODEL (cached_list (self, entity_type)->store);
}

GListModel *
cm_store_list_all (CmStore *self, GType entity_type)
{
  return g_object_ref (cm_store_list (self, entity_type));
}

static gboolean
is_stored_property (CmEntityClass *klass, const char *property)
{
  for (guint i = 0; klass->columns[i]; i++)
    if (g_str_equal (klass->columns[i], property))
      return TRUE;
  return FALSE;
}

/* Lists asked for twice share one model, kept current once. */
static CachedList *
find_live (CmStore *self, GType type, const char *column, const char *value)
{
  for (guint i = 0; i < self->live->len; i++)
    {
      CachedList *list = g_ptr_array_index (self->live, i);

      if (list->type == type && g_str_equal (list->column, column) &&
          g_str_equal (list->value, value))
        return list;
    }
  return NULL;
}

GListModel *
cm_store_list_where (CmStore *self, GType entity_type, const char *property, const char *value)
{
  g_autoptr(CmEntityClass) klass = NULL;
  g_autofree char *column = NULL;
  CachedList *list;

  g_return_val_if_fail (CM_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (entity_type, CM_TYPE_ENTITY), NULL);
  g_return_val_if_fail (property != NULL && value != NULL, NULL);
  klass = g_type_class_ref (entity_type);
  g_return_val_if_fail (is_stored_property (klass, property), NULL);

  column = cm_value_column_name (property);
  if ((list = find_live (self, entity_type, column, value)))
    return g_object_ref (G_LIST_MODEL (list->store));
  list = cached_list_load (self, entity_type, column, value);
  list->owner = self;
  g_object_weak_ref (G_OBJECT (list->store), live_list_gone, list);
  g_ptr_array_add (self->live, list);
  return G_LIST_MODEL (list->store);
}

char *
cm_store_where_sql (GType entity_type, const char *property)
{
  CachedList list;
  g_autofree char *column = cm_value_column_name (property);
  char *sql;

  cached_list_init (&list, entity_type, column, "");
  sql = g_strdup (list.select_sql);
  cached_list_clear (&list);
  return sql;
}

GListModel *
cm_store_list_where_id (CmStore *self, GType entity_type, const char *property, gint64 id)
{
  g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  return cm_store_list_where (self, entity_type, property, value);
}

CmEntity *
cm_store_load (CmStore *self, GType entity_type, gint64 id, GError **error)
{
  return load_one (self, entity_type, id, error);
}

CmStore *
cm_store_of_list (GListModel *list)
{
  return g_object_get_data (G_OBJECT (list), "cm-store");
}

CmEntity *
cm_store_find (CmStore *self, GType entity_type, gint64 id)
{
  return g_hash_table_lookup (cached_list (self, entity_type)->by_id, &id);
}

/* A statement of its own rather than the cached one: @each may load a
 * list, which would reset a shared statement mid-walk. */
gboolean
cm_store_each (CmStore *self, GType entity_type, CmStoreEachFunc each, gpointer user_data,
               GError **error)
{
  g_autoptr(CmEntityClass) klass = NULL;
  g_autoptr(GPtrArray) pspecs = NULL;
  g_autoptr(CmEntity) record = NULL;
  g_autoptr(CmDbStmt) stmt = NULL;
  CmDbStep step;

  g_return_val_if_fail (CM_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_type_is_a (entity_type, CM_TYPE_ENTITY), FALSE);

  klass = g_type_class_ref (entity_type);
  stmt = cm_db_prepare (self->database, sql_for (klass, select_each_statement_quark (),
                                                        select_each_sql));
  if (stmt == NULL)
    return sql_error (self, error);
  pspecs = selected_pspecs (klass, FALSE);
  record = g_object_new (entity_type, NULL);
  while ((step = cm_db_step (stmt)) == CM_DB_ROW)
    {
      read_row (stmt, record, pspecs);
      if (!each (record, user_data))
        return TRUE;
    }
  if (step != CM_DB_DONE)
    return sql_error (self, error);
  return TRUE;
}

gboolean
cm_store_count (CmStore *self, GType entity_type, guint *count, GError **error)
{
  g_autoptr(CmEntityClass) klass = NULL;
  g_autofree char *sql = NULL;
  CmDbStmt *stmt;

  g_return_val_if_fail (CM_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_type_is_a (entity_type, CM_TYPE_ENTITY), FALSE);

  klass = g_type_class_ref (entity_type);
  sql = g_strdup_printf ("SELECT count(*) FROM %s", klass->table);
  /* Damage reads as damage, naming the file, not as an empty portfolio. */
  stmt = statement (self, sql, NULL);
  if (stmt == NULL)
    return cm_store_db_error (self->database, self->path, error);
  if (cm_db_step (stmt) != CM_DB_ROW)
    {
      cm_store_db_error (self->database, self->path, error);
      cm_db_stmt_reset (stmt);
      return FALSE;
    }
  *count = cm_db_column_int (stmt, 0);
  cm_db_stmt_reset (stmt);
  return TRUE;
}

/* ---- the rest --------------------------------------------------------- */

void
cm_audit_entry_free (gpointer data)
{
  CmAuditEntry *entry = data;

  g_free (entry->at);
  g_free (entry->actor);
  g_free (entry->entity);
  g_free (entry->field);
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_free (entry);
}

static char *
column_text (CmDbStmt *stmt, int column)
{
  return g_strdup (cm_db_column_text (stmt, column));
}

GPtrArray *
cm_store_audit_rows (CmStore *self, const char *table, GArray *ids, GError **error)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (cm_audit_entry_free);
  CmDbStmt *stmt = statement (self, "SELECT id, at, actor, entity, entity_id, field,"
                                        " old_value, new_value FROM audit"
                                        " WHERE entity = ? AND entity_id = ? ORDER BY id", error);

  for (guint i = 0; stmt && i < ids->len; i++)
    {
      cm_db_bind_text_static (stmt, 1, table);
      cm_db_bind_int64 (stmt, 2, g_array_index (ids, gint64, i));
      while (cm_db_step (stmt) == CM_DB_ROW)
        {
          CmAuditEntry *entry = g_new0 (CmAuditEntry, 1);

          entry->id = cm_db_column_int64 (stmt, 0);
          entry->at = column_text (stmt, 1);
          entry->actor = column_text (stmt, 2);
          entry->entity = column_text (stmt, 3);
          entry->entity_id = cm_db_column_int64 (stmt, 4);
          entry->field = column_text (stmt, 5);
          entry->old_value = column_text (stmt, 6);
          entry->new_value = column_text (stmt, 7);
          g_ptr_array_add (rows, entry);
        }
      cm_db_stmt_reset (stmt);
    }
  if (stmt == NULL)
    g_clear_pointer (&rows, g_ptr_array_unref);
  return rows;
}

/* SQLite's own check of every page of the file; a server checks its own
 * pages (data checksums) as it reads them. */
static gboolean
check_intact (CmStore *self, GError **error)
{
  if (is_server (self))
    return TRUE;
  return cm_store_file_check_intact (cm_db_sqlite_handle (self->database), self->path, error);
}

/* A trail that agrees with itself proves nothing about a damaged file,
 * so the whole file is checked first. */
gboolean
cm_store_verify_audit_chain (CmStore *self, gint64 *rows_checked, gint64 *bad_row,
                             GError **error)
{
  return check_intact (self, error) &&
         cm_audit_verify (self->database, rows_checked, bad_row, error);
}

gboolean
cm_store_verify_audit (CmStore *self, gint64 *rows_checked, gint64 *bad_row, GError **error)
{
  return cm_store_verify_audit_chain (self, rows_checked, bad_row, error) &&
         cm_audit_replay_verify (self->database, self->path, NULL, error);
}

gboolean
cm_store_last_change (CmStore *self, CmEntity *entity, const char *field, char **actor, char **at)
{
  CmDbStmt *stmt = statement (self, field ? "SELECT actor, at FROM audit WHERE entity = ?"
                                            " AND entity_id = ? AND field = ?"
                                            " ORDER BY id DESC LIMIT 1"
                                          : "SELECT actor, at FROM audit WHERE entity = ?"
                                            " AND entity_id = ? ORDER BY id DESC LIMIT 1",
                                  NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  cm_db_bind_text_static (stmt, 1, cm_entity_get_table (entity));
  cm_db_bind_int64 (stmt, 2, cm_entity_get_id (entity));
  if (field)
    cm_db_bind_text_static (stmt, 3, field);
  found = cm_db_step (stmt) == CM_DB_ROW;
  if (found)
    {
      *actor = column_text (stmt, 0);
      *at = column_text (stmt, 1);
    }
  cm_db_stmt_reset (stmt);
  return found;
}

char *
cm_store_get_meta (CmStore *self, const char *key)
{
  CmDbStmt *stmt = statement (self, "SELECT value FROM meta WHERE key = ?", NULL);
  char *value = NULL;

  if (stmt == NULL)
    return NULL;
  cm_db_bind_text_static (stmt, 1, key);
  if (cm_db_step (stmt) == CM_DB_ROW)
    value = column_text (stmt, 0);
  cm_db_stmt_reset (stmt);
  return value;
}

/* Portfolio settings (its name, ...) are audited like any other change. */
gboolean
cm_store_set_meta (CmStore *self, const char *key, const char *value, GError **error)
{
  g_autofree char *old_value = cm_store_get_meta (self, key);
  g_autofree char *at = cm_audit_now ();
  CmAuditRow row = { at, cm_store_get_actor (self), "meta", 0, key, old_value, value };
  CmDbStmt *stmt;

  if (!cm_store_begin (self, error))
    return FALSE;
  stmt = statement (self, "INSERT INTO meta (key, value) VALUES (?, ?)"
                          " ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
  if (stmt)
    {
      cm_db_bind_text_static (stmt, 1, key);
      cm_db_bind_text_static (stmt, 2, value);
    }
  if (stmt == NULL || cm_db_step (stmt) != CM_DB_DONE || !cm_audit_append (self->audit, &row, error))
    {
      if (stmt && error && !*error)
        sql_error (self, error);
      cm_store_rollback (self);
      return FALSE;
    }
  self->meta_changed = TRUE;
  return cm_store_commit (self, error);
}

static gboolean
is_own_file (CmStore *self, const char *path)
{
  GStatBuf ours, theirs;

  /* stat () opens nothing, so it is safe while the connection is open. */
  return g_stat (self->path, &ours) == 0 && g_stat (path, &theirs) == 0 &&
         ours.st_dev == theirs.st_dev && ours.st_ino == theirs.st_ino;
}

gboolean
cm_store_refuse_own_file (CmStore *self, const char *path, GError **error)
{
  g_autofree char *name = NULL;

  if (!is_own_file (self, path))
    return TRUE;
  name = g_filename_display_basename (path);
  g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED,
               _("“%s” is this portfolio itself, not a register to import. Choose the CSV, "
                 "XLSX, ODS or OCDS file that holds the contracts."), name);
  return FALSE;
}

const char *
cm_store_get_path (CmStore *self)
{
  return self->path;
}

gboolean
cm_store_is_read_only (CmStore *self)
{
  return self->read_only;
}

gboolean
cm_store_is_on_network (CmStore *self)
{
  return self->on_network;
}

int
cm_store_get_schema_version (CmStore *self)
{
  gint64 version = 0;

  read_number (self, NUMBER_SCHEMA_VERSION, &version);
  return (int) version;
}

const char *
cm_store_get_actor (CmStore *self)
{
  return self->actor;
}

const char *
cm_store_get_display_name (CmStore *self)
{
  return self->display_name;
}

/* The account is what the trail records; a display name only stands beside it. */
void
cm_store_set_actor (CmStore *self, const char *display_name)
{
  g_free (self->display_name);
  self->display_name = g_strdup (display_name);
  g_free (self->actor);
  self->actor = self->server_role ? g_strdup (self->server_role)
                                  : cm_actor_describe (display_name);
}

CmDb *
cm_store_get_db (CmStore *self)
{
  return self->database;
}

static void
finalize_statement (gpointer stmt)
{
  cm_db_stmt_free (stmt);
}

static void
cm_store_finalize (GObject *object)
{
  CmStore *self = CM_STORE (object);

  if (self->database)
    end_batch_alone (self); /* if it could not be after the last batch */
  g_clear_pointer (&self->lists, g_hash_table_unref);
  /* Live lists outliving the store stay as they are, no longer kept current. */
  while (self->live->len > 0)
    {
      CachedList *list = g_ptr_array_steal_index_fast (self->live, 0);

      g_object_weak_unref (G_OBJECT (list->store), live_list_gone, list);
      g_object_set_data (G_OBJECT (list->store), "cm-store", NULL);
      g_hash_table_unref (list->by_id);
      cached_list_clear (list);
      g_free (list);
    }
  g_clear_pointer (&self->live, g_ptr_array_unref);
  g_clear_pointer (&self->kept_statements, g_hash_table_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->savepoints, g_array_unref);
  g_clear_pointer (&self->n_changes, g_hash_table_unref);
  g_clear_pointer (&self->reloads, g_hash_table_unref);
  g_clear_pointer (&self->inserted, g_ptr_array_unref);
  g_clear_pointer (&self->bumped, g_array_unref);
  g_clear_object (&self->refused);
  g_clear_pointer (&self->changed_tables, g_ptr_array_unref);
  g_clear_pointer (&self->next_ids, g_hash_table_unref);
  if (self->record_json)
    g_string_free (g_steal_pointer (&self->record_json), TRUE);
  g_clear_pointer (&self->audit, cm_audit_log_free);
  g_clear_pointer (&self->own_rows, cm_own_audit_rows_free);
  cm_db_close (self->database);
  g_free (self->path);
  cm_deferred_saves_free (self->deferred);
  g_free (self->refusal);
  g_free (self->connection_lost);
  g_free (self->actor);
  g_free (self->display_name);
  g_free (self->server_role);

  G_OBJECT_CLASS (cm_store_parent_class)->finalize (object);
}

static void
cm_store_class_init (CmStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cm_store_finalize;

  /* After every committed action, once the lists show it: for views that
   * depend on more than one list, or on the portfolio's settings. Its
   * detail is the table changed ("changed::contract", "changed::meta" for
   * the settings), once per table; a handler without a detail sees every
   * emission. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[RECORDS_CHANGED] = g_signal_new ("records-changed", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED, 0,
                                           NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_STRING,
                                           G_TYPE_ARRAY, G_TYPE_ARRAY);
}

static void
cm_store_init (CmStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
  self->kept_statements = g_hash_table_new (NULL, NULL);
  self->lists = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) cached_list_free);
  self->live = g_ptr_array_new ();
  self->pending = pending_new ();
  self->savepoints = g_array_new (FALSE, FALSE, sizeof (Savepoint));
  self->n_changes = g_hash_table_new (g_str_hash, g_str_equal);
  self->reloads = g_hash_table_new (g_str_hash, g_str_equal);
  self->inserted = g_ptr_array_new_with_free_func (g_object_unref);
  self->bumped = g_array_new (FALSE, FALSE, sizeof (BumpedVersion));
  g_array_set_clear_func (self->bumped, clear_bumped_version);
  self->changed_tables = g_ptr_array_new ();
  self->next_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->own_rows = cm_own_audit_rows_new ();
  self->record_json = g_string_sized_new (512);
  cm_store_set_actor (self, NULL);
}
