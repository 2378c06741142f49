# SPDX-License-Identifier: GPL-2.0-only
"""Mempools seen from gdb: the list of pools, /proc/mempoolinfo, one pool's reserve and
the tasks asleep on its wait queue."""
import gdb

from . import util
from .util import constants

POOLS = "sim::mempool_globals.pools"


def pool_type():
    return util.lookup_type("mempool_t")


def pools():
    """Live pools in creation order (sim/mempool/internal.h's mempool_state)."""
    return util.klist_entries(util.symbol_value(POOLS), pool_type(), "sim_list")


def find_pool(arg):
    for p in pools():
        if arg in (str(int(p["sim_id"])), util.array_str(p["sim_name"])):
            return p
    addr = util.parse_address(arg)
    for p in pools():
        if int(p.address) == addr:
            return p
    raise util.SlabsimError("no live mempool with id, name or address %s" % arg)


def _fn(name):
    return int(util.symbol_value(name).address)


def element_size(pool):
    """sim::mempool_element_size: object size, kmalloc size, pages' size, or 0."""
    alloc, data = int(pool["alloc"]), int(pool["pool_data"])
    if alloc == _fn("mempool_alloc_slab"):
        cache = pool["pool_data"].cast(util.lookup_type("kmem_cache").pointer())
        return int(cache["object_size"])
    if alloc == _fn("mempool_kmalloc"):
        return data
    if alloc == _fn("mempool_alloc_pages"):
        return util.PAGE_SIZE << data
    return 0


def outstanding(pool):
    s = pool["sim_stats"]
    return (int(s["alloc_backing"]) + int(s["alloc_reserve"]) - int(s["free_reserve"])
            - int(s["free_backing"]))


def column_value(pool, name):
    """A field of the pool table (sim/mempool/observe.cpp), read as its C++ reader reads it."""
    derived = {"id": lambda: int(pool["sim_id"]), "outstanding": lambda: outstanding(pool),
               "elemsize": lambda: element_size(pool)}
    if name in derived:
        return derived[name]()
    if name in [f.name for f in pool_type().fields()]:
        return int(pool[name])
    return int(pool["sim_stats"][name])


def mempoolinfo_line(pool):
    """One pool's line, laid out by the pool table's columns (sim::column_line)."""
    return util.column_line(constants.MEMPOOL_COLUMNS, util.array_str(pool["sim_name"]), 20,
                            lambda name: column_value(pool, name))


def mempoolinfo():
    """/proc/mempoolinfo, as sim::mempoolinfo() prints it."""
    return ("mempoolinfo - version: 1.0\n" + util.column_header(constants.MEMPOOL_COLUMNS, 20)
            + "".join(mempoolinfo_line(p) for p in pools()))


def reserve(pool):
    """The reserve's elements, bottom to top (the top one is handed out next)."""
    elements = pool["elements"]
    return [int(elements[i]) for i in range(int(pool["curr_nr"]))] if int(elements) else []


def waiters(wq_head):
    """The tasks on a wait_queue_head, in wake-up order (head first)."""
    entry_type = util.lookup_type("wait_queue_entry")
    task_ptr = util.lookup_type("sim::task").pointer()
    for e in util.klist_entries(wq_head["head"], entry_type, "entry"):
        # `private_` in the simulator's C++, `private` where a C module defined the type.
        field = "private_" if "private_" in [f.name for f in entry_type.fields()] else "private"
        yield e[field].cast(task_ptr).dereference()


def pool_of_wait_queue(addr):
    """The pool whose `wait` is the wait queue at `addr`, or None."""
    offset = util.field_offset(pool_type(), "wait")
    for p in pools():
        if int(p.address) + offset == addr:
            return p
    return None


def describe_pool(pool):
    s = pool["sim_stats"]
    out = "mempool %d (%s) at %#x: reserve %d/%d, lowest %d, %d handed out, element size %d\n" % (
        int(pool["sim_id"]), util.array_str(pool["sim_name"]), int(pool.address),
        int(pool["curr_nr"]), int(pool["min_nr"]), int(s["lowest_nr"]), outstanding(pool),
        element_size(pool))
    out += "  alloc %s, free %s, pool_data %#x\n" % (
        util.symbolize(pool["alloc"]).split("+")[0], util.symbolize(pool["free"]).split("+")[0],
        int(pool["pool_data"]))
    out += "  reserve (top first):%s\n" % ("".join(" %#x" % e for e in reversed(reserve(pool))) or " empty")
    sleepers = list(waiters(pool["wait"]))
    out += "  waiters (wake order):%s\n" % ("".join(
        " %d/%s" % (int(t["pid"]), util.array_str(t["comm"])) for t in sleepers) or " none")
    return out


class MempoolsCommand(gdb.Command):
    """mempools: /proc/mempoolinfo of the process being debugged, computed from the pools.
mempools ID|NAME|ADDRESS: one pool: its reserve (top first) and the tasks asleep on it."""

    def __init__(self):
        super().__init__("mempools", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        arg = arg.strip()
        gdb.write(describe_pool(find_pool(arg)) if arg else mempoolinfo())


def register():
    MempoolsCommand()
