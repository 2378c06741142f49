# SPDX-License-Identifier: GPL-2.0-only
"""The trace ring buffer seen from gdb: the last N events.

Each line starts as ftrace's text does (sim::trace_format_line); the event's fields are
then decoded from the slot's bytes through the event's C++ type (trace_event<Fields>), so
this works on a core file too. The field values are gdb's, not the event's TP_printk.
"""
import gdb

from . import util
from .util import constants

STATE = "sim::trace_globals"


def slots():
    """The slots holding events, oldest first (sim::trace_for_each's order)."""
    state = util.symbol_value(STATE)
    ring = state["ring"]
    impl = ring["_M_impl"]
    size = int(impl["_M_finish"] - impl["_M_start"])
    written = int(state["written"])
    for i in range(written - min(written, size), written):
        yield (impl["_M_start"] + i % size).dereference()


def context(s):
    """trace_format_line's prefix: "comm-pid [cpu] flags secs.usecs: name: "."""
    flags, pid = int(s["flags"]), int(s["pid"])
    comm = "<idle>" if pid == 0 else util.array_str(s["comm"])
    irq = ("H" if flags & constants.TRACE_FLAG_HARDIRQ and flags & constants.TRACE_FLAG_SOFTIRQ
           else "h" if flags & constants.TRACE_FLAG_HARDIRQ
           else "s" if flags & constants.TRACE_FLAG_SOFTIRQ else ".")
    depth = int(s["preempt_count"])
    ts = int(s["ts_ns"])
    return "%16s-%-5d [%03d] %s.%s%s %5d.%06d: %s: " % (
        comm, pid, int(s["cpu"]), "d" if flags & constants.TRACE_FLAG_IRQS_OFF else ".", irq,
        "0123456789abcdef"[depth & 0xF] if depth else ".", ts // 1000000000,
        ts % 1000000000 // 1000, event_name(s)[1])


def event_name(s):
    t = s["type"].dereference()
    return util.cstr(t["system_"]), util.cstr(t["name_"])


def fields(s):
    """The event's fields as "name=value" pairs, through its dynamic type."""
    try:
        fields_type = s["type"].dereference().dynamic_type.template_argument(0)
    except (gdb.error, RuntimeError):
        return "(fields of unknown type)"
    return format_struct(s["fields"].address.cast(fields_type.pointer()).dereference())


def format_struct(value):
    return " ".join("%s=%s" % (f.name, format_field(f.name, value[f]))
                    for f in value.type.strip_typedefs().fields())


def format_field(name, v):
    """Pointers and flags in hex, call sites as symbol+offset, char arrays as text."""
    t = v.type.strip_typedefs()
    if t.code == gdb.TYPE_CODE_PTR:
        return "%#x" % int(v)
    if t.code == gdb.TYPE_CODE_ARRAY and t.target().sizeof == 1:
        return util.array_str(v)
    if t.code == gdb.TYPE_CODE_STRUCT:
        return "{%s}" % format_struct(v)
    if name in ("call_site", "ip"):
        return util.symbolize(v)
    if "flags" in name:
        return "%#x" % int(v)
    return v.format_string(raw=True)


class FtraceCommand(gdb.Command):
    """ftrace [N]: the last N (default 20) events of the trace ring buffer, oldest first,
with ftrace's context columns and the event's fields as gdb reads them. Tracing is on
when slabsim runs with --trace FILE."""

    def __init__(self):
        super().__init__("ftrace", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        n = int(util.parse_address(arg)) if arg.strip() else 20
        events = list(slots())
        if not events:
            gdb.write("the trace buffer is empty (run slabsim with --trace FILE to record)\n")
        for s in events[max(0, len(events) - n):]:
            system, _ = event_name(s)
            gdb.write(context(s) + "[%s] %s\n" % (system, fields(s)))


def register():
    FtraceCommand()
