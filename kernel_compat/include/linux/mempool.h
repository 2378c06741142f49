/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Memory buffer pools: a pre-allocated reserve that lets allocations which must not fail make
 * progress under memory pressure (mm/mempool.c). The API is v5.4's; the calls marked
 * "extension" come from later kernels and are described in docs/mempool.md.
 */
#ifndef _LINUX_MEMPOOL_H
#define _LINUX_MEMPOOL_H

#include "linux/compiler.h"
#include "linux/types.h"
#include "linux/gfp.h"
#include "linux/spinlock.h"
#include "linux/wait.h"

struct kmem_cache;

typedef void *(mempool_alloc_t)(gfp_t gfp_mask, void *pool_data);
typedef void(mempool_free_t)(void *element, void *pool_data);

/*
 * slabsim's per-pool counters, behind /proc/mempoolinfo (docs/mempool.md). The kernel keeps
 * none; they let a scenario show how often the reserve was needed and who had to wait.
 */
struct mempool_stats {
	unsigned long alloc_backing; /* mempool_alloc served by pool->alloc */
	unsigned long alloc_reserve; /* ... served from the reserve */
	unsigned long alloc_fail;    /* ... returned NULL */
	unsigned long free_reserve;  /* mempool_free refilled the reserve */
	unsigned long free_backing;  /* ... handed the element to pool->free */
	unsigned long sleeps;        /* io_schedule_timeout(5*HZ) calls in mempool_alloc */
	unsigned long wakeups;       /* ... that ended early, by a wake_up */
	unsigned long timeouts;      /* ... that ran the full 5 s and led to a retry */
	int lowest_nr;               /* the lowest curr_nr mempool_alloc left behind */
	int nr_waiters;              /* tasks asleep on pool->wait now */
	int max_waiters;             /* the most that ever were */
};

typedef struct mempool_s {
	spinlock_t lock;
	int min_nr;   /* nr of elements at *elements */
	int curr_nr;  /* Current nr of elements at *elements */
	void **elements;

	void *pool_data;
	mempool_alloc_t *alloc;
	mempool_free_t *free;
	wait_queue_head_t wait;

	/* slabsim's additions; the kernel's fields above keep their names and order. */
	unsigned int sim_magic;     /* MEMPOOL_MAGIC while initialised: catches use after exit */
	unsigned int sim_id;        /* creation number, names the pool in traces and reports */
	char sim_name[32];          /* "slab:bio-0", "kmalloc:256", "pages:2", or set by hand */
	struct list_head sim_list;  /* on the list of all pools, in creation order */
	unsigned int sim_flags;     /* MEMPOOL_SIM_*, fixed at init, but for LAST_RESERVE */
	struct mempool_stats sim_stats;
	void *sim_debug;            /* debug mode only: the elements this pool has handed out */
} mempool_t;

#define MEMPOOL_SIM_DEBUG 0x1    /* poisoned reserve, record of handed-out elements */
#define MEMPOOL_SIM_ZERO_MIN 0x2 /* min_nr 0 keeps one element (v6.16), not none (v5.4) */
#define MEMPOOL_SIM_LAST_RESERVE 0x4 /* the element mempool_alloc last returned was reserved */

SLABSIM_BEGIN_DECLS

static inline bool mempool_initialized(mempool_t *pool)
{
	return pool->elements != NULL;
}

/* Extension (v6.8+): the reserve is full. */
static inline bool mempool_is_saturated(mempool_t *pool)
{
	return READ_ONCE(pool->curr_nr) >= pool->min_nr;
}

void mempool_exit(mempool_t *pool);
int mempool_init_node(mempool_t *pool, int min_nr, mempool_alloc_t *alloc_fn,
		      mempool_free_t *free_fn, void *pool_data, gfp_t gfp_mask, int node_id);
int mempool_init(mempool_t *pool, int min_nr, mempool_alloc_t *alloc_fn,
		 mempool_free_t *free_fn, void *pool_data);

mempool_t *mempool_create(int min_nr, mempool_alloc_t *alloc_fn, mempool_free_t *free_fn,
			  void *pool_data);
mempool_t *mempool_create_node(int min_nr, mempool_alloc_t *alloc_fn, mempool_free_t *free_fn,
			       void *pool_data, gfp_t gfp_mask, int nid);

int mempool_resize(mempool_t *pool, int new_min_nr);
void mempool_destroy(mempool_t *pool);
void *mempool_alloc(mempool_t *pool, gfp_t gfp_mask);
/* Extension (v6.8+): take an element from the reserve only; never sleeps, never allocates. */
void *mempool_alloc_preallocated(mempool_t *pool);
void mempool_free(void *element, mempool_t *pool);

/*
 * Extension (linux-next, 2025): fill the NULL slots of elems[0..count) with GFP_KERNEL
 * semantics, taking every missing element from the reserve at once when the allocator
 * fails; always returns 0. mempool_free_bulk moves elements from the front of elems into
 * the reserve while it is below min_nr and returns how many it took: the caller frees the
 * rest itself.
 */
int mempool_alloc_bulk(mempool_t *pool, void **elems, unsigned int count,
		       unsigned int allocated);
unsigned int mempool_free_bulk(mempool_t *pool, void **elems, unsigned int count);

/*
 * A mempool_alloc_t and mempool_free_t that get the memory from
 * a slab cache that is passed in through pool_data.
 * Note: the slab cache may not have a ctor function.
 */
void *mempool_alloc_slab(gfp_t gfp_mask, void *pool_data);
void mempool_free_slab(void *element, void *pool_data);

static inline int mempool_init_slab_pool(mempool_t *pool, int min_nr, struct kmem_cache *kc)
{
	return mempool_init(pool, min_nr, mempool_alloc_slab, mempool_free_slab, (void *)kc);
}

static inline mempool_t *mempool_create_slab_pool(int min_nr, struct kmem_cache *kc)
{
	return mempool_create(min_nr, mempool_alloc_slab, mempool_free_slab, (void *)kc);
}

/* a mempool_alloc_t and a mempool_free_t to kmalloc and kfree the amount of memory
 * specified by pool_data */
void *mempool_kmalloc(gfp_t gfp_mask, void *pool_data);
void mempool_kfree(void *element, void *pool_data);

static inline int mempool_init_kmalloc_pool(mempool_t *pool, int min_nr, size_t size)
{
	return mempool_init(pool, min_nr, mempool_kmalloc, mempool_kfree, (void *)size);
}

static inline mempool_t *mempool_create_kmalloc_pool(int min_nr, size_t size)
{
	return mempool_create(min_nr, mempool_kmalloc, mempool_kfree, (void *)size);
}

/* A mempool_alloc_t and mempool_free_t for a simple page allocator that allocates pages of
 * the order specified by pool_data; the elements are struct page pointers. */
void *mempool_alloc_pages(gfp_t gfp_mask, void *pool_data);
void mempool_free_pages(void *element, void *pool_data);

static inline int mempool_init_page_pool(mempool_t *pool, int min_nr, int order)
{
	return mempool_init(pool, min_nr, mempool_alloc_pages, mempool_free_pages,
			    (void *)(long)order);
}

static inline mempool_t *mempool_create_page_pool(int min_nr, int order)
{
	return mempool_create(min_nr, mempool_alloc_pages, mempool_free_pages,
			      (void *)(long)order);
}

SLABSIM_END_DECLS

#endif /* _LINUX_MEMPOOL_H */
