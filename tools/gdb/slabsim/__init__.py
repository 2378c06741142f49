# SPDX-License-Identifier: GPL-2.0-only
"""slabsim's gdb helpers: pretty-printers for the allocator's structures and commands in
the style of crash and drgn (docs/gdb.md). Everything reads memory only, so it works on a
live process and on a core file alike."""
import gdb

from . import functions, mempool, mm, printers, sched, slab, trace

_commands_registered = False


def register(objfile=None):
    """Registers the printers for `objfile` (all objfiles when None) and, once, the commands."""
    global _commands_registered
    printers.register(objfile)
    if not _commands_registered:
        for module in (slab, mm, mempool, sched, trace, functions):
            module.register()
        _commands_registered = True
