/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-date-entry.h: a field for one date, typed the British way or picked
 *
 * The user types 1/12/2026, 1 Dec 2026, 1 December 2026 or 2026-12-01,
 * or picks the day on a calendar; leaving the field shows the date as
 * dd/mm/yyyy. The date is read by cm_date_parse(), the importer's reader,
 * and a text it cannot read is answered with what is wrong ("31 April
 * 2026 does not exist"), under the field and in the "error" property, so
 * a dialog can hold its Save back and say why. The date itself is the
 * "iso" property, yyyy-mm-dd as the portfolio stores it, empty for none.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CM_TYPE_DATE_ENTRY (cm_date_entry_get_type ())
G_DECLARE_FINAL_TYPE (CmDateEntry, cm_date_entry, CM, DATE_ENTRY, GtkWidget)

GtkWidget  *cm_date_entry_new         (const char *title, const char *iso);
const char *cm_date_entry_get_iso     (CmDateEntry *self);
void        cm_date_entry_set_iso     (CmDateEntry *self, const char *iso);
gboolean    cm_date_entry_get_date    (CmDateEntry *self, GDate *date);
void        cm_date_entry_set_date    (CmDateEntry *self, const GDate *date);
gboolean    cm_date_entry_get_valid   (CmDateEntry *self);
const char *cm_date_entry_get_error   (CmDateEntry *self);
void        cm_date_entry_set_allow_empty (CmDateEntry *self, gboolean allow_empty);
void        cm_date_entry_set_show_error  (CmDateEntry *self, gboolean show_error);
GtkEditable *cm_date_entry_get_editable   (CmDateEntry *self);

G_END_DECLS
