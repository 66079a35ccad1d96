/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-ocds-export.c: a portfolio's contracts as Open Contracting data */
#include <glib/gi18n-lib.h>
#include <errno.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "cm-date.h"
#include "cm-deadline-settings.h"
#include "cm-deadlines.h"
#include "cm-json-path.h"
#include "cm-ocds-amendments.h"
#include "cm-ocds-export.h"
#include "cm-ocds-prefix.h"
#include "cm-ocds-route.h"
#include "cm-ocds-uk.h"
#include "cm-organisation.h"
#include "cm-provider.h"
#include "cm-safe-write.h"
#include "cm-service.h"

typedef struct {
  CmStore *store;
  const GDate *today;
  CmDeadlineSettings settings;
  char *prefix;
  char *published; /* the package's and every release's date */
  GHashTable *notices; /* contract id -> its procurement notices (cm-ocds-uk.h) */
  GHashTable *variations; /* contract id -> its variations (cm-ocds-amendments.h) */
} Export;

/* ---- values ------------------------------------------------------------- */

static void
set_date (JsonObject *object, const char *member, const GDate *date, gboolean end_of_day)
{
  g_autofree char *moment = NULL;

  if (date == NULL || !g_date_valid (date))
    return;
  moment = cm_json_london_moment (date, end_of_day);
  json_object_set_string_member (object, member, moment);
}

static void
set_text (JsonObject *object, const char *member, const char *text)
{
  if (text && *text)
    json_object_set_string_member (object, member, text);
}

/* Pounds, as a whole number when there are no pence. */
static JsonObject *
value_of (gint64 pence)
{
  JsonObject *value = json_object_new ();

  if (pence % 100 == 0)
    json_object_set_int_member (value, "amount", pence / 100);
  else
    json_object_set_double_member (value, "amount", pence / 100.0);
  json_object_set_string_member (value, "currency", "GBP");
  return value;
}

static char *
text_of (gpointer object, const char *property)
{
  char *text = NULL;

  if (object)
    g_object_get (object, property, &text, NULL);
  return text ? text : g_strdup ("");
}

static int
enum_of (gpointer object, const char *property)
{
  int value = 0;

  g_object_get (object, property, &value, NULL);
  return value;
}

/* ---- parties ------------------------------------------------------------ */

static JsonObject *
reference_to (const char *id, const char *name)
{
  JsonObject *ref = json_object_new ();

  json_object_set_string_member (ref, "id", id);
  json_object_set_string_member (ref, "name", name);
  return ref;
}

static JsonObject *
identifier (const char *scheme, const char *id, const char *legal_name)
{
  JsonObject *identifier = json_object_new ();

  json_object_set_string_member (identifier, "scheme", scheme);
  json_object_set_string_member (identifier, "id", id);
  json_object_set_string_member (identifier, "legalName", legal_name);
  return identifier;
}

static JsonArray *
roles (const char *role)
{
  JsonArray *roles = json_array_new ();

  json_array_add_string_element (roles, role);
  return roles;
}

/* Registered charities (GB-CHC) and companies (GB-COH) are identified by
 * their numbers on org-id.guide's lists; a provider with neither by its
 * place in the portfolio. */
static char *
supplier_id (CmProvider *provider, const char *charity, const char *company)
{
  if (*charity)
    return g_strconcat ("GB-CHC-", charity, NULL);
  if (*company)
    return g_strconcat ("GB-COH-", company, NULL);
  return g_strdup_printf ("provider-%" G_GINT64_FORMAT, cm_entity_get_id (CM_ENTITY (provider)));
}

static JsonObject *
supplier_details (CmProvider *provider)
{
  JsonObject *details = json_object_new ();
  CmSector sector = cm_provider_get_sector (provider);

  /* Not being marked an SME may only mean nobody recorded it: "large"
   * would claim more than the portfolio knows. */
  if (cm_provider_get_is_sme (provider))
    json_object_set_string_member (details, "scale", "sme");
  json_object_set_boolean_member (details, "vcse", cm_provider_get_is_vcse (provider));
  json_object_set_string_member (details, "sector", cm_enum_to_nick (CM_TYPE_SECTOR, sector));
  set_text (details, "sectorAsWritten", cm_provider_get_sector_as_written (provider));
  return details;
}

static JsonObject *
supplier_party (CmProvider *provider, const char *id)
{
  g_autofree char *charity = text_of (provider, "charity-number");
  g_autofree char *company = text_of (provider, "company-number");
  const char *name = cm_provider_get_name (provider);
  JsonObject *party = reference_to (id, name);

  json_object_set_array_member (party, "roles", roles ("supplier"));
  if (*charity || *company)
    json_object_set_object_member (party, "identifier",
                                   *charity ? identifier ("GB-CHC", charity, name)
                                            : identifier ("GB-COH", company, name));
  if (*charity && *company)
    {
      JsonArray *more = json_array_new ();

      json_array_add_object_element (more, identifier ("GB-COH", company, name));
      json_object_set_array_member (party, "additionalIdentifiers", more);
    }
  json_object_set_object_member (party, "details", supplier_details (provider));
  return party;
}

/* ---- one release -------------------------------------------------------- */

typedef struct {
  CmContract *contract;
  CmService *service;
  CmOrganisation *commissioner;
  CmProvider *provider;
  char *ocid;
  char *supplier_id;
  char *buyer_id;
  gboolean have_dates;
  CmContractDates dates;
} Subject;

static void
subject_clear (Subject *s)
{
  g_free (s->ocid);
  g_free (s->supplier_id);
  g_free (s->buyer_id);
}

static void
subject_init (Subject *s, Export *e, CmContract *contract)
{
  gint64 lead;

  *s = (Subject) { .contract = contract };
  s->service = (CmService *) cm_store_find (e->store, CM_TYPE_SERVICE,
                                            cm_contract_get_service_id (contract));
  lead = s->service ? cm_service_get_lead_commissioner_id (s->service) : 0;
  s->commissioner = (CmOrganisation *) cm_store_find (e->store, CM_TYPE_ORGANISATION, lead);
  s->provider = (CmProvider *) cm_store_find (e->store, CM_TYPE_PROVIDER,
                                              cm_contract_get_provider_id (contract));
  s->ocid = g_strdup_printf ("%s-%s", e->prefix, cm_contract_get_reference (contract));
  s->buyer_id = g_strdup_printf ("commissioner-%" G_GINT64_FORMAT, lead);
  if (s->provider)
    {
      g_autofree char *charity = text_of (s->provider, "charity-number");
      g_autofree char *company = text_of (s->provider, "company-number");

      s->supplier_id = supplier_id (s->provider, charity, company);
    }
  s->have_dates = cm_contract_compute_dates (contract, e->today, &e->settings, &s->dates);
}

static JsonArray *
parties (Subject *s)
{
  JsonArray *parties = json_array_new ();

  if (s->commissioner)
    {
      JsonObject *buyer = reference_to (s->buyer_id, cm_organisation_get_name (s->commissioner));

      json_object_set_array_member (buyer, "roles", roles ("buyer"));
      json_array_add_object_element (parties, buyer);
    }
  if (s->provider)
    json_array_add_object_element (parties, supplier_party (s->provider, s->supplier_id));
  return parties;
}

static JsonObject *
tender (Subject *s)
{
  JsonObject *tender = json_object_new ();
  int route = enum_of (s->contract, "route");
  g_autofree char *as_written = text_of (s->contract, "route-as-written");
  g_autofree char *details = cm_enum_to_label_as_written (CM_TYPE_PROCUREMENT_ROUTE, route,
                                                          as_written);
  g_autofree char *id = g_strconcat (s->ocid, "-tender", NULL);
  const char *method = cm_ocds_route_method (route);

  json_object_set_string_member (tender, "id", id);
  if (s->service)
    json_object_set_string_member (tender, "title", cm_service_get_name (s->service));
  json_object_set_string_member (tender, "mainProcurementCategory", "services");
  if (method)
    json_object_set_string_member (tender, "procurementMethod", method);
  json_object_set_string_member (tender, "procurementMethodDetails", details);
  json_object_set_string_member (tender, "procurementRoute",
                                 cm_enum_to_nick (CM_TYPE_PROCUREMENT_ROUTE, route));
  return tender;
}

/* The recorded end date where there is one (it is what was signed),
 * else the end its term gives. */
static gboolean
end_date (Subject *s, GDate *end)
{
  if (cm_date_parse_iso (cm_contract_get_end_date (s->contract), end))
    return TRUE;
  if (!s->have_dates)
    return FALSE;
  *end = s->dates.current_end;
  return TRUE;
}

static JsonObject *
period (Subject *s)
{
  JsonObject *period = json_object_new ();
  GDate start, end;

  if (cm_date_parse_iso (cm_contract_get_start_date (s->contract), &start))
    set_date (period, "startDate", &start, FALSE);
  if (end_date (s, &end))
    {
      set_date (period, "endDate", &end, TRUE);
      /* Every extension taken: as late as the contract can run. */
      set_date (period, "maxExtentDate", s->have_dates ? &s->dates.latest_end : &end, TRUE);
    }
  return period;
}

/* OCDS's closed codelist: not yet started, running, or ended (expired,
 * decommissioned or ended early alike). */
static const char *
contract_status (Subject *s, const GDate *today)
{
  GDate start, end, closed;

  if (cm_date_parse_iso (cm_contract_get_decommissioned_on (s->contract), &closed) &&
      g_date_compare (&closed, today) <= 0)
    return "terminated";
  if (!cm_date_parse_iso (cm_contract_get_start_date (s->contract), &start) ||
      g_date_compare (&start, today) > 0)
    return "pending";
  if (end_date (s, &end) && g_date_compare (&end, today) < 0)
    return "terminated";
  return "active";
}

static JsonObject *
award (Subject *s, const char *award_id)
{
  JsonObject *award = json_object_new ();
  JsonArray *suppliers = json_array_new ();
  gint64 total = cm_contract_get_total_value (s->contract);

  json_object_set_string_member (award, "id", award_id);
  json_object_set_string_member (award, "status", "active");
  if (s->provider)
    json_array_add_object_element (suppliers, reference_to (s->supplier_id,
                                                            cm_provider_get_name (s->provider)));
  json_object_set_array_member (award, "suppliers", suppliers);
  if (total > 0)
    json_object_set_object_member (award, "value", value_of (total));
  json_object_set_object_member (award, "contractPeriod", period (s));
  return award;
}

/* The Compact: whether its minimum notice applies, and the date it gives. */
static JsonObject *
compact (Subject *s, Export *e)
{
  JsonObject *compact = json_object_new ();
  gboolean applies = cm_contract_compact_applies (s->contract, NULL);

  json_object_set_boolean_member (compact, "applies", applies);
  json_object_set_int_member (compact, "minimumNoticeMonths", e->settings.compact_minimum_months);
  /* No notice period recorded is unknown, and so is the latest notice date. */
  if (s->have_dates && *cm_contract_get_notice_period (s->contract))
    set_date (compact, "latestNoticeDate", &s->dates.latest_notice, TRUE);
  return compact;
}

/* What OCDS has no field for, in the Commissioner extension. */
static void
contract_extension (JsonObject *contract, Subject *s, Export *e)
{
  CmContract *c = s->contract;
  gint64 annual = cm_contract_get_annual_value (c);
  int type = enum_of (c, "contract-type");
  g_autofree char *type_as_written = text_of (c, "type-as-written");
  g_autofree char *term = text_of (c, "term");
  GDate served;

  set_text (contract, "termAsWritten", term);
  json_object_set_int_member (contract, "extensionsInvoked", cm_contract_get_extensions_invoked (c));
  set_text (contract, "noticePeriod", cm_contract_get_notice_period (c));
  if (cm_date_parse_iso (cm_contract_get_notice_served (c), &served))
    {
      set_date (contract, "noticeServed", &served, FALSE);
      json_object_set_string_member (contract, "noticeKind",
                                     cm_enum_to_nick (CM_TYPE_NOTICE_KIND,
                                                      cm_contract_get_notice_kind (c)));
    }
  if (annual > 0)
    json_object_set_object_member (contract, "annualValue", value_of (annual));
  json_object_set_string_member (contract, "contractType",
                                 cm_enum_to_nick (CM_TYPE_CONTRACT_TYPE, type));
  set_text (contract, "contractTypeAsWritten", type_as_written);
  json_object_set_object_member (contract, "compact", compact (s, e));
}

static JsonObject *
contract (Subject *s, Export *e, const char *award_id)
{
  JsonObject *contract = json_object_new ();
  gint64 total = cm_contract_get_total_value (s->contract);

  json_object_set_string_member (contract, "id", cm_contract_get_reference (s->contract));
  json_object_set_string_member (contract, "awardID", award_id);
  json_object_set_string_member (contract, "title", cm_contract_get_title (s->contract));
  json_object_set_string_member (contract, "status", contract_status (s, e->today));
  json_object_set_object_member (contract, "period", period (s));
  if (total > 0)
    json_object_set_object_member (contract, "value", value_of (total));
  set_text (contract, "terminationRationale", cm_ocds_termination_rationale (s->contract));
  contract_extension (contract, s, e);
  return contract;
}

static JsonArray *
one (JsonObject *object)
{
  JsonArray *array = json_array_new ();

  json_array_add_object_element (array, object);
  return array;
}

static JsonObject *
release (Export *e, CmContract *c)
{
  Subject s;
  JsonObject *release = json_object_new ();
  JsonObject *the_tender, *the_award, *the_contract;
  g_autofree char *id = NULL;
  g_autofree char *award_id = NULL;
  gint64 contract_id = cm_entity_get_id (CM_ENTITY (c));

  subject_init (&s, e, c);
  id = g_strconcat (s.ocid, "-compiled", NULL);
  award_id = g_strconcat (cm_contract_get_reference (c), "-award", NULL);
  json_object_set_string_member (release, "ocid", s.ocid);
  json_object_set_string_member (release, "id", id);
  json_object_set_string_member (release, "date", e->published);
  json_object_set_array_member (release, "tag", roles ("compiled"));
  json_object_set_string_member (release, "initiationType", "tender");
  json_object_set_string_member (release, "language", "en");
  json_object_set_array_member (release, "parties", parties (&s));
  if (s.commissioner)
    json_object_set_object_member (release, "buyer",
                                   reference_to (s.buyer_id,
                                                 cm_organisation_get_name (s.commissioner)));
  the_tender = tender (&s);
  the_award = award (&s, award_id);
  the_contract = contract (&s, e, award_id);
  cm_ocds_add_notices (g_hash_table_lookup (e->notices, &contract_id), the_tender, the_award,
                       the_contract);
  cm_ocds_add_amendments (g_hash_table_lookup (e->variations, &contract_id),
                          cm_contract_get_reference (c), the_contract);
  json_object_set_object_member (release, "tender", the_tender);
  json_object_set_array_member (release, "awards", one (the_award));
  json_object_set_array_member (release, "contracts", one (the_contract));
  subject_clear (&s);
  return release;
}

/* ---- the package -------------------------------------------------------- */

/* The package's own members: everything but its releases. */
static JsonObject *
package_head (Export *e)
{
  JsonObject *package = json_object_new ();
  JsonObject *publisher = json_object_new ();
  g_autofree char *name = cm_store_get_meta (e->store, "name");
  g_autofree char *day = cm_date_format_iso (e->today);
  g_autofree char *uri = g_strdup_printf ("urn:ocds:%s:%s", e->prefix, day);

  json_object_set_string_member (package, "uri", uri);
  json_object_set_string_member (package, "version", "1.1");
  json_object_set_string_member (package, "publishedDate", e->published);
  json_object_set_string_member (publisher, "name",
                                 name && *name ? name : _("Commissioner portfolio"));
  json_object_set_object_member (package, "publisher", publisher);
  return package;
}

static char *
to_json (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_node_take_object (node, object);
  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

/* The package's members, then one release a line: each is made, written
 * and freed in turn, so memory does not grow with the portfolio. */
static gboolean
write_package (Export *e, CmSafeWrite *out, GError **error)
{
  GListModel *contracts = cm_store_list (e->store, CM_TYPE_CONTRACT);
  guint n = g_list_model_get_n_items (contracts);
  g_autofree char *head = to_json (package_head (e));
  gsize head_length = strlen (head);

  /* "{…}" opened up to take the releases after its last member. */
  g_assert (head_length > 2 && head[head_length - 1] == '}');
  if (!cm_safe_write_append (out, head, head_length - 1, error) ||
      !cm_safe_write_append (out, ",\"releases\":[\n", strlen (",\"releases\":[\n"), error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CmContract) c = g_list_model_get_item (contracts, i);
      g_autofree char *text = to_json (release (e, c));

      if (!cm_safe_write_append (out, text, strlen (text), error) ||
          !cm_safe_write_append (out, i + 1 < n ? ",\n" : "\n", i + 1 < n ? 2 : 1, error))
        return FALSE;
    }
  return cm_safe_write_append (out, "]}\n", 3, error);
}

gboolean
cm_ocds_export (CmStore *store, const char *path, const GDate *today, GError **error)
{
  Export e = { store, today };
  g_autoptr(CmSafeWrite) out = NULL;
  g_autoptr(GError) local = NULL;
  gboolean ok;

  g_return_val_if_fail (CM_IS_STORE (store) && path != NULL && g_date_valid (today), FALSE);

  /* The standard asks for at least one release in a package. */
  if (g_list_model_get_n_items (cm_store_list (store, CM_TYPE_CONTRACT)) == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The portfolio has no contracts, so there is nothing to write to %s. "
                     "Add or import contracts first."), path);
      return FALSE;
    }
  cm_deadline_settings_load (store, &e.settings);
  e.prefix = cm_ocds_prefix_get (store, NULL);
  e.notices = cm_ocds_notices_by_contract (store);
  e.variations = cm_ocds_variations_by_contract (store);
  e.published = cm_json_london_moment (today, FALSE);
  ok = (out = cm_safe_write_begin (path, &local)) != NULL &&
       write_package (&e, out, &local) &&
       cm_safe_write_commit (g_steal_pointer (&out), &local);
  g_free (e.prefix);
  g_free (e.published);
  g_hash_table_unref (e.notices);
  g_hash_table_unref (e.variations);
  if (!ok)
    g_set_error (error, local->domain, local->code,
                 _("Could not write the OCDS file %s: %s"), path, local->message);
  return ok;
}
