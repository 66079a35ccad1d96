# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
# bench-register.py: writes a deterministic contracts register of N rows for the benchmarks
#
# The columns are those a council's register carries and the import
# recognises; the terms are written the ways registers write them, and no
# row has invoked more extensions than its term offers. The same N always
# gives the same file, so the benchmarks compare like with like.
#
#   /usr/bin/python3 tests/bench/bench-register.py ROWS FILE.csv

import csv
import datetime
import random
import sys

SEED = 20261203

HEADERS = ["Reference", "Title", "Service", "Provider", "Provider sector", "Commissioner",
           "Start date", "End date", "Term", "Extensions invoked", "Notice period",
           "Annual value", "Total value", "Type", "Route"]

# A term as written, its initial period and each extension it offers, in months.
TERMS = [
    ("3+2", 36, [24], 20),
    ("3+1+1", 36, [12, 12], 30),
    ("5 + up to 3", 60, [36], 10),
    ("3 years plus 24 months", 36, [24], 10),
    ("6 months", 6, [], 5),
    ("2+1", 24, [12], 15),
    ("4", 48, [], 10),
]

SECTORS = ["Third sector", "VCSE", "Independent", "NHS trust", "Charity", "In-house"]
TYPES = ["Contract", "Grant", "SLA", "Spot purchase", "Framework call-off", "Block"]
ROUTES = ["Open", "Light touch", "Direct award", "Grant scheme", "Restricted", "Quotation"]
COMMISSIONERS = ["Adult Social Care", "Public Health", "Children and Families",
                 "NHS West Yorkshire ICB"]
NOTICE = ["3 months", "6 months", "1 month", "12 weeks", ""]
ACTIVITIES = ["Home care", "Carers' support", "Reablement", "Supported living",
              "Day opportunities", "Advocacy", "Social prescribing", "Falls prevention",
              "Dementia support", "Extra care housing", "Substance misuse recovery",
              "Domestic abuse refuge", "Young carers", "Homelessness outreach", "Stop smoking"]
PLACES = ["Armley", "Beeston", "Bramley", "Chapeltown", "Garforth", "Harehills", "Headingley",
          "Holbeck", "Horsforth", "Kirkstall", "Meanwood", "Morley", "Otley", "Pudsey",
          "Rothwell", "Roundhay", "Seacroft", "Wetherby", "Yeadon", "Hunslet"]
KINDS = ["Care Ltd", "Community Association", "Mind", "Age UK", "Housing Association",
         "Support Services Ltd", "GP Federation", "Recovery Network", "Carers Trust"]


def add_months(day, months):
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    return day.replace(year=year, month=month)


def pounds(pence):
    return "£{:,}.{:02d}".format(pence // 100, pence % 100)


def pick_term(rand):
    total = sum(term[3] for term in TERMS)
    roll = rand.randrange(total)
    for term in TERMS:
        roll -= term[3]
        if roll < 0:
            return term
    return TERMS[-1]


def rows(n):
    rand = random.Random(SEED)
    n_services = max(10, n // 100)
    n_providers = max(20, min(20000, n // 5))
    services = ["%s, %s (%d)" % (ACTIVITIES[i % len(ACTIVITIES)], PLACES[i % len(PLACES)], i)
                for i in range(n_services)]
    providers = [("%s %s %d" % (rand.choice(PLACES), rand.choice(KINDS), i), rand.choice(SECTORS))
                 for i in range(n_providers)]
    for i in range(n):
        text, initial, extensions, _ = pick_term(rand)
        invoked = rand.randint(0, len(extensions))
        start = datetime.date(rand.randrange(2016, 2027), rand.choice([1, 4, 7, 10]), 1)
        months = initial + sum(extensions[:invoked])
        end = add_months(start, months) - datetime.timedelta(days=1)
        annual = rand.randrange(5000, 900000) * 100 + rand.choice([0, 0, 0, rand.randrange(100)])
        provider, sector = providers[rand.randrange(n_providers)]
        yield ["REF-%07d" % (i + 1), "%s lot %d" % (rand.choice(ACTIVITIES), i % 7 + 1),
               services[rand.randrange(n_services)], provider, sector,
               rand.choice(COMMISSIONERS), start.strftime("%d/%m/%Y"), end.strftime("%d/%m/%Y"),
               text, str(invoked), rand.choice(NOTICE), pounds(annual),
               pounds(annual * months // 12), rand.choice(TYPES), rand.choice(ROUTES)]


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: bench-register.py ROWS FILE.csv")
    with open(sys.argv[2], "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(HEADERS)
        writer.writerows(rows(int(sys.argv[1])))


if __name__ == "__main__":
    main()
