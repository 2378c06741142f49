// SPDX-License-Identifier: GPL-2.0-only
// Helpers for the observation tables' tests: each table's fields, compared one by one with
// what the test reads from the object itself.
#pragma once

#include "support/machine.h"

#include "sim/observe.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <map>
#include <string>

namespace observetest {

// Every field of `t` reads `obj` as `expected` says, and `expected` names every field: a new
// field without its line in the test fails here.
template <class Field, class T>
void check_fields(sim::table<Field> t, const T &obj, const std::map<std::string, std::int64_t> &expected)
{
	CHECK(t.size() == expected.size());
	for (const Field &f : t) {
		INFO("field " << f.name);
		auto want = expected.find(f.name);
		REQUIRE(want != expected.end());
		CHECK(f.read(obj) == want->second);
	}
}

// The source tree: docs/ and the golden /proc texts.
inline std::string source_file(const std::string &path) { return std::string(SLABSIM_SOURCE_DIR) + "/" + path; }

} // namespace observetest
