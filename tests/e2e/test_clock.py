"""The clock is read once, in the top layer (issue 12 point 7; STYLE
practice 4): SOURCE_DATE_EPOCH and the time of day are read in cli/ only,
by one call, and every layer below gets the moment passed in. A source scan,
because a second read deep inside would give the same bytes until the
second ticks over between the two reads."""
import os
import re

from pmtest import SRC, check, done

# Ways to read the wall clock or the reproducible-build time. Monotonic
# clocks (progress intervals, bench timings) are not "now" and may be read
# anywhere.
READS = re.compile(r'getenv\("SOURCE_DATE_EPOCH"\)|\btime\(\s*(NULL|0|&)|'
                   r'gettimeofday\(|CLOCK_REALTIME|\btimespec_get\(')


def sources(folder):
    for dirpath, _dirs, names in os.walk(os.path.join(SRC, folder)):
        for name in sorted(names):
            if name.endswith((".c", ".h")):
                path = os.path.join(dirpath, name)
                with open(path, encoding="utf-8") as f:
                    yield os.path.relpath(path, SRC), f.read()


def code_only(text):
    """The text without comments, so a comment may name the variable."""
    return re.sub(r"/\*.*?\*/|//[^\n]*", "", text, flags=re.S)


below = []
for folder in ("engine", "indicators", "exporters", "base"):
    for rel, text in sources(folder):
        for m in READS.finditer(code_only(text)):
            below.append(f"{rel}: {m.group(0)}")
check(below == [], "no_layer_below_cli_reads_the_clock", below)

top = [(rel, code_only(text)) for rel, text in sources("cli")]
reads = [f"{rel}: {m.group(0)}" for rel, text in top for m in READS.finditer(text)]
check(len(reads) == 2 and any("SOURCE_DATE_EPOCH" in r for r in reads),
      "cli_reads_source_date_epoch_and_the_clock_in_one_place", reads)
calls = [rel for rel, text in top for _ in re.finditer(r"\brun_time\(", text)]
# One definition and one call: pm_cli_main reads the moment once per run.
check(len(calls) == 2, "the_run_time_is_taken_once_per_run", calls)

done()
