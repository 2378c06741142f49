/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Bitmaps (include/linux/bitmap.h, lib/bitmap.c, v5.4): arrays of unsigned long holding
 * nbits bits; the bits past nbits in the last word are ignored by every query and may be
 * anything after bitmap_fill()/bitmap_complement(), as in the kernel.
 */
#ifndef _LINUX_BITMAP_H
#define _LINUX_BITMAP_H

#include "linux/bitops.h"
#include "linux/slab.h"
#include "linux/string.h"

#define DECLARE_BITMAP(name, bits) unsigned long name[BITS_TO_LONGS(bits)]
#define BITMAP_FIRST_WORD_MASK(start) (~0UL << ((start) & (BITS_PER_LONG - 1)))
#define BITMAP_LAST_WORD_MASK(nbits) (~0UL >> (-(nbits) & (BITS_PER_LONG - 1)))

SLABSIM_BEGIN_DECLS
int __bitmap_equal(const unsigned long *bitmap1, const unsigned long *bitmap2, unsigned int nbits);
int __bitmap_and(unsigned long *dst, const unsigned long *bitmap1, const unsigned long *bitmap2, unsigned int nbits);
void __bitmap_or(unsigned long *dst, const unsigned long *bitmap1, const unsigned long *bitmap2, unsigned int nbits);
void __bitmap_xor(unsigned long *dst, const unsigned long *bitmap1, const unsigned long *bitmap2, unsigned int nbits);
int __bitmap_andnot(unsigned long *dst, const unsigned long *bitmap1, const unsigned long *bitmap2, unsigned int nbits);
void __bitmap_complement(unsigned long *dst, const unsigned long *src, unsigned int nbits);
int __bitmap_intersects(const unsigned long *bitmap1, const unsigned long *bitmap2, unsigned int nbits);
int __bitmap_subset(const unsigned long *bitmap1, const unsigned long *bitmap2, unsigned int nbits);
int __bitmap_weight(const unsigned long *bitmap, unsigned int nbits);
void __bitmap_set(unsigned long *map, unsigned int start, int len);
void __bitmap_clear(unsigned long *map, unsigned int start, int len);
unsigned long bitmap_find_next_zero_area_off(unsigned long *map, unsigned long size, unsigned long start,
					     unsigned int nr, unsigned long align_mask, unsigned long align_offset);
SLABSIM_END_DECLS

static inline unsigned int __sim_bitmap_bytes(unsigned int nbits)
{
	return (unsigned int)(BITS_TO_LONGS(nbits) * sizeof(unsigned long));
}

static inline void bitmap_zero(unsigned long *dst, unsigned int nbits) { memset(dst, 0, __sim_bitmap_bytes(nbits)); }
static inline void bitmap_fill(unsigned long *dst, unsigned int nbits) { memset(dst, 0xff, __sim_bitmap_bytes(nbits)); }
static inline void bitmap_copy(unsigned long *dst, const unsigned long *src, unsigned int nbits)
{
	memcpy(dst, src, __sim_bitmap_bytes(nbits));
}
/* The and/andnot forms return whether the result has any bit set. */
static inline int bitmap_and(unsigned long *dst, const unsigned long *src1, const unsigned long *src2, unsigned int nbits)
{
	return __bitmap_and(dst, src1, src2, nbits);
}
static inline void bitmap_or(unsigned long *dst, const unsigned long *src1, const unsigned long *src2, unsigned int nbits)
{
	__bitmap_or(dst, src1, src2, nbits);
}
static inline void bitmap_xor(unsigned long *dst, const unsigned long *src1, const unsigned long *src2, unsigned int nbits)
{
	__bitmap_xor(dst, src1, src2, nbits);
}
static inline int bitmap_andnot(unsigned long *dst, const unsigned long *src1, const unsigned long *src2,
				unsigned int nbits)
{
	return __bitmap_andnot(dst, src1, src2, nbits);
}
static inline void bitmap_complement(unsigned long *dst, const unsigned long *src, unsigned int nbits)
{
	__bitmap_complement(dst, src, nbits);
}
static inline int bitmap_equal(const unsigned long *src1, const unsigned long *src2, unsigned int nbits)
{
	return __bitmap_equal(src1, src2, nbits);
}
static inline int bitmap_intersects(const unsigned long *src1, const unsigned long *src2, unsigned int nbits)
{
	return __bitmap_intersects(src1, src2, nbits);
}
static inline int bitmap_subset(const unsigned long *src1, const unsigned long *src2, unsigned int nbits)
{
	return __bitmap_subset(src1, src2, nbits);
}
static inline int bitmap_empty(const unsigned long *src, unsigned int nbits) { return find_first_bit(src, nbits) == nbits; }
static inline int bitmap_full(const unsigned long *src, unsigned int nbits)
{
	return find_first_zero_bit(src, nbits) == nbits;
}
static inline int bitmap_weight(const unsigned long *src, unsigned int nbits) { return __bitmap_weight(src, nbits); }
static inline void bitmap_set(unsigned long *map, unsigned int start, unsigned int nbits)
{
	__bitmap_set(map, start, (int)nbits);
}
static inline void bitmap_clear(unsigned long *map, unsigned int start, unsigned int nbits)
{
	__bitmap_clear(map, start, (int)nbits);
}
/* The first run of nr clear bits at or after start (aligned by align_mask), or >= size. */
static inline unsigned long bitmap_find_next_zero_area(unsigned long *map, unsigned long size, unsigned long start,
						       unsigned int nr, unsigned long align_mask)
{
	return bitmap_find_next_zero_area_off(map, size, start, nr, align_mask, 0);
}

static inline unsigned long *bitmap_alloc(unsigned int nbits, gfp_t flags)
{
	return (unsigned long *)kmalloc_array(BITS_TO_LONGS(nbits), sizeof(unsigned long), flags);
}
static inline unsigned long *bitmap_zalloc(unsigned int nbits, gfp_t flags)
{
	return bitmap_alloc(nbits, flags | __GFP_ZERO);
}
static inline void bitmap_free(const unsigned long *bitmap) { kfree(bitmap); }

#endif /* _LINUX_BITMAP_H */
