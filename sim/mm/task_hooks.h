// SPDX-License-Identifier: GPL-2.0-only
// What the page allocator asks about the task it runs for (current).
//
// The kernel reads these from current (comm, pid, PF_MEMALLOC in current->flags, the
// scheduling class) and from the preempt count (in_interrupt). The scheduler is not part
// of the build yet, so every request runs as the boot task: "swapper/0", pid 0, CPU 0, not
// real-time, in task context, without PF_MEMALLOC. These functions are the one place to
// connect to the engine's current once it exists.
#pragma once

namespace sim {

const char *current_comm();
int current_pid();
int current_cpu();
bool current_is_rt_task();
bool current_in_interrupt();
bool current_has_pf_memalloc();

} // namespace sim
