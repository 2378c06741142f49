// SPDX-License-Identifier: GPL-2.0-only
// The engine's tracepoints, with v5.4's field formats (include/trace/events/sched.h, timer.h).
#pragma once

#include "linux/sched.h"
#include "linux/timer.h"
#include "sim/trace/trace.h"

namespace sim {

struct sched_switch_fields {
	char prev_comm[TASK_COMM_LEN];
	pid_t prev_pid;
	int prev_prio;
	long prev_state; // __trace_sched_switch_state(): a report bit, or TASK_REPORT_MAX if preempted
	char next_comm[TASK_COMM_LEN];
	pid_t next_pid;
	int next_prio;
};
struct sched_wakeup_fields {
	char comm[TASK_COMM_LEN];
	pid_t pid;
	int prio;
	int target_cpu;
};
struct sched_process_fields {
	char comm[TASK_COMM_LEN];
	pid_t pid;
	int prio;
};
struct timer_fields {
	const void *timer;
};
struct timer_start_fields {
	const void *timer;
	const void *function;
	unsigned long expires;
	unsigned long now;
	unsigned int flags;
};
struct timer_expire_entry_fields {
	const void *timer;
	unsigned long now;
	const void *function;
	unsigned long baseclk;
};

extern trace_event<sched_switch_fields> trace_sched_switch;
extern trace_event<sched_wakeup_fields> trace_sched_wakeup;
extern trace_event<sched_wakeup_fields> trace_sched_wakeup_new;
extern trace_event<sched_process_fields> trace_sched_process_exit;
extern trace_event<timer_fields> trace_timer_init;
extern trace_event<timer_start_fields> trace_timer_start;
extern trace_event<timer_expire_entry_fields> trace_timer_expire_entry;
extern trace_event<timer_fields> trace_timer_expire_exit;
extern trace_event<timer_fields> trace_timer_cancel;

// The switch-state value sched_switch records for `p` (preempted: "R+").
long sched_switch_state(const task_struct *p, bool preempted);

} // namespace sim
