// SPDX-License-Identifier: GPL-2.0-only
// The engine's cost model: virtual nanoseconds charged for its own operations, so a
// timeline shows switches and wakeups taking time. Rough figures for a current x86 server
// (docs/engine.md says where they come from); other layers charge their own costs.
#pragma once

#include <cstdint>

namespace sim::cost {

inline constexpr std::uint64_t context_switch = 1200; // schedule() that changes task: ~1-2 us
inline constexpr std::uint64_t wakeup = 300;          // try_to_wake_up() that wakes a task
inline constexpr std::uint64_t timer_expiry = 200;    // running one expired timer (softirq)
inline constexpr std::uint64_t irq_entry = 500;       // entering and leaving a hardirq handler
inline constexpr std::uint64_t spin_wait = 50;        // one turn of spinning on a held lock

} // namespace sim::cost
