// SPDX-License-Identifier: GPL-2.0-only
// Virtual time and jiffies (kernel/time/jiffies.c, kernel/time/time.c conversions).
#include "sim/sched/clock.h"

#include "linux/jiffies.h"
#include "linux/sched/clock.h"

namespace sim {

u64 now_ns = 0;
u64 next_tick_ns = ~0ULL;

namespace {
u64 tick_ns = 0; // nanoseconds per tick when HZ divides 10^9 (every usual HZ), else 0

// jiffies elapsed since boot at time t: floor(t * HZ / 1e9), without overflow.
u64 ticks_at(u64 t)
{
	if (tick_ns)
		return t / tick_ns;
	return static_cast<u64>(static_cast<unsigned __int128>(t) * __sim_hz / NSEC_PER_SEC);
}
// The first nanosecond of tick n: ceil(n * 1e9 / HZ), or the end of time if that is past
// 2^64 ns. Every timer armed asks, so the usual case is one multiply.
u64 tick_start(u64 n)
{
	u64 ns;
	if (tick_ns)
		return __builtin_mul_overflow(n, tick_ns, &ns) ? ~0ULL : ns;
	auto exact = (static_cast<unsigned __int128>(n) * NSEC_PER_SEC + __sim_hz - 1) / __sim_hz;
	return exact <= ~0ULL ? static_cast<u64>(exact) : ~0ULL;
}
} // namespace

void tick_update()
{
	u64 n = ticks_at(now_ns);
	jiffies = INITIAL_JIFFIES + n;
	next_tick_ns = tick_start(n + 1);
}

void clock_boot(unsigned hz)
{
	__sim_hz = hz;
	tick_ns = NSEC_PER_SEC % hz ? 0 : NSEC_PER_SEC / hz;
	now_ns = 0;
	tick_update();
}

void clock_teardown()
{
	now_ns = 0;
	next_tick_ns = ~0ULL;
}

void advance_to(u64 t)
{
	if (t > now_ns) {
		now_ns = t;
		if (now_ns >= next_tick_ns)
			tick_update();
	}
}

u64 jiffy_start_ns(unsigned long j)
{
	return tick_start(j - INITIAL_JIFFIES);
}

} // namespace sim

extern "C" {

unsigned long volatile jiffies = INITIAL_JIFFIES;
unsigned int __sim_hz = 250;

u64 local_clock(void) { return sim::now_ns; }

unsigned long msecs_to_jiffies(const unsigned int m)
{
	if (static_cast<int>(m) < 0)
		return MAX_JIFFY_OFFSET;
	// Round up, so a sleep is never shorter than asked.
	return static_cast<unsigned long>((static_cast<u64>(m) * HZ + MSEC_PER_SEC - 1) / MSEC_PER_SEC);
}

unsigned long usecs_to_jiffies(const unsigned int u)
{
	if (static_cast<int>(u) < 0)
		return MAX_JIFFY_OFFSET;
	return static_cast<unsigned long>((static_cast<u64>(u) * HZ + USEC_PER_SEC - 1) / USEC_PER_SEC);
}

unsigned long nsecs_to_jiffies(u64 n)
{
	return static_cast<unsigned long>(static_cast<unsigned __int128>(n) * HZ / NSEC_PER_SEC);
}

u64 jiffies_to_nsecs(const unsigned long j)
{
	return static_cast<u64>(static_cast<unsigned __int128>(j) * NSEC_PER_SEC / HZ);
}

// Exact when HZ divides 1000 (the usual HZ values); otherwise rounded down, like the
// kernel's fallback.
unsigned int jiffies_to_msecs(const unsigned long j)
{
	return static_cast<unsigned int>(static_cast<unsigned __int128>(j) * MSEC_PER_SEC / HZ);
}

unsigned int jiffies_to_usecs(const unsigned long j)
{
	return static_cast<unsigned int>(static_cast<unsigned __int128>(j) * USEC_PER_SEC / HZ);
}

} // extern "C"
