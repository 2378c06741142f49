// SPDX-License-Identifier: GPL-2.0-only
// What the files of sim/slab/ share with each other (the kernel keeps these static in
// mm/slab.c or declares them in mm/slab.h). Not an API for other subsystems: they use
// linux/slab.h, and read-only views through sim/slab/slabinfo.h.
#pragma once

#include "sim/slab/failslab.h"
#include "sim/slab/slab_def.h"

#include "linux/page-flags.h"
#include "linux/percpu.h"
#include "sim/mm/memory.h"
#include "sim/trace/trace.h"

#include <string>

namespace sim {
// CONFIG_DEBUG_SLAB, switched by machine_config::slab_debug: every cache gets red zones,
// poisoning and caller tracking where its layout allows, and the STATS counters run.
extern bool slab_stats;

// slab_stats or failslab is on: every allocation and free takes the full path. Kept by
// slab_hooks_update, in the fast-path key beside tracing_on (see fast_path_clear).
inline constexpr std::size_t slab_hooks_key = 1;
inline constexpr bool &slab_hooks = fast_path_keys[slab_hooks_key];
void slab_hooks_update();
} // namespace sim

// The STATS counters of mm/slab.c; each costs one predictable branch when statistics are off.
#define SLAB_STAT(x) do { if (unlikely(sim::slab_stats)) { x; } } while (0)
#define STATS_INC_ACTIVE(x) SLAB_STAT((x)->num_active++)
#define STATS_DEC_ACTIVE(x) SLAB_STAT((x)->num_active--)
#define STATS_INC_ALLOCED(x) SLAB_STAT((x)->num_allocations++)
#define STATS_INC_GROWN(x) SLAB_STAT((x)->grown++)
#define STATS_ADD_REAPED(x, y) SLAB_STAT((x)->reaped += (y))
#define STATS_SET_HIGH(x) SLAB_STAT(if ((x)->num_active > (x)->high_mark) (x)->high_mark = (x)->num_active)
#define STATS_SET_FREEABLE(x, i) SLAB_STAT(if ((x)->max_freeable < (i)) (x)->max_freeable = (i))
#define STATS_INC_ALLOCHIT(x) SLAB_STAT((x)->allochit.counter++)
#define STATS_INC_ALLOCMISS(x) SLAB_STAT((x)->allocmiss.counter++)
#define STATS_INC_FREEHIT(x) SLAB_STAT((x)->freehit.counter++)
#define STATS_INC_FREEMISS(x) SLAB_STAT((x)->freemiss.counter++)

#define BATCHREFILL_LIMIT 16
#define BOOT_CPUCACHE_ENTRIES 1
#define SLAB_MAX_ORDER_HI 1
#define SLAB_MAX_ORDER_LO 0
#define REAPTIMEOUT_AC (2 * HZ)
#define REAPTIMEOUT_NODE (4 * HZ)
#define SHARED_ARRAY_BATCH 0xbaadf00d // the shared array's batchcount is never used
#define CACHE_LINE_SIZE 64             // cache_line_size() on x86_64

extern int slab_max_order;

// One node (UMA): every CPU's memory node is node 0.
static inline int numa_mem_id(void)
{
	return 0;
}

static __always_inline struct array_cache *cpu_cache_get(struct kmem_cache *cachep)
{
	return this_cpu_ptr(cachep->cpu_cache);
}

// cache_create.cpp
size_t calculate_slab_order(struct kmem_cache *cachep, size_t size, slab_flags_t flags);
int __kmem_cache_create(struct kmem_cache *cachep, slab_flags_t flags);
unsigned int calculate_alignment(slab_flags_t flags, unsigned int align, unsigned int size);
void create_boot_cache(struct kmem_cache *s, const char *name, unsigned int size,
		       slab_flags_t flags, unsigned int useroffset, unsigned int usersize);
struct kmem_cache *create_kmalloc_cache(const char *name, unsigned int size, slab_flags_t flags,
					unsigned int useroffset, unsigned int usersize);

// The struct page of a simulated-memory address, or NULL outside that memory.
static inline struct page *slab_virt_to_page(const void *addr)
{
	if (unlikely(!sim::phys_addr_valid(addr)))
		return nullptr;
	return sim::phys_to_page(addr);
}

// A slab is a compound page (__GFP_COMP): its head page holds the slab's fields.
static inline struct page *virt_to_head_page(const void *obj)
{
	return compound_head(slab_virt_to_page(obj));
}

// grow.cpp
struct page *cache_grow_begin(struct kmem_cache *cachep, gfp_t flags, int nodeid);
void cache_grow_end(struct kmem_cache *cachep, struct page *page);
void *slab_get_obj(struct kmem_cache *cachep, struct page *page);
bool slab_put_obj(struct kmem_cache *cachep, struct page *page, void *objp);
void slab_list_del(struct page *page);
void fixup_slab_list(struct kmem_cache *cachep, struct kmem_cache_node *n, struct page *page,
		     void **list);
struct page *get_first_slab(struct kmem_cache_node *n);
void slab_destroy(struct kmem_cache *cachep, struct page *page);
void slabs_destroy(struct kmem_cache *cachep, page_list &list);

// The index of the object whose buffer starts at `buf` in its slab, or a number >= num when
// buf is not a buffer's start (before s_mem, beyond the last object, or inside one).
static inline unsigned int buffer_index(const struct kmem_cache *cachep, const struct page *page,
					const void *buf)
{
	return exact_divide((u32)((const char *)buf - (const char *)page->s_mem), cachep->exact_buffer_size);
}

// The same for an object pointer x, which lies obj_offset bytes into its buffer.
static inline unsigned int obj_start_index(const struct kmem_cache *cachep, const struct page *page,
					   const void *x)
{
	return buffer_index(cachep, page, static_cast<const char *>(x) - cachep->obj_offset);
}

// free.cpp
void free_block(struct kmem_cache *cachep, void **objpp, int nr_objects, int node, page_list &list);

// tune.cpp
struct array_cache *alloc_arraycache(int node, int entries, int batchcount, gfp_t gfp);
int setup_cpu_cache(struct kmem_cache *cachep, gfp_t gfp);
int enable_cpucache(struct kmem_cache *cachep, gfp_t gfp);
int do_tune_cpucache(struct kmem_cache *cachep, int limit, int batchcount, int shared, gfp_t gfp);
void kmem_cache_node_init(struct kmem_cache_node *parent);
void free_kmem_cache_cpus(struct kmem_cache *cachep);

// reap.cpp
int __kmem_cache_shrink(struct kmem_cache *cachep);
int drain_freelist(struct kmem_cache *cache, struct kmem_cache_node *n, int tofree);
void start_cpu_timers(void);
void stop_cpu_timers(void);

// kmalloc.cpp
void setup_kmalloc_cache_index_table(void);
void new_kmalloc_cache(int idx, int type, slab_flags_t flags);
void create_kmalloc_caches(slab_flags_t flags);

// debug.cpp: each is called only for caches with SLAB_DEBUG_FLAGS set.
void cache_init_objs_debug(struct kmem_cache *cachep, struct page *page);
void *cache_alloc_debugcheck_after(struct kmem_cache *cachep, gfp_t flags, void *objp,
				   unsigned long caller);
void *cache_free_debugcheck(struct kmem_cache *cachep, void *objp, unsigned long caller);
bool slab_freelist_has(struct kmem_cache *cachep, struct page *page, void *objp);
void slab_destroy_debugcheck(struct kmem_cache *cachep, struct page *page);
void fixup_objfreelist_debug(struct kmem_cache *cachep, void **list);
void poison_obj(struct kmem_cache *cachep, void *addr, unsigned char val);
#define slab_error(cachep, msg) __slab_error(__func__, cachep, msg)
void __slab_error(const char *function, struct kmem_cache *cachep, const char *msg);
