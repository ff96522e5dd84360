#!/usr/bin/env python3
"""Writes plans and trackers laid out the ways other councils lay them out, into
Tests/PlanImportTests/Fixtures, for the import tests:

    python3 scripts/make-council-fixtures.py

Built with the same Word writer as scripts/make-import-fixtures.py (standard library only,
deterministic). Each file holds what a council's own layout does and the template does not:

- riverton-app.docx: a fictional plan whose header table has the title merged across its
  first row; a "Governance" section (the heading councils use) with its narrative and
  partners; an actions table whose group heading "Timescale and ownership" is merged over
  "Target date" and "Lead officer"; by-whens written as councils write them ("End of March
  2023", "Q2 2023/24", "Summer term 2023", "w/c 3 Oct 2022", "01.04.23", "Ongoing", "TBC" …);
  a leads cell naming a person and teams ("Jackie Ross 0-25, EPS, / Inclusion"); a second
  area whose table breaks across a page with its header repeated, the continued row starting
  with a capital letter; a letter used twice ("p." "p.") with its status and date; and an
  unlabelled row with no status, date or lead of its own.
- riverton-governance-table.docx: the governance written in a one-cell table under its heading.
- one-line-11mb.docx: see long_paragraph().
- one-line-11mb.xlsx, xfd-2k.xlsx, long-cell.csv, long-cell.xlsx: see size_fixtures().
- council-tracker.csv: a tracker whose columns are headed "Description", "Owner(s)", "Due by",
  "RAG rating", "Commentary", with a column planboard has no field for ("Budget code").
"""
import csv
import importlib.util
import io
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("fixtures", ROOT / "scripts" / "make-import-fixtures.py")
fx = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fx)
para, cell, row, table, docx, OUT = fx.para, fx.cell, fx.row, fx.table, fx.docx, fx.OUT

# By-whens as one council's plan writes them, with the date planboard should read (None: kept as written).
DATES = [
    ("End of March 2023", "2023-03-31"),
    ("End of Jan 2023", "2023-01-31"),
    ("Q2 2023/24", "2023-09-30"),
    ("Q4 2022/23", "2023-03-31"),
    ("Summer term 2023", "2023-07-31"),
    ("Spring 2023", "2023-03-31"),
    ("Autumn 2022", "2022-12-31"),
    ("2023", "2023-12-31"),
    ("w/c 3 Oct 2022", "2022-10-07"),
    ("01.04.23", "2023-04-01"),
    ("30/06/23", "2023-06-30"),
    ("Ongoing", None),
    ("TBC", None),
    ("As above", None),
    ("Termly", None),
]


def header_table():
    return table([
        row([cell("Accelerated Progress Plan – Riverton Local Area", span=2)]),
        row([cell("Name of the Local Area"), cell("Riverton Local Area")]),
        row([cell("Date of Inspection"), cell("10-14 October 2022")]),
        row([cell("Date of Publication of the revisit report"), cell("TBC")]),
        row([cell("Accountable Officers from the LA and ICB"), cell("Ann Lowe, Director of Children's Services, Riverton Council")]),
    ], 2)


GOVERNANCE = [
    "The Riverton SEND Improvement Board oversees this plan and meets every six weeks.",
    "The Board reports to the Health and Wellbeing Board twice a year.",
]
PARTNERS = ["Riverton Council", "Riverton and District ICB", "Riverton Parent Carer Forum"]


def area_one():
    body = [para("Area of weakness identified in the original inspection"),
            para("1. Families wait too long for an assessment of their child's needs."),
            para("a) Assessments take longer than twenty weeks for most children."),
            para("Actions designed to lead to improvement")]
    head1 = row([cell("Ref", vmerge="restart"), cell("Action", vmerge="restart"),
                 cell("Timescale and ownership", span=2), cell("RAG", vmerge="restart")], header=True)
    head2 = row([cell("", vmerge="continue"), cell("", vmerge="continue"), cell("Target date"), cell("Lead officer"),
                 cell("", vmerge="continue")], header=True)
    rows = [head1, head2]
    for i, (written, _) in enumerate(DATES):
        letter = "abcdefghijklmnopqrstuvwxyz"[i]
        lead = "Jackie Ross 0-25, EPS, / Inclusion" if i == 0 else f"Officer {letter.upper()}"
        rows.append(row([cell(f"1{letter}"), cell(f"Action {letter} of the assessment plan."), cell(written), cell(lead), cell("G")]))
    return body + [table(rows, 5)]


def area_two():
    body = [para("Area of weakness identified in the original inspection"),
            para("2. Children's plans do not say what help they will get."),
            para("a) Plans are vague about provision."),
            para("Actions designed to lead to improvement")]
    header = row([cell(x) for x in ["Action", "By when", "Lead", "RAG"]], header=True)
    first = [header,
             row([cell("a) Audit twenty plans each month."), cell("31/03/2023"), cell("Sam Patel"), cell("Green")]),
             row([cell("b) Train every caseworker in writing provision that is specific and"), cell("31/05/2023"),
                  cell("Jo Lee"), cell("Amber")])]
    second = [header,
              row([cell("Quantified, with the help of the parent carer forum."), cell(""), cell(""), cell("")]),
              row([cell("p. Publish the audit results."), cell("End of June 2023"), cell("Sam Patel"), cell("Red")]),
              row([cell("p. Share them with the forum."), cell("Ongoing"), cell("Sam Patel"), cell("Amber")]),
              # Unlabelled, with nothing of its own: a new action, or the rest of the one before?
              row([cell("Report the results to the Board."), cell(""), cell(""), cell("")])]
    return body + [table(first, 4), para(page_break=True), table(second, 4)]


def riverton():
    body = [header_table(), para("Governance", style="Heading1")]
    body += [para(GOVERNANCE[0]), para("Our partners are:")]
    body += [para(p, bullet=True) for p in PARTNERS]
    body += [para(GOVERNANCE[1])]
    body += area_one() + area_two()
    docx(OUT / "riverton-app.docx", body)


def riverton_governance_table():
    body = [header_table(), para("Governance", style="Heading1"),
            table([row([cell(GOVERNANCE + ["Our partners are:"] + PARTNERS)])], 1)]
    body += area_one()
    docx(OUT / "riverton-governance-table.docx", body)


def council_tracker():
    rows = [["Action no", "Description", "Owner(s)", "Due by", "RAG rating", "Commentary", "Budget code"],
            ["3q", "Publish a monthly EHC timeliness dashboard.", "Jackie Ross", "End of March 2024", "Amber", "Draft built", "CC-100"],
            ["3r", "Run a termly surgery for families waiting.", "Sam Patel", "Termly", "Green", "", "CC-101"]]
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    (OUT / "council-tracker.csv").write_bytes(buf.getvalue().encode("utf-8"))


def size_fixtures():
    """Trackers whose size or shape once broke the reader: a sheet written on one line of
    11 MB (as Excel writes sheets), 2,000 rows each with one cell in column XFD, and a cell
    of 200,000 characters in a .csv and an .xlsx."""
    spec = importlib.util.spec_from_file_location("sizes", ROOT / "scripts" / "make-size-inputs.py")
    sizes = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sizes)
    header = '<row r="1">' + "".join(sizes.cell(f"{'ABCDEF'[c]}1", h) for c, h in enumerate(sizes.HEADER)) + "</row>"

    def rows(n):
        yield header
        for i in range(n):
            yield f'<row r="{i + 2}">' + "".join(sizes.cell(f"{'ABCDEF'[c]}{i + 2}", v)
                                                for c, v in enumerate(sizes.tracker_row(i)) if v) + "</row>"
    sizes.xlsx(OUT / "one-line-11mb.xlsx", rows(33_000))

    def xfd():
        yield header
        for i in range(2_000):
            yield f'<row r="{i + 2}">{sizes.cell(f"XFD{i + 2}", "x")}</row>'
    sizes.xlsx(OUT / "xfd-2k.xlsx", xfd())

    long = "word " * 40_000
    (OUT / "long-cell.csv").write_text("Ref,Action\r\n3t1," + long + "\r\n", encoding="utf-8")
    sizes.xlsx(OUT / "long-cell.xlsx", [header, '<row r="2">' + sizes.cell("A2", "3t1") + sizes.cell("B2", long) + "</row>"])


def long_paragraph():
    """A plan whose document part is one line of 11 MB (Word writes it on one line): 110
    paragraphs of 100,000 characters before the plan's parts."""
    body = [para("x" * 100_000) for _ in range(110)] + [header_table()] + area_one()
    docx(OUT / "one-line-11mb.docx", body)


def main():
    long_paragraph()
    riverton()
    riverton_governance_table()
    council_tracker()
    size_fixtures()
    print("make-council-fixtures: wrote riverton-app.docx, riverton-governance-table.docx, council-tracker.csv, "
          "one-line-11mb.xlsx, xfd-2k.xlsx, long-cell.csv, long-cell.xlsx")


if __name__ == "__main__":
    main()
