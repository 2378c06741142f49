// SPDX-License-Identifier: GPL-2.0-only
// Call traces as the kernel prints them (arch/x86/kernel/dumpstack.c show_trace_log_lvl,
// lib/dump_stack.c): "Call Trace:" then " symbol+0xoff/0xsize [module]" per kernel-level
// frame. The frames are the host's, unwound with the DWARF CFI every object carries (so
// release builds without frame pointers unwind too); the simulator's C++ plumbing is left
// out (kernel_text_frame, docs/tracing.md).
#pragma once

#include <cstdint>

namespace sim {

// What the kernel's init_utsname() gives the reports' CPU line: "5.4.0-slabsim #1".
inline constexpr const char *uts_release = "5.4.0-slabsim";
inline constexpr const char *uts_version = "#1";

// A context to unwind from: the callee-saved registers, the instruction pointer and the
// stack pointer. The first seven words are laid out as sim_fiber_jump leaves them on a
// sleeping task's stack (sim/sched/fiber.cpp), so that record can be copied as it is.
struct unwind_regs {
	std::uint64_t r12, r13, r14, r15, rbx, rbp, rip, rsp;
};

// The CPU line every report prints before its registers or trace (dump_stack_print_info):
// "CPU: 0 PID: 3 Comm: insmod Tainted: G      D    O      5.4.0-slabsim #1".
void dump_stack_print_info(const char *log_lvl);

// "Call Trace:" and the kernel-level callers of the context `r` (r.rip itself is what a
// report's RIP line names, so it is not repeated; if `r.rip` is a return address, as on a
// sleeping task's stack, `rip_is_return` keeps it).
void show_trace_regs(const unwind_regs &r, bool rip_is_return, const char *log_lvl);

// "Call Trace:" from the caller of the function whose return address is `ret` (the site
// of a WARN) outwards, on the current stack.
void show_trace_from(const void *ret, const char *log_lvl);

} // namespace sim
