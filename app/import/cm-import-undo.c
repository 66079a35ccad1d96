/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-import-undo.c: taking back one import of a contracts register
 *
 * An import's record says which ids it gave the records it created, one
 * range per table, and where its audit rows begin: the rows before its own
 * record's are the fields it changed on contracts already there, with their
 * old values. Any audit row after the import about one of those records
 * means someone changed it since.
 */
#include <glib/gi18n-lib.h>

#include "cm-backup.h"
#include "cm-contract.h"
#include "cm-contract-notice.h"
#include "cm-contract-variation.h"
#include "cm-import-run.h"
#include "cm-import-undo.h"
#include "cm-organisation.h"
#include "cm-provider.h"
#include "cm-row-list.h"
#include "cm-service.h"
#include "cm-store-import.h"
#include "cm-value.h"

G_DEFINE_QUARK (cm-import-undo-error-quark, cm_import_undo_error)

/* What the import created in one table. */
typedef struct {
  GType type;
  gint64 first;
  gint64 last;  /* 0 when it created none */
  guint count;
} Created;

/* In the order they are deleted: a notice and a variation name their
 * contract, a contract its service and provider, and a service its
 * commissioner. */
enum { NOTICES, VARIATIONS, CONTRACTS, SERVICES, ORGANISATIONS, PROVIDERS, N_CREATED };

struct _CmImportUndo
{
  CmStore *store;
  CmImportRun *run;
  gint64 run_audit_id;   /* the first audit row of the import's own record */
  Created created[N_CREATED];
  GArray *updated;       /* ids of the contracts it updated */
};

/* ---- reading the file ------------------------------------------------- */

static const char *
table_of (GType type)
{
  g_autoptr(CmEntityClass) klass = g_type_class_ref (type);

  return klass->table;
}

static gboolean
find_run (CmImportUndo *undo, gint64 run_id, GError **error)
{
  g_autoptr(GError) local = NULL;

  if (run_id == 0 && !cm_store_newest_import_run_id (undo->store, &run_id, error))
    return FALSE;
  if (run_id > 0)
    undo->run = CM_IMPORT_RUN (cm_store_load (undo->store, CM_TYPE_IMPORT_RUN, run_id, &local));
  if (undo->run == NULL)
    {
      g_set_error (error, CM_IMPORT_UNDO_ERROR, CM_IMPORT_UNDO_ERROR_NO_IMPORT,
                   _("This portfolio holds no import to undo."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
too_old (CmImportUndo *undo, GError **error)
{
  g_set_error (error, CM_IMPORT_UNDO_ERROR, CM_IMPORT_UNDO_ERROR_TOO_OLD,
               _("The import of “%s” was made by an earlier version of Commissioner, which did "
                 "not keep what undoing it needs. Restore the backup taken before it instead."),
               cm_import_run_get_source (undo->run));
  return FALSE;
}

/* Where the import's audit rows end: its own record's first row. */
static gboolean
find_run_audit (CmImportUndo *undo, GError **error)
{
  gint64 first = cm_import_run_get_first_audit_id (undo->run);

  if (first == 0 ||
      !cm_store_import_run_audit_id (undo->store, cm_entity_get_id (CM_ENTITY (undo->run)), first,
                                     &undo->run_audit_id, error))
    return first == 0 ? too_old (undo, error) : FALSE;
  return undo->run_audit_id > 0 || too_old (undo, error);
}

static gboolean
count_created (CmImportUndo *undo, GError **error)
{
  const GType types[N_CREATED] = { CM_TYPE_CONTRACT_NOTICE, CM_TYPE_CONTRACT_VARIATION,
                                   CM_TYPE_CONTRACT, CM_TYPE_SERVICE, CM_TYPE_ORGANISATION,
                                   CM_TYPE_PROVIDER };

  for (guint i = 0; i < N_CREATED; i++)
    {
      Created *c = &undo->created[i];
      gint64 count = 0;

      c->type = types[i];
      if (!cm_import_run_get_created (undo->run, table_of (c->type), &c->first, &c->last))
        continue;
      if (!cm_store_count_ids_between (undo->store, table_of (c->type), c->first, c->last,
                                       &count, error))
        return FALSE;
      c->count = count;
    }
  return TRUE;
}

static gboolean
find_updated (CmImportUndo *undo, GError **error)
{
  GArray *updated = cm_store_contracts_changed_between (undo->store,
                                                        cm_import_run_get_first_audit_id (undo->run),
                                                        undo->run_audit_id, error);

  if (updated == NULL)
    return FALSE;
  g_array_unref (undo->updated);
  undo->updated = updated;
  return TRUE;
}

/* ---- what changed since ----------------------------------------------- */

static const char *
kind_of (GType type)
{
  if (type == CM_TYPE_CONTRACT)
    return _("Contract");
  if (type == CM_TYPE_SERVICE)
    return _("Service");
  if (type == CM_TYPE_PROVIDER)
    return _("Provider");
  if (type == CM_TYPE_CONTRACT_NOTICE)
    return _("Procurement notice");
  if (type == CM_TYPE_CONTRACT_VARIATION)
    return _("Contract variation");
  return _("Commissioner");
}

/* A record's description, or for one deleted since, its last name. */
static char *
name_record (CmStore *store, GType type, gint64 id)
{
  g_autoptr(CmEntity) entity = cm_store_load (store, type, id, NULL);
  g_autofree char *name = NULL;
  g_autofree char *last_name = NULL;

  if (entity)
    name = cm_entity_describe (entity);
  else if ((last_name = cm_store_last_audited_name (store, table_of (type), id)))
    /* TRANSLATORS: the name of a record that no longer exists */
    name = g_strdup_printf (_("%s, since deleted"), last_name);
  if (name == NULL)
    name = g_strdup_printf ("#%" G_GINT64_FORMAT, id);
  /* TRANSLATORS: a kind of record, then its name: Contract “B-1 — Carers” */
  return g_strdup_printf (_("%s “%s”"), kind_of (type), name);
}

/* How the audit trail writes a field's value: an empty text is none. */
static char *
audit_text (CmEntity *entity, const char *property)
{
  char *text = cm_entity_property_text (entity, property);

  if (text && *text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* Whether the record differs now from what it was just after the import:
 * @first_values holds, for each field changed since, the value it had
 * before the first of those changes. A change made and later taken back
 * (an edit reverted, a later import undone) is no change. */
static gboolean
differs_now (CmStore *store, GType type, gint64 id, GHashTable *first_values)
{
  g_autoptr(CmEntity) entity = cm_store_load (store, type, id, NULL);
  GHashTableIter iter;
  gpointer field, value;

  if (entity == NULL)
    return TRUE;
  g_hash_table_iter_init (&iter, first_values);
  while (g_hash_table_iter_next (&iter, &field, &value))
    {
      g_autofree char *property = g_strdelimit (g_strdup (field), "_", '-');
      g_autofree char *now = NULL;

      if (g_object_class_find_property (G_OBJECT_GET_CLASS (entity), property) == NULL)
        return TRUE;
      now = audit_text (entity, property);
      if (g_strcmp0 (now, value) != 0)
        return TRUE;
    }
  return FALSE;
}

static void
note_changed (CmImportUndo *undo, GType type, gint64 id, GHashTable *first_values,
              GPtrArray *changed, guint *n_changed)
{
  if (!differs_now (undo->store, type, id, first_values))
    return;
  if (changed->len < CM_ROW_LIST_SHOWN)
    g_ptr_array_add (changed, name_record (undo->store, type, id));
  (*n_changed)++;
}

/* Gathers, record by record, the first value of each field changed since
 * the import. */
typedef struct {
  CmImportUndo *undo;
  GType type;
  GHashTable *first_values;
  gint64 current;
  GPtrArray *changed;
  guint *n_changed;
} ChangedSince;

static void
note_change (gint64 id, const char *field, const char *old_value, gpointer user_data)
{
  ChangedSince *since = user_data;

  if (id != since->current && since->current != 0)
    {
      note_changed (since->undo, since->type, since->current, since->first_values,
                    since->changed, since->n_changed);
      g_hash_table_remove_all (since->first_values);
    }
  since->current = id;
  if (!g_hash_table_contains (since->first_values, field))
    g_hash_table_insert (since->first_values, g_strdup (field), g_strdup (old_value));
}

/* Adds the records of @type with ids from @first to @last that are not as
 * the import left them. */
static gboolean
collect_changed (CmImportUndo *undo, GType type, gint64 first, gint64 last, GPtrArray *changed,
                 guint *n_changed, GError **error)
{
  g_autoptr(GHashTable) first_values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                              g_free);
  ChangedSince since = { undo, type, first_values, 0, changed, n_changed };

  if (!cm_store_each_change_after (undo->store, table_of (type), first, last, undo->run_audit_id,
                                   note_change, &since, error))
    return FALSE;
  if (since.current != 0)
    note_changed (undo, type, since.current, first_values, changed, n_changed);
  return TRUE;
}

static gboolean
refuse_changed (CmImportUndo *undo, GPtrArray *changed, guint n_changed, GError **error)
{
  /* The first few are named, then how many more (cm-row-list.h). */
  g_autofree char *names = cm_short_list_format ((const char * const *) changed->pdata,
                                                 n_changed);

  g_set_error (error, CM_IMPORT_UNDO_ERROR, CM_IMPORT_UNDO_ERROR_CHANGED_SINCE,
               g_dngettext (GETTEXT_PACKAGE,
                            "The import of “%s” cannot be undone: %s was changed or deleted "
                            "after it. Undo that change first, or restore the backup taken "
                            "before the import.",
                            "The import of “%s” cannot be undone: %s were changed or deleted "
                            "after it. Undo those changes first, or restore the backup taken "
                            "before the import.", n_changed),
               cm_import_run_get_source (undo->run), names);
  return FALSE;
}

static gboolean
check_unchanged (CmImportUndo *undo, GError **error)
{
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_free);
  guint n_changed = 0;

  for (guint i = 0; i < N_CREATED; i++)
    if (undo->created[i].last &&
        !collect_changed (undo, undo->created[i].type, undo->created[i].first,
                          undo->created[i].last, changed, &n_changed, error))
      return FALSE;
  for (guint i = 0; i < undo->updated->len; i++)
    {
      gint64 id = g_array_index (undo->updated, gint64, i);

      if (!collect_changed (undo, CM_TYPE_CONTRACT, id, id, changed, &n_changed, error))
        return FALSE;
    }
  return n_changed == 0 || refuse_changed (undo, changed, n_changed, error);
}

/* ---- undoing ---------------------------------------------------------- */

/* Puts back, on a contract, the value each field had before the import. */
typedef struct {
  GObject *contract;
  GHashTable *done;  /* fields put back */
  gboolean ok;
} Restoring;

static void
restore_field (gint64 id, const char *field, const char *old_value, gpointer user_data)
{
  Restoring *restoring = user_data;
  g_autofree char *property = g_strdelimit (g_strdup (field), "_", '-');
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (restoring->contract),
                                                    property);
  g_auto(GValue) value = G_VALUE_INIT;

  /* The first row of a field holds its value before the import. */
  if (!restoring->ok || !g_hash_table_add (restoring->done, g_steal_pointer (&property)) ||
      pspec == NULL)
    return;
  g_value_init (&value, pspec->value_type);
  restoring->ok = cm_value_from_text (&value, old_value);
  if (restoring->ok)
    g_object_set_property (restoring->contract, pspec->name, &value);
}

/* Sets each field the import changed back to its value before it. */
static gboolean
restore_contract (CmImportUndo *undo, gint64 id, GError **error)
{
  g_autoptr(CmEntity) contract = cm_store_load (undo->store, CM_TYPE_CONTRACT, id, error);
  g_autoptr(GHashTable) done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Restoring restoring = { G_OBJECT (contract), done, TRUE };

  if (contract == NULL ||
      !cm_store_each_change_between (undo->store, "contract", id,
                                     cm_import_run_get_first_audit_id (undo->run),
                                     undo->run_audit_id, restore_field, &restoring, error))
    return FALSE;
  if (!restoring.ok)
    {
      g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_CORRUPT,
                   _("The audit trail holds a value that cannot be put back. Nothing was "
                     "changed."));
      return FALSE;
    }
  return cm_store_save (undo->store, contract, error);
}

/* Deleted through the store, so each deletion is audited. */
static gboolean
delete_created (CmImportUndo *undo, const Created *created, GError **error)
{
  g_autoptr(GArray) ids = created->last ? cm_store_ids_between (undo->store,
                                                                 table_of (created->type),
                                                                 created->first, created->last,
                                                                 error)
                                        : NULL;

  if (created->last && ids == NULL)
    return FALSE;
  for (guint i = 0; ids && i < ids->len; i++)
    {
      g_autoptr(CmEntity) record = cm_store_load (undo->store, created->type,
                                                  g_array_index (ids, gint64, i), error);

      if (record == NULL || !cm_store_delete (undo->store, record, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_undo (CmImportUndo *undo, GError **error)
{
  for (guint i = 0; i < undo->updated->len; i++)
    if (!restore_contract (undo, g_array_index (undo->updated, gint64, i), error))
      return FALSE;
  for (guint i = 0; i < N_CREATED; i++)
    if (!delete_created (undo, &undo->created[i], error))
      return FALSE;
  return cm_store_delete (undo->store, CM_ENTITY (undo->run), error);
}

/* ---- public ----------------------------------------------------------- */

static gboolean
plan (CmImportUndo *undo, gint64 run_id, GError **error)
{
  return find_run (undo, run_id, error) && find_run_audit (undo, error) &&
         count_created (undo, error) && find_updated (undo, error) &&
         check_unchanged (undo, error);
}

CmImportUndo *
cm_import_undo_new (CmStore *store, gint64 run_id, GError **error)
{
  g_autoptr(CmImportUndo) undo = g_new0 (CmImportUndo, 1);

  g_return_val_if_fail (CM_IS_STORE (store), NULL);

  undo->store = g_object_ref (store);
  undo->updated = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (!plan (undo, run_id, error))
    return NULL;
  return g_steal_pointer (&undo);
}

void
cm_import_undo_free (CmImportUndo *undo)
{
  if (undo == NULL)
    return;
  g_clear_object (&undo->store);
  g_clear_object (&undo->run);
  g_clear_pointer (&undo->updated, g_array_unref);
  g_free (undo);
}

gint64
cm_import_undo_get_run_id (CmImportUndo *undo)
{
  return cm_entity_get_id (CM_ENTITY (undo->run));
}

const char *
cm_import_undo_get_source (CmImportUndo *undo)
{
  return cm_import_run_get_source (undo->run);
}

guint
cm_import_undo_count_removed (CmImportUndo *undo, GType type)
{
  for (guint i = 0; i < N_CREATED; i++)
    if (undo->created[i].type == type)
      return undo->created[i].count;
  return 0;
}

guint
cm_import_undo_count_restored (CmImportUndo *undo)
{
  return undo->updated->len;
}

/* One line of the description, for a count that is not 0. */
static void
add_line (GString *out, guint n, char *line)
{
  if (n > 0)
    g_string_append_printf (out, "\n• %s", line);
  g_free (line);
}

char *
cm_import_undo_describe (CmImportUndo *undo)
{
  GString *out = g_string_new (NULL);
  guint contracts = cm_import_undo_count_removed (undo, CM_TYPE_CONTRACT);
  guint providers = cm_import_undo_count_removed (undo, CM_TYPE_PROVIDER);
  guint services = cm_import_undo_count_removed (undo, CM_TYPE_SERVICE);
  guint commissioners = cm_import_undo_count_removed (undo, CM_TYPE_ORGANISATION);
  guint restored = cm_import_undo_count_restored (undo);
  guint notices = cm_import_undo_count_removed (undo, CM_TYPE_CONTRACT_NOTICE);
  guint variations = cm_import_undo_count_removed (undo, CM_TYPE_CONTRACT_VARIATION);

  g_string_append_printf (out, _("Undoing the import of “%s” removes the records it created and "
                                 "puts back the values it replaced:"),
                          cm_import_undo_get_source (undo));
  add_line (out, contracts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contract removed",
                                                          "%u contracts removed", contracts),
                                             contracts));
  add_line (out, providers, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u provider removed",
                                                          "%u providers removed", providers),
                                             providers));
  add_line (out, services, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u service removed",
                                                         "%u services removed", services),
                                            services));
  add_line (out, commissioners,
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u commissioner removed",
                                          "%u commissioners removed", commissioners),
                             commissioners));
  add_line (out, notices,
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u procurement notice removed",
                                          "%u procurement notices removed", notices),
                             notices));
  add_line (out, variations,
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contract variation removed",
                                          "%u contract variations removed", variations),
                             variations));
  add_line (out, restored,
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contract put back as it was",
                                          "%u contracts put back as they were", restored),
                             restored));
  if (contracts + providers + services + commissioners + notices + variations + restored == 0)
    g_string_append_printf (out, "\n• %s", _("nothing but the import’s own record, as it "
                                             "created and changed nothing"));
  return g_string_free (out, FALSE);
}

gboolean
cm_import_undo_apply (CmImportUndo *undo, GError **error)
{
  g_return_val_if_fail (undo != NULL, FALSE);

  if (!cm_store_check_writable (undo->store, error) ||
      !cm_backup_before (undo->store, CM_BACKUP_REASON_UNDO_IMPORT, error) ||
      !cm_store_begin (undo->store, error))
    return FALSE;
  /* Again inside the transaction: another program may have changed the
   * file since the undo was planned. */
  if (!check_unchanged (undo, error))
    {
      cm_store_rollback (undo->store);
      return FALSE;
    }
  if (!write_undo (undo, error))
    {
      cm_store_rollback (undo->store);
      g_prefix_error (error, _("The import of “%s” was not undone, and nothing was changed: "),
                      cm_import_undo_get_source (undo));
      return FALSE;
    }
  return cm_store_commit (undo->store, error);
}
