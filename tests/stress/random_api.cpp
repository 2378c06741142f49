// SPDX-License-Identifier: GPL-2.0-only
// Random kernel calls on several CPUs under fault injection: whatever the sequence, the
// machine's invariants hold after every step and everything allocated comes back.
// The soak (10^8 calls) runs only when asked: test_stress "[.soak]" (docs/design.md).
#include "stress/stress.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <string>

namespace {

void require_clean(const stress::result &r, const stress::options &o)
{
	INFO("ops " << r.ops << ", failed allocations " << r.failed << ", checks " << r.checks);
	CHECK(r.run_status == "idle");
	CHECK(r.ops == o.ops);
	CHECK(r.failed > 0); // fault injection did fire
	CHECK(r.checks == o.ops / o.check_every + 1); // and one at the end
	CHECK(r.violations == std::vector<std::string>{});
	CHECK(r.leaks == std::vector<std::string>{});
	CHECK(r.reports == std::vector<std::string>{});
}

std::uint64_t env_or(const char *name, std::uint64_t fallback)
{
	const char *v = std::getenv(name);
	return v && *v ? std::strtoull(v, nullptr, 0) : fallback;
}

} // namespace

TEST_CASE("a million random kernel calls on four CPUs under fault injection keep every invariant and leak nothing")
{
	stress::options o;
	o.ops = 1000000;
	require_clean(stress::run(o), o);
}

TEST_CASE("random kernel calls with slab debugging on every cache keep every invariant and leak nothing")
{
	stress::options o;
	o.ops = 200000;
	o.slab_debug = true;
	require_clean(stress::run(o), o);
}

TEST_CASE("the stress sequence is a function of its seed")
{
	stress::options o;
	o.ops = 20000;
	o.seed = 99;
	stress::result a = stress::run(o), b = stress::run(o);
	CHECK(a.failed == b.failed);
	CHECK(a.checks == b.checks);
	o.seed = 100;
	CHECK(stress::run(o).failed != a.failed);
}

TEST_CASE("soak: a hundred million random kernel calls keep every invariant", "[.soak]")
{
	stress::options o;
	o.ops = env_or("SLABSIM_SOAK_OPS", 100000000);
	o.seed = env_or("SLABSIM_SEED", 1);
	o.check_every = 65536;
	o.engine_every = 4096;
	require_clean(stress::run(o), o);
}
