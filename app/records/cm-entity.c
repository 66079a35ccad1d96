/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-entity.c: the base of every record kept in a portfolio */
#include <glib/gi18n-lib.h>

#include "cm-entity.h"
#include "cm-value.h"

typedef struct {
  gint64 id;
  gint64 version; /* as stored when the record was read or written; 0: never */
  GValue *values; /* indexed by a subclass's prop_id - 1 */
} CmEntityPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (CmEntity, cm_entity, G_TYPE_OBJECT)
G_DEFINE_QUARK (cm-entity-error-quark, cm_entity_error)

enum {
  PROP_0,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cm_entity_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CmEntity *self = CM_ENTITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, cm_entity_get_id (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_entity_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CmEntity *self = CM_ENTITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      cm_entity_set_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GValue *
value_slot (CmEntity *self, guint prop_id)
{
  CmEntityPrivate *priv = cm_entity_get_instance_private (self);
  CmEntityClass *klass = CM_ENTITY_GET_CLASS (self);

  g_assert (prop_id >= 1 && prop_id <= klass->n_values);
  if (priv->values == NULL)
    {
      /* Values are made on first use, when the final class is known. */
      priv->values = g_new0 (GValue, klass->n_values);
      for (guint i = 0; i < klass->n_values; i++)
        {
          g_value_init (&priv->values[i], klass->pspecs[i]->value_type);
          g_param_value_set_default (klass->pspecs[i], &priv->values[i]);
        }
    }
  return &priv->values[prop_id - 1];
}

static void
cm_entity_get_column (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  g_value_copy (value_slot (CM_ENTITY (object), prop_id), value);
}

static void
cm_entity_set_column (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  GValue *slot = value_slot (CM_ENTITY (object), prop_id);

  if (g_param_values_cmp (pspec, slot, value) == 0)
    return;
  g_value_copy (value, slot);
  g_object_notify_by_pspec (object, pspec);
}

static gboolean
cm_entity_real_validate (CmEntity *self, GError **error)
{
  return TRUE;
}

static void
cm_entity_finalize (GObject *object)
{
  CmEntityPrivate *priv = cm_entity_get_instance_private (CM_ENTITY (object));

  for (guint i = 0; priv->values && i < CM_ENTITY_GET_CLASS (object)->n_values; i++)
    g_value_unset (&priv->values[i]);
  g_free (priv->values);

  G_OBJECT_CLASS (cm_entity_parent_class)->finalize (object);
}

static void
cm_entity_class_init (CmEntityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cm_entity_finalize;
  object_class->get_property = cm_entity_get_property;
  object_class->set_property = cm_entity_set_property;
  klass->validate = cm_entity_real_validate;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cm_entity_init (CmEntity *self)
{
}

static gboolean
is_derived (const CmDerivedColumn *derived, const char *property)
{
  for (guint i = 0; derived && derived[i].property; i++)
    if (g_str_equal (derived[i].property, property))
      return TRUE;
  return FALSE;
}

void
cm_entity_class_install (CmEntityClass         *klass,
                         const char            *table,
                         GParamSpec           **pspecs,
                         guint                  n_pspecs,
                         const CmDerivedColumn *derived)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GPtrArray *columns = g_ptr_array_new ();

  object_class->get_property = cm_entity_get_column;
  object_class->set_property = cm_entity_set_column;
  g_object_class_install_properties (object_class, n_pspecs, pspecs);

  for (guint i = 1; i < n_pspecs; i++)
    if (!is_derived (derived, pspecs[i]->name))
      g_ptr_array_add (columns, (gpointer) pspecs[i]->name);
  g_ptr_array_add (columns, NULL);

  klass->table = table;
  klass->columns = (const char **) g_ptr_array_free (columns, FALSE);
  klass->derived = derived;
  /* Kept here: listing a class's properties at run time walks every
   * property in the process, and entities are made by the hundred thousand. */
  klass->pspecs = g_memdup2 (pspecs + 1, (n_pspecs - 1) * sizeof (GParamSpec *));
  klass->n_values = n_pspecs - 1;
}

GValue *
cm_entity_peek_value (CmEntity *self, guint prop_id)
{
  return value_slot (self, prop_id);
}

void
cm_entity_class_set_joins (CmEntityClass *klass, const char *joins)
{
  klass->joins = joins;
}

const char *
cm_entity_get_string (CmEntity *self, guint prop_id)
{
  const char *s = g_value_get_string (value_slot (self, prop_id));

  return s ? s : "";
}

gint64
cm_entity_get_int64 (CmEntity *self, guint prop_id)
{
  return g_value_get_int64 (value_slot (self, prop_id));
}

int
cm_entity_get_int (CmEntity *self, guint prop_id)
{
  return g_value_get_int (value_slot (self, prop_id));
}

gboolean
cm_entity_get_boolean (CmEntity *self, guint prop_id)
{
  return g_value_get_boolean (value_slot (self, prop_id));
}

int
cm_entity_get_enum (CmEntity *self, guint prop_id)
{
  return g_value_get_enum (value_slot (self, prop_id));
}

gint64
cm_entity_get_id (CmEntity *self)
{
  CmEntityPrivate *priv = cm_entity_get_instance_private (self);

  g_return_val_if_fail (CM_IS_ENTITY (self), 0);
  return priv->id;
}

void
cm_entity_set_id (CmEntity *self, gint64 id)
{
  CmEntityPrivate *priv = cm_entity_get_instance_private (self);

  g_return_if_fail (CM_IS_ENTITY (self));
  if (priv->id == id)
    return;
  priv->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
cm_entity_get_version (CmEntity *self)
{
  CmEntityPrivate *priv = cm_entity_get_instance_private (self);

  g_return_val_if_fail (CM_IS_ENTITY (self), 0);
  return priv->version;
}

void
cm_entity_set_version (CmEntity *self, gint64 version)
{
  CmEntityPrivate *priv = cm_entity_get_instance_private (self);

  g_return_if_fail (CM_IS_ENTITY (self));
  priv->version = version;
}

/* Whether a value of @type is held whole in the GValue itself, so that
 * copying its data is copying it. */
static gboolean
is_held_whole (GType type)
{
  switch (G_TYPE_FUNDAMENTAL (type))
    {
    case G_TYPE_BOOLEAN:
    case G_TYPE_INT:
    case G_TYPE_INT64:
    case G_TYPE_ENUM:
    case G_TYPE_DOUBLE:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Copying a text frees the one there, which is often the same; an empty
 * one, most often copied, needs no copy of its own. */
static void
copy_text (GValue *value, const GValue *from)
{
  const char *text = from->data[0].v_pointer;

  if (g_strcmp0 (text, value->data[0].v_pointer) == 0)
    return;
  if (text && *text == '\0')
    g_value_set_static_string (value, "");
  else
    g_value_set_string (value, text);
}

void
cm_entity_copy_values_quietly (CmEntity *self, CmEntity *from)
{
  CmEntityClass *klass = CM_ENTITY_GET_CLASS (self);
  GValue *values, *from_values;

  g_return_if_fail (G_OBJECT_TYPE (self) == G_OBJECT_TYPE (from) && klass->n_values > 0);

  values = value_slot (self, 1);
  from_values = value_slot (from, 1);
  /* Without g_value_copy ()'s checks, which cost more than the copy: a
   * reused record is reset for every row of an import. */
  for (guint i = 0; i < klass->n_values; i++)
    if (klass->pspecs[i]->value_type == G_TYPE_STRING)
      copy_text (&values[i], &from_values[i]);
    else if (is_held_whole (klass->pspecs[i]->value_type))
      values[i].data[0] = from_values[i].data[0];
    else
      g_value_copy (&from_values[i], &values[i]);
}

/* The slot of @pspec, one of the record's own properties, to set. */
static GValue *
slot_to_set (CmEntity *self, GParamSpec *pspec, GType value_type)
{
  g_return_val_if_fail (CM_IS_ENTITY (self), NULL);
  g_return_val_if_fail (pspec->owner_type == G_OBJECT_TYPE (self), NULL);
  g_return_val_if_fail (G_TYPE_FUNDAMENTAL (pspec->value_type) == value_type, NULL);
  return value_slot (self, pspec->param_id);
}

void
cm_entity_set_string (CmEntity *self, GParamSpec *pspec, const char *value)
{
  GValue *slot = slot_to_set (self, pspec, G_TYPE_STRING);

  if (slot == NULL || g_strcmp0 (g_value_get_string (slot), value) == 0)
    return;
  g_value_set_string (slot, value);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

void
cm_entity_set_int64 (CmEntity *self, GParamSpec *pspec, gint64 value)
{
  GValue *slot = slot_to_set (self, pspec, G_TYPE_INT64);

  if (slot == NULL)
    return;
  g_return_if_fail (value >= G_PARAM_SPEC_INT64 (pspec)->minimum &&
                    value <= G_PARAM_SPEC_INT64 (pspec)->maximum);
  if (g_value_get_int64 (slot) == value)
    return;
  g_value_set_int64 (slot, value);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

void
cm_entity_set_int (CmEntity *self, GParamSpec *pspec, int value)
{
  GValue *slot = slot_to_set (self, pspec, G_TYPE_INT);

  if (slot == NULL)
    return;
  g_return_if_fail (value >= G_PARAM_SPEC_INT (pspec)->minimum &&
                    value <= G_PARAM_SPEC_INT (pspec)->maximum);
  if (g_value_get_int (slot) == value)
    return;
  g_value_set_int (slot, value);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

void
cm_entity_set_enum (CmEntity *self, GParamSpec *pspec, int value)
{
  GValue *slot = slot_to_set (self, pspec, G_TYPE_ENUM);

  if (slot == NULL)
    return;
  g_return_if_fail (g_enum_get_value (G_PARAM_SPEC_ENUM (pspec)->enum_class, value) != NULL);
  if (g_value_get_enum (slot) == value)
    return;
  g_value_set_enum (slot, value);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

void
cm_entity_set_boolean (CmEntity *self, GParamSpec *pspec, gboolean value)
{
  GValue *slot = slot_to_set (self, pspec, G_TYPE_BOOLEAN);

  if (slot == NULL)
    return;
  value = value != FALSE; /* as the property holds it */
  if (g_value_get_boolean (slot) == value)
    return;
  g_value_set_boolean (slot, value);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

const char *
cm_entity_get_table (CmEntity *self)
{
  return CM_ENTITY_GET_CLASS (self)->table;
}

gboolean
cm_entity_validate (CmEntity *self, GError **error)
{
  return CM_ENTITY_GET_CLASS (self)->validate (self, error);
}

/* Copies every stored column and the id into a new object: editors work on
 * a copy so that a cancelled edit never touches the listed object. */
CmEntity *
cm_entity_copy (CmEntity *self)
{
  CmEntity *copy = g_object_new (G_OBJECT_TYPE (self), NULL);

  cm_entity_assign (copy, self);
  return copy;
}

/* Sets every stored and derived property of @self from @from, notifying
 * only the properties whose value really changes. */
void
cm_entity_assign (CmEntity *self, CmEntity *from)
{
  CmEntityClass *klass = CM_ENTITY_GET_CLASS (self);

  g_return_if_fail (G_OBJECT_TYPE (self) == G_OBJECT_TYPE (from));

  cm_entity_set_id (self, cm_entity_get_id (from));
  cm_entity_set_version (self, cm_entity_get_version (from));
  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; klass->columns[i]; i++)
    cm_value_copy_property (G_OBJECT (from), G_OBJECT (self), klass->columns[i]);
  for (guint i = 0; klass->derived && klass->derived[i].property; i++)
    cm_value_copy_property (G_OBJECT (from), G_OBJECT (self), klass->derived[i].property);
  g_object_thaw_notify (G_OBJECT (self));
}

/* The text the audit trail records for a property, or NULL when unset. */
char *
cm_entity_property_text (CmEntity *self, const char *property)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self), property);

  g_return_val_if_fail (pspec != NULL, NULL);
  g_value_init (&value, pspec->value_type);
  g_object_get_property (G_OBJECT (self), property, &value);
  return cm_value_to_text (&value, property);
}

/* How a sentence names the record: its name, or its reference and title
 * ("ASC-0008 — Carers"). */
char *
cm_entity_describe (CmEntity *self)
{
  GObjectClass *klass = G_OBJECT_GET_CLASS (self);
  g_autofree char *reference = NULL;
  g_autofree char *title = NULL;

  /* A record's own words for itself: its name, or what it describes. */
  for (const char * const *p = (const char * const[]) { "name", "description", "summary",
                                                         "person-ref", NULL }; *p; p++)
    if (g_object_class_find_property (klass, *p))
      return cm_entity_property_text (self, *p);
  if (!g_object_class_find_property (klass, "reference"))
    return g_strdup_printf ("#%" G_GINT64_FORMAT, cm_entity_get_id (self));
  reference = cm_entity_property_text (self, "reference");
  title = cm_entity_property_text (self, "title");
  if (reference == NULL || *reference == '\0')
    return g_strdup (title ? title : "");
  if (title == NULL || *title == '\0')
    return g_steal_pointer (&reference);
  /* Translators: a record's reference and title, as in "LCC-042 — Carers' breaks" */
  return g_strdup_printf (C_("record", "%s — %s"), reference, title);
}

const char *
cm_entity_first_change (CmEntity *before, CmEntity *after, const char * const *except)
{
  const char **columns = CM_ENTITY_GET_CLASS (before)->columns;

  for (guint i = 0; columns[i]; i++)
    {
      g_autofree char *old_value = NULL;
      g_autofree char *new_value = NULL;

      if (except && g_strv_contains (except, columns[i]))
        continue;
      old_value = cm_entity_property_text (before, columns[i]);
      new_value = cm_entity_property_text (after, columns[i]);
      if (g_strcmp0 (old_value, new_value) != 0)
        return columns[i];
    }
  return NULL;
}

gboolean
cm_entity_require_text (const char *value, const char *what, GError **error)
{
  /* Anything g_strstrip () would keep; checked on every record saved and
   * every row imported, so without a copy. */
  for (const char *p = value ? value : ""; *p; p++)
    if (!g_ascii_isspace (*p))
      return TRUE;
  g_set_error (error, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID,
               _("%s cannot be empty. Enter a value and save again."), what);
  return FALSE;
}
