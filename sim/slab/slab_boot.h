// SPDX-License-Identifier: GPL-2.0-only
// The slab layer's place in the machine's boot (after mm and sched, before mempool).
#pragma once

namespace sim {

struct machine_config;

void slab_boot(const machine_config &cfg);
void slab_teardown();

} // namespace sim
