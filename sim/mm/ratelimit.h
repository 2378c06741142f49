// SPDX-License-Identifier: GPL-2.0-only
// lib/ratelimit.c on the virtual clock: at most `burst` messages per `interval`; when a new
// interval starts after messages were dropped, "<func>: N callbacks suppressed" says so.
#pragma once

#include <cstdint>

namespace sim {

struct ratelimit_state {
	std::uint64_t interval_ns = 5'000'000'000; // DEFAULT_RATELIMIT_INTERVAL (5 * HZ)
	int burst = 10;                            // DEFAULT_RATELIMIT_BURST
	int printed = 0;
	int missed = 0;
	std::uint64_t begin_ns = 0;
	bool started = false;
};

// True when the caller may print now.
bool __ratelimit(ratelimit_state &rs, const char *func);

} // namespace sim
