// SPDX-License-Identifier: GPL-2.0-only
// What a malformed scenario is told: one FILE:LINE:COL line naming what was expected.
#include "helpers.h"

#include <catch2/catch.hpp>

using scenario_test::error_of;

TEST_CASE("an unknown statement is named with its position")
{
	CHECK(error_of("machine cpus 2\nhogg 5 pages as h\n") ==
	      "t.scn:2:1: error: unknown statement 'hogg'; see docs/scenarios.md for the list");
}

TEST_CASE("a number with the wrong unit names the units a time takes")
{
	CHECK(error_of("at 5 kg\nend\n") ==
	      "t.scn:1:4: error: expected a time such as 5ms (units: ns, us, ms, s, jiffies), got '5'");
	CHECK(error_of("at 5kg\nend\n") ==
	      "t.scn:1:4: error: unknown time unit 'kg': expected ns, us, ms, s or jiffies");
}

TEST_CASE("an unknown size unit names the size units")
{
	CHECK(error_of("machine memory 64X\n") ==
	      "t.scn:1:16: error: unknown size unit 'X': expected K, M or G (powers of 1024)");
}

TEST_CASE("a block left open names its opener")
{
	CHECK(error_of("task t on cpu 0\n  yield\n") ==
	      "t.scn:3:1: error: expected 'end' to close 'task t' opened at 1:1");
}

TEST_CASE("a stray end is an error")
{
	CHECK(error_of("end\n") == "t.scn:1:1: error: 'end' without a block to close");
}

TEST_CASE("extra words after a statement are an error")
{
	CHECK(error_of("task t on cpu 0\n  yield now\nend\n") ==
	      "t.scn:2:9: error: expected end of line, got 'now'");
}

TEST_CASE("an unterminated string is an error")
{
	CHECK(error_of("say \"hello\n") ==
	      "t.scn:1:5: error: unterminated string: expected '\"' before the end of the line");
}

TEST_CASE("a byte that is not text is an error")
{
	CHECK(error_of(std::string("say \x01\n")) ==
	      "t.scn:1:5: error: unexpected byte 0x01: scenarios are plain ASCII text");
}

TEST_CASE("a number beyond 64 bits is an error")
{
	CHECK(error_of("hog 99999999999999999999 pages as h\n") ==
	      "t.scn:1:5: error: number is too large (the limit is 2^64-1)");
}

TEST_CASE("sleeping outside a task is an error that says who may sleep")
{
	CHECK(error_of("interrupt on cpu 0 at 1ms\n  sleep 1ms\nend\n") ==
	      "t.scn:2:3: error: only a task can sleep, not code in an interrupt");
}

TEST_CASE("allocating at the top level is an error")
{
	CHECK(error_of("p = kmalloc(64, GFP_KERNEL)\n") ==
	      "t.scn:1:1: error: 'p' is something a task or an interrupt does; it cannot stand at the top "
	      "level");
}

TEST_CASE("an allocation whose result is dropped is an error")
{
	CHECK(error_of("task t on cpu 0\n  kmalloc(64, GFP_KERNEL)\nend\n") ==
	      "t.scn:2:3: error: the result of kmalloc() needs a name: write 'x = kmalloc(...)'");
}

TEST_CASE("a keyword cannot name a task")
{
	CHECK(error_of("task end on cpu 0\nend\n") ==
	      "t.scn:1:6: error: expected a task name, got the keyword 'end'");
}

TEST_CASE("a missing argument names what was expected")
{
	CHECK(error_of("task t on cpu 0\n  p = kmem_cache_alloc(, GFP_KERNEL)\nend\n") ==
	      "t.scn:2:24: error: expected a cache name, got ','");
}

TEST_CASE("the opening comment is what a scenario teaches")
{
	auto p = sim::scenario::compile("t.scn", "# SPDX-License-Identifier: GPL-2.0-only\n"
						 "# A first sentence. A second one.\n#\n# More.\nrun\n");
	CHECK(p.teaches == "A first sentence.");
}

TEST_CASE("print pool and print cache take the object's name")
{
	CHECK(error_of("pool p min 1 over kmalloc 64\nprint pool\n") ==
	      "t.scn:2:11: error: expected a pool name, got end of line");
	CHECK(error_of("cache c size 64\nprint cache p\n") ==
	      "t.scn:2:13: error: undefined name 'p': expected a cache");
}
