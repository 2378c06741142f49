// SPDX-License-Identifier: GPL-2.0-only
// The scenario syntax tree: what the parser read, with the place it read it.
//
// Nothing here is resolved: names are strings and numbers keep their expressions. The compiler
// (check.h) turns a tree into a program whose names are slots. docs/scenarios.md is the
// reference for what each statement means.
#pragma once

#include "sim/scenario/diag.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace sim::scenario {

struct name_ref {
	std::string name;
	source_loc loc;
};

// Integer arithmetic over literals (already scaled by their unit), `let` constants and loop
// counters: + - * / with the usual precedence.
struct expr {
	enum kind_t { literal, name, binary } kind = literal;
	source_loc loc;
	std::uint64_t value = 0; // literal
	std::string id;          // name
	char op = 0;             // binary
	std::shared_ptr<expr> lhs, rhs;
};

// A virtual duration: "5ms", "2s", "10jiffies". Jiffies depend on HZ, so they stay unscaled.
struct duration {
	std::uint64_t amount = 0;
	bool jiffies = false; // amount is in jiffies, else in nanoseconds
	source_loc loc;
};

// An object name, optionally indexed: b, b[i], b[i + 1].
struct objref {
	std::string name;
	std::optional<expr> index;
	source_loc loc;
};

struct gfp_spec {
	std::vector<name_ref> flags; // GFP_KERNEL | __GFP_NOWARN
	source_loc loc;
};

struct stmt;
using block = std::vector<stmt>;

// ---- the machine and its objects (top level) ----
struct machine_stmt {
	struct setting {
		name_ref key;
		std::uint64_t value;
		source_loc value_loc;
	};
	std::vector<setting> settings;
};
struct let_stmt {
	name_ref name;
	expr value;
};
enum class ctor_kind { none, zero, pattern };
struct cache_stmt {
	name_ref name;
	expr size;
	std::optional<expr> align;
	std::vector<name_ref> flags; // HWCACHE_ALIGN, POISON, ... (SLAB_ prefix optional)
	ctor_kind ctor = ctor_kind::none;
	std::uint8_t pattern = 0;
};
enum class pool_backend { slab, kmalloc, pages, kzalloc };
struct pool_stmt {
	name_ref name;
	expr min_nr;
	pool_backend backend = pool_backend::slab;
	name_ref cache;  // slab
	expr arg;        // kmalloc: size; pages: order; kzalloc: size computed from pool_data
};

// ---- actors: tasks, interrupts, timed and line-triggered blocks (top level) ----
struct task_stmt {
	name_ref name;
	expr cpu;
	std::optional<duration> start;
	block body;
};
struct interrupt_stmt {
	expr cpu;
	duration at;
	block body;
};
struct at_stmt {
	duration at;
	block body;
};
struct when_stmt {
	name_ref task;
	std::uint32_t line = 0;
	source_loc line_loc;
	block body;
};
struct run_stmt {
	enum mode_t { until_idle, for_time, until_time } mode = until_idle;
	duration time;
};

// ---- what tasks and interrupts do ----
enum class alloc_fn { kmem_cache_alloc, kmem_cache_zalloc, kmalloc, kzalloc, mempool_alloc, alloc_pages };
struct alloc_stmt {
	objref target;
	alloc_fn fn;
	name_ref from; // cache or pool
	expr arg;      // kmalloc size, alloc_pages order
	gfp_spec gfp;
};
enum class free_fn { kmem_cache_free, kfree, mempool_free, free_pages };
struct free_stmt {
	free_fn fn;
	objref object;
	name_ref from; // cache or pool
	expr order;    // __free_pages
};
struct repeat_stmt {
	expr count;
	std::optional<name_ref> counter;
	block body;
};
struct sleep_stmt {
	duration time;
};
struct yield_stmt {};
struct migrate_stmt {
	expr cpu;
};
struct fill_stmt {
	objref object;
	std::uint8_t byte;
};

// ---- memory pressure and cache control (anywhere) ----
struct hog_stmt {
	enum mode_t { pages, percent, all_but } mode = pages;
	expr amount;
	name_ref name;
};
struct release_stmt {
	name_ref hog;
};
struct fragment_stmt {
	name_ref name; // the hog that keeps the pinned pages
};
struct fault_stmt {
	name_ref knob; // fail_page_alloc, failslab
	bool on = true;
	std::vector<machine_stmt::setting> attrs; // probability, interval, times, space, min_order
	bool ignore_gfp_wait = false;
};
struct shrink_stmt {
	name_ref cache;
};
struct tune_stmt {
	name_ref cache;
	expr limit, batchcount, shared;
};
struct resize_stmt {
	name_ref pool;
	expr new_min;
};
struct destroy_stmt { // kmem_cache_destroy(CACHE), mempool_destroy(POOL)
	bool pool = false;
	name_ref target;
};

// ---- kernel modules (the top level, 'at' and 'when' blocks) ----
struct insmod_stmt {
	std::vector<name_ref> paths; // the module's .c files (the first names it), or one built .ko.so
};
struct rmmod_stmt {
	name_ref module;
};

// ---- inspection and checks (anywhere) ----
struct print_stmt {
	name_ref what;            // one of print_views (words.h)
	std::optional<name_ref> object; // print task NAME, pool NAME, cache NAME; sysfs "PATH"
	bool clear = false;       // `dmesg -c`: print the log, then empty it
};
struct say_stmt {
	std::string text;
};
struct expect_stmt {
	enum kind_t {
		is_null,      // expect b is NULL
		not_null,     // expect b is not NULL
		from_reserve, // expect b from reserve
		from_backing, // expect b from backing
		holds,        // expect b holds 0x5a
		same_as,      // expect b is a
		task_state,   // expect writer is sleeping
		compare,      // expect bios.curr_nr == 4
		dmesg_has,    // expect dmesg contains "BUG"
		module_result, // expect insmod scullp failed with -ENOMEM
		sysfs_is,     // expect sysfs "/sys/module/m/parameters/p" is "7"
	} kind = compare;
	objref object;               // object forms; `subject` for compare; module_result: the module
	objref other;                // same_as
	name_ref word;               // task_state: the state; compare: the field; module_result: the tool
	std::string op;              // compare
	expr value;                  // compare; holds: the byte
	std::string text;            // dmesg_has; sysfs_is: the file's expected text
	std::string path;            // sysfs_is
	bool succeeded = false;      // module_result: 'succeeded', else 'failed'
	std::optional<name_ref> error; // module_result: 'failed with -ENOMEM' (without the '-')
};

struct stmt {
	source_loc loc;
	std::variant<machine_stmt, let_stmt, cache_stmt, pool_stmt, task_stmt, interrupt_stmt, at_stmt,
		     when_stmt, run_stmt, alloc_stmt, free_stmt, repeat_stmt, sleep_stmt, yield_stmt,
		     migrate_stmt, fill_stmt, hog_stmt, release_stmt, fragment_stmt, fault_stmt,
		     shrink_stmt, tune_stmt, resize_stmt, destroy_stmt, insmod_stmt, rmmod_stmt, print_stmt,
		     say_stmt, expect_stmt>
		node;
};

struct script {
	std::string file;
	std::vector<std::string> lines; // the source, for messages that quote a line
	block body;
	std::string teaches; // the opening comment's first sentence (what `slabsim list` prints)
};

} // namespace sim::scenario
