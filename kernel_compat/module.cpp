// SPDX-License-Identifier: GPL-2.0-only
#include "kernel_compat/module.h"
#include "kernel_compat/module_leaks.h"

#include "linux/errno.h"
#include "linux/kernel.h"
#include "linux/printk.h"

#include "kernel_compat/module_elf.h"
#include "sim/trace/taint.h"

#include <algorithm>
#include <dlfcn.h>
#include <fmt/format.h>
#include <link.h>
#include <unistd.h>

namespace sim {

namespace {

std::map<std::string, module> modules; // by name: the kernel's module list, ordered
std::uint64_t loads = 0;
std::string last_unloaded;

// license_is_gpl_compatible() of include/linux/license.h.
bool license_is_gpl_compatible(const std::string &l)
{
	return l == "GPL" || l == "GPL v2" || l == "GPL and additional rights" ||
	       l == "Dual BSD/GPL" || l == "Dual MIT/GPL" || l == "Dual MPL/GPL";
}

void add_taint_module(module &mod, unsigned flag, enum lockdep_ok lockdep_ok)
{
	add_taint(flag, lockdep_ok);
	mod.taints |= 1UL << flag;
}

void set_license(module &mod)
{
	auto it = mod.modinfo.find("license");
	std::string license = it == mod.modinfo.end() ? "unspecified" : it->second;
	if (license_is_gpl_compatible(license))
		return;
	if (!test_taint(TAINT_PROPRIETARY_MODULE)) {
		printk(KERN_WARNING "%s: module license '%s' taints kernel.\n", mod.name.c_str(), license.c_str());
		printk(KERN_WARNING "Disabling lock debugging due to kernel taint\n");
	}
	add_taint_module(mod, TAINT_PROPRIETARY_MODULE, LOCKDEP_NOW_UNRELIABLE);
}

// check_modinfo()'s taints, in its order. Every module is taken as built by kbuild for this
// kernel: its vermagic matches and it was compiled with retpolines. The simulated kernel has
// no CONFIG_MODULE_SIG (as x86_64_defconfig), so an unsigned module is not tainted E. A module
// outside the kernel's tree has no "intree" tag (modpost adds MODULE_INFO(intree, "Y") only
// in-tree), so it taints O.
void check_modinfo(module &mod)
{
	if (!mod.modinfo.count("intree")) {
		if (!test_taint(TAINT_OOT_MODULE))
			printk(KERN_WARNING "%s: loading out-of-tree module taints kernel.\n", mod.name.c_str());
		add_taint_module(mod, TAINT_OOT_MODULE, LOCKDEP_STILL_OK);
	}
	if (mod.modinfo.count("staging")) {
		add_taint_module(mod, TAINT_CRAP, LOCKDEP_STILL_OK);
		printk(KERN_WARNING "%s: module is from the staging directory, the quality is unknown, you have been warned.\n",
		       mod.name.c_str());
	}
	set_license(mod);
}

// The kernel names the symbol a module needs that nothing exports (simplify_symbols()).
void report_load_failure(const std::string &name, const std::string &error)
{
	static const std::string undefined = "undefined symbol: ";
	if (auto at = error.find(undefined); at != std::string::npos)
		printk(KERN_WARNING "%s: Unknown symbol %s (err %d)\n", name.c_str(),
		       error.substr(at + undefined.size()).c_str(), -ENOENT);
	else
		printk(KERN_WARNING "%s: cannot load module: %s\n", name.c_str(), error.c_str());
}

std::vector<unloaded_module> retired; // in unload order

// A process that ends without tearing a machine down (a test that loads modules without
// one) still runs every object's finalizers, in their code: make it accessible first.
struct restore_text_at_exit {
	~restore_text_at_exit()
	{
		for (auto &r : retired)
			restore_module_text(r.memory);
	}
} restore_at_exit;

// free_module(): the module leaves the list and kallsyms, and its code is freed. The mapping
// stays reserved until teardown (module_memory.h).
void unload(module &mod)
{
	destroy_params(mod.params);
	kallsyms_remove_module(mod.name);
	free_module_text(mod.memory);
	retired.push_back({mod.name, mod.handle, mod.loaded_from, mod.loaded_from != mod.object, mod.memory});
	modules.erase(mod.name);
}

// dlopen() of a path that is still mapped returns the old mapping, with the old module's
// data. A module loaded again after rmmod must start fresh, as in the kernel: load a copy.
std::filesystem::path fresh_path(const std::filesystem::path &object)
{
	bool mapped = std::any_of(retired.begin(), retired.end(),
				  [&](const unloaded_module &r) { return !r.private_copy && r.object == object; });
	if (!mapped)
		return object;
	auto copy = object;
	copy += fmt::format(".reload{}-{}", getpid(), retired.size());
	std::filesystem::copy_file(object, copy, std::filesystem::copy_options::overwrite_existing);
	return copy;
}

} // namespace

int load_module(const std::string &name, const std::filesystem::path &object, const std::string &args)
{
	if (modules.count(name))
		return -EEXIST;
	module_elf elf = read_module_elf(object);
	module mod;
	mod.name = name;
	mod.load_seq = ++loads;
	mod.object = object;
	mod.loaded_from = fresh_path(object);
	mod.modinfo = std::move(elf.modinfo);
	check_modinfo(mod);
	mod.handle = dlopen(mod.loaded_from.c_str(), RTLD_NOW | RTLD_LOCAL);
	if (!mod.handle) {
		report_load_failure(name, dlerror());
		if (mod.loaded_from != object)
			std::filesystem::remove(mod.loaded_from);
		return -ENOENT;
	}
	mod.init = reinterpret_cast<int (*)(void)>(dlsym(mod.handle, "init_module"));
	mod.exit = reinterpret_cast<void (*)(void)>(dlsym(mod.handle, "cleanup_module"));
	mod.memory = map_module_memory(mod.handle);
	link_map *map = nullptr;
	if (dlinfo(mod.handle, RTLD_DI_LINKMAP, &map) == 0 && map) {
		kallsyms_add_module(name, map->l_addr, std::move(elf.functions));
		if (elf.params_size)
			mod.params = {reinterpret_cast<kernel_param *>(map->l_addr + elf.params_offset),
				      elf.params_size / sizeof(kernel_param)};
	}
	module &loaded = modules.emplace(name, std::move(mod)).first->second;
	// The module is ready to run: parsing its arguments may call its own parameter ops.
	if (int err = parse_module_args(name, args, loaded.params)) {
		unload(loaded);
		return err;
	}
	return 0;
}

int do_init_module(const std::string &name)
{
	auto it = modules.find(name);
	if (it == modules.end())
		return -ENOENT;
	int ret = it->second.init ? it->second.init() : 0;
	if (ret < 0) {
		unload(it->second);
		return ret;
	}
	it->second.state = module_state::live;
	if (ret > 0) {
		printk(KERN_WARNING "%s: '%s'->init suspiciously returned %d, it should follow 0/-E convention\n",
		       "do_init_module", name.c_str(), ret);
		printk(KERN_WARNING "%s: loading module anyway...\n", "do_init_module");
		dump_stack();
	}
	return 0;
}

int delete_module(const std::string &name)
{
	auto it = modules.find(name);
	if (it == modules.end())
		return -ENOENT;
	if (it->second.state != module_state::live)
		return -EBUSY;
	if (it->second.init && !it->second.exit)
		return -EBUSY;
	it->second.state = module_state::going;
	if (it->second.exit)
		it->second.exit();
	report_module_leaks(name);
	last_unloaded = name; // rmmod's alone: a module whose init failed is not "last unloaded"
	unload(it->second);
	return 0;
}

const module *find_module(const std::string &name)
{
	auto it = modules.find(name);
	return it == modules.end() ? nullptr : &it->second;
}

void print_modules()
{
	std::vector<const module *> by_age;
	for (const auto &[n, m] : modules)
		by_age.push_back(&m);
	std::sort(by_age.begin(), by_age.end(), [](auto *a, auto *b) { return a->load_seq > b->load_seq; });
	std::string line = "Modules linked in:";
	for (const module *m : by_age) {
		std::string flags = module_taint_letters(m->taints);
		if (m->state != module_state::live)
			flags += m->state == module_state::coming ? '+' : '-';
		line += " " + m->name + (flags.empty() ? "" : "(" + flags + ")");
	}
	if (!last_unloaded.empty())
		line += " [last unloaded: " + last_unloaded + "]";
	printk(KERN_DEFAULT "%s\n", line.c_str());
}

std::vector<std::string> loaded_modules()
{
	std::vector<std::string> names;
	for (const auto &[n, m] : modules)
		names.push_back(n);
	return names;
}

const std::vector<unloaded_module> &unloaded_modules() { return retired; }

void modules_shutdown()
{
	while (!modules.empty())
		unload(modules.begin()->second);
	for (auto &r : retired)
		restore_module_text(r.memory);
}

void modules_unmap()
{
	for (auto &r : retired) {
		unmap_module_memory(r.memory);
		dlclose(r.handle);
		if (r.private_copy)
			std::filesystem::remove(r.object);
	}
	retired.clear();
	last_unloaded.clear();
	module_addresses_reset();
	module_leaks_reset();
}

void unload_all_modules()
{
	modules_shutdown();
	modules_unmap();
}

} // namespace sim
