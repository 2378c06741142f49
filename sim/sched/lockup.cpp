// SPDX-License-Identifier: GPL-2.0-only
// CPUs that cannot make progress: tasks spinning on a held lock and interrupt handlers that
// sleep, and when the soft-lockup watchdog (kernel/watchdog.c) reports them.
//
// The watchdog's hrtimer samples every CPU every softlockup_sample_secs from boot; a CPU that
// can schedule touches its timestamp (running_clock() >> 30, about seconds) at each sample.
// A stuck CPU stops touching it, and the first sample at which the timestamp is more than
// softlockup_thresh_secs old prints the report with that age: 22 to 24 "seconds".
#include "linux/printk.h"
#include "sim/sched/clock.h"
#include "sim/sched/cost.h"
#include "sim/sched/internal.h"
#include "sim/sched/watchdog.h"

#include <algorithm>
#include <fmt/format.h>

namespace sim {

namespace {

constexpr u64 sample_ns = softlockup_sample_secs * NSEC_PER_SEC;

u64 watchdog_timestamp(u64 ns) { return ns >> 30; } // get_timestamp(): 2^30 ~= 10^9

// The age of the timestamp when the report comes for a CPU stuck since `since`: the sample
// before it was the last to touch the timestamp.
u64 touch_ts(u64 since) { return watchdog_timestamp(since / sample_ns * sample_ns); }

u64 softlockup_due_ns(u64 since)
{
	u64 first = (touch_ts(since) + softlockup_thresh_secs + 1) << 30;
	return (first + sample_ns - 1) / sample_ns * sample_ns;
}

unsigned long softlockup_secs(u64 since)
{
	return static_cast<unsigned long>(watchdog_timestamp(softlockup_due_ns(since)) - touch_ts(since));
}

struct spinning {
	task *p;
	spinning(task *t, const spinlock_t *lock) : p(t)
	{
		p->spinning_on = lock;
		p->spin_since_ns = now_ns;
		p->softlockup_reported = false;
		sched_globals.spinners.push_back(p);
	}
	~spinning()
	{
		p->spinning_on = nullptr;
		std::erase(sched_globals.spinners, p);
	}
};

void softlockup_check(task *p)
{
	if (p->softlockup_reported || now_ns < softlockup_due_ns(p->spin_since_ns))
		return;
	p->softlockup_reported = true;
	softlockup_report(softlockup_secs(p->spin_since_ns));
}

std::string lockup_message()
{
	std::string cpus_list;
	for (task *t : sched_globals.spinners)
		cpus_list += fmt::format("{}CPU#{} ({}/{})", cpus_list.empty() ? "" : ", ", t->cpu, t->comm, t->pid);
	return fmt::format("lockup: only CPUs spinning on locks nothing can release are left: {}", cpus_list);
}

// Every runnable task spins: nothing can release a lock before the next event, so the
// spinning CPUs burn the time until then, or until a watchdog report is due. With no event
// that could wake anyone and every spinner reported, they spin for ever: the run ends.
void spin_until_something_happens()
{
	u64 next = std::min(sched_globals.next_event_ns, sched_globals.time_barrier_ns);
	bool all_reported = true;
	for (task *t : sched_globals.spinners) {
		if (!t->softlockup_reported) {
			next = std::min(next, softlockup_due_ns(t->spin_since_ns));
			all_reported = false;
		}
	}
	if (all_reported && !wakeful_event_pending())
		stop_run_on_lockup(lockup_message());
	else
		advance_to(next);
}

} // namespace

void spin_wait(task *p, const spinlock_t *lock)
{
	spinning guard(p, lock);
	while (lock->locked) {
		charge(cost::spin_wait);
		softlockup_check(p);
		if (sched_globals.spinners.size() == nr_running() && !event_due(now_ns))
			spin_until_something_happens();
		switch_out(p, true);
	}
}

void sleep_in_interrupt(u64 wake_ns)
{
	cpu &c = cpu_of(__sim_this_cpu->cpu);
	if (!c.irq_slept) {
		c.irq_slept = true;
		schedule_bug(current);
	}
	u64 due = softlockup_due_ns(c.irq_entered_ns);
	advance_to(std::min({wake_ns, due, run_end_ns()}));
	if (now_ns >= due) {
		softlockup_report(softlockup_secs(c.irq_entered_ns));
		stop_run_on_lockup(fmt::format("lockup: CPU#{} stuck in an interrupt handler that sleeps, since {:.6f} s: "
					       "the handler was abandoned",
					       c.ctx.cpu, c.irq_entered_ns / 1e9));
	}
	if (now_ns >= due || now_ns >= run_end_ns()) {
		irq_waits_abandon();
		throw irq_abandoned{};
	}
}

} // namespace sim
