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
