/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Page flags (include/linux/page-flags.h, v5.4 bit numbers) and page types. The test and
 * set helpers need struct page's layout, so they exist for the simulator's C++ only; C
 * modules see the bit numbers.
 */
#ifndef _LINUX_PAGE_FLAGS_H
#define _LINUX_PAGE_FLAGS_H

#include "linux/types.h"

enum pageflags {
	PG_locked,
	PG_referenced,
	PG_uptodate,
	PG_dirty,
	PG_lru,
	PG_active,
	PG_workingset,
	PG_waiters,
	PG_error,
	PG_slab,
	PG_owner_priv_1,
	PG_arch_1,
	PG_reserved,
	PG_private,
	PG_private_2,
	PG_writeback,
	PG_head,
	PG_mappedtodisk,
	PG_reclaim,
	PG_swapbacked,
	PG_unevictable,
	PG_mlocked,
	__NR_PAGEFLAGS,
};

/* Flags a page must not carry when it returns to the buddy allocator. */
#define PAGE_FLAGS_CHECK_AT_FREE                                                              \
	(1UL << PG_lru | 1UL << PG_locked | 1UL << PG_private | 1UL << PG_private_2 |           \
	 1UL << PG_writeback | 1UL << PG_reserved | 1UL << PG_slab | 1UL << PG_active |         \
	 1UL << PG_unevictable | 1UL << PG_mlocked)

/*
 * Page types live in page->page_type. v5.4 keeps them in the _mapcount union, inverted
 * (a set type is a cleared bit under PAGE_TYPE_BASE, so "no type" is _mapcount == -1).
 * Here zero bytes must mean "no type" (mem_map is backed lazily by zero pages), so the
 * field holds the complement of the kernel's value: a set type is a set bit.
 */
#define PAGE_TYPE_BASE 0xf0000000u
#define PG_buddy 0x00000080u
#define PG_offline 0x00000100u
#define PG_table 0x00000200u

#ifdef __cplusplus
#include "sim/mm/page.h"

inline bool PageSlab(const struct page *page) { return page->flags & (1UL << PG_slab); }
inline void __SetPageSlab(struct page *page) { page->flags |= 1UL << PG_slab; }
inline void __ClearPageSlab(struct page *page) { page->flags &= ~(1UL << PG_slab); }
inline bool PageReserved(const struct page *page) { return page->flags & (1UL << PG_reserved); }
inline bool PageHead(const struct page *page) { return page->flags & (1UL << PG_head); }

/* A tail page of a compound page stores its head's address with bit 0 set, as v5.4 does. */
inline bool PageTail(const struct page *page) { return page->compound_head & 1; }
inline bool PageCompound(const struct page *page) { return PageHead(page) || PageTail(page); }
inline struct page *compound_head(struct page *page)
{
	return PageTail(page) ? reinterpret_cast<struct page *>(page->compound_head - 1) : page;
}
/* The order of a compound page lives in its first tail page, as in v5.4. */
inline unsigned int compound_order(const struct page *page)
{
	return PageHead(page) ? page[1].compound_order : 0;
}

inline bool PageBuddy(const struct page *page)
{
	return (page->page_type & (PAGE_TYPE_BASE | PG_buddy)) == PG_buddy;
}
inline void __SetPageBuddy(struct page *page) { page->page_type |= PG_buddy; }
inline void __ClearPageBuddy(struct page *page) { page->page_type &= ~PG_buddy; }
#endif

#endif /* _LINUX_PAGE_FLAGS_H */
