/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-working-days.h: the United Kingdom's bank holidays, and working days counted over them
 *
 * The Procurement Act 2023 counts its periods, the standstill among them,
 * in working days: days that are not a Saturday, a Sunday or a bank
 * holiday in any part of the United Kingdom, so Scotland's and Northern
 * Ireland's bank holidays count in England too. The table covers 2020 to
 * 2030; outside it a count cannot be made, and callers leave the date out
 * rather than guess.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CM_WORKING_DAYS_FIRST_YEAR 2020
#define CM_WORKING_DAYS_LAST_YEAR 2030

/* Whether the table of bank holidays covers @date's year. */
gboolean cm_working_days_cover (const GDate *date);
/* Whether @date is a bank holiday in any part of the United Kingdom
 * (FALSE outside the years covered). */
gboolean cm_bank_holiday_is    (const GDate *date);
/* Whether @date is a working day: neither a weekend nor a bank holiday. */
gboolean cm_working_day_is     (const GDate *date);
/* The @n th working day of the period beginning with @first (which is
 * the first when it is itself a working day), into @end. FALSE when the
 * count runs outside the years covered. */
gboolean cm_working_days_end   (const GDate *first, guint n, GDate *end);

G_END_DECLS
