// SPDX-License-Identifier: GPL-2.0-only
// The task tables read every task ever spawned: numbers and words.
#include "observe_test.h"

#include "linux/delay.h"
#include "sim/sched/observe.h"
#include "sim/sched/sched.h"

using namespace observetest;

TEST_CASE("every task field reads that number of the task")
{
	test_machine m({.nr_cpus = 2});
	on_cpu(1, [] {
		msleep(1);
		msleep(1);
	});
	std::vector<const task_struct *> all = sim::tasks();
	REQUIRE(all.size() == 1);
	// Two sleeps and the exit are voluntary switches.
	check_fields(sim::task_fields(), *all[0],
		     {{"pid", 1}, {"cpu", 1}, {"nvcsw", 3}, {"nivcsw", 0}, {"exit_code", 0}});
}

TEST_CASE("the task text fields give comm, state letter and wait site")
{
	test_machine m;
	task_struct *sleeper = sim::spawn(0, "sleeper", [] { msleep(1000); });
	run_for(1'000'000); // 1 ms: asleep, not yet woken
	auto text = [&](const char *name) { return sim::find_field(sim::task_text_fields(), name)->read(*sleeper); };
	CHECK(text("comm") == "sleeper");
	CHECK(text("state") == "D");
	CHECK(text("wait") == sim::describe_wait(sleeper));
	CHECK(!text("wait").empty());
	run_to_completion();
	CHECK(text("state") == "X");
	CHECK(text("wait").empty());
}
