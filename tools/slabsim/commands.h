// SPDX-License-Identifier: GPL-2.0-only
// The subcommands of slabsim; each file adds one or two to the app. The work is in sim/.
#pragma once

#include "sim/machine.h"
#include "sim/sched/sched.h"

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

namespace cli {

// Exit codes, as --help, the README and docs/cli.md state them. When several apply, the
// highest wins.
enum exit_code {
	success = 0,
	expectation_failed = 1, // an expectation failed, a kernel report nobody expected, a task died of an exception
	usage_error = 2,        // bad command line or scenario (FILE:LINE:COL: error: ...)
	time_limit = 3,         // a run reached the virtual-time limit (--time-limit)
	step_limit = 4,         // a run reached the step limit: CPUs spin and virtual time stands still
	machine_hung = 5,       // a run ended hung: hung tasks or a soft lockup, nothing left to run
};

// The exit code for how the last machine's runs ended (sim::first_abnormal_run()): success
// when every run ended by itself or at its own limit. For another code, and if `say`, prints
// one line on stderr saying which limit ended which run ("WHO: ...").
exit_code run_end_status(const std::string &who, bool say = true);
// status = the higher of status and code.
void raise_status(exit_code code);

// main() returns this after the chosen subcommand's callback has run.
extern int status;

void add_run(CLI::App &app);     // run, explain
void add_check(CLI::App &app);   // check, list
void add_proc(CLI::App &app);    // proc
void add_insmod(CLI::App &app);  // insmod

// --memory, --cpus and --time-limit for the commands that boot a fresh machine (proc, insmod).
struct machine_options {
	std::string memory = "64M";
	unsigned cpus = 2;
	std::optional<std::uint64_t> time_limit_ns; // unset: machine_config's default
	sim::machine_config config() const;
};
void add_machine_options(CLI::App *cmd, machine_options &opts);
// --time-limit DURATION ("600s", "10min", "1500ms"; a bare number is seconds): no run of the
// machine goes past that virtual time. Shared by run, explain and insmod.
void add_time_limit_option(CLI::App *cmd, std::optional<std::uint64_t> &limit_ns);
// "250ms" -> 250000000; units ns, us, ms, s, min, h. Throws std::invalid_argument.
std::uint64_t parse_duration(const std::string &text);

// The bundled scenarios' folder (SLABSIM_SCENARIOS overrides the built-in path).
std::string scenario_dir();
// The scenario `slabsim run` runs with no file.
std::string default_scenario();

} // namespace cli
