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
    "BM_mempool_alloc_free_slab": "BM_mempool_peer_cache_pair", # mempool hot path, goal < 1.5
    # G7, goal <= 1: the budget is two task switches (one switch pair) and four cache pairs
    "BM_default_scenario_check": "BM_default_scenario_plain",   # run --check, goal <= 10
    "BM_mempool_blocking_round_trip": {"BM_mempool_peer_switch_pair": 1, "BM_mempool_peer_cache_pair": 4},
}


def budget(peer, med):
    """The peer's median, or a weighted sum of medians; None when one is missing."""
    parts = peer if isinstance(peer, dict) else {peer: 1}
    if not all(name in med for name in parts):
        return None
    return sum(weight * med[name] for name, weight in parts.items())


def describe(peer):
    if not isinstance(peer, dict):
        return peer
    return " + ".join(f"{w} x {name}" if w != 1 else name for name, w in peer.items())


NS_PER = {"ns": 1, "us": 1e3, "ms": 1e6, "s": 1e9}


def medians(paths):
    """Median real time of each benchmark, in ns whatever unit it reported in."""
    result = {}
    for path in paths:
        with open(path) as f:
            for b in json.load(f)["benchmarks"]:
                if b.get("aggregate_name") == "median":
                    result[b["run_name"]] = b["real_time"] * NS_PER[b.get("time_unit", "ns")]
    return result


def main(paths):
    med = medians(paths)
    for name, ns in sorted(med.items()):
        line = f"{name:40} {ns:10.2f} ns"
        peer = PEERS.get(name)
        base = budget(peer, med) if peer else None
        if base:
            line += f"   ratio to {describe(peer)}: {ns / base:.2f}"
        print(line)


if __name__ == "__main__":
    main(sys.argv[1:])
