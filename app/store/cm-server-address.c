/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-server-address.c: where a portfolio on a server is, as fields and as a URI */
#include <libpq-fe.h>
#include <string.h>

#include "cm-server-address.h"

static gboolean
given (const char *field)
{
  return field != NULL && *field != '\0';
}

/* Escapes all but the unreserved characters, which libpq decodes again
 * in every part of a URI. */
static char *
escaped (const char *text)
{
  return g_uri_escape_string (text, NULL, FALSE);
}

static void
add_parameter (GString *parameters, const char *name, const char *value)
{
  g_autofree char *text = escaped (value);

  g_string_append_printf (parameters, "%s%s=%s", parameters->len ? "&" : "?", name, text);
}

char *
cm_server_address_to_uri (const CmServerAddress *address)
{
  GString *uri = g_string_new ("postgresql://");
  g_autoptr(GString) parameters = g_string_new (NULL);
  /* A socket folder is a path, which the authority part cannot hold. */
  gboolean socket_folder = given (address->host) && address->host[0] == '/';

  if (given (address->user))
    {
      g_autofree char *user = escaped (address->user);

      g_string_append_printf (uri, "%s@", user);
    }
  if (socket_folder)
    add_parameter (parameters, "host", address->host);
  else if (given (address->host) && strchr (address->host, ':') != NULL)
    {
      /* An IPv6 address, in brackets; a zone's "%" escaped like any other. */
      g_autofree char *host = g_uri_escape_string (address->host, ":", FALSE);

      g_string_append_printf (uri, "[%s]", host);
    }
  else if (given (address->host))
    {
      g_autofree char *host = escaped (address->host);

      g_string_append (uri, host);
    }
  if (given (address->port) && socket_folder)
    add_parameter (parameters, "port", address->port);
  else if (given (address->port))
    g_string_append_printf (uri, ":%s", address->port);
  g_string_append_c (uri, '/');
  if (given (address->database))
    {
      g_autofree char *database = escaped (address->database);

      g_string_append (uri, database);
    }
  g_string_append (uri, parameters->str);
  return g_string_free (uri, FALSE);
}

static char *
option_value (PQconninfoOption *options, const char *keyword)
{
  for (PQconninfoOption *option = options; option->keyword; option++)
    if (strcmp (option->keyword, keyword) == 0 && given (option->val))
      return g_strdup (option->val);
  return NULL;
}

CmServerAddress *
cm_server_address_from_uri (const char *uri)
{
  PQconninfoOption *options = PQconninfoParse (uri, NULL);
  CmServerAddress *address;

  if (options == NULL)
    return NULL;
  address = g_new0 (CmServerAddress, 1);
  address->host = option_value (options, "host");
  address->port = option_value (options, "port");
  address->database = option_value (options, "dbname");
  address->user = option_value (options, "user");
  PQconninfoFree (options);
  return address;
}

void
cm_server_address_free (CmServerAddress *address)
{
  if (address == NULL)
    return;
  g_free (address->host);
  g_free (address->port);
  g_free (address->database);
  g_free (address->user);
  g_free (address);
}

char *
cm_server_address_with_password (const char *uri, const char *password)
{
  g_autofree char *text = escaped (password);

  return g_strdup_printf ("%s%spassword=%s", uri, strchr (uri, '?') ? "&" : "?", text);
}
