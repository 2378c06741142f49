/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Magic values SLAB writes into objects so that misuse shows up as a recognisable pattern
 * (values as in v5.4 include/linux/poison.h).
 */
#ifndef _LINUX_POISON_H
#define _LINUX_POISON_H

/* Red zone words around a SLAB object (64 bits each). */
#define RED_INACTIVE 0x09F911029D74E35BULL /* when obj is inactive */
#define RED_ACTIVE 0xD84156C5635688C0ULL   /* when obj is active */

/* SLUB's byte-wide red zones (not used by SLAB, listed for readers of SLUB reports). */
#define SLUB_RED_INACTIVE 0xbb
#define SLUB_RED_ACTIVE 0xcc

/* Object contents. */
#define POISON_INUSE 0x5a /* for use-uninitialised poisoning */
#define POISON_FREE 0x6b  /* for use-after-free poisoning */
#define POISON_END 0xa5   /* end-byte of poisoning */

#endif /* _LINUX_POISON_H */
