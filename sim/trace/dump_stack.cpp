// SPDX-License-Identifier: GPL-2.0-only
// dump_stack() and the call traces of reports. The simulated kernel's call chain is the
// host's, so the trace is real: libgcc's unwinder walks it with the CFI of the simulator and
// of each module, and every frame prints as the kernel prints one (" symbol+0xoff/0xsize",
// %pB). Offsets do not depend on where ASLR put the code, so the text is reproducible for a
// given build.
#include "sim/trace/dump_stack.h"

#include "linux/kernel.h"
#include "linux/printk.h"
#include "linux/sched.h"
#include "linux/smp.h"
#include "sim/trace/kallsyms.h"

#include <cstring>
#include <unwind.h>

// sim_unwind_through(r, fn, arg) calls fn(arg) from a frame whose caller, as its CFI tells
// the unwinder, is the context in *r: the CFA (the caller's stack pointer) is r->rsp and each
// register is read from its slot in *r (DW_CFA_expression over rbx, which holds r). The frame
// is marked a signal frame, so r->rip is looked up as the exact instruction (a faulting one)
// rather than as a return address.
asm(R"(
	.text
	.type sim_unwind_through, @function
sim_unwind_through:
	.cfi_startproc
	.cfi_signal_frame
	pushq %rbx
	.cfi_adjust_cfa_offset 8
	.cfi_rel_offset %rbx, 0
	movq %rdi, %rbx
	.cfi_escape 0x0f, 0x03, 0x73, 0x38, 0x06
	.cfi_escape 0x10, 0x0c, 0x02, 0x73, 0x00
	.cfi_escape 0x10, 0x0d, 0x02, 0x73, 0x08
	.cfi_escape 0x10, 0x0e, 0x02, 0x73, 0x10
	.cfi_escape 0x10, 0x0f, 0x02, 0x73, 0x18
	.cfi_escape 0x10, 0x03, 0x02, 0x73, 0x20
	.cfi_escape 0x10, 0x06, 0x02, 0x73, 0x28
	.cfi_escape 0x10, 0x10, 0x02, 0x73, 0x30
	movq %rdx, %rdi
	call *%rsi
	popq %rbx
	ret
sim_unwind_through_end:
	.cfi_endproc
	.size sim_unwind_through, .-sim_unwind_through
)");
extern "C" void sim_unwind_through(const sim::unwind_regs *r, void (*fn)(void *), void *arg);
extern "C" const char sim_unwind_through_end[];

namespace sim {
namespace {

constexpr int max_frames = 64;

struct frame_walk {
	std::uintptr_t ip[max_frames];
	int n = 0;
	bool started = true; // false: frames count only once past sim_unwind_through
};

_Unwind_Reason_Code collect(_Unwind_Context *ctx, void *arg)
{
	auto *w = static_cast<frame_walk *>(arg);
	int before_insn = 0;
	std::uintptr_t ip = _Unwind_GetIPInfo(ctx, &before_insn);
	if (!w->started) {
		w->started = ip > reinterpret_cast<std::uintptr_t>(&sim_unwind_through) &&
			     ip <= reinterpret_cast<std::uintptr_t>(sim_unwind_through_end);
		return _URC_NO_REASON;
	}
	if (!ip || w->n == max_frames)
		return _URC_END_OF_STACK;
	w->ip[w->n++] = ip;
	return _URC_NO_REASON;
}

void walk(void *w) { _Unwind_Backtrace(collect, w); }

// The return addresses of the current stack from `first` outwards (all if it is not found).
void frames_from(frame_walk &w, const void *first)
{
	int i = 0;
	while (i < w.n && w.ip[i] != reinterpret_cast<std::uintptr_t>(first))
		i++;
	if (i == w.n)
		return;
	std::memmove(w.ip, w.ip + i, (w.n - i) * sizeof(w.ip[0]));
	w.n -= i;
}

// The return addresses of the current stack, from the one into the caller of this function.
[[gnu::noinline]] void current_frames(frame_walk &w)
{
	walk(&w);
	frames_from(w, __builtin_return_address(0));
}

void print_frames(const frame_walk &w, int from, const char *log_lvl)
{
	printk("%sCall Trace:\n", log_lvl);
	for (int i = from; i < w.n; i++)
		if (kernel_text_frame(reinterpret_cast<const void *>(w.ip[i])))
			printk("%s %pB\n", log_lvl, reinterpret_cast<const void *>(w.ip[i]));
}

} // namespace

void dump_stack_print_info(const char *log_lvl)
{
	printk("%sCPU: %d PID: %d Comm: %.20s %s %s %.*s\n", log_lvl, raw_smp_processor_id(), current->pid,
	       current->comm, print_tainted(), uts_release, static_cast<int>(std::strcspn(uts_version, " ")),
	       uts_version);
}

void show_trace_regs(const unwind_regs &r, bool rip_is_return, const char *log_lvl)
{
	frame_walk w;
	w.started = false;
	sim_unwind_through(&r, walk, &w);
	print_frames(w, !rip_is_return && w.n && w.ip[0] == r.rip, log_lvl);
}

void show_trace_from(const void *ret, const char *log_lvl)
{
	frame_walk w;
	current_frames(w);
	frames_from(w, ret);
	print_frames(w, w.n && w.ip[0] == reinterpret_cast<std::uintptr_t>(ret), log_lvl);
}

} // namespace sim

extern "C" [[gnu::noinline]] void dump_stack(void)
{
	sim::frame_walk w;
	sim::current_frames(w); // from the return address into dump_stack, as the kernel's trace starts
	sim::dump_stack_print_info(KERN_DEFAULT);
	sim::print_frames(w, 0, KERN_DEFAULT);
}
