"""Builds .xlsx workbooks part by part with zipfile, for the import tests: the
cells are written exactly as given (cached formula values, error cells, rich
text, a 1904 workbook), and hostile files are one argument away. openpyxl
cannot write most of these."""
import io
import zipfile
from xml.sax.saxutils import escape

CT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
</Types>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

# Cell styles: 0 general, 1 built-in date (14), 2 custom dd/mm/yyyy, 3 custom
# 0.00 (no date), 4 a quoted "d" (no date), 5 [Red]0 (no date), 6 d-mmm-yy (15).
STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet {NS}><numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>
<numFmt numFmtId="165" formatCode="0.00"/><numFmt numFmtId="166" formatCode="&quot;d&quot;0"/>
<numFmt numFmtId="167" formatCode="[Red]0"/></numFmts>
<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
<cellXfs count="7"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/>
<xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="167"/><xf numFmtId="15"/></cellXfs>
</styleSheet>"""


def col_name(c):
    s = ""
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


class Raw:
    """A cell's XML as written; {r} becomes its reference."""

    def __init__(self, xml):
        self.xml = xml


def date(serial, style=1):
    return Raw(f'<c r="{{r}}" s="{style}"><v>{serial}</v></c>')


def formula(f, cached=None, t=None):
    ta = f' t="{t}"' if t else ""
    v = f"<v>{cached}</v>" if cached is not None else ""
    return Raw(f'<c r="{{r}}"{ta}><f>{escape(f)}</f>{v}</c>')


def cell_xml(col, row, v):
    ref = f"{col_name(col)}{row}"
    if v is None:
        return ""
    if isinstance(v, Raw):
        return v.xml.replace("{r}", ref)
    if isinstance(v, bool):
        return f'<c r="{ref}" t="b"><v>{int(v)}</v></c>'
    if isinstance(v, (int, float)):
        return f'<c r="{ref}"><v>{v!r}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(v))}</t></is></c>'


def sheet_xml(rows, doctype=""):
    """rows: a list of lists of cells, or of (row number, cells)."""
    out = [f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<worksheet {NS}><sheetData>']
    for i, row in enumerate(rows):
        num, cells = row if isinstance(row, tuple) else (i + 1, row)
        out.append(f'<row r="{num}">')
        out.extend(cell_xml(c, num, v) for c, v in enumerate(cells))
        out.append("</row>")
    out.append("</sheetData></worksheet>")
    return "".join(out)


def workbook(sheets, sst=None, date1904=False, styles=STYLES, extra=None, drop=(),
             hidden=(), stored=False):
    """sheets: [(name, rows or sheet XML text)]; sst: a list of <si> inner XML
    texts (or plain strings); extra: {part: bytes} added or replacing;
    drop: parts left out; stored: no compression (fuzz seeds whose XML a
    fuzzer can change). Returns the .xlsx bytes."""
    parts = {"[Content_Types].xml": CT, "_rels/.rels": ROOT_RELS}
    wb = [f'<?xml version="1.0" encoding="UTF-8"?><workbook {NS} {RNS}>']
    if date1904:
        wb.append('<workbookPr date1904="1"/>')
    wb.append("<sheets>")
    rels = [f'<?xml version="1.0" encoding="UTF-8"?><Relationships '
            f'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">']
    for i, (name, rows) in enumerate(sheets, 1):
        state = ' state="hidden"' if name in hidden else ""
        wb.append(f'<sheet name="{escape(name)}" sheetId="{i}"{state} r:id="rId{i}"/>')
        rels.append(f'<Relationship Id="rId{i}" Type="{REL}worksheet" '
                    f'Target="worksheets/sheet{i}.xml"/>')
        parts[f"xl/worksheets/sheet{i}.xml"] = rows if isinstance(rows, str) else sheet_xml(rows)
    wb.append("</sheets></workbook>")
    n = len(sheets)
    rels.append(f'<Relationship Id="rId{n + 1}" Type="{REL}styles" Target="styles.xml"/>')
    if sst is not None:
        rels.append(f'<Relationship Id="rId{n + 2}" Type="{REL}sharedStrings" '
                    f'Target="sharedStrings.xml"/>')
        sis = "".join(f"<si>{s if s.startswith('<') else '<t>' + escape(s) + '</t>'}</si>"
                      for s in sst)
        parts["xl/sharedStrings.xml"] = (f'<?xml version="1.0" encoding="UTF-8"?>'
                                         f'<sst {NS} count="{len(sst)}">{sis}</sst>')
    rels.append("</Relationships>")
    parts["xl/workbook.xml"] = "".join(wb)
    parts["xl/_rels/workbook.xml.rels"] = "".join(rels)
    parts["xl/styles.xml"] = styles
    parts.update(extra or {})
    buf = io.BytesIO()
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(buf, "w", method) as z:
        for name, data in parts.items():
            if name in drop:
                continue
            z.writestr(name, data.encode("utf-8") if isinstance(data, str) else data)
    return buf.getvalue()


def set_declared_size(data, part, size):
    """Rewrites the uncompressed size of part in its local header and in the
    central directory: a zip whose headers lie."""
    b = bytearray(data)
    name = part.encode()
    # local header: sig, ver, flag, method, time, date, crc, csize, usize, nlen, xlen
    i = 0
    while True:
        i = b.find(b"PK\x03\x04", i)
        if i < 0:
            break
        nlen = int.from_bytes(b[i + 26:i + 28], "little")
        if b[i + 30:i + 30 + nlen] == name:
            b[i + 22:i + 26] = size.to_bytes(4, "little")
        i += 4
    i = 0
    while True:
        i = b.find(b"PK\x01\x02", i)
        if i < 0:
            break
        nlen = int.from_bytes(b[i + 28:i + 30], "little")
        if b[i + 46:i + 46 + nlen] == name:
            b[i + 24:i + 28] = size.to_bytes(4, "little")
        i += 4
    return bytes(b)
