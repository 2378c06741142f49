// SPDX-License-Identifier: GPL-2.0-only
// docs/kernel-modules.md's table of headers is true: each row's probe compiles (yes, stand-in)
// or fails to (no) through slabsim's module build, and every header a module can reach has
// a row.
#include "kernel_compat/module_build.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

const fs::path docs = fs::path(SLABSIM_SCENARIO_MODULES) / "../../docs/kernel-modules.md";

// "| `linux/slab.h` | yes | ..." -> {"linux/slab.h", "yes"}
std::map<std::string, std::string> documented_headers()
{
	std::ifstream in(docs);
	std::map<std::string, std::string> rows;
	const std::regex row(R"(^\| `([a-z0-9_/-]+\.h)` \| (yes|no|stand-in) \|)");
	std::smatch m;
	for (std::string line; std::getline(in, line);)
		if (std::regex_search(line, m, row))
			rows[m[1]] = m[2];
	return rows;
}

// What `#include <H>` finds: kernel_compat/include, then its uapi/ (as kbuild's -I order).
std::set<std::string> shipped_headers()
{
	std::set<std::string> names;
	const fs::path inc = sim::kernel_compat_include_dir();
	for (const auto &e : fs::recursive_directory_iterator(inc)) {
		if (!e.is_regular_file() || e.path().extension() != ".h")
			continue;
		auto rel = fs::relative(e.path(), inc);
		auto top = *rel.begin();
		if (top == "uapi")
			rel = fs::relative(e.path(), inc / "uapi");
		if (*rel.begin() != "asm-generic")
			names.insert(rel.string());
	}
	return names;
}

bool probe_compiles(const std::string &header)
{
	fs::path dir = fs::temp_directory_path() / ("slabsim-header-probe-" + std::to_string(getpid()));
	fs::create_directories(dir);
	std::string stem = header;
	for (char &c : stem)
		if (c == '/' || c == '.' || c == '-')
			c = '_';
	fs::path probe = dir / (stem + ".c");
	std::ofstream(probe) << "#include <" << header << ">\nint init_module(void) { return 0; }\n";
	bool ok = sim::build_module({probe}).ok;
	fs::remove_all(dir);
	return ok;
}

} // namespace

TEST_CASE("every header a module can include has a row in docs/kernel-modules.md")
{
	auto rows = documented_headers();
	REQUIRE(rows.size() > 40);
	for (const auto &h : shipped_headers()) {
		INFO(h << " is in kernel_compat/include");
		CHECK(rows.count(h));
		if (rows.count(h))
			CHECK(rows[h] != "no");
	}
}

TEST_CASE("each header docs/kernel-modules.md lists compiles in a module, and each it lists as missing does not")
{
	for (const auto &[header, there] : documented_headers()) {
		INFO(header << " is documented as " << there);
		CHECK(probe_compiles(header) == (there != "no"));
	}
}
