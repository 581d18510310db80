"""Splink 4 (DuckDB, unsupervised) on the person mentions of bench:resolve's generated set.

Usage: splink_mentions.py MENTIONS.csv OUT.json [THRESHOLD]

MENTIONS.csv is the graph's person mentions as Caselink's import wrote them (bench/peers/
splinkMentions.ts): its id, names, date and year of birth, nationality, gender, and the first
phone, e-mail and document number the mention used. Those are the same mentions Caselink's
resolution compares, read the same way by both. Splink deduplicates them (dedupe_only) with
the comparisons and training of its documented examples: the chance that two random records
match from deterministic rules, u by random sampling, m by expectation-maximisation, no labels.
Writes one JSON object to OUT.json: the pairs at or above the match probability THRESHOLD
(default 0.5) as [id, id], the seconds from reading the file to the predictions, this process's
CPU seconds (DuckDB's threads included) and its peak resident memory.
"""

import json
import logging
import re
import resource
import sys
import time

import pandas as pd

import splink.comparison_library as cl
from splink import DuckDBAPI, Linker, SettingsCreator, block_on


def names(row):
    """Given and family name, lower case, in Latin letters where Caselink transliterated them."""
    given, family = row["givenName"], row["familyName"]
    full = row["nameLatin"] or row["name"]
    if row["nameLatin"] or not (given or family):
        given, family = None, None
        if full:
            if "," in full:
                family, given = (part.strip() for part in full.split(",", 1))
            else:
                parts = full.split()
                given, family = (" ".join(parts[:-1]) or None), parts[-1]
    clean = lambda v: re.sub(r"\s+", " ", v).strip().lower() or None if v else None
    return clean(given), clean(family)


def settings():
    blocking = [
        block_on("given_name", "surname"),
        block_on("surname", "birth_date"),
        block_on("given_name", "birth_date"),
        block_on("phone"),
        block_on("email"),
        block_on("document"),
    ]
    return SettingsCreator(
        link_type="dedupe_only",
        blocking_rules_to_generate_predictions=blocking,
        comparisons=[
            cl.NameComparison("given_name").configure(term_frequency_adjustments=True),
            cl.NameComparison("surname").configure(term_frequency_adjustments=True),
            cl.DateOfBirthComparison(
                "birth_date", input_is_string=True, datetime_format="%Y-%m-%d", invalid_dates_as_null=True
            ),
            cl.ExactMatch("birth_year"),
            cl.ExactMatch("nationality"),
            cl.ExactMatch("gender"),
            cl.ExactMatch("phone"),
            cl.ExactMatch("email"),
            cl.DamerauLevenshteinAtThresholds("document", [1]),
        ],
        retain_intermediate_calculation_columns=False,
    )


def main():
    source, target = sys.argv[1], sys.argv[2]
    threshold = float(sys.argv[3]) if len(sys.argv) > 3 else 0.5
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING)
    started = time.perf_counter()
    raw = pd.read_csv(source, dtype=str, keep_default_na=False).replace("", None)
    split = [names(r) for r in raw.to_dict("records")]
    frame = pd.DataFrame(
        {
            "unique_id": raw["id"],
            "given_name": [g for g, _ in split],
            "surname": [f for _, f in split],
            "birth_date": raw["birthDate"],
            "birth_year": raw["birthYear"],
            "nationality": raw["nationality"],
            "gender": raw["gender"].str.lower(),
            "phone": raw["phone"],
            "email": raw["email"],
            "document": raw["document"],
        }
    )
    linker = Linker(frame, settings(), db_api=DuckDBAPI(), set_up_basic_logging=False)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("document"), block_on("given_name", "surname", "birth_date")], recall=0.7
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=5e6, seed=1)
    for rule in (block_on("birth_date"), block_on("given_name", "surname")):
        linker.training.estimate_parameters_using_expectation_maximisation(rule, estimate_without_term_frequencies=True)
    predictions = linker.inference.predict(threshold_match_probability=threshold).as_pandas_dataframe()
    seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    with open(target, "w") as out:
        json.dump(
            {
                "splink": __import__("splink").__version__,
                "duckdb": __import__("duckdb").__version__,
                "threshold": threshold,
                "mentions": len(frame),
                "seconds": seconds,
                "cpuSeconds": usage.ru_utime + usage.ru_stime,
                "peakMiB": usage.ru_maxrss / 1024,
                "pairs": [[a, b] for a, b in zip(predictions["unique_id_l"], predictions["unique_id_r"])],
            },
            out,
        )


if __name__ == "__main__":
    main()
