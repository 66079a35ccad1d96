/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-entity.h: the base of every record kept in a portfolio
 *
 * A subclass names its table and the properties that are stored as
 * columns (a property "start-date" is the column "start_date"). The store
 * reads, writes and audits every entity through this description, so a new
 * record type needs no SQL of its own beyond its migration.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A read-only property computed by the store with an SQL expression over
 * the entity's row, which is named "t" (for example the provider's name
 * of a contract). It is refreshed whenever @depends_on changes.
 * Expressions may call cm_fold(text), the Unicode case fold used for
 * search, so that a "search-text" property is folded once, not per keystroke. */
typedef struct {
  const char *property;
  const char *expression;
  const char *depends_on[3];
  /* For each table of @depends_on, the rows a change to one of its
   * records can alter, as an SQL condition on "t" in which ":column" is
   * that column of the changed record, taken once as it was and once as
   * it is ("t.id = :service_id": the service a contract left and the one
   * it joined). Saving one record then recomputes those rows only;
   * without a condition, every row of a loaded list is recomputed. */
  const char *through[3];
} CmDerivedColumn;

/* The store that reads and writes entities (cm-store.h). */
typedef struct _CmStore CmStore;

#define CM_TYPE_ENTITY (cm_entity_get_type ())
G_DECLARE_DERIVABLE_TYPE (CmEntity, cm_entity, CM, ENTITY, GObject)

struct _CmEntityClass
{
  GObjectClass parent_class;

  const char *table;
  const char **columns;          /* stored properties, NULL-terminated */
  const CmDerivedColumn *derived; /* terminated by an empty entry */
  const char *joins;             /* joined tables the derived expressions read */
  GParamSpec **pspecs;           /* the subclass's own, by prop_id - 1 */
  guint n_values;

  /* Checks the values before they are written; the store calls it. */
  gboolean (*validate) (CmEntity *self, GError **error);
  /* Checks a change against what is stored, inside the writing transaction:
   * @before is NULL when the record is created, @after when it is deleted.
   * Records that become read-only (a signed-off assessment) refuse here, so
   * no path through the store can alter them. */
  gboolean (*check_change) (CmEntity *before, CmEntity *after, CmStore *store,
                            GError **error);
  /* Fills values that follow from others (a contract's total from its
   * annual value and term) as a new or changed record is written; @before
   * is NULL for a new one. May be NULL. */
  void (*complete) (CmEntity *self, CmEntity *before);
};

/* Installs a subclass's properties, numbered 1..@n_pspecs - 1 as in the
 * usual properties[N_PROPS] array, and keeps their values in the entity
 * itself, so subclasses need no get_property/set_property of their own. */
void cm_entity_class_install (CmEntityClass         *klass,
                              const char            *table,
                              GParamSpec           **pspecs,
                              guint                  n_pspecs,
                              const CmDerivedColumn *derived);

/* Tables to join to the entity's row "t" for its derived expressions, such
 * as "LEFT JOIN provider p ON p.id = t.provider_id": one join serves
 * several columns, where subqueries would each look the row up again. */
void        cm_entity_class_set_joins (CmEntityClass *klass, const char *joins);

const char *cm_entity_get_string  (CmEntity *self, guint prop_id);
gint64      cm_entity_get_int64   (CmEntity *self, guint prop_id);
int         cm_entity_get_int     (CmEntity *self, guint prop_id);
gboolean    cm_entity_get_boolean (CmEntity *self, guint prop_id);
int         cm_entity_get_enum    (CmEntity *self, guint prop_id);

/* Set one of the record's own properties, found once by the caller
 * (g_object_class_find_property ()): g_object_set () looks the name up
 * and passes the value through a GValue on every call, which an import
 * does for every cell of every row. Like g_object_set (), each notifies
 * only when the value changes; the value must be one the property allows. */
void        cm_entity_set_string  (CmEntity *self, GParamSpec *pspec, const char *value);
void        cm_entity_set_int64   (CmEntity *self, GParamSpec *pspec, gint64 value);
void        cm_entity_set_int     (CmEntity *self, GParamSpec *pspec, int value);
void        cm_entity_set_enum    (CmEntity *self, GParamSpec *pspec, int value);
void        cm_entity_set_boolean (CmEntity *self, GParamSpec *pspec, gboolean value);

/* The stored value of a property, for the store to fill rows quickly
 * without a notification per field. */
GValue     *cm_entity_peek_value     (CmEntity *self, guint prop_id);

/* Gives @self every stored and derived value of @from, a record of the
 * same type, without a notification: for a record nothing listens to,
 * filled again for each row of an import. The id is left as it is. */
void        cm_entity_copy_values_quietly (CmEntity *self, CmEntity *from);

gint64      cm_entity_get_id         (CmEntity *self);
void        cm_entity_set_id         (CmEntity *self, gint64 id);
const char *cm_entity_get_table      (CmEntity *self);
/* The version of the stored record this one was read as (or last written
 * as): 1 when it was created, one more at each change. The store writes a
 * change only over that version, so a copy read before someone else's
 * change cannot overwrite it. 0 for a record never read from the store,
 * whose change is written over whatever is stored. Not a field of the
 * record: neither a property nor audited. cm_entity_assign () and
 * cm_entity_copy () carry it. */
gint64      cm_entity_get_version    (CmEntity *self);
void        cm_entity_set_version    (CmEntity *self, gint64 version);
gboolean    cm_entity_validate       (CmEntity *self, GError **error);
CmEntity   *cm_entity_copy           (CmEntity *self);
void        cm_entity_assign         (CmEntity *self, CmEntity *from);
char       *cm_entity_property_text  (CmEntity *self, const char *property);
char       *cm_entity_describe       (CmEntity *self);

/* The first stored property that differs between @before and @after and
 * is not one of @except (NULL-terminated), or NULL: what a read-only
 * record's check_change looks for. */
const char *cm_entity_first_change   (CmEntity *before, CmEntity *after,
                                      const char * const *except);

/* Helpers for subclasses: a required, non-blank text property. */
gboolean    cm_entity_require_text   (const char *value, const char *what, GError **error);

#define CM_ENTITY_ERROR (cm_entity_error_quark ())
typedef enum {
  CM_ENTITY_ERROR_INVALID,
} CmEntityError;
GQuark cm_entity_error_quark (void);

G_END_DECLS
