/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-json-path.h: reading a JSON document by its paths, naming any bad one
 *
 * Each accessor takes the path of the object it reads from ("$.releases[3]")
 * and a member name, and checks the member's type. A value of the wrong
 * type is an error that names its whole path
 * ("$.releases[3].contracts[0].value.currency"). The first error sticks:
 * later calls on the same check do nothing and return nothing, so a
 * reader can go on and test the check once at the end.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define CM_JSON_PATH_ERROR (cm_json_path_error_quark ())
typedef enum {
  CM_JSON_PATH_ERROR_INVALID,
} CmJsonPathError;
GQuark cm_json_path_error_quark (void);

typedef struct {
  GError *error; /* the first problem found, or NULL */
} CmJsonCheck;

void        cm_json_check_clear (CmJsonCheck *check);
gboolean    cm_json_check_ok    (CmJsonCheck *check);
/* Records a problem at @path (unless one is already recorded). */
void        cm_json_fail        (CmJsonCheck *check, const char *path, const char *format, ...)
                                 G_GNUC_PRINTF (3, 4);

char       *cm_json_path_member (const char *path, const char *member);
char       *cm_json_path_index  (const char *path, guint index);

/* Each returns NULL (or FALSE) when the member is absent or null, or on
 * a problem; @required makes absence a problem too. */
JsonObject *cm_json_object  (CmJsonCheck *check, JsonObject *object, const char *path,
                             const char *member, gboolean required);
JsonArray  *cm_json_array   (CmJsonCheck *check, JsonObject *object, const char *path,
                             const char *member, gboolean required);
const char *cm_json_string  (CmJsonCheck *check, JsonObject *object, const char *path,
                             const char *member, gboolean required);
/* An OCDS identifier: text or a whole number, as text. */
char       *cm_json_id      (CmJsonCheck *check, JsonObject *object, const char *path,
                             const char *member, gboolean required);
gboolean    cm_json_number  (CmJsonCheck *check, JsonObject *object, const char *path,
                             const char *member, double *value);
gboolean    cm_json_integer (CmJsonCheck *check, JsonObject *object, const char *path,
                             const char *member, gint64 *value);
gboolean    cm_json_boolean (CmJsonCheck *check, JsonObject *object, const char *path,
                             const char *member, gboolean *value);
/* An ISO 8601 date-time, taken as its calendar date in Europe/London
 * (a time without an offset is London time); a bare yyyy-mm-dd is read
 * as that date. */
gboolean    cm_json_date    (CmJsonCheck *check, JsonObject *object, const char *path,
                             const char *member, GDate *date);
/* Element @index of @array as an object. */
JsonObject *cm_json_element_object (CmJsonCheck *check, JsonArray *array, const char *path,
                                    guint index);

/* The time zone whose calendar OCDS dates are read and written in. */
GTimeZone  *cm_json_london  (void);
/* A calendar date as an RFC 3339 moment in London: the start of the day,
 * or its last second for an end, so that cm_json_date () reads back the
 * same date whatever the offset. */
char       *cm_json_london_moment (const GDate *date, gboolean end_of_day);

G_END_DECLS
