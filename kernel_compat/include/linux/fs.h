/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Modules include <linux/fs.h> for the VFS; slabsim simulates no block layer, writeback or
 * VFS yet, so this brings what the real header brings along that such modules use: types,
 * printk, errors, strings, file modes and flags, ioctl numbers, lists, wait queues,
 * workqueues (delayed_work), timers and jiffies, and the locks, atomics and rbtrees the real
 * header includes (mutex.h, rwsem.h, semaphore.h, atomic.h, rbtree.h).
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
#include "linux/mutex.h"
#include "linux/rwsem.h"
#include "linux/semaphore.h"
#include "linux/atomic.h"
#include "linux/rbtree.h"
#include "uapi/linux/fs.h"

#endif
