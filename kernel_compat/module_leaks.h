// SPDX-License-Identifier: GPL-2.0-only
// What a module created and never destroyed, reported when it is unloaded.
//
// The kernel itself says nothing when a module leaves a cache or a pool behind; kmemleak
// finds the unreferenced objects later. slabsim reports them at rmmod, in kmemleak's words,
// because the module's own pointers to them died with it. Objects are attributed to a
// module when its code is on the call stack that creates them.
#pragma once

#include <cstddef>
#include <string>

namespace sim {

// Called by the allocators' constructors (kmem_cache_create, mempool_init) and destructors.
// Cheap when no module is loaded.
void module_track_object(const void *obj, std::size_t size, const char *what);
void module_untrack_object(const void *obj);

// After the module's exit ran: reports every object it created and did not destroy.
// Returns how many there were.
unsigned report_module_leaks(const std::string &module);

// Forgets every record (machine teardown).
void module_leaks_reset();

} // namespace sim
