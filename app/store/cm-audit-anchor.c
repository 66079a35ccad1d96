/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-audit-anchor.c: the head of the audit trail, kept outside the file */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "cm-audit-anchor.h"
#include "cm-audit.h"
#include "cm-store-private.h"
#include "cm-table.h"

#define HASH_LENGTH 64

static gboolean
sql_failed (CmDb *db, GError **error)
{
  g_set_error (error, CM_AUDIT_ERROR, CM_AUDIT_ERROR_SQL,
               _("The audit trail could not be read: %s"), cm_db_last_message (db));
  return FALSE;
}

char *
cm_audit_anchor_format (gint64 seq, const char *hash)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%s", seq, hash);
}

static gboolean
is_hash (const char *text)
{
  if (strlen (text) != HASH_LENGTH)
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isxdigit (*p))
      return FALSE;
  return TRUE;
}

gboolean
cm_audit_anchor_parse (const char *text, gint64 *seq, char **hash, GError **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));
  char *colon = strchr (copy, ':');

  if (colon)
    *colon = '\0';
  if (colon == NULL || !g_ascii_string_to_signed (copy, 10, 0, G_MAXINT64, seq, NULL) ||
      !is_hash (colon + 1))
    {
      g_set_error (error, CM_AUDIT_ERROR, CM_AUDIT_ERROR_BAD_ANCHOR,
                   _("“%s” is not an audit head. An audit head is a row number, a colon and "
                     "a hash of 64 digits and letters a to f, as on the Read me sheet of an "
                     "exported workbook."), text ? text : "");
      return FALSE;
    }
  *hash = g_ascii_strdown (colon + 1, -1);
  return TRUE;
}

gboolean
cm_audit_anchor_head (CmStore *store, gint64 *seq, char **hash, GError **error)
{
  g_autofree char *head = NULL;

  if (!cm_audit_head (cm_store_get_db (store), seq, &head, error))
    return FALSE;
  if (hash)
    *hash = g_steal_pointer (&head);
  return TRUE;
}

char *
cm_audit_anchor_current (CmStore *store, GError **error)
{
  g_autofree char *hash = NULL;
  gint64 seq = 0;

  if (!cm_audit_anchor_head (store, &seq, &hash, error))
    return NULL;
  return cm_audit_anchor_format (seq, hash);
}

/* ---- the copy in a workbook ------------------------------------------- */

/* The label as written in English and as translated, so that a workbook
 * exported in another language still reads. */
static gboolean
is_head_label (const char *label)
{
  return g_str_equal (label, "Audit head") || g_str_equal (label, _("Audit head"));
}

char *
cm_audit_anchor_read_workbook (const char *path, GError **error)
{
  g_autoptr(CmTable) table = cm_table_read_file (path, "Read me", error);
  g_autofree char *shown = g_filename_display_name (path);

  if (table == NULL)
    return NULL;
  for (guint row = 0; row < cm_table_get_n_rows (table); row++)
    {
      g_autofree char *hash = NULL;
      gint64 seq = 0;

      if (is_head_label (cm_table_get (table, row, 0)) &&
          cm_audit_anchor_parse (cm_table_get (table, row, 1), &seq, &hash, NULL))
        return cm_audit_anchor_format (seq, hash);
    }
  g_set_error (error, CM_AUDIT_ERROR, CM_AUDIT_ERROR_BAD_ANCHOR,
               _("“%s” has no audit head on its Read me sheet: it was exported by an older "
                 "version of Commissioner, or the sheet was changed."), shown);
  return NULL;
}

/* ---- checking --------------------------------------------------------- */

/* The hash of row @seq, or NULL in @hash when the trail has no such row. */
static gboolean
hash_of_row (CmDb *db, gint64 seq, char **hash, GError **error)
{
  CmDbStmt *stmt = NULL;
  CmDbStep rc;

  *hash = NULL;
  if (seq == 0)
    {
      *hash = g_strdup (CM_AUDIT_GENESIS_HASH);
      return TRUE;
    }
  if ((stmt = cm_db_prepare (db, "SELECT hash FROM audit WHERE id = ?")) == NULL)
    return sql_failed (db, error);
  cm_db_bind_int64 (stmt, 1, seq);
  rc = cm_db_step (stmt);
  if (rc == CM_DB_ROW)
    *hash = g_strdup (cm_db_column_text (stmt, 0));
  cm_db_stmt_free (stmt);
  return rc == CM_DB_ROW || rc == CM_DB_DONE ? TRUE : sql_failed (db, error);
}

static char *
number (gint64 n)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, n);
}

/* "2026-05-01 14:03 UTC" from the trail's ISO 8601 time. */
static char *
when (const char *at)
{
  g_autoptr(GDateTime) time = at ? g_date_time_new_from_iso8601 (at, NULL) : NULL;

  return time ? g_date_time_format (time, "%Y-%m-%d %H:%M UTC") : g_strdup (at ? at : "?");
}

/* The restore in the current row of @stmt, told against the anchor. */
static char *
describe_restore (CmDbStmt *stmt, const char *anchor, gint64 backup_seq, gint64 replaced_seq,
                  gboolean is_replaced_head)
{
  g_autofree char *date = when (cm_db_column_text (stmt, 1));
  const char *actor = cm_db_column_text (stmt, 2);
  g_autofree char *first = number (backup_seq + 1);
  g_autofree char *last = number (replaced_seq);
  g_autofree char *kept = number (backup_seq);

  if (is_replaced_head)
    return g_strdup_printf (_("The anchor %s is the head the audit trail had when the portfolio "
                              "was restored from a backup on %s by %s. The trail now continues "
                              "from the backup's, which ends at row %s; rows %s to %s of the "
                              "trail it replaced are not in this file."),
                            anchor, date, actor, kept, first, last);
  return g_strdup_printf (_("The anchor %s falls among rows %s to %s, which were replaced when "
                            "the portfolio was restored from a backup on %s by %s, so this file "
                            "cannot confirm it. Check it against the copy of the portfolio that "
                            "was replaced."),
                          anchor, first, last, date, actor);
}

/* A recorded restore that replaced the anchor's row, told as a sentence in
 * @explanation; NULL there when none did. The backup's head is the row
 * before the restore's own, so only the replaced head is taken on trust. */
static gboolean
explain_by_restore (CmDb *db, gint64 seq, const char *hash, char **explanation, GError **error)
{
  g_autofree char *anchor = cm_audit_anchor_format (seq, hash);
  CmDbStmt *stmt = NULL;
  CmDbStep rc;

  *explanation = NULL;
  if ((stmt = cm_db_prepare (db, "SELECT id, at, actor, new_value FROM audit"
                                 " WHERE entity = 'meta' AND entity_id = 0"
                                 " AND field = '" CM_AUDIT_RESTORE_KEY "' ORDER BY id")) == NULL)
    return sql_failed (db, error);
  while (*explanation == NULL && (rc = cm_db_step (stmt)) == CM_DB_ROW)
    {
      gint64 backup_seq = cm_db_column_int64 (stmt, 0) - 1, replaced_seq = 0;
      g_autofree char *replaced_hash = NULL;

      if (!cm_audit_anchor_parse (cm_db_column_text (stmt, 3), &replaced_seq, &replaced_hash,
                                  NULL) ||
          seq <= backup_seq || seq > replaced_seq)
        continue;
      /* The replaced trail's newest row had that hash, and no other. */
      if (seq == replaced_seq && !g_str_equal (hash, replaced_hash))
        continue;
      *explanation = describe_restore (stmt, anchor, backup_seq, replaced_seq,
                                       seq == replaced_seq);
    }
  cm_db_stmt_free (stmt);
  return *explanation || rc == CM_DB_DONE ? TRUE : sql_failed (db, error);
}

gboolean
cm_audit_anchor_check (CmStore *store, const char *anchor, CmAuditAnchorState *state,
                       char **explanation, GError **error)
{
  CmDb *db = cm_store_get_db (store);
  g_autofree char *hash = NULL, *found = NULL, *restored = NULL, *shown = NULL;
  g_autofree char *row = NULL, *last = NULL, *last_hash = NULL;
  gint64 seq = 0, last_seq = 0;

  if (!cm_audit_anchor_parse (anchor, &seq, &hash, error) ||
      !cm_audit_head (db, &last_seq, &last_hash, error) ||
      !hash_of_row (db, seq, &found, error))
    return FALSE;
  shown = cm_audit_anchor_format (seq, hash);
  row = number (seq);
  last = number (last_seq);
  if (g_strcmp0 (found, hash) == 0)
    {
      *state = CM_AUDIT_ANCHOR_HELD;
      *explanation = g_strdup_printf (_("The audit trail holds the anchor %s: row %s has that "
                                        "hash."), shown, row);
      return TRUE;
    }
  if (!explain_by_restore (db, seq, hash, &restored, error))
    return FALSE;
  if (restored)
    {
      *state = CM_AUDIT_ANCHOR_RESTORED;
      *explanation = g_steal_pointer (&restored);
    }
  else if (found == NULL)
    {
      *state = CM_AUDIT_ANCHOR_LOST;
      *explanation = g_strdup_printf (_("The audit trail ends at row %s, before the anchor %s: "
                                        "rows were removed from it, or the file was replaced by "
                                        "an older copy."), last, shown);
    }
  else
    {
      *state = CM_AUDIT_ANCHOR_LOST;
      *explanation = g_strdup_printf (_("Row %s of the audit trail does not have the hash the "
                                        "anchor %s names: the trail was rewritten at or before "
                                        "that row."), row, shown);
    }
  return TRUE;
}

gboolean
cm_audit_anchor_record_restore (CmStore *store, const char *replaced_anchor, GError **error)
{
  g_autofree char *hash = NULL;
  g_autofree char *value = NULL;
  gint64 seq = 0;

  if (!cm_audit_anchor_parse (replaced_anchor, &seq, &hash, error))
    return FALSE;
  value = cm_audit_anchor_format (seq, hash);
  return cm_store_set_meta (store, CM_AUDIT_RESTORE_KEY, value, error);
}
