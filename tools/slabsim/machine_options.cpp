// SPDX-License-Identifier: GPL-2.0-only
#include "commands.h"

#include <charconv>
#include <fmt/format.h>
#include <stdexcept>
#include <utility>

namespace cli {

std::uint64_t parse_duration(const std::string &text)
{
	static const std::pair<const char *, std::uint64_t> units[] = {
		{"", 1000000000}, {"ns", 1}, {"us", 1000}, {"ms", 1000000}, {"s", 1000000000}, {"min", 60000000000},
		{"h", 3600000000000}};
	std::uint64_t n = 0;
	auto [rest, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
	if (ec != std::errc{} || rest == text.data())
		throw std::invalid_argument(fmt::format("'{}' is not a duration (such as 600s, 10min, 1500ms)", text));
	std::string unit(rest, text.data() + text.size());
	for (auto &[name, ns] : units) {
		if (unit != name)
			continue;
		if (n > UINT64_MAX / ns)
			throw std::invalid_argument(fmt::format("duration '{}' is too long", text));
		return n * ns;
	}
	throw std::invalid_argument(fmt::format("unknown unit in '{}': expected ns, us, ms, s, min or h", text));
}

void add_time_limit_option(CLI::App *cmd, std::optional<std::uint64_t> &limit_ns)
{
	cmd->add_option_function<std::string>(
		   "--time-limit", [&limit_ns](const std::string &text) { limit_ns = parse_duration(text); },
		   fmt::format("no run goes past this virtual time (default {} s); a run stopped by it exits 3",
			       sim::machine_config{}.time_limit_ns / 1000000000))
		->type_name("DURATION");
}

void add_machine_options(CLI::App *cmd, machine_options &opts)
{
	cmd->add_option("--memory", opts.memory, "simulated physical memory, e.g. 64M, 16G")->capture_default_str();
	cmd->add_option("--cpus", opts.cpus, "simulated CPUs (1..64)")->capture_default_str();
	add_time_limit_option(cmd, opts.time_limit_ns);
}

sim::machine_config machine_options::config() const
{
	sim::machine_config cfg;
	cfg.memory_bytes = sim::memparse(memory);
	cfg.nr_cpus = cpus;
	if (time_limit_ns)
		cfg.time_limit_ns = *time_limit_ns;
	return cfg;
}

exit_code run_end_status(const std::string &who, bool say)
{
	const std::optional<sim::run_result> &r = sim::first_abnormal_run();
	if (!r)
		return success;
	if (say)
		fmt::print(stderr, "{}: {} (at {:.6f} s virtual)\n", who, r->message, r->now_ns / 1e9);
	switch (r->status) {
	case sim::run_status::machine_time_limit: return time_limit;
	case sim::run_status::step_limit: return step_limit;
	default: return machine_hung;
	}
}

void raise_status(exit_code code) { status = std::max(status, static_cast<int>(code)); }

} // namespace cli
