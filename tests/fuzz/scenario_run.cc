// SPDX-License-Identifier: GPL-2.0-only
#include "scenario_run.h"

#include "sim/scenario/check.h"
#include "sim/scenario/runner.h"
#include "sim/trace/printk.h"

#include <cstdlib>
#include <functional>
#include <string_view>

namespace {

// Small enough for ~100 runs a second under ASan+UBSan, large enough for the hung-task
// report (120 s) and a few cache_reap rounds to happen.
sim::scenario::run_options fuzz_options(bool trace)
{
	sim::scenario::run_options o;
	o.trace = trace;
	o.caps.until_ns = 300ull * 1000000000;
	o.caps.run_steps = 20000;
	o.caps.ops = 200000;
	o.caps.memory_bytes = 16ull << 20;
	return o;
}

// The checker allows 2^24 slots; a few such inputs would spend the run zeroing memory.
constexpr std::size_t max_slots = 1 << 16;

bool same(const sim::scenario::outcome &a, const sim::scenario::outcome &b)
{
	return a.trace == b.trace && a.slabinfo == b.slabinfo && a.meminfo == b.meminfo && a.runs == b.runs &&
	       a.ops == b.ops && a.end_ns == b.end_ns && a.failure_lines() == b.failure_lines();
}

} // namespace

bool fuzz_scenario(const std::uint8_t *data, std::size_t size)
{
	std::string_view text(reinterpret_cast<const char *>(data), size);
	if (text.find("insmod") != std::string_view::npos)
		return false;
	sim::console_loglevel = 0;
	static const sim::scenario::run_options opts = fuzz_options(false), traced_opts = fuzz_options(true);
	// One input in four runs twice, traced, to check that a run depends on nothing but its input.
	bool traced = std::hash<std::string_view>{}(text) % 4 == 0;
	try {
		sim::scenario::program p = sim::scenario::compile("fuzz.scn", text);
		if (p.object_slots > max_slots)
			return false;
		sim::scenario::outcome r = sim::scenario::run(p, traced ? traced_opts : opts);
		if (r.passed() != r.failure_lines().empty())
			std::abort(); // a verdict without its reason, or a reason without the verdict
		if (traced && !same(r, sim::scenario::run(p, traced_opts)))
			std::abort(); // the same scenario and seed ran differently: state outlived a machine
	} catch (const sim::scenario::scenario_error &) {
	}
	return true;
}
