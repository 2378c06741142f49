// SPDX-License-Identifier: GPL-2.0-only
// Mutexes in the simulated machine: sleeping waiters in arrival order, handoff, might_sleep,
// deadlocks as hung tasks, and CONFIG_DEBUG_MUTEXES's warnings.
#include "support/machine.h"

#include "linux/delay.h"
#include "linux/mutex.h"
#include "linux/spinlock.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

TEST_CASE("a mutex contended across CPUs goes to its waiters in arrival order, one holder at a time")
{
	test_machine tm({.nr_cpus = 3});
	DEFINE_MUTEX(m);
	std::vector<std::string> order;
	int inside = 0, most_inside = 0;
	auto critical = [&](const char *who, unsigned delay_ms) {
		msleep(delay_ms);
		mutex_lock(&m);
		CHECK(__mutex_owner(&m) == current);
		most_inside = std::max(most_inside, ++inside);
		order.push_back(who);
		msleep(50); // sleeps holding it: the others queue
		inside--;
		mutex_unlock(&m);
	};
	sim::spawn(0, "first", [&] { critical("first", 0); });
	sim::spawn(2, "third", [&] { critical("third", 20); });
	sim::spawn(1, "second", [&] { critical("second", 10); });
	run_for(30'000'000);
	auto tasks = sim::task_list();
	INFO(tasks[1].wait);
	CHECK(tasks[1].state == 'D');
	CHECK(tasks[1].wait.find("wait queue m, in ") == 0);
	run_to_completion();
	CHECK(order == std::vector<std::string>{"first", "second", "third"});
	CHECK(most_inside == 1);
	CHECK_FALSE(mutex_is_locked(&m));
	CHECK(atomic_long_read(&m.owner) == 0);
}

TEST_CASE("a woken mutex waiter beaten to the lock gets it handed over at the next unlock")
{
	test_machine tm({.nr_cpus = 2});
	DEFINE_MUTEX(m);
	std::vector<std::string> order;
	sim::spawn(0, "greedy", [&] {
		mutex_lock(&m);
		msleep(1); // the waiter queues
		mutex_unlock(&m);
		mutex_lock(&m); // before the woken waiter runs: taken from under it
		order.push_back("greedy again");
		msleep(1); // the waiter runs, finds it taken, asks for handoff
		CHECK(atomic_long_read(&m.owner) & MUTEX_FLAG_HANDOFF);
		mutex_unlock(&m); // hands it over
		mutex_lock(&m);
		order.push_back("greedy last");
		mutex_unlock(&m);
	});
	sim::spawn(1, "waiter", [&] {
		mutex_lock(&m);
		order.push_back("waiter");
		mutex_unlock(&m);
	});
	run_to_completion();
	CHECK(order == std::vector<std::string>{"greedy again", "waiter", "greedy last"});
}

TEST_CASE("mutex_trylock takes a free mutex and fails on a held one without sleeping")
{
	test_machine tm;
	on_cpu(0, [] {
		DEFINE_MUTEX(m);
		REQUIRE(mutex_trylock(&m) == 1);
		CHECK(mutex_is_locked(&m));
		CHECK(mutex_trylock(&m) == 0);
		CHECK(mutex_trylock_recursive(&m) == MUTEX_TRYLOCK_RECURSIVE);
		mutex_unlock(&m);
		CHECK_FALSE(mutex_is_locked(&m));
	});
	CHECK(log_text().empty());
}

TEST_CASE("mutex_lock_interruptible sleeps until it has the mutex and returns 0: the simulator has no signals")
{
	test_machine tm({.nr_cpus = 2});
	struct mutex m;
	mutex_init(&m);
	int ret = -1;
	sim::spawn(0, "holder", [&] {
		mutex_lock(&m);
		msleep(50);
		mutex_unlock(&m);
	});
	sim::spawn(1, "interruptible", [&] {
		msleep(10);
		ret = mutex_lock_interruptible(&m);
		mutex_unlock(&m);
	});
	run_for(30'000'000);
	INFO(sim::task_list()[1].wait);
	CHECK(sim::task_list()[1].state == 'S');
	run_to_completion();
	CHECK(ret == 0);
}

TEST_CASE("mutex_lock in atomic context is might_sleep's report")
{
	test_machine tm;
	on_cpu(0, [] {
		DEFINE_SPINLOCK(s);
		DEFINE_MUTEX(m);
		spin_lock(&s);
		mutex_lock(&m);
		mutex_unlock(&m);
		spin_unlock(&s);
	});
	CHECK_LOGGED("BUG: sleeping function called from invalid context at sim/sched/mutex.cpp:");
	CHECK_LOGGED("in_atomic(): 1, irqs_disabled(): 0, non_block: 0, pid: 1, name: test");
}

TEST_CASE("an AB-BA mutex deadlock leaves both tasks in D state and khungtaskd reports them")
{
	test_machine tm({.nr_cpus = 2});
	DEFINE_MUTEX(a);
	DEFINE_MUTEX(b);
	auto take_both = [](struct mutex *first, struct mutex *second) {
		mutex_lock(first);
		msleep(1);
		mutex_lock(second);
		mutex_unlock(second);
		mutex_unlock(first);
	};
	sim::spawn(0, "ab", [&] { take_both(&a, &b); });
	sim::spawn(1, "ba", [&] { take_both(&b, &a); });
	run_expecting(sim::run_status::hung);
	CHECK_LOGGED("INFO: task ab:1 blocked for more than 120 seconds.");
	CHECK_LOGGED("INFO: task ba:2 blocked for more than 120 seconds.");
	CHECK_LOGGED("ab              D    0     1      2 0x80004000\n");
	CHECK_LOGGED("sim: ab/1 waits on wait queue b, in ");
	CHECK_LOGGED("sim: ba/2 waits on wait queue a, in ");
	CHECK_LOGGED(" mutex_lock+0x");
	CHECK(__mutex_owner(&a)->pid == 1);
	CHECK(__mutex_owner(&b)->pid == 2);
}

TEST_CASE("unlocking a mutex another task owns is CONFIG_DEBUG_MUTEXES's warning, and releases it as v5.4 does")
{
	test_machine tm({.nr_cpus = 2});
	DEFINE_MUTEX(m);
	sim::spawn(0, "owner", [&] { mutex_lock(&m); });
	sim::spawn(1, "intruder", [&] {
		msleep(1);
		mutex_unlock(&m);
	});
	run_to_completion();
	CHECK_LOGGED("------------[ cut here ]------------\n");
	CHECK_LOGGED("DEBUG_LOCKS_WARN_ON(__owner_task(owner) != current)");
	CHECK_LOGGED("WARNING: CPU: 1 PID: 2 at sim/sched/mutex.cpp:");
	CHECK_FALSE(mutex_is_locked(&m));
}

TEST_CASE("only the first mutex bug of a boot is reported, as debug_locks_off() makes it")
{
	test_machine tm;
	on_cpu(0, [] {
		DEFINE_MUTEX(m);
		mutex_unlock(&m);
		mutex_unlock(&m);
	});
	CHECK(sim::kernel_reports().size() == 1);
}

TEST_CASE("a mutex never initialised is DEBUG_LOCKS_WARN_ON(lock->magic != lock)")
{
	test_machine tm;
	on_cpu(0, [] {
		struct mutex m {};
		CHECK(mutex_trylock(&m) == 1);
	});
	CHECK_LOGGED("DEBUG_LOCKS_WARN_ON(lock->magic != lock)");
}

TEST_CASE("destroying a locked mutex is DEBUG_LOCKS_WARN_ON(mutex_is_locked(lock))")
{
	test_machine tm;
	on_cpu(0, [] {
		DEFINE_MUTEX(m);
		mutex_lock(&m);
		mutex_destroy(&m);
		CHECK(m.magic == nullptr);
	});
	CHECK_LOGGED("DEBUG_LOCKS_WARN_ON(mutex_is_locked(lock))");
}
