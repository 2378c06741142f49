/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Wait queues (include/linux/wait.h, kernel/sched/wait.c), v5.4 semantics:
 * prepare_to_wait() puts a non-exclusive waiter at the head of the queue and
 * prepare_to_wait_exclusive() an exclusive one at the tail; __wake_up() walks from the
 * head, waking every non-exclusive waiter and stopping after nr_exclusive exclusive ones
 * that actually woke. So exclusive waiters wake in FIFO order, and non-exclusive waiters
 * (all woken together) newest first.
 *
 * The simulator has no signals: interruptible waits are never cut short by one.
 */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

#include "linux/list.h"
#include "linux/sched.h"
#include "linux/spinlock.h"

#define WQ_FLAG_EXCLUSIVE 0x01
#define WQ_FLAG_WOKEN 0x02

struct wait_queue_entry;
typedef int (*wait_queue_func_t)(struct wait_queue_entry *wq_entry, unsigned mode, int flags, void *key);

struct wait_queue_entry {
	unsigned int flags;
#ifdef __cplusplus
	void *private_; /* `private` in C; a keyword in C++ */
#else
	void *private;
#endif
	wait_queue_func_t func;
	struct list_head entry;
};
typedef struct wait_queue_entry wait_queue_entry_t;

struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;
};
typedef struct wait_queue_head wait_queue_head_t;

SLABSIM_BEGIN_DECLS
int default_wake_function(struct wait_queue_entry *wq_entry, unsigned mode, int flags, void *key);
int autoremove_wake_function(struct wait_queue_entry *wq_entry, unsigned mode, int flags, void *key);
void __init_waitqueue_head(struct wait_queue_head *wq_head, const char *name);
void init_wait_entry(struct wait_queue_entry *wq_entry, int flags);
void add_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void add_wait_queue_exclusive(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void remove_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void prepare_to_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state);
void prepare_to_wait_exclusive(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state);
long prepare_to_wait_event(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state);
void finish_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr_exclusive, void *key);
void __wake_up_locked(struct wait_queue_head *wq_head, unsigned int mode, int nr_exclusive);
SLABSIM_END_DECLS

#define prepare_to_wait(wq, e, s) (__SIM_SITE(), prepare_to_wait(wq, e, s))
#define prepare_to_wait_exclusive(wq, e, s) (__SIM_SITE(), prepare_to_wait_exclusive(wq, e, s))

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) { __SPIN_LOCK_UNLOCKED(name), { &(name).head, &(name).head } }
#define DECLARE_WAIT_QUEUE_HEAD(name) struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)
#define init_waitqueue_head(wq_head) __init_waitqueue_head((wq_head), #wq_head)

#define __WAITQUEUE_INITIALIZER(name, tsk) { 0, (tsk), default_wake_function, { NULL, NULL } }
#define DECLARE_WAITQUEUE(name, tsk) struct wait_queue_entry name = __WAITQUEUE_INITIALIZER(name, tsk)
#define DEFINE_WAIT_FUNC(name, function) \
	struct wait_queue_entry name = { 0, get_current(), function, LIST_HEAD_INIT((name).entry) }
#define DEFINE_WAIT(name) DEFINE_WAIT_FUNC(name, autoremove_wake_function)

static inline int waitqueue_active(struct wait_queue_head *wq_head) { return !list_empty(&wq_head->head); }
static inline bool wq_has_sleeper(struct wait_queue_head *wq_head) { return waitqueue_active(wq_head); }

#define wake_up(x) __wake_up(x, TASK_NORMAL, 1, NULL)
#define wake_up_nr(x, nr) __wake_up(x, TASK_NORMAL, nr, NULL)
#define wake_up_all(x) __wake_up(x, TASK_NORMAL, 0, NULL)
#define wake_up_locked(x) __wake_up_locked((x), TASK_NORMAL, 1)
#define wake_up_all_locked(x) __wake_up_locked((x), TASK_NORMAL, 0)
#define wake_up_interruptible(x) __wake_up(x, TASK_INTERRUPTIBLE, 1, NULL)
#define wake_up_interruptible_all(x) __wake_up(x, TASK_INTERRUPTIBLE, 0, NULL)

/*
 * The wait_event family: queue, test the condition, sleep (`cmd`), until the condition
 * holds; then dequeue. The value is __ret, which `cmd` and the condition may update.
 */
#define __sim_wait_event(wq_head, condition, state, exclusive, ret, cmd) ({      \
	struct wait_queue_entry __wq_entry;                                      \
	long __ret = ret;                                                        \
	init_wait_entry(&__wq_entry, (exclusive) ? WQ_FLAG_EXCLUSIVE : 0);       \
	__SIM_SITE();                                                            \
	for (;;) {                                                               \
		prepare_to_wait_event(&(wq_head), &__wq_entry, state);           \
		if (condition)                                                   \
			break;                                                   \
		cmd;                                                             \
	}                                                                        \
	finish_wait(&(wq_head), &__wq_entry);                                    \
	__ret;                                                                   \
})

/* True when the wait is over: the condition holds (then __ret is at least 1) or time ran out. */
#define __sim_wait_cond_timeout(condition) ({                                   \
	bool __cond = (condition);                                               \
	if (__cond && !__ret)                                                    \
		__ret = 1;                                                       \
	__cond || !__ret;                                                        \
})

/* Sleep in `state` until the condition holds. */
#define __sim_wait_event_until(wq_head, condition, state, exclusive)             \
	do {                                                                     \
		might_sleep();                                                   \
		if (condition)                                                   \
			break;                                                   \
		(void)__sim_wait_event(wq_head, condition, state, exclusive, 0, (schedule)()); \
	} while (0)

/*
 * Returns 0 if the condition was still false when `timeout` jiffies passed, otherwise the
 * jiffies that were left (at least 1), as the kernel's wait_event_timeout().
 */
#define __sim_wait_event_timeout(wq_head, condition, timeout, state) ({          \
	long __ret = timeout;                                                    \
	might_sleep();                                                           \
	if (!__sim_wait_cond_timeout(condition))                                 \
		__ret = __sim_wait_event(wq_head, __sim_wait_cond_timeout(condition), \
					 state, 0, timeout,                      \
					 __ret = (schedule_timeout)(__ret));     \
	__ret;                                                                   \
})

#define wait_event(wq_head, condition) \
	__sim_wait_event_until(wq_head, condition, TASK_UNINTERRUPTIBLE, 0)
#define wait_event_exclusive(wq_head, condition) \
	__sim_wait_event_until(wq_head, condition, TASK_UNINTERRUPTIBLE, 1)
/* Without signals, never interrupted: always 0. */
#define wait_event_interruptible(wq_head, condition) \
	({ __sim_wait_event_until(wq_head, condition, TASK_INTERRUPTIBLE, 0); 0; })
#define wait_event_timeout(wq_head, condition, timeout) \
	__sim_wait_event_timeout(wq_head, condition, timeout, TASK_UNINTERRUPTIBLE)
#define wait_event_interruptible_timeout(wq_head, condition, timeout) \
	__sim_wait_event_timeout(wq_head, condition, timeout, TASK_INTERRUPTIBLE)

#endif /* _LINUX_WAIT_H */
