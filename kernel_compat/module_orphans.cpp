// SPDX-License-Identifier: GPL-2.0-only
// Tasks left behind in the code of an unloaded module: a kthread its module_exit never
// stopped, asleep in wait_event() or msleep() when the module went. The kernel says nothing
// until such a task runs and oopses in freed memory; at the end of a run slabsim names those
// that never got to run again, so the bug is not lost when the machine is torn down.
#include "kernel_compat/module.h"

#include "linux/printk.h"
#include "sim/sched/oops.h"
#include "sim/sched/sched.h"
#include "sim/sched/task.h"
#include "sim/trace/report.h"
#include "sim/trace/trace.h"

#include <fmt/format.h>

namespace sim {

namespace {

// Every word on the task's stack that points into the module's code, from the saved stack
// pointer up, as the kernel's stack dumper scans a stack (its "? " entries). The stack is
// read whole, redzones included, so AddressSanitizer must not check these reads.
[[gnu::no_sanitize_address]] std::vector<std::uintptr_t> code_on_stack(const task *p, const module_mapping &m)
{
	std::vector<std::uintptr_t> found;
	if (!p->ctx || !p->stack.lo)
		return found;
	auto sp = reinterpret_cast<std::uintptr_t>(p->ctx) & ~std::uintptr_t{7};
	auto top = reinterpret_cast<std::uintptr_t>(p->stack.lo) + p->stack.size;
	for (auto *w = reinterpret_cast<const std::uintptr_t *>(sp); reinterpret_cast<std::uintptr_t>(w) < top; w++)
		if (in_module_text(m, *w))
			found.push_back(*w);
	return found;
}

void report_orphan(const task *p, const std::string &module, const std::vector<std::uintptr_t> &frames)
{
	char state = task_state_char(p);
	std::string headline = fmt::format("BUG: {}:{} {} in the code of unloaded module {}", p->comm, p->pid,
					   state == 'R' ? "waits to run" : "sleeps", module);
	report_note(report_kind::asleep_at_end, headline);
	printk(KERN_ERR "%s\n", headline.c_str());
	// sched_show_task()'s line: comm, state, free stack (0 without DEBUG_STACK_USAGE), pid,
	// parent (kthreadd), flags.
	printk(KERN_INFO "%-15.15s %c    0 %5d      2 0x%08x\n", p->comm, state, p->pid, p->flags);
	if (std::string wait = describe_wait(p); !wait.empty())
		printk(KERN_INFO " waits on %s\n", wait.c_str());
	// The unwinder stops where the freed code begins: the rest of the trace is the scan's,
	// marked unreliable as the kernel marks what it finds by scanning.
	show_task_stack(p);
	for (std::uintptr_t f : frames)
		printk(KERN_DEFAULT " ? 0x%llx\n", static_cast<unsigned long long>(kernel_address(reinterpret_cast<const void *>(f))));
}

} // namespace

unsigned report_orphaned_module_tasks()
{
	unsigned reported = 0;
	for (pid_t pid = 1; task_struct *tp = find_task_by_pid(pid); pid++) {
		const task *p = to_task(tp);
		if (p->exited)
			continue;
		for (const unloaded_module &m : unloaded_modules()) {
			std::vector<std::uintptr_t> frames = code_on_stack(p, m.memory);
			if (frames.empty())
				continue;
			report_orphan(p, m.name, frames);
			reported++;
			break;
		}
	}
	return reported;
}

} // namespace sim
