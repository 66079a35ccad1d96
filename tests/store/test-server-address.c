/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-server-address.c: the connect dialog's fields make the URI people
 * expect, and libpq reads every field back as it was typed, however odd
 * the characters in it; a password added for connecting is never shown,
 * and is remembered only for the portfolio it signed in to */
#include <libpq-fe.h>
#include <string.h>

#include "cm-server-address.h"
#include "cm-store-server.h"

typedef struct {
  const char *host, *port, *database, *user;
  const char *uri;   /* NULL: only the round trip is checked */
} Case;

static const Case cases[] = {
  { "db.council.example", "5433", "contracts", "alice",
    "postgresql://alice@db.council.example:5433/contracts" },
  { "db.council.example", NULL, "contracts", NULL, "postgresql://db.council.example/contracts" },
  { "/run/postgresql", NULL, "team", NULL, "postgresql:///team?host=%2Frun%2Fpostgresql" },
  { "/run/postgresql", "5433", "team", "bob",
    "postgresql://bob@/team?host=%2Frun%2Fpostgresql&port=5433" },
  { "::1", "5432", "team", "bob", "postgresql://bob@[::1]:5432/team" },
  { "fe80::1%eth0", NULL, "team", NULL, NULL },
  { "192.0.2.7", NULL, "team", NULL, "postgresql://192.0.2.7/team" },
  { "db.council.example", NULL, "Adult Social Care/2026 ?&#%", "o'brien@council:x",
    "postgresql://o%27brien%40council%3Ax@db.council.example/"
    "Adult%20Social%20Care%2F2026%20%3F%26%23%25" },
  { "/tmp/a folder with spaces & more", NULL, "Gwasanaethau Cymdeithasol Ô", "ĳ user", NULL },
  { NULL, NULL, NULL, NULL, "postgresql:///" },
};

static void
assert_field (const char *read, const char *typed)
{
  g_assert_cmpstr (read, ==, typed && *typed ? typed : NULL);
}

static void
test_fields_make_the_uri_and_read_back (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      CmServerAddress address = { (char *) c->host, (char *) c->port, (char *) c->database,
                                  (char *) c->user };
      g_autofree char *uri = cm_server_address_to_uri (&address);
      g_autoptr(CmServerAddress) read = cm_server_address_from_uri (uri);

      if (c->uri)
        g_assert_cmpstr (uri, ==, c->uri);
      g_assert_true (cm_store_server_is_uri (uri));
      g_assert_nonnull (read);
      assert_field (read->host, c->host);
      assert_field (read->port, c->port);
      assert_field (read->database, c->database);
      assert_field (read->user, c->user);
    }
}

static void
test_a_socket_folder_is_named_as_the_server (void)
{
  CmServerAddress address = { "/run/postgresql", NULL, "team", NULL };
  g_autofree char *uri = cm_server_address_to_uri (&address);
  g_autofree char *database = NULL;
  g_autofree char *server = NULL;

  cm_store_server_names (uri, &database, &server);
  g_assert_cmpstr (database, ==, "team");
  g_assert_nonnull (strstr (server, "/run/postgresql"));
}

static char *
libpq_password (const char *uri)
{
  PQconninfoOption *options = PQconninfoParse (uri, NULL);
  char *password = NULL;

  g_assert_nonnull (options);
  for (PQconninfoOption *option = options; option->keyword; option++)
    if (strcmp (option->keyword, "password") == 0)
      password = g_strdup (option->val);
  PQconninfoFree (options);
  return password;
}

static void
test_the_password_reaches_libpq_and_is_never_shown (void)
{
  const char *passwords[] = { "secret", "p@ss word&x=1?#%", "ünïcode:/\\'\"" };
  CmServerAddress tcp = { "db.council.example", "5433", "contracts", "alice" };
  CmServerAddress socket = { "/run/postgresql", NULL, "team", "bob" };
  const CmServerAddress *addresses[] = { &tcp, &socket };

  for (guint a = 0; a < G_N_ELEMENTS (addresses); a++)
    for (guint p = 0; p < G_N_ELEMENTS (passwords); p++)
      {
        g_autofree char *uri = cm_server_address_to_uri (addresses[a]);
        g_autofree char *secret = cm_server_address_with_password (uri, passwords[p]);
        g_autofree char *read = libpq_password (secret);
        g_autofree char *shown = cm_store_server_shown_uri (secret);

        g_assert_cmpstr (read, ==, passwords[p]);
        g_assert_cmpstr (shown, ==, uri);
      }
}

/* Readers reopen a portfolio by the URI it shows: they sign in with the
 * password the window used, and only for that portfolio. */
static void
test_a_sign_in_is_remembered_for_its_shown_uri (void)
{
  const char *team = "postgresql://alice@db.council.example/team";
  const char *other = "postgresql://alice@db.council.example/other";
  g_autofree char *signed_in = cm_server_address_with_password (team, "s3cret&x");
  g_autofree char *before = cm_store_server_sign_in_uri (team);
  g_autofree char *after = NULL;
  g_autofree char *elsewhere = NULL;
  g_autofree char *given = NULL;

  g_assert_cmpstr (before, ==, team);
  cm_store_server_remember_sign_in (signed_in);
  cm_store_server_remember_sign_in (other);
  after = cm_store_server_sign_in_uri (team);
  elsewhere = cm_store_server_sign_in_uri (other);
  given = cm_store_server_sign_in_uri (signed_in);
  g_assert_cmpstr (after, ==, signed_in);
  g_assert_cmpstr (elsewhere, ==, other);
  g_assert_cmpstr (given, ==, signed_in);
}

static void
test_what_libpq_refuses_has_no_address (void)
{
  g_assert_null (cm_server_address_from_uri ("postgresql://[::1/team"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/server-address/fields-make-the-uri-and-read-back",
                   test_fields_make_the_uri_and_read_back);
  g_test_add_func ("/server-address/a-socket-folder-is-named-as-the-server",
                   test_a_socket_folder_is_named_as_the_server);
  g_test_add_func ("/server-address/the-password-reaches-libpq-and-is-never-shown",
                   test_the_password_reaches_libpq_and_is_never_shown);
  g_test_add_func ("/server-address/a-sign-in-is-remembered-for-its-shown-uri",
                   test_a_sign_in_is_remembered_for_its_shown_uri);
  g_test_add_func ("/server-address/what-libpq-refuses-has-no-address",
                   test_what_libpq_refuses_has_no_address);
  return g_test_run ();
}
