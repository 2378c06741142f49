// SPDX-License-Identifier: GPL-2.0-only
// What tasks and interrupts do with objects: allocate them (kmem_cache_alloc, kmalloc,
// mempool_alloc, alloc_pages), free them, write over them.
#include "sim/scenario/interp.h"

#include "linux/gfp.h"
#include "linux/mm.h"
#include "linux/slab.h"
#include "sim/mempool/observe.h"

#include <cstring>
#include <fmt/format.h>

namespace sim::scenario {

void *bytes_of(const slot &s)
{
	return s.page ? page_address(static_cast<struct page *>(s.ptr)) : s.ptr;
}

const mempool_t *interp::pool_of(const op &o) const
{
	bool pool_op = (o.code == opcode::alloc && o.sub == static_cast<std::uint8_t>(alloc_fn::mempool_alloc)) ||
		       (o.code == opcode::free && o.sub == static_cast<std::uint8_t>(free_fn::mempool_free));
	return pool_op ? pools_[o.b].pool : nullptr;
}

void interp::alloc(const op &o, const std::int64_t *frame)
{
	note_line(o);
	slot *s = at(o.a, o.x, frame, o.loc);
	if (!s)
		return;
	void *p = nullptr;
	std::size_t bytes = 0;
	bool reserve = false, page = false;
	switch (static_cast<alloc_fn>(o.sub)) {
	case alloc_fn::kmem_cache_alloc:
	case alloc_fn::kmem_cache_zalloc: {
		struct kmem_cache *c = live_cache(o.b, o.loc);
		if (!c)
			return;
		p = static_cast<alloc_fn>(o.sub) == alloc_fn::kmem_cache_alloc ? kmem_cache_alloc(c, o.c)
										: kmem_cache_zalloc(c, o.c);
		bytes = kmem_cache_size(c);
		break;
	}
	case alloc_fn::kmalloc:
	case alloc_fn::kzalloc: {
		std::int64_t size = eval(o.y, frame, o.loc);
		if (halt_)
			return;
		if (size < 0)
			return fail(o.loc, fmt::format("kmalloc size {} is negative", size));
		p = static_cast<alloc_fn>(o.sub) == alloc_fn::kmalloc ? kmalloc(size, o.c) : kzalloc(size, o.c);
		bytes = p == ZERO_SIZE_PTR ? 0 : size;
		break;
	}
	case alloc_fn::mempool_alloc: {
		pool_rec &r = pools_[o.b];
		if (!live_pool(o.b, o.loc))
			return;
		p = mempool_alloc(r.pool, o.c);
		reserve = mempool_handed_out_from(r.pool, p) == mempool_from::reserve;
		bytes = r.elem_bytes;
		page = p_.pools[o.b].backend == pool_backend::pages;
		break;
	}
	case alloc_fn::alloc_pages: {
		std::int64_t order = eval(o.y, frame, o.loc);
		if (halt_)
			return;
		struct page *pg = alloc_pages(o.c, static_cast<unsigned>(order)); // 0 to 10: checked
		p = pg;
		bytes = PAGE_SIZE << order;
		page = true;
		break;
	}
	}
	*s = {slot::live, reserve, page, o.loc, p, p ? bytes : 0};
}

void interp::free(const op &o, const std::int64_t *frame)
{
	note_line(o);
	slot *s = holding(o, frame);
	if (!s)
		return;
	if (s->state == slot::freed)
		return fail(o.loc, fmt::format("'{}' was already freed at {}:{}", p_.objects[o.a].name, s->where.line,
					       s->where.col));
	void *p = s->ptr;
	switch (static_cast<free_fn>(o.sub)) {
	case free_fn::kmem_cache_free:
		if (!p)
			return fail(o.loc, fmt::format("'{}' is NULL (its allocation at {}:{} failed): "
						       "kmem_cache_free(NULL) would oops; check it first",
						       p_.objects[o.a].name, s->where.line, s->where.col));
		if (!live_cache(o.b, o.loc))
			return;
		kmem_cache_free(caches_[o.b], p);
		break;
	case free_fn::kfree:
		kfree(p);
		break;
	case free_fn::mempool_free:
		if (!live_pool(o.b, o.loc))
			return;
		mempool_free(p, pools_[o.b].pool);
		break;
	case free_fn::free_pages:
		if (!p)
			return fail(o.loc, fmt::format("'{}' is NULL (its allocation at {}:{} failed): "
						       "__free_pages(NULL) would oops; check it first",
						       p_.objects[o.a].name, s->where.line, s->where.col));
		std::int64_t order = eval(o.y, frame, o.loc); // 0 to 10: checked
		if (halt_)
			return;
		__free_pages(static_cast<struct page *>(p), static_cast<unsigned>(order));
		break;
	}
	s->state = slot::freed;
	s->where = o.loc;
}

void interp::fill(const op &o, const std::int64_t *frame)
{
	if (slot *s = holding(o, frame); s && check_live(o.loc, o.a, *s))
		std::memset(bytes_of(*s), static_cast<int>(o.c), s->bytes);
}

} // namespace sim::scenario
