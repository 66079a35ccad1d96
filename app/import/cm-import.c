/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-import.c: bringing an existing contracts register into a portfolio
 *
 * Planning reads every row into the contract it would become, with the
 * providers, services and commissioners it needs; nothing is written.
 * Applying writes the whole plan through the store in one transaction;
 * the command line writes each row as soon as it is planned instead.
 */
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cm-backup.h"
#include "cm-contract.h"
#include "cm-deadlines.h"
#include "cm-date.h"
#include "cm-date-parse.h"
#include "cm-enums.h"
#include "cm-import.h"
#include "cm-import-names.h"
#include "cm-import-pipe.h"
#include "cm-import-run.h"
#include "cm-import-values.h"
#include "cm-provider.h"
#include "cm-row-list.h"
#include "cm-store-bulk.h"
#include "cm-store-import.h"
#include "cm-succession.h"
#include "cm-term.h"
#include "cm-value.h"

G_DEFINE_QUARK (cm-import-error-quark, cm_import_error)

/* Stands for the id of a provider or service the import will create, so
 * that a planned contract validates as one that names both. */
#define NOT_YET_CREATED G_MAXINT64

/* What every row must give, so every mapping must hold. */
static const CmImportField required[] = {
  CM_IMPORT_FIELD_REFERENCE, CM_IMPORT_FIELD_TITLE, CM_IMPORT_FIELD_PROVIDER,
};

/* Writes rows as they are planned (cm_import_plan_new_written ()). */
typedef struct _Writer Writer;

/* The first few references of the contracts an import created or
 * changed, for its record, and how many there were. */
typedef struct {
  char *shown[CM_ROW_LIST_SHOWN];
  guint n;
} References;

typedef struct {
  CmImportRowStatus status;
  GPtrArray *problems;  /* of char*, or NULL */
  GPtrArray *warnings;  /* contradictions that do not stop the row; of char*, or NULL */
  CmContract *contract; /* what the row becomes, for CREATE and UPDATE */
  CmImportNamed *provider;
  CmImportNamed *service;
} Row;

struct _CmImportPlan
{
  CmTable *table;           /* read only while planning */
  GArray *mapping;
  GArray *rows;             /* Row, by table row; row 0 (the header) unused */
  /* A register read as it is written keeps each row's status, and a Row
   * only for the rows with problems or warnings: a million rows would
   * otherwise hold 48 MB of Rows, mostly empty. */
  GByteArray *statuses;     /* CmImportRowStatus by table row, or NULL */
  GHashTable *noted;        /* table row -> Row, for those rows */
  Row current;              /* the row being planned, while statuses are kept */
  Row looked_up;            /* a row without problems, as row_of () gives it */
  CmImportNames *names;
  /* For rows that name no service: this one, else one of this name, else
   * one of their title. */
  CmImportNamed *fallback_service;
  char *fallback_name;
  GHashTable *references;   /* reference -> contract id in the portfolio */
  GHashTable *seen;         /* reference -> first table row holding it */
  GStringChunk *seen_text;  /* its keys: a million references, without a block each */
  GHashTable *others;       /* "Field “text”" -> CmRowList of the rows it is on */
  GHashTable *readings[CM_IMPORT_N_FIELDS]; /* a cell's text -> Reading, or NULL */
  gpointer unkept;          /* the last Reading past MAX_READINGS */
  GHashTable *ends_agree;   /* "start|term|end" -> whether start and term give that end */
  GHashTable *terms_valid;  /* the "term|notice period|extensions taken" that validate */
  GString *row_text;        /* the cells of the row being read (RowReader) */
  GString *key;             /* a key of ends_agree or terms_valid, looked up */
  GPtrArray *new_providers;
  GPtrArray *new_services;
  GPtrArray *new_commissioners;
  GPtrArray *other_values;  /* "Field “text” (rows 4, 9)", named briefly */
  GPtrArray *other_keys;    /* "Field “text”", in the same order */
  GPtrArray *contradictions; /* every row's warnings, in row order */
  Writer *writer;           /* writing while planning, or NULL */
  CmImportMoreWrite more_write; /* or NULL */
  gpointer more_data;
  GDestroyNotify more_destroy;
  char *more_summary;       /* what more_write wrote, or NULL */
};

static void write_planned_row (CmImportPlan *plan, guint row);

/* What a cell's text was read as, kept for the next row with the same
 * text: a register repeats its few types, routes, terms and dates on
 * every row, and each would otherwise be parsed afresh. */
typedef struct {
  int value;        /* an enum's value */
  gboolean matched; /* the enum's text was one of its words */
  char *text;       /* a date as yyyy-mm-dd, a commissioner as recorded, or NULL */
  char *error;      /* why the text could not be read, or NULL */
} Reading;

/* Texts kept a column: dates are the most varied, and a column of them
 * has a few thousand at most. */
#define MAX_READINGS 16384

static void
reading_free (gpointer data)
{
  Reading *reading = data;

  g_free (reading->text);
  g_free (reading->error);
  g_free (reading);
}

static Reading *
find_reading (CmImportPlan *plan, CmImportField field, const char *text)
{
  return plan->readings[field] ? g_hash_table_lookup (plan->readings[field], text) : NULL;
}

/* Takes @reading; returns it, kept or not, for the caller to use before
 * the next row (a reading not kept is freed with the plan's next one). */
static Reading *
keep_reading (CmImportPlan *plan, CmImportField field, const char *text, Reading *reading)
{
  GHashTable **readings = &plan->readings[field];

  if (*readings == NULL)
    *readings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, reading_free);
  if (g_hash_table_size (*readings) < MAX_READINGS)
    g_hash_table_insert (*readings, g_strdup (text), reading);
  else
    {
      g_clear_pointer (&plan->unkept, reading_free);
      plan->unkept = reading;
    }
  return reading;
}

/* ---- the properties rows set ------------------------------------------ */

typedef enum {
  SET_REFERENCE, SET_TITLE, SET_CONTRACT_TYPE, SET_TYPE_AS_WRITTEN, SET_ROUTE,
  SET_ROUTE_AS_WRITTEN, SET_ANNUAL_VALUE, SET_TOTAL_VALUE, SET_START_DATE, SET_END_DATE,
  SET_NOTICE_SERVED, SET_DECOMMISSIONED_ON, SET_PROCUREMENT_BEGAN, SET_NOTICE_KIND, SET_OUTCOME,
  SET_TERM, SET_NOTICE_PERIOD, SET_EXTENSIONS_INVOKED, SET_PROVIDER_ID, SET_SERVICE_ID,
  SET_SECTOR, SET_SECTOR_AS_WRITTEN, SET_IS_SME, SET_IS_VCSE,
  N_SETS
} Set;

static const struct {
  GType (*type) (void);
  const char *name;
} set_names[N_SETS] = {
  [SET_REFERENCE] = { cm_contract_get_type, "reference" },
  [SET_TITLE] = { cm_contract_get_type, "title" },
  [SET_CONTRACT_TYPE] = { cm_contract_get_type, "contract-type" },
  [SET_TYPE_AS_WRITTEN] = { cm_contract_get_type, "type-as-written" },
  [SET_ROUTE] = { cm_contract_get_type, "route" },
  [SET_ROUTE_AS_WRITTEN] = { cm_contract_get_type, "route-as-written" },
  [SET_ANNUAL_VALUE] = { cm_contract_get_type, "annual-value" },
  [SET_TOTAL_VALUE] = { cm_contract_get_type, "total-value" },
  [SET_START_DATE] = { cm_contract_get_type, "start-date" },
  [SET_END_DATE] = { cm_contract_get_type, "end-date" },
  [SET_NOTICE_SERVED] = { cm_contract_get_type, "notice-served" },
  [SET_DECOMMISSIONED_ON] = { cm_contract_get_type, "decommissioned-on" },
  [SET_PROCUREMENT_BEGAN] = { cm_contract_get_type, "procurement-began" },
  [SET_NOTICE_KIND] = { cm_contract_get_type, "notice-kind" },
  [SET_OUTCOME] = { cm_contract_get_type, "outcome" },
  [SET_TERM] = { cm_contract_get_type, "term" },
  [SET_NOTICE_PERIOD] = { cm_contract_get_type, "notice-period" },
  [SET_EXTENSIONS_INVOKED] = { cm_contract_get_type, "extensions-invoked" },
  [SET_PROVIDER_ID] = { cm_contract_get_type, "provider-id" },
  [SET_SERVICE_ID] = { cm_contract_get_type, "service-id" },
  [SET_SECTOR] = { cm_provider_get_type, "sector" },
  [SET_SECTOR_AS_WRITTEN] = { cm_provider_get_type, "sector-as-written" },
  [SET_IS_SME] = { cm_provider_get_type, "is-sme" },
  [SET_IS_VCSE] = { cm_provider_get_type, "is-vcse" },
};

/* Each property a row sets, looked up once for the process: g_object_set ()
 * would look it up by name for every cell of every row. */
static GParamSpec *
property (Set set)
{
  static GParamSpec *pspecs[N_SETS];
  static gsize found;

  if (g_once_init_enter (&found))
    {
      for (guint i = 0; i < N_SETS; i++)
        {
          /* Kept for the life of the process, as the found properties are. */
          GObjectClass *klass = g_type_class_ref (set_names[i].type ());

          pspecs[i] = g_object_class_find_property (klass, set_names[i].name);
          g_assert (pspecs[i] != NULL);
        }
      g_once_init_leave (&found, 1);
    }
  return pspecs[set];
}

/* The value of @set in @entity, to set straight, without the setters'
 * checks and notification (cm_entity_set_string ()): the records a plan
 * reads rows into are its own until it is made, so nothing listens to
 * them yet, and a setter costs more than reading its cell. */
static GValue *
slot (gpointer entity, Set set)
{
  GParamSpec *pspec = property (set);

  g_assert (G_OBJECT_TYPE (entity) == pspec->owner_type);
  return cm_entity_peek_value (entity, pspec->param_id);
}

static void
set_string (gpointer entity, Set set, const char *text)
{
  GValue *value = slot (entity, set);

  if (g_strcmp0 (g_value_get_string (value), text) != 0)
    g_value_set_string (value, text);
}

static void
set_int64 (gpointer entity, Set set, gint64 number)
{
  g_value_set_int64 (slot (entity, set), number);
}

static void
set_int (gpointer entity, Set set, int number)
{
  g_value_set_int (slot (entity, set), number);
}

static void
set_enum (gpointer entity, Set set, int value)
{
  g_value_set_enum (slot (entity, set), value);
}

static void
set_boolean (gpointer entity, Set set, gboolean value)
{
  g_value_set_boolean (slot (entity, set), value != FALSE);
}

static guint
n_rows_of (CmImportPlan *plan)
{
  return plan->statuses ? plan->statuses->len : plan->rows->len;
}

/* The Row @row is planned into. */
static Row *
planning_row (CmImportPlan *plan, guint row)
{
  return plan->statuses ? &plan->current : &g_array_index (plan->rows, Row, row);
}

/* The Row of @row as planned, to read. */
static const Row *
row_of (CmImportPlan *plan, guint row)
{
  const Row *noted;

  if (plan->statuses == NULL)
    return &g_array_index (plan->rows, Row, row);
  noted = g_hash_table_lookup (plan->noted, GUINT_TO_POINTER (row));
  if (noted)
    return noted;
  plan->looked_up.status = plan->statuses->data[row];
  return &plan->looked_up;
}

/* ---- the portfolio's references --------------------------------------- */

/* ---- reading one row -------------------------------------------------- */

typedef struct {
  CmImportPlan *plan;
  guint row;
  Row *out;
  const char *cells[CM_IMPORT_N_FIELDS]; /* each mapped field's text, trimmed; NULL unmapped */
} RowReader;

/* Appends @text to @out without the spaces g_strstrip () takes off, and
 * its end; returns where it starts. */
static gsize
append_stripped (GString *out, const char *text)
{
  gsize start = out->len;
  const char *end;

  while (g_ascii_isspace (*text))
    text++;
  end = text + strlen (text);
  while (end > text && g_ascii_isspace (end[-1]))
    end--;
  g_string_append_len (out, text, end - text);
  g_string_append_c (out, '\0');
  return start;
}

/* Whether @text has no spaces for g_strstrip () to take off. */
static gboolean
is_stripped (const char *text)
{
  return *text == '\0' || (!g_ascii_isspace (text[0]) &&
                            !g_ascii_isspace (text[strlen (text) - 1]));
}

/* The row's cells, trimmed: the table's own text where there is nothing
 * to trim, as in nearly every cell, else a copy in the plan's one buffer
 * (a copy of its own would be an allocation per cell of every row). */
static void
row_reader_init (RowReader *r, CmImportPlan *plan, guint row)
{
  gssize starts[CM_IMPORT_N_FIELDS];

  *r = (RowReader) { plan, row, planning_row (plan, row), { NULL } };
  g_string_truncate (plan->row_text, 0);
  for (guint f = 0; f < CM_IMPORT_N_FIELDS; f++)
    starts[f] = -1;
  for (guint c = 0; c < plan->mapping->len; c++)
    {
      CmImportField field = g_array_index (plan->mapping, CmImportField, c);
      const char *text;

      if (field == CM_IMPORT_FIELD_IGNORE)
        continue;
      text = cm_table_get (plan->table, row, c);
      /* The table keeps the row's text until the row is planned. */
      starts[field] = is_stripped (text) ? -1 : (gssize) append_stripped (plan->row_text, text);
      if (starts[field] < 0)
        r->cells[field] = text;
    }
  /* Only now: the buffer may have moved as it grew. */
  for (guint f = 0; f < CM_IMPORT_N_FIELDS; f++)
    if (starts[f] >= 0)
      r->cells[f] = plan->row_text->str + starts[f];
}

static const char *
cell (RowReader *r, CmImportField field)
{
  return r->cells[field] ? r->cells[field] : "";
}

static gboolean
has (RowReader *r, CmImportField field)
{
  return *cell (r, field) != '\0';
}

static void G_GNUC_PRINTF (3, 4)
problem (RowReader *r, CmImportField field, const char *format, ...)
{
  int column = field == CM_IMPORT_FIELD_IGNORE ? -1
               : cm_import_mapping_column (r->plan->mapping, field);
  g_autofree char *where = column < 0 ? g_strdup_printf (_("Row %u"), r->row + 1)
                                      : cm_table_cell_name (r->row, column);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (r->out->problems == NULL)
    r->out->problems = g_ptr_array_new_with_free_func (g_free);
  /* TRANSLATORS: a cell such as "F7", then what is wrong with it */
  g_ptr_array_add (r->out->problems, g_strdup_printf (_("%s: %s"), where, message));
}

/* A contradiction in the register: flagged in the report, never resolved
 * silently, and no reason to refuse the row. */
static void G_GNUC_PRINTF (2, 3)
warn (RowReader *r, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (r->out->warnings == NULL)
    r->out->warnings = g_ptr_array_new_with_free_func (g_free);
  /* TRANSLATORS: a row number, then the contradiction found on it */
  g_ptr_array_add (r->out->warnings, g_strdup_printf (_("Row %u: %s"), r->row + 1, message));
}

static void
note_other (RowReader *r, CmImportField field, const char *text)
{
  g_autofree char *key = g_strdup_printf ("%s “%s”", cm_import_field_label (field), text);
  CmRowList *rows = g_hash_table_lookup (r->plan->others, key);

  if (rows == NULL)
    {
      rows = cm_row_list_new ();
      g_hash_table_insert (r->plan->others, g_steal_pointer (&key), rows);
    }
  cm_row_list_add (rows, r->row + 1);
}

/* Our own exports write an unknown word as "Other: word"; reading it back
 * keeps the word alone. */
static const char *
without_other_label (GType type, int other, const char *text)
{
  g_autofree char *prefix = g_strdup_printf ("%s: ", cm_enum_to_label (type, other));

  return g_str_has_prefix (text, prefix) ? text + strlen (prefix) : text;
}

/* Sets the property @value_set from a vocabulary cell, keeping unknown
 * words as written under Other in @as_written. */
static void
read_enum (RowReader *r, CmEntity *entity, CmImportField field, GType type, Set value_set,
           Set as_written)
{
  const char *text = cell (r, field);
  Reading *reading;
  gboolean matched;
  int value;

  if (*text == '\0')
    return;
  if ((reading = find_reading (r->plan, field, text)) == NULL)
    {
      reading = g_new0 (Reading, 1);
      reading->value = cm_import_match_enum (type, text, &reading->matched);
      keep_reading (r->plan, field, text, reading);
    }
  value = reading->value;
  matched = reading->matched;
  if (!matched)
    {
      text = without_other_label (type, value, text);
      note_other (r, field, text);
    }
  set_enum (entity, value_set, value);
  set_string (entity, as_written, matched ? "" : text);
}

/* The words registers use for what notice meant and how a contract ended,
 * beside our own labels and nicks. */
static const struct {
  GType (*get_type) (void);
  int value;
  const char *word;
} choice_words[] = {
  { cm_notice_kind_get_type, CM_NOTICE_KIND_NOT_TO_EXTEND, "notice not to extend" },
  { cm_notice_kind_get_type, CM_NOTICE_KIND_NOT_TO_EXTEND, "non-renewal" },
  { cm_notice_kind_get_type, CM_NOTICE_KIND_NOT_TO_EXTEND, "not extended" },
  { cm_notice_kind_get_type, CM_NOTICE_KIND_EARLY_TERMINATION, "termination" },
  { cm_notice_kind_get_type, CM_NOTICE_KIND_EARLY_TERMINATION, "notice of termination" },
  { cm_contract_outcome_get_type, CM_CONTRACT_OUTCOME_RELET, "relet" },
  { cm_contract_outcome_get_type, CM_CONTRACT_OUTCOME_RELET, "re-procured" },
  { cm_contract_outcome_get_type, CM_CONTRACT_OUTCOME_RELET, "recommissioned" },
  { cm_contract_outcome_get_type, CM_CONTRACT_OUTCOME_RELET, "re-commissioned" },
  { cm_contract_outcome_get_type, CM_CONTRACT_OUTCOME_ENDED_BY_EXPIRY, "expired" },
  { cm_contract_outcome_get_type, CM_CONTRACT_OUTCOME_ENDED_BY_EXPIRY, "ended" },
};

static gboolean
match_choice (GType type, const char *text, int *value)
{
  for (guint i = 0; i < cm_enum_count (type); i++)
    {
      g_autofree char *spaced = g_strdelimit (g_strdup (cm_enum_to_nick (type, i)), "-", ' ');

      if (g_ascii_strcasecmp (text, cm_enum_to_nick (type, i)) == 0 ||
          g_ascii_strcasecmp (text, spaced) == 0 ||
          g_utf8_collate (text, cm_enum_to_label (type, i)) == 0)
        {
          *value = (int) i;
          return TRUE;
        }
    }
  for (gsize i = 0; i < G_N_ELEMENTS (choice_words); i++)
    if (choice_words[i].get_type () == type &&
        g_ascii_strcasecmp (text, choice_words[i].word) == 0)
      {
        *value = choice_words[i].value;
        return TRUE;
      }
  return FALSE;
}

/* A cell from a closed list with no "Other": a word we do not know is a
 * problem, since guessing would close or end a contract wrongly. */
static void
read_choice (RowReader *r, CmContract *contract, CmImportField field, GType type, Set set)
{
  g_autoptr(GString) known = NULL;
  const char *text = cell (r, field);
  Reading *reading;

  if (*text == '\0')
    return;
  if ((reading = find_reading (r->plan, field, text)) == NULL)
    {
      reading = g_new0 (Reading, 1);
      reading->matched = match_choice (type, text, &reading->value);
      keep_reading (r->plan, field, text, reading);
    }
  if (reading->matched)
    {
      set_enum (contract, set, reading->value);
      return;
    }
  known = g_string_new (NULL);
  for (guint i = 0; i < cm_enum_count (type); i++)
    g_string_append_printf (known, "%s%s", i ? ", " : "", cm_enum_to_label (type, i));
  problem (r, field, _("“%s” is not known here. Write one of: %s."), text, known->str);
}

static void
read_date (RowReader *r, CmContract *contract, CmImportField field, Set set)
{
  const char *text = cell (r, field);
  Reading *reading;

  if (!has (r, field))
    return;
  if ((reading = find_reading (r->plan, field, text)) == NULL)
    {
      g_autoptr(GError) error = NULL;
      GDate date;

      reading = g_new0 (Reading, 1);
      if (cm_date_parse (text, CM_DATE_PARSE_SERIALS, &date, &error))
        reading->text = cm_date_format_iso (&date);
      else
        reading->error = g_strdup (error->message);
      keep_reading (r->plan, field, text, reading);
    }
  if (reading->error)
    problem (r, field, "%s", reading->error);
  else
    set_string (contract, set, reading->text);
}

static void
read_money (RowReader *r, CmContract *contract, CmImportField field, Set set)
{
  g_autoptr(GError) error = NULL;
  gint64 pence = 0;

  if (!has (r, field))
    return;
  if (!cm_import_parse_money (cell (r, field), &pence, &error))
    problem (r, field, "%s", error->message);
  else
    set_int64 (contract, set, pence);
}

static void
read_text (RowReader *r, CmContract *contract, CmImportField field, Set set)
{
  if (r->cells[field])
    set_string (contract, set, r->cells[field]);
}

/* Why the term or notice period in @field cannot be read, or NULL. */
static const char *
period_problem (RowReader *r, CmImportField field)
{
  const char *text = cell (r, field);
  Reading *reading;

  if (!has (r, field))
    return NULL;
  if ((reading = find_reading (r->plan, field, text)) == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CmTerm) term = NULL;
      CmPeriod notice;

      reading = g_new0 (Reading, 1);
      if (field == CM_IMPORT_FIELD_TERM ? (term = cm_term_parse (text, &error)) == NULL
                                        : !cm_period_parse (text, &notice, &error))
        reading->error = g_strdup (error->message);
      keep_reading (r->plan, field, text, reading);
    }
  return reading->error;
}

/* The term and notice period are checked by the contract itself; reading
 * them here names the cell. */
static void
read_periods (RowReader *r, CmContract *contract)
{
  g_autoptr(GError) error = NULL;
  const char *why;
  int invoked = 0;

  if ((why = period_problem (r, CM_IMPORT_FIELD_TERM)) != NULL)
    problem (r, CM_IMPORT_FIELD_TERM, "%s", why);
  if ((why = period_problem (r, CM_IMPORT_FIELD_NOTICE_PERIOD)) != NULL)
    problem (r, CM_IMPORT_FIELD_NOTICE_PERIOD, "%s", why);
  read_text (r, contract, CM_IMPORT_FIELD_TERM, SET_TERM);
  read_text (r, contract, CM_IMPORT_FIELD_NOTICE_PERIOD, SET_NOTICE_PERIOD);
  if (!has (r, CM_IMPORT_FIELD_EXTENSIONS_INVOKED))
    return;
  if (!cm_import_parse_count (cell (r, CM_IMPORT_FIELD_EXTENSIONS_INVOKED), &invoked, &error))
    problem (r, CM_IMPORT_FIELD_EXTENSIONS_INVOKED, "%s", error->message);
  else
    set_int (contract, SET_EXTENSIONS_INVOKED, invoked);
}

static void
read_flag (RowReader *r, CmEntity *entity, CmImportField field, Set set)
{
  g_autoptr(GError) error = NULL;
  gboolean value = FALSE;

  if (!has (r, field))
    return;
  if (!cm_import_parse_flag (cell (r, field), &value, &error))
    problem (r, field, "%s", error->message);
  else
    set_boolean (entity, set, value);
}

/* Only a record the portfolio held before has its id for good: the
 * others take theirs as they are written, which may be in another thread
 * while this row is planned. */
static gint64
planned_id (CmImportNamed *named)
{
  return named->stored_id ? named->stored_id : NOT_YET_CREATED;
}

/* The Compact follows the VCSE flag where it says yes, else the sector.
 * A flag of no is stored like one not recorded, so a third-sector
 * provider the register says is not VCSE keeps the Compact by its sector:
 * both disagreements are reported. */
static void
check_vcse (RowReader *r, CmEntity *provider, const char *name)
{
  gboolean vcse = FALSE;
  int sector = 0;

  if (!has (r, CM_IMPORT_FIELD_VCSE) || !has (r, CM_IMPORT_FIELD_PROVIDER_SECTOR))
    return;
  g_object_get (provider, "is-vcse", &vcse, "sector", &sector, NULL);
  if (vcse && sector != CM_SECTOR_THIRD_SECTOR && sector != CM_SECTOR_OTHER)
    warn (r, _("provider %s is marked VCSE, but its sector is %s. The VCSE flag is followed: "
               "the Compact’s minimum notice applies to its contracts. Check the provider."),
          name, cm_enum_to_label (CM_TYPE_SECTOR, sector));
  else if (!vcse && sector == CM_SECTOR_THIRD_SECTOR)
    warn (r, _("provider %s is third sector, but the register says it is not VCSE. A VCSE "
               "flag of no cannot be told from one not recorded, so the sector is followed: "
               "the Compact’s minimum notice applies to its contracts. Check the provider."),
          name);
}

/* A provider first named by this row takes its sector, flags and
 * registration from it; one already known keeps its own. */
static void
read_provider (RowReader *r)
{
  const char *name = cell (r, CM_IMPORT_FIELD_PROVIDER);
  const char *registration = cell (r, CM_IMPORT_FIELD_REGISTRATION);
  gboolean created;
  CmEntity *provider;
  int sector = 0;

  r->out->provider = cm_import_names_provider (r->plan->names, name, &created);
  if (!created)
    return;
  provider = r->out->provider->entity;
  g_ptr_array_add (r->plan->new_providers, g_strdup (name));
  read_enum (r, provider, CM_IMPORT_FIELD_PROVIDER_SECTOR, CM_TYPE_SECTOR, SET_SECTOR,
             SET_SECTOR_AS_WRITTEN);
  read_flag (r, provider, CM_IMPORT_FIELD_SME, SET_IS_SME);
  read_flag (r, provider, CM_IMPORT_FIELD_VCSE, SET_IS_VCSE);
  check_vcse (r, provider, name);
  g_object_get (provider, "sector", &sector, NULL);
  if (*registration)
    g_object_set (provider, sector == CM_SECTOR_THIRD_SECTOR ? "charity-number" : "company-number",
                  registration, NULL);
}

/* The commissioner the row names. Our own workbook names the organisation
 * in force beside the recorded one; the record keeps the recorded one.
 * Kept as a Reading: a register names its few commissioners on every row. */
static const char *
recorded_commissioner (RowReader *r)
{
  const char *text = cell (r, CM_IMPORT_FIELD_COMMISSIONER);
  Reading *reading = find_reading (r->plan, CM_IMPORT_FIELD_COMMISSIONER, text);

  if (reading == NULL)
    {
      reading = g_new0 (Reading, 1);
      reading->text = cm_succession_recorded_name (text);
      keep_reading (r->plan, CM_IMPORT_FIELD_COMMISSIONER, text, reading);
    }
  return reading->text;
}

/* A register without services gives each contract a service of its title. */
static void
read_service (RowReader *r, const char *title)
{
  const char *name = has (r, CM_IMPORT_FIELD_SERVICE) ? cell (r, CM_IMPORT_FIELD_SERVICE)
                     : r->plan->fallback_name ? r->plan->fallback_name : title;
  const char *lead = recorded_commissioner (r);
  CmImportNamed *service;
  gboolean created;
  g_autoptr(GError) error = NULL;

  if (r->plan->fallback_service && !has (r, CM_IMPORT_FIELD_SERVICE))
    {
      r->out->service = r->plan->fallback_service;
      return;
    }
  service = r->out->service = cm_import_names_service (r->plan->names, name, lead, &created);
  if (!created)
    return;
  g_ptr_array_add (r->plan->new_services, g_strdup (name));
  if (*lead)
    {
      service->lead = cm_import_names_commissioner (r->plan->names, lead, &created);
      if (created)
        g_ptr_array_add (r->plan->new_commissioners, g_strdup (lead));
      g_object_set (service->entity, "lead-commissioner-id", planned_id (service->lead), NULL);
    }
  /* The service's own rules (it needs a lead commissioner), on the row
   * that brings it in. */
  if (!cm_entity_validate (service->entity, &error))
    problem (r, *lead ? CM_IMPORT_FIELD_IGNORE : CM_IMPORT_FIELD_COMMISSIONER,
             _("%s Service “%s” is new: fill in its Commissioner."), error->message, name);
}

static void
read_contract_fields (RowReader *r, CmContract *contract)
{
  read_text (r, contract, CM_IMPORT_FIELD_TITLE, SET_TITLE);
  read_enum (r, CM_ENTITY (contract), CM_IMPORT_FIELD_TYPE, CM_TYPE_CONTRACT_TYPE,
             SET_CONTRACT_TYPE, SET_TYPE_AS_WRITTEN);
  read_enum (r, CM_ENTITY (contract), CM_IMPORT_FIELD_ROUTE, CM_TYPE_PROCUREMENT_ROUTE,
             SET_ROUTE, SET_ROUTE_AS_WRITTEN);
  read_money (r, contract, CM_IMPORT_FIELD_ANNUAL_VALUE, SET_ANNUAL_VALUE);
  read_money (r, contract, CM_IMPORT_FIELD_TOTAL_VALUE, SET_TOTAL_VALUE);
  read_date (r, contract, CM_IMPORT_FIELD_START_DATE, SET_START_DATE);
  read_date (r, contract, CM_IMPORT_FIELD_END_DATE, SET_END_DATE);
  read_date (r, contract, CM_IMPORT_FIELD_NOTICE_SERVED, SET_NOTICE_SERVED);
  read_date (r, contract, CM_IMPORT_FIELD_DECOMMISSIONED_ON, SET_DECOMMISSIONED_ON);
  read_date (r, contract, CM_IMPORT_FIELD_PROCUREMENT_BEGAN, SET_PROCUREMENT_BEGAN);
  read_choice (r, contract, CM_IMPORT_FIELD_NOTICE_KIND, CM_TYPE_NOTICE_KIND, SET_NOTICE_KIND);
  read_choice (r, contract, CM_IMPORT_FIELD_OUTCOME, CM_TYPE_CONTRACT_OUTCOME, SET_OUTCOME);
  read_periods (r, contract);
}

/* The contract's term as written, without parsing it. */
static const char *
term_text (CmContract *contract)
{
  return cm_entity_get_string (CM_ENTITY (contract), property (SET_TERM)->param_id);
}

static const char *
notice_period_text (CmContract *contract)
{
  return cm_entity_get_string (CM_ENTITY (contract), property (SET_NOTICE_PERIOD)->param_id);
}

/* Into plan->key: three texts, each ended by a character no cell holds.
 * Built by hand: printf's parsing costs more than the lookup it is for. */
static const char *
key_of (CmImportPlan *plan, const char *first, const char *second, const char *third)
{
  const char *parts[] = { first, second, third };

  g_string_truncate (plan->key, 0);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_string_append (plan->key, parts[i]);
      g_string_append_c (plan->key, '\x1f');
    }
  return plan->key->str;
}

/* Whether the contract's recorded end is not the one its start and term
 * give. Only those three decide it, and a register repeats them row after
 * row, so each combination is worked out once (up to MAX_READINGS). */
static gboolean
end_disagrees (CmImportPlan *plan, CmContract *contract, CmContractDates *dates)
{
  CmDeadlineSettings settings = CM_DEADLINE_SETTINGS_DEFAULT;
  gpointer known;
  GDate any_day;
  gboolean disagrees;

  if (plan->ends_agree == NULL)
    plan->ends_agree = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  key_of (plan, cm_contract_get_start_date (contract), term_text (contract),
          cm_contract_get_end_date (contract));
  if (g_hash_table_lookup_extended (plan->ends_agree, plan->key->str, NULL, &known) &&
      GPOINTER_TO_INT (known))
    return FALSE;
  g_date_clear (&any_day, 1);
  g_date_set_dmy (&any_day, 1, G_DATE_JANUARY, 2000); /* statuses are not looked at */
  disagrees = cm_contract_compute_dates (contract, &any_day, &settings, dates) &&
              dates->end_disagrees;
  if (!disagrees && g_hash_table_size (plan->ends_agree) < MAX_READINGS)
    g_hash_table_insert (plan->ends_agree, g_strdup (plan->key->str), GINT_TO_POINTER (TRUE));
  return disagrees;
}

/* An end date that disagrees with start + term: both are shown, and the
 * dates will use the end date, as it is what was signed. */
static void
check_end_date (RowReader *r, CmContract *contract)
{
  CmContractDates dates;
  g_autofree char *recorded = NULL;
  g_autofree char *by_term = NULL;

  if (!end_disagrees (r->plan, contract, &dates))
    return;
  recorded = cm_date_format_long (cm_contract_get_end_date (contract));
  by_term = cm_date_to_long (&dates.term_end);
  warn (r, _("contract %s ends on %s, but its start date and term give %s. Its dates will use "
             "the end date as recorded; check which is right."),
        cm_contract_get_reference (contract), recorded, by_term);
}

static gboolean
row_is_blank (RowReader *r)
{
  for (guint f = 1; f < CM_IMPORT_N_FIELDS; f++)
    if (has (r, f))
      return FALSE;
  return TRUE;
}

/* The contract as it stands in the portfolio, for a row that updates it. */
static CmContract *
existing_contract (CmStore *store, gint64 id)
{
  CmEntity *found = cm_store_find (store, CM_TYPE_CONTRACT, id);

  return found ? CM_CONTRACT (cm_entity_copy (found)) : NULL;
}

static gboolean
check_required (RowReader *r)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (!has (r, required[i]))
      {
        problem (r, required[i], _("%s is empty. Every contract needs one."),
                 cm_import_field_label (required[i]));
        ok = FALSE;
      }
  return ok;
}

/* Two rows with one reference would make the second overwrite the first. */
static gboolean
check_unique (RowReader *r, const char *reference)
{
  gpointer first = g_hash_table_lookup (r->plan->seen, reference);

  if (first)
    {
      problem (r, CM_IMPORT_FIELD_REFERENCE, _("Reference %s is already used on row %u. "
                                               "Give each contract its own reference."),
               reference, GPOINTER_TO_UINT (first) + 1);
      return FALSE;
    }
  g_hash_table_insert (r->plan->seen, g_string_chunk_insert (r->plan->seen_text, reference),
                       GUINT_TO_POINTER (r->row));
  return TRUE;
}

/* cm_entity_validate (), with the term, notice period and extensions
 * taken checked once for each combination of the three that passes (up
 * to MAX_READINGS): a register repeats them row after row, and a failure
 * names the contract, so it is worked out each time. */
static gboolean
validate_contract (CmImportPlan *plan, CmContract *contract, GError **error)
{
  char invoked[CM_VALUE_TEXT_SIZE];

  if (!cm_contract_validate_all_but_term (contract, error))
    return FALSE;
  key_of (plan, term_text (contract), notice_period_text (contract),
          cm_value_format_int64 (invoked, cm_contract_get_extensions_invoked (contract)));
  if (plan->terms_valid && g_hash_table_contains (plan->terms_valid, plan->key->str))
    return TRUE;
  if (!cm_contract_validate_term (contract, error))
    return FALSE;
  if (plan->terms_valid == NULL)
    plan->terms_valid = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (g_hash_table_size (plan->terms_valid) < MAX_READINGS)
    g_hash_table_add (plan->terms_valid, g_strdup (plan->key->str));
  return TRUE;
}

static void
validate_planned (RowReader *r, CmContract *contract)
{
  g_autoptr(GError) error = NULL;

  set_int64 (contract, SET_PROVIDER_ID, planned_id (r->out->provider));
  if (r->out->service)
    set_int64 (contract, SET_SERVICE_ID, planned_id (r->out->service));
  if (!validate_contract (r->plan, contract, &error))
    problem (r, CM_IMPORT_FIELD_IGNORE, "%s", error->message);
}

static CmContract *scratch_contract (CmImportPlan *plan, const char *reference);

/* A contract for a row that creates one; while writing, one of the few
 * records such rows are read into and written from, in turn. */
static CmContract *
new_contract (CmImportPlan *plan, const char *reference)
{
  return plan->writer ? scratch_contract (plan, reference)
                      : cm_contract_new (reference, "");
}

/* What the row becomes, keeping the contract it would write in the row. */
static CmImportRowStatus
read_row (RowReader *r, CmStore *store, CmImportDuplicate on_duplicate)
{
  const char *reference = cell (r, CM_IMPORT_FIELD_REFERENCE);
  gint64 *existing;
  g_autoptr(CmContract) contract = NULL;
  g_autoptr(CmContract) before = NULL;

  if (row_is_blank (r))
    return CM_IMPORT_ROW_BLANK;
  if (!check_required (r) || !check_unique (r, reference))
    return CM_IMPORT_ROW_INVALID;
  existing = g_hash_table_lookup (r->plan->references, reference);
  if (existing && on_duplicate == CM_IMPORT_DUPLICATE_SKIP)
    return CM_IMPORT_ROW_SKIP;

  contract = existing ? existing_contract (store, *existing) : new_contract (r->plan, reference);
  before = existing ? CM_CONTRACT (cm_entity_copy (CM_ENTITY (contract))) : NULL;
  read_provider (r);
  /* An update changes the service only when the row names one. */
  if (!existing || has (r, CM_IMPORT_FIELD_SERVICE))
    read_service (r, cell (r, CM_IMPORT_FIELD_TITLE));
  read_contract_fields (r, contract);
  validate_planned (r, contract);
  if (r->out->problems == NULL)
    check_end_date (r, contract);
  r->out->contract = g_steal_pointer (&contract);
  if (r->out->problems)
    return CM_IMPORT_ROW_INVALID;
  if (before && !cm_entity_first_change (CM_ENTITY (before), CM_ENTITY (r->out->contract), NULL))
    return CM_IMPORT_ROW_UNCHANGED;
  return existing ? CM_IMPORT_ROW_UPDATE : CM_IMPORT_ROW_CREATE;
}

static void row_clear (gpointer data);

static void
row_free (gpointer data)
{
  row_clear (data);
  g_free (data);
}

/* Where statuses are kept: the row's status, and the row itself only when
 * it has something to say. */
static void
keep_status (CmImportPlan *plan, guint row)
{
  Row *current = &plan->current;

  g_byte_array_set_size (plan->statuses, MAX (plan->statuses->len, row + 1));
  plan->statuses->data[row] = current->status;
  g_clear_object (&current->contract);
  if (current->problems || current->warnings)
    g_hash_table_insert (plan->noted, GUINT_TO_POINTER (row), g_memdup2 (current, sizeof *current));
  else
    row_clear (current);
  *current = (Row) { 0 };
}

static void
plan_row (CmImportPlan *plan, CmStore *store, guint row, CmImportDuplicate on_duplicate)
{
  RowReader r;

  row_reader_init (&r, plan, row);
  r.out->status = read_row (&r, store, on_duplicate);
  if (plan->writer)
    write_planned_row (plan, row);
  if (plan->statuses)
    keep_status (plan, row);
}

/* ---- the plan ---------------------------------------------------------- */

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_clear_pointer (&row->problems, g_ptr_array_unref);
  g_clear_pointer (&row->warnings, g_ptr_array_unref);
  g_clear_object (&row->contract);
}

static gboolean
check_mapping (GArray *mapping, GError **error)
{

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (cm_import_mapping_column (mapping, required[i]) < 0)
      {
        g_set_error (error, CM_IMPORT_ERROR, CM_IMPORT_ERROR_MAPPING,
                     _("No column holds the %s. Choose the column that does."),
                     cm_import_field_label (required[i]));
        return FALSE;
      }
  return TRUE;
}

static int
compare_keys (gconstpointer a, gconstpointer b, gpointer keys)
{
  return strcmp (g_hash_table_lookup (keys, *(gpointer *) a),
                 g_hash_table_lookup (keys, *(gpointer *) b));
}

/* In the reader's order. Each text's collation key is made once: sorting
 * 20,000 new providers with g_utf8_collate () would remake both keys at
 * every comparison. */
static void
sort_texts (GPtrArray *texts)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  for (guint i = 0; i < texts->len; i++)
    g_hash_table_insert (keys, texts->pdata[i], g_utf8_collate_key (texts->pdata[i], -1));
  g_ptr_array_sort_with_data (texts, compare_keys, keys);
}

/* "Provider sector “Mutual” (rows 4, 9)", with every row or the first few. */
static char *
describe_other (const char *key, const CmRowList *rows, gboolean in_full)
{
  g_autofree char *where = in_full ? cm_row_list_format_all (rows) : cm_row_list_format (rows);

  /* TRANSLATORS: a value as written, then the rows it is on: "(rows 4 and 9)" */
  return g_strdup_printf (_("%s (%s)"), key, where);
}

static void
list_others (CmImportPlan *plan)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, plan->others);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (plan->other_keys, key);
  sort_texts (plan->other_keys);
  for (guint i = 0; i < plan->other_keys->len; i++)
    g_ptr_array_add (plan->other_values,
                     describe_other (plan->other_keys->pdata[i],
                                     g_hash_table_lookup (plan->others, plan->other_keys->pdata[i]),
                                     FALSE));
}

/* Rows left out or refused have nothing to flag. */
static void
list_contradictions (CmImportPlan *plan)
{
  for (guint row = 1; row < n_rows_of (plan); row++)
    {
      const Row *r = row_of (plan, row);

      if (r->status != CM_IMPORT_ROW_CREATE && r->status != CM_IMPORT_ROW_UPDATE)
        continue;
      for (guint i = 0; r->warnings && i < r->warnings->len; i++)
        g_ptr_array_add (plan->contradictions, g_strdup (g_ptr_array_index (r->warnings, i)));
    }
}

static CmImportPlan *
plan_alloc (CmTable *table, GArray *mapping)
{
  CmImportPlan *plan = g_new0 (CmImportPlan, 1);

  plan->table = table;
  plan->mapping = g_array_ref (mapping);
  plan->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (plan->rows, row_clear);
  g_array_set_size (plan->rows, cm_table_get_n_rows (table));
  plan->references = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  plan->seen = g_hash_table_new (g_str_hash, g_str_equal);
  plan->seen_text = g_string_chunk_new (64 * 1024);
  plan->row_text = g_string_sized_new (1024);
  plan->key = g_string_sized_new (64);
  plan->others = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) cm_row_list_free);
  plan->new_providers = g_ptr_array_new_with_free_func (g_free);
  plan->new_services = g_ptr_array_new_with_free_func (g_free);
  plan->new_commissioners = g_ptr_array_new_with_free_func (g_free);
  plan->other_values = g_ptr_array_new_with_free_func (g_free);
  plan->other_keys = g_ptr_array_new (); /* the keys of others */
  plan->contradictions = g_ptr_array_new_with_free_func (g_free);
  return plan;
}

static void writer_free (Writer *writer);

/* The service rows naming none join, found by id: services often share
 * a name, so the one the user picked is the one used. */
static gboolean
find_fallback_service (CmImportPlan *plan, gint64 service_id, const char *service_name,
                       GError **error)
{
  plan->fallback_name = g_strdup (service_name);
  if (service_id == 0)
    return TRUE;
  plan->fallback_service = cm_import_names_service_by_id (plan->names, service_id);
  if (plan->fallback_service == NULL)
    g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_FOUND,
                 _("The service chosen for the contracts is no longer in the portfolio. "
                   "Choose another service."));
  return plan->fallback_service != NULL;
}

/* A plan for @table's rows, none planned yet. Takes @writer, which may
 * be NULL. */
static CmImportPlan *
plan_start (CmStore *store, CmTable *table, GArray *mapping, gint64 service_id,
            const char *service_name, Writer *writer, GError **error)
{
  g_autoptr(CmImportPlan) plan = NULL;

  if (!check_mapping (mapping, error))
    {
      g_clear_pointer (&writer, writer_free);
      return NULL;
    }
  plan = plan_alloc (table, mapping);
  plan->writer = writer;
  plan->names = cm_import_names_new (store);
  if (!find_fallback_service (plan, service_id, service_name, error) ||
      !cm_store_contract_ids_by_reference (store, plan->references, error))
    return NULL;
  return g_steal_pointer (&plan);
}

/* After the last row. */
static void
plan_end (CmImportPlan *plan)
{
  plan->table = NULL;
  sort_texts (plan->new_providers);
  sort_texts (plan->new_services);
  sort_texts (plan->new_commissioners);
  list_others (plan);
  list_contradictions (plan);
}

/* Takes @writer, which may be NULL. */
static CmImportPlan *
plan_new (CmStore *store, CmTable *table, GArray *mapping, CmImportDuplicate on_duplicate,
          GArray *excluded, gint64 service_id, const char *service_name, Writer *writer,
          GError **error)
{
  CmImportPlan *plan;

  g_return_val_if_fail (CM_IS_STORE (store), NULL);
  g_return_val_if_fail (table != NULL && mapping != NULL, NULL);

  plan = plan_start (store, table, mapping, service_id, service_name, writer, error);
  if (plan == NULL)
    return NULL;
  for (guint i = 0; excluded && i < excluded->len; i++)
    {
      guint row = g_array_index (excluded, guint, i);

      if (row > 0 && row < plan->rows->len)
        g_array_index (plan->rows, Row, row).status = CM_IMPORT_ROW_EXCLUDED;
    }
  for (guint row = 1; row < plan->rows->len; row++)
    if (g_array_index (plan->rows, Row, row).status != CM_IMPORT_ROW_EXCLUDED)
      plan_row (plan, store, row, on_duplicate);
  plan_end (plan);
  return plan;
}

CmImportPlan *
cm_import_plan_new (CmStore *store, CmTable *table, GArray *mapping,
                    CmImportDuplicate on_duplicate, GArray *excluded, GError **error)
{
  return plan_new (store, table, mapping, on_duplicate, excluded, 0, NULL, NULL, error);
}

CmImportPlan *
cm_import_plan_new_with_service (CmStore *store, CmTable *table, GArray *mapping,
                                 CmImportDuplicate on_duplicate, GArray *excluded,
                                 gint64 service_id, const char *service_name, GError **error)
{
  return plan_new (store, table, mapping, on_duplicate, excluded, service_id, service_name, NULL,
                   error);
}

void
cm_import_plan_free (CmImportPlan *plan)
{
  if (plan == NULL)
    return;
  g_clear_pointer (&plan->writer, writer_free);
  if (plan->more_destroy)
    plan->more_destroy (plan->more_data);
  g_free (plan->more_summary);
  g_free (plan->fallback_name);
  g_array_unref (plan->rows);
  g_clear_pointer (&plan->statuses, g_byte_array_unref);
  for (guint f = 0; f < CM_IMPORT_N_FIELDS; f++)
    g_clear_pointer (&plan->readings[f], g_hash_table_unref);
  g_clear_pointer (&plan->unkept, reading_free);
  g_clear_pointer (&plan->ends_agree, g_hash_table_unref);
  g_clear_pointer (&plan->terms_valid, g_hash_table_unref);
  g_clear_pointer (&plan->noted, g_hash_table_unref);
  row_clear (&plan->current);
  g_array_unref (plan->mapping);
  g_clear_pointer (&plan->names, cm_import_names_free);
  g_hash_table_unref (plan->references);
  g_hash_table_unref (plan->seen);
  g_string_chunk_free (plan->seen_text);
  g_string_free (plan->row_text, TRUE);
  g_string_free (plan->key, TRUE);
  g_hash_table_unref (plan->others);
  g_ptr_array_unref (plan->new_providers);
  g_ptr_array_unref (plan->new_services);
  g_ptr_array_unref (plan->new_commissioners);
  g_ptr_array_unref (plan->other_values);
  g_ptr_array_unref (plan->other_keys);
  g_ptr_array_unref (plan->contradictions);
  g_free (plan);
}

CmImportRowStatus
cm_import_plan_row_status (CmImportPlan *plan, guint row)
{
  g_return_val_if_fail (row > 0 && row < n_rows_of (plan), CM_IMPORT_ROW_BLANK);
  return row_of (plan, row)->status;
}

const GPtrArray *
cm_import_plan_row_problems (CmImportPlan *plan, guint row)
{
  g_return_val_if_fail (row > 0 && row < n_rows_of (plan), NULL);
  return row_of (plan, row)->problems;
}

guint
cm_import_plan_count (CmImportPlan *plan, CmImportRowStatus status)
{
  guint count = 0;

  for (guint row = 1; row < n_rows_of (plan); row++)
    count += row_of (plan, row)->status == status;
  return count;
}

const GPtrArray *
cm_import_plan_new_providers (CmImportPlan *plan)
{
  return plan->new_providers;
}

const GPtrArray *
cm_import_plan_new_services (CmImportPlan *plan)
{
  return plan->new_services;
}

const GPtrArray *
cm_import_plan_new_commissioners (CmImportPlan *plan)
{
  return plan->new_commissioners;
}

const GPtrArray *
cm_import_plan_other_values (CmImportPlan *plan)
{
  return plan->other_values;
}

const CmRowList *
cm_import_plan_other_value_rows (CmImportPlan *plan, guint i)
{
  g_return_val_if_fail (i < plan->other_keys->len, NULL);
  return g_hash_table_lookup (plan->others, plan->other_keys->pdata[i]);
}

char *
cm_import_plan_other_value_in_full (CmImportPlan *plan, guint i)
{
  g_return_val_if_fail (i < plan->other_keys->len, NULL);
  return describe_other (plan->other_keys->pdata[i],
                         g_hash_table_lookup (plan->others, plan->other_keys->pdata[i]), TRUE);
}

/* Contradictions the rows to be written hold ("Row 5: ..."), flagged but
 * not refused. */
const GPtrArray *
cm_import_plan_contradictions (CmImportPlan *plan)
{
  return plan->contradictions;
}

GPtrArray *
cm_import_plan_report (CmImportPlan *plan)
{
  GPtrArray *report = g_ptr_array_new_with_free_func (g_free);

  for (guint row = 1; row < n_rows_of (plan); row++)
    {
      const GPtrArray *problems = row_of (plan, row)->problems;

      for (guint i = 0; problems && i < problems->len; i++)
        g_ptr_array_add (report, g_strdup (g_ptr_array_index (problems, i)));
    }
  return report;
}

/* ---- applying ---------------------------------------------------------- */

/* Saves a record the rows named but the portfolio did not have; the
 * import's own record lists it. */
static gboolean
save_named (CmStore *store, CmImportNamed *named, GError **error)
{
  return cm_entity_get_id (named->entity) ||
         cm_store_insert_listed (store, named->entity, error);
}

static gboolean
save_service (CmStore *store, CmImportNamed *service, GError **error)
{
  CmImportNamed *lead = service->lead;

  if (cm_entity_get_id (service->entity))
    return TRUE;
  if (lead)
    {
      if (!save_named (store, lead, error))
        return FALSE;
      g_object_set (service->entity, "lead-commissioner-id", cm_entity_get_id (lead->entity), NULL);
    }
  return save_named (store, service, error);
}

/* @rendered, for a new contract, is its record as the planning rendered
 * it (cm_store_render_new_record ()), or NULL. */
static gboolean
save_row (CmImportPlan *plan, CmStore *store, Row *row, const CmRenderedRecord *rendered,
          GError **error)
{
  if (!save_named (store, row->provider, error) ||
      (row->service && !save_service (store, row->service, error)))
    return FALSE;
  cm_entity_set_int64 (CM_ENTITY (row->contract), property (SET_PROVIDER_ID),
                       cm_entity_get_id (row->provider->entity));
  if (row->service)
    cm_entity_set_int64 (CM_ENTITY (row->contract), property (SET_SERVICE_ID),
                         cm_entity_get_id (row->service->entity));
  /* Changes to contracts already there are audited field by field; a new
   * one was validated as it was planned (validate_planned ()). */
  if (row->status == CM_IMPORT_ROW_UPDATE)
    return cm_store_save (store, CM_ENTITY (row->contract), error);
  return rendered ? cm_store_insert_rendered (store, CM_ENTITY (row->contract), rendered, error)
                  : cm_store_insert_validated (store, CM_ENTITY (row->contract), error);
}

/* "Providers created: Age UK, Mind, Mencap, Scope, Shelter and 3 more":
 * the record's value must fit a spreadsheet cell however large the import. */
static void
append_list (GString *summary, const char *heading, const char * const *names, guint n_names)
{
  g_autofree char *joined = NULL;

  if (n_names == 0)
    return;
  joined = cm_short_list_format (names, n_names);
  g_string_append_printf (summary, "%s%s: %s", summary->len ? "\n" : "", heading, joined);
}

static void
append_names (GString *summary, const char *heading, const GPtrArray *names)
{
  append_list (summary, heading, (const char * const *) names->pdata, names->len);
}

/* What the import did, for the audit trail: how many references it
 * created or changed and the first few of them, and the providers,
 * services and commissioners it added, as many and as few. Each record's
 * own audit row already proves it was written. */
static CmImportRun *
summarise_run (CmImportPlan *plan, const char *source, const References *created,
               const References *updated)
{
  g_autoptr(GString) summary = g_string_new (NULL);
  CmImportRun *run = cm_import_run_new (source);

  append_list (summary, _("Contracts created"), (const char * const *) created->shown,
               created->n);
  append_list (summary, _("Contracts updated"), (const char * const *) updated->shown,
               updated->n);
  append_names (summary, _("Providers created"), plan->new_providers);
  append_names (summary, _("Services created"), plan->new_services);
  append_names (summary, _("Commissioners created"), plan->new_commissioners);
  if (plan->more_summary)
    g_string_append_printf (summary, "%s%s", summary->len ? "\n" : "", plan->more_summary);
  g_object_set (run, "created", created->n, "updated", updated->n,
                "skipped", cm_import_plan_count (plan, CM_IMPORT_ROW_SKIP), "summary",
                summary->str, NULL);
  return run;
}

static void
note_reference (References *references, CmContract *contract)
{
  if (references->n < CM_ROW_LIST_SHOWN)
    references->shown[references->n] = g_strdup (cm_contract_get_reference (contract));
  references->n++;
}

static void
references_clear (References *references)
{
  for (guint i = 0; i < MIN (references->n, CM_ROW_LIST_SHOWN); i++)
    g_free (references->shown[i]);
  *references = (References) { { NULL }, 0 };
}

static CmImportRun *
summarise (CmImportPlan *plan, const char *source)
{
  References created = { { NULL }, 0 }, updated = { { NULL }, 0 };
  CmImportRun *run;

  for (guint i = 1; i < plan->rows->len; i++)
    {
      Row *row = &g_array_index (plan->rows, Row, i);

      if (row->status == CM_IMPORT_ROW_CREATE)
        note_reference (&created, row->contract);
      else if (row->status == CM_IMPORT_ROW_UPDATE)
        note_reference (&updated, row->contract);
    }
  run = summarise_run (plan, source, &created, &updated);
  references_clear (&created);
  references_clear (&updated);
  return run;
}

static gboolean
refuse_invalid (CmImportPlan *plan, GError **error)
{
  guint invalid = cm_import_plan_count (plan, CM_IMPORT_ROW_INVALID);
  g_autofree char *count = NULL;

  if (invalid == 0)
    return TRUE;
  count = cm_count_format (invalid);
  g_set_error (error, CM_IMPORT_ERROR, CM_IMPORT_ERROR_INVALID_ROWS,
               g_dngettext (GETTEXT_PACKAGE,
                            "%s row cannot be imported. Fix it in the file or leave it out, "
                            "then import again; nothing was written.",
                            "%s rows cannot be imported. Fix them in the file or leave them "
                            "out, then import again; nothing was written.", invalid), count);
  return FALSE;
}

/* @local as the failure of row @row, or of the row written earlier whose
 * answer came only now (a server's, read after later rows were sent). */
static gboolean
row_failed (CmStoreBulk *bulk, guint row, GError *local, GError **error)
{
  guint failed_row = cm_store_bulk_failed_row (bulk);

  g_set_error (error, CM_IMPORT_ERROR, CM_IMPORT_ERROR_INVALID_ROWS,
               _("Row %u: %s Nothing was written."), failed_row ? failed_row : row,
               local->message);
  return FALSE;
}

/* Waits for the answers to every row written, naming the row refused. */
static gboolean
rows_done (CmStoreBulk *bulk, GError **error)
{
  g_autoptr(GError) local = NULL;

  if (cm_store_bulk_rows_done (bulk, &local))
    return TRUE;
  if (cm_store_bulk_failed_row (bulk) == 0)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return row_failed (bulk, 0, local, error);
}

static gboolean
write_rows (CmImportPlan *plan, CmStore *store, CmStoreBulk *bulk, CmImportProgress progress,
            gpointer user_data, GCancellable *cancellable, GError **error)
{
  for (guint i = 1; i < plan->rows->len; i++)
    {
      Row *row = &g_array_index (plan->rows, Row, i);
      g_autoptr(GError) local = NULL;

      if (i % 500 == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          if (progress)
            progress ((double) i / plan->rows->len, user_data);
        }
      if (row->status != CM_IMPORT_ROW_CREATE && row->status != CM_IMPORT_ROW_UPDATE)
        continue;
      cm_store_bulk_row (bulk, i + 1);
      if (!save_row (plan, store, row, NULL, &local))
        return row_failed (bulk, i + 1, local, error);
    }
  return rows_done (bulk, error);
}

CmContract *
cm_import_plan_row_contract (CmImportPlan *plan, guint row)
{
  const Row *r;

  g_return_val_if_fail (plan != NULL && row < n_rows_of (plan), NULL);

  r = row_of (plan, row);
  return r->status == CM_IMPORT_ROW_CREATE || r->status == CM_IMPORT_ROW_UPDATE ||
         r->status == CM_IMPORT_ROW_UNCHANGED ? r->contract : NULL;
}

void
cm_import_plan_set_more_write (CmImportPlan *plan, CmImportMoreWrite write, gpointer data,
                               GDestroyNotify destroy)
{
  g_return_if_fail (plan != NULL && plan->writer == NULL);

  if (plan->more_destroy)
    plan->more_destroy (plan->more_data);
  plan->more_write = write;
  plan->more_data = data;
  plan->more_destroy = destroy;
}

void
cm_import_plan_set_more_summary (CmImportPlan *plan, const char *summary)
{
  g_return_if_fail (plan != NULL);

  g_free (plan->more_summary);
  plan->more_summary = g_strdup (summary);
}

const char *
cm_import_plan_get_more_summary (CmImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);

  return plan->more_summary;
}

/* ---- what undoing it needs --------------------------------------------- */

/* The tables an import creates records in. */
static const char * const created_tables[] = { "contract", "provider", "service", "organisation",
                                               "contract_notice", "contract_variation" };

typedef struct {
  gint64 next_audit_id;
  gint64 highest[G_N_ELEMENTS (created_tables)];
} Marks;

/* Where the import starts, inside its transaction: the next audit row, and
 * the highest id of each table before it creates anything. */
static gboolean
mark_start (CmStore *store, Marks *marks, GError **error)
{
  if (!cm_store_next_audit_id (store, &marks->next_audit_id, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (created_tables); i++)
    if (!cm_store_highest_id (store, created_tables[i], &marks->highest[i], error))
      return FALSE;
  return TRUE;
}

/* The store numbers each new record after the highest id, so what the
 * import created in a table is the one range of ids above the mark. */
static gboolean
note_created (CmStore *store, const Marks *marks, CmImportRun *run, GError **error)
{
  cm_import_run_set_first_audit_id (run, marks->next_audit_id);
  for (guint i = 0; i < G_N_ELEMENTS (created_tables); i++)
    {
      gint64 count, first, last;

      if (!cm_store_ids_above (store, created_tables[i], marks->highest[i], &count, &first,
                               &last, error))
        return FALSE;
      if (count > 0)
        cm_import_run_add_created (run, created_tables[i], first, last);
    }
  return TRUE;
}

static gboolean writer_result (Writer *writer, CmStore *store, GError **error);

gboolean
cm_import_plan_apply (CmImportPlan *plan, CmStore *store, const char *source,
                      CmImportProgress progress, gpointer user_data,
                      GCancellable *cancellable, GError **error)
{
  /* The tables that take a row for each contract created. */
  static const char * const bulk_tables[] = { "contract", "audit", NULL };
  g_autoptr(CmImportRun) run = NULL;
  g_autoptr(CmStoreBulk) bulk = NULL;
  Marks marks;

  g_return_val_if_fail (plan != NULL && CM_IS_STORE (store), FALSE);

  if (plan->writer)
    return writer_result (plan->writer, store, error);
  /* A portfolio that refuses changes is refused before it is backed up. */
  if (!refuse_invalid (plan, error) || !cm_store_check_writable (store, error) ||
      !cm_backup_before (store, CM_BACKUP_REASON_IMPORT, error) ||
      !cm_store_begin (store, error))
    return FALSE;
  if (!mark_start (store, &marks, error) ||
      (bulk = cm_store_bulk_begin (store, bulk_tables,
                                   cm_import_plan_count (plan, CM_IMPORT_ROW_CREATE),
                                   error)) == NULL ||
      !write_rows (plan, store, bulk, progress, user_data, cancellable, error) ||
      !cm_store_bulk_end (g_steal_pointer (&bulk), error) ||
      (plan->more_write && !plan->more_write (plan, store, plan->more_data, error)) ||
      /* After the more write, which may have a line for the summary. */
      (run = summarise (plan, source)) == NULL ||
      !note_created (store, &marks, run, error) ||
      !cm_store_save (store, CM_ENTITY (run), error))
    {
      cm_store_rollback (store);
      return FALSE;
    }
  if (!cm_store_commit (store, error))
    return FALSE; /* the store has rolled it back */
  if (progress)
    progress (1.0, user_data);
  return TRUE;
}

/* ---- writing while planning --------------------------------------------- */

/* The command line shows the plan only after the import, so it writes
 * each row as soon as it is planned: no record is kept per row, and new
 * contracts are read into a few records reused row after row. The rows
 * are handed to a thread that writes them while the next are planned
 * (cm-import-pipe.h), in the order cm_import_plan_apply () writes them,
 * with the same audit rows, and all of it is rolled back if any row turns
 * out invalid. Until the pipe is finished, the store is the writing
 * thread's alone, and so are the fields marked as such. */
struct _Writer {
  CmStore *store;
  char *source;
  gint64 expected_rows; /* for a register read as it is planned, else 0 */
  gboolean stopped;     /* a row is invalid, or the import cancelled: no more are written */
  GError *error;        /* why it was not written */
  CmImportPipe *pipe;   /* made for the first row written, or NULL */
  CmContract *blank;    /* what a reused contract is reset to */
  References created;
  References updated;
  /* The writing thread's: */
  gboolean started;     /* the backup is taken and the transaction open */
  gboolean failed;      /* a row could not be written: it will be rolled back */
  GError *write_error;  /* why */
  Marks marks;
  CmStoreBulk *bulk;
  /* Once the pipe is finished: */
  gboolean written;     /* committed */
};

/* A row handed to the writing thread. */
typedef struct {
  guint row;
  gint64 n_rows;        /* the rows the import expects, for the first written */
  Row planned;          /* its status, contract (a reference), provider and service */
  CmContract *reusable; /* the record new contracts are read into in this place */
  CmRenderedRecord *rendered; /* a new contract's record, rendered as it is handed in */
} Ready;

static void
ready_clear (gpointer data)
{
  Ready *ready = data;

  g_clear_object (&ready->planned.contract);
  g_clear_object (&ready->reusable);
  g_clear_pointer (&ready->rendered, cm_rendered_record_free);
}

static void write_ready_rows (gpointer rows, guint n_rows, gpointer data);

/* A portfolio without contracts has none a row could update: planning
 * then never reads the store, and may run beside the writing thread. */
static CmImportPipe *
writer_pipe (CmImportPlan *plan)
{
  Writer *writer = plan->writer;

  if (writer->pipe == NULL)
    writer->pipe = cm_import_pipe_new (sizeof (Ready), g_hash_table_size (plan->references) == 0,
                                       write_ready_rows, plan, ready_clear);
  return writer->pipe;
}

/* Every value put back as a new contract has it, straight into the
 * record's own values: nothing listens to this record, and copying each
 * property through GObject would cost as much as reading the row. The
 * record is the one kept in the place the row will take in the pipe. */
static CmContract *
scratch_contract (CmImportPlan *plan, const char *reference)
{
  Ready *ready = cm_import_pipe_peek (writer_pipe (plan));
  CmEntity *scratch;

  if (ready->reusable == NULL)
    ready->reusable = cm_contract_new ("", "");
  scratch = CM_ENTITY (ready->reusable);
  cm_entity_copy_values_quietly (scratch, CM_ENTITY (plan->writer->blank));
  cm_entity_set_id (scratch, 0);
  set_string (scratch, SET_REFERENCE, reference);
  return g_object_ref (ready->reusable);
}

static void
writer_free (Writer *writer)
{
  g_clear_pointer (&writer->pipe, cm_import_pipe_free);
  g_free (writer->source);
  g_clear_error (&writer->error);
  g_clear_error (&writer->write_error);
  g_clear_pointer (&writer->bulk, cm_store_bulk_free);
  g_clear_object (&writer->blank);
  references_clear (&writer->created);
  references_clear (&writer->updated);
  g_free (writer);
}

/* The backup and the transaction, taken when the first row is written. */
static gboolean
writer_start (Writer *writer, gint64 n_rows, GError **error)
{
  static const char * const bulk_tables[] = { "contract", "audit", NULL };

  if (!cm_store_check_writable (writer->store, error) ||
      !cm_backup_before (writer->store, CM_BACKUP_REASON_IMPORT, error) ||
      !cm_store_begin (writer->store, error))
    return FALSE;
  writer->started = TRUE;
  if (!mark_start (writer->store, &writer->marks, error))
    return FALSE;
  writer->bulk = cm_store_bulk_begin (writer->store, bulk_tables, n_rows, error);
  return writer->bulk != NULL;
}

/* Takes @error into @kept unless an earlier one is there. */
static void
keep_first_error (GError **kept, GError *error)
{
  if (*kept == NULL)
    *kept = error;
  else
    g_clear_error (&error);
}

static void
writer_stop (Writer *writer, GError *error)
{
  writer->stopped = TRUE;
  keep_first_error (&writer->error, error);
}

/* In the writing thread: the first failure is kept, and the rows after
 * it are passed over. */
static void
writer_fail (Writer *writer, GError *error)
{
  writer->failed = TRUE;
  keep_first_error (&writer->write_error, error);
}

/* In the writing thread. */
static void
write_ready (CmImportPlan *plan, Ready *ready)
{
  Writer *writer = plan->writer;
  GError *local = NULL;

  if (writer->failed)
    return;
  if (!writer->started && !writer_start (writer, ready->n_rows, &local))
    {
      writer_fail (writer, local);
      return;
    }
  cm_store_bulk_row (writer->bulk, ready->row + 1);
  if (!save_row (plan, writer->store, &ready->planned, ready->rendered, &local))
    {
      g_autoptr(GError) failure = local;
      GError *named = NULL;

      row_failed (writer->bulk, ready->row + 1, failure, &named);
      writer_fail (writer, named);
    }
}

static void
write_ready_rows (gpointer rows, guint n_rows, gpointer data)
{
  Ready *ready = rows;

  for (guint i = 0; i < n_rows; i++)
    {
      write_ready (data, &ready[i]);
      g_clear_object (&ready[i].planned.contract);
    }
}

/* Hands a row planned to be created or updated to the writing thread. */
static void
write_planned_row (CmImportPlan *plan, guint i)
{
  Writer *writer = plan->writer;
  Row *row = planning_row (plan, i);
  Ready *ready;

  if (row->status == CM_IMPORT_ROW_INVALID)
    writer->stopped = TRUE;
  if (writer->stopped || (row->status != CM_IMPORT_ROW_CREATE &&
                          row->status != CM_IMPORT_ROW_UPDATE))
    {
      g_clear_object (&row->contract);
      return;
    }
  note_reference (row->status == CM_IMPORT_ROW_CREATE ? &writer->created : &writer->updated,
                  row->contract);
  ready = cm_import_pipe_peek (writer_pipe (plan));
  ready->row = i;
  ready->n_rows = MAX (writer->expected_rows, (gint64) n_rows_of (plan) - 1);
  ready->planned = (Row) { .status = row->status, .contract = g_steal_pointer (&row->contract),
                           .provider = row->provider, .service = row->service };
  /* The writing thread has the most to do: what needs no store is done here. */
  if (row->status == CM_IMPORT_ROW_CREATE)
    {
      if (ready->rendered == NULL)
        ready->rendered = cm_rendered_record_new ();
      cm_store_render_new_record (CM_ENTITY (ready->planned.contract), ready->rendered);
    }
  cm_import_pipe_push (writer->pipe);
}

/* The failures deferred told, and the indexes dropped for the rows built
 * again; by the writing thread, unless it wrote no row. */
static gboolean
end_rows (Writer *writer, GError **error)
{
  if (writer->bulk == NULL)
    return TRUE; /* ended already */
  return rows_done (writer->bulk, error) &&
         cm_store_bulk_end (g_steal_pointer (&writer->bulk), error);
}

/* In the writing thread, after the last row. */
static void
end_written_rows (gpointer data)
{
  CmImportPlan *plan = data;
  Writer *writer = plan->writer;
  GError *local = NULL;

  if (writer->started && !writer->failed && !end_rows (writer, &local))
    writer_fail (writer, local);
}

/* No more rows come: the writing thread ends them while this one sums
 * the plan up (its texts sorted, above all), which never reads the store. */
static void
writer_close (Writer *writer)
{
  if (writer->pipe)
    cm_import_pipe_close (writer->pipe, writer->stopped ? NULL : end_written_rows);
}

/* Once every row is written, the tables that matched the providers and
 * services by name are needed no more: they go while the writing thread
 * builds the indexes. The records themselves the store keeps until the
 * commit, in case it rolls back. */
static void
release_names (CmImportPlan *plan)
{
  if (plan->writer->pipe)
    cm_import_pipe_wait_rows (plan->writer->pipe);
  g_clear_pointer (&plan->names, cm_import_names_free);
}

/* Waits for every row handed in to be written; a failure in writing
 * came before anything that stopped the planning, which hands in no row
 * after it, unless the user cancelled: that is what they are told. */
static void
writer_drain (Writer *writer)
{
  if (writer->pipe)
    cm_import_pipe_finish (writer->pipe);
  if (!writer->failed)
    return;
  writer->stopped = TRUE;
  if (g_error_matches (writer->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_clear_error (&writer->write_error);
      return;
    }
  g_clear_error (&writer->error);
  writer->error = g_steal_pointer (&writer->write_error);
}

/* After the last row: commits what was written, with the import's own
 * record, or rolls it all back. */
static void
writer_finish (CmImportPlan *plan)
{
  Writer *writer = plan->writer;
  g_autoptr(CmImportRun) run = NULL;
  GError *local = NULL;

  writer_close (writer);
  release_names (plan);
  writer_drain (writer);
  if (!refuse_invalid (plan, &local))
    writer_stop (writer, local);
  if (!writer->stopped && !writer->started && !writer_start (writer, 0, &local))
    writer_stop (writer, local);
  if (!writer->stopped)
    {
      run = summarise_run (plan, writer->source, &writer->created, &writer->updated);
      if (!end_rows (writer, &local) ||
          !note_created (writer->store, &writer->marks, run, &local) ||
          !cm_store_save (writer->store, CM_ENTITY (run), &local))
        writer_stop (writer, local);
    }
  if (writer->stopped)
    {
      if (writer->started)
        cm_store_rollback (writer->store);
    }
  else if (!cm_store_commit (writer->store, &local))
    writer_stop (writer, local); /* the store has rolled it back */
  else
    writer->written = TRUE;
  g_clear_pointer (&writer->bulk, cm_store_bulk_free);
}

/* Whether the plan was written, or why not. */
static gboolean
writer_result (Writer *writer, CmStore *store, GError **error)
{
  g_return_val_if_fail (writer->store == store, FALSE);

  if (writer->error)
    g_propagate_error (error, g_error_copy (writer->error));
  return writer->written;
}

static Writer *
writer_new (CmStore *store, const char *source)
{
  Writer *writer = g_new0 (Writer, 1);

  writer->store = store;
  writer->source = g_strdup (source);
  writer->blank = cm_contract_new ("", "");
  return writer;
}

CmImportPlan *
cm_import_plan_new_written (CmStore *store, CmTable *table, GArray *mapping,
                            CmImportDuplicate on_duplicate, const char *source, GError **error)
{
  g_autoptr(CmImportPlan) plan = NULL;

  plan = plan_new (store, table, mapping, on_duplicate, NULL, 0, NULL,
                   writer_new (store, source), error);
  if (plan)
    writer_finish (plan);
  return g_steal_pointer (&plan);
}

/* ---- reading, planning and writing in one pass --------------------------- */

/* A register of this many bytes a row is about as short as one gets; the
 * guess only decides whether the import is large enough to build the
 * portfolio's indexes after its rows (cm-store-bulk.h). */
#define SHORTEST_ROW_BYTES 100

/* From here on, a status per row and a Row only where it is needed. */
static void
keep_statuses (CmImportPlan *plan)
{
  plan->statuses = g_byte_array_sized_new (1024);
  g_byte_array_set_size (plan->statuses, 1);
  plan->statuses->data[0] = CM_IMPORT_ROW_BLANK; /* the header, never looked at */
  plan->noted = g_hash_table_new_full (NULL, NULL, NULL, row_free);
}

typedef struct {
  CmStore *store;
  CmImportDuplicate on_duplicate;
  Writer *writer;     /* until the header row hands it to the plan */
  CmImportPlan *plan; /* once the header row is read */
  GError *error;      /* why the header row's mapping was refused */
  GArray *mapping;    /* chosen for the file, or NULL for the one its headers suggest */
  GArray *excluded;   /* table rows (guint) left out, in order, or NULL */
  guint next_excluded; /* the first of those not passed yet */
  guint n_rows;       /* the rows a preview counted, for progress; 0 for none */
  CmImportProgress progress;
  gpointer progress_data;
  GCancellable *cancellable;
} Streamed;

static gboolean
is_excluded (Streamed *streamed, guint row)
{
  while (streamed->excluded && streamed->next_excluded < streamed->excluded->len &&
         g_array_index (streamed->excluded, guint, streamed->next_excluded) < row)
    streamed->next_excluded++;
  return streamed->excluded && streamed->next_excluded < streamed->excluded->len &&
         g_array_index (streamed->excluded, guint, streamed->next_excluded) == row;
}

/* A row left out is kept as such, so that the plan counts it. */
static void
exclude_streamed_row (CmImportPlan *plan, guint row)
{
  plan->current.status = CM_IMPORT_ROW_EXCLUDED;
  keep_status (plan, row);
}

/* Cancelled, the rows still to come are only counted, and all of it is
 * rolled back at the end. */
static gboolean
stop_if_cancelled (Streamed *streamed, guint row)
{
  GError *cancelled = NULL;

  if (streamed->plan->writer->stopped && streamed->plan->writer->error &&
      g_error_matches (streamed->plan->writer->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return TRUE;
  if (row % 500 != 0)
    return FALSE;
  if (streamed->progress && streamed->n_rows > 0)
    streamed->progress (MIN (1.0, (double) row / streamed->n_rows), streamed->progress_data);
  if (!g_cancellable_set_error_if_cancelled (streamed->cancellable, &cancelled))
    return FALSE;
  writer_stop (streamed->plan->writer, cancelled);
  return TRUE;
}

static void
plan_streamed_row (CmTable *table, guint row, gpointer data)
{
  Streamed *streamed = data;

  if (row == 0)
    {
      g_autoptr(GArray) mapping = streamed->mapping ? g_array_ref (streamed->mapping)
                                  : cm_import_mapping_for (streamed->store, table);

      streamed->plan = plan_start (streamed->store, table, mapping, 0, NULL,
                                   g_steal_pointer (&streamed->writer), &streamed->error);
      if (streamed->plan)
        keep_statuses (streamed->plan);
      return;
    }
  if (streamed->plan == NULL)
    return;
  if (stop_if_cancelled (streamed, row) || is_excluded (streamed, row))
    exclude_streamed_row (streamed->plan, row);
  else
    plan_row (streamed->plan, streamed->store, row, streamed->on_duplicate);
}

static gint64
guess_rows (const char *path)
{
  GStatBuf info;

  return g_stat (path, &info) == 0 ? info.st_size / SHORTEST_ROW_BYTES : 0;
}

CmImportPlan *
cm_import_plan_new_written_from_file (CmStore *store, const char *path, const char *sheet,
                                      CmImportDuplicate on_duplicate, const char *source,
                                      GError **error)
{
  return cm_import_plan_new_written_as_previewed (store, path, sheet, NULL, on_duplicate, NULL,
                                                  source, 0, NULL, NULL, NULL, error);
}

CmImportPlan *
cm_import_plan_new_written_as_previewed (CmStore *store, const char *path, const char *sheet,
                                         GArray *mapping, CmImportDuplicate on_duplicate,
                                         GArray *excluded, const char *source, guint n_rows,
                                         CmImportProgress progress, gpointer user_data,
                                         GCancellable *cancellable, GError **error)
{
  Streamed streamed = { store, on_duplicate, writer_new (store, source), NULL, NULL, mapping,
                        excluded, 0, n_rows, progress, user_data, cancellable };
  g_autoptr(CmTable) table = cm_table_new_streaming (plan_streamed_row, &streamed);
  g_autoptr(CmImportPlan) plan = NULL;
  g_autoptr(GError) read_error = NULL;
  gboolean read;

  g_return_val_if_fail (CM_IS_STORE (store) && path != NULL, NULL);

  streamed.writer->expected_rows = guess_rows (path);
  read = cm_table_read_file_into (table, path, sheet, &read_error);
  /* A file without a single row is refused by its mapping, as any. */
  if (read && streamed.plan == NULL && streamed.error == NULL)
    {
      g_autoptr(GArray) headers = mapping ? g_array_ref (mapping)
                                  : cm_import_mapping_for (store, table);

      streamed.plan = plan_start (store, table, headers, 0, NULL,
                                  g_steal_pointer (&streamed.writer), &streamed.error);
    }
  g_clear_pointer (&streamed.writer, writer_free);
  plan = g_steal_pointer (&streamed.plan);
  if (plan)
    {
      if (read)
        writer_close (plan->writer);
      plan_end (plan);
      if (!read)
        writer_stop (plan->writer, g_error_copy (read_error));
      writer_finish (plan); /* rolls back what a file read only in part wrote */
    }
  if (!read)
    {
      g_clear_error (&streamed.error);
      g_set_error (error, read_error->domain, read_error->code, _("Could not read %s: %s"),
                   path, read_error->message);
      return NULL;
    }
  if (plan == NULL)
    g_propagate_error (error, streamed.error);
  return g_steal_pointer (&plan);
}
