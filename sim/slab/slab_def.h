// SPDX-License-Identifier: GPL-2.0-only
// SLAB's data structures, as v5.4 defines them (include/linux/slab_def.h, mm/slab.h, mm/slab.c):
// a kmem_cache, its per-CPU array caches and its per-node slab lists.
//
// A slab is a block of 2^gfporder pages from the page allocator. Its head struct page
// carries the slab's bookkeeping (slab_cache, s_mem, active, freelist) and links it into
// one of the node's three lists through page->lru, the hook struct page already has.
#pragma once

#include "linux/slab.h"
#include "linux/spinlock.h"
#include "sim/mm/page.h"

#include <boost/intrusive/list.hpp>

// One node: the simulated machine is UMA (see docs/slab.md).
#define MAX_NUMNODES 1

// Freelist entries are object indices. With 4 KiB pages and objects of at least 16 bytes a
// slab holds at most 255 objects, so one byte per index suffices.
typedef unsigned char freelist_idx_t;
#define SLAB_OBJ_MAX_NUM ((1 << sizeof(freelist_idx_t) * 8) - 1)

// Internal cache flags: where the slab's freelist lives (see __kmem_cache_create).
#define CFLGS_OBJFREELIST_SLAB ((slab_flags_t)0x40000000U)
#define CFLGS_OFF_SLAB ((slab_flags_t)0x80000000U)
#define OBJFREELIST_SLAB(x) ((x)->flags & CFLGS_OBJFREELIST_SLAB)
#define OFF_SLAB(x) ((x)->flags & CFLGS_OFF_SLAB)

// The flags that make a cache take the debugging paths.
#define SLAB_DEBUG_FLAGS (SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER)

#define BYTES_PER_WORD sizeof(void *)
#define REDZONE_ALIGN (sizeof(void *) > alignof(unsigned long long) ? sizeof(void *) : alignof(unsigned long long))

// The per-CPU "head array" (also used as the node's shared array): a LIFO stack of free
// object pointers. Allocation pops entry[--avail], free pushes entry[avail++].
struct array_cache {
	unsigned int avail;      // entries in use
	unsigned int limit;      // capacity
	unsigned int batchcount; // objects moved per refill or flush
	unsigned int touched;    // used since the reaper last looked
	void *entry[];
};

// Division by the object stride without a divide instruction (lib/reciprocal_div.c).
struct reciprocal_value {
	u32 m;
	u8 sh1, sh2;
};

struct reciprocal_value reciprocal_value(u32 d);

static inline u32 reciprocal_divide(u32 a, struct reciprocal_value R)
{
	u32 t = (u32)(((u64)a * R.m) >> 32);
	return (t + ((a - t) >> R.sh1)) >> R.sh2;
}

// Exact division by the object stride: for a = q * d it gives q, for any other a a value
// above UINT32_MAX / d, so one compare with num tells whether a pointer is an object start
// (Hacker's Delight 10-16: multiply by the inverse of d's odd part, rotate out its twos).
struct exact_divisor {
	u32 inv; // inverse of d >> shift modulo 2^32
	u8 shift; // trailing zero bits of d
};

struct exact_divisor exact_divisor(u32 d);

static inline u32 exact_divide(u32 a, struct exact_divisor D)
{
	u32 x = a * D.inv;
	return D.shift ? (x >> D.shift | x << (32 - D.shift)) : x;
}

struct kmem_cache_node {
	spinlock_t list_lock;
	page_list slabs_partial; // partial slabs first: allocations fill them up
	page_list slabs_full;
	page_list slabs_free;
	unsigned long total_slabs;  // all slabs on the three lists
	unsigned long free_slabs;   // slabs on slabs_free
	unsigned long free_objects; // free objects in slabs (not those in any array cache)
	unsigned int free_limit;    // free objects kept before free slabs are given back
	unsigned int colour_next;   // colour of the next slab
	struct array_cache *shared; // shared by the node's CPUs
	unsigned long next_reap;    // jiffies of the next reap of this node
	int free_touched;           // slabs_free used since the last reap
};

using kmem_cache_list_hook = boost::intrusive::list_member_hook<
	boost::intrusive::link_mode<boost::intrusive::normal_link>>;

struct kmem_cache {
	struct array_cache *cpu_cache; // per-CPU area: per_cpu_ptr(cpu_cache, cpu)

	// Tunables: /proc/slabinfo "limit batchcount sharedfactor".
	unsigned int batchcount;
	unsigned int limit;
	unsigned int shared;

	unsigned int size; // object stride in the slab: aligned, debug words included
	struct reciprocal_value reciprocal_buffer_size;
	struct exact_divisor exact_buffer_size; // the free path's object-start check

	slab_flags_t flags;     // constant flags, CFLGS_* included
	unsigned int num;       // objects per slab
	unsigned int gfporder;  // slab size is PAGE_SIZE << gfporder
	gfp_t allocflags;       // forced GFP flags for the slab's pages
	size_t colour;          // number of colours a slab can take
	unsigned int colour_off; // colour step in bytes
	struct kmem_cache *freelist_cache; // kmalloc cache of off-slab freelists
	unsigned int freelist_size;
	void (*ctor)(void *obj); // runs once per object when its slab is grown

	const char *name;
	kmem_cache_list_hook list; // on slab_caches, newest first
	int refcount;
	int object_size; // the size the user asked for
	int align;

	// Statistics, counted when the machine boots with slab_debug (CONFIG_DEBUG_SLAB's STATS).
	unsigned long num_active;
	unsigned long num_allocations;
	unsigned long high_mark;
	unsigned long grown;
	unsigned long reaped;
	unsigned long errors;
	unsigned long max_freeable;
	unsigned long node_allocs;
	unsigned long node_frees;
	unsigned long node_overflow;
	atomic_t allochit;
	atomic_t allocmiss;
	atomic_t freehit;
	atomic_t freemiss;

	int obj_offset; // user object's offset in the stride (after the first red zone)

	unsigned int useroffset; // usercopy region offset
	unsigned int usersize;   // usercopy region size

	struct kmem_cache_node *node[MAX_NUMNODES];
};

using kmem_cache_list = boost::intrusive::list<
	kmem_cache, boost::intrusive::member_hook<kmem_cache, kmem_cache_list_hook, &kmem_cache::list>,
	boost::intrusive::constant_time_size<false>>;

enum slab_state {
	DOWN,         // no slab functionality yet
	PARTIAL,      // the kmem_cache cache works
	PARTIAL_NODE, // kmalloc of kmem_cache_node works
	UP,           // kmalloc works
	FULL          // everything works, per-CPU arrays have their final sizes
};

extern enum slab_state slab_state;
extern kmem_cache_list slab_caches; // every cache, newest first (/proc/slabinfo order)
extern struct kmem_cache kmem_cache_boot; // the cache of struct kmem_cache itself

static inline struct kmem_cache_node *get_node(struct kmem_cache *s, int node)
{
	return s->node[node];
}

static inline void *index_to_obj(struct kmem_cache *cache, struct page *page, unsigned int idx)
{
	return (char *)page->s_mem + cache->size * idx;
}

static inline unsigned int obj_to_index(const struct kmem_cache *cache, const struct page *page,
					const void *obj)
{
	u32 offset = (u32)((const char *)obj - (const char *)page->s_mem);
	return reciprocal_divide(offset, cache->reciprocal_buffer_size);
}

static inline freelist_idx_t get_free_obj(struct page *page, unsigned int idx)
{
	return ((freelist_idx_t *)page->freelist)[idx];
}

static inline void set_free_obj(struct page *page, unsigned int idx, freelist_idx_t val)
{
	((freelist_idx_t *)page->freelist)[idx] = val;
}
