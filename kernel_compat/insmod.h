// SPDX-License-Identifier: GPL-2.0-only
// insmod and rmmod as a user runs them: each in a task of its own on the booted machine,
// which then runs until idle, so the threads and timers a module starts get to run too.
#pragma once

#include "kernel_compat/module_build.h"
#include "sim/sched/sched.h"

#include <string>

namespace sim {

// Loads a built module and runs its init_module() in an "insmod" task on CPU 0, then runs
// the machine until idle or `limits`. Returns 0, or the negative errno the load failed with.
int insmod(const module_build &built, const run_limits &limits = {});

// Runs the module's cleanup_module() in an "rmmod" task, then runs the machine until idle or
// `limits`. Returns 0 or a negative errno (-ENOENT: not loaded; -EBUSY: it has no exit).
int rmmod(const std::string &name, const run_limits &limits = {});

// The message the insmod/rmmod tools print for a failed call, e.g.
// "insmod: ERROR: could not insert module hello.ko: Cannot allocate memory".
std::string insmod_error(const std::string &name, int err);
std::string rmmod_error(const std::string &name, int err);

} // namespace sim
