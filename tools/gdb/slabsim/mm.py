# SPDX-License-Identifier: GPL-2.0-only
"""The page allocator seen from gdb: mem_map, struct page, zones, /proc/buddyinfo."""
import gdb

from . import util
from .util import constants


def page_type():
    return util.lookup_type("page")


def mem_map():
    return util.symbol_value("mem_map")


def max_pfn():
    return int(util.symbol_value("max_pfn"))


def phys_base():
    return int(util.symbol_value("sim::phys_base"))


def pfn_to_page(pfn):
    return (mem_map() + pfn).dereference()


def page_to_pfn(page):
    return (int(page.address) - int(mem_map())) // page_type().sizeof


def page_address(page):
    return phys_base() + (page_to_pfn(page) << constants.PAGE_SHIFT)


def virt_to_pfn(addr):
    """The frame holding `addr`, or None when it is outside simulated physical memory."""
    base = phys_base()
    if base == 0 or not base <= addr < base + (max_pfn() << constants.PAGE_SHIFT):
        return None
    return (addr - base) >> constants.PAGE_SHIFT


def struct_page_pfn(addr):
    """The frame whose struct page is at `addr` (the start of one), or None."""
    base, size = int(mem_map()), page_type().sizeof
    if base == 0 or not base <= addr < base + max_pfn() * size or (addr - base) % size:
        return None
    return (addr - base) // size


def PageSlab(page):
    return bool(int(page["flags"]) & (1 << constants.PG_slab))


def PageHead(page):
    return bool(int(page["flags"]) & (1 << constants.PG_head))


def PageTail(page):
    return bool(int(page["compound_head"]) & 1)


def PageBuddy(page):
    return (int(page["page_type"]) & (constants.PAGE_TYPE_BASE | constants.PG_buddy)) == constants.PG_buddy


def compound_head(page):
    if PageTail(page):
        return gdb.Value(int(page["compound_head"]) - 1).cast(page_type().pointer()).dereference()
    return page


def compound_order(page):
    return int((page.address + 1).dereference()["compound_order"]) if PageHead(page) else 0


def buddy_block_of(pfn):
    """(head pfn, order) of the free buddy block that contains `pfn`, or None: a free
    block of order k starts at a pfn aligned to 2^k and its head is PageBuddy."""
    for order in range(max_order()):
        head = pfn & ~((1 << order) - 1)
        page = pfn_to_page(head)
        if PageBuddy(page) and int(page["private_"]) >= order and pfn < head + (1 << int(page["private_"])):
            return head, int(page["private_"])
    return None


def zones():
    pgdat = util.symbol_value("contig_page_data")
    nodes = pgdat["node_zones"]
    lo, hi = nodes.type.range()
    for i in range(lo, hi + 1):
        yield nodes[i]


def populated(zone):
    return int(zone["present_pages"]) != 0


def max_order():
    lo, hi = util.lookup_type("zone")["free_area"].type.range()
    return hi - lo + 1


def node_id():
    return int(util.symbol_value("contig_page_data")["node_id"])


def free_area_blocks(area):
    """The struct pages at the head of each free block on a free_area's list."""
    return util.ilist_entries(area["free_list"], page_type(), "lru")


def buddyinfo():
    """/proc/buddyinfo, as sim::proc_buddyinfo() prints it."""
    out = []
    for zone in zones():
        if not populated(zone):
            continue
        line = "Node %d, zone %8s " % (node_id(), util.cstr(zone["name"]))
        line += "".join("%6d " % int(zone["free_area"][o]["nr_free"]) for o in range(max_order()))
        out.append(line + "\n")
    return "".join(out)


def describe_page(page):
    """One line saying what a page frame is used for."""
    pfn = page_to_pfn(page)
    if PageTail(page):
        head = compound_head(page)
        return "pfn %d: tail page of the compound page at pfn %d (%s)" % (
            pfn, page_to_pfn(head), describe_page(head))
    if PageSlab(page):
        cache = page["slab_cache"]
        return "pfn %d: slab of %s, order %d, %d objects in use" % (
            pfn, util.cstr(cache["name"]), compound_order(page), int(page["active"]))
    if PageBuddy(page):
        return "pfn %d: free buddy block of order %d" % (pfn, int(page["private_"]))
    block = buddy_block_of(pfn)
    if block:
        return "pfn %d: free, inside the buddy block of order %d at pfn %d" % (pfn, block[1], block[0])
    alloc_order = int(page["alloc_order"])
    if alloc_order:
        return "pfn %d: allocated, order %d, refcount %d" % (pfn, alloc_order - 1, int(page["_refcount"]["counter"]))
    return "pfn %d: in use (refcount %d, flags %#x)" % (pfn, int(page["_refcount"]["counter"]), int(page["flags"]))


class BuddyinfoCommand(gdb.Command):
    """buddyinfo: /proc/buddyinfo of the process being debugged (free blocks per order).
With -v, also the head pfn of every free block, order by order."""

    def __init__(self):
        super().__init__("buddyinfo", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        gdb.write(buddyinfo())
        if arg.strip() != "-v":
            return
        for zone in zones():
            if not populated(zone):
                continue
            for order in range(max_order()):
                pfns = [page_to_pfn(p) for p in free_area_blocks(zone["free_area"][order])]
                if pfns:
                    gdb.write("%s order %2d: %s\n" % (util.cstr(zone["name"]), order,
                                                       " ".join(str(p) for p in pfns)))


def register():
    BuddyinfoCommand()
