// SPDX-License-Identifier: GPL-2.0-only
// insmod and rmmod as a user runs them: each in a task of its own on the booted machine,
// which then runs until idle, so the threads and timers a module starts get to run too.
#pragma once

#include "kernel_compat/module_build.h"
#include "sim/sched/sched.h"

#include <functional>
#include <string>

namespace sim {

// Starts an "insmod" task on CPU 0 that loads a built module and runs its init_module();
// `done` is called in that task with 0 or the negative errno the load failed with. The
// caller runs the machine (a scenario's `run`, or insmod() below).
task_struct *spawn_insmod(module_build built, std::function<void(int)> done);

// Starts an "rmmod" task on CPU 0 that runs the module's cleanup_module() and unloads it;
// `done` gets 0 or a negative errno (-ENOENT: not loaded; -EBUSY: it has no exit).
task_struct *spawn_rmmod(std::string name, std::function<void(int)> done);

// spawn_insmod(), then runs the machine until idle or `limits`. Returns 0, or the negative
// errno the load failed with.
int insmod(const module_build &built, const run_limits &limits = {});

// spawn_rmmod(), then runs the machine until idle or `limits`. Returns 0 or a negative errno.
int rmmod(const std::string &name, const run_limits &limits = {});

// The message the insmod/rmmod tools print for a failed call, e.g.
// "insmod: ERROR: could not insert module hello.ko: Cannot allocate memory".
std::string insmod_error(const std::string &name, int err);
std::string rmmod_error(const std::string &name, int err);

} // namespace sim
