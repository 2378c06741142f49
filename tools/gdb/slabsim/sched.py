# SPDX-License-Identifier: GPL-2.0-only
"""Tasks seen from gdb: the task list with states and where each one sleeps."""
import gdb

from . import mempool, util
from .util import constants

# sim::task_state_char's letters, and crash's `ps` names for them.
STATE_NAMES = {"R": "RU", "S": "IN", "D": "UN", "I": "ID", "X": "EX"}


def task_type():
    return util.lookup_type("sim::task")


def tasks():
    """Every task spawned since boot, by pid (sim/sched/internal.h's sched_state)."""
    for up in util.vector_items(util.symbol_value("sim::sched_globals.tasks")):
        yield util.unique_ptr_get(up).dereference()


def running():
    """Addresses of the tasks on a CPU right now."""
    return {int(t.address) for t in tasks() if bool(t["on_cpu"])}


def state_char(t):
    """sim::task_state_char."""
    state = int(t["state"])
    if bool(t["exited"]):
        return "X"
    if state == constants.TASK_RUNNING:
        return "R"
    if state == constants.TASK_IDLE:
        return "I"
    return "D" if state & constants.TASK_UNINTERRUPTIBLE else "S"


def describe_wait(t):
    """sim::describe_wait: what a sleeping task waits for and where it went to sleep."""
    if bool(t["exited"]) or int(t["state"]) == constants.TASK_RUNNING:
        return ""
    kind = str(t["waiting"]).rsplit(":", 1)[-1]
    if kind == "wait_queue":
        wq = t["wait_obj"].cast(util.lookup_type("wait_queue_head").pointer())
        what = "wait queue %s" % util.cstr(wq["lock"]["name"])
    elif kind == "timeout":
        what = "a timeout"
    elif kind == "start":
        return "not started: created by kthread_create() and never woken"
    else:
        what = "a wake_up_process()"
    if bool(t["has_deadline"]):
        what += " (timeout at jiffies %d)" % int(t["wake_deadline"])
    if int(t["sleep_file"]):
        what += ", in %s at %s:%d" % (util.cstr(t["sleep_func"]), util.cstr(t["sleep_file"]),
                                      int(t["sleep_line"]))
    return what


def wait_pool(t):
    """The mempool a task sleeps on, or None."""
    if str(t["waiting"]).endswith("wait_queue") and not bool(t["exited"]):
        return mempool.pool_of_wait_queue(int(t["wait_obj"]))
    return None


def describe(t):
    """One line: pid, comm, CPU, state and wait (the task pretty-printer and `ps`)."""
    line = "pid %d %s cpu %d %s" % (int(t["pid"]), util.array_str(t["comm"]), int(t["cpu"]),
                                    STATE_NAMES[state_char(t)])
    wait = describe_wait(t)
    if wait:
        line += ": " + wait
    pool = wait_pool(t)
    if pool is not None:
        line += " [mempool %d (%s)]" % (int(pool["sim_id"]), util.array_str(pool["sim_name"]))
    return line


class PsCommand(gdb.Command):
    """ps: the simulated tasks, crash-style: pid, CPU, task address, state (RU running or
runnable, IN interruptible, UN uninterruptible, ID idle, EX exited), comm, and for a
sleeper what it waits on and where it went to sleep. '>' marks tasks on a CPU now."""

    def __init__(self):
        super().__init__("ps", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        on_cpu = running()
        gdb.write("   PID  CPU  TASK              ST  COMM             WAIT\n")
        for t in tasks():
            mark = ">" if int(t.address) in on_cpu else " "
            wait = describe(t).partition(": ")[2]
            gdb.write("%s%5d %4d  %016x  %s  %-16s %s\n" % (
                mark, int(t["pid"]), int(t["cpu"]), int(t.address), STATE_NAMES[state_char(t)],
                util.array_str(t["comm"]), wait))


def register():
    PsCommand()
