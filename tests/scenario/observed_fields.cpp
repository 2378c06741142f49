// SPDX-License-Identifier: GPL-2.0-only
// `expect SUBJECT.FIELD` reads the subsystems' observation tables: every field a table has is
// one a scenario can expect, with the value the table (and so /proc) gives.
#include "helpers.h"

#include "sim/mempool/observe.h"
#include "sim/mm/observe.h"
#include "sim/sched/observe.h"
#include "sim/slab/observe.h"

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <sstream>

using scenario_test::failures;
using scenario_test::run_text;

namespace {

// One expectation per field of `t`, `SUBJECT.FIELD >= 0`, appended to `source`.
template <class Field> std::string expect_every(std::string source, const std::string &subject, sim::table<Field> t)
{
	for (const Field &f : t)
		source += fmt::format("expect {}.{} >= 0\n", subject, f.name);
	return source;
}

// The value the scenario's end read of `field` in the row of `rows` called `name`.
std::int64_t observed(const std::vector<sim::row> &rows, const std::string &name, const std::string &field)
{
	for (const sim::row &r : rows)
		if (r.name == name)
			for (auto &[f, v] : r.values)
				if (f == field)
					return v;
	FAIL("no " << name << "." << field << " observed");
	return 0;
}

// Options that print what the scenario prints into `out`.
sim::scenario::run_options shown_on(std::ostream &out)
{
	sim::scenario::run_options o;
	o.out = &out;
	return o;
}

} // namespace

TEST_CASE("every column of mempool's table can be expected of a pool")
{
	auto r = run_text(expect_every("pool p min 2 over kmalloc 64\n", "p", sim::mempool_columns()));
	CHECK(failures(r) == "");
	CHECK(r.expectations.size() == sim::mempool_columns().size());
}

TEST_CASE("every slabinfo column and statistic can be expected of a cache")
{
	std::string src = "machine slab_debug on\ncache c size 100\n";
	src = expect_every(src, "c", sim::slabinfo_columns());
	src = expect_every(src, "c", sim::slabinfo_stat_columns());
	auto r = run_text(src);
	CHECK(failures(r) == "");
	CHECK(r.expectations.size() == sim::slabinfo_columns().size() + sim::slabinfo_stat_columns().size());
}

TEST_CASE("every meminfo field, free area and task field can be expected")
{
	std::string src = "task t on cpu 0\n  sleep 4ms\nend\nrun\n";
	src = expect_every(src, "meminfo", sim::meminfo_fields());
	src = expect_every(src, "buddyinfo", sim::free_area_fields());
	src = expect_every(src, "t", sim::task_fields());
	auto r = run_text(src);
	CHECK(failures(r) == "");
}

TEST_CASE("a cache's objsize is /proc/slabinfo's, padding included")
{
	// Red zones and the stored caller grow a 100-byte object; slabinfo shows the grown size,
	// where kmem_cache_size() would say 100.
	auto r = run_text("machine slab_debug on\ncache c size 100\nexpect c.objsize == 100\n");
	REQUIRE(r.expectations.size() == 1);
	CHECK_FALSE(r.expectations[0].passed);
	CHECK(observed(r.observed.slabinfo, "c", "objsize") > 100);
	CHECK(r.expectations[0].actual == std::to_string(observed(r.observed.slabinfo, "c", "objsize")));
}

TEST_CASE("a slab statistic counts under slab debugging")
{
	auto r = run_text("machine slab_debug on\ncache c size 64\ntask t on cpu 0\n  a = kmem_cache_alloc(c, GFP_KERNEL)\n"
			  "  kmem_cache_free(c, a)\n  b = kmem_cache_alloc(c, GFP_KERNEL)\nend\nrun\n"
			  "expect c.allocmiss >= 1\nexpect c.allochit >= 1\nexpect c.freehit >= 1\n");
	CHECK(failures(r) == "");
}

TEST_CASE("a task's voluntary switches count its sleeps and its exit")
{
	auto r = run_text("task t on cpu 0\n  sleep 4ms\n  sleep 4ms\nend\ntask u on cpu 1\n  hog 0 pages as h\nend\n"
			  "run\nexpect t.nvcsw == 3\nexpect u.nvcsw == 1\n");
	CHECK(failures(r) == "");
}

TEST_CASE("meminfo and buddyinfo read the mm tables' numbers")
{
	auto r = run_text("machine memory 16M\nhog 10 pages as h\nexpect meminfo.MemFree == 1\n"
			  "expect buddyinfo.order10 == 1000\n");
	REQUIRE(r.expectations.size() == 2);
	std::int64_t order10 = 0;
	for (const sim::row &z : r.observed.zones)
		order10 += observed({z}, z.name, "order10");
	CHECK(r.expectations[0].actual == std::to_string(observed({r.observed.meminfo}, "meminfo", "MemFree")));
	CHECK(r.expectations[1].actual == std::to_string(order10));
}

TEST_CASE("from reserve is the pool's own answer, after a resize too")
{
	// The resize fills the reserve from the allocator while allocations fail: mempool_alloc
	// then serves from the new reserve, and the pool says so.
	auto r = run_text("pool p min 1 over kmalloc 64\nmempool_resize(p, 3)\nfailslab on\n"
			  "task t on cpu 0\n  repeat 3 as i\n    e[i] = mempool_alloc(p, GFP_NOWAIT)\n"
			  "    expect e[i] from reserve\n  end\n  f = mempool_alloc(p, GFP_NOWAIT)\n  expect f is NULL\n"
			  "  failslab off\n  g = mempool_alloc(p, GFP_NOWAIT)\n  expect g from backing\n"
			  "  mempool_free(g, p)\n  failslab on\n  h = mempool_alloc(p, GFP_NOWAIT)\n"
			  "  expect h from reserve\n  expect h is g\nend\nrun\n");
	CHECK(failures(r) == "");
}

TEST_CASE("print pool shows every column of mempool's table by name")
{
	std::ostringstream out;
	run_text("pool p min 2 over kmalloc 64\nprint pool p\n", shown_on(out));
	std::string line = out.str();
	REQUIRE(line.starts_with("p: id 1 min_nr 2 curr_nr 2 "));
	for (const auto &c : sim::mempool_columns())
		CHECK(line.find(fmt::format(" {} ", c.name)) != std::string::npos);
}

TEST_CASE("print cache shows the slabinfo columns and statistics by name")
{
	std::ostringstream out;
	run_text("cache c size 64\nprint cache c\n", shown_on(out));
	std::string line = out.str();
	REQUIRE(line.starts_with("c: active_objs 0 num_objs 0 objsize 64 "));
	for (const auto &c : sim::slabinfo_columns())
		CHECK(line.find(fmt::format(" {} ", c.name)) != std::string::npos);
	for (const auto &c : sim::slabinfo_stat_columns())
		CHECK(line.find(fmt::format(" {} ", c.name)) != std::string::npos);
}

TEST_CASE("printing a destroyed pool stops the run, shown or not")
{
	CHECK(scenario_test::run_error_of("pool p min 1 over kmalloc 64\nmempool_destroy(p)\nprint pool p\n") ==
	      "t.scn:3:1: error: pool 'p' was destroyed at 2:1");
}
