/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-risk.c: one risk in a service's register, scored likelihood × impact */
#include <glib/gi18n-lib.h>

#include "cm-date.h"
#include "cm-risk.h"

struct _CmRisk
{
  CmEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (CmRisk, cm_risk, CM_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_SERVICE_ID,
  PROP_DESCRIPTION,
  PROP_CATEGORY,
  PROP_LIKELIHOOD,
  PROP_IMPACT,
  PROP_MITIGATION,
  PROP_OWNER,
  PROP_REVIEW_DATE,
  PROP_SCORE,
  PROP_SERVICE_NAME,
  PROP_SEARCH_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const CmDerivedColumn derived[] = {
  { "score", "t.likelihood * t.impact", { "risk" } },
  { "service-name", "(SELECT name FROM service WHERE id = t.service_id)", { "service" } },
  { "search-text", "cm_fold(t.description || ' ' || t.owner || ' ' ||"
                   " coalesce((SELECT name FROM service WHERE id = t.service_id), ''))",
    { "service" } },
  { NULL }
};

/* The one place the rating rule lives. */
CmRag
cm_risk_rag_of_score (int score)
{
  if (score >= 15)
    return CM_RAG_RED;
  if (score >= 8)
    return CM_RAG_AMBER;
  return CM_RAG_GREEN;
}

static gboolean
in_range (int value, const char *what, GError **error)
{
  if (value >= 1 && value <= 5)
    return TRUE;
  g_set_error (error, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID,
               _("%s must be from 1 (lowest) to 5 (highest), not %d."), what, value);
  return FALSE;
}

static gboolean
cm_risk_validate (CmEntity *entity, GError **error)
{
  CmRisk *self = CM_RISK (entity);

  if (cm_risk_get_service_id (self) == 0)
    {
      g_set_error (error, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID,
                   _("A risk belongs to a service’s register. Choose the service."));
      return FALSE;
    }
  return cm_entity_require_text (cm_risk_get_description (self), _("The risk’s description"),
                                 error) &&
         in_range (cm_entity_get_int (entity, PROP_LIKELIHOOD), _("Likelihood"), error) &&
         in_range (cm_entity_get_int (entity, PROP_IMPACT), _("Impact"), error) &&
         cm_date_validate (cm_risk_get_review_date (self), _("The review date"), FALSE, error);
}

static void
cm_risk_class_init (CmRiskClass *klass)
{
  CmEntityClass *entity_class = CM_ENTITY_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  entity_class->validate = cm_risk_validate;
  properties[PROP_SERVICE_ID] = g_param_spec_int64 ("service-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, "", rw);
  properties[PROP_CATEGORY] =
    g_param_spec_enum ("category", NULL, NULL, CM_TYPE_RISK_CATEGORY, CM_RISK_FINANCIAL, rw);
  /* Out-of-range scores are refused by validate() with a message, not by GObject. */
  properties[PROP_LIKELIHOOD] = g_param_spec_int ("likelihood", NULL, NULL, G_MININT, G_MAXINT, 1, rw);
  properties[PROP_IMPACT] = g_param_spec_int ("impact", NULL, NULL, G_MININT, G_MAXINT, 1, rw);
  properties[PROP_MITIGATION] = g_param_spec_string ("mitigation", NULL, NULL, "", rw);
  properties[PROP_OWNER] = g_param_spec_string ("owner", NULL, NULL, "", rw);
  properties[PROP_REVIEW_DATE] = g_param_spec_string ("review-date", NULL, NULL, "", rw);
  properties[PROP_SCORE] = g_param_spec_int ("score", NULL, NULL, 0, G_MAXINT, 0, rw);
  properties[PROP_SERVICE_NAME] = g_param_spec_string ("service-name", NULL, NULL, "", rw);
  properties[PROP_SEARCH_TEXT] = g_param_spec_string ("search-text", NULL, NULL, "", rw);
  cm_entity_class_install (entity_class, "risk", properties, N_PROPS, derived);
}

static void
cm_risk_init (CmRisk *self)
{
}

CmRisk *
cm_risk_new (gint64 service_id, const char *description, CmRiskCategory category,
             int likelihood, int impact)
{
  return g_object_new (CM_TYPE_RISK, "service-id", service_id, "description", description,
                       "category", category, "likelihood", likelihood, "impact", impact, NULL);
}

gint64
cm_risk_get_service_id (CmRisk *self)
{
  return cm_entity_get_int64 (CM_ENTITY (self), PROP_SERVICE_ID);
}

const char *
cm_risk_get_description (CmRisk *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_DESCRIPTION);
}

/* Worked out here as well as stored, so an unsaved risk has a score too. */
int
cm_risk_get_score (CmRisk *self)
{
  return cm_entity_get_int (CM_ENTITY (self), PROP_LIKELIHOOD) *
         cm_entity_get_int (CM_ENTITY (self), PROP_IMPACT);
}

CmRag
cm_risk_get_rag (CmRisk *self)
{
  return cm_risk_rag_of_score (cm_risk_get_score (self));
}

const char *
cm_risk_get_review_date (CmRisk *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_REVIEW_DATE);
}
