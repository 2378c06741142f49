// SPDX-License-Identifier: GPL-2.0-only
// slabsim run [FILE...] and slabsim explain FILE.
#include "commands.h"
#include "report.h"

#include "sim/scenario/check.h"
#include "sim/scenario/runner.h"

#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <unistd.h>
#include <vector>

namespace cli {

namespace {

struct run_args {
	std::vector<std::string> files;
	std::optional<std::uint64_t> seed;
	std::string trace_file, json_file;
	bool ktap = false, quiet = false, check = false;
};

// A progress line on stderr, only when it is a terminal: long runs show they are alive.
std::function<void(const sim::scenario::progress &)> progress_for(const std::string &file, bool quiet)
{
	if (quiet || !isatty(STDERR_FILENO))
		return {};
	return [file](const sim::scenario::progress &p) {
		fmt::print(stderr, "\r{}: {} M statements, {:.3f} s virtual ", file, p.ops >> 20, p.now_ns / 1e9);
	};
}

void write_file(const std::string &path, const std::string &text)
{
	std::ofstream out(path, std::ios::binary);
	if (!out || !(out << text))
		throw std::runtime_error(fmt::format("cannot write {}", path));
}

void run_files(const run_args &a)
{
	std::vector<std::string> files = a.files.empty() ? std::vector{default_scenario()} : a.files;
	std::vector<sim::scenario::outcome> outcomes;
	std::string traces;
	bool errors = false;
	bool show = !a.quiet && !a.ktap;
	for (const std::string &f : files) {
		sim::scenario::run_options o;
		o.seed = a.seed;
		o.out = show ? &std::cout : nullptr;
		o.trace = !a.trace_file.empty();
		o.check = a.check;
		o.on_progress = progress_for(f, !show);
		try {
			sim::scenario::outcome r = sim::scenario::run(sim::scenario::compile_file(f), o);
			if (o.on_progress)
				fmt::print(stderr, "\r\033[K");
			for (const auto &e : r.expectations)
				if (!e.passed)
					fmt::print(stderr, "{}\n", sim::scenario::failure_line(f, e));
			if (show)
				fmt::print("{}\n", summary_line(r));
			if (files.size() > 1 && !r.trace.empty())
				traces += fmt::format("# {}\n", f);
			traces += r.trace;
			outcomes.push_back(std::move(r));
		} catch (const sim::scenario::scenario_error &e) {
			fmt::print(stderr, "{}\n", e.what());
			errors = true;
			outcomes.push_back(error_outcome(e));
		}
	}
	if (a.ktap)
		fmt::print("{}", ktap(outcomes));
	if (!a.json_file.empty())
		write_file(a.json_file, json_summary(outcomes));
	if (!a.trace_file.empty())
		write_file(a.trace_file, traces);
	bool failed = std::any_of(outcomes.begin(), outcomes.end(), [](auto &r) { return !r.passed(); });
	status = errors ? usage_error : failed ? expectation_failed : success;
}

} // namespace

void add_run(CLI::App &app)
{
	static run_args a;
	auto *run = app.add_subcommand("run", "run scenario files (none: the default scenario)");
	run->add_option("files", a.files, "scenario files (.scn)")->check(CLI::ExistingFile);
	run->add_option("--seed", a.seed, "override the scenarios' machine seed");
	run->add_option("--trace", a.trace_file, "write the trace, in ftrace text, to FILE");
	run->add_option("--json", a.json_file, "write a machine-readable summary to FILE");
	run->add_flag("--ktap", a.ktap, "print results in KTAP, for CI");
	run->add_flag("--quiet,-q", a.quiet, "print only failures");
	run->add_flag("--check", a.check, "check the machine's invariants after every step");
	run->callback([] { run_files(a); });

	static std::string file;
	auto *explain = app.add_subcommand("explain", "run a scenario, saying what each step did and why");
	explain->add_option("file", file, "a scenario file (.scn)")->required()->check(CLI::ExistingFile);
	explain->callback([] {
		sim::scenario::run_options o;
		o.out = &std::cout;
		o.narrate = true;
		try {
			sim::scenario::outcome r = sim::scenario::run(sim::scenario::compile_file(file), o);
			fmt::print("{}\n", summary_line(r));
			status = r.passed() ? success : expectation_failed;
		} catch (const sim::scenario::scenario_error &e) {
			fmt::print(stderr, "{}\n", e.what());
			status = usage_error;
		}
	});
}

} // namespace cli
