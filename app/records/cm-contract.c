/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-contract.c: a contract, grant or agreement */
#include <glib/gi18n-lib.h>

#include "cm-contract.h"
#include "cm-contract-dates.h"
#include "cm-date.h"
#include "cm-term.h"
#include "cm-total-value.h"

struct _CmContract
{
  CmEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (CmContract, cm_contract, CM_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_REFERENCE,
  PROP_TITLE,
  PROP_SERVICE_ID,
  PROP_PROVIDER_ID,
  PROP_CONTRACT_TYPE,
  PROP_ROUTE,
  PROP_TYPE_AS_WRITTEN,
  PROP_ROUTE_AS_WRITTEN,
  PROP_ANNUAL_VALUE,
  PROP_TOTAL_VALUE,
  PROP_START_DATE,
  PROP_END_DATE,
  PROP_TERM,
  PROP_NOTICE_PERIOD,
  PROP_EXTENSIONS_INVOKED,
  PROP_NOTICE_SERVED,
  PROP_SERVICE_NAME,
  PROP_PROVIDER_NAME,
  PROP_PROVIDER_SECTOR,
  PROP_PROVIDER_SECTOR_AS_WRITTEN,
  PROP_SEARCH_TEXT,
  PROP_DECOMMISSIONED_ON,
  PROP_COMMISSIONER_KIND,
  PROP_PROCUREMENT_BEGAN,
  PROP_NOTICE_KIND,
  PROP_OUTCOME,
  PROP_PROVIDER_IS_VCSE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char joins[] =
  "LEFT JOIN service s ON s.id = t.service_id LEFT JOIN provider p ON p.id = t.provider_id"
  " LEFT JOIN organisation o ON o.id = s.lead_commissioner_id";

static const CmDerivedColumn derived[] = {
  { "service-name", "s.name", { "service" }, { "t.service_id = :id" } },
  { "provider-name", "p.name", { "provider" }, { "t.provider_id = :id" } },
  { "provider-sector", "p.sector", { "provider" }, { "t.provider_id = :id" } },
  { "provider-sector-as-written", "p.sector_as_written", { "provider" },
    { "t.provider_id = :id" } },
  { "commissioner-kind", "o.kind", { "organisation", "service" },
    { NULL, "t.service_id = :id" } },
  { "provider-is-vcse", "p.is_vcse", { "provider" }, { "t.provider_id = :id" } },
  { "search-text",
    "cm_fold(t.reference || ' ' || t.title || ' ' || t.term || ' ' || t.notice_period || ' ' ||"
    " coalesce(s.name, '') || ' ' || coalesce(p.name, ''))",
    { "service", "provider" }, { "t.service_id = :id", "t.provider_id = :id" } },
  { NULL }
};

static gboolean G_GNUC_PRINTF (2, 3)
fail (GError **error, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID,
                                                format, args));
  va_end (args);
  return FALSE;
}

/* The term and notice period must read as such, and no more extensions
 * can be taken than the term allows. Empty text means not yet known. */
static gboolean
validate_term (CmContract *self, const char *ref, GError **error)
{
  const char *term_text = cm_entity_get_string (CM_ENTITY (self), PROP_TERM);
  const char *notice_text = cm_entity_get_string (CM_ENTITY (self), PROP_NOTICE_PERIOD);
  int invoked = cm_contract_get_extensions_invoked (self);
  g_autoptr(CmTerm) term = NULL;
  CmPeriod notice;

  if (*notice_text && !cm_period_parse (notice_text, &notice, error))
    return FALSE;
  if (*term_text == '\0')
    return invoked == 0 ? TRUE
                        : fail (error, _("Contract %s has extensions taken but no term. "
                                         "Enter its term, for example 3+1+1."), ref);
  term = cm_term_parse (term_text, error);
  if (term == NULL)
    return FALSE;
  if ((guint) invoked > term->extensions->len)
    return fail (error, _("Contract %s cannot have %d extensions taken: its term “%s” "
                          "allows %u."), ref, invoked, term_text, term->extensions->len);
  return TRUE;
}

/* Optional; a procurement that began after its contract started is a
 * mistake in one of the dates, not a reading to choose between. */
static gboolean
validate_procurement_began (CmContract *self, const char *ref, GError **error)
{
  const char *began = cm_contract_get_procurement_began (self);
  const char *start = cm_contract_get_start_date (self);

  if (!cm_date_validate (began, _("The date the procurement began"), FALSE, error))
    return FALSE;
  if (*began && *start && g_strcmp0 (began, start) > 0)
    return fail (error, _("The procurement for contract %s began after the contract started. "
                          "Check the start date and the date the procurement began."), ref);
  return TRUE;
}

gboolean
cm_contract_validate_all_but_term (CmContract *self, GError **error)
{
  const char *ref = cm_contract_get_reference (self);
  const char *start = cm_contract_get_start_date (self);
  const char *end = cm_contract_get_end_date (self);

  if (!cm_entity_require_text (ref, _("The contract reference"), error) ||
      !cm_entity_require_text (cm_contract_get_title (self), _("The contract title"), error))
    return FALSE;
  if (cm_contract_get_service_id (self) == 0)
    return fail (error, _("Choose the service that contract %s pays for."), ref);
  if (cm_contract_get_provider_id (self) == 0)
    return fail (error, _("Choose the provider that holds contract %s."), ref);
  if (cm_contract_get_annual_value (self) < 0 || cm_contract_get_total_value (self) < 0)
    return fail (error, _("The values of contract %s cannot be negative."), ref);
  if (!cm_date_validate (start, _("The start date"), FALSE, error) ||
      !cm_date_validate (end, _("The end date"), FALSE, error))
    return FALSE;
  /* ISO dates compare correctly as text. */
  if (*start && *end && g_strcmp0 (end, start) < 0)
    return fail (error, _("Contract %s ends before it starts. Check the start and end dates."), ref);
  return cm_date_validate (cm_contract_get_notice_served (self), _("The date notice was served"),
                           FALSE, error) &&
         validate_procurement_began (self, ref, error);
}

gboolean
cm_contract_validate_term (CmContract *self, GError **error)
{
  return validate_term (self, cm_contract_get_reference (self), error);
}

static gboolean
cm_contract_validate (CmEntity *entity, GError **error)
{
  CmContract *self = CM_CONTRACT (entity);

  return cm_contract_validate_all_but_term (self, error) && cm_contract_validate_term (self, error);
}

static void
cm_contract_complete (CmEntity *entity, CmEntity *before)
{
  cm_contract_complete_total (CM_CONTRACT (entity), before ? CM_CONTRACT (before) : NULL);
}

static void
cm_contract_class_init (CmContractClass *klass)
{
  CmEntityClass *entity_class = CM_ENTITY_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  entity_class->validate = cm_contract_validate;
  entity_class->complete = cm_contract_complete;

  properties[PROP_REFERENCE] = g_param_spec_string ("reference", NULL, NULL, "", rw);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", rw);
  properties[PROP_SERVICE_ID] = g_param_spec_int64 ("service-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_PROVIDER_ID] = g_param_spec_int64 ("provider-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_CONTRACT_TYPE] =
    g_param_spec_enum ("contract-type", NULL, NULL, CM_TYPE_CONTRACT_TYPE,
                       CM_CONTRACT_TYPE_CONTRACT, rw);
  properties[PROP_ROUTE] =
    g_param_spec_enum ("route", NULL, NULL, CM_TYPE_PROCUREMENT_ROUTE,
                       CM_PROCUREMENT_ROUTE_OPEN, rw);
  /* The type and route as an imported register named them, when they
   * matched none of ours. */
  properties[PROP_TYPE_AS_WRITTEN] = g_param_spec_string ("type-as-written", NULL, NULL, "", rw);
  properties[PROP_ROUTE_AS_WRITTEN] = g_param_spec_string ("route-as-written", NULL, NULL, "", rw);
  properties[PROP_ANNUAL_VALUE] =
    g_param_spec_int64 ("annual-value", NULL, NULL, G_MININT64, G_MAXINT64, 0, rw);
  properties[PROP_TOTAL_VALUE] =
    g_param_spec_int64 ("total-value", NULL, NULL, G_MININT64, G_MAXINT64, 0, rw);
  properties[PROP_START_DATE] = g_param_spec_string ("start-date", NULL, NULL, "", rw);
  properties[PROP_END_DATE] = g_param_spec_string ("end-date", NULL, NULL, "", rw);
  properties[PROP_TERM] = g_param_spec_string ("term", NULL, NULL, "", rw);
  properties[PROP_NOTICE_PERIOD] = g_param_spec_string ("notice-period", NULL, NULL, "", rw);
  properties[PROP_EXTENSIONS_INVOKED] =
    g_param_spec_int ("extensions-invoked", NULL, NULL, 0, G_MAXINT, 0, rw);
  properties[PROP_NOTICE_SERVED] = g_param_spec_string ("notice-served", NULL, NULL, "", rw);
  properties[PROP_SERVICE_NAME] = g_param_spec_string ("service-name", NULL, NULL, "", rw);
  properties[PROP_PROVIDER_NAME] = g_param_spec_string ("provider-name", NULL, NULL, "", rw);
  properties[PROP_PROVIDER_SECTOR] =
    g_param_spec_enum ("provider-sector", NULL, NULL, CM_TYPE_SECTOR, CM_SECTOR_THIRD_SECTOR, rw);
  properties[PROP_PROVIDER_SECTOR_AS_WRITTEN] =
    g_param_spec_string ("provider-sector-as-written", NULL, NULL, "", rw);
  properties[PROP_SEARCH_TEXT] = g_param_spec_string ("search-text", NULL, NULL, "", rw);
  properties[PROP_DECOMMISSIONED_ON] =
    g_param_spec_string ("decommissioned-on", NULL, NULL, "", rw);
  properties[PROP_COMMISSIONER_KIND] =
    g_param_spec_enum ("commissioner-kind", NULL, NULL, CM_TYPE_ORGANISATION_KIND,
                       CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE, rw);
  /* The day the procurement began, which sets the thresholds it is judged
   * by; empty when not recorded. */
  properties[PROP_PROCUREMENT_BEGAN] =
    g_param_spec_string ("procurement-began", NULL, NULL, "", rw);
  properties[PROP_NOTICE_KIND] =
    g_param_spec_enum ("notice-kind", NULL, NULL, CM_TYPE_NOTICE_KIND,
                       CM_NOTICE_KIND_NOT_TO_EXTEND, rw);
  properties[PROP_OUTCOME] =
    g_param_spec_enum ("outcome", NULL, NULL, CM_TYPE_CONTRACT_OUTCOME,
                       CM_CONTRACT_OUTCOME_NONE, rw);
  properties[PROP_PROVIDER_IS_VCSE] =
    g_param_spec_boolean ("provider-is-vcse", NULL, NULL, FALSE, rw);
  cm_entity_class_install (entity_class, "contract", properties, N_PROPS, derived);
  cm_entity_class_set_joins (entity_class, joins);
}

static void
cm_contract_init (CmContract *self)
{
}

CmContract *
cm_contract_new (const char *reference, const char *title)
{
  return g_object_new (CM_TYPE_CONTRACT, "reference", reference, "title", title, NULL);
}

const char *
cm_contract_get_reference (CmContract *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_REFERENCE);
}

const char *
cm_contract_get_title (CmContract *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_TITLE);
}

gint64
cm_contract_get_service_id (CmContract *self)
{
  return cm_entity_get_int64 (CM_ENTITY (self), PROP_SERVICE_ID);
}

gint64
cm_contract_get_provider_id (CmContract *self)
{
  return cm_entity_get_int64 (CM_ENTITY (self), PROP_PROVIDER_ID);
}

gint64
cm_contract_get_annual_value (CmContract *self)
{
  return cm_entity_get_int64 (CM_ENTITY (self), PROP_ANNUAL_VALUE);
}

gint64
cm_contract_get_total_value (CmContract *self)
{
  return cm_entity_get_int64 (CM_ENTITY (self), PROP_TOTAL_VALUE);
}

const char *
cm_contract_get_start_date (CmContract *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_START_DATE);
}

const char *
cm_contract_get_end_date (CmContract *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_END_DATE);
}

int
cm_contract_get_extensions_invoked (CmContract *self)
{
  return cm_entity_get_int (CM_ENTITY (self), PROP_EXTENSIONS_INVOKED);
}

const char *
cm_contract_get_notice_served (CmContract *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_NOTICE_SERVED);
}

/* The term with its taken extensions marked, or NULL (and @error) when
 * the contract has no readable term. */
CmTerm *
cm_contract_get_term (CmContract *self, GError **error)
{
  CmTerm *term = cm_term_parse (cm_entity_get_string (CM_ENTITY (self), PROP_TERM), error);

  if (term)
    cm_term_set_invoked (term, cm_contract_get_extensions_invoked (self));
  return term;
}

/* The recorded end date moved on by the extension just taken, which
 * starts the day after it. */
static void
extend_end_date (CmContract *self, const CmPeriod *extension)
{
  GDate end, start;
  g_autofree char *iso = NULL;

  if (!cm_date_parse_iso (cm_contract_get_end_date (self), &end))
    return;
  start = end;
  g_date_add_days (&start, 1);
  cm_date_period_end (&end, &start, extension);
  iso = cm_date_format_iso (&end);
  g_object_set (self, "end-date", iso, NULL);
}

/* Takes the next extension of the term; an error when none is left. A
 * recorded end date moves with it, since the dates follow that date. */
gboolean
cm_contract_invoke_extension (CmContract *self, GError **error)
{
  g_autoptr(CmTerm) term = cm_contract_get_term (self, error);
  guint taken;

  if (term == NULL)
    return FALSE;
  taken = cm_term_count_invoked (term);
  if (taken >= term->extensions->len)
    return fail (error, _("Contract %s has no extension left to take. Its term is %s."),
                 cm_contract_get_reference (self),
                 cm_entity_get_string (CM_ENTITY (self), PROP_TERM));
  g_object_set (self, "extensions-invoked", cm_contract_get_extensions_invoked (self) + 1, NULL);
  extend_end_date (self, &g_array_index (term->extensions, CmExtension, taken).length);
  return TRUE;
}

void
cm_contract_record_notice_served (CmContract *self, const GDate *date)
{
  g_autofree char *iso = cm_date_format_iso (date);

  g_object_set (self, "notice-served", iso, NULL);
}

const char *
cm_contract_get_notice_period (CmContract *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_NOTICE_PERIOD);
}

const char *
cm_contract_get_provider_name (CmContract *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_PROVIDER_NAME);
}

CmSector
cm_contract_get_provider_sector (CmContract *self)
{
  return cm_entity_get_enum (CM_ENTITY (self), PROP_PROVIDER_SECTOR);
}

const char *
cm_contract_get_service_name (CmContract *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_SERVICE_NAME);
}

const char *
cm_contract_get_decommissioned_on (CmContract *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_DECOMMISSIONED_ON);
}

CmNoticeKind
cm_contract_get_notice_kind (CmContract *self)
{
  return cm_entity_get_enum (CM_ENTITY (self), PROP_NOTICE_KIND);
}

CmContractOutcome
cm_contract_get_outcome (CmContract *self)
{
  return cm_entity_get_enum (CM_ENTITY (self), PROP_OUTCOME);
}

gboolean
cm_contract_get_provider_is_vcse (CmContract *self)
{
  return cm_entity_get_boolean (CM_ENTITY (self), PROP_PROVIDER_IS_VCSE);
}

/* The kind of the service's lead commissioner: council or NHS rules apply. */
CmOrganisationKind
cm_contract_get_commissioner_kind (CmContract *self)
{
  return cm_entity_get_enum (CM_ENTITY (self), PROP_COMMISSIONER_KIND);
}

/* The day the procurement began, or "" when not recorded. */
const char *
cm_contract_get_procurement_began (CmContract *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_PROCUREMENT_BEGAN);
}
