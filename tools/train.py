#!/usr/bin/python3
"""Fit the classifier's evidence weights on labelled mail (make train).

The rules stay hand-written (src/core/classify.c: nmf_classify_features
turns a message into named evidence, mostly 0/1); what each piece of
evidence is worth for each kind is fitted here, SpamAssassin's way, by a
multinomial logistic regression over the labelled sets of tools/labelled.py.
The fit is plain full-batch gradient descent with an L2 penalty from zero
weights, a fixed number of steps: the same data give the same table.

  train.py --bin ./notmuch-followup --out src/core/weights.c
      choose the acting confidence on held-out folds (below), fit on
      everything and write the generated table
  train.py --bin ./notmuch-followup --cv FILE
      held-out predictions: the real mail is cut in FOLDS folds, grouped by
      the person whose mail it is (the user of each message: one job
      search, one mailbox, one candidate), so that no fold trains and
      tests on the same person's mail; each fold is classified by the
      program itself (classify --weights) with weights fitted on the other
      folds and the project's own corpus.  Writes the predictions as JSON
      lines for tools/eval.py --predictions.

The acting confidence is the lowest of 0.50, 0.55, ... 0.95 at which the
held-out predictions take at most ACT_FP of the messages that are no
invitation, rejection or offer for one (the draft-triggering false
positives, DESIGN §4: precision first).

Needs numpy (Debian's python3-numpy; make deps installs it).
"""
import copy
import json
import os
import re
import sys
import tempfile

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from labelled import (DRAFTING, KINDS, acts_as, argument_parser,  # noqa
                      classify, load_jobs, load_project_corpus)

FOLDS = 5
ACT_FP = 0.01
# The guards of DESIGN §4 (automated mail, the user's own organisation, the
# user on the hiring side, no job context) are rules in classify.c: the
# weights decide only among the kinds they leave.
L2 = 0.001
STEPS = 4000
RATE = 0.5


def matrix(cases, names):
    """Features, labels and the kinds the guards allow (as classify)."""
    x = np.array([[c.got["features"][n] for n in names] for c in cases],
                 dtype=float)
    y = np.array([KINDS.index(c.kind) for c in cases])
    m = np.array([[k in c.got["allowed"] for k in KINDS] for c in cases])
    # A label the guards rule out cannot be learned: the example then
    # teaches the nearest allowed kind (job mail to recruiter_other, the
    # rest to unrelated).
    for i, c in enumerate(cases):
        if not m[i, y[i]]:
            other = KINDS.index("recruiter_other")
            y[i] = other if m[i, other] and c.kind != "unrelated" \
                else KINDS.index("unrelated")
    return x, y, m


def fit(x, y, m):
    """Softmax regression over the allowed kinds: returns (w[K][F], b[K])."""
    n, f = x.shape
    k = len(KINDS)
    w = np.zeros((k, f))
    b = np.zeros(k)
    onehot = np.eye(k)[y]
    for _ in range(STEPS):
        z = x @ w.T + b
        z = np.where(m, z, -1e9)
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z) * m
        p /= p.sum(axis=1, keepdims=True)
        g = (p - onehot) / n
        w -= RATE * (g.T @ x + L2 * w)
        b -= RATE * g.sum(axis=0)
    return w, b


def predict(w, b, x):
    z = x @ w.T + b
    z -= z.max(axis=1, keepdims=True)
    p = np.exp(z)
    return p / p.sum(axis=1, keepdims=True)


def folds(cases, k):
    """The fold of each case (-1: always trained on, the project's own
    corpus): groups of one person's mail, the largest first, each to the
    fold with the fewest messages so far."""
    size = {}
    for c in cases:
        if not c.source.startswith("project/"):
            g = (c.source.split("/")[1] if "/" in c.source else c.source,
                 c.users[0])
            size[g] = size.get(g, 0) + 1
    load = [0] * k
    where = {}
    for g in sorted(size, key=lambda g: (-size[g], g)):
        i = load.index(min(load))
        where[g] = i
        load[i] += size[g]
    return np.array([-1 if c.source.startswith("project/") else
                     where[(c.source.split("/")[1], c.users[0])]
                     for c in cases])


def write_text(path, names, w, b, act):
    """The table in the text form classify --weights reads."""
    with open(path, "w", encoding="utf-8") as f:
        f.write("kinds %s\n" % " ".join(KINDS))
        f.write("act %.2f\n" % act)
        f.write("bias %s\n" % " ".join("%.6f" % v for v in b))
        for i, n in enumerate(names):
            f.write("%s %s\n" % (n, " ".join("%.6f" % v for v in w[:, i])))


def held_out(binary, cases, x, y, m, names, tmp):
    """Each real message classified by the program with the weights of
    the folds it is not in: {path: classify's object}."""
    fold = folds(cases, FOLDS)
    got = {}
    for k in range(FOLDS):
        train = fold != k
        w, b = fit(x[train], y[train], m[train])
        table = os.path.join(tmp, "fold%d.weights" % k)
        write_text(table, names, w, b, 0.5)
        test = [copy.copy(c) for c, t in zip(cases, train) if not t]
        classify(binary, test, extra=["--weights=" + table])
        for c in test:
            got[c.path] = c.got
    return got


def choose_act(cases, got):
    neg = [c for c in cases if c.path in got and c.kind not in DRAFTING]
    for t in [0.5 + 0.05 * i for i in range(10)]:
        fp = sum(1 for c in neg if got[c.path]
                 and got[c.path]["kind"] in DRAFTING
                 and got[c.path]["confidence"] >= t - 1e-9)
        if fp <= ACT_FP * len(neg):
            return round(t, 2)
    return 0.95


def c_number(v):
    return "%.6f" % v


def write_table(path, names, w, b, act, n, sources):
    kinds_enum = ["NMF_KIND_" + k.upper() for k in KINDS]
    lines = [
        "/* weights.c -- GENERATED by `make train` (tools/train.py); do not",
        " * edit.  What each piece of evidence of nmf_classify_features is",
        " * worth for each kind: a multinomial logistic regression fitted on",
        " * %d labelled messages (%s)," % (n, ", ".join(sources)),
        " * L2 %.3g, %d steps of gradient descent from zero weights.  The" % (
            L2, STEPS),
        " * acting confidence %.2f is the lowest at which the held-out folds" % act,
        " * take at most %d%% of the other messages for an invitation, a" % (
            round(ACT_FP * 100)),
        " * rejection or an offer. */",
        '#include "nmf/weights.h"',
        "",
        "/* The features in the order of the columns (checked by the unit",
        " * tests against nmf_feature_name). */",
        "const char *const nmf_weights_fitted_features[NMF_F_COUNT] = {",
    ]
    lines += ['    "%s",' % nm for nm in names]
    lines += ["};", "", "const struct nmf_weights nmf_weights_fitted = {",
              "    .act = %.2f," % act, "    .bias = {"]
    lines += ["        [%s] = %s," % (e, c_number(v))
              for e, v in zip(kinds_enum, b)]
    lines += ["    },", "    .w = {"]
    for e, row in zip(kinds_enum, w):
        lines.append("        [%s] = {" % e)
        for i in range(0, len(row), 4):
            lines.append("            " + " ".join(
                c_number(v) + "," for v in row[i:i + 4]))
        lines.append("        },")
    lines += ["    },", "};", ""]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


def main():
    ap = argument_parser(__doc__)
    ap.add_argument("--out", help="write the weight table (C) here")
    ap.add_argument("--zero", action="store_true",
                    help="write a table of zero weights for the features "
                    "named in src/core/classify.c (to build the program "
                    "after features changed, before it can be trained)")
    ap.add_argument("--cv", metavar="FILE",
                    help="write held-out predictions (JSON lines) here")
    a = ap.parse_args()

    if a.zero:
        top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        with open(os.path.join(top, "src", "core", "classify.c"),
                  encoding="utf-8") as f:
            names = re.findall(r'\[NMF_F_\w+\] = "([^"]+)"', f.read())
        k = len(KINDS)
        write_table(a.out, names, np.zeros((k, len(names))), np.zeros(k),
                    0.5, 0, ["none: zero weights"])
        return 0
    project = load_project_corpus(a.corpus)
    jobs = load_jobs(a.jobs)
    cases = project + jobs
    classify(a.bin, cases, features=True)
    cases = [c for c in cases if c.got and "features" in c.got]
    names = list(cases[0].got["features"].keys())
    x, y, m = matrix(cases, names)
    sources = sorted(set("project" if c.source.startswith("project/")
                         else c.source for c in cases))

    with tempfile.TemporaryDirectory() as tmp:
        got = held_out(a.bin, cases, x, y, m, names, tmp)
    act = choose_act(cases, got)
    if a.cv:
        with open(a.cv, "w", encoding="utf-8") as out:
            for c in cases:
                if c.path in got and got[c.path]:
                    g = got[c.path]
                    out.write(json.dumps({
                        "file": c.path, "kind": g["kind"],
                        "confidence": g["confidence"],
                        "unrelated_probability":
                            g.get("unrelated_probability", 1),
                        "fallback": g.get("fallback", "unrelated"),
                        "acts_as": acts_as(g, act)}) + "\n")
        sys.stderr.write("train: held-out predictions in %s (acting "
                         "confidence %.2f)\n" % (a.cv, act))
    if a.out:
        w, b = fit(x, y, m)
        write_table(a.out, names, w, b, act, len(cases), sources)
        sys.stderr.write("train: %d messages, %d features, acting confidence"
                         " %.2f: wrote %s\n" % (len(cases), len(names), act,
                                                 a.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
