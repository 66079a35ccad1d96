/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-ocds-route.c: our procurement routes in the OCDS method codelist */
#include "cm-ocds-route.h"

static const struct {
  CmProcurementRoute route;
  const char *method;
} methods[] = {
  { CM_PROCUREMENT_ROUTE_OPEN, "open" },
  { CM_PROCUREMENT_ROUTE_RESTRICTED, "selective" },
  /* Suppliers pass a selection stage before they may tender. */
  { CM_PROCUREMENT_ROUTE_COMPETITIVE_FLEXIBLE, "selective" },
  /* Only the framework's suppliers are invited to a call-off. */
  { CM_PROCUREMENT_ROUTE_FRAMEWORK, "limited" },
  { CM_PROCUREMENT_ROUTE_QUOTATION, "limited" },
  { CM_PROCUREMENT_ROUTE_DIRECT_AWARD, "direct" },
};

const char *
cm_ocds_route_method (CmProcurementRoute route)
{
  for (gsize i = 0; i < G_N_ELEMENTS (methods); i++)
    if (methods[i].route == route)
      return methods[i].method;
  return NULL;
}

/* The first route of each method, the plainest reading of it. */
const char *
cm_ocds_route_from_method (const char *method)
{
  for (gsize i = 0; i < G_N_ELEMENTS (methods); i++)
    if (g_strcmp0 (methods[i].method, method) == 0)
      return cm_enum_to_nick (CM_TYPE_PROCUREMENT_ROUTE, methods[i].route);
  return NULL;
}
