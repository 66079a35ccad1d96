/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-audit-damage.c: a damaged audit trail, and accepting it knowingly */
#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "cm-audit-damage.h"
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
