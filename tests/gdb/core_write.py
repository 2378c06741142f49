# SPDX-License-Identifier: GPL-2.0-only
# First half of the core-file test (core.sh): stop where the writer sleeps in mempool_alloc,
# dump a core, and save the simulator's own /proc views of that moment beside it.
import os

import gdb

from gdbcheck import call_string, check, stop_at

out = os.environ["SLABSIM_GDBTEST_DIR"]
stop_at("io_schedule_timeout", "")
gdb.execute("gcore %s/core" % out, to_string=True)
for name, expr in (("slabinfo", "sim::slabinfo()"), ("mempools", "sim::mempoolinfo()"),
                   ("buddyinfo", "sim::proc_buddyinfo()")):
    with open("%s/%s" % (out, name), "w") as f:
        f.write(call_string(expr))
check("core dumped", os.path.getsize("%s/core" % out) > 0, "")
