// SPDX-License-Identifier: GPL-2.0-only
// The scheduler: CPUs, run queues, task switches and the run loop (kernel/sched/core.c).
#include "sim/check.h"
#include "sim/random.h"
#include "sim/sched/sched.h"

#include "kernel_compat/module.h"
#include "linux/kernel.h"
#include "linux/percpu.h"
#include "linux/printk.h"
#include "sim/sched/clock.h"
#include "sim/sched/cost.h"
#include "sim/sched/internal.h"
#include "sim/sched/oops.h"
#include "sim/trace/report.h"
#include "sim/sched/trace_events.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <fmt/format.h>
#include <optional>
#include <stdexcept>

// The kernel-visible per-CPU state and current. Before boot they describe the boot CPU
// running swapper/0, so kernel code called outside a machine still sees a sane context.
namespace {
void init_idle_task(sim::task &t, unsigned n)
{
	t.state = TASK_RUNNING;
	t.flags = PF_IDLE | PF_KTHREAD;
	t.prio = DEFAULT_PRIO;
	t.pid = 0;
	t.cpu = n;
	fmt::format_to_n(t.comm, sizeof(t.comm) - 1, "swapper/{}", n);
}

sim::task swapper0()
{
	sim::task t;
	init_idle_task(t, 0);
	return t;
}

sim_cpu_ctx boot_ctx{0, 0, X86_EFLAGS_IF, 0};
sim::task boot_task = swapper0(); // a sim::task, so running_task() may look at it
} // namespace

extern "C" {
struct sim_cpu_ctx *__sim_this_cpu = &boot_ctx;
struct task_struct *__sim_current = &boot_task;
int __sim_preempt_armed = 0;
unsigned int nr_cpu_ids = 1;
}

namespace sim {

sched_state sched_globals;

namespace {

// Thrown into a sleeping task at teardown so its stack unwinds (destructors run).
struct task_kill {};

void set_host_context()
{
	__sim_this_cpu = &sched_globals.cpus[0]->ctx;
	__sim_current = &sched_globals.cpus[0]->idle;
}

void init_idle(cpu &c, unsigned n)
{
	c.ctx.cpu = n;
	c.ctx.flags = X86_EFLAGS_IF;
	c.ctx.percpu_offset = per_cpu_offset(n);
	init_idle_task(c.idle, n);
	c.shown = &c.idle;
}

void trace_switch(task *prev, task *next, bool preempted)
{
	if (!tracing_on)
		return;
	sched_switch_fields f{};
	std::memcpy(f.prev_comm, prev->comm, TASK_COMM_LEN);
	f.prev_pid = prev->pid;
	f.prev_prio = prev->prio;
	f.prev_state = sched_switch_state(prev, preempted);
	std::memcpy(f.next_comm, next->comm, TASK_COMM_LEN);
	f.next_pid = next->pid;
	f.next_prio = next->prio;
	trace_sched_switch(f);
}

// Out of line, so an untraced wakeup needs no stack frame for the event.
[[gnu::noinline]] void trace_wake(trace_event<sched_wakeup_fields> &ev, const task *p)
{
	sched_wakeup_fields f{};
	std::memcpy(f.comm, p->comm, TASK_COMM_LEN);
	f.pid = p->pid;
	f.prio = p->prio;
	f.target_cpu = static_cast<int>(p->cpu);
	ev(f);
}

[[noreturn]] void exit_current(task *p, long code);

void release_stack(task *p)
{
	stack_free(p->stack);
	trace_unregister_region(p->stack.lo);
	p->stack = {};
	p->ctx = nullptr;
}

// First thing on the fiber just switched to: note where the fiber it left (a task, or the
// run loop when data is null) stopped; a task that exited is never resumed, so its stack goes.
void finish_switch(transfer_t t)
{
	auto *prev = static_cast<task *>(t.data);
	if (!prev) {
		sched_globals.host_ctx = t.fctx;
		return;
	}
	prev->ctx = t.fctx;
	if (prev->exited)
		release_stack(prev);
}

// Leaves the current fiber (task `from`, or the run loop when null) for task `to` (or the
// run loop when null); returns when something switches back.
void switch_to(task *from, task *to)
{
	bool final = from && from->exited;
	finish_switch(to ? fiber_switch(to->ctx, to->stack, from, final)
			 : fiber_switch(sched_globals.host_ctx, sched_globals.host_stack, from, final));
}

// A simulator or test bug, not a kernel one, but a run that had one must not pass.
void report_exception(const task *p, const char *what)
{
	std::string headline = fmt::format("sim: task {}/{} ended by an exception{}{}", p->comm, p->pid,
					   what ? ": " : "", what ? what : "");
	report_note(report_kind::exception, headline);
	pr_err("%s\n", headline.c_str());
}

// The first code a task's fiber runs.
void task_entry(transfer_t t)
{
	fiber_stack from = fiber_started();
	if (!t.data) // started by the run loop: its stack, for ASan's switch annotations
		sched_globals.host_stack = from;
	finish_switch(t);
	task *p = to_task(__sim_current);
	long code = 0;
	try {
		code = p->body();
	} catch (const task_kill &) {
		code = 0;
	} catch (const std::exception &e) {
		report_exception(p, e.what());
		code = -1;
	} catch (...) {
		report_exception(p, nullptr);
		code = -1;
	}
	exit_current(p, code);
}

void exit_current(task *p, long code)
{
	cpu &c = cpu_of(p->cpu);
	if (c.ctx.preempt_count) {
		pr_info("note: %s[%d] exited with preempt_count %d\n", p->comm, p->pid, c.ctx.preempt_count);
		c.ctx.preempt_count = 0;
	}
	if (!(c.ctx.flags & X86_EFLAGS_IF)) {
		pr_info("note: %s[%d] exited with interrupts disabled\n", p->comm, p->pid);
		c.ctx.flags = X86_EFLAGS_IF;
	}
	p->exit_code = code;
	p->exited = true;
	p->flags |= PF_EXITING;
	p->waiting = wait_kind::none;
	if (tracing_on) {
		sched_process_fields f{};
		std::memcpy(f.comm, p->comm, TASK_COMM_LEN);
		f.pid = p->pid;
		f.prio = p->prio;
		trace_sched_process_exit(f);
	}
	wake_up_all(&p->exit_wait);
	p->state = TASK_DEAD;
	switch_out(p, false);
	__builtin_unreachable();
}

// At the tail of its CPU's run queue.
inline void enqueue(task *p)
{
	cpu_of(p->cpu).rq.push_back(*p);
	p->on_rq = true;
	sched_globals.runnable_cpus |= 1ULL << p->cpu;
}

void dequeue(cpu &c, task *p)
{
	c.rq.erase(c.rq.iterator_to(*p));
	p->on_rq = false;
	if (c.rq.empty())
		sched_globals.runnable_cpus &= ~(1ULL << c.ctx.cpu);
}

// Makes `p`, the head of c's run queue, the running task of `c`: what the run loop does
// before it switches to a task.
inline void begin_slice(cpu &c, task *p)
{
	dequeue(c, p);
	if (c.shown != p) {
		set_host_context(); // traced between slices, as the run loop does
		trace_switch(c.shown, p, false);
		c.shown = p;
	}
	p->on_cpu = true;
	c.ctx.preempt_count = p->saved_preempt_count;
	c.ctx.flags = p->saved_flags;
	__sim_this_cpu = &c.ctx;
	__sim_current = p;
	sched_globals.last_cpu = c.ctx.cpu;
	sched_globals.steps++;
	if (!p->ctx)
		p->ctx = fiber_make(p->stack, task_entry);
}

// From the run loop: runs `p` on `c` (and whatever it switches to) until a task gives the
// CPU back to the loop.
void run_slice(cpu &c, task *p)
{
	begin_slice(c, p);
	switch_to(nullptr, p);
	set_host_context();
}

// The CPU after the one that ran last, in number order and wrapping, with a runnable task.
cpu *pick_cpu()
{
	if (!sched_globals.runnable_cpus)
		return nullptr;
	std::uint64_t after = sched_globals.runnable_cpus & ~((2ULL << sched_globals.last_cpu) - 1);
	return sched_globals.cpus[std::countr_zero(after ? after : sched_globals.runnable_cpus)].get();
}

bool at_limit()
{
	return sched_globals.steps >= sched_globals.step_limit || now_ns >= sched_globals.time_barrier_ns;
}

void set_barriers()
{
	sched_state &s = sched_globals;
	s.time_barrier_ns = std::min({s.limits.until_ns, s.machine_limit_ns, s.next_hung_scan_ns});
	s.step_limit = s.stop_requested || s.lockup_detected ? 0 : std::min(s.limits.max_steps, s.window_end);
}

// The CPU whose task the run loop would run next, if its next step is a task slice: no
// limit reached, no event due. (CPUs take turns: pick_cpu.)
cpu *next_slice()
{
	if (at_limit() || event_due(now_ns))
		return nullptr;
	return pick_cpu();
}

bool any_blocked_task()
{
	return std::any_of(sched_globals.tasks.begin(), sched_globals.tasks.end(), [](auto &t) {
		return !t->exited && t->state == TASK_UNINTERRUPTIBLE && !t->on_rq && !t->on_cpu;
	});
}

run_result finish(run_status s, std::string msg)
{
	return {s, now_ns, sched_globals.steps, std::move(msg)};
}

void kill_sleeping_tasks()
{
	// Resume each live task once with a kill request, so its stack unwinds.
	for (auto &t : sched_globals.tasks) {
		if (t->exited || !t->ctx)
			continue;
		t->should_stop = true;
		t->exited = true;
		if (!t->on_rq) // a preempted or yielding task is still queued
			enqueue(t.get());
		run_slice(cpu_of(t->cpu), t.get());
	}
	for (auto &t : sched_globals.tasks) // never started
		if (t->stack.lo)
			release_stack(t.get());
}

} // namespace

task *create_task(unsigned cpu_nr, const char *comm, std::function<int()> body)
{
	auto t = std::make_unique<task>();
	t->pid = static_cast<pid_t>(sched_globals.tasks.size() + 1);
	std::snprintf(t->comm, sizeof(t->comm), "%s", comm);
	t->prio = DEFAULT_PRIO;
	t->cpu = cpu_nr;
	t->state = TASK_UNINTERRUPTIBLE;
	t->waiting = wait_kind::start;
	t->body = std::move(body);
	t->stack = stack_alloc();
	// vmalloc'ed kernel stacks live at fixed addresses per task, for deterministic %p.
	trace_register_region(t->stack.lo, t->stack.size, 0xffffc90000000000ULL + (std::uint64_t)t->pid * 0x100000);
	__init_waitqueue_head(&t->exit_wait, "exit_wait");
	sched_globals.tasks.push_back(std::move(t));
	return sched_globals.tasks.back().get();
}

int try_to_wake_up(task *p, unsigned state)
{
	if (p->exited) {
		if (!p->should_stop)
			pr_warn("sim: wake_up_process: %s/%d has exited\n", p->comm, p->pid);
		return 0;
	}
	if (!(p->state & state))
		return 0; // running or in a state this wake does not cover: as the kernel, not an error
	if (tracing_on)
		trace_wake(p->waiting == wait_kind::start ? trace_sched_wakeup_new : trace_sched_wakeup, p);
	p->state = TASK_RUNNING;
	p->waiting = wait_kind::none;
	if (!p->on_cpu && !p->on_rq)
		enqueue(p);
	charge(cost::wakeup);
	return 1;
}

bool others_waiting()
{
	return sched_globals.runnable_cpus || event_due(now_ns);
}

void switch_out(task *prev, bool preempted)
{
	cpu &c = cpu_of(prev->cpu);
	if (prev->state == TASK_RUNNING)
		enqueue(prev);
	(preempted ? prev->nivcsw : prev->nvcsw)++;
	task *incoming = c.rq.empty() ? &c.idle : &c.rq.front(); // as the trace shows it
	if (incoming != prev) {
		trace_switch(prev, incoming, preempted);
		c.shown = incoming;
		charge(cost::context_switch);
		sched_globals.switches++;
	}
	prev->saved_preempt_count = c.ctx.preempt_count;
	prev->saved_flags = c.ctx.flags;
	c.ctx.preempt_count = 0;
	c.ctx.flags = X86_EFLAGS_IF;
	prev->on_cpu = false;
	// What the run loop would do next, done here: the same order, one fiber switch fewer.
	cpu *nc = next_slice();
	task *next = nc ? &nc->rq.front() : nullptr;
	if (next)
		begin_slice(*nc, next);
	if (next != prev)
		switch_to(prev, next);
	if (prev->should_stop && prev->exited) // resumed only to unwind at teardown
		throw task_kill{};
}

bool preempt_roll()
{
	return splitmix64_next(sched_globals.prng_state) % 100 < sched_globals.preempt_percent;
}

void preempt_point()
{
	task *p = running_task();
	if (!p || !sched_globals.preempt_percent || !preemptible() || !preempt_roll())
		return;
	switch_out(p, true);
}

void sched_boot(const machine_config &cfg)
{
	if (cfg.preempt_percent > 100)
		throw std::invalid_argument(
			fmt::format("preemption chance {}% is out of range (0..100)", cfg.preempt_percent));
	clock_boot(cfg.hz);
	sched_globals = {}; // forgets, without touching, event nodes a task left while it unwound at teardown
	for (unsigned n = 0; n < cfg.nr_cpus; n++) {
		sched_globals.cpus.push_back(std::make_unique<cpu>());
		init_idle(*sched_globals.cpus.back(), n);
	}
	nr_cpu_ids = cfg.nr_cpus;
	timers_boot(cfg.nr_cpus);
	sched_globals.last_cpu = cfg.nr_cpus - 1; // so CPU 0 goes first
	sched_globals.machine_limit_ns = cfg.time_limit_ns;
	hung_task_boot();
	sched_globals.prng_state = cfg.seed ^ 0x5eed5eed5eed5eedULL;
	sched_globals.preempt_percent = cfg.preempt_percent;
	__sim_preempt_armed = sched_globals.preempt_percent > 0;
	report_reset();
	set_host_context();
	workqueue_boot(cfg.nr_cpus);
}

void sched_teardown()
{
	// Pending timers and work may sit on task stacks (schedule_timeout's timer, on-stack
	// work): let go of them while those stacks still exist.
	workqueue_teardown();
	timers_teardown();
	kill_sleeping_tasks();
	sched_globals.tasks.clear();
	sched_globals.cpus.clear();
	__sim_this_cpu = &boot_ctx;
	__sim_current = &boot_task;
	__sim_preempt_armed = 0;
	nr_cpu_ids = 1;
	clock_teardown();
	// The host's own handlers come back: a fault after the machine is gone is the host's.
	oops_teardown();
}

task_struct *spawn(unsigned cpu_nr, const std::string &comm, std::function<void()> fn)
{
	if (sched_globals.cpus.empty())
		throw std::logic_error("spawn: no machine is booted");
	if (cpu_nr >= sched_globals.cpus.size())
		throw std::invalid_argument(
			fmt::format("spawn {}: CPU {} does not exist (the machine has {})", comm, cpu_nr,
				    sched_globals.cpus.size()));
	task *p = create_task(cpu_nr, comm.c_str(), [fn = std::move(fn)] {
		fn();
		return 0;
	});
	wake_up_process(p);
	return p;
}

task_struct *spawn(unsigned cpu_nr, const std::string &comm, int (*fn)(void *), void *arg)
{
	if (!fn)
		throw std::invalid_argument(fmt::format("spawn {}: no task function", comm));
	task_struct *p = spawn(cpu_nr, comm, std::function<void()>{});
	to_task(p)->body = [fn, arg] { return fn(arg); };
	return p;
}

namespace {

bool machine_stuck() { return !sched_globals.runnable_cpus && !wakeful_event_pending(); }

// The clock or the step count reached a barrier: ends the run at a limit, or does what was due
// (khungtaskd's scan, a new frozen-clock window) and moves the barriers on.
std::optional<run_result> at_barrier()
{
	if (sched_globals.stop_requested)
		return finish(run_status::stopped, "stopped on request");
	if (sched_globals.lockup_detected) {
		sched_globals.lockup_detected = false;
		return finish(run_status::lockup, sched_globals.lockup_message);
	}
	if (sched_globals.steps >= sched_globals.limits.max_steps)
		return finish(run_status::step_limit, fmt::format("step limit ({}) reached", sched_globals.limits.max_steps));
	if (now_ns >= sched_globals.limits.until_ns)
		return finish(run_status::time_limit,
			      fmt::format("virtual time limit ({} ns) reached", sched_globals.limits.until_ns));
	if (now_ns >= sched_globals.machine_limit_ns)
		return finish(run_status::machine_time_limit,
			      fmt::format("the machine's virtual-time limit ({:g} s) reached: the run did not end by itself",
					  sched_globals.machine_limit_ns / 1e9));
	if (now_ns >= sched_globals.next_hung_scan_ns && check_hung_uninterruptible_tasks() && machine_stuck())
		return finish(run_status::hung, "hung: tasks sleep uninterruptibly and nothing is left to wake them");
	if (sched_globals.steps >= sched_globals.window_end) {
		if (now_ns == sched_globals.window_start_ns)
			return finish(run_status::step_limit,
				      fmt::format("step limit: {} steps without virtual time moving (CPUs spin)", frozen_clock_steps));
		sched_globals.window_start_ns = now_ns;
		sched_globals.window_end = sched_globals.steps + frozen_clock_steps;
	}
	set_barriers();
	return std::nullopt;
}

// Nothing is runnable and no event is due: moves the clock to the next event that matters,
// or says why the run ends here. With tasks asleep in D state and nothing that could wake
// them, time runs on to khungtaskd's scans, which report them and end the run.
std::optional<run_result> idle_step()
{
	if (!wakeful_event_pending() && !any_blocked_task() &&
	    (!sched_globals.limits.advance_idle || sched_globals.limits.until_ns == run_limits{}.until_ns))
		return finish(run_status::idle, "idle: no task is runnable and no timer is pending");
	advance_to(std::min(sched_globals.next_event_ns, sched_globals.time_barrier_ns)); // deferrable timers run on the way
	return std::nullopt;
}

run_result run_loop()
{
	for (;;) {
		if (at_limit()) {
			if (auto r = at_barrier())
				return *r;
			continue;
		}
		if (event_due(now_ns)) {
			fire_first_event();
			sched_globals.steps++;
		} else if (cpu *c = pick_cpu()) {
			run_slice(*c, &c->rq.front());
		} else if (auto r = idle_step()) {
			return *r;
		}
		if (step_check) [[unlikely]]
			step_check(sched_globals.steps);
	}
}

} // namespace

run_result run(const run_limits &lim)
{
	if (sched_globals.cpus.empty())
		throw std::logic_error("run: no machine is booted");
	if (running_task())
		throw std::logic_error("run: called from inside a simulated task");
	sched_globals.stop_requested = false;
	sched_globals.limits = lim;
	sched_globals.steps = 0;
	sched_globals.window_start_ns = now_ns;
	sched_globals.window_end = frozen_clock_steps;
	set_barriers();
	struct end_run {
		~end_run()
		{
			sched_globals.step_limit = 0;
			sched_globals.time_barrier_ns = 0;
		}
	} guard;
	run_result r = run_loop();
	bool abnormal = r.status == run_status::hung || r.status == run_status::lockup ||
			r.status == run_status::machine_time_limit || r.status == run_status::step_limit;
	if (abnormal && !sched_globals.abnormal_run)
		sched_globals.abnormal_run = r;
	return r;
}

const std::optional<run_result> &first_abnormal_run() { return sched_globals.abnormal_run; }

std::uint64_t run_end_ns() { return std::min(sched_globals.limits.until_ns, sched_globals.machine_limit_ns); }

const char *run_status_name(run_status s)
{
	switch (s) {
	case run_status::idle: return "idle";
	case run_status::hung: return "hung";
	case run_status::lockup: return "lockup";
	case run_status::time_limit: return "time_limit";
	case run_status::machine_time_limit: return "machine_time_limit";
	case run_status::step_limit: return "step_limit";
	case run_status::stopped: return "stopped";
	}
	return "?";
}

void stop_run()
{
	sched_globals.stop_requested = true;
	sched_globals.step_limit = 0;
}

void stop_run_on_lockup(std::string why)
{
	if (!sched_globals.lockup_detected)
		sched_globals.lockup_message = std::move(why);
	sched_globals.lockup_detected = true;
	sched_globals.step_limit = 0;
}

unsigned long nr_running()
{
	unsigned long n = running_task() ? 1 : 0;
	for (auto &c : sched_globals.cpus)
		n += c->rq.size();
	return n;
}

void for_each_task(const std::function<void(task *)> &fn)
{
	for (auto &t : sched_globals.tasks)
		fn(t.get());
}

void migrate(task_struct *tp, unsigned cpu_nr)
{
	task *p = to_task(tp);
	if (cpu_nr >= sched_globals.cpus.size()) {
		pr_err("sim: migrate %s/%d: CPU %u does not exist (the machine has %zu)\n", p->comm, p->pid, cpu_nr,
		       sched_globals.cpus.size());
		return;
	}
	if (p->on_cpu && p->cpu != cpu_nr) {
		// A running task moves when it next gives up the CPU.
		p->cpu = cpu_nr;
		return;
	}
	if (p->on_rq) {
		dequeue(cpu_of(p->cpu), p);
		p->cpu = cpu_nr;
		enqueue(p);
		return;
	}
	p->cpu = cpu_nr;
}

std::vector<task_info> task_list()
{
	std::vector<task_info> out;
	for (auto &t : sched_globals.tasks)
		out.push_back({t->pid, t->comm, t->cpu, task_state_char(t.get()), describe_wait(t.get()), t->exit_code});
	return out;
}

task_struct *find_task_by_pid(pid_t pid)
{
	if (pid < 1 || static_cast<std::size_t>(pid) > sched_globals.tasks.size())
		return nullptr;
	return sched_globals.tasks[pid - 1].get();
}

char task_state_char(const task_struct *tp)
{
	const task *p = static_cast<const task *>(tp);
	if (p->exited)
		return 'X';
	if (p->state == TASK_RUNNING)
		return 'R';
	if (p->state == TASK_IDLE)
		return 'I';
	if (p->state & TASK_UNINTERRUPTIBLE)
		return 'D';
	return 'S';
}

std::uint64_t nr_context_switches() { return sched_globals.switches; }

// __schedule_bug(): the report of schedule_debug() when the caller is atomic.
void schedule_bug(const task_struct *prev)
{
	std::string headline =
		fmt::format("BUG: scheduling while atomic: {}/{}/0x{:08x}", prev->comm, prev->pid, preempt_count());
	report_note(report_kind::atomic_sleep, headline);
	printk(KERN_ERR "%s\n", headline.c_str());
	print_modules();
	dump_stack();
	add_taint(TAINT_WARN, LOCKDEP_STILL_OK);
}

} // namespace sim

using sim::running_task;
using sim::task;
using sim::to_task;

extern "C" {

void(schedule)(void)
{
	task *p = running_task();
	if (!p) {
		if (in_interrupt()) {
			sim::sleep_in_interrupt(sim::now_ns + NSEC_PER_SEC / HZ); // one tick a turn
			return;
		}
		pr_err("sim: schedule() called outside a simulated task (boot code cannot sleep)\n");
		throw std::logic_error("schedule() called outside a simulated task");
	}
	if (preempt_count()) {
		sim::schedule_bug(p);
		// schedule_debug() sets the count to what schedule() expects, so the task comes back
		// with none: the unlocks it still owes pay this back instead of underflowing. One
		// report per atomic section, as in the kernel.
		p->preempt_debt += preempt_count();
		__sim_this_cpu->preempt_count = 0;
	}
	if (p->state != TASK_RUNNING && p->waiting == sim::wait_kind::none)
		p->waiting = sim::wait_kind::other;
	sim::switch_out(p, false);
}

void yield(void)
{
	task *p = running_task();
	if (!p)
		return;
	p->state = TASK_RUNNING;
	sim::switch_out(p, false);
}

int _cond_resched(void)
{
	task *p = running_task();
	if (!p || !preemptible())
		return 0;
	// Simulated CPUs take turns, so a task that loops must let the others run.
	if (sim::others_waiting() || (sim::sched_globals.preempt_percent && sim::preempt_roll())) {
		sim::switch_out(p, true);
		return 1;
	}
	return 0;
}

void __sim_preempt_count_dropped(void)
{
	if (__sim_this_cpu->preempt_count < 0) {
		task *p = running_task();
		int owed = -__sim_this_cpu->preempt_count;
		__sim_this_cpu->preempt_count = 0;
		if (p && p->preempt_debt >= owed) {
			p->preempt_debt -= owed;
			return;
		}
		WARN(1, "preempt_count underflow: preempt_enable() without preempt_disable()\n");
		return;
	}
	sim::preempt_point();
}

int wake_up_process(struct task_struct *p)
{
	return sim::try_to_wake_up(to_task(p), TASK_NORMAL);
}

int wake_up_state(struct task_struct *p, unsigned int state)
{
	return sim::try_to_wake_up(to_task(p), state);
}

void do_exit(long code)
{
	task *p = running_task();
	if (!p) {
		pr_err("sim: do_exit() called outside a simulated task\n");
		throw std::logic_error("do_exit() called outside a simulated task");
	}
	sim::exit_current(p, code);
}

} // extern "C"
