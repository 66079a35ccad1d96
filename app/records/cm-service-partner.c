/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-service-partner.c: a partner commissioner of a service */
#include "cm-service-partner.h"

struct _CmServicePartner
{
  CmEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (CmServicePartner, cm_service_partner, CM_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_SERVICE_ID,
  PROP_ORGANISATION_ID,
  PROP_ORGANISATION_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const CmDerivedColumn derived[] = {
  { "organisation-name", "(SELECT name FROM organisation WHERE id = t.organisation_id)",
    { "organisation" } },
  { NULL }
};

static void
cm_service_partner_class_init (CmServicePartnerClass *klass)
{
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  properties[PROP_SERVICE_ID] = g_param_spec_int64 ("service-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_ORGANISATION_ID] =
    g_param_spec_int64 ("organisation-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_ORGANISATION_NAME] =
    g_param_spec_string ("organisation-name", NULL, NULL, "", rw);
  cm_entity_class_install (CM_ENTITY_CLASS (klass), "service_partner", properties, N_PROPS,
                           derived);
}

static void
cm_service_partner_init (CmServicePartner *self)
{
}

CmServicePartner *
cm_service_partner_new (gint64 service_id, gint64 organisation_id)
{
  return g_object_new (CM_TYPE_SERVICE_PARTNER, "service-id", service_id,
                       "organisation-id", organisation_id, NULL);
}
