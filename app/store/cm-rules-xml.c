/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-rules-xml.c: reading the shipped rules (XML) and translating their wording */
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <libxml/parser.h>

#include "cm-resources.h"
#include "cm-rules-xml.h"

xmlDoc *
cm_rules_xml_parse (const char *text, gssize length, const char *root, GError **error)
{
  xmlDoc *doc;
  xmlNode *top;

  if (length < 0)
    length = strlen (text);
  /* The rules are ours: no network, no entities from outside, and no
   * messages printed by libxml2 (the error below says what to do). */
  doc = xmlReadMemory (text, (int) length, NULL, "UTF-8",
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  top = doc ? xmlDocGetRootElement (doc) : NULL;
  if (top == NULL || g_strcmp0 ((const char *) top->name, root) != 0)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The rules file “%s.xml” shipped with Commissioner is damaged. "
                     "Reinstall the application."), root);
    }
  return doc;
}

xmlDoc *
cm_rules_xml_load (const char *path, const char *root, GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  cm_resources_ensure ();
  bytes = g_resources_lookup_data (path, 0, error);
  if (bytes == NULL)
    return NULL;
  return cm_rules_xml_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), root,
                             error);
}

static xmlNode *
element_from (xmlNode *node, const char *name)
{
  for (; node; node = node->next)
    if (node->type == XML_ELEMENT_NODE && g_strcmp0 ((const char *) node->name, name) == 0)
      return node;
  return NULL;
}

xmlNode *
cm_rules_xml_child (xmlNode *parent, const char *name)
{
  return parent ? element_from (parent->children, name) : NULL;
}

xmlNode *
cm_rules_xml_next (xmlNode *node)
{
  return element_from (node->next, (const char *) node->name);
}

char *
cm_rules_xml_attribute (xmlNode *node, const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = g_strdup (value ? (const char *) value : "");

  xmlFree (value);
  return copy;
}

/* Runs of XML white space become one space, none at either end: the
 * msgid xgettext extracts, which the catalogue is looked up with. */
static char *
collapse_space (const char *text)
{
  GString *collapsed = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *c = text; *c; c++)
    {
      if (*c == ' ' || *c == '\t' || *c == '\n' || *c == '\r')
        {
          space = collapsed->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (collapsed, ' ');
      space = FALSE;
      g_string_append_c (collapsed, *c);
    }
  return g_string_free (collapsed, FALSE);
}

char *
cm_rules_xml_text (xmlNode *node, const char *name)
{
  xmlNode *child = cm_rules_xml_child (node, name);
  xmlChar *content = child ? xmlNodeGetContent (child) : NULL;
  char *text = collapse_space (content ? (const char *) content : "");

  xmlFree (content);
  return text;
}

const char *
cm_rules_xml_translate (const char *msgid)
{
  /* An empty msgid would fetch the catalogue's header. */
  if (msgid == NULL || *msgid == '\0')
    return msgid;
  return g_dgettext (GETTEXT_PACKAGE, msgid);
}

char *
cm_rules_xml_translated (xmlNode *node, const char *name)
{
  g_autofree char *text = cm_rules_xml_text (node, name);

  return g_strdup (cm_rules_xml_translate (text));
}
