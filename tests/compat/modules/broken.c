// SPDX-License-Identifier: GPL-2.0-only
/* Does not compile: the build must fail and show the compiler's own error. */
#include <linux/module.h>

static int __init broken_init(void)
{
	return undeclared_identifier;
}
module_init(broken_init);
