/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-audit-words.c: an audit row in the words a reviewer reads */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "cm-audit-record.h"
#include "cm-audit-tables.h"
#include "cm-audit-words.h"
#include "cm-characteristic.h"
#include "cm-checklist-item.h"
#include "cm-contract.h"
#include "cm-contract-notice.h"
#include "cm-contract-variation.h"
#include "cm-date.h"
#include "cm-decommission.h"
#include "cm-decommission-contract.h"
#include "cm-eia.h"
#include "cm-eia-characteristic.h"
#include "cm-eia-mitigation.h"
#include "cm-engagement.h"
#include "cm-enums.h"
#include "cm-funding-source.h"
#include "cm-import-run.h"
#include "cm-measure.h"
#include "cm-measure-value.h"
#include "cm-money.h"
#include "cm-organisation.h"
#include "cm-provider.h"
#include "cm-record-fields.h"
#include "cm-risk.h"
#include "cm-scenario.h"
#include "cm-service.h"
#include "cm-service-partner.h"
#include "cm-staff.h"
#include "cm-stage-event.h"
#include "cm-store-private.h"
#include "cm-transition.h"

/* Each kind of record the trail can name, by its table. */
static const struct {
  const char *table;
  const char *noun;  /* untranslated; N_() marks it */
  GType (*get_type) (void);
} kinds[] = {
  { "service", N_("Service"), cm_service_get_type },
  { "contract", N_("Contract"), cm_contract_get_type },
  { "contract_notice", N_("Procurement notice"), cm_contract_notice_get_type },
  { "contract_variation", N_("Contract variation"), cm_contract_variation_get_type },
  { "provider", N_("Provider"), cm_provider_get_type },
  { "organisation", N_("Commissioner"), cm_organisation_get_type },
  { "service_partner", N_("Partner commissioner"), cm_service_partner_get_type },
  { "funding_source", N_("Funding source"), cm_funding_source_get_type },
  { "staff", N_("Member of staff"), cm_staff_get_type },
  { "checklist_item", N_("Step"), cm_checklist_item_get_type },
  { "stage_event", N_("Stage change"), cm_stage_event_get_type },
  { "eia", N_("EIA"), cm_eia_get_type },
  { "characteristic", N_("Characteristic"), cm_characteristic_get_type },
  { "eia_characteristic", N_("EIA characteristic"), cm_eia_characteristic_get_type },
  { "eia_mitigation", N_("Mitigation"), cm_eia_mitigation_get_type },
  { "decommission", N_("Decommission"), cm_decommission_get_type },
  { "decommission_contract", N_("Contract ended"), cm_decommission_contract_get_type },
  { "transition", N_("Transition"), cm_transition_get_type },
  { "risk", N_("Risk"), cm_risk_get_type },
  { "engagement", N_("Engagement"), cm_engagement_get_type },
  { "measure", N_("Measure"), cm_measure_get_type },
  { "measure_value", N_("Measure value"), cm_measure_value_get_type },
  { "scenario", N_("Scenario"), cm_scenario_get_type },
  { "scenario_line", N_("Scenario line"), cm_scenario_line_get_type },
  { "import_run", N_("Import"), cm_import_run_get_type },
  { "meta", N_("Portfolio setting"), NULL },
};

/* Integer columns that hold pence. */
static const char * const money_columns[] = {
  "annual_value", "total_value", "amount", "annual_income", "value_change", NULL
};

/* Reference columns whose table is not their name without "_id". */
static const struct {
  const char *table;
  const char *column;
  const char *target;
} targets[] = {
  { NULL, "lead_commissioner_id", "organisation" },
  { "organisation", "succeeded_by_id", "organisation" },
  { NULL, "author_id", "staff" },
  { NULL, "signatory_id", "staff" },
  { "eia", "previous_id", "eia" },
  { "eia_mitigation", "characteristic_id", "eia_characteristic" },
};

/* Names remembered at most: a trail refers to a few records again and
 * again (services, providers), so a cache this size keeps them while its
 * memory stays the same however many records the portfolio holds (a few
 * megabytes at most). A register of 100,000 contracts names some 24,000
 * services and providers: fewer kept, and exporting its trail loads each
 * again every time the cache is emptied. */
#define NAMES_KEPT 50000

struct _CmAuditWords {
  CmStore *store;
  GHashTable *names;   /* "table:id" → the name of a referenced record */
  GHashTable *columns; /* "table column" → its ColumnWords */
  CmDbStmt *reference; /* a contract's reference and title, by id */
};

/* What the words of one column need, worked out once: an import's trail
 * names the same dozen columns on every one of its rows. */
typedef struct {
  char *label;
  GParamSpec *pspec;  /* the record's property, or NULL */
  const char *target; /* the table a reference column points to, or NULL */
  gboolean money;
} ColumnWords;

static void
column_words_free (gpointer data)
{
  ColumnWords *words = data;

  g_free (words->label);
  g_free (words);
}

const char *
cm_audit_step_label (CmAuditStep step)
{
  switch (step)
    {
    case CM_AUDIT_STEP_CREATED:
      return _("Created");
    case CM_AUDIT_STEP_CHANGED:
      return _("Changed");
    case CM_AUDIT_STEP_DELETED:
      return _("Deleted");
    case CM_AUDIT_STEP_ANY:
    default:
      return _("Any change");
    }
}

/* "case_for_change" → "Case for change" */
static char *
humanise (const char *name)
{
  char *text = g_strdelimit (g_strdup (name ? name : ""), "_-", ' ');

  if (g_str_has_suffix (text, " id"))
    text[strlen (text) - 3] = '\0';
  if (*text)
    *text = g_ascii_toupper (*text);
  return text;
}

static int
kind_of (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].table, table) == 0)
      return i;
  return -1;
}

const char *
cm_audit_table_noun (const char *table)
{
  int kind = kind_of (table);
  static GHashTable *humanised;
  static GMutex lock;
  const char *noun;

  if (kind >= 0)
    return _(kinds[kind].noun);
  /* Kept for the life of the program, like the nouns above. */
  g_mutex_lock (&lock);
  if (humanised == NULL)
    humanised = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  noun = g_hash_table_lookup (humanised, table ? table : "");
  if (noun == NULL)
    {
      noun = humanise (table);
      g_hash_table_insert (humanised, g_strdup (table ? table : ""), (char *) noun);
    }
  g_mutex_unlock (&lock);
  return noun;
}

const char * const *
cm_audit_filter_tables (void)
{
  static const char *tables[G_N_ELEMENTS (kinds) + 1];
  static gsize filled;

  if (g_once_init_enter (&filled))
    {
      for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
        tables[i] = kinds[i].table;
      g_once_init_leave (&filled, 1);
    }
  return tables;
}

/* The field's description, where its words are kept once for the editor,
 * the pages and the trail alike. */
static const CmRecordField *
described_field (const char *table, const char *column)
{
  const CmAuditTable *audited;

  if (table == NULL)
    return NULL;
  if (g_str_equal (table, "meta"))
    return cm_portfolio_setting_field (column);
  audited = cm_audit_table_find (table);
  return audited ? cm_record_field_of_column (audited->type, column) : NULL;
}

char *
cm_audit_field_label (const char *table, const char *column)
{
  const CmRecordField *field;

  if (g_strcmp0 (column, CM_AUDIT_FIELD_RECORD) == 0)
    return g_strdup (_("Every field, as imported"));
  if (g_strcmp0 (column, CM_AUDIT_FIELD_BASELINE) == 0)
    return g_strdup (_("Every field, as the trail began"));
  field = column ? described_field (table, column) : NULL;
  /* A column an older schema had, kept in the trail after it went. */
  return field ? g_strdup (_(field->title)) : humanise (column);
}

/* ---- values ----------------------------------------------------------- */

CmAuditWords *
cm_audit_words_new (CmStore *store)
{
  CmAuditWords *self = g_new0 (CmAuditWords, 1);

  self->store = g_object_ref (store);
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, column_words_free);
  return self;
}

void
cm_audit_words_free (CmAuditWords *self)
{
  if (self == NULL)
    return;
  g_object_unref (self->store);
  g_hash_table_unref (self->names);
  g_hash_table_unref (self->columns);
  cm_db_stmt_free (self->reference);
  g_free (self);
}

static GParamSpec *
pspec_of (const char *table, const char *column)
{
  int kind = kind_of (table);
  g_autofree char *property = NULL;
  GObjectClass *klass;

  if (kind < 0 || kinds[kind].get_type == NULL || column == NULL)
    return NULL;
  /* Kept: entity classes live as long as the program. */
  klass = g_type_class_peek (kinds[kind].get_type ());
  if (klass == NULL)
    klass = g_type_class_ref (kinds[kind].get_type ());
  property = g_strdelimit (g_strdup (column), "_", '-');
  return g_object_class_find_property (klass, property);
}

static const char *
target_of (const char *table, const char *column)
{
  static GHashTable *stems;
  static GMutex lock;
  const char *stem;

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    if (g_strcmp0 (targets[i].column, column) == 0 &&
        (targets[i].table == NULL || g_strcmp0 (targets[i].table, table) == 0))
      return targets[i].target;
  g_mutex_lock (&lock);
  if (stems == NULL)
    stems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  stem = g_hash_table_lookup (stems, column);
  if (stem == NULL)
    {
      stem = g_strndup (column, strlen (column) - strlen ("_id"));
      g_hash_table_insert (stems, g_strdup (column), (char *) stem);
    }
  g_mutex_unlock (&lock);
  return stem;
}

/* A record's own words, from the record itself: "Carers (ASC-0008)". */
static char *
name_of_entity (CmEntity *record)
{
  GObjectClass *klass = G_OBJECT_GET_CLASS (record);
  g_autofree char *reference = NULL;
  g_autofree char *title = NULL;

  if (CM_IS_DECOMMISSION_CONTRACT (record))
    return NULL; /* named by its contract: see name_of () */
  if (g_object_class_find_property (klass, "reference") &&
      g_object_class_find_property (klass, "title"))
    {
      reference = cm_entity_property_text (record, "reference");
      title = cm_entity_property_text (record, "title");
      if (reference && *reference && title && *title)
        /* Translators: a record's name and reference, "Carers (ASC-0008)" */
        return g_strdup_printf (C_("record", "%s (%s)"), title, reference);
    }
  if (g_object_class_find_property (klass, "title") &&
      !g_object_class_find_property (klass, "name"))
    return cm_entity_property_text (record, "title");
  /* A record with no words of its own (a decommission, a scenario line)
   * is known by what it is about. */
  for (const char * const *p = (const char * const[]) { "person-ref", "name", "description",
                                                         "summary", "contract-name",
                                                         "measure-name", "service-name",
                                                         NULL }; *p; p++)
    if (g_object_class_find_property (klass, *p))
      {
        char *text = cm_entity_property_text (record, *p);

        if (text && *text)
          return text;
        g_free (text);
      }
  return cm_entity_describe (record);
}

/* A deleted record's last name, from the trail. */
static char *
name_from_trail (CmAuditWords *self, const char *table, gint64 id)
{
  CmDb *db = cm_store_get_db (self->store);
  CmDbStmt *stmt = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *title = NULL;
  char *name = NULL;

  if ((stmt = cm_db_prepare (db, "SELECT field, coalesce(new_value, old_value) FROM audit"
                                 " WHERE entity = ? AND entity_id = ? AND field IN"
                                 " ('name', 'title', 'reference', 'description', 'person_ref')"
                                 " ORDER BY id DESC")) == NULL)
    return NULL;
  cm_db_bind_text_static (stmt, 1, table);
  cm_db_bind_int64 (stmt, 2, id);
  while (cm_db_step (stmt) == CM_DB_ROW)
    {
      const char *field = cm_db_column_text (stmt, 0);
      const char *value = cm_db_column_text (stmt, 1);

      if (value == NULL || *value == '\0')
        continue;
      if (g_str_equal (field, "reference") && reference == NULL)
        reference = g_strdup (value);
      else if (g_str_equal (field, "title") && title == NULL)
        title = g_strdup (value);
      else if (name == NULL && !g_str_equal (field, "reference") && !g_str_equal (field, "title"))
        name = g_strdup (value);
    }
  cm_db_stmt_free (stmt);
  if (name)
    return name;
  if (title && reference)
    return g_strdup_printf (C_("record", "%s (%s)"), title, reference);
  return g_strdup (title ? title : reference);
}

/* Record @id of @table read from the file on its own (one indexed
 * SELECT), or NULL: a trail of a million contracts must not load them
 * all to name a few. */
static CmEntity *
load_record (CmAuditWords *self, const char *table, gint64 id)
{
  int kind = kind_of (table);

  if (kind < 0 || kinds[kind].get_type == NULL || id <= 0)
    return NULL;
  return cm_store_load (self->store, kinds[kind].get_type (), id, NULL);
}

/* A contract as lists show it, "ASC-0013 — Carers" (as
 * cm_entity_describe () words it), read by one indexed SELECT of the two
 * columns that name it: the trail of a million contracts names each
 * without loading any list. NULL when it is no longer in the portfolio. */
static char *
contract_words (CmAuditWords *self, gint64 id)
{
  CmDb *db = cm_store_get_db (self->store);
  const char *reference, *title;
  char *words = NULL;

  if (self->reference == NULL &&
      (self->reference = cm_db_prepare (db, "SELECT reference, title FROM contract"
                                            " WHERE id = ?")) == NULL)
    return NULL;
  cm_db_bind_int64 (self->reference, 1, id);
  if (cm_db_step (self->reference) == CM_DB_ROW)
    {
      reference = cm_db_column_text (self->reference, 0);
      title = cm_db_column_text (self->reference, 1);
      if (reference == NULL || *reference == '\0')
        words = g_strdup (title ? title : "");
      else if (title == NULL || *title == '\0')
        words = g_strdup (reference);
      else
        /* Translators: a record's reference and title, as in "LCC-042 — Carers' breaks" */
        words = g_strdup_printf (C_("record", "%s — %s"), reference, title);
    }
  cm_db_stmt_reset (self->reference);
  return words;
}

static void
remember_name (CmAuditWords *self, char *key, const char *name)
{
  if (g_hash_table_size (self->names) >= NAMES_KEPT)
    g_hash_table_remove_all (self->names);
  g_hash_table_insert (self->names, key, g_strdup (name));
}

static char *name_of (CmAuditWords *self, const char *table, gint64 id);

/* The name of @record (of @table, number @id), as a reference to it
 * reads; @record may be NULL for one no longer in the portfolio. */
static char *
name_of_loaded (CmAuditWords *self, const char *table, gint64 id, CmEntity *record)
{
  char *name = NULL;

  if (record && CM_IS_DECOMMISSION_CONTRACT (record))
    name = name_of (self, "contract",
                    cm_decommission_contract_get_contract_id (CM_DECOMMISSION_CONTRACT (record)));
  else if (record)
    name = name_of_entity (record);
  if (name == NULL || *name == '\0' || *name == '#')
    {
      g_autofree char *last = name_from_trail (self, table, id);

      g_free (name);
      /* Translators: a record no longer in the portfolio, "Carers (deleted)" */
      name = last ? g_strdup_printf (_("%s (deleted)"), last)
                  : g_strdup_printf (_("number %lld"), (long long) id);
    }
  return name;
}

/* The name of record @id of @table, as a reference to it reads. */
static char *
name_of (CmAuditWords *self, const char *table, gint64 id)
{
  char key[128];
  const char *known;
  g_autoptr(CmEntity) record = NULL;
  char *name;

  /* On the stack: a trail's every row asks, and most are known. */
  g_snprintf (key, sizeof key, "%s:%" G_GINT64_FORMAT, table, id);
  if ((known = g_hash_table_lookup (self->names, key)))
    return g_strdup (known);
  record = load_record (self, table, id);
  name = name_of_loaded (self, table, id, record);
  remember_name (self, g_strdup (key), name);
  return name;
}

char *
cm_audit_words_record (CmAuditWords *self, const char *table, gint64 id)
{
  g_autofree char *name = NULL;

  if (g_strcmp0 (table, "meta") == 0)
    return g_strdup (cm_audit_table_noun (table));
  /* A contract itself leads with its reference, as lists show it:
   * "Contract ASC-0013 — Carers"; a reference to it reads as its name. */
  if (g_strcmp0 (table, "contract") == 0)
    name = contract_words (self, id);
  if (name == NULL)
    name = name_of (self, table, id);
  /* Translators: a record in a list of changes, "Contract ASC-0013 — Carers" */
  return g_strdup_printf (C_("audit record", "%s %s"), cm_audit_table_noun (table),
                          name);
}

/* @column of @table's ColumnWords, made the first time it is asked for. */
static const ColumnWords *
column_words (CmAuditWords *self, const char *table, const char *column)
{
  char key[256];
  ColumnWords *words;

  /* Joined without printf: asked for every field of every row. */
  g_strlcpy (key, table ? table : "", sizeof key);
  g_strlcat (key, " ", sizeof key);
  g_strlcat (key, column, sizeof key);
  words = g_hash_table_lookup (self->columns, key);
  if (words)
    return words;
  words = g_new0 (ColumnWords, 1);
  words->label = cm_audit_field_label (table, column);
  words->pspec = pspec_of (table, column);
  words->target = g_str_has_suffix (column, "_id") ? target_of (table, column) : NULL;
  words->money = g_strv_contains (money_columns, column);
  g_hash_table_insert (self->columns, g_strdup (key), words);
  return words;
}

static char *
enum_words (GType type, const char *nick)
{
  int value;

  if (!cm_enum_from_nick (type, nick, &value))
    return g_strdup (nick);
  return g_strdup (cm_enum_to_label (type, value));
}

typedef struct {
  CmAuditWords *words;
  const char *table;
  GString *out;
} WholeRecord;

static char *whole_record_words (CmAuditWords *self, const char *table, const char *json);
static char *value_words (CmAuditWords *self, const ColumnWords *words, const char *value);

static void
add_field_words (const char *column, const char *text, gpointer data)
{
  WholeRecord *whole = data;
  const ColumnWords *words = column_words (whole->words, whole->table, column);
  g_autofree char *value = NULL;

  if (text == NULL || *text == '\0')
    return;
  /* As cm_audit_words_value () words it, the column looked up once. */
  value = cm_audit_field_is_whole (column) ? whole_record_words (whole->words, whole->table, text)
                                           : value_words (whole->words, words, text);
  if (value == NULL)
    return;
  if (whole->out->len > 0)
    g_string_append (whole->out, "; ");
  /* Translators: one field of a whole record, "Reference: ASC-0013" */
  g_string_append_printf (whole->out, _("%s: %s"), words->label, value);
}

/* A whole record's row (an import's, or the baseline's) as its fields in
 * words: "Reference: ASC-0013; Title: Carers; …". */
static char *
whole_record_words (CmAuditWords *self, const char *table, const char *json)
{
  g_autoptr(GString) out = g_string_new (NULL);
  WholeRecord whole = { self, table, out };

  if (!cm_audit_record_parse (table, json, add_field_words, &whole))
    return g_strdup (json);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* @value, not empty, of a column described by @words, in words. */
static char *
value_words (CmAuditWords *self, const ColumnWords *words, const char *value)
{
  GParamSpec *pspec = words->pspec;
  GDate date;

  if (words->target)
    {
      gint64 id = g_ascii_strtoll (value, NULL, 10);

      return id > 0 ? name_of (self, words->target, id) : NULL;
    }
  if (pspec && G_IS_PARAM_SPEC_ENUM (pspec))
    return enum_words (pspec->value_type, value);
  if (pspec && G_IS_PARAM_SPEC_BOOLEAN (pspec))
    return g_strdup (g_str_equal (value, "true") ? _("Yes") : _("No"));
  if (words->money)
    {
      char *end = NULL;
      gint64 pence = g_ascii_strtoll (value, &end, 10);

      if (end && *end == '\0')
        return cm_money_format (pence);
    }
  if (strlen (value) == 10 && cm_date_parse_iso (value, &date))
    return cm_date_to_long (&date);
  return g_strdup (value);
}

char *
cm_audit_words_value (CmAuditWords *self, const char *table, const char *column,
                      const char *value)
{
  if (value == NULL || *value == '\0')
    return NULL;
  if (cm_audit_field_is_whole (column))
    return whole_record_words (self, table, value);
  return value_words (self, column_words (self, table, column), value);
}

char *
cm_audit_words_change (CmAuditWords *self, const CmAuditEntry *entry)
{
  g_autofree char *label = cm_audit_field_label (entry->entity, entry->field);
  g_autofree char *before = cm_audit_words_value (self, entry->entity, entry->field,
                                                  entry->old_value);
  g_autofree char *after = cm_audit_words_value (self, entry->entity, entry->field,
                                                 entry->new_value);

  if (before == NULL && after == NULL)
    return g_steal_pointer (&label);
  if (before == NULL)
    /* Translators: a field given its first value, "Decision route: Executive board" */
    return g_strdup_printf (_("%s: %s"), label, after);
  if (after == NULL)
    /* Translators: a field emptied, "Notice served: cleared (was 1 December 2026)" */
    return g_strdup_printf (_("%s: cleared (was %s)"), label, before);
  /* Translators: a field changed, "Stage: Review → Decommissioning" */
  return g_strdup_printf (_("%s: %s → %s"), label, before, after);
}
