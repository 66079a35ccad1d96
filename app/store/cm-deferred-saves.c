/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-deferred-saves.c: the records whose INSERTs wait for a server's answer */
#include "cm-deferred-saves.h"

/* At least as many as a server's connection sends before reading their
 * answers (PIPELINE_BATCH in cm-db-pg.c): the one refused is among them. */
#define N_KEPT 2048

typedef struct {
  guint64 at;
  CmEntity *entity;
} Save;

struct _CmDeferredSaves
{
  Save kept[N_KEPT]; /* a ring, by statement number */
};

CmDeferredSaves *
cm_deferred_saves_new (void)
{
  return g_new0 (CmDeferredSaves, 1);
}

void
cm_deferred_saves_free (CmDeferredSaves *saves)
{
  if (saves == NULL)
    return;
  for (guint i = 0; i < N_KEPT; i++)
    g_clear_object (&saves->kept[i].entity);
  g_free (saves);
}

void
cm_deferred_saves_keep (CmDeferredSaves *saves, guint64 at, CmEntity *entity)
{
  Save *save = &saves->kept[at % N_KEPT];

  save->at = at;
  g_set_object (&save->entity, entity);
}

CmEntity *
cm_deferred_saves_find (CmDeferredSaves *saves, guint64 at)
{
  Save *save = &saves->kept[at % N_KEPT];

  return at != 0 && save->at == at ? save->entity : NULL;
}
