// SPDX-License-Identifier: GPL-2.0-only
// The statements with arguments: hog, fault injection, print, expect, and the kernel calls.
#include "sim/scenario/parse.h"

#include "sim/scenario/words.h"

#include <array>
#include <fmt/format.h>

namespace sim::scenario {

namespace {

constexpr std::array task_states = {"running",      "runnable",        "sleeping",
				    "interruptible", "uninterruptible", "done",
				    "TASK_RUNNING", "TASK_INTERRUPTIBLE", "TASK_UNINTERRUPTIBLE"};

} // namespace

hog_stmt parser::hog()
{
	hog_stmt h;
	if (accept_word("all")) {
		h.mode = hog_stmt::all_but;
		if (accept_word("but")) {
			h.amount = sum(units::none);
			word("pages");
		}
	} else if (cur().kind == tok::number && cur().text == "%") {
		h.mode = hog_stmt::percent;
		h.amount.loc = cur().loc;
		h.amount.value = take().value;
	} else {
		h.mode = hog_stmt::pages;
		h.amount = sum(units::none);
		word("pages");
	}
	word("as");
	h.name = name("a name for the hogged pages");
	return h;
}

fault_stmt parser::fault(name_ref knob)
{
	static constexpr std::array attrs = {"probability", "interval", "times", "space", "min_order"};
	fault_stmt f;
	f.knob = std::move(knob);
	if (accept_word("off")) {
		f.on = false;
		return f;
	}
	word("on");
	while (cur().kind != tok::newline) {
		if (accept_word("ignore_gfp_wait")) {
			f.ignore_gfp_wait = true;
			continue;
		}
		if (cur().kind != tok::word || !one_of(attrs, cur().text))
			expected("a fault attribute (probability, interval, times, space, min_order, "
				 "ignore_gfp_wait)");
		const token &k = take();
		machine_stmt::setting set{{k.text, k.loc}, 0, cur().loc};
		if (k.text == "probability" && cur().kind == tok::number && cur().text == "%")
			set.value = take().value;
		else
			set.value = plain_number("a number");
		f.attrs.push_back(set);
	}
	return f;
}

print_stmt parser::print()
{
	print_stmt p;
	if (cur().kind != tok::word || !one_of(print_views, cur().text))
		expected("what to print (slabinfo, buddyinfo, meminfo, zoneinfo, mempools, dmesg, "
			 "task NAME, pool NAME, cache NAME, sysfs \"PATH\")");
	const token &w = take();
	p.what = {w.text, w.loc};
	if (w.text == "sysfs") {
		if (cur().kind != tok::string)
			expected("a quoted path under /sys/module, such as \"/sys/module/hello/parameters/level\"");
		const token &path = take();
		p.object = name_ref{path.text, path.loc};
		return p;
	}
	if (w.text == "task" || w.text == "pool" || w.text == "cache")
		p.object = name(w.text == "task" ? "a task name" : w.text == "pool" ? "a pool name" : "a cache name");
	return p;
}

expect_stmt parser::expect()
{
	expect_stmt e;
	if (accept_word("dmesg")) {
		e.kind = expect_stmt::dmesg_has;
		word("contains");
		if (cur().kind != tok::string)
			expected("a quoted text");
		e.text = take().text;
		return e;
	}
	if (accept_word("sysfs")) {
		e.kind = expect_stmt::sysfs_is;
		if (cur().kind != tok::string)
			expected("a quoted path under /sys/module");
		e.path = take().text;
		word("is");
		if (cur().kind != tok::string)
			expected("the file's text, quoted");
		e.text = take().text;
		return e;
	}
	if (cur().is_word("insmod") || cur().is_word("rmmod")) {
		e.kind = expect_stmt::module_result;
		e.word = {cur().text, cur().loc};
		++i_;
		name_ref m = name("a module name");
		e.object = {m.name, std::nullopt, m.loc};
		if (accept_word("succeeded")) {
			e.succeeded = true;
		} else if (accept_word("failed")) {
			if (accept_word("with")) {
				if (!accept_punct("-") || cur().kind != tok::word)
					expected("an error code such as -ENOMEM");
				e.error = name_ref{cur().text, cur().loc};
				++i_;
			}
		} else {
			expected("'succeeded' or 'failed'");
		}
		return e;
	}
	e.object = object();
	if (accept_word("is")) {
		if (accept_word("NULL")) {
			e.kind = expect_stmt::is_null;
		} else if (accept_word("not")) {
			word("NULL");
			e.kind = expect_stmt::not_null;
		} else if (cur().kind == tok::word && one_of(task_states, cur().text)) {
			e.kind = expect_stmt::task_state;
			e.word = {cur().text, cur().loc};
			++i_;
		} else if (cur().kind == tok::word) {
			e.kind = expect_stmt::same_as;
			e.other = object();
		} else {
			expected("'NULL', 'not NULL', a task state or an object name");
		}
	} else if (accept_word("from")) {
		if (accept_word("reserve"))
			e.kind = expect_stmt::from_reserve;
		else if (accept_word("backing"))
			e.kind = expect_stmt::from_backing;
		else
			expected("'reserve' or 'backing'");
	} else if (accept_word("holds")) {
		e.kind = expect_stmt::holds;
		e.value.loc = cur().loc;
		e.value.value = byte_value();
	} else {
		e.kind = expect_stmt::compare;
		if (accept_punct(".")) {
			if (cur().kind != tok::word)
				expected("a field name");
			e.word = {cur().text, cur().loc};
			++i_;
		}
		static constexpr std::array ops = {"==", "!=", "<", "<=", ">", ">="};
		if (cur().kind != tok::punct || !one_of(ops, cur().text))
			expected("a comparison (==, !=, <, <=, >, >=), 'is', 'from' or 'holds'");
		e.op = take().text;
		e.value = sum(units::size);
	}
	return e;
}

alloc_stmt parser::alloc()
{
	alloc_stmt a;
	a.target = object();
	punct("=");
	if (cur().kind != tok::word)
		expected("an allocation call");
	const token &fn = take();
	punct("(");
	if (fn.text == "kmem_cache_alloc" || fn.text == "kmem_cache_zalloc") {
		a.fn = fn.text == "kmem_cache_alloc" ? alloc_fn::kmem_cache_alloc : alloc_fn::kmem_cache_zalloc;
		a.from = name("a cache name");
		punct(",");
		a.gfp = gfp();
	} else if (fn.text == "kmalloc" || fn.text == "kzalloc") {
		a.fn = fn.text == "kmalloc" ? alloc_fn::kmalloc : alloc_fn::kzalloc;
		a.arg = sum(units::size);
		punct(",");
		a.gfp = gfp();
	} else if (fn.text == "mempool_alloc") {
		a.fn = alloc_fn::mempool_alloc;
		a.from = name("a pool name");
		punct(",");
		a.gfp = gfp();
	} else if (fn.text == "alloc_pages") {
		a.fn = alloc_fn::alloc_pages;
		a.gfp = gfp();
		punct(",");
		a.arg = sum(units::none);
	} else {
		fail(fn.loc, fmt::format("expected an allocation call (kmem_cache_alloc, kmem_cache_zalloc, "
					 "kmalloc, kzalloc, mempool_alloc, alloc_pages), got '{}'",
					 fn.text));
	}
	punct(")");
	return a;
}

decltype(stmt::node) parser::call(where w)
{
	const token &fn = take();
	++i_; // '('
	auto freeing = [&](free_fn f) {
		if (w != where::task && w != where::interrupt)
			fail(fn.loc, fmt::format("'{}' is something a task or an interrupt does; it cannot "
						 "stand {}", fn.text, where_name(w)));
		free_stmt s;
		s.fn = f;
		return s;
	};
	decltype(stmt::node) out;
	if (fn.text == "kmem_cache_free") {
		free_stmt s = freeing(free_fn::kmem_cache_free);
		s.from = name("a cache name");
		punct(",");
		s.object = object();
		out = std::move(s);
	} else if (fn.text == "kfree") {
		free_stmt s = freeing(free_fn::kfree);
		s.object = object();
		out = std::move(s);
	} else if (fn.text == "mempool_free") {
		free_stmt s = freeing(free_fn::mempool_free);
		s.object = object();
		punct(",");
		s.from = name("a pool name");
		out = std::move(s);
	} else if (fn.text == "__free_pages") {
		free_stmt s = freeing(free_fn::free_pages);
		s.object = object();
		punct(",");
		s.order = sum(units::none);
		out = std::move(s);
	} else if (fn.text == "kmem_cache_shrink") {
		out = shrink_stmt{name("a cache name")};
	} else if (fn.text == "kmem_cache_destroy") {
		out = destroy_stmt{false, name("a cache name")};
	} else if (fn.text == "mempool_destroy") {
		out = destroy_stmt{true, name("a pool name")};
	} else if (fn.text == "mempool_resize") {
		resize_stmt r;
		r.pool = name("a pool name");
		punct(",");
		r.new_min = sum(units::none);
		out = std::move(r);
	} else if (fn.text == "kmem_cache_alloc" || fn.text == "kmalloc" || fn.text == "kzalloc" ||
		   fn.text == "mempool_alloc" || fn.text == "alloc_pages" || fn.text == "kmem_cache_zalloc") {
		fail(fn.loc, fmt::format("the result of {}() needs a name: write 'x = {}(...)'", fn.text,
					 fn.text));
	} else {
		fail(fn.loc, fmt::format("unknown call '{}'; expected kmem_cache_free, kfree, mempool_free, "
					 "__free_pages, kmem_cache_shrink, kmem_cache_destroy, mempool_resize "
					 "or mempool_destroy", fn.text));
	}
	punct(")");
	return out;
}

} // namespace sim::scenario
