// SPDX-License-Identifier: GPL-2.0-only
// Every run ends: the machine's time limit, the frozen-clock step limit, khungtaskd, and
// a task that dies of an exception.
#include "sched/boot.h"
#include "sched/report_count.h"

#include "linux/delay.h"
#include "linux/sched.h"
#include "linux/wait.h"

#include <catch2/catch.hpp>
#include <stdexcept>

TEST_CASE("a retry loop that never ends stops at the machine's time limit")
{
	test_machine tm({.time_limit_ns = 30'000'000'000ULL});
	unsigned tries = 0;
	sim::spawn(0, "retry", [&] {
		for (;;) {
			tries++;
			schedule_timeout_uninterruptible(5 * HZ); // as mempool_alloc retries every 5 s
		}
	});
	sim::run_result r = sim::run();
	REQUIRE(r.status == sim::run_status::machine_time_limit);
	CHECK(r.now_ns == 30'000'000'000ULL);
	CHECK(tries >= 6);
	REQUIRE(sim::first_abnormal_run());
	CHECK(sim::first_abnormal_run()->status == sim::run_status::machine_time_limit);
	// The limit is the machine's: a later run ends there at once.
	CHECK(sim::run().status == sim::run_status::machine_time_limit);
}

TEST_CASE("the machine's time limit bounds a run with a later limit of its own")
{
	test_machine tm({.time_limit_ns = 1'000'000'000ULL});
	sim::run_result r = sim::run({.until_ns = 5'000'000'000ULL, .advance_idle = true});
	CHECK(r.status == sim::run_status::machine_time_limit);
	CHECK(r.now_ns == 1'000'000'000ULL);
}

TEST_CASE("a run that ends by its own time limit is not abnormal")
{
	test_machine tm;
	CHECK(sim::run({.until_ns = 5'000'000'000ULL, .advance_idle = true}).status == sim::run_status::time_limit);
	CHECK_FALSE(sim::first_abnormal_run());
}

TEST_CASE("tasks that yield to each other while the clock stands still stop at the step limit")
{
	test_machine tm({.nr_cpus = 2});
	for (unsigned cpu = 0; cpu < 2; cpu++)
		sim::spawn(cpu, "poll", [] {
			for (;;)
				yield();
		});
	sim::run_result r = sim::run();
	REQUIRE(r.status == sim::run_status::step_limit);
	CHECK(r.steps >= sim::frozen_clock_steps);
	CHECK(r.message.find("without virtual time moving") != std::string::npos);
}

TEST_CASE("khungtaskd reports a task blocked in D state while another task keeps running")
{
	test_machine tm;
	DECLARE_WAIT_QUEUE_HEAD(never);
	unsigned naps = 0;
	sim::spawn(0, "stuck", [&] { wait_event(never, false); });
	sim::spawn(1, "busy", [&] {
		for (naps = 0; naps < 300; naps++)
			msleep(1000);
	});
	sim::run_result r = sim::run();
	std::string log;
	for (const sim::log_record &l : sim::log_records())
		log += l.text;
	// The scan at 120 s sees it blocked for the first time; the one at 240 s reports it.
	const auto &recs = sim::log_records();
	auto first = std::find_if(recs.begin(), recs.end(), [](const sim::log_record &l) {
		return l.text == "INFO: task stuck:1 blocked for more than 120 seconds.\n";
	});
	REQUIRE(first != recs.end());
	CHECK(first->ts_ns >= 240'000'000'000ULL);
	CHECK(first->ts_ns < 241'000'000'000ULL);
	CHECK(log.find("      Not tainted 5.4.0-slabsim #1\n"
		       "\"echo 0 > /proc/sys/kernel/hung_task_timeout_secs\" disables this message.\n"
		       "stuck           D    0     1      2 0x80004000\n") != std::string::npos);
	CHECK(log.find("busy") == std::string::npos);
	// Once only the blocked task is left, the next scan reports it again and the run ends.
	CHECK(naps == 300);
	REQUIRE(r.status == sim::run_status::hung);
	CHECK(log.find("INFO: task stuck:1 blocked for more than 240 seconds.") != std::string::npos);
	CHECK(reports_of(sim::report_kind::hung_task) == 2);
}

TEST_CASE("khungtaskd reports at most hung_task_warnings times")
{
	test_machine tm({.time_limit_ns = 3'000'000'000'000ULL});
	DECLARE_WAIT_QUEUE_HEAD(never);
	for (int i = 0; i < 4; i++)
		sim::spawn(0, "stuck", [&] { wait_event(never, false); });
	sim::spawn(1, "ticker", [] {
		for (;;)
			msleep(10'000);
	});
	CHECK(sim::run().status == sim::run_status::machine_time_limit);
	CHECK(reports_of(sim::report_kind::hung_task) == 10);
	CHECK(sim::hung_task_warnings == 0);
}

TEST_CASE("a task that dies of a C++ exception is noted as a report")
{
	test_machine tm;
	sim::spawn(0, "thrower", [] { throw std::runtime_error("boom"); });
	CHECK(sim::run().status == sim::run_status::idle);
	REQUIRE(reports_of(sim::report_kind::exception) == 1);
	CHECK(sim::kernel_reports().front().headline == "sim: task thrower/1 ended by an exception: boom");
	CHECK(sim::task_list()[0].exit_code == -1);
}
