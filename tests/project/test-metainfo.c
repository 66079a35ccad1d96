/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-metainfo.c: the About window's links and release notes, read from the metainfo */
#include <gio/gio.h>

#include "cm-metainfo.h"

static const char *built_metainfo;

static const char *translated =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<component type=\"desktop-application\">\n"
  "  <url type=\"homepage\"> https://example.com/home </url>\n"
  "  <releases>\n"
  "    <release version=\"0.2.0\" date=\"2026-12-24\">\n"
  "      <description>\n"
  "        <p>Second &amp; better.</p>\n"
  "        <p xml:lang=\"cy\">Ail.</p>\n"
  "        <p xml:lang=\"fr\">Deuxième.</p>\n"
  "        <ul><li>One</li><li xml:lang=\"cy\">Un</li><li>Two</li></ul>\n"
  "      </description>\n"
  "    </release>\n"
  "    <release version=\"0.1.0\" date=\"2026-11-22\">\n"
  "      <description><p>First.</p></description>\n"
  "    </release>\n"
  "  </releases>\n"
  "</component>\n";

/* The notes of the version asked for, as written: the markup escaped as
 * it was, translations left out. */
static void
test_notes_of_the_version (void)
{
  g_setenv ("LANGUAGE", "en_GB", TRUE);
  g_autofree char *second = cm_metainfo_release_notes (translated, strlen (translated), "0.2.0");
  g_autofree char *first = cm_metainfo_release_notes (translated, strlen (translated), "0.1.0");
  g_autofree char *none = cm_metainfo_release_notes (translated, strlen (translated), "9.9");

  g_assert_cmpstr (second, ==, "<p>Second &amp; better.</p><ul><li>One</li><li>Two</li></ul>");
  g_assert_cmpstr (first, ==, "<p>First.</p>");
  g_assert_null (none);
}

/* In the user's language where a paragraph or item is translated, and as
 * written where it is not; never two versions of one text. */
static void
test_notes_translated (void)
{
  g_autofree char *welsh = NULL;
  g_autofree char *french_first = NULL;

  g_setenv ("LANGUAGE", "cy", TRUE);
  welsh = cm_metainfo_release_notes (translated, strlen (translated), "0.2.0");
  g_setenv ("LANGUAGE", "fr:cy", TRUE);
  french_first = cm_metainfo_release_notes (translated, strlen (translated), "0.2.0");
  g_unsetenv ("LANGUAGE");

  g_assert_cmpstr (welsh, ==, "<p>Ail.</p><ul><li>Un</li><li>Two</li></ul>");
  g_assert_cmpstr (french_first, ==, "<p>Deuxième.</p><ul><li>Un</li><li>Two</li></ul>");
}

static void
test_links (void)
{
  g_autofree char *home = cm_metainfo_url (translated, strlen (translated), "homepage");
  g_autofree char *issues = cm_metainfo_url (translated, strlen (translated), "bugtracker");

  g_assert_cmpstr (home, ==, "https://example.com/home");
  g_assert_null (issues);
}

static void
test_not_a_document (void)
{
  const char *broken = "<component><releases><release version=\"0.1.0\">";

  g_assert_null (cm_metainfo_release_notes (broken, strlen (broken), "0.1.0"));
  g_assert_null (cm_metainfo_url (NULL, 0, "homepage"));
}

/* The metainfo this build installs has notes for the version it builds,
 * and the project's own links. */
static void
test_built_metainfo (void)
{
  g_autofree char *xml = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *home = NULL;
  g_autofree char *issues = NULL;

  g_assert_true (g_file_get_contents (built_metainfo, &xml, &length, &error));
  g_assert_no_error (error);
  notes = cm_metainfo_release_notes (xml, length, PACKAGE_VERSION);
  home = cm_metainfo_url (xml, length, "homepage");
  issues = cm_metainfo_url (xml, length, "bugtracker");
  g_assert_nonnull (notes);
  g_assert_true (g_str_has_prefix (notes, "<p>"));
  g_assert_null (strstr (notes, "xml:lang"));
  g_assert_cmpstr (home, ==, "https://github.com/commissionerapp/commissioner");
  g_assert_cmpstr (issues, ==, "https://github.com/commissionerapp/commissioner/issues");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (argc < 2)
    {
      g_printerr ("usage: test-metainfo METAINFO\n");
      return 2;
    }
  built_metainfo = argv[1];
  g_test_add_func ("/metainfo/notes-of-the-version", test_notes_of_the_version);
  g_test_add_func ("/metainfo/notes-translated", test_notes_translated);
  g_test_add_func ("/metainfo/links", test_links);
  g_test_add_func ("/metainfo/not-a-document", test_not_a_document);
  g_test_add_func ("/metainfo/built", test_built_metainfo);
  return g_test_run ();
}
