/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-page-parts.c: the parts the portfolio's custom pages are built from */
#include <glib/gi18n.h>

#include "cm-enums.h"
#include "cm-page-parts.h"

GtkWidget *
cm_page_group (const char *title, const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  return group;
}

GtkWidget *
cm_page_text_row (const char *title, const char *subtitle, const char *icon_name)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (icon_name)
    adw_action_row_set_icon_name (ADW_ACTION_ROW (row), icon_name);
  return row;
}

/* The row shows its apply button, which Enter presses, only for text
 * typed while it held the keyboard: text that came otherwise (from
 * assistive technology, or as the keyboard moved) is applied by Enter
 * too, rather than silently left unsaved. */
static void
entry_row_activated (AdwEntryRow *row)
{
  const char *stored = g_object_get_data (G_OBJECT (row), "cm-stored-text");

  if (g_strcmp0 (stored, gtk_editable_get_text (GTK_EDITABLE (row))) != 0)
    g_signal_emit_by_name (row, "apply");
}

GtkWidget *
cm_page_entry_row (const char *title, const char *text, gboolean editable)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  cm_page_entry_row_stored (row, text);
  gtk_editable_set_editable (GTK_EDITABLE (row), editable);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), editable);
  if (editable)
    g_signal_connect (row, "entry-activated", G_CALLBACK (entry_row_activated), NULL);
  return row;
}

void
cm_page_entry_row_stored (GtkWidget *row, const char *text)
{
  text = text ? text : "";
  g_object_set_data_full (G_OBJECT (row), "cm-stored-text", g_strdup (text), g_free);
  /* Set only when it differs: the cursor stays where it was. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
}

GtkWidget *
cm_page_heading_label (const char *text, const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, css_class);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  return label;
}

void
cm_page_offer_answers (AdwMessageDialog *dialog, const char *accept_label,
                       AdwResponseAppearance appearance)
{
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "accept", accept_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, "accept", appearance);
  adw_message_dialog_set_default_response (dialog, "accept");
  adw_message_dialog_set_close_response (dialog, "cancel");
}

GtkWidget *
cm_page_enum_dropdown (GType enum_type, int value, const char *accessible_name)
{
  GtkStringList *labels = gtk_string_list_new (NULL);
  GtkWidget *dropdown;

  for (guint i = 0; i < cm_enum_count (enum_type); i++)
    gtk_string_list_append (labels, cm_enum_to_label (enum_type, i));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (labels), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), value);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_name, -1);
  return dropdown;
}

/* A step's title on one line, cut short with "…" when the window is
 * narrow, over its detail, which wraps between words only: neither ever
 * breaks inside a word. The button's tooltip holds both in full. */
static GtkWidget *
step_label (const char *text, gboolean title)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 4);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  if (!title)
    {
      /* Long details (an override's reason) wrap rather than widen the window. */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
      gtk_label_set_lines (GTK_LABEL (label), 3);
    }
  return label;
}

static GtkWidget *
step_content (const char *title, const char *detail)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), step_label (title, TRUE));
  gtk_box_append (GTK_BOX (box), step_label (detail, FALSE));
  return box;
}

GtkWidget *
cm_page_stepper (CmPageStep *steps, guint n, guint active, GCallback toggled, gpointer data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkToggleButton *first = NULL;

  gtk_widget_add_css_class (box, "linked");
  gtk_box_set_homogeneous (GTK_BOX (box), TRUE);
  GString *fingerprint = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("%s\n%s", steps[i].title, steps[i].detail);

      g_string_append_printf (fingerprint, "%s|", text);
      g_autofree char *name = g_steal_pointer (&steps[i].name);
      g_autofree char *detail = g_steal_pointer (&steps[i].detail);
      GtkWidget *button = gtk_toggle_button_new ();

      gtk_button_set_child (GTK_BUTTON (button), step_content (steps[i].title, detail));
      gtk_widget_set_tooltip_text (button, text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
      g_object_set_data (G_OBJECT (button), "step", GUINT_TO_POINTER (i));
      if (first)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), first);
      else
        first = GTK_TOGGLE_BUTTON (button);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), i == active);
      g_signal_connect (button, "toggled", toggled, data);
      gtk_box_append (GTK_BOX (box), button);
    }
  /* The buttons are one group: any step changed, or another one chosen,
   * swaps them all. */
  g_string_append_printf (fingerprint, "%u", active);
  g_object_set_data_full (G_OBJECT (box), "cm-fingerprint",
                          g_string_free (fingerprint, FALSE), g_free);
  return box;
}

/* ---- keeping what is shown ------------------------------------------ */

/* Widgets whose children are made as they are needed, or belong to a
 * popup: what they show is judged by their own state alone. */
static gboolean
is_closed_box (GtkWidget *widget)
{
  return GTK_IS_DROP_DOWN (widget) || GTK_IS_POPOVER (widget) || GTK_IS_LIST_VIEW (widget) ||
         GTK_IS_GRID_VIEW (widget) || GTK_IS_COLUMN_VIEW (widget) || GTK_IS_TEXT (widget) ||
         ADW_IS_ENTRY_ROW (widget);
}

/* The data the pages' controls keep of what they act on. Others, made
 * afresh each time, are named by a "cm-fingerprint" instead. */
static const char *const acted_on[] = {
  "contract", "decommission", "eia", "record", "risk", "decision", "step", "audit", "kind", "id",
  "property",
};

/* What @widget itself shows, leaving out its children, and with @typed
 * false a text field's text too: which control it is. */
static void
describe_own (GtkWidget *widget, gboolean typed, GString *out)
{
  g_auto(GStrv) classes = gtk_widget_get_css_classes (widget);
  const char *tooltip = gtk_widget_get_tooltip_text (widget);
  const char *fingerprint = g_object_get_data (G_OBJECT (widget), "cm-fingerprint");
  g_autofree char *joined = NULL;
  guint kept = 0;

  /* Where the keyboard is is no part of what is shown, nor the style a
   * list gives its rows (a row's own activatable is). */
  for (guint i = 0; classes[i]; i++)
    if (g_strcmp0 (classes[i], "focused") == 0 || g_strcmp0 (classes[i], "activatable") == 0)
      g_free (classes[i]);
    else
      classes[kept++] = classes[i];
  classes[kept] = NULL;
  joined = g_strjoinv (".", classes);

  g_string_append_printf (out, "<%s %d%d %s|%s|%s", G_OBJECT_TYPE_NAME (widget),
                          gtk_widget_get_visible (widget), gtk_widget_get_sensitive (widget),
                          joined, tooltip ? tooltip : "", fingerprint ? fingerprint : "");
  /* What a control acts on, where its handler reads it from the widget:
   * a record of the store's lists, kept as the same object, or a number. */
  for (guint i = 0; i < G_N_ELEMENTS (acted_on); i++)
    {
      gpointer data = g_object_get_data (G_OBJECT (widget), acted_on[i]);

      if (data)
        g_string_append_printf (out, "|%s=%p", acted_on[i], data);
    }
  if (GTK_IS_LIST_BOX_ROW (widget))
    g_string_append_printf (out, "|%d",
                            gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (widget)));
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "|%d%s", gtk_label_get_use_markup (GTK_LABEL (widget)),
                            gtk_label_get_label (GTK_LABEL (widget)));
  else if (GTK_IS_TEXT (widget))
    g_string_append_printf (out, "|%s", gtk_editable_get_text (GTK_EDITABLE (widget)));
  else if (ADW_IS_ENTRY_ROW (widget))
    g_string_append_printf (out, "|%s|%s",
                            adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                            typed ? gtk_editable_get_text (GTK_EDITABLE (widget)) : "");
  else if (GTK_IS_TOGGLE_BUTTON (widget))
    g_string_append_printf (out, "|%d", gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (widget)));
  else if (GTK_IS_CHECK_BUTTON (widget))
    g_string_append_printf (out, "|%d", gtk_check_button_get_active (GTK_CHECK_BUTTON (widget)));
  else if (GTK_IS_SWITCH (widget))
    g_string_append_printf (out, "|%d", gtk_switch_get_active (GTK_SWITCH (widget)));
  else if (GTK_IS_DROP_DOWN (widget))
    {
      GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (widget));

      g_string_append_printf (out, "|%u/%u", gtk_drop_down_get_selected (GTK_DROP_DOWN (widget)),
                              model ? g_list_model_get_n_items (model) : 0);
      for (guint i = 0; GTK_IS_STRING_LIST (model) && i < g_list_model_get_n_items (model); i++)
        g_string_append_printf (out, "|%s",
                                gtk_string_list_get_string (GTK_STRING_LIST (model), i));
    }
}

static void
describe (GtkWidget *widget, GString *out)
{
  describe_own (widget, TRUE, out);
  if (is_closed_box (widget))
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    describe (child, out);
  g_string_append_c (out, '>');
}

char *
cm_page_describe (GtkWidget *widget)
{
  GString *out = g_string_new (NULL);

  describe (widget, out);
  return g_string_free (out, FALSE);
}

/* How alike two widgets are to be: in all they show, in what they show
 * themselves, or only as the same control, whatever text a field holds. */
typedef enum {
  LIKE_WHOLLY,
  LIKE_ITSELF,
  LIKE_CONTROL,
} Likeness;

static gboolean
same (GtkWidget *shown, GtkWidget *fresh, Likeness likeness)
{
  g_autoptr(GString) a = g_string_new (NULL);
  g_autoptr(GString) b = g_string_new (NULL);

  if (likeness == LIKE_WHOLLY)
    {
      describe (shown, a);
      describe (fresh, b);
    }
  else
    {
      describe_own (shown, likeness == LIKE_ITSELF, a);
      describe_own (fresh, likeness == LIKE_ITSELF, b);
    }
  return g_str_equal (a->str, b->str);
}

gboolean
cm_page_entry_row_is_edited (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  const char *stored = g_object_get_data (G_OBJECT (widget), "cm-stored-text");

  if (!ADW_IS_ENTRY_ROW (widget))
    return FALSE;
  if (focus && (focus == widget || gtk_widget_is_ancestor (focus, widget)))
    return TRUE;
  return stored && g_strcmp0 (stored, gtk_editable_get_text (GTK_EDITABLE (widget))) != 0;
}

static guint
n_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

/* Boxes and lists whose children can be swapped one by one: those the
 * page made (@ours), and the boxed lists of rows, a group's among them. A
 * box inside another widget (a row's) is that widget's: it keeps its
 * children, or the widget gives way whole. */
static gboolean
takes_children (GtkWidget *widget, gboolean ours)
{
  if (G_OBJECT_TYPE (widget) == GTK_TYPE_LIST_BOX)
    return ours || gtk_widget_has_css_class (widget, "boxed-list");
  return ours && G_OBJECT_TYPE (widget) == GTK_TYPE_BOX;
}

/* Moves @child from its box into @box, after @after (first when NULL). */
static void
take_child (GtkWidget *box, GtkWidget *child, GtkWidget *after)
{
  GtkWidget *from = gtk_widget_get_parent (child);

  g_object_ref (child);
  if (GTK_IS_BOX (from))
    gtk_box_remove (GTK_BOX (from), child);
  else if (GTK_IS_LIST_BOX (from))
    gtk_list_box_remove (GTK_LIST_BOX (from), child);
  else
    gtk_widget_unparent (child);
  if (GTK_IS_BOX (box))
    gtk_box_insert_child_after (GTK_BOX (box), child, after);
  else
    gtk_list_box_insert (GTK_LIST_BOX (box), child,
                         after ? gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (after)) + 1 : 0);
  g_object_unref (child);
}

static void
drop_child (GtkWidget *box, GtkWidget *child)
{
  if (GTK_IS_BOX (box))
    gtk_box_remove (GTK_BOX (box), child);
  else
    gtk_list_box_remove (GTK_LIST_BOX (box), child);
}

static gboolean keep (GtkWidget *shown, GtkWidget *fresh, gboolean ours);

static GPtrArray *
children_of (GtkWidget *widget, GPtrArray **described)
{
  GPtrArray *children = g_ptr_array_new ();

  *described = g_ptr_array_new_with_free_func (g_free);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      g_ptr_array_add (children, child);
      g_ptr_array_add (*described, cm_page_describe (child));
    }
  return children;
}

/* How far a shown child is looked for further down, when rows above it
 * have gone. */
#define LOOK_AHEAD 64

/* Swaps in the children of @fresh that differ from those of @shown. A
 * child that shows the same stays, though others came or went above it;
 * one that changed in place (the next ones still match) is made like its
 * new self where it can be, so that the keyboard stays on it. */
static void
keep_children (GtkWidget *shown, GtkWidget *fresh)
{
  g_autoptr(GPtrArray) old_text = NULL, new_text = NULL;
  g_autoptr(GPtrArray) old = children_of (shown, &old_text);
  g_autoptr(GPtrArray) new = children_of (fresh, &new_text);
  GtkWidget *before = NULL;
  guint i = 0;

#define SAME(o, n) (g_str_equal (g_ptr_array_index (old_text, o), g_ptr_array_index (new_text, n)))
  for (guint n = 0; n < new->len; n++)
    {
      GtkWidget *next = g_ptr_array_index (new, n);
      GtkWidget *here = i < old->len ? g_ptr_array_index (old, i) : NULL;
      guint k = i + 1;

      if (here && SAME (i, n))
        {
          before = here;
          i++;
          continue;
        }
      while (k < old->len && k <= i + LOOK_AHEAD && !SAME (k, n))
        k++;
      if (here && k < old->len && k <= i + LOOK_AHEAD)
        {
          /* The children between went. */
          for (; i < k; i++)
            drop_child (shown, g_ptr_array_index (old, i));
          before = g_ptr_array_index (old, i++);
          continue;
        }
      if (here && !(n + 1 < new->len && SAME (i, n + 1)) && keep (here, next, TRUE))
        {
          before = here;
          i++;
          continue;
        }
      /* New, or changed past keeping: in it goes, before what is shown. */
      take_child (shown, next, before);
      before = next;
      if (here && !(n + 1 < new->len && SAME (i, n + 1)))
        drop_child (shown, g_ptr_array_index (old, i++));
    }
#undef SAME
  for (; i < old->len; i++)
    drop_child (shown, g_ptr_array_index (old, i));
}

static gboolean
same_css (GtkWidget *a, GtkWidget *b)
{
  g_auto(GStrv) left = gtk_widget_get_css_classes (a);
  g_auto(GStrv) right = gtk_widget_get_css_classes (b);

  return g_strv_equal ((const char * const *) left, (const char * const *) right) &&
         gtk_widget_get_sensitive (a) == gtk_widget_get_sensitive (b);
}

/* Whether @shown can be made to show what @fresh does without giving way
 * to it whole: a label takes the new text, a box or a list swaps the
 * children that differ, anything else keeps its own children only when
 * each of them can be kept. */
static gboolean
can_keep (GtkWidget *shown, GtkWidget *fresh, gboolean ours)
{
  if (G_OBJECT_TYPE (shown) != G_OBJECT_TYPE (fresh))
    return FALSE;
  /* What the user typed is theirs until they apply it. */
  if (cm_page_entry_row_is_edited (shown))
    return same (shown, fresh, LIKE_CONTROL);
  if (same (shown, fresh, LIKE_WHOLLY))
    return TRUE;
  if (GTK_IS_LABEL (shown))
    return same_css (shown, fresh);
  if (!same (shown, fresh, LIKE_ITSELF) || is_closed_box (shown))
    return FALSE;
  if (takes_children (shown, ours))
    return TRUE;
  if (n_children (shown) != n_children (fresh))
    return FALSE;
  for (GtkWidget *a = gtk_widget_get_first_child (shown), *b = gtk_widget_get_first_child (fresh);
       a; a = gtk_widget_get_next_sibling (a), b = gtk_widget_get_next_sibling (b))
    if (!can_keep (a, b, FALSE))
      return FALSE;
  return TRUE;
}

/* A row's title and subtitle are its own, which its labels follow and
 * screen readers read. */
static void
copy_row_text (GtkWidget *shown, GtkWidget *fresh)
{
  if (ADW_IS_PREFERENCES_ROW (shown))
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (shown),
                                   adw_preferences_row_get_title (ADW_PREFERENCES_ROW (fresh)));
  if (ADW_IS_ACTION_ROW (shown))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (shown),
                                 adw_action_row_get_subtitle (ADW_ACTION_ROW (fresh)));
  else if (ADW_IS_EXPANDER_ROW (shown))
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (shown),
                                   adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (fresh)));
  else if (ADW_IS_PREFERENCES_GROUP (shown))
    {
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (shown),
                                       adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (fresh)));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (shown),
                                             adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (fresh)));
    }
}

static void
make_like (GtkWidget *shown, GtkWidget *fresh, gboolean ours)
{
  if (cm_page_entry_row_is_edited (shown) || same (shown, fresh, LIKE_WHOLLY))
    return;
  copy_row_text (shown, fresh);
  if (GTK_IS_LABEL (shown))
    {
      gtk_label_set_use_markup (GTK_LABEL (shown), gtk_label_get_use_markup (GTK_LABEL (fresh)));
      gtk_label_set_label (GTK_LABEL (shown), gtk_label_get_label (GTK_LABEL (fresh)));
      gtk_widget_set_tooltip_text (shown, gtk_widget_get_tooltip_text (fresh));
      gtk_widget_set_visible (shown, gtk_widget_get_visible (fresh));
    }
  else if (takes_children (shown, ours))
    keep_children (shown, fresh);
  else
    for (GtkWidget *a = gtk_widget_get_first_child (shown),
         *b = gtk_widget_get_first_child (fresh);
         a; a = gtk_widget_get_next_sibling (a), b = gtk_widget_get_next_sibling (b))
      make_like (a, b, FALSE);
}

static gboolean
keep (GtkWidget *shown, GtkWidget *fresh, gboolean ours)
{
  if (!can_keep (shown, fresh, ours))
    return FALSE;
  make_like (shown, fresh, ours);
  return TRUE;
}

void
cm_page_keep_shown (GtkWidget *box, GtkWidget *fresh)
{
  GtkWidget *shown = gtk_widget_get_first_child (box);

  g_object_ref_sink (fresh);
  if (shown == NULL || !keep (shown, fresh, TRUE))
    {
      if (shown)
        drop_child (box, shown);
      if (GTK_IS_BOX (box))
        gtk_box_append (GTK_BOX (box), fresh);
      else
        gtk_list_box_append (GTK_LIST_BOX (box), fresh);
    }
  g_object_unref (fresh);
}

void
cm_page_keep_rows (GtkWidget *list, GtkWidget *fresh)
{
  g_object_ref_sink (fresh);
  keep_children (list, fresh);
  g_object_unref (fresh);
}
