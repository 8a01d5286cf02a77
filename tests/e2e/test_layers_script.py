"""scripts/layers on small made-up trees: each wrong-way include fails the
run and is named as FILE:LINE: includes HEADER (LAYER -> LAYER); allowed
ones pass; a stale allowlist entry fails, so the list can only shrink."""
import os
import shutil
import subprocess
import tempfile

from pmtest import SRC, check, done

SCRIPT = os.path.join(SRC, "scripts", "layers")

# The headers of a minimal, correct tree.
BASE = {
    "engine/error.h": "",
    "engine/value.h": '#include "error.h"\n',
    "engine/csv.h": '#include "error.h"\n',
    "engine/store.h": "#include <sqlite3.h>\n#include \"error.h\"\n",
    "indicators/result.h": '#include "value.h"\n',
    "indicators/indicator.h": '#include <sqlite3.h>\n#include "result.h"\n',
    "exporters/format.h": '#include "value.h"\n',
    "exporters/json.c": '#include "format.h"\n#include "result.h"\n',
    "cli/cli.c": '#include "store.h"\n#include "format.h"\n#include "indicator.h"\n',
    "cli/main.c": '#include "store.h"\n#include "json.h"\n',
}


def run(extra=None, allow=None):
    """Writes BASE plus extra into a fresh tree and runs the script on it.
    Returns (exit code, stdout + stderr)."""
    root = tempfile.mkdtemp(prefix="pm-layers-")
    for rel, text in {**BASE, **(extra or {})}.items():
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)
    args = [SCRIPT, "--root", root]
    if allow is not None:
        with open(os.path.join(root, "allow"), "w") as f:
            f.write(allow)
        args += ["--allow", os.path.join(root, "allow")]
    try:
        cp = subprocess.run(args, capture_output=True, text=True)
    finally:
        shutil.rmtree(root)
    return cp.returncode, cp.stdout + cp.stderr


code, out = run()
check(code == 0 and out == "", "a_tree_without_wrong_includes_passes", out)

bad = {"engine/check.c": '#include "store.h"\n\n#include "format.h"\n'}
code, out = run(bad)
check(code == 1, "engine_including_an_exporter_header_fails", out)
check("engine/check.c:3: includes format.h (engine -> exporters)" in out,
      "the_violation_names_file_line_header_and_layers", out)

code, out = run(bad, allow="engine/check.c -> format.h  # point 4\n")
check(code == 0 and "(allowed)" in out, "an_allowlisted_violation_passes_but_is_listed",
      out)

code, out = run(allow="engine/check.c -> format.h  # fixed long ago\n")
check(code == 1 and "no longer needed" in out, "a_stale_allowlist_entry_fails", out)

code, out = run(bad, allow="engine/check.c -> format.h\n")
check(code == 2, "an_allowlist_entry_without_a_reason_is_refused", out)

code, out = run({"indicators/r1.c": '#include "result.h"\n#include "format.h"\n'})
check(code == 1 and "indicators/r1.c:2: includes format.h (indicators -> exporters)"
      in out, "indicators_including_an_exporter_header_fails", out)

code, out = run({"exporters/xlsx.c": '#include "format.h"\n#include "store.h"\n'})
check(code == 1 and "exporters/xlsx.c:2: includes store.h (exporters -> engine)" in out,
      "an_exporter_including_the_store_fails", out)

code, out = run({"exporters/pdf.c": "#include <sqlite3.h>\n"})
check(code == 1 and "exporters/pdf.c:1: includes sqlite3.h" in out,
      "an_exporter_including_sqlite3_h_fails", out)

code, out = run({"exporters/text.c": '#include "indicator.h"\n'})
check(code == 1 and "exporters/text.c:1: includes indicator.h (exporters -> indicators)"
      in out and "indicator.h -> sqlite3.h" in out,
      "an_exporter_reaching_sqlite_through_an_indicator_header_fails", out)

code, out = run({"exporters/text.c": '#include "csv.h"\n'})
check(code == 1 and "exporters/text.c:1: includes csv.h (exporters -> engine)" in out,
      "an_exporter_including_an_engine_header_that_is_no_basic_fails", out)

code, out = run({"engine/value.c": '#include "main.h"\n', "cli/main.h": ""})
check(code == 1 and "engine/value.c:1: includes main.h (engine -> cli)" in out,
      "engine_including_the_command_line_fails", out)

# The command line is cli/ alone: a file named cli.c in engine/ is engine.
code, out = run({"engine/cli.c": '#include "store.h"\n#include "json.h"\n',
                 "exporters/json.h": ""})
check(code == 1 and "engine/cli.c:2: includes json.h (engine -> exporters)" in out,
      "only_the_cli_folder_is_the_top_layer", out)

# A base/ folder (issue 12 allows one below engine) holds basics only.
code, out = run({"base/day.h": "", "exporters/text.c": '#include "day.h"\n'})
check(code == 0, "an_exporter_may_include_a_base_header", out)
code, out = run({"base/day.h": '#include "store.h"\n'})
check(code == 1 and "base/day.h:1: includes store.h (base -> engine)" in out,
      "base_including_engine_fails", out)

# The header in the including file's own folder wins, as with the compiler.
code, out = run({"exporters/csv.h": "", "exporters/text.c": '#include "csv.h"\n'})
check(code == 0, "a_header_in_the_own_folder_is_resolved_there_first", out)

code, out = run({"exporters/x.c": '#include "dup.h"\n', "engine/dup.h": "",
                 "indicators/dup.h": ""})
check(code == 1 and "ambiguous" in out, "a_header_in_two_layer_folders_is_ambiguous", out)

done()
