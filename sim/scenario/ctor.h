// SPDX-License-Identifier: GPL-2.0-only
// The constructors a scenario can give a cache: zero-fill or a byte pattern.
//
// A kmem_cache constructor is a plain `void (*)(void *)` with no context, so each cache that
// has one gets its own function from a fixed table of trampolines; each knows its slot, and
// the slot holds the object size, the byte to write and how many times it ran.
#pragma once

#include <cstddef>

namespace sim::scenario {

inline constexpr int ctor_slots = 64;

using ctor_fn = void (*)(void *);

// A constructor that writes `byte` over `size` bytes; nullptr when every slot is taken.
ctor_fn ctor_register(std::size_t size, unsigned char byte);
int ctor_index(ctor_fn fn);
// How many objects constructor `index` has initialised (0 for -1: no constructor).
unsigned long ctor_calls(int index);
// Frees every slot (after a run).
void ctor_reset();

} // namespace sim::scenario
