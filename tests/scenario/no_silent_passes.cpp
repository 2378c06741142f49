// SPDX-License-Identifier: GPL-2.0-only
// A run passes only when nothing went wrong: a kernel report the scenario did not expect
// fails it, and so does a cap that cut it short (docs/scenarios.md, "When a run fails").
#include "helpers.h"

#include <catch2/catch.hpp>

using scenario_test::run_text;

namespace {

// A cache destroyed with an object still allocated: the kernel's leak report.
const std::string destroy_with_object = "cache c size 64\n"
					"task t on cpu 0\n"
					"  x = kmem_cache_alloc(c, GFP_KERNEL)\n"
					"end\n"
					"run\n"
					"kmem_cache_destroy(c)\n";

sim::scenario::outcome run_capped(const std::string &source, sim::scenario::run_caps caps)
{
	sim::scenario::run_options o;
	o.caps = caps;
	return run_text(source, o);
}

std::string lines(const sim::scenario::outcome &r)
{
	std::string out;
	for (const std::string &l : r.failure_lines())
		out += l + "\n";
	return out;
}

} // namespace

TEST_CASE("a kernel report no expectation matched fails the run with its headline")
{
	auto r = run_text(destroy_with_object);
	CHECK(r.failures() == 0);
	CHECK_FALSE(r.passed());
	REQUIRE(r.unexpected_reports.size() == 1);
	CHECK(r.unexpected_reports[0].kind == sim::report_kind::leak);
	CHECK(lines(r) == "t.scn: unexpected kernel report: kmem_cache_destroy c: Slab cache still has objects\n");
}

TEST_CASE("expect dmesg contains with text of the report makes the report expected")
{
	auto r = run_text(destroy_with_object + "expect dmesg contains \"Slab cache still has objects\"\n");
	CHECK(r.unexpected_reports.empty());
	CHECK(r.passed());
}

TEST_CASE("an expectation matching one report leaves another report unexpected")
{
	auto r = run_text("cache c size 64\npool p min 2 over cache c\n"
			  "task t on cpu 0\n  e = mempool_alloc(p, GFP_KERNEL)\n  x = kmem_cache_alloc(c, GFP_KERNEL)\n"
			  "  mempool_destroy(p)\n  kmem_cache_destroy(c)\nend\nrun\n"
			  "expect dmesg contains \"destroyed with 1 element still allocated\"\n");
	CHECK(r.failures() == 0);
	REQUIRE(r.unexpected_reports.size() == 1);
	CHECK(r.unexpected_reports[0].headline == "kmem_cache_destroy c: Slab cache still has objects");
}

TEST_CASE("a mempool_free into the wrong pool is an unexpected mempool report")
{
	auto r = run_text("machine slab_debug on\npool a min 1 over kmalloc 64\npool b min 1 over kmalloc 64\n"
			  "task t on cpu 0\n  e = mempool_alloc(a, GFP_KERNEL)\n  mempool_free(e, b)\nend\nrun\n");
	REQUIRE(r.unexpected_reports.size() == 1);
	CHECK(r.unexpected_reports[0].kind == sim::report_kind::mempool);
	CHECK_FALSE(r.passed());
}

TEST_CASE("a free into the wrong cache and a bad page free are a warning and a page report")
{
	auto r = run_text("machine slab_debug on\ncache a size 64\ncache b size 64\ntask t on cpu 0\n"
			  "  x = kmem_cache_alloc(a, GFP_KERNEL)\n  kmem_cache_free(b, x)\n"
			  "  p = alloc_pages(GFP_KERNEL, 0)\n  __free_pages(p, 1)\nend\nrun\n");
	REQUIRE(r.unexpected_reports.size() == 2);
	CHECK(r.unexpected_reports[0].kind == sim::report_kind::warning);
	CHECK(r.unexpected_reports[1].kind == sim::report_kind::page);
	CHECK(r.unexpected_reports[1].headline == "BUG: Bad page state in process t");
}

TEST_CASE("a run stopped by the time cap fails the run and skips what follows")
{
	auto r = run_capped("task t on cpu 0\n  sleep 5s\nend\nrun\nexpect t is done\n", {.until_ns = 1000000000});
	REQUIRE(r.capped);
	CHECK(*r.capped == sim::run_status::machine_time_limit);
	CHECK(r.expectations.empty());
	CHECK_FALSE(r.passed());
	CHECK(lines(r) == "t.scn:4: run: the machine's virtual-time limit (1 s) reached: the run did not end by itself\n");
}

TEST_CASE("a scenario's own timed run is not a cap")
{
	auto r = run_capped("task t on cpu 0\n  sleep 5s\nend\nrun for 1s\nexpect t is sleeping\nrun\n",
			    {.until_ns = 10000000000});
	CHECK_FALSE(r.capped);
	CHECK(r.passed());
}

TEST_CASE("a run stopped by the step cap fails the run")
{
	auto r = run_capped("task t on cpu 0\n  repeat 100 times\n    yield\n  end\nend\nrun\n", {.run_steps = 10});
	REQUIRE(r.capped);
	CHECK(*r.capped == sim::run_status::step_limit);
	CHECK_FALSE(r.passed());
}

TEST_CASE("the statement cap stops a task's endless work")
{
	auto r = run_capped("task t on cpu 0\n  repeat 1000000000 times\n    x = kmalloc(8, GFP_KERNEL)\n"
			    "    kfree(x)\n  end\nend\nrun\n", {.ops = 1000});
	REQUIRE(r.capped);
	CHECK(r.ops <= 1001);
	CHECK(r.capped_message == "t.scn: stopped after 1000 statements, the limit");
}

TEST_CASE("the memory cap lowers the machine's memory")
{
	auto r = run_capped("machine memory 64M\nexpect meminfo.MemTotal <= 8192\n", {.memory_bytes = 8 << 20});
	CHECK(r.passed());
}
