// SPDX-License-Identifier: GPL-2.0-only
// kallsyms: code addresses print as the kernel prints them, a bare function name, an offset
// and a size, whether the function is exported, static or a C++ template.
#include "sim/trace/kallsyms.h"

#include <catch2/catch.hpp>
#include <regex>

namespace {

__attribute__((noinline)) int file_local(int x)
{
	return x * 3 + 1;
}

template <class T>
__attribute__((noinline)) T templated(T x, const char *)
{
	return x + 2;
}

} // namespace

namespace sim_test_ns {
__attribute__((noinline)) long qualified(long x, double) { return x - 1; }
} // namespace sim_test_ns

TEST_CASE("a file-local function is named bare, without its namespace or parameters")
{
	CHECK(sim::sprint_symbol_no_offset(reinterpret_cast<const void *>(&file_local)) == "file_local");
}

TEST_CASE("a namespaced function and a template instance are named bare")
{
	CHECK(sim::sprint_symbol_no_offset(reinterpret_cast<const void *>(&sim_test_ns::qualified)) == "qualified");
	CHECK(sim::sprint_symbol_no_offset(reinterpret_cast<const void *>(&templated<int>)) == "templated");
}

TEST_CASE("%pS gives name+offset/size inside the function")
{
	auto p = reinterpret_cast<const char *>(&file_local) + 1;
	CHECK(std::regex_match(sim::sprint_symbol(p), std::regex(R"(file_local\+0x1/0x[0-9a-f]+)")));
}
