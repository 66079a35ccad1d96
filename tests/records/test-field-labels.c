/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-field-labels.c: the audit trail names each field as its editor does */
#include "cm-audit-words.h"
#include "cm-entity.h"
#include "cm-record-kind.h"

/* Every stored field an editor shows is called the same in the trail. */
static void
check_kind (const CmRecordKind *kind, GString *wrong)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (kind->get_type ());
  CmEntityClass *entity = CM_ENTITY_CLASS (klass);

  for (const CmRecordField *field = kind->fields; field->property; field++)
    {
      g_autofree char *column = g_strdelimit (g_strdup (field->property), "-", '_');
      g_autofree char *label = NULL;

      if (!g_strv_contains (entity->columns, field->property))
        continue; /* worked out, never audited */
      label = cm_audit_field_label (entity->table, column);
      if (g_strcmp0 (label, field->title) != 0)
        g_string_append_printf (wrong, "\n%s.%s: the editor says “%s”, the trail “%s”",
                                entity->table, column, field->title, label);
    }
}

static void
test_trail_uses_the_editors_labels (void)
{
  g_autoptr(GString) wrong = g_string_new (NULL);
  guint n_kinds;
  const CmRecordKind *kinds = cm_record_kinds (&n_kinds);

  for (guint i = 0; i < n_kinds; i++)
    check_kind (&kinds[i], wrong);
  check_kind (&cm_characteristic_kind, wrong);
  if (wrong->len)
    g_test_message ("%s", wrong->str);
  g_assert_cmpuint (wrong->len, ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/field-labels/editors", test_trail_uses_the_editors_labels);
  return g_test_run ();
}
