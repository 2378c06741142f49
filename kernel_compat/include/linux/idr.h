/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * ID allocators (include/linux/idr.h, lib/idr.c, v5.4). An idr maps small integer ids to
 * pointers and always hands out the lowest free id in the range asked for (idr_alloc_cyclic:
 * the lowest at or after the last one given, wrapping around); an ida hands out ids alone,
 * lowest free first, so freed ids are reused. Errors as the kernel's: -ENOSPC when the range
 * is full, -ENOMEM when memory is short (the gfp flags are kmalloc's), -EINVAL for a negative
 * start. Freeing an ida id that is not allocated is v5.4's WARNING "ida_free called for id=N
 * which is not allocated.".
 *
 * Where the simulator differs: the kernel keeps ids in a radix tree (an xarray for ida), whose
 * nodes come from the radix_tree_node cache; here each id is a node of a red-black tree
 * allocated by kmalloc() (kmalloc-64 in /proc/slabinfo), found in O(log n), and a new id is
 * found by walking the ids in use from `start`. idr_preload() only disables preemption.
 */
#ifndef _LINUX_IDR_H
#define _LINUX_IDR_H

#include "linux/gfp.h"
#include "linux/preempt.h"
#include "linux/rbtree.h"

struct idr {
	struct rb_root idr_rt;  /* ids in use, one node each */
	unsigned int idr_base;  /* the lowest id this idr hands out */
	unsigned int idr_next;  /* where idr_alloc_cyclic() looks first */
};

#define IDR_INIT_BASE(name, base) { RB_ROOT, (base), 0 }
#define IDR_INIT(name) IDR_INIT_BASE(name, 0)
#define DEFINE_IDR(name) struct idr name = IDR_INIT(name)

static inline void idr_init_base(struct idr *idr, int base)
{
	idr->idr_rt.rb_node = NULL;
	idr->idr_base = (unsigned int)base;
	idr->idr_next = 0;
}
static inline void idr_init(struct idr *idr) { idr_init_base(idr, 0); }
static inline bool idr_is_empty(const struct idr *idr) { return RB_EMPTY_ROOT(&idr->idr_rt); }
static inline unsigned int idr_get_cursor(const struct idr *idr) { return READ_ONCE(idr->idr_next); }
static inline void idr_set_cursor(struct idr *idr, unsigned int val) { WRITE_ONCE(idr->idr_next, val); }

SLABSIM_BEGIN_DECLS
int idr_alloc(struct idr *idr, void *ptr, int start, int end, gfp_t gfp);
int idr_alloc_cyclic(struct idr *idr, void *ptr, int start, int end, gfp_t gfp);
int idr_alloc_u32(struct idr *idr, void *ptr, u32 *nextid, unsigned long max, gfp_t gfp);
void *idr_find(const struct idr *idr, unsigned long id);
void *idr_remove(struct idr *idr, unsigned long id);
void *idr_replace(struct idr *idr, void *ptr, unsigned long id);
int idr_for_each(const struct idr *idr, int (*fn)(int id, void *p, void *data), void *data);
void *idr_get_next(struct idr *idr, int *nextid);
void *idr_get_next_ul(struct idr *idr, unsigned long *nextid);
void idr_destroy(struct idr *idr);
SLABSIM_END_DECLS

static inline void idr_preload(gfp_t gfp_mask) { preempt_disable(); }
static inline void idr_preload_end(void) { preempt_enable(); }

/* Each non-NULL entry in id order; entry is NULL after the loop. */
#define idr_for_each_entry(idr, entry, id) \
	for ((id) = 0; ((entry) = idr_get_next(idr, &(id))) != NULL; (id) += 1U)
#define idr_for_each_entry_ul(idr, entry, tmp, id) \
	for ((tmp) = 0, (id) = 0; ((entry) = idr_get_next_ul(idr, &(id))) != NULL; (id) += 1U)
#define idr_for_each_entry_continue(idr, entry, id) \
	for ((entry) = idr_get_next((idr), &(id)); entry; ++(id), (entry) = idr_get_next((idr), &(id)))

struct ida {
	struct rb_root ids;
};

#define IDA_INIT(name) { RB_ROOT }
#define DEFINE_IDA(name) struct ida name = IDA_INIT(name)

static inline void ida_init(struct ida *ida) { ida->ids.rb_node = NULL; }
static inline bool ida_is_empty(const struct ida *ida) { return RB_EMPTY_ROOT(&ida->ids); }

SLABSIM_BEGIN_DECLS
int ida_alloc_range(struct ida *ida, unsigned int min, unsigned int max, gfp_t gfp);
void ida_free(struct ida *ida, unsigned int id);
void ida_destroy(struct ida *ida);
SLABSIM_END_DECLS

static inline int ida_alloc(struct ida *ida, gfp_t gfp) { return ida_alloc_range(ida, 0, ~0U, gfp); }
static inline int ida_alloc_min(struct ida *ida, unsigned int min, gfp_t gfp) { return ida_alloc_range(ida, min, ~0U, gfp); }
static inline int ida_alloc_max(struct ida *ida, unsigned int max, gfp_t gfp) { return ida_alloc_range(ida, 0, max, gfp); }
/* end is exclusive, 0 for no limit. */
static inline int ida_simple_get(struct ida *ida, unsigned int start, unsigned int end, gfp_t gfp)
{
	return ida_alloc_range(ida, start, end ? end - 1 : ~0U, gfp);
}
static inline void ida_simple_remove(struct ida *ida, unsigned int id) { ida_free(ida, id); }

#endif /* _LINUX_IDR_H */
