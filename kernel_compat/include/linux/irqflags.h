/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Local interrupt masking on the simulated CPU. The CPU keeps its interrupt state as an x86
 * EFLAGS image (only IF, 0x200, is meaningful), as kernel code that prints or tests the
 * saved `flags` expects; so saving is a load and restoring a store, as pushf/popf are.
 * Simulated interrupts are delivered only to a CPU whose interrupts are enabled.
 */
#ifndef _LINUX_IRQFLAGS_H
#define _LINUX_IRQFLAGS_H

#include "linux/preempt.h"

static inline unsigned long arch_local_save_flags(void) { return __sim_this_cpu->flags; }

static inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags = __sim_this_cpu->flags;
	__sim_this_cpu->flags = 0;
	return flags;
}

static inline void arch_local_irq_restore(unsigned long flags)
{
	__sim_this_cpu->flags = flags & X86_EFLAGS_IF;
}

#define local_irq_disable() do { __sim_this_cpu->flags = 0; } while (0)
#define local_irq_enable() do { __sim_this_cpu->flags = X86_EFLAGS_IF; } while (0)
#define local_irq_save(flags) do { (flags) = arch_local_irq_save(); } while (0)
#define local_irq_restore(flags) arch_local_irq_restore(flags)
#define local_save_flags(flags) do { (flags) = arch_local_save_flags(); } while (0)
#define irqs_disabled_flags(flags) (!((flags) & X86_EFLAGS_IF))
#define irqs_disabled() (!(__sim_this_cpu->flags & X86_EFLAGS_IF))

#endif /* _LINUX_IRQFLAGS_H */
