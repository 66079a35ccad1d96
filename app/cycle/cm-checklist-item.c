/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-checklist-item.c: one thing to do in one stage of a service's cycle */
#include <glib/gi18n-lib.h>

#include "cm-checklist-item.h"
#include "cm-date.h"
#include "cm-rules-xml.h"

struct _CmChecklistItem
{
  CmEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (CmChecklistItem, cm_checklist_item, CM_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_SERVICE_ID,
  PROP_CYCLE,
  PROP_STAGE,
  PROP_POSITION,
  PROP_TEMPLATE_KEY,
  PROP_TITLE,
  PROP_GUIDANCE,
  PROP_REQUIRED,
  PROP_STATE,
  PROP_EVIDENCE,
  PROP_REASON,
  PROP_DUE_DATE,
  PROP_OWNER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_blank (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  return *stripped == '\0';
}

static gboolean
cm_checklist_item_validate (CmEntity *entity, GError **error)
{
  CmChecklistItem *self = CM_CHECKLIST_ITEM (entity);

  if (!cm_entity_require_text (cm_checklist_item_get_title (self), _("The item’s title"), error))
    return FALSE;
  if (cm_checklist_item_get_service_id (self) == 0)
    {
      g_set_error (error, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID,
                   _("A checklist item belongs to a service. Choose the service first."));
      return FALSE;
    }
  if (cm_checklist_item_get_state (self) == CM_ITEM_STATE_NOT_APPLICABLE &&
      is_blank (cm_checklist_item_get_reason (self)))
    {
      g_set_error (error, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID,
                   _("“%s” can be marked not applicable only with a reason. Say why it "
                     "does not apply."), cm_checklist_item_get_title (self));
      return FALSE;
    }
  return cm_date_validate (cm_checklist_item_get_due_date (self), _("The due date"), FALSE,
                           error);
}

static void
cm_checklist_item_class_init (CmChecklistItemClass *klass)
{
  CmEntityClass *entity_class = CM_ENTITY_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  entity_class->validate = cm_checklist_item_validate;

  properties[PROP_SERVICE_ID] = g_param_spec_int64 ("service-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_CYCLE] = g_param_spec_int ("cycle", NULL, NULL, 1, G_MAXINT, 1, rw);
  properties[PROP_STAGE] =
    g_param_spec_enum ("stage", NULL, NULL, CM_TYPE_STAGE, CM_STAGE_ANALYSE, rw);
  properties[PROP_POSITION] = g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0, rw);
  properties[PROP_TEMPLATE_KEY] = g_param_spec_string ("template-key", NULL, NULL, "", rw);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", rw);
  properties[PROP_GUIDANCE] = g_param_spec_string ("guidance", NULL, NULL, "", rw);
  properties[PROP_REQUIRED] = g_param_spec_boolean ("required", NULL, NULL, TRUE, rw);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, CM_TYPE_ITEM_STATE, CM_ITEM_STATE_TO_DO, rw);
  properties[PROP_EVIDENCE] = g_param_spec_string ("evidence", NULL, NULL, "", rw);
  properties[PROP_REASON] = g_param_spec_string ("reason", NULL, NULL, "", rw);
  properties[PROP_DUE_DATE] = g_param_spec_string ("due-date", NULL, NULL, "", rw);
  properties[PROP_OWNER] = g_param_spec_string ("owner", NULL, NULL, "", rw);
  cm_entity_class_install (entity_class, "checklist_item", properties, N_PROPS, NULL);
}

static void
cm_checklist_item_init (CmChecklistItem *self)
{
}

CmChecklistItem *
cm_checklist_item_new (gint64 service_id, int cycle, CmStage stage, const char *title,
                       gboolean required)
{
  return g_object_new (CM_TYPE_CHECKLIST_ITEM, "service-id", service_id, "cycle", cycle,
                       "stage", stage, "title", title, "required", required, NULL);
}

gint64
cm_checklist_item_get_service_id (CmChecklistItem *self)
{
  return cm_entity_get_int64 (CM_ENTITY (self), PROP_SERVICE_ID);
}

int
cm_checklist_item_get_cycle (CmChecklistItem *self)
{
  return cm_entity_get_int (CM_ENTITY (self), PROP_CYCLE);
}

CmStage
cm_checklist_item_get_stage (CmChecklistItem *self)
{
  return cm_entity_get_enum (CM_ENTITY (self), PROP_STAGE);
}

int
cm_checklist_item_get_position (CmChecklistItem *self)
{
  return cm_entity_get_int (CM_ENTITY (self), PROP_POSITION);
}

const char *
cm_checklist_item_get_template_key (CmChecklistItem *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_TEMPLATE_KEY);
}

/* The template's items are stored in English, the msgid, so that one
 * portfolio shared by people with different languages stays in one; each
 * reader sees them in their own. Commissioners' own items have no key
 * and are shown as written. */
static const char *
shown (CmChecklistItem *self, guint property)
{
  const char *text = cm_entity_get_string (CM_ENTITY (self), property);

  if (*cm_checklist_item_get_template_key (self) == '\0')
    return text;
  return cm_rules_xml_translate (text);
}

const char *
cm_checklist_item_get_title (CmChecklistItem *self)
{
  return shown (self, PROP_TITLE);
}

const char *
cm_checklist_item_get_guidance (CmChecklistItem *self)
{
  return shown (self, PROP_GUIDANCE);
}

gboolean
cm_checklist_item_get_required (CmChecklistItem *self)
{
  return cm_entity_get_boolean (CM_ENTITY (self), PROP_REQUIRED);
}

CmItemState
cm_checklist_item_get_state (CmChecklistItem *self)
{
  return cm_entity_get_enum (CM_ENTITY (self), PROP_STATE);
}

const char *
cm_checklist_item_get_evidence (CmChecklistItem *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_EVIDENCE);
}

const char *
cm_checklist_item_get_reason (CmChecklistItem *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_REASON);
}

const char *
cm_checklist_item_get_due_date (CmChecklistItem *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_DUE_DATE);
}

gboolean
cm_checklist_item_is_settled (CmChecklistItem *self)
{
  switch (cm_checklist_item_get_state (self))
    {
    case CM_ITEM_STATE_DONE:
      return TRUE;
    case CM_ITEM_STATE_NOT_APPLICABLE:
      return !is_blank (cm_checklist_item_get_reason (self));
    case CM_ITEM_STATE_TO_DO:
    default:
      return FALSE;
    }
}
