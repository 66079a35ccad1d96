/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-record-picker.h: a searchable choice of one record by name */
#pragma once

#include <gtk/gtk.h>

#include "cm-entity.h"
#include "cm-store.h"

G_BEGIN_DECLS

#define CM_TYPE_RECORD_PICKER (cm_record_picker_get_type ())
G_DECLARE_FINAL_TYPE (CmRecordPicker, cm_record_picker, CM, RECORD_PICKER, GtkWidget)

/* A button naming the chosen record of @entity_type that opens a search
 * over all of them, sorted by name. @title names the choice for screen
 * readers ("Provider"). */
GtkWidget  *cm_record_picker_new             (CmStore    *store,
                                              GType       entity_type,
                                              const char *title);

gint64      cm_record_picker_get_selected_id (CmRecordPicker *self);
/* 0 chooses nothing. */
void        cm_record_picker_set_selected_id (CmRecordPicker *self,
                                              gint64          id);
/* The records it offers, before any search; 0 when there are none yet. */
guint       cm_record_picker_get_n_records   (CmRecordPicker *self);

/* Opens and closes the search, as the button and Escape do. */
void        cm_record_picker_popup           (CmRecordPicker *self);
void        cm_record_picker_popdown         (CmRecordPicker *self);
/* Searches as typing in the open search would: the names are compared in
 * a worker thread, and the rows change once it is done ("searching"
 * turns FALSE); the rows it shows. */
void        cm_record_picker_search          (CmRecordPicker *self,
                                              const char     *text);
gboolean    cm_record_picker_get_searching   (CmRecordPicker *self);
GListModel *cm_record_picker_get_shown       (CmRecordPicker *self);

G_END_DECLS
