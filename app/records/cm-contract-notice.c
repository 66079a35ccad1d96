/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-contract-notice.c: a procurement notice published for a contract: its date and identifier */
#include <glib/gi18n-lib.h>

#include "cm-contract-notice.h"
#include "cm-date.h"

struct _CmContractNotice
{
  CmEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (CmContractNotice, cm_contract_notice, CM_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_CONTRACT_ID,
  PROP_CODE,
  PROP_PUBLISHED_ON,
  PROP_IDENTIFIER,
  PROP_CONTRACT_NAME,
  PROP_SEARCH_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const CmDerivedColumn derived[] = {
  { "contract-name",
    "(SELECT reference || ' — ' || title FROM contract WHERE id = t.contract_id)",
    { "contract" } },
  { "search-text", "cm_fold(t.code || ' ' || t.identifier || ' ' || coalesce((SELECT reference"
                   " || ' ' || title FROM contract WHERE id = t.contract_id), ''))",
    { "contract" } },
  { NULL }
};

static gboolean
cm_contract_notice_validate (CmEntity *entity, GError **error)
{
  CmContractNotice *self = CM_CONTRACT_NOTICE (entity);

  if (cm_contract_notice_get_contract_id (self) == 0)
    {
      g_set_error (error, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID,
                   _("A notice belongs to a contract. Choose the contract."));
      return FALSE;
    }
  return cm_entity_require_text (cm_contract_notice_get_code (self),
                                 _("The notice’s code, such as UK7,"), error) &&
         cm_date_validate (cm_contract_notice_get_published_on (self), _("The date published"),
                           FALSE, error);
}

static void
cm_contract_notice_class_init (CmContractNoticeClass *klass)
{
  CmEntityClass *entity_class = CM_ENTITY_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  entity_class->validate = cm_contract_notice_validate;
  properties[PROP_CONTRACT_ID] =
    g_param_spec_int64 ("contract-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, "", rw);
  properties[PROP_PUBLISHED_ON] = g_param_spec_string ("published-on", NULL, NULL, "", rw);
  properties[PROP_IDENTIFIER] = g_param_spec_string ("identifier", NULL, NULL, "", rw);
  properties[PROP_CONTRACT_NAME] = g_param_spec_string ("contract-name", NULL, NULL, "", rw);
  properties[PROP_SEARCH_TEXT] = g_param_spec_string ("search-text", NULL, NULL, "", rw);
  cm_entity_class_install (entity_class, "contract_notice", properties, N_PROPS, derived);
}

static void
cm_contract_notice_init (CmContractNotice *self)
{
}

CmContractNotice *
cm_contract_notice_new (gint64 contract_id, const char *code, const char *published_on,
                        const char *identifier)
{
  return g_object_new (CM_TYPE_CONTRACT_NOTICE, "contract-id", contract_id, "code", code,
                       "published-on", published_on ? published_on : "",
                       "identifier", identifier ? identifier : "", NULL);
}

gint64
cm_contract_notice_get_contract_id (CmContractNotice *self)
{
  return cm_entity_get_int64 (CM_ENTITY (self), PROP_CONTRACT_ID);
}

const char *
cm_contract_notice_get_code (CmContractNotice *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_CODE);
}

const char *
cm_contract_notice_get_published_on (CmContractNotice *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_PUBLISHED_ON);
}

const char *
cm_contract_notice_get_identifier (CmContractNotice *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_IDENTIFIER);
}
