// SPDX-License-Identifier: GPL-2.0-only
// slabsim check FILE... and slabsim list.
#include "commands.h"

#include "sim/scenario/check.h"
#include "sim/scenario/parser.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <sstream>

namespace cli {

namespace fs = std::filesystem;

std::string scenario_dir()
{
	const char *env = std::getenv("SLABSIM_SCENARIOS");
	return env ? env : SLABSIM_SCENARIO_DIR;
}

std::string default_scenario() { return scenario_dir() + "/default.scn"; }

namespace {

// Every .scn in the folder and its direct subfolders, sorted by path.
std::vector<fs::path> bundled()
{
	std::vector<fs::path> out;
	std::error_code ec;
	for (auto it = fs::recursive_directory_iterator(scenario_dir(), ec); !ec && it != fs::end(it); it.increment(ec)) {
		if (it.depth() > 1)
			it.disable_recursion_pending();
		if (it->is_regular_file() && it->path().extension() == ".scn")
			out.push_back(it->path());
	}
	std::sort(out.begin(), out.end());
	return out;
}

} // namespace

void add_check(CLI::App &app)
{
	static std::vector<std::string> files;
	auto *check = app.add_subcommand("check", "parse and validate scenario files without running them");
	check->add_option("files", files, "scenario files (.scn)")->required()->check(CLI::ExistingFile);
	check->callback([] {
		for (const std::string &f : files) {
			try {
				sim::scenario::compile_file(f);
				fmt::print("{}: ok\n", f);
			} catch (const sim::scenario::scenario_error &e) {
				fmt::print(stderr, "{}\n", e.what());
				status = usage_error;
			}
		}
	});

	auto *list = app.add_subcommand("list", "print the bundled scenarios: name and what each teaches");
	list->callback([] {
		std::vector<fs::path> all = bundled();
		if (all.empty())
			throw std::runtime_error(fmt::format("no scenarios in {}", scenario_dir()));
		for (const fs::path &p : all) {
			std::ifstream in(p);
			std::stringstream text;
			text << in.rdbuf();
			std::string name = fs::relative(p, scenario_dir()).replace_extension().string();
			fmt::print("{:<28} {}\n", name, sim::scenario::opening_comment(text.str()));
		}
	});
}

} // namespace cli
