// SPDX-License-Identifier: GPL-2.0-only
// The simulator's side of the taint flags (add_taint, print_tainted: linux/kernel.h).
#pragma once

#include <string>

namespace sim {
void taint_reset(); // at boot: a fresh machine is untainted
// A module's own flags as module_flags() prints them in "Modules linked in: mymod(PO)".
std::string module_taint_letters(unsigned long flags);
} // namespace sim
