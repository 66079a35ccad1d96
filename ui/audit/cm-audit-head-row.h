/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-audit-head-row.h: the head of the portfolio's audit trail, to copy */
#pragma once

#include <adwaita.h>

#include "cm-store.h"

G_BEGIN_DECLS

/* A row showing the trail's head as "SEQ:HASH", kept current as @store
 * changes, with a button that copies it. */
GtkWidget *cm_audit_head_row_new (CmStore *store);

G_END_DECLS
