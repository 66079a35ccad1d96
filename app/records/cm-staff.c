/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-staff.c: a member of the commissioning staff, and their EIA training */
#include <glib/gi18n-lib.h>

#include "cm-date.h"
#include "cm-staff.h"

struct _CmStaff
{
  CmEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (CmStaff, cm_staff, CM_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_NAME,
  PROP_ROLE,
  PROP_EIA_TRAINED_ON,
  PROP_REFRESHER_MONTHS,
  PROP_SEARCH_TEXT,
  PROP_REFRESHER_DUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const CmDerivedColumn derived[] = {
  { "search-text", "cm_fold(t.name || ' ' || t.role)", { "staff" } },
  { "refresher-due", "CASE WHEN t.eia_trained_on = '' THEN '' ELSE"
    " cm_add_months(t.eia_trained_on, t.refresher_months) END", { "staff" } },
  { NULL }
};

static gboolean
cm_staff_validate (CmEntity *entity, GError **error)
{
  CmStaff *self = CM_STAFF (entity);

  return cm_entity_require_text (cm_staff_get_name (self), _("The person’s name"), error) &&
         cm_date_validate (cm_staff_get_eia_trained_on (self), _("The EIA training date"),
                           FALSE, error);
}

static void
cm_staff_class_init (CmStaffClass *klass)
{
  CmEntityClass *entity_class = CM_ENTITY_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  entity_class->validate = cm_staff_validate;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", rw);
  properties[PROP_ROLE] = g_param_spec_string ("role", NULL, NULL, "", rw);
  properties[PROP_EIA_TRAINED_ON] = g_param_spec_string ("eia-trained-on", NULL, NULL, "", rw);
  properties[PROP_REFRESHER_MONTHS] =
    g_param_spec_int ("refresher-months", NULL, NULL, 1, 120, 24, rw);
  properties[PROP_SEARCH_TEXT] = g_param_spec_string ("search-text", NULL, NULL, "", rw);
  properties[PROP_REFRESHER_DUE] = g_param_spec_string ("refresher-due", NULL, NULL, "", rw);
  cm_entity_class_install (entity_class, "staff", properties, N_PROPS, derived);
}

static void
cm_staff_init (CmStaff *self)
{
}

CmStaff *
cm_staff_new (const char *name, const char *role, const char *trained_on)
{
  return g_object_new (CM_TYPE_STAFF, "name", name, "role", role,
                       "eia-trained-on", trained_on, NULL);
}

const char *
cm_staff_get_name (CmStaff *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_NAME);
}

const char *
cm_staff_get_eia_trained_on (CmStaff *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_EIA_TRAINED_ON);
}

int
cm_staff_get_refresher_months (CmStaff *self)
{
  return cm_entity_get_int (CM_ENTITY (self), PROP_REFRESHER_MONTHS);
}

CmTraining
cm_staff_training (CmStaff *self, const GDate *today, GDate *refresher_due)
{
  GDate due;

  if (refresher_due)
    g_date_clear (refresher_due, 1);
  if (!cm_date_parse_iso (cm_staff_get_eia_trained_on (self), &due))
    return CM_TRAINING_MISSING;
  g_date_add_months (&due, cm_staff_get_refresher_months (self));
  if (refresher_due)
    *refresher_due = due;
  return g_date_compare (today, &due) < 0 ? CM_TRAINING_CURRENT : CM_TRAINING_OUT_OF_DATE;
}
