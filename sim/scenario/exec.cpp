// SPDX-License-Identifier: GPL-2.0-only
// The execution loop: one switch over pre-resolved ops, each kind of statement handed to its
// executor. A task's loop over kmalloc/kfree costs an operand read, the kernel call and a slot
// store per statement (tools/bench/scenario.cpp).
#include "sim/scenario/interp.h"

#include "linux/sched.h"
#include "linux/slab.h"
#include "sim/sched/clock.h"
#include "sim/sched/sched.h"
#include "sim/trace/kallsyms.h"

#include <algorithm>
#include <fmt/format.h>

namespace sim::scenario {

namespace {

bool under_scheduler() { return get_current()->pid != 0 || in_interrupt(); }

// A sleep of `ns`, rounded up to whole jiffies; a sleep past MAX_SCHEDULE_TIMEOUT is that.
long jiffies_for(std::int64_t ns)
{
	unsigned __int128 j = (static_cast<unsigned __int128>(ns) * HZ + 999999999) / 1000000000;
	return j >= MAX_SCHEDULE_TIMEOUT ? MAX_SCHEDULE_TIMEOUT - 1 : static_cast<long>(j);
}

} // namespace

void interp::exec(std::uint32_t pc, std::int64_t *frame)
{
	for (;;) {
		const op &o = p_.code[pc++];
		if (__builtin_expect(++ops_ >= next_poll_, 0))
			poll();
		if (__builtin_expect(narrator_->on(), 0))
			narrator_->before(o, pool_of(o));
		switch (o.code) {
		case opcode::alloc:
			alloc(o, frame);
			break;
		case opcode::free:
			free(o, frame);
			break;
		case opcode::loop_begin:
			frame[o.a] = 0;
			frame[o.a + 1] = eval(o.x, frame, o.loc);
			if (frame[o.a + 1] <= 0)
				pc = o.b;
			break;
		case opcode::loop_next:
			if (++frame[o.a] < frame[o.a + 1])
				pc = o.b;
			break;
		case opcode::sleep:
			__sim_note_site("scenario", p_.file.c_str(), static_cast<int>(o.loc.line));
			schedule_timeout_uninterruptible(jiffies_for(o.x.value));
			break;
		case opcode::yield:
			yield();
			break;
		case opcode::migrate:
			sim::migrate(get_current(), static_cast<unsigned>(o.x.value));
			yield();
			break;
		case opcode::hook: {
			std::vector<std::int64_t> f(p_.actors[o.a].counters);
			exec(p_.actors[o.a].entry, f.data());
			break;
		}
		case opcode::ret:
			return;
		default:
			dispatch(o, frame);
		}
		if (__builtin_expect(narrator_->on(), 0))
			narrator_->after(o, pool_of(o));
		if (__builtin_expect(halt_, 0))
			return;
	}
}

// The statements that are not control flow: each to its executor.
void interp::dispatch(const op &o, const std::int64_t *frame)
{
	switch (o.code) {
	case opcode::fill:
		return fill(o, frame);
	case opcode::hog:
		return hog(o);
	case opcode::release:
		return release(hogs_[o.a]);
	case opcode::fragment:
		return fragment(hogs_[o.a]);
	case opcode::fault:
		return fault(p_.faults[o.a]);
	case opcode::shrink:
		if (live_cache(o.a, o.loc))
			kmem_cache_shrink(caches_[o.a]);
		return;
	case opcode::tune:
		return tune(o);
	case opcode::resize:
		return resize(o);
	case opcode::print:
		return print(o);
	case opcode::say:
		if (o_.out)
			*o_.out << p_.strings[o.a] << '\n';
		return;
	case opcode::expect:
		return expect(o, p_.expects[o.a], frame);
	case opcode::create_cache:
		return create_cache(o);
	case opcode::create_pool:
		return create_pool(o);
	case opcode::destroy_cache:
		return destroy_cache(o);
	case opcode::destroy_pool:
		return destroy_pool(o);
	case opcode::insmod:
		return insmod(o);
	case opcode::rmmod:
		return rmmod(o);
	case opcode::start_actor:
		return start(o.a);
	case opcode::run:
		return run_machine(o);
	default:
		return;
	}
}

// Inside a task the error cannot unwind across the fiber: it is kept, the run stopped, and
// go() throws it once the machine is torn down.
void interp::fail(source_loc at, const std::string &msg)
{
	if (!error_)
		error_.emplace(p_.file, at, msg);
	halt_ = true;
	if (under_scheduler())
		stop_run();
	else
		throw *error_;
}

// A cap of run_options ended the scenario: what is left of it does not run.
void interp::capped(run_status why, std::string msg)
{
	if (!out_->capped) {
		out_->capped = why;
		out_->capped_message = std::move(msg);
	}
	halt_ = true;
	if (under_scheduler())
		stop_run();
}

// Every 2^20 statements: the progress line, and the statement cap.
void interp::poll()
{
	if (o_.caps.ops && ops_ >= o_.caps.ops) {
		next_poll_ = UINT64_MAX;
		return capped(run_status::stopped, fmt::format("{}: stopped after {} statements, the limit", p_.file, ops_));
	}
	if ((ops_ & 0xfffff) == 0 && o_.on_progress)
		o_.on_progress({ops_, now_ns});
	next_poll_ = (ops_ | 0xfffff) + 1;
	if (o_.caps.ops)
		next_poll_ = std::min(next_poll_, o_.caps.ops);
}

std::int64_t interp::eval(const operand &x, const std::int64_t *frame, source_loc loc)
{
	if (x.kind == operand::constant)
		return x.value;
	if (x.kind == operand::counter)
		return frame[x.index];
	return computed(p_.exprs[x.index], frame, loc);
}

// The compiler bounds every expression by its counters' ranges, so these checks should never
// fire; they keep an arithmetic slip a scenario error instead of undefined behaviour.
std::int64_t interp::computed(const std::vector<rpn_item> &rpn, const std::int64_t *frame, source_loc loc)
{
	std::int64_t stack[32];
	int sp = 0;
	for (const rpn_item &it : rpn) {
		switch (it.kind) {
		case rpn_item::push:
			stack[sp++] = it.value;
			continue;
		case rpn_item::counter:
			stack[sp++] = frame[it.value];
			continue;
		default:
			break;
		}
		std::int64_t r = stack[--sp], &l = stack[sp - 1];
		bool bad = it.kind == rpn_item::add ? __builtin_add_overflow(l, r, &l)
			 : it.kind == rpn_item::sub ? __builtin_sub_overflow(l, r, &l)
			 : it.kind == rpn_item::mul ? __builtin_mul_overflow(l, r, &l)
			 : r == 0 || (r == -1 && l == INT64_MIN) || ((l /= r), false);
		if (bad) {
			fail(loc, r == 0 && it.kind == rpn_item::div ? "division by zero" : "arithmetic overflows 64 bits");
			return 0;
		}
	}
	return stack[0];
}

slot *interp::at(std::uint32_t object, const operand &index, const std::int64_t *frame, source_loc loc)
{
	const object_def &d = p_.objects[object];
	std::int64_t i = eval(index, frame, loc);
	if (halt_)
		return nullptr;
	if (i < 0 || i >= d.length) {
		fail(loc, fmt::format("index {} of '{}' is out of range (0 to {})", i, d.name, d.length - 1));
		return nullptr;
	}
	return &slots_[d.base + i];
}

slot *interp::holding(const op &o, const std::int64_t *frame)
{
	slot *s = at(o.a, o.x, frame, o.loc);
	if (s && s->state == slot::empty) {
		fail(o.loc, fmt::format("'{}' holds nothing yet: no allocation has been assigned to it",
					p_.objects[o.a].name));
		return nullptr;
	}
	return s;
}

bool interp::check_live(source_loc loc, std::uint32_t object, const slot &s)
{
	if (s.state == slot::freed) {
		fail(loc, fmt::format("'{}' was freed at {}:{}", p_.objects[object].name, s.where.line, s.where.col));
		return false;
	}
	if (!s.ptr) {
		fail(loc, fmt::format("'{}' is NULL: its allocation at {}:{} failed", p_.objects[object].name,
				      s.where.line, s.where.col));
		return false;
	}
	return true;
}

void interp::start(std::uint32_t a)
{
	const actor_def &d = p_.actors[a];
	auto body = [this, a] {
		std::vector<std::int64_t> frame(p_.actors[a].counters);
		exec(p_.actors[a].entry, frame.data());
	};
	switch (d.kind) {
	case actor_def::task:
		if (d.at_ns > now_ns)
			raise_irq(d.cpu, d.at_ns, [this, a, body] { tasks_[a] = spawn(p_.actors[a].cpu, p_.actors[a].name, body); });
		else
			tasks_[a] = spawn(d.cpu, d.name, body);
		break;
	default:
		raise_irq(d.cpu, std::max(d.at_ns, now_ns), body);
	}
}

void interp::run_machine(const op &o)
{
	run_limits lim;
	if (o.sub == run_stmt::for_time)
		lim.until_ns = now_ns + std::min(static_cast<std::uint64_t>(o.x.value), UINT64_MAX - now_ns);
	else if (o.sub == run_stmt::until_time)
		lim.until_ns = static_cast<std::uint64_t>(o.x.value);
	// A timed run lets time pass even when the machine is idle, so deferrable work such as
	// cache_reap keeps its schedule.
	lim.advance_idle = o.sub != run_stmt::until_idle;
	if (o_.caps.run_steps)
		lim.max_steps = o_.caps.run_steps;
	sim::run_result r = sim::run(lim);
	out_->runs.push_back(fmt::format("{}:{}: run: {}", p_.file, o.loc.line, r.message));
	if (narrator_->on())
		narrator_->ran(r.message);
	if (r.status == run_status::machine_time_limit || r.status == run_status::step_limit)
		capped(r.status, fmt::format("{}:{}: run: {}", p_.file, o.loc.line, r.message));
}

} // namespace sim::scenario
