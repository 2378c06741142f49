// SPDX-License-Identifier: GPL-2.0-only
#include "sim/trace/elf.h"

#include <cstring>

namespace sim {

elf_file::elf_file(const std::filesystem::path &path) : in_(path, std::ios::binary)
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

const Elf64_Shdr *elf_file::find(const char *name) const
{
	for (const auto &s : sections_)
		if (s.sh_name < names_.size() && std::strcmp(names_.c_str() + s.sh_name, name) == 0)
			return &s;
	return nullptr;
}

std::string elf_file::bytes(const Elf64_Shdr &s)
{
	std::string data(s.sh_size, '\0');
	in_.seekg(static_cast<std::streamoff>(s.sh_offset));
	in_.read(data.data(), static_cast<std::streamsize>(s.sh_size));
	return in_ ? data : std::string{};
}

std::vector<module_symbol> elf_file::functions()
{
	std::vector<module_symbol> out;
	const Elf64_Shdr *symtab = find(".symtab");
	if (!symtab || symtab->sh_link == 0 || symtab->sh_link >= sections_.size())
		return out;
	std::string syms = bytes(*symtab);
	std::string strs = bytes(sections_[symtab->sh_link]);
	for (std::size_t off = 0; off + sizeof(Elf64_Sym) <= syms.size(); off += sizeof(Elf64_Sym)) {
		Elf64_Sym sym;
		std::memcpy(&sym, syms.data() + off, sizeof sym);
		if (ELF64_ST_TYPE(sym.st_info) == STT_FUNC && sym.st_value && sym.st_name < strs.size())
			out.push_back({strs.c_str() + sym.st_name, sym.st_value, sym.st_size});
	}
	return out;
}

} // namespace sim
