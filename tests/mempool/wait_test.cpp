// SPDX-License-Identifier: GPL-2.0-only
// Sleeping in mempool_alloc: TASK_UNINTERRUPTIBLE on pool->wait, woken by the free that
// refills the reserve or by the 5 s timeout, then round again, several tasks on several CPUs.
#include "mempool_test.h"

#include "linux/delay.h"

using namespace mempooltest;

namespace {

// A pool of `min_nr` whose reserve has been emptied by the test itself, with the allocator
// failing: the next GFP_KERNEL caller must sleep.
struct drained_pool {
	backing back;
	mempool_t *pool = nullptr;
	std::vector<void *> held;

	explicit drained_pool(int min_nr)
	{
		on_cpu(0, [&] {
			pool = mempool_create(min_nr, backing::alloc, backing::free, &back);
			back.fail = true;
			for (int i = 0; i < min_nr; i++)
				held.push_back(mempool_alloc(pool, GFP_KERNEL));
		});
	}
	// Cleanup, not under test: a destructor must not assert (it may run while a failed
	// REQUIRE unwinds the test).
	~drained_pool()
	{
		sim::spawn(0, "cleanup", [&] {
			for (void *e : held)
				mempool_free(e, pool);
			mempool_destroy(pool);
		});
		sim::run();
	}
};

} // namespace

TEST_CASE("a sleeper is woken by the free that refills the reserve, not by the timeout")
{
	test_machine m;
	drained_pool d(1);
	void *freed = d.held.back(), *got = nullptr;
	double slept = -1;

	sim::spawn(0, "sleeper", [&] {
		double start = now_seconds();
		got = mempool_alloc(d.pool, GFP_KERNEL);
		slept = now_seconds() - start;
	});
	sim::spawn(1, "freer", [&] {
		msleep(100);
		mempool_free(freed, d.pool);
		d.held.pop_back();
	});
	run_to_completion();

	CHECK(got == freed);
	CHECK(slept > 0.1);
	CHECK(slept < 0.2);
	CHECK(d.pool->sim_stats.sleeps == 1);
	CHECK(d.pool->sim_stats.wakeups == 1);
	CHECK(d.pool->sim_stats.timeouts == 0);
	d.held.push_back(got);
}

TEST_CASE("a sleeper retries when its 5 s run out and finds memory that came back without a free")
{
	test_machine m;
	drained_pool d(1);
	void *got = nullptr;
	double slept = -1;

	sim::spawn(0, "sleeper", [&] {
		double start = now_seconds();
		got = mempool_alloc(d.pool, GFP_KERNEL);
		slept = now_seconds() - start;
	});
	sim::spawn(1, "reclaim", [&] {
		msleep(1000);
		d.back.fail = false; // memory is back, but nobody calls mempool_free
	});
	run_to_completion();

	REQUIRE(got);
	// 5*HZ jiffies from a moment inside the current jiffy, rounded up by the timer wheel to
	// its level-2 granularity (64 jiffies, 256 ms at HZ 250), as v5.4 does.
	CHECK(slept >= 5.0 - 1.0 / HZ);
	CHECK(slept <= 5.0 + 64.0 / HZ);
	CHECK(d.pool->sim_stats.timeouts == 1);
	CHECK(d.pool->sim_stats.wakeups == 0);
	CHECK(d.pool->sim_stats.alloc_backing == 1);
	CHECK(d.pool->curr_nr == 0);
	d.held.push_back(got);
}

TEST_CASE("a sleeper keeps sleeping 5 s at a time while nothing comes back")
{
	test_machine m;
	drained_pool d(1);
	void *got = nullptr;

	sim::spawn(0, "sleeper", [&] { got = mempool_alloc(d.pool, GFP_KERNEL); });
	run_expecting(sim::run_status::time_limit, {.until_ns = sim::now_ns + 12'000'000'000ull});
	CHECK(!got);
	CHECK(d.pool->sim_stats.timeouts == 2);
	CHECK(d.pool->sim_stats.nr_waiters == 1);

	sim::spawn(1, "freer", [&] {
		mempool_free(d.held.back(), d.pool);
		d.held.pop_back();
	});
	run_to_completion();
	CHECK(got);
	d.held.push_back(got);
}

// v5.4's prepare_to_wait queues a non-exclusive waiter at the head of pool->wait and
// wake_up wakes them all, head first: each refill wakes every sleeper, the one that went to
// sleep last runs first and takes the element, the others find the reserve empty and queue
// again, newest at the head. With A, B, C asleep in that order, the frees serve C, then A
// (requeued after B), then B.
TEST_CASE("several sleepers: each refill wakes them all, and the newest waiter runs first")
{
	test_machine m;
	drained_pool d(3);
	std::vector<std::string> served;

	for (const char *name : {"A", "B", "C"}) {
		sim::spawn(0, name, [&, name] {
			d.held.push_back(mempool_alloc(d.pool, GFP_KERNEL));
			served.push_back(name);
		});
		run_expecting(sim::run_status::time_limit, {.until_ns = sim::now_ns + 1'000'000});
	}
	CHECK(d.pool->sim_stats.nr_waiters == 3);

	std::vector<void *> to_free(d.held.begin(), d.held.begin() + 3);
	d.held.erase(d.held.begin(), d.held.begin() + 3);
	sim::spawn(1, "freer", [&] {
		for (void *e : to_free) {
			mempool_free(e, d.pool);
			msleep(10);
		}
	});
	run_to_completion();

	CHECK(served == std::vector<std::string>{"C", "A", "B"});
	CHECK(d.pool->sim_stats.max_waiters == 3);
	CHECK(d.pool->sim_stats.sleeps == 3 + 2 + 1);
	CHECK(d.pool->sim_stats.wakeups == 3 + 2 + 1);
	CHECK(d.pool->sim_stats.timeouts == 0);
}

TEST_CASE("an element a free puts in the reserve can go to a task that never slept")
{
	test_machine m;
	drained_pool d(1);
	void *sleeper_got = nullptr, *passer_got = nullptr;

	sim::spawn(0, "sleeper", [&] { sleeper_got = mempool_alloc(d.pool, GFP_KERNEL); });
	run_expecting(sim::run_status::time_limit, {.until_ns = sim::now_ns + 1'000'000});
	// On CPU 1 the free and a new allocation run back to back, before CPU 0 gets its turn.
	sim::spawn(1, "freer", [&] {
		mempool_free(d.held.back(), d.pool);
		d.held.pop_back();
		passer_got = mempool_alloc(d.pool, GFP_ATOMIC);
	});
	run_expecting(sim::run_status::time_limit, {.until_ns = sim::now_ns + 1'000'000'000});

	CHECK(passer_got);
	CHECK(!sleeper_got);
	CHECK(d.pool->sim_stats.wakeups == 1);  // woken, found nothing,
	CHECK(d.pool->sim_stats.nr_waiters == 1); // and asleep again
	on_cpu(1, [&] { mempool_free(passer_got, d.pool); });
	CHECK(sleeper_got);
	d.held.push_back(sleeper_got);
}
