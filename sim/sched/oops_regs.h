// SPDX-License-Identifier: GPL-2.0-only
// The register half of the kernel's reports (arch/x86/kernel/dumpstack.c, process_64.c):
// the die header, show_regs() and the end marker, shared by oopses, BUG() and WARN().
#pragma once

#include <cstdint>
#include <string>
#include <ucontext.h>

namespace sim {

// The registers a report prints, named as in the kernel's struct pt_regs.
struct pt_regs {
	std::uint64_t r15, r14, r13, r12, bp, bx, r11, r10, r9, r8, ax, cx, dx, si, di;
	std::uint64_t ip, flags, sp;
	// The registers of a trapped instruction, delivered with a signal: the call trace is
	// unwound from them. Otherwise they are a call site's (WARN): the trace is the current
	// stack's from the caller of `ip` on.
	bool trapped;
};

pt_regs regs_from_ucontext(const ucontext_t &uc, bool trapped);

// The die header: "Oops: 0002 [#1] SMP", counting oopses since boot; the first one's
// registers are kept for the executive summary.
void die_header(const char *str, const pt_regs &regs, long err);
std::string die_headline(const char *str, long err); // the text the next die_header prints
// show_regs(): the CPU line, the registers (__show_regs) and the call trace.
void show_regs(const pt_regs &regs);
// "---[ end trace 1b2e3c4d5f607182 ]---": the id comes from the machine's seed and goes up
// by one per report, as init_oops_id() does with its random start.
void print_oops_end_marker();
// oops_end() as far as it prints: taint D, the end marker, and the first oops's registers
// again (the executive summary).
void oops_end_report();

} // namespace sim
