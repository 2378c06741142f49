// SPDX-License-Identifier: GPL-2.0-only
#include "stress/stress.h"

#include "linux/delay.h"
#include "linux/gfp.h"
#include "linux/mempool.h"
#include "linux/mm.h"
#include "linux/sched.h"
#include "linux/slab.h"
#include "sim/check.h"
#include "sim/machine.h"
#include "sim/mm/fail_page_alloc.h"
#include "sim/mm/vmstat.h"
#include "sim/random.h"
#include "sim/sched/sched.h"
#include "sim/slab/check.h"
#include "sim/slab/failslab.h"
#include "sim/slab/slab_def.h"
#include "sim/trace/printk.h"
#include "sim/trace/report.h"

#include <fmt/format.h>
#include <map>
#include <utility>

namespace stress {

namespace {

// What a task holds, and how it must be given back.
struct held {
	enum kind { object, kmalloced, element, pages } k;
	int slot; // the cache (object) or pool (element) slot
	void *p;
	unsigned order; // pages
};

// A cache or pool that tasks create and destroy; `users` counts the holds and the calls in
// progress on it, so it is destroyed only when nothing can touch it any more.
template <typename T> struct slot {
	T *it = nullptr;
	unsigned users = 0;
};

constexpr int fixed_caches = 3, dynamic_caches = 4, pools = 4;
const char *const dynamic_names[dynamic_caches] = {"stress-dyn0", "stress-dyn1", "stress-dyn2", "stress-dyn3"};

class machine_stress {
public:
	explicit machine_stress(const options &o) : o_(o), rng_(o.seed) {}

	void setup()
	{
		for (struct kmem_cache &c : slab_caches)
			baseline_in_use_[&c] = sim::slab_objects_in_use(&c);
		baseline_pages_ = free_and_slab_pages();
		const unsigned sizes[fixed_caches] = {64, 700, 5000};
		const char *names[fixed_caches] = {"stress64", "stress700", "stress5000"};
		for (int i = 0; i < fixed_caches; i++)
			caches_[i].it = kmem_cache_create(names[i], sizes[i], 0, i == 1 ? SLAB_HWCACHE_ALIGN : 0, nullptr);
		pools_[0].it = mempool_create_slab_pool(8, caches_[0].it);
		pools_[1].it = mempool_create_kmalloc_pool(6, 200);
		pools_[2].it = mempool_create_page_pool(4, 1);
		inject_faults(o_.fail_percent);
	}

	void task_body(std::uint64_t ops)
	{
		for (std::uint64_t i = 0; i < ops; i++) {
			step();
			if (++r_.ops % o_.check_every == 0)
				check();
		}
	}

	result finish()
	{
		inject_faults(0);
		sim::spawn(0, "stress-end", [this] {
			release_all();
			check();
		});
		sim::run();
		for (auto &[cache, before] : baseline_in_use_) {
			kmem_cache_shrink(cache);
			if (unsigned long now = sim::slab_objects_in_use(cache); now != before)
				r_.leaks.push_back(fmt::format("cache {}: {} objects in use, {} before", cache->name, now, before));
		}
		if (long now = free_and_slab_pages(); now != baseline_pages_)
			r_.leaks.push_back(fmt::format("{} pages free or in slabs, {} before", now, baseline_pages_));
		return r_;
	}

	result &r() { return r_; }

private:
	const options &o_;
	std::uint64_t rng_;
	result r_;
	slot<struct kmem_cache> caches_[fixed_caches + dynamic_caches];
	slot<mempool_t> pools_[pools];
	std::vector<held> live_;
	std::map<struct kmem_cache *, unsigned long> baseline_in_use_;
	long baseline_pages_ = 0;

	unsigned pick(unsigned n) { return static_cast<unsigned>(sim::splitmix64_next(rng_) % n); }

	gfp_t gfp()
	{
		static const gfp_t masks[] = {GFP_KERNEL, GFP_ATOMIC, GFP_NOWAIT, GFP_KERNEL | __GFP_NOWARN,
					      GFP_ATOMIC | __GFP_NOWARN, GFP_KERNEL | __GFP_ZERO};
		return masks[pick(std::size(masks))];
	}

	static long free_and_slab_pages()
	{
		return sim::global_zone_page_state(NR_FREE_PAGES) + sim::global_node_page_state(NR_SLAB_RECLAIMABLE) +
		       sim::global_node_page_state(NR_SLAB_UNRECLAIMABLE);
	}

	static void inject_faults(unsigned percent)
	{
		for (auto *set : {sim::failslab_set, sim::fail_page_alloc_set}) {
			set("probability", percent);
			set("times", -1);
			set("verbose", 0);
			set("ignore-gfp-wait", 0);
		}
		sim::fail_page_alloc_set("min-order", 0);
	}

	void check()
	{
		r_.checks++;
		for (std::string &v : sim::check_machine())
			r_.violations.push_back(fmt::format("after {} ops: {}", r_.ops, v));
	}

	void keep(void *p, held h)
	{
		if (!p) {
			r_.failed++;
			return;
		}
		h.p = p;
		live_.push_back(h);
	}

	// A live cache slot (fixed or dynamic), or -1.
	int some_cache()
	{
		int i = static_cast<int>(pick(fixed_caches + dynamic_caches));
		return caches_[i].it ? i : -1;
	}

	void alloc_object()
	{
		int i = some_cache();
		if (i < 0)
			return;
		caches_[i].users++;
		if (pick(8) == 0) {
			void *objs[16];
			size_t n = 1 + pick(16);
			if (kmem_cache_alloc_bulk(caches_[i].it, gfp() & ~__GFP_ZERO, n, objs))
				for (size_t k = 0; k < n; k++) {
					keep(objs[k], {held::object, i, nullptr, 0});
					caches_[i].users++;
				}
			else
				r_.failed++;
		} else if (void *p = kmem_cache_alloc(caches_[i].it, gfp())) {
			keep(p, {held::object, i, nullptr, 0});
			caches_[i].users++;
		} else {
			r_.failed++;
		}
		caches_[i].users--;
	}

	void alloc_kmalloc()
	{
		static const size_t sizes[] = {1, 8, 24, 32, 40, 64, 96, 100, 128, 192, 200, 256, 500, 1024, 3000, 4096, 9000, 65536};
		keep(kmalloc(sizes[pick(std::size(sizes))], gfp()), {held::kmalloced, 0, nullptr, 0});
	}

	void alloc_element()
	{
		int i = static_cast<int>(pick(pools));
		if (!pools_[i].it)
			return;
		pools_[i].users++;
		// Never a sleeping mask: with every task asleep on an empty reserve nothing would wake them.
		void *p = mempool_alloc(pools_[i].it, pick(2) ? GFP_ATOMIC : GFP_NOWAIT);
		if (p)
			pools_[i].users++;
		keep(p, {held::element, i, nullptr, 0});
		pools_[i].users--;
	}

	void alloc_block()
	{
		unsigned order = pick(4);
		keep(alloc_pages(gfp(), order), {held::pages, 0, nullptr, order});
	}

	void release(const held &h)
	{
		switch (h.k) {
		case held::object:
			kmem_cache_free(caches_[h.slot].it, h.p);
			caches_[h.slot].users--;
			break;
		case held::kmalloced:
			kfree(h.p);
			break;
		case held::element:
			mempool_free(h.p, pools_[h.slot].it);
			pools_[h.slot].users--;
			break;
		case held::pages:
			__free_pages(static_cast<struct page *>(h.p), h.order);
			break;
		}
	}

	// Frees what some task holds, whichever CPU allocated it. The hold leaves the list
	// before the call: the call may reach a scheduling point.
	void free_one()
	{
		if (live_.empty())
			return;
		size_t at = pick(static_cast<unsigned>(live_.size()));
		held h = live_[at];
		live_[at] = live_.back();
		live_.pop_back();
		release(h);
	}

	void create_or_destroy_cache()
	{
		int d = static_cast<int>(pick(dynamic_caches));
		auto &s = caches_[fixed_caches + d];
		if (!s.it) {
			static const slab_flags_t flags[] = {0, SLAB_HWCACHE_ALIGN, SLAB_RECLAIM_ACCOUNT,
							     SLAB_POISON | SLAB_RED_ZONE | SLAB_STORE_USER};
			s.it = kmem_cache_create(dynamic_names[d], 16 + pick(3000), 0, flags[pick(std::size(flags))], nullptr);
		} else if (!s.users) {
			struct kmem_cache *c = s.it;
			s.it = nullptr;
			kmem_cache_destroy(c);
		}
	}

	void create_or_destroy_pool()
	{
		auto &s = pools_[3];
		if (!s.it) {
			s.it = mempool_create_slab_pool(1 + static_cast<int>(pick(6)), caches_[1].it);
		} else if (!s.users) {
			mempool_t *pool = s.it;
			s.it = nullptr;
			mempool_destroy(pool);
		}
	}

	void shrink_one() { kmem_cache_shrink(caches_[pick(fixed_caches)].it); }
	void sleep_a_little() { msleep(1 + pick(20)); } // virtual time passes: cache_reap runs
	void resched() { cond_resched(); }

	// One call, drawn by weight (per mille): frees balance allocations, so the machine
	// stays well filled without running out.
	void step()
	{
		static const std::pair<unsigned, void (machine_stress::*)()> calls[] = {
			{180, &machine_stress::alloc_object},   {150, &machine_stress::alloc_kmalloc},
			{90, &machine_stress::alloc_element},   {60, &machine_stress::alloc_block},
			{490, &machine_stress::free_one},       {10, &machine_stress::create_or_destroy_cache},
			{5, &machine_stress::create_or_destroy_pool}, {3, &machine_stress::shrink_one},
			{2, &machine_stress::sleep_a_little},   {10, &machine_stress::resched},
		};
		unsigned dice = pick(1000);
		for (const auto &[weight, call] : calls) {
			if (dice < weight) {
				(this->*call)();
				return;
			}
			dice -= weight;
		}
	}

	void release_all()
	{
		while (!live_.empty()) {
			held h = live_.back();
			live_.pop_back();
			release(h);
		}
		for (auto &p : pools_)
			mempool_destroy(std::exchange(p.it, nullptr));
		for (auto &c : caches_)
			kmem_cache_destroy(std::exchange(c.it, nullptr));
	}
};

bool is_misuse_report(sim::report_kind k)
{
	using enum sim::report_kind;
	return k != warning; // page allocation failures are warnings; everything else is a bug here
}

const char *status_name(sim::run_status s)
{
	static const char *names[] = {"idle", "hung", "time limit", "step limit", "stopped"};
	return names[static_cast<int>(s)];
}

} // namespace

result run(const options &o)
{
	sim::console_loglevel = 0;
	sim::machine_config cfg;
	cfg.nr_cpus = o.cpus;
	cfg.seed = o.seed;
	cfg.preempt_percent = o.preempt_percent;
	cfg.slab_debug = o.slab_debug;
	sim::machine m(cfg);
	machine_stress s(o);
	s.setup();
	{
		sim::invariant_checking checking(true, o.engine_every);
		for (unsigned cpu = 0; cpu < o.cpus; cpu++)
			sim::spawn(cpu, fmt::format("stress/{}", cpu), [&s, &o] { s.task_body(o.ops / o.cpus); });
		s.r().run_status = status_name(sim::run().status);
	}
	result r = s.finish();
	for (const sim::kernel_report &k : sim::kernel_reports())
		if (is_misuse_report(k.kind))
			r.reports.push_back(fmt::format("{}: {}", sim::report_kind_name(k.kind), k.headline));
	return r;
}

} // namespace stress
