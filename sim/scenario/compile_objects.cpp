// SPDX-License-Identifier: GPL-2.0-only
// Objects: global names typed by their first assignment, indexed or not, laid out in slots
// once the whole file has been read.
#include "sim/scenario/compile.h"

#include <algorithm>
#include <fmt/format.h>

namespace sim::scenario {

namespace {

constexpr std::uint32_t max_object_slots = 1u << 24;

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

} // namespace

std::uint32_t compiler::object_ref(const objref &o)
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

operand compiler::index(const objref &o) { return o.index ? value(*o.index) : operand{}; }

void compiler::assign(const objref &o, obj_kind kind, std::uint32_t &id)
{
	id = object_ref(o);
	object_info &info = objects_[id];
	if (info.assigned && info.kind != kind)
		fail(o.loc, fmt::format("'{}' holds {} (assigned at {}:{}); give {} another name", o.name,
					kind_name(info.kind), info.first.line, info.first.col, kind_name(kind)));
	if (!info.assigned)
		info.assigned = true, info.kind = kind, info.first = o.loc;
}

void compiler::used(const objref &o, std::uint32_t &id, std::vector<obj_kind> allowed, const char *what)
{
	id = object_ref(o);
	uses_.push_back({id, o.loc, o.name, std::move(allowed), what});
}

void compiler::finish_objects()
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
		    e.kind != expect_stmt::dmesg_has && e.kind != expect_stmt::module_result &&
		    e.kind != expect_stmt::sysfs_is) {
			e.object = def[e.object];
			if (e.kind == expect_stmt::same_as)
				e.other = def[e.other];
		}
}

} // namespace sim::scenario
