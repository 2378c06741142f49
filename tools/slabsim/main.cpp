// SPDX-License-Identifier: GPL-2.0-only
// slabsim: the command line. It parses options and calls into sim/; nothing else.
#include "commands.h"

#include <fmt/format.h>
#include <stdexcept>

namespace cli {
int status = success;
}

int main(int argc, char **argv)
{
	CLI::App app{"slabsim: a simulator of the Linux v5.4 SLAB allocator, mempools and the buddy page "
		     "allocator"};
	app.footer("Exit status: 0 success, 1 an expectation failed, a kernel report the scenario did not expect\n"
		   "or a task ended by an exception, 2 a usage or scenario error, 3 the virtual-time limit\n"
		   "(--time-limit) ended a run, 4 the step limit did (CPUs spin, virtual time stands still),\n"
		   "5 a run ended hung (hung tasks, or a soft lockup with nothing left to run).\n"
		   "Scenario language: docs/scenarios.md; command line: docs/cli.md.");
	app.require_subcommand(1);
	cli::add_run(app);
	cli::add_check(app);
	cli::add_proc(app);
	cli::add_insmod(app);
	try {
		app.parse(argc, argv);
	} catch (const CLI::ParseError &e) {
		int code = app.exit(e);
		return code ? cli::usage_error : cli::success;
	} catch (const std::exception &e) {
		fmt::print(stderr, "slabsim: {}\n", e.what());
		return cli::usage_error;
	}
	return cli::status;
}
