// SPDX-License-Identifier: GPL-2.0-only
// splitmix64: the one PRNG of the machine (fault injection, seeded preemption) and the
// fixed bijection behind stable %p values. Small, fast, and its sequence depends only on
// the seed, which is what determinism needs.
#pragma once

#include <cstdint>

namespace sim {

// splitmix64's finaliser: equal inputs give equal outputs in every run.
inline std::uint64_t splitmix64_mix(std::uint64_t x)
{
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

inline std::uint64_t splitmix64_next(std::uint64_t &state)
{
	return splitmix64_mix(state += 0x9e3779b97f4a7c15ULL);
}

} // namespace sim
