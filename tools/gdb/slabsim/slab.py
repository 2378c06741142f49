# SPDX-License-Identifier: GPL-2.0-only
"""The SLAB allocator seen from gdb: caches, array caches, slabs, objects.

/proc/slabinfo is recomputed here from the structures (as mm/slab.c's get_slabinfo does),
not by calling sim::slabinfo(), so it also works on a core file.
"""
import gdb

from . import mm, util
from .util import constants


def flag_names(flags):
    """A cache's flags as SLAB_* names (without the prefix), joined with |."""
    flags = int(flags)
    names = [n for bit, n in sorted(constants.SLAB_FLAGS.items()) if flags & bit]
    rest = flags & ~sum(constants.SLAB_FLAGS)
    return "|".join(names + (["%#x" % rest] if rest else [])) or "0"


def cache_type():
    return util.lookup_type("kmem_cache")


def caches():
    """Every kmem_cache, newest first (the order of slab_caches and /proc/slabinfo)."""
    return util.ilist_entries(util.symbol_value("slab_caches"), cache_type(), "list")


def find_cache(name_or_addr):
    for c in caches():
        if util.cstr(c["name"]) == name_or_addr:
            return c
    try:
        addr = util.parse_address(name_or_addr)
    except util.SlabsimError:
        addr = None
    for c in caches():
        if int(c.address) == addr:
            return c
    raise util.SlabsimError("no kmem_cache named or at %s" % name_or_addr)


def node(cache):
    return cache["node"][0].dereference()


def cpu_array(cache, cpu):
    return util.per_cpu_ptr(cache["cpu_cache"], cpu).dereference()


def array_entries(ac):
    """The object pointers an array_cache holds, bottom (oldest) to top (next to go)."""
    entry = ac["entry"]
    return [int(entry[i]) for i in range(int(ac["avail"]))]


def slab_lists(n):
    return (("partial", n["slabs_partial"]), ("full", n["slabs_full"]), ("free", n["slabs_free"]))


def slabs(cache):
    """(list name, head struct page) for every slab of the cache."""
    n = node(cache)
    for which, lst in slab_lists(n):
        for page in util.ilist_entries(lst, mm.page_type(), "lru"):
            yield which, page


def free_indices(cache, page):
    """Indices of the slab's free objects: freelist[active..num-1], next to go first."""
    fl = page["freelist"].cast(util.lookup_type("unsigned char").pointer())
    return [int(fl[i]) for i in range(int(page["active"]), int(cache["num"]))]


def stats_on():
    return bool(util.symbol_value("sim::slab_stats"))


def get_slabinfo(cache):
    """mm/slab.c get_slabinfo: objects in any array cache count as active. Keys are the slabinfo
    table's field names (sim/slab/observe.cpp)."""
    n = node(cache)
    total_slabs, free_slabs = int(n["total_slabs"]), int(n["free_slabs"])
    num = int(cache["num"])
    shared = n["shared"]
    return {
        "num_objs": total_slabs * num,
        "active_objs": total_slabs * num - int(n["free_objects"]),
        "active_slabs": total_slabs - free_slabs,
        "num_slabs": total_slabs,
        "sharedavail": int(shared.dereference()["avail"]) if int(shared) else 0,
    }


# The slabinfo table's fields that are a kmem_cache member of another name, or computed.
_CACHE_MEMBER = {"objsize": "size", "objperslab": "num", "sharedfactor": "shared",
                 "listallocs": "num_allocations", "maxobjs": "high_mark", "error": "errors",
                 "maxfreeable": "max_freeable", "nodeallocs": "node_allocs",
                 "remotefrees": "node_frees", "alienoverflow": "node_overflow"}


def slabinfo_value(c, summary, field):
    """A field of the slabinfo table, read as sim::read_slabinfo_row's columns read it."""
    if field in summary:
        return summary[field]
    if field == "pagesperslab":
        return 1 << int(c["gfporder"])
    v = c[_CACHE_MEMBER.get(field, field)]
    return int(v["counter"]) if v.type.strip_typedefs().code == gdb.TYPE_CODE_STRUCT else int(v)


def slabinfo_columns():
    """The columns /proc/slabinfo shows: the statistics' too when they are on."""
    return constants.SLABINFO_COLUMNS + (constants.SLABINFO_STAT_COLUMNS if stats_on() else [])


def slabinfo():
    cols = slabinfo_columns()
    head = "slabinfo - version: 2.1 (statistics)\n" if stats_on() else "slabinfo - version: 2.1\n"
    lines = "".join(util.column_line(cols, util.cstr(c["name"]), 17,
                                     lambda f, c=c, s=get_slabinfo(c): slabinfo_value(c, s, f)) for c in caches())
    return head + util.column_header(cols, 17) + lines


def cached_objects(cache):
    """{stride start: where} for every object sitting in an array cache."""
    where = {}
    for cpu in range(util.nr_cpu_ids()):
        for obj in array_entries(cpu_array(cache, cpu)):
            where[obj] = "cpu %d cache" % cpu
    shared = node(cache)["shared"]
    if int(shared):
        for obj in array_entries(shared.dereference()):
            where[obj] = "shared cache"
    return where


def slab_objects(cache, page, cached):
    """(index, stride start, user address, state) for each object of one slab; state is
    "allocated", "free" (in the slab) or "cpu N cache"/"shared cache"."""
    free = set(free_indices(cache, page))
    size, offset = int(cache["size"]), int(cache["obj_offset"])
    s_mem = int(page["s_mem"])
    for idx in range(int(cache["num"])):
        obj = s_mem + idx * size
        state = "free" if idx in free else cached.get(obj, "allocated")
        yield idx, obj, obj + offset, state


def last_user(cache, stride_start):
    """The caller SLAB_STORE_USER recorded in the object's last word, or None."""
    if not int(cache["flags"]) & constants.SLAB_STORE_USER:
        return None
    word = gdb.Value(stride_start + int(cache["size"]) - constants.BYTES_PER_WORD)
    caller = int(word.cast(util.lookup_type("unsigned long").pointer()).dereference())
    return util.symbolize(caller) if caller else "(none recorded)"


def kmem_s_header():
    return "CACHE             OBJSIZE  ALLOCATED     TOTAL  SLABS  SSIZE  NAME\n"


def kmem_s_line(c):
    """crash's `kmem -s` line. ALLOCATED excludes objects parked in array caches (as crash
    does), unlike slabinfo's active_objs."""
    s = get_slabinfo(c)
    allocated = s["active_objs"] - len(cached_objects(c))
    return "%016x %7d %10d %9d %6d %5dk  %s\n" % (
        int(c.address), int(c["size"]), allocated, s["num_objs"], s["num_slabs"],
        (util.PAGE_SIZE << int(c["gfporder"])) // 1024, util.cstr(c["name"]))


def slab_of(addr):
    """(cache, head page) of the slab holding `addr`, or None."""
    pfn = mm.virt_to_pfn(addr)
    if pfn is None:
        return None
    head = mm.compound_head(mm.pfn_to_page(pfn))
    if not mm.PageSlab(head):
        return None
    return head["slab_cache"].dereference(), head


def kmem_address(addr):
    """crash's `kmem ADDRESS`: the cache, the slab, the object and its state."""
    pfn = mm.struct_page_pfn(addr)
    if pfn is not None:
        return "%#x is the struct page of %s\n" % (addr, mm.describe_page(mm.pfn_to_page(pfn)))
    found = slab_of(addr)
    if found is None:
        pfn = mm.virt_to_pfn(addr)
        if pfn is None:
            raise util.SlabsimError("%#x is not in the simulated memory or mem_map" % addr)
        return "%#x: %s\n" % (addr, mm.describe_page(mm.pfn_to_page(pfn)))
    cache, page = found
    out = kmem_s_header() + kmem_s_line(cache)
    s_mem, size, num = int(page["s_mem"]), int(cache["size"]), int(cache["num"])
    out += "  SLAB              MEMORY            LIST     TOTAL  ALLOCATED  FREE\n"
    which = next((w for w, p in slabs(cache) if int(p.address) == int(page.address)), "?")
    out += "  %016x  %016x  %-7s %5d %10d %5d\n" % (
        int(page.address), mm.page_address(page), which, num, int(page["active"]), num - int(page["active"]))
    idx = (addr - s_mem) // size if addr >= s_mem else -1
    if not 0 <= idx < num:
        return out + "  %#x is in the slab's colour or freelist area, not in an object\n" % addr
    _, obj, user, state = list(slab_objects(cache, page, cached_objects(cache)))[idx]
    shown = "[%016x]" % user if state == "allocated" else "%016x" % user
    out += "  FREE / [ALLOCATED]\n  %s  index %d  %s" % (shown, idx, state)
    if addr != user:
        out += "  (%#x is at offset %d of the stride)" % (addr, addr - obj)
    user_fn = last_user(cache, obj)
    if user_fn:
        out += "\n  last user: %s" % user_fn
    return out + "\n"


class KmemCommand(gdb.Command):
    """kmem -s [CACHE]   caches in crash's `kmem -s` layout (ALLOCATED excludes array caches)
kmem -S CACHE       every slab of a cache with its objects ([allocated], free, cpu/shared cache)
kmem ADDRESS        which cache, slab and object an address is in, allocated or free,
                    and its last user when the cache has SLAB_STORE_USER"""

    def __init__(self):
        super().__init__("kmem", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        argv = gdb.string_to_argv(arg)
        if not argv:
            raise util.SlabsimError("usage: kmem -s [CACHE] | kmem -S CACHE | kmem ADDRESS")
        if argv[0] == "-s":
            chosen = [find_cache(argv[1])] if len(argv) > 1 else caches()
            gdb.write(kmem_s_header() + "".join(kmem_s_line(c) for c in chosen))
        elif argv[0] == "-S" and len(argv) == 2:
            gdb.write(kmem_slabs(find_cache(argv[1])))
        else:
            gdb.write(kmem_address(util.parse_address(" ".join(argv))))


def kmem_slabs(cache):
    out = kmem_s_header() + kmem_s_line(cache)
    cached = cached_objects(cache)
    for which, page in slabs(cache):
        out += "  SLAB %016x  (%s)  MEMORY %016x  %d/%d in use\n" % (
            int(page.address), which, mm.page_address(page), int(page["active"]), int(cache["num"]))
        for idx, _, user, state in slab_objects(cache, page, cached):
            out += "    [%016x]\n" % user if state == "allocated" else "     %016x  %s\n" % (user, state)
    return out


class SlabinfoCommand(gdb.Command):
    """slabinfo: /proc/slabinfo of the process being debugged, computed from the structures
(works on a core file). Objects in array caches count as active, as in the kernel."""

    def __init__(self):
        super().__init__("slabinfo", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        gdb.write(slabinfo())


class SlabobjsCommand(gdb.Command):
    """slabobjs CACHE [allocated|free|all]: the objects of a cache, one per line
(address, slab, index, state), like drgn's slab_cache_for_each_allocated_object.
"free" lists objects free in slabs and those parked in array caches."""

    def __init__(self):
        super().__init__("slabobjs", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        argv = gdb.string_to_argv(arg)
        if not 1 <= len(argv) <= 2 or (len(argv) == 2 and argv[1] not in ("allocated", "free", "all")):
            raise util.SlabsimError("usage: slabobjs CACHE [allocated|free|all]")
        want = argv[1] if len(argv) == 2 else "allocated"
        cache = find_cache(argv[0])
        cached = cached_objects(cache)
        for _, page in slabs(cache):
            for idx, _, user, state in slab_objects(cache, page, cached):
                if want == "all" or (state == "allocated") == (want == "allocated"):
                    gdb.write("%016x  slab %016x  index %3d  %s\n" % (user, int(page.address), idx, state))


def register():
    SlabinfoCommand()
    KmemCommand()
    SlabobjsCommand()
