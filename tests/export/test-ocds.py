#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""Open Contracting data, headless: the export validated offline against the
OCDS 1.1.5 release-package schema (and our extension), its fields checked
against the portfolio with SQL, the standard's fictional example imported
from its record package and from its merged releases, a round trip of the
demo and of contract variations with their change notices, and a table
of broken files each refused with the JSON path of its
problem and the portfolio left as it was.

    test-ocds.py COMMISSIONER
"""
import copy
import datetime
import json
import os
import sys
import tempfile
import urllib.parse
import zoneinfo

import jsonschema

import portfolio as portfolios
from tap import check, finish, run

TODAY = "2026-11-22"
HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "fixtures", "ocds")
SCHEMAS = os.path.join(FIXTURES, "schema-1.1.5")
EXAMPLE = os.path.join(FIXTURES, "fictional-example-1.1")
EXTENSION = os.path.join(HERE, "..", "..", "data", "ocds-extension")
RELEASE_URL = "https://standard.open-contracting.org/schema/1__1__5/release-schema.json"
LONDON = zoneinfo.ZoneInfo("Europe/London")

# Our routes and the OCDS method each should give; the rest give none.
METHODS = {"open": "open", "restricted": "selective", "competitive-flexible": "selective",
           "framework": "limited", "quotation": "limited", "direct-award": "direct"}

CONTRACTS_SQL = (
    "SELECT c.reference, c.title, s.name, o.name, p.name, p.sector, p.charity_number,"
    " p.company_number, p.is_sme, p.is_vcse, c.contract_type, c.route, c.annual_value,"
    " c.total_value, c.start_date, c.end_date, c.term, c.extensions_invoked, c.notice_period,"
    " c.notice_served FROM contract c JOIN service s ON s.id = c.service_id"
    " JOIN organisation o ON o.id = s.lead_commissioner_id"
    " JOIN provider p ON p.id = c.provider_id ORDER BY c.reference")


def query(portfolio, sql, *params):
    return portfolios.query(portfolio, sql, params)


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def save(path, data):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f)


# ---- the schema, offline ---------------------------------------------------

def merge_patch(target, patch):
    """RFC 7386, as OCDS applies an extension's release-schema.json."""
    if not isinstance(patch, dict):
        return copy.deepcopy(patch)
    result = copy.deepcopy(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = merge_patch(result.get(key), value)
    return result


def format_checker():
    """Date-times and URIs checked here: jsonschema checks them only with
    optional modules that Debian may not have installed."""
    checker = jsonschema.FormatChecker(formats=())

    @checker.checks("date-time", raises=ValueError)
    def date_time(value):
        if not isinstance(value, str):
            return True
        if "T" not in value or not (value.endswith("Z") or value[-6] in "+-"):
            raise ValueError("no time or offset")
        datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
        return True

    @checker.checks("uri", raises=ValueError)
    def uri(value):
        if isinstance(value, str) and ":" not in value:
            raise ValueError("no scheme")
        return True

    return checker


def validator(with_extension):
    package = load(os.path.join(SCHEMAS, "release-package-schema.json"))
    release = load(os.path.join(SCHEMAS, "release-schema.json"))
    if with_extension:
        release = merge_patch(release, load(os.path.join(EXTENSION, "release-schema.json")))
    # The package refers to the release schema by URL: resolved from the file.
    resolver = jsonschema.RefResolver.from_schema(package, store={RELEASE_URL: release})
    return jsonschema.Draft4Validator(package, resolver=resolver,
                                      format_checker=format_checker())


def schema_errors(data, with_extension=False):
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in validator(with_extension).iter_errors(data)]


def test_validator_can_fail():
    """The check below is worth something only if it refuses a bad package."""
    bad = {"uri": "urn:x", "version": "1.1", "publishedDate": "2026-11-22",
           "publisher": {"name": "x"},
           "releases": [{"ocid": "ocds-xxxxxx-1", "id": "1", "date": "2026-11-22T00:00:00Z",
                         "tag": ["compiled"], "initiationType": "tender",
                         "contracts": [{"id": "1", "awardID": "1", "status": "ended",
                                        "termAsWritten": 3,
                                        "terminationRationale": "cancelled",
                                        "amendments": [{"id": "1",
                                                        "variationKind": "price"}]}]}]}
    errors = " ".join(schema_errors(bad, with_extension=True))
    check("the validator refuses a date without a time",
          "publishedDate" in errors, errors)
    check("the validator refuses a status outside the closed codelist",
          "status" in errors, errors)
    check("the validator with our extension refuses a term that is not text",
          "termAsWritten" in errors, errors)
    check("the validator with our extension refuses a termination rationale outside its list",
          "terminationRationale" in errors, errors)
    check("the validator with our extension refuses a variation kind outside its list",
          "variationKind" in errors, errors)


# ---- the export ------------------------------------------------------------

def london_date(text):
    moment = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    return moment.astimezone(LONDON).date().isoformat()


def add_years(day, years):
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February: the anniversary moves to 1 March
        return datetime.date(day.year + years, 3, 1)


def whole_years(term):
    parts = term.replace(" ", "").split("+")
    return [int(p) for p in parts] if all(p.isdigit() for p in parts) else None


def expected_status(start, end, decommissioned):
    if decommissioned and decommissioned <= TODAY:
        return "terminated"
    if not start or start > TODAY:
        return "pending"
    return "terminated" if end and end < TODAY else "active"


def check_release(release, row, prefix):
    (reference, charity, company, route, total, annual, start, end, term, invoked,
     decommissioned, service, lead, provider, sme, vcse) = row
    contract = release["contracts"][0]
    parties = {p["id"]: p for p in release["parties"]}
    supplier_id = release["awards"][0]["suppliers"][0]["id"]
    problems = []

    def expect(what, ok):
        if not ok:
            problems.append(what)

    expect("ocid", release["ocid"] == f"{prefix}-{reference}")
    expect("contract id", contract["id"] == reference)
    expect("buyer", release["buyer"]["name"] == lead
           and "buyer" in parties[release["buyer"]["id"]]["roles"])
    expect("supplier party", parties[supplier_id]["name"] == provider
           and "supplier" in parties[supplier_id]["roles"])
    identifier = parties[supplier_id].get("identifier")
    if charity:
        expect("charity identifier", identifier == {"scheme": "GB-CHC", "id": charity,
                                                    "legalName": provider}
               and supplier_id == f"GB-CHC-{charity}")
    elif company:
        expect("company identifier", identifier["scheme"] == "GB-COH"
               and identifier["id"] == company)
    else:
        expect("no identifier invented", identifier is None)
    details = parties[supplier_id]["details"]
    expect("SME scale", details.get("scale") == ("sme" if sme else None))
    expect("VCSE flag", details["vcse"] == bool(vcse))
    expect("tender title", release["tender"]["title"] == service)
    expect("procurement method", release["tender"].get("procurementMethod") == METHODS.get(route))
    expect("route nick", release["tender"]["procurementRoute"] == route)
    if total:
        expect("value", contract["value"] == {"amount": total / 100, "currency": "GBP"})
    if annual:
        expect("annual value", contract["annualValue"]["amount"] == annual / 100
               and contract["annualValue"]["currency"] == "GBP")
    period = contract["period"]
    expect("start date", (london_date(period["startDate"]) if "startDate" in period else "")
           == start)
    years = whole_years(term)
    if start and years:
        first = datetime.date.fromisoformat(start)
        current = add_years(first, sum(years[:1 + invoked])) - datetime.timedelta(days=1)
        latest = add_years(first, sum(years)) - datetime.timedelta(days=1)
        expect("end date", london_date(period["endDate"]) == (end or current.isoformat()))
        expect("latest possible end", london_date(period["maxExtentDate"]) == latest.isoformat())
    expect("status", contract["status"] == expected_status(start, london_date(period["endDate"])
                                                           if "endDate" in period else "",
                                                           decommissioned))
    expect("term as written", contract.get("termAsWritten", "") == term)
    expect("extensions taken", contract["extensionsInvoked"] == invoked)
    return problems


RELEASE_SQL = (
    "SELECT c.reference, p.charity_number, p.company_number, c.route, c.total_value,"
    " c.annual_value, c.start_date, c.end_date, c.term, c.extensions_invoked,"
    " c.decommissioned_on, s.name, o.name, p.name, p.is_sme, p.is_vcse FROM contract c"
    " JOIN service s ON s.id = c.service_id JOIN organisation o ON o.id = s.lead_commissioner_id"
    " JOIN provider p ON p.id = c.provider_id")


def test_export(work, demo):
    out = os.path.join(work, "demo.json")
    result = run("--export-ocds", out, "--portfolio", demo, "--today", TODAY)
    check("--export-ocds writes the demo", result.returncode == 0, result.stderr)
    check("the export warns while the prefix is the placeholder",
          "ocds-xxxxxx" in result.stderr and "--set-ocds-prefix" in result.stderr, result.stderr)
    data = load(out)
    errors = schema_errors(data)
    check("the export validates against the OCDS 1.1.5 release-package schema",
          not errors, errors[:5])
    errors = schema_errors(data, with_extension=True)
    check("the export validates with our extension's schema applied", not errors, errors[:5])
    rows = {r[0]: r for r in query(demo, RELEASE_SQL)}
    releases = data["releases"]
    check("one compiled release per contract",
          len(releases) == len(rows) and all(r["tag"] == ["compiled"] for r in releases),
          len(releases))
    check("ocids are unique", len({r["ocid"] for r in releases}) == len(releases))
    bad = {}
    for release in releases:
        problems = check_release(release, rows[release["contracts"][0]["id"]], "ocds-xxxxxx")
        if problems:
            bad[release["ocid"]] = problems
    check("every release agrees with the portfolio (parties, identifiers, method, dates, "
          "values, status)", not bad, list(bad.items())[:5])
    summer = [r for r in releases if r["contracts"][0]["period"].get("startDate", "")[5:7]
              in ("05", "06", "07", "08")]
    check("summer dates carry London's summer offset, so they stay on their day",
          summer and all(r["contracts"][0]["period"]["startDate"].endswith("T00:00:00+01:00")
                         for r in summer), [r["contracts"][0]["period"] for r in summer][:2])
    third = [r for r in releases
             if any(p.get("details", {}).get("sector") == "third-sector" for p in r["parties"])]
    check("the Compact applies to every third-sector contract and no other",
          all(r["contracts"][0]["compact"]["applies"] == (r in third) for r in releases))
    check_uk_fields(demo, releases)
    return out


# ---- the UK extension's fields ---------------------------------------------

NOTICES_SQL = (
    "SELECT c.reference, n.code, n.published_on, n.identifier FROM contract_notice n"
    " JOIN contract c ON c.id = n.contract_id ORDER BY 1, 2, 3, 4")
ENDINGS_SQL = "SELECT reference, outcome, notice_kind FROM contract ORDER BY reference"
NOTICE_PAGE = "https://www.find-tender.service.gov.uk/Notice/"
SECTIONS = {"UK4": "tender", "UK5": "tender", "UK6": "awards", "PSR-INTENTION": "awards",
            "PSR-AWARD": "awards", "UK7": "contracts", "UK11": "contracts"}
RATIONALES = {"ended-by-expiry": "expired", "re-let": "re-let",
              "decommissioned": "decommissioned"}


def notice_documents(release):
    """(section, document) for every document with a notice type."""
    sections = [("tender", release.get("tender", {}))]
    sections += [("awards", a) for a in release.get("awards", [])]
    sections += [("contracts", c) for c in release.get("contracts", [])]
    return [(name, d) for name, section in sections for d in section.get("documents", [])
            if "noticeType" in d]


def exported_notices(releases):
    found = []
    for release in releases:
        reference = release["contracts"][0]["id"]
        for _, d in notice_documents(release):
            url = d.get("url", "")
            found.append((reference, d["noticeType"],
                          london_date(d["datePublished"]) if "datePublished" in d else "",
                          url[len(NOTICE_PAGE):] if url.startswith(NOTICE_PAGE) else ""))
    return sorted(found)


def standstill_end_problem(award):
    """What is wrong with the standstill's end, or None."""
    period = award["standstillPeriod"]
    codes = {d["noticeType"] for d in award.get("documents", [])}
    if "UK6" not in codes:
        return None if "endDate" not in period else ("an end without a UK6", period)
    if "endDate" not in period:
        return ("no end", period)
    start = datetime.date.fromisoformat(london_date(period["startDate"]))
    end = datetime.date.fromisoformat(london_date(period["endDate"]))
    weekdays = sum(1 for n in range((end - start).days + 1)
                   if (start + datetime.timedelta(days=n)).weekday() < 5)
    if end.weekday() >= 5 or not 8 <= weekdays <= 12:
        return ("not eight working days", period, weekdays)
    return None


def check_uk_fields(demo, releases):
    recorded = query(demo, NOTICES_SQL)
    check("the demo records procurement notices to export", len(recorded) > 5, recorded)
    check("every recorded notice is a document with its notice type, date and identifier",
          exported_notices(releases) == recorded,
          sorted(set(exported_notices(releases)) ^ set(recorded))[:5])
    misplaced = [(name, d["noticeType"]) for r in releases for name, d in notice_documents(r)
                 if d["noticeType"] in SECTIONS and SECTIONS[d["noticeType"]] != name]
    check("tender, award and contract notices are each in their own section's documents",
          not misplaced, misplaced[:5])
    standstills = 0
    for release in releases:
        award = release["awards"][0]
        award_notices = [d for d in award.get("documents", [])
                         if d["noticeType"] in ("UK6", "PSR-INTENTION") and "datePublished" in d]
        if award_notices:
            standstills += 1
            if award.get("standstillPeriod", {}).get("startDate") != \
                    award_notices[0]["datePublished"]:
                standstills = -1000
        elif "standstillPeriod" in award:
            standstills = -1000
    check("the standstill begins on the day the award notice was published, and only then",
          standstills > 0, standstills)
    ends = [standstill_end_problem(r["awards"][0]) for r in releases
            if "standstillPeriod" in r["awards"][0]]
    check("a contract award notice's standstill ends on a weekday, eight weekdays or a few more "
          "(bank holidays) after it begins; a PSR intention's gives no end",
          ends and not any(ends), [e for e in ends if e][:5])
    endings = {r: (o, k) for r, o, k in query(demo, ENDINGS_SQL)}
    wrong = [(r["contracts"][0]["id"], r["contracts"][0].get("terminationRationale"))
             for r in releases
             if r["contracts"][0].get("terminationRationale")
             != RATIONALES.get(endings[r["contracts"][0]["id"]][0])]
    check("the termination rationale is the contract's recorded outcome",
          not wrong and any("terminationRationale" in r["contracts"][0] for r in releases),
          wrong[:5])


def test_uk_import(work, exported):
    """Termination rationales and notices as another publisher might give
    them: each reaches the contract, and a bad one nothing."""
    data = load(exported)
    releases = data["releases"]
    for release in releases:
        release["contracts"][0].pop("terminationRationale", None)
    wanted = {}
    for i, rationale in enumerate(["expired", "re-let", "decommissioned", "terminated-early"]):
        contract = releases[i]["contracts"][0]
        contract["terminationRationale"] = rationale
        contract.pop("noticeKind", None)
        wanted[contract["id"]] = rationale
    # A standstill with no award notice among the documents, and a notice
    # type the portfolio does not track.
    plain = releases[10]
    plain["awards"][0].pop("documents", None)
    plain["awards"][0]["standstillPeriod"] = {"startDate": "2025-03-03T00:00:00Z",
                                              "endDate": "2025-03-13T23:59:59Z"}
    plain["tender"]["documents"] = [{"id": "x", "noticeType": "F03",
                                     "datePublished": "2025-01-01T00:00:00Z"}]
    plain["contracts"][0].setdefault("documents", []).append(
        {"id": "y", "noticeType": "UK9", "url": NOTICE_PAGE + "2025%2FS%20000-012345"})
    plain_reference = plain["contracts"][0]["id"]
    source = os.path.join(work, "uk.json")
    save(source, data)
    portfolio = portfolios.new(work, "uk")
    result = run("--import-ocds", source, "--portfolio", portfolio)
    check("a package with UK extension fields from elsewhere imports", result.returncode == 0,
          result.stderr)
    endings = {r: (o, k) for r, o, k in query(portfolio, ENDINGS_SQL)}
    got = {ref: endings[ref] for ref in wanted}
    check("each termination rationale sets the contract's outcome or notice kind",
          got == {wanted_ref: ({"expired": "ended-by-expiry", "re-let": "re-let",
                                "decommissioned": "decommissioned",
                                "terminated-early": "none"}[r],
                               "early-termination" if r == "terminated-early"
                               else "not-to-extend")
                  for wanted_ref, r in wanted.items()}, got)
    notices = [n for n in query(portfolio, NOTICES_SQL)
               if n[0] == plain_reference and n[1] in ("UK6", "F03")]
    check("a standstill without an award notice is read as the award notice on its first day, "
          "and an untracked notice type is left out",
          notices == [(plain_reference, "UK6", "2025-03-03", "")], notices)
    identified = [n for n in query(portfolio, NOTICES_SQL)
                  if n[0] == plain_reference and n[1] == "UK9"]
    check("a notice's identifier is read back from its Find a Tender address, unescaped",
          identified == [(plain_reference, "UK9", "", "2025/S 000-012345")], identified)




# ---- variations and their change notices -----------------------------------

VARIATIONS_SQL = (
    "SELECT c.reference, v.made_on, v.kind, v.description, v.reason, v.value_change,"
    " v.term_change, v.change_notice, v.change_notice_on FROM contract_variation v"
    " JOIN contract c ON c.id = v.contract_id ORDER BY 1, 2, 4")

# (contract id, made on, kind, description, reason, pence, term, notice, notice on):
# a change notice with its identifier and date, one with a date only, and
# a variation without one.
VARIATIONS = [
    (1, "2025-06-02", "value", "Adds 20 beds", "Demand rose", 12345050, "",
     "2025/S 000-099999", "2025-06-20"),
    (1, "2025-09-01", "term", "Extends by 6 months", "Re-procurement delayed", 0, "6 months",
     "", "2025-09-10"),
    (2, "2025-07-15", "scope", "Adds weekend cover", "Gap in provision", 0, "", "", ""),
]


def with_variations(work, demo):
    """The demo with variations written into its file, as the window's
    editor writes them (the audit trail is not the point here)."""
    portfolio = portfolios.copy(demo, work, "varied")
    for variation in VARIATIONS:
        # Numbered here: a server's tables take their ids from the store.
        portfolios.execute(portfolio, "INSERT INTO contract_variation (id, contract_id, made_on,"
                                      " kind, description, reason, value_change, term_change,"
                                      " change_notice, change_notice_on)"
                                      " VALUES ((SELECT coalesce(max(id), 0) + 1"
                                      " FROM contract_variation), ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           variation)
    return portfolio


def expected_amendments(portfolio):
    """What each contract's amendments should say, from the file."""
    wanted = {}
    for ref, made, kind, what, why, pence, term, notice, notice_on in query(
            portfolio, VARIATIONS_SQL):
        wanted.setdefault(ref, []).append((made, kind, what, why, pence, term, notice, notice_on))
    return wanted


def exported_amendments(releases):
    found = {}
    for release in releases:
        contract = release["contracts"][0]
        documents = {d["id"]: d for d in contract.get("documents", [])}
        for a in contract.get("amendments", []):
            value = a.get("valueChange", {})
            notice = documents.get(a.get("changeNoticeID"), {})
            url = notice.get("url", "")
            found.setdefault(contract["id"], []).append((
                london_date(a["date"]), a["variationKind"], a["description"], a["rationale"],
                round(value["amount"] * 100) if value.get("currency") == "GBP" else 0,
                a.get("termChange", ""),
                urllib.parse.unquote(url[len(NOTICE_PAGE):]) if url.startswith(NOTICE_PAGE)
                else "",
                london_date(notice["datePublished"]) if "datePublished" in notice else ""))
            if "changeNoticeID" in a and notice.get("noticeType") != "UK10":
                found[contract["id"]].append("change notice without a UK10 document")
    return found


def test_variations(work, demo):
    varied = with_variations(work, demo)
    out = os.path.join(work, "varied.json")
    result = run("--export-ocds", out, "--portfolio", varied, "--today", TODAY)
    check("a portfolio with variations exports", result.returncode == 0, result.stderr)
    data = load(out)
    errors = schema_errors(data)
    check("amendments and change notices validate against the OCDS 1.1.5 schema",
          not errors, errors[:5])
    errors = schema_errors(data, with_extension=True)
    check("amendments validate with our extension's schema applied", not errors, errors[:5])
    wanted, got = expected_amendments(varied), exported_amendments(data["releases"])
    check("each variation is an amendment of its contract, oldest first, with its date, kind, "
          "description, rationale, change of value or term, and its UK10 change notice",
          len(wanted) == 2 and got == wanted, (got, wanted))
    fresh = portfolios.new(work, "varied-fresh")
    result = run("--import-ocds", out, "--portfolio", fresh)
    check("the export with amendments imports", result.returncode == 0, result.stderr)
    check("every variation comes back with its change notice",
          query(fresh, VARIATIONS_SQL) == query(varied, VARIATIONS_SQL),
          (query(fresh, VARIATIONS_SQL), query(varied, VARIATIONS_SQL)))
    check("a change notice comes back as its variation's, not as a notice of the contract too",
          query(fresh, NOTICES_SQL) == query(varied, NOTICES_SQL)
          and query(fresh, "SELECT count(*) FROM contract_notice WHERE code = 'UK10'") == [(0,)],
          set(query(fresh, NOTICES_SQL)) ^ set(query(varied, NOTICES_SQL)))
    again = os.path.join(work, "varied-again.json")
    run("--export-ocds", again, "--portfolio", fresh, "--today", TODAY)
    first = {r["ocid"]: r["contracts"] for r in data["releases"]}
    second = {r["ocid"]: r["contracts"] for r in load(again)["releases"]}
    check("exporting the imported portfolio gives the same amendments and documents",
          first == second, [k for k in first if first[k] != second.get(k)][:3])
    # Retitled, so that the contract with variations is updated, not skipped.
    twice = portfolios.copy(fresh, work, "varied-twice")
    retitled = copy.deepcopy(data)
    for release in retitled["releases"]:
        if release["contracts"][0]["id"] == "PH-0001":
            release["contracts"][0]["title"] += " (varied)"
    source = os.path.join(work, "retitled.json")
    save(source, retitled)
    result = run("--import-ocds", source, "--portfolio", twice, "--on-duplicate", "update")
    check("variations an updated contract has already are not added again",
          "1 updated" in result.stdout
          and query(twice, VARIATIONS_SQL) == query(varied, VARIATIONS_SQL),
          result.stdout[-300:] + result.stderr + str(query(twice, VARIATIONS_SQL)))
    undo = run("--undo-import", "--portfolio", fresh)
    check("--undo-import removes the variations it added, and says so",
          undo.returncode == 0
          and query(fresh, "SELECT count(*) FROM contract_variation") == [(0,)]
          and f"{len(VARIATIONS)} contract variations removed" in undo.stdout,
          undo.stdout + undo.stderr)
    verify = run("--verify-audit", "--portfolio", fresh)
    check("the audit trail verifies after the variations' import and its undoing",
          verify.returncode == 0, verify.stderr)
    return out


def variation_from(work, exported):
    """Amendments as another publisher might give them: no kind, a
    rationale only, and a UK10 document named by number."""
    data = load(exported)
    contract = data["releases"][12]["contracts"][0]
    contract["documents"] = [{"id": 7, "noticeType": "UK10",
                              "datePublished": "2025-02-03T09:00:00Z",
                              "url": NOTICE_PAGE + "2025%2FS%20000-000777"}]
    contract["amendments"] = [
        {"id": "1", "date": "2025-01-20", "rationale": "Uplift for the living wage",
         "valueChange": {"amount": 5000, "currency": "GBP"}, "changeNoticeID": 7},
        {"id": "2", "date": "2025-03-01T10:00:00Z", "description": "Extra site",
         "rationale": "New estate"}]
    source = os.path.join(work, "amended.json")
    save(source, data)
    portfolio = portfolios.new(work, "amended")
    result = run("--import-ocds", source, "--portfolio", portfolio)
    check("amendments from elsewhere import", result.returncode == 0, result.stderr)
    got = query(portfolio, VARIATIONS_SQL)
    reference = contract["id"]
    check("a missing description or kind is filled from what the amendment gives, and a "
          "numbered change notice is found by its id",
          got == [(reference, "2025-01-20", "value", "Uplift for the living wage",
                   "Uplift for the living wage", 500000, "", "2025/S 000-000777", "2025-02-03"),
                  (reference, "2025-03-01", "scope", "Extra site", "New estate", 0, "", "", "")],
          got)


def test_prefix(work, demo):
    portfolio = portfolios.copy(demo, work, "prefix")
    before = portfolios.snapshot(portfolio)
    result = run("--set-ocds-prefix", "ocds-ABC", "--portfolio", portfolio)
    check("a prefix not of the registered form is refused",
          result.returncode == 1 and "ocds-ABC" in result.stderr
          and portfolios.snapshot(portfolio) == before, result.stderr)
    result = run("--set-ocds-prefix", "ocds-b5fd17", "--portfolio", portfolio)
    check("--set-ocds-prefix sets the portfolio's prefix", result.returncode == 0, result.stderr)
    audited = query(portfolio, "SELECT old_value, new_value FROM audit WHERE entity = 'meta'"
                    " AND field = 'ocds-prefix'")
    check("the prefix is changed through the store, in the audit trail",
          audited == [(None, "ocds-b5fd17")], audited)
    verify = run("--verify-audit", "--portfolio", portfolio)
    check("the audit trail verifies after the prefix is set", verify.returncode == 0, verify.stderr)
    out = os.path.join(work, "prefixed.json")
    result = run("--export-ocds", out, "--portfolio", portfolio, "--today", TODAY)
    releases = load(out)["releases"]
    check("every ocid begins with the portfolio's prefix",
          all(r["ocid"].startswith("ocds-b5fd17-") for r in releases), releases[0]["ocid"])
    check("no placeholder warning once the prefix is set", "ocds-xxxxxx" not in result.stderr,
          result.stderr)


# ---- the import ------------------------------------------------------------

def test_fictional(work):
    record = portfolios.new(work, "record")
    result = run("--import-ocds", os.path.join(EXAMPLE, "record-package.json"),
                 "--portfolio", record)
    check("the fictional example's record package imports", result.returncode == 0,
          result.stderr)
    rows = query(record, CONTRACTS_SQL)
    expected = [("ocds-213czf-000-00001-contract-01",
                 "Contract to build new cycle lanes in the centre of town.",
                 "Planned cycle lane improvements", "London Borough of Barnet",
                 "AnyCorp Cycle Provision", "independent", "", "11111111.0", 0, 0, "contract",
                 "open", 0, 1100000000, "2010-07-01",
                 # 2011-06-30T23:59:00Z is 00:59 on 1 July in London (summer time)
                 "2011-07-01", "", 0, "", "")]
    check("its contract, supplier, buyer, service, value and London dates are read", rows == expected,
          rows)
    merged = portfolios.new(work, "merged")
    result = run("--import-ocds", os.path.join(EXAMPLE, "release-package.json"),
                 "--portfolio", merged)
    check("its six releases of one ocid, merged, import", result.returncode == 0, result.stderr)
    check("the merged releases give what the compiled release gives",
          query(merged, CONTRACTS_SQL) == rows, query(merged, CONTRACTS_SQL))
    runs = query(record, "SELECT source, created FROM import_run")
    check("the import is recorded as an import run", runs == [("record-package.json", 1)], runs)
    verify = run("--verify-audit", "--portfolio", record)
    check("the audit trail verifies after the import", verify.returncode == 0, verify.stderr)


def test_round_trip(work, demo, exported):
    fresh = portfolios.new(work, "fresh")
    result = run("--import-ocds", exported, "--portfolio", fresh)
    check("the demo's export imports into a fresh portfolio", result.returncode == 0,
          result.stderr)
    original, again = query(demo, CONTRACTS_SQL), query(fresh, CONTRACTS_SQL)
    check("the import says how many contracts it created",
          f": {len(original)} created, 0 updated" in result.stdout, result.stdout[-300:])
    differ = [(a, b) for a, b in zip(original, again) if a != b]
    check("every contract comes back with the same fields", len(original) == len(again)
          and not differ, differ[:3])
    check("every procurement notice comes back, with its date and identifier",
          query(fresh, NOTICES_SQL) == query(demo, NOTICES_SQL),
          set(query(fresh, NOTICES_SQL)) ^ set(query(demo, NOTICES_SQL)))
    check("every contract's outcome and notice kind come back",
          query(fresh, ENDINGS_SQL) == query(demo, ENDINGS_SQL))
    out = os.path.join(work, "again.json")
    run("--export-ocds", out, "--portfolio", fresh, "--today", TODAY)
    first = {r["ocid"]: r["contracts"] for r in load(exported)["releases"]}
    second = {r["ocid"]: r["contracts"] for r in load(out)["releases"]}
    check("exporting the imported portfolio gives the same contracts", first == second,
          [k for k in first if first[k] != second.get(k)][:3])
    same = portfolios.copy(demo, work, "same")
    result = run("--import-ocds", exported, "--portfolio", same, "--on-duplicate", "update")
    check("imported over the portfolio it came from, every contract is unchanged",
          f"0 updated, {len(original)} unchanged" in result.stdout
          and query(same, CONTRACTS_SQL) == original, result.stdout[-300:] + result.stderr)
    undo = run("--undo-import", "--portfolio", fresh)
    notices = len(query(demo, NOTICES_SQL))
    check("--undo-import undoes an OCDS import, its notices too, and says so",
          undo.returncode == 0
          and query(fresh, "SELECT count(*) FROM contract") == [(0,)]
          and query(fresh, "SELECT count(*) FROM contract_notice") == [(0,)]
          and f"{notices} procurement notices removed" in undo.stdout,
          undo.stdout + undo.stderr)
    verify = run("--verify-audit", "--portfolio", fresh)
    check("the audit trail verifies after the import and its undoing", verify.returncode == 0,
          verify.stderr)
    empty = os.path.join(work, "empty.json")
    result = run("--export-ocds", empty, "--portfolio", fresh, "--today", TODAY)
    check("a portfolio without contracts writes no package (the standard needs a release)",
          result.returncode == 1 and "no contracts" in result.stderr
          and not os.path.exists(empty), result.stderr)


def test_notice_added(work, demo, exported):
    """A later release of a contract already held that only adds a notice:
    the contract is unchanged, and the notice is added all the same."""
    data = load(exported)
    release = data["releases"][3]
    reference = release["contracts"][0]["id"]
    had = [n for n in query(demo, NOTICES_SQL) if n[0] == reference]
    release["contracts"][0].setdefault("documents", []).append(
        {"id": "later", "noticeType": "UK7", "datePublished": "2026-10-05T09:00:00+01:00",
         "url": NOTICE_PAGE + "2026%2FS%20000-099999"})
    later = os.path.join(work, "later.json")
    save(later, data)
    added = (reference, "UK7", "2026-10-05", "2026/S 000-099999")
    contracts = len(query(demo, CONTRACTS_SQL))
    skipped = portfolios.copy(demo, work, "skipped")
    result = run("--import-ocds", later, "--portfolio", skipped)
    check("with duplicates skipped, a contract held already is left alone, its notices too",
          result.returncode == 0 and f"{contracts} skipped" in result.stdout
          and query(skipped, NOTICES_SQL) == query(demo, NOTICES_SQL)
          and "notice" not in result.stdout, result.stdout[-300:] + result.stderr)
    portfolio = portfolios.copy(demo, work, "later")
    result = run("--import-ocds", later, "--portfolio", portfolio, "--on-duplicate", "update")
    gained = sorted(set(query(portfolio, NOTICES_SQL)) - set(query(demo, NOTICES_SQL)))
    check("an unchanged contract gains the notice a later release adds, and only that",
          result.returncode == 0 and f"0 updated, {contracts} unchanged" in result.stdout
          and gained == [added]
          and len(query(portfolio, NOTICES_SQL)) == len(query(demo, NOTICES_SQL)) + 1,
          (gained, had, result.stdout[-300:], result.stderr))
    check("the import says how many notices it added",
          "1 procurement notice added." in result.stdout, result.stdout[-300:])
    summary = query(portfolio, "SELECT summary FROM import_run ORDER BY id DESC LIMIT 1")
    check("the import's record names the notices added",
          summary and "1 procurement notice added" in (summary[0][0] or ""), summary)
    undone = os.path.join(work, "undone.commissioner")
    run("--backup", undone, "--portfolio", portfolio)
    undo = run("--undo-import", "--portfolio", undone)
    check("undoing the import removes the notice it added, and only that",
          undo.returncode == 0 and query(undone, NOTICES_SQL) == query(demo, NOTICES_SQL),
          undo.stdout + undo.stderr)
    verify = run("--verify-audit", "--portfolio", undone)
    check("the audit trail verifies after the notice is added and undone",
          verify.returncode == 0, verify.stderr)
    again = run("--import-ocds", later, "--portfolio", portfolio, "--on-duplicate", "update")
    check("imported again, nothing more is added",
          again.returncode == 0 and "notice" not in again.stdout
          and len(query(portfolio, NOTICES_SQL)) == len(query(demo, NOTICES_SQL)) + 1,
          again.stdout[-300:] + again.stderr)


def test_backup_before_import(work, demo):
    if portfolios.skip_on_server(check, "an import into a portfolio with records backs it up first",
                                 "a server's backups are pg_dump's, not Commissioner's"):
        return
    portfolio = portfolios.copy(demo, work, "backed")
    result = run("--import-ocds", os.path.join(EXAMPLE, "record-package.json"),
                 "--portfolio", portfolio)
    listed = run("--list-backups", "--portfolio", portfolio)
    check("an import into a portfolio with records backs it up first",
          result.returncode == 0 and " import " in listed.stdout, listed.stdout + listed.stderr)


# ---- bad input -------------------------------------------------------------

def set_at(path, value):
    def mutate(data):
        *parents, last = path
        target = data
        for key in parents:
            target = target[key]
        if value is DELETE:
            del target[last]
        else:
            target[last] = value
    return mutate


DELETE = object()


def two_undated_releases(data):
    data["releases"][5] = copy.deepcopy(data["releases"][4])
    data["releases"][5]["tag"] = ["contract"]
    data["releases"][4]["tag"] = ["award"]
    del data["releases"][5]["date"]


def linked_record(data):
    release = data["releases"][0]
    data.clear()
    data.update({"uri": "urn:x", "version": "1.1", "publishedDate": "2026-11-22T00:00:00Z",
                 "publisher": {"name": "x"},
                 "records": [{"ocid": release["ocid"],
                              "releases": [{"url": "https://example.com/r.json",
                                            "date": release["date"], "tag": ["tender"]}]}]})


def amended(**fields):
    """Contract 0 of release 1 with one amendment, @fields changed
    (DELETE removes one)."""
    amendment = {"id": "a1", "date": "2025-06-02T00:00:00Z", "rationale": "Demand rose",
                 "description": "Adds 20 beds"}
    for key, value in fields.items():
        if value is DELETE:
            amendment.pop(key)
        else:
            amendment[key] = value
    return set_at(["releases", 1, "contracts", 0, "amendments"], [amendment])


AMENDMENT = "$.releases[1].contracts[0].amendments[0]"


# (what, mutation of the demo's export or broken text, path the message must name)
BAD = [
    ("invalid JSON", '{"releases": [', "broken.json is not valid JSON, at line:column 1:14"),
    ("a document that is a list", "[]", "$: "),
    ("brackets nested far deeper than OCDS", '{"releases":' + "[" * 100000 + "]" * 100000 + "}",
     "$: "),
    ("deep brackets behind a quote in a single-quoted string",
     """{"a": '"', "b": """ + "[" * 200000 + "]" * 200000 + "}", "$: "),
    ("deep brackets behind a quote in a comment",
     """{/* " */ "b": """ + "[" * 200000 + "]" * 200000 + "}", "$: "),
    ("text that is not UTF-8", b'{"releases": [{"ocid": "\xff"}]}', "$: "),
    ("neither releases nor records", '{"version": "1.1"}', "$: "),
    ("a release without ocid", set_at(["releases", 3, "ocid"], DELETE), "$.releases[3].ocid"),
    ("an ocid that is a number", set_at(["releases", 2, "ocid"], 12), "$.releases[2].ocid"),
    ("a currency other than GBP",
     set_at(["releases", 3, "contracts", 0, "value", "currency"], "USD"),
     "$.releases[3].contracts[0].value.currency"),
    ("an award's value in euros", set_at(["releases", 6, "awards", 0, "value", "currency"], "EUR"),
     "$.releases[6].awards[0].value.currency"),
    ("an amount that is text", set_at(["releases", 1, "contracts", 0, "value", "amount"], "1000"),
     "$.releases[1].contracts[0].value.amount"),
    ("a negative amount", set_at(["releases", 1, "contracts", 0, "value", "amount"], -5),
     "$.releases[1].contracts[0].value.amount"),
    ("contracts that are not a list", set_at(["releases", 2, "contracts"], {"id": "x"}),
     "$.releases[2].contracts"),
    ("a contract that is not an object", set_at(["releases", 2, "contracts", 0], "x"),
     "$.releases[2].contracts[0]"),
    ("a contract without id", set_at(["releases", 9, "contracts", 0, "id"], DELETE),
     "$.releases[9].contracts[0].id"),
    ("a buyer that is text", set_at(["releases", 7, "buyer"], "Leeds"), "$.releases[7].buyer"),
    ("a VCSE flag that is text", set_at(["releases", 8, "parties", 1, "details", "vcse"], "yes"),
     "$.releases[8].parties[1].details.vcse"),
    ("a start date that is not ISO 8601",
     set_at(["releases", 4, "contracts", 0, "period", "startDate"], "01/04/2019"),
     "$.releases[4].contracts[0].period.startDate"),
    ("extensions taken that are a fraction",
     set_at(["releases", 0, "contracts", 0, "extensionsInvoked"], 1.5),
     "$.releases[0].contracts[0].extensionsInvoked"),
    ("a term that cannot be read",
     set_at(["releases", 5, "contracts", 0, "termAsWritten"], "until further notice"),
     "$.releases[5].contracts[0].termAsWritten"),
    ("more extensions taken than the term allows",
     set_at(["releases", 0, "contracts", 0, "extensionsInvoked"], 9),
     "$.releases[0].contracts[0]: "),
    ("a contract ending before it starts",
     set_at(["releases", 0, "contracts", 0, "period", "endDate"], "2001-01-01T00:00:00Z"),
     "$.releases[0].contracts[0]: "),
    ("a notice type that is a number",
     set_at(["releases", 2, "tender", "documents"], [{"id": "n", "noticeType": 4}]),
     "$.releases[2].tender.documents[0].noticeType"),
    ("a notice published on a day that is not a date",
     set_at(["releases", 2, "tender", "documents"],
            [{"id": "n", "noticeType": "UK4", "datePublished": "last week"}]),
     "$.releases[2].tender.documents[0].datePublished"),
    ("documents that are not a list", set_at(["releases", 1, "contracts", 0, "documents"],
                                             {"id": "n"}),
     "$.releases[1].contracts[0].documents"),
    ("a standstill that starts on no date",
     set_at(["releases", 3, "awards", 0, "standstillPeriod"], {"startDate": "soon"}),
     "$.releases[3].awards[0].standstillPeriod.startDate"),
    ("a termination rationale the portfolio cannot record",
     set_at(["releases", 4, "contracts", 0, "terminationRationale"], "cancelled"),
     "$.releases[4].contracts[0].terminationRationale"),
    ("a termination rationale that is a number",
     set_at(["releases", 4, "contracts", 0, "terminationRationale"], 3),
     "$.releases[4].contracts[0].terminationRationale"),
    ("releases of one ocid to merge, one without a date", two_undated_releases,
     "$.releases[5].date"),
    ("a record whose releases are only links", linked_record, "$.records[0].releases[0]"),
    ("amendments that are not a list",
     set_at(["releases", 1, "contracts", 0, "amendments"], {"id": "a1"}),
     "$.releases[1].contracts[0].amendments"),
    ("an amendment that is not an object",
     set_at(["releases", 1, "contracts", 0, "amendments"], ["a1"]), AMENDMENT),
    ("an amendment without a date", amended(date=DELETE), AMENDMENT + ".date"),
    ("an amendment dated on no date", amended(date="June"), AMENDMENT + ".date"),
    ("an amendment with neither description nor rationale",
     amended(description=DELETE, rationale=""), AMENDMENT + ": "),
    ("a rationale that is a number", amended(rationale=3), AMENDMENT + ".rationale"),
    ("a description that is a list", amended(description=["x"]), AMENDMENT + ".description"),
    ("an amendment id that is an object", amended(id={"n": 1}), AMENDMENT + ".id"),
    ("a variation kind the portfolio cannot record", amended(variationKind="price"),
     AMENDMENT + ".variationKind"),
    ("a change of value in euros",
     amended(valueChange={"amount": 10, "currency": "EUR"}), AMENDMENT + ".valueChange.currency"),
    ("a change of value that is text", amended(valueChange="10"), AMENDMENT + ".valueChange"),
    ("a change of term that cannot be read", amended(termChange="a while"),
     AMENDMENT + ".termChange"),
    ("a change notice no UK10 document has", amended(changeNoticeID="nowhere"),
     AMENDMENT + ".changeNoticeID"),
]


def test_bad_input(work, exported):
    """Into a portfolio that holds none of the demo's references, so that
    every contract is read and checked, none skipped as a duplicate."""
    portfolio = portfolios.new(work, "target")
    run("--import-ocds", os.path.join(EXAMPLE, "record-package.json"), "--portfolio", portfolio)
    head = run("--audit-head", "--portfolio", portfolio).stdout
    before = portfolios.snapshot(portfolio)
    base = load(exported)
    for what, broken, path in BAD:
        source = os.path.join(work, "broken.json")
        if isinstance(broken, (str, bytes)):
            with open(source, "wb") as f:
                f.write(broken.encode() if isinstance(broken, str) else broken)
        else:
            data = copy.deepcopy(base)
            broken(data)
            save(source, data)
        result = run("--import-ocds", source, "--portfolio", portfolio)
        check(f"{what} is refused, naming {path.rstrip(': ')}",
              result.returncode == 1 and path in result.stderr, result.stderr[-500:])
        check(f"{what}: the portfolio is byte for byte as it was",
              portfolios.snapshot(portfolio) == before
              and run("--audit-head", "--portfolio", portfolio).stdout == head)
    missing = portfolios.new(work, "never")
    run("--import-ocds", source, "--portfolio", missing)
    check("a refused import does not leave a new portfolio behind", not portfolios.exists(missing))


def main():
    with tempfile.TemporaryDirectory() as work:
        demo = portfolios.new(work, "demo")
        result = run("--create-demo", demo, "--today", TODAY)
        check("the demo portfolio is created", result.returncode == 0, result.stderr)
        test_validator_can_fail()
        exported = test_export(work, demo)
        test_prefix(work, demo)
        test_fictional(work)
        test_round_trip(work, demo, exported)
        test_uk_import(work, exported)
        test_variations(work, demo)
        variation_from(work, exported)
        test_notice_added(work, demo, exported)
        test_backup_before_import(work, demo)
        test_bad_input(work, exported)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
