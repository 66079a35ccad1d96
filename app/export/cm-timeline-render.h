/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-timeline-render.h: a timeline drawn with cairo, for the screen and for paper
 *
 * The layout says where each date and item falls for a given width; the
 * renderer draws it on any cairo context (a widget's snapshot, a print
 * page, a PDF). Shapes, patterns and words say what each item is, and
 * colour only repeats the status the words give.
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "cm-timeline.h"

G_BEGIN_DECLS

typedef struct {
  double red, green, blue, alpha;
} CmTimelineColour;

typedef struct {
  CmTimelineColour ink;     /* words, axis, marks whose dates are fine */
  CmTimelineColour period;  /* the contract's periods */
  CmTimelineColour grid;    /* year lines */
  CmTimelineColour today;
  CmTimelineColour warning; /* overdue, as the Deadlines page shows it */
  CmTimelineColour error;   /* breached */
  CmTimelineColour due_soon;
  CmTimelineColour unknown; /* a date that cannot be worked out */
} CmTimelinePalette;

/* Dark ink on a light page: what paper and the light style use. */
const CmTimelinePalette *cm_timeline_palette_light (void);
const CmTimelinePalette *cm_timeline_palette_dark  (void);

/* The colour that fills a bar or mark of @status: the periods' colour for
 * a date that is fine. Every timeline, drawn here or by a widget of its
 * own, takes its status colours from here. */
const CmTimelineColour *cm_timeline_palette_status (const CmTimelinePalette *palette,
                                                    CmDeadlineStatus status);

#define CM_TIMELINE_ROW_HEIGHT 70.0
#define CM_TIMELINE_BAR_HEIGHT 14.0

typedef struct {
  double width, height;
  double plot_left, plot_right; /* where the first and last day fall */
  double rows_top;              /* below the axis of years and today */
  double legend_top;
  double legend_height;
  GDate first, last;            /* the days shown, padded around the dates */
} CmTimelineLayout;

/* Lays @timeline out @width wide, measuring words with @context. */
void    cm_timeline_layout          (const CmTimeline *timeline, PangoContext *context,
                                     double width, CmTimelineLayout *layout);

/* Where @date falls across; a day outside the axis is clamped to its ends. */
double  cm_timeline_layout_x        (const CmTimelineLayout *layout, const GDate *date);
double  cm_timeline_layout_bar_top  (const CmTimelineLayout *layout, guint row);

/* The box a reader can point at for @item (hover, focus). */
void    cm_timeline_layout_item_box (const CmTimelineLayout *layout, const CmTimeline *timeline,
                                     const CmTimelineItem *item, cairo_rectangle_t *box);

void    cm_timeline_render          (cairo_t *cr, PangoContext *context,
                                     const CmTimeline *timeline, const CmTimelineLayout *layout,
                                     const CmTimelinePalette *palette);

G_END_DECLS
