/* SPDX-License-Identifier: GPL-2.0-only */
/* CPU numbering. Every possible CPU is online for the machine's whole life. */
#ifndef _LINUX_SMP_H
#define _LINUX_SMP_H

#include "linux/preempt.h"

#define NR_CPUS 64 /* the most CPUs a simulated machine may have */

SLABSIM_BEGIN_DECLS
extern unsigned int nr_cpu_ids; /* the booted machine's CPU count */
SLABSIM_END_DECLS

static inline int raw_smp_processor_id(void) { return (int)__sim_this_cpu->cpu; }
#define smp_processor_id() raw_smp_processor_id()
#define get_cpu() ({ preempt_disable(); smp_processor_id(); })
#define put_cpu() preempt_enable()

#define num_possible_cpus() nr_cpu_ids
#define num_online_cpus() nr_cpu_ids
#define cpu_online(cpu) ((unsigned int)(cpu) < nr_cpu_ids)
#define cpu_possible(cpu) cpu_online(cpu)
#define for_each_possible_cpu(cpu) for ((cpu) = 0; (unsigned int)(cpu) < nr_cpu_ids; (cpu)++)
#define for_each_online_cpu(cpu) for_each_possible_cpu(cpu)

#define numa_node_id() 0
#define cpu_to_node(cpu) 0
#define NUMA_NO_NODE (-1)

#endif /* _LINUX_SMP_H */
