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

Figures on data a rule was written from are no evidence: the report says
for each set whether its figures are held out.  --floors FILE makes the run
fail (exit 1) when a held-out figure falls below the floor FILE names.
Standard library only.
"""
import argparse
import collections
import datetime
import json
import os
import re
import subprocess
import sys

ACT = 0.7
KINDS = ["interview_invite", "interview_calendar", "rejection", "offer",
         "candidate_thank_you", "candidate_followup", "recruiter_other",
         "unrelated"]
DRAFTING = {"interview_invite", "interview_calendar", "rejection", "offer"}
INVITES = {"interview_invite", "interview_calendar"}
DEFAULT_USERS = ["alex.morgan@example.net", "alex@morgan.example"]


class Case:
    def __init__(self, path, source, kind, users, sure=True, people=None,
                 start=None, company=None, role=None):
        self.path, self.source, self.kind = path, source, kind
        self.users, self.sure = users, sure
        self.people, self.start = people, start
        self.company, self.role = company, role
        self.got = None


def load_project_corpus(root):
    cases = []
    for dirpath, _, names in sorted(os.walk(root)):
        for n in sorted(names):
            if not n.endswith(".json"):
                continue
            eml = os.path.join(dirpath, n[:-5] + ".eml")
            if not os.path.exists(eml):
                continue
            with open(os.path.join(dirpath, n), encoding="utf-8") as f:
                lab = json.load(f)
            cases.append(Case(
                eml, "project/" + os.path.basename(dirpath), lab["kind"],
                lab.get("user") or DEFAULT_USERS,
                people=lab.get("people"), start=lab.get("interview_start"),
                company=lab.get("company"), role=lab.get("role")))
    return cases


def load_jobs(root):
    cases = []
    with open(os.path.join(root, "labels.tsv"), encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            row = dict(zip(header, line.rstrip("\n").split("\t")))
            people = None
            if row.get("interviewers", "-") not in ("", "-"):
                people = [p.strip() for p in row["interviewers"].split(";")
                          if p.strip()]
            start = row.get("when")
            cases.append(Case(
                os.path.join(root, row["file"]),
                "jobs/" + row["file"].split("/")[0], row["label"],
                [row["user"]], sure=row.get("sure", "yes") != "no",
                people=people, start=None if start in (None, "", "-") else start))
    return cases


def classify(binary, cases):
    """Fill case.got with classify's JSON object; one run per user set."""
    by_users = collections.defaultdict(list)
    for c in cases:
        by_users[tuple(c.users)].append(c)
    for users, group in by_users.items():
        for i in range(0, len(group), 200):
            chunk = group[i:i + 200]
            args = [binary, "classify", "--format=json"]
            args += ["--user=" + u for u in users]
            args += [c.path for c in chunk]
            out = subprocess.run(args, capture_output=True, text=True,
                                 env=dict(os.environ, LC_ALL="C.UTF-8",
                                          TZ="UTC"))
            got = {o["file"]: o for o in json.loads(out.stdout or "[]")}
            for c in chunk:
                c.got = got.get(c.path)


def acted_kind(c):
    if not c.got:
        return "unrelated"
    if c.got.get("confidence", 0) < ACT:
        return "unrelated"
    return c.got["kind"]


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


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    top = os.path.dirname(here)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=os.path.join(top, "notmuch-followup"))
    ap.add_argument("--corpus", default=os.path.join(top, "tests", "corpus"))
    ap.add_argument("--jobs", default=os.environ.get(
        "NMF_JOBS_CORPUS", os.path.join(top, "..", "shared", "corpus", "jobs")))
    ap.add_argument("--floors", help="fail below these held-out figures")
    ap.add_argument("--json", help="write the figures here")
    a = ap.parse_args()

    project = load_project_corpus(a.corpus)
    jobs = load_jobs(a.jobs) if os.path.isdir(a.jobs) else []
    if not jobs:
        sys.stderr.write("eval: no labelled real mail at '%s'\n" % a.jobs)
    classify(a.bin, project + jobs)
    out = sys.stdout
    out.write("The project's rules were written from tests/corpus: its "
              "figures are no evidence.\nThe real mail in %s was not used to "
              "write or fit them: its figures are held out.\n"
              % os.path.normpath(a.jobs))
    res = {}
    res["project"] = report("tests/corpus (written by us; not held out)",
                            project, out)
    by_source = collections.defaultdict(list)
    for c in jobs:
        by_source[c.source].append(c)
    for s in sorted(by_source):
        res[s] = report(s + " (held out)", by_source[s], out)
    if jobs:
        res["jobs"] = report("all real mail (held out)", jobs, out)
        res["jobs-sure"] = report("all real mail, sure labels only (held out)",
                                  [c for c in jobs if c.sure], out)
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump(res, f, indent=1, default=str)
    if a.floors and jobs:
        with open(a.floors, encoding="utf-8") as f:
            floors = json.load(f)
        bad = []
        got = res["jobs"]
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
