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
/* As cm_audit_damage_check (), but once a check here found the trail
 * sound, only what it gained since: the marked row must still hold its
 * hash, and the rows after it chain from it (cm-audit-mark.h). The whole
 * check, with the replay that finds records edited outside Commissioner,
 * runs when no mark is kept in @marks (NULL: the user's cache), the file
 * at the path is another one, the last whole check is a week old or the
 * marked row changed; Verify Audit and --verify-audit always run it. The
 * check reads in one transaction, so commits meanwhile are not damage.
 * A file SQLite finds damaged fails with CM_STORE_ERROR_CORRUPT; one that
 * cannot be read fails with its error. */
gboolean  cm_audit_damage_check_since (const char *path, const char *marks,
                                       CmAuditDamage *damage, GError **error);
/* Whether @error says the trail failed its check, rather than that it
 * could not be checked. */
gboolean  cm_audit_damage_is_damage (const GError *error);
/* What was accepted of @store's trail, and when, whatever the damage now. */
char     *cm_audit_damage_accepted (CmStore *store, const char *damage);
/* Refuses changes to @store, saying its trail has @damage and the way out. */
void      cm_audit_damage_refuse (CmStore *store, const char *damage);
/* Refuses changes to @store, opened before SQLite's check of the file,
 * until the check ends well and cm_store_refuse_changes () lifts it. */
void      cm_audit_damage_refuse_until_checked (CmStore *store);
/* Records that the user accepts @damage, for @reason, and lets @store be
 * changed again. */
gboolean  cm_audit_damage_accept (CmStore *store, const char *damage, const char *reason,
                                  GError **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CmAuditDamage, cm_audit_damage_clear)

G_END_DECLS
