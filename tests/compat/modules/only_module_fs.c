// SPDX-License-Identifier: GPL-2.0-only
/*
 * Includes only module.h and fs.h, as many drivers start, and uses what the kernel's headers
 * bring along with them: memset, HZ, jiffies, delayed_work, file modes, ioctl numbers, u64.
 */
#include <linux/module.h>
#include <linux/fs.h>

static struct delayed_work tick_work;
static char pattern[8];
static u64 ticks;

static void tick(struct work_struct *w)
{
	ticks = jiffies;
	pr_info("only_module_fs: tick, %d jiffies a second\n", HZ);
}

static int __init only_module_fs_init(void)
{
	memset(pattern, 'x', sizeof(pattern) - 1);
	INIT_DELAYED_WORK(&tick_work, tick);
	schedule_delayed_work(&tick_work, HZ / 10);
	pr_info("only_module_fs: %s, mode %o, O_RDWR %d, ioctl %#lx\n", pattern, S_IRUGO, O_RDWR,
		(unsigned long)_IOR('k', 1, int));
	return 0;
}

static void __exit only_module_fs_exit(void)
{
	cancel_delayed_work_sync(&tick_work);
	pr_info("only_module_fs: ticked at %llu\n", ticks);
}

module_init(only_module_fs_init);
module_exit(only_module_fs_exit);
MODULE_LICENSE("GPL");
