/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Memory barriers. Simulated CPUs take turns on one host thread and switch only at
 * scheduling points, so a compiler barrier gives the ordering the kernel's barriers give
 * between real CPUs (on x86, smp_rmb/smp_wmb are compiler barriers in the kernel too).
 */
#ifndef _ASM_BARRIER_H
#define _ASM_BARRIER_H

#include "linux/compiler.h"

#define mb() barrier()
#define rmb() barrier()
#define wmb() barrier()
#define smp_mb() barrier()
#define smp_rmb() barrier()
#define smp_wmb() barrier()

#endif /* _ASM_BARRIER_H */
