/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-decision-evidence.c: whether a decision was informed by a signed EIA */
#include <glib/gi18n-lib.h>

#include "cm-date.h"
#include "cm-decision-evidence.h"
#include "cm-service.h"

static gboolean
is_blank (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  return *stripped == '\0';
}

CmEiaEvidence
cm_eia_evidence_judge (CmEia *eia, const char *decided_on)
{
  if (eia == NULL)
    return CM_EIA_EVIDENCE_NONE;
  /* Signed with no day recorded proves nothing about the order. */
  if (!cm_eia_get_signed (eia) || is_blank (cm_eia_get_signed_on (eia)))
    return CM_EIA_EVIDENCE_UNSIGNED;
  if (is_blank (decided_on))
    return CM_EIA_EVIDENCE_UNDATED;
  /* ISO dates compare as text; a decision on the sign-off day follows it. */
  if (g_strcmp0 (decided_on, cm_eia_get_signed_on (eia)) < 0)
    return CM_EIA_EVIDENCE_TOO_EARLY;
  return CM_EIA_EVIDENCE_SOUND;
}

void
cm_decision_evidence_free (CmDecisionEvidence *evidence)
{
  if (evidence == NULL)
    return;
  g_clear_object (&evidence->record);
  g_clear_object (&evidence->eia);
  g_free (evidence->decided_on);
  g_free (evidence->override);
  g_free (evidence->problem);
  g_free (evidence);
}

static char *
problem_text (CmStore *store, CmDecisionEvidence *e)
{
  CmEntity *service = cm_store_find (store, CM_TYPE_SERVICE, e->service_id);
  const char *name = service ? cm_service_get_name (CM_SERVICE (service)) : "";
  /* Translators: sits inside "the decision to %s “service”" */
  const char *verb = e->recommission ? _("re-commission") : _("decommission");
  g_autofree char *decided = NULL;
  g_autofree char *signed_on = NULL;

  switch (e->evidence)
    {
    case CM_EIA_EVIDENCE_NONE:
      return g_strdup_printf (_("The decision to %s “%s” names no signed equality impact "
                                "assessment. Choose the signed EIA that informed it, or give "
                                "a reason for the decision to stand without one."), verb, name);
    case CM_EIA_EVIDENCE_UNSIGNED:
      return g_strdup_printf (_("The EIA named for the decision to %s “%s” is not signed off. "
                                "Sign it off and take the decision again, or give a reason for "
                                "the decision to stand."), verb, name);
    case CM_EIA_EVIDENCE_UNDATED:
      return g_strdup_printf (_("The decision to %s “%s” has no date, so nothing shows it "
                                "followed its EIA. Record the decision date."), verb, name);
    case CM_EIA_EVIDENCE_TOO_EARLY:
      decided = cm_date_format_long (e->decided_on);
      signed_on = cm_date_format_long (cm_eia_get_signed_on (e->eia));
      return g_strdup_printf (_("The decision to %s “%s” was taken on %s, before its EIA was "
                                "signed off on %s: the assessment must inform the decision. "
                                "Take the decision again after the sign-off, or give a reason "
                                "for it to stand."), verb, name, decided, signed_on);
    case CM_EIA_EVIDENCE_SOUND:
    default:
      return NULL;
    }
}

static CmDecisionEvidence *
evidence_new (CmStore *store, CmEntity *record, gint64 service_id, gboolean recommission,
              const char *decided_on, gint64 eia_id, const char *override)
{
  CmDecisionEvidence *e = g_new0 (CmDecisionEvidence, 1);
  CmEntity *eia = eia_id ? cm_store_find (store, CM_TYPE_EIA, eia_id) : NULL;

  e->record = g_object_ref (record);
  e->service_id = service_id;
  e->recommission = recommission;
  e->decided_on = g_strdup (decided_on);
  e->eia = eia ? g_object_ref (CM_EIA (eia)) : NULL;
  e->override = g_strdup (override);
  e->evidence = cm_eia_evidence_judge (e->eia, decided_on);
  e->problem = problem_text (store, e);
  return e;
}

CmDecisionEvidence *
cm_decision_evidence_of_decommission (CmStore *store, CmDecommission *decommission)
{
  return evidence_new (store, CM_ENTITY (decommission),
                       cm_decommission_get_service_id (decommission), FALSE,
                       cm_decommission_get_decision_date (decommission),
                       cm_decommission_get_eia_id (decommission),
                       cm_decommission_get_eia_override (decommission));
}

CmDecisionEvidence *
cm_decision_evidence_of_event (CmStore *store, CmStageEvent *event)
{
  if (cm_stage_event_get_decision (event) != CM_REVIEW_DECISION_RECOMMISSION ||
      *cm_stage_event_get_decided_on (event) == '\0')
    return NULL;
  return evidence_new (store, CM_ENTITY (event), cm_stage_event_get_service_id (event), TRUE,
                       cm_stage_event_get_decided_on (event), cm_stage_event_get_eia_id (event),
                       cm_stage_event_get_eia_override (event));
}

gboolean
cm_decision_evidence_is_flagged (const CmDecisionEvidence *evidence)
{
  return evidence->problem != NULL && is_blank (evidence->override);
}

GPtrArray *
cm_decision_evidence_all (CmStore *store)
{
  GListModel *decommissions = cm_store_list (store, CM_TYPE_DECOMMISSION);
  GListModel *events = cm_store_list (store, CM_TYPE_STAGE_EVENT);
  GPtrArray *all = g_ptr_array_new_with_free_func ((GDestroyNotify) cm_decision_evidence_free);

  for (guint i = 0; i < g_list_model_get_n_items (decommissions); i++)
    {
      g_autoptr(CmDecommission) d = g_list_model_get_item (decommissions, i);

      g_ptr_array_add (all, cm_decision_evidence_of_decommission (store, d));
    }
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(CmStageEvent) event = g_list_model_get_item (events, i);
      CmDecisionEvidence *e = cm_decision_evidence_of_event (store, event);

      if (e)
        g_ptr_array_add (all, e);
    }
  return all;
}

GPtrArray *
cm_decision_evidence_flagged (CmStore *store)
{
  GPtrArray *all = cm_decision_evidence_all (store);

  for (guint i = all->len; i-- > 0;)
    if (!cm_decision_evidence_is_flagged (g_ptr_array_index (all, i)))
      g_ptr_array_remove_index (all, i);
  return all;
}

gint64
cm_decision_evidence_default_eia (CmStore *store, gint64 service_id, CmEiaDecision decision,
                                  const char *decided_on)
{
  GListModel *eias = cm_store_list (store, CM_TYPE_EIA);
  CmEia *best = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (eias); i++)
    {
      g_autoptr(CmEia) eia = g_list_model_get_item (eias, i);
      const char *on = cm_eia_get_signed_on (eia);

      if (cm_eia_get_service_id (eia) != service_id || !cm_eia_get_signed (eia) ||
          cm_eia_get_decision (eia) != decision ||
          (!is_blank (decided_on) && g_strcmp0 (on, decided_on) > 0))
        continue;
      if (best == NULL || g_strcmp0 (on, cm_eia_get_signed_on (best)) >= 0)
        best = eia;
    }
  return best ? cm_entity_get_id (CM_ENTITY (best)) : 0;
}

static gint64
service_of (CmEntity *record)
{
  gint64 id = 0;

  g_object_get (record, "service-id", &id, NULL);
  return id;
}

gboolean
cm_decision_evidence_set_eia (CmStore *store, CmEntity *record, gint64 eia_id, GError **error)
{
  CmEntity *eia = eia_id ? cm_store_find (store, CM_TYPE_EIA, eia_id) : NULL;
  g_autoptr(CmEntity) draft = NULL;

  if (eia_id && (eia == NULL || cm_eia_get_service_id (CM_EIA (eia)) != service_of (record)))
    {
      g_set_error (error, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID,
                   _("That EIA assesses another service. Choose an EIA of this service."));
      return FALSE;
    }
  if (eia && !cm_eia_get_signed (CM_EIA (eia)))
    {
      g_set_error (error, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID,
                   _("Version %d of this EIA is not signed off, so it cannot have informed a "
                     "decision. Sign it off first, from its service or under Assessments (EIAs)."),
                   cm_eia_get_version (CM_EIA (eia)));
      return FALSE;
    }
  draft = cm_entity_copy (record);
  g_object_set (draft, "eia-id", eia_id, NULL);
  return cm_store_save (store, draft, error);
}

gboolean
cm_decision_evidence_override (CmStore *store, CmEntity *record, const char *reason,
                               GError **error)
{
  g_autoptr(CmEntity) draft = NULL;

  if (is_blank (reason))
    {
      g_set_error (error, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID,
                   _("Give the reason the decision stands without a signed EIA before it: it "
                     "is kept in the audit trail."));
      return FALSE;
    }
  draft = cm_entity_copy (record);
  g_object_set (draft, "eia-override", reason, NULL);
  return cm_store_save (store, draft, error);
}
