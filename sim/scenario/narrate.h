// SPDX-License-Identifier: GPL-2.0-only
// `slabsim explain`: a narrated run. Before and after each statement the narrator notes what
// changed (a pool's counters, the kernel's trace events) and says it in plain words: which
// path mempool_alloc took, where a slab refill came from, why a task slept.
#pragma once

#include "linux/mempool.h"
#include "sim/scenario/program.h"
#include "sim/scenario/runner.h"

#include <map>
#include <ostream>

namespace sim::scenario {

class narrator {
public:
	// `out` null: narration off, and on() is false.
	narrator(const program &p, std::ostream *out);
	~narrator();

	bool on() const { return out_ != nullptr; }
	// `pool` is the pool a mempool_alloc or mempool_free names, else null.
	void before(const op &o, const mempool_t *pool);
	void after(const op &o, const mempool_t *pool);
	void ran(const std::string &why);
	void expected(const expectation &r);

private:
	void kernel_events();

	const program &p_;
	std::ostream *out_;
	std::map<const void *, mempool_stats> before_; // per task: the pool's counters at the call
};

} // namespace sim::scenario
