// SPDX-License-Identifier: GPL-2.0-only
/*
 * stop.c - the other half: the exit point, in a file of its own.
 */
#include <linux/kernel.h>
#include <linux/module.h>

void cleanup_module(void)
{
	pr_info("startstop: and stop.c says goodbye\n");
}

MODULE_LICENSE("GPL");
