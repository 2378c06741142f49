// SPDX-License-Identifier: GPL-2.0-only
// The fields `expect SUBJECT.FIELD` compares, taken from the subsystems' observation tables
// (sim/*/observe.h): the compiler checks a name against them, expect.cpp reads through them,
// so a counter a table gains is one a scenario can expect.
#pragma once

#include "sim/mempool/observe.h"
#include "sim/mm/observe.h"
#include "sim/sched/observe.h"
#include "sim/slab/observe.h"

#include <string>
#include <string_view>

namespace sim::scenario {

// A cache's columns: /proc/slabinfo's, then its statistics' (zero unless slab_debug is on).
inline const column<slabinfo_row> *cache_column(std::string_view name)
{
	if (const column<slabinfo_row> *c = find_field(slabinfo_columns(), name))
		return c;
	return find_field(slabinfo_stat_columns(), name);
}

inline std::string cache_column_names()
{
	return field_names(slabinfo_columns()) + ", " + field_names(slabinfo_stat_columns());
}

} // namespace sim::scenario
