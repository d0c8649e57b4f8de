"""Issue 18's precision sample: warnings and errors drawn at random from a batch over documents, for
a person to check each on its page; the verdicts (real / false / unsettled, with why) are kept in a
JSON file beside this script and summed here.

    yusuan batch /work/shared/corpus/cities -o /tmp/cities -j 2 --no-parquet
    python bench/precision_sample.py /tmp/cities/findings.csv --n 60 --seed 2026          # the sample
    python bench/precision_sample.py /tmp/cities/findings.csv --n 60 --seed 2026 \\
        --verdicts bench/precision_verdicts.json                                        # the tally

Reading notes (rule ingest.issue of severity info) are not findings about the document and are not
drawn; accepted findings neither. A verdict is keyed by document and fingerprint, so a re-run of
the batch with the same code draws the same findings.
"""
from __future__ import annotations

import argparse
import csv
import json
import random
from collections import Counter
from pathlib import Path


def drawn(findings_csv: Path, n: int, seed: int) -> tuple[list[dict[str, str]], int]:
    """`n` warnings and errors at random (the same ones for the same seed and findings), and how many there were."""
    with findings_csv.open(encoding="utf-8-sig") as f:
        rows = [r for r in csv.DictReader(f)
                if r["severity"] in ("error", "warning") and r["accepted"] != "true"]
    rows.sort(key=lambda r: (r["document"], r["fingerprint"], r["message"]))
    return random.Random(seed).sample(rows, min(n, len(rows))), len(rows)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("findings", type=Path)
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--verdicts", type=Path)
    args = ap.parse_args()
    sample, total = drawn(args.findings, args.n, args.seed)
    verdicts = json.loads(args.verdicts.read_text(encoding="utf-8")) if args.verdicts else {}
    tally: Counter[str] = Counter()
    for i, r in enumerate(sample, 1):
        key = f"{r['document']}#{r['fingerprint']}"
        v = verdicts.get(key, {})
        tally[v.get("verdict", "unjudged")] += 1
        print(f"{i:3} {key} p.{r['page']} {r['severity']} {r['rule']}\n    {r['message'][:300]}"
              + (f"\n    => {v['verdict']}: {v.get('why', '')}" if v else ""))
    print(f"\n{len(sample)} drawn of {total} warnings and errors: " + ", ".join(f"{k} {n}" for k, n in tally.items()))


if __name__ == "__main__":
    main()
