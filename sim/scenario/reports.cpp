// SPDX-License-Identifier: GPL-2.0-only
#include "sim/scenario/reports.h"

#include "sim/trace/printk.h"

#include <algorithm>

namespace sim::scenario {

void report_claims::claim(const std::string &text)
{
	const std::vector<kernel_report> &reps = kernel_reports();
	expected_.resize(reps.size());
	for (const log_record &rec : log_records()) {
		if (rec.text.find(text) == std::string::npos)
			continue;
		auto after = std::upper_bound(reps.begin(), reps.end(), rec.seq,
					      [](std::uint64_t seq, const kernel_report &k) { return seq < k.first_seq; });
		if (after != reps.begin())
			expected_[after - reps.begin() - 1] = true;
	}
}

std::vector<kernel_report> report_claims::unexpected() const
{
	std::vector<kernel_report> out;
	const std::vector<kernel_report> &reps = kernel_reports();
	for (std::size_t i = 0; i < reps.size(); ++i)
		if (i >= expected_.size() || !expected_[i] || reps[i].kind == report_kind::exception)
			out.push_back(reps[i]);
	return out;
}

} // namespace sim::scenario
