// SPDX-License-Identifier: GPL-2.0-only
// Writes slabsim_gdb_constants.py, the constants the gdb helpers (tools/gdb/slabsim) need,
// compiled against the headers that define them so that no value is copied by hand; the SLAB
// flags' names are sim::slab_flag_names()'s and the /proc files' layouts
// are the observation tables' columns (sim/observe.h).
#include "linux/mm.h"
#include "linux/page-flags.h"
#include "linux/percpu.h"
#include "linux/sched.h"
#include "linux/slab.h"
#include "sim/mempool/observe.h"
#include "sim/slab/flags.h"
#include "sim/slab/observe.h"
#include "sim/slab/slab_def.h"
#include "sim/trace/kallsyms.h"
#include "sim/trace/trace_state.h"

#include <cstdio>
#include <string_view>

namespace {

void constant(const char *name, unsigned long long value) { std::printf("%s = %#llx\n", name, value); }

// A table's columns as (field, the " : group" it opens or None, width, header label).
template <class T> void columns(const char *name, sim::table<sim::column<T>> t)
{
	std::printf("%s = [\n", name);
	for (const sim::column<T> &c : t)
		std::printf("    (\"%s\", %s%s%s, %d, \"%s\"),\n", c.name, c.group ? "\"" : "", c.group ? c.group : "None",
			    c.group ? "\"" : "", c.width, c.label ? c.label : c.name);
	std::printf("]\n");
}

// "SLAB_RED_ZONE" is shown as "RED_ZONE", as the printers name flags; CFLGS_* keep theirs.
const char *shown(std::string_view name)
{
	return name.starts_with("SLAB_") ? name.data() + 5 : name.data();
}

} // namespace

#define C(name) constant(#name, name)

int main(int argc, char **argv)
{
	if (argc != 2 || !std::freopen(argv[1], "w", stdout)) {
		std::fprintf(stderr, "usage: gdb_constants OUTPUT.py\n");
		return 2;
	}
	std::printf("# Generated at build time by tools/gdb/constants.cpp from the C++ headers: do not edit.\n");
	C(PAGE_SHIFT);
	C(PCPU_UNIT_SIZE);
	C(BYTES_PER_WORD);
	C(PG_slab);
	C(PG_head);
	C(PAGE_TYPE_BASE);
	C(PG_buddy);
	C(TASK_RUNNING);
	C(TASK_UNINTERRUPTIBLE);
	C(TASK_IDLE);
	C(SLAB_STORE_USER);
	constant("TRACE_FLAG_IRQS_OFF", sim::trace_flag_irqs_off);
	constant("TRACE_FLAG_HARDIRQ", sim::trace_flag_hardirq);
	constant("TRACE_FLAG_SOFTIRQ", sim::trace_flag_softirq);
	constant("SCRIPT_SITE_BASE", sim::kallsyms_script_site_base);
	std::printf("SLAB_FLAGS = {\n");
	for (const sim::slab_flag_name &f : sim::slab_flag_names())
		std::printf("    %#llx: \"%s\",\n", static_cast<unsigned long long>(f.mask), shown(f.name));
	std::printf("}\n");
	columns("MEMPOOL_COLUMNS", sim::mempool_columns());
	columns("SLABINFO_COLUMNS", sim::slabinfo_columns());
	columns("SLABINFO_STAT_COLUMNS", sim::slabinfo_stat_columns());
}
