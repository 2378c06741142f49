// SPDX-License-Identifier: GPL-2.0-only
#include "support/machine.h"

#include "linux/delay.h"
#include "linux/jiffies.h"
#include "linux/sched.h"
#include "linux/sched/clock.h"
#include "linux/timer.h"

#include <catch2/catch.hpp>
#include <string>

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

// Arms `t` from a task on `cpu`, `timeout` jiffies ahead, runs the machine until it fired,
// and returns the jiffies at which it was armed.
unsigned long arm_and_run(struct timer_list &t, unsigned cpu, unsigned long timeout)
{
	unsigned long start = 0;
	fired_at = 0;
	sim::spawn(cpu, "armer", [&] {
		timer_setup(&t, record_fire, 0);
		start = jiffies;
		mod_timer(&t, jiffies + timeout);
	});
	run_to_completion();
	return start;
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

// v5.4's timer wheel rounds every expiry up to its level's granularity, one jiffy at level 0
// (timeouts under 64 jiffies), so a timer never fires early: here one jiffy after expires.
TEST_CASE("a near timer fires the jiffy after its expiry, in softirq context on the CPU that armed it")
{
	test_machine tm({.nr_cpus = 2});
	struct timer_list t;
	unsigned long start = arm_and_run(t, 1, 37);
	CHECK(fired_at == start + 38);
	CHECK(fired_cpu == 1);
	CHECK(fired_in_softirq);
	CHECK_FALSE(timer_pending(&t));
}

// From a task, the base clock is the next jiffy (the tick has run this one): 5*HZ = 1250
// jiffies is 1249 ahead of it, level 2, whose buckets are 64 jiffies wide.
TEST_CASE("a far timer fires at its wheel bucket, rounded up to the level's granularity")
{
	test_machine tm; // HZ 250
	struct timer_list t;
	unsigned long start = arm_and_run(t, 0, 5 * HZ);
	CHECK(fired_at == ((start + 5 * HZ + 64) & ~63UL));
	CHECK(fired_at > start + 5 * HZ);
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
	run_to_completion();
	CHECK(fired_at == 0);
}

// msleep's own extra jiffy, and the wheel's (level 0 fires the jiffy after expires), as v5.4.
TEST_CASE("msleep sleeps the requested time rounded up to jiffies, plus two")
{
	test_machine tm; // HZ 250: 4 ms per jiffy
	unsigned long before = 0, after = 0;
	sim::spawn(0, "sleeper", [&] {
		before = jiffies;
		msleep(10);
		after = jiffies;
	});
	run_to_completion();
	CHECK(after - before == msecs_to_jiffies(10) + 2);
}

TEST_CASE("schedule_timeout returns 0 when the full time passed")
{
	test_machine tm;
	long left = -1;
	sim::spawn(0, "t", [&] {
		set_current_state(TASK_UNINTERRUPTIBLE);
		left = schedule_timeout(20);
	});
	run_to_completion();
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
		msleep(100); // 25 jiffies + 2
		wake_up_process(sleeper);
	});
	run_to_completion();
	CHECK(left == 100 - 27);
}

TEST_CASE("schedule_timeout with a negative timeout is reported and returns at once")
{
	test_machine tm;
	long left = -1;
	sim::spawn(0, "t", [&] {
		set_current_state(TASK_UNINTERRUPTIBLE);
		left = schedule_timeout(-5);
	});
	run_to_completion();
	CHECK(left == 0);
	CHECK(logged("schedule_timeout: wrong timeout value fffffffffffffffb"));
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
	run_to_completion();
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
	run_to_completion();
	CHECK(at >= 3'000'000);
	CHECK(at < 3'001'000);
	CHECK(hardirq);
	CHECK(irqs_off);
	CHECK(cpu == 1);
	CHECK_THROWS_WITH(sim::raise_irq(2, 0, [] {}), Catch::Contains("no such CPU"));
}

TEST_CASE("an idle machine stops at once, leaving deferrable timers for later")
{
	test_machine tm;
	struct timer_list t;
	fired_at = 0;
	timer_setup(&t, record_fire, TIMER_DEFERRABLE);
	mod_timer(&t, jiffies + 10);
	auto r = sim::run({.until_ns = 1'000'000'000});
	CHECK(r.status == sim::run_status::idle);
	CHECK(r.now_ns == 0);
	CHECK(fired_at == 0);
	del_timer(&t);
}

TEST_CASE("advance_idle lets an idle machine's time pass to the limit, firing deferrable timers on the way")
{
	test_machine tm; // HZ 250: 4 ms per jiffy
	struct timer_list t;
	fired_at = 0;
	unsigned long start = jiffies;
	timer_setup(&t, record_fire, TIMER_DEFERRABLE);
	mod_timer(&t, jiffies + 10);
	auto r = sim::run({.until_ns = 1'000'000'000, .advance_idle = true});
	CHECK(r.status == sim::run_status::time_limit);
	CHECK(r.now_ns == 1'000'000'000);
	CHECK(jiffies == start + 250);
	CHECK(fired_at == start + 11);
}

TEST_CASE("advance_idle without a time limit stops when the machine is idle")
{
	test_machine tm;
	struct timer_list t;
	timer_setup(&t, record_fire, TIMER_DEFERRABLE);
	mod_timer(&t, jiffies + 10);
	CHECK(sim::run({.advance_idle = true}).status == sim::run_status::idle);
	del_timer(&t);
}

// A bucket is a list new timers join at the head, run from the head: newest first, as v5.4.
TEST_CASE("timers in the same wheel bucket fire newest first")
{
	test_machine tm;
	static std::string order;
	order.clear();
	struct named_timer {
		struct timer_list t;
		char name;
	} timers[4] = {{{}, 'a'}, {{}, 'b'}, {{}, 'c'}, {{}, 'd'}};
	for (auto &nt : timers)
		timer_setup(&nt.t, [](struct timer_list *t) { order += container_of(t, named_timer, t)->name; }, 0);
	mod_timer(&timers[2].t, jiffies + 5);
	mod_timer(&timers[0].t, jiffies + 5);
	mod_timer(&timers[3].t, jiffies + 3);
	mod_timer(&timers[1].t, jiffies + 5);
	run_to_completion();
	CHECK(order == "dbac"); // d first (earlier jiffy), then b, a, c: the reverse of arming
}

TEST_CASE("a timer callback may cancel another timer of the same bucket before it runs")
{
	test_machine tm;
	static struct timer_list first, second;
	static int second_ran;
	second_ran = 0;
	timer_setup(&first, [](struct timer_list *) { CHECK(del_timer(&second) == 1); }, 0);
	timer_setup(&second, [](struct timer_list *) { second_ran++; }, 0);
	mod_timer(&second, jiffies + 5);
	mod_timer(&first, jiffies + 5); // armed last: runs first
	run_to_completion();
	CHECK(second_ran == 0);
	CHECK_FALSE(timer_pending(&second));
}
