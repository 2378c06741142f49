// SPDX-License-Identifier: GPL-2.0-only
#include "kernel_compat/module_elf.h"

#include <cstring>
#include <elf.h>
#include <fstream>

namespace sim {

namespace {

class elf_file {
public:
	explicit elf_file(const std::filesystem::path &path) : in_(path, std::ios::binary)
	{
		Elf64_Ehdr eh{};
		if (!in_.read(reinterpret_cast<char *>(&eh), sizeof eh) || std::memcmp(eh.e_ident, ELFMAG, SELFMAG) ||
		    eh.e_ident[EI_CLASS] != ELFCLASS64)
			return;
		sections_.resize(eh.e_shnum);
		in_.seekg(static_cast<std::streamoff>(eh.e_shoff));
		in_.read(reinterpret_cast<char *>(sections_.data()),
			 static_cast<std::streamsize>(sections_.size() * sizeof(Elf64_Shdr)));
		if (!in_ || eh.e_shstrndx >= sections_.size()) {
			sections_.clear();
			return;
		}
		names_ = bytes(sections_[eh.e_shstrndx]);
	}

	const Elf64_Shdr *find(const char *name) const
	{
		for (const auto &s : sections_)
			if (s.sh_name < names_.size() && std::strcmp(names_.c_str() + s.sh_name, name) == 0)
				return &s;
		return nullptr;
	}

	std::string bytes(const Elf64_Shdr &s)
	{
		std::string data(s.sh_size, '\0');
		in_.seekg(static_cast<std::streamoff>(s.sh_offset));
		in_.read(data.data(), static_cast<std::streamsize>(s.sh_size));
		return in_ ? data : std::string{};
	}

	const Elf64_Shdr &at(std::size_t i) const { return sections_.at(i); }

private:
	std::ifstream in_;
	std::vector<Elf64_Shdr> sections_;
	std::string names_;
};

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

std::vector<module_symbol> parse_functions(elf_file &elf, const Elf64_Shdr &symtab)
{
	std::vector<module_symbol> out;
	if (symtab.sh_link == 0)
		return out;
	std::string syms = elf.bytes(symtab);
	std::string strs = elf.bytes(elf.at(symtab.sh_link));
	for (std::size_t off = 0; off + sizeof(Elf64_Sym) <= syms.size(); off += sizeof(Elf64_Sym)) {
		Elf64_Sym sym;
		std::memcpy(&sym, syms.data() + off, sizeof sym);
		if (ELF64_ST_TYPE(sym.st_info) == STT_FUNC && sym.st_value && sym.st_name < strs.size())
			out.push_back({strs.c_str() + sym.st_name, sym.st_value, sym.st_size});
	}
	return out;
}

} // namespace

module_elf read_module_elf(const std::filesystem::path &object)
{
	module_elf result;
	elf_file elf(object);
	if (const Elf64_Shdr *s = elf.find(".modinfo"))
		result.modinfo = parse_modinfo(elf.bytes(*s));
	if (const Elf64_Shdr *s = elf.find(".symtab"))
		result.functions = parse_functions(elf, *s);
	return result;
}

} // namespace sim
