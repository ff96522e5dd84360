#!/usr/bin/env python3
"""Writes the fixtures for planboard's import tests into Tests/PlanImportTests/Fixtures.

    python3 scripts/make-import-fixtures.py
    python3 scripts/make-import-fixtures.py --big /tmp/big.docx   # a 1,300-action plan for timing

Only the Python 3 standard library: a .docx and an .xlsx are zips of XML, written here
part by part, so the layout (merged cells, shading, page breaks, repeated header rows) is
exactly what the tests expect. Deterministic: every zip entry has a fixed date, so running
it twice gives byte-identical files.

- devon-app.docx: the Devon plan laid out as the seed (Tests/Fixtures/devon-app-2022-seed.txt) shows the Word
  template, with the text of sample-data/devon-app.json: header table, governance with its
  partner bullets, the template's guidance, each area of weakness (statement, source line,
  lettered findings (areas 1 and 3 by Word's list numbering, 2 and 4 typed), finding 1f split
  by a page break, its actions table labelled as the
  seed labels it: "d) and e)", 3a's roman sub-actions in one cell, unlabelled rows, "p." twice,
  "Completed" in 3c.i's RAG cell), an empty risk register and an empty score card.
- northmoor-shuffled.docx: a fictional two-area plan with a reporting-lines table, whose
  tables put the columns in another order and other words, with a two-row merged header (gridSpan and vMerge), a lead
  merged down three rows, a row split across a page break into a second table that repeats
  the header, RAG given only by cell shading, a risk register and a score card.
- tracker.xlsx / tracker.csv: actions for areas 3 and 2 of the Devon plan (updates and a new
  one), with Excel date serials, UK dates as text, statuses as words, letters and shading (an
  RGB fill, a legacy indexed colour and a tinted theme colour).
- bad documents: not-a-zip.docx, zip-not-word.docx, no-table.docx, encrypted.docx,
  old-format.doc (Word 97–2003), cut-short.docx (its document part breaks off).
"""
import csv
import io
import json
import pathlib
import struct
import sys
import zipfile
from xml.sax.saxutils import escape

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "Tests" / "PlanImportTests" / "Fixtures"
DATE = (2024, 1, 1, 0, 0, 0)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def write_zip(path, parts):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)
    path.write_bytes(buf.getvalue())


# ---------------------------------------------------------------- Word

def run(text):
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(text="", style=None, bullet=False, page_break=False, numbered=None):
    """A paragraph; `numbered` is a list id from numbering.xml (Word draws its label)."""
    props = ""
    if style or bullet or numbered:
        props = "<w:pPr>"
        if style:
            props += f'<w:pStyle w:val="{style}"/>'
        if bullet or numbered:
            props += f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{numbered or 1}"/></w:numPr>'
        props += "</w:pPr>"
    body = run(text) if text else ""
    if page_break:
        body += '<w:r><w:br w:type="page"/></w:r>'
    return f"<w:p>{props}{body}</w:p>"


def cell(paragraphs, span=1, vmerge=None, fill=None, width=1800):
    if isinstance(paragraphs, str):
        paragraphs = [paragraphs]
    props = f'<w:tcW w:w="{width * span}" w:type="dxa"/>'
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "restart":
        props += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        props += "<w:vMerge/>"
    if fill:
        props += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'
    inner = "".join(para(p) for p in paragraphs) or "<w:p/>"
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{inner}</w:tc>"


def row(cells, header=False):
    props = "<w:trPr><w:tblHeader/></w:trPr>" if header else ""
    return f"<w:tr>{props}{''.join(cells)}</w:tr>"


def table(rows, columns):
    grid = "".join('<w:gridCol w:w="1800"/>' for _ in range(columns))
    return ('<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>")


def docx(path, body):
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}">'
                f'<w:body>{"".join(body)}<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr></w:body></w:document>')
    write_zip(path, [
        ("[Content_Types].xml",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
         '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
         '</Types>'),
        ("_rels/.rels",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
         '</Relationships>'),
        ("word/_rels/document.xml.rels",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
         '</Relationships>'),
        ("word/numbering.xml",
         f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="{W}">'
         '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
         '<w:lvlText w:val="•"/></w:lvl></w:abstractNum>'
         # Findings lettered a), b), c) … by Word itself, a fresh list for each area.
         '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
         '<w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>'
         '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
         + "".join(f'<w:num w:numId="{n}"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
                   for n in range(11, 20))
         + '</w:numbering>'),
        ("word/document.xml", document),
    ])


ACTION_HEADER = ["Action", "By when", "Responsible officer", "Action RAG", "KPI used to measure"]


def devon():
    plan = json.loads((ROOT / "sample-data" / "devon-app.json").read_text(encoding="utf-8"))
    h, g = plan["header"], plan["governance"]
    body = [para(h["title"], style="Title")]
    officers = " and ".join(f'{p["name"]}, {p["role"]}, {p["organisation"]}' for p in h["accountableOfficers"])
    body.append(table([
        row([cell("Name of the Local Area"), cell(h["localArea"], span=4)]),
        row([cell("Date of Inspection"), cell("23-25t May 2022", span=4)]),
        row([cell("Date of Publication of the revisit report"), cell("XXX", span=4)]),
        row([cell("Accountable Officers from the LA and CCG"), cell(officers, span=4)]),
        row([cell("SEND and NHS England Advisers"), cell("", span=4)]),
    ], 5))
    body.append(para("Governance and Accountability", style="Heading1"))
    body.append(para("Please describe here the governance and accountability structures and processes that will be supporting your next phase of improvement."))
    body.append(para("Please make clear which are information/reporting lines and where the challenge accountability sits within both the Local Authority and the CCG."))
    body.append(para("Governance and accountability structures and processes", style="Heading2"))
    narrative = g["narrative"].split("\n\n")
    body.append(para(narrative[0]))
    body.append(para("The main legislative partners included are:"))
    for partner in g["partners"]:
        body.append(para(partner, bullet=True))
    for paragraph in narrative[1:]:
        body.append(para(paragraph))
    body.append(para(page_break=True))
    body.append(para("The focus of this plan is each area of weakness from the original inspection where, in the revisit, Ofsted/CQC have judged that sufficient progress has not been made. For each weakness, you should identify:"))
    for line in ["The actions you are taking to achieve improvement.", "The timescales for completing actions",
                 "The KPIs that you will use to measure the success/impact of the actions."]:
        body.append(para(line, bullet=True))

    for area in plan["areas"]:
        n = area["number"]
        body.append(para("Area of weakness identified in the original inspection", style="Heading2"))
        body.append(para(f'{n}.{area["weakness"]}'))
        source = area["findingsSource"]
        if source:
            head, sep, tail = source.partition(":")
            body.append(para(head + sep))
            if tail.strip():
                body.append(para(tail.strip()))
        # As the seed shows them, areas 1 and 3 letter their findings with Word's own list
        # numbering (the letters stand apart from the text); areas 2 and 4 type them.
        automatic = n in (1, 3)
        for finding in area["findings"]:
            text = finding["text"] if automatic else f'{finding["letter"]}) {finding["text"]}'
            numbered = 10 + n if automatic else None
            split = "Parents and carers are frequently signposted to services that are not"
            if n == 1 and finding["letter"] == "f" and split in text:
                first, rest = text.split(split)
                body.append(para(first + split, numbered=numbered))
                body.append(para(page_break=True))
                body.append(para(rest.strip()))
            else:
                body.append(para(text, numbered=numbered))
        body.append(para("Actions designed to lead to improvement", style="Heading3"))
        rows = [row([cell(h) for h in ACTION_HEADER], header=True)]
        actions = area["actions"]
        i = 0
        while i < len(actions):
            a = actions[i]
            ref = a["ref"]
            letter = ref[len(str(n)):]
            rag = "Completed" if a["status"] == "complete" else ""
            # The seed's cell: "Jackie Ross 0-25, EPS, Inclusion" names a person and three teams.
            lead = " ".join([a["leads"][0], ", ".join(a["leads"][1:])]).strip() if a["leads"] else ""
            if n == 1:
                lead += " and:"  # as the seed writes every area 1 lead
            if letter.startswith("a.") and n == 3:
                # 3a: one row, the letter alone, then its roman sub-actions in the same cell.
                subs = [x for x in actions if x["ref"].startswith(f"{n}a.")]
                lines = ["a)"] + [f'{x["ref"].split(".")[1]}) {x["text"]}' for x in subs]
                rows.append(row([cell(lines), cell(""), cell(lead), cell(rag), cell(a["kpiText"])]))
                i += len(subs)
                continue
            if ref in ("2a.sc", "2a.h", "3c"):  # the seed's unlettered rows
                label = ""
            elif "-" in letter:
                first, last = letter.split("-")
                label = f"{first}) and {last}) "
            elif "." in letter:
                parent, sub = letter.split(".")
                label = f"{parent}. " if parent == "p" else f"{sub}. "
            elif n == 2 and letter == "a":
                label = "a)-"
            elif n == 3 and letter >= "j":
                label = f"{letter}. "
            else:
                label = f"{letter}) "
            rows.append(row([cell(label + a["text"]), cell(""), cell(lead), cell(rag), cell(a["kpiText"])]))
            i += 1
        if not actions:
            rows.append(row([cell("") for _ in ACTION_HEADER]))
        body.append(table(rows, 5))
        body.append(para(page_break=True))

    body.append(para("If you have a council wide risk register format you can insert that here, otherwise please use this one. At this stage it is critical both for yourself, DfE and DHSC that you identify early any risks and can demonstrate appropriate and decisive action."))
    body.append(para("Risk Register", style="Heading2"))
    risk_header = ["Date", "Risk", "Severity/Impact", "Mitigation", "Severity / Impact Post-mitigation", "Progress following action"]
    body.append(table([row([cell(x) for x in risk_header], header=True), row([cell("") for _ in risk_header])], 6))
    body.append(para("Impact score card", style="Heading2"))
    body.append(para("This is the summary of all the ways you are going to measure the overall effectiveness of your plan."))
    card_header = ["KPI reference", "KPI", "Baseline", "3 months", "6 months", "12 months"]
    body.append(table([row([cell(x) for x in card_header], header=True), row([cell("") for _ in card_header])], 6))
    docx(OUT / "devon-app.docx", body)


GREEN, RED, AMBER, BLUE = "00B050", "FF0000", "FFC000", "0070C0"


def northmoor():
    body = [para("Accelerated Progress Plan (APP) for Northmoor Local Area", style="Title")]
    # The header as label and value paragraphs, not a table.
    for label, value in [("Name of the Local Area", "Northmoor Local Area"), ("Date of Inspection", "4 to 8 March 2024"),
                         ("Date of Publication of the revisit report", "14 June 2024"),
                         ("Accountable Officers from the LA and ICB", "Priya Shah, Director of Children’s Services, Northmoor Council\nTom Reed, Chief Nursing Officer, Northmoor ICB"),
                         ("SEND and NHS England Advisers", "Alex Moore, SEND Adviser, DfE")]:
        body += [para(label), para(value.split("\n")[0])] + [para(v) for v in value.split("\n")[1:]]
    body.append(para("Governance and Accountability", style="Heading1"))
    body.append(para("The Northmoor SEND Partnership Board owns this plan and meets monthly."))
    body.append(para("Partners:"))
    for partner in ["Northmoor Council", "Northmoor Integrated Care Board", "Northmoor Parent Carer Forum"]:
        body.append(para(partner, bullet=True))
    body.append(table([
        row([cell(x) for x in ["Reports from", "Reports to", "Type", "Frequency"]], header=True),
        row([cell(x) for x in ["SEND Partnership Board", "Health and Wellbeing Board", "Challenge and accountability", "Twice a year"]]),
        row([cell(x) for x in ["SEND Partnership Board", "ICB Board", "Information", "Quarterly"]]),
    ], 4))

    # Area 1: shuffled columns under a two-row merged header; a lead merged down three rows;
    # RAG by shading only; a row split across a page break into a second table.
    body.append(para("Area of weakness identified in the original inspection"))
    body.append(para("1. Waiting times for speech and language therapy are too long."))
    body.append(para("From the revisit report, June 2024:"))
    body.append(para("a) Children wait more than a year for a first appointment."))
    body.append(para("b) Families are not told how long they will wait."))
    body.append(para("Actions designed to lead to improvement"))
    header1 = row([cell("Action", vmerge="restart"), cell("Delivery", span=2), cell("Progress", span=2),
                   cell("Measure of success", vmerge="restart")], header=True)
    header2 = row([cell("", vmerge="continue"), cell("Lead"), cell("Deadline"), cell("RAG"), cell("Update"),
                   cell("", vmerge="continue")], header=True)
    rows1 = [header1, header2,
             row([cell("a) Commission a waiting-list initiative with the ICB."), cell("Sam Patel", vmerge="restart"),
                  cell("31/03/2024"), cell("", fill=GREEN), cell(""), cell("Waits under 18 weeks")]),
             row([cell("b) Recruit three therapists."), cell("", vmerge="continue"), cell("31 Mar 2024"),
                  cell("", fill=RED), cell("Recruitment slower than planned"), cell("Three therapists in post")]),
             row([cell("c) Write to every family on the list with their expected wait."), cell("", vmerge="continue"),
                  cell("2024-06-30"), cell("", fill=AMBER), cell(""), cell("Letters sent")]),
             row([cell("d) Publish waiting times on the Local Offer."), cell("Jo Lee"), cell("March 2025"),
                  cell("", fill=BLUE), cell("Published in May"), cell("Page live")]),
             row([cell("e) Agree a graduated offer for children waiting, with schools"), cell("Jo Lee"), cell("Ongoing"),
                  cell("Amber"), cell("Draft shared with schools"), cell("Offer agreed by")])]
    body.append(table(rows1, 6))
    body.append(para(page_break=True))
    rows2 = [header1, header2,
             row([cell("and the parent carer forum, and publish it."), cell(""), cell(""), cell(""), cell(""),
                  cell("schools and the forum")])]
    body.append(table(rows2, 6))

    # Area 2: a title row spanning the table, other words, explicit references, statuses as letters.
    body.append(para("Area of weakness identified in the original inspection"))
    body.append(para("2. Education, health and care plans are late."))
    body.append(para("a) Only a third of plans are issued within 20 weeks."))
    body.append(table([
        row([cell("Actions designed to lead to improvement", span=5)], header=True),
        row([cell("Ref"), cell("RAG status"), cell("Action to be taken"), cell("Owner"), cell("Due date")], header=True),
        row([cell("2a"), cell("G"), cell("Add two EHC coordinators to the team."), cell("Chris Wong"), cell("30/09/2024")]),
        row([cell("2b"), cell("A"), cell("Weekly tracking of every plan past 16 weeks."), cell("Chris Wong; Jo Lee"), cell("31 Oct 2024")]),
    ], 5))
    body.append(table([row([cell("Budget line"), cell("Cost centre")]), row([cell("SLT waiting list"), cell("CC-4410")])], 2))

    body.append(para("Risk Register"))
    risk_header = ["Ref", "Date raised", "Risk", "Owner", "Likelihood x Impact (before)", "Mitigation",
                   "Post-mitigation score", "Target", "Progress following action", "Area"]
    body.append(table([
        row([cell(x) for x in risk_header], header=True),
        row([cell(x) for x in ["R1", "01/04/2024", "Therapists cannot be recruited.", "Sam Patel", "4 x 4",
                               "Agency cover and a grow-your-own scheme.", "3 x 4", "2 x 3", "Two posts filled.", "1"]]),
        row([cell(x) for x in ["R2", "15/04/2024", "Schools do not take up the graduated offer.", "Jo Lee", "3x3",
                               "Heads' forum sign-up.", "2x3", "", "", "1, 2"]]),
    ], 10))
    body.append(para("Impact score card"))
    card_header = ["KPI ref", "Measure", "Unit", "Better when", "Baseline", "England average", "3 months", "6 months", "12 months"]
    body.append(table([
        row([cell(x) for x in card_header], header=True),
        row([cell(x) for x in ["K1", "Children waiting over 18 weeks for therapy", "count", "lower", "412", "", "350", "250", "100"]]),
        row([cell(x) for x in ["K2", "EHC plans issued within 20 weeks", "%", "higher", "33%", "50.3", "40", "55", "70"]]),
    ], 9))
    docx(OUT / "northmoor-shuffled.docx", body)


# ---------------------------------------------------------------- Excel

TRACKER = [
    # ref, action, lead, deadline (serial, or text), RAG text, RAG fill, progress
    ("Ref", "Action", "Lead", "Deadline", "RAG", None, "Progress update"),
    ("3b", "Create annual review backlog team – develop clear targets and performance monitoring. Liaise with social care and health partners for a graduated response to annual reviews.",
     "Jackie Ross", 45199, "A", None, "Backlog team short of two caseworkers"),  # 45199 = 2023-09-30
    ("3c.i", "", "", "", "Complete", None, ""),
    ("3d", "", "", "31/12/2023", "", GREEN, ""),
    ("3e", "", "Jackie Ross; Sam Patel", "30 Sep 2023", "", None, ""),
    ("3f", "", "", "", "", "indexed-red", "Two caseworker posts vacant"),  # Excel's legacy palette red
    ("3g", "", "", "", "", "theme-green", ""),                             # the theme's Accent 6 green
    ("3q", "Publish a monthly EHC timeliness dashboard.", "Jackie Ross", "2024-03-31", "Not started", None, ""),
]
FILL_STYLES = {GREEN: 2, "indexed-red": 3, "theme-green": 4}


def col(i):
    return "ABCDEFGHIJ"[i]


def xlsx():
    strings, index = [], {}

    def sid(s):
        if s not in index:
            index[s] = len(strings)
            strings.append(s)
        return index[s]

    rows_xml = []
    for r, (ref, action, lead, deadline, rag, fill, progress) in enumerate(TRACKER, start=1):
        cells = []
        for c, value in enumerate([ref, action, lead, deadline, rag, progress]):
            addr = f"{col(c)}{r}"
            style = ""
            if c == 4 and fill:
                style = f' s="{FILL_STYLES[fill]}"'
            if c == 3 and isinstance(value, int):
                cells.append(f'<c r="{addr}" s="1"><v>{value}</v></c>')
            elif value == "" and style:
                cells.append(f'<c r="{addr}"{style}/>')
            elif value != "":
                cells.append(f'<c r="{addr}" t="s"{style}><v>{sid(value)}</v></c>')
        rows_xml.append(f'<row r="{r}">{"".join(cells)}</row>')
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    sheet = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet {ns}><sheetData>{"".join(rows_xml)}</sheetData></worksheet>'
    shared = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst {ns} count="{len(strings)}" uniqueCount="{len(strings)}">'
              + "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in strings) + "</sst>")
    styles = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet {ns}>'
              '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>'
              '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
              '<fills count="5"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
              f'<fill><patternFill patternType="solid"><fgColor rgb="FF{GREEN}"/><bgColor indexed="64"/></patternFill></fill>'
              '<fill><patternFill patternType="solid"><fgColor indexed="10"/><bgColor indexed="64"/></patternFill></fill>'
              '<fill><patternFill patternType="solid"><fgColor theme="9" tint="0.39997558519241921"/><bgColor indexed="64"/></patternFill></fill></fills>'
              '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
              '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
              '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/>'
              '<xf numFmtId="0" fontId="0" fillId="2" borderId="0" applyFill="1"/>'
              '<xf numFmtId="0" fontId="0" fillId="3" borderId="0" applyFill="1"/>'
              '<xf numFmtId="0" fontId="0" fillId="4" borderId="0" applyFill="1"/></cellXfs></styleSheet>')
    colours = ["sysClr:windowText:000000", "sysClr:window:FFFFFF", "44546A", "E7E6E6", "4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47", "0563C1", "954F72"]
    names = ["dk1", "lt1", "dk2", "lt2", "accent1", "accent2", "accent3", "accent4", "accent5", "accent6", "hlink", "folHlink"]
    scheme = ""
    for name, colour in zip(names, colours):
        if colour.startswith("sysClr"):
            _, val, last = colour.split(":")
            scheme += f'<a:{name}><a:sysClr val="{val}" lastClr="{last}"/></a:{name}>'
        else:
            scheme += f'<a:{name}><a:srgbClr val="{colour}"/></a:{name}>'
    theme = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme"><a:themeElements>'
             f'<a:clrScheme name="Office">{scheme}</a:clrScheme></a:themeElements></a:theme>')
    write_zip(OUT / "tracker.xlsx", [
        ("[Content_Types].xml",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
         '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
         '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
         '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
         '<Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>'
         '</Types>'),
        ("_rels/.rels",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
         '</Relationships>'),
        ("xl/workbook.xml",
         f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook {ns} {rel}><sheets>'
         '<sheet name="Area 3 tracker" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        ("xl/_rels/workbook.xml.rels",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
         '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
         '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
         '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/>'
         '</Relationships>'),
        ("xl/worksheets/sheet1.xml", sheet),
        ("xl/sharedStrings.xml", shared),
        ("xl/styles.xml", styles),
        ("xl/theme/theme1.xml", theme),
    ])


def csv_tracker():
    # The same changes as the .xlsx, for area 2, as Excel writes CSV: dates in the UK forms,
    # statuses as words and letters, columns in another order.
    rows = [["Action ref", "Status", "Action", "Action lead", "By when", "Comments"],
            ["2a", "Red", "", "", "31/01/2024", "Survey provider withdrew"],
            ["2a.sc", "g", "", "Social Care; Jackie Ross", "2024-02-29", ""],
            ["2d", "Amber", "Publish a 'you said, we did' page every quarter.", "Jackie Ross", "31 Mar 2024", "First page drafted"]]
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    (OUT / "tracker.csv").write_bytes(buf.getvalue().encode("utf-8"))


# ---------------------------------------------------------------- bad documents

def encrypted():
    """A minimal OLE compound file holding the two streams Office writes for a password-
    protected document (EncryptionInfo and EncryptedPackage)."""
    sector = 512
    header = bytearray(sector)
    header[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<I", header, 0x2C, 1)            # one FAT sector
    struct.pack_into("<I", header, 0x30, 1)            # directory starts at sector 1
    struct.pack_into("<I", header, 0x38, 4096)         # mini stream cut-off
    struct.pack_into("<I", header, 0x3C, 0xFFFFFFFE)   # no mini FAT
    struct.pack_into("<I", header, 0x44, 0xFFFFFFFE)   # no DIFAT sectors
    struct.pack_into("<I", header, 0x4C, 0)            # DIFAT[0]: FAT in sector 0
    for i in range(1, 109):
        struct.pack_into("<I", header, 0x4C + 4 * i, 0xFFFFFFFF)
    fat = bytearray(b"\xff" * sector)
    struct.pack_into("<III", fat, 0, 0xFFFFFFFD, 0xFFFFFFFE, 0xFFFFFFFE)

    def entry(name, kind, start=0xFFFFFFFE, size=0, child=0xFFFFFFFF, right=0xFFFFFFFF):
        e = bytearray(128)
        encoded = (name + "\0").encode("utf-16-le")
        e[0:len(encoded)] = encoded
        struct.pack_into("<HBB", e, 64, len(encoded), kind, 1)
        struct.pack_into("<III", e, 68, 0xFFFFFFFF, right, child)
        struct.pack_into("<II", e, 116, start, size)
        return e

    directory = entry("Root Entry", 5, child=1) + entry("EncryptionInfo", 2, right=2) + entry("EncryptedPackage", 2, start=2, size=sector) + bytes(128)
    data = bytes(range(256)) * 2
    (OUT / "encrypted.docx").write_bytes(bytes(header) + bytes(fat) + bytes(directory) + data)


def bad():
    (OUT / "not-a-zip.docx").write_text("This is a plain text file someone renamed to .docx.\n", encoding="utf-8")
    write_zip(OUT / "zip-not-word.docx", [("notes.txt", "A zip archive with no Word document in it.\n")])
    docx(OUT / "no-table.docx", [para("Minutes of the SEND Partnership Board"), para("Present: the chair and four members."),
                                 para("The board noted the report.")])
    encrypted()
    # A Word 97–2003 .doc: the same compound file, holding a WordDocument stream instead.
    data = bytearray((OUT / "encrypted.docx").read_bytes())
    at = data.find("EncryptedPackage".encode("utf-16-le"))
    data[at:at + 32] = "WordDocument\0\0\0\0".encode("utf-16-le")
    (OUT / "old-format.doc").write_bytes(bytes(data))
    # A .docx whose document part breaks off half way, as a failed copy leaves it.
    with zipfile.ZipFile(OUT / "devon-app.docx") as source:
        parts = [(n, source.read(n)) for n in source.namelist()]
    write_zip(OUT / "cut-short.docx", [(n, d[:len(d) // 2] if n == "word/document.xml" else d) for n, d in parts])


def big(path):
    """A large plan for timing, not committed: 13 areas (the most any English plan has) of 8
    findings and 100 unlabelled actions each, their RAG by shading."""
    body = [para("Accelerated Progress Plan (APP) for Bigshire Local Area")]
    fills = [RED, AMBER, GREEN, BLUE]
    for n in range(1, 14):
        body += [para("Area of weakness identified in the original inspection"), para(f"{n}. Weakness number {n} as the inspectors wrote it.")]
        body += [para(f"{chr(97 + i)}) Finding {i + 1} of area {n}.") for i in range(8)]
        rows = [row([cell(h) for h in ACTION_HEADER], header=True)]
        for i in range(100):
            rows.append(row([cell(f"Action {i + 1} of area {n}, written out at some length so that the row is realistic."),
                             cell("31/03/2025"), cell("Lead Person"), cell("", fill=fills[i % 4]), cell("A measure of the impact.")]))
        body.append(table(rows, 5))
    docx(pathlib.Path(path), body)


def main():
    if "--big" in sys.argv:
        big(sys.argv[sys.argv.index("--big") + 1])
        return
    OUT.mkdir(parents=True, exist_ok=True)
    devon()
    northmoor()
    xlsx()
    csv_tracker()
    bad()
    print(f"make-import-fixtures: wrote {len(list(OUT.iterdir()))} files to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
