// SPDX-License-Identifier: GPL-2.0-only
// Task switch costs (docs/engine.md), beside glibc's swapcontext in the same run.
// Single-threaded only: glibc's locks get slower once any thread has existed.
//
//   BM_swapcontext_switch   one ucontext switch (half a ping-pong round trip)
//   BM_task_switch          one simulated task switch: a task yields to another on its CPU
//   BM_sleep_wake_round_trip two tasks: one sleeps on a wait queue, the other wakes it, and
//                           back, per iteration (two sleeps, two wakes, four switches)
#include "linux/sched.h"
#include "linux/wait.h"
#include "sim/machine.h"
#include "sim/sched/sched.h"
#include "sim/trace/printk.h"

#include <benchmark/benchmark.h>
#include <ucontext.h>

namespace {

ucontext_t main_uc, peer_uc;
void peer_loop()
{
	for (;;)
		swapcontext(&peer_uc, &main_uc);
}

void BM_swapcontext_switch(benchmark::State &state)
{
	static char stack[64 * 1024];
	getcontext(&peer_uc);
	peer_uc.uc_stack.ss_sp = stack;
	peer_uc.uc_stack.ss_size = sizeof(stack);
	peer_uc.uc_link = nullptr;
	makecontext(&peer_uc, peer_loop, 0);
	for (auto _ : state)
		swapcontext(&main_uc, &peer_uc); // there and back: two switches
	state.SetItemsProcessed(state.iterations() * 2);
}
BENCHMARK(BM_swapcontext_switch);

// The benchmark loop runs inside task "a", so only switching is measured, not run().
void BM_task_switch(benchmark::State &state)
{
	sim::machine m({.nr_cpus = 1});
	bool done = false;
	sim::spawn(0, "a", [&] {
		for (auto _ : state)
			yield(); // to b, which yields back: two switches
		done = true;
	});
	sim::spawn(0, "b", [&] {
		while (!done)
			yield();
	});
	sim::run();
	state.SetItemsProcessed(static_cast<std::int64_t>(sim::nr_context_switches()));
}
BENCHMARK(BM_task_switch);

void BM_sleep_wake_round_trip(benchmark::State &state)
{
	sim::machine m({.nr_cpus = 1});
	DECLARE_WAIT_QUEUE_HEAD(ping);
	DECLARE_WAIT_QUEUE_HEAD(pong);
	long turn = 0; // even: a's turn, odd: b's
	bool done = false;
	sim::spawn(0, "a", [&] {
		for (auto _ : state) {
			turn++;
			wake_up(&pong);
			wait_event(ping, turn % 2 == 0);
		}
		done = true;
		turn++;
		wake_up(&pong);
	});
	sim::spawn(0, "b", [&] {
		while (!done) {
			wait_event(pong, turn % 2 == 1);
			if (done)
				break;
			turn++;
			wake_up(&ping);
		}
	});
	sim::run();
	state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_sleep_wake_round_trip);

} // namespace
