"""pdfstruct — reading a tagged PDF's structure tree in the end-to-end tests
(SPEC §11): the same walk for every test that checks tags, alt texts or the
appendix's tables, so they agree on what "the tree" is.

Two views: qpdf's objects (every element's dictionary: /S, /Alt, /A /Scope,
/Pg) and pdfinfo -struct-text (the tree as poppler reads it, with its text)."""
import json
import subprocess


def pdfstr(v):
    """A string as qpdf --json writes it ("u:..." for unicode)."""
    return v[2:] if isinstance(v, str) and v[:2] in ("u:", "b:") else v


def qpdf_json(path):
    """qpdf --json of path, parsed."""
    cp = subprocess.run(["qpdf", "--json", path], capture_output=True, text=True)
    assert cp.returncode == 0, cp.stderr
    return json.loads(cp.stdout)


def qpdf_objects(path):
    """{"obj:N 0 R": {"value": ...}} of path."""
    return qpdf_json(path)["qpdf"][1]


def struct_walk(objs):
    """The catalog, and the structure elements in document order: (type,
    dict), type as "/H1". Depth is bounded, so a loop in a broken tree ends."""
    cat = next(v["value"] for v in objs.values()
               if isinstance(v.get("value"), dict) and v["value"].get("/Type") == "/Catalog")
    out = []

    def deref(x):
        if isinstance(x, str) and x.endswith(" R"):
            return objs.get("obj:" + x, {}).get("value")
        return x

    def visit(k, depth=0):
        k = deref(k)
        if depth > 64:
            return
        if isinstance(k, list):
            for e in k:
                visit(e, depth + 1)
        elif isinstance(k, dict) and "/S" in k:
            out.append((k["/S"], k))
            if "/K" in k:
                visit(k["/K"], depth + 1)

    root = deref(cat.get("/StructTreeRoot"))
    if root:
        visit(root.get("/K"))
    return cat, out


def figure_alts(path):
    """Every Figure's /Alt in document order, and the page number it is on."""
    js = qpdf_json(path)
    page_no = {p["object"]: i + 1 for i, p in enumerate(js["pages"])}
    _, elems = struct_walk(js["qpdf"][1])
    return [(pdfstr(e.get("/Alt", "")), page_no.get(e.get("/Pg")))
            for s, e in elems if s == "/Figure"]


def struct_tree(path):
    """pdfinfo -struct-text as a tree of {"type", "attrs", "text", "kids"}."""
    cp = subprocess.run(["pdfinfo", "-struct-text", path], capture_output=True, text=True)
    assert cp.returncode == 0, cp.stderr
    root = {"type": "root", "attrs": [], "text": "", "kids": []}
    stack = [(-1, root)]
    for line in cp.stdout.splitlines():
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip(" "))
        body = line.strip()
        while stack and stack[-1][0] >= indent:
            stack.pop()
        parent = stack[-1][1]
        if body.startswith('"'):
            parent["text"] += body.strip('"')
        elif body.startswith("/"):
            parent["attrs"].append(body)
        else:
            node = {"type": body.split()[0].rstrip(":"), "attrs": [], "text": "", "kids": []}
            parent["kids"].append(node)
            stack.append((indent, node))
    return root


def text_of(n):
    """The text of a struct_tree node and all below it."""
    return n["text"] + "".join(text_of(k) for k in n["kids"])
