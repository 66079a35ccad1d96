/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Commissioner developers */
/* cm-resources.c: the data the core ships (migrations, rules) */
#include "cm-core-resources.h"
#include "cm-resources.h"

void
cm_resources_ensure (void)
{
  static gsize registered;

  if (g_once_init_enter (&registered))
    {
      cm_core_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}
