/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The slab allocator's API as Linux v5.4 declares it for SLAB (include/linux/slab.h):
 * kmem_cache_create/alloc/free, kmalloc and friends. The allocator itself lives in
 * sim/slab/; struct kmem_cache is opaque here, as a module only holds pointers to it.
 */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include "linux/gfp.h"
#include "linux/mm.h" /* PAGE_SHIFT; MAX_ORDER via mmzone.h */
#include "linux/types.h"

/* Cache creation flags (v5.4 values). */
#define SLAB_CONSISTENCY_CHECKS ((slab_flags_t)0x00000100U) /* DEBUG: perform (expensive) checks */
#define SLAB_RED_ZONE ((slab_flags_t)0x00000400U)     /* DEBUG: red zone objs in a cache */
#define SLAB_POISON ((slab_flags_t)0x00000800U)       /* DEBUG: poison objects */
#define SLAB_HWCACHE_ALIGN ((slab_flags_t)0x00002000U) /* align objs on cache lines */
#define SLAB_CACHE_DMA ((slab_flags_t)0x00004000U)    /* use GFP_DMA memory */
#define SLAB_CACHE_DMA32 ((slab_flags_t)0x00008000U)  /* use GFP_DMA32 memory */
#define SLAB_STORE_USER ((slab_flags_t)0x00010000U)   /* DEBUG: store the last owner */
#define SLAB_PANIC ((slab_flags_t)0x00040000U)        /* panic if kmem_cache_create() fails */
#define SLAB_TYPESAFE_BY_RCU ((slab_flags_t)0x00080000U) /* defer freeing slabs to RCU */
#define SLAB_MEM_SPREAD ((slab_flags_t)0x00100000U)   /* spread some memory over cpuset */
#define SLAB_TRACE ((slab_flags_t)0x00200000U)        /* trace allocations and frees */
#define SLAB_DEBUG_OBJECTS ((slab_flags_t)0x00400000U) /* flag to prevent checks on free */
#define SLAB_NOLEAKTRACE ((slab_flags_t)0x00800000U)  /* avoid kmemleak tracing */
#define SLAB_FAILSLAB ((slab_flags_t)0x02000000U)     /* fault injection mark */
#define SLAB_ACCOUNT ((slab_flags_t)0x04000000U)      /* account to memcg */
#define SLAB_KASAN 0
#define SLAB_RECLAIM_ACCOUNT ((slab_flags_t)0x00020000U) /* objects are reclaimable */
#define SLAB_TEMPORARY SLAB_RECLAIM_ACCOUNT            /* objects are short-lived */
#define SLAB_DEACTIVATED ((slab_flags_t)0x10000000U)

/*
 * ZERO_SIZE_PTR is returned for zero-sized kmalloc requests: dereferencing it faults, and
 * kfree() accepts it like NULL.
 */
#define ZERO_SIZE_PTR ((void *)16)
#define ZERO_OR_NULL_PTR(x) ((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

#define ARCH_KMALLOC_MINALIGN __alignof__(unsigned long long)
#define ARCH_SLAB_MINALIGN __alignof__(unsigned long long)

/*
 * SLAB's kmalloc caches run from 32 bytes (shift 5) to the largest page-allocator block
 * minus one order, capped at 32 MiB: 4 MiB (shift 22) with 4 KiB pages and MAX_ORDER 11.
 */
#define KMALLOC_SHIFT_HIGH ((MAX_ORDER + PAGE_SHIFT - 1) <= 25 ? (MAX_ORDER + PAGE_SHIFT - 1) : 25)
#define KMALLOC_SHIFT_MAX KMALLOC_SHIFT_HIGH
#define KMALLOC_SHIFT_LOW 5
#define KMALLOC_MAX_SIZE (1UL << KMALLOC_SHIFT_MAX)
#define KMALLOC_MAX_CACHE_SIZE (1UL << KMALLOC_SHIFT_HIGH)
#define KMALLOC_MAX_ORDER (KMALLOC_SHIFT_MAX - PAGE_SHIFT)
#define KMALLOC_MIN_SIZE (1 << KMALLOC_SHIFT_LOW)
/* The smallest object SLAB makes: its one-byte freelist index caps a slab at 255 objects. */
#define SLAB_OBJ_MIN_SIZE (KMALLOC_MIN_SIZE < 16 ? (KMALLOC_MIN_SIZE) : 16)

struct kmem_cache;

enum kmalloc_cache_type {
	KMALLOC_NORMAL = 0,
	KMALLOC_RECLAIM,
	KMALLOC_DMA,
	NR_KMALLOC_TYPES
};

SLABSIM_BEGIN_DECLS

extern struct kmem_cache *kmalloc_caches[NR_KMALLOC_TYPES][KMALLOC_SHIFT_HIGH + 1];

void kmem_cache_init(void);
void kmem_cache_init_late(void);
bool slab_is_available(void);

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size, unsigned int align,
				     slab_flags_t flags, void (*ctor)(void *));
struct kmem_cache *kmem_cache_create_usercopy(const char *name, unsigned int size,
					      unsigned int align, slab_flags_t flags,
					      unsigned int useroffset, unsigned int usersize,
					      void (*ctor)(void *));
void kmem_cache_destroy(struct kmem_cache *s);
int kmem_cache_shrink(struct kmem_cache *s);
unsigned int kmem_cache_size(struct kmem_cache *s);

void *kmem_cache_alloc(struct kmem_cache *s, gfp_t flags);
void *kmem_cache_alloc_node(struct kmem_cache *s, gfp_t flags, int node);
void *kmem_cache_alloc_trace(struct kmem_cache *s, gfp_t flags, size_t size);
void *kmem_cache_alloc_node_trace(struct kmem_cache *s, gfp_t flags, int node, size_t size);
void kmem_cache_free(struct kmem_cache *s, void *objp);
int kmem_cache_alloc_bulk(struct kmem_cache *s, gfp_t flags, size_t size, void **p);
void kmem_cache_free_bulk(struct kmem_cache *s, size_t size, void **p);

struct kmem_cache *kmalloc_slab(size_t size, gfp_t flags);
void *__kmalloc(size_t size, gfp_t flags);
void *__kmalloc_node(size_t size, gfp_t flags, int node);
void *__kmalloc_track_caller(size_t size, gfp_t flags, unsigned long caller);
void *__krealloc(const void *p, size_t new_size, gfp_t flags);
void *krealloc(const void *p, size_t new_size, gfp_t flags);
void kfree(const void *objp);
void kzfree(const void *objp);
size_t ksize(const void *objp);

SLABSIM_END_DECLS

/* KMEM_CACHE: a cache named after a struct, sized and aligned for it, without a ctor. */
#define KMEM_CACHE(__struct, __flags)                                                       \
	kmem_cache_create(#__struct, sizeof(struct __struct), __alignof__(struct __struct), \
			  (__flags), NULL)
#define KMEM_CACHE_USERCOPY(__struct, __flags, __field)                                     \
	kmem_cache_create_usercopy(#__struct, sizeof(struct __struct),                      \
				   __alignof__(struct __struct), (__flags),                  \
				   __builtin_offsetof(struct __struct, __field),              \
				   sizeof(((struct __struct *)0)->__field), NULL)

static __always_inline enum kmalloc_cache_type kmalloc_type(gfp_t flags)
{
	/* The common case (neither DMA nor reclaimable) costs one test. */
	if (likely((flags & (__GFP_DMA | __GFP_RECLAIMABLE)) == 0))
		return KMALLOC_NORMAL;
	return flags & __GFP_DMA ? KMALLOC_DMA : KMALLOC_RECLAIM;
}

/*
 * The kmalloc array index serving `size`: 0 for size 0, 1 and 2 for the 96- and 192-byte
 * caches, n for the 2^n-byte cache. Folds to a constant when size is one.
 */
static __always_inline unsigned int kmalloc_index(size_t size)
{
	unsigned int n;

	if (!size)
		return 0;
	if (size <= KMALLOC_MIN_SIZE)
		return KMALLOC_SHIFT_LOW;
	if (KMALLOC_MIN_SIZE <= 32 && size > 64 && size <= 96)
		return 1;
	if (KMALLOC_MIN_SIZE <= 64 && size > 128 && size <= 192)
		return 2;
	for (n = 3; n <= 26; n++)
		if (size <= (1UL << n))
			return n;
	return (unsigned int)-1; /* larger than any kmalloc cache */
}

static __always_inline void *kmalloc(size_t size, gfp_t flags)
{
	if (__builtin_constant_p(size) && size && size <= KMALLOC_MAX_CACHE_SIZE)
		return kmem_cache_alloc_trace(kmalloc_caches[kmalloc_type(flags)][kmalloc_index(size)],
					      flags, size);
	return __kmalloc(size, flags);
}

static __always_inline void *kmalloc_node(size_t size, gfp_t flags, int node)
{
	if (__builtin_constant_p(size) && size && size <= KMALLOC_MAX_CACHE_SIZE)
		return kmem_cache_alloc_node_trace(
			kmalloc_caches[kmalloc_type(flags)][kmalloc_index(size)], flags, node, size);
	return __kmalloc_node(size, flags, node);
}

static inline void *kmalloc_array(size_t n, size_t size, gfp_t flags)
{
	size_t bytes;

	if (__builtin_mul_overflow(n, size, &bytes))
		return NULL;
	return kmalloc(bytes, flags);
}

static inline void *kmalloc_array_node(size_t n, size_t size, gfp_t flags, int node)
{
	size_t bytes;

	if (__builtin_mul_overflow(n, size, &bytes))
		return NULL;
	return kmalloc_node(bytes, flags, node);
}

static inline void *kcalloc(size_t n, size_t size, gfp_t flags)
{
	return kmalloc_array(n, size, flags | __GFP_ZERO);
}

static inline void *kcalloc_node(size_t n, size_t size, gfp_t flags, int node)
{
	return kmalloc_array_node(n, size, flags | __GFP_ZERO, node);
}

static inline void *kzalloc(size_t size, gfp_t flags)
{
	return kmalloc(size, flags | __GFP_ZERO);
}

static inline void *kzalloc_node(size_t size, gfp_t flags, int node)
{
	return kmalloc_node(size, flags | __GFP_ZERO, node);
}

static inline void *kmem_cache_zalloc(struct kmem_cache *k, gfp_t flags)
{
	return kmem_cache_alloc(k, flags | __GFP_ZERO);
}

static inline void kfree_bulk(size_t size, void **p)
{
	kmem_cache_free_bulk(NULL, size, p);
}

#define kmalloc_track_caller(size, flags) __kmalloc_track_caller(size, flags, _RET_IP_)

#endif /* _LINUX_SLAB_H */
