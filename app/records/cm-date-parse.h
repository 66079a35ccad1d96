/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-date-parse.h: reading a date as people in the UK write it
 *
 * One reader for every date that comes from a person: typed into a field
 * or found in a register's cell. It is generous about form and strict
 * about meaning: the day comes first, as in the UK, and a text that could
 * name two different dates is refused rather than read one way, because a
 * wrong guess moves every deadline after it. Each refusal says what is
 * wrong in a sentence a commissioner understands.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CM_DATE_PARSE_ERROR (cm_date_parse_error_quark ())
typedef enum {
  CM_DATE_PARSE_ERROR_INVALID,
  CM_DATE_PARSE_ERROR_AMBIGUOUS, /* could be read two ways; never guessed */
} CmDateParseError;
GQuark cm_date_parse_error_quark (void);

typedef enum {
  CM_DATE_PARSE_TYPED = 0,          /* typed by a person */
  CM_DATE_PARSE_SERIALS = 1 << 0,   /* also a spreadsheet's day numbers */
} CmDateParseFlags;

/* 1/12/2026, 01/12/2026, 01.12.2026, 1/12/26, "1 Dec 2026", "1 December
 * 2026", "1st December 2026", "December 1, 2026" and 2026-12-01, each
 * perhaps with a time of day, which is dropped. With CM_DATE_PARSE_SERIALS,
 * also Excel serial numbers (1900 system). AMBIGUOUS, never guessed: a
 * date valid only month first ("04/13/2019"), a year-first date not in
 * ISO dashes ("2019/04/05"), and a serial that could be a year. */
gboolean cm_date_parse (const char *text, CmDateParseFlags flags, GDate *date, GError **error);

G_END_DECLS
