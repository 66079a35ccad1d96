/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-metainfo.c: what the About window reads from the application's metainfo */
#include <gio/gio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "cm-metainfo.h"

#define METAINFO_RESOURCE "/org/commissioner/Commissioner/metainfo.xml"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlBuffer, xmlBufferFree)

static xmlDoc *
parse (const char *xml, gsize length)
{
  if (xml == NULL || length > G_MAXINT)
    return NULL;
  /* Never fetches anything the document refers to. */
  return xmlReadMemory (xml, (int) length, "metainfo.xml", "UTF-8",
                        XML_PARSE_NONET | XML_PARSE_NOBLANKS | XML_PARSE_NOERROR |
                        XML_PARSE_NOWARNING);
}

static gboolean
is_element (xmlNode *node, const char *name)
{
  return node->type == XML_ELEMENT_NODE && xmlStrcmp (node->name, BAD_CAST name) == 0;
}

static gboolean
attribute_is (xmlNode *node, const char *name, const char *value)
{
  xmlChar *found = xmlGetProp (node, BAD_CAST name);
  gboolean same = found && xmlStrcmp (found, BAD_CAST value) == 0;

  xmlFree (found);
  return same;
}

/* The first child @name of @parent whose @attribute is @value, or any
 * child @name when @attribute is NULL. */
static xmlNode *
find_child (xmlNode *parent, const char *name, const char *attribute, const char *value)
{
  for (xmlNode *child = parent ? parent->children : NULL; child; child = child->next)
    if (is_element (child, name) && (attribute == NULL || attribute_is (child, attribute, value)))
      return child;
  return NULL;
}

static xmlAttr *
language_of (xmlNode *node)
{
  return node->type == XML_ELEMENT_NODE ? xmlHasNsProp (node, BAD_CAST "lang", XML_XML_NAMESPACE)
                                        : NULL;
}

/* Where a translation's language comes in the user's preferences, or -1. */
static int
rank_of (xmlNode *translation)
{
  const char * const *languages = g_get_language_names ();
  xmlChar *lang = xmlNodeGetContent ((xmlNode *) language_of (translation));
  int rank = -1;

  for (int i = 0; lang && languages[i] && rank < 0; i++)
    if (xmlStrcmp (lang, BAD_CAST languages[i]) == 0)
      rank = i;
  xmlFree (lang);
  return rank;
}

/* Of @original and the translations that follow it, the one in the
 * language the user prefers most, the original when there is none. */
static xmlNode *
best_version (xmlNode *original)
{
  xmlNode *best = original;
  int best_rank = G_MAXINT;

  for (xmlNode *next = original->next; next && (next->type != XML_ELEMENT_NODE ||
                                                language_of (next)); next = next->next)
    {
      int rank = next->type == XML_ELEMENT_NODE ? rank_of (next) : -1;

      if (rank >= 0 && rank < best_rank)
        best = next, best_rank = rank;
    }
  return best;
}

/* Translations sit beside the text they translate, marked xml:lang: keeps
 * one version of each, in the user's language where there is one, and
 * unmarked, as the About window takes it. */
static void
choose_translations (xmlNode *parent)
{
  xmlNode *child = parent->children;

  while (child)
    {
      xmlNode *next = child->next;

      if (child->type == XML_ELEMENT_NODE && language_of (child))
        {
          xmlUnlinkNode (child);
          xmlFreeNode (child);
        }
      else if (child->type == XML_ELEMENT_NODE)
        {
          xmlNode *best = best_version (child);

          if (best != child)
            {
              /* Taken out first, so the loop still sees the others to drop. */
              next = best == next ? best->next : next;
              xmlUnlinkNode (best);
              xmlRemoveProp (language_of (best));
              xmlReplaceNode (child, best);
              xmlFreeNode (child);
              child = best;
            }
          choose_translations (child);
        }
      child = next;
    }
}

char *
cm_metainfo_release_notes (const char *xml, gsize length, const char *version)
{
  g_autoptr(xmlDoc) doc = parse (xml, length);
  g_autoptr(xmlBuffer) buffer = NULL;
  xmlNode *root = doc ? xmlDocGetRootElement (doc) : NULL;
  xmlNode *release = find_child (find_child (root, "releases", NULL, NULL), "release",
                                 "version", version);
  xmlNode *description = find_child (release, "description", NULL, NULL);

  if (description == NULL)
    return NULL;
  choose_translations (description);
  buffer = xmlBufferCreate ();
  for (xmlNode *child = description->children; child; child = child->next)
    if (child->type == XML_ELEMENT_NODE)
      xmlNodeDump (buffer, doc, child, 0, 0);
  return xmlBufferLength (buffer) > 0 ? g_strdup ((const char *) xmlBufferContent (buffer))
                                      : NULL;
}

char *
cm_metainfo_url (const char *xml, gsize length, const char *type)
{
  g_autoptr(xmlDoc) doc = parse (xml, length);
  xmlNode *url = find_child (doc ? xmlDocGetRootElement (doc) : NULL, "url", "type", type);
  xmlChar *text = url ? xmlNodeGetContent (url) : NULL;
  char *address = text ? g_strstrip (g_strdup ((const char *) text)) : NULL;

  xmlFree (text);
  return address;
}

GBytes *
cm_metainfo_builtin (void)
{
  return g_resources_lookup_data (METAINFO_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
}
