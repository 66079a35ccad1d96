/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-sheets-beside.c: sheets of a workbook written in a thread of their own, beside the others */
#include "cm-sheets-beside.h"

struct _CmSheetsBeside {
  CmStore *store;          /* the caller's */
  CmSheetsBesideFunc write;
  gpointer data;
  GThread *thread;
};

/* Opened here too: opening is part of the work taken off the caller. */
static gpointer
write_in_thread (gpointer data)
{
  CmSheetsBeside *self = data;
  g_autoptr(CmStore) reader = cm_store_open_reader (self->store);

  /* Without a connection of its own, the sheets wait for the caller's. */
  if (reader == NULL)
    return GINT_TO_POINTER (FALSE);
  self->write (reader, self->data);
  return GINT_TO_POINTER (TRUE);
}

CmSheetsBeside *
cm_sheets_beside_start (CmStore *store, CmSheetsBesideFunc write, gpointer data)
{
  CmSheetsBeside *self = g_new0 (CmSheetsBeside, 1);

  self->store = g_object_ref (store);
  self->write = write;
  self->data = data;
  self->thread = g_thread_new ("sheets-beside", write_in_thread, self);
  return self;
}

void
cm_sheets_beside_finish (CmSheetsBeside *self)
{
  if (!GPOINTER_TO_INT (g_thread_join (self->thread)))
    self->write (self->store, self->data);
  g_object_unref (self->store);
  g_free (self);
}
