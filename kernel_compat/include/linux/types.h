/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h> /* ssize_t, pid_t, loff_t */
#ifndef __cplusplus
#include <stdbool.h>
#endif
#include "linux/compiler.h"

typedef int8_t s8;
typedef uint8_t u8;
typedef int16_t s16;
typedef uint16_t u16;
typedef int32_t s32;
typedef uint32_t u32;
typedef int64_t s64;
typedef uint64_t u64;

typedef unsigned long phys_addr_t;
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
