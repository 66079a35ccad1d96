/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-change-set.c: the note a commit sends naming the records it changed
 *
 * A note read back names the same records; ids that do not fit the limit
 * leave their table named alone, the earlier tables keeping theirs; a
 * table past the records a set names is named alone; an older program's
 * note of table names, and text that is not a note, read safely.
 */
#include <string.h>

#include "cm-change-set.h"

/* @table's ids in @set as "1,2,3", or "whole". */
static char *
ids_of (CmChangeSet *set, const char *table)
{
  GArray *ids = cm_change_set_ids (set, table);
  GString *text;

  if (ids == NULL)
    return g_strdup ("whole");
  text = g_string_new (NULL);
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i ? "," : "",
                            g_array_index (ids, gint64, i));
  return g_string_free (text, FALSE);
}

static CmChangeSet *
read_note (const char *note)
{
  CmChangeSet *set = cm_change_set_new ();

  cm_change_set_add_note (set, note);
  return set;
}

static void
assert_ids (CmChangeSet *set, const char *table, const char *expected)
{
  g_autofree char *ids = ids_of (set, table);

  g_assert_cmpstr (ids, ==, expected);
}

static void
test_round_trip (void)
{
  g_autoptr(CmChangeSet) set = cm_change_set_new ();
  g_autoptr(CmChangeSet) back = NULL;
  g_autofree char *note = NULL;

  cm_change_set_add_record (set, "contract", 12);
  cm_change_set_add_record (set, "service", 4);
  cm_change_set_add_record (set, "contract", 13);
  cm_change_set_add_record (set, "contract", 12);
  cm_change_set_add_table (set, "meta");
  cm_change_set_set_audit_row (set, 1234);
  note = cm_change_set_to_note (set, 7999);
  g_assert_cmpstr (note, ==, "@1234;contract:12,13;service:4;meta");
  back = read_note (note);
  g_assert_cmpuint (cm_change_set_n_tables (back), ==, 3);
  g_assert_cmpstr (cm_change_set_table (back, 0), ==, "contract");
  assert_ids (back, "contract", "12,13");
  assert_ids (back, "service", "4");
  assert_ids (back, "meta", "whole");
  g_assert_cmpint (cm_change_set_audit_row (back), ==, 1234);
}

/* A table named whole stays so, whatever records of it are added. */
static void
test_whole_table_wins (void)
{
  g_autoptr(CmChangeSet) set = cm_change_set_new ();
  g_autoptr(CmChangeSet) merged = read_note ("contract:1,2");

  cm_change_set_add_record (set, "contract", 1);
  cm_change_set_add_table (set, "contract");
  cm_change_set_add_record (set, "contract", 2);
  assert_ids (set, "contract", "whole");
  cm_change_set_add_note (merged, "contract");
  cm_change_set_add_note (merged, "contract:3");
  assert_ids (merged, "contract", "whole");
}

/* Ids past the limit: their table is named alone, and the note fits. */
static void
test_limit_names_table_alone (void)
{
  g_autoptr(CmChangeSet) set = cm_change_set_new ();
  g_autoptr(CmChangeSet) back = NULL;
  g_autofree char *note = NULL;

  cm_change_set_add_record (set, "service", 7);
  for (gint64 id = 10000000; id < 10000000 + CM_CHANGE_SET_MAX_RECORDS; id++)
    cm_change_set_add_record (set, "contract", id);
  cm_change_set_add_record (set, "provider", 9);
  cm_change_set_set_audit_row (set, 55);
  note = cm_change_set_to_note (set, 7999);
  g_assert_cmpuint (strlen (note), <=, 7999);
  back = read_note (note);
  assert_ids (back, "service", "7");
  assert_ids (back, "contract", "whole");
  assert_ids (back, "provider", "9");
  g_clear_pointer (&note, g_free);
  /* No room for any ids: every table named alone, none left out. */
  note = cm_change_set_to_note (set, 10);
  g_assert_cmpstr (note, ==, "@55;service;contract;provider");
}

/* One record more than a set names: the table is named alone. */
static void
test_too_many_records (void)
{
  g_autoptr(CmChangeSet) set = cm_change_set_new ();

  for (gint64 id = 1; id <= CM_CHANGE_SET_MAX_RECORDS; id++)
    cm_change_set_add_record (set, "contract", id);
  g_assert_nonnull (cm_change_set_ids (set, "contract"));
  cm_change_set_add_record (set, "contract", CM_CHANGE_SET_MAX_RECORDS);
  g_assert_nonnull (cm_change_set_ids (set, "contract"));
  cm_change_set_add_record (set, "contract", CM_CHANGE_SET_MAX_RECORDS + 1);
  assert_ids (set, "contract", "whole");
}

static void
test_older_and_bad_notes (void)
{
  g_autoptr(CmChangeSet) older = read_note ("contract,service,meta");
  g_autoptr(CmChangeSet) bad = read_note ("contract:12,x;pro vider:3;;@zz;:4");
  g_autoptr(CmChangeSet) empty = read_note ("");

  g_assert_cmpuint (cm_change_set_n_tables (older), ==, 3);
  assert_ids (older, "service", "whole");
  /* An id it cannot read: the table is read whole; a name with a space
   * or none names nothing. */
  g_assert_cmpuint (cm_change_set_n_tables (bad), ==, 1);
  assert_ids (bad, "contract", "whole");
  g_assert_cmpint (cm_change_set_audit_row (bad), ==, 0);
  g_assert_true (cm_change_set_is_empty (empty));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/change-set/round-trip", test_round_trip);
  g_test_add_func ("/change-set/whole-table-wins", test_whole_table_wins);
  g_test_add_func ("/change-set/limit-names-table-alone", test_limit_names_table_alone);
  g_test_add_func ("/change-set/too-many-records", test_too_many_records);
  g_test_add_func ("/change-set/older-and-bad-notes", test_older_and_bad_notes);
  return g_test_run ();
}
