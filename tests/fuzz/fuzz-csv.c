/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* fuzz-csv.c: libFuzzer target for the CSV reader */
#include "cm-csv-reader.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmTable) table = cm_csv_read ((const char *) data, size, &error);

  /* Exactly one of a table and an error, and every cell reachable. */
  g_assert ((table == NULL) != (error == NULL));
  if (table)
    {
      for (guint row = 0; row < cm_table_get_n_rows (table); row++)
        g_assert (g_utf8_validate (cm_table_get (table, row, 0), -1, NULL));
    }
  return 0;
}
