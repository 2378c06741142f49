// SPDX-License-Identifier: GPL-2.0-only
// What the files of the interpreter share: its state while a program runs, and the functions
// each file defines, grouped by that file. Not an API: the runner's is runner.h.
//
// exec.cpp runs the ops (one switch; no name is looked up while running) and hands each kind
// of statement to its executor; expect.cpp evaluates the expectations.
#pragma once

#include "linux/mempool.h"
#include "sim/scenario/narrate.h"
#include "sim/scenario/program.h"
#include "sim/scenario/reports.h"
#include "sim/scenario/runner.h"

#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sim::scenario {

// What a name holds at run time.
struct slot {
	enum state_t : std::uint8_t { empty, live, freed } state = empty;
	bool from_reserve = false;
	bool page = false;      // ptr is a struct page (alloc_pages, a page pool)
	source_loc where;       // the allocation or the free that set the state
	void *ptr = nullptr;    // the object, or the struct page for pages
	std::size_t bytes = 0;  // what fill and holds cover
};

struct hog_rec {
	unsigned long pages = 0;         // taken through the MM hog
	std::vector<struct page *> kept; // fragment: the order-0 pages pinned between holes
};

struct pool_rec {
	mempool_t *pool = nullptr; // null once destroyed
	source_loc destroyed;
	std::size_t elem_bytes = 0;
	std::size_t kzalloc_size = 0; // pool_data of a kzalloc pool
};

// What an insmod or rmmod the scenario started has come to.
struct tool_result {
	enum state_t : std::uint8_t { not_run, running, finished } state = not_run;
	int err = 0;
};

struct module_rec {
	tool_result insmod, rmmod;
};

struct interp {
	interp(const program &p, const run_options &o);

	// ---- runner.cpp: a whole run, and what it leaves ----
	outcome go();
	void note_line(const op &o); // the caller SLAB_STORE_USER and traces name
	void capture(outcome &out);
	void release_all();

	// ---- exec.cpp: the execution loop, errors, caps, operands and slots ----
	void exec(std::uint32_t pc, std::int64_t *frame);
	void dispatch(const op &o, const std::int64_t *frame);
	void fail(source_loc at, const std::string &msg);
	void capped(run_status why, std::string msg);
	void poll();
	std::int64_t eval(const operand &x, const std::int64_t *frame, source_loc loc);
	std::int64_t computed(const std::vector<rpn_item> &rpn, const std::int64_t *frame, source_loc loc);
	slot *at(std::uint32_t object, const operand &index, const std::int64_t *frame, source_loc loc);
	slot *holding(const op &o, const std::int64_t *frame);
	bool check_live(source_loc loc, std::uint32_t object, const slot &s);
	void start(std::uint32_t actor);
	void run_machine(const op &o);

	// ---- exec_alloc.cpp: what tasks and interrupts do with objects ----
	void alloc(const op &o, const std::int64_t *frame);
	void free(const op &o, const std::int64_t *frame);
	void fill(const op &o, const std::int64_t *frame);
	const mempool_t *pool_of(const op &o) const; // the pool a mempool_alloc or _free names

	// ---- exec_pressure.cpp: memory pressure and cache control ----
	void hog(const op &o);
	void release(hog_rec &h);
	void fragment(hog_rec &h);
	void fault(const fault_def &f);
	void tune(const op &o);
	void resize(const op &o);

	// ---- exec_objects.cpp: caches and pools, created and destroyed ----
	void create_cache(const op &o);
	void create_pool(const op &o);
	void destroy_cache(const op &o);
	void destroy_pool(const op &o);
	struct kmem_cache *live_cache(std::uint32_t c, source_loc at);
	mempool_t *live_pool(std::uint32_t p, source_loc at);

	// ---- exec_modules.cpp: insmod and rmmod ----
	void insmod(const op &o);
	void rmmod(const op &o);
	void finished(const op &o, tool_result &t, int err);

	// ---- exec_inspect.cpp: print and say ----
	void print(const op &o);
	task_struct *task_of(std::uint32_t actor) const;
	std::string task_line(std::uint32_t actor) const;

	// ---- expect.cpp: the expectation evaluator ----
	void expect(const op &o, const expect_def &e, const std::int64_t *frame);
	void module_result(const expect_def &e, expectation &r) const;
	void task_state(const expect_def &e, expectation &r) const;
	void compare(const op &o, const expect_def &e, expectation &r);
	std::optional<std::int64_t> field(const op &o, const expect_def &e);
	std::optional<std::int64_t> lingering(const op &o, const expect_def &e);

	const program &p_;
	const run_options &o_;
	outcome *out_ = nullptr;
	std::vector<slot> slots_;
	std::vector<struct kmem_cache *> caches_; // null once destroyed
	std::vector<source_loc> cache_destroyed_;
	std::vector<int> ctor_ids_;
	std::deque<pool_rec> pools_; // stable addresses: pool_data points into them
	std::map<std::uint32_t, hog_rec> hogs_;
	std::map<std::uint32_t, task_struct *> tasks_; // by actor, once spawned
	std::vector<module_rec> modules_;
	std::optional<scenario_error> error_;
	bool halt_ = false; // an error or a cap: the code still running returns
	std::optional<narrator> narrator_;
	std::uint64_t ops_ = 0;
	std::uint64_t next_poll_ = 1u << 20;
	report_claims claims_;
	std::vector<unsigned> line_by_pid_; // the script line each task last executed
	std::string file_name_;
};

// The bytes an object covers: a page's through its mapping.
void *bytes_of(const slot &s);

} // namespace sim::scenario
