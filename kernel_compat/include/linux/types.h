/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The kernel's basic types (include/linux/types.h, asm-generic/int-ll64.h), from the uapi
 * ones. Modules see the kernel's definitions: u64 and uint64_t are unsigned long long, loff_t
 * long long. The simulator's C++ also includes the C library's headers, whose int64_t and
 * loff_t are long: there the names the two share come from the C library, and the kernel's
 * own (u64, s64...) from <stdint.h>, so both agree. The sizes and the ABI are the same.
 */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include "uapi/linux/types.h"
#include "linux/stddef.h"
#include "linux/compiler.h"

#ifdef __cplusplus
#include <stdint.h>
#include <sys/types.h>
typedef int8_t s8;
typedef uint8_t u8;
typedef int16_t s16;
typedef uint16_t u16;
typedef int32_t s32;
typedef uint32_t u32;
typedef int64_t s64;
typedef uint64_t u64;
#else
typedef __s8 s8;
typedef __u8 u8;
typedef __s16 s16;
typedef __u16 u16;
typedef __s32 s32;
typedef __u32 u32;
typedef __s64 s64;
typedef __u64 u64;

typedef _Bool bool;

typedef __kernel_size_t size_t;
typedef __kernel_ssize_t ssize_t;
typedef __kernel_ptrdiff_t ptrdiff_t;
typedef __kernel_pid_t pid_t;
typedef __kernel_off_t off_t;
typedef __kernel_loff_t loff_t;
typedef __kernel_mode_t mode_t;
typedef __kernel_uid32_t uid_t;
typedef __kernel_gid32_t gid_t;
typedef __kernel_time_t time_t;
typedef __kernel_clock_t clock_t;
typedef __kernel_caddr_t caddr_t;
typedef __kernel_daddr_t daddr_t;
typedef unsigned long uintptr_t;

typedef unsigned char u_char;
typedef unsigned short u_short;
typedef unsigned int u_int;
typedef unsigned long u_long;
typedef unsigned char unchar;
typedef unsigned short ushort;
typedef unsigned int uint;
typedef unsigned long ulong;

typedef __u8 u_int8_t;
typedef __s8 int8_t;
typedef __u16 u_int16_t;
typedef __s16 int16_t;
typedef __u32 u_int32_t;
typedef __s32 int32_t;
typedef __u8 uint8_t;
typedef __u16 uint16_t;
typedef __u32 uint32_t;
typedef __u64 uint64_t;
typedef __u64 u_int64_t;
typedef __s64 int64_t;

typedef u32 __kernel_dev_t;
typedef __kernel_dev_t dev_t; /* the C library's is 64 bits: declare shared APIs with __kernel_dev_t */
typedef u64 blkcnt_t;
#endif

#ifdef __cplusplus
typedef u32 __kernel_dev_t;
#endif
typedef unsigned short umode_t;
typedef unsigned int fmode_t;
typedef u64 sector_t;
typedef unsigned long phys_addr_t;
typedef u64 dma_addr_t;
typedef phys_addr_t resource_size_t;
typedef unsigned long irq_hw_number_t;
typedef unsigned long pgoff_t;

typedef unsigned int gfp_t;        /* __bitwise in the kernel */
typedef unsigned int slab_flags_t; /* __bitwise in the kernel */

typedef struct {
	int counter;
} atomic_t;

/* The kernel's doubly linked list node; helpers are in linux/list.h. */
struct list_head {
	struct list_head *next, *prev;
};

struct hlist_head {
	struct hlist_node *first;
};

struct hlist_node {
	struct hlist_node *next, **pprev;
};

#endif /* _LINUX_TYPES_H */
