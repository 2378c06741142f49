// SPDX-License-Identifier: GPL-2.0-only
/*
 * hello-params.c - command line arguments for a module: one of each common type, an array
 * with its count, and a boolean that may be given without a value.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/stat.h>

MODULE_LICENSE("GPL");

static short int count = 1;
static int level = 420;
static long int budget = 9999;
static char *greeting = "hello";
static int weights[3] = { 7, 7, 7 };
static int nr_weights = 0;
static bool verbose;

module_param(count, short, S_IRUSR | S_IWUSR | S_IRGRP | S_IWGRP);
MODULE_PARM_DESC(count, "A short integer");
module_param(level, int, S_IRUSR | S_IWUSR | S_IRGRP | S_IROTH);
MODULE_PARM_DESC(level, "An integer");
module_param(budget, long, S_IRUSR);
MODULE_PARM_DESC(budget, "A long integer");
module_param(greeting, charp, 0000);
MODULE_PARM_DESC(greeting, "A character string");
module_param_array(weights, int, &nr_weights, 0444);
MODULE_PARM_DESC(weights, "Up to three integers");
module_param(verbose, bool, 0644);
MODULE_PARM_DESC(verbose, "Say more");

static int __init hello_params_init(void)
{
	int i;

	pr_info("%s, world: count %hd, level %d, budget %ld\n", greeting, count, level, budget);
	for (i = 0; i < ARRAY_SIZE(weights); i++)
		pr_info("weights[%d] = %d\n", i, weights[i]);
	pr_info("%d of them given, verbose %s\n", nr_weights, verbose ? "on" : "off");
	return 0;
}

static void __exit hello_params_exit(void)
{
	pr_info("%s, goodbye\n", greeting);
}

module_init(hello_params_init);
module_exit(hello_params_exit);
