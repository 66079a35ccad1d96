/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-value.h: moving property values between GObjects and text
 *
 * One place decides how each property type is written as text (and
 * app/store/cm-value-bind.c how it is stored): text as TEXT,
 * numbers and booleans as INTEGER, enums by their nick, and a reference
 * property (named "...-id") of 0 as NULL.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

char    *cm_value_to_text       (const GValue *value, const char *property);
/* The reverse of cm_value_to_text () into @value, initialised to the
 * property's type; NULL is the empty or unset value. FALSE when @text is
 * not a value of that type. */
gboolean cm_value_from_text     (GValue *value, const char *text);
/* A text without a copy where one is at hand: the value's own text, an
 * enum's nick or @buffer (at least CM_VALUE_TEXT_SIZE bytes) holding a
 * number. NULL for an unset reference. */
#define CM_VALUE_TEXT_SIZE 48
const char *cm_value_peek_text  (const GValue *value, const char *property, char *buffer);
/* @n in @buffer (CM_VALUE_TEXT_SIZE bytes) as "%" G_GINT64_FORMAT writes
 * it, without printf's cost at each of a million rows; returns where the
 * text starts. */
const char *cm_value_format_int64 (char *buffer, gint64 n);
/* A reference property ("...-id") holding 0: no record, stored as NULL. */
gboolean cm_value_is_unset_reference (const GValue *value, const char *property);
void     cm_value_copy_property (GObject *from, GObject *to, const char *property);
char    *cm_value_column_name   (const char *property);

G_END_DECLS
