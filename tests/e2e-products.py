#!/usr/bin/python3
# End to end: start the sandbox with the demo data and Attest on it, then use
# Attest only through the accessibility tree, as a screen reader user would:
# type a search, open a product from the results, and read a value from its
# details.  The expected values come from the sandbox over HTTP, with a
# request token made by the Worldly guide's own shell recipe (openssl), which
# also checks the sandbox against the documented format.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

os.environ.setdefault("LC_ALL", "C.UTF-8")

from dogtail.config import config  # noqa: E402

config.checkForA11y = False
config.searchBackoffDuration = 0.25
config.searchCutoffCount = 40
config.defaultDelay = 0.2
config.logDebugToFile = False
config.logDebugToStdOut = False

from dogtail import rawinput, tree  # noqa: E402
from dogtail.predicate import GenericPredicate  # noqa: E402

SANDBOX = os.environ["ATTEST_SANDBOX"]
ATTEST = os.environ["ATTEST_BINARY"]

def fail(message):
    print("FAIL: products end to end: " + message, flush=True)
    sys.exit(1)


def demo_account(base_url):
    with urllib.request.urlopen(base_url + "/_sandbox/demo-account", timeout=10) as resp:
        return json.load(resp)


def make_token(account, workdir):
    """integration key & UTC time, encrypted as the Worldly guide does it:
    openssl pkeyutl -encrypt -pubin -inkey public.pem | base64 | tr -d '\\n'"""
    pem = os.path.join(workdir, "public.pem")
    with open(pem, "w") as f:
        f.write(account["publicKey"])
    stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    plain = "%s&%s" % (account["integrationKey"], stamp)
    # The key goes through stdin, not the command line, where ps would show it.
    done = subprocess.run(["sh", "-c", 'openssl pkeyutl -encrypt -pubin -inkey "$1" | base64 | tr -d "\\n"',
                           "sh", pem], input=plain.encode(), capture_output=True, check=True)
    return done.stdout.decode()


def search_server(base_url, text, headers):
    body = json.dumps({"textSearch": [text], "from": 0, "size": 50}).encode()
    req = urllib.request.Request(base_url + "/pic-api/v1/products/search", data=body,
                                 headers=dict({"Content-Type": "application/json"}, **headers))
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.load(resp)


def check_button_names(app):
    """Every button has a name a screen reader can say: its visible text,
    without the mnemonic's underscore and said once, or a label of its own
    for an icon button, never its class name."""
    for button in app.findChildren(GenericPredicate(roleName="push button")):
        name = button.name or ""
        words = name.split()
        half = len(words) // 2
        if (not name or "_" in name or name.startswith("Gtk")
                or (half and words[:half] == words[half:])):
            fail("a button is named %r" % name)


def wait_for(what, finder, timeout=20):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            found = finder()
            if found:
                return found
        except Exception:  # the tree changes under us while the app works
            pass
        time.sleep(0.25)
    fail("timed out waiting for " + what)


def find_label(root, text):
    return root.findChild(GenericPredicate(roleName="label", name=text),
                          retry=False, requireResult=False)


# The sandbox keeps its key pair in a directory of the test's own, not in
# the user's data directory.
workdir = tempfile.mkdtemp(prefix="attest-e2e-")
sandbox = subprocess.Popen([SANDBOX, "--seed", "demo", "--port", "0", "--score-delay-ms", "0",
                            "--data-dir", os.path.join(workdir, "sandbox")],
                           stdout=subprocess.PIPE, stdin=subprocess.PIPE, text=True)
app = None
try:
    base_url = sandbox.stdout.readline().strip()
    if not base_url.startswith("http://127.0.0.1:"):
        fail("the sandbox did not print its URL: %r" % base_url)

    # The server wants credentials...
    try:
        search_server(base_url, "merino", {})
        fail("the sandbox answered a search without credentials")
    except urllib.error.HTTPError as e:
        if e.code != 401:
            fail("a search without credentials got HTTP %d, not 401" % e.code)

    # ...and takes a token made by the documented recipe.
    account = demo_account(base_url)
    auth = {"x-api-key": account["apiKey"],
            "x-developer-request-token": make_token(account, workdir)}

    # What a user will look for, and what the server says about it.
    query = "merino"
    results = search_server(base_url, query, auth)
    if results["total"] < 2:
        fail("the demo data has fewer than two products matching %r" % query)
    second = results["results"][1]

    app = subprocess.Popen([ATTEST, "--sandbox-url", base_url])
    attest = wait_for("Attest on the accessibility bus",
                      lambda: tree.root.application("attest"))
    window = wait_for("the main window",
                      lambda: attest.findChild(GenericPredicate(roleName="frame"),
                                               retry=False, requireResult=False))

    # Type a search: the entry takes what is typed anywhere in the view.
    entry = wait_for("the search entry",
                     lambda: window.findChild(GenericPredicate(name="Search products"),
                                              retry=False, requireResult=False))
    try:
        entry.grabFocus()
    except Exception:
        pass  # GTK 4.8 does not implement it; the entry has the focus already
    time.sleep(0.5)
    rawinput.typeText(query)

    count = "%d products" % results["total"]
    wait_for("the count of results (%s)" % count, lambda: find_label(window, count))

    # Open the second result with the keyboard: Enter moves to the list,
    # Down selects the next row.
    first_name = results["results"][0]["name"]
    wait_for("the first result", lambda: find_label(window, first_name))
    rawinput.pressKey("Return")
    time.sleep(0.5)
    rawinput.pressKey("Down")

    # The details now describe the second product: read its identifier as a
    # screen reader would, from the value next to the "Identifier" row.
    wait_for("the details of %r" % second["name"],
             lambda: len(window.findChildren(
                 GenericPredicate(roleName="label", name=second["name"]))) >= 2)
    ident = second.get("identifier")
    if ident:
        expected = ("%s %s" % (second.get("identifierType"), ident)
                    if second.get("identifierType") else ident)
        wait_for("the identifier %s in the details" % expected,
                 lambda: find_label(window, expected))
    check_button_names(attest)
    print("PASS: products end to end: searched %r, opened %r" % (query, second["name"]))
finally:
    if app is not None:
        app.terminate()
        try:
            app.wait(timeout=10)
        except subprocess.TimeoutExpired:
            app.kill()
    sandbox.terminate()
    sandbox.wait(timeout=10)
    shutil.rmtree(workdir, ignore_errors=True)
