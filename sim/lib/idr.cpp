// SPDX-License-Identifier: GPL-2.0-only
// idr and ida (lib/idr.c, v5.4) over a red-black tree of the ids in use (linux/idr.h).
#include "linux/idr.h"

#include "linux/bug.h"
#include "linux/err.h"
#include "linux/errno.h"
#include "linux/slab.h"

#include <climits>

namespace {

struct id_node {
	struct rb_node node;
	unsigned long id;
	void *ptr;
};

inline id_node *to_id(rb_node *n) { return rb_entry_safe(n, id_node, node); }

// The node with the lowest id >= id, or NULL.
id_node *lower_bound(const rb_root *root, unsigned long id)
{
	rb_node *n = root->rb_node;
	id_node *best = nullptr;
	while (n) {
		id_node *e = to_id(n);
		if (e->id >= id) {
			best = e;
			n = n->rb_left;
		} else {
			n = n->rb_right;
		}
	}
	return best;
}

id_node *lookup(const rb_root *root, unsigned long id)
{
	id_node *e = lower_bound(root, id);
	return e && e->id == id ? e : nullptr;
}

// The lowest id in [min, max] not in use, or -ENOSPC.
long lowest_free(const rb_root *root, unsigned long min, unsigned long max)
{
	unsigned long id = min;
	for (id_node *e = lower_bound(root, min); e && e->id == id; e = to_id(rb_next(&e->node)))
		id++;
	return id <= max ? static_cast<long>(id) : -ENOSPC;
}

// Links a node for `id` (not in use) holding ptr; -ENOMEM if there is no memory for it.
int insert(rb_root *root, unsigned long id, void *ptr, gfp_t gfp)
{
	auto *e = static_cast<id_node *>(kmalloc(sizeof(id_node), gfp));
	if (!e)
		return -ENOMEM;
	e->id = id;
	e->ptr = ptr;
	rb_node **link = &root->rb_node, *parent = nullptr;
	while (*link) {
		parent = *link;
		link = to_id(parent)->id > id ? &parent->rb_left : &parent->rb_right;
	}
	rb_link_node(&e->node, parent, link);
	rb_insert_color(&e->node, root);
	return 0;
}

// Takes the lowest free id in [*id, max] and returns 0 with *id set, or the error.
int alloc_in(rb_root *root, void *ptr, unsigned long *id, unsigned long max, gfp_t gfp)
{
	long found = lowest_free(root, *id, max);
	if (found < 0)
		return static_cast<int>(found);
	int err = insert(root, static_cast<unsigned long>(found), ptr, gfp);
	if (!err)
		*id = static_cast<unsigned long>(found);
	return err;
}

void *erase(rb_root *root, id_node *e)
{
	void *ptr = e->ptr;
	rb_erase(&e->node, root);
	kfree(e);
	return ptr;
}

void destroy(rb_root *root)
{
	id_node *e, *n;
	rbtree_postorder_for_each_entry_safe(e, n, root, node)
		kfree(e);
	root->rb_node = nullptr;
}

// The first entry with a non-NULL pointer at or after id (a NULL one only reserves its id).
id_node *next_entry(const rb_root *root, unsigned long id)
{
	id_node *e = lower_bound(root, id);
	while (e && !e->ptr)
		e = to_id(rb_next(&e->node));
	return e;
}

} // namespace

extern "C" {

int idr_alloc_u32(struct idr *idr, void *ptr, u32 *nextid, unsigned long max, gfp_t gfp)
{
	unsigned long id = *nextid < idr->idr_base ? idr->idr_base : *nextid;
	int err = alloc_in(&idr->idr_rt, ptr, &id, max, gfp);
	if (!err)
		*nextid = static_cast<u32>(id);
	return err;
}

int idr_alloc(struct idr *idr, void *ptr, int start, int end, gfp_t gfp)
{
	if (WARN_ON_ONCE(start < 0))
		return -EINVAL;
	u32 id = static_cast<u32>(start);
	int ret = idr_alloc_u32(idr, ptr, &id, end > 0 ? static_cast<unsigned long>(end) - 1 : INT_MAX, gfp);
	return ret ? ret : static_cast<int>(id);
}

int idr_alloc_cyclic(struct idr *idr, void *ptr, int start, int end, gfp_t gfp)
{
	u32 id = idr->idr_next;
	unsigned long max = end > 0 ? static_cast<unsigned long>(end) - 1 : INT_MAX;
	if (static_cast<int>(id) < start)
		id = static_cast<u32>(start);
	int err = idr_alloc_u32(idr, ptr, &id, max, gfp);
	if (err == -ENOSPC && id > static_cast<u32>(start)) {
		id = static_cast<u32>(start);
		err = idr_alloc_u32(idr, ptr, &id, max, gfp);
	}
	if (err)
		return err;
	idr->idr_next = id + 1;
	return static_cast<int>(id);
}

void *idr_find(const struct idr *idr, unsigned long id)
{
	id_node *e = lookup(&idr->idr_rt, id);
	return e ? e->ptr : nullptr;
}

void *idr_remove(struct idr *idr, unsigned long id)
{
	id_node *e = lookup(&idr->idr_rt, id);
	return e ? erase(&idr->idr_rt, e) : nullptr;
}

void *idr_replace(struct idr *idr, void *ptr, unsigned long id)
{
	id_node *e = lookup(&idr->idr_rt, id);
	if (!e)
		return ERR_PTR(-ENOENT);
	void *old = e->ptr;
	e->ptr = ptr;
	return old;
}

// Calls fn on each non-NULL entry in id order until it returns non-zero, and returns that.
int idr_for_each(const struct idr *idr, int (*fn)(int id, void *p, void *data), void *data)
{
	for (id_node *e = next_entry(&idr->idr_rt, 0); e; e = next_entry(&idr->idr_rt, e->id + 1))
		if (int ret = fn(static_cast<int>(e->id), e->ptr, data))
			return ret;
	return 0;
}

void *idr_get_next_ul(struct idr *idr, unsigned long *nextid)
{
	id_node *e = next_entry(&idr->idr_rt, *nextid);
	if (!e)
		return nullptr;
	*nextid = e->id;
	return e->ptr;
}

void *idr_get_next(struct idr *idr, int *nextid)
{
	unsigned long id = static_cast<unsigned long>(*nextid);
	void *entry = idr_get_next_ul(idr, &id);
	if (WARN_ON_ONCE(id > INT_MAX))
		return nullptr;
	*nextid = static_cast<int>(id);
	return entry;
}

void idr_destroy(struct idr *idr) { destroy(&idr->idr_rt); }

int ida_alloc_range(struct ida *ida, unsigned int min, unsigned int max, gfp_t gfp)
{
	if (static_cast<int>(min) < 0)
		return -ENOSPC;
	if (static_cast<int>(max) < 0)
		max = INT_MAX;
	unsigned long id = min;
	int err = alloc_in(&ida->ids, nullptr, &id, max, gfp);
	return err ? err : static_cast<int>(id);
}

void ida_free(struct ida *ida, unsigned int id)
{
	id_node *e = lookup(&ida->ids, id);
	if (!e) {
		WARN(1, "ida_free called for id=%d which is not allocated.\n", id);
		return;
	}
	erase(&ida->ids, e);
}

void ida_destroy(struct ida *ida) { destroy(&ida->ids); }

} // extern "C"
