#!/usr/bin/env python3
"""Writes testdata/machine-opens/events/ from the stories in testdata/README.md
("Machine opens"). It computes no expectations: expected-*.csv were derived by hand."""
import datetime
import json
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
EVENTS = os.path.join(HERE, "events")
PROXY_UA = "Mozilla/5.0"
IPHONE_UA = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
             "(KHTML, like Gecko) Mobile/15E148")


def ms(iso):
    return int(datetime.datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp() * 1000)


DELIVERED_AT = ms("2025-12-01T10:00:00Z")  # six deliveries, a minute apart
OPENED_AT = ms("2026-03-10T09:00:00Z")  # inside the engagement window of as-of 2026-08-31

files = {}


def put(folder, name, rec):
    files.setdefault((folder, name), []).append(rec)


def pinpoint(etype, arrival, addr, extra=None):
    mail_event = {"mail": {"message_id": "mo-%s-%d" % (addr.split("@")[0], arrival),
                           "from_address": "news@mail.example.com", "destination": [addr]}}
    if extra:
        mail_event.update(extra)
    return {"event_type": etype, "event_timestamp": DELIVERED_AT, "arrival_timestamp": arrival,
            "facets": {"email_channel": {"mail_event": mail_event}}}


def iso(epoch_ms):
    t = datetime.datetime.fromtimestamp(epoch_ms / 1000, tz=datetime.timezone.utc)
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (epoch_ms % 1000)


def ses(event_type, addr, at, body):
    rec = {"eventType": event_type,
           "mail": {"timestamp": iso(DELIVERED_AT), "source": "news@mail.example.com",
                    "messageId": "mo-ses-%d" % at, "destination": [addr]}}
    rec[event_type.lower()] = body
    return rec


# (address, minute slot, opens/clicks as (type, user agent, ip))
STORIES = [
    ("apple-only@example.com", 0, [("open", PROXY_UA, "172.224.226.5"),
                                   ("open", PROXY_UA, "2a02:26f7:b3c0:4000::1")]),
    ("apple-click@example.com", 1, [("open", PROXY_UA, "172.224.226.6"),
                                    ("click", IPHONE_UA, "198.51.100.9")]),
    ("outside-list@example.com", 2, [("open", PROXY_UA, "203.0.113.7")]),
    ("mapped@example.com", 3, [("open", PROXY_UA, "::ffff:172.224.226.9")]),
    ("human@example.com", 4, [("open", IPHONE_UA, "172.224.226.10")]),
    ("quiet@example.com", 5, []),
]

for addr, slot, engagements in STORIES:
    for i in range(6):
        put("2025/12/01/10", "pinpoint-email-events-1-2025-12-01-10-05-00-6d6f0001",
            pinpoint("_email.delivered", DELIVERED_AT + i * 60_000 + slot * 1000, addr))
    for j, (kind, ua, ip) in enumerate(engagements):
        at = OPENED_AT + slot * 60_000 + j * 1000
        key = "open" if kind == "open" else "click"
        body = {"ip_address": ip, "user_agent": ua}
        if kind == "click":
            body["link"] = "https://www.example.com/offers"
        put("2026/03/10/09", "pinpoint-email-events-1-2026-03-10-09-05-00-6d6f0002",
            pinpoint("_email." + kind, at, addr, {key: body}))

# SES: a sender on SES whose open SES marked as a likely bot (isBotEvent), with a person's user agent.
SES_ADDR = "ses-bot@example.com"
for i in range(6):
    at = DELIVERED_AT + i * 60_000 + 6 * 1000
    put("2025/12/01/10", "ses-email-events-1-2025-12-01-10-05-00-6d6f0003",
        ses("Delivery", SES_ADDR, at, {"timestamp": iso(at), "recipients": [SES_ADDR],
                                       "processingTimeMillis": 500, "smtpResponse": "250 2.0.0 OK",
                                       "reportingMTA": "a8-1.smtp-out.amazonses.com"}))
at = OPENED_AT + 6 * 60_000
put("2026/03/10/09", "ses-email-events-1-2026-03-10-09-05-00-6d6f0004",
    ses("Open", SES_ADDR, at, {"timestamp": iso(at), "ipAddress": "192.0.2.1",
                               "userAgent": IPHONE_UA, "isBotEvent": "Likely"}))

shutil.rmtree(EVENTS, ignore_errors=True)
for (folder, name), recs in sorted(files.items()):
    os.makedirs(os.path.join(EVENTS, folder), exist_ok=True)
    with open(os.path.join(EVENTS, folder, name), "w", encoding="utf-8", newline="\n") as f:
        for r in recs:
            f.write(json.dumps(r, separators=(",", ":")) + "\n")
