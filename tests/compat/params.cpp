// SPDX-License-Identifier: GPL-2.0-only
// Module parameters as kernel/params.c parses and shows them (kernel_compat/params.h).
#include "kernel_compat/params.h"
#include "support/machine.h"

#include <catch2/catch.hpp>

namespace {

struct params {
	int level = 1;
	bool debug = false;
	char *name = nullptr;
	unsigned int n = 0;
	short values[2] = {0, 0};
	kparam_array arr{2, sizeof(short), &n, &param_ops_short, values};
	kernel_param kp[4] = {
		{"level", nullptr, &param_ops_int, 0644, -1, 0, {&level}},
		{"debug_mode", nullptr, &param_ops_bool, 0, -1, 0, {&debug}},
		{"name", nullptr, &param_ops_charp, 0444, -1, 0, {&name}},
		{"values", nullptr, &param_array_ops, 0444, -1, 0, {.arr = &arr}},
	};
	~params() { sim::destroy_params(kp); }
	int parse(const std::string &args) { return sim::parse_module_args("mod", args, kp); }
	std::string show(const std::string &p) { return sim::param_sysfs_show(kp, p).value_or("(none)"); }
};

// Runs `body` in a task of a booted machine (charp copies are kmalloc'ed) with fresh parameters.
template <typename Body>
void with_params(Body body)
{
	test_machine m;
	on_cpu(0, [&] {
		params p;
		body(p);
	});
}

} // namespace

TEST_CASE("module parameters take kstrtox's numbers, a bool without a value, and '-' for '_'")
{
	with_params([](params &p) {
		REQUIRE(p.parse("level=0x20 debug-mode values=-3,07") == 0);
		CHECK(p.level == 32);
		CHECK(p.debug);
		CHECK(p.n == 2);
		CHECK(p.values[1] == 7);
		CHECK(p.show("level") == "32\n");
		CHECK(p.show("values") == "-3,7\n");
	});
}

TEST_CASE("a quoted parameter value keeps its blanks and a charp gets a kmalloc'ed copy")
{
	with_params([](params &p) {
		REQUIRE(p.parse("name=\"two words\" level=5") == 0);
		CHECK(std::string(p.name) == "two words");
		CHECK(p.show("name") == "two words\n");
		CHECK(p.level == 5);
	});
}

TEST_CASE("a malformed value fails the load with kernel/params.c's message and an unknown name is only warned about")
{
	with_params([](params &p) {
		CHECK(p.parse("level=12abc nosuch=1") == -EINVAL);
		CHECK_LOGGED("mod: `12abc' invalid for parameter `level'");
		CHECK_LOGGED("mod: unknown parameter 'nosuch' ignored");
		CHECK(p.level == 1);
		CHECK(p.parse("level") == -EINVAL); // an int needs a value
		CHECK(p.parse("values=1,2,3") == -EINVAL);
		CHECK_LOGGED("values: can only take 2 arguments");
	});
}

TEST_CASE("arguments after -- are ignored, with the kernel's warning")
{
	with_params([](params &p) {
		REQUIRE(p.parse("level=3 -- level=4") == 0);
		CHECK(p.level == 3);
		CHECK_LOGGED("mod: parameters 'level=4' after `--' ignored");
	});
}

TEST_CASE("a parameter with perm 0 has no file in /sys/module")
{
	params p;
	CHECK(p.show("debug_mode") == "(none)");
	CHECK(p.show("nosuch") == "(none)");
}
