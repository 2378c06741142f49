/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * BUG()/WARN() as the kernel spells them. BUG() traps with ud2, as on x86: the trap becomes
 * the kernel's "kernel BUG at FILE:LINE!" oops and the current simulated task dies, as an
 * oops kills the process that hit it (sim/sched/oops.cpp). Its site is recorded just before
 * the trap, where the kernel keeps a bug table; a bare ud2 in module code gives the
 * "invalid opcode" oops without it. WARN() prints v5.4's "cut here", the message, the
 * "WARNING: CPU: ... at FILE:LINE" report with registers and trace, and carries on.
 */
#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H

#include "linux/types.h"

SLABSIM_BEGIN_DECLS
/* Names the ud2 that follows the call. Outside a simulated task (boot code, an interrupt)
 * it prints the report itself and throws to the simulator's caller instead. */
void __sim_bug_site(const char *file, int line);
/* BUG() for a site passed in (a report about the caller's call). */
__attribute__((__noreturn__)) void __sim_bug(const char *file, int line);
void __sim_warn(const char *file, int line, const char *fmt, ...) __printf(3, 4);
SLABSIM_END_DECLS

#define BUG() do { __sim_bug_site(__FILE__, __LINE__); __builtin_trap(); } while (0)
#define BUG_ON(cond) do { if (unlikely(cond)) BUG(); } while (0)

/* Catch2 has a WARN of its own; code that includes this header means the kernel's. */
#undef WARN
#define WARN(cond, ...) ({                                              \
	int __ret_warn_on = !!(cond);                                   \
	if (unlikely(__ret_warn_on))                                    \
		__sim_warn(__FILE__, __LINE__, __VA_ARGS__);             \
	unlikely(__ret_warn_on);                                        \
})
#define WARN_ON(cond) WARN(cond, "%s", "")
#define WARN_ONCE(cond, ...) ({                                         \
	static bool __warned;                                           \
	int __ret_warn_once = !!(cond);                                 \
	if (unlikely(__ret_warn_once && !__warned)) {                   \
		__warned = true;                                        \
		__sim_warn(__FILE__, __LINE__, __VA_ARGS__);             \
	}                                                               \
	unlikely(__ret_warn_once);                                      \
})
#define WARN_ON_ONCE(cond) WARN_ONCE(cond, "%s", "")

/* 0 if `e` is false, a compile error if it is true: usable where an expression is needed. */
#define BUILD_BUG_ON_ZERO(e) ((int)(sizeof(struct { int : (-!!(e)); })))

#ifdef __cplusplus
#define BUILD_BUG_ON(cond) static_assert(!(cond), "BUILD_BUG_ON failed: " #cond)
#else
#define BUILD_BUG_ON(cond) _Static_assert(!(cond), "BUILD_BUG_ON failed: " #cond)
#endif

#endif /* _LINUX_BUG_H */
