// SPDX-License-Identifier: GPL-2.0-only
// Red-black tree balancing for the kernel's rb_node API (linux/rbtree.h): the textbook
// algorithms (Cormen et al., "Introduction to Algorithms", ch. 13) over nodes whose NULL
// children are the black leaves. Each left/right-symmetric step is written once, for a side
// given as a member pointer.
#include "linux/rbtree.h"

namespace {

using link = rb_node *rb_node::*;
constexpr link left = &rb_node::rb_left;
constexpr link right = &rb_node::rb_right;
constexpr unsigned long red = 0, black = 1;

inline link other_side(link side) { return side == left ? right : left; }
inline rb_node *parent_of(const rb_node *n) { return rb_parent(n); }
inline unsigned long colour(const rb_node *n) { return n ? n->__rb_parent_color & 1 : black; }
inline bool is_red(const rb_node *n) { return colour(n) == red; }
inline void set_parent(rb_node *n, rb_node *p)
{
	n->__rb_parent_color = reinterpret_cast<unsigned long>(p) | (n->__rb_parent_color & 1);
}
inline void set_colour(rb_node *n, unsigned long c) { n->__rb_parent_color = (n->__rb_parent_color & ~1UL) | c; }

// Makes `repl` the child of `par` that `old` was (or the root).
void replace_child(rb_node *old, rb_node *repl, rb_node *par, rb_root *root)
{
	if (!par)
		root->rb_node = repl;
	else if (par->rb_left == old)
		par->rb_left = repl;
	else
		par->rb_right = repl;
}

// x's child on side `up` takes x's place; x becomes its child on side `other_side(up)`.
void rotate(rb_node *x, link up, rb_root *root)
{
	link down = other_side(up);
	rb_node *y = x->*up;
	x->*up = y->*down;
	if (y->*down)
		set_parent(y->*down, x);
	rb_node *p = parent_of(x);
	set_parent(y, p);
	replace_child(x, y, p, root);
	y->*down = x;
	set_parent(x, y);
}

// x (possibly a NULL leaf, under `parent`) has one black too few on its paths.
void erase_fixup(rb_node *x, rb_node *parent, rb_root *root)
{
	while (x != root->rb_node && !is_red(x)) {
		link side = parent->rb_left == x ? left : right;
		link other = other_side(side);
		rb_node *w = parent->*other; // never NULL: its side has a black more than x's
		if (is_red(w)) {
			set_colour(w, black);
			set_colour(parent, red);
			rotate(parent, other, root);
			w = parent->*other;
		}
		if (!is_red(w->rb_left) && !is_red(w->rb_right)) {
			set_colour(w, red);
			x = parent;
			parent = parent_of(x);
			continue;
		}
		if (!is_red(w->*other)) {
			set_colour(w->*side, black);
			set_colour(w, red);
			rotate(w, side, root);
			w = parent->*other;
		}
		set_colour(w, colour(parent));
		set_colour(parent, black);
		set_colour(w->*other, black);
		rotate(parent, other, root);
		x = root->rb_node;
		break;
	}
	if (x)
		set_colour(x, black);
}

rb_node *extreme(rb_node *n, link side)
{
	while (n && n->*side)
		n = n->*side;
	return n;
}

// In-order neighbour on side `side` (right: next, left: previous).
rb_node *neighbour(const rb_node *node, link side)
{
	if (RB_EMPTY_NODE(node))
		return nullptr;
	if (node->*side)
		return extreme(node->*side, other_side(side));
	rb_node *p;
	while ((p = parent_of(node)) && node == p->*side)
		node = p;
	return p;
}

rb_node *left_deepest(const rb_node *node)
{
	for (;;) {
		if (node->rb_left)
			node = node->rb_left;
		else if (node->rb_right)
			node = node->rb_right;
		else
			return const_cast<rb_node *>(node);
	}
}

} // namespace

extern "C" {

void rb_insert_color(struct rb_node *node, struct rb_root *root)
{
	rb_node *p;
	while ((p = parent_of(node)) && is_red(p)) {
		rb_node *g = parent_of(p); // a red node is never the root
		link side = g->rb_left == p ? left : right;
		link other = other_side(side);
		rb_node *uncle = g->*other;
		if (is_red(uncle)) {
			set_colour(p, black);
			set_colour(uncle, black);
			set_colour(g, red);
			node = g;
			continue;
		}
		if (node == p->*other) {
			rotate(p, other, root);
			node = p;
			p = parent_of(node);
		}
		set_colour(p, black);
		set_colour(g, red);
		rotate(g, side, root);
	}
	set_colour(root->rb_node, black);
}

void rb_erase(struct rb_node *z, struct rb_root *root)
{
	rb_node *x, *x_parent;
	bool removed_black;
	if (!z->rb_left || !z->rb_right) {
		x = z->rb_left ? z->rb_left : z->rb_right;
		x_parent = parent_of(z);
		removed_black = !is_red(z);
		replace_child(z, x, x_parent, root);
		if (x)
			set_parent(x, x_parent);
	} else {
		// z's successor y, which has no left child, takes z's place and colour.
		rb_node *y = extreme(z->rb_right, left);
		removed_black = !is_red(y);
		x = y->rb_right;
		if (parent_of(y) == z) {
			x_parent = y;
		} else {
			x_parent = parent_of(y);
			replace_child(y, x, x_parent, root);
			if (x)
				set_parent(x, x_parent);
			y->rb_right = z->rb_right;
			set_parent(y->rb_right, y);
		}
		replace_child(z, y, parent_of(z), root);
		y->__rb_parent_color = z->__rb_parent_color;
		y->rb_left = z->rb_left;
		set_parent(y->rb_left, y);
	}
	if (removed_black)
		erase_fixup(x, x_parent, root);
}

struct rb_node *rb_next(const struct rb_node *node) { return neighbour(node, right); }
struct rb_node *rb_prev(const struct rb_node *node) { return neighbour(node, left); }
struct rb_node *rb_first(const struct rb_root *root) { return extreme(root->rb_node, left); }
struct rb_node *rb_last(const struct rb_root *root) { return extreme(root->rb_node, right); }

struct rb_node *rb_first_postorder(const struct rb_root *root)
{
	return root->rb_node ? left_deepest(root->rb_node) : nullptr;
}

struct rb_node *rb_next_postorder(const struct rb_node *node)
{
	if (!node)
		return nullptr;
	rb_node *parent = parent_of(node);
	if (parent && node == parent->rb_left && parent->rb_right)
		return left_deepest(parent->rb_right);
	return parent;
}

void rb_replace_node(struct rb_node *victim, struct rb_node *new_node, struct rb_root *root)
{
	rb_node *parent = parent_of(victim);
	*new_node = *victim;
	if (victim->rb_left)
		set_parent(victim->rb_left, new_node);
	if (victim->rb_right)
		set_parent(victim->rb_right, new_node);
	replace_child(victim, new_node, parent, root);
}

} // extern "C"
