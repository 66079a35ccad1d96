/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-ocds-file.c: an OCDS file read once and planned again from what was
 * read, its contracts that name no service joining the service chosen by
 * id even when another has its name. */
#include <glib/gstdio.h>

#include "cm-contract.h"
#include "cm-ocds-import.h"
#include "cm-organisation.h"
#include "cm-service.h"
#include "cm-test-util.h"

/* The standard's fictional record package, its tender untitled so that
 * its contract names no service, written where the test may remove it. */
static char *
untitled_package (void)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "fixtures", "ocds",
                                                   "fictional-example-1.1",
                                                   "record-package.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *untitled = NULL;
  char *path = cm_test_temp_path ("untitled.json");

  g_file_get_contents (source, &text, NULL, &error);
  g_assert_no_error (error);
  parts = g_strsplit (text, "\"title\": \"Planned cycle lane improvements\"", -1);
  g_assert_cmpuint (g_strv_length (parts), >, 1);
  untitled = g_strjoinv ("\"description\": \"Planned cycle lane improvements\"", parts);
  g_file_set_contents (path, untitled, -1, &error);
  g_assert_no_error (error);
  return path;
}

static gint64
save_service (CmStore *store, const char *name, const char *lead)
{
  gint64 lead_id = cm_test_save_new (store, cm_organisation_new (
                                       lead, CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE));
  CmService *service = cm_service_new (name);

  g_object_set (service, "lead-commissioner-id", lead_id, NULL);
  return cm_test_save_new (store, service);
}

static gint64
service_of_contract (const char *path)
{
  return cm_test_query_int (path, "SELECT service_id FROM contract");
}

static void
test_planned_again_without_the_file (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = cm_test_open_new ("namesakes.commissioner", &path);
  g_autofree char *json = untitled_package ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CmOcdsFile) file = cm_ocds_file_read (json, &error);
  g_autoptr(CmImportPlan) by_name = NULL;
  g_autoptr(CmImportPlan) by_id = NULL;
  gint64 first, namesake;

  g_assert_no_error (error);
  g_assert_cmpuint (cm_ocds_file_get_n_unnamed (file), ==, 1);
  /* Planned again and again from what was read: the file is not needed. */
  g_assert_cmpint (g_unlink (json), ==, 0);
  first = save_service (store, "Cycling", "Highways");
  namesake = save_service (store, "Cycling", "Public Health");

  by_name = cm_ocds_file_plan (file, store, 0, CM_OCDS_FALLBACK_SERVICE,
                               CM_IMPORT_DUPLICATE_SKIP, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cm_import_plan_new_services (by_name)->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (cm_import_plan_new_services (by_name), 0), ==,
                   CM_OCDS_FALLBACK_SERVICE);

  by_id = cm_ocds_file_plan (file, store, namesake, CM_OCDS_FALLBACK_SERVICE,
                             CM_IMPORT_DUPLICATE_SKIP, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cm_import_plan_new_services (by_id)->len, ==, 0);
  g_assert_true (cm_import_plan_apply (by_id, store, "untitled.json", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (service_of_contract (path), ==, namesake);
  g_assert_cmpint (service_of_contract (path), !=, first);
}

static void
test_missing_service_refused (void)
{
  g_autoptr(CmStore) store = cm_test_open_new ("missing.commissioner", NULL);
  g_autofree char *json = untitled_package ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CmOcdsFile) file = cm_ocds_file_read (json, &error);
  g_autoptr(CmImportPlan) plan = NULL;

  g_assert_no_error (error);
  plan = cm_ocds_file_plan (file, store, 4242, CM_OCDS_FALLBACK_SERVICE,
                            CM_IMPORT_DUPLICATE_SKIP, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_FOUND);
  g_unlink (json);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ocds-file/planned-again-without-the-file",
                   test_planned_again_without_the_file);
  g_test_add_func ("/ocds-file/missing-service-refused", test_missing_service_refused);
  return g_test_run ();
}
