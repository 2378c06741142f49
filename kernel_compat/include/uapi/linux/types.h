/* SPDX-License-Identifier: GPL-2.0-only */
/* The types the kernel shares with user space (include/uapi/linux/types.h). */
#ifndef _UAPI_LINUX_TYPES_H
#define _UAPI_LINUX_TYPES_H

#include "uapi/asm-generic/int-ll64.h"
#include "uapi/asm-generic/posix_types.h"

#define __bitwise__
typedef __u16 __bitwise__ __le16;
typedef __u16 __bitwise__ __be16;
typedef __u32 __bitwise__ __le32;
typedef __u32 __bitwise__ __be32;
typedef __u64 __bitwise__ __le64;
typedef __u64 __bitwise__ __be64;
typedef __u16 __bitwise__ __sum16;
typedef __u32 __bitwise__ __wsum;

#define __aligned_u64 __u64 __attribute__((aligned(8)))
#define __aligned_be64 __be64 __attribute__((aligned(8)))
#define __aligned_le64 __le64 __attribute__((aligned(8)))

typedef unsigned __bitwise__ __poll_t;

#endif /* _UAPI_LINUX_TYPES_H */
