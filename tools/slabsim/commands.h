// SPDX-License-Identifier: GPL-2.0-only
// The subcommands of slabsim; each file adds one or two to the app. The work is in sim/.
#pragma once

#include "sim/machine.h"

#include <CLI/CLI.hpp>
#include <string>

namespace cli {

// Exit codes, as --help and the README state them.
enum exit_code { success = 0, expectation_failed = 1, usage_error = 2 };

// main() returns this after the chosen subcommand's callback has run.
extern int status;

void add_run(CLI::App &app);     // run, explain
void add_check(CLI::App &app);   // check, list
void add_proc(CLI::App &app);    // proc
void add_insmod(CLI::App &app);  // insmod

// --memory and --cpus for the commands that boot a fresh machine (proc, insmod).
struct machine_options {
	std::string memory = "64M";
	unsigned cpus = 2;
	sim::machine_config config() const;
};
void add_machine_options(CLI::App *cmd, machine_options &opts);

// The bundled scenarios' folder (SLABSIM_SCENARIOS overrides the built-in path).
std::string scenario_dir();
// The scenario `slabsim run` runs with no file.
std::string default_scenario();

} // namespace cli
