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


def kmem_cache(name):
    """$kmem_cache(NAME): the struct kmem_cache * of the cache called NAME."""
    return slab.find_cache(_text(name)).address


def cpu_cache(cachep, cpu=None):
    """$cpu_cache(CACHEP [, CPU]): the array_cache * of CPU (default: the CPU running now)."""
    n = int(cpu) if cpu is not None else int(util.symbol_value("__sim_this_cpu")["cpu"])
    return util.per_cpu_ptr(cachep["cpu_cache"], n)


def mempool_(key):
    """$mempool(NAME or ID): the mempool_t * of a live pool."""
    return mempool.find_pool(_text(key)).address


def task(key):
    """$task(COMM or PID): the sim::task * of a simulated task."""
    key = _text(key)
    for t in sched.tasks():
        if key in (str(int(t["pid"])), util.array_str(t["comm"])):
            return t.address
    raise util.SlabsimError("no task with comm or pid %s" % key)


class Function(gdb.Function):
    def __init__(self, name, fn):
        self.__doc__ = fn.__doc__  # what `help function NAME` prints
        super().__init__(name)
        self.fn = fn

    def invoke(self, *args):
        return self.fn(*args)


def register():
    for name, fn in (("kmem_cache", kmem_cache), ("cpu_cache", cpu_cache), ("mempool", mempool_),
                     ("task", task)):
        Function(name, fn)
