// SPDX-License-Identifier: GPL-2.0-only
#include "commands.h"

namespace cli {

void add_machine_options(CLI::App *cmd, machine_options &opts)
{
	cmd->add_option("--memory", opts.memory, "simulated physical memory, e.g. 64M, 16G")->capture_default_str();
	cmd->add_option("--cpus", opts.cpus, "simulated CPUs (1..64)")->capture_default_str();
}

sim::machine_config machine_options::config() const
{
	sim::machine_config cfg;
	cfg.memory_bytes = sim::memparse(memory);
	cfg.nr_cpus = cpus;
	return cfg;
}

} // namespace cli
