// SPDX-License-Identifier: GPL-2.0-only
#include "sim/machine.h"

#include "sim/mm/mm_init.h"
#include "sim/sched/sched.h"
#include "sim/slab/slab_boot.h"
#include "sim/mempool/mempool.h"
#include "kernel_compat/module.h"
#include "sim/trace/printk.h"
#include "sim/trace/report.h"
#include "sim/trace/taint.h"
#include "sim/trace/trace.h"

#include <fmt/format.h>
#include <stdexcept>

namespace sim {

namespace {
bool booted = false; // one machine at a time: the kernel's state is global
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
	taint_reset();
	reports_reset();
	// Boot order follows start_kernel(): each subsystem adds its init call here. The log
	// comes first (setup_log_buf); tracing before the layers that register address regions
	// for %p with it (memory, task stacks).
	printk_boot();
	trace_boot(cfg_.seed);
	mm_boot(cfg_);
	sched_boot(cfg_);
	slab_boot(cfg_);
	mempool_boot(cfg_);
	booted = true;
}

void machine::power_off()
{
	if (!powered_off_)
		report_orphaned_module_tasks();
	powered_off_ = true;
}

machine::~machine()
{
	power_off();
	// Teardown in the reverse of boot order; modules were loaded last. Their objects stay
	// mapped until the scheduler has unwound every task, since a sleeping task's stack may
	// run through module code.
	modules_shutdown();
	mempool_teardown();
	slab_teardown();
	sched_teardown();
	modules_unmap();
	mm_teardown();
	trace_teardown();
	printk_teardown();
	booted = false;
}

std::uint64_t memparse(std::string_view text)
{
	std::uint64_t value = 0;
	std::size_t i = 0;
	for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; i++) {
		if (value > (UINT64_MAX - 9) / 10)
			throw std::invalid_argument(fmt::format("size '{}' is too large", text));
		value = value * 10 + (text[i] - '0');
	}
	std::string_view suffix = text.substr(i);
	int shift = suffix.empty() ? 0 : suffix == "K" || suffix == "k" ? 10 : suffix == "M" || suffix == "m" ? 20
		  : suffix == "G" || suffix == "g" ? 30 : -1;
	if (i == 0 || shift < 0)
		throw std::invalid_argument(fmt::format(
			"size '{}' is not a number of bytes with an optional K, M or G suffix", text));
	if (value > (UINT64_MAX >> shift))
		throw std::invalid_argument(fmt::format("size '{}' is too large", text));
	return value << shift;
}

} // namespace sim
