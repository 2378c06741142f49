// SPDX-License-Identifier: GPL-2.0-only
// Oops, not crash (arch/x86/mm/fault.c no_context, arch/x86/kernel/traps.c, dumpstack.c): a
// fault in a simulated task (SIGSEGV, SIGBUS, SIGFPE, SIGILL from BUG()'s ud2) is caught on
// an alternate signal stack and becomes the kernel's report; the task then dies as do_exit
// would, holding what it held, and the machine goes on. docs/engine.md, "Reports", says what
// cannot be caught.
#pragma once

#include "linux/sched.h"

namespace sim {

// At boot (report_reset, from sched_boot): installs the fault handlers on an alternate
// signal stack, keeping the ones found there (a test framework's, a sanitizer's) for faults
// outside simulated code; resets the die counter and the end-of-trace id (from the seed).
void oops_boot();
// At teardown: puts back the handlers oops_boot() found.
void oops_teardown();

// The "Call Trace:" of a task that is not running (sched_show_task's show_stack): its frames
// from where it switched out, kernel-level ones only. Prints just the header for a task that
// never ran or has exited; the current task's own stack is dump_stack()'s.
void show_task_stack(const task_struct *p);

} // namespace sim
