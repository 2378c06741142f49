/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Timers (kernel/time/timer.c, v5.4 API). A timer fires on the CPU that armed it, in
 * softirq context, at the first scheduling point at or after the start of its `expires`
 * jiffy; when the machine is idle, virtual time jumps straight to that jiffy.
 * A TIMER_DEFERRABLE timer does not keep an otherwise idle machine running.
 */
#ifndef _LINUX_TIMER_H
#define _LINUX_TIMER_H

#include "linux/jiffies.h"
#include "linux/list.h"
#include "linux/types.h"

/*
 * A node of the simulator's event queue: a red-black tree (the kernel's struct rb_node
 * layout, colour in the parent pointer's low bit) ordered by due time, then arming order.
 * The node lives in the armer's own structure, so arming and cancelling allocate nothing.
 */
struct __sim_event {
	unsigned long __rb_parent_color; /* 0 while not queued */
	struct __sim_event *__rb_right;
	struct __sim_event *__rb_left;
	u64 when_ns;                     /* virtual time due */
	u64 seq;                         /* arming order */
	int is_timer;                    /* embedded in a timer_list, else one of the engine's */
};

struct timer_list {
	struct hlist_node entry; /* entry.pprev != NULL while pending */
	unsigned long expires;
	void (*function)(struct timer_list *);
	u32 flags;
	struct __sim_event __sim_ev;
};

#define TIMER_CPUMASK 0x0003FFFF
#define TIMER_MIGRATING 0x00040000
#define TIMER_BASEMASK (TIMER_CPUMASK | TIMER_MIGRATING)
#define TIMER_DEFERRABLE 0x00080000
#define TIMER_PINNED 0x00100000
#define TIMER_IRQSAFE 0x00200000

#define __TIMER_INITIALIZER(_function, _flags) \
	{ { NULL, NULL }, 0, (_function), (_flags), { 0, NULL, NULL, 0, 0, 1 } }
#define DEFINE_TIMER(_name, _function) struct timer_list _name = __TIMER_INITIALIZER(_function, 0)

#ifndef from_timer
#define from_timer(var, callback_timer, timer_fieldname) \
	container_of(callback_timer, __typeof__(*var), timer_fieldname)
#endif

SLABSIM_BEGIN_DECLS
void timer_setup(struct timer_list *timer, void (*func)(struct timer_list *), unsigned int flags);
int mod_timer(struct timer_list *timer, unsigned long expires);
void add_timer(struct timer_list *timer);
void add_timer_on(struct timer_list *timer, int cpu);
int del_timer(struct timer_list *timer);
int del_timer_sync(struct timer_list *timer);
SLABSIM_END_DECLS

static inline int timer_pending(const struct timer_list *timer) { return timer->entry.pprev != NULL; }

#endif /* _LINUX_TIMER_H */
