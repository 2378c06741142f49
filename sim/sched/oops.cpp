// SPDX-License-Identifier: GPL-2.0-only
// Faults in simulated code as the kernel reports them: the page-fault oops (fault.c
// show_fault_oops, no_context), die() for traps (divide error, general protection, invalid
// opcode and BUG()), oops_end() and rewind_stack_do_exit.
#include "sim/sched/oops.h"

#include "kernel_compat/module.h"
#include "linux/bug.h"
#include "linux/kernel.h"
#include "linux/mm.h"
#include "linux/printk.h"
#include "sim/sched/internal.h"
#include "sim/sched/oops_regs.h"
#include "sim/trace/dump_stack.h"
#include "sim/trace/printk.h"
#include "sim/trace/report.h"
#include "sim/trace/trace.h"
#include "sim/trace/vsprintf.h"

#include <csignal>
#include <iterator>
#include <cstring>
#include <stdexcept>
#include <sys/mman.h>
#include <unistd.h>

#if !defined(__x86_64__)
#error "the oops handler reads x86-64 registers from the signal's ucontext"
#endif
#ifdef SIM_ASAN
#include <sanitizer/asan_interface.h>
#endif

namespace sim {
namespace {

constexpr int fault_signals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL};
struct sigaction previous[std::size(fault_signals)];
stack_t previous_altstack;
void *altstack; // ours, kept for the process's life
// Printing a report (fmt, kallsyms, the unwinder) needs more than SIGSTKSZ; pages are
// backed only when touched.
constexpr std::size_t altstack_size = 1 << 20;
bool in_oops = false; // a fault while reporting one is the simulator's own: crash
constexpr int x86_trap_gp = 13;
constexpr unsigned long pf_prot = 1, pf_write = 2, pf_user = 4, pf_rsvd = 8, pf_instr = 16, pf_pk = 32;

// The site BUG() names: the macro records it just before its ud2 (linux/bug.h).
struct bug_site {
	const char *file;
	int line;
	std::uintptr_t ud2;
} pending_bug;

void oops_signal(int sig, siginfo_t *info, void *ucontext);

void install(int sig, struct sigaction &saved)
{
	struct sigaction sa{};
	sa.sa_sigaction = oops_signal;
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
	sigemptyset(&sa.sa_mask);
	struct sigaction old;
	sigaction(sig, &sa, &old);
	if (old.sa_sigaction != oops_signal)
		saved = old;
}

void use_altstack()
{
	if (!altstack) {
		altstack = mmap(nullptr, altstack_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
				-1, 0);
		if (altstack == MAP_FAILED) {
			altstack = nullptr;
			return;
		}
	}
	stack_t cur;
	sigaltstack(nullptr, &cur);
	if (cur.ss_sp == altstack)
		return;
	previous_altstack = cur;
	stack_t ours{altstack, 0, altstack_size};
	sigaltstack(&ours, nullptr);
}

// Hands the signal to whoever had it before (a test framework, a sanitizer, the default
// action): the faulting instruction runs again and faults into that handler.
void pass_on(int sig, const siginfo_t *info)
{
	for (std::size_t i = 0; i < std::size(fault_signals); i++) {
		if (fault_signals[i] != sig)
			continue;
		if (!(previous[i].sa_flags & SA_SIGINFO) && previous[i].sa_handler == SIG_IGN)
			previous[i].sa_handler = SIG_DFL; // an ignored fault would repeat for ever
		sigaction(sig, &previous[i], nullptr);
	}
	if (info->si_code <= 0) // sent by kill(), not a fault: deliver it again
		raise(sig);
}

enum class fault_context { task, interrupt, host };

fault_context classify(const ucontext_t &uc)
{
	auto sp = static_cast<std::uintptr_t>(uc.uc_mcontext.gregs[REG_RSP]);
	task *p = running_task();
	auto lo = p ? reinterpret_cast<std::uintptr_t>(p->stack.lo) : 0;
	if (lo && sp >= lo - PAGE_SIZE && sp < lo + p->stack.size) // the guard page too: an overflow
		return fault_context::task;
	if (!sched_globals.cpus.empty() && in_interrupt())
		return fault_context::interrupt;
	return fault_context::host;
}

// __die(): the header, the registers and trace, the modules.
void die(const char *str, const pt_regs &regs, long err)
{
	die_header(str, regs, err);
	show_regs(regs);
	print_modules();
}

// A die() that is the report's first line: noted under its own header text.
int die_alone(const char *str, const pt_regs &regs, long err)
{
	report_note(report_kind::oops, die_headline(str, err));
	die(str, regs, err);
	oops_end_report();
	return SIGSEGV;
}

// report_bug() then die(): BUG()'s report. The caller noted it.
int bug_report(const bug_site &site, const pt_regs &regs)
{
	printk(KERN_WARNING "------------[ cut here ]------------\n");
	printk(KERN_CRIT "kernel BUG at %s:%d!\n", site.file, site.line);
	die("invalid opcode", regs, 0);
	oops_end_report();
	return SIGSEGV;
}

int invalid_opcode(const pt_regs &regs)
{
	bug_site site = pending_bug;
	pending_bug = {};
	unsigned char insn[2];
	std::memcpy(insn, reinterpret_cast<const void *>(regs.ip), sizeof(insn)); // it just trapped: readable
	bool is_bug = site.file && regs.ip >= site.ud2 && regs.ip < site.ud2 + 16 && insn[0] == 0x0f && insn[1] == 0x0b;
	if (!is_bug)
		return die_alone("invalid opcode", regs, 0);
	char headline[256];
	sim::snprintf(headline, sizeof(headline), "kernel BUG at %s:%d!", site.file, site.line);
	report_note(report_kind::bug, headline);
	return bug_report(site, regs);
}

// no_context(): the page-fault oops. Host error codes carry the user bit; the simulated
// kernel faulted in kernel mode.
int page_fault(const pt_regs &regs, std::uint64_t address, unsigned long err)
{
	err &= ~pf_user;
	sched_globals.last_cr2 = address;
	std::uint64_t shown = kernel_view(address);
	char headline[128];
	sim::snprintf(headline, sizeof(headline),
		      address < PAGE_SIZE ? "BUG: kernel NULL pointer dereference, address: %px"
					  : "BUG: unable to handle page fault for address: %px",
		      reinterpret_cast<const void *>(shown));
	report_note(report_kind::oops, headline);
	printk(KERN_ALERT "%s\n", headline);
	printk(KERN_ALERT "#PF: supervisor %s in kernel mode\n",
	       (err & pf_instr) ? "instruction fetch" : (err & pf_write) ? "write access" : "read access");
	printk(KERN_ALERT "#PF: error_code(0x%04lx) - %s\n", err,
	       !(err & pf_prot)	 ? "not-present page"
	       : (err & pf_rsvd) ? "reserved bit violation"
	       : (err & pf_pk)	 ? "protection keys violation"
				 : "permissions violation");
	// dump_pagetable(): the simulator has no page tables, so the walk stops at an empty PGD.
	printk(KERN_INFO "PGD 0 P4D 0 \n");
	die("Oops", regs, static_cast<long>(err));
	printk(KERN_DEFAULT "CR2: %016lx\n", shown);
	oops_end_report();
	return SIGKILL;
}

// handle_stack_overflow() (VMAP_STACK): a fault in the guard page below the task's stack.
int stack_overflow(const pt_regs &regs, std::uint64_t address)
{
	const char *message = "kernel stack overflow (page fault)";
	const task *p = running_task();
	char headline[160];
	sim::snprintf(headline, sizeof(headline), "BUG: stack guard page was hit at %p (stack is %p..%p)",
		      reinterpret_cast<const void *>(address), p->stack.lo,
		      static_cast<const char *>(p->stack.lo) + p->stack.size - 1);
	report_note(report_kind::oops, headline);
	sched_globals.last_cr2 = address;
	printk(KERN_EMERG "%s\n", headline);
	die(message, regs, 0);
	oops_end_report();
	return SIGSEGV;
}

bool in_guard_page(std::uint64_t address)
{
	const task *p = running_task();
	auto lo = reinterpret_cast<std::uintptr_t>(p->stack.lo);
	return address < lo && address >= lo - PAGE_SIZE;
}

// The report; returns the signal the task dies of (oops_end's signr).
int fault_report(int sig, const siginfo_t &info, const pt_regs &regs, const ucontext_t &uc)
{
	switch (sig) {
	case SIGILL:
		return invalid_opcode(regs);
	case SIGFPE:
		return die_alone("divide error", regs, 0);
	}
	auto err = static_cast<unsigned long>(uc.uc_mcontext.gregs[REG_ERR]);
	if (uc.uc_mcontext.gregs[REG_TRAPNO] == x86_trap_gp) // a non-canonical address: no CR2
		return die_alone("general protection fault", regs, static_cast<long>(err));
	auto address = reinterpret_cast<std::uintptr_t>(info.si_addr);
	if (running_task() && in_guard_page(address))
		return stack_overflow(regs, address);
	return page_fault(regs, address, err);
}

[[noreturn]] void rewind_stack_do_exit(long signr) { do_exit(signr); }

// Makes the signal return into rewind_stack_do_exit(signr) at the top of the task's stack:
// the frames below are abandoned, as the kernel abandons them (locks stay held, nothing
// unwinds).
void rewind_to_exit(ucontext_t &uc, const task *p, int signr)
{
#ifdef SIM_ASAN
	// The abandoned frames' redzones would poison the new frames in their place.
	ASAN_UNPOISON_MEMORY_REGION(p->stack.lo, p->stack.size);
#endif
	auto top = (reinterpret_cast<std::uintptr_t>(p->stack.lo) + p->stack.size) & ~std::uintptr_t{15};
	auto *sp = reinterpret_cast<std::uint64_t *>(top - 64 - 8); // as after a call: rsp + 8 aligned
	*sp = 0;                                                    // no return address: unwinders stop
	uc.uc_mcontext.gregs[REG_RSP] = reinterpret_cast<greg_t>(sp);
	uc.uc_mcontext.gregs[REG_RBP] = 0;
	uc.uc_mcontext.gregs[REG_RIP] = reinterpret_cast<greg_t>(&rewind_stack_do_exit);
	uc.uc_mcontext.gregs[REG_RDI] = signr;
}

void panic_in_interrupt()
{
	printk(KERN_EMERG "Kernel panic - not syncing: Fatal exception in interrupt\n");
	printk(KERN_EMERG "---[ end Kernel panic - not syncing: Fatal exception in interrupt ]---\n");
}

void oops_signal(int sig, siginfo_t *info, void *ucontext)
{
	auto &uc = *static_cast<ucontext_t *>(ucontext);
	fault_context where = classify(uc);
	if (in_oops || info->si_code <= 0 || where == fault_context::host)
		return pass_on(sig, info);
	in_oops = true;
	if (where == fault_context::interrupt)
		console_loglevel = 15; // console_verbose(): the machine is about to stop, show it all
	int signr = fault_report(sig, *info, regs_from_ucontext(uc, true), uc);
	in_oops = false;
	if (where == fault_context::interrupt) {
		// The machine cannot go on, and the host stack under the handler cannot be left
		// safely: the process ends by the signal, after the kernel's panic line.
		panic_in_interrupt();
		std::signal(sig, SIG_DFL);
		return;
	}
	rewind_to_exit(uc, running_task(), signr);
}

} // namespace

void oops_boot()
{
	pending_bug = {};
	use_altstack();
	for (std::size_t i = 0; i < std::size(fault_signals); i++)
		install(fault_signals[i], previous[i]);
}

void oops_teardown()
{
	for (std::size_t i = 0; i < std::size(fault_signals); i++) {
		struct sigaction cur;
		sigaction(fault_signals[i], nullptr, &cur);
		if (cur.sa_sigaction == oops_signal)
			sigaction(fault_signals[i], &previous[i], nullptr);
	}
	stack_t cur;
	sigaltstack(nullptr, &cur);
	if (altstack && cur.ss_sp == altstack)
		sigaltstack(&previous_altstack, nullptr);
}

void show_task_stack(const task_struct *tp)
{
	const task *p = static_cast<const task *>(tp);
	if (p->on_cpu || p->exited || !p->ctx) {
		printk(KERN_DEFAULT "Call Trace:\n");
		return;
	}
	// What sim_fiber_jump pushed (sim/sched/fiber.cpp): r12..r15, rbx, rbp, the return address.
	const auto *slot = static_cast<const std::uint64_t *>(p->ctx);
	unwind_regs r{slot[0], slot[1], slot[2], slot[3], slot[4], slot[5], slot[6], reinterpret_cast<std::uint64_t>(slot + 7)};
	show_trace_regs(r, true, KERN_DEFAULT);
}

} // namespace sim

using namespace sim;

extern "C" void __sim_bug_site(const char *file, int line)
{
	bug_site site{file, line, reinterpret_cast<std::uintptr_t>(__builtin_return_address(0))};
	if (running_task()) {
		pending_bug = site; // the ud2 that follows traps into invalid_opcode()
		return;
	}
	// Boot code or an interrupt: the host's own stack cannot be given up to a trap, so the
	// report is printed from here and the simulator's caller gets an exception.
	ucontext_t uc{}; // getcontext() saves the callee-saved registers, rsp and rip
	getcontext(&uc);
	uc.uc_mcontext.gregs[REG_EFL] = static_cast<greg_t>(__builtin_ia32_readeflags_u64());
	pt_regs regs = regs_from_ucontext(uc, false);
	regs.ip = site.ud2;
	char headline[256];
	sim::snprintf(headline, sizeof(headline), "kernel BUG at %s:%d!", file, line);
	report_note(report_kind::bug, headline);
	bool irq = in_interrupt();
	bug_report(site, regs);
	if (irq)
		panic_in_interrupt();
	throw std::runtime_error(irq ? "kernel BUG in interrupt context: Fatal exception in interrupt"
				     : "kernel BUG outside a simulated task");
}
