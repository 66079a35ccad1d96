/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-store-read.c: a read snapshot sees the file as it was when it began */
#include <glib/gstdio.h>

#include "cm-store.h"
#include "cm-test-util.h"

static void
test_snapshot_holds_until_ended (void)
{
  g_autofree char *portfolio = cm_test_portfolio_path ("read.commissioner");
  g_autoptr(CmStore) writer = NULL;
  g_autoptr(CmStore) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *during = NULL;
  g_autofree char *after = NULL;

  g_unlink (portfolio);
  writer = cm_store_open (portfolio, CM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (cm_store_set_meta (writer, "name", "Before", &error));
  g_assert_no_error (error);
  reader = cm_store_open (portfolio, CM_STORE_OPEN_MUST_EXIST | CM_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  g_assert_true (cm_store_begin_read (reader, &error));
  g_assert_no_error (error);
  /* Another connection commits while the snapshot is held. */
  g_assert_true (cm_store_set_meta (writer, "name", "After", &error));
  g_assert_no_error (error);
  during = cm_store_get_meta (reader, "name");
  g_assert_cmpstr (during, ==, "Before");
  cm_store_end_read (reader);
  after = cm_store_get_meta (reader, "name");
  g_assert_cmpstr (after, ==, "After");
  g_clear_object (&reader);
  g_clear_object (&writer);
  g_unlink (portfolio);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/read/snapshot-holds-until-ended", test_snapshot_holds_until_ended);
  return g_test_run ();
}
