// SPDX-License-Identifier: GPL-2.0-only
// Bitmap searches and operations (lib/find_bit.c, lib/bitmap.c, v5.4), a word at a time.
#include "linux/bitmap.h"

namespace {

// _find_next_bit(): the first bit at or after `start` of addr1 (ANDed with addr2 if given,
// inverted by `invert` for the zero searches); nbits if none.
unsigned long find_next(const unsigned long *addr1, const unsigned long *addr2, unsigned long nbits,
			unsigned long start, unsigned long invert)
{
	if (start >= nbits)
		return nbits;
	unsigned long tmp = addr1[start / BITS_PER_LONG];
	if (addr2)
		tmp &= addr2[start / BITS_PER_LONG];
	tmp ^= invert;
	tmp &= BITMAP_FIRST_WORD_MASK(start);
	start &= ~(BITS_PER_LONG - 1UL);
	while (!tmp) {
		start += BITS_PER_LONG;
		if (start >= nbits)
			return nbits;
		tmp = addr1[start / BITS_PER_LONG];
		if (addr2)
			tmp &= addr2[start / BITS_PER_LONG];
		tmp ^= invert;
	}
	unsigned long found = start + __ffs(tmp);
	return found < nbits ? found : nbits;
}

// The words a bitmap of nbits fills completely, and whether a partial one follows them.
inline unsigned int full_words(unsigned int nbits) { return nbits / BITS_PER_LONG; }
inline bool has_tail(unsigned int nbits) { return nbits % BITS_PER_LONG; }

} // namespace

extern "C" {

unsigned long find_next_bit(const unsigned long *addr, unsigned long size, unsigned long offset)
{
	return find_next(addr, nullptr, size, offset, 0UL);
}

unsigned long find_next_zero_bit(const unsigned long *addr, unsigned long size, unsigned long offset)
{
	return find_next(addr, nullptr, size, offset, ~0UL);
}

unsigned long find_next_and_bit(const unsigned long *addr1, const unsigned long *addr2, unsigned long size,
				unsigned long offset)
{
	return find_next(addr1, addr2, size, offset, 0UL);
}

unsigned long find_first_bit(const unsigned long *addr, unsigned long size) { return find_next_bit(addr, size, 0); }

unsigned long find_first_zero_bit(const unsigned long *addr, unsigned long size)
{
	return find_next_zero_bit(addr, size, 0);
}

unsigned long find_last_bit(const unsigned long *addr, unsigned long size)
{
	if (!size)
		return size;
	unsigned long val = BITMAP_LAST_WORD_MASK(size);
	unsigned long idx = (size - 1) / BITS_PER_LONG;
	do {
		val &= addr[idx];
		if (val)
			return idx * BITS_PER_LONG + __fls(val);
		val = ~0UL;
	} while (idx--);
	return size;
}

int __bitmap_equal(const unsigned long *bitmap1, const unsigned long *bitmap2, unsigned int bits)
{
	unsigned int k, lim = full_words(bits);
	for (k = 0; k < lim; ++k)
		if (bitmap1[k] != bitmap2[k])
			return 0;
	if (has_tail(bits) && ((bitmap1[k] ^ bitmap2[k]) & BITMAP_LAST_WORD_MASK(bits)))
		return 0;
	return 1;
}

void __bitmap_complement(unsigned long *dst, const unsigned long *src, unsigned int bits)
{
	for (unsigned int k = 0; k < BITS_TO_LONGS(bits); ++k)
		dst[k] = ~src[k];
}

int __bitmap_and(unsigned long *dst, const unsigned long *bitmap1, const unsigned long *bitmap2, unsigned int bits)
{
	unsigned int k, lim = full_words(bits);
	unsigned long result = 0;
	for (k = 0; k < lim; k++)
		result |= (dst[k] = bitmap1[k] & bitmap2[k]);
	if (has_tail(bits))
		result |= (dst[k] = bitmap1[k] & bitmap2[k] & BITMAP_LAST_WORD_MASK(bits));
	return result != 0;
}

void __bitmap_or(unsigned long *dst, const unsigned long *bitmap1, const unsigned long *bitmap2, unsigned int bits)
{
	for (unsigned int k = 0; k < BITS_TO_LONGS(bits); k++)
		dst[k] = bitmap1[k] | bitmap2[k];
}

void __bitmap_xor(unsigned long *dst, const unsigned long *bitmap1, const unsigned long *bitmap2, unsigned int bits)
{
	for (unsigned int k = 0; k < BITS_TO_LONGS(bits); k++)
		dst[k] = bitmap1[k] ^ bitmap2[k];
}

int __bitmap_andnot(unsigned long *dst, const unsigned long *bitmap1, const unsigned long *bitmap2, unsigned int bits)
{
	unsigned int k, lim = full_words(bits);
	unsigned long result = 0;
	for (k = 0; k < lim; k++)
		result |= (dst[k] = bitmap1[k] & ~bitmap2[k]);
	if (has_tail(bits))
		result |= (dst[k] = bitmap1[k] & ~bitmap2[k] & BITMAP_LAST_WORD_MASK(bits));
	return result != 0;
}

int __bitmap_intersects(const unsigned long *bitmap1, const unsigned long *bitmap2, unsigned int bits)
{
	unsigned int k, lim = full_words(bits);
	for (k = 0; k < lim; ++k)
		if (bitmap1[k] & bitmap2[k])
			return 1;
	return has_tail(bits) && ((bitmap1[k] & bitmap2[k]) & BITMAP_LAST_WORD_MASK(bits));
}

int __bitmap_subset(const unsigned long *bitmap1, const unsigned long *bitmap2, unsigned int bits)
{
	unsigned int k, lim = full_words(bits);
	for (k = 0; k < lim; ++k)
		if (bitmap1[k] & ~bitmap2[k])
			return 0;
	return !(has_tail(bits) && ((bitmap1[k] & ~bitmap2[k]) & BITMAP_LAST_WORD_MASK(bits)));
}

int __bitmap_weight(const unsigned long *bitmap, unsigned int bits)
{
	unsigned int k, lim = full_words(bits);
	int w = 0;
	for (k = 0; k < lim; k++)
		w += static_cast<int>(hweight_long(bitmap[k]));
	if (has_tail(bits))
		w += static_cast<int>(hweight_long(bitmap[k] & BITMAP_LAST_WORD_MASK(bits)));
	return w;
}

void __bitmap_set(unsigned long *map, unsigned int start, int len)
{
	for (unsigned int bit = start; len > 0; bit++, len--)
		__set_bit(bit, map);
}

void __bitmap_clear(unsigned long *map, unsigned int start, int len)
{
	for (unsigned int bit = start; len > 0; bit++, len--)
		__clear_bit(bit, map);
}

unsigned long bitmap_find_next_zero_area_off(unsigned long *map, unsigned long size, unsigned long start,
					     unsigned int nr, unsigned long align_mask, unsigned long align_offset)
{
	for (;;) {
		unsigned long index = find_next_zero_bit(map, size, start);
		index = ((index + align_offset + align_mask) & ~align_mask) - align_offset;
		unsigned long end = index + nr;
		if (end > size)
			return end;
		unsigned long i = find_next_bit(map, end, index);
		if (i < end) {
			start = i + 1;
			continue;
		}
		return index;
	}
}

} // extern "C"
