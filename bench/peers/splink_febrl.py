"""Splink 4 (DuckDB, unsupervised) on the agency files that bench/febrl/write_files.py wrote.

Usage: splink_febrl.py LAYOUT.json DIR [THRESHOLD]

Reads the files back as a Splink user would (each agency's headers mapped to Splink's columns,
dates and names made uniform), then follows Splink's documented FEBRL examples: the FEBRL4 one
for a two-file set (link_only), the FEBRL3 one for a one-file set (dedupe_only). Parameters are
estimated without labels: the chance that two random records match from deterministic rules,
u by random sampling, m by expectation-maximisation. Prints one JSON object on stdout: the pairs
at or above the match probability THRESHOLD (default 0.5), each side as [file, row], and the
seconds from reading the files to the predictions.
"""

import datetime
import json
import logging
import re
import sys
import time
from pathlib import Path

import pandas as pd

import splink.comparison_library as cl
from splink import DuckDBAPI, Linker, SettingsCreator, block_on

COLUMNS = ["given_name", "surname", "date_of_birth", "soc_sec_id", "street_number", "address_1", "postcode", "state"]


def clean(value):
    if value is None or (isinstance(value, float) and value != value):
        return None
    text = str(value).strip()
    return text or None


def dob(value):
    """A birth date as YYYYMMDD (the format Splink's FEBRL examples read), or None."""
    if isinstance(value, (datetime.date, datetime.datetime, pd.Timestamp)):
        return value.strftime("%Y%m%d")
    text = clean(value)
    if text is None:
        return None
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    if m:
        return f"{m.group(3)}{int(m.group(2)):02d}{int(m.group(1)):02d}"
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    if m:
        return "".join(m.groups())
    return text


def read(directory, spec):
    """One agency file as Splink's columns, with unique ids "file|row" (header on row 1)."""
    path = directory / spec["file"]
    if spec["format"] == "xlsx":
        raw = pd.read_excel(path, sheet_name=spec["sheet"], dtype=object)
    else:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    h = spec["headers"]
    out = pd.DataFrame()
    out["unique_id"] = [f"{spec['file']}|{i + 2}" for i in range(len(raw))]
    out["given_name"] = [(clean(v) or "").lower() or None for v in raw[h["given_name"]]]
    out["surname"] = [(clean(v) or "").lower() or None for v in raw[h["surname"]]]
    out["date_of_birth"] = [dob(v) for v in raw[h["date_of_birth"]]]
    out["soc_sec_id"] = [clean(v) for v in raw[h["id_number"]]]
    numbers, streets = [], []
    for v in raw[h["address_line_1"]]:
        line = (clean(v) or "").lower()
        m = re.fullmatch(r"(\d+)\s*(.*)", line)
        numbers.append(m.group(1) if m else None)
        streets.append((m.group(2) if m else line) or None)
    out["street_number"] = numbers
    out["address_1"] = streets
    out["postcode"] = [clean(v) for v in raw[h["postcode"]]]
    out["state"] = [(clean(v) or "").lower() or None for v in raw[h["state"]]]
    return out


def link_settings():
    """Splink's documented FEBRL4 example: its blocking rules and its detailed model."""
    blocking = [
        block_on("given_name", "surname"),
        "l.given_name = r.surname and l.surname = r.given_name",
        block_on("date_of_birth"),
        block_on("soc_sec_id"),
        block_on("state", "address_1"),
        block_on("street_number", "address_1"),
        block_on("postcode"),
    ]
    settings = SettingsCreator(
        link_type="link_only",
        blocking_rules_to_generate_predictions=blocking,
        comparisons=[
            cl.NameComparison("given_name").configure(term_frequency_adjustments=True),
            cl.NameComparison("surname").configure(term_frequency_adjustments=True),
            cl.DateOfBirthComparison(
                "date_of_birth", input_is_string=True, datetime_format="%Y%m%d", invalid_dates_as_null=True
            ),
            cl.DamerauLevenshteinAtThresholds("soc_sec_id", [1, 2]),
            cl.ExactMatch("street_number").configure(term_frequency_adjustments=True),
            cl.DamerauLevenshteinAtThresholds("postcode", [1, 2]).configure(term_frequency_adjustments=True),
        ],
        retain_intermediate_calculation_columns=False,
    )
    deterministic = [block_on("soc_sec_id"), block_on("given_name", "surname", "date_of_birth")]
    return settings, deterministic, 0.8, None, True


def dedupe_settings():
    """Splink's documented FEBRL3 example (a one-file set with duplicates)."""
    blocking = [
        block_on("soc_sec_id"),
        block_on("given_name"),
        block_on("surname"),
        block_on("date_of_birth"),
        block_on("postcode"),
    ]
    settings = SettingsCreator(
        link_type="dedupe_only",
        blocking_rules_to_generate_predictions=blocking,
        comparisons=[
            cl.NameComparison("given_name"),
            cl.NameComparison("surname"),
            cl.DateOfBirthComparison("date_of_birth", input_is_string=True, datetime_format="%Y%m%d"),
            cl.DamerauLevenshteinAtThresholds("soc_sec_id", [2]),
            cl.ExactMatch("street_number").configure(term_frequency_adjustments=True),
            cl.ExactMatch("postcode").configure(term_frequency_adjustments=True),
        ],
        retain_intermediate_calculation_columns=False,
    )
    deterministic = [
        block_on("soc_sec_id"),
        block_on("given_name", "surname", "date_of_birth"),
        "l.given_name = r.surname and l.surname = r.given_name and l.date_of_birth = r.date_of_birth",
    ]
    return settings, deterministic, 0.9, 2, False


def main():
    layout = json.loads(Path(sys.argv[1]).read_text())
    directory = Path(sys.argv[2])
    threshold = float(sys.argv[3]) if len(sys.argv) > 3 else 0.5
    # Splink's progress goes to the log; stdout carries the JSON alone.
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING)
    started = time.perf_counter()
    frames = [read(directory, f) for f in layout["files"]]
    two_files = len(frames) == 2
    settings, deterministic, recall, seed, without_tf = link_settings() if two_files else dedupe_settings()
    linker = Linker(frames, settings, db_api=DuckDBAPI(), set_up_basic_logging=False)
    linker.training.estimate_probability_two_random_records_match(deterministic, recall=recall)
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6, seed=seed if seed is not None else 1)
    for rule in (block_on("date_of_birth"), block_on("postcode")):
        linker.training.estimate_parameters_using_expectation_maximisation(rule, estimate_without_term_frequencies=without_tf)
    predictions = linker.inference.predict(threshold_match_probability=threshold).as_pandas_dataframe()
    seconds = time.perf_counter() - started
    pairs = []
    for left, right in zip(predictions["unique_id_l"], predictions["unique_id_r"]):
        (lf, lr), (rf, rr) = left.rsplit("|", 1), right.rsplit("|", 1)
        pairs.append([[lf, int(lr)], [rf, int(rr)]])
    json.dump(
        {
            "splink": __import__("splink").__version__,
            "threshold": threshold,
            "records": sum(len(f) for f in frames),
            "seconds": seconds,
            "pairs": pairs,
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()
