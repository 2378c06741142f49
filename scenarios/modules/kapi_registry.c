// SPDX-License-Identifier: GPL-2.0-only
/*
 * kapi_registry: a device registry in the style of a kernel course's locking lab. Devices
 * get ids from an idr and instance numbers from an ida, sit in an rbtree by name and on a
 * list and in a hashtable by id, hold a kref each; worker threads share them under a mutex, a semaphore limits how
 * many use a "channel" at once, an rw_semaphore guards the configuration, and a bitmap
 * tracks busy channels. init checks what it built and fails with -EINVAL if anything is off.
 */
#include <linux/atomic.h>
#include <linux/bitmap.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/hashtable.h>
#include <linux/idr.h>
#include <linux/kernel.h>
#include <linux/kref.h>
#include <linux/kthread.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/rbtree.h>
#include <linux/rwsem.h>
#include <linux/semaphore.h>
#include <linux/slab.h>
#include <linux/string.h>

#define NR_DEVICES 5
#define NR_WORKERS 3
#define NR_CHANNELS 2

struct regdev {
	int id;
	int instance;
	char name[16];
	struct kref ref;
	struct rb_node node;
	struct list_head link;
	struct hlist_node hnode;
};

static DEFINE_IDR(dev_idr);
static DEFINE_IDA(instance_ida);
static DEFINE_MUTEX(reg_lock);
static DECLARE_RWSEM(cfg_sem);
static struct semaphore channels;
static struct rb_root by_name = RB_ROOT;
static LIST_HEAD(devices);
static DEFINE_HASHTABLE(by_id, 3);
static DECLARE_BITMAP(busy, NR_CHANNELS);
static atomic_t in_channel = ATOMIC_INIT(0);
static atomic_t most_in_channel = ATOMIC_INIT(0);
static int mutex_holders, most_mutex_holders, uses;
static int cfg_version = 1;
static DECLARE_COMPLETION(workers_done);
static atomic_t workers_left = ATOMIC_INIT(NR_WORKERS);
static atomic_t released = ATOMIC_INIT(0);

static void regdev_release(struct kref *ref)
{
	struct regdev *d = container_of(ref, struct regdev, ref);

	ida_simple_remove(&instance_ida, d->instance);
	kfree(d);
	atomic_inc(&released);
}

static int regdev_insert(struct regdev *d)
{
	struct rb_node **link = &by_name.rb_node, *parent = NULL;

	while (*link) {
		struct regdev *cur = rb_entry(*link, struct regdev, node);
		int cmp = strcmp(d->name, cur->name);

		parent = *link;
		if (cmp == 0)
			return -EEXIST;
		link = cmp < 0 ? &parent->rb_left : &parent->rb_right;
	}
	rb_link_node(&d->node, parent, link);
	rb_insert_color(&d->node, &by_name);
	return 0;
}

static struct regdev *regdev_create(const char *name)
{
	struct regdev *d = kzalloc(sizeof(*d), GFP_KERNEL);
	int ret;

	if (!d)
		return ERR_PTR(-ENOMEM);
	snprintf(d->name, sizeof(d->name), "%s", name);
	kref_init(&d->ref);
	d->instance = ida_simple_get(&instance_ida, 0, 0, GFP_KERNEL);
	mutex_lock(&reg_lock);
	d->id = idr_alloc(&dev_idr, d, 1, 0, GFP_KERNEL);
	ret = d->id < 0 ? d->id : regdev_insert(d);
	if (!ret) {
		list_add_tail(&d->link, &devices);
		hash_add(by_id, &d->hnode, d->id);
	}
	else if (d->id > 0)
		idr_remove(&dev_idr, d->id);
	mutex_unlock(&reg_lock);
	if (ret) {
		kref_put(&d->ref, regdev_release);
		return ERR_PTR(ret);
	}
	return d;
}

static void use_channel(struct regdev *d)
{
	unsigned long ch;
	int now;

	down(&channels);
	now = atomic_inc_return(&in_channel);
	if (now > atomic_read(&most_in_channel))
		atomic_set(&most_in_channel, now);
	ch = find_first_zero_bit(busy, NR_CHANNELS);
	set_bit(ch, busy);
	msleep(20);
	clear_bit(ch, busy);
	atomic_dec(&in_channel);
	up(&channels);
}

static int worker(void *data)
{
	int n = (int)(long)data;
	struct regdev *d;

	mutex_lock(&reg_lock);
	most_mutex_holders = max(most_mutex_holders, ++mutex_holders);
	d = idr_find(&dev_idr, n + 1);
	if (d)
		kref_get(&d->ref);
	msleep(5); /* the others queue on the mutex */
	mutex_holders--;
	mutex_unlock(&reg_lock);

	if (d) {
		use_channel(d);
		down_read(&cfg_sem);
		uses += cfg_version;
		up_read(&cfg_sem);
		kref_put(&d->ref, regdev_release);
	}
	if (atomic_dec_and_test(&workers_left))
		complete(&workers_done);
	return 0;
}

static struct regdev *regdev_by_id(int id)
{
	struct regdev *d;

	hash_for_each_possible(by_id, d, hnode, id)
		if (d->id == id)
			return d;
	return NULL;
}

static int check(bool ok, const char *what)
{
	if (!ok)
		pr_err("kapi_registry: check failed: %s\n", what);
	return ok ? 0 : -EINVAL;
}

static int __init kapi_registry_init(void)
{
	static const char *const names[NR_DEVICES] = { "tty", "null", "zero", "random", "kmsg" };
	struct regdev *d;
	struct rb_node *n;
	char order[64] = "";
	int i, id, err = 0;

	sema_init(&channels, NR_CHANNELS);
	for (i = 0; i < NR_DEVICES; i++) {
		d = regdev_create(names[i]);
		if (IS_ERR(d))
			return PTR_ERR(d);
	}
	err |= check(IS_ERR(regdev_create("zero")), "a duplicate name is refused");

	for (i = 0; i < NR_WORKERS; i++)
		kthread_run(worker, (void *)(long)i, "kapi_worker/%d", i);
	down_write(&cfg_sem);
	cfg_version = 2;
	downgrade_write(&cfg_sem);
	up_read(&cfg_sem);
	wait_for_completion(&workers_done);

	for (n = rb_first(&by_name); n; n = rb_next(n)) {
		strcat(order, rb_entry(n, struct regdev, node)->name);
		strcat(order, rb_next(n) ? " " : "");
	}
	pr_info("kapi_registry: devices by name: %s\n", order);
	idr_for_each_entry(&dev_idr, d, id) {
		err |= check(regdev_by_id(id) == d, "the hashtable finds each id");
		pr_info("kapi_registry: id %d: %s (instance %d, refs %u)\n", id, d->name, d->instance,
			kref_read(&d->ref));
	}
	pr_info("kapi_registry: %d workers, at most %d in the mutex, %d in a channel\n", NR_WORKERS,
		most_mutex_holders, atomic_read(&most_in_channel));

	err |= check(!strcmp(order, "kmsg null random tty zero"), "rbtree order");
	err |= check(most_mutex_holders == 1, "the mutex excludes");
	err |= check(atomic_read(&most_in_channel) == NR_CHANNELS, "the semaphore admits NR_CHANNELS");
	err |= check(bitmap_empty(busy, NR_CHANNELS), "every channel released");
	err |= check(!mutex_is_locked(&reg_lock), "the mutex is free");
	err |= check(atomic_read(&released) == 1, "only the duplicate was released");
	return err;
}

static void __exit kapi_registry_exit(void)
{
	struct regdev *d, *tmp;

	mutex_lock(&reg_lock);
	list_for_each_entry_safe(d, tmp, &devices, link) {
		idr_remove(&dev_idr, d->id);
		rb_erase(&d->node, &by_name);
		list_del(&d->link);
		hash_del(&d->hnode);
		kref_put(&d->ref, regdev_release);
	}
	mutex_unlock(&reg_lock);
	WARN_ON(!hash_empty(by_id));
	idr_destroy(&dev_idr);
	ida_destroy(&instance_ida);
	pr_info("kapi_registry: released %d devices, uses %d\n", atomic_read(&released) - 1, uses);
}

module_init(kapi_registry_init);
module_exit(kapi_registry_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("idr, ida, rbtree, kref, mutex, semaphore, rwsem and bitmap in a device registry");
