// SPDX-License-Identifier: GPL-2.0-only
// refcount_t's checked operations (lib/refcount.c, v5.4, CONFIG_REFCOUNT_FULL): saturate at
// UINT_MAX and stay there; warn once per site about saturation, use after free and underflow.
#include "linux/bug.h"
#include "linux/mutex.h"
#include "linux/refcount.h"
#include "linux/spinlock.h"

#include <climits>

namespace {

unsigned int refs_read(refcount_t *r) { return static_cast<unsigned int>(atomic_read(&r->refs)); }

// Compare-and-swap on the count as the unsigned value it is; `val` gets what was found.
bool refs_try_cmpxchg(refcount_t *r, unsigned int *val, unsigned int new_val)
{
	int old = static_cast<int>(*val);
	bool ok = atomic_try_cmpxchg(&r->refs, &old, static_cast<int>(new_val));
	*val = static_cast<unsigned int>(old);
	return ok;
}

} // namespace

extern "C" bool refcount_dec_not_one(refcount_t *r);

namespace {

// Drops a reference; the last one only with the lock taken, which is then left held (true).
template <typename Lock, typename Unlock>
bool dec_and_locked(refcount_t *r, Lock lock, Unlock unlock)
{
	if (refcount_dec_not_one(r))
		return false;
	lock();
	if (!refcount_dec_and_test(r)) {
		unlock();
		return false;
	}
	return true;
}

} // namespace

extern "C" {

bool refcount_add_not_zero(unsigned int i, refcount_t *r)
{
	unsigned int new_val, val = refs_read(r);
	do {
		if (!val)
			return false;
		if (unlikely(val == UINT_MAX))
			return true;
		new_val = val + i;
		if (new_val < val)
			new_val = UINT_MAX;
	} while (!refs_try_cmpxchg(r, &val, new_val));
	WARN_ONCE(new_val == UINT_MAX, "refcount_t: saturated; leaking memory.\n");
	return true;
}

void refcount_add(unsigned int i, refcount_t *r)
{
	WARN_ONCE(!refcount_add_not_zero(i, r), "refcount_t: addition on 0; use-after-free.\n");
}

bool refcount_inc_not_zero(refcount_t *r)
{
	unsigned int new_val, val = refs_read(r);
	do {
		new_val = val + 1;
		if (!val)
			return false;
		if (unlikely(!new_val))
			return true;
	} while (!refs_try_cmpxchg(r, &val, new_val));
	WARN_ONCE(new_val == UINT_MAX, "refcount_t: saturated; leaking memory.\n");
	return true;
}

void refcount_inc(refcount_t *r)
{
	WARN_ONCE(!refcount_inc_not_zero(r), "refcount_t: increment on 0; use-after-free.\n");
}

bool refcount_sub_and_test(unsigned int i, refcount_t *r)
{
	unsigned int new_val, val = refs_read(r);
	do {
		if (unlikely(val == UINT_MAX))
			return false;
		new_val = val - i;
		if (new_val > val) {
			WARN_ONCE(new_val > val, "refcount_t: underflow; use-after-free.\n");
			return false;
		}
	} while (!refs_try_cmpxchg(r, &val, new_val));
	return !new_val;
}

bool refcount_dec_and_test(refcount_t *r) { return refcount_sub_and_test(1, r); }

void refcount_dec(refcount_t *r)
{
	WARN_ONCE(refcount_dec_and_test(r), "refcount_t: decrement hit 0; leaking memory.\n");
}

bool refcount_dec_if_one(refcount_t *r)
{
	int val = 1;
	return atomic_try_cmpxchg_release(&r->refs, &val, 0);
}

// Decrements unless the count is 1 (or saturated); false only when it was 1.
bool refcount_dec_not_one(refcount_t *r)
{
	unsigned int new_val, val = refs_read(r);
	do {
		if (unlikely(val == UINT_MAX))
			return true;
		if (val == 1)
			return false;
		new_val = val - 1;
		if (new_val > val) {
			WARN_ONCE(new_val > val, "refcount_t: underflow; use-after-free.\n");
			return true;
		}
	} while (!refs_try_cmpxchg(r, &val, new_val));
	return true;
}

// The last reference drops with the lock held (returns true, lock held); otherwise false, unlocked.
bool refcount_dec_and_mutex_lock(refcount_t *r, struct mutex *lock)
{
	return dec_and_locked(r, [lock] { mutex_lock(lock); }, [lock] { mutex_unlock(lock); });
}

bool refcount_dec_and_lock(refcount_t *r, spinlock_t *lock)
{
	return dec_and_locked(r, [lock] { spin_lock(lock); }, [lock] { spin_unlock(lock); });
}

bool refcount_dec_and_lock_irqsave(refcount_t *r, spinlock_t *lock, unsigned long *flags)
{
	return dec_and_locked(r, [=] { spin_lock_irqsave(lock, *flags); }, [=] { spin_unlock_irqrestore(lock, *flags); });
}

} // extern "C"
