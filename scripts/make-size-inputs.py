#!/usr/bin/env python3
"""Writes the large inputs for the import size benchmarks (docs/BENCHMARKS.md) into a folder:

    python3 scripts/make-size-inputs.py /tmp/sizes

Not committed (they are large); each is built the way a council's file would be:
- rows-100k.csv / rows-100k.xlsx: a tracker for area 3 with 100,000 new actions (the .xlsx's
  sheet written on one line, as Excel writes it).
- xfd-20k.xlsx: 20,000 rows, each with one cell in column XFD (Excel's last), and a header.
- field-50mb.csv / .xlsx / .json / .docx / .batch: a 50 MB text field in a tracker cell, a
  plan's action text (JSON and Word) and a `batch` line.
"""
import csv
import io
import json
import pathlib
import sys
import zipfile
from xml.sax.saxutils import escape

DATE = (2024, 1, 1, 0, 0, 0)
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
REL = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def zip_write(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)


def xlsx(path, sheet_rows):
    """`sheet_rows`: an iterable of XML strings, one per <row>; inline strings, no shared strings."""
    sheet = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet {NS}><sheetData>'
             + "".join(sheet_rows) + "</sheetData></worksheet>")
    zip_write(path, [
        ("[Content_Types].xml",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
         '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
         '</Types>'),
        ("_rels/.rels",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
         '</Relationships>'),
        ("xl/workbook.xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook {NS} {REL}><sheets>'
                            '<sheet name="Tracker" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        ("xl/_rels/workbook.xml.rels",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
         '</Relationships>'),
        ("xl/worksheets/sheet1.xml", sheet),
    ])


def cell(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(text)}</t></is></c>'


HEADER = ["Ref", "Action", "Lead", "By when", "RAG", "Progress update"]


def tracker_row(i):
    return [f"3t{i}", f"Action {i} of the tracker, written out at the length councils write them.", "Jackie Ross",
            "31/03/2025", "Green", ""]


def main():
    out = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/sizes")
    out.mkdir(parents=True, exist_ok=True)
    n = 100_000
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(HEADER)
    for i in range(n):
        w.writerow(tracker_row(i))
    (out / "rows-100k.csv").write_text(buf.getvalue(), encoding="utf-8")

    def rows():
        yield '<row r="1">' + "".join(cell(f"{'ABCDEF'[c]}1", h) for c, h in enumerate(HEADER)) + "</row>"
        for i in range(n):
            yield f'<row r="{i + 2}">' + "".join(cell(f"{'ABCDEF'[c]}{i + 2}", v) for c, v in enumerate(tracker_row(i)) if v) + "</row>"
    xlsx(out / "rows-100k.xlsx", rows())

    def xfd():
        yield '<row r="1">' + "".join(cell(f"{'ABCDEF'[c]}1", h) for c, h in enumerate(HEADER)) + "</row>"
        for i in range(20_000):
            yield f'<row r="{i + 2}">{cell(f"XFD{i + 2}", "x")}</row>'
    xlsx(out / "xfd-20k.xlsx", xfd())

    big = "word " * (10 * 1024 * 1024)  # 50 MB
    (out / "field-50mb.csv").write_text("Ref,Action\r\n3t1," + big + "\r\n", encoding="utf-8")
    xlsx(out / "field-50mb.xlsx", ['<row r="1">' + cell("A1", "Ref") + cell("B1", "Action") + "</row>",
                                   '<row r="2">' + cell("A2", "3t1") + cell("B2", big) + "</row>"])
    plan = json.loads((pathlib.Path(__file__).resolve().parent.parent / "sample-data" / "devon-app.json").read_text(encoding="utf-8"))
    plan["areas"][0]["actions"][0]["text"] = big
    (out / "field-50mb.json").write_text(json.dumps(plan), encoding="utf-8")
    (out / "field-50mb.batch").write_text("note 3b " + big + "\n", encoding="utf-8")
    # A Word plan with a 50 MB action cell, written as scripts/make-import-fixtures.py writes plans.
    import importlib.util
    spec = importlib.util.spec_from_file_location("fx", pathlib.Path(__file__).resolve().parent / "make-import-fixtures.py")
    fx = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fx)
    fx.docx(out / "field-50mb.docx", [
        fx.para("Area of weakness identified in the original inspection"), fx.para("1. A weakness."),
        fx.table([fx.row([fx.cell(x) for x in ["Action", "By when", "Lead", "RAG"]]),
                  fx.row([fx.cell(big), fx.cell("31/03/2024"), fx.cell("Sam Patel"), fx.cell("Green")])], 4)])
    print(f"make-size-inputs: wrote {len(list(out.iterdir()))} files to {out}")


if __name__ == "__main__":
    main()
