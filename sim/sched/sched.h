// SPDX-License-Identifier: GPL-2.0-only
// The engine's C++ API, for the layers above and the scenario runner.
//
// Order (docs/engine.md): a CPU runs the task at the head of its run queue until that task
// sleeps, yields, exits or is preempted at a preemption point (seeded mode only). CPUs take
// turns round-robin, starting after the CPU that ran last. Events (timers, interrupts) due at
// the current time run before the next task slice, in (time, arming order). When nothing is
// runnable the clock jumps to the next event. A run stops when the machine is idle, when
// every task is asleep with nothing pending (after the hung-task report), when only CPUs
// spinning on locks nothing can release are left (after the soft-lockup report), or at a
// limit: the run's own, or the machine's virtual-time limit (machine_config::time_limit_ns).
#pragma once

#include "linux/sched.h"
#include "sim/machine.h"

#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace sim {

struct task;

void sched_boot(const machine_config &cfg);
void sched_teardown();

// Creates a runnable task on `cpu` (0..nr_cpu_ids-1) that runs `fn`; it exits when `fn`
// returns. Throws std::invalid_argument, with a message for the user, for a bad CPU.
task_struct *spawn(unsigned cpu, const std::string &comm, std::function<void()> fn);
task_struct *spawn(unsigned cpu, const std::string &comm, int (*fn)(void *), void *arg);

enum class run_status {
	idle,               // nothing runnable and nothing pending but deferrable timers
	hung,               // tasks sleep uninterruptibly with nothing that could wake them: reported
	lockup,             // only CPUs spinning on locks nothing can release, or stuck in an
	                    // interrupt handler, are left: the soft-lockup report was printed
	time_limit,         // virtual time reached the run's until_ns
	machine_time_limit, // virtual time reached the machine's limit (machine_config::time_limit_ns)
	step_limit,         // max_steps ran out, or the CPUs turned over a step window without
	                    // virtual time moving (tasks that spin by yielding to each other)
	stopped,            // stop_run() was called
};
const char *run_status_name(run_status s); // "idle", "hung", ...

struct run_limits {
	std::uint64_t until_ns = std::numeric_limits<std::uint64_t>::max(); // absolute virtual time
	std::uint64_t max_steps = std::numeric_limits<std::uint64_t>::max(); // task slices + events
	// With until_ns: an idle machine lets time pass to until_ns instead of stopping, firing
	// deferrable timers (cache_reap) on the way; the run ends at the time limit.
	bool advance_idle = false;
};

struct run_result {
	run_status status;
	std::uint64_t now_ns;
	std::uint64_t steps;
	std::string message; // one line saying why the run stopped
};

// Runs the machine until it is idle, hung or at a limit. Only from outside any task.
run_result run(const run_limits &limits = {});

// Steps the CPUs may take without virtual time moving before the run ends with step_limit.
inline constexpr std::uint64_t frozen_clock_steps = 10'000'000;

// The first run since the machine booted that ended hung, locked up or at the machine's time
// or step limit: why a command line exits non-zero. Kept after teardown, until the next boot.
const std::optional<run_result> &first_abnormal_run();

// From inside a task or handler: stop the current run() at the next scheduling point.
void stop_run();

// Runs `handler` in hardirq context on `cpu` at virtual time `at_ns` (at the first
// scheduling point at or after it). Throws std::invalid_argument for a bad CPU.
void raise_irq(unsigned cpu, std::uint64_t at_ns, std::function<void()> handler);

// An explicit preemption point (seeded mode may switch here).
void preempt_point();

// Moves a task to another CPU's run queue (takes effect when it next runs).
void migrate(task_struct *p, unsigned cpu);

struct task_info {
	pid_t pid;
	std::string comm;
	unsigned cpu;
	char state;       // 'R', 'S', 'D', 'I' (idle kworker), 'X' (exited)
	std::string wait; // what it waits on and where, empty if running
	long exit_code;
};
std::vector<task_info> task_list(); // every task ever spawned, by pid
task_struct *find_task_by_pid(pid_t pid);
std::string describe_wait(const task_struct *p);
char task_state_char(const task_struct *p);

std::uint64_t nr_context_switches();

// khungtaskd (kernel/hung_task.c): every hung_task_timeout_secs of virtual time it reports
// each task in TASK_UNINTERRUPTIBLE that has not been switched in since its previous scan and
// for at least that long, at most hung_task_warnings times in all (the sysctl's budget).
extern unsigned long hung_task_timeout_secs; // 120, CONFIG_DEFAULT_HUNG_TASK_TIMEOUT
extern int hung_task_warnings;               // 10 at boot; -1: no budget

} // namespace sim
