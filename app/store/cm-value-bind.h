/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-value-bind.h: property values bound to database statements and read from their rows
 *
 * Stored as cm-value.h says: text as TEXT, numbers and booleans as
 * INTEGER, enums by their nick, and a reference property (named
 * "...-id") of 0 as NULL.
 */
#pragma once

#include <glib-object.h>

#include "cm-db.h"

G_BEGIN_DECLS

void cm_value_bind        (CmDbStmt *stmt, int index, const GValue *value,
                           const char *property);
/* As cm_value_bind (), but texts are bound without a copy: @value must
 * outlive the statement's next step, and the statement be reset before
 * the one after. */
void cm_value_bind_static (CmDbStmt *stmt, int index, const GValue *value,
                           const char *property);
void cm_value_from_column (CmDbStmt *stmt, int column, GValue *value);

G_END_DECLS
