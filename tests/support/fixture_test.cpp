// SPDX-License-Identifier: GPL-2.0-only
// The shared fixture's promise: a test whose tasks did not all finish fails, whatever the
// test checked. Each "[!shouldfail]" case passes only if the fixture failed it.
#include "support/machine.h"

#include "linux/bug.h"
#include "linux/delay.h"
#include "linux/mempool.h"
#include "linux/sched.h"
#include "linux/wait.h"

#include <stdexcept>

TEST_CASE("on_cpu passes when its task and every task the task started finish")
{
	test_machine m;
	bool child_ran = false;
	on_cpu(0, [&] { sim::spawn(1, "child", [&] { child_ran = true; }); });
	CHECK(child_ran);
}

TEST_CASE("on_cpu fails a test whose task sleeps forever before its checks", "[!shouldfail]")
{
	test_machine m;
	DECLARE_WAIT_QUEUE_HEAD(never_woken);
	on_cpu(0, [&] {
		wait_event(never_woken, false);
		CHECK(true);
	});
}

TEST_CASE("on_cpu fails a test whose task is left asleep when the machine goes idle", "[!shouldfail]")
{
	test_machine m;
	on_cpu(0, [] {
		set_current_state(TASK_INTERRUPTIBLE);
		schedule();
	});
}

TEST_CASE("on_cpu fails a test when a task its task started is left asleep", "[!shouldfail]")
{
	test_machine m;
	on_cpu(0, [] {
		sim::spawn(1, "child", [] {
			set_current_state(TASK_INTERRUPTIBLE);
			schedule();
		});
	});
}

TEST_CASE("on_cpu fails a test whose task ends by an exception", "[!shouldfail]")
{
	test_machine m;
	on_cpu(0, [] { throw std::runtime_error("boom"); });
}

TEST_CASE("on_cpu fails a test whose task hits BUG()", "[!shouldfail]")
{
	test_machine m;
	on_cpu(0, [] { BUG(); });
}

TEST_CASE("a test machine checks the machine's invariants after the engine's steps")
{
	test_machine m;
	std::uint64_t before = sim::invariant_checks();
	on_cpu(0, [] { msleep(1); });
	CHECK(sim::invariant_checks() > before);
}

TEST_CASE("on_cpu fails a test whose task breaks an invariant of the machine", "[!shouldfail]")
{
	test_machine m;
	on_cpu(0, [] {
		mempool_t *pool = mempool_create_kmalloc_pool(2, 32);
		pool->curr_nr = pool->min_nr + 1; // more reserve than it has room for
		msleep(1);			  // a step of the engine, which checks
		pool->curr_nr = pool->min_nr;
		mempool_destroy(pool);
	});
}

TEST_CASE("run_expecting fails a test whose run ended otherwise than it said", "[!shouldfail]")
{
	test_machine m;
	sim::spawn(0, "quick", [] {});
	run_expecting(sim::run_status::time_limit, {.until_ns = 1'000'000});
}

TEST_CASE("run_expecting passes when the run ends as the test said")
{
	test_machine m;
	DECLARE_WAIT_QUEUE_HEAD(never_woken);
	sim::spawn(0, "stuck", [&] { wait_event(never_woken, false); });
	CHECK(run_expecting(sim::run_status::hung).now_ns >= sim::hung_task_timeout_secs * 1'000'000'000ull);
}
