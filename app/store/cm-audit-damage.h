/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-audit-damage.h: a damaged audit trail, and accepting it knowingly
 *
 * A portfolio whose trail fails verification may not be changed until the
 * user restores a backup or accepts the damage. Accepting is itself an
 * audited event that names the damage; verification keeps failing, and
 * says the damage was accepted, by whom and when. Nothing is repaired.
 */
#pragma once

#include "cm-store.h"

G_BEGIN_DECLS

/* The key whose audited value records an accepted damage. */
#define CM_AUDIT_DAMAGE_KEY "audit_damage_accepted"

typedef struct {
  char *damage;   /* what verification says, or NULL when the trail is sound */
  char *accepted; /* "DATE by ACTOR: reason" when this damage was accepted, else NULL */
} CmAuditDamage;

void      cm_audit_damage_clear  (CmAuditDamage *damage);
/* Verifies @path's trail through a connection of its own (read-only), so
 * that it can run beside the window's. FALSE only when it could not be
 * checked at all. */
gboolean  cm_audit_damage_check  (const char *path, CmAuditDamage *damage, GError **error);
/* What was accepted of @store's trail, and when, whatever the damage now. */
char     *cm_audit_damage_accepted (CmStore *store, const char *damage);
/* Records that the user accepts @damage, for @reason, and lets @store be
 * changed again. */
gboolean  cm_audit_damage_accept (CmStore *store, const char *damage, const char *reason,
                                  GError **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CmAuditDamage, cm_audit_damage_clear)

G_END_DECLS
