// SPDX-License-Identifier: GPL-2.0-only
// Per-CPU kworkers and (delayed) work items (kernel/workqueue.c, reduced to one bound
// workqueue). A kworker is created the first time work is queued on its CPU.
#include "linux/printk.h"
#include "linux/workqueue.h"
#include "sim/sched/internal.h"
#include "sim/sched/sched.h"

#include <fmt/format.h>

namespace sim {
namespace {

int worker_thread(worker_pool &pool)
{
	for (;;) {
		if (list_empty(&pool.worklist)) {
			set_current_state(TASK_IDLE);
			(schedule)();
			continue;
		}
		work_struct *work = list_first_entry(&pool.worklist, struct work_struct, entry);
		list_del_init(&work->entry);
		work->data &= ~WORK_STRUCT_PENDING; // cleared before the call, so the work may requeue itself
		pool.current_work = work;
		work->func(work);
		pool.current_work = nullptr;
		wake_up_all(&pool.done);
	}
}

worker_pool &pool_of(unsigned cpu_nr)
{
	worker_pool &pool = *sched_globals.worker_pools[cpu_nr];
	if (!pool.worker) {
		std::string name = fmt::format("kworker/{}:1", cpu_nr);
		pool.worker = create_task(cpu_nr, name.c_str(), [&pool] { return worker_thread(pool); });
		pool.worker->flags |= PF_KTHREAD | PF_WQ_WORKER;
		pool.worker->state = TASK_IDLE;
		pool.worker->waiting = wait_kind::none;
		wake_up_process(pool.worker);
	}
	return pool;
}

bool valid_cpu(int cpu_nr, const char *who)
{
	if (cpu_nr >= 0 && static_cast<unsigned>(cpu_nr) < sched_globals.cpus.size())
		return true;
	WARN(1, "%s: CPU %d does not exist (the machine has %u)\n", who, cpu_nr, nr_cpu_ids);
	return false;
}

unsigned target_cpu(int cpu_nr) { return cpu_nr == WORK_CPU_UNBOUND ? __sim_this_cpu->cpu : cpu_nr; }

void insert_work(unsigned cpu_nr, struct work_struct *work)
{
	worker_pool &pool = pool_of(cpu_nr);
	list_add_tail(&work->entry, &pool.worklist);
	wake_up_process(pool.worker);
}

worker_pool *running_pool(const struct work_struct *work)
{
	for (auto &p : sched_globals.worker_pools)
		if (p->current_work == work)
			return p.get();
	return nullptr;
}

// Waits until `work` is not running, unless the caller is the worker running it.
bool wait_not_running(struct work_struct *work)
{
	worker_pool *pool = running_pool(work);
	if (!pool || pool->worker == running_task())
		return false;
	wait_event(pool->done, pool->current_work != work);
	return true;
}

bool cancel_queued(struct work_struct *work)
{
	if (!work_pending(work))
		return false;
	if (!list_empty(&work->entry))
		list_del_init(&work->entry);
	work->data &= ~WORK_STRUCT_PENDING;
	return true;
}

} // namespace

void workqueue_boot(unsigned nr_cpus)
{
	sched_globals.worker_pools.clear();
	for (unsigned n = 0; n < nr_cpus; n++) {
		sched_globals.worker_pools.push_back(std::make_unique<worker_pool>());
		INIT_LIST_HEAD(&sched_globals.worker_pools.back()->worklist);
		init_waitqueue_head(&sched_globals.worker_pools.back()->done);
	}
}

// Queued work and delayed work whose timer is pending may outlive the machine (a module's
// static data): they are left idle, as if cancelled.
void workqueue_teardown()
{
	for (auto &pool : sched_globals.worker_pools)
		while (!list_empty(&pool->worklist))
			cancel_queued(list_first_entry(&pool->worklist, struct work_struct, entry));
	for_each_pending_timer([](timer_list *t) {
		if (t->function == delayed_work_timer_fn)
			container_of(t, struct delayed_work, timer)->work.data &= ~WORK_STRUCT_PENDING;
	});
	sched_globals.worker_pools.clear();
}

} // namespace sim

using namespace sim;

extern "C" {

// The timer of every delayed work, DECLARE_DELAYED_WORK's included.
void delayed_work_timer_fn(struct timer_list *t)
{
	struct delayed_work *dwork = from_timer(dwork, t, timer);
	insert_work(static_cast<unsigned>(dwork->cpu), &dwork->work);
}

// One workqueue: queue_*() accept any workqueue pointer and use it.
static char the_system_wq;
struct workqueue_struct *system_wq = reinterpret_cast<struct workqueue_struct *>(&the_system_wq);

void __init_work(struct work_struct *work, work_func_t func)
{
	work->data = 0;
	INIT_LIST_HEAD(&work->entry);
	work->func = func;
}

void __init_delayed_work(struct delayed_work *dwork, work_func_t func, unsigned int timer_flags)
{
	__init_work(&dwork->work, func);
	timer_setup(&dwork->timer, delayed_work_timer_fn, timer_flags | TIMER_IRQSAFE);
	dwork->wq = nullptr;
	dwork->cpu = 0;
}

bool queue_work_on(int cpu_nr, struct workqueue_struct *wq, struct work_struct *work)
{
	unsigned target = target_cpu(cpu_nr);
	if (!valid_cpu(static_cast<int>(target), "queue_work_on") || work_pending(work))
		return false;
	work->data |= WORK_STRUCT_PENDING;
	insert_work(target, work);
	return true;
}

bool queue_delayed_work_on(int cpu_nr, struct workqueue_struct *wq, struct delayed_work *dwork, unsigned long delay)
{
	unsigned target = target_cpu(cpu_nr);
	if (!valid_cpu(static_cast<int>(target), "queue_delayed_work_on") || work_pending(&dwork->work))
		return false;
	dwork->work.data |= WORK_STRUCT_PENDING;
	dwork->wq = wq;
	dwork->cpu = static_cast<int>(target);
	if (!delay) {
		insert_work(target, &dwork->work);
		return true;
	}
	dwork->timer.expires = jiffies + delay;
	add_timer_on(&dwork->timer, static_cast<int>(target));
	return true;
}

bool mod_delayed_work_on(int cpu_nr, struct workqueue_struct *wq, struct delayed_work *dwork, unsigned long delay)
{
	bool was = cancel_delayed_work(dwork);
	queue_delayed_work_on(cpu_nr, wq, dwork, delay);
	return was;
}

bool cancel_delayed_work(struct delayed_work *dwork)
{
	if (del_timer(&dwork->timer)) {
		dwork->work.data &= ~WORK_STRUCT_PENDING;
		return true;
	}
	return cancel_queued(&dwork->work);
}

bool cancel_delayed_work_sync(struct delayed_work *dwork)
{
	bool ret = cancel_delayed_work(dwork);
	wait_not_running(&dwork->work);
	return ret;
}

bool cancel_work_sync(struct work_struct *work)
{
	bool ret = cancel_queued(work);
	wait_not_running(work);
	return ret;
}

bool flush_work(struct work_struct *work)
{
	worker_pool *pool = nullptr;
	for (auto &p : sched_globals.worker_pools) {
		struct work_struct *w;
		list_for_each_entry(w, &p->worklist, entry)
			if (w == work)
				pool = p.get();
	}
	if (!pool)
		return wait_not_running(work);
	wait_event(pool->done, !work_pending(work) && pool->current_work != work);
	return true;
}

bool flush_delayed_work(struct delayed_work *dwork)
{
	if (del_timer(&dwork->timer))
		insert_work(static_cast<unsigned>(dwork->cpu), &dwork->work);
	return flush_work(&dwork->work);
}

} // extern "C"
