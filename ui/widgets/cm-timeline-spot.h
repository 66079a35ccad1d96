/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-timeline-spot.h: one item of a drawn timeline that a reader can point at */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CM_TYPE_TIMELINE_SPOT (cm_timeline_spot_get_type ())
G_DECLARE_FINAL_TYPE (CmTimelineSpot, cm_timeline_spot, CM, TIMELINE_SPOT, GtkWidget)

GtkWidget  *cm_timeline_spot_new       (const char *label);
const char *cm_timeline_spot_get_label (CmTimelineSpot *self);

G_END_DECLS
