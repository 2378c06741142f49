// SPDX-License-Identifier: GPL-2.0-only
// The module list and flags of an external module's directory, as scripts/Makefile.build and
// scripts/Makefile.lib of v5.4 derive them from its Kbuild file.
#include "kernel_compat/kbuild.h"
#include "kernel_compat/module_build.h"

#include <algorithm>
#include <fmt/format.h>

namespace fs = std::filesystem;

namespace sim {

namespace {

using make::words;

// kbuild-file: the directory's Kbuild if it has one, else its Makefile.
fs::path kbuild_file(const fs::path &dir)
{
	for (const char *name : {"Kbuild", "Makefile"})
		if (fs::is_regular_file(dir / name))
			return dir / name;
	throw make::error(fmt::format("{}: error: no Kbuild or Makefile in this directory", dir.string()));
}

// What kbuild's pass over the file sees: KERNELRELEASE is set (so the `ifneq
// ($(KERNELRELEASE),)` branch is taken), src and obj name the module's directory, make
// runs in the kernel tree. PWD is the shell's: the directory `make` was typed in, the module's.
void kbuild_variables(make::state &st, const fs::path &dir)
{
	const std::string d = dir.string(), k = kbuild_kernel_dir().string();
	const std::pair<const char *, std::string> vars[] = {
		{"KERNELRELEASE", "5.4.0-slabsim"}, {"VERSION", "5"}, {"PATCHLEVEL", "4"}, {"SUBLEVEL", "0"},
		{"EXTRAVERSION", "-slabsim"}, {"ARCH", "x86"}, {"SRCARCH", "x86"}, {"MAKE", "make"},
		{"src", d}, {"obj", d}, {"M", d}, {"KBUILD_EXTMOD", d}, {"PWD", d},
		{"srctree", k}, {"objtree", k}, {"CURDIR", k}};
	for (const auto &[name, value] : vars)
		st.vars[name] = {value, false};
	st.cwd = k;
}

// Relative -I paths name directories of the kernel tree, where make runs.
std::vector<std::string> resolve_includes(const std::vector<std::string> &flags)
{
	std::vector<std::string> out;
	for (std::size_t i = 0; i < flags.size(); i++) {
		std::string f = flags[i];
		if (f == "-I" && i + 1 < flags.size())
			f += flags[++i];
		if (f.starts_with("-I") && !fs::path(f.substr(2)).is_absolute())
			f = "-I" + (kbuild_kernel_dir() / f.substr(2)).lexically_normal().string();
		out.push_back(f);
	}
	return out;
}

// _c_flags of scripts/Makefile.lib: the directory's flags, then the object's own, without
// those CFLAGS_REMOVE_ names. EXTRA_CFLAGS and EXTRA_CPPFLAGS are v5.4's backward-compatible
// spellings of ccflags-y and cppflags-y.
std::vector<std::string> object_flags(make::state &st, const std::string &object)
{
	std::vector<std::string> flags;
	for (const char *v : {"subdir-ccflags-y", "ccflags-y", "EXTRA_CFLAGS", "cppflags-y", "EXTRA_CPPFLAGS"})
		for (auto &w : words(st.value(v)))
			flags.push_back(w);
	for (auto &w : words(st.value("CFLAGS_" + object)))
		flags.push_back(w);
	auto removed = words(st.value("CFLAGS_REMOVE_" + object));
	std::erase_if(flags, [&](const std::string &f) { return std::count(removed.begin(), removed.end(), f) > 0; });
	return resolve_includes(flags);
}

kbuild_module read_module(make::state &st, const fs::path &dir, const fs::path &file, const std::string &obj)
{
	if (obj.ends_with('/'))
		throw make::error(fmt::format("{}: error: obj-m lists the directory '{}': slabsim builds the modules "
					      "of one directory, not of its subdirectories", file.string(), obj));
	if (!obj.ends_with(".o"))
		throw make::error(fmt::format("{}: error: obj-m lists '{}', not an object file (NAME.o)", file.string(), obj));
	std::string stem = obj.substr(0, obj.size() - 2);
	std::string base = fs::path(stem).filename().string();
	kbuild_module m{kbuild_modname(base), base + ".ko", file, {}};
	auto parts = words(st.value(stem + "-objs") + " " + st.value(stem + "-y") + " " + st.value(stem + "-m"));
	if (parts.empty())
		parts = {obj};
	for (const auto &part : parts) {
		if (!part.ends_with(".o"))
			throw make::error(fmt::format("{}: error: {} lists '{}', not an object file (NAME.o)", file.string(),
						      m.ko, part));
		fs::path src = dir / (part.substr(0, part.size() - 2) + ".c");
		if (fs::path s = fs::path(src).replace_extension(".S"); !fs::exists(src) && fs::exists(s))
			src = s;
		m.objects.push_back({src, object_flags(st, part)});
	}
	return m;
}

// What make says when it cannot build a module: a source is missing.
void check_sources(const kbuild_module &m)
{
	for (const auto &o : m.objects)
		if (!fs::is_regular_file(o.source))
			throw make::error(fmt::format("{}: error: no rule to make target '{}', needed by '{}' (no {} in {})",
						      m.makefile.string(), o.source.stem().string() + ".o", m.ko,
						      o.source.filename().string(), o.source.parent_path().string()));
}

} // namespace

std::string kbuild_modname(std::string stem)
{
	std::replace(stem.begin(), stem.end(), '-', '_');
	return stem;
}

fs::path kbuild_kernel_dir() { return kernel_compat_include_dir().parent_path(); }

std::vector<kbuild_module> read_kbuild(const fs::path &where)
{
	// Messages and sources name the directory as it was given; make's variables, absolutely.
	fs::path dir = where.lexically_normal();
	if (dir.filename().empty())
		dir = dir.parent_path();
	make::state st;
	kbuild_variables(st, fs::absolute(dir));
	fs::path file = kbuild_file(dir);
	make::read_makefile(st, file);
	std::vector<kbuild_module> mods;
	for (const auto &obj : words(st.value("obj-m")))
		mods.push_back(read_module(st, dir, file, obj));
	if (mods.empty())
		throw make::error(fmt::format("{}: error: obj-m names no module", file.string()));
	return mods;
}

kbuild_module kbuild_select(const fs::path &arg)
{
	bool dir = fs::is_directory(arg);
	auto mods = read_kbuild(dir ? arg : arg.parent_path().empty() ? fs::path(".") : arg.parent_path());
	std::string names;
	for (const auto &m : mods)
		names += (names.empty() ? "" : ", ") + m.ko;
	auto it = std::find_if(mods.begin(), mods.end(), [&](const auto &m) { return m.ko == arg.filename().string(); });
	if (dir) // make M=DIR modules: every module in obj-m
		std::for_each(mods.begin(), mods.end(), check_sources);
	if (dir && mods.size() == 1)
		return mods.front();
	if (!dir && it != mods.end()) { // make M=DIR NAME.ko: that module alone
		check_sources(*it);
		return *it;
	}
	const fs::path &file = mods.front().makefile;
	if (dir)
		throw make::error(fmt::format("{}: error: obj-m names {} modules ({}): name one, as {}/NAME.ko", file.string(),
					      mods.size(), names, file.parent_path().string()));
	throw make::error(fmt::format("{}: error: obj-m names no {} (it names {})", file.string(), arg.filename().string(), names));
}

} // namespace sim
