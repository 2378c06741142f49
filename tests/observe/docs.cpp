// SPDX-License-Identifier: GPL-2.0-only
// The docs' field lists are the tables: each list follows a "<!-- table: NAME -->" line and
// must read exactly as the table renders it below. A failure prints the list to paste;
// SLABSIM_UPDATE_DOCS=1 build/debug/tests/test_observe "docs*" writes them in.
#include "observe_test.h"

#include "sim/mempool/observe.h"
#include "sim/mm/observe.h"
#include "sim/sched/observe.h"
#include "sim/slab/observe.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>

using namespace observetest;

namespace {

std::string cell(const char *s) { return s && *s ? std::string(" ") + s + " |" : " |"; }

template <class Field> std::string markdown(sim::table<Field> t)
{
	// The "column" cell only where some header label is not the field's name.
	bool has_column = false;
	if constexpr (requires(const Field &f) { f.label; })
		has_column = std::ranges::any_of(t, [](const Field &f) { return f.label != nullptr; });
	constexpr bool has_unit = requires(const Field &f) { f.unit; };
	std::string out = std::string("| field |") + (has_column ? " column |" : "") + (has_unit ? " unit |" : "") + " what |\n";
	out += std::string("|---|") + (has_column ? "---|" : "") + (has_unit ? "---|" : "") + "---|\n";
	for (const Field &f : t) {
		out += std::string("| `") + f.name + "` |";
		if constexpr (requires { f.label; })
			out += has_column ? cell(f.label ? f.label : f.name) : "";
		if constexpr (has_unit)
			out += cell(f.unit);
		out += cell(f.doc) + "\n";
	}
	return out;
}

struct doc_text {
	std::string before, list, after; // the list: the "|" lines after "<!-- table: name -->"
};

doc_text read_doc(const std::string &doc, const std::string &name)
{
	std::ifstream in(source_file("docs/" + doc));
	REQUIRE(in);
	doc_text d;
	std::string line, *part = &d.before;
	bool marked = false;
	while (std::getline(in, line)) {
		if (marked && part == &d.before)
			part = line.starts_with("|") ? &d.list : &d.after;
		else if (part == &d.list && !line.starts_with("|"))
			part = &d.after;
		*part += line + "\n";
		marked = marked || line == "<!-- table: " + name + " -->";
	}
	return d;
}

// SLABSIM_UPDATE_DOCS=1 writes the tables' lists into the docs instead of failing.
template <class Field> void check_documented(const std::string &doc, const std::string &name, sim::table<Field> t)
{
	doc_text d = read_doc(doc, name);
	std::string want = markdown(t);
	if (d.list != want && std::getenv("SLABSIM_UPDATE_DOCS")) {
		REQUIRE(d.before.ends_with("<!-- table: " + name + " -->\n"));
		std::ofstream(source_file("docs/" + doc)) << d.before << want << d.after;
		d.list = want;
	}
	if (d.list != want) // unwrapped, to paste
		std::cerr << "docs/" << doc << ", after <!-- table: " << name << " -->, should read:\n" << want;
	CHECK(d.list == want);
}

} // namespace

TEST_CASE("docs/mempool.md lists the pool table")
{
	check_documented("mempool.md", "mempool", sim::mempool_columns());
}

TEST_CASE("docs/slab.md lists the slabinfo columns")
{
	check_documented("slab.md", "slabinfo", sim::slabinfo_columns());
}

TEST_CASE("docs/slab.md lists the slabinfo statistics columns")
{
	check_documented("slab.md", "slabinfo statistics", sim::slabinfo_stat_columns());
}

TEST_CASE("docs/page-allocator.md lists the meminfo table")
{
	check_documented("page-allocator.md", "meminfo", sim::meminfo_fields());
}

TEST_CASE("docs/page-allocator.md lists the zone table")
{
	check_documented("page-allocator.md", "zone", sim::zone_fields());
}

TEST_CASE("docs/page-allocator.md lists the node table")
{
	check_documented("page-allocator.md", "node", sim::node_fields());
}

TEST_CASE("docs/design.md lists the task tables")
{
	check_documented("design.md", "task", sim::task_fields());
	check_documented("design.md", "task text", sim::task_text_fields());
}
