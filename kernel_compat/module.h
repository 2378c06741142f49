// SPDX-License-Identifier: GPL-2.0-only
// Loaded modules: the simulator's side of insmod and rmmod (kernel/module.c).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

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
	int (*init)(void) = nullptr;                    // init_module, if the module has one
	void (*exit)(void) = nullptr;                   // cleanup_module, if the module has one
	std::multimap<std::string, std::string> modinfo; // MODULE_LICENSE() and friends
};

// Loads a built module (load_module): resolves its symbols against the simulator, reads its
// .modinfo, taints the kernel for a non-GPL licence as the kernel does. Does not run init.
// Returns 0 or a negative errno, printing the kernel's message on failure.
int load_module(const std::string &name, const std::filesystem::path &object);

// Runs the module's init_module() (do_init_module): a negative return fails the load and
// unloads the object; cleanup_module() is then never called. Call from a simulated task.
int do_init_module(const std::string &name);

// rmmod (delete_module): runs cleanup_module() and unloads. -ENOENT if not loaded, -EBUSY if
// the module has an init but no exit (the kernel refuses to unload those).
int delete_module(const std::string &name);

const module *find_module(const std::string &name);
// "Modules linked in: newest(O+) older(PO) [last unloaded: gone]": print_modules() of the
// kernel's reports (oops, WARN, soft lockup), as one printk line.
void print_modules();
std::vector<std::string> loaded_modules();

// Unloads every module without calling its exit, and unmaps every unloaded module's code
// (machine teardown).
void unload_all_modules();

} // namespace sim
