// SPDX-License-Identifier: GPL-2.0-only
#include "sim/mm/trace_events.h"

#include "linux/mm.h"
#include "sim/mm/mmflags.h"

#include <fmt/format.h>

namespace sim {

namespace {
void print_page_pfn(std::string &out, unsigned long pfn)
{
	out += "page=";
	trace_ptr(out, pfn != -1ul ? pfn_to_page(pfn) : nullptr);
	out += fmt::format(" pfn={}", pfn != -1ul ? pfn : 0);
}

void print_mm_page_alloc(std::string &out, const mm_page_alloc_fields &f)
{
	print_page_pfn(out, f.pfn);
	// show_gfp_flags() prints "none" where %pGg prints nothing.
	std::string names = f.gfp_flags ? gfp_flag_names(f.gfp_flags) : "none";
	out += fmt::format(" order={} migratetype={} gfp_flags={}", f.order, f.migratetype, names);
}

void print_mm_page_free(std::string &out, const mm_page_free_fields &f)
{
	print_page_pfn(out, f.pfn);
	out += fmt::format(" order={}", f.order);
}
} // namespace

trace_event<mm_page_alloc_fields> trace_mm_page_alloc{"kmem", "mm_page_alloc", print_mm_page_alloc};
trace_event<mm_page_free_fields> trace_mm_page_free{"kmem", "mm_page_free", print_mm_page_free};

} // namespace sim
