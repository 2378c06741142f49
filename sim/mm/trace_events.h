// SPDX-License-Identifier: GPL-2.0-only
// The page allocator's tracepoints, with v5.4's formats (include/trace/events/kmem.h).
#pragma once

#include "linux/types.h"
#include "sim/trace/trace.h"

namespace sim {

struct mm_page_alloc_fields {
	unsigned long pfn; // -1UL: the request failed
	unsigned int order;
	gfp_t gfp_flags;
	int migratetype;
};
struct mm_page_free_fields {
	unsigned long pfn;
	unsigned int order;
};

extern trace_event<mm_page_alloc_fields> trace_mm_page_alloc;
extern trace_event<mm_page_free_fields> trace_mm_page_free;

} // namespace sim
