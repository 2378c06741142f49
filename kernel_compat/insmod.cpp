// SPDX-License-Identifier: GPL-2.0-only
#include "kernel_compat/insmod.h"

#include "kernel_compat/module.h"
#include "linux/errno.h"
#include "sim/sched/sched.h"

#include <cstring>
#include <fmt/format.h>

namespace sim {

task_struct *spawn_insmod(module_build built, std::function<void(int)> done)
{
	return spawn(0, "insmod", [built = std::move(built), done = std::move(done)] {
		int err = load_module(built.name, built.object);
		done(err ? err : do_init_module(built.name));
	});
}

task_struct *spawn_rmmod(std::string name, std::function<void(int)> done)
{
	return spawn(0, "rmmod", [name = std::move(name), done = std::move(done)] { done(delete_module(name)); });
}

int insmod(const module_build &built, const run_limits &limits)
{
	int ret = 0;
	spawn_insmod(built, [&](int err) { ret = err; });
	run(limits);
	return ret;
}

int rmmod(const std::string &name, const run_limits &limits)
{
	int ret = 0;
	spawn_rmmod(name, [&](int err) { ret = err; });
	run(limits);
	return ret;
}

std::string insmod_error(const std::string &name, int err)
{
	return fmt::format("insmod: ERROR: could not insert module {}.ko: {}", name, std::strerror(-err));
}

// kmod's rmmod checks that the module is loaded before it asks the kernel to remove it.
std::string rmmod_error(const std::string &name, int err)
{
	if (err == -ENOENT)
		return fmt::format("rmmod: ERROR: Module {} is not currently loaded", name);
	return fmt::format("rmmod: ERROR: could not remove module {}: {}", name, std::strerror(-err));
}

} // namespace sim
