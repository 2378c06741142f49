/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Delays. msleep() sleeps for whole jiffies, one more than asked so that at least the
 * requested time passes (as the kernel does); udelay()/ndelay()/mdelay() busy-wait, which
 * here means charging that much virtual time to the CPU without giving it up.
 */
#ifndef _LINUX_DELAY_H
#define _LINUX_DELAY_H

#include "linux/sched.h"

SLABSIM_BEGIN_DECLS
void msleep(unsigned int msecs);
unsigned long msleep_interruptible(unsigned int msecs);
void usleep_range(unsigned long min, unsigned long max);
void ndelay(unsigned long nsecs);
SLABSIM_END_DECLS

#define msleep(m) (__SIM_SITE(), msleep(m))
#define udelay(u) ndelay((unsigned long)(u) * 1000UL)
#define mdelay(m) ndelay((unsigned long)(m) * 1000000UL)

#endif /* _LINUX_DELAY_H */
