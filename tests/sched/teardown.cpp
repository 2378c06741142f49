// SPDX-License-Identifier: GPL-2.0-only
// Tearing a machine down while tasks still sleep, timers and work are pending and interrupts
// are not yet delivered: every task's stack unwinds, nothing crashes, and kernel objects that
// outlive the machine are left idle.
#include "support/machine.h"

#include "linux/completion.h"
#include "linux/delay.h"
#include "linux/timer.h"
#include "linux/wait.h"
#include "linux/workqueue.h"

#include <catch2/catch.hpp>
#include <memory>

namespace {
// Sets its flag when the stack frame holding it unwinds.
struct unwound {
	bool *flag;
	~unwound() { *flag = true; }
};

// Boots a machine, lets `body` run on CPU 0 for one virtual second, then tears the machine
// down with the task still inside `body`. Returns whether the task's stack unwound.
template <typename F> bool torn_down_while(F body)
{
	bool done = false, unwound_ = false;
	{
		test_machine tm;
		sim::spawn(0, "sleeper", [&] {
			unwound guard{&unwound_};
			body();
			done = true;
		});
		run_expecting(sim::run_status::time_limit, {.until_ns = 1000000000});
	}
	CHECK_FALSE(done);
	return unwound_;
}

void never_fires(struct timer_list *) { FAIL("a timer fired after teardown"); }
void never_runs(struct work_struct *) { FAIL("work ran after teardown"); }

// Objects that outlive one machine, as a module's static data would.
struct timer_list global_timer;
struct delayed_work global_dwork;
struct work_struct global_work;
} // namespace

TEST_CASE("teardown unwinds a task asleep in io_schedule_timeout")
{
	CHECK(torn_down_while([] {
		__set_current_state(TASK_UNINTERRUPTIBLE);
		io_schedule_timeout(5 * HZ);
	}));
}

TEST_CASE("teardown unwinds a task asleep in schedule_timeout_interruptible")
{
	CHECK(torn_down_while([] { schedule_timeout_interruptible(5 * HZ); }));
}

TEST_CASE("teardown unwinds a task asleep in msleep and one in usleep_range")
{
	CHECK(torn_down_while([] { msleep(5000); }));
	CHECK(torn_down_while([] { usleep_range(5000000, 5000001); }));
}

TEST_CASE("teardown unwinds a task in wait_event and one in wait_event_timeout")
{
	static DECLARE_WAIT_QUEUE_HEAD(wq);
	CHECK(torn_down_while([] { wait_event(wq, false); }));
	init_waitqueue_head(&wq); // the dead task's entry stays queued, as on a crashed kernel
	CHECK(torn_down_while([] { wait_event_timeout(wq, false, 5 * HZ); }));
	init_waitqueue_head(&wq);
}

TEST_CASE("teardown unwinds tasks waiting on a completion with or without a timeout")
{
	static struct completion done;
	init_completion(&done);
	CHECK(torn_down_while([] { wait_for_completion(&done); }));
	init_completion(&done);
	CHECK(torn_down_while([] { wait_for_completion_io_timeout(&done, 5 * HZ); }));
	init_completion(&done);
}

TEST_CASE("teardown unwinds a task that was preempted and is still runnable")
{
	bool unwound_ = false;
	{
		test_machine tm;
		for (int i = 0; i < 2; i++)
			sim::spawn(0, "spinner", [&] {
				unwound guard{&unwound_};
				for (;;)
					yield();
			});
		run_expecting(sim::run_status::step_limit, {.max_steps = 10});
	}
	CHECK(unwound_);
}

TEST_CASE("timers and work left pending at teardown are idle afterwards")
{
	{
		test_machine tm;
		timer_setup(&global_timer, never_fires, 0);
		mod_timer(&global_timer, jiffies + 5 * HZ);
		INIT_DELAYED_WORK(&global_dwork, never_runs);
		schedule_delayed_work(&global_dwork, 5 * HZ);
		INIT_WORK(&global_work, never_runs);
		schedule_work(&global_work);
	}
	CHECK_FALSE(timer_pending(&global_timer));
	CHECK_FALSE(delayed_work_pending(&global_dwork));
	CHECK_FALSE(work_pending(&global_work));
	CHECK(list_empty(&global_work.entry));
	test_machine next; // a new machine does not see them
	run_to_completion();
}

TEST_CASE("an interrupt not yet delivered at teardown never runs")
{
	bool ran = false;
	{
		test_machine tm;
		sim::raise_irq(0, 5000000000, [&] { ran = true; });
		run_expecting(sim::run_status::time_limit, {.until_ns = 1000000000});
	}
	test_machine next;
	run_to_completion();
	CHECK_FALSE(ran);
}
