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


# The data fingerprint (engine/store.c), recomputed here from the rows as an
# independent oracle: per dataset the wrapping sum of mix(fnv1a(row)) and the
# row count, folded in this order.
DATASETS = ["organisaties", "specialisten", "hulpvragen", "inzet", "evaluaties",
            "kennisproducten", "mijlpalen", "begroting", "uitgaven"]
_M64 = (1 << 64) - 1
_FNV_OFFSET = 0xcbf29ce484222325


def _fnv1a(h, data):
    for b in data:
        h = ((h ^ b) * 0x100000001b3) & _M64
    return h


def _mix(x):
    x ^= x >> 30
    x = (x * 0xbf58476d1ce4e5b9) & _M64
    x ^= x >> 27
    x = (x * 0x94d049bb133111eb) & _M64
    return x ^ (x >> 31)


def _row_hash(row):
    h = _FNV_OFFSET
    for v in row:
        if v is None:
            h = _fnv1a(h, b"\x05")
        elif isinstance(v, int):
            h = _fnv1a(h, b"\x01" + v.to_bytes(8, sys.byteorder, signed=True))
        else:
            h = _fnv1a(h, b"\x03" + str(v).encode("utf-8"))
    return _mix(h)


def computed_sums(w):
    """{dataset: (sum, count)} from every row; the data columns are all
    columns but the last two (bestand, regel)."""
    out = {}
    for t in DATASETS:
        rows = w.query(f"SELECT * FROM {t}")
        out[t] = (sum(_row_hash(r[:-2]) for r in rows) & _M64, len(rows))
    return out


def stored_sums(w):
    """{dataset: (sum, count)} as the import keeps them in `vingerafdruk`."""
    return {t: (s & _M64, n) for t, s, n in
            w.query("SELECT dataset, som, rijen FROM vingerafdruk")}


def fingerprint(sums):
    """The printed fingerprint ("3f2a-91c0-7b1e-44d2") of sums."""
    total = _FNV_OFFSET
    for t in DATASETS:
        s, n = sums[t]
        total = _fnv1a(total, s.to_bytes(8, sys.byteorder) + n.to_bytes(8, sys.byteorder))
    total = _mix(total)
    return "-".join(f"{(total >> sh) & 0xffff:04x}" for sh in (48, 32, 16, 0))
