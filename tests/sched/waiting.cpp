// SPDX-License-Identifier: GPL-2.0-only
#include "support/machine.h"

#include "linux/completion.h"
#include "linux/delay.h"
#include "linux/wait.h"

#include <catch2/catch.hpp>
#include <string>

namespace {
// Each task sleeps on `wq` (exclusively or not) until its flag is set, then logs its name.
void waiter(wait_queue_head_t *wq, bool exclusive, bool *go, std::string *log, char name)
{
	DEFINE_WAIT(wait);
	for (;;) {
		if (exclusive)
			prepare_to_wait_exclusive(wq, &wait, TASK_UNINTERRUPTIBLE);
		else
			prepare_to_wait(wq, &wait, TASK_UNINTERRUPTIBLE);
		if (*go)
			break;
		schedule();
	}
	finish_wait(wq, &wait);
	*log += name;
}
} // namespace

TEST_CASE("exclusive waiters are woken one per wake_up, in FIFO order")
{
	test_machine tm;
	DECLARE_WAIT_QUEUE_HEAD(wq);
	bool go = false;
	std::string log;
	for (char c : {'a', 'b', 'c'})
		sim::spawn(0, std::string(1, c), [&, c] { waiter(&wq, true, &go, &log, c); });
	run_for(1'000'000); // all three asleep
	REQUIRE(log.empty());
	go = true; // the condition holds; each waiter still needs its wake
	for (int i = 0; i < 2; i++) {
		wake_up(&wq);
		run_for(1'000'000);
		CHECK(log.size() == static_cast<std::size_t>(i + 1));
	}
	wake_up(&wq);
	run_to_completion();
	CHECK(log == "abc");
}

TEST_CASE("wake_up wakes every non-exclusive waiter, newest first as prepare_to_wait queues at the head")
{
	test_machine tm;
	DECLARE_WAIT_QUEUE_HEAD(wq);
	bool go = false;
	std::string log;
	for (char c : {'a', 'b', 'c'})
		sim::spawn(0, std::string(1, c), [&, c] { waiter(&wq, false, &go, &log, c); });
	run_for(1'000'000);
	go = true;
	wake_up(&wq);
	run_to_completion();
	CHECK(log == "cba");
}

TEST_CASE("wake_up wakes all non-exclusive waiters and one exclusive one")
{
	test_machine tm;
	DECLARE_WAIT_QUEUE_HEAD(wq);
	bool go = false;
	std::string log;
	sim::spawn(0, "x", [&] { waiter(&wq, true, &go, &log, 'x'); });
	sim::spawn(0, "y", [&] { waiter(&wq, true, &go, &log, 'y'); });
	sim::spawn(0, "n", [&] { waiter(&wq, false, &go, &log, 'n'); });
	run_for(1'000'000);
	go = true;
	wake_up(&wq);
	run_for(1'000'000);
	CHECK(log == "nx");
	wake_up_all(&wq);
	run_to_completion();
	CHECK(log == "nxy");
}

TEST_CASE("wait_event_timeout returns 0 when the condition stays false")
{
	test_machine tm;
	DECLARE_WAIT_QUEUE_HEAD(wq);
	long ret = -1;
	unsigned long start = 0, end = 0;
	sim::spawn(0, "t", [&] {
		start = jiffies;
		ret = wait_event_timeout(wq, false, 30);
		end = jiffies;
	});
	run_to_completion();
	CHECK(ret == 0);
	CHECK(end - start == 31); // the timer wheel fires a level-0 timer the jiffy after expires
}

TEST_CASE("wait_event_timeout returns the jiffies left when the condition comes true in time")
{
	test_machine tm;
	DECLARE_WAIT_QUEUE_HEAD(wq);
	bool cond = false;
	long ret = -1;
	sim::spawn(0, "waiter", [&] { ret = wait_event_timeout(wq, cond, 100); });
	sim::spawn(1, "waker", [&] {
		msleep(36); // 9 jiffies + 2 (msleep's and the wheel's)
		cond = true;
		wake_up(&wq);
	});
	run_to_completion();
	CHECK(ret == 89);
}

TEST_CASE("wait_event_timeout returns at least 1 when the condition already holds")
{
	test_machine tm;
	DECLARE_WAIT_QUEUE_HEAD(wq);
	long ret = -1;
	sim::spawn(0, "t", [&] { ret = wait_event_timeout(wq, true, 0); });
	run_to_completion();
	CHECK(ret == 1);
}

TEST_CASE("wait_event sleeps until the condition holds, ignoring wakes before that")
{
	test_machine tm;
	DECLARE_WAIT_QUEUE_HEAD(wq);
	int value = 0;
	bool done = false;
	sim::spawn(0, "waiter", [&] {
		wait_event(wq, value == 3);
		done = true;
	});
	sim::spawn(1, "waker", [&] {
		for (int i = 0; i < 3; i++) {
			msleep(1);
			value++;
			wake_up(&wq);
		}
	});
	run_to_completion();
	CHECK(done);
}

TEST_CASE("complete wakes exactly one waiter and complete_all wakes the rest")
{
	test_machine tm;
	DECLARE_COMPLETION(done);
	int finished = 0;
	for (int i = 0; i < 3; i++)
		sim::spawn(0, "w", [&] {
			wait_for_completion(&done);
			finished++;
		});
	run_for(1'000'000);
	complete(&done);
	run_for(1'000'000);
	CHECK(finished == 1);
	complete_all(&done);
	run_to_completion();
	CHECK(finished == 3);
}

TEST_CASE("wait_for_completion_timeout returns 0 on timeout and the time left otherwise")
{
	test_machine tm;
	struct completion c;
	init_completion(&c);
	unsigned long timed_out = 99, in_time = 0;
	sim::spawn(0, "t", [&] {
		timed_out = wait_for_completion_timeout(&c, 10);
		complete(&c);
		in_time = wait_for_completion_timeout(&c, 10);
	});
	run_to_completion();
	CHECK(timed_out == 0);
	CHECK(in_time == 10);
}
