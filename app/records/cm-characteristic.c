/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-characteristic.c: one entry of the list new EIAs are screened against
 *
 * The list starts as the nine protected characteristics of the Equality
 * Act 2010 plus carers and poverty (migration 008) and can be edited; an
 * EIA copies it when it starts, so later edits never change an EIA.
 */
#include <glib/gi18n-lib.h>

#include "cm-characteristic.h"

struct _CmCharacteristic
{
  CmEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (CmCharacteristic, cm_characteristic, CM_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_NAME,
  PROP_POSITION,
  PROP_SEARCH_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const CmDerivedColumn derived[] = {
  { "search-text", "cm_fold(t.name)", { "characteristic" } },
  { NULL }
};

static gboolean
cm_characteristic_validate (CmEntity *entity, GError **error)
{
  return cm_entity_require_text (cm_characteristic_get_name (CM_CHARACTERISTIC (entity)),
                                 _("The characteristic’s name"), error);
}

static void
cm_characteristic_class_init (CmCharacteristicClass *klass)
{
  CmEntityClass *entity_class = CM_ENTITY_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  entity_class->validate = cm_characteristic_validate;
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", rw);
  properties[PROP_POSITION] = g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0, rw);
  properties[PROP_SEARCH_TEXT] = g_param_spec_string ("search-text", NULL, NULL, "", rw);
  cm_entity_class_install (entity_class, "characteristic", properties, N_PROPS, derived);
}

static void
cm_characteristic_init (CmCharacteristic *self)
{
}

const char *
cm_characteristic_get_name (CmCharacteristic *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_NAME);
}

int
cm_characteristic_get_position (CmCharacteristic *self)
{
  return cm_entity_get_int (CM_ENTITY (self), PROP_POSITION);
}
