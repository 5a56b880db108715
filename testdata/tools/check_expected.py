#!/usr/bin/env python3
"""Independent check of testdata/expected/ against testdata/events/.

Not the source of the expected file: that file is written by hand from the stories in
testdata/README.md. This script re-implements SPEC.md on its own (it shares no code with
make_events.py or with the Spark job), reads the real event files (gzip, concatenated records,
CRLF, byte-order mark), and reports any difference from the hand-written CSV and the
hand-derived summary counts in README.md.

Usage (from the repository root):
  python3 testdata/tools/check_expected.py [--as-of 2026-08-31]
Exit 0 when everything agrees, 1 otherwise.
"""
import argparse
import calendar
import csv
import gzip
import io
import json
import os
import sys
from datetime import date, datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
EVENTS = os.path.join(HERE, "..", "events")
EXPECTED = os.path.join(HERE, "..", "expected")

DELIVERED = "_email.delivered"
ENGAGEMENT = ("_email.open", "_email.click")

# Hand-derived in README.md ("Summary counts"); checked here, not computed into the README.
README_COUNTS = {
    "records_all_files": 718,
    "records_in_window_folders": 702,
    "deliveredEvents": 342,
    "engagementEvents": 13,
    "droppedAddresses": 16,
    "addresses": 57,
    "unengaged": 32,
}


def minus_months(d, months):
    y, m = divmod(d.year * 12 + (d.month - 1) - months, 12)
    last = calendar.monthrange(y, m + 1)[1]
    return date(y, m + 1, min(d.day, last))


def epoch_s(d):
    return calendar.timegm(d.timetuple())


def records_of(path):
    with open(path, "rb") as f:
        data = f.read()
    if path.endswith(".gz"):
        data = gzip.decompress(data)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    text = data.decode("utf-8")
    dec = json.JSONDecoder()
    i, n = 0, len(text)
    while True:
        while i < n and text[i] in " \t\r\n":
            i += 1
        if i >= n:
            return
        obj, i = dec.raw_decode(text, i)
        yield obj


def folder_hour(rel):
    y, mo, d, h = rel.split(os.sep)[:4]
    return datetime(int(y), int(mo), int(d), int(h), tzinfo=timezone.utc)


def blank(s):
    return s is None or s.strip(" \t\r\n\f\v") == ""


def csv_field(s):
    if any(c in s for c in ',"\r\n'):
        return '"' + s.replace('"', '""') + '"'
    return s


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--as-of", default="2026-08-31")
    args = ap.parse_args()
    d = date.fromisoformat(args.as_of)
    ds = epoch_s(minus_months(d, 10))
    es = epoch_s(minus_months(d, 6))
    until_ms = epoch_s(d + timedelta(days=1)) * 1000
    print("deliveredStart", datetime.fromtimestamp(ds, timezone.utc).isoformat(), ds)
    print("engagementStart", datetime.fromtimestamp(es, timezone.utc).isoformat(), es)
    print("until", datetime.fromtimestamp(until_ms / 1000, timezone.utc).isoformat(), until_ms)

    lo = datetime.fromtimestamp(ds, timezone.utc).replace(minute=0, second=0)
    hi = datetime.fromtimestamp((until_ms - 1) // 1000, timezone.utc).replace(minute=0, second=0) + timedelta(hours=24)
    problems = []
    counts = dict.fromkeys(["records_all_files", "records_in_window_folders", "deliveredEvents",
                            "engagementEvents", "droppedAddresses", "addresses", "unengaged"], 0)
    rows = set()
    files = 0
    seen_formats = set()
    for dirpath, _, names in os.walk(EVENTS):
        for name in sorted(names):
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, EVENTS)
            fh = folder_hour(rel)
            in_range = lo <= fh <= hi
            if not in_range and not (fh < lo - timedelta(days=5) or fh > hi + timedelta(days=5)):
                problems.append("folder %s is outside the window but within 5 days of it" % rel)
            files += 1
            raw = open(path, "rb").read()
            plain = gzip.decompress(raw) if name.endswith(".gz") else raw
            seen_formats.update(f for f, ok in [
                ("gz", name.endswith(".gz")), ("bom", plain.startswith(b"\xef\xbb\xbf")),
                ("crlf", b"\r\n" in plain), ("concatenated", b"}{" in plain),
                ("lf-ndjson", b"}\n{" in plain), ("no-final-newline", not plain.endswith(b"\n"))] if ok)
            for r in records_of(path):
                counts["records_all_files"] += 1
                if in_range:
                    counts["records_in_window_folders"] += 1
                et = r.get("event_type")
                at = r.get("arrival_timestamp")
                dest = r["facets"]["email_channel"]["mail_event"]["mail"].get("destination")
                if not isinstance(et, str) or not isinstance(at, int) or isinstance(at, bool) or not (
                        dest is None or (isinstance(dest, list) and all(x is None or isinstance(x, str) for x in dest))):
                    problems.append("wrong-typed record in %s" % rel)
                    continue
                arr_hour = datetime.fromtimestamp(at // 1000, timezone.utc).replace(minute=0, second=0)
                if fh < arr_hour or fh > datetime.fromtimestamp(at / 1000, timezone.utc) + timedelta(hours=24):
                    problems.append("record at %d sits in folder %s" % (at, rel))
                if at >= until_ms:
                    continue
                s = at // 1000
                key = tuple(dest) if dest is not None else None
                if et == DELIVERED and s > ds:
                    counts["deliveredEvents"] += 1
                    rows.add((key, at, None))
                elif et in ENGAGEMENT and s > es:
                    counts["engagementEvents"] += 1
                    rows.add((key, None, at))
    agg = {}
    for key, dts, ets in rows:
        for a in key or ():
            if blank(a):
                counts["droppedAddresses"] += 1
                continue
            g = agg.setdefault(a, {"max": None, "min": None, "eng": None, "n": 0})
            if dts is not None:
                g["max"] = dts if g["max"] is None else max(g["max"], dts)
                g["min"] = dts if g["min"] is None else min(g["min"], dts)
                g["n"] += 1
            if ets is not None:
                g["eng"] = ets if g["eng"] is None else max(g["eng"], ets)
    counts["addresses"] = len(agg)
    out = sorted(((a, g) for a, g in agg.items()
                  if g["eng"] is None and g["min"] is not None and g["min"] // 1000 < es and g["n"] > 5),
                 key=lambda t: t[0].encode("utf-8"))
    counts["unengaged"] = len(out)
    lines = ["ChannelType,Id,Address,Attributes.max_delivered_timestamp,Attributes.min_delivered_timestamp,"
             "Attributes.last_engagement,Attributes.num_delivered"]
    for a, g in out:
        lines.append(",".join(["EMAIL", csv_field(a), csv_field(a), str(g["max"]), str(g["min"]), "", str(g["n"])]))
    computed = ("\n".join(lines) + "\n").encode("utf-8")

    expected_path = os.path.join(EXPECTED, "unengaged-%s.csv" % args.as_of)
    expected = open(expected_path, "rb").read()
    if expected.startswith(b"\xef\xbb\xbf") or b"\r" in expected:
        problems.append("expected CSV has a BOM or CR")
    if computed != expected:
        exp_rows = {tuple(r) for r in csv.reader(io.StringIO(expected.decode("utf-8"), newline=""))}
        got_rows = {tuple(r) for r in csv.reader(io.StringIO(computed.decode("utf-8"), newline=""))}
        for r in sorted(exp_rows - got_rows):
            problems.append("expected row not derived: %r" % (r,))
        for r in sorted(got_rows - exp_rows):
            problems.append("derived row not expected: %r" % (r,))
        if exp_rows == got_rows:
            problems.append("same rows, different bytes (order or quoting)")
    print("files", files, "formats seen", sorted(seen_formats))
    missing = {"gz", "bom", "crlf", "concatenated", "lf-ndjson", "no-final-newline"} - seen_formats
    if missing:
        problems.append("no file of kind %s" % sorted(missing))
    for k, v in counts.items():
        flag = "" if args.as_of != "2026-08-31" or README_COUNTS[k] == v else "   <-- README says %d" % README_COUNTS[k]
        if flag:
            problems.append("count %s: derived %d, README %d" % (k, v, README_COUNTS[k]))
        print("%-26s %d%s" % (k, v, flag))
    for p in problems:
        print("PROBLEM:", p)
    print("OK" if not problems else "%d problem(s)" % len(problems))
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
