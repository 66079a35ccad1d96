/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-array-model.c: a list of objects replaced whole, in one change */
#include "cm-array-model.h"

struct _CmArrayModel
{
  GObject parent_instance;

  GType item_type;
  GPtrArray *items;
};

static void list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CmArrayModel, cm_array_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_init))

static GType
get_item_type (GListModel *list)
{
  return CM_ARRAY_MODEL (list)->item_type;
}

static guint
get_n_items (GListModel *list)
{
  return CM_ARRAY_MODEL (list)->items->len;
}

static gpointer
get_item (GListModel *list, guint position)
{
  CmArrayModel *self = CM_ARRAY_MODEL (list);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
cm_array_model_finalize (GObject *object)
{
  g_ptr_array_unref (CM_ARRAY_MODEL (object)->items);

  G_OBJECT_CLASS (cm_array_model_parent_class)->finalize (object);
}

static void
cm_array_model_class_init (CmArrayModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cm_array_model_finalize;
}

static void
cm_array_model_init (CmArrayModel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

CmArrayModel *
cm_array_model_new (GType item_type)
{
  CmArrayModel *self = g_object_new (CM_TYPE_ARRAY_MODEL, NULL);

  self->item_type = item_type;
  return self;
}

void
cm_array_model_set (CmArrayModel *self, GPtrArray *items)
{
  guint removed = self->items->len;

  g_return_if_fail (CM_IS_ARRAY_MODEL (self));

  g_ptr_array_unref (self->items);
  self->items = items;
  if (removed || items->len)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, items->len);
}
