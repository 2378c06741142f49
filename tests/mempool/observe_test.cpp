// SPDX-License-Identifier: GPL-2.0-only
// What a user sees of the pools: /proc/mempoolinfo, the statistics and the mempool: trace.
#include "mempool_test.h"

#include "linux/delay.h"
#include "sim/trace/trace.h"

using namespace mempooltest;

TEST_CASE("/proc/mempoolinfo has a version line, a header and one line per live pool")
{
	test_machine m;
	backing back;
	on_cpu(0, [&] {
		mempool_t *a = mempool_create_kmalloc_pool(4, 256);
		mempool_t *c = mempool_create(2, backing::alloc, backing::free, &back);
		sim::mempool_set_name(c, "r1bio pool");
		back.fail = true;
		void *e = mempool_alloc(c, GFP_KERNEL);
		void *f = mempool_alloc(c, GFP_KERNEL);
		CHECK(f);
		CHECK(mempool_alloc(c, GFP_ATOMIC) == nullptr);

		std::string info = sim::mempoolinfo();
		CHECK(info.rfind("mempoolinfo - version: 1.0\n# name ", 0) == 0);
		CHECK(info.find("\nkmalloc:256             1      4      4      4      0    256 : allocs        0        0        0 : frees        0        0 : waits      0      0      0    0    0\n") != std::string::npos);
		CHECK(info.find("\nr1bio_pool              2      2      0      0      2      0 : allocs        0        2        1 : frees        0        0 : waits      0      0      0    0    0\n") != std::string::npos);

		mempool_destroy(a);
		CHECK(sim::mempoolinfo().find("kmalloc:256") == std::string::npos);
		back.fail = false;
		mempool_free(e, c);
		CHECK(sim::mempool_by_id(2) == c);
		mempool_free(f, c);
		mempool_destroy(c);
	});
}

TEST_CASE("the deepest the reserve went is kept after it refills")
{
	test_machine m;
	backing back;
	on_cpu(0, [&] {
		mempool_t *pool = mempool_create(3, backing::alloc, backing::free, &back);
		void *e1 = mempool_alloc_preallocated(pool), *e2 = mempool_alloc_preallocated(pool);
		mempool_free(e1, pool);
		mempool_free(e2, pool);
		CHECK(pool->curr_nr == 3);
		CHECK(pool->sim_stats.lowest_nr == 1);
		mempool_destroy(pool);
	});
}

TEST_CASE("a pool never destroyed is reported when the machine shuts down")
{
	{
		test_machine m;
		on_cpu(0, [] { mempool_create_kmalloc_pool(1, 32); });
	}
	CHECK_LOGGED("mempool 1 (kmalloc:32) was never destroyed: 1 reserved, 0 allocated");
}

TEST_CASE("the trace shows who slept, who refilled the reserve and woke it, and where its element came from")
{
	test_machine m;
	backing back;
	mempool_t *pool = nullptr;
	void *held = nullptr;
	on_cpu(0, [&] {
		pool = mempool_create(1, backing::alloc, backing::free, &back);
		sim::mempool_set_name(pool, "bio");
		back.fail = true;
		held = mempool_alloc(pool, GFP_KERNEL);
	});
	sim::trace_start();
	sim::trace_set_event("sched", false);
	void *got = nullptr;
	sim::spawn(0, "sleeper", [&] { got = mempool_alloc(pool, GFP_KERNEL); });
	sim::spawn(1, "freer", [&] {
		msleep(10);
		mempool_free(held, pool);
	});
	run_to_completion();
	sim::trace_stop();

	std::string text = sim::trace_text(false);
	INFO(text);
	auto at = [&](const std::string &what) { return text.find(what); };
	// The task that emitted the line holding `pos`: the line starts with "<comm>-<pid>".
	auto emitter = [&](size_t pos) {
		size_t start = text.rfind('\n', pos) + 1;
		size_t comm = text.find_first_not_of(' ', start);
		return text.substr(comm, text.find('-', comm) - comm);
	};
	size_t wait = at("mempool_wait: pool=1 name=bio waiters=1");
	size_t refill = at("mempool_free: pool=1 name=bio element=");
	size_t wake = at("mempool_wake: pool=1 name=bio waiters=1");
	size_t served = at("mempool_alloc: pool=1 name=bio element=");
	REQUIRE(wait != std::string::npos);
	REQUIRE(refill != std::string::npos);
	REQUIRE(wake != std::string::npos);
	REQUIRE(served != std::string::npos);
	CHECK(wait < refill);
	CHECK(refill < wake);
	CHECK(wake < served);
	CHECK(text.find("to=reserve curr_nr=1", refill) != std::string::npos);
	CHECK(text.find("from=reserve curr_nr=0", served) != std::string::npos);
	CHECK(emitter(wait) == "sleeper");
	CHECK(emitter(refill) == "freer");
	CHECK(emitter(wake) == "freer");
	CHECK(emitter(served) == "sleeper");

	on_cpu(0, [&] {
		mempool_free(got, pool);
		mempool_destroy(pool);
	});
}
