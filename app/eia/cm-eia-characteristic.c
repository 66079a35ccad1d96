/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-eia-characteristic.c: one characteristic as an EIA assessed it */
#include <glib/gi18n-lib.h>

#include "cm-eia.h"
#include "cm-eia-characteristic.h"
#include "cm-store.h"

struct _CmEiaCharacteristic
{
  CmEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (CmEiaCharacteristic, cm_eia_characteristic, CM_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_EIA_ID,
  PROP_POSITION,
  PROP_NAME,
  PROP_RELEVANCE,
  PROP_SCREENING_REASON,
  PROP_IMPACT,
  PROP_EVIDENCE,
  PROP_HAPPENED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* After sign-off only the review's finding may be recorded. */
static const char * const review_columns[] = { "happened", NULL };

static gboolean
cm_eia_characteristic_check_change (CmEntity *before, CmEntity *after, CmStore *store,
                                    GError **error)
{
  CmEntity *any = after ? after : before;
  gint64 eia_id = cm_eia_characteristic_get_eia_id (CM_EIA_CHARACTERISTIC (any));
  g_autoptr(CmEntity) eia = cm_store_load (store, CM_TYPE_EIA, eia_id, NULL);

  if (eia == NULL || !cm_eia_get_signed (CM_EIA (eia)))
    return TRUE;
  if (before && after && cm_entity_first_change (before, after, review_columns) == NULL)
    return TRUE;
  return cm_eia_refuse_change (CM_EIA (eia), _("its characteristics"), error);
}

static gboolean
cm_eia_characteristic_validate (CmEntity *entity, GError **error)
{
  return cm_entity_require_text (cm_eia_characteristic_get_name (CM_EIA_CHARACTERISTIC (entity)),
                                 _("The characteristic’s name"), error);
}

static void
cm_eia_characteristic_class_init (CmEiaCharacteristicClass *klass)
{
  CmEntityClass *entity_class = CM_ENTITY_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  entity_class->validate = cm_eia_characteristic_validate;
  entity_class->check_change = cm_eia_characteristic_check_change;

  properties[PROP_EIA_ID] = g_param_spec_int64 ("eia-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_POSITION] = g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0, rw);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", rw);
  properties[PROP_RELEVANCE] =
    g_param_spec_enum ("relevance", NULL, NULL, CM_TYPE_RELEVANCE, CM_RELEVANCE_UNANSWERED, rw);
  properties[PROP_SCREENING_REASON] = g_param_spec_string ("screening-reason", NULL, NULL, "", rw);
  properties[PROP_IMPACT] =
    g_param_spec_enum ("impact", NULL, NULL, CM_TYPE_IMPACT, CM_IMPACT_UNKNOWN, rw);
  properties[PROP_EVIDENCE] = g_param_spec_string ("evidence", NULL, NULL, "", rw);
  properties[PROP_HAPPENED] =
    g_param_spec_enum ("happened", NULL, NULL, CM_TYPE_HAPPENED, CM_HAPPENED_NOT_REVIEWED, rw);
  cm_entity_class_install (entity_class, "eia_characteristic", properties, N_PROPS, NULL);
}

static void
cm_eia_characteristic_init (CmEiaCharacteristic *self)
{
}

gint64
cm_eia_characteristic_get_eia_id (CmEiaCharacteristic *self)
{
  return cm_entity_get_int64 (CM_ENTITY (self), PROP_EIA_ID);
}

const char *
cm_eia_characteristic_get_name (CmEiaCharacteristic *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_NAME);
}

CmRelevance
cm_eia_characteristic_get_relevance (CmEiaCharacteristic *self)
{
  return cm_entity_get_enum (CM_ENTITY (self), PROP_RELEVANCE);
}

const char *
cm_eia_characteristic_get_screening_reason (CmEiaCharacteristic *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_SCREENING_REASON);
}

CmImpact
cm_eia_characteristic_get_impact (CmEiaCharacteristic *self)
{
  return cm_entity_get_enum (CM_ENTITY (self), PROP_IMPACT);
}

const char *
cm_eia_characteristic_get_evidence (CmEiaCharacteristic *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_EVIDENCE);
}

