#!/usr/bin/env python3
"""Writes testdata/events/ from the stories in testdata/README.md.

This script only lays the events out in Firehose's layout; it computes no
expectations. testdata/expected/ is derived by hand from the stories, and
check_expected.py (written separately) re-derives it from the written files.

Run from the repository root:  python3 testdata/tools/make_events.py
Output is deterministic (fixed seed, fixed gzip mtime), so a rerun leaves git clean.
"""
import calendar
import gzip
import hashlib
import io
import json
import os
import shutil
from datetime import datetime, timedelta, timezone

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "events")
STREAM = "pinpoint-email-events"
APP_ID = "7d1c2b0e5f3a4c6b8e9d0a1b2c3d4e5f"
ACCOUNT = "123456789012"
FROM = "news@mail.example.com"


def ms(iso):
    """ISO-8601 UTC instant, optionally with milliseconds -> epoch millis."""
    whole, _, frac = iso.rstrip("Z").partition(".")
    secs = calendar.timegm(datetime.strptime(whole, "%Y-%m-%dT%H:%M:%S").timetuple())
    return secs * 1000 + (int(frac.ljust(3, "0")) if frac else 0)


def hour_of(epoch_ms):
    return datetime.fromtimestamp(epoch_ms // 1000, tz=timezone.utc).replace(minute=0, second=0)


def h(*parts, n=32):
    return hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()[:n]


# Campaign send times (UTC). Address with slot k: send event at C + k s + 120 ms,
# delivered (or the story's replacement type) at C + k s + 750 ms.
CAMPAIGNS = {
    "C00": "2025-09-10T09:00:00Z",  # older than deliveredStart, folder far outside the window
    "C01": "2025-10-20T15:00:00Z",  # older than deliveredStart, folder far outside the window
    "C1": "2025-11-05T10:00:00Z",
    "C2": "2025-11-25T14:00:00Z",
    "C3": "2025-12-10T09:00:00Z",
    "C4": "2025-12-31T23:30:00Z",  # written late into 2026/01/01/00
    "C5": "2026-01-20T16:00:00Z",
    "C6": "2026-02-10T11:00:00Z",
    "C7": "2026-03-10T10:00:00Z",
    "C8": "2026-04-10T13:59:30Z",  # slots >= 15 written late into the 14h folder
    "C9": "2026-05-12T08:00:00Z",
    "C10": "2026-05-31T23:59:30Z",  # written late into 2026/06/01/00
    "C11": "2026-06-20T12:00:00Z",
    "C12": "2026-07-15T09:00:00Z",  # written 23 hours late into 2026/07/16/08
    "C13": "2026-08-12T17:00:00Z",
    "C14": "2026-08-31T23:58:00Z",  # written late into 2026/09/01/00 (after until)
    "C16": "2026-09-08T10:00:00Z",  # after until, folder far outside the window
}
SUBJECTS = {
    "C00": "September picks",
    "C01": "October picks",
    "C1": "November picks for you",
    "C2": "Black Friday: {early} access",
    "C3": "December picks",
    "C4": "Last call of 2025 \u2013 see you next year",
    "C5": 'Winter sale "}{" edition \u2744',
    "C6": "February picks\nline two of a folded subject",
    "C7": "Spring is here",
    "C8": "April picks",
    "C9": "May picks",
    "C10": "June starts tonight",
    "C11": "Summer picks",
    "C12": "July picks",
    "C13": "August picks",
    "C14": "September preview",
    "C16": "Autumn picks",
}


def camp_ms(c):
    return ms(CAMPAIGNS[c])


def folder_override(campaign, slot):
    if campaign == "C4":
        return "2026-01-01T00"
    if campaign == "C8" and slot >= 15:
        return "2026-04-10T14"
    if campaign == "C10":
        return "2026-06-01T00"
    if campaign == "C12":
        return "2026-07-16T08"
    if campaign == "C14":
        return "2026-09-01T00"
    return None


UNTIL = "2026-09-01T00:00:00.000Z"

# Each story: slot, destination(s), campaigns delivered, and extra events.
# extra: (event_type, arrival ISO, destination or None for "the story's", message (campaign, slot), folder)
S = []


def story(slot, addr, delivered=(), extra=(), dest_per_campaign=None, sends=True):
    S.append(dict(slot=slot, addr=addr, delivered=list(delivered), extra=list(extra),
                  dest_per_campaign=dest_per_campaign or {}, sends=sends))


STD6 = ["C1", "C2", "C3", "C5", "C6", "C7"]
story(1, "plain-eight@example.com", ["C1", "C2", "C3", "C5", "C6", "C7", "C9", "C11"])
story(2, "plain-twelve@example.org", ["C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9", "C10", "C11", "C12"])
story(3, "long-tenure@example.net",
      ["C00", "C01", "C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9", "C10", "C11", "C12", "C13", "C14",
       "C16"],
      extra=[("_email.delivered", UNTIL, None, None, None)])
story(4, "engaged-open@example.com", ["C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9", "C10", "C11", "C12"],
      extra=[("_email.open", "2026-06-20T14:12:33.210Z", None, ("C11", 4), None)])
story(5, "engaged-click@example.com", ["C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9", "C10"],
      extra=[("_email.open", "2026-03-10T10:45:00.100Z", None, ("C7", 5), None),
             ("_email.click", "2026-03-10T10:45:20.300Z", None, ("C7", 5), None)])
story(6, "engaged-click-only@example.net",
      ["C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9", "C10", "C11", "C12", "C13"],
      extra=[("_email.click", "2026-08-13T08:15:42.000Z", None, ("C13", 6), None)])
story(7, "five-delivered@example.com", ["C1", "C2", "C3", "C5", "C6"])
story(8, "six-delivered@example.com", STD6)
story(9, "trunc-400ms@example.com", ["C2", "C3", "C5", "C6", "C7"],
      extra=[("_email.delivered", "2025-10-31T00:00:00.400Z", None, None, None)])
story(10, "trunc-1000ms@example.com", ["C2", "C3", "C5", "C6", "C7"],
      extra=[("_email.delivered", "2025-10-31T00:00:01.000Z", None, None, None)])
story(11, "strict-delivered-0ms@example.com", ["C2", "C3", "C5", "C6", "C7"],
      extra=[("_email.delivered", "2025-10-31T00:00:00.000Z", None, None, None)])
story(12, "trunc-open-999ms@example.com", STD6,
      extra=[("_email.open", "2026-02-28T00:00:00.999Z", None, ("C6", 12), None)])
story(13, "trunc-open-1000ms@example.com", STD6,
      extra=[("_email.open", "2026-02-28T00:00:01.000Z", None, ("C6", 13), None)])
story(14, "strict-click-0ms@example.com", STD6,
      extra=[("_email.click", "2026-02-28T00:00:00.000Z", None, ("C6", 14), None)])
story(15, "min-at-engagement-start@example.com", ["C7", "C8", "C9", "C10", "C11"],
      extra=[("_email.delivered", "2026-02-28T00:00:00.600Z", None, None, None)])
story(16, "min-one-second-before@example.com", ["C7", "C8", "C9", "C10", "C11"],
      extra=[("_email.delivered", "2026-02-27T23:59:59.600Z", None, None, "2026-02-28T00")])
story(17, "clamp-open-feb28@example.com", STD6,
      extra=[("_email.open", "2026-02-28T12:00:00.000Z", None, ("C6", 17), None)])
story(18, "clamp-min-mar02@example.com", ["C7", "C8", "C9", "C10", "C11"],
      extra=[("_email.delivered", "2026-03-02T09:00:00.750Z", None, None, None)])
story(19, "engaged-long-ago@example.com", ["C1", "C2", "C3", "C5", "C6", "C7", "C9", "C11"],
      extra=[("_email.open", "2025-12-15T19:20:00.000Z", None, ("C3", 19), None),
             ("_email.click", "2025-12-15T19:20:30.000Z", None, ("C3", 19), None)])
story(20, "engaged-day-before-window@example.com", STD6,
      extra=[("_email.open", "2026-02-27T18:00:00.000Z", None, ("C6", 20), None)])
story(21, "engaged-after-until@example.com", STD6 + ["C13"],
      extra=[("_email.open", UNTIL, None, ("C13", 21), None),
             ("_email.click", "2026-09-08T10:05:00.000Z", None, ("C13", 21), None)])
story(22, "delivered-after-until@example.com", ["C1", "C2", "C3", "C5", "C6", "C16"],
      extra=[("_email.delivered", UNTIL, None, None, None)])
story(23, "delivered-last-ms@example.com", ["C1", "C2", "C3", "C5", "C6"],
      extra=[("_email.delivered", "2026-08-31T23:59:59.999Z", None, None, "2026-09-01T00"),
             ("_email.delivered", UNTIL, None, None, None)])
story(24, "old-deliveries@example.com", ["C00", "C01", "C1", "C2", "C3", "C5", "C6"],
      extra=[("_email.delivered", "2025-10-30T23:59:59.999Z", None, None, "2025-10-31T00")])
story(25, "new-subscriber@example.com", ["C7", "C8", "C9", "C10", "C11", "C12"])
# Ignored types take the place of the delivered event of these campaigns (same slot timing).
story(26, "ignored-not-delivered@example.com", ["C1", "C2", "C3", "C5", "C6"],
      extra=[("_email.hardbounce", "C7", None, None, None),
             ("_email.softbounce", "C9", None, None, None),
             ("_email.complaint", "C11", None, None, None),
             ("_email.rejected", "C12", None, None, None),
             ("_email.rendering_failure", "C13", None, None, None),
             ("_email.Delivered", "C14", None, None, None)])
story(27, "ignored-not-engaged@example.com", STD6,
      extra=[("_email.unsubscribe", "2026-03-11T08:00:00.000Z", None, ("C7", 27), None),
             ("_email.complaint", "2026-03-11T09:00:00.000Z", None, ("C7", 27), None),
             ("_email.Open", "2026-04-01T12:00:00.000Z", None, ("C7", 27), None),
             ("email.click", "2026-04-01T12:00:05.000Z", None, ("C7", 27), None),
             ("_email.send", "2026-05-02T10:00:00.000Z", None, None, None)])
story(28, "Case.Sensitive@Example.com", STD6)
story(29, "case.sensitive@example.com", STD6,
      extra=[("_email.open", "2026-05-12T09:30:00.000Z", None, ("C7", 29), None)])
story(30, "Mixed@Example.com", ["C1", "C3", "C5"])
story(31, "mixed@example.com", ["C2", "C6", "C7"])
story(32, " lead-space@example.com", STD6)
story(33, "trail-space@example.com  ", STD6)
story(34, "trim-split@example.com", ["C1", "C3", "C5"])
story(35, " trim-split@example.com ", ["C2", "C6", "C7"])
story(36, '"smith,john"@example.com', STD6)
story(37, '"quote.only"@example.org', ["C1", "C2", "C3", "C4", "C5", "C6"])
story(38, '"back\\"slash"@example.org', STD6)
story(39, "zo\u00eb.unicode@example.org", STD6)
story(40, "emoji-\U0001F600@example.org", STD6)
story(41, "\u7528\u6237@\u4f8b\u5b50.example", STD6)
story(42, "dedup-retry-five@example.com", ["C1", "C2", "C3", "C5", "C6"])  # + retry copy of C6, see RETRY
story(43, "dedup-retry-seven@example.org", ["C1", "C2", "C3", "C5", "C6", "C7", "C9"])  # + copy of C3 in same file
story(44, "dedup-other-fields@example.com", STD6)  # + a second C7 delivery, other fields differ, see below
story(45, "order-a@example.com", ["C1", "C2", "C3", "C5"])
story(46, "order-b@example.com", ["C1", "C2", "C3", "C5"])
story(47, "repeated-in-array@example.com", ["C1", "C3", "C5"],
      dest_per_campaign={c: ["repeated-in-array@example.com", "repeated-in-array@example.com"]
                         for c in ["C1", "C3", "C5"]})
story(54, "same-ms-open-click@example.com", STD6,
      extra=[("_email.open", "2026-04-02T10:00:00.000Z", ["same-ms-open-click@example.com", ""], ("C7", 54), None),
             ("_email.click", "2026-04-02T10:00:00.000Z", ["same-ms-open-click@example.com", ""], ("C7", 54), None)])
BAD = "bad-elements-kept@example.com"
story(55, BAD, STD6, dest_per_campaign={
    "C1": [BAD, None], "C2": ["", BAD], "C3": [" ", BAD], "C5": [BAD, "\t"], "C6": [BAD, "  ", None], "C7": [BAD]})
DWB = "dup-with-blank@example.com"
story(56, DWB, STD6, dest_per_campaign={c: [DWB, ""] for c in STD6})  # + retry copy of C7, see RETRY
story(57, "opened-old-message@example.com", ["C01"] + STD6,
      extra=[("_email.open", "2026-03-20T08:00:00.000Z", None, ("C01", 57), None)])
# Messages whose destination holds no usable address for a story of its own.
story(58, None, [], sends=False, extra=[
    ("_email.delivered", "C3", "NULL", None, None),
    ("_email.delivered", "C9", "NULL", None, None),
    ("_email.open", "2026-05-13T10:00:00.000Z", "NULL", None, None)])
story(59, None, [], sends=False, extra=[
    ("_email.delivered", "C5", [], None, None),
    ("_email.click", "2026-06-21T10:00:00.000Z", [], None, None)])
story(60, None, [], sends=False, extra=[
    ("_email.delivered", "C7", [None, "", "   "], None, None),
    ("_email.delivered", "C01", [""], None, None),
    ("_email.delivered", UNTIL, [" "], None, None)])

TRIO = ["trio-ann@example.net", "trio-ben@example.net", "trio-cat@example.net"]
TEAM = ["team-alice@example.org", "team-bob@example.org", "team-carol@example.org"]


# ---------------------------------------------------------------------------

class Ev:
    def __init__(self, etype, arrival, dest, msg_key, send_ms, campaign, folder=None, tag=None):
        self.etype, self.arrival, self.dest, self.msg_key = etype, arrival, dest, msg_key
        self.send_ms, self.campaign, self.folder, self.tag = send_ms, campaign, folder, tag


EVENTS = []


def message_id(key):
    a = h("msg", *key, n=40)
    return f"0100{a[:12]}-{a[12:20]}-{a[20:24]}-{a[24:28]}-{a[28:32]}-{a[32:40]}{h('x', *key, n=4)}-000000"


def add(etype, arrival, dest, msg_key, send_ms, campaign, folder=None, tag=None):
    e = Ev(etype, arrival, dest, msg_key, send_ms, campaign, folder, tag)
    EVENTS.append(e)
    return e


for st in S:
    k = st["slot"]
    for c in st["delivered"]:
        base = camp_ms(c) + k * 1000
        dest = st["dest_per_campaign"].get(c, [st["addr"]])
        fo = folder_override(c, k)
        if st["sends"]:
            add("_email.send", base + 120, dest, (c, k), base, c, fo)
        add("_email.delivered", base + 750, dest, (c, k), base, c, fo)
    for etype, when, dest, msg, folder in st["extra"]:
        if when in CAMPAIGNS:  # replaces the delivered event of that campaign
            c = when
            base = camp_ms(c) + k * 1000
            d = [st["addr"]] if dest is None else (None if dest == "NULL" else dest)
            fo = folder_override(c, k)
            if st["sends"]:
                add("_email.send", base + 120, d, (c, k), base, c, fo)
            add(etype, base + 750, d, (c, k), base, c, fo)
        else:
            arr = ms(when)
            d = [st["addr"]] if dest is None else (None if dest == "NULL" else dest)
            if msg is None:
                key, send = ("x", k, when), arr - 1500
            else:
                key, send = msg, camp_ms(msg[0]) + msg[1] * 1000
            add(etype, arr, d, key, send, msg[0] if msg else None, folder)

# Three messages, three recipients each (one delivered event per recipient, each naming all three).
for msgs, people, slot, opens in ((["C2", "C6"], TRIO, 48, []),
                                  (["C1", "C3", "C5"], TEAM, 51, [("C5", "2026-03-05T07:30:00.000Z")])):
    for c in msgs:
        base = camp_ms(c) + slot * 1000
        add("_email.send", base + 120, list(people), (c, slot), base, c, folder_override(c, slot))
        for off, person in zip((750, 810, 870), people):
            e = add("_email.delivered", base + off, list(people), (c, slot), base, c, folder_override(c, slot))
            e.recipient = person
    for c, when in opens:
        add("_email.open", ms(when), list(people), (c, slot), camp_ms(c) + slot * 1000, c)

# order-a / order-b: two transactional messages delivered in the same millisecond, arrays in opposite order.
T_ORDER = ms("2026-01-05T12:00:01.500Z")
add("_email.delivered", T_ORDER, ["order-a@example.com", "order-b@example.com"], ("ORD", 1), T_ORDER - 1500, None)
add("_email.delivered", T_ORDER, ["order-b@example.com", "order-a@example.com"], ("ORD", 2), T_ORDER - 1500, None)

# dedup-other-fields: a second delivered record, same array and arrival as its C7 delivery, other fields differ.
add("_email.delivered", camp_ms("C7") + 44 * 1000 + 750, ["dedup-other-fields@example.com"], ("C7-resend", 44),
    camp_ms("C7") + 44 * 1000 - 60000, "C7", tag="other-fields")

# Retries: byte-identical copies written again by Firehose.
RETRY = []
for e in list(EVENTS):
    if e.etype == "_email.delivered" and e.dest == ["dedup-retry-five@example.com"] and e.campaign == "C6":
        RETRY.append((e, "2026-02-10T12", "retry"))           # next hour's folder, own file
    if e.etype == "_email.delivered" and e.dest == [DWB, ""] and e.campaign == "C7":
        RETRY.append((e, "2026-03-10T10", "retry"))           # same folder, own file
    if e.etype == "_email.delivered" and e.dest == ["dedup-retry-seven@example.org"] and e.campaign == "C3":
        RETRY.append((e, None, None))                          # same file
for e, folder, tag in RETRY:
    c = add(e.etype, e.arrival, e.dest, e.msg_key, e.send_ms, e.campaign, folder or e.folder, tag or e.tag)
    c.copy_of = e

# ---------------------------------------------------------------------------
# Records


def endpoint_id(addr):
    return h("ep", addr, n=32)


OBJ_UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36"
PROXY_UA = "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)"


def record(e):
    strs = [d for d in (e.dest or []) if d is not None]
    first = strs[0] if strs else None
    camp = e.campaign if e.campaign in CAMPAIGNS else None
    subject = SUBJECTS[camp] if camp else "Your order has shipped"
    attrs = {}
    if camp:
        attrs.update(campaign_id=h("camp", camp), campaign_activity_id=h("act", camp), treatment_id="0")
    feedback = {
        "_email.send": "send", "_email.delivered": "delivered", "_email.open": "opened",
        "_email.hardbounce": "hardbounce", "_email.softbounce": "softbounce", "_email.complaint": "complaint",
        "_email.rejected": "rejected", "_email.rendering_failure": "rendering_failure",
        "_email.unsubscribe": "https://www.example.com/unsubscribe?u=" + h("u", first, n=12)}
    if e.etype in ("_email.click", "email.click"):
        attrs["feedback"] = "https://www.example.com/offers?utm_campaign=" + (camp or "tx")
    else:
        attrs["feedback"] = feedback.get(e.etype, e.etype.lstrip("_").split(".")[-1].lower())
    mail = {
        "message_id": message_id(e.msg_key),
        "message_send_timestamp": e.send_ms,
        "from_address": FROM,
        "destination": e.dest,
        "headers_truncated": False,
        "headers": [
            {"name": "From", "value": FROM},
            {"name": "To", "value": ", ".join(strs)},
            {"name": "Subject", "value": subject},
            {"name": "MIME-Version", "value": "1.0"},
            {"name": "Content-Type", "value": "text/html; charset=UTF-8"},
            {"name": "Content-Transfer-Encoding", "value": "quoted-printable"},
        ],
        "common_headers": {"from": FROM, "to": strs, "subject": subject},
    }
    mail_event = {"mail": mail}
    t = e.etype
    if t == "_email.send":
        mail_event["send"] = {}
    elif t in ("_email.delivered", "_email.Delivered"):
        mail_event["delivery"] = {
            "smtp_response": "250 2.0.0 OK  " + str(e.arrival // 1000) + " " + h("smtp", e.arrival, n=10) + " - gsmtp",
            "reporting_mta": "a8-%d.smtp-out.us-east-1.amazonses.com" % (e.arrival % 97),
            "recipients": [e.recipient] if hasattr(e, "recipient") else strs[:1],
            "processing_time_millis": 400 + e.arrival % 900}
    elif t in ("_email.open", "_email.Open"):
        mail_event["open"] = {"ip_address": "203.0.113.%d" % (e.arrival % 250 + 1), "user_agent": PROXY_UA}
    elif t in ("_email.click", "email.click", "_email.unsubscribe"):
        unsub = t == "_email.unsubscribe"
        mail_event["click"] = {
            "ip_address": "198.51.100.%d" % (e.arrival % 250 + 1), "user_agent": OBJ_UA,
            "link": attrs["feedback"],
            "link_tags": {"unsubscribeLinkTag": ["true"]} if unsub else {"campaign": [camp or "tx"]}}
    elif t in ("_email.hardbounce", "_email.softbounce"):
        hard = t == "_email.hardbounce"
        mail_event["bounce"] = {
            "bounce_type": "Permanent" if hard else "Transient",
            "bounce_sub_type": "General" if hard else "MailboxFull",
            "bounced_recipients": [{"email_address": a, "action": "failed", "status": "5.1.1" if hard else "4.2.2",
                                    "diagnostic_code": "smtp; 550 5.1.1 user unknown" if hard
                                    else "smtp; 452 4.2.2 mailbox full"} for a in strs],
            "feedback_id": h("fb", e.arrival, n=40) + "-000000",
            "reporting_mta": "dsn; a8-12.smtp-out.us-east-1.amazonses.com"}
    elif t == "_email.complaint":
        mail_event["complaint"] = {
            "complained_recipients": [{"email_address": a} for a in strs],
            "feedback_id": h("cf", e.arrival, n=40) + "-000000",
            "user_agent": "Yahoo!-Mail-Feedback/2.0", "complaint_feedback_type": "abuse"}
    elif t == "_email.rejected":
        mail_event["reject"] = {"reason": "Bad content"}
    elif t == "_email.rendering_failure":
        mail_event["rendering_failure"] = {"template_name": "spring-picks",
                                           "error_message": "Attribute 'User.UserAttributes.FirstName' is missing"}
    return {
        "event_type": t,
        "event_timestamp": e.send_ms,
        "arrival_timestamp": e.arrival,
        "event_version": "3.1",
        "application": {"app_id": APP_ID, "sdk": {}},
        "client": {"client_id": endpoint_id(first)},
        "device": {"platform": {}},
        "session": {},
        "attributes": attrs,
        "awsAccountId": ACCOUNT,
        "facets": {"email_channel": {"mail_event": mail_event}},
    }


def reorder(rec):
    """Same record, keys in another order (JSON objects are unordered): facets first, arrival last."""
    out = {"facets": rec["facets"]}
    for k in rec:
        if k not in ("facets", "arrival_timestamp"):
            out[k] = rec[k]
    out["arrival_timestamp"] = rec["arrival_timestamp"]
    return out


# ---------------------------------------------------------------------------
# Folders and files

def folder_key(e):
    if e.folder:
        return e.folder
    return hour_of(e.arrival).strftime("%Y-%m-%dT%H")


def folder_dt(key):
    return datetime.strptime(key, "%Y-%m-%dT%H").replace(tzinfo=timezone.utc)


files = {}  # (folder, tag, part) -> [events]
for e in EVENTS:
    fk = folder_key(e)
    fdt = folder_dt(fk)
    arr_hour = hour_of(e.arrival)
    assert fdt >= arr_hour, ("folder earlier than arrival hour", fk, e.arrival)
    assert fdt <= datetime.fromtimestamp(e.arrival / 1000, tz=timezone.utc) + timedelta(hours=24), (fk, e.arrival)
    files.setdefault((fk, e.tag or ""), []).append(e)

# Split big folders into two objects (Firehose flushes by size/time), in arrival order.
split = {}
for (fk, tag), evs in files.items():
    evs.sort(key=lambda x: (x.arrival, EVENTS.index(x)))
    if len(evs) > 60:
        half = len(evs) // 2
        split[(fk, tag, 0)] = evs[:half]
        split[(fk, tag, 1)] = evs[half:]
    else:
        split[(fk, tag, 0)] = evs

FORMATS = ["ndjson", "concat", "ndjson-crlf", "ndjson.gz", "concat.gz", "ndjson-nofinal", "crlf.gz", "concat"]
SPECIAL = {  # folder -> format for some files, to place the rarer formats on meaningful folders
    ("2025-10-31T00", "", 0): "bom-ndjson",
    ("2026-09-01T00", "", 0): "bom-concat.gz",
    ("2026-02-28T00", "", 0): "concat-reordered",
}
ESCAPED = {"ndjson-crlf", "concat.gz", "crlf.gz"}  # these write non-ASCII as \\u escapes

if os.path.isdir(ROOT):
    shutil.rmtree(ROOT)
for i, key in enumerate(sorted(split)):
    fk, tag, part = key
    evs = split[key]
    fmt = SPECIAL.get(key, FORMATS[i % len(FORMATS)])
    fdt = folder_dt(fk)
    first_in_hour = min((x.arrival for x in evs if hour_of(x.arrival) == fdt), default=None)
    start = datetime.fromtimestamp(first_in_hour / 1000, tz=timezone.utc) if first_in_hour else fdt
    name_dt = start.replace(microsecond=0) + timedelta(seconds=part * 7 + (40 if tag == "retry" else 0))
    name = "%s-1-%s-%s" % (STREAM, name_dt.strftime("%Y-%m-%d-%H-%M-%S"), h("obj", fk, tag, part, n=8))
    recs = []
    for x in evs:
        r = record(x)
        if fmt == "concat-reordered":
            r = reorder(r)
        recs.append(json.dumps(r, ensure_ascii=fmt in ESCAPED, separators=(",", ":")))
    if fmt.startswith("concat"):
        body = "".join(recs)
    elif "crlf" in fmt:
        body = "".join(r + "\r\n" for r in recs)
    elif fmt == "ndjson-nofinal":
        body = "\n".join(recs)
    else:
        body = "".join(r + "\n" for r in recs)
    data = body.encode("utf-8")
    if fmt.startswith("bom"):
        data = b"\xef\xbb\xbf" + data
    d = os.path.join(ROOT, fdt.strftime("%Y/%m/%d/%H"))
    os.makedirs(d, exist_ok=True)
    if fmt.endswith(".gz"):
        name += ".gz"
        buf = io.BytesIO()
        with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0) as g:
            g.write(data)
        data = buf.getvalue()
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)
    print("%-60s %-16s %3d records" % (os.path.relpath(os.path.join(d, name), ROOT), fmt, len(evs)))
print("total records:", len(EVENTS))
