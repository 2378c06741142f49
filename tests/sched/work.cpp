// SPDX-License-Identifier: GPL-2.0-only
#include "support/machine.h"

#include "linux/completion.h"
#include "linux/delay.h"
#include "linux/kernel.h"
#include "linux/kthread.h"
#include "linux/percpu.h"
#include "linux/workqueue.h"

#include <catch2/catch.hpp>
#include <cstring>

namespace {
struct reap_state {
	struct delayed_work work;
	unsigned long ran_at = 0;
	int runs = 0;
	int cpu = -1;
	std::string comm;
};

void reap(struct work_struct *w)
{
	auto *s = container_of(to_delayed_work(w), reap_state, work);
	s->ran_at = jiffies;
	s->runs++;
	s->cpu = smp_processor_id();
	s->comm = current->comm;
}

int count_to_stop(void *arg)
{
	int *loops = static_cast<int *>(arg);
	while (!kthread_should_stop()) {
		++*loops;
		msleep(4);
	}
	return 42;
}
int declared_runs = 0;
void declared_fn(struct work_struct *) { declared_runs++; }
DECLARE_WORK(declared_work, declared_fn);
DECLARE_DELAYED_WORK(declared_dwork, declared_fn);

struct exiter {
	struct completion done;
	bool ran_past = false;
};

int exit_through_completion(void *arg)
{
	auto *e = static_cast<exiter *>(arg);
	complete_and_exit(&e->done, 7);
	e->ran_past = true; // not reached
	return 0;
}
} // namespace

TEST_CASE("DECLARE_WORK and DECLARE_DELAYED_WORK are ready to queue with no INIT call")
{
	test_machine tm;
	declared_runs = 0;
	CHECK(schedule_work(&declared_work));
	CHECK(schedule_delayed_work(&declared_dwork, 5));
	run_to_completion();
	CHECK(declared_runs == 2);
	CHECK_FALSE(work_pending(&declared_work));
	CHECK_FALSE(delayed_work_pending(&declared_dwork));
}

TEST_CASE("complete_and_exit completes, then ends the thread with its code")
{
	test_machine tm;
	exiter e;
	init_completion(&e.done);
	on_cpu(0, [&] {
		kthread_run(exit_through_completion, &e, "exiter");
		wait_for_completion(&e.done);
	});
	CHECK_FALSE(e.ran_past);
	CHECK(sim::task_list()[1].comm == "exiter");
	CHECK(sim::task_list()[1].exit_code == 7);
}

TEST_CASE("delayed work runs the jiffy after its delay in the kworker of the CPU it was queued on")
{
	test_machine tm({.nr_cpus = 2});
	reap_state s;
	INIT_DEFERRABLE_WORK(&s.work, reap);
	unsigned long queued_at = jiffies;
	CHECK(schedule_delayed_work_on(1, &s.work, 50));
	CHECK_FALSE(schedule_delayed_work_on(1, &s.work, 50)); // already pending
	sim::spawn(0, "keepawake", [] { msleep(400); });        // deferrable timers need company
	run_to_completion();
	CHECK(s.runs == 1);
	CHECK(s.ran_at == queued_at + 51); // a level-0 timer: the wheel rounds up by one jiffy
	CHECK(s.cpu == 1);
	CHECK(s.comm == "kworker/1:1");
}

TEST_CASE("cancel_delayed_work_sync stops work that has not run yet")
{
	test_machine tm;
	reap_state s;
	INIT_DELAYED_WORK(&s.work, reap);
	schedule_delayed_work_on(0, &s.work, 10);
	bool cancelled = false;
	sim::spawn(0, "canceller", [&] { cancelled = cancel_delayed_work_sync(&s.work); });
	run_to_completion();
	CHECK(cancelled);
	CHECK(s.runs == 0);
	CHECK_FALSE(delayed_work_pending(&s.work));
}

TEST_CASE("queueing work on a CPU that does not exist is refused with a warning")
{
	test_machine tm({.nr_cpus = 2});
	reap_state s;
	INIT_DELAYED_WORK(&s.work, reap);
	CHECK_FALSE(schedule_delayed_work_on(5, &s.work, 1));
	CHECK(logged("queue_delayed_work_on: CPU 5 does not exist"));
}

TEST_CASE("kthread_run starts a thread and kthread_stop returns its exit code")
{
	test_machine tm;
	int loops = 0;
	int ret = 0;
	sim::spawn(0, "parent", [&] {
		struct task_struct *k = kthread_run(count_to_stop, &loops, "counter/%d", 0);
		msleep(20);
		ret = kthread_stop(k);
	});
	run_to_completion();
	CHECK(ret == 42);
	CHECK(loops >= 2);
	CHECK(sim::task_list()[1].comm == "counter/0");
}

TEST_CASE("alloc_percpu gives each CPU its own zeroed copy")
{
	test_machine tm({.nr_cpus = 4});
	long *v = alloc_percpu(long);
	REQUIRE(v);
	int cpu;
	for_each_possible_cpu(cpu) {
		CHECK(*per_cpu_ptr(v, cpu) == 0);
		*per_cpu_ptr(v, cpu) = cpu * 10;
	}
	for_each_possible_cpu(cpu)
		CHECK(*per_cpu_ptr(v, cpu) == cpu * 10);
	free_percpu(v);
	CHECK(__alloc_percpu(8, 3) == nullptr);
}

TEST_CASE("this_cpu_ptr finds the copy of the CPU the task runs on")
{
	test_machine tm({.nr_cpus = 3});
	long *v = alloc_percpu(long);
	REQUIRE(v);
	for (unsigned c = 0; c < 3; c++)
		sim::spawn(c, "t", [v] { *this_cpu_ptr(v) = 100 + smp_processor_id(); });
	run_to_completion();
	for (int cpu = 0; cpu < 3; cpu++)
		CHECK(*per_cpu_ptr(v, cpu) == 100 + cpu);
	free_percpu(v);
}

TEST_CASE("a freed per-CPU area is reused, zeroed, and areas never overlap")
{
	test_machine tm({.nr_cpus = 2});
	char *a = static_cast<char *>(__alloc_percpu(100, 8));
	char *b = static_cast<char *>(__alloc_percpu(3000, 64));
	REQUIRE(a);
	REQUIRE(b);
	CHECK(reinterpret_cast<uintptr_t>(b) % 64 == 0);
	CHECK((b >= a + 100 || b + 3000 <= a));
	std::memset(per_cpu_ptr(a, 1), 0xff, 100);
	free_percpu(a);
	char *c = static_cast<char *>(__alloc_percpu(100, 8));
	CHECK(c == a);
	CHECK(per_cpu_ptr(c, 1)[99] == 0);
	free_percpu(b);
	free_percpu(c);
}

TEST_CASE("percpu allocations the kernel refuses are refused with its warning")
{
	test_machine tm;
	CHECK(__alloc_percpu(8, 3) == nullptr);
	CHECK(__alloc_percpu(PCPU_MIN_UNIT_SIZE + 1, 8) == nullptr);
	CHECK(__alloc_percpu(0, 8) == nullptr);
	CHECK(logged("illegal size (0) or align (8) for percpu allocation"));
	int on_stack = 0;
	free_percpu(&on_stack);
	CHECK(logged("is not a per-CPU area"));
}
