// SPDX-License-Identifier: GPL-2.0-only
#include "support/machine.h"

#include "linux/delay.h"
#include "linux/spinlock.h"
#include "linux/wait.h"
#include "sim/trace/trace.h"

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <regex>

namespace {
// Two CPUs, a wait queue, timers and seeded preemption: every event kind the engine emits.
std::string traced_run(std::uint64_t seed)
{
	test_machine tm({.nr_cpus = 2, .seed = seed, .preempt_percent = 20});
	sim::trace_start();
	static DECLARE_WAIT_QUEUE_HEAD(wq);
	init_waitqueue_head(&wq);
	static int items;
	items = 0;
	for (unsigned c = 0; c < 2; c++) {
		sim::spawn(c, fmt::format("producer{}", c), [] {
			for (int i = 0; i < 5; i++) {
				preempt_disable();
				items++;
				preempt_enable();
				wake_up(&wq);
				msleep(1);
			}
		});
		sim::spawn(c, fmt::format("consumer{}", c), [] {
			for (int i = 0; i < 5; i++) {
				wait_event_timeout(wq, items > 0, 10);
				preempt_disable();
				if (items > 0)
					items--;
				preempt_enable();
			}
		});
	}
	run_to_completion();
	sim::trace_stop();
	return sim::trace_text();
}

struct test_fields {
	int value;
	const void *ptr;
};
void print_test(std::string &out, const test_fields &f)
{
	fmt::format_to(std::back_inserter(out), "value={} ptr=", f.value);
	sim::trace_ptr(out, f.ptr);
}
sim::trace_event<test_fields> trace_test_event{"test", "test_event", print_test};
} // namespace

TEST_CASE("the same seed gives a byte-identical trace, run after run")
{
	std::string first = traced_run(7);
	REQUIRE(first.find("sched_switch") != std::string::npos);
	for (int i = 0; i < 20; i++)
		REQUIRE(traced_run(7) == first);
	CHECK(traced_run(8) != first);
}

TEST_CASE("the trace file starts with ftrace's nop-tracer header")
{
	test_machine tm;
	sim::trace_start();
	sim::spawn(0, "t", [] {});
	run_to_completion();
	std::string text = sim::trace_text();
	CHECK(text.rfind("# tracer: nop\n#\n# entries-in-buffer/entries-written: ", 0) == 0);
	CHECK(text.find("   #P:2\n") != std::string::npos);
	CHECK(text.find("#           TASK-PID   CPU#  ||||    TIMESTAMP  FUNCTION\n"
			"#              | |       |   ||||       |         |\n") != std::string::npos);
}

TEST_CASE("sched_switch and sched_wakeup print v5.4's fields in the ftrace line layout")
{
	test_machine tm;
	sim::trace_start();
	auto *sleeper = sim::spawn(0, "sleeper", [] {
		set_current_state(TASK_UNINTERRUPTIBLE);
		schedule();
	});
	run_for(1'000'000); // asleep
	wake_up_process(sleeper);
	run_to_completion();
	std::string text = sim::trace_text(false);
	CHECK(std::regex_search(text, std::regex(R"(\n *<idle>-0     \[000\] \.\.\.\. +0\.\d{6}: sched_switch: prev_comm=swapper/0 prev_pid=0 prev_prio=120 prev_state=R ==> next_comm=sleeper next_pid=1 next_prio=120\n)")));
	CHECK(std::regex_search(text, std::regex(R"(\n *sleeper-1     \[000\] \.\.\.\. +0\.\d{6}: sched_switch: prev_comm=sleeper prev_pid=1 prev_prio=120 prev_state=D ==> next_comm=swapper/0 next_pid=0 next_prio=120\n)")));
	CHECK(std::regex_search(text, std::regex(R"(sched_wakeup: comm=sleeper pid=1 prio=120 target_cpu=000\n)")));
}

TEST_CASE("timer events print the timer fields of v5.4")
{
	test_machine tm;
	sim::trace_start();
	sim::spawn(0, "napper", [] { msleep(8); });
	run_to_completion();
	std::string text = sim::trace_text(false);
	CHECK(std::regex_search(text, std::regex(R"(timer_start: timer=[0-9a-f]{16} function=\S+ expires=\d+ \[timeout=3\] cpu=0 idx=\d+ flags=\n)")));
	CHECK(std::regex_search(text, std::regex(R"(<idle>-0     \[000\] \.\.s\. +\d+\.\d{6}: timer_expire_entry: timer=[0-9a-f]{16} function=\S+ now=\d+ baseclk=\d+\n)")));
}

TEST_CASE("a layer's own event type records and prints through the same sink")
{
	test_machine tm;
	sim::trace_start();
	int x = 0;
	sim::spawn(1, "emitter", [&] {
		DEFINE_SPINLOCK(lock);
		spin_lock(&lock);
		trace_test_event({42, &x});
		spin_unlock(&lock);
	});
	run_to_completion();
	CHECK(std::regex_search(sim::trace_text(false),
				std::regex(R"(\n *emitter-1     \[001\] \.\.\.1 +\d+\.\d{6}: test_event: value=42 ptr=00000000[0-9a-f]{8}\n)")));
}

TEST_CASE("with tracing off, events record nothing")
{
	test_machine tm;
	sim::trace_start();
	sim::trace_stop();
	trace_test_event({1, nullptr});
	sim::spawn(0, "t", [] {});
	run_to_completion();
	CHECK(sim::trace_entries_written() == 0);
}

TEST_CASE("a disabled event is skipped while the others record")
{
	test_machine tm;
	sim::trace_start();
	CHECK(sim::trace_set_event("test", false) == 1);
	trace_test_event({1, nullptr});
	CHECK(sim::trace_entries_written() == 0);
	sim::trace_set_event("test:test_event", true);
	trace_test_event({1, nullptr});
	CHECK(sim::trace_entries_written() == 1);
}

TEST_CASE("a full ring buffer keeps the newest entries and counts every one written")
{
	test_machine tm;
	sim::trace_start(4);
	for (int i = 0; i < 10; i++)
		trace_test_event({i, nullptr});
	CHECK(sim::trace_entries_written() == 10);
	CHECK(sim::trace_entries_in_buffer() == 4);
	std::string text = sim::trace_text();
	CHECK(text.find("entries-in-buffer/entries-written: 4/10") != std::string::npos);
	CHECK(text.find("value=5 ") == std::string::npos);
	CHECK(text.find("value=6 ") != std::string::npos);
	CHECK(text.find("value=9 ") != std::string::npos);
}
