// SPDX-License-Identifier: GPL-2.0-only
// Element poisoning, as mm/mempool.c does it under CONFIG_DEBUG_SLAB: an element entering the
// reserve is filled with POISON_FREE and ends in POISON_END; leaving it, the bytes are checked
// (a mismatch means someone wrote to an element the pool held) and then filled with
// POISON_INUSE. Only pools whose elements come from the stock slab, kmalloc and page
// backends are poisoned: a pool's own alloc function may hand out anything.
#include "sim/mempool/internal.h"

#include "linux/kernel.h"
#include "linux/mm.h"
#include "linux/poison.h"
#include "linux/printk.h"
#include "linux/slab.h"
#include "sim/trace/report.h"

#include <algorithm>
#include <cstring>

namespace sim {

namespace {

struct element_bytes {
	u8 *start;
	size_t size; // 0: not poisoned
};

// v5.4 poisons the whole slab object (ksize) and the whole block of pages.
element_bytes poisoned_bytes(const mempool_t *pool, void *element)
{
	if (!mempool_debug(pool))
		return {nullptr, 0};
	if (pool->alloc == mempool_alloc_slab || pool->alloc == mempool_kmalloc)
		return {static_cast<u8 *>(element), ksize(element)};
	if (pool->alloc == mempool_alloc_pages) {
		long order = reinterpret_cast<long>(pool->pool_data);
		return {static_cast<u8 *>(page_address(static_cast<struct page *>(element))),
			PAGE_SIZE << order};
	}
	return {nullptr, 0};
}

// The kernel's report, byte for byte: up to a long's worth of bytes either side of the first
// bad one.
void poison_error(const mempool_t *pool, const u8 *obj, size_t size, size_t bad)
{
	const size_t span = sizeof(long);
	const size_t start = bad > span ? bad - span : 0;
	const size_t end = std::min(bad + span, size);

	sim::report_note(sim::report_kind::mempool, "BUG: mempool element poison mismatch");
	pr_err("BUG: mempool element poison mismatch\n");
	pr_err("Mempool %p size %zu\n", static_cast<const void *>(pool), size);
	pr_err(" nr=%d @ %p: %s0x", pool->curr_nr, static_cast<const void *>(obj),
	       start > 0 ? "... " : "");
	for (size_t i = start; i < end; i++)
		pr_cont("%x ", obj[i]);
	pr_cont("%s\n", end < size ? "..." : "");
	dump_stack();
}

} // namespace

void poison_element(mempool_t *pool, void *element)
{
	element_bytes e = poisoned_bytes(pool, element);

	if (!e.size)
		return;
	std::memset(e.start, POISON_FREE, e.size - 1);
	e.start[e.size - 1] = POISON_END;
}

void check_element(mempool_t *pool, void *element)
{
	element_bytes e = poisoned_bytes(pool, element);

	for (size_t i = 0; i < e.size; i++) {
		u8 expected = i < e.size - 1 ? POISON_FREE : POISON_END;
		if (e.start[i] != expected) {
			// As the kernel: report and hand the element out as found.
			poison_error(pool, e.start, e.size, i);
			return;
		}
	}
	if (e.size)
		std::memset(e.start, POISON_INUSE, e.size);
}

} // namespace sim
