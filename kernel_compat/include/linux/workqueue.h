/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Work items and delayed work (kernel/workqueue.c). Every CPU has one kworker task
 * ("kworker/N:1") that runs the work queued on that CPU in FIFO order, in process
 * context, so a work function may sleep. There is one workqueue, system_wq; the other
 * names are accepted as aliases of it. Delayed work is a timer that queues the work when
 * it fires; INIT_DEFERRABLE_WORK uses a deferrable timer (slab's cache_reap does).
 */
#ifndef _LINUX_WORKQUEUE_H
#define _LINUX_WORKQUEUE_H

#include "linux/list.h"
#include "linux/timer.h"

struct work_struct;
typedef void (*work_func_t)(struct work_struct *work);

struct work_struct {
	unsigned long data;     /* WORK_STRUCT_PENDING while queued or its timer is armed */
	struct list_head entry;
	work_func_t func;
};

struct workqueue_struct;

struct delayed_work {
	struct work_struct work;
	struct timer_list timer;
	struct workqueue_struct *wq;
	int cpu;
};

#define WORK_STRUCT_PENDING 1UL

SLABSIM_BEGIN_DECLS
extern struct workqueue_struct *system_wq;
void __init_work(struct work_struct *work, work_func_t func);
void delayed_work_timer_fn(struct timer_list *t);
void __init_delayed_work(struct delayed_work *dwork, work_func_t func, unsigned int timer_flags);
bool queue_work_on(int cpu, struct workqueue_struct *wq, struct work_struct *work);
bool queue_delayed_work_on(int cpu, struct workqueue_struct *wq, struct delayed_work *dwork, unsigned long delay);
bool mod_delayed_work_on(int cpu, struct workqueue_struct *wq, struct delayed_work *dwork, unsigned long delay);
bool cancel_work_sync(struct work_struct *work);
bool cancel_delayed_work(struct delayed_work *dwork);
bool cancel_delayed_work_sync(struct delayed_work *dwork);
bool flush_work(struct work_struct *work);
bool flush_delayed_work(struct delayed_work *dwork);
SLABSIM_END_DECLS

#define system_long_wq system_wq
#define system_unbound_wq system_wq
#define system_power_efficient_wq system_wq
#define WORK_CPU_UNBOUND NR_CPUS

#define __WORK_INITIALIZER(n, f) { 0, LIST_HEAD_INIT((n).entry), (f) }
#define __DELAYED_WORK_INITIALIZER(n, f, tflags) \
	{ __WORK_INITIALIZER((n).work, (f)), __TIMER_INITIALIZER(delayed_work_timer_fn, (tflags) | TIMER_IRQSAFE), NULL, 0 }
#define DECLARE_WORK(n, f) struct work_struct n = __WORK_INITIALIZER(n, f)
#define DECLARE_DELAYED_WORK(n, f) struct delayed_work n = __DELAYED_WORK_INITIALIZER(n, f, 0)
#define DECLARE_DEFERRABLE_WORK(n, f) struct delayed_work n = __DELAYED_WORK_INITIALIZER(n, f, TIMER_DEFERRABLE)

#define INIT_WORK(w, f) __init_work((w), (f))
#define INIT_DELAYED_WORK(dw, f) __init_delayed_work((dw), (f), 0)
#define INIT_DEFERRABLE_WORK(dw, f) __init_delayed_work((dw), (f), TIMER_DEFERRABLE)
#define to_delayed_work(w) container_of(w, struct delayed_work, work)
#define work_pending(w) (((w)->data & WORK_STRUCT_PENDING) != 0)
#define delayed_work_pending(dw) work_pending(&(dw)->work)

#define queue_work(wq, w) queue_work_on(WORK_CPU_UNBOUND, (wq), (w))
#define queue_delayed_work(wq, dw, d) queue_delayed_work_on(WORK_CPU_UNBOUND, (wq), (dw), (d))
#define schedule_work_on(cpu, w) queue_work_on((cpu), system_wq, (w))
#define schedule_work(w) queue_work(system_wq, (w))
#define schedule_delayed_work_on(cpu, dw, d) queue_delayed_work_on((cpu), system_wq, (dw), (d))
#define schedule_delayed_work(dw, d) queue_delayed_work(system_wq, (dw), (d))

#endif /* _LINUX_WORKQUEUE_H */
