// SPDX-License-Identifier: GPL-2.0-only
#include "kernel_compat/module_build.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace sim {

namespace {

// The module's view of the world: kernel C (gnu11), no system kernel headers, our
// kernel_compat headers first, and the debug info a learner needs to step through it.
// As kbuild does, a call to an undeclared function is an error, so a module that uses what
// kernel_compat lacks fails to build naming the function; __FILE__ is the source's own name,
// however its path was given (the compiler sees the path as given, so its diagnostics do too).
std::vector<std::string> compile_flags(const std::string &modname, const fs::path &first_source)
{
	std::vector<std::string> flags{"-std=gnu11",
		"-fPIC",
		"-shared",
		"-O0",
		"-g3",
		"-Wall",
		"-Wno-unused-function",
		"-Werror=implicit-function-declaration",
		"-Werror=implicit-int",
		fmt::format("-fmacro-prefix-map={}/=", fs::absolute(first_source).parent_path().string()),
		"-D__KERNEL__",
		"-DMODULE",
		fmt::format("-DKBUILD_MODNAME=\"{}\"", modname),
		"-I",
		kernel_compat_include_dir().string()};
	if (fs::path given = first_source.parent_path(); !given.empty() && given.is_relative())
		flags.push_back(fmt::format("-fmacro-prefix-map={}/=", given.string()));
	return flags;
}

std::string compiler()
{
	const char *cc = std::getenv("SLABSIM_CC");
	return cc && *cc ? cc : SLABSIM_CC;
}

fs::path cache_dir()
{
	if (const char *d = std::getenv("SLABSIM_MODULE_CACHE"); d && *d)
		return d;
	if (const char *x = std::getenv("XDG_CACHE_HOME"); x && *x)
		return fs::path(x) / "slabsim/modules";
	if (const char *h = std::getenv("HOME"); h && *h)
		return fs::path(h) / ".cache/slabsim/modules";
	return fs::temp_directory_path() / "slabsim-modules";
}

// FNV-1a: stable across runs and builds, unlike std::hash.
struct fnv1a {
	std::uint64_t h = 0xcbf29ce484222325ull;
	void add(std::string_view s)
	{
		for (unsigned char c : s)
			h = (h ^ c) * 0x100000001b3ull;
		h = (h ^ 0xff) * 0x100000001b3ull; // separator, so "ab"+"c" != "a"+"bc"
	}
};

std::string read_file(const fs::path &p)
{
	std::ifstream in(p, std::ios::binary);
	std::ostringstream s;
	s << in.rdbuf();
	return s.str();
}

// The cache key covers the sources' bytes, the flags, the compiler and every header the
// modules compile against, so editing any of them rebuilds.
std::string cache_key(const std::vector<fs::path> &sources, const std::vector<std::string> &flags)
{
	fnv1a k;
	// Bumped when what the flags do changes but not their text: objects built before
	// version 2 may carry a relative __FILE__ under the key of an absolute path.
	k.add("slabsim module cache v2");
	k.add(compiler());
	for (const auto &f : flags)
		k.add(f);
	for (const auto &s : sources)
		k.add(read_file(s));
	std::vector<fs::path> headers;
	for (const auto &e : fs::recursive_directory_iterator(kernel_compat_include_dir()))
		if (e.is_regular_file())
			headers.push_back(e.path());
	std::sort(headers.begin(), headers.end());
	for (const auto &h : headers) {
		k.add(h.string());
		k.add(read_file(h));
	}
	return fmt::format("{:016x}", k.h);
}

int run(const std::vector<std::string> &argv)
{
	std::vector<char *> args;
	for (const auto &a : argv)
		args.push_back(const_cast<char *>(a.c_str()));
	args.push_back(nullptr);
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		execvp(args[0], args.data());
		std::perror(args[0]);
		_exit(127);
	}
	int status = 0;
	while (waitpid(pid, &status, 0) < 0)
		;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

} // namespace

fs::path kernel_compat_include_dir()
{
	if (const char *d = std::getenv("SLABSIM_KERNEL_COMPAT"); d && *d)
		return d;
	return SLABSIM_KERNEL_COMPAT_INCLUDE;
}

module_build prebuilt_module(const fs::path &object)
{
	std::string name = object.filename().string();
	name = name.substr(0, name.find('.'));
	return {name, object, fs::is_regular_file(object), true};
}

module_build build_module(const std::vector<fs::path> &sources)
{
	module_build b;
	if (sources.empty())
		return b;
	b.name = sources.front().stem().string();
	for (const auto &s : sources)
		if (!fs::is_regular_file(s)) {
			fmt::print(stderr, "{}: No such file\n", s.string());
			return b;
		}
	auto flags = compile_flags(b.name, sources.front());
	fs::path dir = cache_dir();
	std::error_code ec;
	fs::create_directories(dir, ec);
	b.object = dir / fmt::format("{}-{}.ko.so", b.name, cache_key(sources, flags));
	if (fs::exists(b.object)) {
		b.ok = b.cached = true;
		return b;
	}
	// Build to a temporary name and rename, so a failed or concurrent build never leaves
	// a half-written object under the final name.
	fs::path tmp = b.object;
	tmp += fmt::format(".tmp{}", getpid());
	std::vector<std::string> argv{compiler()};
	argv.insert(argv.end(), flags.begin(), flags.end());
	argv.insert(argv.end(), {"-o", tmp.string()});
	for (const auto &s : sources)
		argv.push_back(s.string());
	if (run(argv) != 0) {
		fs::remove(tmp, ec);
		return b;
	}
	fs::rename(tmp, b.object, ec);
	b.ok = !ec;
	return b;
}

} // namespace sim
