/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-term.c: contract terms as commissioners write them ("3+1+1")
 *
 * The text is split into numbers, units and the words "plus", "and", "up"
 * and "to", then read as parts: the initial period, then extensions after
 * "+", "plus" or "and", each optionally "up to". A part is one amount
 * ("3", "6 months") or amounts in falling units ("3 years 5 months").
 *
 * "and" is both a separator and a joiner. It joins the next amount into the
 * same period when that amount has a smaller unit and is less than one of
 * the unit before it ("3 years and 5 months" is one period); otherwise it
 * starts an extension ("5 years and 24 months" is 5 years + 2 years,
 * "3 and 2" is 3+2, "2 years and up to 6 months" has a 6-month extension).
 * Written without "and", falling units always join ("3 years 24 months").
 *
 * A bare number means years. A term that mixes bare numbers with a part in
 * months, weeks or days ("6+6 months") is refused: it reads as 6 months
 * twice or as 6 years and 6 months, and a wrong guess moves every date.
 *
 * Registers write terms in words too: "three years, plus the provision to
 * extend for a further 24 months". Number words up to twenty count; "with",
 * "option", "provision", "extend" and "extension" introduce an extension
 * like "plus"; words such as "the", "a", "for", "further" and "period" say
 * nothing about length and are passed over. Text that begins with an
 * option ("option to extend by 12 months") has no stated initial period:
 * the contract's end date stands in for it.
 */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "cm-term.h"

#define MAX_EXTENSIONS 10
#define MAX_MONTHS (100 * 12) /* no part of a term is longer than a century */
#define MAX_NUMBER 1000000    /* larger numbers saturate, so sums cannot overflow */

G_DEFINE_QUARK (cm-term-error-quark, cm_term_error)
G_DEFINE_BOXED_TYPE (CmTerm, cm_term, cm_term_copy, cm_term_free)

/* In order of size, so that a smaller unit compares lower. */
typedef enum {
  UNIT_NONE,
  UNIT_DAY,
  UNIT_WEEK,
  UNIT_MONTH,
  UNIT_YEAR,
} Unit;

typedef enum {
  TOKEN_END,
  TOKEN_NUMBER,
  TOKEN_UNIT,
  TOKEN_PLUS,
  TOKEN_AND,
  TOKEN_UP,
  TOKEN_TO,
  TOKEN_OPTION, /* "option", "extend": an extension follows */
  TOKEN_FILLER, /* "the", "further": dropped as read */
} TokenKind;

typedef struct {
  TokenKind kind;
  int value; /* the number, or the Unit */
} Token;

static const struct {
  const char *word;
  TokenKind kind;
  Unit unit;
} words[] = {
  { "year", TOKEN_UNIT, UNIT_YEAR },   { "years", TOKEN_UNIT, UNIT_YEAR },
  { "yr", TOKEN_UNIT, UNIT_YEAR },     { "yrs", TOKEN_UNIT, UNIT_YEAR },
  { "month", TOKEN_UNIT, UNIT_MONTH }, { "months", TOKEN_UNIT, UNIT_MONTH },
  { "mth", TOKEN_UNIT, UNIT_MONTH },   { "mths", TOKEN_UNIT, UNIT_MONTH },
  { "week", TOKEN_UNIT, UNIT_WEEK },   { "weeks", TOKEN_UNIT, UNIT_WEEK },
  { "day", TOKEN_UNIT, UNIT_DAY },     { "days", TOKEN_UNIT, UNIT_DAY },
  { "plus", TOKEN_PLUS, UNIT_NONE },   { "and", TOKEN_AND, UNIT_NONE },
  { "up", TOKEN_UP, UNIT_NONE },       { "to", TOKEN_TO, UNIT_NONE },
  { "with", TOKEN_PLUS, UNIT_NONE },
  { "option", TOKEN_OPTION, UNIT_NONE },    { "options", TOKEN_OPTION, UNIT_NONE },
  { "provision", TOKEN_OPTION, UNIT_NONE }, { "extend", TOKEN_OPTION, UNIT_NONE },
  { "extension", TOKEN_OPTION, UNIT_NONE }, { "extensions", TOKEN_OPTION, UNIT_NONE },
  { "the", TOKEN_FILLER, UNIT_NONE },       { "a", TOKEN_FILLER, UNIT_NONE },
  { "an", TOKEN_FILLER, UNIT_NONE },        { "for", TOKEN_FILLER, UNIT_NONE },
  { "further", TOKEN_FILLER, UNIT_NONE },   { "period", TOKEN_FILLER, UNIT_NONE },
  { "periods", TOKEN_FILLER, UNIT_NONE },   { "by", TOKEN_FILLER, UNIT_NONE },
  { "of", TOKEN_FILLER, UNIT_NONE },        { "additional", TOKEN_FILLER, UNIT_NONE },
};

/* Number words as registers write them; "twenty" is the largest. */
static const char * const number_words[] = {
  "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
  "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
  "nineteen", "twenty",
};

/* A part as written: its length, and its largest unit (UNIT_NONE for a
 * bare number, which counts as years). */
typedef struct {
  CmPeriod length;
  Unit largest;
  gboolean unstated; /* an initial period the text leaves to the end date */
} Part;

typedef struct {
  GArray *tokens; /* of Token, ending with TOKEN_END */
  guint pos;
} Parser;

static void
add_token (GArray *tokens, TokenKind kind, int value)
{
  Token token = { kind, value };

  g_array_append_val (tokens, token);
}

static const char *
read_number (const char *p, GArray *tokens)
{
  int value = 0;

  for (; g_ascii_isdigit (*p); p++)
    value = MIN (value * 10 + (*p - '0'), MAX_NUMBER);
  add_token (tokens, TOKEN_NUMBER, value);
  return p;
}

static gboolean
is_word (const char *p, gsize len, const char *word)
{
  return strlen (word) == len && g_ascii_strncasecmp (p, word, len) == 0;
}

static TokenKind
last_kind (GArray *tokens)
{
  return tokens->len ? g_array_index (tokens, Token, tokens->len - 1).kind : TOKEN_END;
}

/* Returns NULL for a word that has no place in a term. "to" after an
 * option ("option to extend") belongs to the option, not to "up to". */
static const char *
read_word (const char *p, GArray *tokens)
{
  gsize len = 0;

  while (g_ascii_isalpha (p[len]))
    len++;
  for (gsize i = 0; i < G_N_ELEMENTS (number_words); i++)
    if (is_word (p, len, number_words[i]))
      {
        add_token (tokens, TOKEN_NUMBER, (int) i);
        return p + len;
      }
  for (gsize i = 0; i < G_N_ELEMENTS (words); i++)
    if (is_word (p, len, words[i].word))
      {
        gboolean option_to = words[i].kind == TOKEN_TO && last_kind (tokens) == TOKEN_OPTION;

        if (words[i].kind != TOKEN_FILLER && !option_to)
          add_token (tokens, words[i].kind, words[i].unit);
        return p + len;
      }
  return NULL;
}

/* Anything but digits, ASCII letters, "+", commas and spaces fails, so
 * "2.5", "-3" and "2019-04-01" are refused rather than half read. A comma
 * separates words ("three years, plus ...") and counts as a space. */
static gboolean
tokenize (const char *text, GArray *tokens)
{
  const char *nbsp = "\xc2\xa0"; /* comes with text pasted from spreadsheets */
  const char *p = text;

  while (p != NULL && *p != '\0')
    {
      if (g_ascii_isspace (*p) || *p == ',')
        p++;
      else if (g_str_has_prefix (p, nbsp))
        p += strlen (nbsp);
      else if (*p == '+')
        {
          add_token (tokens, TOKEN_PLUS, 0);
          p++;
        }
      else if (g_ascii_isdigit (*p))
        p = read_number (p, tokens);
      else if (g_ascii_isalpha (*p))
        p = read_word (p, tokens);
      else
        return FALSE;
    }
  add_token (tokens, TOKEN_END, 0);
  return p != NULL;
}

static const Token *
token_at (const Parser *parser, guint ahead)
{
  guint i = MIN (parser->pos + ahead, parser->tokens->len - 1);

  return &g_array_index (parser->tokens, Token, i);
}

static TokenKind
peek (const Parser *parser)
{
  return token_at (parser, 0)->kind;
}

static void
add_amount (CmPeriod *period, int amount, Unit unit)
{
  switch (unit)
    {
    case UNIT_NONE:
    case UNIT_YEAR:
      period->months += amount * 12;
      break;
    case UNIT_MONTH:
      period->months += amount;
      break;
    case UNIT_WEEK:
      period->days += amount * 7;
      break;
    case UNIT_DAY:
      period->days += amount;
      break;
    default:
      g_assert_not_reached ();
    }
}

/* How many of @smaller make one @larger, counting the shortest month and
 * year: "and" joins "5 months" onto years, but not "12 months". */
static int
per_unit (Unit larger, Unit smaller)
{
  static const int days[] = {
    [UNIT_DAY] = 1, [UNIT_WEEK] = 7, [UNIT_MONTH] = 28, [UNIT_YEAR] = 365,
  };

  if (larger == UNIT_YEAR && smaller == UNIT_MONTH)
    return 12;
  return days[larger] / days[smaller];
}

/* Whether the amount ahead (after an "and" if @after_and) belongs to the
 * period whose smallest unit so far is @last. In a single period there
 * are no extensions, so "and" always joins there. */
static gboolean
joins (const Parser *parser, Unit last, gboolean after_and, gboolean in_term)
{
  const Token *amount = token_at (parser, after_and ? 1 : 0);
  const Token *unit = token_at (parser, after_and ? 2 : 1);

  if (amount->kind != TOKEN_NUMBER || unit->kind != TOKEN_UNIT || (Unit) unit->value >= last)
    return FALSE;
  return !(after_and && in_term) || amount->value < per_unit (last, unit->value);
}

/* One period; it stops before whatever does not belong to it, for the
 * caller to judge. A bare number is read as years and marked as bare, so
 * that cm_period_parse can refuse it. */
static gboolean
parse_period (Parser *parser, gboolean in_term, Part *part)
{
  const Token *amount = token_at (parser, 0);
  const Token *unit = token_at (parser, 1);

  memset (part, 0, sizeof *part);
  if (amount->kind != TOKEN_NUMBER)
    return FALSE;
  if (unit->kind != TOKEN_UNIT)
    {
      add_amount (&part->length, amount->value, UNIT_NONE);
      parser->pos++;
      return TRUE;
    }
  part->largest = unit->value;
  add_amount (&part->length, amount->value, part->largest);
  parser->pos += 2;

  for (Unit last = part->largest;;)
    {
      gboolean after_and = peek (parser) == TOKEN_AND;

      if (!joins (parser, last, after_and, in_term))
        return TRUE;
      if (after_and)
        parser->pos++;
      amount = token_at (parser, 0);
      last = token_at (parser, 1)->value;
      add_amount (&part->length, amount->value, last);
      parser->pos += 2;
    }
}

static gboolean
is_separator (TokenKind kind)
{
  return kind == TOKEN_PLUS || kind == TOKEN_AND || kind == TOKEN_OPTION;
}

/* "plus the option to extend" is one separator, as is "+"; two of "+",
 * "plus" and "and" together ("3++2") are not. */
static gboolean
skip_separators (Parser *parser)
{
  guint joiners = 0;

  for (; is_separator (peek (parser)); parser->pos++)
    joiners += peek (parser) != TOKEN_OPTION;
  return joiners <= 1;
}

/* A term that opens with an option states no initial period; its first
 * part is left empty and marked unstated. */
static gboolean
parse_parts (Parser *parser, GArray *parts)
{
  Part part;

  if (peek (parser) == TOKEN_OPTION)
    {
      Part unstated = { { 0, 0 }, UNIT_NONE, TRUE };

      g_array_append_val (parts, unstated);
      if (!skip_separators (parser))
        return FALSE;
    }
  else
    {
      if (!parse_period (parser, TRUE, &part))
        return FALSE;
      g_array_append_val (parts, part);
      if (!is_separator (peek (parser)))
        return peek (parser) == TOKEN_END;
      if (!skip_separators (parser))
        return FALSE;
    }
  for (;;)
    {
      if (peek (parser) == TOKEN_UP)
        {
          parser->pos++;
          if (peek (parser) != TOKEN_TO)
            return FALSE;
          parser->pos++;
        }
      if (!parse_period (parser, TRUE, &part))
        return FALSE;
      g_array_append_val (parts, part);
      if (!is_separator (peek (parser)))
        return peek (parser) == TOKEN_END;
      if (!skip_separators (parser))
        return FALSE;
    }
}

static gboolean
is_empty (const CmPeriod *period)
{
  return period->months == 0 && period->days == 0;
}

/* Counting a month as 31 days, so that days and months add up. */
static gboolean
is_too_long (const CmPeriod *period)
{
  return period->months * 31 + period->days > MAX_MONTHS * 31;
}

/* The text for error messages: valid UTF-8, without surrounding space. */
static char *
clean_text (const char *text)
{
  return g_strstrip (g_utf8_make_valid (text ? text : "", -1));
}

static gboolean
check_parts (GArray *parts, const char *text, GError **error)
{
  gboolean bare = FALSE, short_units = FALSE;

  if (parts->len > MAX_EXTENSIONS + 1)
    {
      g_set_error (error, CM_TERM_ERROR, CM_TERM_ERROR_INVALID,
                   _("“%s” has more than ten extensions. Write the initial term and at most ten extensions, for example 3+1+1."),
                   text);
      return FALSE;
    }
  for (guint i = 0; i < parts->len; i++)
    {
      const Part *part = &g_array_index (parts, Part, i);

      if (part->unstated)
        continue;
      if (is_empty (&part->length))
        {
          g_set_error (error, CM_TERM_ERROR, CM_TERM_ERROR_INVALID,
                       _("“%s” has a part of no length. Give the initial term and each extension a length, for example 3+1+1."),
                       text);
          return FALSE;
        }
      if (is_too_long (&part->length))
        {
          g_set_error (error, CM_TERM_ERROR, CM_TERM_ERROR_INVALID,
                       _("“%s” has a part longer than 100 years. Write the initial term and any extensions in years or months, for example 3+1+1."),
                       text);
          return FALSE;
        }
      bare |= part->largest == UNIT_NONE;
      short_units |= part->largest != UNIT_NONE && part->largest != UNIT_YEAR;
    }
  if (bare && short_units)
    {
      g_set_error (error, CM_TERM_ERROR, CM_TERM_ERROR_INVALID,
                   _("“%s” mixes bare numbers with months, weeks or days. Give each part its unit, for example 6 months + 6 months or 5 years + 24 months."),
                   text);
      return FALSE;
    }
  return TRUE;
}

static CmTerm *
term_from_parts (GArray *parts)
{
  CmTerm *term = g_new0 (CmTerm, 1);

  term->initial = g_array_index (parts, Part, 0).length;
  term->extensions = g_array_new (FALSE, TRUE, sizeof (CmExtension));
  for (guint i = 1; i < parts->len; i++)
    {
      CmExtension extension = { g_array_index (parts, Part, i).length, FALSE };

      g_array_append_val (term->extensions, extension);
    }
  return term;
}

/* Whether the text stops where a length should follow ("3 years plus
 * option to extend"), which deserves its own reason. */
static gboolean
ends_open (GArray *tokens)
{
  TokenKind last = tokens->len < 2 ? TOKEN_END
                   : g_array_index (tokens, Token, tokens->len - 2).kind;

  return last == TOKEN_PLUS || last == TOKEN_AND || last == TOKEN_OPTION || last == TOKEN_TO;
}

/* Accepts "3+1+1", "5 + up to 3", "3 years plus 24 months", "6 months",
 * "3 years 5 months + up to 24 months" and the like, in any case and
 * spacing. Every extension comes back not invoked. */
CmTerm *
cm_term_parse (const char *text, GError **error)
{
  g_autofree char *clean = clean_text (text);
  g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (Part));
  Parser parser = { tokens, 0 };
  gboolean tokenized, parsed = FALSE;

  if (*clean == '\0')
    {
      g_set_error_literal (error, CM_TERM_ERROR, CM_TERM_ERROR_INVALID,
                           _("The term is empty. Write the initial term and any extensions in years or months, for example 3+1+1 or 2 years + 12 months."));
      return NULL;
    }
  tokenized = tokenize (clean, tokens);
  if (tokenized)
    parsed = parse_parts (&parser, parts);
  if (tokenized && !parsed && ends_open (tokens))
    {
      g_set_error (error, CM_TERM_ERROR, CM_TERM_ERROR_INVALID,
                   _("“%s” names an extension without saying how long it is. Write the length of each extension, for example 3 years + 12 months."),
                   clean);
      return NULL;
    }
  if (!parsed)
    {
      g_set_error (error, CM_TERM_ERROR, CM_TERM_ERROR_INVALID,
                   _("“%s” is not a term. Write the initial term and any extensions in years or months, for example 3+1+1 or 2 years + 12 months."),
                   clean);
      return NULL;
    }
  if (!check_parts (parts, clean, error))
    return NULL;
  return term_from_parts (parts);
}

CmTerm *
cm_term_copy (const CmTerm *term)
{
  CmTerm *copy;

  g_return_val_if_fail (term != NULL, NULL);

  copy = g_new0 (CmTerm, 1);
  copy->initial = term->initial;
  copy->extensions = term->extensions ? g_array_copy (term->extensions)
                                      : g_array_new (FALSE, TRUE, sizeof (CmExtension));
  return copy;
}

void
cm_term_free (CmTerm *term)
{
  if (term == NULL)
    return;
  g_clear_pointer (&term->extensions, g_array_unref);
  g_free (term);
}

static guint
n_extensions (const CmTerm *term)
{
  return term->extensions ? term->extensions->len : 0;
}

/* The extensions are taken in order, so those invoked are always the first
 * ones; asking for more than there are invokes them all. */
void
cm_term_set_invoked (CmTerm *term, guint n_invoked)
{
  g_return_if_fail (term != NULL);

  for (guint i = 0; i < n_extensions (term); i++)
    g_array_index (term->extensions, CmExtension, i).invoked = i < n_invoked;
}

guint
cm_term_count_invoked (const CmTerm *term)
{
  guint count = 0;

  g_return_val_if_fail (term != NULL, 0);

  for (guint i = 0; i < n_extensions (term); i++)
    count += g_array_index (term->extensions, CmExtension, i).invoked ? 1 : 0;
  return count;
}

/* The canonical form is notation, like "3+1+1", and is stored and parsed
 * back, so it stays in English rather than being translated. */
char *
cm_term_format (const CmTerm *term)
{
  GString *out;
  g_autofree char *initial = NULL;

  g_return_val_if_fail (term != NULL, NULL);

  if (!cm_term_states_initial (term))
    out = g_string_new ("option to extend by");
  else
    {
      initial = cm_period_format (&term->initial);
      out = g_string_new (initial);
    }
  for (guint i = 0; i < n_extensions (term); i++)
    {
      g_autofree char *extension =
        cm_period_format (&g_array_index (term->extensions, CmExtension, i).length);

      g_string_append_printf (out, i == 0 && !cm_term_states_initial (term) ? " %s" : " + %s",
                              extension);
    }
  return g_string_free (out, FALSE);
}

/* FALSE for "option to extend by 12 months": the end date gives the
 * initial period. */
gboolean
cm_term_states_initial (const CmTerm *term)
{
  g_return_val_if_fail (term != NULL, FALSE);

  return !is_empty (&term->initial);
}

/* A notice period has no extensions and no default unit: "3" could be
 * months or weeks, so it is refused rather than guessed. */
gboolean
cm_period_parse (const char *text, CmPeriod *period, GError **error)
{
  g_autofree char *clean = clean_text (text);
  g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  Parser parser = { tokens, 0 };
  Part part;

  g_return_val_if_fail (period != NULL, FALSE);

  if (*clean == '\0')
    {
      g_set_error_literal (error, CM_TERM_ERROR, CM_TERM_ERROR_INVALID,
                           _("The period is empty. Write a length with its unit, for example 3 months, 12 weeks or 90 days."));
      return FALSE;
    }
  if (!tokenize (clean, tokens) || !parse_period (&parser, FALSE, &part)
      || peek (&parser) != TOKEN_END)
    {
      g_set_error (error, CM_TERM_ERROR, CM_TERM_ERROR_INVALID,
                   _("“%s” is not a period. Write one length with its unit, for example 3 months, 12 weeks or 90 days."),
                   clean);
      return FALSE;
    }
  if (part.largest == UNIT_NONE)
    {
      g_set_error (error, CM_TERM_ERROR, CM_TERM_ERROR_INVALID,
                   _("“%s” has no unit. Write it in days, weeks, months or years, for example 3 months."),
                   clean);
      return FALSE;
    }
  if (is_empty (&part.length) || is_too_long (&part.length))
    {
      g_set_error (error, CM_TERM_ERROR, CM_TERM_ERROR_INVALID,
                   _("“%s” is not a period. Write a length above zero and up to 100 years, for example 3 months, 12 weeks or 90 days."),
                   clean);
      return FALSE;
    }
  *period = part.length;
  return TRUE;
}

static void
append_count (GString *out, int count, const char *one, const char *many)
{
  if (count == 0)
    return;
  if (out->len > 0)
    g_string_append_c (out, ' ');
  g_string_append_printf (out, "%d %s", count, count == 1 ? one : many);
}

/* "2 years", "1 year 6 months", "84 days": whole years of months are
 * shown as years, and days (weeks included) as days. Like the term's
 * canonical form, this is notation and not translated. */
char *
cm_period_format (const CmPeriod *period)
{
  GString *out;

  g_return_val_if_fail (period != NULL, NULL);

  out = g_string_new (NULL);
  append_count (out, period->months / 12, "year", "years");
  append_count (out, period->months % 12, "month", "months");
  append_count (out, period->days, "day", "days");
  if (out->len == 0)
    g_string_append (out, "0 months");
  return g_string_free (out, FALSE);
}
