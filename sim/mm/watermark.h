// SPDX-License-Identifier: GPL-2.0-only
// Watermarks: how many free pages each zone keeps back, derived from min_free_kbytes as
// v5.4's init_per_zone_wmark_min() and __setup_per_zone_wmarks() derive them.
#pragma once

namespace sim {

// -1 derives min_free_kbytes from the machine's memory (int_sqrt(lowmem_kbytes * 16),
// clamped to [128, 65536]); any other value is kept, as a user-set sysctl is.
void init_per_zone_wmark_min(long user_min_free_kbytes);
// The current min_free_kbytes, and pages the watermarks and reserves keep from user space.
long min_free_kbytes();
unsigned long totalreserve_pages();

} // namespace sim
