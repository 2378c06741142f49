// SPDX-License-Identifier: GPL-2.0-only
#include "sim/sched/trace_events.h"

#include <fmt/format.h>
#include <iterator>

namespace sim {

namespace {

auto out_it(std::string &out) { return std::back_inserter(out); }

// The report states of v5.4's task_state_index(): one bit each, printed as letters.
constexpr struct {
	long bit;
	char letter;
} report_states[] = {{0x01, 'S'}, {0x02, 'D'}, {0x04, 'T'}, {0x08, 't'},
		     {0x10, 'X'}, {0x20, 'Z'}, {0x40, 'P'}, {0x80, 'I'}};

void print_switch(std::string &out, const sched_switch_fields &f)
{
	fmt::format_to(out_it(out), "prev_comm={} prev_pid={} prev_prio={} prev_state=", f.prev_comm, f.prev_pid,
		       f.prev_prio);
	long st = f.prev_state & (TASK_REPORT_MAX - 1);
	if (!st) {
		out += 'R';
	} else {
		bool first = true;
		for (auto s : report_states) {
			if (st & s.bit) {
				if (!first)
					out += '|';
				out += s.letter;
				first = false;
			}
		}
	}
	if (f.prev_state & TASK_REPORT_MAX)
		out += '+';
	fmt::format_to(out_it(out), " ==> next_comm={} next_pid={} next_prio={}", f.next_comm, f.next_pid,
		       f.next_prio);
}

void print_wakeup(std::string &out, const sched_wakeup_fields &f)
{
	fmt::format_to(out_it(out), "comm={} pid={} prio={} target_cpu={:03}", f.comm, f.pid, f.prio, f.target_cpu);
}

void print_process(std::string &out, const sched_process_fields &f)
{
	fmt::format_to(out_it(out), "comm={} pid={} prio={}", f.comm, f.pid, f.prio);
}

void print_timer(std::string &out, const timer_fields &f)
{
	out += "timer=";
	trace_ptr(out, f.timer);
}

void print_timer_start(std::string &out, const timer_start_fields &f)
{
	out += "timer=";
	trace_ptr(out, f.timer);
	out += " function=";
	trace_sym(out, f.function);
	fmt::format_to(out_it(out), " expires={} [timeout={}] cpu={} idx={} flags=", f.expires,
		       static_cast<long>(f.expires - f.now), f.flags & TIMER_CPUMASK, f.flags >> TIMER_ARRAYSHIFT);
	constexpr struct {
		unsigned bit;
		const char *name;
	} names[] = {{TIMER_MIGRATING, "M"}, {TIMER_DEFERRABLE, "D"}, {TIMER_PINNED, "P"}, {TIMER_IRQSAFE, "I"}};
	bool first = true;
	for (auto n : names) {
		if (f.flags & n.bit) {
			if (!first)
				out += '|';
			out += n.name;
			first = false;
		}
	}
}

void print_expire_entry(std::string &out, const timer_expire_entry_fields &f)
{
	out += "timer=";
	trace_ptr(out, f.timer);
	out += " function=";
	trace_sym(out, f.function);
	fmt::format_to(out_it(out), " now={} baseclk={}", f.now, f.baseclk);
}

} // namespace

trace_event<sched_switch_fields> trace_sched_switch{"sched", "sched_switch", print_switch};
trace_event<sched_wakeup_fields> trace_sched_wakeup{"sched", "sched_wakeup", print_wakeup};
trace_event<sched_wakeup_fields> trace_sched_wakeup_new{"sched", "sched_wakeup_new", print_wakeup};
trace_event<sched_process_fields> trace_sched_process_exit{"sched", "sched_process_exit", print_process};
trace_event<timer_fields> trace_timer_init{"timer", "timer_init", print_timer};
trace_event<timer_start_fields> trace_timer_start{"timer", "timer_start", print_timer_start};
trace_event<timer_expire_entry_fields> trace_timer_expire_entry{"timer", "timer_expire_entry", print_expire_entry};
trace_event<timer_fields> trace_timer_expire_exit{"timer", "timer_expire_exit", print_timer};
trace_event<timer_fields> trace_timer_cancel{"timer", "timer_cancel", print_timer};

long sched_switch_state(const task_struct *p, bool preempted)
{
	if (preempted)
		return TASK_REPORT_MAX;
	long st = p->state;
	if (st == TASK_IDLE)
		return 0x80;
	if (st & TASK_DEAD)
		return EXIT_DEAD;
	st &= 0x7f; // TASK_REPORT
	return st ? 1L << (63 - __builtin_clzl(st)) : 0;
}

} // namespace sim
