/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-record-kind.h: how each kind of record is listed, shown and edited
 *
 * The records page and the editor are generic; each kind names the fields
 * it presents (described in cm-record-fields.h) and adds what only the
 * window needs: its section, its words when empty, its details worked out
 * from other records.
 */
#pragma once

#include "cm-record-fields.h"
#include "cm-store.h"

G_BEGIN_DECLS

/* A line of the details pane worked out from a record, such as a
 * contract's latest notice date on the day the user chose. */
typedef struct {
  char *title;
  char *text;
} CmDetailLine;

/* What a kind's parts are called, each whole: a noun put into a phrase
 * cannot agree with it in every language. */
typedef struct {
  const char *search;       /* "Search Contracts" */
  const char *add;          /* "Add contract" */
  const char *new_title;    /* "New contract", the editor's title */
  const char *edit_title;   /* "Edit contract" */
  const char *create;       /* "New Contract…", a picker's button */
} CmRecordKindWords;

typedef struct {
  const char *name;         /* page name and action target */
  const char *title;        /* "Contracts" */
  CmRecordKindWords words;
  const char *icon_name;
  const char *empty_description;
  /* Whole sentences too (nor could a noun take "an" in English). */
  const char *empty_title;  /* "No Contracts Yet" */
  const char *add_first_label; /* mnemonic: "_Add a contract" */
  GType (*get_type) (void);
  const CmRecordField *fields; /* terminated by { NULL } */
  GArray *(*computed_details) (CmStore *store, GObject *item, const GDate *today); /* of CmDetailLine */
  const char *open_label;   /* mnemonic; a record with a page of its own opens there */
  /* Saves what the editor made, where that is more than cm_store_save()
   * (a new EIA copies the list of characteristics); may be NULL. */
  gboolean (*save) (CmStore *store, CmEntity *draft, GError **error);
} CmRecordKind;

const CmRecordKind *cm_record_kinds      (guint *n_kinds);

/* Not a section of its own: edited among the portfolio's rules. */
extern const CmRecordKind cm_characteristic_kind;
/* A contract's notices and variations, which its page adds to. */
extern const CmRecordKind cm_contract_notice_kind;
extern const CmRecordKind cm_contract_variation_kind;
char               *cm_record_field_text (GObject *item, const CmRecordField *field);

G_END_DECLS
