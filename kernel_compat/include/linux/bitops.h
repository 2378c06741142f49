/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Bit operations (include/linux/bitops.h, asm-generic/bitops/, v5.4) on arrays of unsigned
 * long, bit nr in word nr / BITS_PER_LONG. set_bit() and the test_and_ ones are atomic
 * (relaxed and fully ordered, as on x86), the __ ones are not; find_*_bit() return `size`
 * when there is no such bit. hweight*() count bits, ffs()/fls() are 1-based (0 for no bit),
 * __ffs()/__fls()/ffz() 0-based and undefined for no bit, as in the kernel.
 */
#ifndef _LINUX_BITOPS_H
#define _LINUX_BITOPS_H

#include "linux/bits.h"
#include "linux/compiler.h"
#include "linux/string.h"
#include "linux/types.h"

#define BITS_PER_TYPE(type) (sizeof(type) * BITS_PER_BYTE)
#define BITS_TO_LONGS(nr) (((nr) + BITS_PER_TYPE(long) - 1) / BITS_PER_TYPE(long))

static __always_inline void set_bit(long nr, volatile unsigned long *addr)
{
	__atomic_fetch_or(&addr[BIT_WORD(nr)], BIT_MASK(nr), __ATOMIC_RELAXED);
}
static __always_inline void clear_bit(long nr, volatile unsigned long *addr)
{
	__atomic_fetch_and(&addr[BIT_WORD(nr)], ~BIT_MASK(nr), __ATOMIC_RELAXED);
}
static __always_inline void change_bit(long nr, volatile unsigned long *addr)
{
	__atomic_fetch_xor(&addr[BIT_WORD(nr)], BIT_MASK(nr), __ATOMIC_RELAXED);
}
static __always_inline void clear_bit_unlock(long nr, volatile unsigned long *addr)
{
	__atomic_fetch_and(&addr[BIT_WORD(nr)], ~BIT_MASK(nr), __ATOMIC_RELEASE);
}
static __always_inline bool test_and_set_bit(long nr, volatile unsigned long *addr)
{
	return __atomic_fetch_or(&addr[BIT_WORD(nr)], BIT_MASK(nr), __ATOMIC_SEQ_CST) & BIT_MASK(nr);
}
static __always_inline bool test_and_set_bit_lock(long nr, volatile unsigned long *addr)
{
	return __atomic_fetch_or(&addr[BIT_WORD(nr)], BIT_MASK(nr), __ATOMIC_ACQUIRE) & BIT_MASK(nr);
}
static __always_inline bool test_and_clear_bit(long nr, volatile unsigned long *addr)
{
	return __atomic_fetch_and(&addr[BIT_WORD(nr)], ~BIT_MASK(nr), __ATOMIC_SEQ_CST) & BIT_MASK(nr);
}
static __always_inline bool test_and_change_bit(long nr, volatile unsigned long *addr)
{
	return __atomic_fetch_xor(&addr[BIT_WORD(nr)], BIT_MASK(nr), __ATOMIC_SEQ_CST) & BIT_MASK(nr);
}

/* The non-atomic ones, on the word itself (the kernel casts volatile away too). */
static __always_inline unsigned long *__sim_bit_word(long nr, volatile unsigned long *addr)
{
	return (unsigned long *)addr + BIT_WORD(nr);
}
static __always_inline void __set_bit(long nr, volatile unsigned long *addr) { *__sim_bit_word(nr, addr) |= BIT_MASK(nr); }
static __always_inline void __clear_bit(long nr, volatile unsigned long *addr) { *__sim_bit_word(nr, addr) &= ~BIT_MASK(nr); }
static __always_inline void __change_bit(long nr, volatile unsigned long *addr) { *__sim_bit_word(nr, addr) ^= BIT_MASK(nr); }
static __always_inline bool __test_and_set_bit(long nr, volatile unsigned long *addr)
{
	unsigned long *p = __sim_bit_word(nr, addr), old = *p;
	*p = old | BIT_MASK(nr);
	return old & BIT_MASK(nr);
}
static __always_inline bool __test_and_clear_bit(long nr, volatile unsigned long *addr)
{
	unsigned long *p = __sim_bit_word(nr, addr), old = *p;
	*p = old & ~BIT_MASK(nr);
	return old & BIT_MASK(nr);
}
static __always_inline bool __test_and_change_bit(long nr, volatile unsigned long *addr)
{
	unsigned long *p = __sim_bit_word(nr, addr), old = *p;
	*p = old ^ BIT_MASK(nr);
	return old & BIT_MASK(nr);
}
static __always_inline bool test_bit(long nr, const volatile unsigned long *addr)
{
	return (addr[BIT_WORD(nr)] >> (nr & (BITS_PER_LONG - 1))) & 1UL;
}

static __always_inline unsigned int hweight8(unsigned int w) { return (unsigned int)__builtin_popcount(w & 0xffU); }
static __always_inline unsigned int hweight16(unsigned int w) { return (unsigned int)__builtin_popcount(w & 0xffffU); }
static __always_inline unsigned int hweight32(unsigned int w) { return (unsigned int)__builtin_popcount(w); }
static __always_inline unsigned long hweight64(u64 w) { return (unsigned long)__builtin_popcountll(w); }
static __always_inline unsigned long hweight_long(unsigned long w) { return (unsigned long)__builtin_popcountl(w); }

static __always_inline unsigned long __ffs(unsigned long word) { return (unsigned long)__builtin_ctzl(word); }
static __always_inline unsigned long __fls(unsigned long word) { return BITS_PER_LONG - 1 - (unsigned long)__builtin_clzl(word); }
static __always_inline unsigned long ffz(unsigned long word) { return __ffs(~word); }
/* The C library declares an ffs() of its own (strings.h, included above): same meaning. */
#define ffs(x) __builtin_ffs(x)
static __always_inline int fls(unsigned int x) { return x ? 32 - __builtin_clz(x) : 0; }
static __always_inline int fls64(u64 x) { return x ? 64 - __builtin_clzll(x) : 0; }
static __always_inline int fls_long(unsigned long l) { return fls64(l); }
static __always_inline int get_count_order(unsigned int count) { return count ? fls(count - 1) : -1; }

static inline u32 rol32(u32 word, unsigned int shift) { return (word << (shift & 31)) | (word >> ((-shift) & 31)); }
static inline u32 ror32(u32 word, unsigned int shift) { return (word >> (shift & 31)) | (word << ((-shift) & 31)); }
static inline u64 rol64(u64 word, unsigned int shift) { return (word << (shift & 63)) | (word >> ((-shift) & 63)); }
static inline u64 ror64(u64 word, unsigned int shift) { return (word >> (shift & 63)) | (word << ((-shift) & 63)); }

SLABSIM_BEGIN_DECLS
unsigned long find_next_bit(const unsigned long *addr, unsigned long size, unsigned long offset);
unsigned long find_next_zero_bit(const unsigned long *addr, unsigned long size, unsigned long offset);
unsigned long find_next_and_bit(const unsigned long *addr1, const unsigned long *addr2, unsigned long size,
				unsigned long offset);
unsigned long find_first_bit(const unsigned long *addr, unsigned long size);
unsigned long find_first_zero_bit(const unsigned long *addr, unsigned long size);
unsigned long find_last_bit(const unsigned long *addr, unsigned long size);
SLABSIM_END_DECLS

#define for_each_set_bit(bit, addr, size) \
	for ((bit) = find_first_bit((addr), (size)); (bit) < (size); (bit) = find_next_bit((addr), (size), (bit) + 1))
#define for_each_set_bit_from(bit, addr, size) \
	for ((bit) = find_next_bit((addr), (size), (bit)); (bit) < (size); (bit) = find_next_bit((addr), (size), (bit) + 1))
#define for_each_clear_bit(bit, addr, size) \
	for ((bit) = find_first_zero_bit((addr), (size)); (bit) < (size); \
	     (bit) = find_next_zero_bit((addr), (size), (bit) + 1))
#define for_each_clear_bit_from(bit, addr, size) \
	for ((bit) = find_next_zero_bit((addr), (size), (bit)); (bit) < (size); \
	     (bit) = find_next_zero_bit((addr), (size), (bit) + 1))

#endif /* _LINUX_BITOPS_H */
