// SPDX-License-Identifier: GPL-2.0-only
#include "kernel_compat/module_memory.h"

#include "sim/trace/trace.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <dlfcn.h>
#include <link.h>
#include <stdexcept>
#include <sys/mman.h>
#include <unistd.h>

namespace sim {

namespace {

// The kernel's MODULES_VADDR area; the first addresses there are what %px gives pointers it
// knows nothing about (sim/trace/trace.cpp), so modules start a little above.
constexpr std::uint64_t modules_vaddr = 0xffffffffc1000000ULL;
constexpr std::uint64_t module_align = 0x100000; // each module at a fresh megabyte
std::uint64_t next_kernel_base = modules_vaddr;

int segment_prot(ElfW(Word) flags)
{
	return (flags & PF_R ? PROT_READ : 0) | (flags & PF_W ? PROT_WRITE : 0) | (flags & PF_X ? PROT_EXEC : 0);
}

struct phdr_search {
	std::uintptr_t load_addr;
	module_mapping *out;
	bool found = false;
};

int collect_segments(dl_phdr_info *info, std::size_t, void *data)
{
	auto *s = static_cast<phdr_search *>(data);
	if (info->dlpi_addr != s->load_addr)
		return 0;
	const auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
	module_mapping &m = *s->out;
	m.base = UINTPTR_MAX;
	for (int i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) &ph = info->dlpi_phdr[i];
		if (ph.p_type != PT_LOAD)
			continue;
		std::uintptr_t lo = (info->dlpi_addr + ph.p_vaddr) & ~(page - 1);
		std::uintptr_t hi = (info->dlpi_addr + ph.p_vaddr + ph.p_memsz + page - 1) & ~(page - 1);
		m.base = std::min(m.base, lo);
		m.end = std::max(m.end, hi);
		if (ph.p_flags & PF_X)
			m.code.push_back({lo, hi - lo, segment_prot(ph.p_flags)});
	}
	s->found = true;
	return 1;
}

void protect(const module_segment &seg, int prot)
{
	if (mprotect(reinterpret_cast<void *>(seg.start), seg.size, prot) != 0)
		throw std::runtime_error(std::string("mprotect of a module's code failed: ") + std::strerror(errno));
}

} // namespace

module_mapping map_module_memory(void *handle)
{
	module_mapping m;
	link_map *map = nullptr;
	if (dlinfo(handle, RTLD_DI_LINKMAP, &map) != 0 || !map)
		return m;
	phdr_search search{map->l_addr, &m};
	dl_iterate_phdr(collect_segments, &search);
	if (!search.found || m.end <= m.base)
		return {};
	m.kernel_base = next_kernel_base;
	next_kernel_base += (m.end - m.base + module_align - 1) / module_align * module_align;
	trace_register_region(reinterpret_cast<const void *>(m.base), m.end - m.base, m.kernel_base);
	return m;
}

void free_module_text(module_mapping &m)
{
	if (m.text_freed)
		return;
	for (const module_segment &seg : m.code)
		protect(seg, PROT_NONE);
	m.text_freed = true;
}

void restore_module_text(module_mapping &m)
{
	if (!m.text_freed)
		return;
	for (const module_segment &seg : m.code)
		protect(seg, seg.prot);
	m.text_freed = false;
}

void unmap_module_memory(const module_mapping &m)
{
	if (m.end > m.base)
		trace_unregister_region(reinterpret_cast<const void *>(m.base));
}

bool in_module_text(const module_mapping &m, std::uintptr_t addr)
{
	return std::any_of(m.code.begin(), m.code.end(),
			   [&](const module_segment &s) { return addr - s.start < s.size; });
}

void module_addresses_reset() { next_kernel_base = modules_vaddr; }

} // namespace sim
