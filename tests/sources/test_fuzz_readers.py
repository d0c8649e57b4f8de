"""Fuzzing every reader with mutated real inputs (issue 11): bit flips, truncation, deleted and
inserted bytes, changed numbers, damaged ZIP members and PDF objects, re-encoded book files.

Each case either reads (and audits, and writes its JSON and text report) or stops with a yusuan
error in Chinese — never another exception. Bounded and derandomised, so CI runs the same cases
every time; bench/fuzz_readers.py runs the same property over many more (see bench/README.md).
"""
from __future__ import annotations

import os
import random

import pytest
from fuzz_inputs import EXPANDING, READERS, Case, mutation_names, run_case
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

# Cases per reader: the whole module stays within about 45 s on a CI machine.
EXAMPLES = {"txt": 12, "pdf": 12, "docx": 12, "xlsx": 12, "book_xlsx": 8, "book_folder": 10}


def drawn(reader: str) -> list[str]:
    """The mutations drawn at random here: all but the expanding ones (run once each below)."""
    return [m for m in mutation_names(reader) if m not in EXPANDING]


def fuzz(reader: str):
    @settings(max_examples=EXAMPLES[reader], derandomize=True, database=None, deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(mutation=st.sampled_from(drawn(reader)), seed=st.integers(0, 2 ** 32 - 1))
    def check(mutation: str, seed: int) -> None:
        run_case(Case(reader, mutation, seed))

    return check


@pytest.mark.parametrize("reader", READERS)
def test_mutated_input_reads_or_is_refused_in_chinese(reader):
    fuzz(reader)()


# Besides the fixed cases: a few drawn from a fresh seed each run (printed; replay with YUSUAN_FUZZ_SEED).
SEED = int(os.environ.get("YUSUAN_FUZZ_SEED") or random.SystemRandom().randrange(2 ** 32))
RANDOM_EXAMPLES = 3


@pytest.mark.parametrize("reader", READERS)
def test_mutated_input_from_a_fresh_seed_reads_or_is_refused_in_chinese(reader):
    print(f"fuzz seed {SEED} (replay: YUSUAN_FUZZ_SEED={SEED})")
    rng = random.Random(f"{SEED}:{reader}")
    for _ in range(RANDOM_EXAMPLES):
        case = Case(reader, rng.choice(drawn(reader)), rng.randrange(2 ** 32))
        assert run_case(case), f"{case} (YUSUAN_FUZZ_SEED={SEED})"


@pytest.mark.parametrize("reader", READERS)
def test_every_mutation_of_a_reader_runs_once(reader):
    """One case per mutation, so no mutation goes untried whatever hypothesis draws."""
    outcomes = {name: run_case(Case(reader, name, 1)) for name in mutation_names(reader)}
    assert all(isinstance(o, str) and o for o in outcomes.values())


@pytest.mark.parametrize("name", ["xlsx:member_numbers:7539", "xlsx:zip_member:4251", "xlsx:bit_flips:41343",
                                  "book_xlsx:bit_flips:54916", "book_folder:numbers:32147",
                                  "book_folder:bit_flips:42677", "book_folder:bit_flips:50357",
                                  "pdf:pdf_objects:101131", "xlsx:member_bit_flips:253575",
                                  "docx:member_numbers:310568", "xlsx:bit_flips:568623", "pdf:huge_media_box:2"])
def test_cases_the_long_run_found_stay_fixed(name):
    """Crashes of bench/fuzz_readers.py: negative style index, unknown XML encoding, a ZIP 'version
    needed' field damaged (NotImplementedError) in the format sniffing and in the package check;
    unchecked 国有资产 figures in a book; a PDF page PDFium loads once and refuses the second time;
    a number format without its numFmtId attribute; a DOCX cell spanning 10¹⁹ grid columns; a ZIP
    member flagged encrypted (RuntimeError from zipfile); a page of 10⁹ points drawn at a bitmap of
    10⁶ pixels a side (MemoryError)."""
    reader, mutation, seed = name.split(":")
    assert run_case(Case(reader, mutation, int(seed)))
