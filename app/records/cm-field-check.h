/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-field-check.h: which fields a record's validation complaint is about */
#pragma once

#include "cm-entity.h"

G_BEGIN_DECLS

/* Validates @entity with its own rules (cm_entity_validate). When it is
 * invalid, sets @error and fills @fields with those of @properties the
 * complaint is about: those that, cleared, make it valid, and the empty
 * texts that, filled in, change what it says. An editor shows the message beside them without knowing
 * the rules itself. @fields may be left empty when no one field is to
 * blame. */
gboolean cm_field_check (CmEntity           *entity,
                         const char * const *properties,
                         GPtrArray          *fields,
                         GError            **error);

G_END_DECLS
