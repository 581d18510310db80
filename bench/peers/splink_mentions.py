"""Splink 4 (DuckDB, unsupervised) on the person mentions of bench:resolve's generated set.

Usage: splink_mentions.py MENTIONS.csv OUT.json [THRESHOLD] [MODEL.json]

MENTIONS.csv is the graph's person mentions as Caselink's import wrote them, standardised as
Splink's documentation asks before linkage (bench/peers/splinkMentions.ts): given and family name
in Latin letters, lower case; date of birth; nationality as a country code; gender's first letter;
the first phone, e-mail and document number the mention used; its record's case, address and
vehicle. Those are the mentions Caselink's resolution compares, with the context its rules read.

The model follows Splink 4's documentation (the "Estimating model parameters" tutorial and the
guides on blocking and comparisons), without labels:
- blocking rules for predictions chosen from the fields people share (names with a birth date or
  with each other, each identifier), their count checked before predicting;
- the chance that two random records match from deterministic rules (a document, an e-mail, the
  full name with the date of birth, with the case or with the phone) with a recall of 0.7, as the
  tutorial does;
- u by random sampling with max_pairs 1e7 (the docstring's "often adequate" figure);
- m by expectation-maximisation in two sessions blocked on different columns (the full name; the
  date of birth), so that every comparison is estimated in one session where it is not fixed;
- comparisons suited to each field: forename and surname with a swapped-order level and term
  frequencies, date of birth with Splink's levels, the identifiers exactly (a phone with term
  frequencies, since a hotline's number is shared by many callers), the document within one edit,
  and the record's context (its agency's case, its address and vehicle) exactly. Nationality and
  gender are left out: they go with the name, against the model's independence assumption (with
  them, EM in the session blocked on names took "same nationality" for "same person").
Writes one JSON object to OUT.json: the pairs at or above the match probability THRESHOLD
(default 0.5: a match more likely than not) as [id, id], the seconds from reading the file to the
predictions, this process's CPU seconds (DuckDB's threads included) and its peak resident memory.
MODEL.json, when given, receives the trained model (Splink's own JSON).
"""

import json
import logging
import resource
import sys
import time

import pandas as pd

import splink.comparison_library as cl
from splink import DuckDBAPI, Linker, SettingsCreator, block_on
from splink.blocking_analysis import count_comparisons_from_blocking_rule

BLOCKING = [
    block_on("given_name", "surname"),
    # The same names in the other columns: one file writes "OKAFOR Funmilayo", another "Funmilayo Okafor".
    "l.given_name = r.surname and l.surname = r.given_name",
    block_on("surname", "birth_date"),
    block_on("given_name", "birth_date"),
    block_on("phone"),
    block_on("email"),
    block_on("document"),
    # The same surname within one agency's case: another spelling of a given name, a nickname.
    block_on("case_key", "surname"),
]


def settings():
    return SettingsCreator(
        link_type="dedupe_only",
        blocking_rules_to_generate_predictions=BLOCKING,
        comparisons=[
            cl.ForenameSurnameComparison(
                "given_name", "surname", forename_surname_concat_col_name="full_name"
            ).configure(term_frequency_adjustments=True),
            cl.DateOfBirthComparison(
                "birth_date", input_is_string=True, datetime_format="%Y-%m-%d", invalid_dates_as_null=True
            ),
            # No nationality or gender: both go with the name (namesakes share them), against the
            # model's assumption that comparisons are independent given the match status; on these
            # mentions EM took "same nationality" for "same person" in the session blocked on names.
            cl.ExactMatch("phone").configure(term_frequency_adjustments=True),
            cl.ExactMatch("email"),
            cl.DamerauLevenshteinAtThresholds("document", [1]),
            # What the record says around the mention: its agency's case, its address and vehicle,
            # with term frequencies (a big case, a hostel's address and a hotline's number are shared).
            cl.ExactMatch("case_key").configure(term_frequency_adjustments=True),
            cl.ExactMatch("address").configure(term_frequency_adjustments=True),
            cl.ExactMatch("vehicle"),
        ],
        retain_intermediate_calculation_columns=False,
    )


def main():
    source, target = sys.argv[1], sys.argv[2]
    threshold = float(sys.argv[3]) if len(sys.argv) > 3 else 0.5
    model_path = sys.argv[4] if len(sys.argv) > 4 else None
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING)
    started = time.perf_counter()
    raw = pd.read_csv(source, dtype=str, keep_default_na=False).replace("", None)
    frame = pd.DataFrame(
        {
            "unique_id": raw["id"],
            "given_name": raw["given"],
            "surname": raw["family"],
            "birth_date": raw["birthDate"],
            "nationality": raw["nationality"],
            "gender": raw["gender"],
            "phone": raw["phone"],
            "email": raw["email"],
            "document": raw["document"],
            "case_key": raw["caseKey"],
            "address": raw["address"],
            "vehicle": raw["vehicle"],
        }
    )
    # ForenameSurnameComparison's term frequencies are those of the whole name, in its own column.
    frame["full_name"] = [
        f"{g} {s}" if g is not None and s is not None else None for g, s in zip(frame["given_name"], frame["surname"])
    ]
    db_api = DuckDBAPI()
    # Splink's advice: count the comparisons the blocking rules make before predicting.
    comparisons = sum(
        count_comparisons_from_blocking_rule(
            table_or_tables=frame, blocking_rule=rule, link_type="dedupe_only", db_api=db_api
        )["number_of_comparisons_to_be_scored_post_filter_conditions"]
        for rule in BLOCKING
    )
    linker = Linker(frame, settings(), db_api=db_api, set_up_basic_logging=False)
    linker.training.estimate_probability_two_random_records_match(
        [
            block_on("document"),
            block_on("email"),
            block_on("given_name", "surname", "birth_date"),
            block_on("given_name", "surname", "case_key"),
            block_on("given_name", "surname", "phone"),
        ],
        recall=0.7,
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=1e7, seed=1)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("given_name", "surname"))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("birth_date"))
    predictions = linker.inference.predict(threshold_match_probability=threshold).as_pandas_dataframe()
    seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    if model_path:
        linker.misc.save_model_to_json(model_path, overwrite=True)
    with open(target, "w") as out:
        json.dump(
            {
                "splink": __import__("splink").__version__,
                "duckdb": __import__("duckdb").__version__,
                "threshold": threshold,
                "mentions": len(frame),
                "comparisons": int(comparisons),
                "seconds": seconds,
                "cpuSeconds": usage.ru_utime + usage.ru_stime,
                "peakMiB": usage.ru_maxrss / 1024,
                "pairs": [[a, b] for a, b in zip(predictions["unique_id_l"], predictions["unique_id_r"])],
            },
            out,
        )


if __name__ == "__main__":
    main()
