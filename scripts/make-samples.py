#!/usr/bin/env python3
"""Generate planboard's derived sample plans from the Devon transcription.

Reads  sample-data/devon-app.json  (the Devon plan as written, hand-transcribed)
Writes sample-data/devon-app-illustrative.json  (the same plan text with invented
                                                  dates, statuses, notes, risks,
                                                  KPI figures and checkpoints)
       sample-data/fictional-five-areas.json     (an invented five-area plan for
                                                  testing layouts)

Python 3 standard library only. Deterministic: no randomness, no clock; running it
twice gives byte-identical files. Every object is rebuilt in the key order of
docs/FORMAT.md (`planboard/1`) and every key is written, even when null or empty.

Usage: python3 scripts/make-samples.py   (from anywhere; paths are relative to the repo)
"""

import copy
import datetime
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLES = os.path.join(ROOT, "sample-data")

# ---------------------------------------------------------------------------
# planboard/1 key order (docs/FORMAT.md). canon() rebuilds every object in this
# order and fails loudly on a missing or unknown key.
# ---------------------------------------------------------------------------

STATUSES = ("not-started", "red", "amber", "green", "complete")

SCHEMA = {
    "plan": [("format", None), ("header", "header"), ("settings", "settings"),
             ("governance", "governance"), ("areas", ["area"]), ("risks", ["risk"]),
             ("kpis", ["kpi"]), ("checkpoints", ["checkpoint"])],
    "header": [("localArea", None), ("title", None), ("notice", None),
               ("inspectionStart", None), ("inspectionEnd", None),
               ("revisitReportDate", None), ("accountableOfficers", ["person"]),
               ("advisers", ["person"])],
    "person": [("name", None), ("role", None), ("organisation", None)],
    "settings": [("lowRiskMax", None), ("mediumRiskMax", None), ("dueSoonDays", None)],
    "governance": [("narrative", None), ("partners", None),
                   ("reportingLines", ["reportingLine"])],
    "reportingLine": [("from", None), ("to", None), ("kind", None), ("frequency", None)],
    "area": [("number", None), ("title", None), ("weakness", None),
             ("findingsSource", None), ("findings", ["finding"]), ("actions", ["action"])],
    "finding": [("letter", None), ("text", None)],
    "action": [("ref", None), ("text", None), ("byWhen", None), ("leads", None),
               ("seniorResponsibleOfficer", None), ("status", None), ("kpiText", None),
               ("kpis", None), ("successCriteria", None), ("notes", ["note"])],
    "note": [("date", None), ("author", None), ("text", None)],
    "risk": [("ref", None), ("raised", None), ("risk", None), ("owner", None),
             ("inherent", "score"), ("mitigation", None), ("residual", "score"),
             ("target", "score"), ("progress", None), ("reviewDate", None),
             ("areas", None)],
    "score": [("likelihood", None), ("impact", None)],
    "kpi": [("ref", None), ("name", None), ("unit", None), ("better", None),
            ("baseline", "measure?"), ("comparator", "comparator?"),
            ("milestones", ["milestone"])],
    "measure": [("value", None), ("date", None), ("note", None)],
    "comparator": [("label", None), ("value", None)],
    "milestone": [("label", None), ("date", None), ("target", None), ("actual", None)],
    "checkpoint": [("name", None), ("date", None), ("actions", ["cpAction"]),
                   ("risks", ["cpRisk"]), ("kpis", ["cpKpi"])],
    "cpAction": [("ref", None), ("status", None)],
    "cpRisk": [("ref", None), ("inherent", "score"), ("residual", "score"),
               ("target", "score")],
    "cpKpi": [("ref", None), ("actuals", None)],
}


def _num(v):
    """Whole floats become ints so they are written without a fraction."""
    if isinstance(v, float) and v.is_integer():
        return int(v)
    if isinstance(v, list):
        return [_num(x) for x in v]
    return v


def canon(obj, kind="plan", where="plan"):
    if kind.endswith("?"):
        return None if obj is None else canon(obj, kind[:-1], where)
    if not isinstance(obj, dict):
        raise SystemExit(f"{where}: expected an object")
    keys = [k for k, _ in SCHEMA[kind]]
    extra = set(obj) - set(keys)
    missing = [k for k in keys if k not in obj]
    if extra or missing:
        raise SystemExit(f"{where}: unknown keys {sorted(extra)}, missing keys {missing}")
    out = {}
    for key, sub in SCHEMA[kind]:
        v = obj[key]
        if isinstance(sub, list):
            out[key] = [canon(x, sub[0], f"{where}.{key}[{i}]") for i, x in enumerate(v)]
        elif sub is not None:
            out[key] = canon(v, sub, f"{where}.{key}")
        else:
            out[key] = _num(v)
    return out


def write(name, plan):
    text = json.dumps(canon(plan), indent=2, ensure_ascii=False) + "\n"
    with open(os.path.join(SAMPLES, name), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print(f"wrote sample-data/{name}")


# ---------------------------------------------------------------------------
# Small builders (dicts built in FORMAT.md order).
# ---------------------------------------------------------------------------

def day(s):
    """Checks that s is a real calendar date and returns it unchanged."""
    if s is not None:
        datetime.date.fromisoformat(s)
    return s


def note(date, author, text):
    return {"date": day(date), "author": author, "text": text}


def score(likelihood, impact):
    return {"likelihood": likelihood, "impact": impact}


def risk(ref, raised, text, owner, inherent, mitigation, residual, target, progress,
         review, areas):
    return {"ref": ref, "raised": day(raised), "risk": text, "owner": owner,
            "inherent": score(*inherent), "mitigation": mitigation,
            "residual": score(*residual), "target": score(*target), "progress": progress,
            "reviewDate": day(review), "areas": list(areas)}


def milestone(label, date, target, actual):
    return {"label": label, "date": day(date), "target": target, "actual": actual}


def measure(value, date, note_text=""):
    return {"value": value, "date": day(date), "note": note_text}


def action(ref, text, by_when, leads, sro, status, kpi_text, kpis, success, notes):
    return {"ref": ref, "text": text, "byWhen": day(by_when), "leads": list(leads),
            "seniorResponsibleOfficer": sro, "status": status, "kpiText": kpi_text,
            "kpis": list(kpis), "successCriteria": success, "notes": list(notes)}


def all_actions(plan):
    return [a for area in plan["areas"] for a in area["actions"]]


def checkpoint(plan, name, date, status_then, scores_then, actuals_then):
    """A snapshot of every action, risk and KPI in `plan`, with overrides giving the
    values as they were on `date` (anything not overridden is as now)."""
    return {
        "name": name,
        "date": day(date),
        "actions": [{"ref": a["ref"], "status": status_then.get(a["ref"], a["status"])}
                    for a in all_actions(plan)],
        "risks": [{"ref": r["ref"],
                   "inherent": score(*scores_then.get(r["ref"], {}).get(
                       "inherent", (r["inherent"]["likelihood"], r["inherent"]["impact"]))),
                   "residual": score(*scores_then.get(r["ref"], {}).get(
                       "residual", (r["residual"]["likelihood"], r["residual"]["impact"]))),
                   "target": score(*scores_then.get(r["ref"], {}).get(
                       "target", (r["target"]["likelihood"], r["target"]["impact"])))}
                  for r in plan["risks"]],
        "kpis": [{"ref": k["ref"],
                  "actuals": list(actuals_then.get(k["ref"],
                                                   [m["actual"] for m in k["milestones"]]))}
                 for k in plan["kpis"]],
    }


# ---------------------------------------------------------------------------
# 1. Devon, illustrative
# ---------------------------------------------------------------------------

ILLUSTRATIVE_NOTICE = (
    "Illustrative sample: the by-when dates, statuses, progress notes, risks, KPI figures "
    "and checkpoints in this file are invented for demonstration. The plan text is "
    "Devon’s (2022).")

JR = "Jackie Ross"
MC = "Melissa Caslake"
JM = "Jane Milligan"
DCO = "Designated Clinical Officer (NHS Devon)"
HSC = "Head of Social Care (SEND)"

# ref: (byWhen, status, seniorResponsibleOfficer, extra KPI links, notes oldest first)
# Every invented value lives here; the plan text itself is never changed.
DEVON_ACTIONS = {
    "1a": ("2023-03-31", "amber", MC, [], [
        ("2022-09-14", JR, "Draft ‘what to expect at SEN Support’ guide shared with the Devon Parent/Carer Forum for comment."),
        ("2023-04-12", JR, "Amber: the health and respite sections are not yet agreed with NHS partners; the education section is published on the Local Offer. New date to be set at the June board."),
    ]),
    "1b": ("2023-01-31", "red", MC, [], [
        ("2022-10-05", JR, "Pay benchmarking with neighbouring authorities completed; market supplement proposal drafted."),
        ("2023-01-26", JR, "Red: market supplement for caseworkers not approved by the HR panel; 7 of 18 caseworker posts still vacant."),
        ("2023-06-08", MC, "Revised proposal goes to July Cabinet. Agency cover extended to September."),
    ]),
    "1c": ("2023-06-30", "green", MC, [], [
        ("2022-11-02", JR, "Local Offer review group formed with the parent/carer forum and the young people’s representative group."),
        ("2023-01-25", JR, "Amber: web team capacity has delayed the new pathway pages by six weeks."),
        ("2023-05-30", JR, "Pathway pages for SEN Support and EHC needs assessment are live; back on track."),
    ]),
    "1d-e": ("2023-07-31", "amber", MC, [], [
        ("2023-03-01", JR, "Multi-agency briefing pack drafted; training schedule for education settings agreed for the summer term."),
        ("2023-08-03", JR, "Amber: training for health professionals moved to September; education settings 60% trained."),
    ]),
    "1f": ("2023-09-30", "not-started", MC, [], [
        ("2023-05-30", JR, "To start once the 1c pathway pages are complete."),
    ]),
    "2a": ("2023-09-30", "green", MC, ["K6"], [
        ("2022-08-22", JR, "Call-handling standard (reply within 3 working days) introduced for the 0-25 team; weekly performance report to managers."),
        ("2022-12-09", JR, "New parent/carer survey launched with the parent/carer forum: 412 responses in the first month."),
    ]),
    "2b": (None, "amber", None, [], [
        ("2022-10-19", HSC, "Single point of contact in social care agreed for families of children with SEND."),
        ("2023-02-08", HSC, "Amber: the duty line still answers under 70% of calls within target; rota under review."),
    ]),
    "2c": (None, "red", JM, [], [
        ("2022-11-10", DCO, "Communication audit started across the acute and community health trusts."),
        ("2023-05-17", DCO, "Red: the audit found missed-appointment letters are still sent by post only; the trust’s IT change is not scheduled until 2024."),
    ]),
    "3a.i": ("2022-12-31", "red", MC, [], [
        ("2022-07-20", JR, "Recruitment campaign for 8 caseworkers and 3 educational psychologists launched."),
        ("2023-01-12", JR, "Amber: 5 caseworkers appointed; educational psychologist posts unfilled after two rounds."),
        ("2023-04-26", JR, "Red: two of the new caseworkers have left and the EP posts are still vacant; locum EPs commissioned to cover statutory advice."),
    ]),
    "3a.ii": ("2022-11-30", "complete", None, [], [
        ("2022-11-24", JR, "EP service review completed; allocation by locality agreed by the board."),
    ]),
    "3a.iii": ("2022-10-31", "complete", None, [], [
        ("2022-10-28", JR, "Weekly timeliness dashboard in place; 20-week targets set for each caseworker."),
    ]),
    "3b": ("2023-03-31", "amber", MC, [], [
        ("2022-08-01", JR, "Annual review backlog team of six in post (fixed term)."),
        ("2023-01-30", JR, "Red: backlog still 950 against a January target of 800; health and social care contributions are not arriving in time."),
        ("2023-05-22", JR, "Amber: graduated response agreed with health and social care; backlog down to 640, but the March date was missed."),
    ]),
    "3c": (None, "green", None, ["K6"], [
        ("2022-10-12", JR, "Casework culture training delivered to the 0-25 team (42 staff)."),
    ]),
    "3c.i": ("2022-09-30", "complete", None, [], [
        ("2022-09-29", JR, "Caseloads capped with interim staff; completed."),
    ]),
    "3c.ii": ("2023-01-31", "amber", None, [], [
        ("2022-12-02", JR, "Simplified request and annual review forms drafted with the parent/carer forum."),
        ("2023-02-10", JR, "Amber: new forms await sign-off by health and social care; latest QA sample rates 71% of plans good."),
    ]),
    "3c.iii": (None, "not-started", None, [], []),
    "3d": ("2022-12-16", "complete", None, ["K6"], [
        ("2022-12-15", JR, "EHC pathway roadmap published on the Local Offer, with an easy-read version."),
    ]),
    "3e": ("2023-04-28", "green", None, ["K6"], [
        ("2023-01-18", JR, "Hub phone line replaced by a named caseworker contact for each family in two pilot localities."),
    ]),
    "3f": ("2023-06-30", "green", None, [], [
        ("2023-03-08", JR, "Professional lead roles defined for each locality team."),
    ]),
    "3g": ("2023-05-31", "amber", None, [], [
        ("2023-03-22", JR, "Consistent caseworker allocation rules agreed."),
        ("2023-06-14", JR, "Amber: information-sharing agreement with health still unsigned; legal review under way."),
    ]),
    "3h": ("2023-09-29", "green", None, ["K5"], [
        ("2022-12-07", JR, "Advice template agreed with EPS, health and social care."),
        ("2023-03-29", JR, "Advice-writing training delivered to 96 professionals."),
    ]),
    "3i": ("2023-02-28", "complete", None, ["K5"], [
        ("2023-02-24", JR, "‘What a good EHC plan looks like’ standard published; all caseworkers trained."),
    ]),
    "3j": ("2023-01-31", "red", MC, ["K5"], [
        ("2022-11-30", JR, "Draft multi-agency QA framework circulated."),
        ("2023-01-31", JR, "Red: framework not agreed and no health or social care QA leads named, so audits are education-only."),
        ("2023-06-20", JR, "Framework agreed at the board; first joint audit set for September."),
    ]),
    "3k": ("2023-09-29", "not-started", None, [], []),
    "3l": ("2023-09-29", "not-started", None, [], []),
    "3m": (None, "green", None, [], [
        ("2023-03-08", JR, "Tracked through 3d, 3h and 3j."),
    ]),
    "3n": ("2023-06-30", "amber", None, ["K1"], [
        ("2023-01-11", JR, "Annual review training for SENCOs scheduled in every locality."),
        ("2023-07-05", JR, "Amber: 58% of schools have attended; the mainstream inclusion strategy is still in draft."),
    ]),
    "3o": ("2023-07-31", "red", MC, ["K1"], [
        ("2022-12-14", JR, "Review of pupils out of education started: 118 identified."),
        ("2023-02-02", JR, "Amber: 40 reviews outstanding beyond six weeks."),
        ("2023-06-28", JR, "Red: not enough tuition and alternative provision places; 23 pupils still without a full-time offer."),
    ]),
    "3p.i": ("2023-09-01", "amber", None, [], [
        ("2023-01-19", JR, "Multi-agency placement panel terms of reference agreed."),
        ("2023-07-12", JR, "Amber: panel meets monthly, but two independent providers have not signed the collaboration agreement."),
    ]),
    "3p.ii": ("2023-08-31", "green", None, [], [
        ("2023-04-04", JR, "Quality expectations for provision drafted with the parent/carer forum."),
    ]),
}

DEVON_RISKS = [
    risk("R1", "2022-06-30",
         "Caseworkers and educational psychologists cannot be recruited or retained in the numbers needed, so EHC needs assessments and annual reviews stay late.",
         JR, (5, 5),
         "Market supplement for caseworkers; locum educational psychologists for statutory advice; trainee EP places; national recruitment campaign.",
         (4, 4), (2, 4),
         "5 caseworkers appointed, 2 have left. EP vacancies covered by locums until September.",
         "2023-09-12", [1, 3]),
    risk("R2", "2022-06-30",
         "The backlog of 1600 delayed annual reviews is not cleared, so the provision in plans goes out of date.",
         JR, (5, 4),
         "Fixed-term backlog team; graduated response with health and social care partners; weekly tracking.",
         (3, 4), (2, 3),
         "Backlog down to 420 at the end of July (K1). Backlog team contracts extended to March 2024.",
         "2023-09-12", [3]),
    risk("R3", "2022-06-30",
         "Demand for ASD assessment keeps rising faster than capacity, so the waiting list of almost 2,000 does not fall.",
         DCO, (5, 4),
         "Extra assessment capacity commissioned; neurodiversity pathway offering support before diagnosis.",
         (4, 4), (3, 3),
         "Waiting list down to 1,720 (K2); the share waiting over a year is still above target.",
         "2023-09-12", [4]),
    risk("R4", "2022-06-30",
         "Parents’ and carers’ trust in the local area does not recover, so families do not engage with co-production or the new survey.",
         MC, (4, 5),
         "Co-production charter with the parent/carer forum; ‘you said, we did’ updates; named caseworker contact for each family.",
         (3, 4), (2, 3),
         "Survey satisfaction up from 38% to 61% (K6). The parent/carer forum attends every board.",
         "2023-10-10", [1, 2, 3]),
    risk("R5", "2022-07-15",
         "Case records are incomplete or inaccurate, so the timeliness and backlog figures reported to the board are unreliable.",
         "SEND Data and Performance Lead", (4, 3),
         "Data cleanse of case records; monthly reconciliation with schools; data quality dashboard.",
         (2, 3), (1, 3),
         "Cleanse found 50 duplicate annual review records; the January backlog figure has been revised.",
         "2023-10-10", [1, 3]),
    risk("R6", "2022-07-15",
         "The high-needs funding deficit limits what can be spent on extra staff and provision.",
         "Head of Finance, Children’s Services", (4, 4),
         "Deficit management plan agreed with DfE; invest-to-save case for the backlog team.",
         (4, 4), (3, 4),
         "Deficit management plan agreed; no change to the risk yet.",
         "2023-09-12", [1, 3]),
    risk("R7", "2022-08-10",
         "Shortages in health visiting services persist, delaying healthy child programme reviews and the identification of under-fives.",
         "Head of Public Health Nursing", (4, 4),
         "Skill-mix model with nursery nurses; two-year reviews prioritised; student health visitor places.",
         (3, 4), (2, 3),
         "Two-year review coverage up from 61% to 74%.",
         "2023-10-10", [4]),
    risk("R8", "2022-08-10",
         "There is not enough capacity to quality assure EHC plans across education, health and social care.",
         JR, (3, 3),
         "Multi-agency QA framework (3j); a QA lead named in each agency; monthly audit sample.",
         (2, 3), (1, 3),
         "Joint audit starts in September; audits so far are education-only.",
         "2023-09-12", [3]),
    risk("R9", "2022-09-21",
         "The number of SEND Tribunal appeals rises, drawing caseworker time away from assessments.",
         JR, (4, 3),
         "Early mediation; better professional advice (3h); legal team support for casework.",
         (3, 3), (2, 2),
         "Appeals registered are 12% lower than in the same period last year.",
         "2023-10-10", [2, 3]),
    risk("R10", "2022-09-21",
         "The case-management system cannot support the new EHC process, backlog tracking and a family portal.",
         "Head of ICT, Devon County Council", (3, 4),
         "System upgrade and family portal procured; interim tracker for the backlog team.",
         (2, 2), (1, 2),
         "Upgrade went live in June 2023; portal piloted in two localities.",
         "2023-12-12", [2, 3]),
]

MILESTONE_DATES = ("2022-10-31", "2023-01-31", "2023-07-31")
BASELINE_DATE = "2022-06-30"

# ref: (baseline value, or None to keep the plan's; targets at 3/6/12 months; actuals)
DEVON_KPI_FIGURES = {
    "K1": (None, (1200, 800, 200), (1350, 900, 420)),
    "K2": (None, (1900, 1750, 1500), (1980, 1890, 1720)),
    "K3": (None, (45, 40, 30), (49, 44, None)),
    "K4": (31, (40, 50, 58), (36, 47, 55)),
    "K5": (42, (60, 75, 95), (55, 71, 83)),
    "K6": (38, (50, 65, 90), (None, 52, 61)),
}

# Checkpoints: what differed from now on each date.
DEVON_CHECKPOINTS = [
    ("Board 2022-11-15", "2022-11-15",
     {"1a": "green", "1b": "amber", "1c": "not-started", "1d-e": "not-started",
      "2b": "green", "2c": "amber", "3a.i": "amber", "3a.ii": "green", "3b": "amber",
      "3c.ii": "green", "3d": "green", "3e": "not-started", "3f": "not-started",
      "3g": "not-started", "3h": "not-started", "3i": "not-started", "3j": "amber",
      "3m": "not-started", "3n": "not-started", "3o": "not-started",
      "3p.i": "not-started", "3p.ii": "not-started"},
     {"R1": {"residual": (5, 4)}, "R2": {"residual": (4, 4)}, "R10": {"residual": (3, 3)}},
     {"K1": [1350, None, None], "K2": [1980, None, None], "K3": [49, None, None],
      "K4": [36, None, None], "K5": [55, None, None], "K6": [None, None, None]}),
    ("Six-month review 2023-02-14", "2023-02-14",
     {"1c": "amber", "3a.i": "amber", "3b": "red", "3i": "green", "3o": "amber",
      "3p.ii": "not-started"},
     {"R2": {"residual": (4, 4)}},
     # The K1 six-month figure was 950 then; the data cleanse (R5) revised it to 900.
     {"K1": [1350, 950, None], "K2": [1980, 1890, None], "K3": [49, 44, None],
      "K4": [36, 47, None], "K5": [55, 71, None], "K6": [None, 52, None]}),
]


def devon_illustrative(devon):
    plan = copy.deepcopy(devon)
    plan["header"]["notice"] = ILLUSTRATIVE_NOTICE

    refs = [a["ref"] for a in all_actions(plan)]
    if sorted(refs) != sorted(DEVON_ACTIONS):
        raise SystemExit("devon-app.json actions and DEVON_ACTIONS differ: "
                         f"{sorted(set(refs) ^ set(DEVON_ACTIONS))}")
    for a in all_actions(plan):
        by_when, status, sro, extra_kpis, notes = DEVON_ACTIONS[a["ref"]]
        a["byWhen"] = day(by_when)
        a["status"] = status
        a["seniorResponsibleOfficer"] = sro
        a["kpis"] = a["kpis"] + [k for k in extra_kpis if k not in a["kpis"]]
        a["notes"] = [note(*n) for n in notes]

    plan["risks"] = copy.deepcopy(DEVON_RISKS)

    for k in plan["kpis"]:
        base, targets, actuals = DEVON_KPI_FIGURES[k["ref"]]
        if k["baseline"] is None:
            k["baseline"] = measure(base, BASELINE_DATE)
        else:
            k["baseline"]["date"] = BASELINE_DATE
        labels = [m["label"] for m in k["milestones"]]
        if labels != ["3 months", "6 months", "12 months"]:
            raise SystemExit(f"{k['ref']}: unexpected milestones {labels}")
        for m, date, t, act in zip(k["milestones"], MILESTONE_DATES, targets, actuals):
            if m["target"] is not None and m["target"] != t:
                raise SystemExit(f"{k['ref']} {m['label']}: plan target {m['target']} != {t}")
            m["date"], m["target"], m["actual"] = date, t, act

    plan["checkpoints"] = [checkpoint(plan, *cp) for cp in DEVON_CHECKPOINTS]
    return plan


# ---------------------------------------------------------------------------
# 2. Northmoor: an invented plan with five areas
# ---------------------------------------------------------------------------

NM = "Northmoor"
AH = "Dr Amélie Hartwell"
TR = "Tomás Reyes"
PA = "Priya Anand"
OB = "Owen Bryce"
SK = "Siân Kerrow"


def northmoor():
    def area(number, title, weakness, source, findings, actions):
        return {"number": number, "title": title, "weakness": weakness,
                "findingsSource": source,
                "findings": [{"letter": chr(ord("a") + i), "text": t}
                             for i, t in enumerate(findings)],
                "actions": actions}

    src = "From the revisit report, March ’23:"
    areas = [
        area(1, "Joint commissioning",
             "Leaders’ joint commissioning arrangements are underdeveloped, so services do not reflect the needs of children and young people with SEND.",
             src,
             ["There is no shared needs analysis across education, health and care.",
              "Commissioners cannot say what £4.2m of jointly funded services achieve.",
              "Speech and language therapy is commissioned differently in the north and south of the area."],
             [action("1a", "Complete a joint strategic needs analysis for SEND – agreed by all partners.", "2023-06-30", [OB], AH, "complete", "JSNA chapter published.", [], "Analysis signed off by the Health and Wellbeing Board.", [
                  note("2023-06-27", OB, "Signed off by the Health and Wellbeing Board.")]),
              action("1b", "Agree a joint commissioning framework with pooled budget rules.", "2023-09-29", [OB, PA], AH, "amber", "", [], "", [
                  note("2023-05-03", OB, "Draft framework with legal services."),
                  note("2023-08-14", OB, "Amber: pooled budget rules need ICB board approval, now scheduled for October.")]),
              action("1c.i", "Review speech and language therapy contracts – north locality.", "2023-12-15", [PA], None, "green", "", ["K2"], "", [
                  note("2023-07-19", PA, "Contract data collected; provider engaged.")]),
              action("1c.ii", "Review speech and language therapy contracts – south locality.", "2024-03-29", [PA], None, "not-started", "", ["K2"], "", []),
             ]),
        area(2, "Therapy waiting times",
             "Children and young people wait too long for therapies, and families receive little support while they wait.",
             src,
             ["Waits for occupational therapy exceed 52 weeks for 30% of referrals.",
              "Families are not told how long they are likely to wait.",
              "There is no ‘waiting well’ offer."],
             [action("2a", "Publish expected waiting times for every therapy on the Local Offer.", "2023-05-31", [PA], None, "complete", "Waiting times published monthly.", ["K2"], "", [
                  note("2023-05-24", PA, "Published; updated on the first working day of each month.")]),
              action("2b.i", "Recruit two band 6 occupational therapists.", "2023-07-31", [PA], SK, "red", "", ["K2"], "", [
                  note("2023-04-11", PA, "Adverts out twice."),
                  note("2023-08-02", PA, "Red: no appointable candidates; agency cost £1,150 a week per therapist is over budget.")]),
              action("2b.ii", "Commission additional OT capacity from the independent sector – up to £180,000.", "2023-10-31", [PA, OB], SK, "amber", "", ["K2"], "", [
                  note("2023-08-09", OB, "Amber: procurement route agreed but the tender has slipped by a month.")]),
              action("2c", "Launch a ‘waiting well’ offer: drop-in advice, sensory packs, parent workshops.", "2023-09-15", [PA], None, "green", "Families report feeling supported (survey).", ["K4"], "", [
                  note("2023-06-06", PA, "First drop-in held in Ashby Vale; 34 families attended.")]),
              action("2d", "Triage every referral within 10 working days.", "2023-08-31", [PA], None, "green", "", [], "", []),
              action("2e", "Report waiting-time trends to the partnership board each quarter.", None, [PA], None, "not-started", "", [], "", []),
             ]),
        area(3, "Preparation for adulthood",
             "Young people’s preparation for adulthood is weak; too few have clear pathways into employment, independent living and good health.",
             src,
             ["Annual reviews from Year 9 rarely consider adulthood outcomes.",
              "Supported internships are available in only one college.",
              "Health transition from children’s to adult services is unplanned for many young people.",
              "Young people say they are not listened to.",
              "Careers advice does not take account of SEND."],
             [action("3a", "Embed preparation-for-adulthood outcomes in every annual review from Year 9.", "2023-12-15", [TR], None, "amber", "Audit of Year 9+ reviews.", ["K3"], "90% of Year 9+ reviews include adulthood outcomes.", [
                  note("2023-07-10", TR, "Amber: audit shows 48%; template change waiting for the IT release.")]),
              action("3b", "Expand supported internships to all three colleges.", "2024-03-29", [TR], None, "green", "", [], "", [
                  note("2023-06-21", TR, "Second college signed up; 12 places for September.")]),
              action("3c", "Agree a health transition protocol with adult services, including a named worker at 17½.", "2023-11-30", [SK], SK, "red", "", [], "", [
                  note("2023-08-01", SK, "Red: adult mental health services have not agreed the protocol; escalated to the ICB.")]),
             ]),
        area(4, "Co-production with families",
             "Co-production with parents, carers and young people is not embedded at a strategic or individual level.",
             src,
             ["The parent carer forum is consulted late, after decisions are made.",
              "Families whose first language is not English are under-represented.",
              "Feedback is collected but families do not hear what happened as a result."],
             [action("4a", "Agree a co-production charter with the Northmoor Parent Carer Forum.", "2023-04-28", [TR], AH, "complete", "", [], "", [
                  note("2023-04-25", TR, "Charter signed at the forum’s annual meeting.")]),
              action("4b", "Publish ‘you said, we did’ updates every quarter.", "2023-06-30", [TR], None, "complete", "", ["K4"], "", [
                  note("2023-06-29", TR, "First update published and sent to 1,240 families.")]),
              action("4c", "Fund forum participation – £25,000 a year for three years.", "2023-05-31", [OB], None, "complete", "", [], "", []),
              action("4d", "Translate key Local Offer pages into the five most-spoken community languages.", "2023-10-31", [TR], None, "green", "", [], "", [
                  note("2023-07-27", TR, "Polish, Romanian, Arabic and Urdu pages done; Chinese (中文) in proof.")]),
              action("4e", "Young people’s panel to review every new leaflet – “nothing about us without us”.", "2023-09-29", [TR], None, "amber", "", [], "", [
                  note("2023-08-16", TR, "Amber: panel has four members against a target of twelve; recruitment through schools in September.")]),
              action("4f", "Train all SEND staff in person-centred practice.", "2024-01-31", [TR, PA], None, "green", "", [], "", []),
              action("4g", "Include a parent representative on every commissioning panel.", "2023-12-15", [OB], None, "not-started", "", [], "", []),
              action("4h", "Run an annual co-production survey (including café-style sessions in each locality).", "2024-02-29", [TR], None, "not-started", "Survey response rate.", ["K4"], "", []),
             ]),
        area(5, "Inclusion in mainstream schools",
             "Too many children and young people with SEND are excluded from mainstream schools or placed on part-time timetables, and the area does not know how many.",
             src,
             ["Permanent exclusions of pupils with EHC plans are twice the national rate.",
              "Part-time timetables are not recorded centrally.",
              "Schools say they lack access to specialist outreach."],
             [action("5a", "Record every part-time timetable centrally and review each one within 6 weeks.", "2023-06-30", [OB], AH, "red", "", ["K1"], "", [
                  note("2023-03-14", OB, "Recording form issued to all schools."),
                  note("2023-07-04", OB, "Red: only 61% of schools returning data; academies’ trust leads to be written to by the DCS.")]),
              action("5b.i", "Specialist outreach – autism.", "2023-09-01", [OB], None, "green", "", ["K1"], "", []),
              action("5b.ii", "Specialist outreach – social, emotional and mental health.", "2023-09-01", [OB], None, "amber", "", ["K1"], "", [
                  note("2023-08-10", OB, "Amber: one of three outreach posts filled.")]),
              action("5b.iii", "Specialist outreach – sensory (hearing and vision).", "2023-09-01", [OB], None, "complete", "", [], "", []),
              action("5c", "Inclusion charter for all schools, with a £500 inclusion award for early adopters.", "2024-03-29", [OB], None, "not-started", "", ["K1"], "", []),
             ]),
    ]

    ms = ("2023-06-30", "2023-09-30", "2024-03-31")

    def kpi(ref, name, unit, better, base, comparator, targets, actuals):
        return {"ref": ref, "name": name, "unit": unit, "better": better,
                "baseline": measure(base, "2023-03-31") if base is not None else None,
                "comparator": comparator,
                "milestones": [milestone(label, d, t, a) for label, d, t, a in
                               zip(("3 months", "6 months", "12 months"), ms, targets, actuals)]}

    kpis = [
        kpi("K1", "Permanent exclusions of pupils with EHC plans (per term)", "count", "lower",
            18, None, (15, 12, 8), (16, None, None)),
        kpi("K2", "Median wait for occupational therapy", "weeks", "lower",
            41, {"label": "Regional median", "value": 18.5}, (36, 30, 18), (38, None, None)),
        kpi("K3", "Year 9+ annual reviews with adulthood outcomes", "%", "higher",
            22, None, (40, 60, 90), (48, None, None)),
        kpi("K4", "Families who feel listened to", "%", "higher",
            None, {"label": "England average (survey)", "value": 47}, (35, 45, 60), (None, None, None)),
    ]

    risks = [
        risk("R1", "2023-03-31", "Occupational therapists cannot be recruited, so waits do not fall.", PA,
             (5, 4), "Independent-sector capacity; apprenticeship route; retention payments.", (4, 4), (2, 3),
             "Two rounds of adverts unsuccessful.", "2023-10-02", [2]),
        risk("R2", "2023-03-31", "The high-needs deficit (£11.8m) stops new outreach posts.", OB,
             (4, 5), "Deficit recovery plan; outreach funded from the early intervention reserve.", (3, 4), (2, 4),
             "Reserve funding agreed for 2023–24 only.", "2023-10-02", [1, 5]),
        risk("R3", "2023-04-14", "Adult services do not sign up to the health transition protocol.", SK,
             (3, 4), "ICB escalation; shared transition posts.", (3, 4), (1, 4),
             "Escalated to the ICB board in August.", "2023-09-18", [3]),
        risk("R4", "2023-04-14", "Schools do not return part-time timetable data.", OB,
             (4, 3), "Letter from the DCS; data item in the schools’ annual return.", (3, 3), (1, 2),
             "Returns up from 40% to 61%.", "2023-09-18", [5]),
        risk("R5", "2023-05-02", "Forum capacity is too small to co-produce everything the plan asks of it.", TR,
             (2, 3), "Funded forum hours; prioritised co-production calendar.", (1, 3), (1, 2),
             "Calendar agreed with the forum.", "2023-11-06", [4]),
        risk("R6", "2023-05-02", "The case-management system change is delayed, blocking new review templates.", PA,
             (3, 3), "Interim paper template; supplier penalty clause.", (2, 2), (1, 1),
             "Release confirmed for October.", "2023-11-06", [2, 3]),
    ]

    plan = {
        "format": "planboard/1",
        "header": {
            "localArea": "Northmoor Local Area (fictional)",
            "title": "Accelerated Progress Plan (APP) for Northmoor Local Area – a fictional plan",
            "notice": ("Fictional plan for testing layouts: Northmoor, its people, figures and "
                       "findings are invented. Five areas of weakness, long and short text, "
                       "every status and non-ASCII text (£, –, ’, é)."),
            "inspectionStart": "2023-03-06",
            "inspectionEnd": "2023-03-10",
            "revisitReportDate": "2023-05-02",
            "accountableOfficers": [
                {"name": AH, "role": "Director of Children’s Services", "organisation": "Northmoor Council (fictional)"},
                {"name": SK, "role": "Chief Nursing Officer", "organisation": "Northmoor Integrated Care Board (fictional)"},
            ],
            "advisers": [
                {"name": "Renée Ashworth", "role": "SEND Adviser", "organisation": "Department for Education"},
                {"name": "Kwame Osei-Thorne", "role": "SEND Adviser", "organisation": "NHS England"},
            ],
        },
        "settings": {"lowRiskMax": 4, "mediumRiskMax": 12, "dueSoonDays": 14},
        "governance": {
            "narrative": ("The Northmoor SEND Improvement Board (fictional) meets every six weeks, "
                          "chaired by the Director of Children’s Services. It reports to the "
                          "Health and Wellbeing Board and, for health matters, to the ICB Quality "
                          "Committee.\n\nEach area of weakness has a lead who reports progress, "
                          "risks and KPIs to every meeting."),
            "partners": ["Northmoor Council (fictional)",
                         "Northmoor Integrated Care Board (fictional)",
                         "Northmoor Parent Carer Forum (fictional)",
                         "Schools, colleges and early years settings"],
            "reportingLines": [
                {"from": "SEND Improvement Board", "to": "Health and Wellbeing Board", "kind": "accountability", "frequency": "quarterly"},
                {"from": "SEND Improvement Board", "to": "ICB Quality Committee", "kind": "accountability", "frequency": "every two months"},
                {"from": "Area leads", "to": "SEND Improvement Board", "kind": "information", "frequency": "every six weeks"},
            ],
        },
        "areas": areas,
        "risks": risks,
        "kpis": kpis,
        "checkpoints": [],
    }
    plan["checkpoints"] = [checkpoint(
        plan, "Board 2023-07-05", "2023-07-05",
        {"1a": "green", "1b": "green", "2b.i": "amber", "2b.ii": "not-started",
         "2c": "not-started", "3a": "green", "3c": "amber", "4e": "green",
         "5a": "amber", "5b.ii": "green"},
        {"R1": {"residual": (5, 4)}, "R4": {"residual": (4, 3)}},
        {"K1": [16, None, None], "K2": [38, None, None], "K3": [None, None, None],
         "K4": [None, None, None]})]
    return plan


def main():
    with open(os.path.join(SAMPLES, "devon-app.json"), encoding="utf-8") as f:
        devon = json.load(f)
    write("devon-app-illustrative.json", devon_illustrative(canon(devon)))
    write("fictional-five-areas.json", northmoor())
    return 0


if __name__ == "__main__":
    sys.exit(main())
