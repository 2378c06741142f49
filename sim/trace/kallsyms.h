// SPDX-License-Identifier: GPL-2.0-only
// Code addresses to names, as kallsyms gives them to the kernel's reports:
// "cache_alloc_refill+0x1a2/0x5f0", or "leaky_init+0x1e/0x40 [leaky]" in a module.
//
// The simulator's own functions are found through the dynamic symbol table (the binaries
// export them); a module's, static ones included, through the symbol table of its object,
// which the module loader registers here.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sim {

struct module_symbol {
	std::string name;
	std::uintptr_t offset; // from the module's load base
	std::uintptr_t size;
};

// Empty when nothing is known about the address.
std::string sprint_symbol(const void *addr);

void kallsyms_add_module(const std::string &module, std::uintptr_t base, std::vector<module_symbol> symbols);
void kallsyms_remove_module(const std::string &module);

} // namespace sim
