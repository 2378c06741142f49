// SPDX-License-Identifier: GPL-2.0-only
#include "kernel_compat/insmod.h"
#include "kernel_compat/kbuild.h"

#include "kernel_compat/module.h"
#include "linux/errno.h"
#include "sim/sched/sched.h"

#include <cstring>
#include <fmt/format.h>
#include <memory>
#include <stdexcept>

namespace sim {

std::size_t insmod_module_words(const std::vector<std::string> &args)
{
	std::size_t n = args.empty() ? 0 : 1;
	if (!args.empty() && args.front().ends_with(".c"))
		while (n < args.size() && args[n].ends_with(".c"))
			n++;
	return n;
}

module_build build_insmod_module(const std::vector<std::string> &words, const std::filesystem::path &base)
{
	namespace fs = std::filesystem;
	std::vector<fs::path> files;
	for (const auto &w : words)
		files.push_back(base / w); // an absolute path stays as it is
	const fs::path &first = files.front();
	if (first.extension() == ".ko" || fs::is_directory(first))
		return build_kbuild_module(kbuild_select(first));
	for (const auto &f : files)
		if (!fs::is_regular_file(f))
			throw std::invalid_argument(fmt::format("{}: No such file or directory", f.string()));
	if (first.string().ends_with(".so"))
		return prebuilt_module(first);
	if (first.extension() != ".c")
		throw std::invalid_argument(fmt::format("{}: not a module: give a directory with a Kbuild or Makefile, "
							"DIR/NAME.ko, C sources or a built .ko.so", first.string()));
	return build_module(files);
}

std::string insmod_command_line(const std::vector<std::string> &params)
{
	std::string out;
	for (const auto &p : params) {
		auto eq = p.find('=');
		bool blanks = p.find_first_of(" \t") != std::string::npos;
		out += (out.empty() ? "" : " ") +
		       (blanks && eq != std::string::npos ? p.substr(0, eq + 1) + "\"" + p.substr(eq + 1) + "\"" : p);
	}
	return out;
}

task_struct *spawn_insmod(module_build built, std::function<void(int)> done, std::string args)
{
	return spawn(0, "insmod", [built = std::move(built), done = std::move(done), args = std::move(args)] {
		int err = load_module(built.name, built.object, args);
		done(err ? err : do_init_module(built.name));
	});
}

task_struct *spawn_rmmod(std::string name, std::function<void(int)> done)
{
	return spawn(0, "rmmod", [name = std::move(name), done = std::move(done)] { done(delete_module(name)); });
}

namespace {
// The call may return in a later run, after this one is over: the result lives on the heap.
template <typename Spawn>
tool_outcome run_tool(Spawn spawn_tool, const run_limits &limits)
{
	auto result = std::make_shared<std::optional<int>>();
	task_struct *p = spawn_tool([result](int err) { *result = err; });
	tool_outcome o;
	o.run = run(limits);
	o.err = *result;
	o.killed = !o.err && task_state_char(p) == 'X';
	if (o.killed)
		o.exit_code = task_list()[static_cast<std::size_t>(p->pid) - 1].exit_code;
	return o;
}
} // namespace

tool_outcome run_insmod(const module_build &built, const run_limits &limits, const std::string &args)
{
	return run_tool([&](auto done) { return spawn_insmod(built, done, args); }, limits);
}

tool_outcome run_rmmod(const std::string &name, const run_limits &limits)
{
	return run_tool([&](auto done) { return spawn_rmmod(name, done); }, limits);
}

int insmod(const module_build &built, const run_limits &limits)
{
	return run_insmod(built, limits).err.value_or(call_never_returned);
}

int rmmod(const std::string &name, const run_limits &limits)
{
	return run_rmmod(name, limits).err.value_or(call_never_returned);
}

// kmod's insmod names the errors a module load has in its own words (mod_strerror()).
std::string insmod_error(const std::string &stem, int err)
{
	const char *why = err == -EINVAL ? "Invalid parameters" : err == -ENOEXEC ? "Invalid module format" : std::strerror(-err);
	return fmt::format("insmod: ERROR: could not insert module {}.ko: {}", stem, why);
}

std::string insmod_error(const module_build &built, int err)
{
	return insmod_error(built.ko.substr(0, built.ko.size() - 3), err);
}

// kmod's rmmod checks that the module is loaded before it asks the kernel to remove it.
std::string rmmod_error(const std::string &name, int err)
{
	if (err == -ENOENT)
		return fmt::format("rmmod: ERROR: Module {} is not currently loaded", name);
	return fmt::format("rmmod: ERROR: could not remove module {}: {}", name, std::strerror(-err));
}

std::string tool_killed(const char *tool, const tool_outcome &o)
{
	return fmt::format("{} ({} was killed by the oops above)", strsignal(static_cast<int>(o.exit_code & 0x7f)), tool);
}

} // namespace sim
