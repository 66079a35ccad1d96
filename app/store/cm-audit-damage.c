/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-audit-damage.c: a damaged audit trail, and accepting it knowingly */
#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "cm-audit.h"
#include "cm-audit-damage.h"
#include "cm-audit-mark.h"
#include "cm-date.h"
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
  sqlite3 *db = cm_store_get_database (store);
  g_autofree char *prefix = g_strconcat (damage, "\n", NULL);
  sqlite3_stmt *stmt = NULL;
  char *accepted = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT at, actor, substr (new_value, length (?1) + 1)"
                              " FROM audit WHERE entity = 'meta' AND field = ?2"
                              " AND substr (new_value, 1, length (?1)) = ?1"
                              " ORDER BY id DESC LIMIT 1", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_text (stmt, 1, prefix, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, CM_AUDIT_DAMAGE_KEY, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *day = cm_date_format_moment ((const char *) sqlite3_column_text (stmt, 0));

      /* TRANSLATORS: when a damaged audit trail was accepted, by whom, and why */
      accepted = g_strdup_printf (_("%s by %s: %s"), day,
                                  (const char *) sqlite3_column_text (stmt, 1),
                                  (const char *) sqlite3_column_text (stmt, 2));
    }
  sqlite3_finalize (stmt);
  return accepted;
}

gboolean
cm_audit_damage_check (const char *path, CmAuditDamage *damage, GError **error)
{
  g_autoptr(CmStore) store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST |
                                                  CM_STORE_OPEN_READ_ONLY, error);
  g_autoptr(GError) broken = NULL;

  *damage = (CmAuditDamage) { 0 };
  if (store == NULL)
    return FALSE;
  if (cm_store_verify_audit (store, NULL, NULL, &broken))
    return TRUE;
  damage->damage = g_strdup (broken->message);
  damage->accepted = cm_audit_damage_accepted (store, damage->damage);
  return TRUE;
}

/* Whether row @seq of the trail still holds @hash: a trail cut short,
 * rolled back or rehashed does not, and is checked whole again. */
static gboolean
row_holds (sqlite3 *db, gint64 seq, const char *hash)
{
  sqlite3_stmt *stmt = NULL;
  gboolean holds;

  if (seq == 0)
    return g_strcmp0 (hash, CM_AUDIT_GENESIS_HASH) == 0;
  if (sqlite3_prepare_v2 (db, "SELECT hash FROM audit WHERE id = ?", -1, &stmt, NULL)
      != SQLITE_OK)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, seq);
  holds = sqlite3_step (stmt) == SQLITE_ROW &&
          g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), hash) == 0;
  sqlite3_finalize (stmt);
  return holds;
}

/* The trail is sound up to row @seq: marked so, with that row's hash. */
static void
mark_sound (CmStore *store, const char *marks, gint64 seq)
{
  sqlite3 *db = cm_store_get_database (store);
  sqlite3_stmt *stmt = NULL;

  if (seq == 0)
    {
      cm_audit_mark_write (marks, cm_store_get_path (store), 0, CM_AUDIT_GENESIS_HASH);
      return;
    }
  if (sqlite3_prepare_v2 (db, "SELECT hash FROM audit WHERE id = ?", -1, &stmt, NULL)
      != SQLITE_OK)
    return;
  sqlite3_bind_int64 (stmt, 1, seq);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    cm_audit_mark_write (marks, cm_store_get_path (store), seq,
                         (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
}

static void
found_damage (CmStore *store, const GError *broken, CmAuditDamage *damage)
{
  damage->damage = g_strdup (broken->message);
  damage->accepted = cm_audit_damage_accepted (store, damage->damage);
}

/* The file, the whole chain and the replay, as cm_audit_damage_check (). */
static gboolean
check_whole (const char *path, const char *marks, CmAuditDamage *damage, GError **error)
{
  /* Verifying checks the file first, so opening need not. */
  g_autoptr(CmStore) store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST |
                                                  CM_STORE_OPEN_READ_ONLY |
                                                  CM_STORE_OPEN_CHECKED, error);
  g_autoptr(GError) broken = NULL;
  gint64 checked = 0;

  if (store == NULL)
    return FALSE;
  if (!cm_store_verify_audit (store, &checked, NULL, &broken))
    {
      /* A file SQLite finds damaged could not be checked at all. */
      if (g_error_matches (broken, CM_STORE_ERROR, CM_STORE_ERROR_CORRUPT))
        {
          g_propagate_error (error, g_steal_pointer (&broken));
          return FALSE;
        }
      found_damage (store, broken, damage);
      return TRUE;
    }
  mark_sound (store, marks, checked);
  return TRUE;
}

gboolean
cm_audit_damage_check_since (const char *path, const char *marks, CmAuditDamage *damage,
                             GError **error)
{
  g_autofree char *default_marks = marks ? NULL : cm_audit_mark_default_file ();
  g_autoptr(CmStore) store = NULL;
  g_autoptr(GError) broken = NULL;
  g_autofree char *hash = NULL;
  gint64 seq = 0, checked = 0;

  *damage = (CmAuditDamage) { 0 };
  if (marks == NULL)
    marks = default_marks;
  if (!cm_audit_mark_read (marks, path, &seq, &hash))
    return check_whole (path, marks, damage, error);
  /* Opened unchecked only by the caller: SQLite's check of the file runs here. */
  store = cm_store_open (path, CM_STORE_OPEN_MUST_EXIST | CM_STORE_OPEN_READ_ONLY, error);
  if (store == NULL)
    return FALSE;
  if (!row_holds (cm_store_get_database (store), seq, hash))
    {
      g_clear_object (&store);
      return check_whole (path, marks, damage, error);
    }
  if (!cm_audit_verify_from (cm_store_get_database (store), seq, hash, &checked, NULL, &broken))
    {
      found_damage (store, broken, damage);
      return TRUE;
    }
  if (checked != seq)
    mark_sound (store, marks, checked);
  return TRUE;
}

gboolean
cm_audit_damage_accept (CmStore *store, const char *damage, const char *reason,
                        GError **error)
{
  g_autofree char *value = g_strconcat (damage, "\n", reason, NULL);

  cm_store_refuse_changes (store, NULL);
  if (cm_store_set_meta (store, CM_AUDIT_DAMAGE_KEY, value, error))
    return TRUE;
  cm_store_refuse_changes (store, damage);
  return FALSE;
}
