// SPDX-License-Identifier: GPL-2.0-only
// One pass over the tree, in file order, with the 'when' blocks collected first (a task's code
// needs to know where its hooks are). Objects are global and typed by their first assignment;
// uses are checked against that type once the whole file has been read.
#include "sim/scenario/check.h"

#include "sim/scenario/flags.h"
#include "sim/scenario/parser.h"
#include "sim/scenario/words.h"

#include <algorithm>
#include <array>
#include <climits>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <limits>
#include <map>
#include <set>
#include <sstream>

namespace sim::scenario {

namespace {

constexpr std::uint32_t max_object_slots = 1u << 24;

constexpr std::array pool_fields = {"min_nr",      "curr_nr",   "alloc_backing", "alloc_reserve",
				    "alloc_fail",  "free_reserve", "free_backing", "sleeps",
				    "wakeups",     "timeouts",  "lowest_nr",     "nr_waiters",
				    "max_waiters", "outstanding"};
constexpr std::array slabinfo_columns = {"active_objs", "num_objs",     "objsize",   "objperslab",
					 "pagesperslab", "limit",       "batchcount", "sharedfactor",
					 "active_slabs", "num_slabs",   "sharedavail"};

const char *kind_name(obj_kind k)
{
	switch (k) {
	case obj_kind::cache:
		return "a kmem_cache object";
	case obj_kind::kmalloc:
		return "kmalloc memory";
	case obj_kind::pool:
		return "a mempool element";
	case obj_kind::pages:
		break;
	}
	return "pages from alloc_pages";
}

struct interval {
	std::int64_t lo, hi;
};

class checker {
public:
	explicit checker(const script &s) : s_(s)
	{
		p_.file = s.file;
		p_.teaches = s.teaches;
		p_.lines = s.lines;
	}

	program run()
	{
		for (const stmt &st : s_.body)
			if (std::holds_alternative<when_stmt>(st.node))
				whens_.push_back(&st);
		p_.actors.push_back({actor_def::top, "", {}, 0, 0, 0, 0});
		for (const stmt &st : s_.body)
			top(st);
		after_machine(); // a file of machine lines alone still boots its machine
		if (actors_since_run_)
			emit({opcode::run, run_stmt::until_idle, {}});
		emit({opcode::ret});
		p_.actors[0].counters = counters_;
		place_actors();
		for (const stmt *w : whens_)
			if (!used_whens_.count(w))
				when_target_missing(*w);
		finish_objects();
		return std::move(p_);
	}

private:
	// ---- errors and names ----
	[[noreturn]] void fail(source_loc at, const std::string &msg) const
	{
		throw scenario_error(s_.file, at, msg);
	}

	struct symbol {
		enum kind_t { constant, cache, pool, task, hog, object, counter } kind;
		std::uint32_t index;
		source_loc loc;
		std::int64_t value = 0; // constants
	};

	static const char *symbol_kind(symbol::kind_t k)
	{
		static const char *names[] = {"a constant", "a cache", "a pool", "a task",
					      "a hog",      "an object", "a loop counter"};
		return names[k];
	}

	void declare(const name_ref &n, symbol sym)
	{
		if (auto it = names_.find(n.name); it != names_.end())
			fail(n.loc, fmt::format("'{}' is already {} (declared at {}:{})", n.name,
						symbol_kind(it->second.kind), it->second.loc.line,
						it->second.loc.col));
		sym.loc = n.loc;
		names_.emplace(n.name, sym);
	}

	const symbol &lookup(const std::string &name, source_loc at, symbol::kind_t want, const char *what)
	{
		auto it = names_.find(name);
		if (it == names_.end())
			fail(at, fmt::format("undefined name '{}': expected {}", name, what));
		if (it->second.kind != want)
			fail(at, fmt::format("'{}' is {} (declared at {}:{}), not {}", name,
					     symbol_kind(it->second.kind), it->second.loc.line,
					     it->second.loc.col, what));
		return it->second;
	}

	// ---- expressions ----
	interval range(const expr &e)
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
	std::int64_t constant(const expr &e, const char *what)
	{
		interval r = range(e);
		if (r.lo != r.hi)
			fail(e.loc, fmt::format("{} must be known before the run: it cannot use a loop counter", what));
		return r.lo;
	}

	std::int64_t constant_in(const expr &e, const char *what, std::int64_t lo, std::int64_t hi)
	{
		std::int64_t v = constant(e, what);
		if (v < lo || v > hi)
			fail(e.loc, fmt::format("{} must be {} to {}, got {}", what, lo, hi, v));
		return v;
	}

	void rpn(const expr &e, std::vector<rpn_item> &out)
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

	operand value(const expr &e)
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
	std::uint64_t nanoseconds(const duration &d)
	{
		constexpr std::uint64_t lim = std::numeric_limits<std::int64_t>::max();
		std::uint64_t per = d.jiffies ? 1000000000ull / p_.config.hz : 1;
		if (d.amount > lim / per)
			fail(d.loc, "time is too large (the limit is 2^63-1 ns, about 292 years)");
		return d.amount * per;
	}

	std::uint32_t gfp(const gfp_spec &g)
	{
		std::uint32_t v = 0;
		for (const name_ref &f : g.flags) {
			auto bits = gfp_flag(f.name);
			if (!bits)
				fail(f.loc, fmt::format("unknown GFP flag '{}': expected one of {}", f.name,
							gfp_flag_names()));
			v |= *bits;
		}
		return v;
	}

	// ---- code ----
	std::uint32_t emit(op o)
	{
		p_.code.push_back(o);
		return static_cast<std::uint32_t>(p_.code.size() - 1);
	}
	std::uint32_t here() const { return static_cast<std::uint32_t>(p_.code.size()); }

	std::uint32_t string(std::string s)
	{
		p_.strings.push_back(std::move(s));
		return static_cast<std::uint32_t>(p_.strings.size() - 1);
	}

	std::string source_text(source_loc at) const
	{
		if (at.line == 0 || at.line > s_.lines.size())
			return "";
		std::string_view l = s_.lines[at.line - 1];
		l.remove_prefix(std::min<std::size_t>(at.col - 1, l.size()));
		if (std::size_t hash = l.find('#'); hash != std::string_view::npos && l.find('"') == l.npos)
			l = l.substr(0, hash);
		while (!l.empty() && (l.back() == ' ' || l.back() == '\t' || l.back() == '\r'))
			l.remove_suffix(1);
		return std::string(l);
	}

	// ---- objects ----
	struct object_info {
		std::uint32_t id;
		bool assigned = false;
		obj_kind kind{};
		source_loc first;
		std::int64_t max_index = 0;
		bool indexed = false, plain = false;
	};

	struct use {
		std::uint32_t id;
		source_loc loc;
		std::string name;
		std::vector<obj_kind> allowed;
		const char *what;
	};

	std::uint32_t object_ref(const objref &o)
	{
		auto it = names_.find(o.name);
		if (it == names_.end()) {
			declare({o.name, o.loc}, {symbol::object, static_cast<std::uint32_t>(objects_.size()), o.loc});
			objects_.push_back({static_cast<std::uint32_t>(objects_.size()), false, {}, o.loc});
			it = names_.find(o.name);
		}
		if (it->second.kind != symbol::object)
			fail(o.loc, fmt::format("'{}' is {} (declared at {}:{}), not an object", o.name,
						symbol_kind(it->second.kind), it->second.loc.line,
						it->second.loc.col));
		object_info &info = objects_[it->second.index];
		if (o.index) {
			interval r = range(*o.index);
			if (r.lo < 0 && r.hi < 0)
				fail(o.index->loc, "an index is never negative");
			info.max_index = std::max(info.max_index, r.hi);
			if (info.max_index >= max_object_slots)
				fail(o.index->loc, fmt::format("'{}' would need {} slots; the limit is {}", o.name,
							       static_cast<std::uint64_t>(info.max_index) + 1, max_object_slots));
			info.indexed = true;
		} else {
			info.plain = true;
		}
		if (info.indexed && info.plain)
			fail(o.loc, fmt::format("'{}' is used both with and without an index", o.name));
		return info.id;
	}

	operand index(const objref &o) { return o.index ? value(*o.index) : operand{}; }

	void assign(const objref &o, obj_kind kind, std::uint32_t &id)
	{
		id = object_ref(o);
		object_info &info = objects_[id];
		if (info.assigned && info.kind != kind)
			fail(o.loc, fmt::format("'{}' holds {} (assigned at {}:{}); give {} another name", o.name,
						kind_name(info.kind), info.first.line, info.first.col, kind_name(kind)));
		if (!info.assigned)
			info.assigned = true, info.kind = kind, info.first = o.loc;
	}

	void used(const objref &o, std::uint32_t &id, std::vector<obj_kind> allowed, const char *what)
	{
		id = object_ref(o);
		uses_.push_back({id, o.loc, o.name, std::move(allowed), what});
	}

	void finish_objects()
	{
		for (const use &u : uses_) {
			const object_info &info = objects_[u.id];
			if (!info.assigned)
				fail(u.loc, fmt::format("undefined object '{}': no statement assigns it", u.name));
			if (!u.allowed.empty() &&
			    std::find(u.allowed.begin(), u.allowed.end(), info.kind) == u.allowed.end())
				fail(u.loc, fmt::format("'{}' holds {} (assigned at {}:{}); {}", u.name,
							kind_name(info.kind), info.first.line, info.first.col, u.what));
		}
		std::vector<std::uint32_t> base(objects_.size());
		for (auto &[name, sym] : names_)
			if (sym.kind == symbol::object) {
				const object_info &info = objects_[sym.index];
				std::uint32_t len = static_cast<std::uint32_t>(info.max_index + 1);
				if (p_.object_slots + std::uint64_t(len) > max_object_slots)
					fail(info.first, fmt::format("objects need more than {} slots in all",
								     max_object_slots));
				base[sym.index] = p_.object_slots;
				p_.objects.push_back({name, info.first, info.kind, p_.object_slots, len});
				p_.object_slots += len;
			}
		// Ops and expectations named objects by id; give them their slots and lengths.
		std::vector<std::uint32_t> def(objects_.size());
		for (std::uint32_t i = 0; i < p_.objects.size(); ++i)
			def[names_.at(p_.objects[i].name).index] = i;
		for (op &o : p_.code)
			if (o.code == opcode::alloc || o.code == opcode::free || o.code == opcode::fill)
				o.a = def[o.a];
		for (expect_def &e : p_.expects)
			if (e.kind != expect_stmt::compare && e.kind != expect_stmt::task_state &&
			    e.kind != expect_stmt::dmesg_has && e.kind != expect_stmt::module_result) {
				e.object = def[e.object];
				if (e.kind == expect_stmt::same_as)
					e.other = def[e.other];
			}
	}

	// ---- statements ----
	void top(const stmt &st)
	{
		std::visit([&](const auto &n) { top_node(st, n); }, st.node);
	}

	void after_machine()
	{
		if (!booted_) {
			booted_ = true;
			try {
				sim::validate(p_.config);
			} catch (const std::invalid_argument &e) {
				fail(machine_loc_, fmt::format("impossible machine: {}", e.what()));
			}
		}
	}

	void top_node(const stmt &st, const machine_stmt &m)
	{
		if (booted_)
			fail(st.loc, "'machine' settings come first, before anything uses the machine");
		if (machine_loc_.line == 0)
			machine_loc_ = st.loc;
		for (const auto &set : m.settings) {
			const std::string &k = set.key.name;
			auto narrow = [&](std::uint64_t max) {
				if (set.value > max)
					fail(set.value_loc, fmt::format("{} must be at most {}, got {}", k, max, set.value));
				return set.value;
			};
			if (k == "cpus")
				p_.config.nr_cpus = static_cast<unsigned>(narrow(64));
			else if (k == "memory")
				p_.config.memory_bytes = set.value;
			else if (k == "hz")
				p_.config.hz = static_cast<unsigned>(narrow(1000000));
			else if (k == "seed")
				p_.config.seed = set.value;
			else if (k == "min_free_kbytes")
				p_.config.min_free_kbytes = static_cast<long>(narrow(1ull << 40));
			else
				p_.config.slab_debug = set.value != 0;
		}
	}

	void top_node(const stmt &st, const let_stmt &l)
	{
		std::int64_t v = constant(l.value, "a constant");
		declare(l.name, {symbol::constant, 0, {}, v});
	}

	void top_node(const stmt &st, const cache_stmt &c)
	{
		after_machine();
		cache_def d{c.name.name, c.name.loc, 0, 0, 0, c.ctor, c.pattern};
		d.size = static_cast<std::uint32_t>(constant_in(c.size, "an object size", 1, 4 << 20));
		d.align = c.align ? static_cast<std::uint32_t>(constant_in(*c.align, "an alignment", 0, 4096)) : 0;
		if (d.align & (d.align - 1))
			fail(c.align->loc, fmt::format("an alignment is a power of two, got {}", d.align));
		for (const name_ref &f : c.flags) {
			auto bits = slab_flag(f.name);
			if (!bits)
				fail(f.loc, fmt::format("unknown slab flag '{}': expected one of {}", f.name,
							slab_flag_names()));
			d.flags |= *bits;
		}
		declare(c.name, {symbol::cache, static_cast<std::uint32_t>(p_.caches.size()), {}});
		p_.caches.push_back(d);
		emit({opcode::create_cache, 0, st.loc, static_cast<std::uint32_t>(p_.caches.size() - 1)});
	}

	void top_node(const stmt &st, const pool_stmt &ps)
	{
		after_machine();
		pool_def d{ps.name.name, ps.name.loc, 0, ps.backend, 0, 0};
		d.min_nr = static_cast<int>(constant_in(ps.min_nr, "min_nr", 0, 1 << 20));
		switch (ps.backend) {
		case pool_backend::slab:
			d.cache = lookup(ps.cache.name, ps.cache.loc, symbol::cache, "a cache").index;
			break;
		case pool_backend::kmalloc:
		case pool_backend::kzalloc:
			d.arg = static_cast<std::uint64_t>(constant_in(ps.arg, "an element size", 1, 4 << 20));
			break;
		case pool_backend::pages:
			d.arg = static_cast<std::uint64_t>(constant_in(ps.arg, "a page order", 0, 10));
			break;
		}
		declare(ps.name, {symbol::pool, static_cast<std::uint32_t>(p_.pools.size()), {}});
		p_.pools.push_back(d);
		emit({opcode::create_pool, 0, st.loc, static_cast<std::uint32_t>(p_.pools.size() - 1)});
	}

	unsigned cpu(const expr &e)
	{
		return static_cast<unsigned>(
			constant_in(e, "a CPU number", 0, static_cast<std::int64_t>(p_.config.nr_cpus) - 1));
	}

	// Compiles a block as a new actor; returns its index. Its code is kept aside and appended
	// after the top level's when the whole file has been read (see place_actors).
	std::uint32_t actor(actor_def d, const block &body, std::uint32_t kind)
	{
		std::vector<op> code;
		std::swap(code, p_.code);
		std::uint32_t saved_counters = counters_, saved_kind = in_actor_;
		std::string saved_task = current_task_;
		counters_ = 0;
		in_actor_ = kind;
		if (d.kind == actor_def::task)
			current_task_ = d.name;
		for (const stmt &st : body)
			inner(st);
		emit({opcode::ret});
		d.counters = counters_;
		counters_ = saved_counters;
		in_actor_ = saved_kind;
		current_task_ = saved_task;
		std::swap(code, p_.code);
		p_.actors.push_back(d);
		pending_.push_back({static_cast<std::uint32_t>(p_.actors.size() - 1), std::move(code)});
		return static_cast<std::uint32_t>(p_.actors.size() - 1);
	}

	void place_actors()
	{
		for (auto &[actor, code] : pending_) {
			std::uint32_t base = here();
			p_.actors[actor].entry = base;
			for (op &o : code) {
				if (o.code == opcode::loop_begin || o.code == opcode::loop_next)
					o.b += base;
				p_.code.push_back(o);
			}
		}
	}

	void top_node(const stmt &st, const task_stmt &t)
	{
		after_machine();
		actor_def d{actor_def::task, t.name.name, t.name.loc, cpu(t.cpu), t.start ? nanoseconds(*t.start) : 0};
		declare(t.name, {symbol::task, static_cast<std::uint32_t>(p_.actors.size()), {}});
		start(st, actor(d, t.body, 1));
	}

	void top_node(const stmt &st, const interrupt_stmt &i)
	{
		after_machine();
		actor_def d{actor_def::interrupt, "", st.loc, cpu(i.cpu), nanoseconds(i.at)};
		start(st, actor(d, i.body, 2));
	}

	void top_node(const stmt &st, const at_stmt &a)
	{
		after_machine();
		actor_def d{actor_def::at, "", st.loc, 0, nanoseconds(a.at)};
		start(st, actor(d, a.body, 3));
	}

	void start(const stmt &st, std::uint32_t actor)
	{
		emit({opcode::start_actor, 0, st.loc, actor});
		actors_since_run_ = true;
	}

	void top_node(const stmt &st, const when_stmt &w)
	{
		// Compiled where its task reaches the line; here only the task's existence is checked.
		lookup(w.task.name, w.task.loc, symbol::task, "a task");
	}

	void when_target_missing(const stmt &st) const
	{
		const auto &w = std::get<when_stmt>(st.node);
		fail(w.line_loc, fmt::format("task '{}' has no statement on line {}", w.task.name, w.line));
	}

	void top_node(const stmt &st, const run_stmt &r)
	{
		after_machine();
		op o{opcode::run, static_cast<std::uint8_t>(r.mode), st.loc};
		o.x.value = static_cast<std::int64_t>(r.mode == run_stmt::until_idle ? 0 : nanoseconds(r.time));
		emit(o);
		actors_since_run_ = false;
	}

	template <typename T>
	void top_node(const stmt &st, const T &n)
	{
		after_machine();
		if (actors_since_run_ && (std::is_same_v<T, expect_stmt> || std::is_same_v<T, print_stmt>))
			fail(st.loc, "this would run before the tasks, interrupts, 'at' blocks, insmods and rmmods "
				     "above start: "
				     "write 'run' before it, or move it into a task or an 'at' block");
		inner(st);
		// insmod and rmmod start a task, as a shell starts the tool: it runs at the next `run`.
		if (std::is_same_v<T, insmod_stmt> || std::is_same_v<T, rmmod_stmt>)
			actors_since_run_ = true;
	}

	// Statements inside actors (and the anywhere-statements at the top level).
	void inner(const stmt &st)
	{
		if (in_actor_ == 1)
			for (const stmt *w : whens_) {
				const auto &ws = std::get<when_stmt>(w->node);
				if (ws.task.name == current_task_ && ws.line == st.loc.line && !used_whens_.count(w)) {
					used_whens_.insert(w);
					actor_def d{actor_def::when, "", w->loc, 0, 0};
					std::uint32_t a = actor(d, ws.body, 4);
					emit({opcode::hook, 0, st.loc, a});
				}
			}
		std::visit([&](const auto &n) { node(st, n); }, st.node);
	}

	template <typename T>
	void node(const stmt &st, const T &)
	{
		fail(st.loc, "this statement belongs at the top level");
	}

	void node(const stmt &st, const alloc_stmt &a)
	{
		op o{opcode::alloc, static_cast<std::uint8_t>(a.fn), st.loc};
		obj_kind kind = obj_kind::kmalloc;
		switch (a.fn) {
		case alloc_fn::kmem_cache_alloc:
		case alloc_fn::kmem_cache_zalloc:
			kind = obj_kind::cache;
			o.b = lookup(a.from.name, a.from.loc, symbol::cache, "a cache").index;
			break;
		case alloc_fn::mempool_alloc:
			kind = obj_kind::pool;
			o.b = lookup(a.from.name, a.from.loc, symbol::pool, "a pool").index;
			break;
		case alloc_fn::kmalloc:
		case alloc_fn::kzalloc:
			o.y = value(a.arg);
			break;
		case alloc_fn::alloc_pages:
			kind = obj_kind::pages;
			o.y = order(a.arg);
			break;
		}
		o.c = gfp(a.gfp);
		assign(a.target, kind, o.a);
		o.x = index(a.target);
		emit(o);
	}

	operand order(const expr &e)
	{
		if (range(e).hi > 10 || range(e).lo < 0)
			fail(e.loc, "a page order is 0 to 10 (MAX_ORDER - 1)");
		return value(e);
	}

	void node(const stmt &st, const free_stmt &f)
	{
		op o{opcode::free, static_cast<std::uint8_t>(f.fn), st.loc};
		switch (f.fn) {
		case free_fn::kmem_cache_free:
			o.b = lookup(f.from.name, f.from.loc, symbol::cache, "a cache").index;
			used(f.object, o.a, {obj_kind::cache}, "kmem_cache_free takes an object of a cache");
			break;
		case free_fn::kfree:
			used(f.object, o.a, {obj_kind::kmalloc, obj_kind::cache},
			     "kfree takes kmalloc memory or a slab object");
			break;
		case free_fn::mempool_free:
			o.b = lookup(f.from.name, f.from.loc, symbol::pool, "a pool").index;
			used(f.object, o.a, {obj_kind::pool}, "mempool_free takes a mempool element");
			break;
		case free_fn::free_pages:
			used(f.object, o.a, {obj_kind::pages}, "__free_pages takes pages from alloc_pages");
			o.y = order(f.order);
			break;
		}
		o.x = index(f.object);
		emit(o);
	}

	void node(const stmt &st, const repeat_stmt &r)
	{
		op begin{opcode::loop_begin, 0, st.loc};
		begin.x = value(r.count);
		if (range(r.count).lo < 0)
			fail(r.count.loc, "a repeat count is never negative");
		begin.a = counters_;
		counters_ += 2;
		std::int64_t max = std::max<std::int64_t>(range(r.count).hi - 1, 0);
		counter_max_[begin.a] = max;
		if (r.counter)
			declare(*r.counter, {symbol::counter, begin.a, {}});
		std::uint32_t at = emit(begin);
		for (const stmt &s : r.body)
			inner(s);
		emit({opcode::loop_next, 0, st.loc, begin.a, at + 1});
		p_.code[at].b = here();
		if (r.counter)
			names_.erase(r.counter->name);
	}

	void node(const stmt &st, const sleep_stmt &s)
	{
		op o{opcode::sleep, 0, st.loc};
		o.x.value = static_cast<std::int64_t>(nanoseconds(s.time));
		emit(o);
	}

	void node(const stmt &st, const yield_stmt &) { emit({opcode::yield, 0, st.loc}); }

	void node(const stmt &st, const migrate_stmt &m)
	{
		op o{opcode::migrate, 0, st.loc};
		o.x.value = cpu(m.cpu);
		emit(o);
	}

	void node(const stmt &st, const fill_stmt &f)
	{
		op o{opcode::fill, 0, st.loc};
		used(f.object, o.a, {}, "");
		o.x = index(f.object);
		o.c = f.byte;
		emit(o);
	}

	void node(const stmt &st, const hog_stmt &h)
	{
		op o{opcode::hog, static_cast<std::uint8_t>(h.mode), st.loc};
		o.x.value = h.mode == hog_stmt::percent ? static_cast<std::int64_t>(h.amount.value)
							: constant_in(h.amount, "a page count", 0, INT64_MAX);
		if (h.mode == hog_stmt::percent && (o.x.value < 1 || o.x.value > 100))
			fail(h.amount.loc, fmt::format("a fraction of memory is 1% to 100%, got {}%", o.x.value));
		o.a = new_hog(h.name);
		emit(o);
	}

	std::uint32_t new_hog(const name_ref &n)
	{
		auto it = names_.find(n.name);
		if (it != names_.end() && it->second.kind == symbol::hog)
			return it->second.index; // hogging again under a name adds to it
		declare(n, {symbol::hog, static_cast<std::uint32_t>(p_.hogs.size()), {}});
		p_.hogs.push_back(n.name);
		return static_cast<std::uint32_t>(p_.hogs.size() - 1);
	}

	void node(const stmt &st, const release_stmt &r)
	{
		emit({opcode::release, 0, st.loc, lookup(r.hog.name, r.hog.loc, symbol::hog, "a hog").index});
	}

	void node(const stmt &st, const fragment_stmt &f) { emit({opcode::fragment, 0, st.loc, new_hog(f.name)}); }

	void node(const stmt &st, const fault_stmt &f)
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

	void node(const stmt &st, const shrink_stmt &s)
	{
		emit({opcode::shrink, 0, st.loc, lookup(s.cache.name, s.cache.loc, symbol::cache, "a cache").index});
	}

	void node(const stmt &st, const tune_stmt &t)
	{
		op o{opcode::tune, 0, st.loc, lookup(t.cache.name, t.cache.loc, symbol::cache, "a cache").index};
		o.x.value = constant_in(t.limit, "limit", 1, 1 << 20);
		o.y.value = constant_in(t.batchcount, "batchcount", 1, 1 << 20);
		o.c = static_cast<std::uint32_t>(constant_in(t.shared, "shared", 0, 1 << 20));
		emit(o);
	}

	void node(const stmt &st, const resize_stmt &r)
	{
		op o{opcode::resize, 0, st.loc, lookup(r.pool.name, r.pool.loc, symbol::pool, "a pool").index};
		o.x.value = constant_in(r.new_min, "min_nr", 0, 1 << 20);
		emit(o);
	}

	void node(const stmt &st, const destroy_stmt &d)
	{
		if (d.pool)
			emit({opcode::destroy_pool, 0, st.loc, lookup(d.target.name, d.target.loc, symbol::pool, "a pool").index});
		else
			emit({opcode::destroy_cache, 0, st.loc,
			      lookup(d.target.name, d.target.loc, symbol::cache, "a cache").index});
	}

	// ---- kernel modules ----
	// The module is built now (the build is cached), so `slabsim check` reports a module that
	// does not compile and a run never stops half-way for it.
	void node(const stmt &st, const insmod_stmt &m)
	{
		namespace fs = std::filesystem;
		std::vector<fs::path> files;
		for (const name_ref &p : m.paths) {
			fs::path f = fs::path(s_.file).parent_path() / p.name; // an absolute path stays as it is
			if (!fs::is_regular_file(f))
				fail(p.loc, fmt::format("no such file: '{}' (a module's path is relative to the "
							"scenario's folder)", f.string()));
			files.push_back(f);
		}
		bool prebuilt = files.size() == 1 && files[0].string().ends_with(".ko.so");
		for (std::size_t i = 0; i < files.size() && !prebuilt; ++i)
			if (files[i].extension() != ".c")
				fail(m.paths[i].loc, fmt::format("a module is built from .c files or loaded from one "
								 "built .ko.so, got '{}'", m.paths[i].name));
		module_build b = prebuilt ? prebuilt_module(files[0]) : build_module(files);
		if (!b.ok)
			fail(m.paths[0].loc, fmt::format("module '{}' did not build (the compiler's messages are "
							 "above)", b.name));
		auto [it, added] = modules_.emplace(b.name, static_cast<std::uint32_t>(p_.modules.size()));
		if (added)
			p_.modules.push_back({b.name});
		op o{opcode::insmod, 0, st.loc, it->second, static_cast<std::uint32_t>(p_.builds.size())};
		o.c = string(source_text(st.loc));
		p_.builds.push_back(std::move(b));
		emit(o);
	}

	std::uint32_t loaded_module(const name_ref &n)
	{
		auto it = modules_.find(n.name);
		if (it == modules_.end())
			fail(n.loc, fmt::format("no insmod above loads a module named '{}'", n.name));
		return it->second;
	}

	void node(const stmt &st, const rmmod_stmt &r)
	{
		op o{opcode::rmmod, 0, st.loc, loaded_module(r.module)};
		o.c = string(source_text(st.loc));
		unloaded_.insert(o.a);
		emit(o);
	}

	void module_result(const expect_stmt &e, expect_def &d)
	{
		d.name = e.word.name;
		d.target = loaded_module({e.object.name, e.object.loc});
		module_def &m = p_.modules[d.target];
		if (d.name == "rmmod" && !unloaded_.count(d.target))
			fail(e.object.loc, fmt::format("no rmmod above unloads '{}'", e.object.name));
		(d.name == "insmod" ? m.insmod_checked : m.rmmod_checked) = true;
		d.value = e.succeeded ? 0 : 1;
		if (e.error) {
			auto err = errno_value(e.error->name);
			if (!err)
				fail(e.error->loc, fmt::format("unknown error code '-{}': expected a name from "
							       "linux/errno.h such as -ENOMEM", e.error->name));
			d.value = -static_cast<std::int64_t>(*err);
		}
	}

	void node(const stmt &st, const print_stmt &p)
	{
		static constexpr std::array views = {"slabinfo", "buddyinfo", "meminfo", "zoneinfo",
						     "mempools", "dmesg",     "task"};
		op o{opcode::print, 0, st.loc};
		o.sub = static_cast<std::uint8_t>(std::find(views.begin(), views.end(), p.what.name) - views.begin());
		if (p.task)
			o.a = lookup(p.task->name, p.task->loc, symbol::task, "a task").index;
		o.b = p.clear;
		emit(o);
	}

	void node(const stmt &st, const say_stmt &s) { emit({opcode::say, 0, st.loc, string(s.text)}); }

	void node(const stmt &st, const expect_stmt &e)
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
		case expect_stmt::module_result:
			module_result(e, d);
			break;
		}
		p_.expects.push_back(std::move(d));
		emit({opcode::expect, 0, st.loc, static_cast<std::uint32_t>(p_.expects.size() - 1)});
	}

	static want_state state(const std::string &w)
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

	void compare(const expect_stmt &e, expect_def &d)
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
		if (subject == "meminfo" || subject == "buddyinfo") {
			d.subject = subject == "meminfo" ? expect_def::meminfo : expect_def::buddyinfo;
			bool ok = !field.empty();
			if (d.subject == expect_def::buddyinfo)
				ok = field.size() > 5 && field.starts_with("order") &&
				     field.find_first_not_of("0123456789", 5) == std::string::npos &&
				     std::stoul(field.substr(5, 3)) <= 10;
			need(ok, d.subject == expect_def::meminfo ? "a /proc/meminfo key such as MemFree"
								  : "order0 to order10");
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
			need(one_of(slabinfo_columns, field), list(slabinfo_columns));
			return;
		}
		const symbol &sym = it->second;
		d.target = sym.index;
		switch (sym.kind) {
		case symbol::pool:
			d.subject = expect_def::pool;
			need(one_of(pool_fields, field), list(pool_fields));
			return;
		case symbol::cache:
			d.subject = expect_def::cache;
			d.name = subject;
			need(one_of(slabinfo_columns, field) || field == "ctor_calls",
			     list(slabinfo_columns) + ", ctor_calls");
			return;
		case symbol::hog:
			d.subject = expect_def::hog;
			need(field == "pages", "pages");
			return;
		case symbol::task:
			d.subject = expect_def::task;
			need(field == "cpu" || field == "pid", "cpu or pid");
			return;
		default:
			fail(e.object.loc, fmt::format("'{}' is {}; expect compares the fields of pools, caches, hogs "
						       "and tasks", subject, symbol_kind(sym.kind)));
		}
	}

	const script &s_;
	program p_;
	std::map<std::string, symbol> names_;
	std::map<std::uint32_t, std::int64_t> counter_max_;
	std::vector<object_info> objects_;
	std::vector<use> uses_;
	std::map<std::string, std::uint32_t> modules_; // by name, in program::modules
	std::set<std::uint32_t> unloaded_;             // modules an rmmod names
	std::vector<const stmt *> whens_;
	std::set<const stmt *> used_whens_;
	std::vector<std::pair<std::uint32_t, std::vector<op>>> pending_;
	std::uint32_t counters_ = 0;
	std::uint32_t in_actor_ = 0;
	std::string current_task_;
	source_loc machine_loc_;
	bool booted_ = false;
	bool actors_since_run_ = false;
};

} // namespace

program check(const script &s) { return checker(s).run(); }

program compile(const std::string &file, std::string_view source) { return check(parse(file, source)); }

program compile_file(const std::string &path)
{
	std::ifstream in(path, std::ios::binary);
	if (!in)
		throw scenario_error(path, {}, "cannot open the file");
	std::ostringstream text;
	text << in.rdbuf();
	return compile(path, text.str());
}

} // namespace sim::scenario
