/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-page-parts.h: the parts the portfolio's custom pages are built from
 *
 * Those pages (a service's cycle, an EIA) rebuild themselves after every
 * change. Controls carry a "focus key" naming what they edit, so that a
 * rebuild can put the keyboard back where it was.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkWidget  *cm_page_group             (const char *title, const char *description);
GtkWidget  *cm_page_text_row          (const char *title, const char *subtitle,
                                       const char *icon_name);
GtkWidget  *cm_page_heading_label     (const char *text, const char *css_class);
/* A drop-down of @enum_type's labels, showing @value, with an accessible name. */
GtkWidget  *cm_page_enum_dropdown     (GType enum_type, int value, const char *accessible_name);
/* Gives a question dialog its two answers: "cancel", which Escape also
 * gives, and "accept", labelled @accept_label, which Enter gives. */
void        cm_page_offer_answers     (AdwMessageDialog *dialog, const char *accept_label,
                                       AdwResponseAppearance appearance);

/* One button of a stepper: "Plan", "current · 3 of 6 required done", and
 * what a screen reader calls it, "Show the Plan checklist". */
typedef struct {
  const char *title;
  char *detail;
  char *name;
} CmPageStep;

/* A row of linked toggle buttons, one per step; the active one is
 * @active. @toggled (GtkToggleButton *, gpointer) runs when one is
 * chosen; the step's number is its "step" data. Frees the steps' text. */
GtkWidget  *cm_page_stepper           (CmPageStep *steps, guint n, guint active,
                                       GCallback toggled, gpointer data);

void        cm_page_set_focus_key     (GtkWidget *widget, const char *key);
/* After a rebuild that would focus @widget, focus the control with @key
 * instead: the next thing to fill in (a choice that needs its reason). */
void        cm_page_set_focus_next    (GtkWidget *widget, const char *key);
/* The focus key of @root's focused control, or NULL. */
char       *cm_page_save_focus        (GtkWidget *root);
/* Focuses the control with @key under @root, opening its expander row. */
void        cm_page_restore_focus     (GtkWidget *root, const char *key);

G_END_DECLS
