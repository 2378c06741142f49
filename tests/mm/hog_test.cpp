// SPDX-License-Identifier: GPL-2.0-only
// The memory hog: holding pages to create pressure, and giving them back.
#include "mm_fixture.h"

#include "sim/mm/hog.h"

TEST_CASE("hogging pages takes exactly that many from the free memory")
{
	mm_machine b;
	unsigned long free = nr_free_pages();
	CHECK(sim::hog_pages(1234) == 1234);
	CHECK(nr_free_pages() == free - 1234);
	CHECK(sim::hogged_pages() == 1234);
	require_invariants();
}

TEST_CASE("hogging all but N pages leaves exactly N free, ignoring the watermarks")
{
	mm_machine b;
	CHECK(sim::hog_all_but(10) == 16384 - 10);
	CHECK(nr_free_pages() == 10);
	require_invariants();
}

TEST_CASE("hogging a fraction takes that share of MemTotal")
{
	mm_machine b;
	CHECK(sim::hog_fraction(0.25) == 4096);
	CHECK(sim::hog_fraction(-1) == 0);
	require_invariants();
}

TEST_CASE("the hog takes only what exists")
{
	mm_machine b({.memory_bytes = 16ull << 20});
	CHECK(sim::hog_pages(5000) == 4096);
	CHECK(nr_free_pages() == 0);
}

TEST_CASE("releasing part of a held block splits it and gives back exactly that many pages")
{
	mm_machine b;
	sim::hog_pages(1024); // one order-10 block
	CHECK(sim::hog_release(3) == 3);
	CHECK(sim::hogged_pages() == 1021);
	CHECK(nr_free_pages() == 16384 - 1021);
	require_invariants();
}

TEST_CASE("releasing everything merges memory back to how it was at boot")
{
	mm_machine b;
	std::string at_boot = sim::proc_buddyinfo();
	sim::hog_all_but(7);
	sim::hog_release(100);
	require_invariants();
	CHECK(sim::hog_release_all() == 16384 - 7 - 100);
	CHECK(sim::hogged_pages() == 0);
	CHECK(sim::proc_buddyinfo() == at_boot);
	require_invariants();
}
