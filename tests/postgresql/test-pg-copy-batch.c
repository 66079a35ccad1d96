/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-pg-copy-batch.c: which INSERTs a server may take as COPY, and their
 * rows held in COPY's text form and read back exactly */
#include <string.h>

#include "cm-db-pg-copy-batch.h"

/* Statements in PostgreSQL's form; the COPY each gives, NULL for none. */
static const struct {
  const char *insert;
  const char *copy;
} targets[] = {
  { "INSERT INTO audit (id, at) VALUES ($1, $2)", "COPY \"audit\" (\"id\", \"at\") FROM STDIN" },
  { "insert into Contract (Reference , row_version) values ( $2,$1 ) ;",
    "COPY \"contract\" (\"reference\", \"row_version\") FROM STDIN" },
  { "INSERT INTO \"Odd \"\"t\"\"\" (a) VALUES ($1)", "COPY \"Odd \"\"t\"\"\" (\"a\") FROM STDIN" },
  /* a value that is not a value of its own, or not every column's */
  { "INSERT INTO t (a, b) VALUES ($1, $1)", NULL },
  { "INSERT INTO t (a, b) VALUES ($1, 2)", NULL },
  { "INSERT INTO t (a, b) VALUES ($1, lower ($2))", NULL },
  { "INSERT INTO t (a) VALUES ($2)", NULL },
  { "INSERT INTO t (a, b) VALUES ($1)", NULL },
  { "INSERT INTO t (a) VALUES ($1) ON CONFLICT DO NOTHING", NULL },
  { "INSERT INTO t (a) VALUES ($1), ($2)", NULL },
  { "INSERT INTO t (a) VALUES ($1) RETURNING id", NULL },
  { "INSERT INTO t DEFAULT VALUES", NULL },
  { "INSERT INTO t (a) SELECT $1", NULL },
  { "INSERT INTO s.t (a) VALUES ($1)", NULL },
  { "UPDATE t SET a = $1", NULL },
};

static void
test_targets (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autoptr(CmDbPgCopyTarget) target = cm_db_pg_copy_target_of_insert (targets[i].insert);

      g_test_message ("%s", targets[i].insert);
      g_assert_cmpstr (target ? target->copy_sql : NULL, ==, targets[i].copy);
    }
}

/* The values a register may hold that COPY's text form must escape. */
static const char *const awkward[] = {
  "plain", "", "\\N", "back\\slash", "tab\there", "line\nbreak", "carriage\rreturn", "\\.",
  "ends\\", "Ünïcödé – dash", "\\t not a tab",
};

/* Rows held from two statements in turn read back as each statement's
 * values, in its own order, NULL as NULL. */
static void
test_rows_read_back (void)
{
  g_autoptr(CmDbPgCopyTarget) first = cm_db_pg_copy_target_of_insert (
    "INSERT INTO a (x, y, z) VALUES ($3, $1, $2)");
  g_autoptr(CmDbPgCopyTarget) second = cm_db_pg_copy_target_of_insert (
    "INSERT INTO b (x) VALUES ($1)");
  g_autoptr(CmDbPgCopyBatch) batch = cm_db_pg_copy_batch_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  guint n = G_N_ELEMENTS (awkward);

  for (guint i = 0; i < n; i++)
    {
      const char *row[] = { awkward[i], i % 3 ? awkward[(i + 1) % n] : NULL, "3" };

      cm_db_pg_copy_batch_add (batch, "cm_1", first, row);
      cm_db_pg_copy_batch_add (batch, "cm_2", second, (const char *[]) { awkward[n - 1 - i] });
    }
  g_assert_cmpuint (cm_db_pg_copy_batch_n_rows (batch), ==, 2 * n);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpstr (cm_db_pg_copy_batch_row (batch, 2 * i, values), ==, "cm_1");
      g_assert_cmpuint (values->len, ==, 3);
      g_assert_cmpstr (values->pdata[0], ==, awkward[i]);
      g_assert_cmpstr (values->pdata[1], ==, i % 3 ? awkward[(i + 1) % n] : NULL);
      g_assert_cmpstr (values->pdata[2], ==, "3");
      g_assert_cmpstr (cm_db_pg_copy_batch_row (batch, 2 * i + 1, values), ==, "cm_2");
      g_assert_cmpuint (values->len, ==, 1);
      g_assert_cmpstr (values->pdata[0], ==, awkward[n - 1 - i]);
    }
  cm_db_pg_copy_batch_clear (batch);
  g_assert_cmpuint (cm_db_pg_copy_batch_n_rows (batch), ==, 0);
  g_assert_cmpuint (cm_db_pg_copy_batch_size (batch), ==, 0);
}

/* Each value's text as COPY reads it: a tab or line end only between
 * values and rows, and the columns in the table's order. */
static void
test_copy_text (void)
{
  g_autoptr(CmDbPgCopyTarget) target = cm_db_pg_copy_target_of_insert (
    "INSERT INTO a (x, y, z) VALUES ($3, $1, $2)");
  g_autoptr(CmDbPgCopyBatch) batch = cm_db_pg_copy_batch_new ();
  GPtrArray *parts;
  const char *data;
  gsize length;

  cm_db_pg_copy_batch_add (batch, "cm_1", target,
                           (const char *[]) { "tab\there", NULL, "back\\slash\nline" });
  parts = cm_db_pg_copy_batch_parts (batch, NULL);
  g_assert_cmpuint (parts->len, ==, 1);
  data = cm_db_pg_copy_part_data (parts->pdata[0], &length);
  g_assert_cmpstr (data, ==, "back\\\\slash\\nline\ttab\\there\t\\N\n");
  g_assert_cmpuint (length, ==, strlen (data));
  g_assert_cmpuint (cm_db_pg_copy_batch_size (batch), ==, length);
}

/* A table is copied after the tables it references, however its rows
 * came; others in the order they first came. */
static void
test_parts_follow_references (void)
{
  const char *statements[][2] = {
    { "cm_1", "INSERT INTO audit (id) VALUES ($1)" },
    { "cm_2", "INSERT INTO contract (id) VALUES ($1)" },
    { "cm_3", "INSERT INTO provider (id) VALUES ($1)" },
    { "cm_4", "INSERT INTO service (id) VALUES ($1)" },
    { "cm_5", "INSERT INTO organisation (id) VALUES ($1)" },
  };
  const char *expected[] = { "audit", "provider", "organisation", "service", "contract" };
  g_autoptr(GPtrArray) references = g_ptr_array_new ();
  g_autoptr(CmDbPgCopyBatch) batch = cm_db_pg_copy_batch_new ();
  GPtrArray *parts;

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      g_autoptr(CmDbPgCopyTarget) target = cm_db_pg_copy_target_of_insert (statements[i][1]);

      cm_db_pg_copy_batch_add (batch, statements[i][0], target, (const char *[]) { "1" });
    }
  for (const char *const *pair = (const char *const[]) {
         "contract", "provider", "contract", "service", "service", "organisation",
         "contract", "contract", "other", "audit", NULL };
       *pair; pair++)
    g_ptr_array_add (references, (gpointer) *pair);
  parts = cm_db_pg_copy_batch_parts (batch, references);
  g_assert_cmpuint (parts->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < parts->len; i++)
    {
      g_autofree char *copy = g_strdup_printf ("COPY \"%s\" (\"id\") FROM STDIN", expected[i]);

      g_assert_cmpstr (cm_db_pg_copy_part_sql (parts->pdata[i]), ==, copy);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pg-copy-batch/targets", test_targets);
  g_test_add_func ("/pg-copy-batch/rows-read-back", test_rows_read_back);
  g_test_add_func ("/pg-copy-batch/copy-text", test_copy_text);
  g_test_add_func ("/pg-copy-batch/parts-follow-references", test_parts_follow_references);
  return g_test_run ();
}
