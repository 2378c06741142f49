// SPDX-License-Identifier: GPL-2.0-only
// dump_stack(): the simulated kernel's call chain is the host's, so the trace is real: every
// frame is a function of the simulator or of a loaded module, printed as the kernel prints
// frames (" symbol+0xoff/0xsize"). Offsets do not depend on where ASLR put the code, so the
// text is reproducible for a given build.
#include "linux/printk.h"

#include <cxxabi.h>
#include <dlfcn.h>
#include <execinfo.h>
#include <link.h>
#include <memory>
#include <fmt/format.h>
#include <string>

namespace {

std::string frame_name(void *addr)
{
	Dl_info info{};
	ElfW(Sym) *sym = nullptr;
	if (!dladdr1(addr, &info, reinterpret_cast<void **>(&sym), RTLD_DL_SYMENT) || !info.dli_sname)
		return {};
	int status = 0;
	std::unique_ptr<char, void (*)(void *)> demangled(
		abi::__cxa_demangle(info.dli_sname, nullptr, nullptr, &status), std::free);
	std::string name = status == 0 ? demangled.get() : info.dli_sname;
	auto off = static_cast<unsigned long>(static_cast<char *>(addr) - static_cast<char *>(info.dli_saddr));
	return fmt::format("{}+{:#x}/{:#x}", name, off, sym ? sym->st_size : 0);
}

} // namespace

extern "C" void dump_stack(void)
{
	void *frames[64];
	int n = backtrace(frames, 64);
	printk(KERN_DEFAULT "Call Trace:\n");
	// Frame 0 is dump_stack itself, as in the kernel's own traces.
	for (int i = 0; i < n; i++) {
		std::string name = frame_name(frames[i]);
		if (name.empty())
			continue;
		printk(KERN_DEFAULT " %s\n", name.c_str());
		if (name.rfind("main+", 0) == 0 || name.find("make_fcontext") != std::string::npos)
			break;
	}
}
