// SPDX-License-Identifier: GPL-2.0-only
// Memory pressure: a hog holds pages away from the kernel, as a memory-hungry program
// would, so that scenarios can push zones below their watermarks and give memory back.
// The hog ignores watermarks and fault injection: it is not a kernel caller, it is the
// load. It takes the largest blocks it can and gives back the most recently taken first.
#pragma once

namespace sim {

// Each returns the number of pages actually taken; fewer when memory runs out.
unsigned long hog_pages(unsigned long nr_pages);
unsigned long hog_fraction(double fraction_of_total); // of MemTotal, 0.0 .. 1.0
unsigned long hog_all_but(unsigned long nr_free_left); // leave this many pages free

// Gives back up to nr_pages (splitting a held block when needed); returns pages released.
unsigned long hog_release(unsigned long nr_pages);
unsigned long hog_release_all();
unsigned long hogged_pages();

// Forgets the held blocks without freeing them (teardown unmaps the memory anyway).
void hog_reset();

} // namespace sim
