#!/usr/bin/env python3
"""Writes testdata/ses-events/ from the SES stories of testdata/README.md ("SES stories").

Records are shaped like the ones SES publishes to Firehose (eventType, mail with headers, commonHeaders
and tags, and the event's own object), one per line, in Firehose's YYYY/MM/DD/HH/ layout. The values
are made up for these stories. The switched sender's early history is Pinpoint records in the same
objects, as in a bucket that received both streams. This script computes no expectations: the
expected CSV is derived by hand in testdata/README.md.
"""
import gzip
import hashlib
import json
import os
import shutil
from datetime import datetime, timezone

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "ses-events")
SENDER = "news@example.org"
IPHONE_UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148"
DESKTOP_UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"


def utc(text):
    """The UTC datetime of an ISO-8601 instant with Z or offset (Python's own parser)."""
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(timezone.utc)


def h(*parts, n=8):
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:n]


records = []  # (folder datetime, line)


def mail(key, destination, sent):
    to = ", ".join(destination)
    return {
        "timestamp": sent,
        "source": SENDER,
        "sourceArn": "arn:aws:ses:eu-west-1:111122223333:identity/example.org",
        "sendingAccountId": "111122223333",
        "messageId": "0102019" + h("msg", key, n=12) + "-" + h("id", key, n=8) + "-000000",
        "destination": destination,
        "headersTruncated": False,
        "headers": [
            {"name": "From", "value": SENDER},
            {"name": "To", "value": to},
            {"name": "Subject", "value": "Our {autumn} letter, \"part %s\"" % key},
            {"name": "MIME-Version", "value": "1.0"},
            {"name": "Content-Type", "value": "text/html; charset=UTF-8"},
        ],
        "commonHeaders": {"from": [SENDER], "to": destination, "messageId": h("cm", key, n=16),
                          "subject": "Our {autumn} letter"},
        "tags": {"ses:configuration-set": ["reengage-demo"], "ses:from-domain": ["example.org"],
                 "ses:source-ip": ["192.0.2.10"], "campaign": [key.split("-")[0]]},
    }


def ses(event_type, key, destination, sent, obj_name=None, obj=None, mail_last=False, folder=None):
    rec = {"eventType": event_type}
    m = mail(key, destination, sent)
    if mail_last:
        rec[obj_name] = obj
        rec["mail"] = m
    else:
        rec["mail"] = m
        if obj_name:
            rec[obj_name] = obj
    when = folder or (obj.get("timestamp") if obj and isinstance(obj.get("timestamp"), str) else sent)
    records.append((utc(when), json.dumps(rec, separators=(",", ":"), ensure_ascii=False)))


def delivery(key, destination, time, recipients="same", sent=None, folder=None):
    obj = {"timestamp": time, "processingTimeMillis": 812, "smtpResponse": "250 2.0.0 OK",
           "reportingMTA": "b224-13.smtp-out.eu-west-1.amazonses.com"}
    if recipients == "same":
        obj["recipients"] = destination
    elif recipients is not None:
        obj["recipients"] = recipients
    ses("Delivery", key, destination, sent or time, "delivery", obj, folder=folder)


def open_(key, destination, time, sent, folder=None, ua=IPHONE_UA):
    obj = {"ipAddress": "198.51.100.23", "userAgent": ua}
    if time is not None:
        obj["timestamp"] = time
    ses("Open", key, destination, sent, "open", obj, folder=folder)


def click(key, destination, time, sent, folder=None):
    obj = {"ipAddress": "198.51.100.24", "link": "https://www.example.org/a?b={c}", "linkTags": {"k": ["v"]},
           "timestamp": time, "userAgent": DESKTOP_UA}
    # The guide's click example puts the click before mail.
    ses("Click", key, destination, sent, "click", obj, mail_last=True, folder=folder)


def pinpoint_delivered(key, address, time):
    ms = int(utc(time).timestamp() * 1000)
    rec = {"event_type": "_email.delivered", "event_timestamp": ms - 1500, "arrival_timestamp": ms,
           "event_version": "3.1", "application": {"app_id": "a1b2c3", "sdk": {}},
           "client": {"client_id": h("client", address, n=16)}, "device": {"platform": {}},
           "session": {}, "attributes": {"feedback": "delivered"}, "client_context": {"custom": {}},
           "awsAccountId": "111122223333",
           "facets": {"email_channel": {"mail_event": {
               "mail": {"message_id": h("pm", key, n=20), "message_send_timestamp": ms - 1500,
                        "from_address": SENDER, "destination": [address],
                        "headers_truncated": False, "headers": [{"name": "To", "value": address}],
                        "common_headers": {"from": SENDER, "to": [address], "subject": "Letter"}},
               "delivery": {"smtp_response": "250 OK", "reporting_mta": "mta", "recipients": [address],
                            "processing_time_millis": 900}}}}}
    records.append((utc(time), json.dumps(rec, separators=(",", ":"))))


def others(key, destination, sent):
    """The event types the rules ignore, with the shape of their objects."""
    ses("Send", key, destination, sent, "send", {})
    ses("Bounce", key, destination, sent, "bounce", {
        "bounceType": "Transient", "bounceSubType": "MailboxFull", "timestamp": sent,
        "bouncedRecipients": [{"emailAddress": destination[0], "status": "4.2.2"}], "feedbackId": h("fb", key)})
    ses("Complaint", key, destination, sent, "complaint", {
        "complainedRecipients": [{"emailAddress": destination[0]}], "timestamp": sent, "feedbackId": h("c", key)})
    ses("DeliveryDelay", key, destination, sent, "deliveryDelay", {
        "timestamp": sent, "delayType": "TransientCommunicationFailure", "expirationTime": sent,
        "delayedRecipients": [{"emailAddress": destination[0], "status": "4.4.1"}]})
    ses("Rendering Failure", key, destination, sent, "failure", {
        "errorMessage": "Attribute 'name' is not present in the rendering data.", "templateName": "Letter"})
    ses("Subscription", key, destination, sent, "subscription", {
        "contactList": "Letters", "timestamp": sent, "source": "UnsubscribeHeader",
        "newTopicPreferences": {"unsubscribeAll": True}, "oldTopicPreferences": {"unsubscribeAll": False}})
    ses("Reject", key, destination, sent, "reject", {"reason": "Bad content"})


A = lambda name: "ses-%s@example.org" % name

# 1. A sender who switched from Pinpoint to SES on 2026-01-15 at 09:40 UTC, inside the window: the
# hour folder 2026/01/15/09 holds a Pinpoint record and an SES record in one object.
for i, month in enumerate(["2025-11", "2025-12", "2026-01"]):
    pinpoint_delivered("S1-%d" % i, A("switcher"), month + "-15T09:30:00.123Z")
for i, month in enumerate(["2025-11", "2025-12"]):
    pinpoint_delivered("S1r-%d" % i, A("switcher-reader"), month + "-16T09:30:00.123Z")
delivery("S1r-2", [A("switcher-reader")], "2026-01-15T09:50:00.5Z", sent="2026-01-15T09:49:59Z")
for i, month in enumerate(["2026-03", "2026-04", "2026-05"]):
    delivery("S1-%d" % (i + 3), [A("switcher")], month + "-15T09:30:00.123Z", sent=month + "-15T09:29:58.002Z")
    delivery("S1r-%d" % (i + 3), [A("switcher-reader")], month + "-16T09:30:00.123Z",
             sent=month + "-16T09:29:58.002Z")
open_("S1r-5", [A("switcher-reader")], "2026-06-01T12:00:00.000Z", "2026-05-16T09:29:58.002Z")

# 2. Multi-recipient messages: one Delivery names a and b, another c; c's last two bounced.
multi = [A("multi-a"), A("multi-b"), A("multi-c")]
for i, month in enumerate(["2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05"]):
    sent = month + "-20T08:00:00.500Z"
    delivery("M-%d" % i, multi, month + "-20T08:00:01.250Z", recipients=multi[:2], sent=sent)
    if i < 5:
        delivery("M-%d" % i, multi, month + "-20T08:00:02.000Z", recipients=multi[2:], sent=sent)
    else:
        others("M-%d" % i, multi[2:], sent)

# 3. An open credits every address of mail.destination.
pair = [A("open-reader"), A("open-silent")]
for i, month in enumerate(["2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04"]):
    delivery("O-%d" % i, pair, month + "-25T07:00:00Z")
open_("O-5", pair, "2026-05-01T07:30:00Z", "2026-04-25T07:00:00Z")

# 4. Window boundaries with offsets and fraction digits.
delivery("E1-0", [A("edge-start")], "2025-10-31T02:00:00.400+02:00")  # 00:00:00.400Z: the start's second
delivery("E1-1", [A("edge-start")], "2025-10-31T00:00:01Z")
for i, month in enumerate(["2025-12", "2026-01", "2026-02", "2026-03", "2026-04"]):
    delivery("E1-%d" % (i + 2), [A("edge-start")], month + "-01T12:00:00.000000Z")
for name, day in (("edge-open", "05"), ("edge-click", "05"), ("edge-until", "06"), ("notime", "07")):
    for i, month in enumerate(["2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04"]):
        delivery("%s-%d" % (name, i), [A(name)], "%s-%sT06:00:00Z" % (month, day))
open_("edge-open-5", [A("edge-open")], "2026-02-27T19:00:00.999999-05:00", "2026-02-05T06:00:00Z")
click("edge-click-5", [A("edge-click")], "2026-02-28T01:00:01+01:00", "2026-02-05T06:00:00Z")
delivery("edge-until-6", [A("edge-until")], "2026-09-01T02:00:00.000+02:00")
open_("edge-until-5", [A("edge-until")], "2026-09-01T01:30:00+01:30", "2026-04-06T06:00:00Z")

# 5. Opens and clicks without a time count nowhere (and are not bad).
open_("notime-5", [A("notime")], None, "2026-04-07T06:00:00Z", folder="2026-05-07T06:00:00Z")
ses("Click", "notime-5", [A("notime")], "2026-04-07T06:00:00Z", "click",
    {"timestamp": None, "link": "https://www.example.org/"}, folder="2026-05-08T06:00:00Z")

# 6. Deliveries without delivery.recipients fall back to mail.destination.
for i, month in enumerate(["2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04"]):
    delivery("F-%d" % i, [A("fallback")], month + "-08T06:00:00.5Z", recipients=None)

# 7. Only ignored types.
for i, month in enumerate(["2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04"]):
    others("I-%d" % i, [A("ignored")], month + "-09T06:00:00Z")

# Objects: one per hour folder; formats rotate so each kind is present.
shutil.rmtree(ROOT, ignore_errors=True)
by_hour = {}
for when, line in records:
    by_hour.setdefault(when.strftime("%Y/%m/%d/%H"), []).append((when, line))
formats = ["lf", "crlf", "gzip", "lf-no-final", "gzip-crlf"]
counts = {f: 0 for f in formats}
for n, (hour, lines) in enumerate(sorted(by_hour.items())):
    lines.sort(key=lambda x: x[0])
    first = lines[0][0]
    fmt = formats[n % len(formats)]
    counts[fmt] += 1
    name = "ses-events-1-%s-%s" % (first.strftime("%Y-%m-%d-%H-%M-%S"), h("obj", hour))
    text_lines = [l for _, l in lines]
    sep = "\r\n" if "crlf" in fmt else "\n"
    body = sep.join(text_lines) + ("" if fmt == "lf-no-final" else sep)
    data = body.encode("utf-8")
    if fmt.startswith("gzip"):
        data = gzip.compress(data, mtime=0)
        name += ".gz"
    os.makedirs(os.path.join(ROOT, hour), exist_ok=True)
    with open(os.path.join(ROOT, hour, name), "wb") as f:
        f.write(data)
print("%d records in %d objects; formats %s" % (len(records), len(by_hour), counts))
