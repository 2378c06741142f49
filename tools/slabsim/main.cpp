// SPDX-License-Identifier: GPL-2.0-only
// slabsim: the command line. It parses options and calls into sim/; nothing else.
#include "sim/machine.h"
#include "sim/mm/demo.h"
#include "sim/mm/proc.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <map>
#include <stdexcept>

namespace {

struct machine_options {
	std::string memory = "64M";
	unsigned cpus = 2;

	void add_to(CLI::App *cmd)
	{
		cmd->add_option("--memory", memory, "simulated physical memory, e.g. 64M, 16G")->capture_default_str();
		cmd->add_option("--cpus", cpus, "simulated CPUs (1..64)")->capture_default_str();
	}
	sim::machine_config config() const
	{
		sim::machine_config cfg;
		cfg.memory_bytes = sim::memparse(memory);
		cfg.nr_cpus = cpus;
		return cfg;
	}
};

} // namespace

int main(int argc, char **argv)
{
	CLI::App app{"slabsim: a simulator of the Linux v5.4 SLAB allocator, mempools and the buddy page allocator"};
	app.require_subcommand(1);
	machine_options run_opts, proc_opts;

	auto *run = app.add_subcommand("run", "run scenario files (none: the default scenario)");
	run_opts.add_to(run);
	run->callback([&] {
		sim::machine m(run_opts.config());
		fmt::print("{}", sim::page_alloc_demo());
	});

	const std::map<std::string, std::string (*)()> files = {
		{"buddyinfo", sim::proc_buddyinfo}, {"zoneinfo", sim::proc_zoneinfo}, {"meminfo", sim::proc_meminfo}};
	std::string file;
	auto *proc = app.add_subcommand("proc", "print a /proc file of a freshly booted machine");
	proc->add_option("file", file, "buddyinfo, zoneinfo or meminfo")
		->required()
		->check(CLI::IsMember({"buddyinfo", "zoneinfo", "meminfo"}));
	proc_opts.add_to(proc);
	proc->callback([&] {
		sim::machine m(proc_opts.config());
		fmt::print("{}", files.at(file)());
	});

	try {
		app.parse(argc, argv);
	} catch (const CLI::ParseError &e) {
		return app.exit(e) ? 2 : 0;
	} catch (const std::exception &e) {
		fmt::print(stderr, "slabsim: {}\n", e.what());
		return 2;
	}
	return 0;
}
