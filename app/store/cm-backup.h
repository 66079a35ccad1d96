/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-backup.h: copies of a portfolio, taken before it changes, and putting one back
 *
 * A backup is a whole portfolio file written through SQLite's online
 * backup API from a connection to the portfolio, so it is consistent even
 * while another connection is writing. Backups live in the user's data
 * folder, one folder per portfolio file, named by the time they were
 * taken (UTC) and why. After each one the folder keeps the newest ten and
 * the newest of each of the last twelve months. Functions that depend on
 * the time take it as @now, so that tests can fix it.
 */
#pragma once

#include "cm-store.h"

G_BEGIN_DECLS

#define CM_BACKUP_ERROR (cm_backup_error_quark ())
typedef enum {
  CM_BACKUP_ERROR_FAILED,
  CM_BACKUP_ERROR_SAME_FILE,     /* a copy would overwrite the portfolio itself */
  CM_BACKUP_ERROR_NOT_A_BACKUP,  /* the file to restore is not a readable portfolio */
  CM_BACKUP_ERROR_NEWER_VERSION,
  CM_BACKUP_ERROR_ON_SERVER,     /* a server's portfolio is backed up by the server's tools */
} CmBackupError;
GQuark cm_backup_error_quark (void);

typedef enum {
  CM_BACKUP_REASON_MANUAL,
  CM_BACKUP_REASON_DAILY,
  CM_BACKUP_REASON_IMPORT,
  CM_BACKUP_REASON_MIGRATION,
  CM_BACKUP_REASON_RESTORE,
  CM_BACKUP_REASON_UNDO_IMPORT,
} CmBackupReason;

/* The word in a backup's file name ("import"), and a phrase for people
 * ("Before an import"). */
const char *cm_backup_reason_nick  (CmBackupReason reason);
const char *cm_backup_reason_label (CmBackupReason reason);

typedef struct {
  char *path;
  GDateTime *taken;       /* UTC, from the file's name */
  CmBackupReason reason;
  gint64 contracts;       /* -1 when the file could not be read */
  gint64 services;
  gint64 providers;
} CmBackup;

void        cm_backup_free       (CmBackup *backup);

/* Where the backups of the portfolio at @portfolio go: the file's name
 * and a hash of its absolute path, so that two portfolios of one name
 * keep apart. */
char       *cm_backup_folder     (const char *portfolio);

/* Writes a consistent copy of @store's portfolio to @destination (Save a
 * Copy), replacing it safely: written beside it, then renamed into place.
 * Refuses the portfolio file itself and its journal files. The copy of a
 * server's portfolio is a portfolio file holding all it holds. */
gboolean    cm_backup_copy       (CmStore *store, const char *destination, GError **error);

/* Takes a backup into the portfolio's folder, then prunes the folder.
 * A portfolio in which nothing has been recorded yet has nothing to lose
 * and is not copied: *@path is then NULL. Must be called between actions,
 * never inside a transaction. Once @cancellable (may be NULL) is
 * cancelled, the copy stops with G_IO_ERROR_CANCELLED, leaving nothing
 * behind. */
gboolean    cm_backup_write      (CmStore *store, CmBackupReason reason, GDateTime *now,
                                  GCancellable *cancellable, char **path, GError **error);
/* cm_backup_write () now, before an action that changes much at once. */
gboolean    cm_backup_before     (CmStore *store, CmBackupReason reason, GError **error);
/* The day's first backup: written unless the newest backup is from @now's
 * day (local time). *@path is NULL when none was needed. */
gboolean    cm_backup_daily      (CmStore *store, GDateTime *now, GCancellable *cancellable,
                                  char **path, GError **error);

/* The portfolio's backups, newest first, with what each holds (of CmBackup). */
GPtrArray  *cm_backup_list       (const char *portfolio, GError **error);
/* TRUE, with a CM_BACKUP_ERROR_ON_SERVER saying to use pg_dump and
 * pg_restore, for a portfolio on a server, which keeps no backups of ours. */
gboolean    cm_backup_kept_by_server (const char *portfolio, GError **error);
/* Keeps the newest ten backups in @folder and the newest of each of the
 * twelve months up to @now's (UTC); deletes the others, and the hidden
 * temporaries of backups cut off half way more than a day before @now. */
gboolean    cm_backup_prune      (const char *folder, GDateTime *now, GError **error);

/* Puts the backup at @backup in place of @store's portfolio, through the
 * same connection: takes a backup of the current state first, copies the
 * backup in, and records in the audit trail which backup was restored and
 * what it replaced. The store's lists still show the replaced records, and
 * an older backup's schema is brought up to date only when the portfolio is
 * opened again: reopen it afterwards. */
gboolean    cm_backup_restore    (CmStore *store, const char *backup, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmBackup, cm_backup_free)

G_END_DECLS
