# SPDX-License-Identifier: GPL-2.0-only
"""Reading the simulator's memory from gdb: globals, lists, vectors, per-CPU areas.

Everything here only reads memory (no inferior calls), so the helpers work on a core file
as well as on a live process.
"""
import gdb

# Written by the build beside slabsim-gdb.py, from the C++ headers (tools/gdb/constants.cpp).
import slabsim_gdb_constants as constants

PAGE_SIZE = 1 << constants.PAGE_SHIFT


class SlabsimError(gdb.GdbError):
    """A user-facing error: gdb prints the message without a Python traceback."""


def lookup_type(name):
    try:
        return gdb.lookup_type(name)
    except gdb.error:
        raise SlabsimError("type %s not found: is this the slabsim binary, built with -g?" % name)


def symbol_value(name):
    """The value of a global, by its qualified name."""
    try:
        return gdb.parse_and_eval(name)
    except gdb.error:
        raise SlabsimError("symbol %s not found: is this the slabsim binary, built with -g?" % name)


def field_offset(type_, name):
    for f in type_.strip_typedefs().fields():
        if f.name == name:
            return f.bitpos // 8
    raise SlabsimError("%s has no field %s" % (type_, name))


def container_of(addr, type_, member):
    """The struct of type `type_` whose `member` is at address `addr` (an int)."""
    base = int(addr) - field_offset(type_, member)
    return gdb.Value(base).cast(type_.pointer()).dereference()


def find_field(value, name):
    """The first field called `name` in `value`, searching base classes and members
    breadth first (Boost.Intrusive nests its header a few classes deep)."""
    queue = [value]
    while queue:
        v = queue.pop(0)
        t = v.type.strip_typedefs()
        if t.code not in (gdb.TYPE_CODE_STRUCT, gdb.TYPE_CODE_UNION):
            continue
        for f in t.fields():
            if f.name == name:
                return v[f]
            if f.is_base_class or f.type.strip_typedefs().code == gdb.TYPE_CODE_STRUCT:
                queue.append(v[f])
    raise SlabsimError("no field %s in %s" % (name, value.type))


def ilist_nodes(list_value):
    """Node addresses (ints) of a Boost.Intrusive list, head to tail. The header node is
    the list's own `m_header`; each node's `next_` points at the next hook."""
    header = find_field(list_value, "m_header")
    head = int(header.address)
    node = header["next_"]
    seen = 0
    while int(node) not in (0, head):
        yield int(node)
        node = node.dereference()["next_"]
        seen += 1
        if seen > 1 << 24:
            raise SlabsimError("list at %#x does not come back to its head" % head)


def ilist_entries(list_value, type_, member):
    """The structs on a Boost.Intrusive member-hook list."""
    for node in ilist_nodes(list_value):
        yield container_of(node, type_, member)


def klist_entries(head_value, type_, member):
    """The structs on a kernel list_head list (linux/list.h)."""
    head = int(head_value.address)
    node = head_value["next"]
    while int(node) not in (0, head):
        yield container_of(int(node), type_, member)
        node = node.dereference()["next"]


def vector_items(vec):
    """The elements of a libstdc++ std::vector."""
    impl = vec["_M_impl"]
    start, finish = impl["_M_start"], impl["_M_finish"]
    for i in range(int(finish - start)):
        yield (start + i).dereference()


def unique_ptr_get(up):
    """The pointer a libstdc++ std::unique_ptr holds (one pointer, first in the object)."""
    pointee = up.type.strip_typedefs().template_argument(0)
    return up.address.cast(pointee.pointer().pointer()).dereference()


def std_string(s):
    """A libstdc++ std::string's text."""
    return s["_M_dataplus"]["_M_p"].string(length=int(s["_M_string_length"]))


def nr_cpu_ids():
    return int(symbol_value("nr_cpu_ids"))


def per_cpu_ptr(ptr, cpu):
    """linux/percpu.h's per_cpu_ptr: CPU n's copy is n units past CPU 0's."""
    return gdb.Value(int(ptr) + cpu * constants.PCPU_UNIT_SIZE).cast(ptr.type)


def cstr(value, default="?"):
    try:
        return value.string() if int(value) else default
    except gdb.error:
        return default


def array_str(value):
    """A NUL-terminated string held in a char array member (comm, sim_name)."""
    return value.string().split("\0")[0]


def script_site(addr):
    """`default.scn:23` for a scenario line's caller address (sim/trace/kallsyms.h: address
    SCRIPT_SITE_BASE + i names sim::kallsyms_script_sites[i]), else None."""
    if addr < constants.SCRIPT_SITE_BASE:
        return None
    sites = gdb.parse_and_eval("sim::kallsyms_script_sites")["_M_impl"]
    index = addr - constants.SCRIPT_SITE_BASE
    if index >= int(sites["_M_finish"] - sites["_M_start"]):
        return None
    site = sites["_M_start"][index]
    return "%s:%d" % (site["file"]["_M_dataplus"]["_M_p"].string(), int(site["line"]))


def _group_start(s, end, open_c, close_c):
    """Where the bracketed group that ends at s[end - 1] opens, or -1."""
    depth = 0
    for i in range(end - 1, -1, -1):
        if s[i] == close_c:
            depth += 1
        elif s[i] == open_c:
            depth -= 1
            if depth == 0:
                return i
    return -1


def kernel_name(name):
    """A C++ function's name bare, as the simulator's kallsyms prints it (kernel_name in
    sim/trace/kallsyms.cpp): `sim::process_timeout(timer_list*)` is `process_timeout`."""
    if "{lambda" in name or "operator" in name:
        return name
    for q in (" const", " &&", " &"):
        if name.endswith(q):
            name = name[: -len(q)]
    end = len(name)
    if end and name[end - 1] == ")":
        end = _group_start(name, end, "(", ")")
    if end > 0 and name[end - 1] == ">":
        end = _group_start(name, end, "<", ">")
    if end <= 0:
        return name
    begin = max(name.rfind(":", 0, end), name.rfind(" ", 0, end)) + 1
    return name[begin:end] if begin < end else name


def symbolize(addr):
    """`function+0xoff` for a code address, as %pS prints it; `file.scn:N` for a scenario
    line; hex when unknown."""
    addr = int(addr)
    site = script_site(addr)
    if site:
        return site
    try:
        block = gdb.block_for_pc(addr)
    except RuntimeError:
        block = None
    while block is not None and block.function is None:
        block = block.superblock
    if block is None:
        return "%#x" % addr
    return "%s+%#x" % (kernel_name(block.function.print_name), addr - block.start)


def parse_address(arg):
    """An expression's value as an address; a structure stands for its own address."""
    try:
        v = gdb.parse_and_eval(arg)
        if v.type.strip_typedefs().code in (gdb.TYPE_CODE_STRUCT, gdb.TYPE_CODE_UNION):
            v = v.address
        return int(v.cast(lookup_type("unsigned long")))
    except gdb.error as e:
        raise SlabsimError(str(e))


def column_header(columns, name_width):
    """The "# name <a> <b> : group <c>" line of a /proc table (sim::column_header)."""
    out = "# name".ljust(name_width)
    for _name, group, _width, label in columns:
        out += (" : " + group if group else "") + " <" + label + ">"
    return out + "\n"


def column_line(columns, name, name_width, value):
    """One object's line of a /proc table (sim::column_line); value(field) reads a field."""
    out = name.ljust(name_width)
    for field, group, width, _label in columns:
        out += (" : " + group if group else "") + " " + str(value(field)).rjust(width)
    return out + "\n"
