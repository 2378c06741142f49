/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Zones and the constants of the buddy allocator (include/linux/mmzone.h, v5.4). The zone
 * and node structures themselves are C++ (sim/mm/mmzone.h): C code only holds pointers.
 */
#ifndef _LINUX_MMZONE_H
#define _LINUX_MMZONE_H

#include "linux/types.h"

/* Orders 0..MAX_ORDER-1: the largest block is 2^10 pages, 4 MiB. */
#define MAX_ORDER 11
#define MAX_ORDER_NR_PAGES (1 << (MAX_ORDER - 1))
/* Orders above this are "costly": the kernel will not OOM-kill for them. */
#define PAGE_ALLOC_COSTLY_ORDER 3

#define NUMA_NO_NODE (-1)
#define MAX_NUMNODES 1

/* x86-64 also has ZONE_DMA32 (below 4 GiB) and ZONE_MOVABLE; this machine has neither. */
enum zone_type {
	ZONE_DMA,    /* the first 16 MiB, for ISA-era devices */
	ZONE_NORMAL, /* everything else */
	__MAX_NR_ZONES
};
#define MAX_NR_ZONES __MAX_NR_ZONES

enum zone_watermarks { WMARK_MIN, WMARK_LOW, WMARK_HIGH, NR_WMARK };

/* The counters this simulator keeps (a subset of v5.4's, same names). */
enum zone_stat_item { NR_FREE_PAGES, NR_VM_ZONE_STAT_ITEMS };
enum node_stat_item { NR_SLAB_RECLAIMABLE, NR_SLAB_UNRECLAIMABLE, NR_VM_NODE_STAT_ITEMS };

struct zone;
struct pglist_data;
typedef struct pglist_data pg_data_t;

#endif /* _LINUX_MMZONE_H */
