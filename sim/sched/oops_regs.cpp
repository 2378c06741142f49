// SPDX-License-Identifier: GPL-2.0-only
// __die's header, show_regs()/__show_regs() (arch/x86/kernel/process_64.c, v5.4 shapes) and
// the end-of-trace marker (kernel/panic.c print_oops_end_marker).
#include "sim/sched/oops_regs.h"
#include "sim/sched/internal.h"

#include "linux/kernel.h"
#include "linux/preempt.h"
#include "linux/printk.h"
#include "sim/random.h"
#include "sim/trace/dump_stack.h"
#include "sim/trace/kallsyms.h"
#include "sim/trace/trace.h"
#include "sim/trace/trace_state.h"
#include "sim/trace/vsprintf.h"

#include <sys/uio.h>
#include <unistd.h>

namespace sim {

namespace {

// The simulated CPU's control registers, as a 64-bit kernel runs: CR0 with PG, AM, WP, NE,
// ET, MP and PE; CR4 with PSE, PAE, MCE, PGE, OSFXSR and OSXMMEXCPT. There are no page
// tables, so CR3 is 0 (docs/engine.md).
constexpr std::uint64_t sim_cr0 = 0x80050033, sim_cr3 = 0, sim_cr4 = 0x6f0;
constexpr std::uint16_t kernel_cs = 0x10, kernel_ss = 0x18;
constexpr int code_prologue = 42, code_epilogue = 21; // show_opcodes(): 64 bytes around RIP

// Reads host memory without faulting: false if any of it is unmapped.
bool read_host(void *to, std::uint64_t from, std::size_t len)
{
	iovec local{to, len}, remote{reinterpret_cast<void *>(from), len};
	return process_vm_readv(getpid(), &local, 1, &remote, 1, 0) == static_cast<ssize_t>(len);
}

void show_opcodes(std::uint64_t ip)
{
	unsigned char code[code_prologue + 1 + code_epilogue];
	if (ip < code_prologue || !read_host(code, ip - code_prologue, sizeof(code)))
		printk(KERN_DEFAULT "Code: Bad RIP value.\n");
	else
		printk(KERN_DEFAULT "Code: %42ph <%02x> %21ph\n", code, code[code_prologue], code + code_prologue + 1);
}

// Register values as the kernel would show them: an address in simulated memory or on a
// task's stack as its fixed kernel address, anything else as it is.
std::uint64_t kv(std::uint64_t v) { return kernel_view(v); }

void __show_regs(const pt_regs &r)
{
	printk(KERN_DEFAULT "RIP: %04x:%pS\n", kernel_cs, reinterpret_cast<const void *>(r.ip));
	show_opcodes(r.ip);
	printk(KERN_DEFAULT "RSP: %04x:%016lx EFLAGS: %08lx\n", kernel_ss, kv(r.sp), r.flags);
	printk(KERN_DEFAULT "RAX: %016lx RBX: %016lx RCX: %016lx\n", kv(r.ax), kv(r.bx), kv(r.cx));
	printk(KERN_DEFAULT "RDX: %016lx RSI: %016lx RDI: %016lx\n", kv(r.dx), kv(r.si), kv(r.di));
	printk(KERN_DEFAULT "RBP: %016lx R08: %016lx R09: %016lx\n", kv(r.bp), kv(r.r8), kv(r.r9));
	printk(KERN_DEFAULT "R10: %016lx R11: %016lx R12: %016lx\n", kv(r.r10), kv(r.r11), kv(r.r12));
	printk(KERN_DEFAULT "R13: %016lx R14: %016lx R15: %016lx\n", kv(r.r13), kv(r.r14), kv(r.r15));
	printk(KERN_DEFAULT "FS:  %016lx(%04x) GS:%016lx(%04x) knlGS:%016lx\n", 0UL, 0, __sim_this_cpu->percpu_offset, 0,
	       0UL);
	printk(KERN_DEFAULT "CS:  %04x DS: %04x ES: %04x CR0: %016lx\n", kernel_cs, 0, 0, sim_cr0);
	printk(KERN_DEFAULT "CR2: %016lx CR3: %016lx CR4: %016lx\n", kv(sched_globals.last_cr2), sim_cr3, sim_cr4);
}

// Where the unwinder starts. A jump or call to an address that is no code (a NULL function
// pointer) leaves nothing to unwind at RIP; the return address the call pushed is on top of
// the stack, and the trace starts there, as the kernel's unwinder does.
unwind_regs unwind_start(const pt_regs &r, bool &rip_is_return)
{
	unwind_regs u{r.r12, r.r13, r.r14, r.r15, r.bx, r.bp, r.ip, r.sp};
	std::uint64_t ret;
	rip_is_return = sprint_symbol(reinterpret_cast<const void *>(r.ip)).empty() && read_host(&ret, r.sp, sizeof(ret));
	if (rip_is_return) {
		u.rip = ret;
		u.rsp += sizeof(ret);
	}
	return u;
}

} // namespace

pt_regs regs_from_ucontext(const ucontext_t &uc, bool trapped)
{
	auto g = [&](int i) { return static_cast<std::uint64_t>(uc.uc_mcontext.gregs[i]); };
	// The simulated CPU's interrupt flag: the host's is always on in user space.
	std::uint64_t flags = (g(REG_EFL) & ~X86_EFLAGS_IF) | (__sim_this_cpu->flags & X86_EFLAGS_IF);
	return {g(REG_R15), g(REG_R14), g(REG_R13), g(REG_R12), g(REG_RBP), g(REG_RBX), g(REG_R11), g(REG_R10),
		g(REG_R9),  g(REG_R8),  g(REG_RAX), g(REG_RCX), g(REG_RDX), g(REG_RSI), g(REG_RDI), g(REG_RIP),
		flags,      g(REG_RSP), trapped};
}

void die_header(const char *str, const pt_regs &regs, long err)
{
	if (!sched_globals.die_counter) {
		// As shown now: the task's stack, and its fixed kernel address, go with the task.
		pt_regs &summary = sched_globals.exec_summary.emplace(regs);
		for (std::uint64_t *v : {&summary.sp, &summary.bp, &summary.bx, &summary.ax, &summary.cx,
					 &summary.dx, &summary.si, &summary.di, &summary.r8, &summary.r9,
					 &summary.r10, &summary.r11, &summary.r12, &summary.r13, &summary.r14,
					 &summary.r15})
			*v = kv(*v);
	}
	printk(KERN_DEFAULT "%s\n", die_headline(str, err).c_str());
	sched_globals.die_counter++;
}

std::string die_headline(const char *str, long err)
{
	char buf[128];
	sim::snprintf(buf, sizeof(buf), "%s: %04lx [#%d] SMP", str, err & 0xffff, sched_globals.die_counter + 1);
	return buf;
}

void show_regs(const pt_regs &regs)
{
	dump_stack_print_info(KERN_DEFAULT);
	__show_regs(regs);
	if (!regs.trapped) {
		show_trace_from(reinterpret_cast<const void *>(regs.ip), KERN_DEFAULT);
		return;
	}
	bool rip_is_return;
	unwind_regs start = unwind_start(regs, rip_is_return);
	show_trace_regs(start, rip_is_return, KERN_DEFAULT);
}

void print_oops_end_marker()
{
	std::uint64_t &id = sched_globals.oops_id;
	id = id ? id + 1 : splitmix64_mix(trace_globals.hash_key ^ 0x6f6f707369640000ULL) | 1;
	printk(KERN_WARNING "---[ end trace %016lx ]---\n", id);
}

void oops_end_report()
{
	add_taint(TAINT_DIE, LOCKDEP_NOW_UNRELIABLE);
	print_oops_end_marker();
	if (sched_globals.exec_summary)
		__show_regs(*sched_globals.exec_summary);
}

} // namespace sim
