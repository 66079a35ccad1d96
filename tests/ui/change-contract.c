/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* change-contract.c: a colleague's change, made from another process
 *
 *     change-contract PORTFOLIO RECORD PROPERTY TEXT [PROPERTY TEXT]... DISPLAY_NAME
 *
 * Opens the portfolio through the store, as the application does, and
 * saves RECORD with each PROPERTY set to TEXT (as the audit trail writes it),
 * audited as DISPLAY_NAME's change: a window test's way to change a record
 * behind the window's back without bypassing the audit trail. RECORD is a
 * contract's reference, or TYPE#ID for a checklist item or a decommissioning
 * ("CmChecklistItem#12").
 */
#include "cm-checklist-item.h"
#include "cm-contract.h"
#include "cm-decommission.h"
#include "cm-store.h"
#include "cm-value.h"

/* The record RECORD names, or NULL with @error set. */
static CmEntity *
record_named (CmStore *store, const char *record, GError **error)
{
  g_auto(GStrv) parts = g_strsplit (record, "#", 2);
  g_autoptr(GListModel) found = NULL;
  CmEntity *contract;
  GType type;

  /* The types the window tests change by id, known by name. */
  g_type_ensure (CM_TYPE_CHECKLIST_ITEM);
  g_type_ensure (CM_TYPE_DECOMMISSION);
  if (parts[0] && parts[1] && (type = g_type_from_name (parts[0])) != 0)
    return cm_store_load (store, type, g_ascii_strtoll (parts[1], NULL, 10), error);
  found = cm_store_list_where (store, CM_TYPE_CONTRACT, "reference", record);
  contract = g_list_model_get_item (found, 0);
  if (contract == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no contract %s", record);
  return contract;
}

static gboolean
change (CmEntity *record, const char *property, const char *text, GError **error)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), property);
  g_auto(GValue) value = G_VALUE_INIT;

  if (pspec == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "no property %s", property);
      return FALSE;
    }
  g_value_init (&value, pspec->value_type);
  if (!cm_value_from_text (&value, text))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s is no %s", text, property);
      return FALSE;
    }
  g_object_set_property (G_OBJECT (record), property, &value);
  return TRUE;
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = NULL;
  g_autoptr(CmEntity) record = NULL;

  if (argc < 6 || argc % 2 != 0)
    {
      g_printerr ("usage: %s PORTFOLIO RECORD PROPERTY TEXT [PROPERTY TEXT]... DISPLAY_NAME\n",
                  argv[0]);
      return 2;
    }
  store = cm_store_open (argv[1], CM_STORE_OPEN_MUST_EXIST | CM_STORE_OPEN_CHECKED, &error);
  if (store)
    {
      cm_store_set_actor (store, argv[argc - 1]);
      record = record_named (store, argv[2], &error);
    }
  for (int i = 3; record && i + 1 < argc - 1; i += 2)
    if (!change (record, argv[i], argv[i + 1], &error))
      g_clear_object (&record);
  if (record == NULL || !cm_store_save (store, record, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}
