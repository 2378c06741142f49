// SPDX-License-Identifier: GPL-2.0-only
// Fault injection (lib/fault-inject.c, v5.4): a capability such as fail_page_alloc fails
// some of the calls that reach it, chosen by its knobs (the files of its debugfs
// directory). The random choice comes from the capability's own PRNG, seeded from the
// machine's seed, so a run fails the same calls every time.
#pragma once

#include "sim/mm/ratelimit.h"

#include <cstdint>
#include <string>

namespace sim {

struct fault_attr {
	explicit fault_attr(const char *name) : name(name) {}

	const char *name;               // the debugfs directory: "fail_page_alloc"
	unsigned long probability = 0;  // percent; 0 switches the capability off
	unsigned long interval = 1;     // only every interval-th eligible call may fail
	int times = 1;                  // failures left; -1: unlimited
	int space = 0;                  // a budget of size units that succeed before failures start
	unsigned long verbose = 2;      // 0 silent, 1 a message per failure, 2 also a stack dump
	unsigned long count = 0;        // eligible calls seen, for interval
	std::uint64_t prng = 0;         // the capability's PRNG state
	ratelimit_state ratelimit;      // for the messages
};

// Restores the kernel's defaults (FAULT_ATTR_INITIALIZER) and seeds the PRNG from `seed`
// and the capability's name, so capabilities do not disturb each other's sequences.
void fault_attr_reset(fault_attr &attr, std::uint64_t seed);

// Decides whether this call fails; `size` is counted against `space`.
bool should_fail(fault_attr &attr, long size);

// Sets a knob by its debugfs name (probability, interval, times, space, verbose).
// Returns false, changing nothing, for an unknown knob or a value out of range.
bool fault_attr_set(fault_attr &attr, const std::string &knob, long value);

} // namespace sim
