/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-eia-process.c: starting, screening, signing off and versioning EIAs */
#include <glib/gi18n-lib.h>

#include "cm-characteristic.h"
#include "cm-date.h"
#include "cm-eia-process.h"
#include "cm-service.h"

static gboolean
is_blank (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  return *stripped == '\0';
}

static gint
by_position (gconstpointer a, gconstpointer b)
{
  GObject *x = *(GObject **) a, *y = *(GObject **) b;
  int px, py;

  g_object_get (x, "position", &px, NULL);
  g_object_get (y, "position", &py, NULL);
  return px - py;
}

/* The records of @type whose @property equals @id, in list order. */
static GPtrArray *
children (CmStore *store, GType type, const char *property, gint64 id)
{
  GListModel *all = cm_store_list (store, type);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (all, i);
      gint64 parent;

      g_object_get (item, property, &parent, NULL);
      if (parent == id)
        g_ptr_array_add (found, g_steal_pointer (&item));
    }
  return found;
}

GPtrArray *
cm_eia_characteristics (CmStore *store, gint64 eia_id)
{
  GPtrArray *list = children (store, CM_TYPE_EIA_CHARACTERISTIC, "eia-id", eia_id);

  g_ptr_array_sort (list, by_position);
  return list;
}

GPtrArray *
cm_eia_mitigations (CmStore *store, gint64 characteristic_id)
{
  return children (store, CM_TYPE_EIA_MITIGATION, "characteristic-id", characteristic_id);
}

static gboolean
save_all (CmStore *store, GPtrArray *entities, GError **error)
{
  for (guint i = 0; i < entities->len; i++)
    if (!cm_store_save (store, g_ptr_array_index (entities, i), error))
      return FALSE;
  return TRUE;
}

gboolean
cm_eia_create (CmStore *store, CmEia *draft, GError **error)
{
  CmEntity *service = cm_store_find (store, CM_TYPE_SERVICE, cm_eia_get_service_id (draft));
  GListModel *list = cm_store_list (store, CM_TYPE_CHARACTERISTIC);
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) source = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (cm_entity_get_id (CM_ENTITY (draft)) == 0, FALSE);

  if (service)
    g_object_set (draft, "cycle", cm_service_get_cycle (CM_SERVICE (service)), NULL);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (source, g_list_model_get_item (list, i));
  g_ptr_array_sort (source, by_position);
  if (!cm_store_begin (store, error))
    return FALSE;
  if (!cm_store_save (store, CM_ENTITY (draft), error))
    goto failed;
  for (guint i = 0; i < source->len; i++)
    g_ptr_array_add (copies,
                     g_object_new (CM_TYPE_EIA_CHARACTERISTIC,
                                   "eia-id", cm_entity_get_id (CM_ENTITY (draft)), "position", i,
                                   "name", cm_characteristic_get_name (g_ptr_array_index (source, i)),
                                   NULL));
  if (!save_all (store, copies, error) || !cm_store_commit (store, error))
    goto failed;
  return TRUE;

failed:
  cm_store_rollback (store);
  return FALSE;
}

/* ---- sign-off --------------------------------------------------------- */

static void
add_problem (GPtrArray *problems, char *text)
{
  g_ptr_array_add (problems, text);
}

static void
screening_problems (GPtrArray *problems, CmEiaCharacteristic *c)
{
  const char *name = cm_eia_characteristic_get_name (c);

  if (cm_eia_characteristic_get_relevance (c) == CM_RELEVANCE_UNANSWERED)
    add_problem (problems, g_strdup_printf (_("Screen “%s”: say whether it is relevant."), name));
  else if (is_blank (cm_eia_characteristic_get_screening_reason (c)) &&
           cm_eia_characteristic_get_relevance (c) == CM_RELEVANCE_RELEVANT)
    /* Translators: a protected characteristic screened as relevant, "Age" */
    add_problem (problems, g_strdup_printf (_("Give the reason “%s” is relevant."), name));
  else if (is_blank (cm_eia_characteristic_get_screening_reason (c)))
    /* Translators: a protected characteristic screened as not relevant, "Age" */
    add_problem (problems, g_strdup_printf (_("Give the reason “%s” is not relevant."), name));
}

static gboolean has_planned_action (GPtrArray *actions);

static void
assessment_problems (GPtrArray *problems, CmStore *store, CmEiaCharacteristic *c)
{
  const char *name = cm_eia_characteristic_get_name (c);
  g_autoptr(GPtrArray) mitigations = NULL;

  if (cm_eia_characteristic_get_relevance (c) != CM_RELEVANCE_RELEVANT)
    return;
  if (is_blank (cm_eia_characteristic_get_evidence (c)))
    add_problem (problems, g_strdup_printf (_("Give the evidence for the impact on “%s”."),
                                            name));
  mitigations = cm_eia_mitigations (store, cm_entity_get_id (CM_ENTITY (c)));
  if (cm_eia_characteristic_get_impact (c) == CM_IMPACT_NEGATIVE && mitigations->len == 0)
    add_problem (problems,
                 g_strdup_printf (_("Plan at least one action to mitigate the negative impact "
                                    "on “%s”."), name));
  if (cm_eia_characteristic_get_impact (c) == CM_IMPACT_UNKNOWN &&
      !has_planned_action (mitigations))
    add_problem (problems,
                 g_strdup_printf (_("The impact on “%s” is unknown: plan an action to gather "
                                    "the evidence, with an owner and a due date."), name));
}

/* Whether one of @actions (of CmEiaMitigation) has an owner and a due date. */
static gboolean
has_planned_action (GPtrArray *actions)
{
  for (guint i = 0; i < actions->len; i++)
    {
      CmEiaMitigation *m = g_ptr_array_index (actions, i);

      if (!is_blank (cm_eia_mitigation_get_owner (m)) &&
          !is_blank (cm_eia_mitigation_get_due_date (m)))
        return TRUE;
    }
  return FALSE;
}

/* An action nobody owns, or with no date, is a wish rather than a plan. */
static void
action_problems (GPtrArray *problems, CmStore *store, CmEiaCharacteristic *c)
{
  g_autoptr(GPtrArray) actions = cm_eia_mitigations (store, cm_entity_get_id (CM_ENTITY (c)));
  const char *name = cm_eia_characteristic_get_name (c);

  for (guint i = 0; i < actions->len; i++)
    {
      CmEiaMitigation *m = g_ptr_array_index (actions, i);
      const char *what = cm_eia_mitigation_get_description (m);

      if (is_blank (cm_eia_mitigation_get_owner (m)))
        add_problem (problems, g_strdup_printf (_("Give the action “%s” for “%s” an owner."),
                                                what, name));
      if (is_blank (cm_eia_mitigation_get_due_date (m)))
        add_problem (problems, g_strdup_printf (_("Give the action “%s” for “%s” a due date."),
                                                what, name));
    }
}

GPtrArray *
cm_eia_problems (CmStore *store, CmEia *eia)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) list = cm_eia_characteristics (store, cm_entity_get_id (CM_ENTITY (eia)));
  CmEiaOutcome outcome = cm_eia_get_outcome (eia);

  if (cm_eia_get_author_id (eia) == 0)
    add_problem (problems, g_strdup (_("Choose the EIA’s author from the commissioning staff.")));
  for (guint i = 0; i < list->len; i++)
    screening_problems (problems, g_ptr_array_index (list, i));
  if (outcome == CM_EIA_OUTCOME_UNDECIDED)
    add_problem (problems, g_strdup (_("Record the screening outcome: is a full assessment "
                                       "needed?")));
  else if (is_blank (cm_eia_get_outcome_reason (eia)))
    add_problem (problems, g_strdup (_("Give the reason for the screening outcome.")));
  if (outcome == CM_EIA_OUTCOME_FULL_ASSESSMENT)
    for (guint i = 0; i < list->len; i++)
      assessment_problems (problems, store, g_ptr_array_index (list, i));
  for (guint i = 0; i < list->len; i++)
    action_problems (problems, store, g_ptr_array_index (list, i));
  return problems;
}

static void
training_warning (GPtrArray *warnings, CmStore *store, gint64 staff_id, gboolean is_author,
                  const GDate *today)
{
  CmStaff *staff = CM_STAFF (cm_store_find (store, CM_TYPE_STAFF, staff_id));
  GDate due;

  if (staff == NULL)
    return;
  switch (cm_staff_training (staff, today, &due))
    {
    case CM_TRAINING_MISSING:
      g_ptr_array_add (warnings, g_strdup_printf (is_author
                                                  /* Translators: a member of staff's name */
                                                  ? _("%s, the author, has no EIA training "
                                                      "recorded.")
                                                  /* Translators: a member of staff's name */
                                                  : _("%s, the signatory, has no EIA training "
                                                      "recorded."),
                                                  cm_staff_get_name (staff)));
      break;
    case CM_TRAINING_OUT_OF_DATE:
      {
        g_autofree char *when = cm_date_to_long (&due);

        g_ptr_array_add (warnings,
                         g_strdup_printf (is_author
                                          /* Translators: a member of staff's name, then
                                           * the date, "1 December 2026" */
                                          ? _("%s, the author, was due an EIA training "
                                              "refresher on %s.")
                                          /* Translators: a member of staff's name, then
                                           * the date, "1 December 2026" */
                                          : _("%s, the signatory, was due an EIA training "
                                              "refresher on %s."),
                                          cm_staff_get_name (staff), when));
      }
      break;
    case CM_TRAINING_CURRENT:
    default:
      break;
    }
}

GPtrArray *
cm_eia_training_warnings (CmStore *store, CmEia *eia, gint64 signatory_id, const GDate *today)
{
  GPtrArray *warnings = g_ptr_array_new_with_free_func (g_free);

  training_warning (warnings, store, cm_eia_get_author_id (eia), TRUE, today);
  if (signatory_id != cm_eia_get_author_id (eia))
    training_warning (warnings, store, signatory_id, FALSE, today);
  return warnings;
}

/* The signatory checks the author's work, so cannot be the author. */
char *
cm_eia_signatory_problem (CmStore *store, CmEia *eia, gint64 signatory_id)
{
  CmEntity *staff = NULL;

  if (signatory_id == 0 || signatory_id != cm_eia_get_author_id (eia))
    return NULL;
  staff = cm_store_find (store, CM_TYPE_STAFF, signatory_id);
  if (staff == NULL)
    return g_strdup (_("The author wrote this EIA, so cannot also sign it off. Choose another "
                       "member of staff to sign it."));
  /* Translators: the author's name */
  return g_strdup_printf (_("%s wrote this EIA, so cannot also sign it off. Choose another "
                            "member of staff to sign it."), cm_staff_get_name (CM_STAFF (staff)));
}

static char *
sentences (GPtrArray *lines)
{
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

gboolean
cm_eia_sign_off (CmStore *store, CmEia *eia, gint64 signatory_id, const char *role,
                 const GDate *today, const char *override_reason, GError **error)
{
  g_autoptr(GPtrArray) problems = cm_eia_problems (store, eia);
  g_autoptr(GPtrArray) warnings = cm_eia_training_warnings (store, eia, signatory_id, today);
  g_autoptr(CmEntity) draft = NULL;
  g_autofree char *on = cm_date_format_iso (today);

  if (signatory_id == 0)
    g_ptr_array_insert (problems, 0, g_strdup (_("Choose who signs the EIA off.")));
  else if (cm_eia_get_author_id (eia) == signatory_id)
    g_ptr_array_insert (problems, 0, cm_eia_signatory_problem (store, eia, signatory_id));
  if (problems->len > 0)
    {
      g_autofree char *list = sentences (problems);

      g_set_error (error, CM_EIA_ERROR, CM_EIA_ERROR_INCOMPLETE,
                   /* Translators: then what is still to do, a sentence a line */
                   _("The EIA is not ready to sign off:\n%s"), list);
      return FALSE;
    }
  if (warnings->len > 0 && is_blank (override_reason))
    {
      g_autofree char *list = sentences (warnings);

      g_set_error (error, CM_EIA_ERROR, CM_EIA_ERROR_TRAINING,
                   /* Translators: the training warnings, a sentence a line, then
                    * what to do about them */
                   _("%s\nArrange the training, or give a reason to sign off anyway."), list);
      return FALSE;
    }
  draft = cm_entity_copy (CM_ENTITY (eia));
  g_object_set (draft, "signed", TRUE, "signatory-id", signatory_id, "signatory-role", role,
                "signed-on", on, "training-override",
                warnings->len > 0 ? override_reason : "", NULL);
  return cm_store_save (store, draft, error);
}

/* ---- versions --------------------------------------------------------- */

static gboolean
copy_mitigations (CmStore *store, gint64 from_id, gint64 to_id, GError **error)
{
  g_autoptr(GPtrArray) mitigations = cm_eia_mitigations (store, from_id);

  for (guint i = 0; i < mitigations->len; i++)
    {
      g_autoptr(CmEntity) copy = cm_entity_copy (g_ptr_array_index (mitigations, i));

      cm_entity_set_id (copy, 0);
      g_object_set (copy, "characteristic-id", to_id, "effectiveness", 0,
                    "effectiveness-note", "", NULL);
      if (!cm_store_save (store, copy, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
copy_characteristics (CmStore *store, CmEia *from, CmEia *to, GError **error)
{
  g_autoptr(GPtrArray) list = cm_eia_characteristics (store, cm_entity_get_id (CM_ENTITY (from)));

  for (guint i = 0; i < list->len; i++)
    {
      CmEntity *original = g_ptr_array_index (list, i);
      g_autoptr(CmEntity) copy = cm_entity_copy (original);

      cm_entity_set_id (copy, 0);
      g_object_set (copy, "eia-id", cm_entity_get_id (CM_ENTITY (to)),
                    "happened", CM_HAPPENED_NOT_REVIEWED, NULL);
      if (!cm_store_save (store, copy, error) ||
          !copy_mitigations (store, cm_entity_get_id (original), cm_entity_get_id (copy), error))
        return FALSE;
    }
  return TRUE;
}

CmEia *
cm_eia_new_version (CmStore *store, CmEia *eia, GError **error)
{
  g_autoptr(CmEia) next = CM_EIA (cm_entity_copy (CM_ENTITY (eia)));

  if (!cm_eia_get_signed (eia))
    {
      g_set_error (error, CM_EIA_ERROR, CM_EIA_ERROR_INCOMPLETE,
                   _("Version %d is still a draft: change it directly."),
                   cm_eia_get_version (eia));
      return NULL;
    }
  cm_entity_set_id (CM_ENTITY (next), 0);
  g_object_set (next, "version", cm_eia_get_version (eia) + 1,
                "previous-id", cm_entity_get_id (CM_ENTITY (eia)), "signed", FALSE,
                "signatory-id", (gint64) 0, "signatory-role", "", "signed-on", "",
                "training-override", "", "reviewed-on", "", "unpredicted-impacts", "",
                "lessons", "", "lessons-shared-with", "", NULL);
  if (!cm_store_begin (store, error))
    return NULL;
  if (!cm_store_save (store, CM_ENTITY (next), error) ||
      !copy_characteristics (store, eia, next, error) || !cm_store_commit (store, error))
    {
      cm_store_rollback (store);
      return NULL;
    }
  return g_steal_pointer (&next);
}

/* ---- differences ------------------------------------------------------ */

typedef struct {
  const char *property;
  const char *title;
} Field;

static char *
shown (GObject *object, const char *property)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, pspec->value_type);
  g_object_get_property (object, property, &value);
  if (G_VALUE_HOLDS_ENUM (&value))
    return g_strdup (cm_enum_to_label (pspec->value_type, g_value_get_enum (&value)));
  if (G_VALUE_HOLDS_BOOLEAN (&value))
    return g_strdup (g_value_get_boolean (&value) ? _("yes") : _("no"));
  return g_strdup_value_contents (&value);
}

/* One line per field that differs: "Decision: Reduce → Cease", or with
 * the characteristic it belongs to, "Age, impact: Neutral → Negative". */
static void
compare (GPtrArray *lines, const char *characteristic, GObject *older, GObject *newer,
         const Field *fields, guint n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *before = shown (older, fields[i].property);
      g_autofree char *after = shown (newer, fields[i].property);

      if (g_strcmp0 (before, after) == 0)
        continue;
      if (characteristic)
        /* Translators: a characteristic, one of its fields, and that field's
         * value before and after: "Age, impact: Neutral → Negative" */
        g_ptr_array_add (lines, g_strdup_printf (_("%s, %s: %s → %s"), characteristic,
                                                 _(fields[i].title), before, after));
      else
        /* Translators: a field, and its value before and after: "Decision:
         * Reduce → Cease" */
        g_ptr_array_add (lines, g_strdup_printf (_("%s: %s → %s"), _(fields[i].title), before,
                                                 after));
    }
}

static const Field eia_fields[] = {
  { "decision", N_("Decision") }, { "proposal", N_("Proposal") },
  { "aim-discrimination", N_("Aim: eliminate discrimination") },
  { "aim-opportunity", N_("Aim: advance equality of opportunity") },
  { "aim-relations", N_("Aim: foster good relations") },
  { "outcome", N_("Screening outcome") }, { "outcome-reason", N_("Reason for the outcome") },
};

static const Field characteristic_fields[] = {
  { "relevance", N_("relevance") }, { "screening-reason", N_("screening reason") },
  { "impact", N_("impact") }, { "evidence", N_("evidence") },
};

static guint
mitigation_count (CmStore *store, CmEntity *characteristic)
{
  g_autoptr(GPtrArray) list = cm_eia_mitigations (store, cm_entity_get_id (characteristic));

  return list->len;
}

GPtrArray *
cm_eia_differences (CmStore *store, CmEia *older, CmEia *newer)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) before = cm_eia_characteristics (store, cm_entity_get_id (CM_ENTITY (older)));
  g_autoptr(GPtrArray) after = cm_eia_characteristics (store, cm_entity_get_id (CM_ENTITY (newer)));

  compare (lines, NULL, G_OBJECT (older), G_OBJECT (newer), eia_fields, G_N_ELEMENTS (eia_fields));
  for (guint i = 0; i < after->len; i++)
    {
      CmEiaCharacteristic *now = g_ptr_array_index (after, i);
      const char *name = cm_eia_characteristic_get_name (now);

      for (guint j = 0; j < before->len; j++)
        {
          CmEiaCharacteristic *then = g_ptr_array_index (before, j);
          guint n_then, n_now;

          if (g_strcmp0 (cm_eia_characteristic_get_name (then), name) != 0)
            continue;
          compare (lines, name, G_OBJECT (then), G_OBJECT (now), characteristic_fields,
                   G_N_ELEMENTS (characteristic_fields));
          n_then = mitigation_count (store, CM_ENTITY (then));
          n_now = mitigation_count (store, CM_ENTITY (now));
          if (n_then != n_now)
            /* Translators: a characteristic, and how many actions mitigate its
             * impact before and after: "Age, mitigating actions: 1 → 2" */
            g_ptr_array_add (lines, g_strdup_printf (_("%s, mitigating actions: %u → %u"), name,
                                                     n_then, n_now));
        }
    }
  return lines;
}

gboolean
cm_eia_signed_for_cycle (CmStore *store, gint64 service_id, int cycle)
{
  g_autoptr(GPtrArray) eias = children (store, CM_TYPE_EIA, "service-id", service_id);

  for (guint i = 0; i < eias->len; i++)
    {
      CmEia *eia = g_ptr_array_index (eias, i);

      if (cm_eia_get_cycle (eia) == cycle && cm_eia_get_signed (eia))
        return TRUE;
    }
  return FALSE;
}

gboolean
cm_eia_reviewed_for_cycle (CmStore *store, gint64 service_id, int cycle)
{
  g_autoptr(GPtrArray) eias = children (store, CM_TYPE_EIA, "service-id", service_id);

  for (guint i = 0; i < eias->len; i++)
    {
      CmEia *eia = g_ptr_array_index (eias, i);

      if (cm_eia_get_cycle (eia) == cycle && cm_eia_get_signed (eia) &&
          cm_eia_get_decision (eia) == CM_EIA_DECISION_DECOMMISSION &&
          *cm_eia_get_reviewed_on (eia) != '\0')
        return TRUE;
    }
  return FALSE;
}
