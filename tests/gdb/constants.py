# SPDX-License-Identifier: GPL-2.0-only
"""ctest: tests/gdb/constants.py HELPERS_DIR GENERATED_CONSTANTS_PY

The gdb helpers copy no constant from the C++ headers and name no symbol in an anonymous
namespace (docs/gdb.md, "What the helpers read"): every hex literal of more than two digits
and every mention of an anonymous namespace in their code fails, and every
`constants.NAME` they use must be one the build generated."""
import pathlib
import re
import runpy
import sys

helpers, generated = pathlib.Path(sys.argv[1]), sys.argv[2]
defined = runpy.run_path(generated)
problems = []
for path in sorted(helpers.glob("*.py")):
    for n, line in enumerate(path.read_text().splitlines(), 1):
        code = re.sub(r'"[^"]*"|#.*', "", line)
        where = "%s:%d: %s" % (path.name, n, line.strip())
        if "anonymous" in line or re.search(r"\b0x[0-9a-fA-F]{3,}", code):
            problems.append(where + "  (a copied constant or an anonymous-namespace symbol)")
        for name in re.findall(r"\bconstants\.([A-Za-z_]\w*)", code):
            if name not in defined:
                problems.append(where + "  (%s is not generated)" % name)
print("\n".join(problems) or "ok: %d helpers, %d generated constants" % (
    len(list(helpers.glob("*.py"))), sum(1 for k in defined if not k.startswith("__"))))
sys.exit(1 if problems else 0)
