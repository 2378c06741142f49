// SPDX-License-Identifier: GPL-2.0-only
#include "sim/mm/ratelimit.h"

#include "linux/printk.h"
#include "linux/sched/clock.h"

namespace sim {

bool __ratelimit(ratelimit_state &rs, const char *func)
{
	std::uint64_t now = local_clock();
	if (!rs.started) {
		rs.started = true;
		rs.begin_ns = now;
	}
	if (now >= rs.begin_ns + rs.interval_ns) {
		if (rs.missed)
			printk(KERN_WARNING "%s: %d callbacks suppressed\n", func, rs.missed);
		rs.missed = 0;
		rs.begin_ns = now;
		rs.printed = 0;
	}
	if (rs.burst && rs.burst > rs.printed) {
		rs.printed++;
		return true;
	}
	rs.missed++;
	return false;
}

} // namespace sim
