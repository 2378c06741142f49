# SPDX-License-Identifier: GPL-2.0-only
"""Pretty-printers: a one-line summary of each structure, then a few children to drill
into (pointers stay pointers: `p *$.node[0]` follows one). `print/r` shows the raw struct."""
import gdb
import gdb.printing

from . import mempool, mm, sched, slab, util


class Printer:
    def __init__(self, val):
        self.val = val


class KmemCachePrinter(Printer):
    def to_string(self):
        c, s = self.val, slab.get_slabinfo(self.val)
        return ("kmem_cache %s: size %d (object %d), %d per slab, order %d, "
                "tunables %d/%d/%d, slabs %d/%d, objs %d/%d" % (
                    util.cstr(c["name"]), int(c["size"]), int(c["object_size"]), int(c["num"]),
                    int(c["gfporder"]), int(c["limit"]), int(c["batchcount"]), int(c["shared"]),
                    s["active_slabs"], s["num_slabs"], s["active_objs"], s["num_objs"]))

    def children(self):
        c = self.val
        for f in ("name", "size", "object_size", "num", "gfporder"):
            yield f, c[f]
        yield "flags", slab.flag_names(c["flags"])
        for f in ("limit", "batchcount", "shared", "colour", "colour_off", "ctor"):
            yield f, c[f]
        yield "node[0]", c["node"][0]
        for cpu in range(util.nr_cpu_ids()):
            yield "cpu_cache[%d]" % cpu, util.per_cpu_ptr(c["cpu_cache"], cpu)


class ArrayCachePrinter(Printer):
    def to_string(self):
        ac = self.val
        return "array_cache: avail %d/%d, batchcount %d, touched %d" % (
            int(ac["avail"]), int(ac["limit"]), int(ac["batchcount"]), int(ac["touched"]))

    def children(self):
        # entry[avail-1] is the next object kmem_cache_alloc pops.
        for i, obj in enumerate(slab.array_entries(self.val)):
            yield "entry[%d]" % i, gdb.Value(obj).cast(util.lookup_type("void").pointer())


class KmemCacheNodePrinter(Printer):
    def to_string(self):
        n = self.val
        counts = ", ".join("%d %s" % (sum(1 for _ in util.ilist_nodes(lst)), name)
                           for name, lst in slab.slab_lists(n))
        shared = n["shared"]
        return "kmem_cache_node: %d slabs (%s), %d free objects in slabs, free_limit %d, shared %s" % (
            int(n["total_slabs"]), counts, int(n["free_objects"]), int(n["free_limit"]),
            "%d/%d" % (int(shared["avail"]), int(shared["limit"])) if int(shared) else "none")

    def children(self):
        for name, lst in slab.slab_lists(self.val):
            yield "slabs_" + name, lst
        yield "shared", self.val["shared"]


class PagePrinter(Printer):
    def to_string(self):
        if not util.symbol_value("mem_map") or mm.struct_page_pfn(int(self.val.address)) is None:
            return "page (not in mem_map) flags %#x" % int(self.val["flags"])
        return mm.describe_page(self.val)

    def children(self):
        p = self.val
        if mm.struct_page_pfn(int(p.address)) is None:
            return
        yield "pfn", mm.page_to_pfn(p)
        yield "flags", p["flags"]
        if mm.PageSlab(p):
            cache = p["slab_cache"].dereference()
            yield "slab_cache", p["slab_cache"]
            yield "s_mem", p["s_mem"]
            yield "active", p["active"]
            yield "free_indices", " ".join(str(i) for i in slab.free_indices(cache, p))
        elif mm.PageBuddy(p):
            yield "order", p["private_"]
        else:
            yield "_refcount", p["_refcount"]["counter"]


class PageListPrinter(Printer):
    """A Boost.Intrusive list of pages (slab lists, buddy free lists)."""

    def to_string(self):
        return "page_list of %d" % sum(1 for _ in util.ilist_nodes(self.val))

    def children(self):
        for i, page in enumerate(util.ilist_entries(self.val, mm.page_type(), "lru")):
            yield "[%d]" % i, page.address

    def display_hint(self):
        return "array"


class FreeAreaPrinter(Printer):
    def to_string(self):
        return "free_area: %d free blocks" % int(self.val["nr_free"])

    def children(self):
        for i, page in enumerate(mm.free_area_blocks(self.val)):
            yield "pfn[%d]" % i, mm.page_to_pfn(page)


class MempoolPrinter(Printer):
    def to_string(self):
        p = self.val
        n = sum(1 for _ in mempool.waiters(p["wait"]))
        return "mempool %d (%s): reserve %d/%d, %d waiter%s" % (
            int(p["sim_id"]), util.array_str(p["sim_name"]), int(p["curr_nr"]), int(p["min_nr"]),
            n, "" if n == 1 else "s")

    def children(self):
        p = self.val
        yield "min_nr", p["min_nr"]
        yield "curr_nr", p["curr_nr"]
        for i, e in enumerate(reversed(mempool.reserve(p))):
            yield "reserve top-%d" % i, gdb.Value(e).cast(util.lookup_type("void").pointer())
        for t in mempool.waiters(p["wait"]):
            yield "waiter", t.address
        yield "pool_data", p["pool_data"]
        yield "sim_stats", p["sim_stats"]


class TaskPrinter(Printer):
    def to_string(self):
        t = self.val
        if t.type.strip_typedefs().tag != "sim::task":
            if int(t.address) not in {int(x.address) for x in sched.tasks()}:
                return "task_struct pid %d %s cpu %d state %d" % (
                    int(t["pid"]), util.array_str(t["comm"]), int(t["cpu"]), int(t["state"]))
            t = t.cast(sched.task_type())
        return sched.describe(t)

    def children(self):
        t = self.val
        yield "pid", t["pid"]
        yield "comm", util.array_str(t["comm"])
        for f in ("cpu", "state", "flags"):
            yield f, t[f]


class WaitQueuePrinter(Printer):
    def to_string(self):
        return "wait_queue_head %s: %d waiting" % (
            util.cstr(self.val["lock"]["name"]), sum(1 for _ in mempool.waiters(self.val)))

    def children(self):
        for t in mempool.waiters(self.val):
            yield "task", t.address


def build():
    pp = gdb.printing.RegexpCollectionPrettyPrinter("slabsim")
    pp.add_printer("kmem_cache", "^kmem_cache$", KmemCachePrinter)
    pp.add_printer("array_cache", "^array_cache$", ArrayCachePrinter)
    pp.add_printer("kmem_cache_node", "^kmem_cache_node$", KmemCacheNodePrinter)
    pp.add_printer("page", "^page$", PagePrinter)
    pp.add_printer("page_list", "^boost::intrusive::list<page,", PageListPrinter)
    pp.add_printer("free_area", "^free_area$", FreeAreaPrinter)
    pp.add_printer("mempool_t", "^mempool_s$", MempoolPrinter)
    pp.add_printer("task", "^(sim::task|task_struct)$", TaskPrinter)
    pp.add_printer("wait_queue_head", "^wait_queue_head$", WaitQueuePrinter)
    return pp


def register(objfile):
    gdb.printing.register_pretty_printer(objfile, build(), replace=True)
