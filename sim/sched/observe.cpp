// SPDX-License-Identifier: GPL-2.0-only
#include "sim/sched/observe.h"

#include "sim/sched/sched.h"
#include "sim/sched/task.h"

namespace sim {

namespace {

using T = const task_struct &;

const task &sched(T t) { return static_cast<const task &>(t); }

const field<task_struct> task_table[] = {
	{"pid", "", [](T t) -> std::int64_t { return t.pid; }, "process id, from 1 in spawn order"},
	{"cpu", "", [](T t) -> std::int64_t { return t.cpu; }, "the CPU whose run queue the task is on"},
	{"nvcsw", "", [](T t) -> std::int64_t { return sched(t).nvcsw; },
	 "voluntary context switches: the task slept or exited"},
	{"nivcsw", "", [](T t) -> std::int64_t { return sched(t).nivcsw; },
	 "involuntary context switches: the task was preempted"},
	{"exit_code", "", [](T t) -> std::int64_t { return sched(t).exit_code; },
	 "what the task's function returned, or the signal that killed it (once state is X)"},
};

const text_field<task_struct> task_text_table[] = {
	{"comm", [](T t) { return std::string(t.comm); }, "the task's name"},
	{"state", [](T t) { return std::string(1, task_state_char(&t)); },
	 "R running or runnable, S sleeping, D uninterruptible, I idle kworker, X exited"},
	{"wait", [](T t) { return describe_wait(&t); }, "what the task waits on and where; empty when it runs"},
};

} // namespace

table<field<task_struct>> task_fields() { return task_table; }
table<text_field<task_struct>> task_text_fields() { return task_text_table; }

std::vector<const task_struct *> tasks()
{
	std::vector<const task_struct *> out;
	for (pid_t pid = 1; const task_struct *t = find_task_by_pid(pid); ++pid)
		out.push_back(t);
	return out;
}

} // namespace sim
