// SPDX-License-Identifier: GPL-2.0-only
// Stackful fibers for simulated tasks: a context switch of a few instructions on stacks of
// our own with a guard page, and the AddressSanitizer fiber-switch annotations that keep
// ASan's view of "the current stack" right across switches.
//
// On x86-64 the switch is our own (fiber.cpp): it saves the callee-saved registers, swaps
// stacks and returns with `ret`. Boost.Context's jump_fcontext (the fallback elsewhere)
// leaves through an indirect `jmp`, which leaves the CPU's return-stack predictor one entry
// off, so every return after a switch mispredicts; and it saves the x87 and SSE control
// words, which simulated kernel code never changes. Together that was half a task switch.
#pragma once

#include <boost/context/detail/fcontext.hpp>
#include <cstddef>

#if defined(__SANITIZE_ADDRESS__)
#define SIM_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SIM_ASAN 1
#endif
#endif

#ifdef SIM_ASAN
#include <sanitizer/common_interface_defs.h>
#endif

namespace sim {

using fcontext_t = boost::context::detail::fcontext_t;
using transfer_t = boost::context::detail::transfer_t;

struct fiber_stack {
	void *lo = nullptr;    // lowest usable byte (the guard page is just below)
	std::size_t size = 0;  // usable bytes
};

// THREAD_SIZE is 16 KiB in the kernel; simulator code (fmt, printk buffers, ASan's
// redzones) needs more. Pages are only backed when touched.
inline constexpr std::size_t task_stack_size = 256 * 1024;

fiber_stack stack_alloc();        // throws std::bad_alloc if the host has no memory
void stack_free(fiber_stack s);

// A context that starts in `entry` on stack `s`; `entry` must never return.
fcontext_t fiber_make(const fiber_stack &s, void (*entry)(transfer_t));

#if defined(__x86_64__)
extern "C" transfer_t sim_fiber_jump(fcontext_t to, void *data);
#else
inline transfer_t sim_fiber_jump(fcontext_t to, void *data) { return boost::context::detail::jump_fcontext(to, data); }
#endif

// Switches to `to` (running on stack `to_stack`), passing `data`; returns when something
// switches back. `final` says the current fiber will never be resumed. Inline: it is most
// of a task switch.
inline transfer_t fiber_switch(fcontext_t to, const fiber_stack &to_stack, void *data, bool final = false)
{
#ifdef SIM_ASAN
	void *fake_stack = nullptr;
	__sanitizer_start_switch_fiber(final ? nullptr : &fake_stack, to_stack.lo, to_stack.size);
	transfer_t t = sim_fiber_jump(to, data);
	__sanitizer_finish_switch_fiber(fake_stack, nullptr, nullptr);
	return t;
#else
	(void)to_stack;
	(void)final;
	return sim_fiber_jump(to, data);
#endif
}

// Called first thing on a new fiber: completes the switch that started it, and returns the
// stack of the context that started it (for switching back).
fiber_stack fiber_started();

} // namespace sim
