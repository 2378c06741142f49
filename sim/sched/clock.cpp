// SPDX-License-Identifier: GPL-2.0-only
#include "linux/sched/clock.h"

namespace sim {
// Virtual nanoseconds since boot. Only the scheduler's clock code advances it.
u64 now_ns = 0;
} // namespace sim

extern "C" u64 local_clock(void) { return sim::now_ns; }
