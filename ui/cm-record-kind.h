/* cm-record-kind.h: how each kind of record is listed, shown and edited
 *
 * The records page and the editor are generic; these tables say which
 * properties of a service, contract or provider they present, and how.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  CM_FORMAT_TEXT,
  CM_FORMAT_ENUM,
  CM_FORMAT_MONEY,
  CM_FORMAT_DATE,
  CM_FORMAT_BOOLEAN,
  CM_FORMAT_NUMBER,
  CM_FORMAT_REFERENCE, /* an id, edited by choosing from a list of names */
} CmFormat;

typedef struct {
  const char *property;
  const char *title;        /* untranslated; N_() marks it */
  CmFormat format;
  gboolean in_list;         /* a column of the list, not only in details */
  gboolean editable;
  GType (*reference_type) (void);
} CmRecordField;

typedef struct {
  const char *name;         /* page name and action target */
  const char *title;        /* "Contracts" */
  const char *noun;         /* "contract" */
  const char *icon_name;
  const char *empty_description;
  GType (*get_type) (void);
  const CmRecordField *fields; /* terminated by { NULL } */
} CmRecordKind;

const CmRecordKind *cm_record_kinds      (guint *n_kinds);
char               *cm_record_field_text (GObject *item, const CmRecordField *field);
char               *cm_record_describe   (GObject *item);

G_END_DECLS
