// SPDX-License-Identifier: GPL-2.0-only
// What the loader reads from a module's object file itself: the .modinfo records
// (MODULE_LICENSE() and friends), where its parameters are (__param), and the function
// symbols kallsyms names frames with.
#pragma once

#include "sim/trace/kallsyms.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace sim {

struct module_elf {
	std::multimap<std::string, std::string> modinfo; // "tag=value" records
	std::vector<module_symbol> functions;            // every FUNC in .symtab, static ones too
	std::uint64_t params_offset = 0;                 // the __param section (module_param()s):
	std::uint64_t params_size = 0;                   // its address in the object, and bytes
};

// Reads a 64-bit ELF object; an unreadable file gives empty results.
module_elf read_module_elf(const std::filesystem::path &object);

} // namespace sim
