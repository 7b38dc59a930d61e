"""Independent check of the politeness data's ceiling (optional; needs Debian's python3-sklearn).

The paper's bag-of-words baseline (a linear SVM on unigrams, Danescu-Niculescu-Mizil
et al. 2013) rebuilt with scikit-learn on the same files, so that our figures can be
compared with a well-known implementation and not only with recalled numbers.
Prints one JSON object: community -> 10-fold cross-validated accuracy.
Run by `npm run eval:public` when scikit-learn is importable; never required.
"""
import csv
import json
import sys

from sklearn.feature_extraction.text import CountVectorizer
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.svm import LinearSVC


def quantile(sorted_values, p):
    pos = (len(sorted_values) - 1) * p
    lo, hi = int(pos), min(int(pos) + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (pos - lo)


def main(folder):
    out = {}
    for community in ("wikipedia", "stack-exchange"):
        with open(f"{folder}/{community}.annotated.csv", newline="", encoding="utf-8") as f:
            rows = [(r["Request"], float(r["Normalized Score"])) for r in csv.DictReader(f)]
        scores = sorted(s for _, s in rows)
        q1, q3 = quantile(scores, 0.25), quantile(scores, 0.75)
        kept = [(t, 1 if s >= q3 else 0) for t, s in rows if s <= q1 or s >= q3]
        texts, labels = [t for t, _ in kept], [y for _, y in kept]
        x = CountVectorizer(binary=True).fit_transform(texts)
        best = {}
        for c in (0.02, 0.1, 0.5):
            folds = StratifiedKFold(10, shuffle=True, random_state=0)
            best[str(c)] = float(cross_val_score(LinearSVC(C=c, max_iter=5000), x, labels, cv=folds).mean())
        out[community] = {"requests": len(kept), "accuracy_by_C": best, "best": max(best.values())}
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1])
