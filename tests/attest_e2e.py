# attest_e2e.py: what the dogtail end-to-end tests share: dogtail's
# settings, the sandbox and Attest processes, waiting on the accessibility
# tree, and request tokens made by the Worldly guide's own shell recipe.
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

from dogtail import tree  # noqa: E402
from dogtail.predicate import GenericPredicate  # noqa: E402

SANDBOX = os.environ["ATTEST_SANDBOX"]
ATTEST = os.environ["ATTEST_BINARY"]

# What fail() says the test is; each test sets it first.
test_name = "end to end"


def fail(message):
    print("FAIL: %s: %s" % (test_name, message), flush=True)
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


def auth_headers(base_url, workdir):
    """The demo account's key and a fresh request token."""
    account = demo_account(base_url)
    return {"x-api-key": account["apiKey"],
            "x-developer-request-token": make_token(account, workdir)}


def search_server(base_url, text, headers, size):
    body = json.dumps({"textSearch": [text], "from": 0, "size": size}).encode()
    req = urllib.request.Request(base_url + "/pic-api/v1/products/search", data=body,
                                 headers=dict({"Content-Type": "application/json"}, **headers))
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.load(resp)


class Session:
    """A sandbox with the demo data, in a directory of the test's own (its
    key pair too, not in the user's data directory), and Attest once
    start_attest() is called; all stopped and removed on leaving."""

    def __init__(self, prefix):
        self.workdir = tempfile.mkdtemp(prefix=prefix)
        self.sandbox = subprocess.Popen([SANDBOX, "--seed", "demo", "--port", "0", "--score-delay-ms", "0",
                                         "--data-dir", os.path.join(self.workdir, "sandbox")],
                                        stdout=subprocess.PIPE, stdin=subprocess.PIPE, text=True)
        self.app = None
        self.base_url = None

    def __enter__(self):
        try:
            self.base_url = self.sandbox.stdout.readline().strip()
            if not self.base_url.startswith("http://127.0.0.1:"):
                fail("the sandbox did not print its URL: %r" % self.base_url)
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def start_attest(self, env=None):
        """Starts Attest on the sandbox; returns its accessible application
        and main window."""
        self.app = subprocess.Popen([ATTEST, "--sandbox-url", self.base_url], env=env)
        attest = wait_for("Attest on the accessibility bus",
                          lambda: tree.root.application("attest"))
        window = wait_for("the main window",
                          lambda: attest.findChild(GenericPredicate(roleName="frame"),
                                                   retry=False, requireResult=False))
        return attest, window

    def close(self):
        if self.app is not None:
            self.app.terminate()
            try:
                self.app.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.app.kill()
        self.sandbox.terminate()
        self.sandbox.wait(timeout=10)
        shutil.rmtree(self.workdir, ignore_errors=True)
