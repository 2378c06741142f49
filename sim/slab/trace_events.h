// SPDX-License-Identifier: GPL-2.0-only
// The kmem tracepoints (include/trace/events/kmem.h, v5.4 formats), and the "slab" events
// the simulator adds so a learner can watch the internals: refill, flush, grow, shrink, reap.
// Each tests tracing_on before it gathers its fields, so tracing off costs one branch (the
// four allocation events are fired by slab_alloc, which tests it itself).
#pragma once

#include "sim/trace/kallsyms.h"
#include "sim/trace/trace.h"

#include "linux/compiler.h"

struct kmem_cache;

struct kmem_alloc_fields {
	unsigned long call_site;
	const void *ptr;
	size_t bytes_req;
	size_t bytes_alloc;
	gfp_t gfp_flags;
	int node;
};

struct kmem_free_fields {
	unsigned long call_site;
	const void *ptr;
};

// One slab-internal step of a cache: `objs` objects (or slabs) moved, `where` says how.
struct slab_step_fields {
	const struct kmem_cache *cache;
	unsigned long count;
	unsigned long extra;
};

extern sim::trace_event<kmem_alloc_fields> trace_kmalloc_event, trace_kmem_cache_alloc_event,
	trace_kmalloc_node_event, trace_kmem_cache_alloc_node_event;
extern sim::trace_event<kmem_free_fields> trace_kfree_event, trace_kmem_cache_free_event;
extern sim::trace_event<slab_step_fields> trace_slab_refill_event, trace_slab_flush_event,
	trace_slab_grow_event, trace_slab_shrink_event, trace_slab_reap_event;

// Records one event, out of line: the fields are gathered only when tracing is on, and the
// fast paths keep no room for them on their stack. The four allocation events are fired by
// slab_alloc, which each entry point hands its own event.
template <class Fields, class... Args>
__attribute__((noinline, cold)) void slab_trace_record(sim::trace_event<Fields> &event, Args... args)
{
	event(Fields{args...});
}

static inline void trace_kfree(unsigned long call_site, const void *ptr)
{
	if (unlikely(sim::tracing_on))
		slab_trace_record(trace_kfree_event, sim::effective_caller(call_site), ptr);
}

static inline void trace_kmem_cache_free(unsigned long call_site, const void *ptr)
{
	if (unlikely(sim::tracing_on))
		slab_trace_record(trace_kmem_cache_free_event, sim::effective_caller(call_site), ptr);
}

// Refill brought `objs` objects into this CPU's array.
static inline void trace_slab_refill(const struct kmem_cache *c, unsigned long objs)
{
	if (unlikely(sim::tracing_on))
		slab_trace_record(trace_slab_refill_event, c, objs, 0UL);
}

// Flush moved `objs` objects from this CPU's array to the shared array or to the slabs.
static inline void trace_slab_flush(const struct kmem_cache *c, unsigned long objs, bool to_shared)
{
	if (unlikely(sim::tracing_on))
		slab_trace_record(trace_slab_flush_event, c, objs, (unsigned long)to_shared);
}

// A new slab of 2^order pages, its objects starting `colour_off` bytes in.
static inline void trace_slab_grow(const struct kmem_cache *c, unsigned long colour_off)
{
	if (unlikely(sim::tracing_on))
		slab_trace_record(trace_slab_grow_event, c, colour_off, 0UL);
}

static inline void trace_slab_shrink(const struct kmem_cache *c, unsigned long slabs)
{
	if (unlikely(sim::tracing_on))
		slab_trace_record(trace_slab_shrink_event, c, slabs, 0UL);
}

static inline void trace_slab_reap(const struct kmem_cache *c, unsigned long slabs)
{
	if (unlikely(sim::tracing_on))
		slab_trace_record(trace_slab_reap_event, c, slabs, 0UL);
}
