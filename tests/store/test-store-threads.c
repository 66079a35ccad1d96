/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-store-threads.c: stores of their own in threads of their own, as the
 * export's, read the same record types at the same moment
 *
 * A record type's statements are made the first time any store of the
 * process reads it, and kept for good. The reading processes read nothing
 * before their threads start together, so that they all ask for the same
 * types at once; one type's statement made twice, one replacing the
 * other, is a block nothing holds any more, which the sanitizer build's
 * leak check reports (and ThreadSanitizer as a race). */
#include <glib/gstdio.h>

#include "cm-contract.h"
#include "cm-demo.h"
#include "cm-eia.h"
#include "cm-organisation.h"
#include "cm-provider.h"
#include "cm-risk.h"
#include "cm-service.h"
#include "cm-stage-event.h"
#include "cm-staff.h"
#include "cm-test-util.h"

#define N_THREADS 4

/* What a process of the test's own does ("make" or "read"), and where. */
#define STEP_VARIABLE "CM_TEST_THREADS_STEP"
#define PORTFOLIO_VARIABLE "CM_TEST_THREADS_PORTFOLIO"
#define READING_RUNS 10

static GType (*const record_types[]) (void) = {
  cm_contract_get_type, cm_service_get_type, cm_provider_get_type, cm_risk_get_type,
  cm_eia_get_type, cm_organisation_get_type, cm_staff_get_type, cm_stage_event_get_type,
};

typedef struct {
  CmStore *store;
  gint *waiting;       /* threads not started yet: all go together at 0 */
  guint counts[G_N_ELEMENTS (record_types)];
  guint walked[G_N_ELEMENTS (record_types)];
} Reader;

static gboolean
count_one (CmEntity *record, gpointer user_data)
{
  (*(guint *) user_data)++;
  return TRUE;
}

static gpointer
read_every_type (gpointer data)
{
  Reader *reader = data;

  g_atomic_int_dec_and_test (reader->waiting);
  while (g_atomic_int_get (reader->waiting) > 0)
    ;
  for (guint i = 0; i < G_N_ELEMENTS (record_types); i++)
    {
      /* A walk and a list each make the type's own statements. */
      g_assert_true (cm_store_each (reader->store, record_types[i] (), count_one,
                                    &reader->walked[i], NULL));
      reader->counts[i] = g_list_model_get_n_items (cm_store_list (reader->store,
                                                                   record_types[i] ()));
    }
  return NULL;
}

/* In this process: the stores open, then every type read in every thread
 * at once, the threads let go together. */
static void
read_in_threads (const char *portfolio)
{
  Reader readers[N_THREADS] = { 0 };
  GThread *threads[N_THREADS];
  gint waiting = N_THREADS;

  for (guint t = 0; t < N_THREADS; t++)
    {
      g_autoptr(GError) error = NULL;

      readers[t].store = cm_store_open (portfolio, CM_STORE_OPEN_READ_ONLY, &error);
      g_assert_no_error (error);
      readers[t].waiting = &waiting;
    }
  for (guint t = 0; t < N_THREADS; t++)
    threads[t] = g_thread_new ("reader", read_every_type, &readers[t]);
  for (guint t = 0; t < N_THREADS; t++)
    g_thread_join (threads[t]);

  for (guint t = 0; t < N_THREADS; t++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (record_types); i++)
        {
          g_assert_cmpuint (readers[t].counts[i], >, 0);
          g_assert_cmpuint (readers[t].walked[i], ==, readers[t].counts[i]);
          g_assert_cmpuint (readers[t].counts[i], ==, readers[0].counts[i]);
        }
      g_object_unref (readers[t].store);
    }
}

/* Each step in a process of its own: the portfolio made in one, so that
 * the others start with no type's statements made; the reading done in
 * several, as a race is not lost every time. */
static void
test_threads_read_the_same_types_at_once (void)
{
  g_autofree char *portfolio = g_build_filename (g_get_tmp_dir (), "commissioner-threads-XXXXXX",
                                                 NULL);

  if (g_test_subprocess ())
    {
      g_autoptr(GDate) today = cm_test_today ();
      const char *path = g_getenv (PORTFOLIO_VARIABLE);

      if (g_str_equal (g_getenv (STEP_VARIABLE), "make"))
        g_assert_true (cm_demo_create (path, today, NULL));
      else
        read_in_threads (path);
      return;
    }
  g_close (g_mkstemp (portfolio), NULL);
  g_unlink (portfolio);
  g_setenv (PORTFOLIO_VARIABLE, portfolio, TRUE);
  g_setenv (STEP_VARIABLE, "make", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_setenv (STEP_VARIABLE, "read", TRUE);
  for (guint run = 0; run < READING_RUNS; run++)
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
    }
  g_unlink (portfolio);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store-threads/read-the-same-types-at-once",
                   test_threads_read_the_same_types_at_once);
  return g_test_run ();
}
