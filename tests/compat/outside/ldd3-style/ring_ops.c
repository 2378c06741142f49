// SPDX-License-Identifier: GPL-2.0-only
/*
 * ring_ops.c - filling and draining the ring, compiled with its own CFLAGS_ring_ops.o.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <ring.h>

int ring_fill(struct ring *r)
{
	for (r->head = 0; r->head < RING_SLOTS; r->head++) {
		r->slot[r->head] = kmem_cache_alloc(r->cache, GFP_KERNEL);
		if (!r->slot[r->head]) {
			ring_drain(r);
			return -ENOMEM;
		}
		memset(r->slot[r->head], RING_FILL, 64);
	}
	pr_info("%s: %d slots of 0x%02x, built as %s\n", KBUILD_MODNAME, RING_SLOTS,
		((unsigned char *)r->slot[0])[63], KBUILD_BASENAME);
	return 0;
}

void ring_drain(struct ring *r)
{
	while (r->head)
		kmem_cache_free(r->cache, r->slot[--r->head]);
}
