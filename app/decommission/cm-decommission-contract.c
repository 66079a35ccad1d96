/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-decommission-contract.c: a contract a decommission ends */
#include "cm-decommission-contract.h"

struct _CmDecommissionContract
{
  CmEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (CmDecommissionContract, cm_decommission_contract, CM_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_DECOMMISSION_ID,
  PROP_CONTRACT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cm_decommission_contract_class_init (CmDecommissionContractClass *klass)
{
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  properties[PROP_DECOMMISSION_ID] =
    g_param_spec_int64 ("decommission-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_CONTRACT_ID] = g_param_spec_int64 ("contract-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  cm_entity_class_install (CM_ENTITY_CLASS (klass), "decommission_contract", properties, N_PROPS,
                           NULL);
}

static void
cm_decommission_contract_init (CmDecommissionContract *self)
{
}

CmDecommissionContract *
cm_decommission_contract_new (gint64 decommission_id, gint64 contract_id)
{
  return g_object_new (CM_TYPE_DECOMMISSION_CONTRACT, "decommission-id", decommission_id,
                       "contract-id", contract_id, NULL);
}

gint64
cm_decommission_contract_get_contract_id (CmDecommissionContract *self)
{
  return cm_entity_get_int64 (CM_ENTITY (self), PROP_CONTRACT_ID);
}
