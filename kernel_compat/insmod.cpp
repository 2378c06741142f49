// SPDX-License-Identifier: GPL-2.0-only
#include "kernel_compat/insmod.h"

#include "kernel_compat/module.h"
#include "sim/sched/sched.h"

#include <cstring>
#include <fmt/format.h>

namespace sim {

namespace {
// Runs `fn` in a task named like the user-space tool that makes the system call.
int run_as_tool(const char *comm, const run_limits &limits, std::function<int()> fn)
{
	int ret = 0;
	spawn(0, comm, [&] { ret = fn(); });
	run(limits);
	return ret;
}
} // namespace

int insmod(const module_build &built, const run_limits &limits)
{
	return run_as_tool("insmod", limits, [&] {
		int err = load_module(built.name, built.object);
		return err ? err : do_init_module(built.name);
	});
}

int rmmod(const std::string &name, const run_limits &limits)
{
	return run_as_tool("rmmod", limits, [&] { return delete_module(name); });
}

std::string insmod_error(const std::string &name, int err)
{
	return fmt::format("insmod: ERROR: could not insert module {}.ko: {}", name, std::strerror(-err));
}

std::string rmmod_error(const std::string &name, int err)
{
	return fmt::format("rmmod: ERROR: could not remove module {}: {}", name, std::strerror(-err));
}

} // namespace sim
