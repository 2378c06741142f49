/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Modules include <linux/fs.h> for the VFS; slabsim simulates no block layer, writeback or
 * VFS yet, so this brings what the real header brings along that such modules use: types,
 * printk, errors, strings, file modes and flags, ioctl numbers, lists, wait queues,
 * workqueues (delayed_work), timers and jiffies.
 */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

#include "linux/types.h"
#include "linux/kernel.h"
#include "linux/errno.h"
#include "linux/list.h"
#include "linux/stat.h"
#include "linux/fcntl.h"
#include "linux/wait.h"
#include "linux/workqueue.h"
#include "uapi/linux/fs.h"

#endif
