#!/usr/bin/python3
# End to end: on a product's details page, New Certificate opens the form
# with the product to attach; the authority and standard are chosen from
# the server's lists, the number, name, issuing body and dates typed
# with the keyboard, and the scan chosen in the file chooser (the
# GtkFileChooserDialog GTK falls back to with no portal: Ctrl+L and the
# path).  Saved, the certificate is on the server, attached to the product,
# with the image as it was on disk, and the product's page lists it.  The
# scan is a PNG this test writes with zlib: no binary file is committed.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import base64
import datetime
import json
import os
import struct
import sys
import time
import urllib.request
import zlib

# attest_e2e sets the locale and dogtail's settings before dogtail loads.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import attest_e2e  # noqa: E402
from attest_e2e import Session, auth_headers, fail, search_server, wait_for  # noqa: E402

from dogtail import rawinput  # noqa: E402
from dogtail.predicate import GenericPredicate  # noqa: E402

import pyatspi  # noqa: E402

attest_e2e.test_name = "certificate end to end"
PRODUCT = "Alpaca Blend Cardigan"
NUMBER = "CU-GRS-E2E-0001"
NAME = "Recycled polyester yarns"
BODY = "Control Union Certifications"


def write_png(path, width, height):
    """An RGB PNG of a certificate-like page: a blue margin and grey
    lines of text on white."""
    rows = []
    for y in range(height):
        line = 200 if 80 < y < height - 80 and (y // 12) % 3 == 0 else 255
        row = bytearray([0])
        for x in range(width):
            row += bytes((40, 80, 160)) if x < 24 else bytes((line, line, line))
        rows.append(bytes(row))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xffffffff)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
           + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b""))
    with open(path, "wb") as f:
        f.write(png)
    return png


def pm_search(base_url, body, headers):
    req = urllib.request.Request(base_url + "/pm-api/v1/product/search", data=json.dumps(body).encode(),
                                 headers=dict({"Content-Type": "application/json"}, **headers))
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.load(resp)


def find(root, role, name):
    return root.findChild(GenericPredicate(roleName=role, name=name), retry=False, requireResult=False)


def toplevel(app, role, name):
    """A window of the application: its children, not a search of the
    whole tree, which is slow."""
    return next((w for w in app.children if w.roleName == role and w.name == name), None)


def find_label(root, prefix):
    for label in root.findChildren(GenericPredicate(roleName="label")):
        if (label.name or "").startswith(prefix):
            return label
    return None


def focused(root):
    return root.findChild(lambda n: n.getState().contains(pyatspi.STATE_FOCUSED),
                          retry=False, requireResult=False)


def labels(node):
    return [label.name for label in node.findChildren(GenericPredicate(roleName="label"))]


def open_list(form, mnemonic):
    """Opens a drop-down by its mnemonic; the focus goes to its first
    choice.  Returns that choice, or None if the list is not loaded yet."""
    rawinput.keyCombo("<Alt>" + mnemonic)
    time.sleep(0.5)
    rawinput.pressKey("space")
    for _ in range(12):
        time.sleep(0.25)
        node = focused(form)
        if node is not None and node.roleName == "list item":
            return node
    rawinput.pressKey("Escape")
    return None


def choose(form, mnemonic, row, name):
    """Picks @name in a drop-down with the arrow keys, as a keyboard user
    does, once the server's list is in."""
    item = wait_for("the %s list" % row, lambda: open_list(form, mnemonic), timeout=30)
    items = [child for child in item.parent.children if child.roleName == "list item"]
    index = next((i for i, child in enumerate(items) if name in labels(child)), None)
    if index is None:
        fail("no %r among the %s choices" % (name, row))
    for _ in range(index):
        rawinput.pressKey("Down")
        time.sleep(0.1)
    rawinput.pressKey("Return")
    wait_for("%r chosen" % name,
             lambda: name in labels(form.findChild(GenericPredicate(roleName="combo box", name=row))))


def type_into(mnemonic, text):
    rawinput.keyCombo("<Alt>" + mnemonic)
    time.sleep(0.5)
    rawinput.typeText(text)
    time.sleep(0.3)


def type_day(form, mnemonic, row, day):
    """Opens a date's popover by its mnemonic, types @day over the day
    shown there and takes it with Enter: the row then shows it in words."""
    rawinput.keyCombo("<Alt>" + mnemonic)
    time.sleep(0.5)
    rawinput.keyCombo("<Control>a")
    rawinput.typeText(day.isoformat())
    rawinput.pressKey("Return")
    words = "%d %s" % (day.day, day.strftime("%B %Y"))
    wait_for("%s for %s" % (words, row), lambda: find_label(form, words))


with Session("attest-e2e-certificate-") as session:
    headers = auth_headers(session.base_url, session.workdir)
    if not [p for p in search_server(session.base_url, PRODUCT, headers, 10)["results"] if p["name"] == PRODUCT]:
        fail("the demo data has no PIC product %r" % PRODUCT)
    scan_path = os.path.join(session.workdir, "GRS scope certificate.png")
    scan = write_png(scan_path, 300, 420)

    env = dict(os.environ, XDG_DATA_HOME=os.path.join(session.workdir, "data"))
    attest, window = session.start_attest(env)

    # The product's details: search, then Enter moves to the first result.
    wait_for("the search entry", lambda: find(window, "entry", "Search products"))
    time.sleep(0.5)
    rawinput.typeText(PRODUCT)
    wait_for("the product found", lambda: find(window, "label", "1 product"))
    rawinput.pressKey("Return")
    certificates = wait_for("the product's certificates",
                            lambda: find(window, "list", "Certificates of the product"))
    wait_for("the product's details", lambda: len(window.findChildren(
        GenericPredicate(roleName="label", name=PRODUCT))) >= 2)

    # New Certificate on the product: the form, with the product to attach.
    new = wait_for("New Certificate on the product's page", lambda: find(window, "push button", "New Certificate…"))
    new.doActionNamed("click")
    # A busy machine (several builds at once) has taken over 20 s to
    # show the form and fill it in through AT-SPI.
    form = wait_for("the form", lambda: toplevel(attest, "frame", "New Certificate"), timeout=60)
    wait_for("the product to attach", lambda: find_label(form, PRODUCT), timeout=60)

    choose(form, "a", "Authority", "Textile Exchange")
    choose(form, "t", "Standard", "Global Recycled Standard (GRS)")
    type_into("n", NUMBER)
    type_into("m", NAME)
    type_into("b", BODY)
    today = datetime.date.today()
    type_day(form, "i", "Issued On", today)
    type_day(form, "e", "Expires On", today.replace(year=today.year + 1, day=min(today.day, 28)))

    # The scan, from the file chooser: Ctrl+L, its path, Enter.
    find(form, "push button", "Add Files…").doActionNamed("click")
    wait_for("the file chooser", lambda: toplevel(attest, "filler", "Add Certificate Files"))
    time.sleep(1.0)
    rawinput.keyCombo("<Control>l")
    time.sleep(0.5)
    rawinput.typeText(scan_path)
    time.sleep(0.5)
    rawinput.pressKey("Return")
    wait_for("the scan in the form", lambda: find_label(form, "GRS scope certificate.png"))
    if toplevel(attest, "filler", "Add Certificate Files") is not None:
        fail("the file chooser is still open")

    find(form, "push button", "Save").doActionNamed("click")
    wait_for("the form to close", lambda: toplevel(attest, "frame", "New Certificate") is None, timeout=60)

    # On the server: attached to the product, with the image as it was.
    hits = pm_search(session.base_url, {"name": PRODUCT}, auth_headers(session.base_url, session.workdir))["hits"]
    saved = [c for hit in hits if hit["name"] == PRODUCT for c in hit.get("certifications", [])
             if c.get("assertionId") == NUMBER]
    if len(saved) != 1:
        fail("the server has %d certificates numbered %s on %r" % (len(saved), NUMBER, PRODUCT))
    certificate = saved[0]
    if (certificate.get("assertionStandardName") != "Global Recycled Standard (GRS)"
            or certificate.get("certificateName") != NAME or certificate.get("proofBody") != BODY):
        fail("the server has %r" % {k: certificate.get(k) for k in ("assertionStandardName", "certificateName",
                                                                     "proofBody")})
    files = certificate.get("certificationFiles") or []
    if len(files) != 1 or base64.b64decode(files[0]) != scan:
        fail("the server has %d files, not the scan" % len(files))
    if not certificate.get("dateExpires", 0) > certificate.get("dateIssued", 0) > 0:
        fail("the dates on the server are %r and %r" % (certificate.get("dateIssued"), certificate.get("dateExpires")))

    # The product's page lists it.
    wait_for("the certificate on the product's page", lambda: find_label(certificates, NUMBER))
    print("PASS: certificate end to end: %s created with %s from the file chooser, attached to %r"
          % (NUMBER, os.path.basename(scan_path), PRODUCT))
