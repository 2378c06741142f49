// SPDX-License-Identifier: GPL-2.0-only
// What can be observed of a task: its numbers and its words (comm, state letter, what it
// waits on), one table each, over every task ever spawned.
#pragma once

#include "linux/sched.h"
#include "sim/observe.h"

#include <vector>

namespace sim {

// pid, cpu, nvcsw, nivcsw, exit_code.
table<field<task_struct>> task_fields();
// comm, state ('R', 'S', 'D', 'I', 'X'), wait ("" while running).
table<text_field<task_struct>> task_text_fields();

// Every task ever spawned, by pid.
std::vector<const task_struct *> tasks();

} // namespace sim
