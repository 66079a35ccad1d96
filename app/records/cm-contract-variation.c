/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-contract-variation.c: a dated change to a contract's value, term or scope, with its reason */
#include <glib/gi18n-lib.h>

#include "cm-contract-variation.h"
#include "cm-date.h"
#include "cm-term.h"

struct _CmContractVariation
{
  CmEntity parent_instance;
};

G_DEFINE_ENUM_TYPE (CmVariationKind, cm_variation_kind,
  G_DEFINE_ENUM_VALUE (CM_VARIATION_KIND_VALUE, "value"),
  G_DEFINE_ENUM_VALUE (CM_VARIATION_KIND_TERM, "term"),
  G_DEFINE_ENUM_VALUE (CM_VARIATION_KIND_SCOPE, "scope"))

G_DEFINE_FINAL_TYPE (CmContractVariation, cm_contract_variation, CM_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_CONTRACT_ID,
  PROP_MADE_ON,
  PROP_KIND,
  PROP_DESCRIPTION,
  PROP_REASON,
  PROP_VALUE_CHANGE,
  PROP_TERM_CHANGE,
  PROP_CHANGE_NOTICE,
  PROP_CHANGE_NOTICE_ON,
  PROP_CONTRACT_NAME,
  PROP_SEARCH_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const CmDerivedColumn derived[] = {
  { "contract-name",
    "(SELECT reference || ' — ' || title FROM contract WHERE id = t.contract_id)",
    { "contract" } },
  { "search-text", "cm_fold(t.description || ' ' || t.reason || ' ' || coalesce((SELECT"
                   " reference || ' ' || title FROM contract WHERE id = t.contract_id), ''))",
    { "contract" } },
  { NULL }
};

static gboolean
cm_contract_variation_validate (CmEntity *entity, GError **error)
{
  CmContractVariation *self = CM_CONTRACT_VARIATION (entity);
  const char *term_change = cm_contract_variation_get_term_change (self);
  CmPeriod period;

  if (cm_contract_variation_get_contract_id (self) == 0)
    {
      g_set_error (error, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID,
                   _("A variation belongs to a contract. Choose the contract."));
      return FALSE;
    }
  if (*term_change && !cm_period_parse (term_change, &period, error))
    return FALSE;
  return cm_date_validate (cm_contract_variation_get_made_on (self),
                           _("The date the variation was made"), TRUE, error) &&
         cm_entity_require_text (cm_contract_variation_get_description (self),
                                 _("What the variation changes"), error) &&
         cm_entity_require_text (cm_entity_get_string (entity, PROP_REASON),
                                 _("The reason for the variation"), error) &&
         cm_date_validate (cm_contract_variation_get_change_notice_on (self),
                           _("The date the change notice was published"), FALSE, error);
}

static void
cm_contract_variation_class_init (CmContractVariationClass *klass)
{
  CmEntityClass *entity_class = CM_ENTITY_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  entity_class->validate = cm_contract_variation_validate;
  properties[PROP_CONTRACT_ID] =
    g_param_spec_int64 ("contract-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_MADE_ON] = g_param_spec_string ("made-on", NULL, NULL, "", rw);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, CM_TYPE_VARIATION_KIND,
                                             CM_VARIATION_KIND_VALUE, rw);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, "", rw);
  properties[PROP_REASON] = g_param_spec_string ("reason", NULL, NULL, "", rw);
  properties[PROP_VALUE_CHANGE] =
    g_param_spec_int64 ("value-change", NULL, NULL, G_MININT64, G_MAXINT64, 0, rw);
  properties[PROP_TERM_CHANGE] = g_param_spec_string ("term-change", NULL, NULL, "", rw);
  properties[PROP_CHANGE_NOTICE] = g_param_spec_string ("change-notice", NULL, NULL, "", rw);
  properties[PROP_CHANGE_NOTICE_ON] =
    g_param_spec_string ("change-notice-on", NULL, NULL, "", rw);
  properties[PROP_CONTRACT_NAME] = g_param_spec_string ("contract-name", NULL, NULL, "", rw);
  properties[PROP_SEARCH_TEXT] = g_param_spec_string ("search-text", NULL, NULL, "", rw);
  cm_entity_class_install (entity_class, "contract_variation", properties, N_PROPS, derived);
}

static void
cm_contract_variation_init (CmContractVariation *self)
{
}

CmContractVariation *
cm_contract_variation_new (gint64 contract_id, const char *made_on, CmVariationKind kind,
                           const char *description, const char *reason)
{
  return g_object_new (CM_TYPE_CONTRACT_VARIATION, "contract-id", contract_id,
                       "made-on", made_on, "kind", kind, "description", description,
                       "reason", reason, NULL);
}

gint64
cm_contract_variation_get_contract_id (CmContractVariation *self)
{
  return cm_entity_get_int64 (CM_ENTITY (self), PROP_CONTRACT_ID);
}

const char *
cm_contract_variation_get_made_on (CmContractVariation *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_MADE_ON);
}

CmVariationKind
cm_contract_variation_get_kind (CmContractVariation *self)
{
  return cm_entity_get_enum (CM_ENTITY (self), PROP_KIND);
}

const char *
cm_contract_variation_get_description (CmContractVariation *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_DESCRIPTION);
}

gint64
cm_contract_variation_get_value_change (CmContractVariation *self)
{
  return cm_entity_get_int64 (CM_ENTITY (self), PROP_VALUE_CHANGE);
}

const char *
cm_contract_variation_get_term_change (CmContractVariation *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_TERM_CHANGE);
}

const char *
cm_contract_variation_get_change_notice (CmContractVariation *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_CHANGE_NOTICE);
}

const char *
cm_contract_variation_get_change_notice_on (CmContractVariation *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_CHANGE_NOTICE_ON);
}
