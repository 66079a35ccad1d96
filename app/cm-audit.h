/* cm-audit.h: the tamper-evident audit trail
 *
 * Every change the store makes appends one row per field, in the same
 * transaction as the change. Each row carries the SHA-256 of the row
 * before it, so altering or deleting a row outside the application breaks
 * the chain from that row on.
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define CM_AUDIT_ERROR (cm_audit_error_quark ())
typedef enum {
  CM_AUDIT_ERROR_BROKEN,
  CM_AUDIT_ERROR_SQL,
} CmAuditError;
GQuark cm_audit_error_quark (void);

typedef struct {
  const char *at;        /* UTC, ISO 8601 */
  const char *actor;
  const char *entity;    /* table name */
  gint64      entity_id;
  const char *field;     /* column name */
  const char *old_value; /* NULL when the field had no value */
  const char *new_value;
} CmAuditRow;

/* Appends rows to one portfolio's trail; the store keeps one. */
typedef struct _CmAuditLog CmAuditLog;

CmAuditLog *cm_audit_log_new  (sqlite3 *db);
void        cm_audit_log_free (CmAuditLog *log);
gboolean    cm_audit_append   (CmAuditLog *log, const CmAuditRow *row, GError **error);

/* Checks the whole chain. On a break, sets CM_AUDIT_ERROR_BROKEN with a
 * message naming the first bad row, and its id in @bad_row. */
gboolean cm_audit_verify (sqlite3 *db, gint64 *rows_checked, gint64 *bad_row, GError **error);

char    *cm_audit_now    (void);

G_END_DECLS
