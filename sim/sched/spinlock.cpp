// SPDX-License-Identifier: GPL-2.0-only
// Spinlock slow paths and CONFIG_DEBUG_SPINLOCK's reports (kernel/locking/spinlock_debug.c).
#include "linux/printk.h"
#include "linux/spinlock.h"
#include "sim/sched/internal.h"
#include "sim/trace/report.h"

#include <cstddef>
#include <fmt/format.h>

// The fast paths read locked and magic as one word (spinlock.h).
static_assert(offsetof(spinlock_t, magic) == offsetof(spinlock_t, locked) + sizeof(unsigned int) &&
	      __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__);

namespace sim {
// debug_locks: cleared by the first lock bug, after which lock debugging stays quiet (as
// debug_locks_off() makes it), so one bug does not bury the log.
bool debug_locks = true;
} // namespace sim

using namespace sim;

namespace {

void spin_dump(spinlock_t *lock, const char *msg)
{
	auto *owner = static_cast<task_struct *>(lock->owner == SPINLOCK_OWNER_INIT ? nullptr : lock->owner);
	std::string headline =
		fmt::format("BUG: spinlock {} on CPU#{}, {}/{}", msg, raw_smp_processor_id(), current->comm, current->pid);
	report_note(report_kind::spinlock, headline);
	printk(KERN_EMERG "%s\n", headline.c_str());
	printk(KERN_EMERG " lock: %s, .magic: %08x, .owner: %s/%d, .owner_cpu: %d\n", lock->name ? lock->name : "?",
	       lock->magic, owner ? owner->comm : "<none>", owner ? owner->pid : -1, lock->owner_cpu);
	dump_stack();
}

void spin_bug(spinlock_t *lock, const char *msg)
{
	if (!debug_locks)
		return;
	debug_locks = false;
	spin_dump(lock, msg);
}

void take(spinlock_t *lock)
{
	lock->locked = 1;
	lock->owner = __sim_current;
	lock->owner_cpu = static_cast<int>(__sim_this_cpu->cpu);
	lock->acquisitions++;
}

} // namespace

extern "C" {

void __raw_spin_lock_init(spinlock_t *lock, const char *name)
{
	*lock = spinlock_t{0, SPINLOCK_MAGIC, -1, SPINLOCK_OWNER_INIT, 0, 0, name};
}

// Entered with the preempt count already raised by spin_lock().
void __sim_spin_lock_slow(spinlock_t *lock)
{
	if (lock->magic != SPINLOCK_MAGIC)
		spin_bug(lock, "bad magic");
	if (!lock->locked) {
		take(lock);
		return;
	}
	if (lock->owner == __sim_current) {
		// The kernel would spin forever; leave the lock held once and carry on.
		spin_bug(lock, "recursion");
		preempt_count_sub(1);
		return;
	}
	lock->contentions++;
	task *p = running_task();
	if (!p) {
		spin_bug(lock, "lockup suspected");
		preempt_count_sub(1);
		return;
	}
	// The holder is off CPU (it slept holding the lock, or died): spin by letting the other
	// CPUs run, watched by the soft-lockup watchdog.
	spin_wait(p, lock);
	take(lock);
}

void __sim_spin_unlock_slow(spinlock_t *lock)
{
	if (lock->magic != SPINLOCK_MAGIC)
		spin_bug(lock, "bad magic");
	if (!lock->locked) {
		// Nothing to release: leave the lock and the preempt count as they are.
		spin_bug(lock, "already unlocked");
		return;
	}
	if (lock->owner != __sim_current)
		spin_bug(lock, "wrong owner");
	else if (lock->owner_cpu != static_cast<int>(__sim_this_cpu->cpu))
		spin_bug(lock, "wrong CPU");
	lock->owner = SPINLOCK_OWNER_INIT;
	lock->owner_cpu = -1;
	lock->locked = 0;
	preempt_enable();
}

void __sim_spin_not_held(spinlock_t *lock, const char *file, int line)
{
	printk(KERN_EMERG "sim: assert_spin_locked(%s) failed\n", lock->name ? lock->name : "?");
	__sim_bug(file, line);
}

} // extern "C"
