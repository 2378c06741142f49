// SPDX-License-Identifier: GPL-2.0-only
// kmalloc: general-purpose allocation from a ladder of caches, kmalloc-32 to kmalloc-4M,
// with 96 and 192 between the powers of two, each in a normal, a reclaimable (rcl) and a
// DMA flavour (mm/slab_common.c, mm/slab.c __do_kmalloc).
#include "sim/slab/fastpath.h"

#include "linux/kernel.h"
#include "linux/mm.h"
#include "linux/page-flags.h"
#include "linux/printk.h"

#include <cstring>

struct kmem_cache *kmalloc_caches[NR_KMALLOC_TYPES][KMALLOC_SHIFT_HIGH + 1];

// Size class by (size - 1) / 8 for sizes up to 192, where the classes are not powers of two.
static u8 size_index[24] = {
	3, /* 8 */   4, /* 16 */  5, /* 24 */  5, /* 32 */  6, /* 40 */  6, /* 48 */
	6, /* 56 */  6, /* 64 */  1, /* 72 */  1, /* 80 */  1, /* 88 */  1, /* 96 */
	7, /* 104 */ 7, /* 112 */ 7, /* 120 */ 7, /* 128 */ 2, /* 136 */ 2, /* 144 */
	2, /* 152 */ 2, /* 160 */ 2, /* 168 */ 2, /* 176 */ 2, /* 184 */ 2, /* 192 */
};

static unsigned int size_index_elem(unsigned int bytes)
{
	return (bytes - 1) / 8;
}

// kmalloc_slab's body, inline in __do_kmalloc.
static __always_inline struct kmem_cache *__kmalloc_slab(size_t size, gfp_t flags)
{
	unsigned int index;

	if (size <= 192) {
		if (!size)
			return static_cast<struct kmem_cache *>(ZERO_SIZE_PTR);
		index = size_index[size_index_elem((unsigned int)size)];
	} else {
		if (WARN_ON_ONCE(size > KMALLOC_MAX_CACHE_SIZE))
			return nullptr;
		index = 32 - __builtin_clz((unsigned int)(size - 1)); // fls(size - 1)
	}
	enum kmalloc_cache_type type = kmalloc_type(flags);

	// A branch the compiler may not fold into arithmetic: the common row is the first.
	if (likely(type == KMALLOC_NORMAL)) {
		asm volatile("");
		return kmalloc_caches[KMALLOC_NORMAL][index];
	}
	return kmalloc_caches[type][index];
}

struct kmem_cache *kmalloc_slab(size_t size, gfp_t flags)
{
	return __kmalloc_slab(size, flags);
}

static const struct {
	const char *name;
	unsigned int size;
} kmalloc_info[] = {
	{nullptr, 0},             {"kmalloc-96", 96},       {"kmalloc-192", 192},
	{"kmalloc-8", 8},         {"kmalloc-16", 16},       {"kmalloc-32", 32},
	{"kmalloc-64", 64},       {"kmalloc-128", 128},     {"kmalloc-256", 256},
	{"kmalloc-512", 512},     {"kmalloc-1k", 1024},     {"kmalloc-2k", 2048},
	{"kmalloc-4k", 4096},     {"kmalloc-8k", 8192},     {"kmalloc-16k", 16384},
	{"kmalloc-32k", 32768},   {"kmalloc-64k", 65536},   {"kmalloc-128k", 131072},
	{"kmalloc-256k", 262144}, {"kmalloc-512k", 524288}, {"kmalloc-1M", 1048576},
	{"kmalloc-2M", 2097152},  {"kmalloc-4M", 4194304},
};

// Sizes below the smallest class all map to it (with SLAB: 1..32 bytes to kmalloc-32).
void setup_kmalloc_cache_index_table(void)
{
	for (unsigned int i = 8; i < KMALLOC_MIN_SIZE; i += 8)
		size_index[size_index_elem(i)] = KMALLOC_SHIFT_LOW;
}

// "kmalloc-rcl-1k": sizes divided by 1024 while they divide, with k or M.
static const char *kmalloc_cache_name(const char *prefix, unsigned int size)
{
	static const char units[3] = {'\0', 'k', 'M'};
	int idx = 0;

	while (size >= 1024 && size % 1024 == 0) {
		size /= 1024;
		idx++;
	}
	return kasprintf(GFP_NOWAIT, "%s-%u%c", prefix, size, units[idx]);
}

void new_kmalloc_cache(int idx, int type, slab_flags_t flags)
{
	const char *name = kmalloc_info[idx].name;

	if (type == KMALLOC_RECLAIM) {
		flags |= SLAB_RECLAIM_ACCOUNT;
		name = kmalloc_cache_name("kmalloc-rcl", kmalloc_info[idx].size);
	}
	kmalloc_caches[type][idx] = create_kmalloc_cache(name, kmalloc_info[idx].size, flags, 0,
							 kmalloc_info[idx].size);
}

// In the kernel's order: normal then reclaimable, each from 32 bytes up with 96 after 64
// and 192 after 128; then the DMA caches. /proc/slabinfo lists them newest first.
void create_kmalloc_caches(slab_flags_t flags)
{
	for (int type = KMALLOC_NORMAL; type <= KMALLOC_RECLAIM; type++) {
		for (int i = KMALLOC_SHIFT_LOW; i <= KMALLOC_SHIFT_HIGH; i++) {
			if (!kmalloc_caches[type][i])
				new_kmalloc_cache(i, type, flags);
			if (i == 6 && !kmalloc_caches[type][1])
				new_kmalloc_cache(1, type, flags);
			if (i == 7 && !kmalloc_caches[type][2])
				new_kmalloc_cache(2, type, flags);
		}
	}
	slab_state = UP; // kmalloc works from here on
	for (int i = 0; i <= KMALLOC_SHIFT_HIGH; i++) {
		struct kmem_cache *s = kmalloc_caches[KMALLOC_NORMAL][i];

		if (s)
			kmalloc_caches[KMALLOC_DMA][i] = create_kmalloc_cache(
				kmalloc_cache_name("dma-kmalloc", kmalloc_info[i].size),
				kmalloc_info[i].size, SLAB_CACHE_DMA | flags, 0, 0);
	}
}

// Here beside kmalloc_slab, so that the size-to-cache lookup is inline in it.
static __always_inline void *__do_kmalloc(size_t size, gfp_t flags, unsigned long caller)
{
	struct kmem_cache *cachep;
	void *ret;

	if (unlikely(size > KMALLOC_MAX_CACHE_SIZE))
		return nullptr;
	cachep = __kmalloc_slab(size, flags);
	if (unlikely(ZERO_OR_NULL_PTR(cachep)))
		return cachep;
	ret = slab_alloc_fast(cachep, flags);
	if (likely(ret))
		return ret;
	return slab_alloc(cachep, flags, caller, trace_kmalloc_event, size, NUMA_NO_NODE);
}

__fastpath_entry void *__kmalloc(size_t size, gfp_t flags)
{
	return __do_kmalloc(size, flags, _RET_IP_);
}

void *__kmalloc_node(size_t size, gfp_t flags, int node)
{
	return __do_kmalloc(size, flags, _RET_IP_);
}

void *__kmalloc_track_caller(size_t size, gfp_t flags, unsigned long caller)
{
	return __do_kmalloc(size, flags, caller);
}

// SLAB reports the cache's object_size: kmalloc(40) may use 64 bytes.
size_t ksize(const void *objp)
{
	if (WARN_ON_ONCE(!objp) || unlikely(objp == ZERO_SIZE_PTR))
		return 0;
	struct page *page = slab_virt_to_page(objp);
	if (!page)
		return 0;
	page = compound_head(page);
	return PageSlab(page) ? (size_t)page->slab_cache->object_size : 0;
}

static void *__do_krealloc(const void *p, size_t new_size, gfp_t flags, unsigned long caller)
{
	size_t ks = p ? ksize(p) : 0;

	if (ks >= new_size)
		return const_cast<void *>(p);
	void *ret = __do_kmalloc(new_size, flags, caller);
	if (ret && p)
		memcpy(ret, p, ks);
	return ret;
}

void *__krealloc(const void *p, size_t new_size, gfp_t flags)
{
	if (unlikely(!new_size))
		return ZERO_SIZE_PTR;
	return __do_krealloc(p, new_size, flags, _RET_IP_);
}

// The old block is freed only once the new one exists.
void *krealloc(const void *p, size_t new_size, gfp_t flags)
{
	if (unlikely(!new_size)) {
		kfree(p);
		return ZERO_SIZE_PTR;
	}
	void *ret = __do_krealloc(p, new_size, flags, _RET_IP_);
	if (ret && p != ret)
		kfree(p);
	return ret;
}
