// SPDX-License-Identifier: GPL-2.0-only
// The invariant checker finds each kind of broken state it claims to, names the object and
// the rule, and is silent again once the state is repaired.
#include "linux/gfp.h"
#include "linux/mempool.h"
#include "linux/mm.h"
#include "linux/page-flags.h"
#include "linux/percpu.h"
#include "linux/slab.h"
#include "sim/check.h"
#include "sim/machine.h"
#include "sim/mm/mmzone.h"
#include "sim/sched/sched.h"
#include "sim/slab/slab_def.h"
#include "sim/trace/printk.h"
#include "sim/trace/report.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace {

struct booted {
	sim::machine m{quiet()};
	static sim::machine_config quiet()
	{
		sim::console_loglevel = 0;
		return {};
	}
};

// The violations, as one string; CHECKs that one contains `what`.
void require_violation(const std::string &what)
{
	std::string all;
	for (const std::string &v : sim::check_machine())
		all += v + "\n";
	INFO(all);
	CHECK(all.find(what) != std::string::npos);
}

void require_clean()
{
	CHECK(sim::check_machine() == std::vector<std::string>{});
}

// A corruption the test makes and undoes.
template <typename T> void corrupt(T &field, T bad, const std::string &what)
{
	T good = field;
	require_clean();
	field = bad;
	require_violation(what);
	field = good;
	require_clean();
}

void on_cpu0(std::function<void()> fn)
{
	sim::spawn(0, "checker", std::move(fn));
	REQUIRE(sim::run().status == sim::run_status::idle);
}

} // namespace

TEST_CASE("a booted machine holds every invariant")
{
	booted b;
	require_clean();
}

TEST_CASE("the checker finds a zone whose NR_FREE_PAGES disagrees with its free lists")
{
	booted b;
	struct zone *z = &contig_page_data.node_zones[ZONE_NORMAL];
	corrupt(z->vm_stat[NR_FREE_PAGES], z->vm_stat[NR_FREE_PAGES] + 1, "Normal: NR_FREE_PAGES is ");
}

TEST_CASE("the checker finds a free list whose nr_free disagrees with its blocks")
{
	booted b;
	struct free_area *a = &contig_page_data.node_zones[ZONE_NORMAL].free_area[MAX_ORDER - 1];
	corrupt(a->nr_free, a->nr_free + 1, "Normal: order 10 has nr_free ");
}

TEST_CASE("the checker finds slab pages the node's vmstat does not count")
{
	booted b;
	corrupt(contig_page_data.vm_stat[NR_SLAB_UNRECLAIMABLE], contig_page_data.vm_stat[NR_SLAB_UNRECLAIMABLE] - 1,
		"node 0: NR_SLAB_UNRECLAIMABLE is ");
}

TEST_CASE("the checker finds a compound block with a block starting inside it or a tail astray")
{
	booted b;
	struct page *page = alloc_pages(GFP_KERNEL | __GFP_COMP, 2);
	corrupt(page[2].alloc_order, 1u, " starts a block inside the block at pfn ");
	corrupt(page[3].compound_head, 0ul, " does not point at its head pfn ");
	__free_pages(page, 2);
}

TEST_CASE("the checker finds a free block listed inside an allocated one")
{
	booted b;
	struct page *page = alloc_pages(GFP_KERNEL, 3);
	struct zone *z = &contig_page_data.node_zones[ZONE_NORMAL];
	__SetPageBuddy(page + 4); // an order-2 free block in the second half, as a buggy free would leave
	page[4].private_ = 2;
	z->free_area[2].free_list.push_back(page[4]);
	z->free_area[2].nr_free++;
	z->vm_stat[NR_FREE_PAGES] += 4;
	require_violation("Normal: the order-2 list holds 1 blocks but the zone is tiled by 0");
	z->free_area[2].free_list.pop_back();
	z->free_area[2].nr_free--;
	z->vm_stat[NR_FREE_PAGES] -= 4;
	__ClearPageBuddy(page + 4);
	page[4].private_ = 0;
	require_clean();
	__free_pages(page, 3);
}

TEST_CASE("the checker finds a cache node whose counters disagree with its slabs")
{
	booted b;
	struct kmem_cache *c = kmem_cache_create("chk", 100, 0, 0, nullptr);
	void *p = kmem_cache_alloc(c, GFP_KERNEL);
	struct kmem_cache_node *n = get_node(c, 0);
	corrupt(n->free_objects, n->free_objects + 1, "cache chk: free_objects is ");
	corrupt(n->total_slabs, n->total_slabs + 1, "cache chk: total_slabs is ");
	corrupt(n->free_slabs, n->free_slabs + 1, "cache chk: free_slabs is ");
	kmem_cache_free(c, p);
}

TEST_CASE("the checker finds a slab whose active count does not fit its list")
{
	booted b;
	struct kmem_cache *c = kmem_cache_create("chk", 100, 0, 0, nullptr);
	void *p = kmem_cache_alloc(c, GFP_KERNEL);
	REQUIRE(!get_node(c, 0)->slabs_partial.empty());
	struct page *slab = &get_node(c, 0)->slabs_partial.front();
	corrupt(slab->active, 0u, "cache chk: slab ");
	kmem_cache_free(c, p);
}

TEST_CASE("the checker finds an object both free in its slab and in an array")
{
	booted b;
	struct kmem_cache *c = kmem_cache_create("chk", 100, 0, 0, nullptr);
	on_cpu0([c] { kmem_cache_free(c, kmem_cache_alloc(c, GFP_KERNEL)); });
	struct array_cache *ac = per_cpu_ptr(c->cpu_cache, 0);
	REQUIRE(ac->avail > 1);
	corrupt(ac->entry[0], ac->entry[ac->avail - 1], "is in its arrays more than once (a double free?)");
	REQUIRE(!get_node(c, 0)->slabs_partial.empty());
	struct page *slab = &get_node(c, 0)->slabs_partial.front();
	corrupt(slab->active, slab->active - 1, "which is also free in its slab");
}

TEST_CASE("the checker finds an array holding an object of another cache")
{
	booted b;
	struct kmem_cache *c = kmem_cache_create("chk", 100, 0, 0, nullptr);
	on_cpu0([c] { kmem_cache_free(c, kmem_cache_alloc(c, GFP_KERNEL)); });
	void *other = kmalloc(100, GFP_KERNEL);
	struct array_cache *ac = per_cpu_ptr(c->cpu_cache, 0);
	corrupt(ac->entry[0], other, "which is not an object of this cache");
	kfree(other);
}

TEST_CASE("the checker finds a mempool whose curr_nr disagrees with its elements")
{
	booted b;
	mempool_t *pool = mempool_create_kmalloc_pool(4, 64);
	corrupt(pool->curr_nr, 5, "mempool 1 (kmalloc:64): curr_nr 5 is outside 0..4");
	corrupt(pool->elements[1], pool->elements[0], "is in a reserve more than once");
	corrupt(pool->elements[3], static_cast<void *>(nullptr), "elements[3] is NULL below curr_nr 4");
	mempool_destroy(pool);
}

TEST_CASE("the checker finds a reserve element its cache counts as free")
{
	booted b;
	struct kmem_cache *c = kmem_cache_create("chk", 100, 0, 0, nullptr);
	mempool_t *pool = mempool_create_slab_pool(2, c);
	void *free_obj = nullptr;
	on_cpu0([&] {
		free_obj = kmem_cache_alloc(c, GFP_KERNEL);
		kmem_cache_free(c, free_obj); // now in CPU 0's array
	});
	corrupt(pool->elements[0], free_obj, "is not an allocated object of cache chk");
	mempool_destroy(pool);
}

TEST_CASE("with checking on, a broken invariant is reported once, after the step that broke it")
{
	booted b;
	struct kmem_cache *c = kmem_cache_create("chk", 100, 0, 0, nullptr);
	struct kmem_cache_node *n = get_node(c, 0);
	sim::log_clear();
	{
		sim::invariant_checking checking;
		on_cpu0([n] { n->free_objects += 7; });
		on_cpu0([] {});
		n->free_objects -= 7;
	}
	std::vector<sim::kernel_report> found;
	for (const auto &r : sim::kernel_reports())
		if (r.kind == sim::report_kind::invariant)
			found.push_back(r);
	REQUIRE(found.size() == 1);
	CHECK(found[0].headline.starts_with("sim: invariant violated after step 1: cache chk: free_objects is "));
	CHECK(sim::dmesg().find("] sim: invariant violated after step 1: cache chk: free_objects is ") != std::string::npos);
}

TEST_CASE("with checking on, the state the run ends in is checked too")
{
	booted b;
	struct kmem_cache *c = kmem_cache_create("chk", 100, 0, 0, nullptr);
	struct kmem_cache_node *n = get_node(c, 0);
	{
		sim::invariant_checking checking;
		n->free_slabs++;
	}
	n->free_slabs--;
	REQUIRE(!sim::kernel_reports().empty());
	CHECK(sim::kernel_reports().back().headline.starts_with(
		"sim: invariant violated at the end of the run: cache chk: free_slabs is "));
}

TEST_CASE("checking scopes nest: the outer one keeps checking when an inner one ends")
{
	booted b;
	sim::invariant_checking outer;
	{
		sim::invariant_checking inner(true, 1000);
	}
	std::uint64_t before = sim::invariant_checks();
	on_cpu0([] {});
	CHECK(sim::invariant_checks() > before);
}

TEST_CASE("the checker finds an off-slab freelist that its kmalloc cache counts as free")
{
	booted b;
	// A constructor keeps the freelist out of the objects, and 1024-byte objects leave no
	// room for it in the page.
	struct kmem_cache *c = kmem_cache_create("chk-offslab", 1024, 0, 0, [](void *) {});
	REQUIRE(OFF_SLAB(c));
	void *p = kmem_cache_alloc(c, GFP_KERNEL);
	struct page *slab = compound_head(virt_to_page(p));
	require_clean();
	kmem_cache_free(c->freelist_cache, slab->freelist);
	require_violation("cache chk-offslab: slab ");
	require_violation(" is not an allocated object of " + std::string(c->freelist_cache->name));
	CHECK(kmem_cache_alloc(c->freelist_cache, GFP_KERNEL) == slab->freelist); // taken back
	require_clean();
	kmem_cache_free(c, p);
}
