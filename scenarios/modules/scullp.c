// SPDX-License-Identifier: GPL-2.0-only
/*
 * LDD3 chapter 8's scullp in miniature: the page-based variant of scull. Each quantum is a
 * block of 2^order whole pages from __get_free_pages(), returned with free_pages() — no
 * slab in between, so the pages show in /proc/buddyinfo rather than /proc/slabinfo.
 *
 *   slabsim insmod scenarios/modules/scullp.c
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/string.h>

MODULE_LICENSE("Dual BSD/GPL");
MODULE_DESCRIPTION("LDD3 scullp: scull quanta as whole pages");

#define SCULLP_ORDER 0 /* LDD3's default: one page per quantum */
#define SCULLP_QSET 8

static unsigned long quanta[SCULLP_QSET];

static int __init scullp_init(void)
{
	int i;

	for (i = 0; i < SCULLP_QSET; i++) {
		quanta[i] = __get_free_pages(GFP_KERNEL, SCULLP_ORDER);
		if (!quanta[i])
			goto fail;
		memset((void *)quanta[i], 0, PAGE_SIZE << SCULLP_ORDER);
		snprintf((char *)quanta[i], PAGE_SIZE, "page quantum %d", i);
	}
	printk(KERN_INFO "scullp: %d quanta of %lu bytes (order %d)\n", SCULLP_QSET,
	       PAGE_SIZE << SCULLP_ORDER, SCULLP_ORDER);
	printk(KERN_INFO "scullp: first says \"%s\"\n", (char *)quanta[0]);
	return 0;

fail:
	while (i--)
		free_pages(quanta[i], SCULLP_ORDER);
	return -ENOMEM;
}

static void __exit scullp_cleanup(void)
{
	int i;

	for (i = 0; i < SCULLP_QSET; i++)
		free_pages(quanta[i], SCULLP_ORDER);
	printk(KERN_INFO "scullp: pages returned\n");
}

module_init(scullp_init);
module_exit(scullp_cleanup);
