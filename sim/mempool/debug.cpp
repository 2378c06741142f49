// SPDX-License-Identifier: GPL-2.0-only
// Misuse the kernel would not catch, or would catch by crashing: an element freed to a pool it
// did not come from (seed 003's warning), a pool used after mempool_exit/mempool_destroy, a
// pool destroyed while its elements are still out, a min_nr that gives no reserve. Each gets a
// report in the kernel's style, and the check comes before any state changes.
#include "sim/mempool/internal.h"
#include "sim/mempool/mempool.h"

#include "linux/printk.h"
#include "sim/trace/report.h"

#include <fmt/format.h>
#include <unordered_set>

namespace sim {

namespace {

// Debug mode only: the elements a pool handed out and has not had back. Looked up by
// address, never iterated, so its order cannot leak into any output.
struct handed_out_record {
	std::unordered_set<const void *> elements;
};

handed_out_record *record_of(const mempool_t *pool)
{
	return static_cast<handed_out_record *>(pool->sim_debug);
}

const mempool_t *owner_of(const void *element)
{
	for (const mempool_t *pool : mempools())
		if (record_of(pool) && record_of(pool)->elements.count(element))
			return pool;
	return nullptr;
}

} // namespace

void mempool_report(const mempool_t *pool, const char *fn, const char *what)
{
	sim::report_note(sim::report_kind::mempool,
			 fmt::format("BUG: {}: mempool {} ({}) {}", fn, pool->sim_id, pool->sim_name, what));
	pr_err("BUG: %s: mempool %u (%s) %s\n", fn, pool->sim_id, pool->sim_name, what);
	dump_stack();
}

void mempool_debug_init(mempool_t *pool)
{
	pool->sim_debug = mempool_debug(pool) ? new handed_out_record : nullptr;
}

void mempool_debug_exit(mempool_t *pool)
{
	delete record_of(pool);
	pool->sim_debug = nullptr;
}

void mempool_debug_handed_out(mempool_t *pool, void *element)
{
	record_of(pool)->elements.insert(element);
}

bool mempool_debug_given_back(mempool_t *pool, void *element)
{
	if (record_of(pool)->elements.erase(element))
		return true;

	const mempool_t *owner = owner_of(element);
	sim::report_note(sim::report_kind::mempool,
			 fmt::format("BUG: mempool_free: element was not allocated from mempool {} ({})", pool->sim_id,
				     pool->sim_name));
	pr_err("BUG: mempool_free: element %p was not allocated from mempool %u (%s)\n", element,
	       pool->sim_id, pool->sim_name);
	if (owner)
		pr_err("element %p belongs to mempool %u (%s)\n", element, owner->sim_id,
		       owner->sim_name);
	else
		pr_err("no mempool has element %p out: freed twice, or never from a mempool\n",
		       element);
	pr_err("ignoring this free: the element is left where it is\n");
	dump_stack();
	return false;
}

void mempool_report_dead(const mempool_t *pool, const char *fn)
{
	sim::report_note(sim::report_kind::mempool,
			 pool->sim_magic == MEMPOOL_DEAD
				 ? fmt::format("BUG: {}: mempool {} ({}) used after mempool_exit/mempool_destroy", fn,
					       pool->sim_id, pool->sim_name)
				 : fmt::format("BUG: {}: not an initialised mempool", fn));
	if (pool->sim_magic == MEMPOOL_DEAD)
		pr_err("BUG: %s: mempool %u (%s) used after mempool_exit/mempool_destroy\n", fn,
		       pool->sim_id, pool->sim_name);
	else
		pr_err("BUG: %s: %p is not an initialised mempool (magic %#x)\n", fn,
		       static_cast<const void *>(pool), pool->sim_magic);
	dump_stack();
}

bool mempool_check_min_nr(int min_nr, const char *fn)
{
	if (min_nr < 0) {
		sim::report_note(sim::report_kind::mempool,
				 fmt::format("{}: min_nr {} is negative: no pool created", fn, min_nr));
		pr_err("%s: min_nr %d is negative: no pool created (-ENOMEM, as v5.4)\n", fn,
		       min_nr);
		dump_stack();
		return false;
	}
	if (min_nr == 0 && !mempool_mode.zero_minimum)
		pr_warn("%s: min_nr 0: the pool has no reserve, so mempool_alloc can sleep "
			"until memory comes back (the v5.4 rule; see zero-minimum pools in "
			"docs/mempool.md)\n",
			fn);
	return true;
}

void mempool_report_outstanding(const mempool_t *pool)
{
	long out = mempool_outstanding(pool);

	if (out <= 0)
		return;
	std::string line = fmt::format("mempool {} ({}) destroyed with {} element{} still allocated", pool->sim_id,
				       pool->sim_name, out, out == 1 ? "" : "s");
	sim::report_note(sim::report_kind::leak, line);
	pr_warn("%s: freeing them into it later is a bug\n", line.c_str());
}

} // namespace sim
