// SPDX-License-Identifier: GPL-2.0-only
// Dynamic per-CPU areas (mm/percpu.c, reduced): chunks of NR_CPUS units of PCPU_UNIT_SIZE
// bytes, reserved once and backed only where touched. An allocation takes the same offset
// in every unit of its chunk, so CPU n's copy is always PCPU_UNIT_SIZE * n bytes past CPU
// 0's (linux/percpu.h) and this_cpu_ptr() needs no per-allocation data.
#include "linux/bug.h"
#include "linux/percpu.h"
#include "linux/printk.h"

#include <cstring>
#include <map>
#include <memory>
#include <sys/mman.h>
#include <vector>

namespace {

constexpr std::size_t page = 4096;

struct chunk {
	char *base;                              // unit 0; unit n is PCPU_UNIT_SIZE * n further
	std::map<std::size_t, std::size_t> free; // offset in the unit -> bytes, coalesced
	std::map<std::size_t, std::size_t> used; // offset -> bytes

	chunk()
	{
		void *p = mmap(nullptr, NR_CPUS * PCPU_UNIT_SIZE, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
		base = p == MAP_FAILED ? nullptr : static_cast<char *>(p);
		free[0] = PCPU_UNIT_SIZE;
	}
	~chunk()
	{
		if (base)
			munmap(base, NR_CPUS * PCPU_UNIT_SIZE);
	}
	chunk(const chunk &) = delete;
	chunk &operator=(const chunk &) = delete;

	// First fit at `align`: the offset in the unit, or SIZE_MAX when nothing fits.
	std::size_t take(std::size_t size, std::size_t align)
	{
		for (auto it = free.begin(); it != free.end(); ++it) {
			auto [off, len] = *it;
			std::size_t start = (off + align - 1) & ~(align - 1);
			if (start + size > off + len)
				continue;
			free.erase(it);
			if (start > off)
				free[off] = start - off;
			if (off + len > start + size)
				free[start + size] = off + len - start - size;
			used[start] = size;
			return start;
		}
		return SIZE_MAX;
	}

	void give_back(std::size_t off)
	{
		auto u = used.find(off);
		std::size_t len = u->second;
		used.erase(u);
		auto next = free.lower_bound(off);
		if (next != free.end() && next->first == off + len) {
			len += next->second;
			next = free.erase(next);
		}
		if (next != free.begin()) {
			auto prev = std::prev(next);
			if (prev->first + prev->second == off) {
				prev->second += len;
				return;
			}
		}
		free[off] = len;
	}
};

std::vector<std::unique_ptr<chunk>> chunks;

chunk *chunk_of(const void *ptr, std::size_t &off)
{
	for (auto &c : chunks) {
		auto p = static_cast<const char *>(ptr);
		if (p >= c->base && p < c->base + PCPU_UNIT_SIZE && c->used.count(p - c->base)) {
			off = static_cast<std::size_t>(p - c->base);
			return c.get();
		}
	}
	return nullptr;
}

} // namespace

extern "C" {

void *__alloc_percpu(size_t size, size_t align)
{
	if (!size || size > PCPU_MIN_UNIT_SIZE || align > page || (align & (align - 1))) {
		pr_warn("illegal size (%zu) or align (%zu) for percpu allocation\n", size, align);
		return nullptr;
	}
	align = align < 16 ? 16 : align;
	std::size_t off = SIZE_MAX;
	chunk *c = nullptr;
	for (auto &ch : chunks)
		if ((off = ch->take(size, align)) != SIZE_MAX) {
			c = ch.get();
			break;
		}
	if (!c) {
		auto fresh = std::make_unique<chunk>();
		if (!fresh->base)
			return nullptr;
		off = fresh->take(size, align);
		c = fresh.get();
		chunks.push_back(std::move(fresh));
	}
	char *ptr = c->base + off;
	for (unsigned cpu = 0; cpu < nr_cpu_ids; cpu++)
		std::memset(ptr + per_cpu_offset(cpu), 0, size);
	return ptr;
}

void free_percpu(void *ptr)
{
	if (!ptr)
		return;
	std::size_t off;
	if (chunk *c = chunk_of(ptr, off)) {
		c->give_back(off);
		return;
	}
	WARN(1, "free_percpu: %p is not a per-CPU area\n", ptr);
}

} // extern "C"
