/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-import-names.h: the providers, services and commissioners an import names
 *
 * Rows name these records in words. Each name is found in the portfolio,
 * ignoring case and spacing, or planned as a new record, made from the
 * first row that names it and saved only when the import is applied.
 */
#pragma once

#include "cm-store.h"

G_BEGIN_DECLS

typedef struct _CmImportNamed CmImportNamed;
struct _CmImportNamed
{
  CmEntity *entity;      /* its id is 0 until it is saved, and again after a rollback */
  gint64 stored_id;      /* its id when the portfolio held it before the import, else 0 */
  CmImportNamed *lead;   /* a new service's commissioner, or NULL */
};

typedef struct _CmImportNames CmImportNames;

CmImportNames *cm_import_names_new          (CmStore *store);
void           cm_import_names_free         (CmImportNames *names);

/* Each sets *@created when the record is new to the portfolio and to the
 * import, so that the row naming it first can fill it in. */
CmImportNamed *cm_import_names_provider     (CmImportNames *names, const char *name,
                                             gboolean *created);
/* Services of one name under different commissioners are different
 * services (each commissioner's "Older people"); with no @lead, the first
 * service of that name. */
CmImportNamed *cm_import_names_service      (CmImportNames *names, const char *name,
                                             const char *lead, gboolean *created);
/* The service in the portfolio with @id, or NULL. */
CmImportNamed *cm_import_names_service_by_id (CmImportNames *names, gint64 id);
CmImportNamed *cm_import_names_commissioner (CmImportNames *names, const char *name,
                                             gboolean *created);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmImportNames, cm_import_names_free)

G_END_DECLS
