#!/usr/bin/python3
"""Counts the TAP results of meson test logs and prints 'N passed, N failed'.

Each TAP line "ok" or "not ok" is one case. A test program that failed
without a "not ok" line (a crash, a sanitizer abort, a timeout) counts as one
failed case, so nothing that broke can hide behind its passing lines.

A known bug is a TAP TODO ("not ok N - name # TODO reason"): counted apart
as todo, not as failed, as meson does. A TODO that passes ("ok ... # TODO")
is a bug fixed without its test being turned into a plain check: failed,
as meson's "unexpected pass"."""
import json
import sys

passed = failed = skipped = todo = 0
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            test = json.loads(line)
            out = test.get("stdout") or ""
            ok = bad = 0
            for row in out.splitlines():
                directive = row.upper()
                if row.startswith("not ok"):
                    if "# TODO" in directive:
                        todo += 1
                    else:
                        bad += 1
                elif row.startswith("ok"):
                    if "# SKIP" in directive:
                        skipped += 1
                    elif "# TODO" in directive:
                        bad += 1
                        print(f"FOUT: {test.get('name')}: TODO slaagt: {row}")
                    else:
                        ok += 1
            if test.get("result") not in ("OK", "EXPECTEDFAIL", "SKIP") and bad == 0:
                bad = 1
                print(f"FOUT: {test.get('name')} ({path}): {test.get('result')}")
            passed += ok
            failed += bad
line = f"{passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
if todo:
    line += f", {todo} todo"
print(line)
sys.exit(1 if failed or passed == 0 else 0)
