/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Timers (kernel/time/timer.c, v5.4 API and timer wheel). A timer fires on the CPU that
 * armed it, in softirq context, at the first scheduling point at or after the start of the
 * jiffy its wheel bucket runs: after `expires`, by up to the bucket's granularity (one
 * jiffy for timeouts under 64 jiffies, 8 under 512, 64 under 4096, ...). When the machine
 * is idle, virtual time jumps straight to that jiffy.
 * A TIMER_DEFERRABLE timer does not keep an otherwise idle machine running.
 */
#ifndef _LINUX_TIMER_H
#define _LINUX_TIMER_H

#include "linux/jiffies.h"
#include "linux/list.h"
#include "linux/types.h"

struct timer_list {
	struct hlist_node entry; /* in a timer wheel bucket; entry.pprev != NULL while pending */
	unsigned long expires;
	void (*function)(struct timer_list *);
	u32 flags;
};

#define TIMER_CPUMASK 0x0003FFFF
#define TIMER_MIGRATING 0x00040000
#define TIMER_BASEMASK (TIMER_CPUMASK | TIMER_MIGRATING)
#define TIMER_DEFERRABLE 0x00080000
#define TIMER_PINNED 0x00100000
#define TIMER_IRQSAFE 0x00200000
#define TIMER_ARRAYSHIFT 22 /* the wheel bucket a pending timer is in */
#define TIMER_ARRAYMASK 0xFFC00000

#define __TIMER_INITIALIZER(_function, _flags) \
	{ { NULL, NULL }, 0, (_function), (_flags) }
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
