/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-import-mapping.c: which column of a register holds which contract field */
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cm-contract.h"
#include "cm-import-mapping.h"
#include "cm-provider.h"
#include "cm-record-fields.h"
#include "cm-service.h"

#define REMEMBERED_KEY "import-mappings"

/* Each field the importer fills is described where the record's other
 * fields are (cm-record-fields.h): its label, heading and the headers
 * registers give it. Only a field no one record holds is named here. */
typedef struct {
  const char *nick;
  GType (*type) (void);     /* the record whose field it is */
  const char *property;
  const char *label;        /* N_(); for a field not described */
  const char *headers[5];   /* likewise, as normalise() leaves them */
} FieldInfo;

static const FieldInfo fields[CM_IMPORT_N_FIELDS] = {
  [CM_IMPORT_FIELD_IGNORE] = { "ignore", .label = N_("Ignore") },
  [CM_IMPORT_FIELD_REFERENCE] = { "reference", cm_contract_get_type, "reference" },
  [CM_IMPORT_FIELD_TITLE] = { "title", cm_contract_get_type, "title" },
  [CM_IMPORT_FIELD_SERVICE] = { "service", cm_contract_get_type, "service-name" },
  [CM_IMPORT_FIELD_PROVIDER] = { "provider", cm_contract_get_type, "provider-name" },
  [CM_IMPORT_FIELD_PROVIDER_SECTOR] = { "provider-sector", cm_contract_get_type,
                                        "provider-sector" },
  [CM_IMPORT_FIELD_COMMISSIONER] = { "commissioner", cm_service_get_type,
                                     "lead-commissioner-name" },
  [CM_IMPORT_FIELD_START_DATE] = { "start-date", cm_contract_get_type, "start-date" },
  [CM_IMPORT_FIELD_END_DATE] = { "end-date", cm_contract_get_type, "end-date" },
  [CM_IMPORT_FIELD_TERM] = { "term", cm_contract_get_type, "term" },
  [CM_IMPORT_FIELD_EXTENSIONS_INVOKED] = { "extensions-invoked", cm_contract_get_type,
                                           "extensions-invoked" },
  [CM_IMPORT_FIELD_NOTICE_PERIOD] = { "notice-period", cm_contract_get_type, "notice-period" },
  [CM_IMPORT_FIELD_NOTICE_SERVED] = { "notice-served", cm_contract_get_type, "notice-served" },
  [CM_IMPORT_FIELD_ANNUAL_VALUE] = { "annual-value", cm_contract_get_type, "annual-value" },
  [CM_IMPORT_FIELD_TOTAL_VALUE] = { "total-value", cm_contract_get_type, "total-value" },
  [CM_IMPORT_FIELD_TYPE] = { "type", cm_contract_get_type, "contract-type" },
  [CM_IMPORT_FIELD_ROUTE] = { "route", cm_contract_get_type, "route" },
  [CM_IMPORT_FIELD_DECOMMISSIONED_ON] = { "decommissioned-on", cm_contract_get_type,
                                          "decommissioned-on" },
  [CM_IMPORT_FIELD_SME] = { "sme", cm_provider_get_type, "is-sme" },
  [CM_IMPORT_FIELD_VCSE] = { "vcse", cm_provider_get_type, "is-vcse" },
  /* A charity's number or a company's, whichever the provider has. */
  [CM_IMPORT_FIELD_REGISTRATION] = { "registration", .label = N_("Supplier registration number"),
    .headers = { "supplier registration number", "registration number", "charity number",
                 "company number" } },
  [CM_IMPORT_FIELD_PROCUREMENT_BEGAN] = { "procurement-began", cm_contract_get_type,
                                          "procurement-began" },
  [CM_IMPORT_FIELD_NOTICE_KIND] = { "notice-kind", cm_contract_get_type, "notice-kind" },
  [CM_IMPORT_FIELD_OUTCOME] = { "outcome", cm_contract_get_type, "outcome" },
};

static const CmRecordField *
described (CmImportField field)
{
  if (fields[field].type == NULL)
    return NULL;
  return cm_record_field_find (fields[field].type (), fields[field].property);
}

const char *
cm_import_field_label (CmImportField field)
{
  const CmRecordField *description;

  g_return_val_if_fail (field < CM_IMPORT_N_FIELDS, NULL);
  description = described (field);
  return description ? cm_record_field_heading (description) : _(fields[field].label);
}

const char *
cm_import_field_nick (CmImportField field)
{
  g_return_val_if_fail (field < CM_IMPORT_N_FIELDS, NULL);
  return fields[field].nick;
}

static CmImportField
field_from_nick (const char *nick)
{
  for (guint f = 0; f < CM_IMPORT_N_FIELDS; f++)
    if (g_strcmp0 (fields[f].nick, nick) == 0)
      return f;
  return CM_IMPORT_FIELD_IGNORE;
}

/* Lower case, single spaces, no space at either end: " Start  Date" and
 * "start date" are the same header. */
static char *
normalise (const char *header)
{
  g_autofree char *folded = g_utf8_casefold (header, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p; p++)
    {
      if (g_ascii_isspace (*p) || *p == '_')
        {
          if (out->len && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_c (out, *p);
    }
  if (out->len && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

static gboolean
names_alike (const char *header, const char *name)
{
  g_autofree char *normal = name ? normalise (name) : NULL;

  return g_strcmp0 (header, normal) == 0;
}

/* Its label and heading, untranslated as registers here are written,
 * then what else registers call it. */
static gboolean
field_has_header (CmImportField field, const char *header)
{
  const CmRecordField *description = described (field);
  const char * const *others = description ? description->synonyms : fields[field].headers;
  gsize n_others = description ? G_N_ELEMENTS (description->synonyms)
                               : G_N_ELEMENTS (fields[field].headers);

  if (description && (names_alike (header, description->title) ||
                      names_alike (header, description->heading)))
    return TRUE;
  for (gsize h = 0; h < n_others && others[h]; h++)
    if (strcmp (header, others[h]) == 0)
      return TRUE;
  return FALSE;
}

CmImportField
cm_import_field_from_header (const char *header)
{
  g_autofree char *name = normalise (header ? header : "");

  for (guint f = 1; f < CM_IMPORT_N_FIELDS; f++)
    if (field_has_header (f, name))
      return f;
  return CM_IMPORT_FIELD_IGNORE;
}

GArray *
cm_import_mapping_guess (CmTable *table)
{
  guint n_columns = cm_table_get_n_columns (table);
  GArray *mapping = g_array_new (FALSE, TRUE, sizeof (CmImportField));
  gboolean taken[CM_IMPORT_N_FIELDS] = { FALSE };

  g_array_set_size (mapping, n_columns);
  if (cm_table_get_n_rows (table) == 0)
    return mapping;
  for (guint c = 0; c < n_columns; c++)
    {
      CmImportField field = cm_import_field_from_header (cm_table_get (table, 0, c));

      /* The first column to claim a field keeps it; a repeated header is
       * left for the user to map. */
      if (field != CM_IMPORT_FIELD_IGNORE && !taken[field])
        {
          g_array_index (mapping, CmImportField, c) = field;
          taken[field] = TRUE;
        }
    }
  return mapping;
}

int
cm_import_mapping_column (GArray *mapping, CmImportField field)
{
  for (guint c = 0; c < mapping->len; c++)
    if (g_array_index (mapping, CmImportField, c) == field)
      return (int) c;
  return -1;
}

/* ---- remembered mappings ---------------------------------------------- */

/* Mappings are remembered per set of headers, so a file laid out another
 * way is guessed afresh rather than given a mapping made for other columns. */
static char *
headers_key (CmTable *table)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint c = 0; c < cm_table_get_n_columns (table); c++)
    {
      g_autofree char *name = normalise (cm_table_get (table, 0, c));
      g_string_append_printf (joined, "%s\x1f", name);
    }
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, joined->str, joined->len);
}

static JsonObject *
remembered_mappings (CmStore *store, JsonParser *parser)
{
  g_autofree char *json = cm_store_get_meta (store, REMEMBERED_KEY);
  JsonNode *root;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  return JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
}

GArray *
cm_import_mapping_for (CmStore *store, CmTable *table)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *key = headers_key (table);
  JsonObject *mappings = remembered_mappings (store, parser);
  JsonNode *saved = mappings ? json_object_get_member (mappings, key) : NULL;
  GArray *mapping;
  JsonArray *nicks;

  if (saved == NULL || !JSON_NODE_HOLDS_ARRAY (saved))
    return cm_import_mapping_guess (table);
  nicks = json_node_get_array (saved);
  mapping = g_array_new (FALSE, TRUE, sizeof (CmImportField));
  g_array_set_size (mapping, cm_table_get_n_columns (table));
  for (guint c = 0; c < mapping->len && c < json_array_get_length (nicks); c++)
    g_array_index (mapping, CmImportField, c) =
      field_from_nick (json_array_get_string_element (nicks, c));
  return mapping;
}

gboolean
cm_import_mapping_remember (CmStore *store, CmTable *table, GArray *mapping, GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *existing = remembered_mappings (store, parser);
  g_autoptr(JsonObject) mappings = existing ? json_object_ref (existing) : json_object_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *key = headers_key (table);
  g_autofree char *json = NULL;
  JsonArray *nicks = json_array_new ();

  for (guint c = 0; c < mapping->len; c++)
    json_array_add_string_element (nicks,
                                   cm_import_field_nick (g_array_index (mapping, CmImportField, c)));
  json_object_set_array_member (mappings, key, nicks);
  json_node_set_object (root, mappings);
  json = json_to_string (root, FALSE);
  return cm_store_set_meta (store, REMEMBERED_KEY, json, error);
}
