/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-import-run.c: the record of one import of a contracts register */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "cm-import-run.h"

struct _CmImportRun
{
  CmEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (CmImportRun, cm_import_run, CM_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_SOURCE,
  PROP_CREATED,
  PROP_UPDATED,
  PROP_SKIPPED,
  PROP_SUMMARY,
  PROP_CREATED_IDS,
  PROP_FIRST_AUDIT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
cm_import_run_validate (CmEntity *entity, GError **error)
{
  return cm_entity_require_text (cm_import_run_get_source (CM_IMPORT_RUN (entity)),
                                 _("The file imported"), error);
}

static void
cm_import_run_class_init (CmImportRunClass *klass)
{
  CmEntityClass *entity_class = CM_ENTITY_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  entity_class->validate = cm_import_run_validate;

  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, "", rw);
  properties[PROP_CREATED] = g_param_spec_int ("created", NULL, NULL, 0, G_MAXINT, 0, rw);
  properties[PROP_UPDATED] = g_param_spec_int ("updated", NULL, NULL, 0, G_MAXINT, 0, rw);
  properties[PROP_SKIPPED] = g_param_spec_int ("skipped", NULL, NULL, 0, G_MAXINT, 0, rw);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, "", rw);
  properties[PROP_CREATED_IDS] = g_param_spec_string ("created-ids", NULL, NULL, "", rw);
  properties[PROP_FIRST_AUDIT_ID] = g_param_spec_int64 ("first-audit-id", NULL, NULL, 0,
                                                        G_MAXINT64, 0, rw);
  cm_entity_class_install (entity_class, "import_run", properties, N_PROPS, NULL);
}

static void
cm_import_run_init (CmImportRun *self)
{
}

CmImportRun *
cm_import_run_new (const char *source)
{
  return g_object_new (CM_TYPE_IMPORT_RUN, "source", source, NULL);
}

const char *
cm_import_run_get_source (CmImportRun *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_SOURCE);
}

const char *
cm_import_run_get_summary (CmImportRun *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_SUMMARY);
}

/* created-ids holds "table:first-last" entries separated by spaces. */
void
cm_import_run_add_created (CmImportRun *self, const char *table, gint64 first, gint64 last)
{
  const char *ids = cm_entity_get_string (CM_ENTITY (self), PROP_CREATED_IDS);
  g_autofree char *more = g_strdup_printf ("%s%s%s:%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT,
                                           ids ? ids : "", ids && *ids ? " " : "", table,
                                           first, last);

  g_return_if_fail (strchr (table, ':') == NULL && strchr (table, ' ') == NULL);
  g_object_set (self, "created-ids", more, NULL);
}

gboolean
cm_import_run_get_created (CmImportRun *self, const char *table, gint64 *first, gint64 *last)
{
  const char *ids = cm_entity_get_string (CM_ENTITY (self), PROP_CREATED_IDS);
  g_auto(GStrv) entries = g_strsplit (ids ? ids : "", " ", -1);
  gsize length = strlen (table);

  for (guint i = 0; entries[i]; i++)
    {
      char *end = NULL;

      if (strncmp (entries[i], table, length) != 0 || entries[i][length] != ':')
        continue;
      *first = g_ascii_strtoll (entries[i] + length + 1, &end, 10);
      if (end == NULL || *end != '-')
        return FALSE;
      *last = g_ascii_strtoll (end + 1, &end, 10);
      return *end == '\0' && *first > 0 && *last >= *first;
    }
  return FALSE;
}

void
cm_import_run_set_first_audit_id (CmImportRun *self, gint64 id)
{
  g_object_set (self, "first-audit-id", id, NULL);
}

gint64
cm_import_run_get_first_audit_id (CmImportRun *self)
{
  return cm_entity_get_int64 (CM_ENTITY (self), PROP_FIRST_AUDIT_ID);
}
