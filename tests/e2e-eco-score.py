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


with Session("attest-e2e-eco-") as session:
    app, window = session.start_attest()
    button = wait_for("Eco-Score Details", lambda: find(app, "push button", "Eco-Score Details"), timeout=40)
    button.doActionNamed("click")

    chart = wait_for("the impact chart", lambda: find(app, "image", "Contribution of each indicator to the score"))
    carbon = wait_for("the carbon chart", lambda: find(app, "image", "Carbon by life-cycle stage"))
    title = wait_for("the eco-score window", lambda: app.findChild(
        GenericPredicate(roleName="frame", name="Eco-Score Details"), retry=False, requireResult=False))

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
