// SPDX-License-Identifier: GPL-2.0-only
#include "sim/trace/kallsyms.h"
#include "sim/trace/elf.h"

#include <algorithm>
#include <cxxabi.h>
#include <dlfcn.h>
#include <fmt/format.h>
#include <link.h>
#include <memory>
#include <optional>
#include <string_view>

namespace sim {

std::vector<script_site> kallsyms_script_sites;

namespace {

struct module_table {
	std::string module;
	std::uintptr_t base;
	std::vector<module_symbol> symbols; // sorted by offset
};
std::vector<module_table> modules;

script_site_fn script_site_hook;

std::string script_site_name(std::uintptr_t a)
{
	if (a < kallsyms_script_site_base || a - kallsyms_script_site_base >= kallsyms_script_sites.size())
		return {};
	const auto &site = kallsyms_script_sites[a - kallsyms_script_site_base];
	return fmt::format("{}:{}", site.file, site.line);
}

// Where the bracketed group that ends at s[end - 1] opens, or npos.
std::size_t group_start(const std::string &s, std::size_t end, char open, char close)
{
	int depth = 0;
	for (std::size_t i = end; i-- > 0;) {
		if (s[i] == close)
			depth++;
		else if (s[i] == open && --depth == 0)
			return i;
	}
	return std::string::npos;
}

// A function's name as the kernel prints it, bare: "sim::process_timeout(timer_list*)" and
// "void slab_trace_record<...>(...)" become process_timeout and slab_trace_record. Names
// this cannot take apart (lambdas, operators) stay demangled in full.
std::string kernel_name(std::string d)
{
	if (d.find("{lambda") != std::string::npos || d.find("operator") != std::string::npos)
		return d;
	for (std::string_view q : {" const", " &", " &&"})
		if (d.ends_with(q))
			d.erase(d.size() - q.size());
	std::size_t end = d.size();
	if (end && d[end - 1] == ')')
		end = group_start(d, end, '(', ')');
	if (end != std::string::npos && end && d[end - 1] == '>')
		end = group_start(d, end, '<', '>');
	if (end == std::string::npos || end == 0)
		return d;
	std::size_t begin = d.find_last_of(": ", end - 1);
	begin = begin == std::string::npos ? 0 : begin + 1;
	return begin < end ? d.substr(begin, end - begin) : d;
}

std::string demangle(const char *name)
{
	int status = 0;
	std::unique_ptr<char, void (*)(void *)> d(abi::__cxa_demangle(name, nullptr, nullptr, &status), std::free);
	return status == 0 ? kernel_name(d.get()) : name;
}

// The symbol containing an address, as kallsyms_lookup() finds it.
struct ksym {
	std::string name;
	std::uintptr_t offset, size;
	std::string module; // empty for the simulator's own code
	bool kernel_level;  // belongs in a call trace (kernel_text_frame)
};

// The rule of kernel_text_frame() for the simulator's own symbols, on the mangled name: C
// linkage (no _Z prefix) or a function of the global namespace (_Z, an optional L for
// internal linkage, then the name's length); everything in a namespace (_ZN), local to
// another function (_ZZ: lambdas), or an operator is plumbing. main, the ELF entry, the
// fiber entry and Catch2's test functions are the host's "entry code".
bool kernel_level_name(std::string_view m)
{
	if (m == "main" || m == "_start" || m.starts_with("sim_fiber_"))
		return false;
	if (!m.starts_with("_Z"))
		return true;
	m.remove_prefix(m.starts_with("_ZL") ? 3 : 2);
	if (m.empty() || m[0] < '1' || m[0] > '9')
		return false;
	std::size_t digits = m.find_first_not_of("0123456789");
	return digits == std::string_view::npos || !m.substr(digits).starts_with("____C_A_T_C_H");
}

std::optional<ksym> table_lookup(const module_table &t, std::uintptr_t a)
{
	if (a < t.base)
		return std::nullopt;
	std::uintptr_t off = a - t.base;
	auto it = std::upper_bound(t.symbols.begin(), t.symbols.end(), off,
				   [](std::uintptr_t o, const module_symbol &s) { return o < s.offset; });
	if (it == t.symbols.begin())
		return std::nullopt;
	--it;
	if (off >= it->offset + it->size)
		return std::nullopt;
	return ksym{demangle(it->name.c_str()), off - it->offset, it->size, t.module,
		    !t.module.empty() || kernel_level_name(it->name)};
}

// The simulator's own functions, static ones too, from its executable's .symtab: the
// dynamic symbol table dladdr reads has only the exported ones, so a static function (most
// of them, in a debug build) would have no name or the name of an exported neighbour.
// Read once, at the first lookup; a stripped executable leaves only dladdr.
const module_table &core_table()
{
	static const module_table core = [] {
		module_table t{{}, 0, elf_file("/proc/self/exe").functions()};
		dl_iterate_phdr(
			[](struct dl_phdr_info *info, size_t, void *base) {
				*static_cast<std::uintptr_t *>(base) = info->dlpi_addr; // the main program comes first
				return 1;
			},
			&t.base);
		std::sort(t.symbols.begin(), t.symbols.end(),
			  [](const module_symbol &a, const module_symbol &b) { return a.offset < b.offset; });
		return t;
	}();
	return core;
}

std::optional<ksym> kallsyms_lookup(const void *addr)
{
	auto a = reinterpret_cast<std::uintptr_t>(addr);
	for (const auto &t : modules)
		if (auto k = table_lookup(t, a))
			return k;
	if (auto k = table_lookup(core_table(), a))
		return k;
	Dl_info info{};
	ElfW(Sym) *sym = nullptr;
	if (!dladdr1(addr, &info, reinterpret_cast<void **>(&sym), RTLD_DL_SYMENT) || !info.dli_sname)
		return std::nullopt;
	auto off = static_cast<std::uintptr_t>(static_cast<const char *>(addr) - static_cast<const char *>(info.dli_saddr));
	return ksym{demangle(info.dli_sname), off, sym ? sym->st_size : 0, {}, false};
}

std::string format_ksym(const ksym &k, bool offset, std::uintptr_t off)
{
	std::string out = offset ? fmt::format("{}+{:#x}/{:#x}", k.name, off, k.size) : k.name;
	return k.module.empty() ? out : out + " [" + k.module + "]";
}

// %pS with `offset`, %ps without: a script site as its line, else "name[+off/size] [module]".
std::string sprint(const void *addr, bool offset)
{
	if (std::string site = script_site_name(reinterpret_cast<std::uintptr_t>(addr)); !site.empty())
		return site;
	auto k = kallsyms_lookup(addr);
	return k ? format_ksym(*k, offset, k->offset) : std::string();
}

} // namespace

std::string sprint_symbol(const void *addr) { return sprint(addr, true); }
std::string sprint_symbol_no_offset(const void *addr) { return sprint(addr, false); }

std::string sprint_backtrace(const void *addr)
{
	auto k = kallsyms_lookup(static_cast<const char *>(addr) - 1);
	return k ? format_ksym(*k, true, k->offset + 1) : sprint_symbol(addr);
}

bool kernel_text_frame(const void *addr)
{
	auto k = kallsyms_lookup(static_cast<const char *>(addr) - 1);
	return k && k->kernel_level;
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

void set_script_site_hook(script_site_fn fn) { script_site_hook = fn; }

unsigned long effective_caller(unsigned long ret_ip)
{
	const char *file;
	unsigned line;
	if (!script_site_hook || !script_site_hook(&file, &line))
		return ret_ip;
	auto it = std::find_if(kallsyms_script_sites.begin(), kallsyms_script_sites.end(),
			       [&](const script_site &s) { return s.line == line && s.file == file; });
	if (it == kallsyms_script_sites.end())
		it = kallsyms_script_sites.insert(it, {file, line});
	return kallsyms_script_site_base + static_cast<unsigned long>(it - kallsyms_script_sites.begin());
}

} // namespace sim
