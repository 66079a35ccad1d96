/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-search.c: one search across services, contracts, providers, EIAs and decommissions */
#include <glib/gi18n-lib.h>

#include "cm-contract.h"
#include "cm-decommission.h"
#include "cm-eia.h"
#include "cm-enums.h"
#include "cm-provider.h"
#include "cm-search.h"
#include "cm-service.h"
#include "cm-store-private.h"

/* Each kind is limited on its own, so that 100,000 contracts matching
 * "care" cannot hide the one service that does. ?1 is the pattern, ?2
 * the limit per kind. After the kind, id, title and detail come what
 * tells records of one name apart: a name (a service's lead
 * commissioner, a contract's service), a service's stage and cycle, and
 * an EIA's version and cycle. (SQLite's LIKE ignores ASCII case; the
 * PostgreSQL dialect is to write ILIKE: lower () on both sides here would
 * make a search that finds little four times slower.) */
static const char search_sql[] =
  "SELECT * FROM (SELECT 0, s.id, s.name, '', coalesce(o.name, ''), s.stage, 0, s.cycle"
  "  FROM service s LEFT JOIN organisation o ON o.id = s.lead_commissioner_id"
  "  WHERE s.name LIKE ?1 ESCAPE '\\' ORDER BY s.id LIMIT ?2) AS k0"
  " UNION ALL SELECT * FROM (SELECT 1, c.id, c.reference, c.title, coalesce(s.name, ''), '', 0, 0"
  "  FROM contract c LEFT JOIN service s ON s.id = c.service_id"
  "  WHERE c.reference LIKE ?1 ESCAPE '\\' OR c.title LIKE ?1 ESCAPE '\\'"
  "  ORDER BY c.id LIMIT ?2) AS k1"
  " UNION ALL SELECT * FROM (SELECT 2, id, name, '', '', '', 0, 0 FROM provider"
  "  WHERE name LIKE ?1 ESCAPE '\\' ORDER BY id LIMIT ?2) AS k2"
  " UNION ALL SELECT * FROM (SELECT 3, e.id, s.name, e.proposal, '', '', e.version, e.cycle"
  "  FROM eia e JOIN service s ON s.id = e.service_id"
  "  WHERE s.name LIKE ?1 ESCAPE '\\' OR e.proposal LIKE ?1 ESCAPE '\\' ORDER BY e.id LIMIT ?2)"
  "  AS k3"
  " UNION ALL SELECT * FROM (SELECT 4, d.id, s.name, d.reason, '', '', 0, 0 FROM decommission d"
  "  JOIN service s ON s.id = d.service_id"
  "  WHERE s.name LIKE ?1 ESCAPE '\\' OR d.reason LIKE ?1 ESCAPE '\\' ORDER BY d.id LIMIT ?2)"
  "  AS k4";

/* The kinds in the order of the query's first column. */
static GType
kind_type (int kind)
{
  switch (kind)
    {
    case 0:
      return CM_TYPE_SERVICE;
    case 1:
      return CM_TYPE_CONTRACT;
    case 2:
      return CM_TYPE_PROVIDER;
    case 3:
      return CM_TYPE_EIA;
    default:
      return CM_TYPE_DECOMMISSION;
    }
}

/* "%text%", with LIKE's own wildcards in @text taken literally. */
static char *
like_pattern (const char *text)
{
  GString *pattern = g_string_new ("%");

  for (const char *c = text; *c; c++)
    {
      if (*c == '%' || *c == '_' || *c == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *c);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

static const char *
column_text (CmDbStmt *stmt, int column)
{
  const char *text = cm_db_column_text (stmt, column);

  return text ? text : "";
}

/* "Lead commissioner: Leeds City Council · Plan, cycle 2", "Service: Home
 * care", "Version 2, cycle 1": what tells this record from another of the
 * same name. */
static char *
hit_context (CmDbStmt *stmt, GType type)
{
  const char *name = column_text (stmt, 4);
  int stage = 0;

  if (type == CM_TYPE_SERVICE)
    {
      const char *stage_label = cm_enum_from_nick (CM_TYPE_STAGE, column_text (stmt, 5), &stage)
                                ? cm_enum_to_label (CM_TYPE_STAGE, stage) : "";

      if (*name == '\0')
        return g_strdup_printf (_("No lead commissioner · %s, cycle %d"), stage_label,
                                cm_db_column_int (stmt, 7));
      return g_strdup_printf (_("Lead commissioner: %s · %s, cycle %d"), name, stage_label,
                              cm_db_column_int (stmt, 7));
    }
  /* A contract titled after its service says so once. */
  if (type == CM_TYPE_CONTRACT && *name && g_strcmp0 (name, column_text (stmt, 3)) != 0)
    return g_strdup_printf (_("Service: %s"), name);
  if (type == CM_TYPE_EIA)
    return g_strdup_printf (_("Version %d, cycle %d"), cm_db_column_int (stmt, 6),
                            cm_db_column_int (stmt, 7));
  return g_strdup ("");
}

void
cm_search_hit_free (gpointer data)
{
  CmSearchHit *hit = data;

  g_free (hit->title);
  g_free (hit->detail);
  g_free (hit->context);
  g_free (hit);
}

GPtrArray *
cm_search (CmStore *store, const char *text, guint limit, GError **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func (cm_search_hit_free);
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  g_autofree char *pattern = NULL;
  CmDb *db = cm_store_get_db (store);
  CmDbStmt *stmt;
  CmDbStep step;

  if (*trimmed == '\0')
    return g_steal_pointer (&hits);
  pattern = like_pattern (trimmed);
  if ((stmt = cm_db_prepare (db, search_sql)) == NULL)
    {
      g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED,
                   _("The portfolio could not be searched (%s). Try again."),
                   cm_db_last_message (db));
      return NULL;
    }
  cm_db_bind_text_static (stmt, 1, pattern);
  cm_db_bind_int64 (stmt, 2, MIN (limit, G_MAXINT));
  while ((step = cm_db_step (stmt)) == CM_DB_ROW)
    {
      CmSearchHit *hit = g_new0 (CmSearchHit, 1);

      hit->type = kind_type (cm_db_column_int (stmt, 0));
      hit->id = cm_db_column_int64 (stmt, 1);
      hit->title = g_strdup (cm_db_column_text (stmt, 2));
      hit->detail = g_strdup (column_text (stmt, 3));
      hit->context = hit_context (stmt, hit->type);
      g_ptr_array_add (hits, hit);
    }
  if (step != CM_DB_DONE)
    g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED,
                 _("The portfolio could not be searched (%s). Try again."),
                 cm_db_last_message (db));
  cm_db_stmt_free (stmt);
  return step == CM_DB_DONE ? g_steal_pointer (&hits) : NULL;
}
