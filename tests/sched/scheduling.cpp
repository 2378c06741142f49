// SPDX-License-Identifier: GPL-2.0-only
#include "support/machine.h"

#include "linux/delay.h"
#include "linux/sched.h"
#include "linux/smp.h"

#include <catch2/catch.hpp>
#include <vector>

TEST_CASE("tasks on one CPU run in spawn order, each until it sleeps or yields")
{
	test_machine tm;
	std::vector<int> order;
	for (int i = 0; i < 3; i++)
		sim::spawn(0, "t", [&, i] {
			order.push_back(i);
			yield();
			order.push_back(10 + i);
		});
	run_to_completion();
	CHECK(order == std::vector<int>{0, 1, 2, 10, 11, 12});
}

TEST_CASE("CPUs take turns round-robin, CPU 0 first")
{
	test_machine tm({.nr_cpus = 3});
	std::vector<int> cpus;
	for (unsigned c : {2u, 1u, 0u})
		sim::spawn(c, "t", [&] { cpus.push_back(smp_processor_id()); });
	run_to_completion();
	CHECK(cpus == std::vector<int>{0, 1, 2});
}

static int depth_then_sleep(int depth)
{
	if (depth == 0) {
		msleep(10);
		return 0;
	}
	volatile char frame[256];
	frame[0] = static_cast<char>(depth);
	return depth_then_sleep(depth - 1) + frame[0] - static_cast<char>(depth) + 1;
}

TEST_CASE("a task sleeps from deep in a call chain and resumes where it slept")
{
	test_machine tm;
	int result = -1;
	sim::spawn(0, "deep", [&] { result = depth_then_sleep(200); });
	run_to_completion();
	CHECK(result == 200);
	CHECK(sim::task_list()[0].state == 'X');
}

TEST_CASE("a task function that returns ends the task with its value as exit code")
{
	test_machine tm;
	int seven = 7;
	auto *p = sim::spawn(1, "cfn", [](void *arg) { return *static_cast<int *>(arg); }, &seven);
	run_to_completion();
	auto info = sim::task_list().at(p->pid - 1);
	CHECK(info.state == 'X');
	CHECK(info.exit_code == 7);
}

TEST_CASE("an exception escaping a task function is reported and ends only that task")
{
	test_machine tm;
	bool other_ran = false;
	sim::spawn(0, "thrower", [] { throw std::runtime_error("boom"); });
	sim::spawn(0, "other", [&] { other_ran = true; });
	run_expecting(sim::run_status::idle);
	CHECK(other_ran);
	CHECK(logged("sim: task thrower/1 ended by an exception: boom"));
}

TEST_CASE("exiting while atomic is noted and the CPU's preempt count is reset")
{
	test_machine tm;
	sim::spawn(0, "leaky", [] { preempt_disable(); });
	int count = -1;
	sim::spawn(0, "next", [&] { count = preempt_count(); });
	run_to_completion();
	CHECK(count == 0);
	CHECK(logged("note: leaky[1] exited with preempt_count 1"));
}

TEST_CASE("waking a task that is not sleeping returns 0 and changes nothing")
{
	test_machine tm;
	int woke = -1;
	long state = -1;
	sim::spawn(0, "self", [&] {
		woke = wake_up_process(current);
		state = current->state;
	});
	run_to_completion();
	CHECK(woke == 0);
	CHECK(state == TASK_RUNNING);
}

TEST_CASE("spawning on a CPU that does not exist is refused with a clear message")
{
	test_machine tm({.nr_cpus = 2});
	CHECK_THROWS_WITH(sim::spawn(2, "x", [] {}), Catch::Contains("CPU 2 does not exist (the machine has 2)"));
	CHECK(sim::task_list().empty());
}

TEST_CASE("a machine with more than 64 CPUs is refused")
{
	CHECK_THROWS_WITH(sim::machine({.nr_cpus = 65}), Catch::Contains("a machine has 1 to 64"));
}

TEST_CASE("a run stops at the virtual-time limit and says so")
{
	test_machine tm;
	sim::spawn(0, "sleeper", [] { msleep(1000); });
	auto r = sim::run({.until_ns = 100'000'000});
	CHECK(r.status == sim::run_status::time_limit);
	CHECK(r.now_ns == 100'000'000);
	CHECK(r.message.find("time limit") != std::string::npos);
	run_to_completion();
}

TEST_CASE("a run stops at the step limit and says so")
{
	test_machine tm;
	sim::spawn(0, "spinner", [] {
		for (;;)
			yield();
	});
	auto r = sim::run({.max_steps = 50});
	CHECK(r.status == sim::run_status::step_limit);
	CHECK(r.steps == 50);
}

TEST_CASE("seeded preemption: the same seed gives the same interleaving, another seed another")
{
	auto interleaving = [](std::uint64_t seed) {
		test_machine tm({.nr_cpus = 2, .seed = seed, .preempt_percent = 30});
		std::string order;
		for (char name : {'a', 'b'})
			sim::spawn(0, std::string(1, name), [&order, name] {
				for (int i = 0; i < 20; i++) {
					preempt_disable();
					order += name;
					preempt_enable();
				}
			});
		run_to_completion();
		return order;
	};
	std::string first = interleaving(1);
	CHECK(first.size() == 40);
	CHECK(interleaving(1) == first);
	bool differs = false;
	for (std::uint64_t seed = 2; seed < 6 && !differs; seed++)
		differs = interleaving(seed) != first;
	CHECK(differs);
	CHECK(first != std::string(20, 'a') + std::string(20, 'b'));
}

TEST_CASE("a task moved to another CPU runs there")
{
	test_machine tm({.nr_cpus = 2});
	int ran_on = -1;
	auto *p = sim::spawn(0, "mover", [&] { ran_on = smp_processor_id(); });
	sim::migrate(p, 1);
	run_to_completion();
	CHECK(ran_on == 1);
}
