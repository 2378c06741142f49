// SPDX-License-Identifier: GPL-2.0-only
#include "support/machine.h"

#include "linux/bug.h"
#include "linux/delay.h"
#include "linux/spinlock.h"
#include "linux/wait.h"

#include <catch2/catch.hpp>

TEST_CASE("might_sleep under a spinlock prints the kernel's sleeping-in-atomic report")
{
	test_machine tm;
	DEFINE_SPINLOCK(lock);
	sim::spawn(0, "atomic", [&] {
		spin_lock(&lock);
		might_sleep();
		spin_unlock(&lock);
	});
	run_to_completion();
	std::string log = log_text();
	CHECK(log.find("BUG: sleeping function called from invalid context at " __FILE__ ":") != std::string::npos);
	CHECK(log.find("in_atomic(): 1, irqs_disabled(): 0, non_block: 0, pid: 1, name: atomic") != std::string::npos);
}

TEST_CASE("might_sleep with interrupts disabled reports irqs_disabled")
{
	test_machine tm;
	sim::spawn(0, "irqoff", [] {
		local_irq_disable();
		might_sleep();
		local_irq_enable();
	});
	run_to_completion();
	CHECK(logged("in_atomic(): 0, irqs_disabled(): 1, non_block: 0, pid: 1, name: irqoff"));
}

TEST_CASE("might_sleep in an interrupt handler is reported")
{
	test_machine tm({.nr_cpus = 2});
	sim::raise_irq(1, 1000, [] { might_sleep(); });
	run_to_completion();
	CHECK(logged("in_atomic(): 1, irqs_disabled(): 1, non_block: 0, pid: 0, name: swapper/1"));
}

TEST_CASE("might_sleep in process context with nothing held is silent")
{
	test_machine tm;
	sim::spawn(0, "fine", [] { might_sleep(); });
	run_to_completion();
	CHECK(log_text().empty());
}

TEST_CASE("when every task sleeps with nothing to wake it the run stops with a hung-task report")
{
	test_machine tm;
	DECLARE_WAIT_QUEUE_HEAD(pool_wait);
	sim::spawn(0, "stuck", [&] { wait_event(pool_wait, false); });
	sim::spawn(1, "napper", [&] { msleep(10); });
	auto r = sim::run();
	CHECK(r.status == sim::run_status::hung);
	CHECK(r.now_ns >= 120'000'000'000ULL);
	std::string log = log_text();
	CHECK(log.find("INFO: task stuck:1 blocked for more than 120 seconds.") != std::string::npos);
	CHECK(log.find("waits on wait queue pool_wait, in ") != std::string::npos);
	CHECK(log.find("napper") == std::string::npos);
	auto tasks = sim::task_list();
	CHECK(tasks[0].state == 'D');
	CHECK(tasks[0].wait.find("wait queue pool_wait") == 0);
	CHECK(tasks[1].state == 'X');
}

TEST_CASE("BUG() ends the task that hit it with the kernel's report")
{
	test_machine tm;
	bool after = false;
	sim::spawn(0, "oops", [&] {
		BUG();
		after = true;
	});
	run_expecting(sim::run_status::idle);
	CHECK_FALSE(after);
	CHECK(logged("kernel BUG at " __FILE__));
	CHECK(sim::task_list()[0].exit_code == 11);
}
