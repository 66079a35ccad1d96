/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-resources.h: the data the core ships (migrations, rules) */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Registers the core's resources once. A static library may drop the
 * usual constructor, so every reader calls this first. */
void cm_resources_ensure (void);

G_END_DECLS
