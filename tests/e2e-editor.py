#!/usr/bin/python3
# End to end: create a product in the editor with the keyboard only, as a
# user who does not use a pointer would: Ctrl+N, the name, Alt+W for the
# weight, Alt+M twice for two materials (type to search, Enter to pick),
# Alt+A for a purchase order, Ctrl+S; then read the product back from the
# sandbox over HTTP.  Dogtail only watches the accessibility tree; every
# action is a key press.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sys
import time

# attest_e2e sets the locale and dogtail's settings before dogtail loads.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import attest_e2e  # noqa: E402
from attest_e2e import Session, auth_headers, fail, search_server, wait_for  # noqa: E402

from dogtail import rawinput  # noqa: E402
from dogtail.predicate import GenericPredicate  # noqa: E402

attest_e2e.test_name = "editor end to end"
NAME = "E2E Keyboard Travel Jacket"


def find_label(root, prefix):
    for label in root.findChildren(GenericPredicate(roleName="label")):
        if (label.name or "").startswith(prefix):
            return label
    return None


def pick(mnemonic, search):
    """Open a catalogue picker by its mnemonic, search, take the first hit."""
    rawinput.keyCombo("<Alt>" + mnemonic)
    time.sleep(1.0)
    rawinput.typeText(search)
    time.sleep(2.0)  # the server search, as the user would wait for it
    rawinput.pressKey("Return")
    time.sleep(1.0)


with Session("attest-e2e-editor-") as session:
    env = dict(os.environ, XDG_DATA_HOME=os.path.join(session.workdir, "data"))
    attest, window = session.start_attest(env)
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
        headers = auth_headers(session.base_url, session.workdir)
        results = search_server(session.base_url, NAME, headers, 10)["results"]
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
