/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-ocds-row.c: one OCDS contract read as a row of a contracts register */
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cm-date.h"
#include "cm-enums.h"
#include "cm-import-values.h"
#include "cm-ocds-notices.h"
#include "cm-ocds-route.h"
#include "cm-ocds-row.h"
#include "cm-ocds-uk.h"
#include "cm-ocds-variations.h"

/* An amount no register holds, past which pence would overflow. */
#define MAX_POUNDS 1e13

typedef enum { FROM_RELEASE, FROM_CONTRACT } Base;

static const struct {
  CmImportField field;
  Base base;
  const char *member; /* below the base's path */
} columns[CM_OCDS_N_COLUMNS] = {
  { CM_IMPORT_FIELD_REFERENCE, FROM_CONTRACT, ".id" },
  { CM_IMPORT_FIELD_TITLE, FROM_CONTRACT, ".title" },
  { CM_IMPORT_FIELD_SERVICE, FROM_RELEASE, ".tender.title" },
  { CM_IMPORT_FIELD_COMMISSIONER, FROM_RELEASE, ".buyer.name" },
  { CM_IMPORT_FIELD_PROVIDER, FROM_CONTRACT, ".awardID" },
  { CM_IMPORT_FIELD_PROVIDER_SECTOR, FROM_RELEASE, ".parties" },
  { CM_IMPORT_FIELD_SME, FROM_RELEASE, ".parties" },
  { CM_IMPORT_FIELD_VCSE, FROM_RELEASE, ".parties" },
  { CM_IMPORT_FIELD_REGISTRATION, FROM_RELEASE, ".parties" },
  { CM_IMPORT_FIELD_TYPE, FROM_CONTRACT, ".contractType" },
  { CM_IMPORT_FIELD_ROUTE, FROM_RELEASE, ".tender.procurementMethodDetails" },
  { CM_IMPORT_FIELD_ANNUAL_VALUE, FROM_CONTRACT, ".annualValue.amount" },
  { CM_IMPORT_FIELD_TOTAL_VALUE, FROM_CONTRACT, ".value.amount" },
  { CM_IMPORT_FIELD_START_DATE, FROM_CONTRACT, ".period.startDate" },
  { CM_IMPORT_FIELD_END_DATE, FROM_CONTRACT, ".period.endDate" },
  { CM_IMPORT_FIELD_TERM, FROM_CONTRACT, ".termAsWritten" },
  { CM_IMPORT_FIELD_EXTENSIONS_INVOKED, FROM_CONTRACT, ".extensionsInvoked" },
  { CM_IMPORT_FIELD_NOTICE_PERIOD, FROM_CONTRACT, ".noticePeriod" },
  { CM_IMPORT_FIELD_NOTICE_SERVED, FROM_CONTRACT, ".noticeServed" },
  { CM_IMPORT_FIELD_NOTICE_KIND, FROM_CONTRACT, ".noticeKind" },
  { CM_IMPORT_FIELD_OUTCOME, FROM_CONTRACT, ".terminationRationale" },
};

CmImportField
cm_ocds_column_field (CmOcdsColumn column)
{
  return columns[column].field;
}

char *
cm_ocds_column_path (CmOcdsColumn column, const char *release_path, const char *contract_path)
{
  return g_strconcat (columns[column].base == FROM_RELEASE ? release_path : contract_path,
                      columns[column].member, NULL);
}

/* ---- values ------------------------------------------------------------- */

gboolean
cm_ocds_value_read (CmJsonCheck *check, JsonObject *parent, const char *path, const char *member,
                    gint64 *pence)
{
  g_autofree char *where = cm_json_path_member (path, member);
  JsonObject *value = cm_json_object (check, parent, path, member, FALSE);
  const char *currency;
  double amount = 0;

  if (value == NULL || !cm_json_number (check, value, where, "amount", &amount))
    return FALSE;
  currency = cm_json_string (check, value, where, "currency", TRUE);
  if (currency && strcmp (currency, "GBP") != 0)
    {
      g_autofree char *at = cm_json_path_member (where, "currency");

      cm_json_fail (check, at, _("the currency is “%s”. Only amounts in pounds sterling (GBP) "
                                 "can be imported: convert them, or leave the value out."),
                    currency);
    }
  if (amount < 0 || amount > MAX_POUNDS)
    {
      g_autofree char *at = cm_json_path_member (where, "amount");

      if (amount < 0)
        cm_json_fail (check, at, _("a value cannot be negative (%.2f)."), amount);
      else
        cm_json_fail (check, at, _("the amount is larger than any contract’s value."));
    }
  if (!cm_json_check_ok (check))
    return FALSE;
  *pence = llround (amount * 100);
  return TRUE;
}

static char *
money_cell (gint64 pence)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", pence / 100, (int) (pence % 100));
}

static char *
date_cell (CmJsonCheck *check, JsonObject *object, const char *path, const char *member)
{
  GDate date;

  return cm_json_date (check, object, path, member, &date) ? cm_date_format_iso (&date) : NULL;
}

static char *
text_cell (CmJsonCheck *check, JsonObject *object, const char *path, const char *member)
{
  return g_strdup (cm_json_string (check, object, path, member, FALSE));
}

/* ---- finding what the contract names ------------------------------------- */

/* The element of @member whose id is @id, checking each on the way. */
static JsonObject *
find_by_id (CmJsonCheck *check, JsonObject *release, const char *path, const char *member,
            const char *id, char **found_path)
{
  g_autofree char *list_path = cm_json_path_member (path, member);
  JsonArray *list = cm_json_array (check, release, path, member, FALSE);

  for (guint i = 0; id && list && i < json_array_get_length (list); i++)
    {
      g_autofree char *item_path = cm_json_path_index (list_path, i);
      JsonObject *item = cm_json_element_object (check, list, list_path, i);
      g_autofree char *item_id = cm_json_id (check, item, item_path, "id", FALSE);

      if (g_strcmp0 (item_id, id) == 0)
        {
          if (found_path)
            *found_path = g_steal_pointer (&item_path);
          return item;
        }
    }
  return NULL;
}

/* The name of the party in the buyer role, when there is no buyer. */
static const char *
buyer_name (CmJsonCheck *check, JsonObject *release, const char *path)
{
  g_autofree char *parties_path = cm_json_path_member (path, "parties");
  JsonObject *buyer = cm_json_object (check, release, path, "buyer", FALSE);
  g_autofree char *buyer_path = cm_json_path_member (path, "buyer");
  JsonArray *parties = cm_json_array (check, release, path, "parties", FALSE);

  if (buyer)
    return cm_json_string (check, buyer, buyer_path, "name", FALSE);
  for (guint i = 0; parties && i < json_array_get_length (parties); i++)
    {
      g_autofree char *party_path = cm_json_path_index (parties_path, i);
      JsonObject *party = cm_json_element_object (check, parties, parties_path, i);
      JsonNode *roles = party ? json_object_get_member (party, "roles") : NULL;

      if (roles && JSON_NODE_HOLDS_ARRAY (roles))
        for (guint r = 0; r < json_array_get_length (json_node_get_array (roles)); r++)
          {
            JsonNode *role = json_array_get_element (json_node_get_array (roles), r);

            if (JSON_NODE_HOLDS_VALUE (role) && json_node_get_value_type (role) == G_TYPE_STRING &&
                g_str_equal (json_node_get_string (role), "buyer"))
              return cm_json_string (check, party, party_path, "name", FALSE);
          }
    }
  return NULL;
}

/* ---- the supplier ------------------------------------------------------- */

typedef struct {
  char *charity;
  char *company;
} Registration;

static void
note_identifier (CmJsonCheck *check, JsonObject *identifier, const char *path, Registration *reg)
{
  const char *scheme = cm_json_string (check, identifier, path, "scheme", FALSE);
  g_autofree char *id = cm_json_id (check, identifier, path, "id", FALSE);

  if (id == NULL || scheme == NULL)
    return;
  if (g_str_equal (scheme, "GB-CHC") && reg->charity == NULL)
    reg->charity = g_steal_pointer (&id);
  else if (g_str_equal (scheme, "GB-COH") && reg->company == NULL)
    reg->company = g_steal_pointer (&id);
}

static void
read_registration (CmJsonCheck *check, JsonObject *party, const char *path, Registration *reg)
{
  g_autofree char *more_path = cm_json_path_member (path, "additionalIdentifiers");
  g_autofree char *id_path = cm_json_path_member (path, "identifier");
  JsonObject *identifier = cm_json_object (check, party, path, "identifier", FALSE);
  JsonArray *more = cm_json_array (check, party, path, "additionalIdentifiers", FALSE);

  if (identifier)
    note_identifier (check, identifier, id_path, reg);
  for (guint i = 0; more && i < json_array_get_length (more); i++)
    {
      g_autofree char *item_path = cm_json_path_index (more_path, i);
      JsonObject *item = cm_json_element_object (check, more, more_path, i);

      if (item)
        note_identifier (check, item, item_path, reg);
    }
}

/* Our extension's sector where given; otherwise what the identifiers and
 * flags say: a registered charity or a VCSE is third sector, a company
 * the independent sector. */
static char *
sector_cell (CmJsonCheck *check, JsonObject *details, const char *path, gboolean vcse,
             const Registration *reg)
{
  const char *sector = cm_json_string (check, details, path, "sector", FALSE);
  const char *as_written = cm_json_string (check, details, path, "sectorAsWritten", FALSE);

  if (g_strcmp0 (sector, "other") == 0 && as_written)
    return g_strdup (as_written);
  if (sector)
    return g_strdup (sector);
  if (reg->charity || vcse)
    return g_strdup ("third-sector");
  return g_strdup (reg->company ? "independent" : "");
}

static void
read_supplier_party (CmJsonCheck *check, JsonObject *party, const char *path, char **cells)
{
  g_autofree char *details_path = cm_json_path_member (path, "details");
  JsonObject *details = cm_json_object (check, party, path, "details", FALSE);
  const char *scale = cm_json_string (check, details, details_path, "scale", FALSE);
  Registration reg = { NULL, NULL };
  gboolean vcse = FALSE, has_vcse, matched;
  int sector;

  has_vcse = cm_json_boolean (check, details, details_path, "vcse", &vcse);
  read_registration (check, party, path, &reg);
  cells[CM_OCDS_COLUMN_PROVIDER_SECTOR] = sector_cell (check, details, details_path, vcse, &reg);
  sector = cm_import_match_enum (CM_TYPE_SECTOR, cells[CM_OCDS_COLUMN_PROVIDER_SECTOR], &matched);
  /* A register has one registration column: a charity's number for the
   * third sector, a company's otherwise. */
  if (sector == CM_SECTOR_THIRD_SECTOR)
    cells[CM_OCDS_COLUMN_REGISTRATION] = g_strdup (reg.charity ? reg.charity : reg.company);
  else
    cells[CM_OCDS_COLUMN_REGISTRATION] = g_strdup (reg.company ? reg.company : reg.charity);
  cells[CM_OCDS_COLUMN_SME] = g_strdup (g_strcmp0 (scale, "sme") == 0 ? "Yes"
                                        : g_strcmp0 (scale, "large") == 0 ? "No" : NULL);
  cells[CM_OCDS_COLUMN_VCSE] = g_strdup (has_vcse ? (vcse ? "Yes" : "No") : NULL);
  g_free (reg.charity);
  g_free (reg.company);
}

/* The award's first supplier, and its party for the rest. */
static void
read_supplier (CmJsonCheck *check, JsonObject *release, const char *path, JsonObject *award,
               const char *award_path, char **cells)
{
  g_autofree char *suppliers_path = cm_json_path_member (award_path, "suppliers");
  JsonArray *suppliers = cm_json_array (check, award, award_path, "suppliers", FALSE);
  g_autofree char *supplier_path = cm_json_path_index (suppliers_path, 0);
  g_autofree char *party_path = NULL;
  g_autofree char *id = NULL;
  JsonObject *supplier, *party;

  if (suppliers == NULL || json_array_get_length (suppliers) == 0)
    return;
  supplier = cm_json_element_object (check, suppliers, suppliers_path, 0);
  id = cm_json_id (check, supplier, supplier_path, "id", FALSE);
  cells[CM_OCDS_COLUMN_PROVIDER] = g_strdup (cm_json_string (check, supplier, supplier_path,
                                                             "name", FALSE));
  party = find_by_id (check, release, path, "parties", id, &party_path);
  if (party == NULL)
    return;
  if (cells[CM_OCDS_COLUMN_PROVIDER] == NULL)
    cells[CM_OCDS_COLUMN_PROVIDER] = g_strdup (cm_json_string (check, party, party_path, "name",
                                                               FALSE));
  read_supplier_party (check, party, party_path, cells);
}

/* ---- the tender --------------------------------------------------------- */

/* Our own route where the extension gives it; else the details when they
 * name a route; else what the method code implies; else the details as
 * written, kept under Other. */
static char *
route_cell (CmJsonCheck *check, JsonObject *tender, const char *path)
{
  const char *route = cm_json_string (check, tender, path, "procurementRoute", FALSE);
  const char *details = cm_json_string (check, tender, path, "procurementMethodDetails", FALSE);
  const char *method = cm_json_string (check, tender, path, "procurementMethod", FALSE);
  gboolean matched = FALSE;

  if (route)
    return g_strdup (route);
  if (details)
    cm_import_match_enum (CM_TYPE_PROCUREMENT_ROUTE, details, &matched);
  if (matched || (details && cm_ocds_route_from_method (method) == NULL))
    return g_strdup (details);
  return g_strdup (cm_ocds_route_from_method (method));
}

/* ---- the contract ------------------------------------------------------- */

static char *
type_cell (CmJsonCheck *check, JsonObject *contract, const char *path)
{
  const char *type = cm_json_string (check, contract, path, "contractType", FALSE);
  const char *as_written = cm_json_string (check, contract, path, "contractTypeAsWritten", FALSE);

  return g_strdup (g_strcmp0 (type, "other") == 0 && as_written ? as_written : type);
}

static void
read_extension (CmJsonCheck *check, JsonObject *contract, const char *path, char **cells)
{
  gint64 invoked = 0;

  cells[CM_OCDS_COLUMN_TERM] = text_cell (check, contract, path, "termAsWritten");
  cells[CM_OCDS_COLUMN_NOTICE_PERIOD] = text_cell (check, contract, path, "noticePeriod");
  cells[CM_OCDS_COLUMN_NOTICE_SERVED] = date_cell (check, contract, path, "noticeServed");
  cells[CM_OCDS_COLUMN_TYPE] = type_cell (check, contract, path);
  if (cm_json_integer (check, contract, path, "extensionsInvoked", &invoked))
    {
      g_autofree char *at = cm_json_path_member (path, "extensionsInvoked");

      if (invoked < 0 || invoked > G_MAXINT)
        cm_json_fail (check, at, _("the number of extensions taken must be 0 or more, and "
                                   "no more than the term allows."));
      cells[CM_OCDS_COLUMN_EXTENSIONS_INVOKED] = g_strdup_printf ("%" G_GINT64_FORMAT, invoked);
    }
}

/* The UK extension's termination rationale, as the outcome it records
 * (or the notice of early termination). */
static void
read_termination (CmJsonCheck *check, JsonObject *contract, const char *path, char **cells)
{
  const char *rationale = cm_json_string (check, contract, path, "terminationRationale", FALSE);
  const char *outcome = NULL, *notice_kind = NULL;

  cells[CM_OCDS_COLUMN_NOTICE_KIND] = text_cell (check, contract, path, "noticeKind");
  if (rationale == NULL)
    return;
  if (!cm_ocds_rationale_read (rationale, &outcome, &notice_kind))
    {
      g_autofree char *at = cm_json_path_member (path, "terminationRationale");

      cm_json_fail (check, at, _("“%s” is not a termination rationale Commissioner can record. "
                                 "Use expired, re-let, decommissioned or terminated-early, or "
                                 "leave it out."), rationale);
      return;
    }
  cells[CM_OCDS_COLUMN_OUTCOME] = g_strdup (outcome);
  if (notice_kind && cells[CM_OCDS_COLUMN_NOTICE_KIND] == NULL)
    cells[CM_OCDS_COLUMN_NOTICE_KIND] = g_strdup (notice_kind);
}

/* Notices from the tender, the award and the contract, then the award's
 * standstill for its award notice if none gave it; the contract's
 * amendments, each taking the change notice it names from the contract's. */
static void
read_notices (CmJsonCheck *check, JsonObject *tender, const char *tender_path,
              JsonObject *award, const char *award_path, JsonObject *contract,
              const char *contract_path, GPtrArray *notices, GPtrArray *variations)
{
  g_autoptr(GPtrArray) checked = notices ? NULL
                                         : g_ptr_array_new_with_free_func (cm_ocds_notice_free);
  g_autoptr(GPtrArray) checked_variations =
    variations ? NULL : g_ptr_array_new_with_free_func (cm_ocds_variation_free);
  g_autoptr(GPtrArray) own = g_ptr_array_new_with_free_func (cm_ocds_notice_free);
  GPtrArray *into = notices ? notices : checked;

  cm_ocds_notices_read_documents (check, tender, tender_path, into);
  cm_ocds_notices_read_documents (check, award, award_path, into);
  cm_ocds_notices_read_documents (check, contract, contract_path, own);
  cm_ocds_variations_read (check, contract, contract_path, own,
                           variations ? variations : checked_variations);
  g_ptr_array_extend_and_steal (into, g_steal_pointer (&own));
  cm_ocds_notices_read_standstill (check, award, award_path, into);
}

static void
read_values (CmJsonCheck *check, JsonObject *contract, const char *path, JsonObject *award,
             const char *award_path, char **cells)
{
  gint64 pence = 0;

  if (cm_ocds_value_read (check, contract, path, "value", &pence) ||
      (award && cm_ocds_value_read (check, award, award_path, "value", &pence)))
    cells[CM_OCDS_COLUMN_TOTAL_VALUE] = money_cell (pence);
  if (cm_ocds_value_read (check, contract, path, "annualValue", &pence))
    cells[CM_OCDS_COLUMN_ANNUAL_VALUE] = money_cell (pence);
}

static void
read_period (CmJsonCheck *check, JsonObject *contract, const char *path, char **cells)
{
  g_autofree char *period_path = cm_json_path_member (path, "period");
  JsonObject *period = cm_json_object (check, contract, path, "period", FALSE);
  GDate unused;

  cells[CM_OCDS_COLUMN_START_DATE] = date_cell (check, period, period_path, "startDate");
  cells[CM_OCDS_COLUMN_END_DATE] = date_cell (check, period, period_path, "endDate");
  cm_json_date (check, period, period_path, "maxExtentDate", &unused);
}

static const char *
first_text (const char *a, const char *b, const char *c)
{
  return a && *a ? a : b && *b ? b : c;
}

void
cm_ocds_row_read (CmJsonCheck *check, JsonObject *release, const char *path, guint index,
                  const char *service, char **cells, GPtrArray *notices, GPtrArray *variations)
{
  g_autofree char *contracts_path = cm_json_path_member (path, "contracts");
  g_autofree char *contract_path = cm_json_path_index (contracts_path, index);
  g_autofree char *tender_path = cm_json_path_member (path, "tender");
  g_autofree char *award_path = NULL;
  JsonArray *contracts = cm_json_array (check, release, path, "contracts", TRUE);
  JsonObject *contract = contracts ? cm_json_element_object (check, contracts, contracts_path,
                                                             index) : NULL;
  JsonObject *tender = cm_json_object (check, release, path, "tender", FALSE);
  g_autofree char *award_id = cm_json_id (check, contract, contract_path, "awardID", FALSE);
  JsonObject *award = find_by_id (check, release, path, "awards", award_id, &award_path);
  const char *tender_title = cm_json_string (check, tender, tender_path, "title", FALSE);
  const char *award_title = cm_json_string (check, award, award_path, "title", FALSE);

  memset (cells, 0, sizeof (char *) * CM_OCDS_N_COLUMNS);
  cells[CM_OCDS_COLUMN_REFERENCE] = cm_json_id (check, contract, contract_path, "id", TRUE);
  cells[CM_OCDS_COLUMN_TITLE] =
    g_strdup (first_text (cm_json_string (check, contract, contract_path, "title", FALSE),
                          award_title, first_text (tender_title, cells[CM_OCDS_COLUMN_REFERENCE],
                                                   NULL)));
  cells[CM_OCDS_COLUMN_SERVICE] = g_strdup (first_text (tender_title, service, NULL));
  cells[CM_OCDS_COLUMN_COMMISSIONER] = g_strdup (buyer_name (check, release, path));
  cells[CM_OCDS_COLUMN_ROUTE] = tender ? route_cell (check, tender, tender_path) : NULL;
  cm_json_string (check, contract, contract_path, "status", FALSE);
  if (award)
    read_supplier (check, release, path, award, award_path, cells);
  read_values (check, contract, contract_path, award, award_path, cells);
  read_period (check, contract, contract_path, cells);
  read_extension (check, contract, contract_path, cells);
  read_termination (check, contract, contract_path, cells);
  read_notices (check, tender, tender_path, award, award_path, contract, contract_path, notices,
                variations);
}

/* ---- the whole release -------------------------------------------------- */

static void
check_awards (CmJsonCheck *check, JsonObject *release, const char *path)
{
  g_autofree char *awards_path = cm_json_path_member (path, "awards");
  JsonArray *awards = cm_json_array (check, release, path, "awards", FALSE);
  gint64 unused;

  for (guint i = 0; awards && i < json_array_get_length (awards); i++)
    {
      g_autofree char *award_path = cm_json_path_index (awards_path, i);
      JsonObject *award = cm_json_element_object (check, awards, awards_path, i);

      g_free (cm_json_id (check, award, award_path, "id", TRUE));
      cm_ocds_value_read (check, award, award_path, "value", &unused);
      if (award)
        {
          char *cells[CM_OCDS_N_COLUMNS] = { NULL };

          read_supplier (check, release, path, award, award_path, cells);
          for (guint c = 0; c < CM_OCDS_N_COLUMNS; c++)
            g_free (cells[c]);
        }
    }
}

void
cm_ocds_release_check (CmJsonCheck *check, JsonObject *release, const char *path)
{
  JsonArray *contracts = cm_json_array (check, release, path, "contracts", FALSE);

  cm_json_string (check, release, path, "ocid", TRUE);
  cm_json_string (check, release, path, "date", FALSE);
  check_awards (check, release, path);
  for (guint i = 0; contracts && i < json_array_get_length (contracts); i++)
    {
      char *cells[CM_OCDS_N_COLUMNS];

      cm_ocds_row_read (check, release, path, i, "", cells, NULL, NULL);
      for (guint c = 0; c < CM_OCDS_N_COLUMNS; c++)
        g_free (cells[c]);
    }
}
