// SPDX-License-Identifier: GPL-2.0-only
// docs/kernel-modules.md's table of headers is true: each row's probe compiles (yes, stand-in)
// or fails to (no) through slabsim's module build, and every header a module can reach has
// a row.
#include "kernel_compat/insmod.h"
#include "kernel_compat/module_build.h"
#include "support/machine.h"

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

bool probe_compiles(const std::string &header, const std::string &body = "")
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

TEST_CASE("a module sees no host header: <stdio.h> is not there, as under kbuild")
{
	CHECK_FALSE(probe_compiles("stdio.h"));
	CHECK_FALSE(probe_compiles("sys/types.h"));
	CHECK(probe_compiles("stdarg.h")); // the compiler's own, as the kernel uses it
}

TEST_CASE("the kernel's types are the kernel's: u64 and uint64_t are unsigned long long, loff_t long long")
{
	CHECK(probe_compiles("linux/types.h", "_Static_assert(__builtin_types_compatible_p(u64, unsigned long long), \"u64\");\n"
					      "_Static_assert(__builtin_types_compatible_p(uint64_t, unsigned long long), \"uint64_t\");\n"
					      "_Static_assert(__builtin_types_compatible_p(loff_t, long long), \"loff_t\");\n"
					      "_Static_assert(sizeof(dev_t) == 4, \"dev_t\");"));
}

TEST_CASE("a module that includes only module.h and fs.h has memset, HZ, jiffies and delayed_work")
{
	test_machine m;
	auto built = sim::build_module({fs::path(SLABSIM_TEST_MODULES) / "only_module_fs.c"});
	REQUIRE(built.ok);
	REQUIRE(sim::insmod(built) == 0);
	REQUIRE(sim::rmmod("only_module_fs") == 0);
	CHECK_LOGGED("only_module_fs: xxxxxxx, mode 444, O_RDWR 2, ioctl 0x80046b01");
	CHECK_LOGGED("only_module_fs: tick, 250 jiffies a second");
}
