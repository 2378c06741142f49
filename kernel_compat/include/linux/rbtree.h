/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Red-black trees (include/linux/rbtree.h, v5.4): the kernel's API and node layout, the
 * parent pointer and the colour (bit 0: 0 red, 1 black) in one word. As in the kernel the
 * tree does not compare keys: the caller walks down to the place of a new node, links it
 * with rb_link_node() and rebalances with rb_insert_color(). The balancing code is the
 * simulator's own (sim/lib/rbtree.cpp).
 */
#ifndef _LINUX_RBTREE_H
#define _LINUX_RBTREE_H

#include "linux/compiler.h"
#include "linux/kernel.h"
#include "linux/list.h" /* container_of, in C++ too */

struct rb_node {
	unsigned long __rb_parent_color;
	struct rb_node *rb_right;
	struct rb_node *rb_left;
} __attribute__((aligned(sizeof(long))));

struct rb_root {
	struct rb_node *rb_node;
};

/* A root that also keeps its leftmost node, so rb_first_cached() is O(1). */
struct rb_root_cached {
	struct rb_root rb_root;
	struct rb_node *rb_leftmost;
};

#define rb_parent(r) ((struct rb_node *)((r)->__rb_parent_color & ~3UL))

#ifdef __cplusplus
#define RB_ROOT (rb_root{ NULL })
#define RB_ROOT_CACHED (rb_root_cached{ { NULL }, NULL })
#else
#define RB_ROOT (struct rb_root) { NULL, }
#define RB_ROOT_CACHED (struct rb_root_cached) { {NULL, }, NULL }
#endif

#define rb_entry(ptr, type, member) container_of(ptr, type, member)
#define rb_entry_safe(ptr, type, member) \
	({ __typeof__(ptr) ____ptr = (ptr); ____ptr ? rb_entry(____ptr, type, member) : NULL; })

#define RB_EMPTY_ROOT(root) (READ_ONCE((root)->rb_node) == NULL)
/* A node on no tree points at itself. */
#define RB_EMPTY_NODE(node) ((node)->__rb_parent_color == (unsigned long)(node))
#define RB_CLEAR_NODE(node) ((node)->__rb_parent_color = (unsigned long)(node))

SLABSIM_BEGIN_DECLS
void rb_insert_color(struct rb_node *node, struct rb_root *root);
void rb_erase(struct rb_node *node, struct rb_root *root);
struct rb_node *rb_next(const struct rb_node *node);
struct rb_node *rb_prev(const struct rb_node *node);
struct rb_node *rb_first(const struct rb_root *root);
struct rb_node *rb_last(const struct rb_root *root);
struct rb_node *rb_first_postorder(const struct rb_root *root);
struct rb_node *rb_next_postorder(const struct rb_node *node);
void rb_replace_node(struct rb_node *victim, struct rb_node *new_node, struct rb_root *root);
SLABSIM_END_DECLS

/* Hangs node, red and childless, at *rb_link below parent; rb_insert_color() then rebalances. */
static inline void rb_link_node(struct rb_node *node, struct rb_node *parent, struct rb_node **rb_link)
{
	node->__rb_parent_color = (unsigned long)parent;
	node->rb_left = node->rb_right = NULL;
	*rb_link = node;
}

/* Every node, children before their parent: each may be freed as it is visited. */
#define rbtree_postorder_for_each_entry_safe(pos, n, root, field)                                   \
	for (pos = rb_entry_safe(rb_first_postorder(root), __typeof__(*pos), field);                \
	     pos && ({ n = rb_entry_safe(rb_next_postorder(&pos->field), __typeof__(*pos), field); 1; }); \
	     pos = n)

#define rb_first_cached(root) (root)->rb_leftmost

static inline void rb_insert_color_cached(struct rb_node *node, struct rb_root_cached *root, bool leftmost)
{
	if (leftmost)
		root->rb_leftmost = node;
	rb_insert_color(node, &root->rb_root);
}

static inline void rb_erase_cached(struct rb_node *node, struct rb_root_cached *root)
{
	if (root->rb_leftmost == node)
		root->rb_leftmost = rb_next(node);
	rb_erase(node, &root->rb_root);
}

static inline void rb_replace_node_cached(struct rb_node *victim, struct rb_node *new_node, struct rb_root_cached *root)
{
	if (root->rb_leftmost == victim)
		root->rb_leftmost = new_node;
	rb_replace_node(victim, new_node, &root->rb_root);
}

#endif /* _LINUX_RBTREE_H */
