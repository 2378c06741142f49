/* SPDX-License-Identifier: GPL-2.0-only */
/* Fixed-size integers (include/uapi/asm-generic/int-ll64.h): 64-bit is long long, as the
 * kernel has it on every architecture, so u64 prints with %llu. */
#ifndef _UAPI_ASM_GENERIC_INT_LL64_H
#define _UAPI_ASM_GENERIC_INT_LL64_H

#ifndef __ASSEMBLY__
typedef __signed__ char __s8;
typedef unsigned char __u8;
typedef __signed__ short __s16;
typedef unsigned short __u16;
typedef __signed__ int __s32;
typedef unsigned int __u32;
__extension__ typedef __signed__ long long __s64;
__extension__ typedef unsigned long long __u64;
#endif

#endif /* _UAPI_ASM_GENERIC_INT_LL64_H */
