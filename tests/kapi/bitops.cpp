// SPDX-License-Identifier: GPL-2.0-only
// Bit operations and bitmaps against std::bitset, under random operations.
#include "linux/bitmap.h"
#include "linux/bitops.h"

#include <bitset>
#include <catch2/catch.hpp>
#include <random>

namespace {
constexpr unsigned nbits = 300; // not a multiple of BITS_PER_LONG: the last word is partial

struct pair {
	DECLARE_BITMAP(map, nbits) = {};
	std::bitset<nbits> ref;
};

// Applies one random bit operation to both and checks what it returned.
void random_op(pair &p, std::mt19937 &rng)
{
	long nr = static_cast<long>(rng() % nbits);
	bool was = p.ref[static_cast<std::size_t>(nr)];
	switch (rng() % 9) {
	case 0: set_bit(nr, p.map); p.ref.set(nr); break;
	case 1: clear_bit(nr, p.map); p.ref.reset(nr); break;
	case 2: change_bit(nr, p.map); p.ref.flip(nr); break;
	case 3: CHECK(test_and_set_bit(nr, p.map) == was); p.ref.set(nr); break;
	case 4: CHECK(test_and_clear_bit(nr, p.map) == was); p.ref.reset(nr); break;
	case 5: CHECK(test_and_change_bit(nr, p.map) == was); p.ref.flip(nr); break;
	case 6: CHECK(__test_and_set_bit(nr, p.map) == was); p.ref.set(nr); break;
	case 7: __clear_bit(nr, p.map); p.ref.reset(nr); break;
	case 8: CHECK(test_bit(nr, p.map) == was); break;
	}
}
} // namespace

TEST_CASE("bit operations agree with std::bitset under random operations")
{
	std::mt19937 rng(1);
	pair p;
	for (int i = 0; i < 10000; i++)
		random_op(p, rng);
	for (unsigned b = 0; b < nbits; b++)
		REQUIRE(test_bit(b, p.map) == p.ref[b]);
}

TEST_CASE("find_first_bit, find_next_bit and for_each_set_bit visit exactly the set bits in order")
{
	std::mt19937 rng(2);
	for (int round = 0; round < 200; round++) {
		pair p;
		for (int i = 0; i < static_cast<int>(rng() % 40); i++)
			random_op(p, rng);
		std::vector<unsigned long> want, got, zeros;
		for (unsigned b = 0; b < nbits; b++)
			if (p.ref[b])
				want.push_back(b);
		unsigned long bit;
		for_each_set_bit(bit, p.map, nbits)
			got.push_back(bit);
		REQUIRE(got == want);
		for_each_clear_bit(bit, p.map, nbits)
			zeros.push_back(bit);
		REQUIRE(zeros.size() == nbits - p.ref.count());
		REQUIRE(find_last_bit(p.map, nbits) == (want.empty() ? nbits : want.back()));
		REQUIRE(static_cast<std::size_t>(bitmap_weight(p.map, nbits)) == p.ref.count());
		REQUIRE(bitmap_empty(p.map, nbits) == p.ref.none());
	}
}

TEST_CASE("find_*_bit return the size when there is no such bit, and ignore bits past it")
{
	DECLARE_BITMAP(map, 130);
	bitmap_fill(map, 130);
	CHECK(find_first_zero_bit(map, 130) == 130);
	CHECK(bitmap_full(map, 130));
	CHECK(bitmap_weight(map, 130) == 130);
	bitmap_zero(map, 130);
	CHECK(find_first_bit(map, 130) == 130);
	CHECK(find_next_bit(map, 130, 200) == 130);
	__set_bit(129, map);
	CHECK(find_first_bit(map, 129) == 129);
	CHECK(find_last_bit(map, 130) == 129);
}

TEST_CASE("bitmap_set, bitmap_clear and the set operations agree with std::bitset")
{
	pair a, b;
	bitmap_set(a.map, 60, 80);
	for (unsigned i = 60; i < 140; i++)
		a.ref.set(i);
	bitmap_set(b.map, 100, 150);
	bitmap_clear(b.map, 120, 10);
	for (unsigned i = 100; i < 250; i++)
		b.ref.set(i);
	for (unsigned i = 120; i < 130; i++)
		b.ref.reset(i);
	DECLARE_BITMAP(out, nbits);
	auto matches = [&](const std::bitset<nbits> &ref) {
		for (unsigned i = 0; i < nbits; i++)
			if (test_bit(i, out) != ref[i])
				return false;
		return true;
	};
	CHECK(bitmap_and(out, a.map, b.map, nbits));
	CHECK(matches(a.ref & b.ref));
	bitmap_or(out, a.map, b.map, nbits);
	CHECK(matches(a.ref | b.ref));
	bitmap_xor(out, a.map, b.map, nbits);
	CHECK(matches(a.ref ^ b.ref));
	CHECK(bitmap_andnot(out, a.map, b.map, nbits));
	CHECK(matches(a.ref & ~b.ref));
	CHECK(bitmap_intersects(a.map, b.map, nbits));
	CHECK_FALSE(bitmap_subset(a.map, b.map, nbits));
	bitmap_copy(out, a.map, nbits);
	CHECK(bitmap_equal(out, a.map, nbits));
	CHECK(bitmap_find_next_zero_area(b.map, nbits, 0, 100, 0) == 0);
	CHECK(bitmap_find_next_zero_area(a.map, nbits, 50, 20, 0) == 140);
	CHECK(bitmap_find_next_zero_area(b.map, nbits, 110, 8, 7) == 120);
}

TEST_CASE("hweight, ffs, fls and __ffs count and find bits as the kernel's do")
{
	CHECK(hweight8(0x1ff) == 8);
	CHECK(hweight16(0xf0f0f) == 8);
	CHECK(hweight32(0xffffffffU) == 32);
	CHECK(hweight64(~0ULL) == 64);
	CHECK(hweight_long(0x5UL) == 2);
	CHECK(ffs(0) == 0);
	CHECK(ffs(0x18) == 4);
	CHECK(fls(0) == 0);
	CHECK(fls(0x18) == 5);
	CHECK(fls64(1ULL << 63) == 64);
	CHECK(__ffs(0x18UL) == 3);
	CHECK(__fls(0x18UL) == 4);
	CHECK(ffz(0x7UL) == 3);
	CHECK(GENMASK(7, 4) == 0xf0UL);
	CHECK(BIT(5) == 32UL);
	CHECK(BITS_TO_LONGS(65) == 2);
}
