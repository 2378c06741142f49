// SPDX-License-Identifier: GPL-2.0-only
#include "sim/check.h"

#include "sim/mempool/check.h"
#include "sim/mm/check.h"
#include "sim/slab/check.h"
#include "sim/trace/printk.h"
#include "sim/trace/report.h"

#include "linux/printk.h"

#include <fmt/format.h>

namespace sim {

void (*step_check)(std::uint64_t steps) = nullptr;

namespace {

std::uint64_t check_every = 1;
std::uint64_t last_checked = 0;        // the run's step count at the last check
std::vector<std::string> last_reported; // what the last report said, so it is not repeated
std::uint64_t checks_run = 0;

void after_step(std::uint64_t steps)
{
	if (steps < last_checked) // a new run() counts from 0
		last_checked = 0;
	if (steps - last_checked < check_every)
		return;
	last_checked = steps;
	check_machine_and_report(fmt::format("after step {}", steps));
}

} // namespace

std::vector<std::string> check_machine()
{
	std::vector<std::string> bad = check_page_allocator();
	for (auto *part : {check_slab_caches, check_mempools}) {
		std::vector<std::string> more = part();
		bad.insert(bad.end(), more.begin(), more.end());
	}
	return bad;
}

std::uint64_t invariant_checks() { return checks_run; }

bool check_machine_and_report(const std::string &when)
{
	checks_run++;
	std::vector<std::string> bad = check_machine();
	if (bad.empty() || bad == last_reported) {
		last_reported = std::move(bad);
		return last_reported.empty();
	}
	report_note(report_kind::invariant, fmt::format("sim: invariant violated {}: {}", when, bad.front()));
	for (const std::string &line : bad)
		pr_err("sim: invariant violated %s: %s\n", when.c_str(), line.c_str());
	last_reported = std::move(bad);
	return false;
}

invariant_checking::invariant_checking(bool on, std::uint64_t every)
	: on_(on), outer_hook_(step_check), outer_every_(check_every)
{
	if (!on)
		return;
	check_every = every ? every : 1;
	last_checked = 0;
	if (!outer_hook_)
		last_reported.clear();
	step_check = after_step;
}

invariant_checking::~invariant_checking()
{
	if (!on_)
		return;
	step_check = outer_hook_;
	check_every = outer_every_;
	check_machine_and_report("at the end of the run");
}

} // namespace sim
