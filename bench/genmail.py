#!/usr/bin/env python3
"""genmail.py - a deterministic, realistic mailbox for `make bench` and
for the prefilter equivalence test (tests/e2e/T180-prefilter.sh).

    genmail.py ROOT COUNT [--seed N] [--batch NAME] [--new]

Writes COUNT messages as Maildir files under ROOT (INBOX, Sent, lists/*,
newsletters).  The same arguments always give the same bytes.  The mix:

  * personal threads (some answered by the user from Sent),
  * mailing-list traffic with List-Id, long threads,
  * newsletters and receipts: multipart/alternative, base64 or
    quoted-printable HTML,
  * ordinary meeting invitations with text/calendar parts (not interviews),
  * mail that uses the prefilter's words in other senses ("offer",
    "position", "role", "application", "interview" with a journalist),
  * about 2 % recruiting mail in whole processes: an invitation (half of
    them with a calendar part), the user's confirmation and thank-you,
    sometimes a second round, and a rejection, an offer or silence.

The user is Alex Morgan <alex.morgan@example.net> (as in the tests' config).
--batch gives the Message-IDs and file names a distinct prefix, so a second
run adds new mail to an existing mailbox; --new writes into new/ (as a
delivery agent would) instead of cur/.
"""

import argparse
import base64
import os
import random
import sys
import time
from email.utils import format_datetime
from datetime import datetime, timedelta, timezone

USER = ("Alex Morgan", "alex.morgan@example.net")
END = datetime(2026, 11, 20, 12, 0, tzinfo=timezone.utc)
SPAN_DAYS = 300

FIRST = ["Sam", "Priya", "Jordan", "Mei", "Omar", "Lena", "Carlos", "Ada",
         "Tomasz", "Ines", "Kofi", "Hana", "Ravi", "Sofia", "Noah", "Yuki",
         "Elena", "Marcus", "Aisha", "Felix"]
LAST = ["Shah", "Lee", "Garcia", "Novak", "Okafor", "Tanaka", "Berg",
        "Rossi", "Khan", "Dubois", "Silva", "Meyer", "Park", "Nilsson",
        "Costa", "Ahmed", "Fischer", "Moreau", "Ivanova", "Brooks"]
COMPANIES = ["Acme Robotics", "Globex", "Initech", "Umbra Systems",
             "Hooli Labs", "Vandelay Data", "Stark Grid", "Wayne Analytics",
             "Tyrell Bio", "Cyberdyne Cloud", "Soylent Foods", "Nakatomi AI",
             "Oceanic Logistics", "Wonka Retail", "Gringotts Pay",
             "Monarch Health", "Aperture Devices", "Black Mesa Energy",
             "Massive Dynamic", "Dunder Paper"]
ROLES = ["Backend Engineer", "Data Engineer", "Site Reliability Engineer",
         "Platform Engineer", "Software Engineer", "Product Analyst",
         "Machine Learning Engineer", "Engineering Manager",
         "Frontend Developer", "Security Engineer"]
LISTS = ["notmuch", "postgres-general", "rust-users", "debian-user",
         "lwn-discuss", "climbing-club"]
WORDS = ("the of and to in is that for it as with was on be at by this had "
         "not are but from or have an they which one you were her all she "
         "there would their we him been has when who will more no if out so "
         "said what up its about into than them can only other new some "
         "could time these two may then do first any my now such like our "
         "over man me even most made after also did many before must through "
         "back years where much your way well down should because each just "
         "those people how too little state good very make world still own "
         "see men work long get here between both life being under never "
         "day same another know while last might us great old year off come "
         "since against go came right used take three patch build release "
         "kernel index query thread draft queue server latency cache").split()

# Sentences that use the prefilter's words in other senses.
DECOYS = [
    "Our spring offer ends on Friday: 20 % off every order.",
    "The position of the cursor is saved when you quit.",
    "What role does the cache play in this design?",
    "Your application for a library card has been processed.",
    "Thanks for the interview last week; the article runs on Monday.",
    "The next steps for the renovation are the floor and the windows.",
    "We are hiring volunteers for the climbing festival.",
]


class Gen:
    def __init__(self, root, seed, batch, new):
        self.root = root
        self.r = random.Random(seed)
        self.batch = batch
        self.new = new
        self.n = 0
        self.start = END - timedelta(days=SPAN_DAYS)

    # -- helpers ---------------------------------------------------------
    def person(self):
        f, l = self.r.choice(FIRST), self.r.choice(LAST)
        return f"{f} {l}", f"{f.lower()}.{l.lower()}"

    def when(self):
        return self.start + timedelta(
            seconds=self.r.randrange(SPAN_DAYS * 86400 - 3 * 86400))

    def mid(self, dom):
        self.n += 1
        return f"<{self.batch}.{self.n}.{self.r.getrandbits(32):08x}@{dom}>"

    def para(self, words=60):
        out, line = [], []
        for i in range(words):
            line.append(self.r.choice(WORDS))
            if len(" ".join(line)) > 66:
                out.append(" ".join(line))
                line = []
        if line:
            out.append(" ".join(line))
        text = "\n".join(out)
        return text[0].upper() + text[1:] + "."

    def write(self, folder, headers, body, seen=True):
        d = os.path.join(self.root, folder)
        sub = "new" if self.new else "cur"
        for s in ("cur", "new", "tmp"):
            os.makedirs(os.path.join(d, s), exist_ok=True)
        self.n += 1
        name = f"{int(time.mktime(END.timetuple()))}.{self.batch}{self.n}.bench"
        if not self.new:
            name += ":2," + ("S" if seen else "")
        lines = [f"{k}: {v}" for k, v in headers if v is not None]
        data = "\n".join(lines) + "\n" + body
        if not data.endswith("\n"):
            data += "\n"
        with open(os.path.join(d, sub, name), "w", encoding="utf-8") as f:
            f.write(data)

    def hdr(self, frm, to, subject, date, mid, extra=(), reply=None):
        h = [("Message-ID", mid), ("Date", format_datetime(date)),
             ("From", f"{frm[0]} <{frm[1]}>"), ("To", f"{to[0]} <{to[1]}>"),
             ("Subject", subject)]
        if reply:
            h += [("In-Reply-To", reply[-1]), ("References", " ".join(reply))]
        h += list(extra)
        h.append(("MIME-Version", "1.0"))
        return h

    # -- kinds of mail ---------------------------------------------------
    def personal(self):
        name, local = self.person()
        dom = self.r.choice(["pals.example", "mailbox.example",
                             "family.example", "uni.example"])
        them = (name, f"{local}@{dom}")
        date = self.when()
        subject = " ".join(self.r.choice(WORDS) for _ in range(4)).capitalize()
        refs = []
        count = 0
        for i in range(self.r.choice([1, 1, 2, 2, 3, 4])):
            mine = i % 2 == 1
            mid = self.mid("morgan.example" if mine else dom)
            body = f"Hi {(them if mine else USER)[0].split()[0]},\n\n"
            body += self.para(self.r.randrange(20, 120))
            if self.r.random() < 0.05:
                body += "\n\n" + self.r.choice(DECOYS)
            body += f"\n\n{(USER if mine else them)[0].split()[0]}\n"
            h = self.hdr(USER if mine else them, them if mine else USER,
                         ("Re: " if i else "") + subject, date, mid,
                         reply=refs[:] if refs else None)
            h.append(("Content-Type", "text/plain; charset=utf-8"))
            self.write("Sent" if mine else "INBOX", h, "\n" + body)
            refs.append(mid)
            date += timedelta(hours=self.r.randrange(1, 48))
            count += 1
        return count

    def listmail(self):
        lst = self.r.choice(LISTS)
        name, local = self.person()
        frm = (name, f"{local}@lists-user.example")
        date = self.when()
        subject = f"[{lst}] " + " ".join(self.r.choice(WORDS)
                                         for _ in range(5))
        refs, count = [], 0
        for i in range(self.r.choice([1, 2, 3, 5, 8])):
            mid = self.mid("lists-user.example")
            body = ""
            if refs:
                body += "> " + self.para(30).replace("\n", "\n> ") + "\n\n"
            body += self.para(self.r.randrange(40, 300)) + "\n"
            if self.r.random() < 0.05:
                body += "\n" + self.r.choice(DECOYS) + "\n"
            h = self.hdr(frm, (lst, f"{lst}@lists.example"),
                         ("Re: " if i else "") + subject, date, mid,
                         extra=[("List-Id", f"<{lst}.lists.example>"),
                                ("Precedence", "list")],
                         reply=refs[:] if refs else None)
            h.append(("Content-Type", "text/plain; charset=utf-8"))
            self.write(f"lists/{lst}", h, "\n" + body)
            refs.append(mid)
            date += timedelta(hours=self.r.randrange(1, 30))
            count += 1
        return count

    def newsletter(self):
        shop = self.r.choice(["Daily Brief", "Outdoor Gear", "Book Club",
                              "Cloud Weekly", "City Transit", "Bank Notices"])
        dom = shop.lower().replace(" ", "") + ".example"
        date = self.when()
        text = self.para(self.r.randrange(80, 400))
        if self.r.random() < 0.3:
            text += "\n\n" + self.r.choice(DECOYS)
        html = ("<html><body><table><tr><td><h1>" + shop + "</h1><p>"
                + text.replace("\n", " ").replace(". ", ".</p><p>")
                + "</p></td></tr></table></body></html>")
        b = f"=_nl_{self.n:x}"
        enc = self.r.choice(["base64", "quoted-printable"])
        if enc == "base64":
            hp = base64.encodebytes(html.encode()).decode()
        else:
            hp = html.replace("=", "=3D")
            hp = "=\n".join(hp[i:i + 70] for i in range(0, len(hp), 70))
        body = (f"\n--{b}\nContent-Type: text/plain; charset=utf-8\n\n{text}\n"
                f"\n--{b}\nContent-Type: text/html; charset=utf-8\n"
                f"Content-Transfer-Encoding: {enc}\n\n{hp}\n--{b}--\n")
        h = self.hdr((shop, f"news@{dom}"), USER,
                     f"{shop}: " + " ".join(self.r.choice(WORDS)
                                            for _ in range(5)),
                     date, self.mid(dom),
                     extra=[("List-Unsubscribe", f"<https://{dom}/u>")])
        h.append(("Content-Type",
                  f'multipart/alternative; boundary="{b}"'))
        self.write("newsletters", h, body)
        return 1

    def ics(self, uid, start, minutes, summary, organizer, attendees):
        fmt = "%Y%m%dT%H%M%SZ"
        end = start + timedelta(minutes=minutes)
        lines = ["BEGIN:VCALENDAR", "PRODID:-//bench//genmail//EN",
                 "VERSION:2.0", "METHOD:REQUEST", "BEGIN:VEVENT",
                 f"UID:{uid}", f"DTSTAMP:{start.strftime(fmt)}",
                 f"DTSTART:{start.strftime(fmt)}",
                 f"DTEND:{end.strftime(fmt)}", f"SUMMARY:{summary}",
                 f"ORGANIZER;CN={organizer[0]}:mailto:{organizer[1]}"]
        for a in attendees:
            lines.append(f"ATTENDEE;CN={a[0]};PARTSTAT=NEEDS-ACTION:"
                         f"mailto:{a[1]}")
        lines += ["STATUS:CONFIRMED", "END:VEVENT", "END:VCALENDAR"]
        return "\r\n".join(lines) + "\r\n"

    def with_calendar(self, text, cal):
        b = f"=_cal_{self.n:x}"
        return (f'multipart/mixed; boundary="{b}"',
                f"\n--{b}\nContent-Type: text/plain; charset=utf-8\n\n{text}\n"
                f"\n--{b}\nContent-Type: text/calendar; charset=utf-8; "
                f"method=REQUEST\nContent-Disposition: attachment; "
                f'filename="invite.ics"\n\n{cal}\n--{b}--\n')

    def meeting(self):
        name, local = self.person()
        org = (name, f"{local}@workplace.example")
        date = self.when()
        start = (date + timedelta(days=self.r.randrange(1, 8))).replace(
            minute=0, second=0)
        topic = self.r.choice(["Sprint planning", "Book club", "1:1",
                               "Quarterly review", "Dentist", "Team lunch"])
        text = (f"{topic} on {start.strftime('%A %d %B at %H:%M')} UTC.\n\n"
                + self.para(30))
        ctype, body = self.with_calendar(
            text, self.ics(f"{self.batch}-{self.n}@workplace.example", start,
                           30, topic, org, [USER]))
        h = self.hdr(org, USER, f"Invitation: {topic}", date,
                     self.mid("workplace.example"))
        h.append(("Content-Type", ctype))
        self.write("INBOX", h, body)
        return 1

    def process(self):
        """One employer's interview process: 2 to 6 messages."""
        company = self.r.choice(COMPANIES)
        role = self.r.choice(ROLES)
        dom = company.lower().replace(" ", "-") + ".example"
        rname, rlocal = self.person()
        rec = (rname, f"{rlocal}@{dom}")
        iname, ilocal = self.person()
        interviewer = (iname, f"{ilocal}@{dom}")
        date = self.when() - timedelta(days=30)
        if date < self.start:
            date = self.start
        count = 0
        refs = []
        rounds = self.r.choice([1, 1, 2])
        for rnd in range(rounds):
            when = (date + timedelta(days=self.r.randrange(2, 6))).replace(
                hour=self.r.choice([15, 16, 17, 18]), minute=0, second=0)
            while when.weekday() >= 5:
                when += timedelta(days=1)
            what = "video interview" if rnd == 0 else "final-round interview"
            text = (f"Hi Alex,\n\nThank you for applying for the {role} "
                    f"position at {company}. We would like to invite you to a "
                    f"{what} with {iname}.\n\n"
                    f"  When: {when.strftime('%A %d %B %Y')}, "
                    f"{when.strftime('%H:%M')} UTC (45 minutes)\n"
                    f"  Where: https://meet.{dom}/r/{self.n}\n\n"
                    f"Please reply to confirm the time works for you.\n\n"
                    f"Best regards,\n{rname}\nRecruiter, {company}\n")
            mid = self.mid(dom)
            subj = (f"Interview invitation: {role} at {company}" if rnd == 0
                    else f"Next round: {role} at {company}")
            h = self.hdr(rec, USER, subj, date, mid)
            if self.r.random() < 0.5:
                ctype, body = self.with_calendar(text, self.ics(
                    f"{self.batch}-{self.n}@{dom}", when, 45,
                    f"Interview: Alex Morgan / {iname} ({role})", rec,
                    [interviewer, USER]))
                h.append(("Content-Type", ctype))
            else:
                h.append(("Content-Type", "text/plain; charset=utf-8"))
                body = "\n" + text
            self.write("INBOX", h, body)
            refs = [mid]
            count += 1
            # The user confirms.
            mid = self.mid("example.net")
            h = self.hdr(USER, rec, "Re: " + subj,
                         date + timedelta(hours=2), mid, reply=refs)
            h.append(("Content-Type", "text/plain; charset=utf-8"))
            self.write("Sent", h, f"\nHi {rname.split()[0]},\n\nThat time "
                       "works well for me. I look forward to it.\n\nAlex\n")
            count += 1
            # Sometimes a thank-you after the interview.
            if self.r.random() < 0.6:
                h = self.hdr(USER, interviewer, "Thank you",
                             when + timedelta(hours=5), self.mid("example.net"))
                h.append(("Content-Type", "text/plain; charset=utf-8"))
                self.write("Sent", h, f"\nHi {iname.split()[0]},\n\nThank you "
                           f"for the conversation today about the {role} "
                           "role.\n\nBest,\nAlex\n")
                count += 1
            date = when + timedelta(days=self.r.randrange(3, 10))
        outcome = self.r.random()
        if outcome < 0.4:
            h = self.hdr(rec, USER, f"Your application to {company}", date,
                         self.mid(dom))
            h.append(("Content-Type", "text/plain; charset=utf-8"))
            self.write("INBOX", h, f"\nHi Alex,\n\nThank you for your time "
                       f"and interest in the {role} role. Unfortunately, we "
                       "have decided to move forward with other candidates "
                       "whose experience more closely matches our needs.\n\n"
                       f"We wish you all the best,\n{rname}\n")
            count += 1
        elif outcome < 0.55:
            h = self.hdr(rec, USER, f"Offer: {role} at {company}", date,
                         self.mid(dom))
            h.append(("Content-Type", "text/plain; charset=utf-8"))
            self.write("INBOX", h, f"\nHi Alex,\n\nI am delighted to let you "
                       f"know that we would like to offer you the {role} "
                       f"position at {company}. The written offer follows "
                       f"tomorrow.\n\nCongratulations!\n{rname}\n")
            count += 1
        return count


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("root")
    ap.add_argument("count", type=int, nargs="?", default=20000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--batch", default="b")
    ap.add_argument("--new", action="store_true")
    a = ap.parse_args()
    g = Gen(a.root, a.seed, a.batch, a.new)
    made = 0
    kinds = [(g.personal, 0.30), (g.listmail, 0.35), (g.newsletter, 0.238),
             (g.meeting, 0.10), (g.process, 0.012)]
    while made < a.count:
        x, acc = g.r.random(), 0.0
        for fn, p in kinds:
            acc += p
            if x < acc:
                break
        made += fn()
    print(f"genmail: {made} messages under {a.root}", file=sys.stderr)


if __name__ == "__main__":
    main()
