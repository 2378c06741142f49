// SPDX-License-Identifier: GPL-2.0-only
#include "sim/sched/fiber.h"

#include <new>
#include <sys/mman.h>
#include <unistd.h>

#ifdef SIM_ASAN
#include <sanitizer/asan_interface.h>
#endif

namespace sim {

namespace {
std::size_t page_size() { return static_cast<std::size_t>(sysconf(_SC_PAGESIZE)); }
} // namespace

fiber_stack stack_alloc()
{
	std::size_t guard = page_size();
	void *p = mmap(nullptr, guard + task_stack_size, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (p == MAP_FAILED)
		throw std::bad_alloc();
	// Stacks grow down: an overflow runs into this page and faults instead of corrupting.
	mprotect(p, guard, PROT_NONE);
#ifdef SIM_ASAN
	// The address may have held an earlier task's stack, whose frames' redzones ASan still
	// has marked: a new stack starts clean.
	ASAN_UNPOISON_MEMORY_REGION(static_cast<char *>(p) + guard, task_stack_size);
#endif
	return {static_cast<char *>(p) + guard, task_stack_size};
}

void stack_free(fiber_stack s)
{
	if (s.lo)
		munmap(static_cast<char *>(s.lo) - page_size(), page_size() + s.size);
}

#if defined(__x86_64__)
// sim_fiber_jump(to, data): pushes the System V callee-saved registers, leaves its stack
// pointer as the suspended context, loads `to` and pops the registers saved there, then
// returns to whoever suspended `to`, with {this context, data} as its transfer_t
// (rax, rdx). A fresh context "returns" into sim_fiber_start, which calls the entry
// function kept in its rbx slot.
asm(R"(
	.text
	.globl sim_fiber_jump
	.type sim_fiber_jump, @function
sim_fiber_jump:
	.cfi_startproc
	pushq %rbp
	pushq %rbx
	pushq %r15
	pushq %r14
	pushq %r13
	pushq %r12
	movq %rsp, %rax
	movq %rdi, %rsp
	popq %r12
	popq %r13
	popq %r14
	popq %r15
	popq %rbx
	popq %rbp
	movq %rsi, %rdx
	ret
	.cfi_endproc
	.size sim_fiber_jump, .-sim_fiber_jump

	.type sim_fiber_start, @function
sim_fiber_start:
	.cfi_startproc
	.cfi_undefined rip
	movq %rax, %rdi
	movq %rdx, %rsi
	call *%rbx
	ud2
	.cfi_endproc
	.size sim_fiber_start, .-sim_fiber_start
)");
extern "C" void sim_fiber_start();

fcontext_t fiber_make(const fiber_stack &s, void (*entry)(transfer_t))
{
	// From the 16-byte aligned top: sim_fiber_start's address (the `ret` target), below it
	// the six registers, rbx holding `entry`. After the `ret` the stack is 16-byte aligned,
	// so `call *%rbx` enters `entry` as the ABI expects.
	auto **sp = reinterpret_cast<void **>(static_cast<char *>(s.lo) + s.size) - 1;
	*sp = reinterpret_cast<void *>(&sim_fiber_start);
	sp -= 6;
	sp[0] = sp[1] = sp[2] = sp[3] = sp[5] = nullptr; // r12-r15, rbp
	sp[4] = reinterpret_cast<void *>(entry);          // rbx
	return sp;
}
#else
fcontext_t fiber_make(const fiber_stack &s, void (*entry)(transfer_t))
{
	return boost::context::detail::make_fcontext(static_cast<char *>(s.lo) + s.size, s.size, entry);
}
#endif

fiber_stack fiber_started()
{
	fiber_stack from;
#ifdef SIM_ASAN
	const void *bottom = nullptr;
	__sanitizer_finish_switch_fiber(nullptr, &bottom, &from.size);
	from.lo = const_cast<void *>(bottom);
#endif
	return from;
}

} // namespace sim
