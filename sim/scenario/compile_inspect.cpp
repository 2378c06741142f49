// SPDX-License-Identifier: GPL-2.0-only
// print, say and expect.
#include "sim/scenario/compile.h"

#include "sim/scenario/fields.h"
#include "sim/scenario/words.h"

#include <algorithm>
#include <array>
#include <fmt/format.h>

namespace sim::scenario {

void compiler::node(const stmt &st, const print_stmt &p)
{
	op o{opcode::print, 0, st.loc};
	o.sub = static_cast<std::uint8_t>(std::find(print_views.begin(), print_views.end(), p.what.name) -
					  print_views.begin());
	if (p.what.name == "sysfs") {
		o.a = string(p.object->name);
	} else if (p.object) {
		auto [kind, what] = p.what.name == "task"   ? std::pair{symbol::task, "a task"}
				    : p.what.name == "pool" ? std::pair{symbol::pool, "a pool"}
							    : std::pair{symbol::cache, "a cache"};
		o.a = lookup(p.object->name, p.object->loc, kind, what).index;
	}
	o.b = p.clear;
	emit(o);
}

void compiler::node(const stmt &st, const say_stmt &s) { emit({opcode::say, 0, st.loc, string(s.text)}); }

void compiler::node(const stmt &st, const expect_stmt &e)
{
	expect_def d;
	d.kind = e.kind;
	d.text = source_text(st.loc);
	switch (e.kind) {
	case expect_stmt::is_null:
	case expect_stmt::not_null:
	case expect_stmt::holds:
		used(e.object, d.object, {}, "");
		d.index = index(e.object);
		d.value = e.value.value;
		break;
	case expect_stmt::from_reserve:
	case expect_stmt::from_backing:
		used(e.object, d.object, {obj_kind::pool},
		     "only a mempool element comes from a pool's reserve or its backing allocator");
		d.index = index(e.object);
		break;
	case expect_stmt::same_as:
		if (auto it = names_.find(e.object.name); it != names_.end() && it->second.kind == symbol::task)
			fail(e.other.loc, fmt::format("unknown task state '{}': expected running, sleeping, "
						      "interruptible, uninterruptible or done",
						      e.other.name));
		used(e.object, d.object, {}, "");
		d.index = index(e.object);
		used(e.other, d.other, {}, "");
		d.other_index = index(e.other);
		break;
	case expect_stmt::task_state:
		d.target = lookup(e.object.name, e.object.loc, symbol::task, "a task").index;
		d.value = static_cast<std::int64_t>(state(e.word.name));
		break;
	case expect_stmt::compare:
		compare(e, d);
		break;
	case expect_stmt::dmesg_has:
		d.text_arg = e.text;
		break;
	case expect_stmt::sysfs_is:
		d.name = e.path;
		d.text_arg = e.text;
		break;
	case expect_stmt::module_result:
		module_result(e, d);
		break;
	}
	p_.expects.push_back(std::move(d));
	emit({opcode::expect, 0, st.loc, static_cast<std::uint32_t>(p_.expects.size() - 1)});
}

want_state compiler::state(const std::string &w)
{
	if (w == "running" || w == "runnable" || w == "TASK_RUNNING")
		return want_state::running;
	if (w == "sleeping")
		return want_state::sleeping;
	if (w == "interruptible" || w == "TASK_INTERRUPTIBLE")
		return want_state::interruptible;
	if (w == "uninterruptible" || w == "TASK_UNINTERRUPTIBLE")
		return want_state::uninterruptible;
	return want_state::done;
}

void compiler::compare(const expect_stmt &e, expect_def &d)
{
	d.op = e.op;
	d.value = constant(e.value, "an expected value");
	const std::string &subject = e.object.name, &field = e.word.name;
	source_loc floc = e.word.loc.line ? e.word.loc : e.object.loc;
	if (e.object.index)
		fail(e.object.loc, "only objects take an index");
	auto need = [&](bool ok, const std::string &choices) {
		if (!ok)
			fail(floc, fmt::format("{}'{}' has no field '{}': expected {}", "", subject, field, choices));
	};
	d.field = field;
	if (subject == "jiffies") {
		d.subject = expect_def::jiffies;
		need(field.empty(), "no field (write 'expect jiffies >= 250')");
		return;
	}
	if (subject == "meminfo") {
		d.subject = expect_def::meminfo;
		need(find_field(meminfo_fields(), field), field_names(meminfo_fields()));
		return;
	}
	if (subject == "buddyinfo") {
		table<sim::field<struct zone>> orders = free_area_fields();
		d.subject = expect_def::buddyinfo;
		need(find_field(orders, field), fmt::format("{} to {}", orders.front().name, orders.back().name));
		return;
	}
	auto it = names_.find(subject);
	if (it == names_.end()) {
		// kmalloc-128, dma-kmalloc-64, or a cache a module created: looked up in
		// /proc/slabinfo when the expectation runs.
		if (subject.find('-') == std::string::npos && modules_.empty())
			fail(e.object.loc, fmt::format("undefined name '{}': expected a pool, a cache, a task, a "
						       "hog, meminfo, buddyinfo, jiffies or a slabinfo cache name "
						       "such as kmalloc-128", subject));
		d.subject = expect_def::slabinfo_name;
		d.name = subject;
		need(cache_column(field), cache_column_names());
		return;
	}
	const symbol &sym = it->second;
	d.target = sym.index;
	switch (sym.kind) {
	case symbol::pool:
		d.subject = expect_def::pool;
		need(find_field(mempool_columns(), field), field_names(mempool_columns()));
		return;
	case symbol::cache:
		d.subject = expect_def::cache;
		d.name = subject;
		need(cache_column(field) || field == "ctor_calls", cache_column_names() + ", ctor_calls");
		return;
	case symbol::hog:
		d.subject = expect_def::hog;
		need(field == "pages", "pages");
		return;
	case symbol::task:
		d.subject = expect_def::task;
		need(find_field(task_fields(), field), field_names(task_fields()));
		return;
	default:
		fail(e.object.loc, fmt::format("'{}' is {}; expect compares the fields of pools, caches, hogs "
					       "and tasks", subject, symbol_kind(sym.kind)));
	}
}

} // namespace sim::scenario
