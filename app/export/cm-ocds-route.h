/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-ocds-route.h: our procurement routes in the OCDS method codelist
 *
 * OCDS's closed codelist has four methods (open, selective, limited,
 * direct); our routes are finer, so the route itself travels as
 * procurementMethodDetails (its label) and in the extension's
 * procurementRoute (its stable nick). A route that none of the four
 * describes faithfully (light touch, the Provider Selection Regime,
 * grants, other) has no method rather than a wrong one.
 */
#pragma once

#include "cm-enums.h"

G_BEGIN_DECLS

/* The OCDS method code, or NULL when none fits. */
const char *cm_ocds_route_method (CmProcurementRoute route);
/* The nick of the route an OCDS method code implies, or NULL. */
const char *cm_ocds_route_from_method (const char *method);

G_END_DECLS
