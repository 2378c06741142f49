// SPDX-License-Identifier: GPL-2.0-only
// What the files of the scenario compiler share: its state while it reads a tree, and the
// functions each file defines, grouped by that file. Not an API: that is check.h.
//
// One pass over the tree, in file order, with the 'when' blocks collected first (a task's code
// needs to know where its hooks are). Every name is resolved to a slot, every rule
// docs/scenarios.md states is checked, and each statement becomes ops (program.h). Objects are
// global and typed by their first assignment; uses are checked against that type once the
// whole file has been read.
#pragma once

#include <filesystem>

#include "sim/scenario/program.h"

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace sim::scenario {

// The values an expression can take, its loop counters running over their ranges.
struct interval {
	std::int64_t lo, hi;
};

struct compiler {
	struct symbol {
		enum kind_t { constant, cache, pool, task, hog, object, counter } kind;
		std::uint32_t index;
		source_loc loc;
		std::int64_t value = 0; // constants
	};

	struct object_info {
		std::uint32_t id;
		bool assigned = false;
		obj_kind kind{};
		source_loc first;
		std::int64_t max_index = 0;
		bool indexed = false, plain = false;
	};

	// A use of an object, checked against its type once the file is read.
	struct use {
		std::uint32_t id;
		source_loc loc;
		std::string name;
		std::vector<obj_kind> allowed;
		const char *what;
	};

	explicit compiler(const script &s);

	// ---- compile.cpp: the pass, names, code ----
	program run();
	void top(const stmt &st);
	template <typename T> void top_node(const stmt &st, const T &n);
	void inner(const stmt &st);
	template <typename T> void node(const stmt &st, const T &n);
	void after_machine();
	[[noreturn]] void fail(source_loc at, const std::string &msg) const;
	static const char *symbol_kind(symbol::kind_t k);
	void declare(const name_ref &n, symbol sym);
	const symbol &lookup(const std::string &name, source_loc at, symbol::kind_t want, const char *what);
	std::uint32_t emit(op o);
	std::uint32_t here() const { return static_cast<std::uint32_t>(p_.code.size()); }
	std::uint32_t string(std::string s);
	std::string source_text(source_loc at) const; // the statement as written, for messages

	// ---- compile_expr.cpp: expressions, times, flags ----
	interval range(const expr &e);
	std::int64_t constant(const expr &e, const char *what);
	std::int64_t constant_in(const expr &e, const char *what, std::int64_t lo, std::int64_t hi);
	void rpn(const expr &e, std::vector<rpn_item> &out);
	operand value(const expr &e);
	std::uint64_t nanoseconds(const duration &d);
	std::uint32_t gfp(const gfp_spec &g);
	unsigned cpu(const expr &e);
	operand order(const expr &e);

	// ---- compile_objects.cpp: objects, their types and slots ----
	std::uint32_t object_ref(const objref &o);
	operand index(const objref &o);
	void assign(const objref &o, obj_kind kind, std::uint32_t &id);
	void used(const objref &o, std::uint32_t &id, std::vector<obj_kind> allowed, const char *what);
	void finish_objects();

	// ---- compile_top.cpp: the machine, caches, pools, actors, run ----
	void top_node(const stmt &st, const machine_stmt &m);
	void top_node(const stmt &st, const let_stmt &l);
	void top_node(const stmt &st, const cache_stmt &c);
	void top_node(const stmt &st, const pool_stmt &ps);
	void top_node(const stmt &st, const task_stmt &t);
	void top_node(const stmt &st, const interrupt_stmt &i);
	void top_node(const stmt &st, const at_stmt &a);
	void top_node(const stmt &st, const when_stmt &w);
	void top_node(const stmt &st, const run_stmt &r);
	std::uint32_t actor(actor_def d, const block &body, std::uint32_t kind);
	void place_actors();
	void start(const stmt &st, std::uint32_t actor);
	void when_target_missing(const stmt &st) const;

	// ---- compile_alloc.cpp: what tasks and interrupts do ----
	void node(const stmt &st, const alloc_stmt &a);
	void node(const stmt &st, const free_stmt &f);
	void node(const stmt &st, const repeat_stmt &r);
	void node(const stmt &st, const sleep_stmt &s);
	void node(const stmt &st, const yield_stmt &);
	void node(const stmt &st, const migrate_stmt &m);
	void node(const stmt &st, const fill_stmt &f);

	// ---- compile_pressure.cpp: memory pressure and cache control ----
	void node(const stmt &st, const hog_stmt &h);
	std::uint32_t new_hog(const name_ref &n);
	void node(const stmt &st, const release_stmt &r);
	void node(const stmt &st, const fragment_stmt &f);
	void node(const stmt &st, const fault_stmt &f);
	void node(const stmt &st, const shrink_stmt &s);
	void node(const stmt &st, const tune_stmt &t);
	void node(const stmt &st, const resize_stmt &r);
	void node(const stmt &st, const destroy_stmt &d);

	// ---- compile_modules.cpp: insmod and rmmod ----
	void check_module_word(const name_ref &p, const std::filesystem::path &f);
	void node(const stmt &st, const insmod_stmt &m);
	std::uint32_t loaded_module(const name_ref &n);
	void node(const stmt &st, const rmmod_stmt &r);
	void module_result(const expect_stmt &e, expect_def &d);

	// ---- compile_inspect.cpp: print, say, expect ----
	void node(const stmt &st, const print_stmt &p);
	void node(const stmt &st, const say_stmt &s);
	void node(const stmt &st, const expect_stmt &e);
	static want_state state(const std::string &w);
	void compare(const expect_stmt &e, expect_def &d);

	const script &s_;
	program p_;
	std::map<std::string, symbol> names_;
	std::map<std::uint32_t, std::int64_t> counter_max_;
	std::vector<object_info> objects_;
	std::vector<use> uses_;
	std::map<std::string, std::uint32_t> modules_; // by name, in program::modules
	std::set<std::uint32_t> unloaded_;             // modules an rmmod names
	std::vector<const stmt *> whens_;
	std::set<const stmt *> used_whens_;
	std::vector<std::pair<std::uint32_t, std::vector<op>>> pending_;
	std::uint32_t counters_ = 0;
	std::uint32_t in_actor_ = 0;
	std::string current_task_;
	source_loc machine_loc_;
	bool booted_ = false;
	bool actors_since_run_ = false;
};

} // namespace sim::scenario
