/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The preempt count of the CPU that is executing, with the kernel's bit layout
 * (include/linux/preempt.h): preemption depth in bits 0-7, softirq 8-15, hardirq 16-19,
 * NMI 20. The simulator behaves as CONFIG_PREEMPT_COUNT=y (DEBUG_ATOMIC_SLEEP selects it),
 * so spin_lock() raises the count and might_sleep() can see atomic context.
 *
 * The per-CPU state lives in a small C struct so the fast paths stay inline; the
 * scheduler points __sim_this_cpu at the CPU whose task is running.
 */
#ifndef _LINUX_PREEMPT_H
#define _LINUX_PREEMPT_H

#include "linux/compiler.h"

#define PREEMPT_BITS 8
#define SOFTIRQ_BITS 8
#define HARDIRQ_BITS 4
#define PREEMPT_SHIFT 0
#define SOFTIRQ_SHIFT (PREEMPT_SHIFT + PREEMPT_BITS)
#define HARDIRQ_SHIFT (SOFTIRQ_SHIFT + SOFTIRQ_BITS)
#define NMI_SHIFT (HARDIRQ_SHIFT + HARDIRQ_BITS)
#define PREEMPT_OFFSET (1UL << PREEMPT_SHIFT)
#define SOFTIRQ_OFFSET (1UL << SOFTIRQ_SHIFT)
#define HARDIRQ_OFFSET (1UL << HARDIRQ_SHIFT)
#define NMI_OFFSET (1UL << NMI_SHIFT)
#define PREEMPT_MASK (((1UL << PREEMPT_BITS) - 1) << PREEMPT_SHIFT)
#define SOFTIRQ_MASK (((1UL << SOFTIRQ_BITS) - 1) << SOFTIRQ_SHIFT)
#define HARDIRQ_MASK (((1UL << HARDIRQ_BITS) - 1) << HARDIRQ_SHIFT)
#define NMI_MASK (1UL << NMI_SHIFT)

#define X86_EFLAGS_IF 0x00000200UL

/* One simulated CPU's execution state, as the kernel keeps it per CPU. */
struct sim_cpu_ctx {
	int preempt_count;
	unsigned int cpu;            /* smp_processor_id() */
	unsigned long flags;         /* EFLAGS as far as interrupts go: X86_EFLAGS_IF or 0 */
	unsigned long percpu_offset; /* this CPU's copy in a per-CPU area (the kernel's this_cpu_off) */
};

SLABSIM_BEGIN_DECLS
extern struct sim_cpu_ctx *__sim_this_cpu;
/*
 * 1 when the seeded mode may switch tasks at preemption points, else 0: so a count that
 * drops below it is exactly "reached zero while armed, or went negative", one compare.
 */
extern int __sim_preempt_armed;
/* The count reached zero (a preemption point) or went negative (a bug report). */
void __sim_preempt_count_dropped(void);
SLABSIM_END_DECLS

#define preempt_count() (__sim_this_cpu->preempt_count)
#define hardirq_count() (preempt_count() & HARDIRQ_MASK)
#define softirq_count() (preempt_count() & SOFTIRQ_MASK)
#define irq_count() (preempt_count() & (HARDIRQ_MASK | SOFTIRQ_MASK | NMI_MASK))
#define in_irq() (hardirq_count())
#define in_softirq() (softirq_count())
#define in_interrupt() (irq_count())
#define in_task() (!(preempt_count() & (NMI_MASK | HARDIRQ_MASK | SOFTIRQ_OFFSET)))
#define in_atomic() (preempt_count() != 0)

#define preempt_count_add(val) (__sim_this_cpu->preempt_count += (val))
#define preempt_count_sub(val) (__sim_this_cpu->preempt_count -= (val))

#define preempt_disable() do { preempt_count_add(1); barrier(); } while (0)
#define preempt_enable_no_resched() do { barrier(); preempt_count_sub(1); } while (0)
#define preempt_enable()                                                               \
	do {                                                                           \
		barrier();                                                             \
		if (unlikely(--__sim_this_cpu->preempt_count < __sim_preempt_armed))   \
			__sim_preempt_count_dropped();                                 \
	} while (0)
#define preemptible() (preempt_count() == 0 && (__sim_this_cpu->flags & X86_EFLAGS_IF))

#endif /* _LINUX_PREEMPT_H */
