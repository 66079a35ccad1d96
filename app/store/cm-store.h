/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-store.h: a portfolio file, and the only way to change it
 *
 * The store opens (or creates) one SQLite file, or a database on a
 * PostgreSQL server named by a URI, migrates its schema, and runs each
 * user action as one transaction that also appends the action's audit
 * rows. Lists of records are GListModels that stay current as the store
 * changes them; the "changed" signal follows every committed action,
 * with the table changed as its detail ("changed::contract").
 * "records-changed" comes just before it, once per table, with the table
 * and the ids it saved and deleted (two GArrays of gint64), or NULL for
 * both when the action changed too many of the table's records to name
 * them (an import): read the table again. After another program's commit
 * it comes once with NULL for all three: anything may have changed.
 * Lists that read rows on demand follow it.
 */
#pragma once

#include <gio/gio.h>

#include "cm-entity.h"

G_BEGIN_DECLS

#define CM_STORE_ERROR (cm_store_error_quark ())
typedef enum {
  CM_STORE_ERROR_CORRUPT,
  CM_STORE_ERROR_NEWER_VERSION,
  CM_STORE_ERROR_CONSTRAINT,
  CM_STORE_ERROR_NOT_FOUND,
  CM_STORE_ERROR_FAILED,
  CM_STORE_ERROR_BUSY,          /* another program holds the file locked: try again */
  CM_STORE_ERROR_READ_ONLY,     /* the file or its folder cannot be written */
  CM_STORE_ERROR_NOT_PORTFOLIO, /* not a Commissioner portfolio, or empty */
  CM_STORE_ERROR_CONFLICT,      /* changed by someone else since it was read, or
                                 * never read (version 0): see
                                 * cm_store_conflict_get () */
} CmStoreError;
GQuark cm_store_error_quark (void);

typedef enum {
  CM_STORE_OPEN_DEFAULT = 0,
  CM_STORE_OPEN_MUST_EXIST = 1 << 0,
  CM_STORE_OPEN_READ_ONLY = 1 << 1, /* leaves the file and its folder as they were */
  /* Another connection of this process checked the file as it opened it,
   * or checks it in the background: this one skips the check, which reads
   * the whole file. An older file, which opening migrates, is checked all
   * the same. */
  CM_STORE_OPEN_CHECKED = 1 << 2,
} CmStoreOpenFlags;

#define CM_TYPE_STORE (cm_store_get_type ())
G_DECLARE_FINAL_TYPE (CmStore, cm_store, CM, STORE, GObject)

/* @path is a file, or a URI "postgresql://host/dbname" (or postgres://,
 * or "postgresql:///dbname?host=/socket/folder") of a database on a
 * server, where the role signed in is every change's actor. */
CmStore    *cm_store_open            (const char *path, CmStoreOpenFlags flags, GError **error);
/* Another read-only connection to @self's portfolio, for reading in
 * another thread beside @self; NULL when none would read what @self reads
 * (an older file, read in a copy in memory) or none opens: then read
 * with @self. */
CmStore    *cm_store_open_reader     (CmStore *self);
/* Whether opening @self made its portfolio: a file that was not there,
 * or a database on a server that held none. */
gboolean    cm_store_made_portfolio  (CmStore *self);
/* Takes away again the portfolio at @path that opening it made, once
 * nothing has it open, as when the first import into it failed, so that
 * the failure leaves nothing behind: the file is removed, the database
 * emptied of everything the store made in it, in one transaction. A
 * database that holds saved changes meanwhile is refused and left as it
 * is, with a CM_STORE_ERROR saying what to do. */
gboolean    cm_store_discard_new_portfolio (const char *path, GError **error);
/* The file's path, or the server database's URI. */
const char *cm_store_get_path        (CmStore *self);
/* FALSE, saying why, when @path names the portfolio file itself under any
 * name: reading it as a register would close a descriptor on it and drop
 * SQLite's locks. */
gboolean    cm_store_refuse_own_file (CmStore *self, const char *path, GError **error);
/* Whether changes are refused: opened read-only, or the file cannot be written. */
gboolean    cm_store_is_read_only    (CmStore *self);
/* Sets @error, saying why, when changes are refused. */
gboolean    cm_store_check_writable  (CmStore *self, GError **error);
/* Refuses every change, saying @why (a whole sentence naming the file:
 * its audit trail is damaged, or it is still being checked), until it is
 * called again with NULL. */
void        cm_store_refuse_changes  (CmStore *self, const char *why);
/* Whether the file is in a network folder (NFS, SMB), where SQLite's
 * locking is unreliable and two people's changes can damage it. */
gboolean    cm_store_is_on_network   (CmStore *self);
/* Brings the lists up to date with changes another program committed to
 * the portfolio; TRUE when there were any ("changed" is emitted then).
 * The records the audit rows since the lists were last current name are
 * read again, but for the store's own; every list is read again when
 * they are too many, or when a file changed without an audit row naming
 * anything (a tool's edit). */
gboolean    cm_store_reload_if_changed (CmStore *self);
/* Inside a "records-changed" handler for @table: the ids of the records
 * of @entity_type whose derived values the commit's changes to @table can
 * have altered (a contract's service, before and after it moved), or NULL
 * when they cannot be named (too many changes, or a derived value that
 * depends on @table without saying through which column). Free with
 * g_array_unref (). */
GArray     *cm_store_ids_reached     (CmStore *self, GType entity_type, const char *table);
int         cm_store_get_schema_version (CmStore *self);
int         cm_store_latest_schema_version (void);

/* Who the trail records against each change: the operating-system account,
 * "jsmith (Jane Smith)", with @display_name beside it when one is given,
 * "jsmith (Jane Smith), as “Commissioning lead”" (see cm-actor.h). A
 * display name never replaces the account; NULL or "" records the account
 * alone, as a new store does. */
const char *cm_store_get_actor       (CmStore *self);
const char *cm_store_get_display_name (CmStore *self);
void        cm_store_set_actor       (CmStore *self, const char *display_name);

char       *cm_store_get_meta        (CmStore *self, const char *key);
gboolean    cm_store_set_meta        (CmStore *self, const char *key, const char *value,
                                      GError **error);

/* Groups several changes into one transaction (one user action). They nest. */
gboolean    cm_store_begin           (CmStore *self, GError **error);
gboolean    cm_store_commit          (CmStore *self, GError **error);
void        cm_store_rollback        (CmStore *self);
/* Holds one snapshot of the file for every read until cm_store_end_read ():
 * a report laid out twice, to count its pages and to draw them, sees the
 * same records both times although another connection commits meanwhile.
 * Not inside cm_store_begin (). */
gboolean    cm_store_begin_read      (CmStore *self, GError **error);
void        cm_store_end_read        (CmStore *self);

/* A record with an id is written over the version it was read as
 * (cm_entity_get_version ()); one never read, at version 0, is refused.
 * Saving it unchanged writes nothing. */
gboolean    cm_store_save            (CmStore *self, CmEntity *entity, GError **error);
/* Inserts a new record with one audit row holding all its values
 * (cm-audit-record.h) instead of one per field, for an action that
 * creates thousands of records and lists them in one audited record of its
 * own, saved in the same transaction (an import). Only inside
 * cm_store_begin () and cm_store_commit (). */
gboolean    cm_store_insert_listed   (CmStore *self, CmEntity *entity, GError **error);
/* As cm_store_insert_listed (), for a record its caller has just checked
 * with cm_entity_validate () as it stands, but for the ids of the records
 * it names, saved since: an import checks each row as it plans it, and
 * checking it again would parse its term and dates twice. */
gboolean    cm_store_insert_validated (CmStore *self, CmEntity *entity, GError **error);
/* A new record's derived values and audit value, made ahead of its
 * insertion by a thread that does not hold the store (an import plans
 * its rows in one thread and writes them in another), but for the ids of
 * the records it names, which may be saved only just before it. */
typedef struct _CmRenderedRecord CmRenderedRecord;
CmRenderedRecord *cm_rendered_record_new  (void);
void              cm_rendered_record_free (CmRenderedRecord *rendered);
/* Completes the new record @entity's derived values and renders its audit
 * value into @rendered; needs no store. */
void        cm_store_render_new_record (CmEntity *entity, CmRenderedRecord *rendered);
/* As cm_store_insert_validated (), for @entity as it was rendered into
 * @rendered, but for the ids of the records it names, set since. */
gboolean    cm_store_insert_rendered (CmStore *self, CmEntity *entity,
                                      const CmRenderedRecord *rendered, GError **error);
gboolean    cm_store_delete          (CmStore *self, CmEntity *entity, GError **error);
gboolean    cm_store_restore         (CmStore *self, CmEntity *entity, GError **error);

GListModel *cm_store_list            (CmStore *self, GType entity_type);
/* Live lists, in id order, that stay current as the store commits changes:
 * a record saved or deleted through the store joins, changes in place (the
 * same object, notifying its properties) or leaves, and only the rows that
 * changed are announced (items-changed). cm_store_list_where () holds the
 * records whose stored @property holds @value (as text: "12" for an id),
 * read with an SQL WHERE, so it costs what it shows, not the whole table.
 * Both return a new reference; asking twice gives the same list. */
GListModel *cm_store_list_all        (CmStore *self, GType entity_type);
GListModel *cm_store_list_where      (CmStore *self, GType entity_type, const char *property,
                                      const char *value);
/* The records whose @property (a reference to another record) is @id. */
GListModel *cm_store_list_where_id   (CmStore *self, GType entity_type, const char *property,
                                      gint64 id);
CmEntity   *cm_store_find            (CmStore *self, GType entity_type, gint64 id);
/* The store a list from cm_store_list () belongs to; NULL for any other list. */
CmStore    *cm_store_of_list         (GListModel *list);
/* Reads one record from the file as it stands inside the current
 * transaction, where the lists have not caught up yet. */
CmEntity   *cm_store_load            (CmStore *self, GType entity_type, gint64 id, GError **error);

/* Called by cm_store_each () with each record in turn; FALSE stops. */
typedef gboolean (*CmStoreEachFunc) (CmEntity *record, gpointer user_data);
/* Reads every record of @entity_type from the file in id order, with its
 * derived values but its search text, into one record reused for each row, and hands it to
 * @each: an export walks 1,000,000 contracts without holding them. The
 * record is the store's and changes at the next row; copy what must be
 * kept. The lists are neither read nor loaded. */
gboolean    cm_store_each            (CmStore *self, GType entity_type, CmStoreEachFunc each,
                                      gpointer user_data, GError **error);

/* Sets @count to how many records of @entity_type the file holds,
 * counted by SQLite without reading them; FALSE when it cannot be read. */
gboolean    cm_store_count           (CmStore *self, GType entity_type, guint *count,
                                      GError **error);

/* Who last changed @field of @entity (any of its fields when NULL), and
 * when (UTC, ISO 8601), from the audit trail. FALSE when the trail holds
 * no change to it. */
gboolean    cm_store_last_change     (CmStore *self, CmEntity *entity, const char *field,
                                      char **actor, char **at);
/* One row of the audit trail, for people to read. */
typedef struct {
  gint64 id;
  char *at;
  char *actor;
  char *entity;
  gint64 entity_id;
  char *field;
  char *old_value;   /* NULL when there was no value */
  char *new_value;
} CmAuditEntry;

void        cm_audit_entry_free      (gpointer entry);

/* The audit rows of the records of @table with the given ids, oldest first
 * (of CmAuditEntry). */
GPtrArray  *cm_store_audit_rows      (CmStore *self, const char *table, GArray *ids,
                                      GError **error);
/* Checks the file is intact and the audit trail's hash chain holds; on a
 * break, @bad_row is the first bad row (cm_audit_verify ()). */
gboolean    cm_store_verify_audit_chain (CmStore *self, gint64 *rows_checked, gint64 *bad_row,
                                         GError **error);
/* The chain, then that replaying the trail gives every record and setting
 * as stored (cm-audit-replay.h). @bad_row is set only for a break in the
 * chain; a record that disagrees is named in @error. */
gboolean    cm_store_verify_audit    (CmStore *self, gint64 *rows_checked, gint64 *bad_row,
                                      GError **error);

G_END_DECLS
