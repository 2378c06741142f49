// SPDX-License-Identifier: GPL-2.0-only
// The whole machine read through its tables at one moment, kept after teardown: what the
// scenario runner captures as a scenario ends and the JSON report prints.
#pragma once

#include "sim/observe.h"

#include <vector>

namespace sim {

struct observation {
	std::vector<row> pools;    // sim/mempool/observe.h, by pool name
	std::vector<row> slabinfo; // sim/slab/observe.h, every column, statistics too
	std::vector<row> zones;    // sim/mm/observe.h: zone fields and free areas
	row node, meminfo;
	std::vector<row> tasks;    // sim/sched/observe.h
};

observation observe_machine();

} // namespace sim
