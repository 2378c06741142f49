// SPDX-License-Identifier: GPL-2.0-only
// Virtual time: nanoseconds since boot, and jiffies derived from them.
//
// Time moves only forward, in two ways: work charges its cost to the clock (charge), and an
// idle machine jumps to its next event (advance_to). jiffies is recomputed whenever the
// clock crosses a tick boundary, so C code reading the jiffies variable sees it move.
#pragma once

#include "linux/types.h"

namespace sim {

extern u64 now_ns;       // local_clock()
extern u64 next_tick_ns; // when jiffies next increments

void clock_boot(unsigned hz);
void clock_teardown();
void tick_update(); // recomputes jiffies after now_ns crossed next_tick_ns

// Charges `ns` of work to the running CPU (the cost model: docs/engine.md).
inline void charge(u64 ns)
{
	now_ns += ns;
	if (now_ns >= next_tick_ns)
		tick_update();
}

// Moves the clock forward to `t` (never back).
void advance_to(u64 t);

// The virtual time at which jiffies becomes (or became) `j`, j >= INITIAL_JIFFIES.
u64 jiffy_start_ns(unsigned long j);

} // namespace sim
