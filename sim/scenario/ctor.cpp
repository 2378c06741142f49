// SPDX-License-Identifier: GPL-2.0-only
#include "sim/scenario/ctor.h"

#include <array>
#include <cstring>
#include <utility>

namespace sim::scenario {

namespace {

struct ctor_slot {
	std::size_t size = 0;
	unsigned char byte = 0;
	unsigned long calls = 0;
};

std::array<ctor_slot, ctor_slots> slots;
int used = 0;

template <int I>
void trampoline(void *obj)
{
	ctor_slot &s = slots[I];
	std::memset(obj, s.byte, s.size);
	++s.calls;
}

template <std::size_t... I>
constexpr std::array<ctor_fn, sizeof...(I)> make_table(std::index_sequence<I...>)
{
	return {&trampoline<I>...};
}

constexpr auto table = make_table(std::make_index_sequence<ctor_slots>());

} // namespace

ctor_fn ctor_register(std::size_t size, unsigned char byte)
{
	if (used == ctor_slots)
		return nullptr;
	slots[used] = {size, byte, 0};
	return table[used++];
}

int ctor_index(ctor_fn fn)
{
	for (int i = 0; i < used; ++i)
		if (table[i] == fn)
			return i;
	return -1;
}

unsigned long ctor_calls(int index) { return index < 0 ? 0 : slots[index].calls; }

void ctor_reset() { used = 0; }

} // namespace sim::scenario
