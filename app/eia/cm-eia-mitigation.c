/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-eia-mitigation.c: an action that lessens a negative impact an EIA found */
#include <glib/gi18n-lib.h>

#include "cm-date.h"
#include "cm-eia.h"
#include "cm-eia-characteristic.h"
#include "cm-eia-mitigation.h"
#include "cm-store.h"

struct _CmEiaMitigation
{
  CmEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (CmEiaMitigation, cm_eia_mitigation, CM_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_CHARACTERISTIC_ID,
  PROP_DESCRIPTION,
  PROP_OWNER,
  PROP_DUE_DATE,
  PROP_STATUS,
  PROP_EFFECTIVENESS,
  PROP_EFFECTIVENESS_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A signed-off EIA's actions are still carried out, and later rated. */
static const char * const carried_out_columns[] = {
  "status", "effectiveness", "effectiveness-note", NULL
};

static CmEia *
owning_eia (CmStore *store, CmEiaMitigation *self)
{
  g_autoptr(CmEntity) characteristic =
    cm_store_load (store, CM_TYPE_EIA_CHARACTERISTIC,
                   cm_eia_mitigation_get_characteristic_id (self), NULL);

  if (characteristic == NULL)
    return NULL;
  return CM_EIA (cm_store_load (store, CM_TYPE_EIA,
                                cm_eia_characteristic_get_eia_id (
                                  CM_EIA_CHARACTERISTIC (characteristic)), NULL));
}

static gboolean
cm_eia_mitigation_check_change (CmEntity *before, CmEntity *after, CmStore *store,
                                GError **error)
{
  g_autoptr(CmEia) eia = owning_eia (store, CM_EIA_MITIGATION (after ? after : before));

  if (eia == NULL || !cm_eia_get_signed (eia))
    return TRUE;
  if (before && after && cm_entity_first_change (before, after, carried_out_columns) == NULL)
    return TRUE;
  return cm_eia_refuse_change (eia, _("its mitigations"), error);
}

static gboolean
cm_eia_mitigation_validate (CmEntity *entity, GError **error)
{
  CmEiaMitigation *self = CM_EIA_MITIGATION (entity);

  return cm_entity_require_text (cm_eia_mitigation_get_description (self),
                                 _("The mitigating action"), error) &&
         cm_date_validate (cm_eia_mitigation_get_due_date (self), _("The due date"), FALSE,
                           error);
}

static void
cm_eia_mitigation_class_init (CmEiaMitigationClass *klass)
{
  CmEntityClass *entity_class = CM_ENTITY_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  entity_class->validate = cm_eia_mitigation_validate;
  entity_class->check_change = cm_eia_mitigation_check_change;

  properties[PROP_CHARACTERISTIC_ID] =
    g_param_spec_int64 ("characteristic-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, "", rw);
  properties[PROP_OWNER] = g_param_spec_string ("owner", NULL, NULL, "", rw);
  properties[PROP_DUE_DATE] = g_param_spec_string ("due-date", NULL, NULL, "", rw);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, CM_TYPE_MITIGATION_STATUS, CM_MITIGATION_PLANNED,
                       rw);
  properties[PROP_EFFECTIVENESS] = g_param_spec_int ("effectiveness", NULL, NULL, 0, 5, 0, rw);
  properties[PROP_EFFECTIVENESS_NOTE] =
    g_param_spec_string ("effectiveness-note", NULL, NULL, "", rw);
  cm_entity_class_install (entity_class, "eia_mitigation", properties, N_PROPS, NULL);
}

static void
cm_eia_mitigation_init (CmEiaMitigation *self)
{
}

CmEiaMitigation *
cm_eia_mitigation_new (gint64 characteristic_id, const char *description, const char *owner,
                       const char *due_date)
{
  return g_object_new (CM_TYPE_EIA_MITIGATION, "characteristic-id", characteristic_id,
                       "description", description, "owner", owner, "due-date", due_date, NULL);
}

gint64
cm_eia_mitigation_get_characteristic_id (CmEiaMitigation *self)
{
  return cm_entity_get_int64 (CM_ENTITY (self), PROP_CHARACTERISTIC_ID);
}

const char *
cm_eia_mitigation_get_description (CmEiaMitigation *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_DESCRIPTION);
}

const char *
cm_eia_mitigation_get_owner (CmEiaMitigation *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_OWNER);
}

const char *
cm_eia_mitigation_get_due_date (CmEiaMitigation *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_DUE_DATE);
}

CmMitigationStatus
cm_eia_mitigation_get_status (CmEiaMitigation *self)
{
  return cm_entity_get_enum (CM_ENTITY (self), PROP_STATUS);
}

