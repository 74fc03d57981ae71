"""The labelled mail of the project and beside it, and classify's view of it.

Shared by tools/eval.py (make eval) and tools/train.py (make train).

  tests/corpus/            mail written for this project (NAME.eml + NAME.json)
  ../shared/corpus/jobs/   real job-search mail (labels.tsv, LABELS.md)
"""
import argparse
import collections
import json
import os
import subprocess

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


def acts_as(got, act):
    """As nmf_classification_acts_as: an invitation, rejection or offer
    from the acting confidence, any other kind but unrelated when it is
    the most likely; else, when the message is more likely job mail than
    not, the most likely kind that starts nothing (classify's
    "fallback")."""
    k = got["kind"]
    if k in DRAFTING and got["confidence"] >= act - 1e-9:
        return k
    if k not in DRAFTING and k != "unrelated":
        return k
    if got.get("unrelated_probability", 1) < 0.5:
        return got.get("fallback", "unrelated")
    return "unrelated"


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


def classify(binary, cases, features=False, extra=()):
    """Fill case.got with classify's JSON object; one run per user set.
    With features, the objects carry the evidence as numbers; extra:
    more options for classify."""
    by_users = collections.defaultdict(list)
    for c in cases:
        by_users[tuple(c.users)].append(c)
    for users, group in by_users.items():
        for i in range(0, len(group), 200):
            chunk = group[i:i + 200]
            args = [binary, "classify", "--format=json"]
            if features:
                args.append("--features")
            args += list(extra)
            args += ["--user=" + u for u in users]
            args += [c.path for c in chunk]
            out = subprocess.run(args, capture_output=True, text=True,
                                 env=dict(os.environ, LC_ALL="C.UTF-8",
                                          TZ="UTC"))
            got = {o["file"]: o for o in json.loads(out.stdout or "[]")}
            for c in chunk:
                c.got = got.get(c.path)




def argument_parser(doc):
    """The options every tool over the labelled sets takes: --bin, --corpus
    and --jobs (NMF_JOBS_CORPUS), with the project's defaults."""
    top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=doc.split("\n")[0])
    ap.add_argument("--bin", default=os.path.join(top, "notmuch-followup"))
    ap.add_argument("--corpus", default=os.path.join(top, "tests", "corpus"))
    ap.add_argument("--jobs", default=os.environ.get(
        "NMF_JOBS_CORPUS", os.path.join(top, "..", "shared", "corpus", "jobs")))
    return ap
