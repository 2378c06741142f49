// SPDX-License-Identifier: GPL-2.0-only
// Memory pressure and cache control: hogs, fragmentation, fault injection, tuning, shrinking,
// resizing, destroying.
#include "sim/scenario/compile.h"

#include <algorithm>
#include <climits>
#include <fmt/format.h>

namespace sim::scenario {

void compiler::node(const stmt &st, const hog_stmt &h)
{
	op o{opcode::hog, static_cast<std::uint8_t>(h.mode), st.loc};
	o.x.value = h.mode == hog_stmt::percent ? static_cast<std::int64_t>(h.amount.value)
						: constant_in(h.amount, "a page count", 0, INT64_MAX);
	if (h.mode == hog_stmt::percent && (o.x.value < 1 || o.x.value > 100))
		fail(h.amount.loc, fmt::format("a fraction of memory is 1% to 100%, got {}%", o.x.value));
	o.a = new_hog(h.name);
	emit(o);
}

std::uint32_t compiler::new_hog(const name_ref &n)
{
	auto it = names_.find(n.name);
	if (it != names_.end() && it->second.kind == symbol::hog)
		return it->second.index; // hogging again under a name adds to it
	declare(n, {symbol::hog, static_cast<std::uint32_t>(p_.hogs.size()), {}});
	p_.hogs.push_back(n.name);
	return static_cast<std::uint32_t>(p_.hogs.size() - 1);
}

void compiler::node(const stmt &st, const release_stmt &r)
{
	emit({opcode::release, 0, st.loc, lookup(r.hog.name, r.hog.loc, symbol::hog, "a hog").index});
}

void compiler::node(const stmt &st, const fragment_stmt &f) { emit({opcode::fragment, 0, st.loc, new_hog(f.name)}); }

void compiler::node(const stmt &st, const fault_stmt &f)
{
	fault_def d{f.knob.name == "failslab", f.on};
	d.ignore_gfp_wait = f.ignore_gfp_wait;
	for (const auto &a : f.attrs) {
		const std::string &k = a.key.name;
		if (k == "probability") {
			if (a.value > 100)
				fail(a.value_loc, fmt::format("probability is a percentage, 0 to 100, got {}", a.value));
			d.probability = static_cast<unsigned>(a.value);
		} else if (k == "interval") {
			if (a.value < 1 || a.value > UINT32_MAX)
				fail(a.value_loc, "interval is at least 1");
			d.interval = static_cast<unsigned>(a.value);
		} else if (k == "times") {
			d.times = static_cast<long>(std::min<std::uint64_t>(a.value, LONG_MAX));
		} else if (k == "space") {
			d.space = a.value;
		} else {
			if (a.value > 10)
				fail(a.value_loc, "min_order is 0 to 10");
			d.min_order = static_cast<unsigned>(a.value);
		}
	}
	p_.faults.push_back(d);
	emit({opcode::fault, 0, st.loc, static_cast<std::uint32_t>(p_.faults.size() - 1)});
}

void compiler::node(const stmt &st, const shrink_stmt &s)
{
	emit({opcode::shrink, 0, st.loc, lookup(s.cache.name, s.cache.loc, symbol::cache, "a cache").index});
}

void compiler::node(const stmt &st, const tune_stmt &t)
{
	op o{opcode::tune, 0, st.loc, lookup(t.cache.name, t.cache.loc, symbol::cache, "a cache").index};
	o.x.value = constant_in(t.limit, "limit", 1, 1 << 20);
	o.y.value = constant_in(t.batchcount, "batchcount", 1, 1 << 20);
	o.c = static_cast<std::uint32_t>(constant_in(t.shared, "shared", 0, 1 << 20));
	emit(o);
}

void compiler::node(const stmt &st, const resize_stmt &r)
{
	op o{opcode::resize, 0, st.loc, lookup(r.pool.name, r.pool.loc, symbol::pool, "a pool").index};
	o.x.value = constant_in(r.new_min, "min_nr", 0, 1 << 20);
	emit(o);
}

void compiler::node(const stmt &st, const destroy_stmt &d)
{
	if (d.pool)
		emit({opcode::destroy_pool, 0, st.loc, lookup(d.target.name, d.target.loc, symbol::pool, "a pool").index});
	else
		emit({opcode::destroy_cache, 0, st.loc,
		      lookup(d.target.name, d.target.loc, symbol::cache, "a cache").index});
}

} // namespace sim::scenario
