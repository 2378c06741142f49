// SPDX-License-Identifier: GPL-2.0-only
// Code addresses to names, as kallsyms gives them to the kernel's reports:
// "cache_alloc_refill+0x1a2/0x5f0", or "leaky_init+0x1e/0x40 [leaky]" in a module.
//
// The simulator's own functions, static ones included, are found through its executable's
// symbol table (the dynamic one for shared libraries); a module's through the symbol table
// of its object, which the module loader registers here.
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

// "name+0xoff/0xsize [module]" (%pS), and without the offset (%ps); empty when nothing is
// known about the address.
std::string sprint_symbol(const void *addr);
std::string sprint_symbol_no_offset(const void *addr);
// %pB: a return address, named by the call before it (addr - 1), so that a call at the very
// end of a function (to a noreturn one) still names the caller.
std::string sprint_backtrace(const void *addr);

// Whether the return address `addr` belongs in a call trace (docs/tracing.md, "Call traces"): a module's
// function, or the simulator's C-linkage or global-namespace functions (the kernel's own
// names); not the simulator's C++ plumbing (namespaces, lambdas, std::function), the C++
// runtime, Catch2, main or the fiber entry, as the kernel leaves out its entry code.
bool kernel_text_frame(const void *addr);

void kallsyms_add_module(const std::string &module, std::uintptr_t base, std::vector<module_symbol> symbols);
void kallsyms_remove_module(const std::string &module);

// Script callers. When an interpreter (the scenario runner) allocates on behalf of a script
// line, the C caller is the interpreter itself, the same for every line. The interpreter
// names the line it is executing for the current task through this hook; recorded callers
// (SLAB_STORE_USER, call_site= in traces) then print as "default.scn:23".
using script_site_fn = bool (*)(const char **file, unsigned *line);
void set_script_site_hook(script_site_fn fn);

// Script sites get addresses in the top 16 MiB of the address space, which no host code can
// have: address kallsyms_script_site_base + i stands for entry i of the sites named so far,
// in the order first asked for, so names are stable (the gdb helpers read this vector to
// name the callers SLAB_STORE_USER recorded).
inline constexpr unsigned long kallsyms_script_site_base = ~0ul << 24;
struct script_site {
	std::string file;
	unsigned line;
};
extern std::vector<script_site> kallsyms_script_sites;

// The caller to record for an allocation whose return address is `ret_ip`: the script line
// the current task executes, as an address only sprint_symbol() understands, or `ret_ip`.
unsigned long effective_caller(unsigned long ret_ip);

} // namespace sim
