// SPDX-License-Identifier: GPL-2.0-only
#include "sim/trace/kallsyms.h"

#include <algorithm>
#include <cxxabi.h>
#include <dlfcn.h>
#include <fmt/format.h>
#include <link.h>
#include <memory>

namespace sim {

namespace {

struct module_table {
	std::string module;
	std::uintptr_t base;
	std::vector<module_symbol> symbols; // sorted by offset
};
std::vector<module_table> modules;

std::string demangle(const char *name)
{
	int status = 0;
	std::unique_ptr<char, void (*)(void *)> d(abi::__cxa_demangle(name, nullptr, nullptr, &status), std::free);
	return status == 0 ? d.get() : name;
}

std::string module_symbol_name(std::uintptr_t a)
{
	for (const auto &t : modules) {
		if (a < t.base)
			continue;
		std::uintptr_t off = a - t.base;
		auto it = std::upper_bound(t.symbols.begin(), t.symbols.end(), off,
					   [](std::uintptr_t o, const module_symbol &s) { return o < s.offset; });
		if (it == t.symbols.begin())
			continue;
		--it;
		if (off < it->offset + it->size)
			return fmt::format("{}+{:#x}/{:#x} [{}]", it->name, off - it->offset, it->size, t.module);
	}
	return {};
}

} // namespace

std::string sprint_symbol(const void *addr)
{
	if (std::string m = module_symbol_name(reinterpret_cast<std::uintptr_t>(addr)); !m.empty())
		return m;
	Dl_info info{};
	ElfW(Sym) *sym = nullptr;
	if (!dladdr1(addr, &info, reinterpret_cast<void **>(&sym), RTLD_DL_SYMENT) || !info.dli_sname)
		return {};
	auto off = static_cast<const char *>(addr) - static_cast<const char *>(info.dli_saddr);
	return fmt::format("{}+{:#x}/{:#x}", demangle(info.dli_sname), off, sym ? sym->st_size : 0);
}

void kallsyms_add_module(const std::string &module, std::uintptr_t base, std::vector<module_symbol> symbols)
{
	// module_init()/module_exit() make init_module/cleanup_module aliases of the module's
	// own functions; the lookup takes the last symbol at an offset, so the alias goes first
	// and frames carry the name the author wrote.
	auto alias = [](const module_symbol &s) { return s.name == "init_module" || s.name == "cleanup_module"; };
	std::sort(symbols.begin(), symbols.end(), [&](const module_symbol &a, const module_symbol &b) {
		return a.offset != b.offset ? a.offset < b.offset : alias(a) > alias(b);
	});
	kallsyms_remove_module(module);
	modules.push_back({module, base, std::move(symbols)});
}

void kallsyms_remove_module(const std::string &module)
{
	std::erase_if(modules, [&](const module_table &t) { return t.module == module; });
}

} // namespace sim
