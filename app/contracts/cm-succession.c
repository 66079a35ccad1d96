/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-succession.c: which organisation is in force on a date, as organisations succeed one another */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "cm-date.h"
#include "cm-organisation.h"
#include "cm-succession.h"

gint64
cm_succession_follow (CmSuccessorLookup lookup, gpointer data, gint64 id, const GDate *date)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gint64 current = id;
  gint64 successor;
  GDate on;

  g_hash_table_add (seen, g_memdup2 (&current, sizeof current));
  while (current != 0 && lookup (data, current, &successor, &on) && successor != 0 &&
         g_date_valid (&on) && g_date_compare (&on, date) <= 0)
    {
      if (g_hash_table_contains (seen, &successor))
        return id;
      current = successor;
      g_hash_table_add (seen, g_memdup2 (&current, sizeof current));
    }
  return current;
}

static CmOrganisation *
find (CmStore *store, gint64 id)
{
  CmEntity *found = id ? cm_store_find (store, CM_TYPE_ORGANISATION, id) : NULL;

  return found ? CM_ORGANISATION (found) : NULL;
}

static gboolean
store_lookup (gpointer data, gint64 id, gint64 *successor, GDate *on)
{
  CmOrganisation *organisation = find (data, id);

  g_date_clear (on, 1);
  if (organisation == NULL)
    return FALSE;
  *successor = cm_organisation_get_succeeded_by_id (organisation);
  return *successor != 0 &&
         cm_date_parse_iso (cm_organisation_get_succeeded_on (organisation), on);
}

gint64
cm_succession_in_force (CmStore *store, gint64 organisation_id, const GDate *date)
{
  return cm_succession_follow (store_lookup, store, organisation_id, date);
}

char *
cm_succession_describe (CmStore *store, gint64 organisation_id, const GDate *date)
{
  CmOrganisation *recorded = find (store, organisation_id);
  CmOrganisation *in_force;

  if (recorded == NULL)
    return NULL;
  in_force = find (store, cm_succession_in_force (store, organisation_id, date));
  if (in_force == NULL || in_force == recorded)
    return g_strdup (cm_organisation_get_name (recorded));
  /* TRANSLATORS: the organisation in force, then the one the record was made with. */
  return g_strdup_printf (_("%s (recorded as %s)"), cm_organisation_get_name (in_force),
                          cm_organisation_get_name (recorded));
}

/* The recorded name in @text written by @format ("%s (recorded as %s)"
 * or a translation of it), or NULL when @text is not written so. */
static char *
recorded_in (const char *text, const char *format)
{
  const char *first = strstr (format, "%s");
  const char *second = first ? strstr (first + 2, "%s") : NULL;
  g_autofree char *before = NULL;
  g_autofree char *middle = NULL;
  const char *after;
  const char *at;
  gsize length = strlen (text);

  if (second == NULL)
    return NULL;
  before = g_strndup (format, first - format);
  middle = g_strndup (first + 2, second - first - 2);
  after = second + 2;
  if (*middle == '\0' || !g_str_has_prefix (text, before) || !g_str_has_suffix (text, after))
    return NULL;
  /* The last one: a successor's own name may hold the words. */
  at = g_strrstr_len (text, length - strlen (after), middle);
  if (at == NULL || at == text + strlen (before))
    return NULL;
  at += strlen (middle);
  if (at >= text + length - strlen (after))
    return NULL;
  return g_strndup (at, text + length - strlen (after) - at);
}

char *
cm_succession_recorded_name (const char *text)
{
  /* TRANSLATORS: must match the "(recorded as" text above. */
  char *recorded = recorded_in (text, _("%s (recorded as %s)"));

  /* A workbook written in another language reads too. */
  if (recorded == NULL)
    recorded = recorded_in (text, "%s (recorded as %s)");
  return recorded ? recorded : g_strdup (text);
}

void
cm_succession_contract_day (CmContract *contract, const GDate *today, GDate *day)
{
  GDate end;

  *day = *today;
  if (cm_date_parse_iso (cm_contract_get_end_date (contract), &end) &&
      g_date_compare (&end, today) < 0)
    *day = end;
}

char *
cm_succession_contract_commissioner (CmStore *store, CmContract *contract, const GDate *today)
{
  CmEntity *service = cm_store_find (store, CM_TYPE_SERVICE,
                                     cm_contract_get_service_id (contract));

  if (service == NULL)
    return NULL;
  return cm_succession_contract_lead (store, contract,
                                      cm_service_get_lead_commissioner_id (CM_SERVICE (service)),
                                      today);
}

char *
cm_succession_contract_lead (CmStore *store, CmContract *contract, gint64 lead_commissioner_id,
                             const GDate *today)
{
  GDate day;

  cm_succession_contract_day (contract, today, &day);
  return cm_succession_describe (store, lead_commissioner_id, &day);
}

char *
cm_succession_service_commissioner (CmStore *store, CmService *service, const GDate *today)
{
  return cm_succession_describe (store, cm_service_get_lead_commissioner_id (service), today);
}

gboolean
cm_succession_check_chain (CmStore *store, gint64 organisation_id, const char *name,
                           gint64 successor_id, GError **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  CmOrganisation *successor = find (store, successor_id);
  gint64 id = successor_id;

  /* Every link counts, whatever its date: a loop leaves no organisation in
   * force at its end. A loop further on that does not pass through this
   * organisation is not this change's doing; the walk stops there. */
  while (id != 0 && organisation_id != 0 && !g_hash_table_contains (seen, &id))
    {
      CmOrganisation *link = find (store, id);

      if (id == organisation_id)
        {
          g_set_error (error, CM_ENTITY_ERROR, CM_ENTITY_ERROR_INVALID,
                       _("“%s” cannot be succeeded by “%s”, whose own successors lead back to "
                         "“%s”. Choose the organisation that took over from it."),
                       name, successor ? cm_organisation_get_name (successor) : "", name);
          return FALSE;
        }
      if (link == NULL)
        break;
      g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
      id = cm_organisation_get_succeeded_by_id (link);
    }
  return TRUE;
}
