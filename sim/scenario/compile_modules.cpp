// SPDX-License-Identifier: GPL-2.0-only
// insmod and rmmod, and the expectations about them.
#include "sim/scenario/compile.h"

#include "sim/scenario/errnos.h"
#include "kernel_compat/insmod.h"

#include <filesystem>
#include <fmt/format.h>

namespace sim::scenario {

// The module is built now (the build is cached), so `slabsim check` reports a module that
// does not compile and a run never stops half-way for it.
// A module word as insmod takes it: C sources, one built .ko.so, a directory with a Kbuild or
// Makefile, or DIR/NAME.ko (the directory must exist; kbuild names what it builds).
void compiler::check_module_word(const name_ref &p, const std::filesystem::path &f)
{
	namespace fs = std::filesystem;
	bool ko = f.extension() == ".ko";
	if (!fs::exists(ko ? f.parent_path() : f))
		fail(p.loc, fmt::format("no such file: '{}' (a module's path is relative to the scenario's folder)",
					p.name));
	if (!ko && !fs::is_directory(f) && f.extension() != ".c" && !p.name.ends_with(".ko.so"))
		fail(p.loc, fmt::format("a module is built from .c files, a directory with a Kbuild or Makefile or "
					"DIR/NAME.ko, or loaded from one built .ko.so, got '{}'", p.name));
}

// The module is built now (the build is cached), so `slabsim check` reports a module that
// does not compile and a run never stops half-way for it. The words after the module are
// its parameters (name=value), passed as insmod passes them.
void compiler::node(const stmt &st, const insmod_stmt &m)
{
	std::filesystem::path base = std::filesystem::path(s_.file).parent_path();
	std::vector<std::string> words;
	for (const name_ref &p : m.paths)
		words.push_back(p.name);
	std::size_t n = insmod_module_words(words);
	std::vector<std::string> params(words.begin() + n, words.end());
	words.resize(n);
	for (std::size_t i = 0; i < n; ++i)
		check_module_word(m.paths[i], base / words[i]);
	module_build b;
	try {
		b = build_insmod_module(words, base);
	} catch (const std::exception &e) { // a makefile kbuild cannot read: FILE:LINE: error: ...
		fail(m.paths[0].loc, e.what());
	}
	if (!b.ok)
		fail(m.paths[0].loc, fmt::format("module '{}' did not build (the compiler's messages are "
						 "above)", b.name));
	auto [it, added] = modules_.emplace(b.name, static_cast<std::uint32_t>(p_.modules.size()));
	if (added)
		p_.modules.push_back({b.name});
	op o{opcode::insmod, 0, st.loc, it->second, static_cast<std::uint32_t>(p_.builds.size())};
	o.c = string(source_text(st.loc));
	p_.builds.push_back(std::move(b));
	p_.build_args.push_back(insmod_command_line(params));
	emit(o);
}

std::uint32_t compiler::loaded_module(const name_ref &n)
{
	auto it = modules_.find(n.name);
	if (it == modules_.end())
		fail(n.loc, fmt::format("no insmod above loads a module named '{}'", n.name));
	return it->second;
}

void compiler::node(const stmt &st, const rmmod_stmt &r)
{
	op o{opcode::rmmod, 0, st.loc, loaded_module(r.module)};
	o.c = string(source_text(st.loc));
	unloaded_.insert(o.a);
	emit(o);
}

void compiler::module_result(const expect_stmt &e, expect_def &d)
{
	d.name = e.word.name;
	d.target = loaded_module({e.object.name, e.object.loc});
	module_def &m = p_.modules[d.target];
	if (d.name == "rmmod" && !unloaded_.count(d.target))
		fail(e.object.loc, fmt::format("no rmmod above unloads '{}'", e.object.name));
	(d.name == "insmod" ? m.insmod_checked : m.rmmod_checked) = true;
	d.value = e.succeeded ? 0 : 1;
	if (e.error) {
		auto err = errno_value(e.error->name);
		if (!err)
			fail(e.error->loc, fmt::format("unknown error code '-{}': expected a name from "
						       "linux/errno.h such as -ENOMEM", e.error->name));
		d.value = -static_cast<std::int64_t>(*err);
	}
}

} // namespace sim::scenario
