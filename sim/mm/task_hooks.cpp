// SPDX-License-Identifier: GPL-2.0-only
// The boot task's answers, until the engine provides current (see task_hooks.h).
#include "sim/mm/task_hooks.h"

namespace sim {

const char *current_comm() { return "swapper/0"; }
int current_pid() { return 0; }
int current_cpu() { return 0; }
bool current_is_rt_task() { return false; }
bool current_in_interrupt() { return false; }
bool current_has_pf_memalloc() { return false; }

} // namespace sim
