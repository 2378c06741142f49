// SPDX-License-Identifier: GPL-2.0-only
// What `run --check` costs: the default scenario (scenarios/default.scn) run plainly and
// with the invariant checker after every step, in the same process. Goal: the checked run
// at most 10x the plain one (tools/bench/ratio.py).
#include "sim/scenario/check.h"
#include "sim/scenario/runner.h"
#include "sim/trace/printk.h"

#include <benchmark/benchmark.h>
#include <filesystem>
#include <stdexcept>

namespace {

// scenarios/default.scn of the tree the binary was built from: the first one found going up
// from the binary's directory (build/<preset>/bench/).
std::string default_scenario()
{
	namespace fs = std::filesystem;
	for (fs::path dir = fs::canonical("/proc/self/exe").parent_path(); !dir.empty(); dir = dir.parent_path()) {
		if (fs::exists(dir / "scenarios/default.scn"))
			return dir / "scenarios/default.scn";
		if (dir == dir.root_path())
			break;
	}
	throw std::runtime_error("scenarios/default.scn not found above the benchmark binary");
}

void run_default(benchmark::State &state, bool check)
{
	sim::console_loglevel = 0;
	static const sim::scenario::program p = sim::scenario::compile_file(default_scenario());
	sim::scenario::run_options o;
	o.check = check;
	for (auto _ : state) {
		sim::scenario::outcome r = sim::scenario::run(p, o);
		if (!r.passed())
			state.SkipWithError("the default scenario failed");
	}
}

void BM_default_scenario_plain(benchmark::State &state) { run_default(state, false); }
void BM_default_scenario_check(benchmark::State &state) { run_default(state, true); }

} // namespace

BENCHMARK(BM_default_scenario_plain)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_default_scenario_check)->Unit(benchmark::kMicrosecond);
