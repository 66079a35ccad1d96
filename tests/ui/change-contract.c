/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* change-contract.c: a colleague's change, made from another process
 *
 *     change-contract PORTFOLIO REFERENCE PROPERTY TEXT DISPLAY_NAME
 *
 * Opens the portfolio through the store, as the application does, and
 * saves the contract with REFERENCE with its text PROPERTY set to TEXT,
 * audited as DISPLAY_NAME's change: a window test's way to change a record
 * behind an open editor's back without bypassing the audit trail.
 */
#include "cm-contract.h"
#include "cm-store.h"

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(CmEntity) contract = NULL;

  if (argc != 6)
    {
      g_printerr ("usage: %s PORTFOLIO REFERENCE PROPERTY TEXT DISPLAY_NAME\n", argv[0]);
      return 2;
    }
  store = cm_store_open (argv[1], CM_STORE_OPEN_MUST_EXIST | CM_STORE_OPEN_CHECKED, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  cm_store_set_actor (store, argv[5]);
  found = cm_store_list_where (store, CM_TYPE_CONTRACT, "reference", argv[2]);
  contract = g_list_model_get_item (found, 0);
  if (contract == NULL)
    {
      g_printerr ("no contract %s\n", argv[2]);
      return 1;
    }
  g_object_set (contract, argv[3], argv[4], NULL);
  if (!cm_store_save (store, contract, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}
