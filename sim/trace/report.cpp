// SPDX-License-Identifier: GPL-2.0-only
#include "sim/trace/report.h"

#include "linux/sched.h"
#include "linux/sched/clock.h"
#include "sim/trace/printk.h"

namespace sim {

namespace {
std::vector<kernel_report> reports;
} // namespace

const char *report_kind_name(report_kind k)
{
	switch (k) {
	case report_kind::bug: return "bug";
	case report_kind::oops: return "oops";
	case report_kind::warning: return "warning";
	case report_kind::atomic_sleep: return "atomic_sleep";
	case report_kind::spinlock: return "spinlock";
	case report_kind::soft_lockup: return "soft_lockup";
	case report_kind::hung_task: return "hung_task";
	case report_kind::slab: return "slab";
	case report_kind::page: return "page";
	case report_kind::mempool: return "mempool";
	case report_kind::leak: return "leak";
	case report_kind::exception: return "exception";
	case report_kind::asleep_at_end: return "asleep_at_end";
	case report_kind::invariant: return "invariant";
	}
	return "?";
}

void report_note(report_kind kind, std::string headline)
{
	while (!headline.empty() && headline.back() == '\n')
		headline.pop_back();
	reports.push_back({kind, std::move(headline), log_next_seq(), local_clock(), get_current()->pid});
}

const std::vector<kernel_report> &kernel_reports() { return reports; }

void reports_reset() { reports.clear(); }

} // namespace sim
