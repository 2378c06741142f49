# SPDX-License-Identifier: GPL-2.0-only
"""Convenience functions, to reach structures by name in expressions:
`p *$cpu_cache($kmem_cache("bio"))`, `p *$mempool("bios")`, `p *$task("writer")`."""
import gdb

from . import mempool, sched, slab, util


def _text(v):
    """A string argument as gdb passes it (a char array), or a number as text."""
    t = v.type.strip_typedefs()
    if t.code == gdb.TYPE_CODE_ARRAY or (t.code == gdb.TYPE_CODE_PTR and t.target().sizeof == 1):
        return v.string()
    return str(int(v))


class KmemCacheFunction(gdb.Function):
    """$kmem_cache(NAME): the struct kmem_cache * of the cache called NAME."""

    def __init__(self):
        super().__init__("kmem_cache")

    def invoke(self, name):
        return slab.find_cache(_text(name)).address


class CpuCacheFunction(gdb.Function):
    """$cpu_cache(CACHEP [, CPU]): the array_cache * of CPU (default: the CPU running now)."""

    def __init__(self):
        super().__init__("cpu_cache")

    def invoke(self, cachep, cpu=None):
        n = int(cpu) if cpu is not None else int(util.symbol_value("__sim_this_cpu")["cpu"])
        return util.per_cpu_ptr(cachep["cpu_cache"], n)


class MempoolFunction(gdb.Function):
    """$mempool(NAME or ID): the mempool_t * of a live pool."""

    def __init__(self):
        super().__init__("mempool")

    def invoke(self, key):
        return mempool.find_pool(_text(key)).address


class TaskFunction(gdb.Function):
    """$task(COMM or PID): the sim::task * of a simulated task."""

    def __init__(self):
        super().__init__("task")

    def invoke(self, key):
        key = _text(key)
        for t in sched.tasks():
            if key in (str(int(t["pid"])), util.array_str(t["comm"])):
                return t.address
        raise util.SlabsimError("no task with comm or pid %s" % key)


def register():
    KmemCacheFunction()
    CpuCacheFunction()
    MempoolFunction()
    TaskFunction()
