// SPDX-License-Identifier: GPL-2.0-only
// Loaded modules: the simulator's side of insmod and rmmod (kernel/module.c).
#pragma once

#include "kernel_compat/module_memory.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "kernel_compat/params.h" // after the C++ library's headers: linux/init.h defines __init

namespace sim {

// The kernel's enum module_state: a module is COMING while its init runs (and stays so if
// init never returned, as after an oops in it), LIVE after, GOING while its exit runs.
enum class module_state { live, coming, going };

struct module {
	std::string name;
	module_state state = module_state::coming;
	unsigned long taints = 0;                       // its own TAINT_* bits, module_flags()
	std::uint64_t load_seq = 0;                     // load order: print_modules() lists newest first
	std::filesystem::path object;                   // the built module
	std::filesystem::path loaded_from;              // what was mapped: object, or a copy of it
	void *handle = nullptr;                         // dlopen handle
	module_mapping memory;                          // where the object is mapped
	int (*init)(void) = nullptr;                    // init_module, if the module has one
	void (*exit)(void) = nullptr;                   // cleanup_module, if the module has one
	std::multimap<std::string, std::string> modinfo; // MODULE_LICENSE() and friends
	std::span<kernel_param> params;                 // its __param section: module_param()s
};

// Loads a built module (load_module): reads its .modinfo and taints the kernel as the kernel's
// check_modinfo() does (O for an out-of-tree module, P for a licence that is not GPL-compatible),
// then resolves its symbols against the simulator and sets its parameters from `args`
// ("name=value …", as insmod passes them: kernel_compat/params.h). Does not run init.
// Returns 0 or a negative errno, printing the kernel's message on failure.
int load_module(const std::string &name, const std::filesystem::path &object, const std::string &args = {});

// Runs the module's init_module() (do_init_module): a negative return fails the load and
// unloads the object; cleanup_module() is then never called. Call from a simulated task. If
// init never returns (an oops killed the task), the module stays COMING, as in the kernel.
int do_init_module(const std::string &name);

// rmmod (delete_module): runs cleanup_module() and unloads: the module's code is freed (see
// module_memory.h). -ENOENT if not loaded; -EBUSY if it is not LIVE (its init has not returned,
// or died in an oops; or another rmmod is running its exit) or has an init but no exit (the
// kernel refuses to unload those).
int delete_module(const std::string &name);

const module *find_module(const std::string &name);
// "Modules linked in: newest(O+) older(PO) [last unloaded: gone]": print_modules() of the
// kernel's reports (oops, WARN, soft lockup), as one printk line.
void print_modules();
std::vector<std::string> loaded_modules();

// A module unloaded since boot. Its object stays mapped, its code inaccessible, until the
// machine is torn down: tasks may still hold return addresses into it.
struct unloaded_module {
	std::string name;
	void *handle;
	std::filesystem::path object; // as loaded (a private copy for a reload)
	bool private_copy;
	module_mapping memory;
};
const std::vector<unloaded_module> &unloaded_modules();

// Machine teardown, in two steps around the scheduler's: modules_shutdown() unloads every
// module without calling its exit and makes every unloaded module's code readable again, so
// the tasks left asleep in it can unwind; modules_unmap(), once no task is left, closes the
// objects. unload_all_modules() does both (for a caller with no tasks: no machine booted).
void modules_shutdown();
void modules_unmap();
void unload_all_modules();

// Reports each task that still has the code of an unloaded module on its stack: it sleeps
// (or waits to run) in freed code and oopses if it ever runs. Each gets "BUG: T:PID sleeps in
// the code of unloaded module M", its state, what it waits on and where, and its module
// frames. The machine calls it as it powers off (machine::power_off). Returns how many.
unsigned report_orphaned_module_tasks();

} // namespace sim
