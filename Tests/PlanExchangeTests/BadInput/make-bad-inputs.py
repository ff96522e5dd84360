#!/usr/bin/env python3
"""Writes the bad-input suite for planboard's JSON reader.

Each case is derived from sample-data/fictional-five-areas.json by one small, deterministic
mutation (one intended fault per file, except the cases named "several-..." which carry
several on purpose). The mutations keep the sample's layout, so the line and column in each
message point into a file that looks like the sample.

    python3 make-bad-inputs.py                      # writes NN-name.json
    python3 make-bad-inputs.py --expected PLANBOARD # also writes NN-name.expected by running
                                                    # `PLANBOARD validate NN-name.json` here

The .expected file is the reader's full message (PlanFileError.description) with the file
named as just its file name: the CLI's standard error without the leading "planboard: ".
Read every new or changed .expected file before committing it: it is the message a user sees.

Cases too big to commit (a 1 MB text field, very deep nesting) are built in memory by
BadInputTests.swift instead. Python 3 standard library only; no randomness, no clock.
"""

import json
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent.parent
SAMPLE = ROOT / "sample-data" / "fictional-five-areas.json"

BASE_BYTES = SAMPLE.read_bytes()
BASE_TEXT = BASE_BYTES.decode("utf-8")


def plan():
    """A fresh, mutable copy of the sample."""
    return json.loads(BASE_TEXT)


def dump(d):
    """Writes a plan the way planboard does (the sample round-trips byte for byte)."""
    return (json.dumps(d, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def replace_once(text, old, new):
    """Replaces the one occurrence of `old`; fails if there is not exactly one."""
    n = text.count(old)
    if n != 1:
        raise SystemExit(f"make-bad-inputs: expected {old!r} exactly once in the sample, found it {n} times")
    return text.replace(old, new)


def edit(old, new):
    return replace_once(BASE_TEXT, old, new).encode("utf-8")


def action(d, ref):
    for area in d["areas"]:
        for a in area["actions"]:
            if a["ref"] == ref:
                return a
    raise SystemExit(f"make-bad-inputs: no action {ref} in the sample")


def risk(d, ref):
    for r in d["risks"]:
        if r["ref"] == ref:
            return r
    raise SystemExit(f"make-bad-inputs: no risk {ref} in the sample")


def raw(change, placeholder, text):
    """Mutates the plan, writes it, then replaces `placeholder` with raw `text` (not JSON)."""
    return replace_once(dump_text(change), placeholder, text).encode("utf-8")


def dump_text(change):
    d = plan()
    change(d)
    return dump(d).decode("utf-8")


def mutated(change):
    d = plan()
    change(d)
    return dump(d)


# ---- the cases --------------------------------------------------------------------------
# Each entry: (file name without .json, one-line description, bytes).

CASES = []


def case(name, about, data):
    CASES.append((name, about, data))


# Bytes and encoding
case("empty-file", "an empty file (0 bytes)", b"")
case("only-whitespace", "only spaces, tabs and newlines", b"  \n\t\n   \n")
case("invalid-utf8", "a Latin-1 byte 0xE9 for the é in Amélie (not UTF-8)",
     replace_once(BASE_TEXT, '"name": "Dr Amélie Hartwell"', '"name": "Dr Am\x00lie Hartwell"')
     .encode("utf-8").replace(b"\x00", b"\xe9"))
case("utf16-file", "the whole sample saved as UTF-16 with a byte-order mark", BASE_TEXT.encode("utf-16"))
case("truncated-mid-character", "the file cut off inside a two-byte UTF-8 character (the é of Amélie)",
     BASE_BYTES[: BASE_BYTES.index("Amélie".encode("utf-8")) + 3])

# Syntax
case("truncated-mid-object", "the file cut off inside the settings object",
     BASE_BYTES[: BASE_BYTES.index(b'"lowRiskMax": 4,') + len(b'"lowRiskMax": 4,')])
case("truncated-mid-string", "the file cut off inside a text value",
     BASE_BYTES[: BASE_BYTES.index(b'"title": "Joint commissioning') + len(b'"title": "Joint commis')])
case("trailing-comma", "a comma after the last member of settings",
     edit('"dueSoonDays": 14\n', '"dueSoonDays": 14,\n'))
case("single-quotes", "a key and value in single quotes",
     edit('"title": "Joint commissioning"', "'title': 'Joint commissioning'"))
case("comment", "a // comment line before settings",
     edit('  "settings": {\n', '  // risk bands\n  "settings": {\n'))
case("missing-comma", "no comma between two members of settings",
     edit('"lowRiskMax": 4,\n', '"lowRiskMax": 4\n'))
case("missing-colon", "no colon between a key and its value",
     edit('"mediumRiskMax": 12', '"mediumRiskMax" 12'))
case("unquoted-key", "a key without double quotes",
     edit('"dueSoonDays": 14', 'dueSoonDays: 14'))
case("bare-word", "a status written without quotes: green",
     raw(lambda d: action(d, "3b").__setitem__("status", "@@green@@"), '"@@green@@"', "green"))
case("second-document", "a second JSON object after the plan",
     BASE_BYTES + b'{"format": "planboard/1"}\n')
case("extra-closing-brace", "one '}' too many at the end", BASE_BYTES + b"}\n")
case("unterminated-string", "the closing quote of an area title is missing",
     edit('"title": "Joint commissioning",', '"title": "Joint commissioning,'))
case("raw-tab-in-text", "an unescaped tab character inside a text value",
     edit('"title": "Joint commissioning"', '"title": "Joint\tcommissioning"'))
case("raw-newline-in-text", "an unescaped line break inside the governance narrative",
     edit("every six weeks, chaired", "every six weeks,\nchaired"))
case("invalid-escape", "the escape \\x41 inside text",
     edit('"title": "Joint commissioning"', '"title": "Joint \\x41 commissioning"'))
case("lone-surrogate", "a \\ud83d escape with no low surrogate after it",
     edit('"text": "Signed off by the Health and Wellbeing Board."',
          '"text": "Signed off \\ud83d by the Health and Wellbeing Board."'))
case("leading-zero", "the number 04",
     edit('"lowRiskMax": 4,', '"lowRiskMax": 04,'))
case("nan", "NaN as a comparator value",
     edit('"value": 18.5', '"value": NaN'))
case("number-too-large", "a milestone target of 1e400",
     replace_once(BASE_TEXT, '"target": 15,', '"target": 1e400,').encode("utf-8"))
case("nesting-too-deep", "a value nested 70 lists deep",
     edit('"revisitReportDate": "2023-05-02"', '"revisitReportDate": ' + "[" * 70 + "]" * 70))
case("duplicate-key", "the key title twice in the header",
     edit('  "header": {\n    "localArea"', '  "header": {\n    "title": "Plan",\n    "localArea"'))

# Shape and types
case("top-level-array", "the plan inside a list", b"[\n" + BASE_BYTES + b"]\n")
case("bywhen-number", "byWhen written as the number 20230630",
     mutated(lambda d: action(d, "1a").__setitem__("byWhen", 20230630)))
case("leads-string", "leads written as one text, not a list",
     mutated(lambda d: action(d, "1a").__setitem__("leads", "Owen Bryce")))
case("likelihood-text", "a likelihood written as \"high\"",
     mutated(lambda d: risk(d, "R1")["inherent"].__setitem__("likelihood", "high")))
case("title-true", "an area title written as true",
     mutated(lambda d: d["areas"][0].__setitem__("title", True)))
case("ref-null", "an action ref written as null",
     mutated(lambda d: action(d, "2a").__setitem__("ref", None)))
case("missing-key", "status removed from action 2a",
     mutated(lambda d: action(d, "2a").pop("status")))
case("unknown-key", "an extra key priority on action 2a",
     mutated(lambda d: action(d, "2a").__setitem__("priority", "high")))
case("missing-format", "the format key removed",
     mutated(lambda d: d.pop("format")))

# Values
case("unknown-status", "status \"blue-ish\"",
     mutated(lambda d: action(d, "2a").__setitem__("status", "blue-ish")))
case("impossible-date", "byWhen 2023-02-30",
     mutated(lambda d: action(d, "1a").__setitem__("byWhen", "2023-02-30")))
case("date-dmy", "a risk raised date written 31/03/2023",
     mutated(lambda d: risk(d, "R1").__setitem__("raised", "31/03/2023")))
case("likelihood-zero", "a residual likelihood of 0",
     mutated(lambda d: risk(d, "R2")["residual"].__setitem__("likelihood", 0)))
case("impact-six", "a target impact of 6",
     mutated(lambda d: risk(d, "R3")["target"].__setitem__("impact", 6)))
case("likelihood-fraction", "an inherent likelihood of 2.5",
     mutated(lambda d: risk(d, "R4")["inherent"].__setitem__("likelihood", 2.5)))
case("unknown-better", "a KPI whose better is \"up\"",
     mutated(lambda d: d["kpis"][0].__setitem__("better", "up")))
case("unknown-kind", "a reporting line of kind \"oversight\"",
     mutated(lambda d: d["governance"]["reportingLines"][0].__setitem__("kind", "oversight")))
case("due-soon-days-400", "dueSoonDays 400 (more than a year)",
     mutated(lambda d: d["settings"].__setitem__("dueSoonDays", 400)))
case("escaped-control-character", "an ESC character (\\u001b) inside a note's text",
     mutated(lambda d: action(d, "1a")["notes"][0].__setitem__("text", "\x1b[31mSigned off\x1b[0m by the Health and Wellbeing Board.")))

# Format version
case("newer-format", "format \"planboard/3\"",
     mutated(lambda d: d.__setitem__("format", "planboard/3")))
case("other-format", "format \"something-else\"",
     mutated(lambda d: d.__setitem__("format", "something-else")))

# Meaning (checked once the file's shape is right)
case("duplicate-action-ref", "action 2a renamed 1a, a ref area 1 already uses",
     mutated(lambda d: action(d, "2a").__setitem__("ref", "1a")))
case("unknown-kpi-link", "action 2a linked to KPI K99",
     mutated(lambda d: action(d, "2a").__setitem__("kpis", ["K99"])))
case("unknown-area-link", "risk R1 linked to area 9",
     mutated(lambda d: risk(d, "R1").__setitem__("areas", [9])))
case("red-without-note", "red action 5a with its notes removed",
     mutated(lambda d: action(d, "5a").__setitem__("notes", [])))
case("duplicate-area-number", "a sixth area numbered 3",
     mutated(lambda d: d["areas"].append({"number": 3, "title": "Short breaks", "weakness": "Families cannot find short breaks.",
                                          "findingsSource": "", "findings": [], "actions": []})))
# A plan may have no areas yet (`planboard init`), but a risk may not link to an area it lacks.
case("risk-link-without-areas", "no areas of weakness, one risk still linked to an area",
     mutated(lambda d: (d.__setitem__("areas", []), d.__setitem__("risks", d["risks"][:1]))))
case("risk-bands-overlap", "lowRiskMax 13 with mediumRiskMax 12",
     mutated(lambda d: d["settings"].__setitem__("lowRiskMax", 13)))
case("ref-with-space", "action ref \"2 a\"",
     mutated(lambda d: action(d, "2a").__setitem__("ref", "2 a")))
case("empty-title", "an area title that is empty",
     mutated(lambda d: d["areas"][1].__setitem__("title", "")))
case("inspection-end-before-start", "inspectionEnd before inspectionStart",
     mutated(lambda d: d["header"].__setitem__("inspectionEnd", "2023-03-01")))
case("duplicate-finding-letter", "two findings lettered b in area 1",
     mutated(lambda d: d["areas"][0]["findings"][2].__setitem__("letter", "b")))
case("duplicate-risk-ref", "risk R2 renamed R1",
     mutated(lambda d: risk(d, "R2").__setitem__("ref", "R1")))


def several_shape(d):
    action(d, "2a")["status"] = "blue-ish"
    risk(d, "R2")["residual"]["likelihood"] = 0
    action(d, "1a")["byWhen"] = "2023-13-01"


def several_meaning(d):
    action(d, "2a")["ref"] = "1a"
    action(d, "3b")["kpis"] = ["K99"]
    risk(d, "R1")["areas"] = [9]


def shape_and_meaning(d):
    action(d, "2a")["status"] = "blue-ish"
    action(d, "3b")["kpis"] = ["K99"]


# Several faults at once: every one must be reported, not just the first.
case("several-shape-errors", "three faults: status blue-ish, likelihood 0, byWhen 2023-13-01", mutated(several_shape))
case("several-meaning-errors", "three faults: a duplicate ref, a link to K99, a link to area 9", mutated(several_meaning))
case("shape-and-meaning-errors", "two faults: status blue-ish and a link to K99", mutated(shape_and_meaning))


def main():
    names = [f"{n:02d}-{name}" for n, (name, _, _) in enumerate(CASES, start=1)]
    # Remove files from an earlier run whose case has gone or been renumbered.
    for old in HERE.glob("[0-9][0-9]-*"):
        if old.suffix in (".json", ".expected") and old.stem not in names:
            old.unlink()
    for stem, (_, about, data) in zip(names, CASES):
        (HERE / f"{stem}.json").write_bytes(data)
    if "--list" in sys.argv:
        for stem, (_, about, _) in zip(names, CASES):
            print(f"{stem}.json: {about}")
    if "--expected" in sys.argv:
        planboard = pathlib.Path(sys.argv[sys.argv.index("--expected") + 1]).resolve()
        for stem in names:
            run = subprocess.run([str(planboard), "validate", f"{stem}.json"], cwd=HERE, capture_output=True)
            if run.returncode != 1:
                raise SystemExit(f"make-bad-inputs: {stem}.json: planboard validate exited {run.returncode}, expected 1\n"
                                 + run.stdout.decode() + run.stderr.decode())
            err = run.stderr.decode("utf-8")
            prefix = "planboard: "
            if not err.startswith(prefix):
                raise SystemExit(f"make-bad-inputs: {stem}.json: unexpected message {err!r}")
            (HERE / f"{stem}.expected").write_text(err[len(prefix):], encoding="utf-8")
    print(f"make-bad-inputs: {len(CASES)} cases")


if __name__ == "__main__":
    main()
