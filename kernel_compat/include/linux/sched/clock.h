/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef _LINUX_SCHED_CLOCK_H
#define _LINUX_SCHED_CLOCK_H

#include "linux/types.h"

SLABSIM_BEGIN_DECLS
/* Virtual time since boot, in nanoseconds; never moves backwards. */
u64 local_clock(void);
SLABSIM_END_DECLS

#endif
