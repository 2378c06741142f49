// SPDX-License-Identifier: GPL-2.0-only
// What each statement does when a scenario runs, and how expectations report.
#include "helpers.h"

#include <catch2/catch.hpp>

using scenario_test::failures;
using scenario_test::run_text;

TEST_CASE("a failed expectation names the file, line, expected and actual value")
{
	auto r = run_text("pool p min 3 over kmalloc 64\nexpect p.curr_nr == 2\n");
	CHECK_FALSE(r.passed());
	CHECK(failures(r) == "t.scn:2:1: expectation failed: expect p.curr_nr == 2: expected == 2, actual 3\n");
}

TEST_CASE("a passing expectation is recorded as passed")
{
	auto r = run_text("pool p min 3 over kmalloc 64\nexpect p.curr_nr == 3\n");
	REQUIRE(r.expectations.size() == 1);
	CHECK(r.expectations[0].passed);
}

TEST_CASE("repeat runs its body count times with the counter from 0")
{
	auto r = run_text("task t on cpu 0\n  repeat 5 as i\n    x[i] = kmalloc(64, GFP_KERNEL)\n  end\n"
			  "  expect x[4] is not NULL\n  hog 1 pages as h\nend\nrun\nexpect h.pages == 1\n");
	CHECK(failures(r) == "");
	CHECK(r.expectations.size() == 2);
}

TEST_CASE("a mempool element taken while the allocator fails is from the reserve")
{
	auto r = run_text("pool p min 2 over kmalloc 64\ntask t on cpu 0\n  a = mempool_alloc(p, GFP_NOIO)\n"
			  "  failslab on\n  b = mempool_alloc(p, GFP_NOIO)\n  failslab off\n"
			  "  expect a from reserve\n  expect b from reserve\nend\nrun\n");
	CHECK(failures(r) == "t.scn:7:3: expectation failed: expect a from reserve: expected from the reserve, "
			     "actual from the backing allocator\n");
}

TEST_CASE("freeing an object twice stops the run with a scenario error")
{
	try {
		run_text("task t on cpu 0\n  p = kmalloc(64, GFP_KERNEL)\n  kfree(p)\n  kfree(p)\nend\nrun\n");
		FAIL("no error");
	} catch (const sim::scenario::scenario_error &e) {
		CHECK(std::string(e.what()) == "t.scn:4:3: error: 'p' was already freed at 3:3");
	}
}

TEST_CASE("an object used before any allocation is assigned is a scenario error")
{
	try {
		run_text("task t on cpu 0\n  kfree(p)\n  p = kmalloc(64, GFP_KERNEL)\nend\nrun\n");
		FAIL("no error");
	} catch (const sim::scenario::scenario_error &e) {
		CHECK(std::string(e.what()) ==
		      "t.scn:2:3: error: 'p' holds nothing yet: no allocation has been assigned to it");
	}
}

TEST_CASE("sleep advances virtual time in whole jiffies")
{
	auto r = run_text("machine hz 100\ntask t on cpu 0\n  sleep 25ms\nend\nrun\nexpect jiffies >= 3\n");
	CHECK(failures(r) == "");
}

TEST_CASE("an at block runs at its virtual time")
{
	auto r = run_text("at 10ms\n  hog 7 pages as h\nend\n"
			  "task t on cpu 0\n  expect h.pages == 0\n  sleep 20ms\n  expect h.pages == 7\nend\nrun\n");
	CHECK(failures(r) == "");
}

TEST_CASE("a when block runs inside its task just before the line")
{
	auto r = run_text("task t on cpu 0\n  yield\n  expect h.pages == 2\nend\n"
			  "when t reaches line 3\n  hog 2 pages as h\nend\nrun\n");
	CHECK(failures(r) == "");
}

TEST_CASE("an interrupt allocating with GFP_ATOMIC runs on its CPU")
{
	auto r = run_text("interrupt on cpu 1 at 1ms\n  p = kmalloc(32, GFP_ATOMIC)\n  expect p is not NULL\nend\nrun\n");
	CHECK(failures(r) == "");
	CHECK(r.expectations.size() == 1);
}

TEST_CASE("a task state is checked as the task stands")
{
	auto r = run_text("pool p min 1 over kmalloc 64\ntask t on cpu 0\n  failslab on\n"
			  "  a = mempool_alloc(p, GFP_NOIO)\n  b = mempool_alloc(p, GFP_NOIO)\nend\n"
			  "run for 1s\nexpect t is uninterruptible\nexpect t is done\nfailslab off\nrun\n");
	CHECK(r.expectations.size() == 2);
	CHECK(r.expectations[0].passed);
	CHECK_FALSE(r.expectations[1].passed);
	CHECK(r.expectations[1].actual.rfind("uninterruptible", 0) == 0);
}

TEST_CASE("the same scenario and seed give the same trace")
{
	const char *src = "machine cpus 2 seed 7\npool p min 1 over kmalloc 64\n"
			  "task a on cpu 0\n  repeat 3\n    x = mempool_alloc(p, GFP_NOIO)\n    yield\n"
			  "    mempool_free(x, p)\n  end\nend\ntask b on cpu 1\n  y = kmalloc(100, GFP_KERNEL)\nend\nrun\n";
	sim::scenario::run_options o;
	o.trace = true;
	auto first = run_text(src, o), second = run_text(src, o);
	CHECK_FALSE(first.trace.empty());
	CHECK(first.trace == second.trace);
}

TEST_CASE("an allocation a script line makes traces that line as its call site")
{
	sim::scenario::run_options o;
	o.trace = true;
	auto r = run_text("machine cpus 1\ntask t on cpu 0\n  x = kmalloc(100, GFP_KERNEL)\n  kfree(x)\nend\nrun\n", o);
	CHECK(r.trace.find("kmalloc: call_site=t.scn:3 ") != std::string::npos);
	CHECK(r.trace.find("kfree: call_site=t.scn:4 ") != std::string::npos);
}

TEST_CASE("a constructor runs when a slab grows, not on allocation")
{
	auto r = run_text("cache c size 512 ctor pattern 0x5a\ntask t on cpu 0\n  a = kmem_cache_alloc(c, GFP_KERNEL)\n"
			  "  fill a with 0x11\n  kmem_cache_free(c, a)\n  b = kmem_cache_alloc(c, GFP_KERNEL)\n"
			  "  expect b holds 0x11\n  expect c.ctor_calls == 8\nend\nrun\n");
	CHECK(failures(r) == "");
}
