/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-checklist.c: the checklist of each stage of a service's cycle */
#include <glib/gi18n-lib.h>

#include "cm-checklist.h"
#include "cm-rules-xml.h"

#define TEMPLATE_RESOURCE "/org/commissioner/Commissioner/rules/cycle-template.xml"

/* The shipped template never changes while the application runs. */
static xmlNode *
template_root (void)
{
  static xmlDoc *template;

  if (g_once_init_enter (&template))
    {
      g_autoptr(GError) error = NULL;
      xmlDoc *loaded = cm_rules_xml_load (TEMPLATE_RESOURCE, "cycle-template", &error);

      if (loaded == NULL)
        g_error ("The cycle template cannot be read: %s", error->message);
      g_once_init_leave (&template, loaded);
    }
  return xmlDocGetRootElement (template);
}

static CmChecklistItem *
template_item (xmlNode *node, gint64 service_id, int cycle, CmStage stage, int position)
{
  g_autofree char *required = cm_rules_xml_attribute (node, "required");
  g_autofree char *key = cm_rules_xml_attribute (node, "key");
  /* Stored as the msgid; the item's getters translate it when shown. */
  g_autofree char *title = cm_rules_xml_text (node, "title");
  g_autofree char *guidance = cm_rules_xml_text (node, "guidance");
  CmChecklistItem *item = cm_checklist_item_new (service_id, cycle, stage, title,
                                                 g_str_equal (required, "true"));

  g_object_set (item, "position", position, "template-key", key, "guidance", guidance, NULL);
  return item;
}

static void
add_template_items (GPtrArray *items, gint64 service_id, int cycle, CmStage stage)
{
  const char *nick = cm_enum_to_nick (CM_TYPE_STAGE, stage);

  for (xmlNode *entry = cm_rules_xml_child (template_root (), "stage"); entry;
       entry = cm_rules_xml_next (entry))
    {
      g_autofree char *name = cm_rules_xml_attribute (entry, "name");
      int position = 0;

      if (g_strcmp0 (name, nick) != 0)
        continue;
      for (xmlNode *node = cm_rules_xml_child (entry, "item"); node;
           node = cm_rules_xml_next (node))
        g_ptr_array_add (items, template_item (node, service_id, cycle, stage, position++));
    }
}

static gint
by_position (gconstpointer a, gconstpointer b)
{
  CmChecklistItem *x = *(CmChecklistItem **) a, *y = *(CmChecklistItem **) b;
  int dx = cm_checklist_item_get_position (x), dy = cm_checklist_item_get_position (y);

  if (dx != dy)
    return dx < dy ? -1 : 1;
  return cm_entity_get_id (CM_ENTITY (x)) < cm_entity_get_id (CM_ENTITY (y)) ? -1 : 1;
}

/* The stored items of one cycle, at @stage or, with @any_stage, all. */
static GPtrArray *
stored_items (CmStore *store, gint64 service_id, int cycle, CmStage stage, gboolean any_stage)
{
  GListModel *all = cm_store_list (store, CM_TYPE_CHECKLIST_ITEM);
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(CmChecklistItem) item = g_list_model_get_item (all, i);

      if (cm_checklist_item_get_service_id (item) == service_id &&
          cm_checklist_item_get_cycle (item) == cycle &&
          (any_stage || cm_checklist_item_get_stage (item) == stage))
        g_ptr_array_add (items, g_steal_pointer (&item));
    }
  g_ptr_array_sort (items, by_position);
  return items;
}

GPtrArray *
cm_checklist_items (CmStore *store, gint64 service_id, int cycle, CmStage stage)
{
  g_autoptr(GPtrArray) cycle_items = stored_items (store, service_id, cycle, stage, TRUE);
  GPtrArray *items;

  if (cycle_items->len == 0)
    {
      items = g_ptr_array_new_with_free_func (g_object_unref);
      add_template_items (items, service_id, cycle, stage);
      return items;
    }
  return stored_items (store, service_id, cycle, stage, FALSE);
}

/* The cycle's stored items; when it has none, the template's items for
 * every stage, written now. The store's lists catch up only at commit, so
 * callers inside the transaction look items up here. */
static GPtrArray *
instantiate_cycle (CmStore *store, CmService *service, int cycle, GError **error)
{
  gint64 id = cm_entity_get_id (CM_ENTITY (service));
  g_autoptr(GPtrArray) items = stored_items (store, id, cycle, 0, TRUE);

  if (items->len > 0)
    return g_steal_pointer (&items);
  for (CmStage stage = CM_STAGE_ANALYSE; stage <= CM_STAGE_REVIEW; stage++)
    add_template_items (items, id, cycle, stage);
  for (guint i = 0; i < items->len; i++)
    if (!cm_store_save (store, g_ptr_array_index (items, i), error))
      return NULL;
  return g_steal_pointer (&items);
}

/* A copy of the stored twin of an unsaved template item, with the draft's
 * values, ready to save over it. */
static CmEntity *
onto_stored_twin (GPtrArray *items, CmChecklistItem *draft)
{
  for (guint i = 0; i < items->len; i++)
    {
      CmChecklistItem *item = g_ptr_array_index (items, i);
      CmEntity *twin;

      if (cm_checklist_item_get_stage (item) != cm_checklist_item_get_stage (draft) ||
          g_strcmp0 (cm_checklist_item_get_template_key (item),
                     cm_checklist_item_get_template_key (draft)) != 0)
        continue;
      twin = cm_entity_copy (CM_ENTITY (draft));
      cm_entity_set_id (twin, cm_entity_get_id (CM_ENTITY (item)));
      cm_entity_set_version (twin, cm_entity_get_version (CM_ENTITY (item)));
      return twin;
    }
  return g_object_ref (CM_ENTITY (draft));
}

static CmService *
service_of (CmStore *store, CmChecklistItem *item, GError **error)
{
  CmEntity *service = cm_store_find (store, CM_TYPE_SERVICE,
                                     cm_checklist_item_get_service_id (item));

  if (service == NULL)
    g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_FOUND,
                 _("The service of this checklist no longer exists."));
  return CM_SERVICE (service);
}

gboolean
cm_checklist_save_item (CmStore *store, CmChecklistItem *item, GError **error)
{
  CmService *service;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(CmEntity) twin = NULL;

  if (cm_entity_get_id (CM_ENTITY (item)) != 0)
    return cm_store_save (store, CM_ENTITY (item), error);
  if ((service = service_of (store, item, error)) == NULL ||
      !cm_entity_validate (CM_ENTITY (item), error) || !cm_store_begin (store, error))
    return FALSE;
  items = instantiate_cycle (store, service, cm_checklist_item_get_cycle (item), error);
  if (items == NULL)
    goto failed;
  twin = onto_stored_twin (items, item);
  if (!cm_store_save (store, twin, error))
    goto failed;
  return cm_store_commit (store, error);

failed:
  cm_store_rollback (store);
  return FALSE;
}

gboolean
cm_checklist_start_stage (CmStore *store, gint64 service_id, int cycle, CmStage stage,
                          GError **error)
{
  g_autoptr(GPtrArray) stored = stored_items (store, service_id, cycle, stage, FALSE);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (stored->len > 0)
    return TRUE;
  add_template_items (items, service_id, cycle, stage);
  for (guint i = 0; i < items->len; i++)
    if (!cm_store_save (store, g_ptr_array_index (items, i), error))
      return FALSE;
  return TRUE;
}

static int
next_position (GPtrArray *items, CmStage stage)
{
  int next = 0;

  for (guint i = 0; i < items->len; i++)
    {
      CmChecklistItem *item = g_ptr_array_index (items, i);

      if (cm_checklist_item_get_stage (item) == stage)
        next = MAX (next, cm_checklist_item_get_position (item) + 1);
    }
  return next;
}

gboolean
cm_checklist_add_item (CmStore *store, CmService *service, const char *title, gboolean required,
                       GError **error)
{
  int cycle = cm_service_get_cycle (service);
  CmStage stage = cm_service_get_stage (service);
  g_autoptr(CmChecklistItem) item =
    cm_checklist_item_new (cm_entity_get_id (CM_ENTITY (service)), cycle, stage, title, required);
  g_autoptr(GPtrArray) items = NULL;

  if (!cm_entity_validate (CM_ENTITY (item), error) || !cm_store_begin (store, error))
    return FALSE;
  items = instantiate_cycle (store, service, cycle, error);
  if (items == NULL)
    goto failed;
  g_object_set (item, "position", next_position (items, stage), NULL);
  if (!cm_store_save (store, CM_ENTITY (item), error))
    goto failed;
  return cm_store_commit (store, error);

failed:
  cm_store_rollback (store);
  return FALSE;
}
