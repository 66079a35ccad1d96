/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-list-rows.h: the texts a list of records shows, row by row, for exporting it
 *
 * No GTK: the records page passes its filtered, sorted model and its
 * visible columns' fields; tests pass a store's list and a kind's fields.
 */
#pragma once

#include "cm-record-kind.h"

G_BEGIN_DECLS

/* The list columns of @kind (fields with in_list), of const CmRecordField *. */
GPtrArray *cm_list_rows_fields (const CmRecordKind *kind);
/* The translated titles of @fields, NULL-terminated. */
char     **cm_list_rows_titles (GPtrArray *fields);
/* One NULL-terminated array of texts per item of @items, a text per field,
 * each as the list's cell shows it. */
GPtrArray *cm_list_rows_texts  (GListModel *items, GPtrArray *fields);

G_END_DECLS
