/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-ocds-import.c: Open Contracting data read into a portfolio
 *
 * Every release is checked where it stands in the file, so a problem is
 * named by its own path; then each contracting process is compiled and
 * its contracts become the rows of an import plan.
 */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "cm-ocds-import.h"
#include "cm-ocds-merge.h"
#include "cm-ocds-notices.h"
#include "cm-ocds-row.h"
#include "cm-ocds-variations.h"

G_DEFINE_QUARK (cm-ocds-error-quark, cm_ocds_error)

/* One contracting process: its compiled release, and where it came from. */
typedef struct {
  JsonObject *compiled;
  char *path; /* of the compiled release, or of its latest release */
} Process;

static void
process_free (gpointer data)
{
  Process *p = data;

  json_object_unref (p->compiled);
  g_free (p->path);
  g_free (p);
}

static void
add_process (GPtrArray *processes, JsonObject *compiled, const char *path)
{
  Process *p = g_new0 (Process, 1);

  p->compiled = compiled;
  p->path = g_strdup (path);
  g_ptr_array_add (processes, p);
}

/* ---- releases merged ---------------------------------------------------- */

typedef struct {
  GPtrArray *releases; /* JsonObject*, borrowed from the document */
  GPtrArray *paths;
  gboolean has_compiled;
} Group;

static void
group_free (gpointer data)
{
  Group *g = data;

  g_ptr_array_unref (g->releases);
  g_ptr_array_unref (g->paths);
  g_free (g);
}

static gboolean
is_compiled (JsonObject *release)
{
  JsonNode *tag = json_object_get_member (release, "tag");

  if (tag == NULL || !JSON_NODE_HOLDS_ARRAY (tag))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (tag)); i++)
    {
      JsonNode *item = json_array_get_element (json_node_get_array (tag), i);

      if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING &&
          g_str_equal (json_node_get_string (item), "compiled"))
        return TRUE;
    }
  return FALSE;
}

/* A compiled release stands for its process; otherwise the releases are
 * merged, which needs every one's date. */
static void
compile_group (CmJsonCheck *check, Group *g, GPtrArray *processes)
{
  guint last = g->releases->len - 1;

  for (guint i = g->releases->len; g->has_compiled && i-- > 0;)
    if (is_compiled (g_ptr_array_index (g->releases, i)))
      {
        add_process (processes, json_object_ref (g_ptr_array_index (g->releases, i)),
                     g_ptr_array_index (g->paths, i));
        return;
      }
  if (g->releases->len == 1)
    {
      add_process (processes, json_object_ref (g_ptr_array_index (g->releases, 0)),
                   g_ptr_array_index (g->paths, 0));
      return;
    }
  for (guint i = 0; i < g->releases->len; i++)
    {
      JsonObject *release = g_ptr_array_index (g->releases, i);
      const char *path = g_ptr_array_index (g->paths, i);
      GDate unused;

      if (!cm_json_date (check, release, path, "date", &unused) && cm_json_check_ok (check))
        {
          g_autofree char *where = cm_json_path_member (path, "date");

          cm_json_fail (check, where, _("this is missing. Releases of one ocid are merged in "
                                        "date order, so each needs its date."));
        }
    }
  if (cm_json_check_ok (check))
    add_process (processes, cm_ocds_merge (g->releases), g_ptr_array_index (g->paths, last));
}

/* Releases of a list, checked, grouped by ocid in the order first seen. */
static void
read_releases (CmJsonCheck *check, JsonArray *releases, const char *list_path,
               GPtrArray *processes)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, group_free);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

  for (guint i = 0; releases && i < json_array_get_length (releases); i++)
    {
      g_autofree char *path = cm_json_path_index (list_path, i);
      JsonObject *release = cm_json_element_object (check, releases, list_path, i);
      const char *ocid;
      Group *g;

      cm_ocds_release_check (check, release, path);
      if (!cm_json_check_ok (check))
        return;
      ocid = json_object_get_string_member (release, "ocid");
      if ((g = g_hash_table_lookup (groups, ocid)) == NULL)
        {
          g = g_new0 (Group, 1);
          g->releases = g_ptr_array_new ();
          g->paths = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (groups, (gpointer) ocid, g);
          g_ptr_array_add (order, g);
        }
      g_ptr_array_add (g->releases, release);
      g_ptr_array_add (g->paths, g_steal_pointer (&path));
      g->has_compiled |= is_compiled (release);
    }
  for (guint i = 0; i < order->len && cm_json_check_ok (check); i++)
    compile_group (check, g_ptr_array_index (order, i), processes);
}

/* ---- records ------------------------------------------------------------ */

/* A record's compiled release, else its embedded releases merged; linked
 * releases (a URL only) cannot be read from the file. */
static void
read_record (CmJsonCheck *check, JsonObject *record, const char *path, GPtrArray *processes)
{
  g_autofree char *compiled_path = cm_json_path_member (path, "compiledRelease");
  g_autofree char *releases_path = cm_json_path_member (path, "releases");
  JsonObject *compiled = cm_json_object (check, record, path, "compiledRelease", FALSE);
  JsonArray *releases = NULL;
  const char *ocid = cm_json_string (check, record, path, "ocid", TRUE);

  if (compiled)
    {
      cm_ocds_release_check (check, compiled, compiled_path);
      if (cm_json_check_ok (check))
        add_process (processes, json_object_ref (compiled), compiled_path);
      return;
    }
  releases = cm_json_array (check, record, path, "releases", TRUE);
  for (guint i = 0; releases && i < json_array_get_length (releases); i++)
    {
      JsonObject *release = cm_json_element_object (check, releases, releases_path, i);

      if (release && !json_object_has_member (release, "ocid"))
        {
          g_autofree char *where = cm_json_path_index (releases_path, i);

          cm_json_fail (check, where, _("record %s has no compiled release and this release is "
                                        "only a link. Download the record package with its "
                                        "compiled releases, or the release package itself."),
                        ocid ? ocid : "");
        }
    }
  read_releases (check, releases, releases_path, processes);
}

static void
read_records (CmJsonCheck *check, JsonArray *records, GPtrArray *processes)
{
  for (guint i = 0; i < json_array_get_length (records) && cm_json_check_ok (check); i++)
    {
      g_autofree char *path = cm_json_path_index ("$.records", i);
      JsonObject *record = cm_json_element_object (check, records, "$.records", i);

      read_record (check, record, path, processes);
    }
}

/* ---- the document ------------------------------------------------------- */

/* Far deeper than any OCDS document nests (about ten levels). */
#define MAX_DEPTH 256

/* Whether arrays and objects nest deeper than MAX_DEPTH, counted outside
 * strings: the JSON parser recurses once per level, and a small file of
 * brackets would otherwise exhaust the stack. The parser also takes
 * single-quoted strings and comments, which strict JSON has not: text
 * with a quote or slash outside a string counts as too deep too, since a
 * '"' hidden in one would end this count's idea of a string. */
static gboolean
nests_too_deeply (const char *text, gsize length)
{
  gboolean in_string = FALSE;
  int depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '\'' || c == '/')
        return TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_DEPTH)
            return TRUE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return FALSE;
}

static JsonNode *
load (const char *path, GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;
  JsonNode *root;

  if (!g_file_get_contents (path, &text, &length, &local))
    {
      g_set_error (error, CM_OCDS_ERROR, CM_OCDS_ERROR_INVALID,
                   _("Could not read %s: %s"), path, local->message);
      return NULL;
    }
  if (nests_too_deeply (text, length))
    {
      g_set_error (error, CM_OCDS_ERROR, CM_OCDS_ERROR_INVALID,
                   _("%s: %s is not strict JSON, or nests lists and objects more than %d "
                     "deep, which no OCDS document does."), "$", path, MAX_DEPTH);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, text, length, &local))
    {
      /* The parser names data it was given as "<data>", then line:column. */
      const char *where = g_str_has_prefix (local->message, "<data>:")
                          ? local->message + strlen ("<data>:") : local->message;

      /* TRANSLATORS: the JSON path of the whole document, the file, then
       * the parser's message, which begins with the line and column */
      g_set_error (error, CM_OCDS_ERROR, CM_OCDS_ERROR_INVALID,
                   _("%s: %s is not valid JSON, at line:column %s"), "$", path, where);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, CM_OCDS_ERROR, CM_OCDS_ERROR_INVALID,
                   _("%s: %s is not an OCDS release package or record package: it is not a "
                     "JSON object."), "$", path);
      return NULL;
    }
  return json_node_ref (root);
}

static GPtrArray *
read_processes (JsonObject *package, GError **error)
{
  CmJsonCheck check = { NULL };
  g_autoptr(GPtrArray) processes = g_ptr_array_new_with_free_func (process_free);
  JsonArray *records = cm_json_array (&check, package, "$", "records", FALSE);
  JsonArray *releases = records ? NULL : cm_json_array (&check, package, "$", "releases", FALSE);

  if (cm_json_check_ok (&check) && records == NULL && releases == NULL)
    cm_json_fail (&check, "$", _("this is neither an OCDS release package (with releases) nor a "
                                 "record package (with records)."));
  if (records)
    read_records (&check, records, processes);
  else if (releases)
    read_releases (&check, releases, "$.releases", processes);
  if (!cm_json_check_ok (&check))
    {
      g_propagate_error (error, g_steal_pointer (&check.error));
      return NULL;
    }
  return g_steal_pointer (&processes);
}

/* ---- rows --------------------------------------------------------------- */

typedef struct {
  char *release_path;
  char *contract_path;
} RowPlace;

static void
row_place_clear (gpointer data)
{
  RowPlace *place = data;

  g_free (place->release_path);
  g_free (place->contract_path);
}

/* What each table row adds to its contract besides its fields: its
 * procurement notices and its variations, by row (row 0, the header, has
 * none). */
typedef struct {
  GPtrArray *notices;     /* of GPtrArray of CmOcdsNotice */
  GPtrArray *variations;  /* of GPtrArray of CmOcdsVariation */
} RowAdditions;

static RowAdditions *
row_additions_new (void)
{
  RowAdditions *added = g_rc_box_new0 (RowAdditions);

  added->notices = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  added->variations = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_ptr_array_add (added->notices, g_ptr_array_new ());
  g_ptr_array_add (added->variations, g_ptr_array_new ());
  return added;
}

static void
row_additions_clear (gpointer data)
{
  RowAdditions *added = data;

  g_ptr_array_unref (added->notices);
  g_ptr_array_unref (added->variations);
}

/* Shared by the file read once and each plan made from it. */
static void
row_additions_free (gpointer data)
{
  g_rc_box_release_full (data, row_additions_clear);
}

static CmTable *
table_of (GPtrArray *processes, const char *service, GArray *places, RowAdditions *added,
          guint *n_unnamed, GError **error)
{
  g_autoptr(CmTable) table = cm_table_new ();
  CmJsonCheck check = { NULL };

  cm_table_begin_row (table);
  for (guint c = 0; c < CM_OCDS_N_COLUMNS; c++)
    cm_table_append_cell (table, cm_import_field_nick (cm_ocds_column_field (c)), -1);
  g_array_set_size (places, 1);
  for (guint i = 0; i < processes->len; i++)
    {
      Process *p = g_ptr_array_index (processes, i);
      JsonArray *contracts = cm_json_array (&check, p->compiled, p->path, "contracts", FALSE);
      g_autofree char *contracts_path = cm_json_path_member (p->path, "contracts");

      for (guint j = 0; contracts && j < json_array_get_length (contracts); j++)
        {
          char *cells[CM_OCDS_N_COLUMNS];
          RowPlace place = { g_strdup (p->path), cm_json_path_index (contracts_path, j) };
          GPtrArray *row_notices = g_ptr_array_new_with_free_func (cm_ocds_notice_free);
          GPtrArray *row_variations = g_ptr_array_new_with_free_func (cm_ocds_variation_free);

          g_ptr_array_add (added->notices, row_notices);
          g_ptr_array_add (added->variations, row_variations);
          /* No service first, to count the contracts that name none. */
          cm_ocds_row_read (&check, p->compiled, p->path, j, "", cells, row_notices,
                            row_variations);
          if (cells[CM_OCDS_COLUMN_SERVICE] == NULL)
            {
              cells[CM_OCDS_COLUMN_SERVICE] = g_strdup (service);
              (*n_unnamed)++;
            }
          cm_table_begin_row (table);
          for (guint c = 0; c < CM_OCDS_N_COLUMNS; c++)
            {
              cm_table_append_cell (table, cells[c] ? cells[c] : "", -1);
              g_free (cells[c]);
            }
          g_array_append_val (places, place);
        }
    }
  if (!cm_json_check_ok (&check))
    {
      g_propagate_error (error, g_steal_pointer (&check.error));
      return NULL;
    }
  if (cm_table_get_n_rows (table) < 2)
    {
      g_set_error (error, CM_OCDS_ERROR, CM_OCDS_ERROR_EMPTY,
                   _("%s: the file holds no contracts. Only contracting processes that have "
                     "reached a contract can be imported."), "$");
      return NULL;
    }
  return g_steal_pointer (&table);
}

static GArray *
mapping_of (void)
{
  GArray *mapping = g_array_new (FALSE, FALSE, sizeof (CmImportField));

  for (guint c = 0; c < CM_OCDS_N_COLUMNS; c++)
    {
      CmImportField field = cm_ocds_column_field (c);

      g_array_append_val (mapping, field);
    }
  return mapping;
}

/* A row's problem ("C5: …" or "Row 5: …") with its JSON path instead. */
static char *
at_path (const char *problem, guint row, const RowPlace *place)
{
  g_autofree char *row_name = g_strdup_printf (_("Row %u"), row + 1);

  for (guint c = 0; c < CM_OCDS_N_COLUMNS; c++)
    {
      g_autofree char *cell = cm_table_cell_name (row, c);
      gsize length = strlen (cell);

      if (strncmp (problem, cell, length) == 0 && strncmp (problem + length, ": ", 2) == 0)
        {
          g_autofree char *path = cm_ocds_column_path (c, place->release_path,
                                                       place->contract_path);

          return g_strdup_printf (_("%s: %s"), path, problem + length + 2);
        }
    }
  if (g_str_has_prefix (problem, row_name) && strncmp (problem + strlen (row_name), ": ", 2) == 0)
    return g_strdup_printf (_("%s: %s"), place->contract_path, problem + strlen (row_name) + 2);
  return g_strdup_printf (_("%s: %s"), place->contract_path, problem);
}

static void
refuse_rows (CmImportPlan *plan, GArray *places, GError **error)
{
  g_autoptr(GString) message = g_string_new (NULL);

  for (guint row = 1; row < places->len; row++)
    {
      const GPtrArray *problems = cm_import_plan_row_problems (plan, row);

      for (guint i = 0; problems && i < problems->len; i++)
        {
          g_autofree char *line = at_path (g_ptr_array_index (problems, i), row,
                                           &g_array_index (places, RowPlace, row));

          g_string_append_printf (message, "%s%s", message->len ? "\n" : "", line);
        }
    }
  g_set_error (error, CM_OCDS_ERROR, CM_OCDS_ERROR_INVALID, "%s", message->str);
}

/* Each contract written, or already there unchanged, gains the notices
 * and variations its row read that it does not have: a later release
 * that only adds a notice is the usual case. */
static gboolean
write_additions (CmImportPlan *plan, CmStore *store, gpointer data, GError **error)
{
  RowAdditions *added = data;
  guint n_added = 0;
  g_autofree char *summary = NULL;

  for (guint row = 1; row < added->notices->len; row++)
    {
      CmContract *contract = cm_import_plan_row_contract (plan, row);

      if (contract &&
          (!cm_ocds_notices_write (store, contract, g_ptr_array_index (added->notices, row),
                                   &n_added, error) ||
           !cm_ocds_variations_write (store, contract, g_ptr_array_index (added->variations, row),
                                      error)))
        {
          g_prefix_error (error, _("Row %u: "), row + 1);
          return FALSE;
        }
    }
  if (n_added)
    summary = g_strdup_printf (ngettext ("%u procurement notice added",
                                         "%u procurement notices added", n_added), n_added);
  cm_import_plan_set_more_summary (plan, summary);
  return TRUE;
}

/* ---- the file read once, planned as often as asked ---------------------- */

struct _CmOcdsFile
{
  CmTable *table;
  GArray *mapping;
  GArray *places;     /* RowPlace, by table row */
  RowAdditions *added; /* each row's notices and variations, by table row */
  guint n_unnamed;
};

void
cm_ocds_file_free (CmOcdsFile *file)
{
  if (file == NULL)
    return;
  cm_table_free (file->table);
  g_array_unref (file->mapping);
  g_array_unref (file->places);
  row_additions_free (file->added);
  g_free (file);
}

CmOcdsFile *
cm_ocds_file_read (const char *path, GError **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) processes = NULL;
  CmOcdsFile *file;

  g_return_val_if_fail (path != NULL, NULL);

  if ((root = load (path, error)) == NULL ||
      (processes = read_processes (json_node_get_object (root), error)) == NULL)
    return NULL;
  file = g_new0 (CmOcdsFile, 1);
  file->mapping = mapping_of ();
  file->places = g_array_new (FALSE, TRUE, sizeof (RowPlace));
  g_array_set_clear_func (file->places, row_place_clear);
  file->added = row_additions_new ();
  file->table = table_of (processes, "", file->places, file->added,
                          &file->n_unnamed, error);
  if (file->table == NULL)
    g_clear_pointer (&file, cm_ocds_file_free);
  return file;
}

CmTable *
cm_ocds_file_get_table (CmOcdsFile *file)
{
  return file->table;
}

GArray *
cm_ocds_file_get_mapping (CmOcdsFile *file)
{
  return file->mapping;
}

guint
cm_ocds_file_get_n_unnamed (CmOcdsFile *file)
{
  return file->n_unnamed;
}

CmImportPlan *
cm_ocds_file_plan (CmOcdsFile *file, CmStore *store, gint64 service_id, const char *service,
                   CmImportDuplicate on_duplicate, GArray *excluded, GError **error)
{
  g_autoptr(CmImportPlan) plan = NULL;

  g_return_val_if_fail (file != NULL && CM_IS_STORE (store), NULL);

  plan = cm_import_plan_new_with_service (store, file->table, file->mapping, on_duplicate,
                                          excluded, service_id, service, error);
  if (plan == NULL)
    return NULL;
  if (cm_import_plan_count (plan, CM_IMPORT_ROW_INVALID) > 0)
    {
      refuse_rows (plan, file->places, error);
      return NULL;
    }
  cm_import_plan_set_more_write (plan, write_additions, g_rc_box_acquire (file->added),
                                 row_additions_free);
  return g_steal_pointer (&plan);
}

guint
cm_ocds_file_count_new_notices (CmOcdsFile *file, CmImportPlan *plan, CmStore *store)
{
  guint n = 0;

  for (guint row = 1; row < file->added->notices->len; row++)
    {
      CmContract *contract = cm_import_plan_row_contract (plan, row);

      if (contract)
        n += cm_ocds_notices_count_new (store, contract,
                                        g_ptr_array_index (file->added->notices, row));
    }
  return n;
}

CmImportPlan *
cm_ocds_import_plan (CmStore *store, const char *path, const char *service,
                     CmImportDuplicate on_duplicate, GError **error)
{
  g_autoptr(CmOcdsFile) file = NULL;

  g_return_val_if_fail (CM_IS_STORE (store) && path != NULL, NULL);

  if ((file = cm_ocds_file_read (path, error)) == NULL)
    return NULL;
  return cm_ocds_file_plan (file, store, 0, service, on_duplicate, NULL, error);
}
