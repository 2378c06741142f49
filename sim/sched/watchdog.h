// SPDX-License-Identifier: GPL-2.0-only
// The soft-lockup watchdog's report (kernel/watchdog.c watchdog_timer_fn): the engine decides
// when a CPU is stuck (docs/engine.md); this prints what the kernel prints then.
#pragma once

namespace sim {

// v5.4's threshold: 2 * watchdog_thresh (10 s), checked every 4 s by the watchdog's hrtimer.
inline constexpr unsigned softlockup_thresh_secs = 20;
inline constexpr unsigned softlockup_sample_secs = 4;

// "watchdog: BUG: soft lockup - CPU#N stuck for 22s! [comm:pid]" for current on its CPU,
// then the modules, the CPU line and the stack; taints the kernel with L.
void softlockup_report(unsigned long stuck_secs);

} // namespace sim
