// SPDX-License-Identifier: GPL-2.0-only
// The mempool: trace events (our own; v5.4 has none): every step that decides where an
// element comes from or goes to, and every sleep and wake-up, so a timeline shows why a task
// slept and who woke it. Each hook costs one branch while tracing is off.
#pragma once

#include "linux/mempool.h"
#include "sim/trace/trace.h"

namespace sim {

enum class mempool_from : unsigned char { backing, reserve, none };

void emit_mempool_alloc(const mempool_t *pool, const void *element, gfp_t gfp, mempool_from from);
void emit_mempool_free(const mempool_t *pool, const void *element, bool to_reserve);
void emit_mempool_wait(const mempool_t *pool);
void emit_mempool_wake(const mempool_t *pool);
void emit_mempool_timeout(const mempool_t *pool);

// mempool_alloc returns `element` (NULL: from none).
inline void trace_mempool_alloc(const mempool_t *pool, const void *element, gfp_t gfp,
				mempool_from from)
{
	if (__builtin_expect(tracing_on, 0))
		emit_mempool_alloc(pool, element, gfp, from);
}

// mempool_free put `element` into the reserve, or handed it to pool->free.
inline void trace_mempool_free(const mempool_t *pool, const void *element, bool to_reserve)
{
	if (__builtin_expect(tracing_on, 0))
		emit_mempool_free(pool, element, to_reserve);
}

// The current task goes to sleep on pool->wait.
inline void trace_mempool_wait(const mempool_t *pool)
{
	if (__builtin_expect(tracing_on, 0))
		emit_mempool_wait(pool);
}

// The current task, having refilled the reserve, wakes the sleepers.
inline void trace_mempool_wake(const mempool_t *pool)
{
	if (__builtin_expect(tracing_on, 0))
		emit_mempool_wake(pool);
}

// The current task slept the full 5 s and retries.
inline void trace_mempool_timeout(const mempool_t *pool)
{
	if (__builtin_expect(tracing_on, 0))
		emit_mempool_timeout(pool);
}

} // namespace sim
