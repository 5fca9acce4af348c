#!/usr/bin/python3
# End to end: start the sandbox with the demo data and Attest on it, then use
# Attest only through the accessibility tree, as a screen reader user would:
# type a search, open a product from the results, and read a value from its
# details.  The expected values come from the sandbox over HTTP, with a
# request token made by the Worldly guide's own shell recipe (openssl), which
# also checks the sandbox against the documented format.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sys
import time
import urllib.error

# attest_e2e sets the locale and dogtail's settings before dogtail loads.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import attest_e2e  # noqa: E402
from attest_e2e import Session, auth_headers, fail, search_server, wait_for  # noqa: E402

from dogtail import rawinput  # noqa: E402
from dogtail.predicate import GenericPredicate  # noqa: E402

attest_e2e.test_name = "products end to end"


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


def find_label(root, text):
    return root.findChild(GenericPredicate(roleName="label", name=text),
                          retry=False, requireResult=False)


with Session("attest-e2e-") as session:
    base_url = session.base_url

    # The server wants credentials...
    try:
        search_server(base_url, "merino", {}, 50)
        fail("the sandbox answered a search without credentials")
    except urllib.error.HTTPError as e:
        if e.code != 401:
            fail("a search without credentials got HTTP %d, not 401" % e.code)

    # ...and takes a token made by the documented recipe.
    auth = auth_headers(base_url, session.workdir)

    # What a user will look for, and what the server says about it.
    query = "merino"
    results = search_server(base_url, query, auth, 50)
    if results["total"] < 2:
        fail("the demo data has fewer than two products matching %r" % query)
    second = results["results"][1]

    attest, window = session.start_attest()

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
