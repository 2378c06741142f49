// SPDX-License-Identifier: GPL-2.0-only
// The list.h operations beyond the common ones: cutting, splicing, rotating, and hlists.
#include "linux/hashtable.h"
#include "linux/list.h"

#include <catch2/catch.hpp>
#include <vector>

namespace {
struct num {
	int v;
	struct list_head link;
	struct hlist_node hnode;
};

std::vector<int> values(struct list_head *head)
{
	std::vector<int> out;
	num *pos;
	list_for_each_entry(pos, head, link)
		out.push_back(pos->v);
	return out;
}

std::vector<int> hvalues(struct hlist_head *head)
{
	std::vector<int> out;
	num *pos;
	hlist_for_each_entry(pos, head, hnode)
		out.push_back(pos->v);
	return out;
}

// 0..n-1 on `head`, in order.
void fill(struct list_head *head, std::vector<num> &nums)
{
	for (std::size_t i = 0; i < nums.size(); i++) {
		nums[i].v = static_cast<int>(i);
		list_add_tail(&nums[i].link, head);
	}
}
} // namespace

TEST_CASE("list_cut_position and list_cut_before split a list at an entry")
{
	std::vector<num> nums(5);
	LIST_HEAD(head);
	LIST_HEAD(front);
	fill(&head, nums);
	list_cut_position(&front, &head, &nums[1].link);
	CHECK(values(&front) == std::vector<int>{0, 1});
	CHECK(values(&head) == std::vector<int>{2, 3, 4});
	list_cut_before(&front, &head, &nums[4].link);
	CHECK(values(&front) == std::vector<int>{2, 3});
	CHECK(values(&head) == std::vector<int>{4});
}

TEST_CASE("list_splice puts a list at the front, list_splice_tail at the back")
{
	std::vector<num> a(2), b(2);
	LIST_HEAD(la);
	LIST_HEAD(lb);
	fill(&la, a);
	fill(&lb, b);
	b[0].v = 10;
	b[1].v = 11;
	list_splice(&lb, &la);
	CHECK(values(&la) == std::vector<int>{10, 11, 0, 1});
	INIT_LIST_HEAD(&lb);
	list_del(&b[0].link);
	list_del(&b[1].link);
	list_add(&b[0].link, &lb);
	list_splice_tail(&lb, &la);
	CHECK(values(&la) == std::vector<int>{0, 1, 10});
}

TEST_CASE("list_rotate_left, list_rotate_to_front and list_bulk_move_tail reorder in place")
{
	std::vector<num> nums(5);
	LIST_HEAD(head);
	fill(&head, nums);
	list_rotate_left(&head);
	CHECK(values(&head) == std::vector<int>{1, 2, 3, 4, 0});
	list_rotate_to_front(&nums[3].link, &head);
	CHECK(values(&head) == std::vector<int>{3, 4, 0, 1, 2});
	list_bulk_move_tail(&head, &nums[4].link, &nums[0].link);
	CHECK(values(&head) == std::vector<int>{3, 1, 2, 4, 0});
	CHECK(list_is_first(&nums[3].link, &head));
	CHECK(list_is_last(&nums[0].link, &head));
}

TEST_CASE("the safe and reverse iterators survive deleting the entry they stand on")
{
	std::vector<num> nums(6);
	LIST_HEAD(head);
	fill(&head, nums);
	num *pos, *n;
	std::vector<int> seen;
	list_for_each_entry_safe_reverse(pos, n, &head, link) {
		seen.push_back(pos->v);
		if (pos->v % 2)
			list_del(&pos->link);
	}
	CHECK(seen == std::vector<int>{5, 4, 3, 2, 1, 0});
	CHECK(values(&head) == std::vector<int>{0, 2, 4});
	pos = &nums[2];
	seen.clear();
	list_for_each_entry_continue(pos, &head, link)
		seen.push_back(pos->v);
	CHECK(seen == std::vector<int>{4});
	struct list_head *p;
	seen.clear();
	list_for_each_prev(p, &head)
		seen.push_back(list_entry(p, num, link)->v);
	CHECK(seen == std::vector<int>{4, 2, 0});
}

TEST_CASE("hlist nodes go before, behind and at the head, and come off with hlist_del")
{
	std::vector<num> nums(4);
	HLIST_HEAD(head);
	for (std::size_t i = 0; i < nums.size(); i++)
		nums[i].v = static_cast<int>(i);
	hlist_add_head(&nums[0].hnode, &head);
	hlist_add_behind(&nums[2].hnode, &nums[0].hnode);
	hlist_add_before(&nums[1].hnode, &nums[2].hnode);
	hlist_add_head(&nums[3].hnode, &head);
	CHECK(hvalues(&head) == std::vector<int>{3, 0, 1, 2});
	num *pos;
	struct hlist_node *tmp;
	hlist_for_each_entry_safe(pos, tmp, &head, hnode)
		if (pos->v < 2)
			hlist_del(&pos->hnode);
	CHECK(hvalues(&head) == std::vector<int>{3, 2});
	CHECK(nums[0].hnode.next == (struct hlist_node *)LIST_POISON1);
	HLIST_HEAD(other);
	hlist_move_list(&head, &other);
	CHECK(hlist_empty(&head));
	CHECK(hvalues(&other) == std::vector<int>{3, 2});
	CHECK_FALSE(hlist_is_singular_node(&nums[3].hnode, &other));
}

TEST_CASE("a hashtable puts each key in bucket hash_32(key, bits) and finds it there")
{
	DEFINE_HASHTABLE(table, 3);
	CHECK(HASH_SIZE(table) == 8);
	CHECK(HASH_BITS(table) == 3);
	CHECK(hash_32(1, 3) == 3);
	CHECK(hash_32(2, 3) == 6);
	std::vector<num> nums(20);
	for (std::size_t i = 0; i < nums.size(); i++) {
		nums[i].v = static_cast<int>(i);
		hash_add(table, &nums[i].hnode, nums[i].v);
	}
	CHECK(hvalues(&table[3]).front() == 17); // the newest key of bucket 3 first
	num *pos;
	int found = 0;
	hash_for_each_possible(table, pos, hnode, 2)
		found += pos->v == 2;
	CHECK(found == 1);
	hash_del(&nums[2].hnode);
	CHECK_FALSE(hash_hashed(&nums[2].hnode));
	int bkt, count = 0;
	hash_for_each(table, bkt, pos, hnode)
		count++;
	CHECK(count == 19);
	struct hlist_node *tmp;
	hash_for_each_safe(table, bkt, tmp, pos, hnode)
		hash_del(&pos->hnode);
	CHECK(hash_empty(table));
}
