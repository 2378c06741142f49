# SPDX-License-Identifier: GPL-2.0-only
# Run by tests/gdb/run.sh on tests/gdb/slab_stats.scn: with slab statistics on, `slabinfo`
# prints the globalstat and cpustat columns exactly as the simulator does.
from gdbcheck import call_string, check, check_equal, command, stop_at

stop_at("kmem_cache_free", '$_streq(cachep->name, "counted")')
text = command("slabinfo")
check("slabinfo shows the statistics", text.startswith("slabinfo - version: 2.1 (statistics)\n"), text)
check_equal("slabinfo with statistics", text, call_string("sim::slabinfo()"))
