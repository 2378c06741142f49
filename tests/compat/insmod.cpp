// SPDX-License-Identifier: GPL-2.0-only
#include "kernel_compat/insmod.h"
#include "kernel_compat/module.h"
#include "support/machine.h"
#include "sim/trace/printk.h"

#include <catch2/catch.hpp>

namespace {
const std::filesystem::path test_modules = SLABSIM_TEST_MODULES;

sim::module_build build(const std::filesystem::path &file)
{
	auto b = sim::build_module({file});
	REQUIRE(b.ok);
	return b;
}

bool log_contains(const std::string &text)
{
	return sim::dmesg().find(text) != std::string::npos;
}
} // namespace

TEST_CASE("insmod runs module_init in a task named insmod")
{
	test_machine m;
	REQUIRE(sim::insmod(build(test_modules / "kthread_demo.c")) == 0);
	CHECK(log_contains("kthread_demo: init in insmod"));
	REQUIRE(sim::rmmod("kthread_demo") == 0);
}

// msleep(100) sleeps msecs_to_jiffies(100) + 1 = 26 jiffies at HZ=250, and the timer wheel
// fires it a jiffy after that: 108 ms, as in v5.4.
TEST_CASE("a module's kernel thread runs and sees jiffies move with virtual time")
{
	test_machine m;
	REQUIRE(sim::insmod(build(test_modules / "kthread_demo.c")) == 0);
	CHECK(log_contains("kthread_demo: tick 1 after 108 ms in demo_worker"));
	CHECK(log_contains("kthread_demo: tick 3 after 324 ms in demo_worker"));
	REQUIRE(sim::rmmod("kthread_demo") == 0);
}

TEST_CASE("rmmod stops the module's thread through module_exit")
{
	test_machine m;
	REQUIRE(sim::insmod(build(test_modules / "kthread_demo.c")) == 0);
	REQUIRE(sim::rmmod("kthread_demo") == 0);
	CHECK(log_contains("kthread_demo: worker returned 42"));
	CHECK_FALSE(sim::find_module("kthread_demo"));
}

TEST_CASE("insmod of a module whose init fails returns its errno")
{
	test_machine m;
	int err = sim::insmod(build(test_modules / "fails_init.c"));
	CHECK(err == -12);
	CHECK(sim::insmod_error("fails_init", err) ==
	      "insmod: ERROR: could not insert module fails_init.ko: Cannot allocate memory");
}

TEST_CASE("rmmod of a module that is not loaded fails with ENOENT and kmod's message")
{
	test_machine m;
	int err = sim::rmmod("nosuch");
	CHECK(err == -2);
	CHECK(sim::rmmod_error("nosuch", err) == "rmmod: ERROR: Module nosuch is not currently loaded");
}

TEST_CASE("a module built by CMake's slabsim_add_module loads like one built by insmod")
{
	test_machine m;
	sim::module_build built = sim::prebuilt_module(SLABSIM_CMAKE_MODULE);
	CHECK(built.name == "cmake_hello");
	REQUIRE(sim::insmod(built) == 0);
	CHECK(log_contains("cmake_hello: built by CMake"));
	CHECK(sim::rmmod("cmake_hello") == 0);
}

TEST_CASE("a module loaded again after rmmod starts with fresh data")
{
	test_machine m;
	auto built = build(test_modules / "fresh_data.c");
	sim::log_clear();
	REQUIRE(sim::insmod(built) == 0);
	REQUIRE(sim::rmmod("fresh_data") == 0);
	REQUIRE(sim::insmod(built) == 0);
	REQUIRE(sim::rmmod("fresh_data") == 0);
	CHECK(sim::dmesg().find("load number 2") == std::string::npos);
	CHECK(sim::log_records().size() == 2);
}

TEST_CASE("unloading a module that never destroyed its pool reports the leak as kmemleak does")
{
	test_machine m;
	REQUIRE(sim::insmod(build(test_modules / "leaky.c")) == 0);
	sim::log_clear();
	REQUIRE(sim::rmmod("leaky") == 0);
	CHECK(log_contains("kmemleak: 1 new suspected memory leaks (see /sys/kernel/debug/kmemleak)"));
	CHECK(log_contains("comm \"insmod\", pid "));
	CHECK(log_contains("mempool_create_node+"));
	CHECK(log_contains("leaky_init+0x")); // a static function of the module, named by kallsyms
	CHECK(log_contains("[leaky]"));
}

TEST_CASE("a module that destroys what it created unloads without a leak report")
{
	test_machine m;
	REQUIRE(sim::insmod(sim::build_module({SLABSIM_SCENARIO_MODULES "/mempooldemo.c"})) == 0);
	sim::log_clear();
	REQUIRE(sim::rmmod("mempooldemo") == 0);
	CHECK_FALSE(log_contains("kmemleak"));
}

TEST_CASE("unloading a module that never destroyed its cache reports the leak as kmemleak does")
{
	test_machine m;
	REQUIRE(sim::insmod(build(test_modules / "leaky_cache.c")) == 0);
	CHECK(log_contains("leaky_cache: leaky_cache's label"));
	sim::log_clear();
	REQUIRE(sim::rmmod("leaky_cache") == 0);
	CHECK(log_contains("kmemleak: 1 new suspected memory leaks (see /sys/kernel/debug/kmemleak)"));
	CHECK(log_contains("kmem_cache_create+"));
	CHECK(log_contains("leaky_cache_init+0x"));
}
