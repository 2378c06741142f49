// SPDX-License-Identifier: GPL-2.0-only
// The whole machine read through its tables at once: a row per object, every field named.
#include "observe_test.h"

#include "linux/mempool.h"
#include "linux/slab.h"
#include "sim/mempool/observe.h"
#include "sim/mm/observe.h"
#include "sim/observation.h"
#include "sim/scenario/check.h"
#include "sim/scenario/runner.h"
#include "sim/sched/observe.h"
#include "sim/slab/observe.h"
#include "tools/slabsim/report.h"

using namespace observetest;

namespace {
template <class Field> std::vector<std::string> names(sim::table<Field> t)
{
	std::vector<std::string> out;
	for (const Field &f : t)
		out.push_back(f.name);
	return out;
}

std::vector<std::string> names(const sim::row &r)
{
	std::vector<std::string> out;
	for (const auto &[name, value] : r.values)
		out.push_back(name);
	for (const auto &[name, text] : r.texts)
		out.push_back(name);
	return out;
}
} // namespace

TEST_CASE("the observation has a row per pool with every pool field")
{
	test_machine m;
	struct kmem_cache *c = kmem_cache_create("obs64", 64, 0, 0, nullptr);
	mempool_t *pool = nullptr;
	on_cpu(0, [&] { pool = mempool_create_slab_pool(2, c); });
	sim::observation o = sim::observe_machine();
	REQUIRE(o.pools.size() == 1);
	CHECK(o.pools[0].name == "slab:obs64");
	CHECK(names(o.pools[0]) == names(sim::mempool_columns()));
	CHECK(o.pools[0].values[2].second == 2); // curr_nr
	on_cpu(0, [&] { mempool_destroy(pool); });
}

TEST_CASE("the observation has a slabinfo row per cache with the statistics columns too")
{
	test_machine m;
	sim::observation o = sim::observe_machine();
	REQUIRE(o.slabinfo.size() == sim::slabinfo_rows().size());
	std::vector<std::string> want = names(sim::slabinfo_columns());
	for (const std::string &n : names(sim::slabinfo_stat_columns()))
		want.push_back(n);
	CHECK(names(o.slabinfo[0]) == want);
	CHECK(o.slabinfo[0].name == sim::slabinfo_row_name(sim::slabinfo_rows()[0]));
}

TEST_CASE("the observation has the zones, the node, meminfo and the tasks")
{
	test_machine m;
	on_cpu(0, [] {});
	sim::observation o = sim::observe_machine();
	CHECK(o.zones.size() == sim::populated_zones().size());
	CHECK(o.zones[0].values.size() == sim::zone_fields().size() + sim::free_area_fields().size());
	CHECK(names(o.node) == names(sim::node_fields()));
	CHECK(names(o.meminfo) == names(sim::meminfo_fields()));
	REQUIRE(o.tasks.size() == 1);
	CHECK(o.tasks[0].name == "test");
}

TEST_CASE("the JSON of an observation names every field as its table does")
{
	test_machine m;
	struct kmem_cache *c = kmem_cache_create("obs64", 64, 0, 0, nullptr);
	mempool_t *pool = nullptr;
	on_cpu(0, [&] { pool = mempool_create_slab_pool(2, c); });
	nlohmann::ordered_json j = cli::observation_json(sim::observe_machine());
	for (const auto &f : sim::mempool_columns())
		CHECK(j["pools"][0].contains(f.name));
	CHECK(j["pools"][0]["nr_waiters"] == 0);
	CHECK(j["meminfo"]["MemTotal"] == 65536);
	CHECK(j["slabinfo"][0].contains("sharedavail"));
	CHECK(j["zones"][0].contains("order10"));
	on_cpu(0, [&] { mempool_destroy(pool); });
}

TEST_CASE("a scenario's JSON summary lists its pools by every column of the pool table")
{
	sim::scenario::outcome r =
		sim::scenario::run(sim::scenario::compile_file(source_file("scenarios/default.scn")));
	nlohmann::json j = nlohmann::json::parse(cli::json_summary({r}))["scenarios"][0];
	REQUIRE(j["pools"].size() == 1);
	for (const auto &f : sim::mempool_columns())
		CHECK(j["pools"][0].contains(f.name));
	CHECK(j["pools"][0]["name"] == "bios");
	CHECK(j["observed"]["pools"] == j["pools"]);
}
