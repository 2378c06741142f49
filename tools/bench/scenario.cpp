// SPDX-License-Identifier: GPL-2.0-only
// The interpreter's overhead: a scripted kmalloc/kfree loop against the same loop written in
// C++, each run as a task on a freshly booted machine, in the same process. The ratio
// scripted/native is the number to watch (goal: under 3).
#include "linux/gfp.h"
#include "linux/slab.h"
#include "sim/machine.h"
#include "sim/scenario/check.h"
#include "sim/scenario/runner.h"
#include "sim/sched/sched.h"

#include <benchmark/benchmark.h>
#include <fmt/format.h>

namespace {

constexpr int loops = 1 << 20; // enough that booting the machine is noise

void scripted(benchmark::State &state)
{
	sim::scenario::program p = sim::scenario::compile(
		"bench.scn", fmt::format("task t on cpu 0\n  repeat {} times\n    p = kmalloc(64, GFP_KERNEL)\n"
					 "    kfree(p)\n  end\nend\nrun\n", loops));
	for (auto _ : state)
		sim::scenario::run(p);
	state.SetItemsProcessed(state.iterations() * loops);
}

void native(benchmark::State &state)
{
	for (auto _ : state) {
		sim::machine m;
		sim::spawn(0, "t", [] {
			for (int i = 0; i < loops; ++i) {
				void *volatile p = kmalloc(64, GFP_KERNEL);
				kfree(p);
			}
		});
		sim::run();
	}
	state.SetItemsProcessed(state.iterations() * loops);
}

} // namespace

BENCHMARK(scripted)->Unit(benchmark::kMillisecond);
BENCHMARK(native)->Unit(benchmark::kMillisecond);
