/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-deferred-saves.c: the records whose INSERTs wait for a server's answer */
#include "cm-deferred-saves.h"

/* At least as many as a server's connection leaves unanswered: four
 * batches of copied rows (COPY_BATCH_STATEMENTS in cm-db-pg.c). A
 * refusal further back would be told in the database's words. */
#define N_KEPT (1 << 18)

typedef struct {
  guint64 at;
  char *what;
} Save;

struct _CmDeferredSaves
{
  Save *kept; /* a ring of N_KEPT, by statement number */
};

CmDeferredSaves *
cm_deferred_saves_new (void)
{
  CmDeferredSaves *saves = g_new0 (CmDeferredSaves, 1);

  saves->kept = g_new0 (Save, N_KEPT);
  return saves;
}

void
cm_deferred_saves_free (CmDeferredSaves *saves)
{
  if (saves == NULL)
    return;
  for (guint i = 0; i < N_KEPT; i++)
    g_free (saves->kept[i].what);
  g_free (saves->kept);
  g_free (saves);
}

void
cm_deferred_saves_keep (CmDeferredSaves *saves, guint64 at, CmEntity *entity)
{
  Save *save = &saves->kept[at % N_KEPT];

  save->at = at;
  g_free (save->what);
  save->what = cm_entity_describe (entity);
}

const char *
cm_deferred_saves_find (CmDeferredSaves *saves, guint64 at)
{
  Save *save = &saves->kept[at % N_KEPT];

  return at != 0 && save->at == at ? save->what : NULL;
}
