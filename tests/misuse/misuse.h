// SPDX-License-Identifier: GPL-2.0-only
// What every misuse test needs: a booted machine (with or without slab debugging), the
// kernel log as text, and the proof that the machine goes on after the misuse — its
// invariants hold and ordinary allocations still work.
#pragma once

#include "linux/gfp.h"
#include "linux/mempool.h"
#include "linux/slab.h"
#include "sim/check.h"
#include "sim/machine.h"
#include "sim/trace/printk.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace misuse {

struct booted {
	explicit booted(bool slab_debug = false) : m(config(slab_debug)) { sim::log_clear(); }
	static sim::machine_config config(bool slab_debug)
	{
		sim::console_loglevel = 0;
		sim::machine_config cfg;
		cfg.slab_debug = slab_debug;
		return cfg;
	}
	sim::machine m;
};

inline std::string log_text()
{
	std::string all;
	for (const auto &r : sim::log_records())
		all += r.text;
	return all;
}

// The log holds `line` (a whole line, or the start of one when it does not end in "\n").
inline void require_logged(const std::string &line)
{
	INFO(log_text());
	CHECK(log_text().find(line) != std::string::npos);
}

// The log holds a line that starts with `start` and goes on, after a pointer or other
// varying text, with `rest`.
inline void require_logged(const std::string &start, const std::string &rest)
{
	std::string log = log_text();
	INFO(log);
	std::size_t at = log.find(start);
	REQUIRE(at != std::string::npos);
	std::size_t end = log.find('\n', at);
	CHECK(log.substr(at, end == std::string::npos ? end : end + 1 - at).find(rest) != std::string::npos);
}

// After the misuse: every invariant holds, and a cache and kmalloc still serve and take
// back objects.
inline void require_machine_goes_on()
{
	CHECK(sim::check_machine() == std::vector<std::string>{});
	struct kmem_cache *c = kmem_cache_create("after-misuse", 128, 0, 0, nullptr);
	REQUIRE(c);
	void *obj = kmem_cache_alloc(c, GFP_KERNEL);
	void *mem = kmalloc(200, GFP_KERNEL);
	CHECK(obj);
	CHECK(mem);
	kmem_cache_free(c, obj);
	kfree(mem);
	kmem_cache_destroy(c);
	CHECK(sim::check_machine() == std::vector<std::string>{});
}

} // namespace misuse
