// SPDX-License-Identifier: GPL-2.0-only
// Kernel threads (kernel/kthread.c).
#include "linux/completion.h"
#include "linux/kthread.h"
#include "linux/printk.h"
#include "sim/sched/internal.h"

#include <cerrno>
#include <cstdarg>
#include <cstdio>

using namespace sim;

extern "C" {

void complete_and_exit(struct completion *comp, long code)
{
	if (comp)
		complete(comp);
	do_exit(code);
}

struct task_struct *kthread_create_on_node(int (*threadfn)(void *data), void *data, int node, const char *namefmt, ...)
{
	if (!threadfn) {
		pr_err("kthread_create: no thread function\n");
		return nullptr;
	}
	char comm[TASK_COMM_LEN];
	va_list ap;
	va_start(ap, namefmt);
	std::vsnprintf(comm, sizeof(comm), namefmt, ap);
	va_end(ap);
	task *p = create_task(__sim_this_cpu->cpu, comm, [threadfn, data] { return threadfn(data); });
	p->flags |= PF_KTHREAD;
	return p;
}

void kthread_bind(struct task_struct *k, unsigned int cpu_nr)
{
	task *p = to_task(k);
	if (cpu_nr >= nr_cpu_ids) {
		WARN(1, "kthread_bind %s: CPU %u does not exist\n", p->comm, cpu_nr);
		return;
	}
	if (p->waiting != wait_kind::start) {
		WARN(1, "kthread_bind %s: the thread has already started\n", p->comm);
		return;
	}
	p->cpu = cpu_nr;
}

bool kthread_should_stop(void)
{
	task *p = running_task();
	return p && p->should_stop;
}

int kthread_stop(struct task_struct *k)
{
	task *p = to_task(k);
	p->should_stop = true;
	if (p->waiting == wait_kind::start && !p->exited) {
		// Never woken: it exits without running its function, as the kernel's does.
		p->exited = true;
		p->exit_code = -EINTR;
		p->state = TASK_DEAD;
		return -EINTR;
	}
	wake_up_process(k);
	wait_event(p->exit_wait, p->exited);
	return static_cast<int>(p->exit_code);
}

} // extern "C"
