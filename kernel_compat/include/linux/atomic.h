/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * atomic_t, atomic64_t and atomic_long_t (include/linux/atomic.h and the generated
 * atomic-fallback.h of v5.4): the whole common set, as GCC's __atomic builtins. Simulated
 * CPUs take turns, so these are atomic with respect to each other by construction; the
 * builtins keep them atomic for the host too and give the compiler the kernel's ordering.
 * Plain ops and *_relaxed are relaxed, value-returning ops are fully ordered, *_acquire and
 * *_release are what they say.
 */
#ifndef _LINUX_ATOMIC_H
#define _LINUX_ATOMIC_H

#include "linux/compiler.h"
#include "linux/types.h"

typedef struct {
	s64 counter;
} atomic64_t;
typedef atomic64_t atomic_long_t;

#define ATOMIC_INIT(i) { (i) }
#define ATOMIC64_INIT(i) { (i) }
#define ATOMIC_LONG_INIT(i) ATOMIC64_INIT(i)

#define smp_mb__before_atomic() barrier()
#define smp_mb__after_atomic() barrier()

/* One arithmetic or bitwise op `op` (add, sub, and, or, xor) in every form the kernel has. */
#define __SIM_ATOMIC_OP(pfx, T, V, op)                                                          \
	static __always_inline void pfx##_##op(V i, T *v)                                      \
	{ (void)__atomic_fetch_##op(&v->counter, i, __ATOMIC_RELAXED); }                        \
	static __always_inline V pfx##_fetch_##op(V i, T *v)                                   \
	{ return __atomic_fetch_##op(&v->counter, i, __ATOMIC_SEQ_CST); }                       \
	static __always_inline V pfx##_fetch_##op##_relaxed(V i, T *v)                         \
	{ return __atomic_fetch_##op(&v->counter, i, __ATOMIC_RELAXED); }                       \
	static __always_inline V pfx##_fetch_##op##_acquire(V i, T *v)                         \
	{ return __atomic_fetch_##op(&v->counter, i, __ATOMIC_ACQUIRE); }                       \
	static __always_inline V pfx##_fetch_##op##_release(V i, T *v)                         \
	{ return __atomic_fetch_##op(&v->counter, i, __ATOMIC_RELEASE); }

/* add and sub also return the new value. */
#define __SIM_ATOMIC_ARITH(pfx, T, V, op)                                                       \
	__SIM_ATOMIC_OP(pfx, T, V, op)                                                          \
	static __always_inline V pfx##_##op##_return(V i, T *v)                                \
	{ return __atomic_##op##_fetch(&v->counter, i, __ATOMIC_SEQ_CST); }                     \
	static __always_inline V pfx##_##op##_return_relaxed(V i, T *v)                        \
	{ return __atomic_##op##_fetch(&v->counter, i, __ATOMIC_RELAXED); }                     \
	static __always_inline V pfx##_##op##_return_acquire(V i, T *v)                        \
	{ return __atomic_##op##_fetch(&v->counter, i, __ATOMIC_ACQUIRE); }                     \
	static __always_inline V pfx##_##op##_return_release(V i, T *v)                        \
	{ return __atomic_##op##_fetch(&v->counter, i, __ATOMIC_RELEASE); }

#define __SIM_ATOMIC_FAMILY(pfx, T, V)                                                          \
	static __always_inline V pfx##_read(const T *v) { return __atomic_load_n(&v->counter, __ATOMIC_RELAXED); } \
	static __always_inline V pfx##_read_acquire(const T *v) { return __atomic_load_n(&v->counter, __ATOMIC_ACQUIRE); } \
	static __always_inline void pfx##_set(T *v, V i) { __atomic_store_n(&v->counter, i, __ATOMIC_RELAXED); } \
	static __always_inline void pfx##_set_release(T *v, V i) { __atomic_store_n(&v->counter, i, __ATOMIC_RELEASE); } \
	__SIM_ATOMIC_ARITH(pfx, T, V, add)                                                      \
	__SIM_ATOMIC_ARITH(pfx, T, V, sub)                                                      \
	__SIM_ATOMIC_OP(pfx, T, V, and)                                                         \
	__SIM_ATOMIC_OP(pfx, T, V, or)                                                          \
	__SIM_ATOMIC_OP(pfx, T, V, xor)                                                         \
	static __always_inline void pfx##_andnot(V i, T *v) { pfx##_and(~i, v); }              \
	static __always_inline V pfx##_fetch_andnot(V i, T *v) { return pfx##_fetch_and(~i, v); } \
	static __always_inline void pfx##_inc(T *v) { pfx##_add(1, v); }                        \
	static __always_inline void pfx##_dec(T *v) { pfx##_sub(1, v); }                        \
	static __always_inline V pfx##_inc_return(T *v) { return pfx##_add_return(1, v); }     \
	static __always_inline V pfx##_dec_return(T *v) { return pfx##_sub_return(1, v); }     \
	static __always_inline V pfx##_inc_return_relaxed(T *v) { return pfx##_add_return_relaxed(1, v); } \
	static __always_inline V pfx##_dec_return_relaxed(T *v) { return pfx##_sub_return_relaxed(1, v); } \
	static __always_inline V pfx##_fetch_inc(T *v) { return pfx##_fetch_add(1, v); }       \
	static __always_inline V pfx##_fetch_dec(T *v) { return pfx##_fetch_sub(1, v); }       \
	static __always_inline bool pfx##_sub_and_test(V i, T *v) { return pfx##_sub_return(i, v) == 0; } \
	static __always_inline bool pfx##_dec_and_test(T *v) { return pfx##_dec_return(v) == 0; } \
	static __always_inline bool pfx##_inc_and_test(T *v) { return pfx##_inc_return(v) == 0; } \
	static __always_inline bool pfx##_add_negative(V i, T *v) { return pfx##_add_return(i, v) < 0; } \
	static __always_inline V pfx##_xchg(T *v, V i) { return __atomic_exchange_n(&v->counter, i, __ATOMIC_SEQ_CST); } \
	static __always_inline V pfx##_xchg_relaxed(T *v, V i) { return __atomic_exchange_n(&v->counter, i, __ATOMIC_RELAXED); } \
	/* The value found; the store happened if it equals `old`. */                          \
	static __always_inline V pfx##_cmpxchg(T *v, V old, V new_)                            \
	{                                                                                       \
		__atomic_compare_exchange_n(&v->counter, &old, new_, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST); \
		return old;                                                                     \
	}                                                                                       \
	static __always_inline V pfx##_cmpxchg_relaxed(T *v, V old, V new_)                    \
	{                                                                                       \
		__atomic_compare_exchange_n(&v->counter, &old, new_, false, __ATOMIC_RELAXED, __ATOMIC_RELAXED); \
		return old;                                                                     \
	}                                                                                       \
	/* True if the store happened; otherwise *old is updated to the value found. */        \
	static __always_inline bool pfx##_try_cmpxchg(T *v, V *old, V new_)                   \
	{ return __atomic_compare_exchange_n(&v->counter, old, new_, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST); } \
	static __always_inline bool pfx##_try_cmpxchg_relaxed(T *v, V *old, V new_)           \
	{ return __atomic_compare_exchange_n(&v->counter, old, new_, false, __ATOMIC_RELAXED, __ATOMIC_RELAXED); } \
	static __always_inline bool pfx##_try_cmpxchg_acquire(T *v, V *old, V new_)           \
	{ return __atomic_compare_exchange_n(&v->counter, old, new_, false, __ATOMIC_ACQUIRE, __ATOMIC_ACQUIRE); } \
	static __always_inline bool pfx##_try_cmpxchg_release(T *v, V *old, V new_)           \
	{ return __atomic_compare_exchange_n(&v->counter, old, new_, false, __ATOMIC_RELEASE, __ATOMIC_RELAXED); } \
	/* Adds a unless the value is u; returns the value found. */                           \
	static __always_inline V pfx##_fetch_add_unless(T *v, V a, V u)                        \
	{                                                                                       \
		V c = pfx##_read(v);                                                            \
		do {                                                                            \
			if (unlikely(c == u))                                                   \
				break;                                                          \
		} while (!pfx##_try_cmpxchg(v, &c, c + a));                                     \
		return c;                                                                       \
	}                                                                                       \
	static __always_inline bool pfx##_add_unless(T *v, V a, V u) { return pfx##_fetch_add_unless(v, a, u) != u; } \
	static __always_inline bool pfx##_inc_not_zero(T *v) { return pfx##_add_unless(v, 1, 0); } \
	static __always_inline bool pfx##_inc_unless_negative(T *v)                            \
	{                                                                                       \
		V c = pfx##_read(v);                                                            \
		do {                                                                            \
			if (unlikely(c < 0))                                                    \
				return false;                                                   \
		} while (!pfx##_try_cmpxchg(v, &c, c + 1));                                     \
		return true;                                                                    \
	}                                                                                       \
	static __always_inline bool pfx##_dec_unless_positive(T *v)                            \
	{                                                                                       \
		V c = pfx##_read(v);                                                            \
		do {                                                                            \
			if (unlikely(c > 0))                                                    \
				return false;                                                   \
		} while (!pfx##_try_cmpxchg(v, &c, c - 1));                                     \
		return true;                                                                    \
	}                                                                                       \
	/* Decrements unless that would go below zero; returns the value minus one either way. */ \
	static __always_inline V pfx##_dec_if_positive(T *v)                                  \
	{                                                                                       \
		V dec, c = pfx##_read(v);                                                       \
		do {                                                                            \
			dec = c - 1;                                                            \
			if (unlikely(dec < 0))                                                  \
				break;                                                          \
		} while (!pfx##_try_cmpxchg(v, &c, dec));                                       \
		return dec;                                                                     \
	}

__SIM_ATOMIC_FAMILY(atomic, atomic_t, int)
__SIM_ATOMIC_FAMILY(atomic64, atomic64_t, s64)
__SIM_ATOMIC_FAMILY(atomic_long, atomic_long_t, long)

/* The generic exchange macros, on any scalar the size of a machine word or less. */
#define xchg(ptr, v) __atomic_exchange_n((ptr), (v), __ATOMIC_SEQ_CST)
#define cmpxchg(ptr, old, new_) ({                                                              \
	__typeof__(*(ptr)) __old = (old);                                                       \
	__atomic_compare_exchange_n((ptr), &__old, (new_), false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST); \
	__old;                                                                                  \
})
#define cmpxchg_relaxed(ptr, old, new_) cmpxchg(ptr, old, new_)
#define try_cmpxchg(ptr, oldp, new_) \
	__atomic_compare_exchange_n((ptr), (oldp), (new_), false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)

#endif /* _LINUX_ATOMIC_H */
