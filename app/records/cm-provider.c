/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-provider.c: an organisation that delivers services under contract */
#include <glib/gi18n-lib.h>

#include "cm-provider.h"

struct _CmProvider
{
  CmEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (CmProvider, cm_provider, CM_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_NAME,
  PROP_SECTOR,
  PROP_SECTOR_AS_WRITTEN,
  PROP_CHARITY_NUMBER,
  PROP_COMPANY_NUMBER,
  PROP_IS_SME,
  PROP_IS_VCSE,
  PROP_ANNUAL_INCOME,
  PROP_CONTRACT_COUNT,
  PROP_ANNUAL_VALUE,
  PROP_SEARCH_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const CmDerivedColumn derived[] = {
  { "contract-count", "(SELECT count(*) FROM contract WHERE provider_id = t.id)",
    { "contract" }, { "t.id = :provider_id" } },
  { "annual-value",
    "(SELECT coalesce(sum(annual_value), 0) FROM contract WHERE provider_id = t.id)",
    { "contract" }, { "t.id = :provider_id" } },
  { "search-text", "cm_fold(t.name || ' ' || t.charity_number || ' ' || t.company_number)",
    { "provider" }, { "t.id = :id" } },
  { NULL }
};

static gboolean
cm_provider_validate (CmEntity *entity, GError **error)
{
  return cm_entity_require_text (cm_provider_get_name (CM_PROVIDER (entity)),
                                 _("The provider’s name"), error);
}

static void
cm_provider_class_init (CmProviderClass *klass)
{
  CmEntityClass *entity_class = CM_ENTITY_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  entity_class->validate = cm_provider_validate;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", rw);
  properties[PROP_SECTOR] =
    g_param_spec_enum ("sector", NULL, NULL, CM_TYPE_SECTOR, CM_SECTOR_THIRD_SECTOR, rw);
  /* The sector as an imported register named it, when it matched none. */
  properties[PROP_SECTOR_AS_WRITTEN] =
    g_param_spec_string ("sector-as-written", NULL, NULL, "", rw);
  properties[PROP_CHARITY_NUMBER] = g_param_spec_string ("charity-number", NULL, NULL, "", rw);
  properties[PROP_COMPANY_NUMBER] = g_param_spec_string ("company-number", NULL, NULL, "", rw);
  properties[PROP_IS_SME] = g_param_spec_boolean ("is-sme", NULL, NULL, FALSE, rw);
  properties[PROP_IS_VCSE] = g_param_spec_boolean ("is-vcse", NULL, NULL, FALSE, rw);
  properties[PROP_ANNUAL_INCOME] =
    g_param_spec_int64 ("annual-income", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_CONTRACT_COUNT] =
    g_param_spec_int ("contract-count", NULL, NULL, 0, G_MAXINT, 0, rw);
  properties[PROP_ANNUAL_VALUE] =
    g_param_spec_int64 ("annual-value", NULL, NULL, G_MININT64, G_MAXINT64, 0, rw);
  properties[PROP_SEARCH_TEXT] = g_param_spec_string ("search-text", NULL, NULL, "", rw);
  cm_entity_class_install (entity_class, "provider", properties, N_PROPS, derived);
}

static void
cm_provider_init (CmProvider *self)
{
}

CmProvider *
cm_provider_new (const char *name, CmSector sector)
{
  return g_object_new (CM_TYPE_PROVIDER, "name", name, "sector", sector, NULL);
}

const char *
cm_provider_get_name (CmProvider *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_NAME);
}

CmSector
cm_provider_get_sector (CmProvider *self)
{
  return cm_entity_get_enum (CM_ENTITY (self), PROP_SECTOR);
}

const char *
cm_provider_get_sector_as_written (CmProvider *self)
{
  return cm_entity_get_string (CM_ENTITY (self), PROP_SECTOR_AS_WRITTEN);
}

gboolean
cm_provider_get_is_sme (CmProvider *self)
{
  return cm_entity_get_boolean (CM_ENTITY (self), PROP_IS_SME);
}

gint64
cm_provider_get_annual_income (CmProvider *self)
{
  return cm_entity_get_int64 (CM_ENTITY (self), PROP_ANNUAL_INCOME);
}

gint64
cm_provider_get_annual_value (CmProvider *self)
{
  return cm_entity_get_int64 (CM_ENTITY (self), PROP_ANNUAL_VALUE);
}

/* The share of the provider's income that its contracts with us make, in
 * per cent, or -1 when its income is not known. */
double
cm_provider_get_dependency (CmProvider *self)
{
  gint64 income = cm_provider_get_annual_income (self);

  return income > 0 ? 100.0 * cm_provider_get_annual_value (self) / income : -1;
}

gboolean
cm_provider_get_is_vcse (CmProvider *self)
{
  return cm_entity_get_boolean (CM_ENTITY (self), PROP_IS_VCSE);
}
