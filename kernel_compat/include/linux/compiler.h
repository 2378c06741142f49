/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Compiler glue shared by every kernel-style header. These headers are read both by
 * C modules (gnu11) and by the simulator's C++20 code, so declarations are wrapped in
 * SLABSIM_BEGIN_DECLS / SLABSIM_END_DECLS to give them C linkage from C++.
 */
#ifndef _LINUX_COMPILER_H
#define _LINUX_COMPILER_H

#ifdef __cplusplus
#define SLABSIM_BEGIN_DECLS extern "C" {
#define SLABSIM_END_DECLS }
#else
#define SLABSIM_BEGIN_DECLS
#define SLABSIM_END_DECLS
#endif

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#ifndef __always_inline /* glibc's sys/cdefs.h has the same definition */
#define __always_inline inline __attribute__((__always_inline__))
#endif
#ifndef __cplusplus /* in C++, libstdc++ spells attributes with this word */
#define noinline __attribute__((__noinline__))
#endif
#define __must_check __attribute__((__warn_unused_result__))
#define __maybe_unused __attribute__((__unused__))
#define __printf(a, b) __attribute__((__format__(printf, a, b)))
#define __user
#define __iomem
#define __percpu
#define __rcu
#define __force
#define __bitwise
#define __read_mostly
#define barrier() __asm__ __volatile__("" ::: "memory")
/* One access the compiler may neither tear, merge nor move out of a loop. */
#define READ_ONCE(x) (*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, val) do { *(volatile __typeof__(x) *)&(x) = (val); } while (0)
#define _RET_IP_ ((unsigned long)__builtin_return_address(0))
#define _THIS_IP_ ({ __label__ __here; __here: (unsigned long)&&__here; })

#endif /* _LINUX_COMPILER_H */
