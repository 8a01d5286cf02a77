"""scripts/tally.py, the last line of scripts/test: known bugs recorded as
TAP TODO count as todo, not failed; a TODO that passes, a plain failure and
a crash without a 'not ok' line each count as failed."""
import json
import os
import subprocess
import tempfile

from pmtest import SRC, check, done

TALLY = os.path.join(SRC, "scripts", "tally.py")


def tally(*tests):
    """Runs tally.py on a meson log of (name, result, stdout) rows."""
    fd, path = tempfile.mkstemp(prefix="pm-tally-", suffix=".json")
    with os.fdopen(fd, "w") as f:
        for name, result, out in tests:
            f.write(json.dumps({"name": name, "result": result, "stdout": out}) + "\n")
    cp = subprocess.run(["/usr/bin/python3", TALLY, path], capture_output=True, text=True)
    os.unlink(path)
    return cp.returncode, cp.stdout.strip().splitlines()[-1]


code, last = tally(("a", "OK", "ok 1 - x\nok 2 - y\n1..2\n"))
check(code == 0 and last == "2 passed, 0 failed", "plain_passes_are_counted", last)

code, last = tally(("a", "OK", "ok 1 - x\nnot ok 2 - y # TODO known bug\n1..2\n"))
check(code == 0 and last == "1 passed, 0 failed, 1 todo",
      "a_failing_todo_is_counted_apart_and_does_not_fail", last)

code, last = tally(("a", "UNEXPECTEDPASS", "ok 1 - x\nok 2 - y # TODO fixed now\n1..2\n"))
check(code == 1 and last == "1 passed, 1 failed",
      "a_passing_todo_fails_so_its_test_becomes_a_check", last)

code, last = tally(("a", "FAIL", "ok 1 - x\nnot ok 2 - y\n1..2\n"))
check(code == 1 and last == "1 passed, 1 failed", "a_plain_not_ok_fails", last)

code, last = tally(("a", "ERROR", "ok 1 - x\n"))
check(code == 1 and last == "1 passed, 1 failed",
      "a_crash_without_not_ok_counts_as_one_failure", last)

code, last = tally(("a", "OK", "ok 1 - x # SKIP no font\n1..1\n"),
                   ("b", "OK", "ok 1 - y\n1..1\n"))
check(code == 0 and last == "1 passed, 0 failed, 1 skipped", "skips_are_counted_apart",
      last)

done()
