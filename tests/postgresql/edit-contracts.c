/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* edit-contracts.c: one of several writers at once (test-writers.py)
 *
 *     edit-contracts PORTFOLIO WRITER SECONDS LOG ID...
 *
 * Opens PORTFOLIO (a file or a server's URI) through the store and, until
 * SECONDS have passed, gives the contracts ID... new titles in turn, each
 * saved as one action. Each title saved is appended to LOG ("id\ttitle")
 * once its commit returned, so the log lists only committed changes; a
 * save refused because another writer was saving is tried again. Prints
 * "saved N busy B" and exits 0, or prints why a save failed and exits 1.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cm-contract.h"
#include "cm-store.h"

typedef struct {
  CmStore *store;
  const char *writer;
  FILE *log;
  guint saved;
  guint busy;
} Writer;

/* Saves @contract with @title, trying again while another writer holds
 * the lock; FALSE, saying why, on any other failure. */
static gboolean
save_title (Writer *writer, CmContract *contract, const char *title)
{
  g_object_set (contract, "title", title, NULL);
  for (;;)
    {
      g_autoptr(GError) error = NULL;

      if (cm_store_save (writer->store, CM_ENTITY (contract), &error))
        return TRUE;
      if (!g_error_matches (error, CM_STORE_ERROR, CM_STORE_ERROR_BUSY))
        {
          g_printerr ("writer %s: saving contract %" G_GINT64_FORMAT " failed: %s\n",
                      writer->writer, cm_entity_get_id (CM_ENTITY (contract)), error->message);
          return FALSE;
        }
      writer->busy++;
    }
}

static gboolean
edit_until (Writer *writer, GPtrArray *contracts, gint64 deadline)
{
  for (guint round = 1; g_get_monotonic_time () < deadline; round++)
    for (guint i = 0; i < contracts->len && g_get_monotonic_time () < deadline; i++)
      {
        CmContract *contract = g_ptr_array_index (contracts, i);
        g_autofree char *title = g_strdup_printf ("Writer %s round %u", writer->writer, round);

        if (!save_title (writer, contract, title))
          return FALSE;
        /* Flushed at once: a writer killed later still logged this. */
        fprintf (writer->log, "%" G_GINT64_FORMAT "\t%s\n",
                 cm_entity_get_id (CM_ENTITY (contract)), title);
        fflush (writer->log);
        writer->saved++;
      }
  return TRUE;
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = NULL;
  g_autoptr(GPtrArray) contracts = g_ptr_array_new ();
  Writer writer = { 0 };
  gboolean done;

  if (argc < 6)
    {
      g_printerr ("usage: edit-contracts PORTFOLIO WRITER SECONDS LOG ID...\n");
      return 2;
    }
  store = cm_store_open (argv[1], CM_STORE_OPEN_MUST_EXIST, &error);
  if (store == NULL)
    {
      g_printerr ("writer %s: %s\n", argv[2], error->message);
      return 1;
    }
  for (int i = 5; i < argc; i++)
    {
      CmEntity *contract = cm_store_find (store, CM_TYPE_CONTRACT, g_ascii_strtoll (argv[i], NULL, 10));

      if (contract == NULL)
        {
          g_printerr ("writer %s: there is no contract %s\n", argv[2], argv[i]);
          return 1;
        }
      g_ptr_array_add (contracts, contract);
    }
  writer.store = store;
  writer.writer = argv[2];
  writer.log = fopen (argv[4], "a");
  if (writer.log == NULL)
    {
      g_printerr ("writer %s: cannot write %s\n", argv[2], argv[4]);
      return 1;
    }
  done = edit_until (&writer, contracts,
                     g_get_monotonic_time () + atoi (argv[3]) * G_USEC_PER_SEC);
  fclose (writer.log);
  printf ("saved %u busy %u\n", writer.saved, writer.busy);
  return done ? 0 : 1;
}
