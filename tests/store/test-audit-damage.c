/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-audit-damage.c: a damaged trail found, changes refused until the
 * damage is accepted, and the acceptance never hiding the damage */
#include "cm-audit-damage.h"
#include "cm-organisation.h"
#include "cm-test-util.h"

static void
test_damage_refused_then_accepted (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("damage.commissioner", &path);
  g_autoptr(CmOrganisation) first = cm_organisation_new ("Public Health",
                                                         CM_ORGANISATION_KIND_PARTNER);
  g_autoptr(CmOrganisation) second = cm_organisation_new ("Adult Social Care",
                                                          CM_ORGANISATION_KIND_PARTNER);
  g_auto(CmAuditDamage) damage = { 0 };
  g_auto(CmAuditDamage) again = { 0 };
  g_autoptr(GError) error = NULL;

  cm_test_save (store, first);
  g_assert_true (cm_audit_damage_check (path, &damage, &error));
  g_assert_null (damage.damage);

  cm_test_run_sqlite (path, "UPDATE organisation SET name = 'Public Health (edited)';");
  g_assert_true (cm_audit_damage_check (path, &damage, &error));
  g_assert_nonnull (damage.damage);
  g_assert_null (damage.accepted);
  g_assert_nonnull (strstr (damage.damage, "Public Health (edited)"));

  cm_store_refuse_changes (store, damage.damage);
  g_assert_false (cm_store_save (store, CM_ENTITY (second), &error));
  g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_true (cm_audit_damage_accept (store, damage.damage, "Agreed with audit", &error));
  g_assert_no_error (error);
  cm_test_save (store, second);

  /* Still damaged, and now known to be accepted, by whom and why. */
  g_assert_true (cm_audit_damage_check (path, &again, &error));
  g_assert_cmpstr (again.damage, ==, damage.damage);
  g_assert_nonnull (again.accepted);
  g_assert_nonnull (strstr (again.accepted, "Agreed with audit"));
  g_assert_nonnull (strstr (again.accepted, cm_store_get_actor (store)));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/audit-damage/refused-then-accepted", test_damage_refused_then_accepted);
  return g_test_run ();
}
