#!/usr/bin/env python3
"""Measure how notmuch-followup understands labelled mail (make eval).

Runs `notmuch-followup classify --format=json` over two labelled sets:

  tests/corpus/            mail written for this project (NAME.eml + NAME.json)
  ../shared/corpus/jobs/   real job-search mail (labels.tsv, LABELS.md)

and prints, per source and overall: precision and recall per kind, job vs
not (any kind but `unrelated` is job mail), the draft-triggering false
positives (a message labelled as something else but taken as an
invitation, a calendar interview, a rejection or an offer, the kinds that
start or move a process and lead to drafts), invitations found, and field
accuracy on invitations (interviewers, start time, and company and role
where the label has them).  A kind below the acting confidence counts as
`unrelated`, as scan treats it.

The weights are fitted on these same sets (make train), so classify's own
figures on them are no evidence either: --predictions takes the held-out
predictions of tools/train.py --cv instead (make eval does).

Figures on data a rule was written from are no evidence: the report says
for each set whether its figures are held out.  --floors FILE makes the run
fail (exit 1) when a held-out figure falls below the floor FILE names.
Standard library only.
"""
import collections
import datetime
import json
import os
import re
import sys

from labelled import (DRAFTING, INVITES, KINDS, acts_as, argument_parser,
                      classify, load_jobs, load_project_corpus)


def acted_kind(c):
    """The kind scan acts on: classify's "acts_as" (at the acting
    confidence make train chose), or as at --act when given."""
    if not c.got:
        return "unrelated"
    if ACT_AT[0] is not None:
        return acts_as(c.got, ACT_AT[0])
    return c.got.get("acts_as", "unrelated")


ACT_AT = [None]   # --act


def norm(s):
    return re.sub(r"[^a-z0-9@.]", "", (s or "").lower())


def person_keys(label):
    """A labelled person: 'Name <addr>', 'Name' or 'addr'."""
    m = re.match(r"\s*(.*?)\s*<([^>]+)>\s*$", label)
    if m:
        return norm(m.group(1)), m.group(2).lower()
    if "@" in label:
        return "", label.strip().lower()
    return norm(label), ""


def people_right(c):
    """Every labelled interviewer found, nobody else (by name or address)."""
    got = c.got.get("people") or [] if c.got else []
    want = [person_keys(p) for p in c.people]
    found = []
    for p in got:
        if isinstance(p, str):
            found.append(("", p.lower()))
        else:
            found.append((norm(p.get("name")), (p.get("addr") or "").lower()))

    def same(w, g):
        return (w[1] and w[1] == g[1]) or (w[0] and g[0] and w[0] == g[0])
    return (all(any(same(w, g) for g in found) for w in want)
            and all(any(same(w, g) for w in want) for g in found))


def parse_time(s):
    if not s:
        return None
    s = s.strip()
    try:
        if len(s) == 10:
            return datetime.date.fromisoformat(s)
        return datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))
    except ValueError:
        return None


def start_right(c):
    want = parse_time(c.start)
    got = parse_time(c.got.get("interview_start") if c.got else None)
    if want is None or got is None:
        return False
    if isinstance(want, datetime.date) and not isinstance(
            want, datetime.datetime):
        return got.date() == want
    return abs((got - want).total_seconds()) < 60


def ratio(a, b):
    return a / b if b else None


def figures(cases):
    f = {"n": len(cases)}
    tp = collections.Counter()
    fp = collections.Counter()
    fn = collections.Counter()
    for c in cases:
        g = acted_kind(c)
        if g == c.kind:
            tp[g] += 1
        else:
            fp[g] += 1
            fn[c.kind] += 1
    f["kinds"] = {k: (ratio(tp[k], tp[k] + fp[k]), ratio(tp[k], tp[k] + fn[k]),
                      tp[k] + fn[k]) for k in KINDS}
    job = [c.kind != "unrelated" for c in cases]
    said = [acted_kind(c) != "unrelated" for c in cases]
    jt = sum(1 for a, b in zip(job, said) if a and b)
    f["job_precision"] = ratio(jt, sum(said))
    f["job_recall"] = ratio(jt, sum(job))
    neg = [c for c in cases if c.kind not in DRAFTING]
    f["draft_fp"] = ratio(sum(1 for c in neg if acted_kind(c) in DRAFTING),
                          len(neg))
    f["draft_fp_n"] = (sum(1 for c in neg if acted_kind(c) in DRAFTING),
                       len(neg))
    inv = [c for c in cases if c.kind in INVITES]
    f["invites"] = (sum(1 for c in inv if acted_kind(c) in INVITES), len(inv))
    named = [c for c in inv if c.people]
    f["interviewers"] = (sum(1 for c in named if people_right(c)), len(named))
    timed = [c for c in inv if c.start]
    f["start"] = (sum(1 for c in timed if start_right(c)), len(timed))
    for field in ("company", "role"):
        lab = [c for c in inv if getattr(c, field)]
        f[field] = (sum(1 for c in lab if c.got and norm(c.got.get(field))
                        == norm(getattr(c, field))), len(lab))
    return f


def pct(x):
    return "  -  " if x is None else "%.2f" % x


def frac(t):
    return "%d/%d" % t if t[1] else "-"


def report(name, cases, out):
    f = figures(cases)
    out.write("\n== %s (%d messages)\n" % (name, f["n"]))
    out.write("  job vs not: precision %s  recall %s\n"
              % (pct(f["job_precision"]), pct(f["job_recall"])))
    out.write("  draft-triggering false positives: %s of negatives (%s)\n"
              % (pct(f["draft_fp"]), frac(f["draft_fp_n"])))
    out.write("  invitations found: %s   interviewers right: %s   "
              "start right: %s   company: %s   role: %s\n"
              % (frac(f["invites"]), frac(f["interviewers"]),
                 frac(f["start"]), frac(f["company"]), frac(f["role"])))
    out.write("  %-20s %9s %6s %5s\n" % ("kind", "precision", "recall", "n"))
    for k in KINDS:
        p, r, n = f["kinds"][k]
        if n or p is not None:
            out.write("  %-20s %9s %6s %5d\n" % (k, pct(p), pct(r), n))
    return f


def report_calibration(cases, out):
    """Is the confidence a probability?  The held-out messages in bins of
    the confidence of the kind classify chose, each with the share whose
    label is that kind; and the expected calibration error (the
    bins' gap between the two, weighted by their size)."""
    edges = [0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001]
    rows = []
    gap = 0.0
    n_all = 0
    for lo, hi in zip(edges, edges[1:]):
        b = [c for c in cases if c.got and lo <= c.got["confidence"] < hi]
        if not b:
            continue
        conf = sum(c.got["confidence"] for c in b) / len(b)
        right = sum(1 for c in b if c.got["kind"] == c.kind) / len(b)
        rows.append((lo, min(hi, 1.0), len(b), conf, right))
        gap += len(b) * abs(conf - right)
        n_all += len(b)
    out.write("\n== calibration of the confidence (held out, %d messages)\n"
              % n_all)
    out.write("  %-11s %5s %16s %16s\n" % ("confidence", "n",
                                          "mean confidence", "kind right"))
    for lo, hi, n, conf, right in rows:
        out.write("  %.1f-%.1f %7d %16.2f %16.2f\n" % (lo, hi, n, conf,
                                                      right))
    ece = gap / n_all if n_all else None
    out.write("  expected calibration error: %s\n" % pct(ece))
    return {"bins": rows, "ece": ece}


def load_request_labels():
    """tests/requests.tsv: file -> (asks, sure) for the real mail."""
    top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    labels = {}
    with open(os.path.join(top, "tests", "requests.tsv"),
              encoding="utf-8") as f:
        header = None
        for line in f:
            if line.startswith("#"):
                continue
            row = line.rstrip("\n").split("\t")
            if header is None:
                header = row
                continue
            r = dict(zip(header, row))
            labels[r["file"]] = (r["request"] == "yes", r.get("set", "dev"))
    return labels


def report_requests(jobs, out):
    """Does classify find what the mail asks the user (its "request")?
    Against the labels of tests/requests.tsv, per source; the rules were
    written from our own sentences, never from these messages."""
    labels = load_request_labels()
    out.write("\n== what the real mail asks the user (request; labels by a "
              "second reader; the rules were corrected from the errors of "
              "the dev set only)\n")
    res = {}
    groups = collections.defaultdict(list)
    for c in jobs:
        key = os.path.relpath(c.path, os.path.dirname(os.path.dirname(
            c.path)))
        if key in labels and c.got:
            asks, part = labels[key]
            groups[c.source + " (" + part + ")"].append((c, asks))
            groups[part].append((c, asks))
    for name in sorted(groups, key=lambda g: ("/" not in g, g)):
        tp = fp = fn = tn = 0
        for c, asks in groups[name]:
            got = bool(c.got.get("request"))
            tp += asks and got
            fp += got and not asks
            fn += asks and not got
            tn += not asks and not got
        res[name] = {"tp": tp, "fp": fp, "fn": fn, "tn": tn,
                     "precision": ratio(tp, tp + fp),
                     "recall": ratio(tp, tp + fn)}
        out.write("  %-28s precision %s (%d/%d)  recall %s (%d/%d)\n"
                  % (name, pct(ratio(tp, tp + fp)), tp, tp + fp,
                     pct(ratio(tp, tp + fn)), tp, tp + fn))
    return res


def main():
    ap = argument_parser(__doc__)
    ap.add_argument("--floors", help="fail below these held-out figures")
    ap.add_argument("--act", type=float,
                    help="the confidence from which a kind counts (default: "
                    "as scan, the one make train chose)")
    ap.add_argument("--json", help="write the figures here")
    ap.add_argument("--predictions", help="JSON lines (file, kind, "
                    "confidence) that replace classify's kind: the held-out "
                    "predictions of tools/train.py --cv")
    a = ap.parse_args()

    ACT_AT[0] = a.act
    project = load_project_corpus(a.corpus)
    jobs = load_jobs(a.jobs) if os.path.isdir(a.jobs) else []
    if not jobs:
        sys.stderr.write("eval: no labelled real mail at '%s'\n" % a.jobs)
    classify(a.bin, project + jobs)
    if a.predictions:
        with open(a.predictions, encoding="utf-8") as f:
            pred = {}
            for line in f:
                o = json.loads(line)
                pred[os.path.realpath(o["file"])] = o
        missing = 0
        for c in jobs:
            p = pred.get(os.path.realpath(c.path))
            if not c.got:
                continue
            if not p:
                missing += 1
                continue
            c.got["kind"] = p["kind"]
            c.got["confidence"] = p["confidence"]
            c.got["unrelated_probability"] = p.get("unrelated_probability",
                                                   1)
            c.got["fallback"] = p.get("fallback", "unrelated")
            c.got["acts_as"] = p.get("acts_as") or acts_as(c.got, 0.5)
        if missing:
            sys.stderr.write("eval: %s has no prediction for %d of the real "
                             "messages\n" % (a.predictions, missing))
            return 2
    out = sys.stdout
    out.write("The project's rules were written from tests/corpus and the "
              "weights are fitted on it: its figures are no evidence.\n")
    if a.predictions:
        out.write("The kinds of the real mail in %s are held out: each fold "
                  "(one person's mail) is classified with weights fitted "
                  "without it.\n" % os.path.normpath(a.jobs))
    else:
        out.write("The weights are fitted on the real mail in %s too: "
                  "without --predictions (make eval gives them) its kind "
                  "figures are no evidence.\n" % os.path.normpath(a.jobs))
    res = {}
    res["project"] = report("tests/corpus (written by us; not held out)",
                            project, out)
    by_source = collections.defaultdict(list)
    for c in jobs:
        by_source[c.source].append(c)
    for s in sorted(by_source):
        res[s] = report(s + (" (held out)" if a.predictions else ""),
                        by_source[s], out)
    if jobs:
        tag = " (held out)" if a.predictions else ""
        res["jobs"] = report("all real mail" + tag, jobs, out)
        res["jobs-sure"] = report("all real mail, sure labels only" + tag,
                                  [c for c in jobs if c.sure], out)
    if jobs and a.predictions:
        res["calibration"] = report_calibration(jobs, out)
    if jobs:
        res["requests"] = report_requests(jobs, out)
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump(res, f, indent=1, default=str)
    if a.floors and jobs:
        with open(a.floors, encoding="utf-8") as f:
            floors = json.load(f)
        bad = []
        got = dict(res["jobs"])
        held = res.get("requests", {}).get("held-out", {})
        got["request_precision"] = held.get("precision")
        got["request_recall"] = held.get("recall")
        for key, floor in floors.items():
            v = got[key]
            if isinstance(v, (list, tuple)):
                v = ratio(v[0], v[1])
            if key == "draft_fp":
                if v is not None and v > floor:
                    bad.append("%s %.3f above %.3f" % (key, v, floor))
            elif v is None or v < floor:
                bad.append("%s %s below %.3f" % (key, pct(v), floor))
        for b in bad:
            out.write("eval: FAIL: held-out %s\n" % b)
        out.write("eval: %d passed, %d failed\n"
                  % (len(floors) - len(bad), len(bad)))
        return 1 if bad else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
