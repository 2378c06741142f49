# SPDX-License-Identifier: GPL-2.0-only
# Run by tests/gdb/run.sh inside `gdb -batch` on `slabsim run --trace … scenarios/default.scn`:
# the helpers must have been auto-loaded from beside the binary. It stops where the
# guide (docs/gdb.md) stops and checks that each printer and command says what the
# simulator itself says at that moment (sim::slabinfo(), sim::proc_buddyinfo(),
# sim::mempoolinfo(), sim::describe_wait(), sim::trace_text(), called in the inferior).
import re

import gdb

from gdbcheck import call_string, check, check_equal, command, finish, stop_at

import slabsim.mempool
import slabsim.sched
import slabsim.slab
import slabsim.util


def check_views():
    """The /proc views, recomputed in Python, equal the simulator's own text."""
    check_equal("slabinfo", command("slabinfo"), call_string("sim::slabinfo()"))
    check_equal("buddyinfo", command("buddyinfo"), call_string("sim::proc_buddyinfo()"))
    check_equal("mempools", command("mempools"), call_string("sim::mempoolinfo()"))


def slabinfo_columns(name):
    for line in call_string("sim::slabinfo()").splitlines():
        cols = line.split()
        if cols[0] == name:
            return [int(c) for c in cols[1:6]]
    raise AssertionError("no %s line in sim::slabinfo()" % name)


def check_cache(name):
    """kmem_cache printer, kmem -s and slabobjs agree with the simulator's slabinfo line."""
    active, total, objsize, perslab, pages = slabinfo_columns(name)
    cache = slabsim.slab.find_cache(name)
    shown = str(cache)
    check("kmem_cache printer names the cache", "kmem_cache %s: size %d" % (name, objsize) in shown, shown)
    check("kmem_cache printer counts objects", "objs %d/%d" % (active, total) in shown, shown)
    ks = command("kmem -s %s" % name).splitlines()[1].split()
    check_equal("kmem -s TOTAL", int(ks[3]), total)
    states = [l.split()[-1] for l in command("slabobjs %s all" % name).splitlines()]
    check_equal("slabobjs lists every object", len(states), total)
    check_equal("kmem -s ALLOCATED = allocated objects", int(ks[2]), states.count("allocated"))
    check_equal("objects free in slabs", total - active, states.count("free"))
    in_use = sum(int(p["active"]) for _, p in slabsim.slab.slabs(cache))
    check_equal("slab pages' active sum to active_objs", in_use, active)


def this_cpu():
    return int(gdb.parse_and_eval("__sim_this_cpu->cpu"))


# 1. The writer's first bio allocation finds CPU 0's array empty: cache_alloc_refill.
stop_at("cache_alloc_refill", '$_streq(cachep->name, "bio")')
check("helpers auto-loaded", "slabinfo" in gdb.execute("help slabinfo", to_string=True), "")
check_views()
check_cache("bio")
ac = slabsim.slab.cpu_array(slabsim.slab.find_cache("bio"), this_cpu())
check("array_cache printer: the array is empty at the refill",
      str(ac).startswith("array_cache: avail 0/%d" % int(ac["limit"])), str(ac))
obj = finish("cache_alloc_refill")
ac = slabsim.slab.cpu_array(slabsim.slab.find_cache("bio"), this_cpu())  # read it again
after = str(ac)
batch = int(ac["batchcount"])
refilled = int(ac["avail"])
check("the refill filled the array up to batchcount (one object handed out)",
      refilled + 1 <= batch and after.startswith("array_cache: avail %d/" % refilled), after)
entries = gdb.execute("print *(array_cache *)%d" % int(ac.address), to_string=True)
check_equal("array_cache printer lists the entries", entries.count("entry["), refilled)
check_views()
check_cache("bio")
top = slabsim.slab.array_entries(ac)[-1]
where = command("kmem %#x" % top)
check("kmem ADDRESS of an array entry: cpu cache", "cpu %d cache" % this_cpu() in where, where)
where = command("kmem %#x" % obj)
check("kmem ADDRESS of the object handed out: allocated", re.search(r"\[%016x\]  index \d+  allocated" % obj, where), where)
page = gdb.execute("print *(struct page *)%d" % int(slabsim.slab.slab_of(obj)[1].address), to_string=True)
check("slab page printer", "slab of bio" in page and "free_indices" in page, page)

# 2. The reserve is used: the allocator fails once the hog holds memory and the slab is full.
stop_at("mempool_alloc", "pool->curr_nr < pool->min_nr && pool->curr_nr > 0")
check_views()
pool = gdb.execute("print *pool", to_string=True)
check("mempool printer shows the reserve", re.search(r"mempool 1 \(bios\): reserve [123]/4, 0 waiters", pool), pool)

# 3. The reserve is empty: the writer goes to sleep in mempool_alloc (wait_for_element).
stop_at("io_schedule_timeout", "")
check_views()
writer = next(t for t in slabsim.sched.tasks() if slabsim.util.array_str(t["comm"]) == "writer")
check_equal("ps state = sim::task_state_char",
            slabsim.sched.state_char(writer),
            chr(int(gdb.parse_and_eval("sim::task_state_char((task_struct *)%d)" % int(writer.address)))))
check_equal("wait site = sim::describe_wait", slabsim.sched.describe_wait(writer),
            call_string("sim::describe_wait((task_struct *)%d)" % int(writer.address)))
ps = command("ps")
check("ps: the writer sleeps uninterruptibly in mempool_alloc on the bio pool",
      re.search(r"writer +wait queue &pool->wait, in wait_for_element at .*\[mempool 1 \(bios\)\]", ps)
      and re.search(r"\n>? *\d+ +0 +[0-9a-f]+  UN  writer", ps), ps)
pool = gdb.execute("print *(mempool_t *)%d" % int(slabsim.mempool.find_pool("bios").address), to_string=True)
check("mempool printer shows the waiter", "reserve 0/4, 1 waiter" in pool, pool)
check("task printer", "writer cpu 0 UN: wait queue" in gdb.execute("print *__sim_current", to_string=True), "")

# 4. The last trace events carry the simulator's own ftrace context columns.
ours = command("ftrace 8").splitlines()
theirs = call_string("sim::trace_text(false)").splitlines()[-8:]
check_equal("ftrace shows 8 events", len(ours), 8)
for mine, line in zip(ours, theirs):
    prefix = mine.split(": [")[0] + ": "
    check("ftrace line matches the trace: " + line, line.startswith(prefix), mine)
check("the last event is the writer's mempool_wait", "mempool_wait: [mempool]" in ours[-1], ours[-1])
