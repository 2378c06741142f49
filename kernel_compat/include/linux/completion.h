/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Completions (kernel/sched/completion.c): a count of completions and a wait queue of
 * exclusive waiters, so complete() wakes exactly one waiter, in arrival order.
 * complete_all() sets done to UINT_MAX, as the kernel does.
 */
#ifndef _LINUX_COMPLETION_H
#define _LINUX_COMPLETION_H

#include "linux/wait.h"

struct completion {
	unsigned int done;
	wait_queue_head_t wait;
};

#define COMPLETION_INITIALIZER(work) { 0, __WAIT_QUEUE_HEAD_INITIALIZER((work).wait) }
#define DECLARE_COMPLETION(work) struct completion work = COMPLETION_INITIALIZER(work)
#define DECLARE_COMPLETION_ONSTACK(work) DECLARE_COMPLETION(work)

SLABSIM_BEGIN_DECLS
void __init_completion(struct completion *x, const char *name);
void complete(struct completion *x);
void complete_all(struct completion *x);
void wait_for_completion(struct completion *x);
void wait_for_completion_io(struct completion *x);
unsigned long wait_for_completion_timeout(struct completion *x, unsigned long timeout);
unsigned long wait_for_completion_io_timeout(struct completion *x, unsigned long timeout);
bool try_wait_for_completion(struct completion *x);
bool completion_done(struct completion *x);
SLABSIM_END_DECLS

#define init_completion(x) __init_completion((x), #x)
static inline void reinit_completion(struct completion *x) { x->done = 0; }

#define wait_for_completion(x) (__SIM_SITE(), wait_for_completion(x))
#define wait_for_completion_io(x) (__SIM_SITE(), wait_for_completion_io(x))
#define wait_for_completion_timeout(x, t) (__SIM_SITE(), wait_for_completion_timeout(x, t))
#define wait_for_completion_io_timeout(x, t) (__SIM_SITE(), wait_for_completion_io_timeout(x, t))

#endif /* _LINUX_COMPLETION_H */
