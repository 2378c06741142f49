# SPDX-License-Identifier: GPL-2.0-only
# Second half of the core-file test (core.sh): on the core alone, with no process to call,
# the commands recompute the /proc views the simulator printed at the moment of the dump.
import os
import re

from gdbcheck import check, check_equal, command

out = os.environ["SLABSIM_GDBTEST_DIR"]
for name in ("slabinfo", "mempools", "buddyinfo"):
    check_equal("%s from the core" % name, command(name), open("%s/%s" % (out, name)).read())
ps = command("ps")
check("ps from the core: the writer asleep on the pool",
      re.search(r"UN  writer +wait queue .*\[mempool 1 \(bios\)\]", ps), ps)
check("ftrace from the core: the last event is the writer's mempool_wait",
      "writer-1" in command("ftrace 1") and "mempool_wait" in command("ftrace 1"), command("ftrace 1"))
