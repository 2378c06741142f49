// SPDX-License-Identifier: GPL-2.0-only
// The rb_node API against std::map, with the red-black invariants checked as it goes.
#include "linux/rbtree.h"

#include <catch2/catch.hpp>
#include <map>
#include <memory>
#include <random>
#include <vector>

namespace {

struct item {
	struct rb_node node;
	int key;
};

item *to_item(rb_node *n) { return rb_entry_safe(n, item, node); }
bool is_black(const rb_node *n) { return !n || (n->__rb_parent_color & 1); }

// The kernel's way to insert: walk down by key, link, rebalance. False if the key is there.
bool insert(rb_root *root, item *it)
{
	rb_node **link = &root->rb_node, *parent = nullptr;
	while (*link) {
		parent = *link;
		int k = to_item(parent)->key;
		if (it->key == k)
			return false;
		link = it->key < k ? &parent->rb_left : &parent->rb_right;
	}
	rb_link_node(&it->node, parent, link);
	rb_insert_color(&it->node, root);
	return true;
}

item *search(rb_root *root, int key)
{
	rb_node *n = root->rb_node;
	while (n && to_item(n)->key != key)
		n = key < to_item(n)->key ? n->rb_left : n->rb_right;
	return to_item(n);
}

// Black height of the subtree, after checking its parent links, key order and that no red
// node has a red child; -1 if the two sides' black heights differ.
int check_subtree(const rb_node *n, const rb_node *parent)
{
	if (!n)
		return 1;
	REQUIRE(rb_parent(n) == parent);
	if (!is_black(n))
		REQUIRE((is_black(n->rb_left) && is_black(n->rb_right)));
	if (n->rb_left)
		REQUIRE(to_item(n->rb_left)->key < to_item(const_cast<rb_node *>(n))->key);
	if (n->rb_right)
		REQUIRE(to_item(n->rb_right)->key > to_item(const_cast<rb_node *>(n))->key);
	int l = check_subtree(n->rb_left, n), r = check_subtree(n->rb_right, n);
	REQUIRE(l == r);
	return l + is_black(n);
}

void check_tree(rb_root *root, const std::map<int, item *> &ref)
{
	REQUIRE(is_black(root->rb_node));
	check_subtree(root->rb_node, nullptr);
	std::vector<int> forward, backward;
	for (rb_node *n = rb_first(root); n; n = rb_next(n))
		forward.push_back(to_item(n)->key);
	for (rb_node *n = rb_last(root); n; n = rb_prev(n))
		backward.insert(backward.begin(), to_item(n)->key);
	std::vector<int> want;
	for (const auto &[k, v] : ref)
		want.push_back(k);
	REQUIRE(forward == want);
	REQUIRE(backward == want);
}

} // namespace

TEST_CASE("an rbtree agrees with std::map under 10^4 random inserts and erases and stays red-black")
{
	std::mt19937 rng(14);
	rb_root root = RB_ROOT;
	std::map<int, item *> ref;
	std::vector<std::unique_ptr<item>> pool;
	for (int op = 0; op < 10000; op++) {
		int key = static_cast<int>(rng() % 2000);
		if (rng() % 3) {
			auto it = std::make_unique<item>();
			it->key = key;
			bool added = insert(&root, it.get());
			REQUIRE(added == !ref.count(key));
			if (added) {
				ref[key] = it.get();
				pool.push_back(std::move(it));
			}
		} else if (item *found = search(&root, key)) {
			REQUIRE(ref.at(key) == found);
			rb_erase(&found->node, &root);
			ref.erase(key);
		} else {
			REQUIRE_FALSE(ref.count(key));
		}
		if (op % 97 == 0)
			check_tree(&root, ref);
	}
	check_tree(&root, ref);
	CHECK(ref.size() > 500);
}

TEST_CASE("rbtree_postorder_for_each_entry_safe visits every node once, children before parents")
{
	rb_root root = RB_ROOT;
	std::vector<item> items(100);
	for (int i = 0; i < 100; i++) {
		items[static_cast<std::size_t>(i)].key = (i * 37) % 100;
		insert(&root, &items[static_cast<std::size_t>(i)]);
	}
	std::vector<const item *> seen;
	item *pos, *n;
	rbtree_postorder_for_each_entry_safe(pos, n, &root, node) {
		for (rb_node *child : {pos->node.rb_left, pos->node.rb_right})
			if (child)
				CHECK(std::find(seen.begin(), seen.end(), to_item(child)) != seen.end());
		seen.push_back(pos);
	}
	CHECK(seen.size() == 100);
	CHECK(seen.back() == to_item(root.rb_node));
}

TEST_CASE("rb_replace_node puts a new node in the old one's place without rebalancing")
{
	rb_root root = RB_ROOT;
	item a{{}, 1}, b{{}, 2}, c{{}, 3}, b2{{}, 2};
	for (item *it : {&a, &b, &c})
		insert(&root, it);
	rb_replace_node(&b.node, &b2.node, &root);
	CHECK(root.rb_node == &b2.node);
	CHECK(rb_parent(&a.node) == &b2.node);
	CHECK(rb_next(&a.node) == &b2.node);
	CHECK(rb_prev(&c.node) == &b2.node);
}

TEST_CASE("a cached rbtree root keeps its leftmost node through inserts and erases")
{
	rb_root_cached root = RB_ROOT_CACHED;
	item a{{}, 5}, b{{}, 3}, c{{}, 8};
	auto add = [&](item *it) {
		rb_node **link = &root.rb_root.rb_node, *parent = nullptr;
		bool leftmost = true;
		while (*link) {
			parent = *link;
			if (it->key < to_item(parent)->key) {
				link = &parent->rb_left;
			} else {
				link = &parent->rb_right;
				leftmost = false;
			}
		}
		rb_link_node(&it->node, parent, link);
		rb_insert_color_cached(&it->node, &root, leftmost);
	};
	add(&a);
	add(&b);
	add(&c);
	CHECK(rb_first_cached(&root) == &b.node);
	rb_erase_cached(&b.node, &root);
	CHECK(rb_first_cached(&root) == &a.node);
	CHECK(RB_EMPTY_ROOT(&root.rb_root) == false);
	RB_CLEAR_NODE(&b.node);
	CHECK(RB_EMPTY_NODE(&b.node));
	CHECK(rb_next(&b.node) == nullptr);
}
