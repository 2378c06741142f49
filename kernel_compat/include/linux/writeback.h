/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A stand-in: modules include <linux/writeback.h> out of habit. slabsim simulates no
 * block layer, writeback or VFS, so this only brings in what the real header would
 * have pulled in that such modules use (types, printk, errors).
 */
#ifndef _LINUX_WRITEBACK_H
#define _LINUX_WRITEBACK_H

#include "linux/types.h"
#include "linux/kernel.h"
#include "linux/errno.h"

#endif
