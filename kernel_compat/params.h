// SPDX-License-Identifier: GPL-2.0-only
// Module parameters (kernel/params.c): parsing insmod's arguments into a module's
// kernel_params, and their files in /sys/module/<module>/parameters.
#pragma once

#include <optional>
#include <span>
#include <string>

#include "linux/moduleparam.h" // after the C++ library's headers: linux/init.h defines __init

namespace sim {

// parse_args() as load_module() calls it: "name=value name2 …" (quotes group a value with
// blanks; '-' and '_' are the same in names). An unknown name is warned about and ignored;
// a value the parameter refuses fails with its errno, after "MOD: `VAL' invalid for parameter
// `NAME'". Returns 0 or the negative errno.
int parse_module_args(const std::string &modname, std::string args, std::span<kernel_param> params);

// Frees what parsing allocated (charp copies), as the kernel does when the module goes.
void destroy_params(std::span<kernel_param> params);

// The text of /sys/module/<module>/parameters/<name> (param_attr_show()): the parameter's
// get(), e.g. "420\n". None if the module has no such file (no such parameter, or perm 0).
std::optional<std::string> param_sysfs_show(std::span<kernel_param> params, const std::string &name);

} // namespace sim
