// SPDX-License-Identifier: GPL-2.0-only
// The waiter queue shared by the sleeping locks (sleeplock.h).
#include "sim/sched/sleeplock.h"

#include "sim/sched/internal.h"

namespace sim {

void lock_waiter_init(wait_queue_entry *w, unsigned int flags)
{
	w->flags = WQ_FLAG_EXCLUSIVE | flags;
	w->private_ = get_current();
	w->func = default_wake_function;
	INIT_LIST_HEAD(&w->entry);
}

// An interrupt handler's waiter lives on its stack: noted, so abandoning the handler unhooks it.
void lock_waiter_enqueue(wait_queue_head *wq, wait_queue_entry *w)
{
	list_add_tail(&w->entry, &wq->head);
	if (unlikely(in_interrupt()))
		irq_wait_queued(wq, w);
}

void lock_waiter_dequeue(wait_queue_entry *w) { list_del_init(&w->entry); }

void lock_waiter_grant(wait_queue_entry *w)
{
	list_del_init(&w->entry);
	w->func(w, TASK_NORMAL, 0, nullptr);
}

void lock_waiter_done(wait_queue_entry *w)
{
	__set_current_state(TASK_RUNNING);
	if (task *p = running_task())
		p->waiting = wait_kind::none;
	if (unlikely(in_interrupt()))
		irq_wait_done(w);
}

void lock_wait_prepare(wait_queue_head *wq, long state)
{
	set_current_state(state);
	if (task *p = running_task()) {
		p->waiting = wait_kind::wait_queue;
		p->wait_obj = wq;
	}
}

} // namespace sim
