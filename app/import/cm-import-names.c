/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-import-names.c: the providers, services and commissioners an import names */
#include <string.h>

#include "cm-import-names.h"
#include "cm-organisation.h"
#include "cm-provider.h"
#include "cm-service.h"

struct _CmImportNames
{
  GPtrArray *records;       /* every CmImportNamed below, which it owns */
  GHashTable *providers;    /* folded name -> CmImportNamed */
  GHashTable *services;     /* service_key () -> CmImportNamed */
  GHashTable *commissioners;
  /* Providers by their names exactly as a row wrote them, and services
   * by theirs and their lead's (as_written_key ()), once found: a register
   * names its providers and services row after row, and each would be
   * folded again. Apart, as a register has many more providers than
   * services, and the few services are looked up faster in a table of
   * their own. */
  GHashTable *providers_as_written;
  GHashTable *services_as_written;
  GString *key;             /* the last as_written_key () */
};

static gboolean
is_ascii (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p; p++)
    if (*p >= 0x80)
      return FALSE;
  return TRUE;
}

/* Case and spacing do not make another provider: "Carers  leeds" is the
 * "Carers Leeds" already in the portfolio. */
static char *
fold_name (const char *name)
{
  const char *text = name ? name : "";
  /* Most names are plain ASCII, where folding is lowering, and far cheaper. */
  char *folded = is_ascii (text) ? g_ascii_strdown (text, -1) : g_utf8_casefold (text, -1);
  char *out = folded;

  /* Squeezes runs of space to one, in place, dropping it at either end. */
  for (const char *p = folded; *p; p++)
    if (!g_ascii_isspace (*p))
      *out++ = *p;
    else if (out > folded && !g_ascii_isspace (p[1]) && p[1] != '\0')
      *out++ = ' ';
  *out = '\0';
  return folded;
}

static char *
service_key (const char *name, const char *lead)
{
  g_autofree char *folded_name = fold_name (name);
  g_autofree char *folded_lead = fold_name (lead);

  return g_strconcat (folded_name, "\x1f", folded_lead, NULL);
}

static void
named_free (gpointer data)
{
  CmImportNamed *named = data;

  g_clear_object (&named->entity);
  g_free (named);
}

static CmImportNamed *
named_new (CmImportNames *names, CmEntity *entity)
{
  CmImportNamed *named = g_new0 (CmImportNamed, 1);

  named->entity = entity;
  g_ptr_array_add (names->records, named);
  return named;
}

/* Files @named under @key unless an earlier record has it (first wins). */
static void
file_named (GHashTable *table, char *key, CmImportNamed *named)
{
  if (g_hash_table_contains (table, key))
    g_free (key);
  else
    g_hash_table_insert (table, key, named);
}

typedef struct {
  CmImportNames *names;
  GHashTable *table;
} Indexing;

static gboolean
index_one (CmEntity *record, gpointer data)
{
  Indexing *indexing = data;
  CmEntity *entity = cm_entity_copy (record);
  g_autofree char *name = cm_entity_property_text (entity, "name");
  g_autofree char *lead = NULL;
  CmImportNamed *named = named_new (indexing->names, entity);

  named->stored_id = cm_entity_get_id (entity);

  if (!CM_IS_SERVICE (entity))
    {
      file_named (indexing->table, fold_name (name), named);
      return TRUE;
    }
  lead = cm_entity_property_text (entity, "lead-commissioner-name");
  file_named (indexing->table, service_key (name, lead), named);
  file_named (indexing->table, service_key (name, NULL), named);
  return TRUE;
}

/* Every record of @type by folded name, and services by name and lead,
 * read from the file rather than the store's lists: loaded lists would be
 * brought up to date record by record with everything the import creates. */
static void
index_names (CmImportNames *names, CmStore *store, GType type, GHashTable *table)
{
  Indexing indexing = { names, table };
  g_autoptr(GError) error = NULL;

  if (!cm_store_each (store, type, index_one, &indexing, &error))
    g_warning ("Could not read the %s records: %s", g_type_name (type), error->message);
}

CmImportNames *
cm_import_names_new (CmStore *store)
{
  CmImportNames *names = g_new0 (CmImportNames, 1);

  names->providers_as_written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  names->services_as_written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  names->key = g_string_sized_new (128);

  names->records = g_ptr_array_new_with_free_func (named_free);
  names->providers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  names->services = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  names->commissioners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index_names (names, store, CM_TYPE_PROVIDER, names->providers);
  index_names (names, store, CM_TYPE_SERVICE, names->services);
  index_names (names, store, CM_TYPE_ORGANISATION, names->commissioners);
  return names;
}

void
cm_import_names_free (CmImportNames *names)
{
  if (names == NULL)
    return;
  g_hash_table_unref (names->providers);
  g_hash_table_unref (names->services);
  g_hash_table_unref (names->commissioners);
  g_hash_table_unref (names->providers_as_written);
  g_hash_table_unref (names->services_as_written);
  g_string_free (names->key, TRUE);
  g_ptr_array_unref (names->records);
  g_free (names);
}

/* The record @table holds under @key (which it takes), or a new one made
 * by @make from @name: made only when needed, since most rows name a
 * record an earlier row has already found or planned. */
static CmImportNamed *
find_or_plan (CmImportNames *names, GHashTable *table, char *key, const char *name,
              CmEntity *(*make) (const char *name), gboolean *created)
{
  CmImportNamed *named = g_hash_table_lookup (table, key);

  *created = named == NULL;
  if (named)
    {
      g_free (key);
      return named;
    }
  named = named_new (names, make (name));
  g_hash_table_insert (table, key, named);
  return named;
}

static CmEntity *
make_provider (const char *name)
{
  return CM_ENTITY (cm_provider_new (name, CM_SECTOR_THIRD_SECTOR));
}

static CmEntity *
make_service (const char *name)
{
  return CM_ENTITY (cm_service_new (name));
}

/* Into names->key: the service a row named, and its lead, as it wrote them. */
static const char *
as_written_key (CmImportNames *names, const char *name, const char *lead)
{
  g_string_truncate (names->key, 0);
  g_string_append (names->key, name ? name : "");
  g_string_append_c (names->key, '\x1f');
  g_string_append (names->key, lead ? lead : "");
  return names->key->str;
}

CmImportNamed *
cm_import_names_provider (CmImportNames *names, const char *name, gboolean *created)
{
  const char *key = name ? name : "";
  CmImportNamed *provider = g_hash_table_lookup (names->providers_as_written, key);

  if (provider)
    {
      *created = FALSE;
      return provider;
    }
  provider = find_or_plan (names, names->providers, fold_name (name), name, make_provider,
                           created);
  g_hash_table_insert (names->providers_as_written, g_strdup (key), provider);
  return provider;
}

CmImportNamed *
cm_import_names_service (CmImportNames *names, const char *name, const char *lead,
                         gboolean *created)
{
  const char *key = as_written_key (names, name, lead);
  CmImportNamed *service = g_hash_table_lookup (names->services_as_written, key);

  if (service)
    {
      *created = FALSE;
      return service;
    }
  service = find_or_plan (names, names->services, service_key (name, lead), name, make_service,
                          created);
  g_hash_table_insert (names->services_as_written, g_strdup (key), service);
  if (*created)
    file_named (names->services, service_key (name, NULL), service);
  return service;
}

CmImportNamed *
cm_import_names_service_by_id (CmImportNames *names, gint64 id)
{
  for (guint i = 0; i < names->records->len; i++)
    {
      CmImportNamed *named = g_ptr_array_index (names->records, i);

      if (CM_IS_SERVICE (named->entity) && cm_entity_get_id (named->entity) == id)
        return named;
    }
  return NULL;
}

/* Commissioners are council directorates unless their name says otherwise. */
static CmOrganisationKind
guess_kind (const char *name)
{
  g_autofree char *folded = fold_name (name);

  if (strstr (folded, "nhs") || strstr (folded, "ccg") || strstr (folded, "icb") ||
      strstr (folded, "integrated care") || strstr (folded, "clinical commissioning"))
    return CM_ORGANISATION_KIND_NHS_BODY;
  if (strstr (folded, "better care fund") || strstr (folded, "pooled"))
    return CM_ORGANISATION_KIND_POOLED_BUDGET;
  return CM_ORGANISATION_KIND_COUNCIL_DIRECTORATE;
}

static CmEntity *
make_commissioner (const char *name)
{
  return CM_ENTITY (cm_organisation_new (name, guess_kind (name)));
}

CmImportNamed *
cm_import_names_commissioner (CmImportNames *names, const char *name, gboolean *created)
{
  return find_or_plan (names, names->commissioners, fold_name (name), name, make_commissioner,
                       created);
}
