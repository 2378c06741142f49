// SPDX-License-Identifier: GPL-2.0-only
// What can be observed of the machine, as numbers, one table per kind of object.
//
// Glossary:
// - field:  one number an object has: its name (as scenarios, JSON and the docs spell it), its
//           unit, how to read it, one line of doc. A field reads the live object.
// - table:  every field of one kind of object (a pool, a slabinfo row, a zone, ...), in the
//           order the object's /proc file prints them. Each subsystem owns its tables, in
//           sim/<subsys>/observe.h; nothing else lists those names.
// - column: a field that sits in a fixed-width /proc line: the group it opens (" : tunables"),
//           its width, and its header label when that is not its name.
// - row:    an object's name and its fields' values, read while it lived: what a renderer
//           that runs after teardown (the JSON report) keeps.
//
// Data flows one way: subsystems -> tables -> renderers (/proc text, scenarios, JSON, docs).
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace sim {

template <class T> struct field {
	const char *name;
	const char *unit; // "" for a count; "pages", "kB", "bytes"
	std::int64_t (*read)(const T &);
	const char *doc;
};

// A field whose value is a word: a task's comm, its state letter, its wait site.
template <class T> struct text_field {
	const char *name;
	std::string (*read)(const T &);
	const char *doc;
};

template <class T> struct column : field<T> {
	const char *group = nullptr; // the " : group" this column opens in its line
	int width = 0;               // right-aligned in this many characters
	const char *label = nullptr; // the header's "<label>"; the name when null
};

template <class Field> using table = std::span<const Field>;

// The field called `name` in `t`, or null.
template <class Field> const Field *find_field(table<Field> t, std::string_view name)
{
	for (const Field &f : t)
		if (name == f.name)
			return &f;
	return nullptr;
}

// "a, b, c": the names a checker offers when a scenario names a field that is not there.
template <class Field> std::string field_names(table<Field> t)
{
	std::string out;
	for (const Field &f : t)
		out += (out.empty() ? "" : ", ") + std::string(f.name);
	return out;
}

struct row {
	std::string name;
	std::vector<std::pair<const char *, std::int64_t>> values;
	std::vector<std::pair<const char *, std::string>> texts;
};

template <class Field, class T> void read_into(row &r, table<Field> t, const T &obj)
{
	for (const Field &f : t) {
		if constexpr (std::is_same_v<decltype(f.read(obj)), std::int64_t>)
			r.values.emplace_back(f.name, f.read(obj));
		else
			r.texts.emplace_back(f.name, f.read(obj));
	}
}

// "name  1  2 : group  3": a fixed-width /proc line of `obj` laid out by its columns, and the
// "# name <a> <b> : group <c>" header that goes with it; `name_width` is the name's column.
template <class T> std::string column_line(table<column<T>> t, std::string_view name, int name_width, const T &obj)
{
	std::string out(name);
	out.resize(std::max<std::size_t>(out.size(), name_width), ' ');
	for (const column<T> &c : t) {
		if (c.group)
			out += std::string(" : ") + c.group;
		std::string v = std::to_string(c.read(obj));
		out += std::string(1 + std::max<int>(c.width - int(v.size()), 0), ' ') + v;
	}
	return out;
}

template <class T> std::string column_header(table<column<T>> t, int name_width)
{
	std::string out = "# name";
	out.resize(name_width, ' ');
	for (const column<T> &c : t) {
		if (c.group)
			out += std::string(" : ") + c.group;
		out += std::string(" <") + (c.label ? c.label : c.name) + ">";
	}
	return out;
}

} // namespace sim
