/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-term.h: contract terms as commissioners write them ("3+1+1")
 *
 * A term is an initial period plus optional extensions. Text such as
 * "3+2", "5 + up to 3", "3 years plus 24 months" or "6 months" parses to
 * periods of whole months and days; whether an extension has been invoked
 * is recorded on the contract, not in the text.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CM_TERM_ERROR (cm_term_error_quark ())
typedef enum {
  CM_TERM_ERROR_INVALID,
} CmTermError;
GQuark cm_term_error_quark (void);

/* A length of time: "2 years" is 24 months, "12 weeks" is 84 days. */
typedef struct {
  int months;
  int days;
} CmPeriod;

typedef struct {
  CmPeriod length;
  gboolean invoked;
} CmExtension;

typedef struct {
  CmPeriod initial;
  GArray *extensions; /* of CmExtension, in the order they can be taken */
} CmTerm;

#define CM_TYPE_TERM (cm_term_get_type ())
GType    cm_term_get_type      (void) G_GNUC_CONST;

/* Bare numbers mean years ("3+1+1"); "up to" and "plus" are allowed, and
 * so are the words registers use ("three years with an option to extend
 * for a further 24 months"). */
CmTerm  *cm_term_parse         (const char *text, GError **error);
CmTerm  *cm_term_copy          (const CmTerm *term);
void     cm_term_free          (CmTerm *term);

/* Marks the first @n_invoked extensions as invoked. */
void     cm_term_set_invoked   (CmTerm *term, guint n_invoked);
guint    cm_term_count_invoked (const CmTerm *term);

/* FALSE when the text gave only options ("option to extend by 12
 * months"): the initial period is then {0, 0}. */
gboolean cm_term_states_initial (const CmTerm *term);

/* The canonical form, e.g. "3 years + 1 year + 1 year" or
 * "3 years 5 months + 2 years"; parsing it gives the same term. */
char    *cm_term_format        (const CmTerm *term);

/* A single period with no extensions, such as a notice period ("3 months",
 * "12 weeks", "90 days"). */
gboolean cm_period_parse       (const char *text, CmPeriod *period, GError **error);
char    *cm_period_format      (const CmPeriod *period);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmTerm, cm_term_free)

G_END_DECLS
