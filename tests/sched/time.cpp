// SPDX-License-Identifier: GPL-2.0-only
#include "sched/boot.h"

#include "linux/delay.h"
#include "linux/jiffies.h"
#include "linux/sched.h"
#include "linux/sched/clock.h"
#include "linux/timer.h"

#include <catch2/catch.hpp>

namespace {
unsigned long fired_at;
int fired_cpu;
bool fired_in_softirq;
void record_fire(struct timer_list *t)
{
	fired_at = jiffies;
	fired_cpu = smp_processor_id();
	fired_in_softirq = in_softirq();
}
} // namespace

TEST_CASE("jiffies start five minutes before the 32-bit wrap and follow HZ")
{
	test_machine tm({.hz = 100});
	CHECK(jiffies == static_cast<unsigned long>(static_cast<unsigned int>(-300 * 100)));
	CHECK(HZ == 100);
	CHECK(msecs_to_jiffies(1000) == 100);
	CHECK(msecs_to_jiffies(1) == 1); // rounded up
	CHECK(jiffies_to_msecs(250) == 2500);
}

TEST_CASE("a timer fires at the exact jiffy, in softirq context on the CPU that armed it")
{
	test_machine tm({.nr_cpus = 2});
	struct timer_list t;
	unsigned long start = 0;
	fired_at = 0;
	sim::spawn(1, "armer", [&] {
		timer_setup(&t, record_fire, 0);
		start = jiffies;
		mod_timer(&t, jiffies + 37);
	});
	sim::run();
	CHECK(fired_at == start + 37);
	CHECK(fired_cpu == 1);
	CHECK(fired_in_softirq);
	CHECK_FALSE(timer_pending(&t));
}

TEST_CASE("del_timer stops a pending timer and says whether it was pending")
{
	test_machine tm;
	struct timer_list t;
	fired_at = 0;
	timer_setup(&t, record_fire, 0);
	mod_timer(&t, jiffies + 5);
	CHECK(del_timer(&t) == 1);
	CHECK(del_timer(&t) == 0);
	sim::run();
	CHECK(fired_at == 0);
}

TEST_CASE("msleep sleeps the requested time rounded up to jiffies, plus one")
{
	test_machine tm; // HZ 250: 4 ms per jiffy
	unsigned long before = 0, after = 0;
	sim::spawn(0, "sleeper", [&] {
		before = jiffies;
		msleep(10);
		after = jiffies;
	});
	sim::run();
	CHECK(after - before == msecs_to_jiffies(10) + 1);
}

TEST_CASE("schedule_timeout returns 0 when the full time passed")
{
	test_machine tm;
	long left = -1;
	sim::spawn(0, "t", [&] {
		set_current_state(TASK_UNINTERRUPTIBLE);
		left = schedule_timeout(20);
	});
	sim::run();
	CHECK(left == 0);
}

TEST_CASE("schedule_timeout returns the jiffies left when woken early")
{
	test_machine tm;
	long left = -1;
	auto *sleeper = sim::spawn(0, "sleeper", [&] {
		set_current_state(TASK_UNINTERRUPTIBLE);
		left = schedule_timeout(100);
	});
	sim::spawn(1, "waker", [&] {
		msleep(100); // 25 jiffies + 1
		wake_up_process(sleeper);
	});
	sim::run();
	CHECK(left == 100 - 26);
}

TEST_CASE("schedule_timeout with a negative timeout is reported and returns at once")
{
	test_machine tm;
	long left = -1;
	sim::spawn(0, "t", [&] {
		set_current_state(TASK_UNINTERRUPTIBLE);
		left = schedule_timeout(-5);
	});
	sim::run();
	CHECK(left == 0);
	CHECK(test_machine::log().find("schedule_timeout: wrong timeout value fffffffffffffffb") != std::string::npos);
}

TEST_CASE("virtual time never moves backwards and work charges it")
{
	test_machine tm;
	u64 t0 = 0, t1 = 0;
	sim::spawn(0, "t", [&] {
		t0 = local_clock();
		ndelay(5000);
		t1 = local_clock();
	});
	sim::run();
	CHECK(t1 - t0 == 5000);
}

TEST_CASE("an interrupt handler runs at its time in hardirq context with interrupts off")
{
	test_machine tm({.nr_cpus = 2});
	u64 at = 0;
	bool hardirq = false, irqs_off = false;
	int cpu = -1;
	sim::raise_irq(1, 3'000'000, [&] {
		at = local_clock();
		hardirq = in_irq();
		irqs_off = irqs_disabled();
		cpu = smp_processor_id();
	});
	sim::run();
	CHECK(at >= 3'000'000);
	CHECK(at < 3'001'000);
	CHECK(hardirq);
	CHECK(irqs_off);
	CHECK(cpu == 1);
	CHECK_THROWS_WITH(sim::raise_irq(2, 0, [] {}), Catch::Contains("no such CPU"));
}
