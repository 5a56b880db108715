#!/usr/bin/env python3
"""Writes testdata/hostile/events/ and valid-records.ndjson from the stories in README.md.

It lays out files only and computes no expectation: expected/ and the counts in README.md are
derived by hand from the stories. The one file too big to commit (a record of several MB) is
written by the Java test at run time.

Run from the repository root:  python3 testdata/hostile/make_hostile.py
Deterministic (fixed seed, gzip mtime 0), so a rerun leaves git clean.
"""
import base64
import gzip
import json
import os
import random
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
EVENTS = os.path.join(HERE, "events")
MANIFEST = os.path.join(HERE, "valid-records.ndjson")
PREFIX = "pinpoint-email-events-1-"
SENDER = "news@shop.example.com"

# Campaign hours (epoch ms of HH:00:00Z). Slot s's event of a campaign arrives at hour + s seconds.
D1 = 1762938000000  # 2025-11-12T09:00Z
D2 = 1764752400000  # 2025-12-03T09:00Z
D3 = 1768381200000  # 2026-01-14T09:00Z
D4 = 1770195600000  # 2026-02-04T09:00Z
D5 = 1773824400000  # 2026-03-18T09:00Z
D6 = 1776848400000  # 2026-04-22T09:00Z
D7 = 1779872400000  # 2026-05-27T09:00Z
O = 1781686800000  # 2026-06-17T09:00Z (opens)
C = 1783501200000  # 2026-07-08T09:00Z (clicks)

SLOTS = {
    1: "steady", 2: "follows-bad", 3: "engaged", 4: "clicker", 5: "lost-after-damage",
    6: "utf8-bad-subject", 7: "josé", 8: "array-wrapped", 9: "string-ts", 10: "float-ts",
    11: "string-destination", 12: "number-in-destination", 13: "negative-ts", 14: "huge-ts",
    15: "nested-junk", 16: "nested-ok", 17: "type-number", 18: "dup-type", 19: "dup-ts",
    20: "first-destination", 21: "last-destination", 22: "unknown-types",
    23: "unknown-delivered", 24: "pretty", 25: "bom-open", 26: "big-record",
    27: "truncated-tail",
}


def addr(slot):
    return SLOTS[slot] + "@example.net"


def at(hour, slot):
    return hour + slot * 1000


def event(event_type, arrival, to, subject="Spring sale", extra_attributes=None):
    """A Pinpoint email event with the usual fields, as a dict (key order kept)."""
    send = arrival - 900 if isinstance(arrival, int) else 0
    attributes = {"campaign_id": "c-%d" % (send // 3600000), "campaign_activity_id": "a-1",
                  "treatment_id": "0"}
    if extra_attributes:
        attributes.update(extra_attributes)
    to_list = to if isinstance(to, list) else [to]
    mail = {
        "message_id": "0100018f-%012d" % (abs(send) % 10**12),
        "message_send_timestamp": send,
        "from_address": SENDER,
        "destination": to,
        "headers_truncated": False,
        "headers": [{"name": "From", "value": SENDER},
                    {"name": "To", "value": ", ".join(str(t) for t in to_list)},
                    {"name": "Subject", "value": subject}],
        "common_headers": {"from": SENDER, "to": to_list, "subject": subject},
    }
    mail_event = {"mail": mail}
    if event_type == "_email.delivered":
        mail_event["delivery"] = {"smtp_response": "250 2.6.0 Message received",
                                  "reporting_mta": "a8-55.smtp-out.amazonses.com",
                                  "recipients": to_list, "processing_time_millis": 1200}
    elif event_type.lower().startswith("_email.open"):
        mail_event["open"] = {"ip_address": "192.0.2.10", "user_agent": "Mozilla/5.0"}
    elif "click" in event_type.lower():
        mail_event["click"] = {"ip_address": "192.0.2.10", "user_agent": "Mozilla/5.0",
                               "link": "https://shop.example.com/sale"}
    return {
        "event_type": event_type,
        "event_timestamp": send,
        "arrival_timestamp": arrival,
        "event_version": "3.1",
        "application": {"app_id": "4f1e2d3c4b5a69788796a5b4c3d2e1f0", "sdk": {}},
        "client": {"client_id": "ep-%d" % (abs(send) % 100000)},
        "device": {"platform": {}},
        "session": {},
        "attributes": attributes,
        "awsAccountId": "123456789012",
        "facets": {"email_channel": {"mail_event": mail_event}},
    }


def text(record):
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def delivered(hour, slot, **kw):
    return text(event("_email.delivered", at(hour, slot), [addr(slot)], **kw))


def b(s):
    return s.encode("utf-8")


class File:
    """Collects one event file's records and the valid ones for the manifest."""

    def __init__(self, folder, name):
        self.path = os.path.join(EVENTS, folder, PREFIX + name)
        self.parts = []  # bytes, in order
        self.valid = []  # compact text of each valid record, in order

    def good(self, record, as_written=None):
        self.valid.append(record)
        self.parts.append(b(as_written if as_written is not None else record))

    def bad(self, raw):
        self.parts.append(raw if isinstance(raw, bytes) else b(raw))


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def gz(data):
    return gzip.compress(data, compresslevel=6, mtime=0)


def main():
    shutil.rmtree(EVENTS, ignore_errors=True)
    rng = random.Random(20261128)
    manifest = []

    # F1: byte-order mark, CRLF, non-object records.
    f1 = File("2025/11/12/09", "2025-11-12-09-05-00-0b0ac1f1")
    f1.good(delivered(D1, 1))
    f1.bad("null")
    f1.good(delivered(D1, 2))
    for junk in ["42", '"a string"', "true", "[1,2,3]", "[" + delivered(D1, 8) + "]",
                 "not json at all"]:
        f1.bad(junk)
    f1.good(text(event("_email.send", at(D1, 1) - 5000, [addr(1)])))
    for s in range(3, 28):
        if s != 8:
            f1.good(delivered(D1, s))
    write(f1.path, b"\xef\xbb\xbf" + b"\r\n".join(f1.parts) + b"\r\n")

    # F2: invalid UTF-8 and raw control characters.
    f2 = File("2025/12/03/09", "2025-12-03-09-05-00-0bad0f82")
    f2.good(delivered(D2, 1))
    f2.bad(b(delivered(D2, 6, subject="Sale PLACEHOLDER")).replace(b"PLACEHOLDER", b"\xff\xfe"))
    f2.good(delivered(D2, 2))
    f2.bad(b(text(event("_email.delivered", at(D2, 30), ["lone-byteMARK@example.net"])))
           .replace(b"MARK", b"\xc3"))
    f2.bad(b(text(event("_email.send", at(D2, 31), ["sender-bad@example.net"],
                        subject="Hi PLACEHOLDER"))).replace(b"PLACEHOLDER", b"\xff"))
    f2.bad(text(event("_email.delivered", at(D2, 32), ["raw-tab@example.net"], subject="rawTABtab"))
           .replace("TAB", "\t"))
    for s in range(3, 28):
        if s != 6:
            f2.good(delivered(D2, s))
    write(f2.path, b"\n".join(f2.parts) + b"\n")

    # F3: gzip cut in the middle: the records before the damage are readable, the rest is lost.
    f3 = File("2026/01/14/09", "2026-01-14-09-05-00-7c0f3d13.gz")
    for s in range(1, 28):
        if s != 5:
            f3.good(delivered(D3, s))
    padding = base64.b64encode(bytes(rng.getrandbits(8) for _ in range(36000))).decode()
    pad = event("_email.send", at(D3, 40), ["padding@example.net"])
    pad["padding"] = padding
    f3.bad(text(pad))  # never completes: the cut falls inside it
    f3.bad(delivered(D3, 5))  # after the cut: lost
    whole = gz(b"\n".join(f3.parts) + b"\n")
    write(f3.path, whole[: len(whole) * 3 // 5])

    # F4: wrong types, deep nesting, a negative timestamp.
    f4 = File("2026/02/04/09", "2026-02-04-09-05-00-4e7a9c24")
    f4.good(delivered(D4, 1))
    junk = event("_email.delivered", at(D4, 15), [addr(15)])
    junk["attributes"]["junk"] = "DEEP"
    f4.bad(text(junk).replace('"DEEP"', "[" * 5000 + "]" * 5000))
    f4.good(delivered(D4, 2))
    f4.bad(delivered(D4, 9).replace('"arrival_timestamp":%d' % at(D4, 9),
                                    '"arrival_timestamp":"%d"' % at(D4, 9)))
    f4.bad(delivered(D4, 10).replace('"arrival_timestamp":%d' % at(D4, 10),
                                     '"arrival_timestamp":%d.0' % at(D4, 10)))
    f4.bad(delivered(D4, 11).replace('"destination":["%s"]' % addr(11),
                                     '"destination":"%s"' % addr(11)))
    f4.bad(delivered(D4, 12).replace('"destination":["%s"]' % addr(12),
                                     '"destination":["%s",42]' % addr(12)))
    f4.bad(delivered(D4, 14).replace('"arrival_timestamp":%d' % at(D4, 14),
                                     '"arrival_timestamp":99999999999999999999'))
    f4.bad(delivered(D4, 17).replace('"event_type":"_email.delivered"', '"event_type":5'))
    f4.good(text(event("_email.delivered", -at(D4, 13), [addr(13)])))
    ok = event("_email.delivered", at(D4, 16), [addr(16)])
    ok["attributes"]["deep"] = "DEEP"
    f4.good(text(ok).replace('"DEEP"', "[" * 300 + "]" * 300))
    for s in [3, 4, 5, 6, 7, 8] + list(range(18, 28)):
        f4.good(delivered(D4, s))
    write(f4.path, b"\n".join(f4.parts) + b"\n")

    # F5: concatenated records (no delimiter), repeated keys, types the rules ignore.
    f5 = File("2026/03/18/09", "2026-03-18-09-05-00-d0b1e535")
    f5.good(delivered(D5, 1))
    f5.good(delivered(D5, 18).replace('"event_type":"_email.delivered"', '"event_type":"_email.open"')
            [:-1] + ',"event_type":"_email.delivered"}')
    f5.good(delivered(D5, 2))
    f5.good(delivered(D5, 19).replace('"event_type":"_email.delivered",',
                                      '"event_type":"_email.delivered","arrival_timestamp":"soon",', 1))
    f5.good(delivered(D5, 21).replace('"destination":["%s"]' % addr(21),
                                      '"destination":["%s"],"headers_truncated":true,"destination":["%s"]'
                                      % (addr(20), addr(21))))
    f5.good(text(event("_email.Delivered", at(D5, 23), [addr(23)])))
    f5.good('{"event_type":"_email.send","arrival_timestamp":"yesterday","facets":7}')
    f5.good("{}")
    f5.good(text(event("_email.delivered", at(D5, 33), [addr(1)])).replace(
        '"event_type":"_email.delivered"', '"event_type":null'))
    for s in list(range(3, 18)) + [22, 24, 25, 26, 27]:
        f5.good(delivered(D5, s))
    write(f5.path, b"".join(f5.parts))

    # F6: gzip of CRLF lines, one record pretty-printed over many lines, a truncated last line.
    f6 = File("2026/04/22/09", "2026-04-22-09-05-00-9e7f1a46.gz")
    f6.good(delivered(D6, 1))
    pretty = event("_email.delivered", at(D6, 24), [addr(24)])
    f6.good(text(pretty), json.dumps(pretty, ensure_ascii=False, indent=2).replace("\n", "\r\n"))
    f6.good(delivered(D6, 2))
    for s in list(range(3, 24)) + [25]:
        f6.good(delivered(D6, s))
    tail = event("_email.delivered", at(D6, 27), [addr(27)])
    tail = {k: tail[k] for k in ["event_type", "facets", "arrival_timestamp"]}
    cut = text(tail)
    f6.bad(cut[: cut.index('"arrival_timestamp":') + len('"arrival_timestamp":') + 6])
    write(f6.path, gz(b"\r\n".join(f6.parts)))

    # F7: an empty file, a whitespace-only file, a gzip with a wrong checksum, a broken gzip header.
    f7 = "2026/05/27/09"
    write(os.path.join(EVENTS, f7, PREFIX + "2026-05-27-09-05-00-00000e57"), b"")
    write(os.path.join(EVENTS, f7, PREFIX + "2026-05-27-09-06-00-20b1a2c8"), b" \t\r\n\n  \r\n\t")
    f7c = File(f7, "2026-05-27-09-07-00-c2cbad79.gz")
    f7c.good(delivered(D7, 1))
    f7c.good(delivered(D7, 2))
    data = bytearray(gz(b"\n".join(f7c.parts) + b"\n"))
    data[-8] ^= 0xFF  # first byte of the CRC-32 in the gzip trailer
    write(f7c.path, bytes(data))
    write(os.path.join(EVENTS, f7, PREFIX + "2026-05-27-09-08-00-4ead3a8a.gz"),
          b"\x1f\x8b\x00\x00" + b"this is not a deflate stream" * 4)

    # F8: opens and clicks with LF, CR and CRLF line ends, a byte-order mark mid-file.
    f8 = File("2026/07/08/09", "2026-07-08-09-05-00-e1d2c3b4")
    f8.good(text(event("_email.open", at(O, 3), [addr(3)])))
    f8.good(text(event("_email.Open", at(O, 22), [addr(22)])))
    f8.good(text(event("_email.delivered", at(C, 4), [addr(4)]))[:-1] + ',"event_type":"_email.click"}')
    f8.bad(b"\xef\xbb\xbf" + b(text(event("_email.open", at(O, 25), [addr(25)]))))
    f8.good(text(event("_email.click ", at(C, 22), [addr(22)])))
    f8.good(text(event("_email.CLICK", at(C, 22) + 100, [addr(22)])))
    f8.good(text(event("_email.hardbounce", at(O, 22) + 500, [addr(22)])))
    ends = [b"\n", b"\r", b"\r\n", b"\n", b"\r", b"\r\n", b"\n"]
    write(f8.path, b"".join(p + e for p, e in zip(f8.parts, ends)))

    for f in [f1, f2, f3, f4, f5, f6, f7c, f8]:
        manifest.extend(f.valid)
    with open(MANIFEST, "wb") as out:
        out.write(b"".join(b(r) + b"\n" for r in manifest))


if __name__ == "__main__":
    main()
