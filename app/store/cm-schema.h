/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-schema.h: the portfolio schema, as its migrations build it
 *
 * The migrations ship as resources named "NNN-what.sql"; NNN is the
 * schema version (SQLite's user_version) the file has once it applied.
 */
#pragma once

#include <glib.h>

#include "cm-db.h"

G_BEGIN_DECLS

/* Marks a file as a Commissioner portfolio (PRAGMA application_id):
 * the bytes "Cmsn". */
#define CM_SCHEMA_APPLICATION_ID 0x436d736e

/* The migration resource names, in the order they apply. */
GStrv     cm_schema_migration_names   (void);
int       cm_schema_migration_version (const char *name);
char     *cm_schema_migration_sql     (const char *name, GError **error);
int       cm_schema_latest_version    (void);
gboolean  cm_schema_is_known_version  (int version);
/* SQL that makes, in an empty SQLite database, the schema and the rows
 * that every migration's SQL makes, run in order (data/make-schema-snapshot.c
 * writes it at build time). It sets no version and writes no audit rows. */
char     *cm_schema_snapshot_sql      (GError **error);

/* Whether @db has every table and column that @version of the schema
 * has. When it does not, @missing names the first one it lacks, as
 * "table" or "table.column". */
gboolean  cm_schema_matches           (CmDb *db, int version, char **missing);

/* A statement giving (table, column) for every column of @table, or of
 * every table of ours when @table is NULL, read from the engine's own
 * catalogue; NULL when it cannot be prepared. */
CmDbStmt *cm_schema_columns           (CmDb *db, const char *table);

G_END_DECLS
