#!/usr/bin/python3
# End to end: Attest started on a sandbox URL where nothing answers yet
# says it could not connect; once the sandbox is up, Try Again connects to
# that same sandbox (what was tried last), and its products are listed.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import socket
import subprocess
import sys
import tempfile
import shutil

# attest_e2e sets the locale and dogtail's settings before dogtail loads.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import attest_e2e  # noqa: E402
from attest_e2e import ATTEST, SANDBOX, auth_headers, fail, search_server, wait_for  # noqa: E402

from dogtail import tree  # noqa: E402
from dogtail.predicate import GenericPredicate  # noqa: E402

attest_e2e.test_name = "try again end to end"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def find(root, role, name):
    return root.findChild(GenericPredicate(roleName=role, name=name),
                          retry=False, requireResult=False)


workdir = tempfile.mkdtemp(prefix="attest-e2e-retry-")
url = "http://127.0.0.1:%d" % free_port()
app = sandbox = None
try:
    app = subprocess.Popen([ATTEST, "--sandbox-url", url])
    attest = wait_for("Attest on the accessibility bus", lambda: tree.root.application("attest"))
    window = wait_for("the main window",
                      lambda: attest.findChild(GenericPredicate(roleName="frame"),
                                               retry=False, requireResult=False))
    wait_for("the error page", lambda: find(window, "label", "Could Not Connect to the Sandbox"))
    button = wait_for("Try Again", lambda: find(window, "push button", "Try Again"))

    port = url.rsplit(":", 1)[1]
    sandbox = subprocess.Popen([SANDBOX, "--seed", "demo", "--port", port, "--score-delay-ms", "0",
                                "--data-dir", os.path.join(workdir, "sandbox")],
                               stdout=subprocess.PIPE, stdin=subprocess.PIPE, text=True)
    if sandbox.stdout.readline().strip() != url:
        fail("the sandbox did not start on %s" % url)
    first = search_server(url, "", auth_headers(url, workdir), 1)["results"][0]["name"]

    button.doActionNamed("click")
    wait_for("the first product, %r, listed" % first, lambda: find(window, "label", first))
    error = find(window, "label", "Could Not Connect to the Sandbox")
    if error is not None and error.showing:
        fail("the error page is still shown after connecting")
    print("PASS: try again end to end: connected to %s after it came up" % url)
finally:
    for process in (app, sandbox):
        if process is not None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
    shutil.rmtree(workdir, ignore_errors=True)
