#!/usr/bin/python3
# End to end: create a product in the editor with the keyboard only, as a
# user who does not use a pointer would: Ctrl+N, the name, Alt+W for the
# weight, Alt+M twice for two materials (type to search, Enter to pick),
# Alt+A for a purchase order, Ctrl+S; then read the product back from the
# sandbox over HTTP.  Dogtail only watches the accessibility tree; every
# action is a key press.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
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

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
SANDBOX = os.environ["ATTEST_SANDBOX"]
ATTEST = os.environ["ATTEST_BINARY"]
NAME = "E2E Keyboard Travel Jacket"


def fail(message):
    print("FAIL: editor end to end: " + message, flush=True)
    sys.exit(1)


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


def find_label(root, prefix):
    for label in root.findChildren(GenericPredicate(roleName="label")):
        if (label.name or "").startswith(prefix):
            return label
    return None


def make_token(account, workdir):
    pem = os.path.join(workdir, "public.pem")
    with open(pem, "w") as f:
        f.write(account["publicKey"])
    stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    plain = "%s&%s" % (account["integrationKey"], stamp)
    done = subprocess.run(["sh", "-c", 'openssl pkeyutl -encrypt -pubin -inkey "$1" | base64 | tr -d "\\n"',
                           "sh", pem], input=plain.encode(), capture_output=True, check=True)
    return done.stdout.decode()


def search_server(base_url, text, workdir):
    with urllib.request.urlopen(base_url + "/_sandbox/demo-account", timeout=10) as resp:
        account = json.load(resp)
    headers = {"Content-Type": "application/json", "x-api-key": account["apiKey"],
               "x-developer-request-token": make_token(account, workdir)}
    body = json.dumps({"textSearch": [text], "from": 0, "size": 10}).encode()
    req = urllib.request.Request(base_url + "/pic-api/v1/products/search", data=body, headers=headers)
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.load(resp)


def pick(mnemonic, search):
    """Open a catalogue picker by its mnemonic, search, take the first hit."""
    rawinput.keyCombo("<Alt>" + mnemonic)
    time.sleep(1.0)
    rawinput.typeText(search)
    time.sleep(2.0)  # the server search, as the user would wait for it
    rawinput.pressKey("Return")
    time.sleep(1.0)


workdir = tempfile.mkdtemp(prefix="attest-e2e-editor-")
sandbox = subprocess.Popen([SANDBOX, "--seed", "demo", "--port", "0", "--score-delay-ms", "0",
                            "--data-dir", os.path.join(workdir, "sandbox")],
                           stdout=subprocess.PIPE, stdin=subprocess.PIPE, text=True)
app = None
try:
    base_url = sandbox.stdout.readline().strip()
    if not base_url.startswith("http://127.0.0.1:"):
        fail("the sandbox did not print its URL: %r" % base_url)

    env = dict(os.environ, XDG_DATA_HOME=os.path.join(workdir, "data"))
    app = subprocess.Popen([ATTEST, "--sandbox-url", base_url], env=env)
    attest = wait_for("Attest on the accessibility bus", lambda: tree.root.application("attest"))
    window = wait_for("the main window",
                      lambda: attest.findChild(GenericPredicate(roleName="frame"),
                                               retry=False, requireResult=False))
    wait_for("the products", lambda: find_label(window, "Alpaca"))

    # New product: the editor opens with the focus in its name.
    rawinput.keyCombo("<Control>n")
    wait_for("the editor saying why it cannot save yet", lambda: find_label(window, "Cannot save"))
    time.sleep(0.5)
    rawinput.typeText(NAME)

    rawinput.keyCombo("<Alt>w")
    time.sleep(0.3)
    rawinput.typeText("640")

    # Two materials: the first takes the whole composition, set to 60;
    # the second gets what is missing to 100.
    pick("m", "cotton")
    rawinput.keyCombo("<Control>a")
    rawinput.typeText("60")
    rawinput.pressKey("Tab")
    pick("m", "polyester")

    # A purchase order: Alt+A adds one and puts the focus in its order id.
    rawinput.keyCombo("<Alt>a")
    time.sleep(1.0)
    rawinput.typeText("PO-E2E-0001")
    rawinput.pressKey("Tab")
    rawinput.typeText("2025-05-01")
    rawinput.pressKey("Tab")
    rawinput.typeText("120")
    rawinput.pressKey("Tab")
    time.sleep(1.0)

    rawinput.keyCombo("<Control>s")

    def saved():
        results = search_server(base_url, NAME, workdir)["results"]
        return results[0] if results else None

    product = wait_for("the product on the server", saved)
    if product.get("name") != NAME:
        fail("the server has %r" % product.get("name"))
    materials = product.get("materials") or []
    if len(materials) != 2 or sorted(m.get("composition") for m in materials) != [40, 60]:
        fail("the materials on the server are %r" % materials)
    orders = product.get("purchaseOrder") or []
    if len(orders) != 1 or orders[0].get("purchaseOrderId") != "PO-E2E-0001":
        fail("the purchase orders on the server are %r" % orders)
    print("PASS: editor end to end: created %r with 2 materials and 1 purchase order, keyboard only" % NAME)
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
