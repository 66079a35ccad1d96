/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* test-ocds.c: OCDS merge rules, London dates and the UK extension's fields */
#include <json-glib/json-glib.h>

#include "cm-contract.h"
#include "cm-date.h"
#include "cm-enums.h"
#include "cm-json-path.h"
#include "cm-ocds-merge.h"
#include "cm-ocds-notices.h"
#include "cm-ocds-uk.h"

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_ref (json_parser_get_root (parser));
}

static char *
to_text (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

static JsonObject *
merged (const char *releases)
{
  g_autoptr(JsonNode) root = parse (releases);
  g_autoptr(GPtrArray) list = g_ptr_array_new ();
  JsonArray *array = json_node_get_array (root);

  for (guint i = 0; i < json_array_get_length (array); i++)
    g_ptr_array_add (list, json_array_get_object_element (array, i));
  return cm_ocds_merge (list);
}

/* Each case: releases as given (not always in date order), and what the
 * compiled release must hold besides its "compiled" tag. */
static const struct {
  const char *rule;
  const char *releases;
  const char *expected;
} merge_cases[] = {
  { "the latest value wins, by date, whatever the order in the file",
    "[{\"date\":\"2020-03-01T00:00:00Z\",\"x\":\"late\"},"
    " {\"date\":\"2020-01-01T00:00:00Z\",\"x\":\"early\",\"y\":1}]",
    "{\"date\":\"2020-03-01T00:00:00Z\",\"x\":\"late\",\"y\":1}" },
  { "dates compare as moments, not as text",
    "[{\"date\":\"2020-01-01T09:30:00Z\",\"x\":\"second\"},"
    " {\"date\":\"2020-01-01T10:00:00+02:00\",\"x\":\"first\"}]",
    "{\"date\":\"2020-01-01T09:30:00Z\",\"x\":\"second\"}" },
  { "releases of one date keep their order",
    "[{\"date\":\"2020-01-01T00:00:00Z\",\"x\":1},{\"date\":\"2020-01-01T00:00:00Z\",\"x\":2}]",
    "{\"date\":\"2020-01-01T00:00:00Z\",\"x\":2}" },
  { "null removes a field",
    "[{\"date\":\"2020-01-01T00:00:00Z\",\"x\":1,\"y\":2},{\"date\":\"2020-02-01T00:00:00Z\",\"x\":null}]",
    "{\"date\":\"2020-02-01T00:00:00Z\",\"y\":2}" },
  { "objects merge member by member",
    "[{\"date\":\"2020-01-01T00:00:00Z\",\"t\":{\"a\":1,\"b\":{\"c\":1,\"d\":1}}},"
    " {\"date\":\"2020-02-01T00:00:00Z\",\"t\":{\"b\":{\"d\":2,\"e\":null}}}]",
    "{\"date\":\"2020-02-01T00:00:00Z\",\"t\":{\"a\":1,\"b\":{\"c\":1,\"d\":2}}}" },
  { "arrays of objects with ids merge by id, new ids appended",
    "[{\"date\":\"2020-01-01T00:00:00Z\",\"c\":[{\"id\":\"1\",\"v\":1,\"w\":1},{\"id\":\"2\",\"v\":1}]},"
    " {\"date\":\"2020-02-01T00:00:00Z\",\"c\":[{\"id\":\"1\",\"v\":2},{\"id\":\"3\",\"v\":3}]}]",
    "{\"date\":\"2020-02-01T00:00:00Z\",\"c\":[{\"id\":\"1\",\"v\":2,\"w\":1},{\"id\":\"2\",\"v\":1},"
    "{\"id\":\"3\",\"v\":3}]}" },
  { "an integer id and the same id as text are one item",
    "[{\"date\":\"2020-01-01T00:00:00Z\",\"c\":[{\"id\":1,\"v\":1}]},"
    " {\"date\":\"2020-02-01T00:00:00Z\",\"c\":[{\"id\":\"1\",\"v\":2}]}]",
    "{\"date\":\"2020-02-01T00:00:00Z\",\"c\":[{\"id\":\"1\",\"v\":2}]}" },
  { "arrays without ids are replaced whole",
    "[{\"date\":\"2020-01-01T00:00:00Z\",\"s\":[\"a\",\"b\"],\"o\":[{\"v\":1}]},"
    " {\"date\":\"2020-02-01T00:00:00Z\",\"s\":[\"c\"],\"o\":[{\"v\":2}]}]",
    "{\"date\":\"2020-02-01T00:00:00Z\",\"s\":[\"c\"],\"o\":[{\"v\":2}]}" },
  { "nulls inside a new object are dropped",
    "[{\"date\":\"2020-01-01T00:00:00Z\"},{\"date\":\"2020-02-01T00:00:00Z\",\"t\":{\"a\":null,\"b\":1}}]",
    "{\"date\":\"2020-02-01T00:00:00Z\",\"t\":{\"b\":1}}" },
};

static void
test_merge_rules (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (merge_cases); i++)
    {
      g_autoptr(JsonObject) compiled = merged (merge_cases[i].releases);
      g_autoptr(JsonNode) expected = parse (merge_cases[i].expected);
      g_autoptr(JsonNode) got = json_node_new (JSON_NODE_OBJECT);
      g_autofree char *got_text = NULL;
      g_autofree char *tag = NULL;

      json_node_set_object (got, compiled);
      tag = to_text (json_object_get_member (compiled, "tag"));
      g_test_message ("%s", merge_cases[i].rule);
      g_assert_cmpstr (tag, ==, "[\"compiled\"]");
      json_object_remove_member (compiled, "tag");
      got_text = to_text (got);
      if (!json_node_equal (got, expected))
        g_error ("%s: got %s", merge_cases[i].rule, got_text);
    }
}

/* The standard's fictional example: its six releases merged give the
 * compiled release its record package publishes. */
static void
test_merge_fictional_example (void)
{
  g_autofree char *releases_path = g_test_build_filename (G_TEST_DIST, "fixtures", "ocds",
                                                          "fictional-example-1.1",
                                                          "release-package.json", NULL);
  g_autofree char *record_path = g_test_build_filename (G_TEST_DIST, "fixtures", "ocds",
                                                        "fictional-example-1.1",
                                                        "record-package.json", NULL);
  g_autoptr(JsonParser) releases = json_parser_new ();
  g_autoptr(JsonParser) record = json_parser_new ();
  g_autoptr(GPtrArray) list = g_ptr_array_new ();
  g_autoptr(JsonObject) compiled = NULL;
  JsonObject *expected;
  JsonArray *array;
  const char *members[] = { "ocid", "buyer", "parties", "planning", "tender", "awards",
                            "contracts" };

  g_assert_true (json_parser_load_from_file (releases, releases_path, NULL));
  g_assert_true (json_parser_load_from_file (record, record_path, NULL));
  array = json_object_get_array_member (json_node_get_object (json_parser_get_root (releases)),
                                        "releases");
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_ptr_array_add (list, json_array_get_object_element (array, i));
  compiled = cm_ocds_merge (list);
  expected = json_object_get_object_member (
    json_array_get_object_element (
      json_object_get_array_member (json_node_get_object (json_parser_get_root (record)),
                                    "records"), 0), "compiledRelease");
  for (gsize i = 0; i < G_N_ELEMENTS (members); i++)
    {
      JsonNode *got = json_object_get_member (compiled, members[i]);
      JsonNode *want = json_object_get_member (expected, members[i]);

      g_test_message ("%s", members[i]);
      g_assert_nonnull (got);
      if (!json_node_equal (got, want))
        {
          g_autofree char *got_text = to_text (got);
          g_autofree char *want_text = to_text (want);

          g_error ("%s differs:\n%s\n%s", members[i], got_text, want_text);
        }
    }
}

/* Each instant, and the calendar date it has in London. */
static const struct {
  const char *moment;
  const char *date;
} london_cases[] = {
  { "2019-04-01T00:00:00+01:00", "2019-04-01" },
  { "2011-06-30T23:59:00Z", "2011-07-01" },       /* 00:59 summer time */
  { "2019-12-31T23:30:00Z", "2019-12-31" },       /* winter: London is UTC */
  { "2019-03-31T00:30:00Z", "2019-03-31" },       /* before the clocks go forward */
  { "2019-10-26T23:30:00Z", "2019-10-27" },       /* summer time's last night */
  { "2019-10-27T23:30:00Z", "2019-10-27" },       /* after the clocks go back */
  { "2020-02-29T12:00:00-05:00", "2020-02-29" },
  { "2020-02-29T23:00:00-05:00", "2020-03-01" },
  { "2019-04-01", "2019-04-01" },                 /* a date alone is that date */
  { "2019-07-01T00:00:00", "2019-07-01" },        /* no offset: London time */
};

static void
test_london_dates (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (london_cases); i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"d\":\"%s\"}", london_cases[i].moment);
      g_autoptr(JsonNode) root = parse (json);
      CmJsonCheck check = { NULL };
      g_autofree char *iso = NULL;
      GDate date;

      g_assert_true (cm_json_date (&check, json_node_get_object (root), "$", "d", &date));
      g_assert_no_error (check.error);
      iso = cm_date_format_iso (&date);
      g_assert_cmpstr (iso, ==, london_cases[i].date);
    }
}

static void
test_bad_date_names_its_path (void)
{
  g_autoptr(JsonNode) root = parse ("{\"period\":{\"startDate\":\"01/04/2019\"}}");
  JsonObject *period = json_object_get_object_member (json_node_get_object (root), "period");
  CmJsonCheck check = { NULL };
  GDate date;

  g_assert_false (cm_json_date (&check, period, "$.period", "startDate", &date));
  g_assert_nonnull (check.error);
  g_assert_true (g_str_has_prefix (check.error->message, "$.period.startDate: "));
  cm_json_check_clear (&check);
}

static void
test_notice_sections (void)
{
  g_assert_cmpint (cm_ocds_notice_section ("UK1"), ==, CM_OCDS_SECTION_TENDER);
  g_assert_cmpint (cm_ocds_notice_section ("UK4"), ==, CM_OCDS_SECTION_TENDER);
  g_assert_cmpint (cm_ocds_notice_section ("UK12"), ==, CM_OCDS_SECTION_TENDER);
  g_assert_cmpint (cm_ocds_notice_section ("UK6"), ==, CM_OCDS_SECTION_AWARD);
  g_assert_cmpint (cm_ocds_notice_section ("PSR-AWARD"), ==, CM_OCDS_SECTION_AWARD);
  g_assert_cmpint (cm_ocds_notice_section ("UK7"), ==, CM_OCDS_SECTION_CONTRACT);
  g_assert_cmpint (cm_ocds_notice_section ("UK11"), ==, CM_OCDS_SECTION_CONTRACT);
  g_assert_true (cm_ocds_notice_starts_standstill ("UK6"));
  g_assert_true (cm_ocds_notice_starts_standstill ("PSR-INTENTION"));
  g_assert_false (cm_ocds_notice_starts_standstill ("UK7"));
}

/* Every outcome that ends a contract has a rationale that reads back as
 * itself; one that does not end it has none. */
static void
test_termination_rationales (void)
{
  g_autoptr(GEnumClass) outcomes = g_type_class_ref (CM_TYPE_CONTRACT_OUTCOME);
  g_autoptr(CmContract) early = cm_contract_new ("T-2", "Ended early");
  const char *outcome = NULL, *notice_kind = NULL;

  for (guint i = 0; i < outcomes->n_values; i++)
    {
      g_autoptr(CmContract) contract = cm_contract_new ("T-1", "Ended");
      const char *nick = outcomes->values[i].value_nick;
      const char *rationale;

      g_object_set (contract, "outcome", outcomes->values[i].value, NULL);
      rationale = cm_ocds_termination_rationale (contract);
      if (g_str_equal (nick, "none") || g_str_equal (nick, "extended"))
        {
          g_assert_null (rationale);
          continue;
        }
      g_assert_nonnull (rationale);
      g_assert_true (cm_ocds_rationale_read (rationale, &outcome, &notice_kind));
      g_assert_cmpstr (outcome, ==, nick);
      g_assert_null (notice_kind);
    }
  g_object_set (early, "notice-kind", CM_NOTICE_KIND_EARLY_TERMINATION,
                "notice-served", "2026-01-05", NULL);
  g_assert_cmpstr (cm_ocds_termination_rationale (early), ==, "terminated-early");
  g_assert_true (cm_ocds_rationale_read ("terminated-early", &outcome, &notice_kind));
  g_assert_null (outcome);
  g_assert_cmpstr (notice_kind, ==, "early-termination");
  g_assert_false (cm_ocds_rationale_read ("cancelled", &outcome, &notice_kind));
}

static void
test_notice_address (void)
{
  g_autofree char *url = cm_ocds_notice_url ("2025/S 000-012345");
  g_autofree char *back = cm_ocds_notice_identifier (url);
  g_autofree char *other = cm_ocds_notice_identifier ("https://example.com/Notice/1");
  g_autofree char *broken = cm_ocds_notice_identifier (
    "https://www.find-tender.service.gov.uk/Notice/%FF");

  g_assert_cmpstr (back, ==, "2025/S 000-012345");
  g_assert_null (other);
  g_assert_null (broken);
}

static void
test_notices_from_documents (void)
{
  g_autoptr(JsonNode) root = parse (
    "{\"tender\":{\"documents\":[{\"id\":\"a\",\"noticeType\":\"UK4\","
    "\"datePublished\":\"2025-06-30T23:30:00Z\","
    "\"url\":\"https://www.find-tender.service.gov.uk/Notice/000042-2025\"},"
    "{\"id\":\"b\",\"noticeType\":\"F03\"}]},"
    "\"award\":{\"standstillPeriod\":{\"startDate\":\"2025-07-01\"}},"
    "\"bad\":{\"documents\":[{\"id\":\"c\",\"noticeType\":7}]}}");
  JsonObject *top = json_node_get_object (root);
  g_autoptr(GPtrArray) notices = g_ptr_array_new_with_free_func (cm_ocds_notice_free);
  CmJsonCheck check = { NULL };
  CmOcdsNotice *tender, *award;

  cm_ocds_notices_read_documents (&check, json_object_get_object_member (top, "tender"),
                                  "$.tender", notices);
  cm_ocds_notices_read_standstill (&check, json_object_get_object_member (top, "award"),
                                   "$.award", notices);
  g_assert_no_error (check.error);
  g_assert_cmpuint (notices->len, ==, 2);
  tender = g_ptr_array_index (notices, 0);
  award = g_ptr_array_index (notices, 1);
  /* 23:30 UTC on 30 June is 00:30 on 1 July in London. */
  g_assert_cmpstr (tender->code, ==, "UK4");
  g_assert_cmpstr (tender->published_on, ==, "2025-07-01");
  g_assert_cmpstr (tender->identifier, ==, "000042-2025");
  g_assert_cmpstr (award->code, ==, "UK6");
  g_assert_cmpstr (award->published_on, ==, "2025-07-01");
  g_assert_cmpstr (award->identifier, ==, "");

  cm_ocds_notices_read_documents (&check, json_object_get_object_member (top, "bad"), "$.bad",
                                  notices);
  g_assert_nonnull (check.error);
  g_assert_true (g_str_has_prefix (check.error->message, "$.bad.documents[0].noticeType: "));
  cm_json_check_clear (&check);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ocds/merge-rules", test_merge_rules);
  g_test_add_func ("/ocds/merge-fictional-example", test_merge_fictional_example);
  g_test_add_func ("/ocds/london-dates", test_london_dates);
  g_test_add_func ("/ocds/bad-date-names-its-path", test_bad_date_names_its_path);
  g_test_add_func ("/ocds/notice-sections", test_notice_sections);
  g_test_add_func ("/ocds/termination-rationales", test_termination_rationales);
  g_test_add_func ("/ocds/notice-address", test_notice_address);
  g_test_add_func ("/ocds/notices-from-documents", test_notices_from_documents);
  return g_test_run ();
}
