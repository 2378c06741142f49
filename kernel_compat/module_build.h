// SPDX-License-Identifier: GPL-2.0-only
// Building a kernel-style module: its .c files, compiled by the system's C compiler against
// kernel_compat/include as kbuild compiles them, linked into a shared object the simulator
// can load.
#pragma once

#include "kernel_compat/kbuild.h"

#include <filesystem>
#include <string>
#include <vector>

namespace sim {

struct module_build {
	std::string name;                  // KBUILD_MODNAME: hello_5
	std::string ko;                    // the module file insmod names: hello-5.ko
	std::filesystem::path object;      // the loadable object (in the cache)
	bool ok = false;
	bool cached = false;               // true when nothing needed compiling
};

// Compiles each object of `mod` with its flags and links them, unless an object built from
// the same bytes and flags is in the cache (SLABSIM_MODULE_CACHE, else
// $XDG_CACHE_HOME/slabsim/modules, else ~/.cache/...). The compiler's diagnostics go to
// stderr exactly as it printed them.
module_build build_kbuild_module(const kbuild_module &mod);

// `slabsim insmod FILE.c…`: one module of these sources, named after the first (hello-5.c
// makes hello-5.ko, module hello_5), each compiled with no flags of its own.
module_build build_module(const std::vector<std::filesystem::path> &sources);

// A module object built elsewhere (slabsim_add_module in CMake): "x.ko.so" is module "x".
module_build prebuilt_module(const std::filesystem::path &object);

// The directory modules are compiled against (kernel_compat/include).
std::filesystem::path kernel_compat_include_dir();

} // namespace sim
