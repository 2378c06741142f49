// SPDX-License-Identifier: GPL-2.0-only
// /proc/slabinfo, compared byte for byte with SLAB's format.
#include "slab_test.h"

using namespace slabtest;

namespace {

std::string line_of(const std::string &text, const std::string &name)
{
	size_t at = text.find("\n" + name + " ");
	REQUIRE(at != std::string::npos);
	return text.substr(at + 1, text.find('\n', at + 1) - at);
}

} // namespace

TEST_CASE("slabinfo starts with SLAB's two header lines")
{
	test_machine m;
	std::string text = sim::slabinfo();
	CHECK(text.rfind("slabinfo - version: 2.1\n"
			 "# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab>"
			 " : tunables <limit> <batchcount> <sharedfactor>"
			 " : slabdata <active_slabs> <num_slabs> <sharedavail>\n",
			 0) == 0);
}

TEST_CASE("a cache's slabinfo line counts objects in arrays as active")
{
	test_machine m;
	struct kmem_cache *c = kmem_cache_create("c100", 100, 0, 0, nullptr);
	on_cpu(0, [&] { kmem_cache_alloc(c, GFP_KERNEL); });
	// One slab of 39; the cold refill took 16 into the array, one of them handed out.
	CHECK(line_of(sim::slabinfo(), "c100") ==
	      "c100                  16     39    104   39    1 : tunables  120   60    8 : slabdata      1      1      0\n");
}

TEST_CASE("caches are listed newest first, the boot caches last")
{
	test_machine m;
	kmem_cache_create("newest", 100, 0, 0, nullptr);
	std::string text = sim::slabinfo();
	size_t second_line_end = text.find('\n', text.find('\n') + 1);
	CHECK(text.compare(second_line_end + 1, 7, "newest ") == 0);
	CHECK(text.substr(text.rfind('\n', text.size() - 2) + 1, 11) == "kmem_cache ");
	// DMA caches were made last, reclaimable ones after the normal ones.
	CHECK(text.find("\ndma-kmalloc-4M ") < text.find("\nkmalloc-rcl-4M "));
	CHECK(text.find("\nkmalloc-rcl-32 ") < text.find("\nkmalloc-4M "));
}

TEST_CASE("with slab_debug, slabinfo has the statistics columns")
{
	test_machine m({.slab_debug = true});
	struct kmem_cache *c = kmem_cache_create("stats", 100, 0, 0, nullptr);
	on_cpu(0, [&] {
		void *p = kmem_cache_alloc(c, GFP_KERNEL);
		kmem_cache_free(c, p);
		kmem_cache_free(c, kmem_cache_alloc(c, GFP_KERNEL));
	});
	std::string text = sim::slabinfo();
	CHECK(text.rfind("slabinfo - version: 2.1 (statistics)\n", 0) == 0);
	CHECK(text.find(" : globalstat <listallocs> <maxobjs> <grown> <reaped> <error> <maxfreeable>"
			" <nodeallocs> <remotefrees> <alienoverflow> : cpustat <allochit> <allocmiss>"
			" <freehit> <freemiss>\n") != std::string::npos);
	// 32 objects per slab with red zones; debug caps limit at 32, so batchcount 16.
	CHECK(line_of(text, "stats") ==
	      "stats                 16     32    128   32    1 : tunables   32   16    8 : slabdata      1      1      0"
	      " : globalstat      16     16     1    0    0    0    0    0    0 : cpustat      1      1      2      0\n");
}
