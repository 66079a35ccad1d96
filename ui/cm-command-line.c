/* cm-command-line.c: the commands that run without a window
 *
 * They print to stdout, report errors on stderr, and return the process
 * exit status, so scripts and tests can drive the program.
 */
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cm-command-line.h"
#include "cm-demo.h"
#include "cm-store.h"

int
cm_command_create_demo (const char *path, const GDate *today)
{
  g_autoptr(GError) error = NULL;

  if (!cm_demo_create (path, today, &error))
    {
      g_printerr (_("Could not create the demo portfolio: %s\n"), error->message);
      return 1;
    }
  g_print (_("Demo portfolio written to %s\n"), path);
  return 0;
}

int
cm_command_verify_audit (const char *portfolio)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = NULL;
  gint64 rows = 0, bad_row = 0;
  g_autofree char *count = NULL;

  if (portfolio == NULL)
    {
      g_printerr (_("Name the portfolio to check with --portfolio FILE.\n"));
      return 2;
    }
  store = cm_store_open (portfolio, CM_STORE_OPEN_MUST_EXIST | CM_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (!cm_store_verify_audit (store, &rows, &bad_row, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  count = g_strdup_printf ("%" G_GINT64_FORMAT, rows);
  g_print (_("The audit trail is intact: %s rows checked.\n"), count);
  return 0;
}

/* The demo lives in the user's data directory and is made once, so that
 * what a user tries out in it is kept like any other portfolio. */
char *
cm_demo_portfolio_path (const GDate *today, GError **error)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "commissioner", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.commissioner", NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   _("Could not create the folder %s: %s"), dir, g_strerror (errno));
      return NULL;
    }
  if (!cm_demo_create (path, today, error))
    return NULL;
  return g_steal_pointer (&path);
}
