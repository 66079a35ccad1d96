/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-record-fields.h: each field of each record type, described once
 *
 * A field is described by its property, the label a person reads, the
 * format its value takes, where the list and the editor show it, the
 * heading it goes under in a workbook and the importer, and the other
 * headers a register may give it. The editor, the list columns, the
 * workbook's sheets and the import mapping all read these tables, so a
 * field is named the same wherever it appears.
 *
 * The database column is the store's: a stored property "start-date" is
 * the column "start_date" (cm_record_field_column ()); a field the store
 * works out from other rows has none.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  CM_FORMAT_TEXT,
  CM_FORMAT_ENUM,
  CM_FORMAT_MONEY,
  CM_FORMAT_DATE,
  CM_FORMAT_BOOLEAN,
  CM_FORMAT_NUMBER,
  CM_FORMAT_DECIMAL,   /* a double, such as a measure's value */
  CM_FORMAT_REFERENCE, /* an id, edited by choosing from a list of names */
  /* The words an Other value of the choice just before it was written as:
   * edited only while that choice is Other, and read within its label. */
  CM_FORMAT_AS_WRITTEN,
} CmFormat;

typedef struct {
  const char *property;
  const char *title;        /* the label; untranslated, N_() marks it */
  CmFormat format;
  gboolean in_list;         /* a column of the list, not only in details */
  gboolean editable;
  GType (*reference_type) (void);
  gboolean optional;        /* a reference that may be left as None */
  /* The heading of its workbook column and import field, where a label
   * read beside the record ("Start") says less than one read alone
   * ("Start date"); NULL for the label. N_() marks it. */
  const char *heading;
  /* What registers also call the field, written as the importer's
   * normalising leaves them (lower case, single spaces); the label and
   * the heading are recognised without being listed. */
  const char *synonyms[8];
} CmRecordField;

extern const CmRecordField cm_service_fields[];
extern const CmRecordField cm_contract_fields[];
extern const CmRecordField cm_contract_notice_fields[];
extern const CmRecordField cm_contract_variation_fields[];
extern const CmRecordField cm_organisation_fields[];
extern const CmRecordField cm_provider_fields[];
extern const CmRecordField cm_eia_fields[];
extern const CmRecordField cm_staff_fields[];
extern const CmRecordField cm_characteristic_fields[];
extern const CmRecordField cm_risk_fields[];
extern const CmRecordField cm_engagement_fields[];
extern const CmRecordField cm_measure_fields[];
extern const CmRecordField cm_measure_value_fields[];
extern const CmRecordField cm_scenario_fields[];
extern const CmRecordField cm_scenario_line_fields[];
extern const CmRecordField cm_decommission_fields[];

/* The fields of @type (terminated by { NULL }), or NULL for a type not
 * described here. */
const CmRecordField *cm_record_fields_of      (GType type);
/* The field of @type that shows @property, or NULL. Where a reference and
 * the name it reads as share a label, each is found by its own property. */
const CmRecordField *cm_record_field_find     (GType type, const char *property);
/* The heading the field goes under alone, translated: in a workbook, and
 * as the import wizard names it. */
const char          *cm_record_field_heading  (const CmRecordField *field);
/* The column of @type's table holding the field ("start_date"), or NULL
 * for a field the store works out and does not keep. */
char                *cm_record_field_column   (GType type, const CmRecordField *field);

/* The fields a record keeps that its own pages and dialogs edit (an EIA's
 * sign-off and review, a decommission's steps) rather than the record
 * editor, and the fields of the records only those pages show (a cycle's
 * steps, its stage changes, a decommission's transitions). Described here
 * so that the audit trail names each as those pages do. */
extern const CmRecordField cm_service_other_fields[];
extern const CmRecordField cm_eia_other_fields[];
extern const CmRecordField cm_decommission_other_fields[];
extern const CmRecordField cm_checklist_item_fields[];
extern const CmRecordField cm_stage_event_fields[];
extern const CmRecordField cm_service_partner_fields[];
extern const CmRecordField cm_funding_source_fields[];
extern const CmRecordField cm_eia_characteristic_fields[];
extern const CmRecordField cm_eia_mitigation_fields[];
extern const CmRecordField cm_decommission_contract_fields[];
extern const CmRecordField cm_transition_fields[];
extern const CmRecordField cm_import_run_fields[];
/* The portfolio's settings, each under its key where a record's field has
 * its property; the Portfolio Settings window's words. */
extern const CmRecordField cm_portfolio_setting_fields[];

/* The fields of @type that only its own pages edit (above), or NULL. */
const CmRecordField *cm_record_fields_other      (GType type);
/* The field of @type kept in @column ("start_date"), among its fields and
 * its other fields, or NULL when none is described. */
const CmRecordField *cm_record_field_of_column   (GType type, const char *column);
/* The portfolio setting kept under @key, or NULL. */
const CmRecordField *cm_portfolio_setting_field  (const char *key);

/* A column of the contracts register the Local Government Transparency
 * Code 2015 has councils publish, in the Code's order. Where the Code's
 * header is a field's own heading ("Start date", "SME") it is taken from
 * that field; elsewhere the Code's wording is kept here, beside the field
 * it publishes, so the register imports back as those fields. */
typedef struct {
  const char *code_header;  /* the Code's words, never translated; NULL for the field's */
  GType (*type) (void);     /* the record whose field the column publishes, or NULL */
  const char *property;
} CmTransparencyColumn;

#define CM_TRANSPARENCY_N_COLUMNS 15

extern const CmTransparencyColumn cm_transparency_columns[CM_TRANSPARENCY_N_COLUMNS];

/* The field the column publishes, or NULL where no one field holds it. */
const CmRecordField *cm_transparency_column_field  (const CmTransparencyColumn *column);
/* The column's header as the Code publishes it, in English whatever the
 * language of the rest of the workbook. */
const char          *cm_transparency_column_header (const CmTransparencyColumn *column);

G_END_DECLS
