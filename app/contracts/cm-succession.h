/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-succession.h: which organisation is in force on a date, as organisations succeed one another
 *
 * Organisations are replaced: the Leeds clinical commissioning groups by NHS
 * West Yorkshire Integrated Care Board on 1 July 2022. Records keep the
 * organisation they were made with, so history reads as it happened; pages
 * and reports resolve the succession when they are drawn and name the
 * organisation in force with the recorded one beside it.
 */
#pragma once

#include "cm-contract.h"
#include "cm-service.h"
#include "cm-store.h"

G_BEGIN_DECLS

/* One link of a chain: TRUE, with the successor and the day it took over,
 * when organisation @id has been succeeded. */
typedef gboolean (*CmSuccessorLookup) (gpointer data, gint64 id, gint64 *successor,
                                       GDate *on);

/* The organisation that stands for @id on @date: its successor when that
 * took over on or before @date, and that one's in turn. A chain that comes
 * back on itself is not followed at all (@id is returned): the store
 * refuses such chains, but a file edited by other means may hold one. */
gint64   cm_succession_follow       (CmSuccessorLookup lookup, gpointer data, gint64 id,
                                     const GDate *date);

/* cm_succession_follow () over the organisations of @store. */
gint64   cm_succession_in_force     (CmStore *store, gint64 organisation_id, const GDate *date);

/* "NHS West Yorkshire Integrated Care Board (recorded as NHS Leeds CCG)" on
 * a date after the succession, the recorded name alone before it; NULL
 * when @organisation_id names no organisation. */
char    *cm_succession_describe     (CmStore *store, gint64 organisation_id, const GDate *date);

/* The recorded name in a text cm_succession_describe () wrote, such as a
 * workbook's commissioner column read back by an import: "NHS Leeds CCG"
 * from "NHS West Yorkshire Integrated Care Board (recorded as NHS Leeds
 * CCG)"; any other text as it is. */
char    *cm_succession_recorded_name (const char *text);

/* The day a contract's commissioner is resolved on: @today, or the
 * contract's end date when it ended earlier, so that a contract that
 * ended before a succession keeps the organisation it had. */
void     cm_succession_contract_day (CmContract *contract, const GDate *today, GDate *day);

/* The lead commissioner of the service @contract pays for, described as on
 * the contract's day; NULL when there is none. */
char    *cm_succession_contract_commissioner (CmStore *store, CmContract *contract,
                                              const GDate *today);
/* As cm_succession_contract_commissioner (), for a service whose lead
 * commissioner is @lead_commissioner_id, already read. */
char    *cm_succession_contract_lead         (CmStore *store, CmContract *contract,
                                              gint64 lead_commissioner_id, const GDate *today);

/* The lead commissioner of @service, described as on @today. */
char    *cm_succession_service_commissioner  (CmStore *store, CmService *service,
                                              const GDate *today);

/* Refuses making @successor_id succeed organisation @organisation_id
 * (named @name) when the successor's own chain leads back to it. */
gboolean cm_succession_check_chain  (CmStore *store, gint64 organisation_id, const char *name,
                                     gint64 successor_id, GError **error);

G_END_DECLS
