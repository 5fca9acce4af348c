#!/usr/bin/env python3
# e2e-eco-score.py: a product's eco-score page through the accessibility
# tree, as a screen reader meets it (issue 10).
#
# Eco-Score Details on the first product opens its page; the two charts
# are images whose names say what they show and whose descriptions give
# every value the server sent for that product.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import attest_e2e  # noqa: E402
from attest_e2e import Session, auth_headers, fail, search_server, wait_for  # noqa: E402

from dogtail.predicate import GenericPredicate  # noqa: E402

attest_e2e.test_name = "eco-score end to end"


def percent(value):
    """A share as Attest writes it in C.UTF-8: one decimal at most."""
    text = ("%.1f" % value).rstrip("0").rstrip(".")
    return text + " %"


def find(root, role, name):
    return root.findChild(GenericPredicate(roleName=role, name=name), retry=False, requireResult=False)


def wait_for_quietly(finder, timeout):
    """Like wait_for, but only says whether it came."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            if finder():
                return True
        except Exception:  # the tree changes under us while the app works
            pass
        time.sleep(0.25)
    return False


def eco_window(app):
    """The Eco-Score Details window, among the application's top-level frames."""
    for child in app.children:
        if child.roleName == "frame" and child.name == "Eco-Score Details":
            return child
    return None


with Session("attest-e2e-eco-") as session:
    app, window = session.start_attest()
    # The details pane is filled as the first product is selected: a click
    # that lands while it is being rebuilt opens nothing, so it is clicked
    # again until the window comes.
    deadline = time.time() + 60
    while eco_window(app) is None:
        if time.time() > deadline:
            fail("Eco-Score Details opened no window")
        button = wait_for("Eco-Score Details", lambda: find(app, "push button", "Eco-Score Details"), timeout=40)
        button.doActionNamed("click")
        wait_for_quietly(lambda: eco_window(app), 5)

    # The page's own window first, then the charts inside it: searching the
    # whole application (the product list too) is slow on a busy machine.
    title = wait_for("the eco-score window", lambda: eco_window(app), timeout=60)
    chart = wait_for("the impact chart", lambda: find(title, "image", "Contribution of each indicator to the score"),
                     timeout=60)
    carbon = wait_for("the carbon chart", lambda: find(title, "image", "Carbon by life-cycle stage"), timeout=60)

    # The product on the page, as the server has it.
    headings = [label.name for label in title.findChildren(GenericPredicate(roleName="label"))]
    products = search_server(session.base_url, "", auth_headers(session.base_url, session.workdir), 50)
    matches = [p for p in products["results"] if p["name"] in headings]
    if not matches:
        fail("none of the server's products is on the page: %r" % headings[:5])
    product = matches[0]
    shares = product["frenchLabelEcoScore"]["impactsPercentageContribution"]

    description = chart.description or ""
    if "Climate change: " + percent(shares["cch"]) not in description:
        fail("the impact chart's description lacks climate change at %s: %r" % (percent(shares["cch"]), description))
    if "Water use: " + percent(shares["wtu"]) not in description:
        fail("the impact chart's description lacks water use: %r" % description)
    if "Materials: " not in (carbon.description or "") or "kg CO₂e" not in (carbon.description or ""):
        fail("the carbon chart's description lacks the materials stage: %r" % carbon.description)

print("ok: the eco-score charts tell a screen reader every value")
