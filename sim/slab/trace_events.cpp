// SPDX-License-Identifier: GPL-2.0-only
#include "sim/slab/trace_events.h"
#include "sim/slab/slab_def.h"

#include "sim/mm/mmflags.h"

#include <fmt/format.h>

// "call_site=%pS ptr=%p bytes_req=%zu bytes_alloc=%zu gfp_flags=%s" (+ " node=%d").
static void print_alloc(std::string &out, const kmem_alloc_fields &f)
{
	out += "call_site=";
	sim::trace_symoff(out, f.call_site);
	out += " ptr=";
	sim::trace_ptr(out, f.ptr);
	std::string gfp = f.gfp_flags ? sim::gfp_flag_names(f.gfp_flags) : "none";
	out += fmt::format(" bytes_req={} bytes_alloc={} gfp_flags={}", f.bytes_req, f.bytes_alloc, gfp);
}

static void print_alloc_node(std::string &out, const kmem_alloc_fields &f)
{
	print_alloc(out, f);
	out += fmt::format(" node={}", f.node);
}

static void print_free(std::string &out, const kmem_free_fields &f)
{
	out += "call_site=";
	sim::trace_symoff(out, f.call_site);
	out += " ptr=";
	sim::trace_ptr(out, f.ptr);
}

sim::trace_event<kmem_alloc_fields> trace_kmalloc_event{"kmem", "kmalloc", print_alloc};
sim::trace_event<kmem_alloc_fields> trace_kmem_cache_alloc_event{"kmem", "kmem_cache_alloc", print_alloc};
sim::trace_event<kmem_alloc_fields> trace_kmalloc_node_event{"kmem", "kmalloc_node", print_alloc_node};
sim::trace_event<kmem_alloc_fields> trace_kmem_cache_alloc_node_event{"kmem", "kmem_cache_alloc_node",
								       print_alloc_node};
sim::trace_event<kmem_free_fields> trace_kfree_event{"kmem", "kfree", print_free};
sim::trace_event<kmem_free_fields> trace_kmem_cache_free_event{"kmem", "kmem_cache_free", print_free};

sim::trace_event<slab_step_fields> trace_slab_refill_event{
	"slab", "slab_refill", [](std::string &out, const slab_step_fields &f) {
		out += fmt::format("cache={} objs={}", f.cache->name, f.count);
	}};
sim::trace_event<slab_step_fields> trace_slab_flush_event{
	"slab", "slab_flush", [](std::string &out, const slab_step_fields &f) {
		out += fmt::format("cache={} objs={} to={}", f.cache->name, f.count,
				   f.extra ? "shared" : "slabs");
	}};
sim::trace_event<slab_step_fields> trace_slab_grow_event{
	"slab", "slab_grow", [](std::string &out, const slab_step_fields &f) {
		out += fmt::format("cache={} order={} objs={} colour_off={}", f.cache->name,
				   f.cache->gfporder, f.cache->num, f.count);
	}};
sim::trace_event<slab_step_fields> trace_slab_shrink_event{
	"slab", "slab_shrink", [](std::string &out, const slab_step_fields &f) {
		out += fmt::format("cache={} slabs_freed={}", f.cache->name, f.count);
	}};
sim::trace_event<slab_step_fields> trace_slab_reap_event{
	"slab", "slab_reap", [](std::string &out, const slab_step_fields &f) {
		out += fmt::format("cache={} slabs_freed={}", f.cache->name, f.count);
	}};
