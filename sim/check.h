// SPDX-License-Identifier: GPL-2.0-only
// The invariant checker across layers (docs/design.md, "The invariant checker"): each
// subsystem checks its own structures against the layer below, and check_machine runs them
// all. `slabsim run --check`, run_options::check and the stress tests use it after every
// step of the engine.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sim {

// Every broken invariant of the booted machine, one line each naming the object and the
// rule; empty when all hold: the page allocator (sim/mm/check.h), the slab caches
// (sim/slab/check.h) and the mempools (sim/mempool/check.h). Safe between any two steps.
std::vector<std::string> check_machine();

// Runs check_machine and, if something is broken, prints every violation as
// "sim: invariant violated <when>: <violation>" (the first is noted as an `invariant`
// kernel report, which fails a run). Returns whether everything held.
bool check_machine_and_report(const std::string &when);

// How many times check_machine_and_report has run since the program started.
std::uint64_t invariant_checks();

// Set while checking is on: the engine's run loop calls it after each step it takes
// (sim/sched/core.cpp). `steps` counts the run's steps so far.
extern void (*step_check)(std::uint64_t steps);

// Checking on for its lifetime: after every `every`-th step of the engine and once more
// when it ends. A violation that persists is reported once, not after every step. Scopes
// nest: the outer one's cadence comes back when an inner one ends.
class invariant_checking {
public:
	explicit invariant_checking(bool on = true, std::uint64_t every = 1);
	~invariant_checking();
	invariant_checking(const invariant_checking &) = delete;
	invariant_checking &operator=(const invariant_checking &) = delete;

private:
	bool on_;
	void (*outer_hook_)(std::uint64_t) = nullptr;
	std::uint64_t outer_every_ = 1;
};

} // namespace sim
