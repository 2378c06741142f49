/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Tasks and the scheduler's C API (include/linux/sched.h, kernel/sched/core.c).
 *
 * A simulated task is a stackful fiber. The part of task_struct a module may look at has
 * the kernel's field names; the simulator's private part follows it in C++ (sim/sched/task.h).
 *
 * The sleeping primitives below are also wrapped in macros that record the caller's
 * function, file and line in the task before calling the real function, so the hung-task
 * report can say where each task sleeps. The functions themselves keep their kernel names
 * (gdb: `break schedule_timeout`).
 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include "linux/limits.h"

#include "linux/irqflags.h"
#include "linux/jiffies.h"
#include "linux/preempt.h"
#include "linux/smp.h"
#include "linux/types.h"

/* Task states, v5.4 values. */
#define TASK_RUNNING 0x0000
#define TASK_INTERRUPTIBLE 0x0001
#define TASK_UNINTERRUPTIBLE 0x0002
#define __TASK_STOPPED 0x0004
#define __TASK_TRACED 0x0008
#define EXIT_DEAD 0x0010
#define EXIT_ZOMBIE 0x0020
#define TASK_PARKED 0x0040
#define TASK_DEAD 0x0080
#define TASK_WAKEKILL 0x0100
#define TASK_WAKING 0x0200
#define TASK_NOLOAD 0x0400
#define TASK_NEW 0x0800
#define TASK_KILLABLE (TASK_WAKEKILL | TASK_UNINTERRUPTIBLE)
#define TASK_IDLE (TASK_UNINTERRUPTIBLE | TASK_NOLOAD)
#define TASK_NORMAL (TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)
#define TASK_REPORT_MAX 0x100

/* Task flags, v5.4 values. */
#define PF_IDLE 0x00000002
#define PF_EXITING 0x00000004
#define PF_WQ_WORKER 0x00000020
#define PF_MEMALLOC 0x00000800
#define PF_MEMALLOC_NOFS 0x00040000
#define PF_MEMALLOC_NOIO 0x00080000
#define PF_KTHREAD 0x00200000

#define TASK_COMM_LEN 16
#define MAX_SCHEDULE_TIMEOUT LONG_MAX
#define MAX_PRIO 140
#define MAX_RT_PRIO 100  /* prio below this: a real-time task (linux/sched/prio.h) */
#define DEFAULT_PRIO 120 /* nice 0 */

struct task_struct {
	volatile long state;   /* TASK_* */
	unsigned int flags;    /* PF_* */
	int prio;              /* DEFAULT_PRIO: the simulator has one scheduling class */
	pid_t pid;
	char comm[TASK_COMM_LEN];
	unsigned int cpu;      /* the CPU whose run queue the task is on */
	unsigned int in_iowait;
	int non_block_count;
	/* Where the task last went to sleep (set by the wrapper macros below). */
	const char *sleep_func;
	const char *sleep_file;
	int sleep_line;
};

SLABSIM_BEGIN_DECLS
extern struct task_struct *__sim_current;

static inline struct task_struct *get_current(void) { return __sim_current; }

void schedule(void);
long schedule_timeout(long timeout);
long schedule_timeout_interruptible(long timeout);
long schedule_timeout_uninterruptible(long timeout);
long schedule_timeout_idle(long timeout);
long io_schedule_timeout(long timeout);
void io_schedule(void);
void yield(void);
int _cond_resched(void);
int wake_up_process(struct task_struct *p);
int wake_up_state(struct task_struct *p, unsigned int state);
void __might_sleep(const char *file, int line, int preempt_offset);
void do_exit(long code) __attribute__((__noreturn__));
SLABSIM_END_DECLS

#ifdef __cplusplus
/* libstdc++ uses `current` as a member name (std::reverse_iterator), so in C++ it is an
 * object that behaves like the kernel's `current` pointer rather than a macro. */
extern "C++" {
struct __sim_current_ref {
	struct task_struct *operator->() const { return __sim_current; }
	operator struct task_struct *() const { return __sim_current; }
};
inline constexpr __sim_current_ref current{};
}
#else
#define current get_current()
#endif

/* Record where the current task is about to sleep. */
static inline void __sim_note_site(const char *func, const char *file, int line)
{
	__sim_current->sleep_func = func;
	__sim_current->sleep_file = file;
	__sim_current->sleep_line = line;
}
#define __SIM_SITE() __sim_note_site(__func__, __FILE__, __LINE__)

#define schedule() (__SIM_SITE(), schedule())
#define schedule_timeout(t) (__SIM_SITE(), schedule_timeout(t))
#define schedule_timeout_interruptible(t) (__SIM_SITE(), schedule_timeout_interruptible(t))
#define schedule_timeout_uninterruptible(t) (__SIM_SITE(), schedule_timeout_uninterruptible(t))
#define io_schedule_timeout(t) (__SIM_SITE(), io_schedule_timeout(t))
#define io_schedule() (__SIM_SITE(), io_schedule())

#define __set_current_state(s) do { get_current()->state = (s); } while (0)
#define set_current_state(s) do { get_current()->state = (s); barrier(); } while (0)

/* Non-zero when sleeping here might be a bug: preemption or interrupts off. might_sleep()
 * tests it inline, so the common case costs two loads; __might_sleep() looks closer (boot
 * code, the ratelimit, non_block_count) and reports. non_block_count is left out of the
 * inline test because nothing raises it: the simulator has no non_block_start() (v5.4 uses
 * it for mmu notifiers only). */
static inline int __sim_might_be_atomic(void)
{
	return __sim_this_cpu->preempt_count | (int)(__sim_this_cpu->flags ^ X86_EFLAGS_IF);
}
#define might_sleep() \
	do { if (unlikely(__sim_might_be_atomic())) __might_sleep(__FILE__, __LINE__, 0); } while (0)
#define might_sleep_if(cond) do { if (cond) might_sleep(); } while (0)
#define cond_resched() ({ might_sleep(); _cond_resched(); })

#define task_pid_nr(p) ((p)->pid)
#define task_cpu(p) ((p)->cpu)
#define is_idle_task(p) (!!((p)->flags & PF_IDLE))

#endif /* _LINUX_SCHED_H */
