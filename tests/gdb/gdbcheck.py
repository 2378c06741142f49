# SPDX-License-Identifier: GPL-2.0-only
# A few helpers for test scripts that drive gdb: stop somewhere, run a command, call the
# simulator in the inferior, compare. Failures are collected; done() quits gdb with
# status 1 if there was any, so ctest sees them.
import traceback

import gdb

import slabsim.util

failures = []
started = False


def check(what, ok, shown):
    if ok:
        print("ok - %s" % what)
    else:
        failures.append(what)
        print("not ok - %s\n%s" % (what, shown))


def check_equal(what, ours, theirs):
    check(what, ours == theirs, "gdb helper:\n%s\nsimulator:\n%s" % (ours, theirs))


def command(line):
    return gdb.execute(line, to_string=True)


def call_string(expr):
    """Calls a simulator function that returns std::string, in the inferior."""
    return slabsim.util.std_string(gdb.parse_and_eval(expr))


def in_frame(function, expr):
    """`expr` evaluated in the innermost frame of `function`: a breakpoint's first line may
    belong to a function inlined into it, where the caller's parameters are out of scope."""
    frame = gdb.newest_frame()
    while frame is not None and frame.name() != function:
        frame = frame.older()
    if frame is None:
        raise gdb.GdbError("%s is not on the stack" % function)
    selected = gdb.selected_frame()
    frame.select()
    try:
        return gdb.parse_and_eval(expr)
    finally:
        selected.select()


class _Stop(gdb.Breakpoint):
    def __init__(self, function, condition):
        super().__init__(function, internal=True, temporary=True)
        self.function, self.when = function, condition

    def stop(self):
        return not self.when or bool(in_frame(self.function, self.when))


def stop_at(function, condition):
    """Runs (or continues) to the next call of `function` for which `condition` (a gdb
    expression over its parameters, or "") holds."""
    global started
    bp = _Stop(function, condition)
    gdb.execute("continue" if started else "run", to_string=True)
    started = True
    if bp.is_valid():
        bp.delete()
        fail_and_quit("never stopped at %s if %s" % (function, condition))


def finish(function):
    """Runs to the end of `function` (innermost call); its return value as an int, if any."""
    frame = gdb.newest_frame()
    while frame.name() != function:
        frame = frame.older()
    frame.select()
    returns = frame.function().type.target()
    gdb.execute("finish", to_string=True)
    if returns.code == gdb.TYPE_CODE_VOID:
        return None
    return int(gdb.parse_and_eval("$").cast(slabsim.util.lookup_type("unsigned long")))


def fail_and_quit(why):
    failures.append(why)
    print("not ok - %s" % why)
    done()


def done():
    print("%d failed" % len(failures))
    try:
        gdb.execute("kill", to_string=True)
    except gdb.error:
        pass  # a core file: nothing to kill
    gdb.execute("quit %d" % (1 if failures else 0))


def run(path):
    """Runs a test script; an exception in it is a failure too."""
    try:
        exec(compile(open(path).read(), path, "exec"), {"__name__": "__gdbtest__"})
    except Exception:
        failures.append("%s raised" % path)
        traceback.print_exc()
    done()
