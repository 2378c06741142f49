// SPDX-License-Identifier: GPL-2.0-only
// The expectation evaluator: each `expect` becomes an expectation (passed, expected, actual in
// words) and the run goes on.
#include "sim/scenario/interp.h"

#include "kernel_compat/sysfs.h"
#include "linux/jiffies.h"
#include "linux/slab.h"
#include "sim/mempool/mempool.h"
#include "sim/scenario/ctor.h"
#include "sim/scenario/errnos.h"
#include "sim/scenario/fields.h"
#include "sim/sched/sched.h"
#include "sim/slab/slabinfo.h"
#include "sim/trace/printk.h"

#include <fmt/format.h>

namespace sim::scenario {

void interp::expect(const op &o, const expect_def &e, const std::int64_t *frame)
{
	expectation r{o.loc, e.text, true, "", ""};
	auto object = [&](std::uint32_t obj, const operand &idx) -> const slot * {
		op fake = o;
		fake.a = obj;
		fake.x = idx;
		return holding(fake, frame);
	};
	switch (e.kind) {
	case expect_stmt::is_null:
	case expect_stmt::not_null: {
		const slot *s = object(e.object, e.index);
		if (!s)
			return;
		bool want_null = e.kind == expect_stmt::is_null;
		r.passed = (s->ptr == nullptr) == want_null;
		r.expected = want_null ? "NULL" : "memory";
		r.actual = s->ptr ? "memory" : "NULL";
		break;
	}
	case expect_stmt::from_reserve:
	case expect_stmt::from_backing: {
		const slot *s = object(e.object, e.index);
		if (!s)
			return;
		r.expected = e.kind == expect_stmt::from_reserve ? "from the reserve" : "from the backing allocator";
		r.actual = !s->ptr ? "NULL" : s->from_reserve ? "from the reserve" : "from the backing allocator";
		r.passed = r.expected == r.actual;
		break;
	}
	case expect_stmt::holds: {
		const slot *s = object(e.object, e.index);
		if (!s || !check_live(o.loc, e.object, *s))
			return;
		const auto *b = static_cast<const unsigned char *>(bytes_of(*s));
		std::size_t i = 0;
		while (i < s->bytes && b[i] == e.value)
			++i;
		r.passed = i == s->bytes;
		r.expected = fmt::format("all {} bytes 0x{:02x}", s->bytes, e.value);
		r.actual = r.passed ? r.expected : fmt::format("byte {} is 0x{:02x}", i, b[i]);
		break;
	}
	case expect_stmt::same_as: {
		const slot *a = object(e.object, e.index), *b = object(e.other, e.other_index);
		if (!a || !b)
			return;
		r.passed = a->ptr == b->ptr;
		r.expected = "the same address";
		r.actual = r.passed ? "the same address" : "different addresses";
		break;
	}
	case expect_stmt::task_state:
		task_state(e, r);
		break;
	case expect_stmt::compare:
		compare(o, e, r);
		break;
	case expect_stmt::module_result:
		module_result(e, r);
		break;
	case expect_stmt::sysfs_is: {
		// As `cat` shows it, without the newline the file ends with.
		std::string text;
		int err = sysfs_read(e.name, text);
		if (!text.empty() && text.back() == '\n')
			text.pop_back();
		r.passed = !err && text == e.text_arg;
		r.expected = fmt::format("\"{}\"", e.text_arg);
		r.actual = err ? cat_error(e.name, err) : fmt::format("\"{}\"", text);
		break;
	}
	case expect_stmt::dmesg_has: {
		std::string log = sim::dmesg();
		r.passed = log.find(e.text_arg) != std::string::npos;
		claims_.claim(e.text_arg);
		r.expected = fmt::format("\"{}\" in the kernel log", e.text_arg);
		r.actual = r.passed ? r.expected : "not there";
		break;
	}
	}
	if (narrator_->on())
		narrator_->expected(r);
	out_->expectations.push_back(std::move(r));
}

void interp::module_result(const expect_def &e, expectation &r) const
{
	const module_rec &m = modules_[e.target];
	bool insmod = e.name == "insmod";
	const tool_result &t = insmod ? m.insmod : m.rmmod;
	r.expected = e.value == 0 ? "succeeded" : e.value == 1 ? "failed" : "failed with " + errno_name(e.value);
	switch (t.state) {
	case tool_result::not_run:
		r.actual = "not run yet";
		break;
	case tool_result::running:
		r.actual = insmod ? "still running: module_init has not returned"
				  : "still running: module_exit has not returned";
		break;
	case tool_result::finished:
		r.actual = t.err ? "failed with " + errno_name(t.err) : "succeeded";
	}
	r.passed = t.state == tool_result::finished &&
		   (e.value == 0 ? t.err == 0 : e.value == 1 ? t.err != 0 : t.err == e.value);
}

void interp::task_state(const expect_def &e, expectation &r) const
{
	static const char *words[] = {"running", "sleeping", "interruptible", "uninterruptible", "done"};
	const task_struct *t = task_of(e.target);
	char c = t ? task_state_char(t) : '-';
	r.expected = words[e.value];
	r.actual = c == 'R' ? "running" : c == 'S' ? "interruptible" : c == 'D' ? "uninterruptible"
		 : c == 'X' ? "done" : "not started";
	switch (static_cast<want_state>(e.value)) {
	case want_state::sleeping:
		r.passed = c == 'S' || c == 'D';
		break;
	default:
		r.passed = r.expected == r.actual;
	}
	if (t && (c == 'S' || c == 'D'))
		r.actual += " (" + describe_wait(t) + ")";
}

// The number an `expect SUBJECT.FIELD` compares, read through the subject's table.
std::optional<std::int64_t> interp::field(const op &o, const expect_def &e)
{
	switch (e.subject) {
	case expect_def::pool: {
		const mempool_t *m = live_pool(e.target, o.loc);
		if (!m)
			return std::nullopt;
		return find_field(mempool_columns(), e.field)->read(*m);
	}
	case expect_def::cache:
		if (e.field == "ctor_calls")
			return static_cast<std::int64_t>(ctor_calls(ctor_ids_.size() > e.target ? ctor_ids_[e.target] : -1));
		if (!caches_[e.target]) // destroyed: only /proc/slabinfo can say whether it lingers
			return lingering(o, e);
		return cache_column(e.field)->read(read_slabinfo_row(caches_[e.target]));
	case expect_def::slabinfo_name: {
		struct kmem_cache *c = find_cache(e.name);
		if (!c) {
			fail(o.loc, fmt::format("no cache named '{}' in /proc/slabinfo", e.name));
			return std::nullopt;
		}
		return cache_column(e.field)->read(read_slabinfo_row(c));
	}
	case expect_def::hog:
		return static_cast<std::int64_t>(hogs_[e.target].pages + hogs_[e.target].kept.size());
	case expect_def::task: {
		const task_struct *t = task_of(e.target);
		if (!t)
			return std::nullopt;
		return find_field(task_fields(), e.field)->read(*t);
	}
	case expect_def::meminfo:
		return find_field(meminfo_fields(), e.field)->read(read_meminfo());
	case expect_def::buddyinfo:
		return sum_over_zones(*find_field(free_area_fields(), e.field));
	case expect_def::jiffies:
		return static_cast<std::int64_t>(jiffies - INITIAL_JIFFIES);
	}
	return std::nullopt;
}

// A cache kmem_cache_destroy refused to free (it still had objects) stays in /proc/slabinfo.
std::optional<std::int64_t> interp::lingering(const op &o, const expect_def &e)
{
	const std::string &name = p_.caches[e.target].name;
	if (struct kmem_cache *c = find_cache(name))
		return cache_column(e.field)->read(read_slabinfo_row(c));
	fail(o.loc, fmt::format("cache '{}' was destroyed at {}:{} and is gone from /proc/slabinfo", name,
				cache_destroyed_[e.target].line, cache_destroyed_[e.target].col));
	return std::nullopt;
}

void interp::compare(const op &o, const expect_def &e, expectation &r)
{
	std::optional<std::int64_t> v = field(o, e);
	if (error_)
		return;
	r.expected = fmt::format("{} {}", e.op, e.value);
	if (!v) {
		r.passed = false;
		r.actual = "not available";
		return;
	}
	r.actual = fmt::format("{}", *v);
	const std::string &op = e.op;
	r.passed = op == "==" ? *v == e.value : op == "!=" ? *v != e.value : op == "<" ? *v < e.value
		 : op == "<=" ? *v <= e.value : op == ">" ? *v > e.value : *v >= e.value;
}

} // namespace sim::scenario
