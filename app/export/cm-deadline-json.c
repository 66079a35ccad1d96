/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-deadline-json.c: a portfolio's deadlines as JSON, for other programs */
#include <json-glib/json-glib.h>

#include "cm-contract.h"
#include "cm-date.h"
#include "cm-deadline-export.h"
#include "cm-deadlines.h"
#include "cm-required-notices.h"

static void
add_string (JsonBuilder *builder, const char *name, const char *value)
{
  json_builder_set_member_name (builder, name);
  if (value && *value)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* The CSV's columns under the same names, with the labels a reader sees
 * beside the nicks a program matches on. */
static void
add_row (JsonBuilder *builder, const CmDeadline *deadline)
{
  g_autofree char *date = g_date_valid (&deadline->date) ? cm_date_format_iso (&deadline->date)
                                                         : NULL;
  g_autofree char *kind = cm_deadline_kind_text (deadline);

  json_builder_begin_object (builder);
  add_string (builder, "reference", cm_deadline_get_reference (deadline));
  add_string (builder, "provider", cm_deadline_get_provider (deadline));
  add_string (builder, "kind", cm_deadline_kind_nick (deadline->kind));
  add_string (builder, "kind_label", kind);
  add_string (builder, "date", date);
  add_string (builder, "status", cm_deadline_status_nick (deadline->status));
  add_string (builder, "status_label", cm_deadline_status_label (deadline->status));
  add_string (builder, "title", cm_deadline_get_title (deadline));
  add_string (builder, "notice", deadline->notice);
  json_builder_end_object (builder);
}

static void
add_count (JsonBuilder *builder, const char *name, gint64 value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

char *
cm_deadline_export_json (const CmDeadlineExport *export)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *today = cm_date_format_iso (export->today);

  json_builder_begin_object (builder);
  add_string (builder, "portfolio", export->portfolio);
  add_string (builder, "today", today);
  add_count (builder, "undated", cm_deadline_export_count_undated (export));
  add_count (builder, "contracts_without_dates", export->n_skipped);
  json_builder_set_member_name (builder, "deadlines");
  json_builder_begin_array (builder);
  for (guint i = 0; i < export->deadlines->len; i++)
    add_row (builder, g_ptr_array_index (export->deadlines, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}
