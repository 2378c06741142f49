// SPDX-License-Identifier: GPL-2.0-only
// Slab debugging (CONFIG_DEBUG_SLAB's code in mm/slab.c): poison patterns catch use of
// freed or uninitialised memory, red zone words around each object catch overruns and
// double frees, and the user word records the last caller. Layout of a debug object:
//
//   [red zone 1: 8 bytes][object: object_size bytes][pad][red zone 2: 8][last caller: 8]
//   ^ stride start        ^ obj_offset                              size - 16 ^    ^ size - 8
//
// Every report uses the kernel's words; a detected double free or bad pointer is refused,
// so the allocator's own state stays consistent.
#include "sim/trace/kallsyms.h"
#include "sim/slab/slab.h"

#include "linux/mm.h"
#include "linux/poison.h"
#include "linux/printk.h"
#include "sim/trace/trace.h"
#include "sim/trace/report.h"
#include "linux/kernel.h"

#include <fmt/format.h>
#include <cctype>
#include <cstring>
#include <string>

void __slab_error(const char *function, struct kmem_cache *cachep, const char *msg)
{
	std::string line = fmt::format("slab error in {}(): cache `{}': {}", function, cachep->name, msg);
	sim::report_note(sim::report_kind::slab, line);
	pr_err("%s\n", line.c_str());
	dump_stack();
}

static unsigned long long *dbg_redzone1(struct kmem_cache *cachep, void *objp)
{
	return (unsigned long long *)((char *)objp + cachep->obj_offset - sizeof(unsigned long long));
}

static unsigned long long *dbg_redzone2(struct kmem_cache *cachep, void *objp)
{
	size_t tail = sizeof(unsigned long long) + ((cachep->flags & SLAB_STORE_USER) ? REDZONE_ALIGN : 0);
	return (unsigned long long *)((char *)objp + cachep->size - tail);
}

static void **dbg_userword(struct kmem_cache *cachep, void *objp)
{
	return (void **)((char *)objp + cachep->size - BYTES_PER_WORD);
}

// Fills the object with val; the last byte gets POISON_END so the end is visible in dumps.
void poison_obj(struct kmem_cache *cachep, void *addr, unsigned char val)
{
	int size = cachep->object_size;
	char *obj = (char *)addr + cachep->obj_offset;

	memset(obj, val, size);
	obj[size - 1] = (char)POISON_END;
}

// One line of print_hex_dump(DUMP_PREFIX_NONE, 16, 1, ascii): hex bytes, then the text
// from column 49.
static std::string hex_dump_line(const unsigned char *p, int len)
{
	std::string line;
	char buf[4];

	for (int j = 0; j < len; j++) {
		snprintf(buf, sizeof(buf), j ? " %02x" : "%02x", p[j]);
		line += buf;
	}
	line.resize(49, ' ');
	for (int j = 0; j < len; j++)
		line += (isascii(p[j]) && isprint(p[j])) ? (char)p[j] : '.';
	return line;
}

static void dump_line(const char *data, int offset, int limit)
{
	unsigned char error = 0;
	int bad_count = 0;

	for (int i = 0; i < limit; i++) {
		if ((unsigned char)data[offset + i] != POISON_FREE) {
			error = (unsigned char)data[offset + i];
			bad_count++;
		}
	}
	pr_err("%03x: %s\n", offset, hex_dump_line((const unsigned char *)data + offset, limit).c_str());
	if (bad_count == 1) {
		error ^= POISON_FREE;
		if (!(error & (error - 1))) {
			pr_err("Single bit error detected. Probably bad RAM.\n");
			pr_err("Run memtest86+ or a similar memory test tool.\n");
		}
	}
}

static void print_objinfo(struct kmem_cache *cachep, void *objp, int lines)
{
	if (cachep->flags & SLAB_RED_ZONE)
		pr_err("Redzone: 0x%llx/0x%llx\n", *dbg_redzone1(cachep, objp), *dbg_redzone2(cachep, objp));
	if (cachep->flags & SLAB_STORE_USER) {
		std::string user = sim::sprint_symbol(*dbg_userword(cachep, objp));
		pr_err("Last user: (%s)\n", user.empty() ? "?" : user.c_str());
	}
	const char *realobj = (char *)objp + cachep->obj_offset;
	int size = cachep->object_size;
	for (int i = 0; i < size && lines; i += 16, lines--)
		dump_line(realobj, i, i + 16 > size ? size - i : 16);
}

static void check_poison_obj(struct kmem_cache *cachep, void *objp)
{
	const char *realobj = (char *)objp + cachep->obj_offset;
	int size = cachep->object_size;
	int lines = 0;

	for (int i = 0; i < size; i++) {
		char exp = (char)(i == size - 1 ? POISON_END : POISON_FREE);

		if (realobj[i] == exp)
			continue;
		if (lines == 0) {
			sim::report_note(sim::report_kind::slab,
					 fmt::format("Slab corruption ({}): {}", print_tainted(), cachep->name));
			pr_err("Slab corruption (%s): %s start=%px, len=%d\n", print_tainted(), cachep->name,
			       realobj, size);
			print_objinfo(cachep, objp, 0);
		}
		i = (i / 16) * 16;
		dump_line(realobj, i, i + 16 > size ? size - i : 16);
		i += 15; // the loop's ++ moves to the next line
		if (++lines > 5)
			break;
	}
	if (lines == 0)
		return;
	// The neighbours: an overrun from the previous object shows up at this one's start.
	struct page *page = virt_to_head_page(objp);
	unsigned int objnr = obj_to_index(cachep, page, objp);
	if (objnr) {
		void *prev = index_to_obj(cachep, page, objnr - 1);
		pr_err("Prev obj: start=%px, len=%d\n", (char *)prev + cachep->obj_offset, size);
		print_objinfo(cachep, prev, 2);
	}
	if (objnr + 1 < cachep->num) {
		void *next = index_to_obj(cachep, page, objnr + 1);
		pr_err("Next obj: start=%px, len=%d\n", (char *)next + cachep->obj_offset, size);
		print_objinfo(cachep, next, 2);
	}
}

void slab_destroy_debugcheck(struct kmem_cache *cachep, struct page *page)
{
	if (OBJFREELIST_SLAB(cachep) && (cachep->flags & SLAB_POISON))
		poison_obj(cachep, (char *)page->freelist - cachep->obj_offset, POISON_FREE);
	for (unsigned int i = 0; i < cachep->num; i++) {
		void *objp = index_to_obj(cachep, page, i);

		if (cachep->flags & SLAB_POISON)
			check_poison_obj(cachep, objp);
		if (cachep->flags & SLAB_RED_ZONE) {
			if (*dbg_redzone1(cachep, objp) != RED_INACTIVE)
				slab_error(cachep, "start of a freed object was overwritten");
			if (*dbg_redzone2(cachep, objp) != RED_INACTIVE)
				slab_error(cachep, "end of a freed object was overwritten");
		}
	}
}

// With poisoning the ctor runs at each allocation instead (the poison would undo it).
void cache_init_objs_debug(struct kmem_cache *cachep, struct page *page)
{
	for (unsigned int i = 0; i < cachep->num; i++) {
		void *objp = index_to_obj(cachep, page, i);

		if (cachep->flags & SLAB_STORE_USER)
			*dbg_userword(cachep, objp) = nullptr;
		if (cachep->flags & SLAB_RED_ZONE) {
			*dbg_redzone1(cachep, objp) = RED_INACTIVE;
			*dbg_redzone2(cachep, objp) = RED_INACTIVE;
		}
		if (cachep->ctor && !(cachep->flags & SLAB_POISON))
			cachep->ctor((char *)objp + cachep->obj_offset);
		if (cachep->flags & SLAB_RED_ZONE) {
			if (*dbg_redzone2(cachep, objp) != RED_INACTIVE)
				slab_error(cachep, "constructor overwrote the end of an object");
			if (*dbg_redzone1(cachep, objp) != RED_INACTIVE)
				slab_error(cachep, "constructor overwrote the start of an object");
		}
		if (cachep->flags & SLAB_POISON)
			poison_obj(cachep, objp, POISON_FREE);
	}
}

// Objects that held an OBJFREELIST slab's freelist get their poison back once the slab is
// full (they were chained through their first word by fixup_slab_list).
void fixup_objfreelist_debug(struct kmem_cache *cachep, void **list)
{
	void *next = *list;

	while (next) {
		void *objp = (char *)next - cachep->obj_offset;

		next = *(void **)next;
		poison_obj(cachep, objp, POISON_FREE);
	}
}

void *cache_alloc_debugcheck_after(struct kmem_cache *cachep, gfp_t flags, void *objp,
				   unsigned long caller)
{
	if (!objp)
		return objp;
	if (cachep->flags & SLAB_POISON) {
		check_poison_obj(cachep, objp);
		poison_obj(cachep, objp, POISON_INUSE);
	}
	if (cachep->flags & SLAB_STORE_USER)
		*dbg_userword(cachep, objp) = (void *)sim::effective_caller(caller);
	if (cachep->flags & SLAB_RED_ZONE) {
		if (*dbg_redzone1(cachep, objp) != RED_INACTIVE ||
		    *dbg_redzone2(cachep, objp) != RED_INACTIVE) {
			slab_error(cachep, "double free, or memory outside object was overwritten");
			pr_err("%px: redzone 1:0x%llx, redzone 2:0x%llx\n", objp,
			       *dbg_redzone1(cachep, objp), *dbg_redzone2(cachep, objp));
		}
		*dbg_redzone1(cachep, objp) = RED_ACTIVE;
		*dbg_redzone2(cachep, objp) = RED_ACTIVE;
	}
	objp = (char *)objp + cachep->obj_offset;
	if (cachep->ctor && (cachep->flags & SLAB_POISON))
		cachep->ctor(objp);
	return objp;
}

// Whether objp (a stride start) is among its slab's free objects.
bool slab_freelist_has(struct kmem_cache *cachep, struct page *page, void *objp)
{
	unsigned int objnr = obj_to_index(cachep, page, objp);

	for (unsigned int i = page->active; i < cachep->num; i++)
		if (get_free_obj(page, i) == objnr)
			return true;
	return false;
}

// Whether objp is free already: in its slab or in any array cache. This walks every array
// of the cache, so only debug caches pay for it.
static bool slab_double_free(struct kmem_cache *cachep, struct page *page, void *objp)
{
	int cpu;

	if (slab_freelist_has(cachep, page, objp))
		return true;
	for_each_online_cpu(cpu) {
		struct array_cache *ac = per_cpu_ptr(cachep->cpu_cache, cpu);

		for (unsigned int i = 0; i < ac->avail; i++)
			if (ac->entry[i] == objp)
				return true;
	}
	struct array_cache *shared = get_node(cachep, numa_mem_id())->shared;
	for (unsigned int i = 0; shared && i < shared->avail; i++)
		if (shared->entry[i] == objp)
			return true;
	return false;
}

// Returns the stride start to push, or NULL when the free must be refused (double free).
void *cache_free_debugcheck(struct kmem_cache *cachep, void *objp, unsigned long caller)
{
	objp = (char *)objp - cachep->obj_offset;
	if (cachep->flags & SLAB_RED_ZONE) {
		unsigned long long redzone1 = *dbg_redzone1(cachep, objp);
		unsigned long long redzone2 = *dbg_redzone2(cachep, objp);

		if (redzone1 != RED_ACTIVE || redzone2 != RED_ACTIVE) {
			bool twice = redzone1 == RED_INACTIVE && redzone2 == RED_INACTIVE;

			slab_error(cachep, twice ? "double free detected"
						 : "memory outside object was overwritten");
			pr_err("%px: redzone 1:0x%llx, redzone 2:0x%llx\n", objp, redzone1, redzone2);
			if (twice)
				return nullptr;
		}
	} else if (slab_double_free(cachep, virt_to_head_page(objp), objp)) {
		sim::report_note(sim::report_kind::slab,
				 fmt::format("slab: double free detected in cache '{}'", cachep->name));
		pr_err("slab: double free detected in cache '%s', objp %px\n", cachep->name, objp);
		dump_stack();
		return nullptr;
	}
	if (cachep->flags & SLAB_RED_ZONE) {
		*dbg_redzone1(cachep, objp) = RED_INACTIVE;
		*dbg_redzone2(cachep, objp) = RED_INACTIVE;
	}
	if (cachep->flags & SLAB_STORE_USER)
		*dbg_userword(cachep, objp) = (void *)sim::effective_caller(caller);
	if (cachep->flags & SLAB_POISON)
		poison_obj(cachep, objp, POISON_FREE);
	return objp;
}
