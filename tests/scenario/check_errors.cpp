// SPDX-License-Identifier: GPL-2.0-only
// What the checker refuses before anything runs: names, types, ranges, machine sizes.
#include "helpers.h"

#include "sim/mempool/observe.h"
#include "sim/mm/mmflags.h"
#include "sim/mm/observe.h"
#include "sim/sched/observe.h"

#include <fmt/format.h>

#include <catch2/catch.hpp>

using scenario_test::error_of;

TEST_CASE("an impossible machine is refused where it is described")
{
	CHECK(error_of("machine cpus 65\n") == "t.scn:1:14: error: cpus must be at most 64, got 65");
	CHECK(error_of("machine memory 5000\ncache c size 64\n") ==
	      "t.scn:1:1: error: impossible machine: memory size 5000 is not a multiple of the page size "
	      "(4096)");
}

TEST_CASE("machine settings come before anything uses the machine")
{
	CHECK(error_of("cache c size 64\nmachine cpus 4\n") ==
	      "t.scn:2:1: error: 'machine' settings come first, before anything uses the machine");
}

TEST_CASE("a pool over a cache that does not exist is refused")
{
	CHECK(error_of("pool p min 4 over cache nosuch\n") ==
	      "t.scn:1:25: error: undefined name 'nosuch': expected a cache");
}

TEST_CASE("a pool over something that is not a cache is refused")
{
	CHECK(error_of("pool q min 1 over kmalloc 64\npool p min 4 over cache q\n") ==
	      "t.scn:2:25: error: 'q' is a pool (declared at 1:6), not a cache");
}

TEST_CASE("a name is declared once")
{
	CHECK(error_of("cache c size 64\ncache c size 32\n") ==
	      "t.scn:2:7: error: 'c' is already a cache (declared at 1:7)");
}

TEST_CASE("a task on a CPU the machine lacks is refused")
{
	CHECK(error_of("machine cpus 2\ntask t on cpu 2\nend\n") ==
	      "t.scn:2:15: error: a CPU number must be 0 to 1, got 2");
}

TEST_CASE("an unknown GFP flag lists the names of the GFP table the trace prints")
{
	std::string e = error_of("task t on cpu 0\n  p = kmalloc(64, GFP_KERNAL)\nend\n");
	CHECK(e == "t.scn:2:19: error: unknown GFP flag 'GFP_KERNAL': expected one of " + sim::gfp_flag_list());
	CHECK(sim::gfp_flag_list().find(", GFP_KERNEL, ") != std::string::npos);
}

TEST_CASE("every GFP name of the trace's table is one a scenario may write")
{
	for (const char *name : {"GFP_KERNEL", "__GFP_NOWARN", "GFP_HIGHUSER_MOVABLE", "__GFP_THISNODE"})
		CHECK(error_of(fmt::format("task t on cpu 0\n  p = kmalloc(64, {})\nend\nrun\n", name)).empty());
}

TEST_CASE("an unknown slab flag lists the flags kmem_cache_create takes")
{
	std::string e = error_of("cache c size 64 flags HWCACHE_ALIGN|SHINY\n");
	CHECK(e == "t.scn:1:37: error: unknown slab flag 'SHINY': expected one of SLAB_HWCACHE_ALIGN, SLAB_POISON, "
		   "SLAB_RED_ZONE, SLAB_STORE_USER, SLAB_RECLAIM_ACCOUNT, SLAB_PANIC, SLAB_CACHE_DMA, "
		   "SLAB_CACHE_DMA32, SLAB_TYPESAFE_BY_RCU, SLAB_ACCOUNT, SLAB_CONSISTENCY_CHECKS");
}

TEST_CASE("a flag the slab keeps for itself is not one a scenario may pass")
{
	CHECK(error_of("cache c size 64 flags SLAB_DEACTIVATED\n").rfind("t.scn:1:23: error: unknown slab flag", 0) == 0);
	CHECK(error_of("cache c size 64 flags OFF_SLAB\n").rfind("t.scn:1:23: error: unknown slab flag", 0) == 0);
}

TEST_CASE("freeing an object nothing assigns is refused")
{
	CHECK(error_of("task t on cpu 0\n  kfree(p)\nend\n") ==
	      "t.scn:2:9: error: undefined object 'p': no statement assigns it");
}

TEST_CASE("an object keeps the kind of memory it was first given")
{
	CHECK(error_of("cache c size 64\ntask t on cpu 0\n  p = kmalloc(64, GFP_KERNEL)\n"
		       "  p = kmem_cache_alloc(c, GFP_KERNEL)\nend\n") ==
	      "t.scn:4:3: error: 'p' holds kmalloc memory (assigned at 3:3); give a kmem_cache object "
	      "another name");
}

TEST_CASE("freeing with the wrong function is refused")
{
	CHECK(error_of("pool q min 1 over kmalloc 64\ntask t on cpu 0\n  p = mempool_alloc(q, GFP_NOIO)\n"
		       "  kfree(p)\nend\n") ==
	      "t.scn:4:9: error: 'p' holds a mempool element (assigned at 3:3); kfree takes kmalloc memory "
	      "or a slab object");
}

TEST_CASE("an index beyond what a loop counter reaches is sized, a negative one refused")
{
	CHECK(error_of("task t on cpu 0\n  repeat 4 as i\n    p[i] = kmalloc(8, GFP_KERNEL)\n  end\n"
		       "  kfree(p[0 - 1])\nend\n") ==
	      "t.scn:5:11: error: an index is never negative");
}

TEST_CASE("a subtraction written without spaces gets a hint")
{
	CHECK(error_of("task t on cpu 0\n  repeat 4 as i\n    p[i-1] = kmalloc(8, GFP_KERNEL)\n  end\nend\n") ==
	      "t.scn:3:7: error: undefined name 'i-1': expected a number, a constant or a loop counter "
	      "(write 'a - b' with spaces to subtract)");
}

TEST_CASE("an expectation at the top level after tasks needs a run first")
{
	CHECK(error_of("task t on cpu 0\n  yield\nend\nexpect t is done\n") ==
	      "t.scn:4:1: error: this would run before the tasks, interrupts, 'at' blocks, insmods and "
	      "rmmods above start: write 'run' before it, or move it into a task or an 'at' block");
	CHECK(error_of("task t on cpu 0\n  yield\nend\nrun\nexpect t is done\n") == "");
}

TEST_CASE("a pool field that does not exist lists the fields of mempool's table")
{
	std::string e = error_of("pool q min 1 over kmalloc 64\nexpect q.size == 4\n");
	CHECK(e == "t.scn:2:10: error: 'q' has no field 'size': expected " + sim::field_names(sim::mempool_columns()));
}

TEST_CASE("a meminfo key the meminfo table lacks is refused before the run")
{
	CHECK(error_of("expect meminfo.Buffers == 0\n") ==
	      "t.scn:1:16: error: 'meminfo' has no field 'Buffers': expected " + sim::field_names(sim::meminfo_fields()));
}

TEST_CASE("a buddyinfo order past the free areas is refused")
{
	CHECK(error_of("expect buddyinfo.order11 == 0\n") ==
	      "t.scn:1:18: error: 'buddyinfo' has no field 'order11': expected order0 to order10");
}

TEST_CASE("a task field that does not exist lists the fields of the task table")
{
	CHECK(error_of("task t on cpu 0\nend\nrun\nexpect t.prio == 0\n") ==
	      "t.scn:4:10: error: 't' has no field 'prio': expected " + sim::field_names(sim::task_fields()));
}

TEST_CASE("'from reserve' is asked only of mempool elements")
{
	CHECK(error_of("task t on cpu 0\n  p = kmalloc(8, GFP_KERNEL)\n  expect p from reserve\nend\n") ==
	      "t.scn:3:10: error: 'p' holds kmalloc memory (assigned at 2:3); only a mempool element comes "
	      "from a pool's reserve or its backing allocator");
}

TEST_CASE("a when block must name a line its task has")
{
	CHECK(error_of("task t on cpu 0\n  yield\nend\nwhen t reaches line 9\n  hog 1 pages as h\nend\n") ==
	      "t.scn:4:21: error: task 't' has no statement on line 9");
}

TEST_CASE("a loop counter is known only inside its loop")
{
	CHECK(error_of("task t on cpu 0\n  repeat 2 as i\n    yield\n  end\n  p[i] = kmalloc(8, GFP_KERNEL)\nend\n") ==
	      "t.scn:5:5: error: undefined name 'i': expected a number, a constant or a loop counter");
}

TEST_CASE("an unknown task state is refused")
{
	CHECK(error_of("task t on cpu 0\n  yield\nend\nrun\nexpect t is asleep\n") ==
	      "t.scn:5:13: error: unknown task state 'asleep': expected running, sleeping, interruptible, "
	      "uninterruptible or done");
}
