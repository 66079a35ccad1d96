/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-procurement-rules.h: the procurement regimes and the notices each route requires, as data */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a notice's due date is counted from. */
typedef enum {
  CM_NOTICE_ANCHOR_START,     /* the contract's start (standing in for the award) */
  CM_NOTICE_ANCHOR_END,       /* the contract's current end */
} CmNoticeAnchor;

typedef struct {
  char           *regime;     /* a regime's nick, "procurement-act-2023" */
  char           *code;       /* "UK7", "PSR-AWARD" */
  char           *title;      /* "Contract details notice" */
  char           *when;       /* "within 30 days of entering into the contract" */
  char          **routes;     /* route nicks the notice applies to */
  gint64          min_total_pence; /* only contracts worth at least this; 0 for all */
  CmNoticeAnchor  anchor;
  int             days;       /* after the anchor; 0 means by that day */
} CmNoticeRule;

typedef struct {
  char   *regime;
  char   *code;
  char   *title;
  char   *when;
  char  **exempt_routes;
  int     exempt_percent;     /* changes this small or smaller need no notice */
} CmChangeNoticeRule;

typedef struct {
  GDate               psr_from;  /* the Provider Selection Regime took effect */
  GDate               act_from;  /* the Procurement Act 2023 took effect */
  GPtrArray          *notices;   /* of CmNoticeRule */
  CmChangeNoticeRule  change;
} CmProcurementRules;

/* Reads rules from XML text in the shipped file's shape, translating their wording. */
CmProcurementRules       *cm_procurement_rules_parse (const char *xml, gssize length,
                                                      GError **error);
void                      cm_procurement_rules_free  (CmProcurementRules *rules);

/* The rules shipped with the application, read once; never NULL (a
 * damaged resource is a build fault, reported as a critical). */
const CmProcurementRules *cm_procurement_rules_get   (void);

/* Whether @route_nick is one of @rule's routes. */
gboolean                  cm_notice_rule_applies_to  (const CmNoticeRule *rule,
                                                      const char *regime_nick,
                                                      const char *route_nick);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmProcurementRules, cm_procurement_rules_free)

G_END_DECLS
