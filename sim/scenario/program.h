// SPDX-License-Identifier: GPL-2.0-only
// A compiled scenario, ready to run: every name is a slot, every expression an operand.
//
// The interpreter (interp.h, exec.cpp) executes ops with a switch; nothing it does per
// operation looks up a string. Code for every actor (the top level, tasks, interrupts, 'at' and 'when'
// blocks) lives in one op vector; an actor is an entry point into it.
#pragma once

#include "kernel_compat/module_build.h"
#include "sim/machine.h"
#include "sim/scenario/ast.h"

#include <cstdint>
#include <string>
#include <vector>

namespace sim::scenario {

// An integer the interpreter reads: known when checked, a loop counter, or (rarely) a small
// postfix expression over counters.
struct operand {
	enum kind_t : std::uint8_t { constant, counter, computed } kind = constant;
	std::uint32_t index = 0; // counter slot, or index into program::exprs
	std::int64_t value = 0;  // constant
};

struct rpn_item {
	enum kind_t : std::uint8_t { push, counter, add, sub, mul, div } kind;
	std::int64_t value; // push: the number; counter: the slot
};

enum class opcode : std::uint8_t {
	// what tasks and interrupts do
	alloc,      // sub: alloc_fn; a: object; b: cache or pool; x: index; y: size or order; c: gfp
	free,       // sub: free_fn; a: object; b: cache or pool; x: index; y: order
	loop_begin, // a: counter slot (a+1 holds the limit); x: count; b: op after the loop
	loop_next,  // a: counter slot; b: first op of the body
	sleep,      // x: nanoseconds
	yield,
	migrate,    // x: cpu
	fill,       // a: object; x: index; c: byte
	hook,       // a: the 'when' actor to run first, in this task, before this line
	// memory pressure and cache control (anywhere)
	hog,        // sub: hog_stmt::mode_t; a: hog; x: amount
	release,    // a: hog
	fragment,   // a: hog
	fault,      // a: index into program::faults
	shrink,     // a: cache
	tune,       // a: cache; x: limit; y: batchcount; c: shared
	resize,     // a: pool; x: new min_nr
	destroy_cache, // a: cache
	destroy_pool,  // a: pool
	// kernel modules: each starts a task named like the tool, as a shell would
	insmod,     // a: module; b: index into program::builds; c: the statement's text (strings)
	rmmod,      // a: module; c: the statement's text (strings)
	// inspection
	print,      // sub: view; a: task (view task); b: 1 to clear the log after printing it
	say,        // a: index into program::strings
	expect,     // a: index into program::expects
	// the top level
	create_cache, // a: cache
	create_pool,  // a: pool
	start_actor,  // a: actor (task, interrupt or 'at' block)
	run,          // sub: run_stmt::mode_t; x: nanoseconds
	ret,          // end of an actor's code
};

enum class view : std::uint8_t { slabinfo, buddyinfo, meminfo, zoneinfo, mempools, dmesg, task, pool, cache, sysfs };

struct op {
	op(opcode code = opcode::ret, std::uint8_t sub = 0, source_loc loc = {}, std::uint32_t a = 0,
	   std::uint32_t b = 0)
		: code(code), sub(sub), loc(loc), a(a), b(b)
	{
	}

	opcode code;
	std::uint8_t sub = 0;
	source_loc loc;
	std::uint32_t a = 0, b = 0, c = 0;
	operand x, y;
};

enum class obj_kind : std::uint8_t { cache, kmalloc, pool, pages };

struct cache_def {
	std::string name;
	source_loc loc;
	std::uint32_t size, align, flags;
	ctor_kind ctor;
	std::uint8_t pattern;
};

struct pool_def {
	std::string name;
	source_loc loc;
	int min_nr;
	pool_backend backend;
	std::uint32_t cache;  // slab backend
	std::uint64_t arg;    // kmalloc/kzalloc size, pages order
};

struct object_def {
	std::string name;
	source_loc loc;      // the first assignment
	obj_kind kind;
	std::uint32_t base;  // first slot
	std::uint32_t length;
};

// A module name the scenario loads: the slot its insmod and rmmod results go to.
struct module_def {
	std::string name;            // KBUILD_MODNAME: the first source's stem
	bool insmod_checked = false; // an `expect insmod NAME` looks at the result, so a failure is
	bool rmmod_checked = false;  // a lesson; otherwise it fails like an expectation
};

struct actor_def {
	enum kind_t : std::uint8_t { top, task, interrupt, at, when } kind;
	std::string name;       // tasks
	source_loc loc;
	unsigned cpu = 0;
	std::uint64_t at_ns = 0; // task start, interrupt and 'at' time
	std::uint32_t entry = 0; // first op
	std::uint32_t counters = 0; // counter slots its frame needs
};

struct fault_def {
	bool failslab;   // else fail_page_alloc
	bool on;
	unsigned probability = 100, interval = 1, min_order = 0;
	long times = -1; // -1: no limit, as the kernel's default
	std::uint64_t space = 0;
	bool ignore_gfp_wait = false;
};

struct expect_def {
	expect_stmt::kind_t kind;
	std::string text;        // the statement as written, for messages
	std::uint32_t object = 0; // object forms: the object; same_as: `other` too
	operand index, other_index;
	std::uint32_t other = 0;
	enum subject_t : std::uint8_t { pool, cache, slabinfo_name, hog, task, meminfo, buddyinfo, jiffies } subject{};
	std::uint32_t target = 0; // pool, cache, hog or task
	std::string name, field;  // slabinfo_name: the cache; field: a name in the subject's table (fields.h)
	std::string op;
	std::int64_t value = 0;   // compare, holds, task_state (want_state, below)
	std::string text_arg;     // dmesg_has; sysfs_is: the text (`name` is the path)
	// module_result: `name` is the tool (insmod, rmmod), `target` the module; `value` is 0 for
	// succeeded, -errno for failed with that error, 1 for failed with any.
};

struct program {
	std::string file;
	std::string teaches;
	std::vector<std::string> lines;
	machine_config config;
	std::vector<op> code;
	std::vector<std::vector<rpn_item>> exprs;
	std::vector<cache_def> caches;
	std::vector<pool_def> pools;
	std::vector<object_def> objects;
	std::uint32_t object_slots = 0;
	std::vector<std::string> hogs;
	std::vector<module_def> modules;
	std::vector<module_build> builds; // what each insmod loads, built when checked
	std::vector<std::string> build_args; // the parameters each insmod passes (name=value …)
	std::vector<actor_def> actors; // actors[0] is the top level
	std::vector<fault_def> faults;
	std::vector<expect_def> expects;
	std::vector<std::string> strings;
};

} // namespace sim::scenario

namespace sim::scenario {
// What `expect TASK is STATE` asks for (expect_def::value).
enum class want_state : std::uint8_t { running, sleeping, interruptible, uninterruptible, done };
} // namespace sim::scenario
