// SPDX-License-Identifier: GPL-2.0-only
/*
 * Seed 001 (../shared/seeds/001_*.txt, "Linux内核API mempool_kmalloc"), as the article prints
 * it, with its one transcription slip mended ("! =" -> "!="). mempool_kmalloc() is the
 * kmalloc-backed element allocator of a mempool; pool_data carries the element size, here
 * 8192 bytes, so the element comes from kmalloc-8k.
 *
 *   slabsim insmod scenarios/modules/mempool_kmalloc.c
 */
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/module.h>
#include <linux/mempool.h>
#include <linux/blkdev.h>
#include <linux/writeback.h>
MODULE_LICENSE("GPL");
static int __init mempool_kmalloc_init(void);
static void __exit mempool_kmalloc_exit(void);

int * pool_data;
void * element = NULL;

int __init mempool_kmalloc_init(void)
{
    pool_data = (int *)8192;  //设置分配的内存空间大小
    element = mempool_kmalloc( GFP_KERNEL , pool_data );       //分配一个内存元素
    if( element != NULL )
          printk("element = 0x%lx\n", (unsigned long)element); //输出起始地址
    else
          printk("mempool_kmalloc failed! \n");
    return 0;
}

void __exit mempool_kmalloc_exit(void)
{
    if(element)
    {
        mempool_kfree(element, pool_data);                      //释放内存元素空间
        printk("mempool_kfree successfully! \n");
    }
    printk("exit! \n");
}

module_init(mempool_kmalloc_init);
module_exit(mempool_kmalloc_exit);
