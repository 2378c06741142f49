// SPDX-License-Identifier: GPL-2.0-only
// The /proc texts rendered from the tables are byte for byte what they were before the tables:
// tests/observe/golden/ holds the texts `slabsim proc NAME [--after FILE]` printed then.
#include "observe_test.h"

#include "linux/mm.h"
#include "sim/mempool/mempool.h"
#include "sim/mm/proc.h"
#include "sim/scenario/check.h"
#include "sim/scenario/runner.h"
#include "sim/slab/slabinfo.h"

#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <sstream>

using namespace observetest;

namespace {

std::string golden(const std::string &name)
{
	std::ifstream in(source_file("tests/observe/golden/" + name));
	REQUIRE(in);
	std::ostringstream text;
	text << in.rdbuf();
	return text.str();
}

sim::scenario::outcome run_scenario(const std::string &path)
{
	quiet_console quiet;
	return sim::scenario::run(sim::scenario::compile_file(source_file("scenarios/" + path)));
}

void check_scenario_end(const std::string &path)
{
	sim::scenario::outcome r = run_scenario(path);
	std::string name = std::filesystem::path(path).stem();
	CHECK(r.slabinfo == golden(name + ".slabinfo"));
	CHECK(r.buddyinfo == golden(name + ".buddyinfo"));
	CHECK(r.meminfo == golden(name + ".meminfo"));
	CHECK(r.zoneinfo == golden(name + ".zoneinfo"));
	CHECK(r.mempools == golden(name + ".mempools"));
}

} // namespace

TEST_CASE("the /proc texts of a freshly booted machine are unchanged")
{
	test_machine m({.memory_bytes = 64ull << 20, .nr_cpus = 2});
	CHECK(sim::slabinfo() == golden("boot-64M.slabinfo"));
	CHECK(sim::proc_buddyinfo() == golden("boot-64M.buddyinfo"));
	CHECK(sim::proc_meminfo() == golden("boot-64M.meminfo"));
	CHECK(sim::proc_zoneinfo() == golden("boot-64M.zoneinfo"));
	CHECK(sim::mempoolinfo() == golden("boot-64M.mempools"));
}

TEST_CASE("the /proc texts at the default scenario's end are unchanged")
{
	check_scenario_end("default.scn");
}

TEST_CASE("the /proc texts with slab statistics at raid1_r1bio's end are unchanged")
{
	check_scenario_end("seeds/raid1_r1bio.scn");
}

TEST_CASE("the /proc texts at percpu_arrays' end are unchanged")
{
	check_scenario_end("slab/percpu_arrays.scn");
}

TEST_CASE("/proc/mempoolinfo with sleepers counted at several_waiters' end is unchanged")
{
	check_scenario_end("mempool/several_waiters.scn");
}

TEST_CASE("/proc/vmstat lists the machine's counters with the kernel's names")
{
	mm_machine b({.memory_bytes = 16ull << 20});
	CHECK(sim::proc_vmstat() == fmt::format("nr_free_pages {}\nnr_slab_reclaimable 0\nnr_slab_unreclaimable 0\n",
						nr_free_pages()));
}
