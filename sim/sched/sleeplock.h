// SPDX-License-Identifier: GPL-2.0-only
// What mutexes, semaphores and rw_semaphores share: a FIFO of waiters on the lock's own wait
// queue head (its spinlock is the lock's wait_lock), and a sleep that the hung-task report
// and task queries see as a wait on that queue, at the site the caller's macro noted.
#pragma once

#include "linux/wait.h"

namespace sim {

// An exclusive waiter for the current task; `flags` may add a lock's own marks.
void lock_waiter_init(wait_queue_entry *w, unsigned int flags);
// With wq->lock held: the waiter joins the tail / leaves the queue.
void lock_waiter_enqueue(wait_queue_head *wq, wait_queue_entry *w);
void lock_waiter_dequeue(wait_queue_entry *w);
// The waiter was granted the lock by the one who woke it: taken off the queue, then woken.
void lock_waiter_grant(wait_queue_entry *w);
// After a wait (granted or not): the waiter is off the queue and its task is running again.
void lock_waiter_done(wait_queue_entry *w);
// Sets the current task's state and notes that it waits on `wq` (before unlocking wq->lock).
void lock_wait_prepare(wait_queue_head *wq, long state);

inline wait_queue_entry *first_lock_waiter(wait_queue_head *wq)
{
	return list_first_entry_or_null(&wq->head, wait_queue_entry, entry);
}

} // namespace sim
