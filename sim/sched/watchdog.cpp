// SPDX-License-Identifier: GPL-2.0-only
#include "sim/sched/watchdog.h"

#include "kernel_compat/module.h"
#include "linux/kernel.h"
#include "linux/printk.h"
#include "linux/sched.h"
#include "linux/smp.h"
#include "sim/trace/report.h"

#include <fmt/format.h>

namespace sim {

void softlockup_report(unsigned long stuck_secs)
{
	std::string headline = fmt::format("watchdog: BUG: soft lockup - CPU#{} stuck for {}s! [{}:{}]",
					   raw_smp_processor_id(), stuck_secs, current->comm, current->pid);
	report_note(report_kind::soft_lockup, headline);
	printk(KERN_EMERG "%s\n", headline.c_str());
	print_modules();
	dump_stack(); // no interrupt registers to show: the kernel's fallback, CPU line and trace

	add_taint(TAINT_SOFTLOCKUP, LOCKDEP_STILL_OK);
}

} // namespace sim
