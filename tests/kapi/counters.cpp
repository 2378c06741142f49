// SPDX-License-Identifier: GPL-2.0-only
// atomic_t, atomic64_t, refcount_t and kref with the kernel's values and warnings.
#include "support/machine.h"

#include "linux/atomic.h"
#include "linux/kref.h"
#include "linux/mutex.h"
#include "linux/refcount.h"

#include <catch2/catch.hpp>
#include <climits>

TEST_CASE("atomic_t's value-returning operations return the new value, fetch_ ones the old")
{
	atomic_t v = ATOMIC_INIT(5);
	CHECK(atomic_add_return(3, &v) == 8);
	CHECK(atomic_fetch_add(2, &v) == 8);
	CHECK(atomic_sub_return(4, &v) == 6);
	CHECK(atomic_fetch_sub(1, &v) == 6);
	CHECK(atomic_inc_return(&v) == 6);
	CHECK(atomic_dec_return(&v) == 5);
	CHECK(atomic_fetch_or(0x10, &v) == 5);
	CHECK(atomic_fetch_and(0x14, &v) == 0x15);
	CHECK(atomic_fetch_xor(0x4, &v) == 0x14);
	CHECK(atomic_fetch_andnot(0x10, &v) == 0x10);
	CHECK(atomic_read(&v) == 0);
	CHECK(atomic_xchg(&v, 7) == 0);
	CHECK(atomic_read(&v) == 7);
}

TEST_CASE("atomic_*_and_test and atomic_add_negative say where the value landed")
{
	atomic_t v = ATOMIC_INIT(2);
	CHECK_FALSE(atomic_dec_and_test(&v));
	CHECK(atomic_dec_and_test(&v));
	CHECK(atomic_inc_and_test(&(v = ATOMIC_INIT(-1))));
	CHECK(atomic_sub_and_test(0, &v));
	CHECK(atomic_add_negative(-1, &v));
	CHECK_FALSE(atomic_add_negative(1, &v));
}

TEST_CASE("atomic_cmpxchg stores only when it finds the old value, and returns what it found")
{
	atomic_t v = ATOMIC_INIT(1);
	CHECK(atomic_cmpxchg(&v, 2, 3) == 1);
	CHECK(atomic_read(&v) == 1);
	CHECK(atomic_cmpxchg(&v, 1, 3) == 1);
	CHECK(atomic_read(&v) == 3);
	int old = 4;
	CHECK_FALSE(atomic_try_cmpxchg(&v, &old, 5));
	CHECK(old == 3);
	CHECK(atomic_try_cmpxchg(&v, &old, 5));
	CHECK(atomic_read(&v) == 5);
}

TEST_CASE("atomic_inc_not_zero and atomic_add_unless leave the excluded value alone")
{
	atomic_t v = ATOMIC_INIT(0);
	CHECK_FALSE(atomic_inc_not_zero(&v));
	CHECK(atomic_read(&v) == 0);
	atomic_set(&v, 1);
	CHECK(atomic_inc_not_zero(&v));
	CHECK(atomic_read(&v) == 2);
	CHECK_FALSE(atomic_add_unless(&v, 5, 2));
	CHECK(atomic_fetch_add_unless(&v, 5, 3) == 2);
	CHECK(atomic_read(&v) == 7);
	CHECK(atomic_dec_if_positive(&(v = ATOMIC_INIT(0))) == -1);
	CHECK(atomic_read(&v) == 0);
	CHECK_FALSE(atomic_inc_unless_negative(&(v = ATOMIC_INIT(-1))));
	CHECK(atomic_dec_unless_positive(&v));
	CHECK(atomic_read(&v) == -2);
}

TEST_CASE("atomic64_t and atomic_long_t hold 64-bit values")
{
	atomic64_t v = ATOMIC64_INIT(1LL << 40);
	CHECK(atomic64_add_return(1LL << 40, &v) == 1LL << 41);
	CHECK(atomic64_cmpxchg(&v, 1LL << 41, -1) == 1LL << 41);
	CHECK(atomic64_inc_and_test(&v));
	atomic_long_t l = ATOMIC_LONG_INIT(LONG_MAX);
	CHECK(atomic_long_fetch_sub(LONG_MAX, &l) == LONG_MAX);
	CHECK(atomic_long_read(&l) == 0);
}

TEST_CASE("refcount_t saturates at UINT_MAX with the kernel's warning, and then never reaches zero")
{
	test_machine tm;
	on_cpu(0, [] {
		refcount_t r = REFCOUNT_INIT(INT_MAX);
		refcount_set(&r, static_cast<int>(UINT_MAX - 1));
		refcount_inc(&r);
		CHECK(refcount_read(&r) == UINT_MAX);
		CHECK_FALSE(refcount_dec_and_test(&r));
		CHECK(refcount_read(&r) == UINT_MAX);
		refcount_add(10, &r);
		CHECK(refcount_read(&r) == UINT_MAX);
	});
	CHECK_LOGGED("refcount_t: saturated; leaking memory.\n");
	CHECK_LOGGED("WARNING: CPU: 0 PID: 1 at sim/lib/refcount.cpp:");
	CHECK(sim::kernel_reports().size() == 1);
}

TEST_CASE("refcount_inc on a count of zero is the use-after-free warning and leaves it at zero")
{
	test_machine tm;
	on_cpu(0, [] {
		refcount_t r = REFCOUNT_INIT(0);
		refcount_inc(&r);
		CHECK(refcount_read(&r) == 0);
		CHECK_FALSE(refcount_inc_not_zero(&r));
	});
	CHECK_LOGGED("refcount_t: increment on 0; use-after-free.\n");
}

TEST_CASE("refcount_dec_and_test below zero is the underflow warning and leaves the count at zero")
{
	test_machine tm;
	on_cpu(0, [] {
		refcount_t r = REFCOUNT_INIT(1);
		CHECK(refcount_dec_and_test(&r));
		CHECK_FALSE(refcount_dec_and_test(&r));
		CHECK(refcount_read(&r) == 0);
	});
	CHECK_LOGGED("refcount_t: underflow; use-after-free.\n");
}

TEST_CASE("refcount_dec to zero is the leak warning")
{
	test_machine tm;
	on_cpu(0, [] {
		refcount_t r = REFCOUNT_INIT(1);
		refcount_dec(&r);
		CHECK(refcount_read(&r) == 0);
	});
	CHECK_LOGGED("refcount_t: decrement hit 0; leaking memory.\n");
}

namespace {
struct obj {
	struct kref ref;
	int *released;
};
void release(struct kref *k) { (*container_of(k, obj, ref)->released)++; }
} // namespace

TEST_CASE("kref_put calls release exactly when the last reference goes")
{
	int released = 0;
	obj o{KREF_INIT(1), &released};
	kref_get(&o.ref);
	CHECK(kref_read(&o.ref) == 2);
	CHECK(kref_put(&o.ref, release) == 0);
	CHECK(released == 0);
	CHECK(kref_put(&o.ref, release) == 1);
	CHECK(released == 1);
	CHECK_FALSE(kref_get_unless_zero(&o.ref));
}

TEST_CASE("kref_put_mutex takes the mutex only for the last reference and calls release holding it")
{
	test_machine tm;
	on_cpu(0, [] {
		static DEFINE_MUTEX(lock);
		static bool held_in_release;
		struct holder {
			struct kref ref;
		} h{KREF_INIT(2)};
		auto release = [](struct kref *) {
			held_in_release = mutex_is_locked(&lock) && __mutex_owner(&lock) == current;
			mutex_unlock(&lock);
		};
		CHECK(kref_put_mutex(&h.ref, release, &lock) == 0);
		CHECK_FALSE(mutex_is_locked(&lock));
		CHECK(kref_put_mutex(&h.ref, release, &lock) == 1);
		CHECK(held_in_release);
		CHECK_FALSE(mutex_is_locked(&lock));
	});
}
