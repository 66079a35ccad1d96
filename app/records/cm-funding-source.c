/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-funding-source.c: one source of a service's money, with its amount */
#include <glib/gi18n-lib.h>

#include "cm-funding-source.h"

struct _CmFundingSource
{
  CmEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (CmFundingSource, cm_funding_source, CM_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_SERVICE_ID,
  PROP_ORGANISATION_ID,
  PROP_DESCRIPTION,
  PROP_AMOUNT,
  PROP_ORGANISATION_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const CmDerivedColumn derived[] = {
  { "organisation-name", "(SELECT name FROM organisation WHERE id = t.organisation_id)",
    { "organisation" } },
  { NULL }
};

static gboolean
cm_funding_source_validate (CmEntity *entity, GError **error)
{
  if (cm_entity_get_int64 (entity, PROP_SERVICE_ID) == 0 ||
      cm_entity_get_int64 (entity, PROP_AMOUNT) < 0)
    {
      g_set_error (error, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID,
                   _("A funding source needs a service and an amount of zero or more."));
      return FALSE;
    }
  return TRUE;
}

static void
cm_funding_source_class_init (CmFundingSourceClass *klass)
{
  CmEntityClass *entity_class = CM_ENTITY_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  entity_class->validate = cm_funding_source_validate;

  properties[PROP_SERVICE_ID] = g_param_spec_int64 ("service-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_ORGANISATION_ID] =
    g_param_spec_int64 ("organisation-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, "", rw);
  properties[PROP_AMOUNT] = g_param_spec_int64 ("amount", NULL, NULL, G_MININT64, G_MAXINT64, 0, rw);
  properties[PROP_ORGANISATION_NAME] =
    g_param_spec_string ("organisation-name", NULL, NULL, "", rw);
  cm_entity_class_install (entity_class, "funding_source", properties, N_PROPS, derived);
}

static void
cm_funding_source_init (CmFundingSource *self)
{
}

CmFundingSource *
cm_funding_source_new (gint64 service_id, gint64 organisation_id,
                       const char *description, gint64 amount)
{
  return g_object_new (CM_TYPE_FUNDING_SOURCE, "service-id", service_id,
                       "organisation-id", organisation_id, "description", description,
                       "amount", amount, NULL);
}
