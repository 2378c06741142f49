// SPDX-License-Identifier: GPL-2.0-only
// fail_page_alloc: which requests fail, and that the same seed fails the same ones.
#include "mm_fixture.h"

#include "sim/mm/fail_page_alloc.h"

namespace {
constexpr gfp_t atomic_quiet = GFP_ATOMIC | __GFP_NOWARN;

// 1 for each of `n` order-1 GFP_ATOMIC requests that succeeded, 0 for each that failed.
std::string outcomes(int n)
{
	std::string out;
	for (int i = 0; i < n; i++) {
		struct page *page = alloc_pages(atomic_quiet, 1);
		out += page ? '1' : '0';
		if (page)
			__free_pages(page, 1);
	}
	return out;
}

std::string outcomes_with_seed(std::uint64_t seed)
{
	mm_machine b({.seed = seed});
	sim::fail_page_alloc_set("verbose", 0);
	sim::fail_page_alloc_set("probability", 50);
	sim::fail_page_alloc_set("times", -1);
	return outcomes(64);
}
} // namespace

TEST_CASE("the same seed fails the same requests")
{
	std::string first = outcomes_with_seed(7);
	CHECK(first == outcomes_with_seed(7));
	CHECK(first.find('0') != std::string::npos);
	CHECK(first.find('1') != std::string::npos);
	CHECK(first != outcomes_with_seed(8));
}

TEST_CASE("fail_page_alloc is off until probability is set")
{
	mm_machine b;
	CHECK(outcomes(20) == std::string(20, '1'));
}

TEST_CASE("interval fails every interval-th request")
{
	mm_machine b;
	sim::fail_page_alloc_set("verbose", 0);
	sim::fail_page_alloc_set("probability", 100);
	sim::fail_page_alloc_set("interval", 3);
	sim::fail_page_alloc_set("times", -1);
	CHECK(outcomes(9) == "110110110");
	require_invariants();
}

TEST_CASE("times limits the number of failures")
{
	mm_machine b;
	sim::fail_page_alloc_set("verbose", 0);
	sim::fail_page_alloc_set("probability", 100);
	sim::fail_page_alloc_set("times", 2);
	CHECK(outcomes(5) == "00111");
}

TEST_CASE("space lets requests through until their sizes use it up")
{
	mm_machine b;
	sim::fail_page_alloc_set("verbose", 0);
	sim::fail_page_alloc_set("probability", 100);
	sim::fail_page_alloc_set("space", 8); // order 1 counts 2
	CHECK(outcomes(5) == "11101");
}

TEST_CASE("order 0 and sleeping requests are exempt by default, unless the knobs say otherwise")
{
	mm_machine b;
	sim::fail_page_alloc_set("verbose", 0);
	sim::fail_page_alloc_set("probability", 100);
	sim::fail_page_alloc_set("times", -1);
	CHECK(alloc_pages(atomic_quiet, 0) != nullptr);             // min-order 1
	CHECK(alloc_pages(GFP_KERNEL | __GFP_NOWARN, 1) != nullptr); // ignore-gfp-wait
	CHECK(alloc_pages(atomic_quiet | __GFP_NOFAIL, 1) != nullptr);
	sim::fail_page_alloc_set("min-order", 0);
	sim::fail_page_alloc_set("ignore-gfp-wait", 0);
	CHECK(alloc_pages(atomic_quiet, 0) == nullptr);
	CHECK(alloc_pages(GFP_KERNEL | __GFP_NOWARN, 1) == nullptr);
}

TEST_CASE("an injected failure says so, without the allocation failure warning")
{
	mm_machine b;
	sim::fail_page_alloc_set("verbose", 1);
	sim::fail_page_alloc_set("probability", 100);
	CHECK(alloc_pages(GFP_ATOMIC, 1) == nullptr);
	CHECK(log_text() == "FAULT_INJECTION: forcing a failure.\n"
			    "name fail_page_alloc, interval 1, probability 100, space 0, times 1\n");
}

TEST_CASE("a knob value out of range is refused and changes nothing")
{
	mm_machine b;
	CHECK_FALSE(sim::fail_page_alloc_set("probability", 101));
	CHECK_FALSE(sim::fail_page_alloc_set("min-order", 11));
	CHECK_FALSE(sim::fail_page_alloc_set("no-such-knob", 1));
	CHECK(sim::fail_page_alloc.attr.probability == 0);
	CHECK(sim::fail_page_alloc.min_order == 1);
}
