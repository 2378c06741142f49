// SPDX-License-Identifier: GPL-2.0-only
// Expressions, bounded by their loop counters' ranges; times, GFP masks, CPUs and orders.
#include "sim/scenario/compile.h"

#include "sim/mm/mmflags.h"

#include <algorithm>
#include <fmt/format.h>
#include <limits>

namespace sim::scenario {

interval compiler::range(const expr &e)
{
	switch (e.kind) {
	case expr::literal:
		if (e.value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
			fail(e.loc, "number is too large (the limit is 2^63-1)");
		return {static_cast<std::int64_t>(e.value), static_cast<std::int64_t>(e.value)};
	case expr::name: {
		auto it = names_.find(e.id);
		if (it == names_.end())
			fail(e.loc, fmt::format("undefined name '{}': expected a number, a constant or a loop "
						"counter{}", e.id,
						e.id.find('-') != std::string::npos ? " (write 'a - b' with spaces "
										      "to subtract)" : ""));
		if (it->second.kind == symbol::constant)
			return {it->second.value, it->second.value};
		if (it->second.kind != symbol::counter)
			fail(e.loc, fmt::format("'{}' is {}, not a number", e.id, symbol_kind(it->second.kind)));
		return {0, counter_max_.at(it->second.index)};
	}
	case expr::binary:
		break;
	}
	interval l = range(*e.lhs), r = range(*e.rhs);
	__int128 lo, hi;
	switch (e.op) {
	case '+':
		lo = (__int128)l.lo + r.lo, hi = (__int128)l.hi + r.hi;
		break;
	case '-':
		lo = (__int128)l.lo - r.hi, hi = (__int128)l.hi - r.lo;
		break;
	case '*': {
		__int128 c[] = {(__int128)l.lo * r.lo, (__int128)l.lo * r.hi, (__int128)l.hi * r.lo,
				(__int128)l.hi * r.hi};
		lo = *std::min_element(c, c + 4), hi = *std::max_element(c, c + 4);
		break;
	}
	default:
		if (r.lo <= 0 && r.hi >= 0)
			fail(e.rhs->loc, "division by zero (or by a counter that starts at 0)");
		lo = std::min(l.lo / r.lo, l.lo / r.hi), hi = std::max(l.hi / r.lo, l.hi / r.hi);
		lo = std::min<__int128>(lo, std::min(l.hi / r.lo, l.hi / r.hi));
		hi = std::max<__int128>(hi, std::max(l.lo / r.lo, l.lo / r.hi));
	}
	constexpr __int128 lim = std::numeric_limits<std::int64_t>::max();
	if (lo < -lim || hi > lim)
		fail(e.loc, "arithmetic overflows 64 bits");
	return {static_cast<std::int64_t>(lo), static_cast<std::int64_t>(hi)};
}

// A value known when checked: no loop counters.
std::int64_t compiler::constant(const expr &e, const char *what)
{
	interval r = range(e);
	if (r.lo != r.hi)
		fail(e.loc, fmt::format("{} must be known before the run: it cannot use a loop counter", what));
	return r.lo;
}

std::int64_t compiler::constant_in(const expr &e, const char *what, std::int64_t lo, std::int64_t hi)
{
	std::int64_t v = constant(e, what);
	if (v < lo || v > hi)
		fail(e.loc, fmt::format("{} must be {} to {}, got {}", what, lo, hi, v));
	return v;
}

void compiler::rpn(const expr &e, std::vector<rpn_item> &out)
{
	switch (e.kind) {
	case expr::literal:
		out.push_back({rpn_item::push, static_cast<std::int64_t>(e.value)});
		return;
	case expr::name: {
		const symbol &s = names_.at(e.id);
		if (s.kind == symbol::constant)
			out.push_back({rpn_item::push, s.value});
		else
			out.push_back({rpn_item::counter, s.index});
		return;
	}
	case expr::binary:
		break;
	}
	rpn(*e.lhs, out);
	rpn(*e.rhs, out);
	out.push_back({e.op == '+' ? rpn_item::add : e.op == '-' ? rpn_item::sub
			      : e.op == '*' ? rpn_item::mul : rpn_item::div, 0});
}

operand compiler::value(const expr &e)
{
	interval r = range(e);
	if (r.lo == r.hi)
		return {operand::constant, 0, r.lo};
	if (e.kind == expr::name)
		return {operand::counter, names_.at(e.id).index, 0};
	std::vector<rpn_item> items;
	rpn(e, items);
	p_.exprs.push_back(std::move(items));
	return {operand::computed, static_cast<std::uint32_t>(p_.exprs.size() - 1), 0};
}

// Virtual time is 64-bit nanoseconds, signed where the interpreter computes with it.
std::uint64_t compiler::nanoseconds(const duration &d)
{
	constexpr std::uint64_t lim = std::numeric_limits<std::int64_t>::max();
	std::uint64_t per = d.jiffies ? 1000000000ull / p_.config.hz : 1;
	if (d.amount > lim / per)
		fail(d.loc, "time is too large (the limit is 2^63-1 ns, about 292 years)");
	return d.amount * per;
}

std::uint32_t compiler::gfp(const gfp_spec &g)
{
	std::uint32_t v = 0;
	for (const name_ref &f : g.flags) {
		gfp_t bits = 0;
		if (!gfp_flag_value(f.name, &bits))
			fail(f.loc, fmt::format("unknown GFP flag '{}': expected one of {}", f.name, gfp_flag_list()));
		v |= bits;
	}
	return v;
}

unsigned compiler::cpu(const expr &e)
{
	return static_cast<unsigned>(
		constant_in(e, "a CPU number", 0, static_cast<std::int64_t>(p_.config.nr_cpus) - 1));
}

operand compiler::order(const expr &e)
{
	if (range(e).hi > 10 || range(e).lo < 0)
		fail(e.loc, "a page order is 0 to 10 (MAX_ORDER - 1)");
	return value(e);
}

} // namespace sim::scenario
