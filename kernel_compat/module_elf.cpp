// SPDX-License-Identifier: GPL-2.0-only
#include "kernel_compat/module_elf.h"
#include "sim/trace/elf.h"

namespace sim {

namespace {

std::multimap<std::string, std::string> parse_modinfo(const std::string &data)
{
	std::multimap<std::string, std::string> info;
	for (std::size_t pos = 0; pos < data.size();) {
		std::string rec = data.c_str() + pos;
		pos += rec.size() + 1;
		if (auto eq = rec.find('='); eq != std::string::npos)
			info.emplace(rec.substr(0, eq), rec.substr(eq + 1));
	}
	return info;
}

} // namespace

module_elf read_module_elf(const std::filesystem::path &object)
{
	module_elf result;
	elf_file elf(object);
	if (const Elf64_Shdr *s = elf.find(".modinfo"))
		result.modinfo = parse_modinfo(elf.bytes(*s));
	if (const Elf64_Shdr *s = elf.find("__param")) {
		result.params_offset = s->sh_addr;
		result.params_size = s->sh_size;
	}
	result.functions = elf.functions();
	return result;
}

} // namespace sim
