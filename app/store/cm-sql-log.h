/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-sql-log.h: each distinct SQL text the store runs, logged for the portability test
 *
 * Only when CM_SQL_LOG names a file: each text once per process, ended
 * by a NUL byte, appended so that processes may share the file. The
 * PostgreSQL test prepares each one there.
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

void cm_sql_log_attach (sqlite3 *db);

G_END_DECLS
