#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Medians from Google Benchmark JSON files, and each simulator benchmark's ratio to its peer.

A benchmark names its peer in PEERS; the ratio is median(simulator) / median(peer) from
the same process run, so that machine speed and noise cancel out.
"""
import json
import sys

# simulator benchmark -> the peer measured beside it
PEERS = {
    "BM_alloc_pages_order0": "BM_glibc_malloc_4096",
    "BM_G1_kmem_cache_alloc_free": "BM_G1_glibc_malloc_free",   # slab G1, goal <= 0.5
    "BM_G2_kmalloc_kfree": "BM_G1_kmem_cache_alloc_free",       # slab G2, goal <= 1.25
    "BM_G3_kmem_cache_N_then_N": "BM_G3_glibc_N_then_N",        # slab G3, goal <= 1.0
    "BM_G4_bulk16": "BM_G4_single16",                           # slab G4, goal <= 0.6
}


def medians(paths):
    result = {}
    for path in paths:
        with open(path) as f:
            for b in json.load(f)["benchmarks"]:
                if b.get("aggregate_name") == "median":
                    result[b["run_name"]] = b["real_time"]
    return result


def main(paths):
    med = medians(paths)
    for name, ns in sorted(med.items()):
        line = f"{name:40} {ns:10.2f} ns"
        peer = PEERS.get(name)
        if peer in med:
            line += f"   ratio to {peer}: {ns / med[peer]:.2f}"
        print(line)


if __name__ == "__main__":
    main(sys.argv[1:])
