// SPDX-License-Identifier: GPL-2.0-only
/* A module with a licence that is not GPL-compatible taints the kernel. */
#include <linux/module.h>

MODULE_LICENSE("Proprietary");

static int __init proprietary_init(void) { return 0; }
static void __exit proprietary_exit(void) {}

module_init(proprietary_init);
module_exit(proprietary_exit);
