/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-db-pg-copy-batch.h: single-row INSERTs held to be sent as one COPY per table
 *
 * A server takes a COPY's rows many times faster than the same rows as
 * INSERTs, even pipelined: no statement is run for each. While results may
 * wait (cm_db_defer_results ()), the rows of INSERTs whose every value is
 * a value of its own are held here in COPY's text form, one part for each
 * statement, in the order they came; each row can be read back as the
 * values of its INSERT, to be run as it would have been when the COPY
 * fails and the row to blame must be found.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where the rows of one INSERT statement go. */
typedef struct {
  char *table;    /* as the INSERT names it, unquoted */
  char *copy_sql; /* COPY table (columns) FROM STDIN */
  int n_values;   /* the INSERT's, one for each column */
  int *value_of;  /* the INSERT's value (from 0) for each column */
} CmDbPgCopyTarget;

/* The target of @sql, a statement in PostgreSQL's form, when it is
 * "INSERT INTO t (c, ...) VALUES ($n, ...)" with each value used once;
 * NULL for any other statement. */
CmDbPgCopyTarget *cm_db_pg_copy_target_of_insert (const char *sql);
void              cm_db_pg_copy_target_free      (CmDbPgCopyTarget *target);

/* @text as COPY's text format reads it back; NULL as COPY's null. */
void              cm_db_pg_copy_append_value     (GString *row, const char *text);

typedef struct _CmDbPgCopyBatch CmDbPgCopyBatch;

CmDbPgCopyBatch  *cm_db_pg_copy_batch_new        (void);
void              cm_db_pg_copy_batch_free       (CmDbPgCopyBatch *batch);
/* Holds a row of the INSERT prepared as @statement, whose target is
 * @target, with its @values (NULL for NULL). */
void              cm_db_pg_copy_batch_add        (CmDbPgCopyBatch *batch, const char *statement,
                                                  const CmDbPgCopyTarget *target,
                                                  const char *const *values);
guint             cm_db_pg_copy_batch_n_rows     (CmDbPgCopyBatch *batch);
/* The bytes of COPY text held. */
gsize             cm_db_pg_copy_batch_size       (CmDbPgCopyBatch *batch);
/* Forgets every row held. */
void              cm_db_pg_copy_batch_clear      (CmDbPgCopyBatch *batch);

/* The parts held, one for each statement, ordered so that a table comes
 * after the tables it references, where @references (pairs of table
 * names: referencing, referenced; or NULL) say so; otherwise as they
 * were first held. Valid until the batch is next changed. */
GPtrArray        *cm_db_pg_copy_batch_parts      (CmDbPgCopyBatch *batch, GPtrArray *references);
const char       *cm_db_pg_copy_part_sql         (gconstpointer part);
/* The rows of @part, in COPY's text form, and their length. */
const char       *cm_db_pg_copy_part_data        (gconstpointer part, gsize *length);

/* Row @row (from 0, in the order held): the statement it came from, and
 * its values put back in that statement's order into @values (char *,
 * freed with it; NULL for NULL). */
const char       *cm_db_pg_copy_batch_row        (CmDbPgCopyBatch *batch, guint row,
                                                  GPtrArray *values);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmDbPgCopyTarget, cm_db_pg_copy_target_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmDbPgCopyBatch, cm_db_pg_copy_batch_free)

G_END_DECLS
