// SPDX-License-Identifier: GPL-2.0-only
// The scenario interpreter: boots the machine a program describes and runs it.
//
// The top level runs outside any task (as the boot code does, in swapper's context); tasks
// are simulated tasks running their code as fibers; interrupts and 'at' blocks are hardirq
// handlers raised at their virtual time; 'when' blocks run inside their task.
#pragma once

#include "linux/mempool.h"
#include "sim/observation.h"
#include "sim/scenario/program.h"
#include "sim/sched/sched.h"
#include "sim/trace/report.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace sim::scenario {

struct expectation {
	source_loc loc;
	std::string text;     // the statement as written
	bool passed;
	std::string expected; // in words, for the failure message
	std::string actual;
};

struct progress {
	std::uint64_t ops;
	std::uint64_t now_ns;
};

// Bounds for a scenario nobody has read (the fuzzer). 0: none.
struct run_caps {
	std::uint64_t until_ns = 0;     // lowers the machine's time limit (machine_config::time_limit_ns)
	std::uint64_t run_steps = 0;    // steps each `run` may take (sched.h run_limits::max_steps)
	std::uint64_t ops = 0;          // statements the whole scenario may execute
	std::uint64_t memory_bytes = 0; // a larger `machine memory` is lowered to this
};

struct run_options {
	std::optional<std::uint64_t> seed; // overrides the scenario's `machine seed`
	std::optional<std::uint64_t> time_limit_ns; // overrides machine_config::time_limit_ns (--time-limit)
	std::ostream *out = nullptr;       // print, say and narration; nullptr: silent
	bool narrate = false;              // `slabsim explain`: say what each statement did and why
	bool trace = false;                // record the trace (outcome::trace)
	bool check = false;                // check the machine's invariants after every step (sim/check.h)
	// Called every 2^20 operations, for a progress line on a terminal.
	std::function<void(const progress &)> on_progress;
	run_caps caps;
};

struct outcome {
	std::string file;
	std::vector<expectation> expectations;
	std::uint64_t ops = 0;          // statements executed
	std::uint64_t end_ns = 0;       // virtual time when the scenario ended
	std::vector<std::string> runs;  // one line per `run`: why it stopped
	std::string trace;              // ftrace text, when asked for
	// The /proc views of the machine as the scenario left it, and every table's numbers.
	std::string slabinfo, buddyinfo, meminfo, zoneinfo, mempools;
	sim::observation observed;
	// Kernel reports no `expect dmesg contains` matched (docs/scenarios.md says which count).
	std::vector<kernel_report> unexpected_reports;
	// Set when a limit ended the scenario early: the machine's virtual-time limit
	// (machine_time_limit), a step limit (step_limit), or the statement cap (stopped). The
	// statements after it did not run.
	std::optional<run_status> capped;
	std::string capped_message; // "FILE:LINE: run: <the engine's message>"

	bool passed() const; // the one verdict: no failed expectation, no unexpected report, not capped
	std::size_t failures() const;
	std::vector<std::string> failure_lines() const; // one per failed expectation and per report
};

// Runs a checked program. Throws scenario_error for what only running can reveal (an object
// freed twice, an index out of range, a machine that cannot boot); the machine is torn down
// either way.
outcome run(const program &p, const run_options &opts = {});

// "FILE:LINE:COL: expectation failed: TEXT: expected ..., actual ..."
std::string failure_line(const std::string &file, const expectation &e);

// "FILE: unexpected kernel report: HEADLINE"
std::string failure_line(const std::string &file, const kernel_report &r);

} // namespace sim::scenario
