/* cm-import-run.c: the record of one import of a contracts register */
#include <glib/gi18n-lib.h>

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
