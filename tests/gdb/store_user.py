# SPDX-License-Identifier: GPL-2.0-only
# Run by tests/gdb/run.sh on tests/gdb/store_user.scn: `kmem ADDRESS` on objects of a
# SLAB_STORE_USER cache, before and after a free, against the allocator's own records.
import gdb

from gdbcheck import check, check_equal, command, finish, in_frame, stop_at

import slabsim.slab
import slabsim.trace
import slabsim.util

stop_at("kmem_cache_free", '$_streq(cachep->name, "tracked")')
obj = int(in_frame("kmem_cache_free", "(unsigned long)objp"))
# The trace recorded the allocation's call site; SLAB_STORE_USER recorded the same caller
# in the object's last word.
allocs = [s for s in slabsim.trace.slots()
          if slabsim.trace.event_name(s) == ("kmem", "kmem_cache_alloc")
          and int(s["fields"].address.cast(gdb.lookup_type("unsigned long").pointer())[1]) == obj]
check_equal("one kmem_cache_alloc event for the object", len(allocs), 1)
call_site = int(allocs[0]["fields"].address.cast(gdb.lookup_type("unsigned long").pointer())[0])
where = command("kmem %#x" % obj)
# A refill moves objects 0..15 into the array and pops the last: `a` is object 15.
check("kmem ADDRESS: allocated, index 15", "[%016x]  index 15  allocated" % obj in where, where)
check("kmem ADDRESS: last user is the allocation's call site",
      "last user: %s" % slabsim.util.symbolize(call_site) in where, where)
check_equal("slabobjs: two objects allocated", len(command("slabobjs tracked allocated").splitlines()), 2)

finish("kmem_cache_free")
where = command("kmem %#x" % obj)
check("kmem ADDRESS after the free: in CPU 0's array", "%016x  index 15  cpu 0 cache" % obj in where, where)
check_equal("slabobjs: one object allocated", len(command("slabobjs tracked allocated").splitlines()), 1)
interior = command("kmem %#x" % (obj + 8))
check("kmem of an address inside the object names the object",
      "index 15" in interior and "offset 8 of the stride" in interior, interior)
