/* SPDX-License-Identifier: GPL-2.0-only */
/* ring.h - what the two files of ring-buf share, found through ccflags-y's -I$(src)/include. */
#ifndef RING_H
#define RING_H

#include <linux/slab.h>

struct ring {
	struct kmem_cache *cache;
	void *slot[RING_SLOTS];
	unsigned int head;
};

int ring_fill(struct ring *r);
void ring_drain(struct ring *r);

#endif
