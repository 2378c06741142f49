// SPDX-License-Identifier: GPL-2.0-only
// Symbolic names of GFP masks and page flags, as the kernel prints them (%pGg and %pGp in
// printk, show_gfp_flags() in tracepoints), from the tables of v5.4's
// include/trace/events/mmflags.h.
#pragma once

#include "linux/types.h"

#include <string>

namespace sim {

// "GFP_KERNEL|__GFP_NOWARN": composites first, then single flags, and any bits no name
// covers as hex ("0x800000"). Empty for 0, as %pGg prints it (tracepoints print "none").
std::string gfp_flag_names(gfp_t gfp_mask);
// The mask one name of that table stands for ("GFP_KERNEL", "__GFP_NOWARN"): what a scenario
// may write. False for a name the table lacks.
bool gfp_flag_value(const std::string &name, gfp_t *mask);
// Every name of the table, in its order, for a message that lists them.
std::string gfp_flag_list();

// "slab|head": the PG_* bits of page->flags by name, as %pGp prints them.
std::string page_flag_names(unsigned long flags);

} // namespace sim
