// SPDX-License-Identifier: GPL-2.0-only
// dump_stack(): the simulated kernel's call chain is the host's, so the trace is real: every
// frame is a function of the simulator or of a loaded module, printed as the kernel prints
// frames (" symbol+0xoff/0xsize"). Offsets do not depend on where ASLR put the code, so the
// text is reproducible for a given build.
#include "linux/printk.h"
#include "sim/trace/kallsyms.h"

#include <execinfo.h>
#include <string>

extern "C" void dump_stack(void)
{
	void *frames[64];
	int n = backtrace(frames, 64);
	printk(KERN_DEFAULT "Call Trace:\n");
	// Frame 0 is dump_stack itself, as in the kernel's own traces.
	for (int i = 0; i < n; i++) {
		std::string name = sim::sprint_symbol(frames[i]);
		if (name.empty())
			continue;
		printk(KERN_DEFAULT " %s\n", name.c_str());
		if (name.rfind("main+", 0) == 0 || name.find("make_fcontext") != std::string::npos)
			break;
	}
}
