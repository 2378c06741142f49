// SPDX-License-Identifier: GPL-2.0-only
// CPUs that cannot make progress: spinners, sleeping under a spinlock, handlers that sleep.
#include "support/machine.h"
#include "sched/report_count.h"

#include "linux/delay.h"
#include "linux/kernel.h"
#include "linux/sched/clock.h"
#include "linux/spinlock.h"
#include "linux/wait.h"

#include <catch2/catch.hpp>

TEST_CASE("an AB-BA spinlock pair gets a soft-lockup report for each CPU and the run ends as a lockup")
{
	test_machine tm({.nr_cpus = 2});
	DEFINE_SPINLOCK(a);
	DEFINE_SPINLOCK(b);
	sim::spawn(0, "one", [&] {
		spin_lock(&a);
		msleep(10);
		spin_lock(&b);
	});
	sim::spawn(1, "two", [&] {
		spin_lock(&b);
		msleep(10);
		spin_lock(&a);
	});
	sim::run_result r = sim::run();
	REQUIRE(r.status == sim::run_status::lockup);
	std::string log = sim::dmesg();
	CHECK(log.find("watchdog: BUG: soft lockup - CPU#0 stuck for 22s! [one:1]") != std::string::npos);
	CHECK(log.find("watchdog: BUG: soft lockup - CPU#1 stuck for 22s! [two:2]") != std::string::npos);
	CHECK(reports_of(sim::report_kind::soft_lockup) == 2);
	CHECK(r.now_ns - 24'000'000'000ULL < 1'000'000); // the watchdog's sample at 24 s
	CHECK(test_taint(TAINT_SOFTLOCKUP));
	CHECK(r.message.find("CPU#0 (one/1), CPU#1 (two/2)") != std::string::npos);
	// They spin for ever: another run ends at once, with no second report.
	CHECK(sim::run().status == sim::run_status::lockup);
	CHECK(reports_of(sim::report_kind::soft_lockup) == 2);
}

TEST_CASE("a task spinning on a lock whose holder died is reported once and the run ends as a lockup")
{
	test_machine tm({.nr_cpus = 2});
	DEFINE_SPINLOCK(lock);
	sim::spawn(0, "holder", [&] { spin_lock(&lock); }); // exits holding it
	sim::spawn(1, "waiter", [&] {
		msleep(5000);
		spin_lock(&lock);
	});
	sim::run_result r = sim::run();
	REQUIRE(r.status == sim::run_status::lockup);
	// Stuck since about 5 s: the sample at 4 s was the last to touch the watchdog.
	CHECK(sim::dmesg().find("watchdog: BUG: soft lockup - CPU#1 stuck for 23s! [waiter:2]") != std::string::npos);
	CHECK(r.now_ns - 28'000'000'000ULL < 1'000'000);
	CHECK(reports_of(sim::report_kind::soft_lockup) == 1);
}

TEST_CASE("a spinner burns virtual time until the holder wakes and releases the lock, with no report")
{
	test_machine tm({.nr_cpus = 2});
	DEFINE_SPINLOCK(lock);
	std::uint64_t got_at = 0;
	sim::spawn(0, "holder", [&] {
		spin_lock(&lock);
		mdelay(1);
		msleep(30'000); // longer than the threshold: the spinner is reported, then gets the lock
		spin_unlock(&lock);
	});
	sim::spawn(1, "spinner", [&] {
		spin_lock(&lock);
		got_at = local_clock();
		spin_unlock(&lock);
	});
	sim::run_result r = sim::run();
	CHECK(r.status == sim::run_status::idle);
	CHECK(got_at >= 30'000'000'000ULL);
	CHECK(reports_of(sim::report_kind::soft_lockup) == 1);
	CHECK(sim::dmesg().find("watchdog: BUG: soft lockup - CPU#1 stuck for 22s! [spinner:2]") != std::string::npos);
}

TEST_CASE("sleeping under a spinlock is reported once per atomic section and the machine goes on")
{
	test_machine tm({.nr_cpus = 1});
	DEFINE_SPINLOCK(lock);
	bool done = false, other = false;
	sim::spawn(0, "sleeper", [&] {
		spin_lock(&lock);
		msleep(10);
		msleep(10); // the count was reset by the first report, as schedule_debug() does
		spin_unlock(&lock);
		done = true;
	});
	sim::spawn(0, "other", [&] {
		msleep(100);
		spin_lock(&lock);
		other = true;
		spin_unlock(&lock);
	});
	REQUIRE(sim::run().status == sim::run_status::idle);
	CHECK(done);
	CHECK(other);
	std::string log = sim::dmesg();
	CHECK(count_of(log, "BUG: scheduling while atomic: sleeper/1/0x00000001") == 1);
	CHECK(log.find("preempt_count underflow") == std::string::npos);
	CHECK(reports_of(sim::report_kind::atomic_sleep) == 1);
	CHECK(test_taint(TAINT_WARN));
	CHECK_FALSE(lock.locked);
}

TEST_CASE("an interrupt handler that sleeps is reported once and busy-waits for its timeout")
{
	test_machine tm({.nr_cpus = 2});
	std::uint64_t back_at = 0;
	sim::raise_irq(1, 1'000'000, [&] {
		msleep(20);
		msleep(20);
		back_at = local_clock();
	});
	CHECK(sim::run().status == sim::run_status::idle);
	CHECK(back_at >= 41'000'000ULL);
	CHECK(count_of(sim::dmesg(), "BUG: scheduling while atomic: swapper/1/0/0x00010000") == 1);
}

TEST_CASE("an interrupt handler that sleeps for ever is reported as a soft lockup, abandoned, and the run ends")
{
	test_machine tm({.nr_cpus = 2});
	DECLARE_WAIT_QUEUE_HEAD(never);
	bool after = false;
	sim::raise_irq(1, 2'000'000, [&] {
		wait_event(never, false);
		after = true;
	});
	sim::run_result r = sim::run();
	REQUIRE(r.status == sim::run_status::lockup);
	CHECK_FALSE(after);
	CHECK(r.now_ns == 24'000'000'000ULL);
	std::string log = sim::dmesg();
	CHECK(count_of(log, "BUG: scheduling while atomic: swapper/1/0/0x00010000") == 1);
	CHECK(log.find("watchdog: BUG: soft lockup - CPU#1 stuck for 22s! [swapper/1:0]") != std::string::npos);
	CHECK(list_empty(&never.head)); // the handler's wait entry was on its stack: unhooked
	// The machine goes on.
	bool ran = false;
	sim::spawn(1, "later", [&] { ran = true; });
	CHECK(sim::run().status == sim::run_status::idle);
	CHECK(ran);
}

TEST_CASE("on one CPU a spinner lets the holder that slept run again and release the lock")
{
	test_machine tm({.nr_cpus = 1});
	DEFINE_SPINLOCK(lock);
	bool got_it = false;
	sim::spawn(0, "holder", [&] {
		spin_lock(&lock);
		msleep(10);
		spin_unlock(&lock);
	});
	sim::spawn(0, "spinner", [&] {
		spin_lock(&lock);
		got_it = true;
		spin_unlock(&lock);
	});
	CHECK(sim::run().status == sim::run_status::idle);
	CHECK(got_it);
	CHECK(reports_of(sim::report_kind::soft_lockup) == 0);
	CHECK(local_clock() < 30'000'000ULL); // msleep(10) and the timer wheel's rounding, no more
}
