// SPDX-License-Identifier: GPL-2.0-only
// The mempool: events and their TP_printk formats (docs/mempool.md lists them). Each record
// copies the pool's number and name, so it still prints after the pool is gone.
#include "sim/mempool/trace.h"

#include "sim/mm/mmflags.h"

#include <cstring>
#include <fmt/format.h>

namespace sim {

namespace {

struct pool_fields {
	unsigned int id;
	char name[sizeof(mempool_t::sim_name)];

	explicit pool_fields(const mempool_t *pool) : id(pool->sim_id)
	{
		std::memcpy(name, pool->sim_name, sizeof(name));
	}
};

struct element_fields {
	pool_fields pool;
	const void *element;
	int curr_nr;
	gfp_t gfp;
	unsigned char where; // mempool_from, or for frees 1 = reserve
};

struct waiters_fields {
	pool_fields pool;
	int waiters;
};

void print_pool(std::string &out, const pool_fields &p)
{
	out += fmt::format("pool={} name={}", p.id, p.name);
}

void print_element(std::string &out, const element_fields &f)
{
	print_pool(out, f.pool);
	out += " element=";
	trace_ptr(out, f.element);
}

const char *const from_names[] = {"backing", "reserve", "none"};

trace_event<element_fields> mempool_alloc_event{
	"mempool", "mempool_alloc", [](std::string &out, const element_fields &f) {
		print_element(out, f);
		out += fmt::format(" from={} curr_nr={} gfp_flags={}", from_names[f.where],
				   f.curr_nr, f.gfp ? gfp_flag_names(f.gfp) : "none");
	}};
trace_event<element_fields> mempool_free_event{
	"mempool", "mempool_free", [](std::string &out, const element_fields &f) {
		print_element(out, f);
		out += fmt::format(" to={} curr_nr={}", f.where ? "reserve" : "backing", f.curr_nr);
	}};
trace_event<waiters_fields> mempool_wait_event{
	"mempool", "mempool_wait", [](std::string &out, const waiters_fields &f) {
		print_pool(out, f.pool);
		out += fmt::format(" waiters={}", f.waiters);
	}};
trace_event<waiters_fields> mempool_wake_event{
	"mempool", "mempool_wake", [](std::string &out, const waiters_fields &f) {
		print_pool(out, f.pool);
		out += fmt::format(" waiters={}", f.waiters);
	}};
trace_event<pool_fields> mempool_timeout_event{"mempool", "mempool_timeout", print_pool};

} // namespace

void emit_mempool_alloc(const mempool_t *pool, const void *element, gfp_t gfp, mempool_from from)
{
	mempool_alloc_event({pool_fields(pool), element, pool->curr_nr, gfp, static_cast<unsigned char>(from)});
}

void emit_mempool_free(const mempool_t *pool, const void *element, bool to_reserve)
{
	mempool_free_event({pool_fields(pool), element, pool->curr_nr, 0, to_reserve});
}

void emit_mempool_wait(const mempool_t *pool)
{
	mempool_wait_event({pool_fields(pool), pool->sim_stats.nr_waiters});
}

void emit_mempool_wake(const mempool_t *pool)
{
	mempool_wake_event({pool_fields(pool), pool->sim_stats.nr_waiters});
}

void emit_mempool_timeout(const mempool_t *pool)
{
	mempool_timeout_event(pool_fields(pool));
}

} // namespace sim
