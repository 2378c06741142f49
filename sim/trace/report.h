// SPDX-License-Identifier: GPL-2.0-only
// Kernel reports as the simulator counts them: every site that prints one of the kernel's
// reports (BUG, oops, WARNING, the atomic-sleep BUG, spinlock BUGs, soft lockup, hung task,
// slab and page corruption, mempool misuse, leaks at unload, a task ended by a C++
// exception) notes it here before its first line. The run's outcome reads this list, never the
// log's text: a report the scenario did not expect fails the run (docs/cli.md, exit status).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sim {

enum class report_kind : unsigned char {
	bug,          // BUG()/BUG_ON(): "kernel BUG at FILE:LINE!"
	oops,         // a fault in a simulated task: "BUG: kernel NULL pointer dereference", ...
	warning,      // WARN*(): "WARNING: CPU: ..."
	atomic_sleep, // "BUG: sleeping function called from invalid context", "scheduling while atomic"
	spinlock,     // CONFIG_DEBUG_SPINLOCK's "BUG: spinlock ..."
	soft_lockup,  // "watchdog: BUG: soft lockup - CPU#N stuck for 22s!"
	hung_task,    // "INFO: task ... blocked for more than 120 seconds."
	slab,         // slab debugging and cache_from_obj: corruption, double free, wrong cache, ...
	page,         // the page allocator: bad page state, bad free, ...
	mempool,      // mempool debugging: wrong pool, use after destroy, ...
	leak,         // kmemleak-style leaks at rmmod, kmem_cache_destroy with objects
	exception,    // a simulated task ended by a C++ exception (a simulator or test bug)
	asleep_at_end,// a module's thread still asleep when the machine was torn down
	invariant,    // sim::check_machine: "sim: invariant violated after step N: ..." (run --check)
};
const char *report_kind_name(report_kind k); // "bug", "oops", ...

struct kernel_report {
	report_kind kind;
	std::string headline;     // its first line, without the newline
	std::uint64_t first_seq;  // log_record::seq of its first line (the records after it, up
	                          // to the next report's first, are its text)
	std::uint64_t ts_ns;      // virtual time
	int pid;                  // current's pid when it happened (0: interrupt or boot context)
};

// Notes a report about to be printed. `headline` is the report's first line as printed.
void report_note(report_kind kind, std::string headline);
const std::vector<kernel_report> &kernel_reports();
void reports_reset(); // at boot

} // namespace sim
