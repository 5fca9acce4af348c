#!/usr/bin/env python3
# test-cli.py: attest-cli against a real sandbox over loopback HTTP, with no
# display: its listings and reports checked against what the sandbox itself
# answers, and its exit statuses and messages on failures.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-cli.py ATTEST_CLI      (ATTEST_SANDBOX in the environment)
#        test-cli.py --keyring ATTEST_CLI   (inside run-with-keyring.sh)
# Prints TAP.

import base64
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

SANDBOX = os.path.abspath(os.environ["ATTEST_SANDBOX"])
KEYRING = sys.argv[1] == "--keyring"
CLI = os.path.abspath(sys.argv[-1])
STATUSES = {"valid", "expiring", "expired", "unknown"}


class Sandbox:
    """attest-sandbox on a free loopback port, in a directory of its own."""

    def __init__(self, workdir, *args):
        self.workdir = tempfile.mkdtemp(dir=workdir)
        self.process = subprocess.Popen([SANDBOX, "--port", "0", "--score-delay-ms", "0", "--exit-with-parent",
                                         "--data-dir", self.workdir] + list(args),
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.url = self.process.stdout.readline().strip()
        if not self.url.startswith("http://127.0.0.1:"):
            raise RuntimeError("the sandbox did not print its URL: %r" % self.url)
        with urllib.request.urlopen(self.url + "/_sandbox/demo-account", timeout=10) as resp:
            self.account = json.load(resp)
        # Closient's documented rate limits, which the CLI waits out as it
        # should, would make each report a minute long: lifted here, since
        # waiting is the Closient client's own tests' business.
        limits = urllib.request.Request(self.url + "/_sandbox/closient-limits",
                                        data=json.dumps({"perMinute": 100000, "perDay": 10000000}).encode(),
                                        headers={"Content-Type": "application/json"}, method="POST")
        urllib.request.urlopen(limits, timeout=10).close()

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)

    def token(self):
        """The integration key and the UTC time, encrypted with the
        account's public key, as the Worldly guide makes request tokens."""
        pem = os.path.join(self.workdir, "public.pem")
        with open(pem, "w") as f:
            f.write(self.account["publicKey"])
        plain = "%s&%s" % (self.account["integrationKey"], time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))
        done = subprocess.run(["openssl", "pkeyutl", "-encrypt", "-pubin", "-inkey", pem],
                              input=plain.encode(), capture_output=True, check=True)
        return base64.b64encode(done.stdout).decode()

    def post(self, path, body):
        headers = {"Content-Type": "application/json", "x-api-key": self.account["apiKey"],
                   "x-developer-request-token": self.token()}
        req = urllib.request.Request(self.url + path, data=json.dumps(body).encode(), headers=headers)
        with urllib.request.urlopen(req, timeout=30) as resp:
            return json.load(resp)

    def all_pages(self, path, items):
        found, start = [], 0
        while True:
            page = self.post(path, {"from": start, "size": 50})
            found += page[items]
            start += len(page[items])
            if not page[items] or start >= page["total"]:
                return found

    def products(self):
        return self.all_pages("/pic-api/v1/products/search", "results")

    def pm_products(self):
        return self.all_pages("/pm-api/v1/product/search", "hits")

    def closient(self, gtin):
        req = urllib.request.Request(self.url + "/certifications/api/v1/products/%s/certifications" % gtin,
                                     headers={"X-API-Key": self.account["closientApiKey"]})
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                return json.load(resp)
        except urllib.error.HTTPError as e:
            if e.code == 404:
                return []
            raise


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def run(*args, env=None):
    done = subprocess.run([CLI] + list(args), capture_output=True, text=True, timeout=120, env=env)
    return done.returncode, done.stdout, done.stderr


def run_ok(*args, env=None):
    status, out, err = run(*args, env=env)
    check(status == 0, "%s: exit %d: %s" % (" ".join(args), status, err))
    check(err == "", "%s wrote to stderr (not a tty): %r" % (" ".join(args), err))
    return out


def expect_failure(status, args, words, env=None):
    """attest-cli fails with @status and one line on stderr that starts
    with "attest-cli:" and contains @words."""
    got, out, err = run(*args, env=env)
    lines = err.splitlines()
    check(got == status, "%s: exit %d, not %d (%r)" % (" ".join(args), got, status, err))
    check(out == "", "%s printed %r on stdout" % (" ".join(args), out))
    check(lines and lines[0].startswith("attest-cli: "), "no attest-cli: line in %r" % err)
    for word in words:
        check(word in lines[0], "%r is not in %r" % (word, lines[0]))
    if status == 1:
        check(len(lines) == 1, "more than one line: %r" % err)
    else:
        check(len(lines) == 2 and lines[1].startswith("Usage: attest-cli "), "no usage line in %r" % err)
    return lines[0]


def gtin14(product):
    if product.get("identifierType") != "GTIN" or not product.get("identifier", "").isdigit():
        return None
    return product["identifier"].zfill(14)


def expected_rows(sandbox):
    """(source, product id or GTIN, certificate number) of every
    certificate on every product, as the sandbox serves them."""
    rows = set()
    for hit in sandbox.pm_products():
        for cert in hit.get("certifications") or []:
            rows.add(("Higg", hit["_id"], cert.get("assertionId", "")))
    for gtin in {gtin14(p) for p in sandbox.products()} - {None}:
        for item in sandbox.closient(gtin):
            rows.add(("Closient", gtin, item.get("certificate_number") or ""))
    return rows


def read_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def csv_rows(records):
    return {(r["Source"], r["Product ID"] if r["Source"] == "Higg" else r["GTIN"], r["Certificate number"])
            for r in records}


# --- the tests ---------------------------------------------------------------

def test_products_json(ctx):
    listed = json.loads(run_ok("--sandbox-url", ctx.demo.url, "products", "list", "--json"))
    served = ctx.demo.products()
    check(len(served) > 0, "the demo has no products")
    check(sorted(p["_id"] for p in listed) == sorted(p["_id"] for p in served), "not the sandbox's products")
    check({p["_id"]: p["name"] for p in listed} == {p["_id"]: p["name"] for p in served}, "names differ")


def test_products_lines_and_search(ctx):
    served = ctx.demo.products()
    # The connection options go before or after the command; the last wins.
    lines = run_ok("--sandbox-url", "http://127.0.0.1:1", "products", "list", "--sandbox-url",
                   ctx.demo.url).splitlines()
    check(sorted(line.split("\t")[0] for line in lines) == sorted(p["_id"] for p in served), "lines differ")
    word = served[0]["name"].split()[0]
    found = json.loads(run_ok("--sandbox-url", ctx.demo.url, "products", "list", "--search", word, "--json"))
    check(found and all(word.lower() in p["name"].lower() or word in p["_id"] for p in found),
          "--search %s kept others" % word)
    check(len(found) < len(served) or all(word.lower() in p["name"].lower() for p in served), "search ignored")


def test_products_pages(ctx):
    big = Sandbox(ctx.workdir, "--products", "230")
    try:
        listed = json.loads(run_ok("--sandbox-url", big.url, "products", "list", "--json"))
        ids = [p["_id"] for p in listed]
        check(len(ids) == 230 and len(set(ids)) == 230, "%d products, %d distinct" % (len(ids), len(set(ids))))
    finally:
        big.stop()


def test_certificates_json(ctx):
    listed = json.loads(run_ok("--sandbox-url", ctx.demo.url, "certificates", "list", "--json"))
    got = {(c["source"].capitalize(), c["productId"] if c["source"] == "higg" else c["gtin"],
            c["certificateNumber"] or "") for c in listed}
    check(got == ctx.expected, "certificates differ: %r" % (got ^ ctx.expected))
    check(all(c["status"] in STATUSES for c in listed), "unknown status")
    dates = [c["dateExpires"] for c in listed if c["dateExpires"]]
    check(dates == sorted(dates), "not sorted by expiry")


def test_report_csv(ctx):
    path = os.path.join(ctx.workdir, "report.csv")
    run_ok("--sandbox-url", ctx.demo.url, "report", "--format", "csv", "-o", path)
    records = read_csv(path)
    check(csv_rows(records) == ctx.expected, "rows differ: %r" % (csv_rows(records) ^ ctx.expected))
    check({r["Source"] for r in records} == {"Higg", "Closient"}, "a source is missing")


def test_report_filters(ctx):
    everything = read_csv(os.path.join(ctx.workdir, "report.csv"))
    path = os.path.join(ctx.workdir, "expired.csv")
    run_ok("--sandbox-url", ctx.demo.url, "report", "-o", path, "--status", "expired", "--source", "higg")
    records = read_csv(path)
    wanted = [r for r in everything if r["Status"] == "Expired" and r["Source"] == "Higg"]
    check(records and csv_rows(records) == csv_rows(wanted), "the expired Higg rows differ")
    standard = everything[0]["Standard"]
    path = os.path.join(ctx.workdir, "standard.csv")
    run_ok("--sandbox-url", ctx.demo.url, "report", "-o", path, "--standard", standard)
    check(csv_rows(read_csv(path)) == csv_rows([r for r in everything if r["Standard"] == standard]),
          "the rows of %s differ" % standard)
    # Closient alone: its rows are still named after the account's
    # products, as in the whole report.
    path = os.path.join(ctx.workdir, "closient.csv")
    run_ok("--sandbox-url", ctx.demo.url, "report", "-o", path, "--source", "closient")
    records = read_csv(path)
    check(records and all(r["Product"] for r in records), "Closient rows without a product name")
    check(csv_rows(records) == csv_rows([r for r in everything if r["Source"] == "Closient"]),
          "the Closient rows differ")


def test_report_jsonld(ctx):
    path = os.path.join(ctx.workdir, "report.jsonld")
    run_ok("--sandbox-url", ctx.demo.url, "report", "--format", "jsonld", "-o", path)
    with open(path, encoding="utf-8") as f:
        document = json.load(f)
    check(document["@context"]["gs1"].startswith("https://ref.gs1.org/voc"), "no GS1 context")
    numbers = {c.get("gs1:certificationIdentification", "") for p in document["@graph"]
               for c in p["gs1:certification"]}
    check(numbers == {row[2] for row in ctx.expected}, "certificate numbers differ")
    check(all(p["@type"] == "gs1:Product" for p in document["@graph"]), "not gs1:Products")


def test_report_xlsx(ctx):
    """The format from the file's extension; the rows read back by
    openpyxl where it is installed."""
    path = os.path.join(ctx.workdir, "report.xlsx")
    run_ok("--sandbox-url", ctx.demo.url, "report", "-o", path)
    with open(path, "rb") as f:
        check(f.read(2) == b"PK", "not a zip file")
    try:
        import openpyxl
    except ImportError:
        return "SKIP no openpyxl"
    sheet = openpyxl.load_workbook(path).worksheets[0]
    header = [cell.value for cell in sheet[1]]
    column = header.index("Certificate number")
    numbers = {row[column] or "" for row in sheet.iter_rows(min_row=2, values_only=True)}
    check(numbers == {row[2] for row in ctx.expected}, "certificate numbers differ")
    return None


def test_report_pdf(ctx):
    """Only the expired certificates, in a PDF whose text has each of them."""
    path = os.path.join(ctx.workdir, "report.pdf")
    run_ok("--sandbox-url", ctx.demo.url, "report", "--format", "pdf", "--status", "expired", "-o", path)
    with open(path, "rb") as f:
        check(f.read(5) == b"%PDF-", "not a PDF")
    if shutil.which("pdftotext") is None:
        return "SKIP no pdftotext"
    text = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True, check=True).stdout
    # A long number wraps in its column, at a hyphen that pdftotext then
    # takes for a hyphenation: compare without spaces and hyphens.
    text = "".join(text.split()).replace("-", "")
    everything = read_csv(os.path.join(ctx.workdir, "report.csv"))
    expired = {r["Certificate number"].replace("-", "") for r in everything if r["Status"] == "Expired"} - {""}
    others = {r["Certificate number"].replace("-", "") for r in everything if r["Status"] != "Expired"}
    others -= expired | {""}
    missing = [number for number in expired if number not in text]
    check(expired and not missing, "expired certificates missing: %r" % missing)
    check(not any(number in text for number in others), "a certificate that has not expired is in")
    return None


def pdf_image_count(path):
    """The image objects `pdfimages -list` finds in @path (soft masks
    aside), each once however often it is drawn."""
    listed = subprocess.run(["pdfimages", "-list", path], capture_output=True, text=True, check=True).stdout
    fields = [line.split() for line in listed.splitlines()[2:]]
    return len({(f[10], f[11]) for f in fields if len(f) > 11 and f[2] == "image"})


def test_report_thumbnails(ctx):
    """--thumbnails: one picture per Higg certificate with an image file,
    whatever the number of its products; none without the option; and a
    usage error with a format that is not a PDF."""
    if shutil.which("pdfimages") is None:
        return "SKIP no pdfimages"
    with_images = {cert["_id"] for hit in ctx.demo.pm_products() for cert in hit.get("certifications") or []
                   if any(f and not f.lower().startswith(("http://", "https://"))
                          for f in cert.get("certificationFiles") or [])}
    rows = [row for row in ctx.expected if row[0] == "Higg"]
    check(len(with_images) > 1 and len(rows) > len(with_images), "the demo's certificates have no scans")
    path = os.path.join(ctx.workdir, "thumbnails.pdf")
    run_ok("--sandbox-url", ctx.demo.url, "report", "--thumbnails", "-o", path)
    check(pdf_image_count(path) == len(with_images),
          "%d images for %d certificates" % (pdf_image_count(path), len(with_images)))
    plain = os.path.join(ctx.workdir, "plain.pdf")
    run_ok("--sandbox-url", ctx.demo.url, "report", "--format", "pdf-letter", "-o", plain)
    check(pdf_image_count(plain) == 0, "images without --thumbnails")
    expect_failure(2, ["--sandbox-url", ctx.demo.url, "report", "--thumbnails", "-o", "x.csv"], ["--thumbnails"])
    expect_failure(2, ["--sandbox-url", ctx.demo.url, "report", "--format", "xlsx", "--thumbnails", "-o", "x"],
                   ["--thumbnails", "PDF"])
    check(not os.path.exists("x.csv") and not os.path.exists("x"), "a file was written after a usage error")
    return None


def test_unreachable(ctx):
    closed = Sandbox(ctx.workdir)
    url = closed.url
    closed.stop()
    path = os.path.join(ctx.workdir, "unreachable.csv")
    expect_failure(1, ["--sandbox-url", url, "report", "--format", "csv", "-o", path], [])
    check(not os.path.exists(path), "a file was left behind")


def set_faults(sandbox, body):
    req = urllib.request.Request(sandbox.url + "/_sandbox/faults", data=json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json"})
    urllib.request.urlopen(req, timeout=10).close()


def test_incomplete(ctx):
    """Higg failing while Closient answers: the report is written with
    Closient's rows and says Higg is missing; the exit status says so too."""
    path = os.path.join(ctx.workdir, "incomplete.csv")
    set_faults(ctx.demo, {"status": 500, "count": 1000, "path": "/pm-api/"})
    try:
        expect_failure(1, ["--sandbox-url", ctx.demo.url, "report", "-o", path], ["incomplete", "Higg"])
    finally:
        set_faults(ctx.demo, {"status": 500, "count": 0})
    records = read_csv(path)
    check(csv_rows(records) == {row for row in ctx.expected if row[0] == "Closient"}, "not Closient's rows")


def test_unwritable(ctx):
    path = os.path.join(ctx.workdir, "no such directory", "report.csv")
    expect_failure(1, ["--sandbox-url", ctx.demo.url, "report", "--format", "csv", "-o", path], [path])


def test_unknown_account(ctx):
    expect_failure(1, ["--account", "No Such Account", "report", "--format", "csv", "-o", "x.csv"],
                   ["No Such Account"], env=ctx.accounts_env)


def test_usage(ctx):
    expect_failure(2, ["--sandbox-url", ctx.demo.url, "report", "--format", "csv", "--frobnicate", "-o", "x.csv"],
                   ["--frobnicate"])
    expect_failure(2, ["--sandbox-url", ctx.demo.url, "report", "--format", "csv"], ["-o"])
    expect_failure(2, ["--sandbox-url", ctx.demo.url, "report", "--format", "madeup", "-o", "x"],
                   ["Unknown format", "madeup", "csv"])
    expect_failure(2, ["products"], ["list"])
    expect_failure(2, [], [])
    status, out, _ = run("report", "--help")
    check(status == 0 and "--expiring-within" in out and "--format" in out, "report --help")


def test_secrets_not_printed(ctx):
    outputs = [run("--sandbox-url", ctx.demo.url, *args) for args in
               (["products", "list", "--json"], ["certificates", "list"], ["report", "-o", "/nonexistent/x.csv"])]
    for secret in (ctx.demo.account["apiKey"], ctx.demo.account["integrationKey"],
                   ctx.demo.account["closientApiKey"]):
        check(all(secret not in out and secret not in err for _, out, err in outputs), "a key was printed")


def store_key(account_id, kind, secret):
    subprocess.run(["secret-tool", "store", "--label", "Attest test key", "xdg:schema",
                    "io.github.attestapp.Attest.ApiKey", "account", account_id, "kind", kind],
                   input=secret.encode(), check=True)


def test_keyring_account(ctx):
    """An account of the accounts file, its keys in the keyring."""
    account = ctx.demo.account
    store_key("cli-higg", "higg-api-key", account["apiKey"])
    store_key("cli-higg", "higg-integration-key", account["integrationKey"])
    store_key("cli-closient", "closient-api-key", account["closientApiKey"])
    path = os.path.join(ctx.workdir, "account.csv")
    run_ok("--account", "Test Higg", "report", "--format", "csv", "-o", path, env=ctx.accounts_env)
    records = read_csv(path)
    check(csv_rows(records) == ctx.expected, "the account's rows differ")
    check({r["Account"] for r in records} == {"Test Higg"}, "not the account's name")
    run_ok("report", "--format", "csv", "-o", path, env=ctx.accounts_env)
    check(csv_rows(read_csv(path)) == ctx.expected, "the active account's rows differ")
    expect_failure(1, ["--account", "Keyless", "products", "list"], ["Keyless", "keyring"], env=ctx.accounts_env)


class Context:
    pass


def write_accounts(ctx):
    """An accounts file, as Attest's Preferences save it, for the sandbox."""
    config = os.path.join(ctx.workdir, "config")
    os.makedirs(os.path.join(config, "attest"))
    pem = ctx.demo.account["publicKey"].strip().replace("\n", "\\n")
    with open(os.path.join(config, "attest", "accounts.ini"), "w") as f:
        for id_, service, name in (("cli-higg", "higg", "Test Higg"), ("cli-closient", "closient", "Test Closient"),
                                   ("cli-keyless", "higg", "Keyless")):
            f.write("[Account %s]\nService=%s\nDisplayName=%s\nBaseUrl=%s\n" % (id_, service, name, ctx.demo.url))
            if service == "higg":
                f.write("PublicKey=%s\n" % pem)
            f.write("\n")
        f.write("[Active]\nHigg=cli-higg\nClosient=cli-closient\n")
    env = dict(os.environ, XDG_CONFIG_HOME=config)
    return env


def main():
    tests = [test_products_json, test_products_lines_and_search, test_products_pages, test_certificates_json,
             test_report_csv, test_report_filters, test_report_jsonld, test_report_xlsx, test_report_pdf,
             test_report_thumbnails,
             test_unreachable, test_incomplete, test_unwritable,
             test_unknown_account, test_usage, test_secrets_not_printed]
    if KEYRING:
        tests = [test_keyring_account, test_unknown_account]
    ctx = Context()
    ctx.workdir = tempfile.mkdtemp(prefix="test-cli-")
    os.chdir(ctx.workdir)
    ctx.demo = Sandbox(ctx.workdir, "--seed", "demo")
    failed = 0
    try:
        ctx.expected = expected_rows(ctx.demo)
        ctx.accounts_env = write_accounts(ctx)
        print("1..%d" % len(tests), flush=True)
        for number, test in enumerate(tests, 1):
            try:
                skip = test(ctx)
                print("ok %d - %s%s" % (number, test.__name__, " # " + skip if skip else ""), flush=True)
            except Failure as e:
                failed += 1
                print("not ok %d - %s: %s" % (number, test.__name__, e), flush=True)
    finally:
        ctx.demo.stop()
        shutil.rmtree(ctx.workdir, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    os.environ.pop("DISPLAY", None)
    os.environ.pop("WAYLAND_DISPLAY", None)
    os.environ.setdefault("LC_ALL", "C.UTF-8")
    # Under ASan, LeakSanitizer's table of suppressions would be taken for
    # a message on stderr.
    if "LSAN_OPTIONS" in os.environ:
        os.environ["LSAN_OPTIONS"] += ":print_suppressions=0"
    sys.exit(main())
