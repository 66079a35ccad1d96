/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-audit-hash.c: the SHA-256 of one audit row, as the chain frames it
 *
 * OpenSSL's libcrypto computes it with the processor's SHA instructions
 * where there are some. The row is framed into one buffer and hashed in
 * one call; the digest is fetched once per hasher, since OpenSSL 3 would
 * otherwise look it up again for every row.
 */
#include <glib/gi18n-lib.h>
#include <openssl/evp.h>
#include <string.h>

#include "cm-audit-hash.h"
#include "cm-value.h"

/* Starts every second-format hash, so that no row can verify under both
 * formats and the boundary between them cannot be moved without rehashing. */
#define FORMAT_2_TAG "commissioner-audit-2;"

/* The most a field's frame adds to its value: 20 digits, ':' and ';'. */
#define FRAME_OVERHEAD 24

struct _CmAuditHash
{
  EVP_MD *sha256;
  EVP_MD_CTX *context;
  guint8 *text;         /* the row's frame, kept for the next row */
  gsize capacity;
  gsize length;
  char hex[CM_AUDIT_HASH_HEX_LENGTH + 1];
};

static void
set_hash_error (GError **error)
{
  g_set_error (error, CM_AUDIT_ERROR, CM_AUDIT_ERROR_HASH,
               _("The audit trail's SHA-256 could not be computed: OpenSSL's libcrypto did not "
                 "provide it. Check that OpenSSL's configuration (openssl.cnf, or the file "
                 "OPENSSL_CONF names) loads its default provider."));
}

CmAuditHash *
cm_audit_hash_new (GError **error)
{
  g_autoptr(CmAuditHash) hash = g_new0 (CmAuditHash, 1);

  hash->sha256 = EVP_MD_fetch (NULL, "SHA256", NULL);
  hash->context = EVP_MD_CTX_new ();
  if (hash->sha256 == NULL || hash->context == NULL)
    {
      set_hash_error (error);
      return NULL;
    }
  return g_steal_pointer (&hash);
}

void
cm_audit_hash_free (CmAuditHash *hash)
{
  if (hash == NULL)
    return;
  EVP_MD_CTX_free (hash->context);
  EVP_MD_free (hash->sha256);
  g_free (hash->text);
  g_free (hash);
}

static void
reserve (CmAuditHash *hash, gsize more)
{
  if (hash->length + more <= hash->capacity)
    return;
  hash->capacity = MAX (hash->capacity * 2, hash->length + more);
  hash->text = g_realloc (hash->text, hash->capacity);
}

/* "@n:" as "%zu:" would write it, without printf's cost at each of the
 * nine fields of a million rows. */
static void
put_length (CmAuditHash *hash, gsize n)
{
  char digits[24];
  gsize count = 0;

  do
    digits[count++] = '0' + n % 10;
  while ((n /= 10) > 0);
  for (gsize i = 0; i < count; i++)
    hash->text[hash->length++] = digits[count - 1 - i];
  hash->text[hash->length++] = ':';
}

/* Each field is written with its length first, so that no choice of
 * values can make two different rows frame the same text. A value ends
 * at its first NUL, as it always has. */
static void
put_field (CmAuditHash *hash, const char *value)
{
  gsize length;

  if (value == NULL)
    {
      reserve (hash, 2);
      hash->text[hash->length++] = '-';
      hash->text[hash->length++] = ';';
      return;
    }
  length = strlen (value);
  reserve (hash, length + FRAME_OVERHEAD);
  put_length (hash, length);
  memcpy (hash->text + hash->length, value, length);
  hash->length += length;
  hash->text[hash->length++] = ';';
}

static void
put_number (CmAuditHash *hash, gint64 number)
{
  char text[CM_VALUE_TEXT_SIZE];

  put_field (hash, cm_value_format_int64 (text, number));
}

static void
put_tag (CmAuditHash *hash)
{
  reserve (hash, strlen (FORMAT_2_TAG));
  memcpy (hash->text + hash->length, FORMAT_2_TAG, strlen (FORMAT_2_TAG));
  hash->length += strlen (FORMAT_2_TAG);
}

/* The fields both formats frame, in order, after the hash of the row before. */
static void
put_row (CmAuditHash *hash, const char *prev_hash, const CmAuditRow *row)
{
  put_field (hash, prev_hash);
  put_field (hash, row->at);
  put_field (hash, row->actor);
  put_field (hash, row->entity);
  put_number (hash, row->entity_id);
  put_field (hash, row->field);
  put_field (hash, row->old_value);
  put_field (hash, row->new_value);
}

/* The SHA-256 of the framed text, in lowercase hex in hash->hex. */
static const char *
digest (CmAuditHash *hash, GError **error)
{
  static const char hex_digits[] = "0123456789abcdef";
  unsigned char sum[EVP_MAX_MD_SIZE];
  unsigned int sum_length = 0;

  if (!EVP_DigestInit_ex2 (hash->context, hash->sha256, NULL) ||
      !EVP_DigestUpdate (hash->context, hash->text, hash->length) ||
      !EVP_DigestFinal_ex (hash->context, sum, &sum_length) ||
      sum_length * 2 != CM_AUDIT_HASH_HEX_LENGTH)
    {
      set_hash_error (error);
      return NULL;
    }
  for (unsigned int i = 0; i < sum_length; i++)
    {
      hash->hex[2 * i] = hex_digits[sum[i] >> 4];
      hash->hex[2 * i + 1] = hex_digits[sum[i] & 0xf];
    }
  hash->hex[CM_AUDIT_HASH_HEX_LENGTH] = '\0';
  return hash->hex;
}

/* The first format, kept to check the rows written with it. */
const char *
cm_audit_hash_row_v1 (CmAuditHash *hash, const char *prev_hash, const CmAuditRow *row,
                      GError **error)
{
  hash->length = 0;
  put_row (hash, prev_hash, row);
  return digest (hash, error);
}

/* The second format also covers the row's number, so an anchor "SEQ:HASH"
 * names one row at one place in the trail. */
const char *
cm_audit_hash_row_v2 (CmAuditHash *hash, gint64 seq, const char *prev_hash,
                      const CmAuditRow *row, GError **error)
{
  hash->length = 0;
  put_tag (hash);
  put_number (hash, seq);
  put_row (hash, prev_hash, row);
  return digest (hash, error);
}
