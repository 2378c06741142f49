// SPDX-License-Identifier: GPL-2.0-only
#include "report.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace cli {

std::string summary_line(const sim::scenario::outcome &r)
{
	std::size_t n = r.expectations.size();
	return fmt::format("{}: {} {}/{} expectations ({} statements, {:.6f} s virtual)", r.file,
			   r.passed() ? "PASS" : "FAIL", n - r.failures(), n, r.ops, r.end_ns / 1e9);
}

sim::scenario::outcome error_outcome(const sim::scenario::scenario_error &e)
{
	sim::scenario::outcome r;
	r.file = e.file();
	r.expectations.push_back({e.loc(), "scenario error", false, "a scenario that runs", e.message()});
	return r;
}

std::string ktap(const std::vector<sim::scenario::outcome> &rs)
{
	std::string out = fmt::format("KTAP version 1\n1..{}\n", rs.size());
	for (std::size_t i = 0; i < rs.size(); ++i) {
		const auto &r = rs[i];
		out += fmt::format("    KTAP version 1\n    # Subtest: {}\n    1..{}\n", r.file, r.expectations.size());
		for (std::size_t j = 0; j < r.expectations.size(); ++j) {
			const auto &e = r.expectations[j];
			out += fmt::format("    {} {} line {}: {}\n", e.passed ? "ok" : "not ok", j + 1, e.loc.line, e.text);
			if (!e.passed)
				out += fmt::format("    # expected {}, actual {}\n", e.expected, e.actual);
		}
		out += fmt::format("{} {} {}\n", r.passed() ? "ok" : "not ok", i + 1, r.file);
	}
	return out;
}

namespace {
nlohmann::ordered_json row_json(const sim::row &r)
{
	nlohmann::ordered_json j{{"name", r.name}};
	for (const auto &[name, value] : r.values)
		j[name] = value;
	for (const auto &[name, text] : r.texts)
		j[name] = text;
	return j;
}

nlohmann::ordered_json rows_json(const std::vector<sim::row> &rows)
{
	nlohmann::ordered_json all = nlohmann::ordered_json::array();
	for (const sim::row &r : rows)
		all.push_back(row_json(r));
	return all;
}
} // namespace

nlohmann::ordered_json observation_json(const sim::observation &o)
{
	return {{"pools", rows_json(o.pools)}, {"slabinfo", rows_json(o.slabinfo)}, {"zones", rows_json(o.zones)},
		{"node", row_json(o.node)},    {"meminfo", row_json(o.meminfo)},     {"tasks", rows_json(o.tasks)}};
}

std::string json_summary(const std::vector<sim::scenario::outcome> &rs)
{
	nlohmann::ordered_json all = nlohmann::ordered_json::array();
	for (const auto &r : rs) {
		nlohmann::ordered_json j;
		j["file"] = r.file;
		j["passed"] = r.passed();
		j["statements"] = r.ops;
		j["virtual_ns"] = r.end_ns;
		j["runs"] = r.runs;
		auto &ex = j["expectations"] = nlohmann::ordered_json::array();
		for (const auto &e : r.expectations)
			ex.push_back({{"line", e.loc.line}, {"col", e.loc.col}, {"text", e.text}, {"passed", e.passed},
				      {"expected", e.expected}, {"actual", e.actual}});
		j["pools"] = rows_json(r.observed.pools); // every column of /proc/mempoolinfo, by the table's names
		j["proc"] = {{"slabinfo", r.slabinfo}, {"buddyinfo", r.buddyinfo}, {"meminfo", r.meminfo},
			     {"zoneinfo", r.zoneinfo}, {"mempools", r.mempools}};
		j["observed"] = observation_json(r.observed);
		all.push_back(std::move(j));
	}
	return nlohmann::ordered_json{{"scenarios", all}}.dump(2) + "\n";
}

} // namespace cli
