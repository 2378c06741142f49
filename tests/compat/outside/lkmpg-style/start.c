// SPDX-License-Identifier: GPL-2.0-only
/*
 * start.c - half of a module split over two files: the entry point, under its fixed name.
 */
#include <linux/kernel.h>
#include <linux/module.h>

int init_module(void)
{
	pr_info("startstop: the kernel is speaking from start.c\n");
	return 0;
}

MODULE_LICENSE("GPL");
