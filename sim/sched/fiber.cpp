// SPDX-License-Identifier: GPL-2.0-only
#include "sim/sched/fiber.h"

#include <new>
#include <sys/mman.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#define SIM_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SIM_ASAN 1
#endif
#endif

#ifdef SIM_ASAN
#include <sanitizer/asan_interface.h>
#include <sanitizer/common_interface_defs.h>
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

fcontext_t fiber_make(const fiber_stack &s, void (*entry)(transfer_t))
{
	return boost::context::detail::make_fcontext(static_cast<char *>(s.lo) + s.size, s.size, entry);
}

transfer_t fiber_switch(fcontext_t to, const fiber_stack &to_stack, void *data, bool final)
{
#ifdef SIM_ASAN
	void *fake_stack = nullptr;
	__sanitizer_start_switch_fiber(final ? nullptr : &fake_stack, to_stack.lo, to_stack.size);
	transfer_t t = boost::context::detail::jump_fcontext(to, data);
	__sanitizer_finish_switch_fiber(fake_stack, nullptr, nullptr);
	return t;
#else
	(void)to_stack;
	(void)final;
	return boost::context::detail::jump_fcontext(to, data);
#endif
}

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
