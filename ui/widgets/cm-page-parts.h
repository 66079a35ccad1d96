/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-page-parts.h: the parts the portfolio's custom pages are built from
 *
 * Those pages (a service's cycle, an EIA) make a part again when the
 * tables it reads change, and keep every widget of it that still shows
 * the same (cm_page_keep_shown ()).
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
/* A text field showing @text as stored. Text typed over it is the
 * user's edit until cm_page_entry_row_stored () says it was saved: a page
 * made again keeps the field as it is meanwhile. "apply" asks to save
 * it: Enter emits it whenever the text differs from the stored one. */
GtkWidget  *cm_page_entry_row         (const char *title, const char *text, gboolean editable);
/* @row shows @text, which is now what is stored. */
void        cm_page_entry_row_stored  (GtkWidget *row, const char *text);
/* Whether the user is editing @widget, a text field: the keyboard is in
 * it, or it holds text typed over what was stored. FALSE for any other
 * widget. */
gboolean    cm_page_entry_row_is_edited (GtkWidget *widget);
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

/* What @widget and its children show, as text: labels, toggles, choices,
 * tooltips, styles, and any "cm-fingerprint" string a widget that draws
 * itself carries for what it draws. */
char       *cm_page_describe          (GtkWidget *widget);
/* Shows @fresh, a part made again, in @box (a GtkBox or GtkListBox
 * holding the part as its one child), keeping every widget already shown
 * that shows the same: only what changed is swapped, so the keyboard
 * stays where it was. A text field the user is editing (the keyboard is
 * in it, or it holds text not yet saved) stays as it is, with what was
 * typed: its save meets whatever changed meanwhile. Takes @fresh. */
void        cm_page_keep_shown        (GtkWidget *box, GtkWidget *fresh);
/* The same for the rows of @list: those that differ from @fresh's rows at
 * the same place are swapped for them. Takes @fresh. */
void        cm_page_keep_rows         (GtkWidget *list, GtkWidget *fresh);

G_END_DECLS
