/* weights.h — what each piece of evidence is worth (issue 15).
 *
 * The classifier's rules (nmf_classify_features) turn a message into
 * named evidence; a table of weights, fitted on labelled mail by `make
 * train` (tools/train.py), says how much each is worth for each kind.
 * The score of a kind is its bias plus the weighted evidence; the
 * confidence is the softmax of the scores over the kinds the guards
 * allow (a calibrated probability).  The fitted table is generated into
 * src/core/weights.c; a table in text form (nmf_weights_parse) lets the
 * trainer measure held-out folds through the program itself.
 */
#ifndef NMF_WEIGHTS_H
#define NMF_WEIGHTS_H

#include <glib.h>

#include "nmf/classify.h"

struct nmf_weights {
    double act;                              /* acting confidence */
    double bias[NMF_KIND_COUNT];
    double w[NMF_KIND_COUNT][NMF_F_COUNT];
};

/* The table `make train` fitted (src/core/weights.c), and the feature
 * names of its columns in order (checked against nmf_feature_name by the
 * unit tests). */
extern const struct nmf_weights nmf_weights_fitted;
extern const char *const nmf_weights_fitted_features[NMF_F_COUNT];

/* Read a table in text form:
 *
 *   kinds KIND...            the column order of the lines below
 *   act VALUE
 *   bias VALUE...            one per kind
 *   FEATURE VALUE...         one line per feature, every feature once
 *
 * '#' starts a comment line.  Returns FALSE with a one-line reason in
 * *why (g_free) on any unknown kind or feature, missing feature or bad
 * number. */
gboolean
nmf_weights_parse (const char *text, struct nmf_weights *w, char **why);

#endif
