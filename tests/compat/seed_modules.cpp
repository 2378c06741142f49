// SPDX-License-Identifier: GPL-2.0-only
// The modules of the seeds and of LDD3, compiled unchanged and run on a booted machine.
#include "kernel_compat/insmod.h"
#include "support/machine.h"
#include "sim/trace/printk.h"

#include <catch2/catch.hpp>
#include <regex>

namespace {
const std::filesystem::path modules = SLABSIM_SCENARIO_MODULES;

// The log's lines without their "[    0.000000] " timestamps.
std::vector<std::string> messages()
{
	std::vector<std::string> out;
	for (const auto &r : sim::log_records())
		out.push_back(r.text.substr(0, r.text.find_last_not_of('\n') + 1));
	return out;
}

void load_and_unload(const char *file)
{
	auto built = sim::build_module({modules / file});
	REQUIRE(built.ok);
	REQUIRE(sim::insmod(built) == 0);
	REQUIRE(sim::rmmod(built.name) == 0);
}
} // namespace

TEST_CASE("seed 000's mempooldemo prints the seed's Prompt lines in the seed's order")
{
	test_machine m;
	load_and_unload("mempooldemo.c");
	auto log = messages();
	REQUIRE(log.size() == 8);
	CHECK(log[0] == "Prompt:Successfully created memory cache.");
	CHECK(log[1] == "Prompt:Successfully created memory pool.");
	CHECK(log[2] == "Prompt:call mempool_create() successfully,min_nr=10");
	CHECK(std::regex_match(log[3], std::regex("Prompt:Successfully allocated memory object address , adress=0x[0-9a-f]+")));
	CHECK(log[4] == "Prompt:Call mempool_free() successfully.");
	CHECK(log[5] == "Prompt:Call mempool_destroy() successfully.");
	CHECK(log[6] == "Prompt:Call kmem_cache_destroy() successfully.");
	CHECK(log[7] == "Prompt:Normal exit of kernel module.");
}

TEST_CASE("seed 001's mempool_kmalloc module allocates an 8192-byte element and frees it on unload")
{
	test_machine m;
	load_and_unload("mempool_kmalloc.c");
	auto log = messages();
	REQUIRE(log.size() == 3);
	CHECK(std::regex_match(log[0], std::regex("element = 0x[0-9a-f]+")));
	CHECK(log[1] == "mempool_kfree successfully! ");
	CHECK(log[2] == "exit! ");
}

TEST_CASE("LDD3's scullc keeps its quanta in a lookaside cache of its own")
{
	test_machine m;
	load_and_unload("scullc.c");
	auto log = messages();
	CHECK(log.front() == "scullc: read back \"quantum 0 of scullc\"");
	CHECK(std::find(log.begin(), log.end(), "scullc: 8 quanta of 4000 bytes from cache scullc") != log.end());
	CHECK(log.back() == "scullc: cache destroyed");
}

TEST_CASE("LDD3's scullp keeps its quanta in whole pages")
{
	test_machine m;
	load_and_unload("scullp.c");
	auto log = messages();
	REQUIRE(log.size() == 3);
	CHECK(log[0] == "scullp: 8 quanta of 4096 bytes (order 0)");
	CHECK(log[1] == "scullp: first says \"page quantum 0\"");
	CHECK(log[2] == "scullp: pages returned");
}
