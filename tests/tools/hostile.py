#!/usr/bin/env python3
"""hostile.py DIR — write hostile and degenerate mail files into DIR
(issue 9, item 5), one per case, named after the case:

  big-50mb          a 50 MB message (text body and a base64 attachment)
  parts-10000       multipart/mixed with 10,000 parts
  nest-1000         multiparts nested 1,000 deep
  empty             a zero-byte file
  garbage           64 KiB of binary garbage
  nul-headers       NUL bytes and invalid UTF-8 in headers and body
  crlf-names        an interview invitation whose sender name, subject and
                    company carry CR/LF, header-like text and very long
                    values (they flow into drafts)
  attendees-10000   a calendar invitation with 10,000 attendees
  date-1900         an interview invitation dated 1900
  date-9999         an interview invitation dated 9999

Deterministic (a fixed seed); written by us for these tests.
"""
import os
import random
import sys

CRLF = "\n"


def write(path, data):
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8", "surrogateescape"))


def headers(subject, case, date="Thu, 12 Nov 2026 15:04:00 +0000", extra=""):
    # Each case its own employer, so that each makes its own process.
    sender = "Jordan Lee <jordan.lee@%s.example>" % case
    mid = "<hostile.%d@%s.example>" % (random.randrange(10**9), case)
    return ("Message-ID: %s\nDate: %s\nFrom: %s\nTo: Alex Morgan <alex.morgan@example.net>\n"
            "Subject: %s\nMIME-Version: 1.0\n%s" % (mid, date, sender, subject, extra))


INVITE = ("Hi Alex,\n\nThank you for applying for the Backend Engineer role. We would "
          "like to invite you to an interview with our hiring manager on Tuesday "
          "17 November 2026 at 15:00 UTC. Please confirm that this time works for "
          "you.\n\nBest,\nJordan Lee\nRecruiter\n")


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    random.seed(9)
    p = lambda name: os.path.join(out, name)

    # 50 MB: 25 MB of text lines and 25 MB of base64.
    line = "The quick telemetry robot interviews the lazy warehouse.\n"
    text = line * (25 * 1024 * 1024 // len(line))
    b64 = ("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAx\n"
           * (25 * 1024 * 1024 // 73))
    write(p("big-50mb"), headers("Interview invitation: Backend Engineer at Big Corp", "big",
                                 extra='Content-Type: multipart/mixed; boundary="b"\n')
          + "\n--b\nContent-Type: text/plain\n\n" + INVITE + text
          + "\n--b\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\n"
          + b64 + "\n--b--\n")

    parts = "".join("--p\nContent-Type: text/plain\n\npart %d interview\n" % i
                    for i in range(10000))
    write(p("parts-10000"), headers("Interview invitation: many parts", "parts",
                                    extra='Content-Type: multipart/mixed; boundary="p"\n')
          + "\n" + parts + "--p--\n")

    body = "--n1000\nContent-Type: text/plain\n\n" + INVITE + "\n--n1000--\n"
    for d in range(999, 0, -1):
        body = ("--n%d\nContent-Type: multipart/mixed; boundary=\"n%d\"\n\n%s\n--n%d--\n"
                % (d, d + 1, body, d))
    write(p("nest-1000"), headers("Interview invitation: nested", "nest",
                                  extra='Content-Type: multipart/mixed; boundary="n1"\n')
          + "\n" + body)

    write(p("empty"), b"")
    write(p("garbage"), bytes(random.randrange(256) for _ in range(65536)))

    write(p("nul-headers"),
          b"Message-ID: <nul\x00id@nul.example>\n"
          b"Date: Thu, 12 Nov 2026 15:04:00 +0000\n"
          b"From: Jor\x00dan \xff\xfe Lee <jordan.lee@nul.example>\n"
          b"To: Alex Morgan <alex.morgan@example.net>\n"
          b"Subject: Interview \x00invitation \xc3\x28 \xed\xa0\x80 Backend Engineer\n"
          b"MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n"
          + INVITE.encode() + b"\x00\xff\xfe\xc3\x28 more \x00 bytes\n")

    long_name = "Jordan " + "Verylongname" * 2000
    write(p("crlf-names"),
          "Message-ID: <crlf.names@crlf.example>\n"
          "Date: Thu, 12 Nov 2026 15:04:00 +0000\n"
          "From: =?utf-8?q?Jordan=0D=0ABcc:_victim@evil.example=0D=0A?= <jordan.lee@crlf.example>\n"
          "To: Alex Morgan <alex.morgan@example.net>\n"
          "Subject: =?utf-8?q?Interview_invitation=0D=0ABcc:_victim@evil.example=0D=0AX-Evil:_1?= "
          + ("very long subject " * 3000) + "\n"
          "Reply-To: \"" + long_name + "\" <jordan.lee@crlf.example>\n"
          "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n"
          "Hi Alex,\n\nThank you for applying for the Backend Engineer\r\nBcc: victim@evil.example role at "
          "Crlf\rCo" + ("X" * 100000) + ". We would like to invite you to an interview with "
          "our hiring manager on Tuesday 17 November 2026 at 15:00 UTC. Please confirm "
          "that this time works for you.\n\nBest,\n" + long_name + "\nRecruiter\n")

    att = "".join("ATTENDEE;CN=Person %d:mailto:p%d@crowd.example\n" % (i, i)
                  for i in range(10000))
    write(p("attendees-10000"),
          headers("Invitation: Interview - Backend Engineer", "crowd",
                  extra='Content-Type: multipart/mixed; boundary="c"\n')
          + "\n--c\nContent-Type: text/plain\n\n" + INVITE
          + "\n--c\nContent-Type: text/calendar; method=REQUEST\n\n"
          "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//hostile//EN\nMETHOD:REQUEST\n"
          "BEGIN:VEVENT\nUID:hostile-att@crowd.example\nDTSTAMP:20261112T150000Z\n"
          "DTSTART:20261117T150000Z\nDTEND:20261117T160000Z\n"
          "SUMMARY:Interview: Backend Engineer\n"
          "ORGANIZER;CN=Jordan Lee:mailto:jordan.lee@crowd.example\n"
          + att + "END:VEVENT\nEND:VCALENDAR\n\n--c--\n")

    write(p("date-1900"), headers("Interview invitation: Backend Engineer", "old",
                                  date="Mon, 01 Jan 1900 00:00:00 +0000",
                                  extra="Content-Type: text/plain\n")
          + "\n" + INVITE.replace("17 November 2026", "2 January 1900"))
    write(p("date-9999"), headers("Interview invitation: Backend Engineer", "future",
                                  date="Fri, 31 Dec 9999 23:59:59 +0000",
                                  extra="Content-Type: text/plain\n")
          + "\n" + INVITE.replace("17 November 2026", "31 December 9999"))


if __name__ == "__main__":
    main()
