// SPDX-License-Identifier: GPL-2.0-only
#include "support/machine.h"

#include "linux/delay.h"
#include "linux/spinlock.h"

#include <catch2/catch.hpp>

TEST_CASE("spin_lock raises the preempt count and counts acquisitions")
{
	test_machine tm;
	DEFINE_SPINLOCK(lock);
	int inside = -1, after = -1;
	sim::spawn(0, "t", [&] {
		for (int i = 0; i < 3; i++) {
			spin_lock(&lock);
			inside = preempt_count();
			spin_unlock(&lock);
		}
		after = preempt_count();
	});
	run_to_completion();
	CHECK(inside == 1);
	CHECK(after == 0);
	CHECK(lock.acquisitions == 3);
}

TEST_CASE("spin_lock_irqsave disables interrupts and spin_unlock_irqrestore restores them")
{
	test_machine tm;
	spinlock_t lock;
	spin_lock_init(&lock);
	bool off_inside = false, off_after = true;
	sim::spawn(0, "t", [&] {
		unsigned long flags;
		spin_lock_irqsave(&lock, flags);
		off_inside = irqs_disabled();
		spin_unlock_irqrestore(&lock, flags);
		off_after = irqs_disabled();
	});
	run_to_completion();
	CHECK(off_inside);
	CHECK_FALSE(off_after);
	CHECK(std::string(lock.name) == "&lock");
}

TEST_CASE("unlocking a lock that is not held is reported and leaves the state alone")
{
	test_machine tm;
	DEFINE_SPINLOCK(lock);
	int count = -1;
	sim::spawn(0, "bad", [&] {
		spin_unlock(&lock);
		count = preempt_count();
	});
	run_to_completion();
	CHECK(count == 0);
	CHECK_FALSE(lock.locked);
	CHECK(logged("BUG: spinlock already unlocked on CPU#0, bad/1"));
	CHECK(logged(" lock: lock, .magic: dead4ead, .owner: <none>/-1, .owner_cpu: -1"));
}

TEST_CASE("taking a lock twice on the same task is reported as recursion instead of hanging")
{
	test_machine tm;
	DEFINE_SPINLOCK(lock);
	int count = -1;
	sim::spawn(0, "twice", [&] {
		spin_lock(&lock);
		spin_lock(&lock);
		count = preempt_count();
		spin_unlock(&lock);
	});
	run_to_completion();
	CHECK(count == 1);
	CHECK_FALSE(lock.locked);
	CHECK(logged("BUG: spinlock recursion on CPU#0, twice/1"));
}

TEST_CASE("a lock held by a task that slept makes others spin until it is released")
{
	test_machine tm({.nr_cpus = 2});
	DEFINE_SPINLOCK(lock);
	bool got_it = false;
	sim::spawn(0, "holder", [&] {
		spin_lock(&lock);
		msleep(4); // a bug: sleeping while atomic, reported
		spin_unlock(&lock);
	});
	sim::spawn(1, "spinner", [&] {
		spin_lock(&lock);
		got_it = true;
		spin_unlock(&lock);
	});
	run_to_completion();
	CHECK(got_it);
	CHECK(lock.contentions == 1);
	CHECK(logged("BUG: scheduling while atomic: holder/1/0x00000001"));
}
