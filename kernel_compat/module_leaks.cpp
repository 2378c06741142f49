// SPDX-License-Identifier: GPL-2.0-only
#include "kernel_compat/module_leaks.h"

#include "kernel_compat/module.h"
#include "linux/jiffies.h"
#include "linux/printk.h"
#include "linux/sched.h"
#include "linux/sched/clock.h"
#include "sim/trace/kallsyms.h"
#include "sim/trace/report.h"
#include "sim/trace/trace.h"

#include <algorithm>
#include <dlfcn.h>
#include <execinfo.h>
#include <fmt/format.h>
#include <map>
#include <vector>

namespace sim {

namespace {

struct leak_record {
	std::string module;
	std::size_t size;
	std::string what; // "kmem_cache", "mempool"
	std::string comm;
	pid_t pid;
	unsigned long jiffies;
	std::uint64_t ns;
	std::vector<void *> frames;
};

// Keyed by address; reported in creation order.
std::map<const void *, leak_record> records;
unsigned long serial;
std::map<unsigned long, const void *> by_serial;

// The loaded module whose code is on this call stack, if any.
const module *calling_module(std::vector<void *> &frames)
{
	frames.resize(32);
	frames.resize(static_cast<std::size_t>(backtrace(frames.data(), static_cast<int>(frames.size()))));
	for (void *f : frames) {
		Dl_info info{};
		if (!dladdr(f, &info) || !info.dli_fname)
			continue;
		for (const auto &name : loaded_modules())
			if (const module *m = find_module(name); m && m->loaded_from == info.dli_fname)
				return m;
	}
	return nullptr;
}

// mm/kmemleak.c's print_unreferenced(), as /sys/kernel/debug/kmemleak shows it, but for the
// hex dump: the objects reported hold host pointers, which differ from run to run.
void print_unreferenced(const void *obj, const leak_record &r)
{
	std::uint64_t age_ms = (local_clock() - r.ns) / 1000000;
	printk(KERN_ERR "unreferenced object 0x%08llx (size %zu):\n",
	       static_cast<unsigned long long>(kernel_address(obj)), r.size);
	printk(KERN_ERR "  comm \"%s\", pid %d, jiffies %lu (age %llu.%03llus)\n", r.comm.c_str(), r.pid, r.jiffies,
	       static_cast<unsigned long long>(age_ms / 1000), static_cast<unsigned long long>(age_ms % 1000));
	printk(KERN_ERR "  backtrace:\n");
	// Frames as kallsyms names them; the raw addresses kmemleak also prints are left out,
	// so the report reads the same on every run.
	// The trace ends with the module's own frames: what called them is the loader.
	const std::string in_module = "[" + r.module + "]";
	bool seen_module = false;
	for (void *f : r.frames) {
		std::string sym = sprint_symbol(f);
		if (seen_module && !sym.ends_with(in_module))
			break;
		seen_module = seen_module || sym.ends_with(in_module);
		printk(KERN_ERR "    %s\n", sym.empty() ? "?" : sym.c_str());
	}
}

} // namespace

void module_track_object(const void *obj, std::size_t size, const char *what)
{
	if (!obj || loaded_modules().empty())
		return;
	std::vector<void *> frames;
	const module *m = calling_module(frames);
	if (!m)
		return;
	// Start at the allocator's public entry, as kmemleak does: drop the frames of this
	// tracking and of the allocator's registration of the object.
	frames.erase(frames.begin(), frames.begin() + std::min<std::size_t>(frames.size(), 3));
	records[obj] = {m->name, size, what, current->comm, current->pid, jiffies, local_clock(), std::move(frames)};
	by_serial[++serial] = obj;
}

void module_untrack_object(const void *obj)
{
	records.erase(obj);
}

unsigned report_module_leaks(const std::string &module)
{
	std::vector<const void *> leaked;
	for (const auto &[n, obj] : by_serial)
		if (auto it = records.find(obj); it != records.end() && it->second.module == module)
			leaked.push_back(obj);
	if (leaked.empty())
		return 0;
	std::string headline =
		fmt::format("kmemleak: {} new suspected memory leaks (see /sys/kernel/debug/kmemleak)", leaked.size());
	report_note(report_kind::leak, headline);
	printk(KERN_ERR "%s\n", headline.c_str());
	for (const void *obj : leaked) {
		print_unreferenced(obj, records[obj]);
		records.erase(obj);
	}
	return static_cast<unsigned>(leaked.size());
}

void module_leaks_reset()
{
	records.clear();
	by_serial.clear();
}

} // namespace sim
