/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-xlsx-part.h: one part of an XLSX workbook, streamed as XML
 *
 * A part is a zip entry read node by node, never held whole. Its errors
 * are CM_TABLE_ERROR ones that say what to do: a part that cannot be read
 * is FORMAT, one past the size cap TOO_LARGE. Internal to the XLSX reader.
 */
#pragma once

#include <glib.h>
#include <unzip.h>

G_BEGIN_DECLS

typedef struct _CmXlsxPart CmXlsxPart;

/* NULL without an error when the part is not in the zip. The zip keeps
 * one entry open at a time, so one part of it is read at a time. */
CmXlsxPart *cm_xlsx_part_open           (unzFile zip, const char *name, GError **error);
void        cm_xlsx_part_free           (CmXlsxPart *part);
/* 1 on a node, 0 at the end of the part, -1 with @error set. */
int         cm_xlsx_part_next           (CmXlsxPart *part, GError **error);

/* What the current node is. Names are local: in any namespace. */
gboolean    cm_xlsx_part_is_any_element (CmXlsxPart *part);
gboolean    cm_xlsx_part_is_element     (CmXlsxPart *part, const char *local_name);
gboolean    cm_xlsx_part_is_end         (CmXlsxPart *part, const char *local_name);
/* An element with content, which will have an end element of its own. */
gboolean    cm_xlsx_part_is_open        (CmXlsxPart *part, const char *local_name);
/* An element without content (<c/>), which will have no end element. */
gboolean    cm_xlsx_part_is_empty       (CmXlsxPart *part);
gboolean    cm_xlsx_part_is_text        (CmXlsxPart *part);

/* The attribute of the current element whose local name is @local_name,
 * in any namespace (r:id is "id"), or NULL. */
char       *cm_xlsx_part_get_attribute  (CmXlsxPart *part, const char *local_name);
/* Text of at most @limit + 1 bytes, so that too much can be told from enough. */
void        cm_xlsx_part_append_text    (CmXlsxPart *part, GString *text, gsize limit);

/* Whether the part @name has more than @limit elements whose local name is
 * the single character @local_name ('c' for cells), in any namespace.
 * Counted without parsing, and only as far as the limit, so that a sheet
 * of tens of millions of cells is refused in seconds, before any of them
 * is held. FALSE with @error set when the part cannot be read; a part not
 * in the zip has none. */
gboolean    cm_xlsx_part_has_more_elements (unzFile zip, const char *name, char local_name,
                                            guint64 limit, gboolean *more, GError **error);

/* For a part that lists more than its reader will hold. */
void        cm_xlsx_part_set_too_large  (GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmXlsxPart, cm_xlsx_part_free)

G_END_DECLS
