// SPDX-License-Identifier: GPL-2.0-only
// Reading a 64-bit ELF file's sections: what kallsyms needs from the simulator's own
// executable and the module loader from a module's object (its .symtab functions, static
// ones included, and .modinfo).
#pragma once

#include "sim/trace/kallsyms.h"

#include <elf.h>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace sim {

class elf_file {
public:
	// An unreadable or non-ELF64 file has no sections.
	explicit elf_file(const std::filesystem::path &path);

	const Elf64_Shdr *find(const char *name) const;
	std::string bytes(const Elf64_Shdr &s);

	// Every FUNC symbol of .symtab, with its address as the offset; none if stripped.
	std::vector<module_symbol> functions();

private:
	std::ifstream in_;
	std::vector<Elf64_Shdr> sections_;
	std::string names_;
};

} // namespace sim
