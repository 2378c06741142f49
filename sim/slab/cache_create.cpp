// SPDX-License-Identifier: GPL-2.0-only
// Creating a cache: the object stride, where each slab keeps its freelist, and how many
// pages a slab takes (mm/slab_common.c kmem_cache_create*, mm/slab.c __kmem_cache_create).
#include "kernel_compat/module_leaks.h"
#include "linux/string.h"
#include "sim/slab/slab.h"

#include "linux/printk.h"
#include "linux/sched.h"
#include "linux/preempt.h"
#include "sim/trace/report.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>

// Flags a caller may pass, and those SLAB keeps (mm/slab.h, CONFIG_SLAB with debugging:
// the simulator always honours the debug flags, see docs/slab.md).
#define SLAB_CORE_FLAGS                                                                \
	(SLAB_HWCACHE_ALIGN | SLAB_CACHE_DMA | SLAB_CACHE_DMA32 | SLAB_PANIC |          \
	 SLAB_TYPESAFE_BY_RCU | SLAB_DEBUG_OBJECTS)
#define SLAB_CACHE_FLAGS                                                                \
	(SLAB_MEM_SPREAD | SLAB_NOLEAKTRACE | SLAB_RECLAIM_ACCOUNT | SLAB_TEMPORARY |     \
	 SLAB_ACCOUNT)
#define CACHE_CREATE_MASK (SLAB_CORE_FLAGS | SLAB_DEBUG_FLAGS | SLAB_CACHE_FLAGS)
#define SLAB_FLAGS_PERMITTED (CACHE_CREATE_MASK | SLAB_TRACE | SLAB_CONSISTENCY_CHECKS | SLAB_FAILSLAB)

int slab_max_order = SLAB_MAX_ORDER_LO;

static size_t align_up(size_t x, size_t a)
{
	return (x + a - 1) / a * a;
}

static int fls(unsigned int x)
{
	return x ? 32 - __builtin_clz(x) : 0;
}

struct reciprocal_value reciprocal_value(u32 d)
{
	struct reciprocal_value R;
	int l = fls(d - 1);
	u64 m = ((1ULL << 32) * ((1ULL << l) - d)) / d + 1;

	R.m = (u32)m;
	R.sh1 = (u8)(l < 1 ? l : 1);
	R.sh2 = (u8)(l - 1 > 0 ? l - 1 : 0);
	return R;
}

struct exact_divisor exact_divisor(u32 d)
{
	struct exact_divisor D;
	u32 odd = d >> __builtin_ctz(d);
	u32 inv = odd; // right to 3 bits for any odd number; each Newton step doubles that

	for (int i = 0; i < 4; i++)
		inv *= 2 - odd * inv;
	D.inv = inv;
	D.shift = (u8)__builtin_ctz(d);
	return D;
}

// HW-cache alignment halves the cache line while the object fits twice, so that small
// objects are not spread one per line (mm/slab_common.c calculate_alignment).
unsigned int calculate_alignment(slab_flags_t flags, unsigned int align, unsigned int size)
{
	if (flags & SLAB_HWCACHE_ALIGN) {
		unsigned int ralign = CACHE_LINE_SIZE;

		while (size <= ralign / 2)
			ralign /= 2;
		align = align > ralign ? align : ralign;
	}
	if (align < ARCH_SLAB_MINALIGN)
		align = ARCH_SLAB_MINALIGN;
	return (unsigned int)align_up(align, sizeof(void *));
}

// Objects per slab of 2^gfporder pages, and the bytes left over. An on-slab freelist costs
// one index byte per object at the end of the slab; the other layouts cost nothing here.
static unsigned int cache_estimate(unsigned long gfporder, size_t buffer_size, slab_flags_t flags,
				   size_t *left_over)
{
	size_t slab_size = PAGE_SIZE << gfporder;

	if (flags & (CFLGS_OBJFREELIST_SLAB | CFLGS_OFF_SLAB)) {
		*left_over = slab_size % buffer_size;
		return (unsigned int)(slab_size / buffer_size);
	}
	*left_over = slab_size % (buffer_size + sizeof(freelist_idx_t));
	return (unsigned int)(slab_size / (buffer_size + sizeof(freelist_idx_t)));
}

// The smallest order whose waste is at most 1/8 of the slab, stopping at slab_max_order
// (higher orders are harder for the page allocator to find) unless nothing fits yet.
size_t calculate_slab_order(struct kmem_cache *cachep, size_t size, slab_flags_t flags)
{
	size_t left_over = 0;

	for (unsigned int gfporder = 0; gfporder <= KMALLOC_MAX_ORDER; gfporder++) {
		size_t remainder;
		unsigned int num = cache_estimate(gfporder, size, flags, &remainder);

		if (!num)
			continue;
		if (num > SLAB_OBJ_MAX_NUM) // the freelist index cannot count further
			break;
		if (flags & CFLGS_OFF_SLAB) {
			struct kmem_cache *freelist_cache =
				kmalloc_slab(num * sizeof(freelist_idx_t), 0u);

			// Not yet created (early boot), itself off-slab (growing it could recurse),
			// or too big to be worth it: keep looking.
			if (!freelist_cache || OFF_SLAB(freelist_cache) ||
			    freelist_cache->size > cachep->size / 2)
				continue;
		}
		cachep->num = num;
		cachep->gfporder = gfporder;
		left_over = remainder;

		// Reclaimable caches are shrunk under GFP_NOFS: keep their slabs small.
		if (flags & SLAB_RECLAIM_ACCOUNT)
			break;
		if (gfporder >= (unsigned int)slab_max_order)
			break;
		if (left_over * 8 <= (PAGE_SIZE << gfporder))
			break;
	}
	return left_over;
}

// Preferred layout: the freelist lives in one of the slab's own free objects. Impossible
// when objects must keep constructed or RCU-visible state, or the index array is bigger
// than an object.
static bool set_objfreelist_slab_cache(struct kmem_cache *cachep, size_t size, slab_flags_t flags)
{
	cachep->num = 0;
	if (cachep->ctor || (flags & SLAB_TYPESAFE_BY_RCU))
		return false;
	size_t left = calculate_slab_order(cachep, size, flags | CFLGS_OBJFREELIST_SLAB);
	if (!cachep->num || cachep->num * sizeof(freelist_idx_t) > (size_t)cachep->object_size)
		return false;
	cachep->colour = left / cachep->colour_off;
	return true;
}

// Next: the freelist in a kmalloc object, unless the leftover could hold it for free.
static bool set_off_slab_cache(struct kmem_cache *cachep, size_t size, slab_flags_t flags)
{
	cachep->num = 0;
	if (flags & SLAB_NOLEAKTRACE)
		return false;
	size_t left = calculate_slab_order(cachep, size, flags | CFLGS_OFF_SLAB);
	if (!cachep->num || left >= cachep->num * sizeof(freelist_idx_t))
		return false;
	cachep->colour = left / cachep->colour_off;
	return true;
}

static bool set_on_slab_cache(struct kmem_cache *cachep, size_t size, slab_flags_t flags)
{
	cachep->num = 0;
	size_t left = calculate_slab_order(cachep, size, flags);
	if (!cachep->num)
		return false;
	cachep->colour = left / cachep->colour_off;
	return true;
}

// Under slab_debug (FORCED_DEBUG) every cache gets red zones and a user word unless that
// would push a large object past the next power of two, and poisoning unless RCU readers
// may still look at freed objects.
static slab_flags_t forced_debug_flags(unsigned int size, slab_flags_t flags)
{
	if (size < 4096 || fls(size - 1) == fls(size - 1 + REDZONE_ALIGN + 2 * sizeof(unsigned long long)))
		flags |= SLAB_RED_ZONE | SLAB_STORE_USER;
	if (!(flags & SLAB_TYPESAFE_BY_RCU))
		flags |= SLAB_POISON;
	return flags;
}

int __kmem_cache_create(struct kmem_cache *cachep, slab_flags_t flags)
{
	size_t ralign = BYTES_PER_WORD;
	size_t size = cachep->size;

	if (sim::slab_stats)
		flags = forced_debug_flags(cachep->size, flags);

	size = align_up(size, BYTES_PER_WORD);
	if (flags & SLAB_RED_ZONE) {
		ralign = REDZONE_ALIGN; // the second red zone word must be aligned
		size = align_up(size, REDZONE_ALIGN);
	}
	if (ralign < (size_t)cachep->align)
		ralign = cachep->align;
	// Red zones sit right before and after the object: with a larger alignment they would
	// need padding SLAB does not do, so it drops them.
	if (ralign > alignof(unsigned long long))
		flags &= ~(SLAB_RED_ZONE | SLAB_STORE_USER);
	cachep->align = (int)ralign;
	cachep->colour_off = CACHE_LINE_SIZE;
	if (cachep->colour_off < (unsigned int)cachep->align)
		cachep->colour_off = cachep->align;

	cachep->obj_offset = 0;
	if (flags & SLAB_RED_ZONE) {
		cachep->obj_offset += sizeof(unsigned long long);
		size += 2 * sizeof(unsigned long long);
	}
	if (flags & SLAB_STORE_USER)
		size += (flags & SLAB_RED_ZONE) ? REDZONE_ALIGN : BYTES_PER_WORD;

	size = align_up(size, cachep->align);
	if (size < SLAB_OBJ_MIN_SIZE) // the one-byte freelist index needs at most 255 objects
		size = align_up(SLAB_OBJ_MIN_SIZE, cachep->align);

	if (set_objfreelist_slab_cache(cachep, size, flags))
		flags |= CFLGS_OBJFREELIST_SLAB;
	else if (set_off_slab_cache(cachep, size, flags))
		flags |= CFLGS_OFF_SLAB;
	else if (!set_on_slab_cache(cachep, size, flags))
		return -E2BIG;

	cachep->freelist_size = cachep->num * sizeof(freelist_idx_t);
	cachep->flags = flags;
	cachep->allocflags = __GFP_COMP;
	if (flags & SLAB_CACHE_DMA)
		cachep->allocflags |= GFP_DMA;
	if (flags & SLAB_CACHE_DMA32)
		cachep->allocflags |= GFP_DMA32;
	if (flags & SLAB_RECLAIM_ACCOUNT)
		cachep->allocflags |= __GFP_RECLAIMABLE;
	cachep->size = (unsigned int)size;
	cachep->reciprocal_buffer_size = reciprocal_value((u32)size);
	cachep->exact_buffer_size = exact_divisor((u32)size);
	if (OFF_SLAB(cachep))
		cachep->freelist_cache = kmalloc_slab(cachep->freelist_size, 0u);

	return setup_cpu_cache(cachep, slab_is_available() ? GFP_KERNEL : GFP_NOWAIT);
}

// A boot cache that cannot be made stops the boot, as the kernel's panic() does.
[[noreturn]] static void boot_panic(const std::string &msg)
{
	pr_emerg("Kernel panic - not syncing: %s\n", msg.c_str());
	throw std::runtime_error("slab: " + msg);
}

// Boot caches (kmem_cache and the kmalloc caches) are made before kmalloc works. kmalloc
// objects of power-of-two sizes are naturally aligned, whatever the debug options.
void create_boot_cache(struct kmem_cache *s, const char *name, unsigned int size,
		       slab_flags_t flags, unsigned int useroffset, unsigned int usersize)
{
	unsigned int align = ARCH_KMALLOC_MINALIGN;

	s->name = name;
	s->size = s->object_size = size;
	if ((size & (size - 1)) == 0 && size > align)
		align = size;
	s->align = calculate_alignment(flags, align, size);
	s->useroffset = useroffset;
	s->usersize = usersize;

	int err = __kmem_cache_create(s, flags);
	if (err)
		boot_panic(fmt::format("Creation of kmalloc slab {} size={} failed. Reason {}", name, size, err));
	s->refcount = -1; // exempt from merging
}

static struct kmem_cache *new_cache_struct(gfp_t gfp)
{
	void *mem = kmem_cache_alloc(&kmem_cache_boot, gfp);
	return mem ? std::construct_at(static_cast<struct kmem_cache *>(mem)) : nullptr;
}

struct kmem_cache *create_kmalloc_cache(const char *name, unsigned int size, slab_flags_t flags,
					unsigned int useroffset, unsigned int usersize)
{
	struct kmem_cache *s = new_cache_struct(GFP_NOWAIT);

	if (!s)
		boot_panic(fmt::format("Out of memory when creating slab {}", name));
	create_boot_cache(s, name, size, flags, useroffset, usersize);
	slab_caches.push_front(*s);
	s->refcount = 1;
	return s;
}

static struct kmem_cache *create_cache(const char *name, unsigned int object_size,
				       unsigned int align, slab_flags_t flags,
				       unsigned int useroffset, unsigned int usersize,
				       void (*ctor)(void *), int *err)
{
	struct kmem_cache *s = new_cache_struct(GFP_KERNEL);

	*err = -ENOMEM;
	if (!s)
		return nullptr;
	s->name = name;
	s->size = s->object_size = object_size;
	s->align = align;
	s->ctor = ctor;
	s->useroffset = useroffset;
	s->usersize = usersize;
	*err = __kmem_cache_create(s, flags);
	if (*err) {
		std::destroy_at(s);
		kmem_cache_free(&kmem_cache_boot, s);
		return nullptr;
	}
	s->refcount = 1;
	slab_caches.push_front(*s);
	sim::module_track_object(s, sizeof(*s), "kmem_cache");
	return s;
}

// CONFIG_DEBUG_VM's checks, always on: bad arguments get a report, not a broken cache.
static int kmem_cache_sanity_check(const char *name, unsigned int size)
{
	if (!name || in_interrupt() || size == 0 || size > KMALLOC_MAX_SIZE) {
		sim::report_note(sim::report_kind::slab, fmt::format("kmem_cache_create({}) integrity check failed",
								      name ? name : "(null)"));
		pr_err("kmem_cache_create(%s) integrity check failed\n", name ? name : "(null)");
		return -EINVAL;
	}
	if (strchr(name, ' '))
		pr_warn("kmem_cache_create(%s): a space in the name confuses parsers of /proc/slabinfo\n",
			name);
	return 0;
}

struct kmem_cache *kmem_cache_create_usercopy(const char *name, unsigned int size,
					      unsigned int align, slab_flags_t flags,
					      unsigned int useroffset, unsigned int usersize,
					      void (*ctor)(void *))
{
	struct kmem_cache *s = nullptr;
	int err = kmem_cache_sanity_check(name, size);
	bool reported = err != 0; // the integrity check's line began the report

	if (!err && (flags & ~SLAB_FLAGS_PERMITTED))
		err = -EINVAL;
	if (!err) {
		flags &= CACHE_CREATE_MASK;
		if ((!usersize && useroffset) || size < usersize || size - usersize < useroffset) {
			pr_warn("kmem_cache_create(%s): usercopy region %u+%u outside the object; ignored\n",
				name, useroffset, usersize);
			usersize = useroffset = 0;
		}
		// kstrdup_const copies names that are not in the kernel's .rodata, as a module's are.
		char *cache_name = kstrdup(name, GFP_KERNEL);
		err = -ENOMEM;
		if (cache_name) {
			s = create_cache(cache_name, size, calculate_alignment(flags, align, size),
					 flags, useroffset, usersize, ctor, &err);
			if (!s)
				kfree(cache_name);
		}
	}
	if (!s) {
		if (!reported)
			sim::report_note(sim::report_kind::warning, // pr_warn and a stack, as a failed allocation's
					 fmt::format("kmem_cache_create({}) failed with error {}", name ? name : "(null)", err));
		// The kernel halts here; the simulator says so and lets the caller see NULL.
		if (flags & SLAB_PANIC)
			pr_emerg("Kernel panic - not syncing: kmem_cache_create: Failed to create slab '%s'. Error %d\n",
				 name ? name : "(null)", err);
		pr_warn("kmem_cache_create(%s) failed with error %d\n", name ? name : "(null)", err);
		dump_stack();
	}
	return s;
}

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size, unsigned int align,
				     slab_flags_t flags, void (*ctor)(void *))
{
	return kmem_cache_create_usercopy(name, size, align, flags, 0, 0, ctor);
}

unsigned int kmem_cache_size(struct kmem_cache *s)
{
	return s->object_size;
}

// Frees what the cache owns besides its slabs: per-CPU arrays, node structures, the name.
static void slab_kmem_cache_release(struct kmem_cache *s)
{
	free_kmem_cache_cpus(s);
	for (int i = 0; i < MAX_NUMNODES; i++) {
		struct kmem_cache_node *n = s->node[i];

		if (!n)
			continue;
		kfree(n->shared);
		std::destroy_at(n);
		kfree(n);
		s->node[i] = nullptr;
	}
	kfree(s->name);
	std::destroy_at(s);
	kmem_cache_free(&kmem_cache_boot, s);
}

void kmem_cache_destroy(struct kmem_cache *s)
{
	if (unlikely(!s))
		return;
	if (--s->refcount)
		return;
	// Objects still allocated: their memory stays with the cache, which stays listed.
	if (__kmem_cache_shrink(s) != 0) {
		sim::report_note(sim::report_kind::leak,
				 fmt::format("kmem_cache_destroy {}: Slab cache still has objects", s->name));
		pr_err("kmem_cache_destroy %s: Slab cache still has objects\n", s->name);
		dump_stack();
		return;
	}
	slab_caches.erase(slab_caches.iterator_to(*s));
	sim::module_untrack_object(s);
	slab_kmem_cache_release(s);
}

int kmem_cache_shrink(struct kmem_cache *cachep)
{
	return __kmem_cache_shrink(cachep);
}
