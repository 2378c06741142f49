// SPDX-License-Identifier: GPL-2.0-only
// Wait queues and completions (kernel/sched/wait.c, kernel/sched/completion.c), v5.4.
#include "linux/completion.h"
#include "linux/wait.h"
#include "sim/sched/internal.h"

#include <algorithm>
#include <climits>
#include <vector>

namespace sim {
// Out of line and cold: a handler that waits is a bug, the waits of tasks pay one test.
[[gnu::cold, gnu::noinline]] void irq_wait_queued(wait_queue_head *, wait_queue_entry *wq_entry)
{
	sched_globals.irq_waits.push_back(wq_entry);
}
[[gnu::cold, gnu::noinline]] void irq_wait_done(wait_queue_entry *wq_entry) { std::erase(sched_globals.irq_waits, wq_entry); }

void irq_waits_abandon()
{
	for (wait_queue_entry *e : sched_globals.irq_waits)
		list_del_init(&e->entry);
	sched_globals.irq_waits.clear();
}
} // namespace sim

using namespace sim;

namespace {

// An entry a handler queues lives on its stack: noted, so abandoning the handler unhooks it.
inline void note_queued(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	if (unlikely(in_interrupt()))
		irq_wait_queued(wq_head, wq_entry);
}

inline void note_dequeued(struct wait_queue_entry *wq_entry)
{
	if (unlikely(in_interrupt()))
		irq_wait_done(wq_entry);
}

void note_wait(struct wait_queue_head *wq_head)
{
	if (task *p = running_task()) {
		p->waiting = wait_kind::wait_queue;
		p->wait_obj = wq_head;
	}
}

// __wake_up_common(): wake every non-exclusive waiter and up to nr_exclusive exclusive ones
// that actually woke, walking from the head.
inline void wake_up_common(struct wait_queue_head *wq_head, unsigned int mode, int nr_exclusive, void *key)
{
	struct wait_queue_entry *curr, *next;
	list_for_each_entry_safe(curr, next, &wq_head->head, entry) {
		unsigned int flags = curr->flags;
		int ret = curr->func(curr, mode, 0, key);
		if (ret < 0)
			break;
		if (ret && (flags & WQ_FLAG_EXCLUSIVE) && !--nr_exclusive)
			break;
	}
}

} // namespace

extern "C" {

int default_wake_function(struct wait_queue_entry *wq_entry, unsigned mode, int flags, void *key)
{
	return try_to_wake_up(to_task(static_cast<task_struct *>(wq_entry->private_)), mode);
}

int autoremove_wake_function(struct wait_queue_entry *wq_entry, unsigned mode, int flags, void *key)
{
	int ret = default_wake_function(wq_entry, mode, flags, key);
	if (ret)
		list_del_init(&wq_entry->entry);
	return ret;
}

void __init_waitqueue_head(struct wait_queue_head *wq_head, const char *name)
{
	__raw_spin_lock_init(&wq_head->lock, name);
	INIT_LIST_HEAD(&wq_head->head);
}

void init_wait_entry(struct wait_queue_entry *wq_entry, int flags)
{
	wq_entry->flags = static_cast<unsigned int>(flags);
	wq_entry->private_ = get_current();
	wq_entry->func = autoremove_wake_function;
	INIT_LIST_HEAD(&wq_entry->entry);
}

void add_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	unsigned long flags;
	wq_entry->flags &= ~WQ_FLAG_EXCLUSIVE;
	spin_lock_irqsave(&wq_head->lock, flags);
	list_add(&wq_entry->entry, &wq_head->head);
	note_queued(wq_head, wq_entry);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

void add_wait_queue_exclusive(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	unsigned long flags;
	wq_entry->flags |= WQ_FLAG_EXCLUSIVE;
	spin_lock_irqsave(&wq_head->lock, flags);
	list_add_tail(&wq_entry->entry, &wq_head->head);
	note_queued(wq_head, wq_entry);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

void remove_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	unsigned long flags;
	spin_lock_irqsave(&wq_head->lock, flags);
	list_del(&wq_entry->entry);
	note_dequeued(wq_entry);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

void(prepare_to_wait)(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state)
{
	wq_entry->flags &= ~WQ_FLAG_EXCLUSIVE;
	prepare_to_wait_event(wq_head, wq_entry, state);
}

void(prepare_to_wait_exclusive)(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state)
{
	wq_entry->flags |= WQ_FLAG_EXCLUSIVE;
	prepare_to_wait_event(wq_head, wq_entry, state);
}

// Queues the entry if it is not queued yet (exclusive ones at the tail, others at the head)
// and sets the task state. No signals in the simulator, so never -ERESTARTSYS.
long prepare_to_wait_event(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state)
{
	unsigned long flags;
	spin_lock_irqsave(&wq_head->lock, flags);
	if (list_empty(&wq_entry->entry)) {
		if (wq_entry->flags & WQ_FLAG_EXCLUSIVE)
			list_add_tail(&wq_entry->entry, &wq_head->head);
		else
			list_add(&wq_entry->entry, &wq_head->head);
		note_queued(wq_head, wq_entry);
	}
	set_current_state(state);
	note_wait(wq_head);
	spin_unlock_irqrestore(&wq_head->lock, flags);
	return 0;
}

void finish_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	unsigned long flags;
	__set_current_state(TASK_RUNNING);
	if (task *p = running_task())
		p->waiting = wait_kind::none;
	if (!list_empty(&wq_entry->entry)) {
		spin_lock_irqsave(&wq_head->lock, flags);
		list_del_init(&wq_entry->entry);
		spin_unlock_irqrestore(&wq_head->lock, flags);
	}
	note_dequeued(wq_entry);
}

void __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr_exclusive, void *key)
{
	unsigned long flags;
	spin_lock_irqsave(&wq_head->lock, flags);
	wake_up_common(wq_head, mode, nr_exclusive, key);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

void __wake_up_locked(struct wait_queue_head *wq_head, unsigned int mode, int nr_exclusive)
{
	wake_up_common(wq_head, mode, nr_exclusive, nullptr);
}

void __init_completion(struct completion *x, const char *name)
{
	x->done = 0;
	__init_waitqueue_head(&x->wait, name);
}

void complete(struct completion *x)
{
	unsigned long flags;
	spin_lock_irqsave(&x->wait.lock, flags);
	if (x->done != UINT_MAX)
		x->done++;
	__wake_up_locked(&x->wait, TASK_NORMAL, 1);
	spin_unlock_irqrestore(&x->wait.lock, flags);
}

void complete_all(struct completion *x)
{
	unsigned long flags;
	spin_lock_irqsave(&x->wait.lock, flags);
	x->done = UINT_MAX;
	__wake_up_locked(&x->wait, TASK_NORMAL, 0);
	spin_unlock_irqrestore(&x->wait.lock, flags);
}

} // extern "C"

namespace {

// wait_for_common(): queue exclusively at the tail and sleep until done or timed out.
long wait_for_common(struct completion *x, long timeout, bool io)
{
	might_sleep();
	spin_lock_irq(&x->wait.lock);
	if (!x->done) {
		DECLARE_WAITQUEUE(wait, get_current());
		wait.flags |= WQ_FLAG_EXCLUSIVE;
		list_add_tail(&wait.entry, &x->wait.head);
		note_queued(&x->wait, &wait);
		do {
			__set_current_state(TASK_UNINTERRUPTIBLE);
			note_wait(&x->wait);
			spin_unlock_irq(&x->wait.lock);
			timeout = io ? (io_schedule_timeout)(timeout) : (schedule_timeout)(timeout);
			spin_lock_irq(&x->wait.lock);
		} while (!x->done && timeout);
		list_del(&wait.entry);
		note_dequeued(&wait);
		if (task *p = running_task())
			p->waiting = wait_kind::none;
		if (!x->done) {
			spin_unlock_irq(&x->wait.lock);
			return timeout;
		}
	}
	if (x->done != UINT_MAX)
		x->done--;
	spin_unlock_irq(&x->wait.lock);
	return timeout ? timeout : 1;
}

} // namespace

extern "C" {

void(wait_for_completion)(struct completion *x) { wait_for_common(x, MAX_SCHEDULE_TIMEOUT, false); }
void(wait_for_completion_io)(struct completion *x) { wait_for_common(x, MAX_SCHEDULE_TIMEOUT, true); }

unsigned long(wait_for_completion_timeout)(struct completion *x, unsigned long timeout)
{
	return static_cast<unsigned long>(wait_for_common(x, static_cast<long>(timeout), false));
}

unsigned long(wait_for_completion_io_timeout)(struct completion *x, unsigned long timeout)
{
	return static_cast<unsigned long>(wait_for_common(x, static_cast<long>(timeout), true));
}

bool try_wait_for_completion(struct completion *x)
{
	unsigned long flags;
	bool ret = true;
	if (!x->done)
		return false;
	spin_lock_irqsave(&x->wait.lock, flags);
	if (!x->done)
		ret = false;
	else if (x->done != UINT_MAX)
		x->done--;
	spin_unlock_irqrestore(&x->wait.lock, flags);
	return ret;
}

bool completion_done(struct completion *x) { return x->done != 0; }

} // extern "C"
