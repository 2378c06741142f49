// SPDX-License-Identifier: GPL-2.0-only
// slabsim: the command line.
#include "sim/machine.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

int main(int argc, char **argv)
{
	CLI::App app{"slabsim: a simulator of the Linux v5.4 SLAB allocator, mempools and the buddy page allocator"};
	app.require_subcommand(1);
	auto *run = app.add_subcommand("run", "run scenario files (none: the default scenario)");
	run->callback([] {
		sim::machine m;
		fmt::print("booted a machine with {} MiB and {} CPUs\n", m.config().memory_bytes >> 20,
			   m.config().nr_cpus);
	});
	try {
		app.parse(argc, argv);
	} catch (const CLI::ParseError &e) {
		return app.exit(e) ? 2 : 0;
	}
	return 0;
}
