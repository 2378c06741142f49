// SPDX-License-Identifier: GPL-2.0-only
// Dynamic per-CPU areas: one zeroed copy per CPU, with the stride stored in a small header
// just before the first copy (linux/percpu.h reads it inline).
#include "linux/percpu.h"
#include "linux/printk.h"

#include <cstdlib>
#include <cstring>

namespace {
constexpr std::size_t header = 64; // room for the header at any alignment up to 64
}

extern "C" {

void *__alloc_percpu(size_t size, size_t align)
{
	if (!size || (align & (align - 1)) || align > header) {
		pr_warn("illegal size (%zu) or align (%zu) for percpu allocation\n", size, align);
		return nullptr;
	}
	std::size_t a = align < 16 ? 16 : align;
	std::size_t stride = (size + a - 1) / a * a;
	// aligned_alloc wants a size that is a multiple of the alignment.
	std::size_t total = (header + stride * nr_cpu_ids + header - 1) / header * header;
	char *base = static_cast<char *>(std::aligned_alloc(header, total));
	if (!base)
		return nullptr;
	std::memset(base, 0, total);
	char *first = base + header;
	reinterpret_cast<std::size_t *>(first)[-1] = stride;
	return first;
}

void free_percpu(void *ptr)
{
	if (ptr)
		std::free(static_cast<char *>(ptr) - header);
}

} // extern "C"
