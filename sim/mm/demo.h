// SPDX-License-Identifier: GPL-2.0-only
// `slabsim run` before the scenario runner exists: a short tour of the buddy allocator on
// the booted machine, told through /proc/buddyinfo.
#pragma once

#include <string>

namespace sim {

std::string page_alloc_demo();

} // namespace sim
