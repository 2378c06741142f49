// SPDX-License-Identifier: GPL-2.0-only
// Counting semaphores and reader/writer semaphores sleeping in the simulated machine.
#include "support/machine.h"

#include "linux/delay.h"
#include "linux/errno.h"
#include "linux/rwsem.h"
#include "linux/semaphore.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

TEST_CASE("a semaphore lets `count` tasks in at once and gives the rest its count in arrival order")
{
	test_machine tm({.nr_cpus = 4});
	struct semaphore sem;
	sema_init(&sem, 2);
	std::vector<int> order;
	int inside = 0, most_inside = 0;
	for (int i = 0; i < 5; i++)
		sim::spawn(static_cast<unsigned>(i % 4), "user", [&, i] {
			msleep(static_cast<unsigned>(10 * i));
			down(&sem);
			most_inside = std::max(most_inside, ++inside);
			order.push_back(i);
			msleep(100);
			inside--;
			up(&sem);
		});
	run_for(50'000'000);
	auto tasks = sim::task_list();
	CHECK(tasks[2].state == 'D');
	CHECK(tasks[2].wait.find("wait queue &sem, in ") == 0);
	run_to_completion();
	CHECK(most_inside == 2);
	CHECK(order == std::vector<int>{0, 1, 2, 3, 4});
	CHECK(sem.count == 2);
}

TEST_CASE("down_trylock returns 0 when it takes the semaphore and 1 when the count is zero")
{
	test_machine tm;
	on_cpu(0, [] {
		DEFINE_SEMAPHORE(sem);
		CHECK(down_trylock(&sem) == 0);
		CHECK(sem.count == 0);
		CHECK(down_trylock(&sem) == 1);
		up(&sem);
		CHECK(sem.count == 1);
	});
}

TEST_CASE("down_timeout returns -ETIME once its jiffies pass without an up")
{
	test_machine tm;
	on_cpu(0, [] {
		struct semaphore sem;
		sema_init(&sem, 0);
		unsigned long start = jiffies;
		CHECK(down_timeout(&sem, 10) == -ETIME);
		CHECK(jiffies - start >= 10);
		CHECK(list_empty(&sem.wait_list));
	});
}

TEST_CASE("down_interruptible sleeps until up and returns 0: the simulator has no signals")
{
	test_machine tm({.nr_cpus = 2});
	struct semaphore sem;
	sema_init(&sem, 0);
	int ret = -1;
	sim::spawn(0, "waiter", [&] { ret = down_interruptible(&sem); });
	sim::spawn(1, "poster", [&] {
		msleep(20);
		up(&sem);
	});
	run_to_completion();
	CHECK(ret == 0);
	CHECK(sem.count == 0);
}

TEST_CASE("readers hold an rw_semaphore together, and a writer waits for them all and holds it alone")
{
	test_machine tm({.nr_cpus = 4});
	DECLARE_RWSEM(rw);
	int readers = 0, most_readers = 0, writers_inside = 0;
	bool overlap = false;
	std::vector<std::string> order;
	for (unsigned i = 0; i < 3; i++)
		sim::spawn(i, "reader", [&] {
			down_read(&rw);
			most_readers = std::max(most_readers, ++readers);
			overlap |= writers_inside > 0;
			msleep(50);
			readers--;
			up_read(&rw);
		});
	sim::spawn(3, "writer", [&] {
		msleep(10);
		down_write(&rw);
		overlap |= readers > 0;
		writers_inside++;
		order.push_back("writer");
		CHECK(atomic_long_read(&rw.owner) == reinterpret_cast<long>(get_current()));
		msleep(50);
		writers_inside--;
		up_write(&rw);
	});
	sim::spawn(0, "late reader", [&] {
		msleep(20); // after the writer queued: waits behind it
		down_read(&rw);
		order.push_back("late reader");
		up_read(&rw);
	});
	run_for(30'000'000);
	auto tasks = sim::task_list();
	CHECK(tasks[3].state == 'D');
	CHECK(tasks[3].wait.find("wait queue rw, in ") == 0);
	CHECK(tasks[4].state == 'D');
	run_to_completion();
	CHECK(most_readers == 3);
	CHECK_FALSE(overlap);
	CHECK(order == std::vector<std::string>{"writer", "late reader"});
	CHECK_FALSE(rwsem_is_locked(&rw));
}

TEST_CASE("rw_semaphore trylocks fail where the lock would sleep")
{
	test_machine tm;
	on_cpu(0, [] {
		struct rw_semaphore rw;
		init_rwsem(&rw);
		REQUIRE(down_read_trylock(&rw) == 1);
		CHECK(down_read_trylock(&rw) == 1);
		CHECK(down_write_trylock(&rw) == 0);
		up_read(&rw);
		up_read(&rw);
		REQUIRE(down_write_trylock(&rw) == 1);
		CHECK(down_read_trylock(&rw) == 0);
		up_write(&rw);
		CHECK_FALSE(rwsem_is_locked(&rw));
	});
}

TEST_CASE("downgrade_write lets the queued readers in while the former writer keeps reading")
{
	test_machine tm({.nr_cpus = 3});
	DECLARE_RWSEM(rw);
	std::vector<std::string> order;
	sim::spawn(0, "writer", [&] {
		down_write(&rw);
		msleep(20);
		downgrade_write(&rw);
		order.push_back("downgraded");
		msleep(20);
		order.push_back("writer done");
		up_read(&rw);
	});
	sim::spawn(1, "reader", [&] {
		msleep(5);
		down_read(&rw);
		order.push_back("reader");
		up_read(&rw);
	});
	run_to_completion();
	CHECK(order == std::vector<std::string>{"downgraded", "reader", "writer done"});
}
