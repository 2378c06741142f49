/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * struct page and addresses: the simulated machine's physical memory is one mapping, and
 * mem_map holds one struct page per page frame, so pfn, struct page and address convert
 * into each other by arithmetic, as with the kernel's flat memory model.
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include "linux/types.h"
#include "linux/gfp.h"
#include "linux/mmzone.h"

#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#define PAGE_MASK (~(PAGE_SIZE - 1))
#define PAGE_ALIGN(addr) (((addr) + PAGE_SIZE - 1) & PAGE_MASK)

struct page;

SLABSIM_BEGIN_DECLS
void *page_address(const struct page *page);
struct page *virt_to_page(const void *addr);
unsigned long page_to_pfn(const struct page *page);
struct page *pfn_to_page(unsigned long pfn);
/* True when addr lies in this machine's physical memory (the kernel's virt_addr_valid). */
bool virt_addr_valid(const void *addr);
int page_ref_count(const struct page *page);
void get_page(struct page *page);
void put_page(struct page *page);
/* Pages of managed memory (MemTotal), and free pages in all zones (MemFree). */
unsigned long totalram_pages(void);
unsigned long nr_free_pages(void);
SLABSIM_END_DECLS

#endif /* _LINUX_MM_H */
