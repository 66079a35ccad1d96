/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-row-list.h: the rows a message is about, named briefly or in full
 *
 * An import of 100,000 rows can find the same thing on 30,000 of them. A
 * message names the first few and says how many more there are ("rows 8,
 * 18, 28, 38, 48 and 29,871 more"); the full list stays available for a
 * report file or a list the user opens. Every import message uses this
 * one rule, so none grows with the register.
 */
#pragma once

#include "cm-count.h"

G_BEGIN_DECLS

/* How many rows, cells or names a message names before "and N more". */
#define CM_ROW_LIST_SHOWN 5

typedef struct _CmRowList CmRowList;

CmRowList *cm_row_list_new        (void);
void       cm_row_list_free       (CmRowList *list);
/* @row as the user sees it in the file: the header is row 1. */
void       cm_row_list_add        (CmRowList *list, guint row);
guint      cm_row_list_get_length (const CmRowList *list);
guint      cm_row_list_get        (const CmRowList *list, guint i);

/* "row 8", "rows 8, 18 and 28", "rows 8, 18, 28, 38, 48 and 29,871 more";
 * NULL when empty. */
char      *cm_row_list_format     (const CmRowList *list);
/* Every row: "rows 8, 18, 28, …, 299998". NULL when empty. Row numbers
 * are never grouped, as a spreadsheet shows them; counts are. */
char      *cm_row_list_format_all (const CmRowList *list);
/* One "Row 8" per row, for a list that shows them all. */
char     **cm_row_list_to_strv    (const CmRowList *list);

/* The first CM_ROW_LIST_SHOWN of @n_texts texts joined, then "and N
 * more": "Age UK, Mind, Mencap, Scope, Shelter and 3 more". "" when none.
 * Only the first CM_ROW_LIST_SHOWN need be in @texts: a caller counting
 * 30,000 names keeps only those it will show. */
char      *cm_short_list_format   (const char * const *texts, guint n_texts);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmRowList, cm_row_list_free)

G_END_DECLS
