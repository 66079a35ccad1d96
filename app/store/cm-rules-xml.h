/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-rules-xml.h: reading the shipped rules (XML) and translating their wording
 *
 * The rules the core ships (the cycle template, thresholds, procurement
 * notices) are XML so that xgettext can extract their wording through
 * data/its/commissioner.its. Codes are attributes and are read as they
 * are; the text of elements is what users read, and is translated here.
 */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* Parses @text; NULL and @error when it is not well-formed XML whose root
 * element is @root. */
xmlDoc   *cm_rules_xml_parse       (const char *text, gssize length, const char *root,
                                    GError **error);

/* Reads the resource at @path with cm_rules_xml_parse(). */
xmlDoc   *cm_rules_xml_load        (const char *path, const char *root, GError **error);

/* The first child element of @parent named @name, or the next sibling
 * element after @node with its name; NULL when there is none. */
xmlNode  *cm_rules_xml_child       (xmlNode *parent, const char *name);
xmlNode  *cm_rules_xml_next        (xmlNode *node);

/* @node's attribute @name, or "" when it has none; free with g_free(). */
char     *cm_rules_xml_attribute   (xmlNode *node, const char *name);

/* The text of @node's child element @name, with its white space collapsed
 * as xgettext collapses it (the msgid), untranslated; "" when there is no
 * such child. Free with g_free(). */
char     *cm_rules_xml_text        (xmlNode *node, const char *name);

/* @msgid, as cm_rules_xml_text() gives it, in the user's language; owned
 * by the catalogue (or @msgid itself when it has no translation). */
const char *cm_rules_xml_translate (const char *msgid);

/* cm_rules_xml_text() translated in the application's domain. Free with
 * g_free(). */
char     *cm_rules_xml_translated  (xmlNode *node, const char *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

G_END_DECLS
