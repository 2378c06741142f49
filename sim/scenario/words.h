// SPDX-License-Identifier: GPL-2.0-only
// Fixed vocabularies (statement keywords, task states, field names) and the two questions the
// parser and compiler ask of them.
#pragma once

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

namespace sim::scenario {

// What `print` shows, in the order of program.h's `view`; task, pool and cache take a name,
// sysfs a quoted path.
inline constexpr std::array print_views = {"slabinfo", "buddyinfo", "meminfo", "zoneinfo", "mempools",
				    "dmesg",    "task",      "pool",    "cache",    "sysfs"};

template <std::size_t N>
bool one_of(const std::array<const char *, N> &set, std::string_view w)
{
	return std::find(set.begin(), set.end(), w) != set.end();
}

// "a, b, c": the choices a message lists.
template <std::size_t N>
std::string list(const std::array<const char *, N> &set)
{
	std::string out;
	for (const char *s : set)
		out += (out.empty() ? "" : ", ") + std::string(s);
	return out;
}

} // namespace sim::scenario
