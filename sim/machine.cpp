// SPDX-License-Identifier: GPL-2.0-only
#include "sim/machine.h"

#include <fmt/format.h>
#include <stdexcept>

namespace sim {

namespace {
const machine_config *booted = nullptr;
constexpr unsigned max_cpus = 64;
} // namespace

void validate(const machine_config &cfg)
{
	if (cfg.memory_bytes == 0)
		throw std::invalid_argument("memory size must be greater than zero");
	if (cfg.memory_bytes % 4096)
		throw std::invalid_argument(fmt::format(
			"memory size {} is not a multiple of the page size (4096)", cfg.memory_bytes));
	if (cfg.nr_cpus < 1 || cfg.nr_cpus > max_cpus)
		throw std::invalid_argument(fmt::format(
			"{} CPUs requested: a machine has 1 to {}", cfg.nr_cpus, max_cpus));
	if (cfg.hz < 1 || cfg.hz > 1000000)
		throw std::invalid_argument(fmt::format("HZ {} is out of range (1..1000000)", cfg.hz));
}

machine::machine(const machine_config &cfg) : cfg_(cfg)
{
	if (booted)
		throw std::logic_error("a machine is already booted: one at a time");
	validate(cfg_);
	booted = &cfg_;
	// Boot order follows start_kernel(): each subsystem adds its init call here.
}

machine::~machine()
{
	// Teardown in the reverse of boot order.
	booted = nullptr;
}

const machine_config &booted_config()
{
	if (!booted)
		throw std::logic_error("no machine is booted");
	return *booted;
}

} // namespace sim
