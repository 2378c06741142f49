// SPDX-License-Identifier: GPL-2.0-only
// slabsim insmod FILE.c…: build a kernel-style module, load it on a fresh machine, run the
// machine until the module's tasks are done, unload it, and print the kernel log.
#include "commands.h"

#include "kernel_compat/insmod.h"
#include "linux/sched/clock.h"
#include "sim/machine.h"
#include "sim/trace/printk.h"

#include <fmt/format.h>

namespace cli {

namespace {
// One object already built (e.g. by CMake's slabsim_add_module) is loaded as it is.
bool prebuilt(const std::vector<std::string> &files)
{
	return files.size() == 1 && files.front().ends_with(".so");
}
} // namespace

void add_insmod(CLI::App &app)
{
	static std::vector<std::string> files;
	static machine_options machine;
	static bool keep = false;
	static double run_for = 600;
	auto *cmd = app.add_subcommand("insmod", "build a kernel module (.c, or load a built .so), load it, unload it, print dmesg");
	cmd->add_option("files", files, "the module's C sources (the first names the module), or one built .ko.so")
		->required()
		->check(CLI::ExistingFile);
	cmd->add_flag("--keep", keep, "leave the module loaded (module_exit never runs)");
	add_machine_options(cmd, machine);
	cmd->add_option("--run-for", run_for, "virtual seconds the machine may run after each of insmod and rmmod")
		->capture_default_str();
	cmd->callback([] {
		sim::module_build built = prebuilt(files) ? sim::prebuilt_module(files.front())
							   : sim::build_module({files.begin(), files.end()});
		if (!built.ok) {
			fmt::print(stderr, "slabsim: building module {} failed\n", built.name);
			status = expectation_failed;
			return;
		}
		sim::machine m(machine.config());
		auto limits = [] { return sim::run_limits{local_clock() + static_cast<std::uint64_t>(run_for * 1e9)}; };
		if (int err = sim::insmod(built, limits())) {
			fmt::print("{}", sim::dmesg(true));
			fmt::print(stderr, "{}\n", sim::insmod_error(built.name, err));
			status = expectation_failed;
			return;
		}
		if (!keep)
			if (int err = sim::rmmod(built.name, limits())) {
				fmt::print(stderr, "{}\n", sim::rmmod_error(built.name, err));
				status = expectation_failed;
			}
		fmt::print("{}", sim::dmesg(true));
	});
}

} // namespace cli
