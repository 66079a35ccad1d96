/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-translated-rules.c: the shipped rules' wording comes out in the user's language
 *
 * A real catalogue, built by msgfmt for a made-up language "xx", translates
 * one checklist item, one threshold and one notice; the core, run with
 * LANGUAGE=xx, must show those translated, leave the rest as written, and
 * keep every key and code as it is.
 */
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <locale.h>

#include "cm-checklist.h"
#include "cm-procurement-rules.h"
#include "cm-resources.h"
#include "cm-thresholds.h"
#include "cm-test-util.h"

#define RULES "/org/commissioner/Commissioner/rules/"

/* The English wording, read from the shipped files before any catalogue
 * is bound, so the test follows the data rather than copying it. */
static char *item_title, *item_guidance, *other_title;
static char *threshold_label, *notice_title, *notice_when;

/* The text of the child @name of the first element @element whose
 * attribute @attribute is @value, in the resource at @path. */
static char *
english (const char *path, const char *element, const char *attribute, const char *value,
         const char *name)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
  xmlDoc *doc;
  char *text = NULL;

  g_assert_nonnull (bytes);
  doc = xmlReadMemory (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, NULL,
                       XML_PARSE_NONET);
  g_assert_nonnull (doc);
  for (xmlNode *node = xmlDocGetRootElement (doc); node && text == NULL; )
    {
      xmlChar *found = xmlGetProp (node, (const xmlChar *) attribute);

      if (node->type == XML_ELEMENT_NODE && g_str_equal ((const char *) node->name, element) &&
          found && g_str_equal ((const char *) found, value))
        for (xmlNode *child = node->children; child && text == NULL; child = child->next)
          if (child->type == XML_ELEMENT_NODE && g_str_equal ((const char *) child->name, name))
            {
              xmlChar *content = xmlNodeGetContent (child);

              text = g_strdup ((const char *) content);
              xmlFree (content);
            }
      xmlFree (found);
      /* Depth first through the document. */
      if (node->children)
        node = node->children;
      else
        {
          while (node && node->next == NULL)
            node = node->parent;
          node = node ? node->next : NULL;
        }
    }
  xmlFreeDoc (doc);
  g_assert_nonnull (text);
  return text;
}

static void
append_message (GString *po, const char *msgid)
{
  g_autofree char *id = g_strescape (msgid, NULL);

  g_string_append_printf (po, "msgid \"%s\"\nmsgstr \"[xx] %s\"\n\n", id, id);
}

/* Builds xx/LC_MESSAGES/commissioner.mo under a fresh folder with msgfmt
 * and binds the domain to that folder. */
static void
install_catalogue (void)
{
  g_autofree char *msgfmt = g_find_program_in_path ("msgfmt");
  g_autofree char *root = cm_test_temp_path ("locale");
  g_autofree char *folder = g_build_filename (root, "xx", "LC_MESSAGES", NULL);
  g_autofree char *po_path = g_build_filename (root, "xx.po", NULL);
  g_autofree char *mo_path = g_build_filename (folder, GETTEXT_PACKAGE ".mo", NULL);
  g_autoptr(GString) po = g_string_new ("msgid \"\"\n"
                                        "msgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n");
  g_autoptr(GError) error = NULL;
  const char *argv[] = { msgfmt, "-o", mo_path, po_path, NULL };
  int status = -1;

  g_assert_nonnull (msgfmt);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  append_message (po, item_title);
  append_message (po, item_guidance);
  append_message (po, threshold_label);
  append_message (po, notice_title);
  append_message (po, notice_when);
  g_file_set_contents (po_path, po->str, -1, &error);
  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status,
                &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (bindtextdomain (GETTEXT_PACKAGE, root));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
}

static char *
in_xx (const char *english)
{
  return g_strconcat ("[xx] ", english, NULL);
}

static void
test_checklist (void)
{
  g_autoptr(CmStore) store = cm_test_open_new ("checklist.commissioner", NULL);
  g_autoptr(GPtrArray) items = cm_checklist_items (store, 1, 1, CM_STAGE_ANALYSE);
  g_autofree char *title = in_xx (item_title);
  g_autofree char *guidance = in_xx (item_guidance);
  gboolean seen = FALSE, other_seen = FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      CmChecklistItem *item = g_ptr_array_index (items, i);
      const char *key = cm_checklist_item_get_template_key (item);
      g_autofree char *shown_guidance = NULL;

      g_object_get (item, "guidance", &shown_guidance, NULL);
      if (g_str_equal (key, "needs-assessment"))
        {
          g_assert_cmpstr (cm_checklist_item_get_title (item), ==, title);
          g_assert_cmpstr (shown_guidance, ==, guidance);
          seen = TRUE;
        }
      if (g_str_equal (key, "map-provision"))
        {
          /* Not in the catalogue: shown as written. */
          g_assert_cmpstr (cm_checklist_item_get_title (item), ==, other_title);
          other_seen = TRUE;
        }
    }
  g_assert_true (seen);
  g_assert_true (other_seen);
}

static void
test_thresholds (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) thresholds = cm_thresholds_load (&error);
  g_autofree char *label = in_xx (threshold_label);
  GDate day;
  const CmThreshold *works;

  g_assert_no_error (error);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, G_DATE_JUNE, 2024);
  works = cm_thresholds_in_force (thresholds, "works", &day);
  g_assert_nonnull (works);
  g_assert_cmpstr (works->label, ==, label);
  g_assert_cmpstr (works->kind, ==, "works");
}

static void
test_notices (void)
{
  const CmProcurementRules *rules = cm_procurement_rules_get ();
  g_autofree char *title = in_xx (notice_title);
  g_autofree char *when = in_xx (notice_when);
  guint found = 0;

  for (guint i = 0; i < rules->notices->len; i++)
    {
      const CmNoticeRule *rule = g_ptr_array_index (rules->notices, i);

      if (!g_str_equal (rule->code, "UK4"))
        continue;
      g_assert_cmpstr (rule->title, ==, title);
      g_assert_cmpstr (rule->when, ==, when);
      g_assert_true (cm_notice_rule_applies_to (rule, "procurement-act-2023", "open"));
      found++;
    }
  g_assert_cmpuint (found, ==, 1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  cm_resources_ensure ();
  item_title = english (RULES "cycle-template.xml", "item", "key", "needs-assessment", "title");
  item_guidance = english (RULES "cycle-template.xml", "item", "key", "needs-assessment",
                           "guidance");
  other_title = english (RULES "cycle-template.xml", "item", "key", "map-provision", "title");
  threshold_label = english (RULES "thresholds.xml", "threshold", "kind", "works", "label");
  notice_title = english (RULES "procurement-notices.xml", "notice", "code", "UK4", "title");
  notice_when = english (RULES "procurement-notices.xml", "notice", "code", "UK4", "when");

  /* Set before the first lookup: the language is read as messages are. */
  g_setenv ("LANGUAGE", "xx", TRUE);
  setlocale (LC_ALL, "");
  install_catalogue ();

  g_test_add_func ("/translated-rules/checklist", test_checklist);
  g_test_add_func ("/translated-rules/thresholds", test_thresholds);
  g_test_add_func ("/translated-rules/notices", test_notices);
  return g_test_run ();
}
