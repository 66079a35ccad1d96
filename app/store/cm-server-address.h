/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-server-address.h: where a portfolio on a server is, as fields and as a URI
 *
 * The connect dialog asks for a server, a port, a database and a user
 * name; the store and the recent list know a portfolio by its URI. These
 * turn one into the other, escaping what a URI cannot hold as it is.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char *host;      /* a name, an address (IPv6 without brackets) or a socket folder */
  char *port;
  char *database;
  char *user;
} CmServerAddress;

/* The URI of @address, without a password; empty fields are left out, so
 * libpq's defaults apply to them. */
char            *cm_server_address_to_uri      (const CmServerAddress *address);
/* The fields of @uri as libpq reads them; NULL when it is not a URI libpq
 * accepts. Fields the URI does not give are NULL. */
CmServerAddress *cm_server_address_from_uri    (const char *uri);
void             cm_server_address_free        (CmServerAddress *address);
/* @uri with @password added, for connecting only: never to be shown or kept. */
char            *cm_server_address_with_password (const char *uri, const char *password);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmServerAddress, cm_server_address_free)

G_END_DECLS
