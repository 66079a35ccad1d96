/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-store-read-error.c: the one message for a read of the portfolio file that failed */
#include <glib/gi18n-lib.h>

#include "cm-store-private.h"
#include "cm-store-read-error.h"

gboolean
cm_store_read_failed (CmStore *self, CmStoreReading reading, GError **error)
{
  const char *reason = cm_db_last_message (cm_store_get_db (self));

  switch (reading)
    {
    case CM_STORE_READING_TO_IMPORT:
      g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED,
                   _("The portfolio file could not be read (%s). Nothing was imported."),
                   reason);
      break;
    case CM_STORE_READING_TO_UNDO:
      g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED,
                   _("The portfolio file could not be read (%s). Nothing was changed."),
                   reason);
      break;
    case CM_STORE_READING_TO_SHOW:
    default:
      g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED,
                   _("The portfolio file could not be read (%s). Open it again, or restore a "
                     "backup."), reason);
      break;
    }
  return FALSE;
}
