"""pmtest — helpers for the end-to-end tests: run the real binary in a
temporary folder, write input files in either CSV dialect, read the store
back with Python's sqlite3, and report each check as a TAP line.

Environment (set by meson): PM_BIN, the pijlermonitor binary; PM_SRC, the
source tree (for fixtures)."""
import atexit
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

BIN = os.path.abspath(os.environ.get("PM_BIN", "build/pijlermonitor"))
SRC = os.path.abspath(os.environ.get("PM_SRC", os.getcwd()))

_n = 0
_failed = 0


def check(cond, name, detail=""):
    """One TAP case: `name` says the behaviour as a sentence."""
    global _n, _failed
    _n += 1
    if cond:
        print(f"ok {_n} - {name}")
    else:
        _failed += 1
        print(f"not ok {_n} - {name}")
        for line in str(detail).splitlines()[:30]:
            print(f"#   {line}")
    sys.stdout.flush()
    return cond


def done():
    print(f"1..{_n}")
    sys.exit(1 if _failed else 0)


class Result:
    def __init__(self, cp):
        self.code = cp.returncode
        self.out = cp.stdout
        self.err = cp.stderr

    def __repr__(self):
        return f"exit {self.code}\n--- stdout\n{self.out}\n--- stderr\n{self.err}"


class Workdir:
    """A temporary folder with its own database; removed at exit."""

    def __init__(self):
        self.path = tempfile.mkdtemp(prefix="pm-e2e-")
        atexit.register(shutil.rmtree, self.path, True)
        self.db = os.path.join(self.path, "pm.db")

    def file(self, name, data):
        """Writes data (str as UTF-8, or bytes) to name in the folder."""
        p = os.path.join(self.path, name)
        with open(p, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
        return p

    def run(self, *args, env=None, db=True, stdin=None):
        full = [BIN] + (["--db", self.db] if db else []) + [str(a) for a in args]
        e = dict(os.environ)
        if env:
            e.update(env)
        cp = subprocess.run(full, cwd=self.path, capture_output=True, text=True,
                            env=e, timeout=600, stdin=stdin)
        return Result(cp)

    def init(self):
        r = self.run("init")
        assert r.code == 0, r
        return r

    def query(self, sql, *params):
        con = sqlite3.connect(self.db)
        try:
            return con.execute(sql, params).fetchall()
        finally:
            con.close()

    def count(self, table):
        return self.query(f"SELECT count(*) FROM {table}")[0][0]

    def counts(self):
        tables = ["organisaties", "specialisten", "hulpvragen", "inzet", "evaluaties",
                  "kennisproducten", "mijlpalen", "begroting", "uitgaven", "imports"]
        return {t: self.count(t) for t in tables}


def csv_text(rows, sep=";", crlf=True, bom=True):
    """Rows (lists of str) as CSV text with minimal RFC 4180 quoting."""
    def q(v):
        v = str(v)
        if any(c in v for c in (sep, '"', "\n", "\r")):
            return '"' + v.replace('"', '""') + '"'
        return v
    nl = "\r\n" if crlf else "\n"
    body = nl.join(sep.join(q(v) for v in row) for row in rows) + nl
    return ("\ufeff" if bom else "") + body


# A small valid base: two gemeenten, a SOB, an opdrachtgever, two specialists.
BASE_ORGANISATIES = [
    ["id", "naam", "type", "regio"],
    ["GM0363", "Amsterdam", "gemeente", "Noord-West"],
    ["GM0344", "Utrecht", "gemeente", "Midden"],
    ["SOB001", "Werkbedrijf Rivierenland", "sob", "Oost"],
    ["VNG", "Vereniging van Nederlandse Gemeenten", "opdrachtgever", ""],
]
BASE_SPECIALISTEN = [
    ["id", "naam", "rol", "expertise", "uurtarief", "start", "einde"],
    ["SP01", "Anna de Vries", "specialist", "juridisch", "112,50", "01-07-2024", ""],
    ["SP02", "Bram Jansen", "expert", "participatieketen", "120", "01-07-2024", ""],
]


def base(w):
    """Initialises w and imports the base organisations and specialists."""
    w.init()
    o = w.file("organisaties.csv", csv_text(BASE_ORGANISATIES))
    s = w.file("specialisten.csv", csv_text(BASE_SPECIALISTEN))
    r = w.run("import", o, s)
    assert r.code == 0, r
    return r
