// SPDX-License-Identifier: GPL-2.0-only
// Kernel-style reports: might_sleep() (kernel/sched/core.c ___might_sleep), BUG() for a site
// passed in, and WARN() (kernel/panic.c __warn_printk and __warn, x86's order: the message
// comes before the WARNING line). The oops machinery they share is in oops.cpp.
#include "kernel_compat/module.h"
#include "linux/bug.h"
#include "linux/jiffies.h"
#include "linux/kernel.h"
#include "linux/printk.h"
#include "linux/sched.h"
#include "sim/sched/internal.h"
#include "sim/sched/oops.h"
#include "sim/sched/oops_regs.h"
#include "sim/trace/report.h"
#include "sim/trace/vsprintf.h"

#include <cstdarg>
#include <ucontext.h>

namespace sim {
extern bool debug_locks;

void report_reset()
{
	debug_locks = true;
	sched_globals.prev_jiffy = 0;
	oops_boot();
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
	if (time_before(jiffies, sched_globals.prev_jiffy + HZ) && sched_globals.prev_jiffy)
		return;
	sched_globals.prev_jiffy = jiffies;
	char headline[256];
	sim::snprintf(headline, sizeof(headline), "BUG: sleeping function called from invalid context at %s:%d", file,
		      line);
	report_note(report_kind::atomic_sleep, headline);
	printk(KERN_ERR "%s\n", headline);
	printk(KERN_ERR "in_atomic(): %d, irqs_disabled(): %d, non_block: %d, pid: %d, name: %s\n", in_atomic(),
	       irqs_disabled(), current->non_block_count, current->pid, current->comm);
	dump_stack();
	add_taint(TAINT_WARN, LOCKDEP_STILL_OK);
}

void __sim_bug(const char *file, int line)
{
	__sim_bug_site(file, line);
	__builtin_trap();
}

void __sim_warn(const char *file, int line, const char *fmt, ...)
{
	// The registers at the call (x86 traps at the WARN itself; this is the nearest cheap
	// equivalent), with RIP the WARN's site in its caller.
	ucontext_t uc{}; // getcontext() saves the callee-saved registers, rsp and rip
	getcontext(&uc);
	uc.uc_mcontext.gregs[REG_EFL] = static_cast<greg_t>(__builtin_ia32_readeflags_u64());
	pt_regs regs = regs_from_ucontext(uc, false);
	regs.ip = reinterpret_cast<std::uintptr_t>(__builtin_return_address(0));
	char headline[512];
	sim::snprintf(headline, sizeof(headline), "WARNING: CPU: %d PID: %d at %s:%d %pS", raw_smp_processor_id(),
		      current->pid, file, line, reinterpret_cast<const void *>(regs.ip));
	report_note(report_kind::warning, headline);

	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	sim::vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	printk(KERN_WARNING "------------[ cut here ]------------\n");
	if (msg[0])
		printk("%s", msg);
	printk(KERN_WARNING "%s\n", headline);
	print_modules();
	show_regs(regs);
	print_oops_end_marker();
	add_taint(TAINT_WARN, LOCKDEP_STILL_OK);
}

} // extern "C"
