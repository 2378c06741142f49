// SPDX-License-Identifier: GPL-2.0-only
// insmod and rmmod as a user runs them: each in a task of its own on the booted machine,
// which then runs until idle, so the threads and timers a module starts get to run too.
#pragma once

#include "kernel_compat/module_build.h"
#include "sim/sched/sched.h"

#include <climits>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace sim {

// insmod's arguments as a user gives them: the module first — one directory or DIR/NAME.ko
// (built from its Kbuild or Makefile), one built .ko.so, or C sources — then its parameters.
// How many of `args` name the module.
std::size_t insmod_module_words(const std::vector<std::string> &args);

// Builds (or loads, for a .ko.so) the module those words name, relative paths taken from
// `base`. Throws std::invalid_argument for words that name no module and make::error
// ("FILE:LINE: error: ...") for a makefile kbuild cannot read.
module_build build_insmod_module(const std::vector<std::string> &words, const std::filesystem::path &base = {});

// The parameters as kmod passes them to the kernel: joined by blanks, a value with blanks
// in quotes so that it stays one.
std::string insmod_command_line(const std::vector<std::string> &params);

// Starts an "insmod" task on CPU 0 that loads a built module with the parameters `args`
// ("name=value …", as insmod passes its arguments) and runs its init_module(); `done` is
// called in that task with 0 or the negative errno the load failed with. The caller runs the
// machine (a scenario's `run`, or insmod() below).
task_struct *spawn_insmod(module_build built, std::function<void(int)> done, std::string args = {});

// Starts an "rmmod" task on CPU 0 that runs the module's cleanup_module() and unloads it;
// `done` gets 0 or a negative errno (-ENOENT: not loaded; -EBUSY: it is not live, or has no
// exit).
task_struct *spawn_rmmod(std::string name, std::function<void(int)> done);

// What an insmod or rmmod that ran to the end of a machine run came to.
struct tool_outcome {
	std::optional<int> err; // what the call returned (0 or a negative errno); none if it never did
	bool killed = false;    // its task died first: an oops in the module's init or exit killed it
	long exit_code = 0;     // then what it died of: the signal oops_end() gave do_exit()
	run_result run;         // how the machine's run ended
};

// spawn_insmod() (spawn_rmmod()), then runs the machine until idle or `limits`.
tool_outcome run_insmod(const module_build &built, const run_limits &limits = {}, const std::string &args = {});
tool_outcome run_rmmod(const std::string &name, const run_limits &limits = {});

// What insmod() and rmmod() return when the call never returned (see tool_outcome).
inline constexpr int call_never_returned = INT_MIN;

// run_insmod() (run_rmmod()) for callers that need only the call's result: 0, a negative
// errno, or call_never_returned.
int insmod(const module_build &built, const run_limits &limits = {});
int rmmod(const std::string &name, const run_limits &limits = {});

// The message the insmod/rmmod tools print for a failed call, e.g.
// "insmod: ERROR: could not insert module hello.ko: Cannot allocate memory" (`stem`: the name
// of the file insmod was given, hello-5 for hello-5.ko).
std::string insmod_error(const std::string &stem, int err);
std::string insmod_error(const module_build &built, int err); // named by built.ko

std::string rmmod_error(const std::string &name, int err);
// What the shell says of a tool whose task an oops killed, by the signal oops_end() gave it
// (SIGSEGV after BUG() and traps, SIGKILL after a page fault), e.g.
// "Segmentation fault (insmod was killed by the oops above)".
std::string tool_killed(const char *tool, const tool_outcome &o);

} // namespace sim
