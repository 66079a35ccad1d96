/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-ocds-variations.c: contract variations read from OCDS amendments */
#include <glib/gi18n-lib.h>

#include "cm-contract-variation.h"
#include "cm-date.h"
#include "cm-enums.h"
#include "cm-ocds-notices.h"
#include "cm-ocds-row.h"
#include "cm-ocds-variations.h"
#include "cm-term.h"

void
cm_ocds_variation_free (gpointer data)
{
  CmOcdsVariation *variation = data;

  g_free (variation->made_on);
  g_free (variation->description);
  g_free (variation->reason);
  g_free (variation->term_change);
  g_free (variation->change_notice);
  g_free (variation->change_notice_on);
  g_free (variation);
}

static gboolean
has_text (const char *text)
{
  return text && *text;
}

/* Our extension's kind; else what the amendment changes, by the fields
 * it gives; else scope, the kind that always needs a change notice. */
static int
read_kind (CmJsonCheck *check, JsonObject *amendment, const char *path, gboolean has_value,
           gboolean has_term)
{
  const char *kind = cm_json_string (check, amendment, path, "variationKind", FALSE);
  GEnumClass *kinds;
  GEnumValue *value;
  int found;

  if (kind == NULL)
    return has_value ? CM_VARIATION_KIND_VALUE
                     : has_term ? CM_VARIATION_KIND_TERM : CM_VARIATION_KIND_SCOPE;
  kinds = g_type_class_ref (CM_TYPE_VARIATION_KIND);
  value = g_enum_get_value_by_nick (kinds, kind);
  found = value ? value->value : -1;
  g_type_class_unref (kinds);
  if (found < 0)
    {
      g_autofree char *at = cm_json_path_member (path, "variationKind");

      cm_json_fail (check, at, _("“%s” is not a kind of variation Commissioner can record. Use "
                                 "value, term or scope, or leave it out."), kind);
      return CM_VARIATION_KIND_SCOPE;
    }
  return found;
}

static char *
read_term_change (CmJsonCheck *check, JsonObject *amendment, const char *path)
{
  const char *term = cm_json_string (check, amendment, path, "termChange", FALSE);
  g_autoptr(GError) error = NULL;
  CmPeriod period;

  if (term && *term && !cm_period_parse (term, &period, &error))
    {
      g_autofree char *at = cm_json_path_member (path, "termChange");

      cm_json_fail (check, at, "%s", error->message);
    }
  return g_strdup (term ? term : "");
}

/* The contract's UK10 notice read from the document @id, taken out of
 * @notices into @variation. */
static void
take_change_notice (CmJsonCheck *check, const char *id, const char *path, GPtrArray *notices,
                    CmOcdsVariation *variation)
{
  for (guint i = 0; i < notices->len; i++)
    {
      CmOcdsNotice *notice = g_ptr_array_index (notices, i);

      if (g_strcmp0 (notice->document_id, id) == 0 &&
          g_ascii_strcasecmp (notice->code, "UK10") == 0)
        {
          variation->change_notice = g_strdup (notice->identifier);
          variation->change_notice_on = g_strdup (notice->published_on);
          g_ptr_array_remove_index (notices, i);
          return;
        }
    }
  cm_json_fail (check, path, _("no document of this contract with the notice type UK10 has the "
                               "id “%s”. Add the change notice to the contract’s documents, or "
                               "leave changeNoticeID out."), id);
}

static CmOcdsVariation *
read_amendment (CmJsonCheck *check, JsonObject *amendment, const char *path, GPtrArray *notices)
{
  g_autofree char *notice_path = cm_json_path_member (path, "changeNoticeID");
  g_autofree char *notice_id = cm_json_id (check, amendment, path, "changeNoticeID", FALSE);
  const char *rationale = cm_json_string (check, amendment, path, "rationale", FALSE);
  const char *description = cm_json_string (check, amendment, path, "description", FALSE);
  CmOcdsVariation *variation = g_new0 (CmOcdsVariation, 1);
  gboolean has_value;
  GDate made;

  g_free (cm_json_id (check, amendment, path, "id", FALSE));
  if (cm_json_date (check, amendment, path, "date", &made))
    variation->made_on = cm_date_format_iso (&made);
  else if (cm_json_check_ok (check))
    {
      g_autofree char *at = cm_json_path_member (path, "date");

      cm_json_fail (check, at, _("the amendment has no date. A variation is recorded on the day "
                                 "it was made: give its date, or leave the amendment out."));
    }
  if (cm_json_check_ok (check) && !has_text (rationale) && !has_text (description))
    cm_json_fail (check, path, _("the amendment has neither a description nor a rationale. A "
                                 "variation records what it changes and why: give either."));
  variation->description = g_strdup (has_text (description) ? description : rationale);
  variation->reason = g_strdup (has_text (rationale) ? rationale : description);
  has_value = cm_ocds_value_read (check, amendment, path, "valueChange", &variation->value_change);
  variation->term_change = read_term_change (check, amendment, path);
  variation->kind = read_kind (check, amendment, path, has_value,
                               variation->term_change[0] != '\0');
  if (notice_id && cm_json_check_ok (check))
    take_change_notice (check, notice_id, notice_path, notices, variation);
  if (variation->change_notice == NULL)
    {
      variation->change_notice = g_strdup ("");
      variation->change_notice_on = g_strdup ("");
    }
  return variation;
}

void
cm_ocds_variations_read (CmJsonCheck *check, JsonObject *contract, const char *path,
                         GPtrArray *contract_notices, GPtrArray *variations)
{
  g_autofree char *list_path = cm_json_path_member (path, "amendments");
  JsonArray *amendments = contract ? cm_json_array (check, contract, path, "amendments", FALSE)
                                   : NULL;

  for (guint i = 0; amendments && i < json_array_get_length (amendments); i++)
    {
      g_autofree char *item_path = cm_json_path_index (list_path, i);
      JsonObject *amendment = cm_json_element_object (check, amendments, list_path, i);

      if (amendment == NULL || !cm_json_check_ok (check))
        return;
      g_ptr_array_add (variations, read_amendment (check, amendment, item_path, contract_notices));
    }
}

/* ---- writing ------------------------------------------------------------ */

static gboolean
same_variation (const char *made_on, const char *description, const CmOcdsVariation *other)
{
  return g_str_equal (made_on, other->made_on) && g_str_equal (description, other->description);
}

static gboolean
recorded_already (GListModel *recorded, GPtrArray *added, const CmOcdsVariation *variation)
{
  for (guint i = 0; i < g_list_model_get_n_items (recorded); i++)
    {
      g_autoptr(CmContractVariation) had = g_list_model_get_item (recorded, i);

      if (same_variation (cm_contract_variation_get_made_on (had),
                          cm_contract_variation_get_description (had), variation))
        return TRUE;
    }
  for (guint i = 0; i < added->len; i++)
    {
      const CmOcdsVariation *other = g_ptr_array_index (added, i);

      if (same_variation (other->made_on, other->description, variation))
        return TRUE;
    }
  return FALSE;
}

gboolean
cm_ocds_variations_write (CmStore *store, CmContract *contract, GPtrArray *variations,
                          GError **error)
{
  gint64 id = cm_entity_get_id (CM_ENTITY (contract));
  g_autoptr(GListModel) recorded = NULL;
  g_autoptr(GPtrArray) added = g_ptr_array_new ();

  if (variations == NULL || variations->len == 0)
    return TRUE;
  recorded = cm_store_list_where_id (store, CM_TYPE_CONTRACT_VARIATION, "contract-id", id);
  for (guint i = 0; i < variations->len; i++)
    {
      CmOcdsVariation *v = g_ptr_array_index (variations, i);
      g_autoptr(CmContractVariation) record = NULL;

      if (recorded_already (recorded, added, v))
        continue;
      record = cm_contract_variation_new (id, v->made_on, v->kind, v->description, v->reason);
      g_object_set (record, "value-change", v->value_change, "term-change", v->term_change,
                    "change-notice", v->change_notice, "change-notice-on", v->change_notice_on,
                    NULL);
      if (!cm_store_insert_listed (store, CM_ENTITY (record), error))
        return FALSE;
      g_ptr_array_add (added, v);
    }
  return TRUE;
}
