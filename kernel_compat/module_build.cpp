// SPDX-License-Identifier: GPL-2.0-only
#include "kernel_compat/module_build.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <fmt/format.h>
#include <fstream>
#include <set>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace sim {

namespace {

std::string compiler()
{
	const char *cc = std::getenv("SLABSIM_CC");
	return cc && *cc ? cc : SLABSIM_CC;
}

// The compiler's own headers (stddef.h, stdarg.h, ...): `cc -print-file-name=include`.
std::string compiler_include_dir()
{
	static const std::string dir = [] {
		std::string out;
		if (FILE *p = popen((compiler() + " -print-file-name=include").c_str(), "r")) {
			char buf[4096];
			for (std::size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;)
				out.append(buf, n);
			pclose(p);
		}
		while (!out.empty() && out.back() == '\n')
			out.pop_back();
		return out;
	}();
	return dir;
}

// The module's view of the world, as kbuild's: kernel C (gnu11), only the kernel's headers
// (-nostdinc; the compiler's own stddef.h/stdarg.h, as the kernel uses them; include/ then
// include/uapi), kbuild's -Werror for calls to undeclared functions (a module that uses
// what kernel_compat lacks fails to build naming the function), -Wno-pointer-sign, and the
// debug info a learner needs to step through it.
std::vector<std::string> common_flags(const std::string &modname)
{
	const std::string inc = kernel_compat_include_dir().string();
	return {"-std=gnu11",
		"-fPIC",
		"-O0",
		"-g3",
		"-nostdinc",
		"-isystem",
		compiler_include_dir(),
		"-I",
		inc,
		"-I",
		inc + "/uapi",
		"-Wall",
		"-Wno-unused-function",
		"-Wno-pointer-sign",
		"-fno-strict-aliasing",
		"-fno-common",
		"-Werror=implicit-function-declaration",
		"-Werror=implicit-int",
		"-D__KERNEL__",
		"-DMODULE",
		fmt::format("-DKBUILD_MODNAME=\"{}\"", modname)};
}

// One object's own flags: __FILE__ is the source's own name, however its path was given (the
// compiler sees the path as given, so its diagnostics do too); then kbuild's per-object name
// and the Makefile's flags for it.
std::vector<std::string> object_flags(const kbuild_object &o)
{
	std::vector<std::string> flags{
		fmt::format("-fmacro-prefix-map={}/=", fs::absolute(o.source).parent_path().string())};
	if (fs::path given = o.source.parent_path(); !given.empty() && given.is_relative())
		flags.push_back(fmt::format("-fmacro-prefix-map={}/=", given.string()));
	flags.push_back(fmt::format("-DKBUILD_BASENAME=\"{}\"", o.source.stem().string()));
	flags.insert(flags.end(), o.flags.begin(), o.flags.end());
	return flags;
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

// The headers a module's own sources may include: those beside each source and under each
// directory an -I flag names (kernel_compat's are counted once, by cache_key).
std::vector<fs::path> module_headers(const kbuild_module &mod)
{
	std::set<fs::path> dirs;
	for (const auto &o : mod.objects) {
		dirs.insert(fs::absolute(o.source).parent_path());
		for (const auto &f : o.flags)
			if (f.starts_with("-I") && fs::is_directory(f.substr(2)))
				dirs.insert(fs::absolute(f.substr(2)));
	}
	std::vector<fs::path> headers;
	std::error_code ec;
	for (const auto &d : dirs) {
		bool own_source_dir = std::any_of(mod.objects.begin(), mod.objects.end(),
						  [&](const auto &o) { return fs::absolute(o.source).parent_path() == d; });
		auto add = [&](const fs::directory_entry &e) {
			if (e.is_regular_file() && e.path().extension() == ".h")
				headers.push_back(e.path());
		};
		if (own_source_dir)
			for (const auto &e : fs::directory_iterator(d, ec))
				add(e);
		else
			for (const auto &e : fs::recursive_directory_iterator(d, ec))
				add(e);
	}
	for (const auto &e : fs::recursive_directory_iterator(kernel_compat_include_dir()))
		if (e.is_regular_file())
			headers.push_back(e.path());
	std::sort(headers.begin(), headers.end());
	headers.erase(std::unique(headers.begin(), headers.end()), headers.end());
	return headers;
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

// The cache key covers the sources' bytes, every flag, the compiler and every header the
// module can include (kernel_compat's and its own), so editing any of them rebuilds.
std::string cache_key(const kbuild_module &mod)
{
	fnv1a k;
	// Bumped when what the flags do changes but not their text: objects built before
	// version 2 may carry a relative __FILE__ under the key of an absolute path.
	k.add("slabsim module cache v3");
	k.add(compiler());
	for (const auto &f : common_flags(mod.name))
		k.add(f);
	for (const auto &o : mod.objects) {
		for (const auto &f : object_flags(o))
			k.add(f);
		k.add(read_file(o.source));
	}
	for (const auto &h : module_headers(mod)) {
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

// Compiles each object into `tmp`.N.o, then links them into `tmp`; false (diagnostics
// printed) if any step fails.
bool compile_and_link(const kbuild_module &mod, const fs::path &tmp)
{
	std::vector<std::string> link{compiler(), "-shared", "-o", tmp.string()};
	const std::size_t first_object = link.size();
	bool ok = true;
	for (std::size_t i = 0; i < mod.objects.size() && ok; i++) {
		fs::path obj = tmp;
		obj += fmt::format(".{}.o", i);
		std::vector<std::string> argv{compiler()};
		for (auto flags : {common_flags(mod.name), object_flags(mod.objects[i])})
			argv.insert(argv.end(), flags.begin(), flags.end());
		argv.insert(argv.end(), {"-c", "-o", obj.string(), mod.objects[i].source.string()});
		ok = run(argv) == 0;
		link.push_back(obj.string());
	}
	ok = ok && run(link) == 0;
	std::error_code ec;
	for (std::size_t i = first_object; i < link.size(); i++)
		fs::remove(link[i], ec);
	return ok;
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
	std::string stem = object.filename().string();
	stem = stem.substr(0, stem.find('.'));
	return {kbuild_modname(stem), stem + ".ko", object, fs::is_regular_file(object), true};
}

module_build build_kbuild_module(const kbuild_module &mod)
{
	module_build b{mod.name, mod.ko, {}, false, false};
	for (const auto &o : mod.objects)
		if (!fs::is_regular_file(o.source)) {
			fmt::print(stderr, "{}: No such file\n", o.source.string());
			return b;
		}
	fs::path dir = cache_dir();
	std::error_code ec;
	fs::create_directories(dir, ec);
	b.object = dir / fmt::format("{}-{}.ko.so", b.name, cache_key(mod));
	if (fs::exists(b.object)) {
		b.ok = b.cached = true;
		return b;
	}
	// Build to a temporary name and rename, so a failed or concurrent build never leaves
	// a half-written object under the final name.
	fs::path tmp = b.object;
	tmp += fmt::format(".tmp{}", getpid());
	if (!compile_and_link(mod, tmp)) {
		fs::remove(tmp, ec);
		return b;
	}
	fs::rename(tmp, b.object, ec);
	b.ok = !ec;
	return b;
}

module_build build_module(const std::vector<fs::path> &sources)
{
	if (sources.empty())
		return {};
	std::string stem = sources.front().stem().string();
	kbuild_module mod{kbuild_modname(stem), stem + ".ko", {}, {}};
	for (const auto &s : sources)
		mod.objects.push_back({s, {}});
	return build_kbuild_module(mod);
}

} // namespace sim
