// SPDX-License-Identifier: GPL-2.0-only
// Every bundled scenario keeps every invariant after every step (run --check): the checker
// raises no false alarm on the machines the scenarios build — hogs, sleeping writers,
// reaping, modules, fault injection.
#include "sim/check.h"
#include "sim/scenario/check.h"
#include "sim/scenario/runner.h"
#include "sim/trace/printk.h"
#include "sim/trace/report.h"

#include <catch2/catch.hpp>
#include <algorithm>
#include <filesystem>

namespace fs = std::filesystem;

namespace {

// The tree's scenarios/ folder: the nearest one above the test binary (build/<preset>/tests/).
fs::path scenario_dir()
{
	fs::path dir = fs::canonical("/proc/self/exe");
	while (dir.has_relative_path() && !fs::is_directory(dir / "scenarios"))
		dir = dir.parent_path();
	return dir / "scenarios";
}

} // namespace

TEST_CASE("every bundled scenario keeps every invariant after every step")
{
	sim::console_loglevel = 0;
	std::vector<fs::path> files;
	for (const auto &e : fs::recursive_directory_iterator(scenario_dir()))
		if (e.path().extension() == ".scn")
			files.push_back(e.path());
	std::sort(files.begin(), files.end());
	REQUIRE(files.size() >= 10);
	for (const fs::path &f : files) {
		INFO(f.string());
		sim::scenario::run_options o;
		o.check = true;
		std::uint64_t checks = sim::invariant_checks();
		sim::scenario::outcome r = sim::scenario::run(sim::scenario::compile_file(f), o);
		CHECK(r.passed());
		CHECK(sim::invariant_checks() > checks + 1); // after steps, not only at the end
		const auto &reports = sim::kernel_reports();
		CHECK(std::none_of(reports.begin(), reports.end(),
				   [](const sim::kernel_report &k) { return k.kind == sim::report_kind::invariant; }));
	}
}
