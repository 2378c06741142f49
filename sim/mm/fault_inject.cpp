// SPDX-License-Identifier: GPL-2.0-only
#include "sim/mm/fault_inject.h"
#include "sim/random.h"

#include "linux/printk.h"

#include <string_view>

namespace sim {

namespace {
void fail_dump(fault_attr &attr)
{
	if (attr.verbose > 0 && __ratelimit(attr.ratelimit, "fail_dump")) {
		printk(KERN_NOTICE "FAULT_INJECTION: forcing a failure.\n"
				   "name %s, interval %lu, probability %lu, space %d, times %d\n",
		       attr.name, attr.interval, attr.probability, attr.space, attr.times);
		if (attr.verbose > 1)
			dump_stack();
	}
}
} // namespace

void fault_attr_reset(fault_attr &attr, std::uint64_t seed)
{
	const char *name = attr.name;
	attr = fault_attr{name};
	std::uint64_t h = 0xcbf29ce484222325ull; // FNV-1a of the name, mixed into the seed
	for (char c : std::string_view(name))
		h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
	attr.prng = seed ^ h;
}

bool should_fail(fault_attr &attr, long size)
{
	if (attr.probability == 0)
		return false;
	if (attr.times == 0)
		return false;
	if (attr.space > size) {
		attr.space -= size;
		return false;
	}
	if (attr.interval > 1 && ++attr.count % attr.interval)
		return false;
	if (attr.probability <= static_cast<std::uint32_t>(splitmix64_next(attr.prng) >> 32) % 100)
		return false;
	fail_dump(attr);
	if (attr.times != -1)
		attr.times--;
	return true;
}

bool fault_attr_set(fault_attr &attr, const std::string &knob, long value)
{
	if (knob == "probability" && value >= 0 && value <= 100)
		attr.probability = value;
	else if (knob == "interval" && value >= 1)
		attr.interval = value;
	else if (knob == "times" && value >= -1 && value <= INT32_MAX)
		attr.times = static_cast<int>(value);
	else if (knob == "space" && value >= 0 && value <= INT32_MAX)
		attr.space = static_cast<int>(value);
	else if (knob == "verbose" && value >= 0 && value <= 2)
		attr.verbose = value;
	else
		return false;
	return true;
}

} // namespace sim
