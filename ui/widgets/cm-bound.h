/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-bound.h: controls bound to one property of a stored record
 *
 * Each saves its value through the store as soon as the user commits it
 * (Enter or the apply button for text, a choice for the rest), on a copy
 * of the record as the control showed it, so the change is validated and
 * audited. A change that met someone else's (to this value, or to any
 * since the window last heard) shows the conflict dialog; any other
 * refused change is reported with the "page.report" action of the page
 * around it, and
 * the control's "cm-fingerprint" names the record and property, so that a
 * page made again keeps the control while it edits the same value.
 */
#pragma once

#include <adwaita.h>

#include "cm-store.h"

G_BEGIN_DECLS

GtkWidget *cm_bound_entry_row     (CmStore *store, CmEntity *entity, const char *property,
                                   const char *title, gboolean editable);
/* A date typed the British way or picked, stored as yyyy-mm-dd; saved
 * once the field is left, Enter pressed or a day picked. */
GtkWidget *cm_bound_date_row      (CmStore *store, CmEntity *entity, const char *property,
                                   const char *title, gboolean editable);
GtkWidget *cm_bound_switch_row    (CmStore *store, CmEntity *entity, const char *property,
                                   const char *title, gboolean editable);
/* A drop-down over an enum property's labels. */
GtkWidget *cm_bound_dropdown      (CmStore *store, CmEntity *entity, const char *property,
                                   const char *accessible_name, gboolean editable);
/* A choice among the records of @type, by name, for an "...-id" property. */
GtkWidget *cm_bound_reference_row (CmStore *store, CmEntity *entity, const char *property,
                                   const char *title, GType type, gboolean editable);
GtkWidget *cm_bound_spin          (CmStore *store, CmEntity *entity, const char *property,
                                   const char *accessible_name, int lower, int upper,
                                   gboolean editable);

G_END_DECLS
