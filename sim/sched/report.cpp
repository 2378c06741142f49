// SPDX-License-Identifier: GPL-2.0-only
// Kernel-style reports: might_sleep() (kernel/sched/core.c ___might_sleep), BUG() and WARN()
// (kernel/panic.c __warn, arch traps' die()).
#include "linux/bug.h"
#include "linux/jiffies.h"
#include "linux/printk.h"
#include "linux/sched.h"
#include "sim/sched/internal.h"

#include <cstdarg>
#include <stdexcept>

namespace sim {
extern bool debug_locks;
namespace {
unsigned long prev_jiffy = 0; // might_sleep's ratelimit: one report per second
int oops_count = 0;
} // namespace

void report_reset()
{
	debug_locks = true;
	prev_jiffy = 0;
	oops_count = 0;
}
} // namespace sim

using namespace sim;

extern "C" {

void __might_sleep(const char *file, int line, int preempt_offset)
{
	// Boot code (host context outside any interrupt) may call anything, as during SYSTEM_BOOTING.
	if (!running_task() && !in_interrupt())
		return;
	if (preempt_count() == preempt_offset && !irqs_disabled() && !current->non_block_count)
		return;
	if (time_before(jiffies, prev_jiffy + HZ) && prev_jiffy)
		return;
	prev_jiffy = jiffies;
	printk(KERN_ERR "BUG: sleeping function called from invalid context at %s:%d\n", file, line);
	printk(KERN_ERR "in_atomic(): %d, irqs_disabled(): %d, non_block: %d, pid: %d, name: %s\n", in_atomic(),
	       irqs_disabled(), current->non_block_count, current->pid, current->comm);
	dump_stack();
}

void __sim_bug(const char *file, int line)
{
	printk(KERN_EMERG "------------[ cut here ]------------\n");
	printk(KERN_CRIT "kernel BUG at %s:%d!\n", file, line);
	printk(KERN_EMERG "invalid opcode: 0000 [#%d] SMP\n", ++oops_count);
	printk(KERN_EMERG "CPU: %d PID: %d Comm: %s\n", raw_smp_processor_id(), current->pid, current->comm);
	dump_stack();
	printk(KERN_EMERG "---[ end trace %016x ]---\n", 0);
	// As an oops does, end the task that hit it; its locks stay held.
	if (running_task())
		do_exit(11); // SIGSEGV
	throw std::runtime_error("kernel BUG outside a simulated task");
}

void __sim_warn(const char *file, int line, const char *fmt, ...)
{
	printk(KERN_WARNING "------------[ cut here ]------------\n");
	printk(KERN_WARNING "WARNING: CPU: %d PID: %d at %s:%d\n", raw_smp_processor_id(), current->pid, file, line);
	if (fmt && *fmt) {
		char buf[512];
		va_list ap;
		va_start(ap, fmt);
		std::vsnprintf(buf, sizeof(buf), fmt, ap);
		va_end(ap);
		if (buf[0])
			printk(KERN_WARNING "%s", buf);
	}
	dump_stack();
	printk(KERN_WARNING "---[ end trace %016x ]---\n", 0);
}

} // extern "C"
