// SPDX-License-Identifier: GPL-2.0-only
#include "kernel_compat/module.h"
#include "kernel_compat/module_build.h"
#include "sim/trace/printk.h"

#include <catch2/catch.hpp>

namespace {
const std::filesystem::path modules_dir = SLABSIM_TEST_MODULES;

sim::module_build build(const char *file)
{
	return sim::build_module({modules_dir / file});
}

bool log_contains(const std::string &text)
{
	return sim::dmesg().find(text) != std::string::npos;
}
} // namespace

TEST_CASE("a module compiles against kernel_compat into a loadable object")
{
	auto b = build("hello.c");
	REQUIRE(b.ok);
	CHECK(b.name == "hello");
	CHECK(std::filesystem::exists(b.object));
}

TEST_CASE("an unchanged module is not compiled again")
{
	REQUIRE(build("hello.c").ok);
	auto again = build("hello.c");
	CHECK(again.ok);
	CHECK(again.cached);
}

TEST_CASE("a module that does not compile fails the build")
{
	CHECK_FALSE(build("broken.c").ok);
}

TEST_CASE("loading runs module_init and unloading runs module_exit")
{
	sim::log_clear();
	auto b = build("hello.c");
	REQUIRE(sim::load_module(b.name, b.object) == 0);
	REQUIRE(sim::do_init_module(b.name) == 0);
	CHECK(log_contains("hello: loaded"));
	CHECK(sim::find_module("hello"));
	REQUIRE(sim::delete_module("hello") == 0);
	CHECK(log_contains("hello: unloaded"));
	CHECK_FALSE(sim::find_module("hello"));
}

TEST_CASE("a module's MODULE_ strings are read from its modinfo")
{
	auto b = build("hello.c");
	REQUIRE(sim::load_module(b.name, b.object) == 0);
	const auto *m = sim::find_module("hello");
	REQUIRE(m);
	CHECK(m->modinfo.find("license")->second == "GPL");
	CHECK(m->modinfo.find("description")->second == "hello from a simulated module");
	sim::unload_all_modules();
}

TEST_CASE("a negative return from module_init fails the load and exit never runs")
{
	sim::log_clear();
	auto b = build("fails_init.c");
	REQUIRE(sim::load_module(b.name, b.object) == 0);
	CHECK(sim::do_init_module(b.name) == -12);
	CHECK_FALSE(sim::find_module("fails_init"));
	CHECK(sim::delete_module("fails_init") == -2);
	CHECK_FALSE(log_contains("exit must not run"));
}

TEST_CASE("loading a module twice is refused")
{
	auto b = build("hello.c");
	REQUIRE(sim::load_module(b.name, b.object) == 0);
	CHECK(sim::load_module(b.name, b.object) == -17);
	sim::unload_all_modules();
}

TEST_CASE("a non-GPL licence taints the kernel")
{
	sim::log_clear();
	auto b = build("proprietary.c");
	REQUIRE(sim::load_module(b.name, b.object) == 0);
	CHECK(log_contains("proprietary: module license 'Proprietary' taints kernel."));
	sim::unload_all_modules();
}

TEST_CASE("a call to a function kernel_compat does not declare fails the build, as kbuild's -Werror does")
{
	CHECK_FALSE(build("undeclared_call.c").ok);
}

TEST_CASE("a module needing a symbol the simulator does not have is refused with the kernel's message")
{
	sim::log_clear();
	auto b = build("unknown_symbol.c");
	REQUIRE(b.ok);
	CHECK(sim::load_module(b.name, b.object) == -2);
	CHECK(log_contains("unknown_symbol: Unknown symbol register_chrdev_region_nonexistent (err -2)"));
	CHECK_FALSE(sim::find_module("unknown_symbol"));
}
