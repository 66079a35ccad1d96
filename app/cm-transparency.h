/* cm-transparency.h: the contracts register of the Local Government
 * Transparency Code 2015: every contract over £5,000, with the Code's
 * fields, for the workbook's sheet and for a CSV of its own */
#pragma once

#include "cm-store.h"

G_BEGIN_DECLS

#define CM_TRANSPARENCY_N_FIELDS 15

/* The Code's own column names, in its order. */
extern const char * const cm_transparency_headers[CM_TRANSPARENCY_N_FIELDS + 1];

typedef struct {
  char *reference;
  char *title;
  char *department;
  char *description;
  char *supplier;
  char *supplier_details;
  gint64 value;              /* pence, over the life of the contract where known */
  gint64 irrecoverable_vat;  /* pence; not recorded, so 0 */
  GDate start;               /* invalid when not known */
  GDate end;
  GDate review;
  const char *invitation;
  gboolean sme;
  gboolean vcse;
  char *registration;
} CmTransparencyRow;

/* Of CmTransparencyRow, in contract order. */
GPtrArray *cm_transparency_rows      (CmStore *store, const GDate *today);

/* Writes the register as UTF-8 CSV with RFC 4180 quoting, starting with
 * a byte-order mark; text a spreadsheet would run as a formula is
 * neutralised with a leading '. The file is replaced whole or not at all. */
gboolean   cm_transparency_write_csv (CmStore *store, const char *path, const GDate *today,
                                      GError **error);

G_END_DECLS
