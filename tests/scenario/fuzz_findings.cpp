// SPDX-License-Identifier: GPL-2.0-only
// What the runtime fuzzer found (tests/fuzz/regressions/ holds the inputs), each as the
// behaviour it must have now: a scenario error with its position, never undefined behaviour.
#include "helpers.h"

#include <catch2/catch.hpp>

using scenario_test::error_of;
using scenario_test::run_error_of;
using scenario_test::run_text;

TEST_CASE("expect holds on a freed object names that object, whatever the expectation's index")
{
	CHECK(run_error_of("task t on cpu 0\n  a = kmalloc(8, GFP_KERNEL)\n  kfree(a)\nend\nrun\n"
			   "expect jiffies >= 0\nexpect jiffies >= 0\nexpect a holds 1\n") ==
	      "t.scn:8:1: error: 'a' was freed at 3:3");
}

TEST_CASE("an index at the 64-bit limit is refused without overflowing")
{
	CHECK(error_of("task t on cpu 0\n  a[9223372036854775807] = kmalloc(8, GFP_KERNEL)\nend\n") ==
	      "t.scn:2:5: error: 'a' would need 9223372036854775808 slots; the limit is 16777216");
}

TEST_CASE("a time past 2^63 nanoseconds is refused")
{
	CHECK(error_of("task t on cpu 0\n  sleep 18446744073s\nend\n") ==
	      "t.scn:2:9: error: time is too large (the limit is 2^63-1 ns, about 292 years)");
}

TEST_CASE("a file of machine lines alone still has its machine checked")
{
	CHECK(error_of("machine cpus 0 memory 32M seed 1\n") ==
	      "t.scn:1:1: error: impossible machine: 0 CPUs requested: a machine has 1 to 64");
}

TEST_CASE("a sleep longer than MAX_SCHEDULE_TIMEOUT jiffies sleeps that long")
{
	auto r = run_text("task t on cpu 0\n  sleep 9223372036s\nend\nrun for 1s\nexpect t is sleeping\n");
	CHECK(r.passed());
}

TEST_CASE("a negative time is not a time")
{
	CHECK(error_of("task t on cpu 0\n  sleep 0 - 1ms\nend\n") ==
	      "t.scn:2:9: error: expected a time such as 5ms (units: ns, us, ms, s, jiffies), got '0'");
}

TEST_CASE("a mempool waiter that can never be served ends at the machine's time limit and fails the run")
{
	sim::scenario::run_options o;
	o.time_limit_ns = 30'000'000'000;
	auto r = run_text("pool p min 1 over kmalloc 64\ntask t on cpu 0\n  failslab on probability 100\n"
			  "  a = mempool_alloc(p, GFP_NOIO)\n  b = mempool_alloc(p, GFP_NOIO)\nend\nrun\n"
			  "expect t is done\n", o);
	REQUIRE(r.capped);
	CHECK(*r.capped == sim::run_status::machine_time_limit);
	CHECK(r.expectations.empty());
	CHECK_FALSE(r.passed());
}

TEST_CASE("__free_pages takes an order of 0 to 10 as alloc_pages does")
{
	CHECK(error_of("task t on cpu 0\n  p = alloc_pages(GFP_KERNEL, 0)\n  __free_pages(p, 64)\nend\n") ==
	      "t.scn:3:19: error: a page order is 0 to 10 (MAX_ORDER - 1)");
}

TEST_CASE("a negative page count is not a hog")
{
	CHECK(error_of("hog 0 - 1 pages as h\n") == "t.scn:1:5: error: a page count must be 0 to 9223372036854775807, got -1");
}
