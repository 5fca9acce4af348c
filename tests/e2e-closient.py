#!/usr/bin/python3
# End to end: review a product's Closient certifications from its GTIN, as a
# user who does not use a pointer would: Ctrl+F, the GTIN typed with a
# space in it and Enter, Enter again to move to the certifications, Enter to
# open the first; then Edit, a metadata key added, the "Valid Until" date
# cleared, and Save.  Dogtail watches the
# accessibility tree and clicks buttons by their names; the result is read
# back from the sandbox over HTTP with the demo's Closient key.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import json
import os
import sys
import time
import urllib.error
import urllib.request

# attest_e2e sets the locale and dogtail's settings before dogtail loads.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import attest_e2e  # noqa: E402
from attest_e2e import Session, demo_account, fail, wait_for  # noqa: E402

from dogtail import rawinput  # noqa: E402
from dogtail.predicate import GenericPredicate  # noqa: E402

attest_e2e.test_name = "Closient end to end"
KEY = "e2e_batch"
VALUE = "B-2026-11"


def gtin13(n):
    """A GTIN-13 of twelve digits @n and their check digit."""
    digits = str(n)
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(digits)))
    return digits + str((10 - total % 10) % 10)


def closient_get(base_url, key, path):
    req = urllib.request.Request(base_url + path, headers={"X-API-Key": key})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.load(resp)


def find(root, role, name):
    """The last node of @role named @name: other views keep their widgets
    (the Products view has an Edit button too), and the page pushed last
    comes last in the tree."""
    nodes = root.findChildren(GenericPredicate(roleName=role, name=name))
    return nodes[-1] if nodes else None


def click(window, name):
    button = wait_for("the %r button" % name, lambda: find(window, "push button", name)
                      or find(window, "toggle button", name))
    button.doActionNamed("click")
    time.sleep(0.5)


with Session("attest-e2e-closient-") as session:
    base_url = session.base_url
    key = demo_account(base_url)["closientApiKey"]

    # A demo product on Closient, and its certifications in the view's order.
    gtin = None
    for index in range(60):
        if index % 5 == 3:
            continue  # identified by a style number
        candidate = "0" + gtin13(376012345 * 1000 + 100 + index)
        try:
            rows = closient_get(base_url, key, "/products/api/v1/products/%s/certifications"
                                "?ordering=expiry_date&page=1&page_size=25" % candidate)["data"]
        except urllib.error.HTTPError:
            continue  # not on Closient
        if rows:
            gtin, first = candidate, rows[0]
            break
    if gtin is None:
        fail("no demo product has Closient certifications")

    # Attest opens on the Closient view (its last view, in a settings file
    # of the test's own).
    config = os.path.join(session.workdir, "config")
    os.makedirs(os.path.join(config, "glib-2.0", "settings"))
    with open(os.path.join(config, "glib-2.0", "settings", "keyfile"), "w") as f:
        f.write("[io/github/attestapp/Attest]\nlast-view='closient'\n")
    env = dict(os.environ, XDG_DATA_HOME=os.path.join(session.workdir, "data"),
               XDG_CONFIG_HOME=config, XDG_CACHE_HOME=os.path.join(session.workdir, "cache"),
               GSETTINGS_BACKEND="keyfile")
    attest, window = session.start_attest(env)

    wait_for("the GTIN entry", lambda: find(window, "text", "GTIN of the product to look up"))
    time.sleep(0.5)
    rawinput.keyCombo("<Control>f")
    time.sleep(0.3)
    # Pasted or typed in groups: the space is dropped.
    rawinput.typeText(gtin[1:7] + " " + gtin[7:])
    rawinput.pressKey("Return")
    wait_for("the certification %r" % first["label"],
             lambda: find(window, "label", "%d certification" % len(rows)
                          if len(rows) == 1 else "%d certifications" % len(rows)))

    # Enter again moves on to the table; Enter there opens the first row.
    rawinput.pressKey("Return")
    time.sleep(0.5)
    rawinput.pressKey("Return")
    wait_for("the certification's page", lambda: find(window, "push button", "Edit"))

    click(window, "Edit")
    wait_for("the form", lambda: find(window, "push button", "Save"))

    # A metadata key: Add Key puts the focus in the new key.
    click(window, "Add Key")
    rawinput.typeText(KEY)
    rawinput.pressKey("Tab")
    rawinput.typeText(VALUE)
    time.sleep(0.5)

    # Valid Until, cleared: the PATCH sends null for it.  (A day typed in
    # a date row's popover is what e2e-certificate does.)
    click(window, "Clear Valid Until")

    click(window, "Save")

    # The page shows the saved certification again, with the new key.
    wait_for("the saved page", lambda: find(window, "push button", "Edit"), timeout=30)
    wait_for("the key %r on the page" % KEY, lambda: find(window, "label", KEY)
             or find(window, "label", VALUE))

    # The server has them: the key, and a date other than before.
    saved = closient_get(base_url, key, "/certifications/api/v1/products/%s/certifications" % gtin)
    saved = next((a for a in saved if a["id"] == first["id"]), None)
    if saved is None:
        fail("the certification is gone from the server")
    if saved["metadata"].get(KEY) != VALUE:
        fail("the server's metadata is %r, without %s=%s" % (saved["metadata"], KEY, VALUE))
    if first["expiration_date"] is None:
        fail("the first certification had no Valid Until to clear")
    if saved["expiration_date"] is not None:
        fail("Valid Until is %r, not cleared (before: %r)" % (saved["expiration_date"], first["expiration_date"]))
    for field in ("certificate_number", "issuing_body", "scope"):
        if saved[field] != first[field]:
            fail("%s changed from %r to %r, though it was not edited" % (field, first[field], saved[field]))

    # Back to the table: the row shows the saved validity, open-ended now.
    rawinput.keyCombo("<Alt>Left")
    if saved["valid_from"]:
        day = datetime.date.fromisoformat(saved["valid_from"])
        validity = "From %d %s %d" % (day.day, day.strftime("%b"), day.year)
        wait_for("the row's validity %r" % validity,
                 lambda: window.findChild(GenericPredicate(name=validity), retry=False, requireResult=False))
    print("PASS: Closient end to end: %s, %r saved with %s and no Valid Until (was %s)"
          % (gtin, first["label"], KEY, first["expiration_date"]))
