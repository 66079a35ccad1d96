/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-xlsx-part.c: one part of an XLSX workbook, streamed as XML
 *
 * Each part is streamed from the zip by minizip into libxml2's
 * xmlTextReader, so that a large sheet is never held as XML.
 *
 * The file may come from anywhere: the network is never used, entities are
 * never expanded and a document type is refused (OOXML has none), and every
 * part is refused past MAX_PART_BYTES, and cut off past the size its zip
 * entry declares.
 */
#include <glib/gi18n-lib.h>
#include <libxml/xmlreader.h>
#include <string.h>

#include "cm-table.h"
#include "cm-xlsx-part.h"

#define MAX_PART_BYTES (G_GUINT64_CONSTANT (1) << 30)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlTextReader, xmlFreeTextReader)

typedef struct {
  unzFile zip;
  guint64 declared; /* the entry's uncompressed size, as the zip declares it */
  guint64 n_read;
  gboolean too_large;
  gboolean damaged;
  gboolean at_end;
} Stream;

struct _CmXlsxPart {
  Stream stream;
  xmlTextReader *xml;
  char *name;
  xmlGenericErrorFunc saved_handler;
  void *saved_context;
  /* Of the current node, read once: a sheet has millions. */
  int node_type;
  const char *local_name;
};

static int
stream_read (void *context, char *buffer, int len)
{
  Stream *stream = context;
  int n;

  if (stream->n_read > MAX_PART_BYTES)
    {
      stream->too_large = TRUE;
      return -1;
    }
  n = unzReadCurrentFile (stream->zip, buffer, len);
  /* A stream that inflates past what it declared is not the part it says
   * it is: stop at once rather than inflate what a forged size hides. */
  if (n < 0 || stream->n_read + n > stream->declared)
    {
      stream->damaged = TRUE;
      return -1;
    }
  stream->at_end = n == 0;
  stream->n_read += n;
  return n;
}

static int
stream_close (void *context)
{
  return 0;
}

/* libxml2 would print its errors; ours say what to do. */
static void
ignore_xml_error (void *data, xmlErrorPtr xml_error)
{
}

/* Encoding errors bypass the reader's handler and go to the thread's. */
static void G_GNUC_PRINTF (2, 3)
ignore_generic_error (void *data, const char *message, ...)
{
}

static void
set_damaged (GError **error, const char *part)
{
  g_set_error (error, CM_TABLE_ERROR, CM_TABLE_ERROR_FORMAT,
               _("The workbook is damaged: its part “%s” cannot be read. Open it in "
                 "your spreadsheet and save it again, or save it as CSV UTF-8."),
               part);
}

void
cm_xlsx_part_set_too_large (GError **error)
{
  g_set_error (error, CM_TABLE_ERROR, CM_TABLE_ERROR_TOO_LARGE,
               _("The workbook holds more data than Commissioner can import. Check "
                 "that it is the contracts register, and remove what is not needed."));
}

void
cm_xlsx_part_free (CmXlsxPart *part)
{
  if (!part)
    return;
  if (part->xml)
    xmlFreeTextReader (part->xml);
  xmlSetGenericErrorFunc (part->saved_context, part->saved_handler);
  unzCloseCurrentFile (part->stream.zip);
  g_free (part->name);
  g_free (part);
}

/* Opens the entry @name of @zip for reading into @stream: FALSE without
 * an error when there is no such entry. */
static gboolean
stream_open (Stream *stream, unzFile zip, const char *name, GError **error)
{
  unz_file_info64 info;

  if (unzLocateFile (zip, name, 2) != UNZ_OK)
    return FALSE;
  if (unzGetCurrentFileInfo64 (zip, &info, NULL, 0, NULL, 0, NULL, 0) != UNZ_OK)
    {
      set_damaged (error, name);
      return FALSE;
    }
  if (info.uncompressed_size > MAX_PART_BYTES)
    {
      cm_xlsx_part_set_too_large (error);
      return FALSE;
    }
  if (unzOpenCurrentFile (zip) != UNZ_OK)
    {
      set_damaged (error, name);
      return FALSE;
    }
  *stream = (Stream) { .zip = zip, .declared = info.uncompressed_size };
  return TRUE;
}

CmXlsxPart *
cm_xlsx_part_open (unzFile zip, const char *name, GError **error)
{
  g_autoptr(CmXlsxPart) part = NULL;
  Stream stream;

  if (!stream_open (&stream, zip, name, error))
    return NULL;
  part = g_new0 (CmXlsxPart, 1);
  part->stream = stream;
  part->name = g_strdup (name);
  part->saved_handler = xmlGenericError;
  part->saved_context = xmlGenericErrorContext;
  xmlSetGenericErrorFunc (NULL, ignore_generic_error);
  part->xml = xmlReaderForIO (stream_read, stream_close, &part->stream, NULL, NULL,
                              XML_PARSE_NONET | XML_PARSE_NOCDATA);
  if (!part->xml)
    {
      set_damaged (error, name);
      return NULL;
    }
  xmlTextReaderSetStructuredErrorHandler (part->xml, ignore_xml_error, NULL);
  return g_steal_pointer (&part);
}

int
cm_xlsx_part_next (CmXlsxPart *part, GError **error)
{
  int ret = xmlTextReaderRead (part->xml);

  part->node_type = ret == 1 ? xmlTextReaderNodeType (part->xml) : XML_READER_TYPE_NONE;
  part->local_name = NULL;
  if (part->node_type == XML_READER_TYPE_ELEMENT || part->node_type == XML_READER_TYPE_END_ELEMENT)
    part->local_name = (const char *) xmlTextReaderConstLocalName (part->xml);
  if (part->node_type == XML_READER_TYPE_DOCUMENT_TYPE)
    ret = -1;
  if (ret == 0 && part->stream.at_end && unzCloseCurrentFile (part->stream.zip) == UNZ_CRCERROR)
    ret = -1;
  if (ret < 0)
    {
      if (part->stream.too_large)
        cm_xlsx_part_set_too_large (error);
      else
        set_damaged (error, part->name);
    }
  return ret;
}

gboolean
cm_xlsx_part_is_any_element (CmXlsxPart *part)
{
  return part->node_type == XML_READER_TYPE_ELEMENT;
}

gboolean
cm_xlsx_part_is_element (CmXlsxPart *part, const char *local_name)
{
  return part->node_type == XML_READER_TYPE_ELEMENT && g_strcmp0 (part->local_name, local_name) == 0;
}

gboolean
cm_xlsx_part_is_end (CmXlsxPart *part, const char *local_name)
{
  return part->node_type == XML_READER_TYPE_END_ELEMENT && g_strcmp0 (part->local_name, local_name) == 0;
}

gboolean
cm_xlsx_part_is_open (CmXlsxPart *part, const char *local_name)
{
  return cm_xlsx_part_is_element (part, local_name) && !xmlTextReaderIsEmptyElement (part->xml);
}

gboolean
cm_xlsx_part_is_empty (CmXlsxPart *part)
{
  return xmlTextReaderIsEmptyElement (part->xml);
}

gboolean
cm_xlsx_part_is_text (CmXlsxPart *part)
{
  switch (part->node_type)
    {
    case XML_READER_TYPE_TEXT:
    case XML_READER_TYPE_CDATA:
    case XML_READER_TYPE_WHITESPACE:
    case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
      return TRUE;
    default:
      return FALSE;
    }
}

char *
cm_xlsx_part_get_attribute (CmXlsxPart *part, const char *local_name)
{
  char *value = NULL;

  while (!value && xmlTextReaderMoveToNextAttribute (part->xml) == 1)
    {
      if (g_strcmp0 ((const char *) xmlTextReaderConstLocalName (part->xml), local_name) == 0)
        value = g_strdup ((const char *) xmlTextReaderConstValue (part->xml));
    }
  xmlTextReaderMoveToElement (part->xml);
  return value;
}

void
cm_xlsx_part_append_text (CmXlsxPart *part, GString *text, gsize limit)
{
  const char *value = (const char *) xmlTextReaderConstValue (part->xml);
  gsize len = value ? strlen (value) : 0;

  if (text->len <= limit)
    g_string_append_len (text, value, MIN (len, limit + 1 - text->len));
}

/* ---- counting elements ------------------------------------------------ */

/* Whether the tag starting at @tag (after its "<") opens an element whose
 * local name is the single character @name, in any namespace. */
static gboolean
tag_is (const char *tag, const char *end, char name)
{
  const char *local = tag;
  const char *p = tag;

  for (; p < end && !g_ascii_isspace (*p) && *p != '>' && *p != '/'; p++)
    if (*p == ':')
      local = p + 1;
  return p < end && p - local == 1 && *local == name;
}

/* A tag cut by the end of a buffer is carried over to the next, up to
 * this long; a longer name is no cell's. */
#define CARRY_MAX 64

gboolean
cm_xlsx_part_has_more_elements (unzFile zip, const char *name, char local_name, guint64 limit,
                                gboolean *more, GError **error)
{
  g_autofree char *buffer = NULL;
  Stream stream;
  guint64 count = 0;
  gsize carried = 0;
  int n;

  *more = FALSE;
  if (!stream_open (&stream, zip, name, error))
    return error == NULL || *error == NULL;
  /* Each such element takes four bytes at least ("<c/>"): a part too
   * small to hold more needs no counting. */
  if (stream.declared / 4 <= limit)
    {
      unzCloseCurrentFile (zip);
      return TRUE;
    }
  buffer = g_malloc (CARRY_MAX + 256 * 1024);
  while ((n = stream_read (&stream, buffer + carried, 256 * 1024)) > 0)
    {
      const char *end = buffer + carried + n;
      const char *p = buffer;

      carried = 0;
      while ((p = memchr (p, '<', end - p)) != NULL)
        {
          if (end - p <= CARRY_MAX && !memchr (p, '>', end - p))
            {
              carried = end - p;
              memmove (buffer, p, carried);
              break;
            }
          p++;
          if (tag_is (p, end, local_name) && ++count > limit)
            {
              *more = TRUE;
              unzCloseCurrentFile (zip);
              return TRUE;
            }
        }
    }
  if (n < 0 || unzCloseCurrentFile (zip) == UNZ_CRCERROR)
    {
      if (stream.too_large)
        cm_xlsx_part_set_too_large (error);
      else
        set_damaged (error, name);
      return FALSE;
    }
  return TRUE;
}
