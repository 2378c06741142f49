/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Kernel threads (kernel/kthread.c). A new kthread is created asleep on the creating
 * task's CPU and starts when woken; kthread_run() wakes it at once. kthread_stop() sets
 * the stop flag, wakes the thread and waits for it to exit, returning its exit code.
 * Creation fails (NULL, with a report) only on bad input: no thread function.
 */
#ifndef _LINUX_KTHREAD_H
#define _LINUX_KTHREAD_H

#include "linux/sched.h"

SLABSIM_BEGIN_DECLS
struct task_struct *kthread_create_on_node(int (*threadfn)(void *data), void *data, int node,
					   const char *namefmt, ...) __printf(4, 5);
void kthread_bind(struct task_struct *k, unsigned int cpu);
int kthread_stop(struct task_struct *k);
bool kthread_should_stop(void);
SLABSIM_END_DECLS

#define kthread_create(threadfn, data, namefmt, ...) \
	kthread_create_on_node(threadfn, data, NUMA_NO_NODE, namefmt, ##__VA_ARGS__)

#define kthread_run(threadfn, data, namefmt, ...) ({                                  \
	struct task_struct *__k = kthread_create(threadfn, data, namefmt, ##__VA_ARGS__); \
	if (__k)                                                                       \
		wake_up_process(__k);                                                  \
	__k;                                                                           \
})

#endif /* _LINUX_KTHREAD_H */
