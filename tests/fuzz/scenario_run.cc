// SPDX-License-Identifier: GPL-2.0-only
#include "scenario_run.h"

#include "sim/scenario/check.h"
#include "sim/scenario/runner.h"
#include "sim/trace/printk.h"

#include <cstdlib>
#include <string_view>

namespace {

// Small enough for ~100 runs a second under ASan+UBSan, large enough for the hung-task
// report (120 s) and a few cache_reap rounds to happen.
sim::scenario::run_options fuzz_options()
{
	sim::scenario::run_options o;
	o.caps.until_ns = 300ull * 1000000000;
	o.caps.run_steps = 20000;
	o.caps.ops = 200000;
	o.caps.memory_bytes = 16ull << 20;
	return o;
}

// The checker allows 2^24 slots; a few such inputs would spend the run zeroing memory.
constexpr std::size_t max_slots = 1 << 16;

} // namespace

bool fuzz_scenario(const std::uint8_t *data, std::size_t size)
{
	std::string_view text(reinterpret_cast<const char *>(data), size);
	if (text.find("insmod") != std::string_view::npos)
		return false;
	sim::console_loglevel = 0;
	static const sim::scenario::run_options opts = fuzz_options();
	try {
		sim::scenario::program p = sim::scenario::compile("fuzz.scn", text);
		if (p.object_slots > max_slots)
			return false;
		sim::scenario::outcome r = sim::scenario::run(p, opts);
		if (r.passed() != r.failure_lines().empty())
			std::abort(); // a verdict without its reason, or a reason without the verdict
	} catch (const sim::scenario::scenario_error &) {
	}
	return true;
}
