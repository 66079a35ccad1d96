/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-audit-damage.c: a damaged audit trail, and accepting it knowingly */
#include <glib/gi18n-lib.h>

#include "cm-audit.h"
#include "cm-audit-damage.h"
#include "cm-audit-mark.h"
#include "cm-audit-replay.h"
#include "cm-date.h"
#include "cm-db-sqlite.h"
#include "cm-store-file.h"
#include "cm-store-private.h"

void
cm_audit_damage_clear (CmAuditDamage *damage)
{
  g_clear_pointer (&damage->damage, g_free);
  g_clear_pointer (&damage->accepted, g_free);
}

/* The audit row that recorded accepting @damage: the newest, since the
 * same damage may be accepted again after a restore. */
char *
cm_audit_damage_accepted (CmStore *store, const char *damage)
{
  CmDb *db = cm_store_get_db (store);
  g_autofree char *prefix = g_strconcat (damage, "\n", NULL);
  CmDbStmt *stmt = NULL;
  char *accepted = NULL;

  if ((stmt = cm_db_prepare (db, "SELECT at, actor, substr (new_value, length (?1) + 1)"
                                 " FROM audit WHERE entity = 'meta' AND field = ?2"
                                 " AND substr (new_value, 1, length (?1)) = ?1"
                                 " ORDER BY id DESC LIMIT 1")) == NULL)
    return NULL;
  cm_db_bind_text_static (stmt, 1, prefix);
  cm_db_bind_text_static (stmt, 2, CM_AUDIT_DAMAGE_KEY);
  if (cm_db_step (stmt) == CM_DB_ROW)
    {
      g_autofree char *day = cm_date_format_moment (cm_db_column_text (stmt, 0));

      /* TRANSLATORS: when a damaged audit trail was accepted, by whom, and why */
      accepted = g_strdup_printf (_("%s by %s: %s"), day, cm_db_column_text (stmt, 1),
                                  cm_db_column_text (stmt, 2));
    }
  cm_db_stmt_free (stmt);
  return accepted;
}

/* Only a trail that fails verification is damage; a file that could not
 * be read (locked, unreadable, not a database) is an error to report. */
gboolean
cm_audit_damage_is_damage (const GError *broken)
{
  return g_error_matches (broken, CM_AUDIT_ERROR, CM_AUDIT_ERROR_BROKEN) ||
         g_error_matches (broken, CM_AUDIT_REPLAY_ERROR, CM_AUDIT_REPLAY_ERROR_DISAGREES);
}

static void
found_damage (CmStore *store, const GError *broken, CmAuditDamage *damage)
{
  damage->damage = g_strdup (broken->message);
  damage->accepted = cm_audit_damage_accepted (store, damage->damage);
}

/* One read transaction for the whole check: the rows, the head and the
 * replay all see the same commit, whatever the window commits meanwhile. */
static gboolean
begin_reading (CmStore *store, GError **error)
{
  CmDb *db = cm_store_get_db (store);

  if (cm_db_begin (db, CM_DB_READING))
    return TRUE;
  /* The damage check is of a file, and a file's failures name it. */
  return cm_store_db_error (db, cm_store_get_path (store), error);
}

static void
end_reading (CmStore *store)
{
  CmDb *db = cm_store_get_db (store);

  if (cm_db_in_transaction (db))
    cm_db_commit (db);
}

/* Verifies the whole of @store's trail; a failure that is not damage
 * fails with its error. */
static gboolean
verify_whole (CmStore *store, gint64 *checked, CmAuditDamage *damage, GError **error)
{
  g_autoptr(GError) broken = NULL;
  gboolean ok;

  if (!begin_reading (store, error))
    return FALSE;
  ok = cm_store_verify_audit (store, checked, NULL, &broken);
  if (!ok && cm_audit_damage_is_damage (broken))
    {
      found_damage (store, broken, damage);
      ok = TRUE;
    }
  else if (!ok)
    g_propagate_error (error, g_steal_pointer (&broken));
  end_reading (store);
  return ok;
}

gboolean
cm_audit_damage_check (const char *path, CmAuditDamage *damage, GError **error)
{
  g_autoptr(CmStore) store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST |
                                                  CM_STORE_OPEN_READ_ONLY, error);

  *damage = (CmAuditDamage) { 0 };
  return store != NULL && verify_whole (store, NULL, damage, error);
}

/* Whether row @seq of the trail still holds @hash: a trail cut short,
 * rolled back or rehashed does not, and is checked whole again. */
static gboolean
row_holds (CmDb *db, gint64 seq, const char *hash)
{
  CmDbStmt *stmt = NULL;
  gboolean holds;

  if (seq == 0)
    return g_strcmp0 (hash, CM_AUDIT_GENESIS_HASH) == 0;
  if ((stmt = cm_db_prepare (db, "SELECT hash FROM audit WHERE id = ?")) == NULL)
    return FALSE;
  cm_db_bind_int64 (stmt, 1, seq);
  holds = cm_db_step (stmt) == CM_DB_ROW && g_strcmp0 (cm_db_column_text (stmt, 0), hash) == 0;
  cm_db_stmt_free (stmt);
  return holds;
}

/* The trail is sound up to row @seq: marked so, with that row's hash. */
static void
mark_sound (CmStore *store, const char *marks, gint64 seq, gboolean whole)
{
  CmDb *db = cm_store_get_db (store);
  CmDbStmt *stmt = NULL;

  if (seq == 0)
    {
      cm_audit_mark_write (marks, cm_store_get_path (store), 0, CM_AUDIT_GENESIS_HASH, whole);
      return;
    }
  if ((stmt = cm_db_prepare (db, "SELECT hash FROM audit WHERE id = ?")) == NULL)
    return;
  cm_db_bind_int64 (stmt, 1, seq);
  if (cm_db_step (stmt) == CM_DB_ROW)
    cm_audit_mark_write (marks, cm_store_get_path (store), seq, cm_db_column_text (stmt, 0),
                         whole);
  cm_db_stmt_free (stmt);
}

/* The file, the whole chain and the replay, as cm_audit_damage_check (). */
static gboolean
check_whole (const char *path, const char *marks, CmAuditDamage *damage, GError **error)
{
  /* Verifying checks the file first, so opening need not. */
  g_autoptr(CmStore) store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST |
                                                  CM_STORE_OPEN_READ_ONLY |
                                                  CM_STORE_OPEN_CHECKED, error);
  gint64 checked = -1;

  if (store == NULL || !verify_whole (store, &checked, damage, error))
    return FALSE;
  if (damage->damage == NULL)
    mark_sound (store, marks, checked, TRUE);
  return TRUE;
}

/* The rows after the mark, in one read transaction; FALSE with @error
 * unset when the marked row no longer holds its hash. */
static gboolean
check_from_mark (CmStore *store, const char *marks, gint64 seq, const char *hash,
                 CmAuditDamage *damage, GError **error)
{
  g_autoptr(GError) broken = NULL;
  gint64 checked = 0;
  gboolean ok = TRUE;

  if (!begin_reading (store, error))
    return FALSE;
  if (!row_holds (cm_store_get_db (store), seq, hash))
    ok = FALSE;
  else if (!cm_audit_verify_from (cm_store_get_db (store), seq, hash, &checked, NULL, &broken))
    {
      if (cm_audit_damage_is_damage (broken))
        found_damage (store, broken, damage);
      else
        {
          g_propagate_error (error, g_steal_pointer (&broken));
          ok = FALSE;
        }
    }
  else if (checked != seq)
    mark_sound (store, marks, checked, FALSE);
  end_reading (store);
  return ok;
}

gboolean
cm_audit_damage_check_since (const char *path, const char *marks, CmAuditDamage *damage,
                             GError **error)
{
  g_autofree char *default_marks = marks ? NULL : cm_audit_mark_default_file ();
  g_autoptr(CmStore) store = NULL;
  g_autoptr(GError) failed = NULL;
  g_autofree char *hash = NULL;
  gint64 seq = 0;

  *damage = (CmAuditDamage) { 0 };
  if (marks == NULL)
    marks = default_marks;
  if (!cm_audit_mark_read (marks, path, &seq, &hash))
    return check_whole (path, marks, damage, error);
  /* Opened unchecked only by the caller: SQLite's check of the file runs here. */
  store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST | CM_STORE_OPEN_READ_ONLY, error);
  if (store == NULL)
    return FALSE;
  if (check_from_mark (store, marks, seq, hash, damage, &failed))
    return TRUE;
  if (failed)
    {
      g_propagate_error (error, g_steal_pointer (&failed));
      return FALSE;
    }
  /* The marked row was cut short, rolled back or rehashed. */
  g_clear_object (&store);
  return check_whole (path, marks, damage, error);
}

void
cm_audit_damage_refuse (CmStore *store, const char *damage)
{
  g_autofree char *why = g_strdup_printf (_("“%s” cannot be changed while its audit trail is "
                                            "damaged (%s). Restore it from a backup, or "
                                            "accept the damage."),
                                          cm_store_get_path (store), damage);

  cm_store_refuse_changes (store, why);
}

void
cm_audit_damage_refuse_until_checked (CmStore *store)
{
  g_autofree char *why = g_strdup_printf (_("“%s” is still being checked. Try again in a "
                                            "moment."), cm_store_get_path (store));

  cm_store_refuse_changes (store, why);
}

gboolean
cm_audit_damage_accept (CmStore *store, const char *damage, const char *reason,
                        GError **error)
{
  g_autofree char *value = g_strconcat (damage, "\n", reason, NULL);

  cm_store_refuse_changes (store, NULL);
  if (cm_store_set_meta (store, CM_AUDIT_DAMAGE_KEY, value, error))
    return TRUE;
  cm_audit_damage_refuse (store, damage);
  return FALSE;
}
