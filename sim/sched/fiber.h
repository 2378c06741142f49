// SPDX-License-Identifier: GPL-2.0-only
// Stackful fibers for simulated tasks: Boost.Context's fcontext switch (a few ns) on stacks
// of our own with a guard page, and the AddressSanitizer fiber-switch annotations that
// keep ASan's view of "the current stack" right across switches.
#pragma once

#include <boost/context/detail/fcontext.hpp>
#include <cstddef>

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

// Switches to `to` (running on stack `to_stack`), passing `data`; returns when something
// switches back. `final` says the current fiber will never be resumed.
transfer_t fiber_switch(fcontext_t to, const fiber_stack &to_stack, void *data, bool final = false);

// Called first thing on a new fiber: completes the switch that started it, and returns the
// stack of the context that started it (for switching back).
fiber_stack fiber_started();

} // namespace sim
