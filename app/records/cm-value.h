/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-value.h: moving property values between GObjects, SQLite and text
 *
 * One place decides how each property type is stored: text as TEXT,
 * numbers and booleans as INTEGER, enums by their nick, and a reference
 * property (named "...-id") of 0 as NULL.
 */
#pragma once

#include <glib-object.h>
#include <sqlite3.h>

G_BEGIN_DECLS

char    *cm_value_to_text       (const GValue *value, const char *property);
/* The reverse of cm_value_to_text () into @value, initialised to the
 * property's type; NULL is the empty or unset value. FALSE when @text is
 * not a value of that type. */
gboolean cm_value_from_text     (GValue *value, const char *text);
int      cm_value_bind          (sqlite3_stmt *stmt, int index, const GValue *value,
                                 const char *property);
void     cm_value_from_column   (sqlite3_stmt *stmt, int column, GValue *value);
void     cm_value_copy_property (GObject *from, GObject *to, const char *property);
char    *cm_value_column_name   (const char *property);

G_END_DECLS
