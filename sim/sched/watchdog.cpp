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
	printk(KERN_DEFAULT "CPU: %d PID: %d Comm: %.20s %s 5.4.0-slabsim #1\n", raw_smp_processor_id(),
	       current->pid, current->comm, print_tainted());
	dump_stack();
	add_taint(TAINT_SOFTLOCKUP, LOCKDEP_STILL_OK);
}

} // namespace sim
