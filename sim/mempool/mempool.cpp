// SPDX-License-Identifier: GPL-2.0-only
// mm/mempool.c as of v5.4: a reserve of pre-allocated elements that mempool_alloc falls back to
// when the pool's allocator fails, and sleeps on when the reserve is empty; mempool_free
// refills it before anything goes back to the allocator. docs/mempool.md walks through it.
#include "sim/mempool/internal.h"
#include "sim/mempool/mempool.h"
#include "sim/mempool/trace.h"

#include "asm/barrier.h"
#include "linux/bug.h"
#include "linux/errno.h"
#include "linux/jiffies.h"
#include "linux/kernel.h"
#include "linux/sched.h"
#include "linux/slab.h"

#include <cstring>

using namespace sim;

namespace {

// How many elements fit in pool->elements: min_nr, or one for a zero-minimum pool (v6.16).
int reserve_size(const mempool_t *pool)
{
	if (pool->min_nr == 0 && (pool->sim_flags & MEMPOOL_SIM_ZERO_MIN))
		return 1;
	return pool->min_nr;
}

void add_element(mempool_t *pool, void *element)
{
	BUG_ON(pool->curr_nr >= reserve_size(pool));
	if (unlikely(mempool_debug(pool)))
		poison_element(pool, element);
	pool->elements[pool->curr_nr++] = element;
}

void *remove_element(mempool_t *pool)
{
	void *element = pool->elements[--pool->curr_nr];

	BUG_ON(pool->curr_nr < 0);
	if (unlikely(mempool_debug(pool)))
		check_element(pool, element);
	return element;
}

// The element leaves the pool for a caller: counted, traced and, in debug mode, remembered.
void *handed_out(mempool_t *pool, void *element, gfp_t gfp, mempool_from from)
{
	bool reserve = from == mempool_from::reserve;

	(reserve ? pool->sim_stats.alloc_reserve : pool->sim_stats.alloc_backing)++;
	pool->sim_flags = (pool->sim_flags & ~MEMPOOL_SIM_LAST_RESERVE) | (reserve ? MEMPOOL_SIM_LAST_RESERVE : 0);
	if (unlikely(mempool_debug(pool)))
		mempool_debug_handed_out(pool, element);
	trace_mempool_alloc(pool, element, gfp, from);
	return element;
}

// repeat_alloc's first step: pool->alloc, unless fail_mempool_alloc says it fails.
void *try_backing(mempool_t *pool, gfp_t gfp)
{
	return should_fail_mempool_alloc(pool, false) ? NULL : pool->alloc(gfp, pool->pool_data);
}

// Called with pool->lock held and the reserve known to be non-empty.
void *take_from_reserve(mempool_t *pool)
{
	void *element = remove_element(pool);

	if (pool->curr_nr < pool->sim_stats.lowest_nr)
		pool->sim_stats.lowest_nr = pool->curr_nr;
	return element;
}

// The v5.4 test, read without the lock (see mempool_free): curr_nr is not below min_nr.
inline bool reserve_full(const mempool_t *pool)
{
	return READ_ONCE(pool->curr_nr) >= reserve_size(pool);
}

// Moves elems[0..count) into the reserve while it has room; returns how many it took.
unsigned int refill_reserve(mempool_t *pool, void *const *elems, unsigned int count)
{
	unsigned long flags;
	unsigned int taken = 0;

	if (likely(reserve_full(pool)))
		return 0;
	spin_lock_irqsave(&pool->lock, flags);
	while (taken < count && pool->curr_nr < reserve_size(pool)) {
		add_element(pool, elems[taken]);
		pool->sim_stats.free_reserve++;
		trace_mempool_free(pool, elems[taken], true);
		taken++;
	}
	spin_unlock_irqrestore(&pool->lock, flags);
	if (taken) {
		if (waitqueue_active(&pool->wait))
			trace_mempool_wake(pool);
		wake_up(&pool->wait);
	}
	return taken;
}

// Sleeps until a mempool_free wakes us or 5 s pass. Called with pool->lock held (taken with
// `flags`) and the reserve empty: queueing on pool->wait before the lock is dropped is what
// makes a concurrent refill's wake_up impossible to miss.
void wait_for_element(mempool_t *pool, unsigned long flags)
{
	DEFINE_WAIT(wait);
	long left;

	prepare_to_wait(&pool->wait, &wait, TASK_UNINTERRUPTIBLE);
	pool->sim_stats.sleeps++;
	if (++pool->sim_stats.nr_waiters > pool->sim_stats.max_waiters)
		pool->sim_stats.max_waiters = pool->sim_stats.nr_waiters;
	trace_mempool_wait(pool);
	spin_unlock_irqrestore(&pool->lock, flags);

	/*
	 * The kernel's FIXME: this should be io_schedule(); the timeout was a workaround for
	 * DM problems in 2.6.18. It also lets a sleeper notice memory that came back without
	 * a mempool_free.
	 */
	left = io_schedule_timeout(5 * HZ);

	finish_wait(&pool->wait, &wait);
	pool->sim_stats.nr_waiters--;
	if (left) {
		pool->sim_stats.wakeups++;
	} else {
		pool->sim_stats.timeouts++;
		trace_mempool_timeout(pool);
	}
}

} // namespace

void mempool_exit(mempool_t *pool)
{
	// A zeroed, never initialised pool and one already exited are both fine (error paths
	// rely on it): there is nothing to free.
	if (pool->sim_magic != MEMPOOL_MAGIC && !pool->elements && !pool->curr_nr)
		return;
	if (!mempool_check_live(pool, __func__))
		return;
	mempool_report_outstanding(pool);
	while (pool->curr_nr) {
		void *element = remove_element(pool);
		pool->free(element, pool->pool_data);
	}
	kfree(pool->elements);
	pool->elements = NULL;
	mempool_debug_exit(pool);
	mempool_unregister(pool);
	pool->sim_magic = MEMPOOL_DEAD;
}

void mempool_destroy(mempool_t *pool)
{
	if (unlikely(!pool))
		return;
	if (!mempool_check_live(pool, __func__))
		return;
	mempool_exit(pool);
	kfree(pool);
}

int mempool_init_node(mempool_t *pool, int min_nr, mempool_alloc_t *alloc_fn,
		      mempool_free_t *free_fn, void *pool_data, gfp_t gfp_mask, int node_id)
{
	if (unlikely(pool->sim_magic == MEMPOOL_MAGIC)) {
		mempool_report(pool, __func__, "initialised twice: its reserve would leak");
		return -EBUSY;
	}
	// v5.4 sizes elements[] with kmalloc_array_node(min_nr, ...): a negative count
	// overflows and fails, so -ENOMEM, as the kernel returns.
	if (!mempool_check_min_nr(min_nr, __func__))
		return -ENOMEM;

	spin_lock_init(&pool->lock);
	pool->min_nr = min_nr;
	pool->pool_data = pool_data;
	pool->alloc = alloc_fn;
	pool->free = free_fn;
	init_waitqueue_head(&pool->wait);
	pool->sim_flags = (mempool_mode.debug ? MEMPOOL_SIM_DEBUG : 0) |
			  (mempool_mode.zero_minimum ? MEMPOOL_SIM_ZERO_MIN : 0);
	std::memset(&pool->sim_stats, 0, sizeof(pool->sim_stats));

	pool->elements = static_cast<void **>(
		kmalloc_array_node(reserve_size(pool), sizeof(void *), gfp_mask, node_id));
	if (!pool->elements)
		return -ENOMEM;
	pool->sim_magic = MEMPOOL_MAGIC;
	mempool_register(pool);
	mempool_debug_init(pool);

	/* First pre-allocate the guaranteed number of buffers. */
	while (pool->curr_nr < reserve_size(pool)) {
		void *element = pool->alloc(gfp_mask, pool->pool_data);

		if (unlikely(!element)) {
			mempool_exit(pool);
			return -ENOMEM;
		}
		add_element(pool, element);
	}
	pool->sim_stats.lowest_nr = pool->curr_nr;
	return 0;
}

int mempool_init(mempool_t *pool, int min_nr, mempool_alloc_t *alloc_fn,
		 mempool_free_t *free_fn, void *pool_data)
{
	return mempool_init_node(pool, min_nr, alloc_fn, free_fn, pool_data, GFP_KERNEL,
				 NUMA_NO_NODE);
}

mempool_t *mempool_create(int min_nr, mempool_alloc_t *alloc_fn, mempool_free_t *free_fn,
			  void *pool_data)
{
	return mempool_create_node(min_nr, alloc_fn, free_fn, pool_data, GFP_KERNEL,
				   NUMA_NO_NODE);
}

mempool_t *mempool_create_node(int min_nr, mempool_alloc_t *alloc_fn, mempool_free_t *free_fn,
			       void *pool_data, gfp_t gfp_mask, int node_id)
{
	auto *pool = static_cast<mempool_t *>(kzalloc_node(sizeof(mempool_t), gfp_mask, node_id));

	if (!pool)
		return NULL;
	if (mempool_init_node(pool, min_nr, alloc_fn, free_fn, pool_data, gfp_mask, node_id)) {
		kfree(pool);
		return NULL;
	}
	return pool;
}

int mempool_resize(mempool_t *pool, int new_min_nr)
{
	void *element;
	void **new_elements;
	unsigned long flags;

	if (!mempool_check_live(pool, __func__))
		return -EINVAL;
	// v5.4: BUG_ON(new_min_nr <= 0). We report and refuse, leaving the pool as it was.
	if (unlikely(new_min_nr <= 0)) {
		WARN(1, "mempool_resize: new_min_nr %d: a pool needs at least one element\n",
		     new_min_nr);
		return -EINVAL;
	}
	might_sleep();

	spin_lock_irqsave(&pool->lock, flags);
	if (new_min_nr <= pool->min_nr) {
		while (new_min_nr < pool->curr_nr) {
			element = remove_element(pool);
			spin_unlock_irqrestore(&pool->lock, flags);
			pool->free(element, pool->pool_data);
			spin_lock_irqsave(&pool->lock, flags);
		}
		pool->min_nr = new_min_nr;
		goto out_unlock;
	}
	spin_unlock_irqrestore(&pool->lock, flags);

	/* Grow the pool */
	new_elements = static_cast<void **>(kmalloc_array(new_min_nr, sizeof(*new_elements),
							  GFP_KERNEL));
	if (!new_elements)
		return -ENOMEM;

	spin_lock_irqsave(&pool->lock, flags);
	if (unlikely(new_min_nr <= pool->min_nr)) {
		/* Raced, other resize will do our work */
		spin_unlock_irqrestore(&pool->lock, flags);
		kfree(new_elements);
		goto out;
	}
	std::memcpy(new_elements, pool->elements, pool->curr_nr * sizeof(*new_elements));
	kfree(pool->elements);
	pool->elements = new_elements;
	pool->min_nr = new_min_nr;

	// Growing may leave the reserve short and still return 0: later frees top it up.
	while (pool->curr_nr < pool->min_nr) {
		spin_unlock_irqrestore(&pool->lock, flags);
		element = pool->alloc(GFP_KERNEL, pool->pool_data);
		if (!element)
			goto out;
		spin_lock_irqsave(&pool->lock, flags);
		if (pool->curr_nr < pool->min_nr) {
			add_element(pool, element);
		} else {
			spin_unlock_irqrestore(&pool->lock, flags);
			pool->free(element, pool->pool_data); /* Raced */
			goto out;
		}
	}
out_unlock:
	spin_unlock_irqrestore(&pool->lock, flags);
out:
	return 0;
}

// mempool_alloc after pool->alloc(gfp_temp) failed: the reserve, the second pass with the
// full mask, the sleeps. Out of line so the hot path (the allocator succeeds) saves no
// registers for it; the steps and their order are v5.4's, from its first spin_lock_irqsave.
[[gnu::noinline]] static void *mempool_alloc_reserve(mempool_t *pool, gfp_t gfp_mask, gfp_t gfp_temp)
{
	void *element;
	unsigned long flags;

	for (;;) {
		spin_lock_irqsave(&pool->lock, flags);
		if (likely(pool->curr_nr)) {
			element = take_from_reserve(pool);
			spin_unlock_irqrestore(&pool->lock, flags);
			/* paired with rmb in mempool_free(), read comment there */
			smp_wmb();
			return handed_out(pool, element, gfp_temp, mempool_from::reserve);
		}

		/*
		 * We use gfp mask w/o direct reclaim or IO for the first round.  If
		 * alloc failed with that and @pool was empty, retry immediately.
		 */
		if (gfp_temp != gfp_mask) {
			spin_unlock_irqrestore(&pool->lock, flags);
			gfp_temp = gfp_mask;
		} else if (!(gfp_mask & __GFP_DIRECT_RECLAIM)) {
			/* We must not sleep if !__GFP_DIRECT_RECLAIM */
			spin_unlock_irqrestore(&pool->lock, flags);
			pool->sim_stats.alloc_fail++;
			trace_mempool_alloc(pool, NULL, gfp_mask, mempool_from::none);
			return NULL;
		} else {
			/* Let's wait for someone else to return an element to @pool */
			wait_for_element(pool, flags);
		}

		/* repeat_alloc */
		element = try_backing(pool, gfp_temp);
		if (likely(element != NULL))
			return handed_out(pool, element, gfp_temp, mempool_from::backing);
	}
}

static __always_inline gfp_t mempool_gfp(gfp_t gfp_mask)
{
	gfp_mask |= __GFP_NOMEMALLOC; /* don't allocate emergency reserves */
	gfp_mask |= __GFP_NORETRY;    /* don't loop in __alloc_pages */
	gfp_mask |= __GFP_NOWARN;     /* failures are OK */
	return gfp_mask;
}

static __always_inline gfp_t mempool_gfp_temp(gfp_t gfp_mask)
{
	return gfp_mask & ~(__GFP_DIRECT_RECLAIM | __GFP_IO);
}

// Nothing special about this pool or this machine: live, not in debug mode, tracing off.
// The fast paths below need only this test (and mempool_alloc, that fail_mempool_alloc is
// off) before doing what v5.4 does; anything else takes the full path.
static __always_inline bool mempool_quiet(const mempool_t *pool)
{
	return likely(pool->sim_magic == MEMPOOL_MAGIC && !mempool_debug(pool) && !tracing_on);
}

// mempool_alloc with every check and report, out of line.
[[gnu::noinline]] static void *mempool_alloc_checked(mempool_t *pool, gfp_t gfp_mask)
{
	void *element;
	gfp_t gfp_temp;

	if (!mempool_check_live(pool, "mempool_alloc"))
		return NULL;
	WARN_ON_ONCE(gfp_mask & __GFP_ZERO); /* VM_WARN_ON_ONCE in the kernel */
	might_sleep_if(gfp_mask & __GFP_DIRECT_RECLAIM);

	gfp_mask = mempool_gfp(gfp_mask);
	gfp_temp = mempool_gfp_temp(gfp_mask);

	/* repeat_alloc, first round: the allocator alone, no lock */
	element = try_backing(pool, gfp_temp);
	if (likely(element != NULL))
		return handed_out(pool, element, gfp_temp, mempool_from::backing);
	return mempool_alloc_reserve(pool, gfp_mask, gfp_temp);
}

// The common case first: a quiet pool, no __GFP_ZERO, not in atomic context (so no
// might_sleep report can be due; an atomic caller takes the checked path whatever its
// mask), and the allocator delivers. Its first failure goes straight on to the reserve, as
// in the kernel.
void *mempool_alloc(mempool_t *pool, gfp_t gfp_mask)
{
	if (unlikely(!mempool_quiet(pool) || fail_mempool_alloc.probability || (gfp_mask & __GFP_ZERO) ||
		     __sim_might_be_atomic()))
		return mempool_alloc_checked(pool, gfp_mask);

	gfp_mask = mempool_gfp(gfp_mask);
	gfp_t gfp_temp = mempool_gfp_temp(gfp_mask);
	void *element = pool->alloc(gfp_temp, pool->pool_data);

	if (unlikely(!element))
		return mempool_alloc_reserve(pool, gfp_mask, gfp_temp);
	pool->sim_stats.alloc_backing++;
	pool->sim_flags &= ~MEMPOOL_SIM_LAST_RESERVE;
	return element;
}

void *mempool_alloc_preallocated(mempool_t *pool)
{
	void *element = NULL;
	unsigned long flags;

	if (!mempool_check_live(pool, __func__))
		return NULL;
	spin_lock_irqsave(&pool->lock, flags);
	if (likely(pool->curr_nr))
		element = take_from_reserve(pool);
	spin_unlock_irqrestore(&pool->lock, flags);
	if (!element) {
		pool->sim_stats.alloc_fail++;
		trace_mempool_alloc(pool, NULL, GFP_NOWAIT, mempool_from::none);
		return NULL;
	}
	/* paired with rmb in mempool_free(), read comment there */
	smp_wmb();
	return handed_out(pool, element, GFP_NOWAIT, mempool_from::reserve);
}

// mempool_free with every check and report, out of line.
[[gnu::noinline]] static void mempool_free_checked(void *element, mempool_t *pool)
{
	if (unlikely(element == NULL))
		return;
	if (!mempool_check_live(pool, "mempool_free"))
		return; // the pool is gone: leaking the element is all that is safe
	if (unlikely(mempool_debug(pool)) && !mempool_debug_given_back(pool, element))
		return;

	/*
	 * Paired with the wmb in mempool_alloc(): the curr_nr read below must be from after
	 * the allocation of @element, even when @element reached this task without barriers.
	 */
	smp_rmb();

	/*
	 * The test must trigger whenever curr_nr + #allocated == min_nr; curr_nr < min_nr, read
	 * without the lock, does, and refilling as soon as possible is desirable. Waiters exist
	 * only while curr_nr is 0, so the frees that refill are the ones that wake them.
	 */
	if (refill_reserve(pool, &element, 1))
		return;
	pool->sim_stats.free_backing++;
	trace_mempool_free(pool, element, false);
	pool->free(element, pool->pool_data);
}

// The common case first: a quiet pool whose reserve is full, so the element goes back to
// the allocator (the same unlocked test as mempool_free_checked's refill_reserve).
void mempool_free(void *element, mempool_t *pool)
{
	if (likely(element && mempool_quiet(pool))) {
		smp_rmb();
		if (likely(reserve_full(pool))) {
			pool->sim_stats.free_backing++;
			pool->free(element, pool->pool_data);
			return;
		}
	}
	mempool_free_checked(element, pool);
}

int mempool_alloc_bulk(mempool_t *pool, void **elems, unsigned int count, unsigned int allocated)
{
	gfp_t gfp_mask = mempool_gfp(GFP_KERNEL);
	gfp_t gfp_temp = mempool_gfp_temp(gfp_mask);
	unsigned long flags;
	unsigned int i;

	if (!mempool_check_live(pool, __func__))
		return -EINVAL;
	WARN_ON_ONCE(count > (unsigned int)pool->min_nr);
	might_sleep();

	// A forced failure skips the allocator for the whole batch, to exercise taking many
	// elements from the reserve at once.
	if (should_fail_mempool_alloc(pool, true))
		goto use_pool;
repeat_alloc:
	for (i = 0; i < count; i++) {
		if (elems[i])
			continue;
		elems[i] = pool->alloc(gfp_temp, pool->pool_data);
		if (unlikely(!elems[i]))
			goto use_pool;
		handed_out(pool, elems[i], gfp_temp, mempool_from::backing);
		allocated++;
	}
	return 0;

use_pool:
	// Every missing element from the reserve at once, or none.
	spin_lock_irqsave(&pool->lock, flags);
	if (pool->curr_nr >= (int)(count - allocated)) {
		for (i = 0; i < count; i++)
			if (!elems[i])
				elems[i] = handed_out(pool, take_from_reserve(pool), gfp_temp,
						      mempool_from::reserve);
		spin_unlock_irqrestore(&pool->lock, flags);
		smp_wmb();
		return 0;
	}
	if (gfp_temp & __GFP_DIRECT_RECLAIM)
		wait_for_element(pool, flags);
	else
		spin_unlock_irqrestore(&pool->lock, flags);
	gfp_temp = gfp_mask;
	goto repeat_alloc;
}

unsigned int mempool_free_bulk(mempool_t *pool, void **elems, unsigned int count)
{
	unsigned int usable = count, taken, i;

	// Taking nothing is always safe: the caller frees what is left with its own allocator.
	if (!mempool_check_live(pool, __func__))
		return 0;
	// Only the elements before the first one this pool did not hand out may enter it.
	if (unlikely(mempool_debug(pool)))
		for (i = count; i-- > 0;)
			if (!mempool_debug_given_back(pool, elems[i]))
				usable = i;
	smp_rmb();
	taken = refill_reserve(pool, elems, usable);
	for (i = taken; i < count; i++) {
		pool->sim_stats.free_backing++;
		trace_mempool_free(pool, elems[i], false);
	}
	return taken;
}
