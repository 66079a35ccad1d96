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
#include "cm-organisation.h"
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

      if (g_str_equal (key, "needs-assessment"))
        {
          g_assert_cmpstr (cm_checklist_item_get_title (item), ==, title);
          g_assert_cmpstr (cm_checklist_item_get_guidance (item), ==, guidance);
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

/* The template's first item of @items, found by key. */
static CmChecklistItem *
item_by_key (GPtrArray *items, const char *key)
{
  for (guint i = 0; i < items->len; i++)
    if (g_str_equal (cm_checklist_item_get_template_key (g_ptr_array_index (items, i)), key))
      return g_ptr_array_index (items, i);
  g_assert_not_reached ();
}

/* A portfolio is shared by people with different languages: the
 * template's wording is written in English, audit rows included, and
 * shown in the reader's language; the commissioner's own item is written
 * and shown as typed. */
static void
test_checklist_stored_in_english (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("stored.commissioner", &path);
  g_autoptr(CmService) service = cm_service_new ("Carers support");
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) reread = NULL;
  g_autoptr(CmEntity) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = in_xx (item_title);
  g_autofree char *stored_title = NULL, *stored_guidance = NULL, *audited = NULL;
  g_autofree char *own = NULL;
  g_autoptr(CmOrganisation) lead =
    cm_organisation_new ("Adult Social Care", CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE);
  gint64 id;

  g_object_set (service, "lead-commissioner-id", cm_test_save (store, lead), NULL);
  id = cm_test_save (store, service);

  items = cm_checklist_items (store, id, 1, CM_STAGE_ANALYSE);
  draft = cm_entity_copy (CM_ENTITY (item_by_key (items, "needs-assessment")));
  g_object_set (draft, "evidence", "Needs assessment 2024", NULL);
  g_assert_true (cm_checklist_save_item (store, CM_CHECKLIST_ITEM (draft), &error));
  g_assert_no_error (error);
  g_assert_true (cm_checklist_add_item (store, service, "[xx] Visit the day centre", TRUE,
                                        &error));
  g_assert_no_error (error);

  stored_title = cm_test_query_text (path, "SELECT title FROM checklist_item "
                                           "WHERE template_key = 'needs-assessment'");
  stored_guidance = cm_test_query_text (path, "SELECT guidance FROM checklist_item "
                                              "WHERE template_key = 'needs-assessment'");
  audited = cm_test_query_text (path, "SELECT new_value FROM audit WHERE entity = "
                                      "'checklist_item' AND field = 'title' AND entity_id = "
                                      "(SELECT id FROM checklist_item WHERE template_key = "
                                      "'needs-assessment')");
  own = cm_test_query_text (path, "SELECT title FROM checklist_item WHERE template_key = ''");
  g_assert_cmpstr (stored_title, ==, item_title);
  g_assert_cmpstr (stored_guidance, ==, item_guidance);
  g_assert_cmpstr (audited, ==, item_title);
  g_assert_cmpstr (own, ==, "[xx] Visit the day centre");

  reread = cm_checklist_items (store, id, 1, CM_STAGE_ANALYSE);
  g_assert_cmpint (cm_entity_get_id (CM_ENTITY (item_by_key (reread, "needs-assessment"))),
                   !=, 0);
  g_assert_cmpstr (cm_checklist_item_get_title (item_by_key (reread, "needs-assessment")), ==,
                   title);
  g_assert_cmpstr (cm_checklist_item_get_title (g_ptr_array_index (reread, reread->len - 1)),
                   ==, "[xx] Visit the day centre");
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
  g_test_add_func ("/translated-rules/checklist-stored-in-english",
                   test_checklist_stored_in_english);
  g_test_add_func ("/translated-rules/thresholds", test_thresholds);
  g_test_add_func ("/translated-rules/notices", test_notices);
  return g_test_run ();
}
