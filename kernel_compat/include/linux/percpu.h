/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Per-CPU data.
 *
 * Static per-CPU variables are arrays of NR_CPUS elements: DEFINE_PER_CPU(type, name),
 * then per_cpu(name, cpu) and __this_cpu_read/write(name). (The kernel's this_cpu_ptr(&var)
 * on a static variable is not supported: use &per_cpu(var, smp_processor_id()).)
 *
 * Dynamic per-CPU areas (alloc_percpu, __alloc_percpu) are laid out as the kernel's percpu
 * allocator lays them out: every CPU's copy of every area sits at the same distance from
 * CPU 0's, __per_cpu_offset(cpu), so this_cpu_ptr() adds the running CPU's offset (one
 * load and an add, as the kernel's this_cpu_off) and per_cpu_ptr() a multiple of the unit.
 */
#ifndef _LINUX_PERCPU_H
#define _LINUX_PERCPU_H

#include "linux/smp.h"
#include "linux/types.h"

#define DEFINE_PER_CPU(type, name) __typeof__(type) name[NR_CPUS]
#define DECLARE_PER_CPU(type, name) extern __typeof__(type) name[NR_CPUS]
#define per_cpu(var, cpu) ((var)[(cpu)])
#define __this_cpu_read(var) per_cpu(var, smp_processor_id())
#define __this_cpu_write(var, val) (per_cpu(var, smp_processor_id()) = (val))
#define this_cpu_read(var) __this_cpu_read(var)
#define this_cpu_write(var, val) __this_cpu_write(var, val)
#define get_cpu_var(var) (*({ preempt_disable(); &per_cpu(var, smp_processor_id()); }))
#define put_cpu_var(var) preempt_enable()

SLABSIM_BEGIN_DECLS
/* Zeroed copies for every possible CPU; NULL (and a report) if size or align is bad. */
void *__alloc_percpu(size_t size, size_t align);
void free_percpu(void *ptr);
SLABSIM_END_DECLS

#define PCPU_MIN_UNIT_SIZE (32 << 10) /* the largest area one allocation may have */
#define PCPU_UNIT_SIZE (1UL << 20)    /* the distance between two CPUs' copies */
#define __per_cpu_offset(cpu) ((unsigned long)(cpu) * PCPU_UNIT_SIZE)
#define per_cpu_offset(cpu) __per_cpu_offset(cpu)

#define alloc_percpu(type) ((type *)__alloc_percpu(sizeof(type), __alignof__(type)))
#define per_cpu_ptr(ptr, cpu) ((__typeof__(ptr))((char *)(ptr) + per_cpu_offset(cpu)))
#define raw_cpu_ptr(ptr) ((__typeof__(ptr))((char *)(ptr) + __sim_this_cpu->percpu_offset))
#define this_cpu_ptr(ptr) raw_cpu_ptr(ptr)

#endif /* _LINUX_PERCPU_H */
