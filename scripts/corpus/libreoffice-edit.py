#!/usr/bin/python3
"""Edits a copy of a rule workbook through LibreOffice itself, as an analyst would, and saves it as .xlsx.

    /usr/bin/python3 scripts/corpus/libreoffice-edit.py IN.xlsx OUT.xlsx

Starts its own headless soffice (a fresh profile, a private pipe), opens IN, and through the
dispatcher (the same commands LibreOffice's macro recorder records for keyboard input):
  - types 48 into "Terms 保修期限"!C9 (T-04, the whole-vehicle term in months; was 36);
  - picks TRUE from the drop-down of "Sanbao scope 三包适用"!D6 (SC-01; was FALSE): the entry is
    taken from the cell's own list validation and entered as the drop-down enters it (EnterString);
then saves with the "Calc MS Excel 2007 XML" filter. No XML is touched. Needs python3-uno
(Debian) and soffice; scripts/install-libreoffice.sh installs both.
"""
import glob
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException
from com.sun.star.lang import DisposedException

TYPED = ("Terms 保修期限", "C9", "48")
PICKED = ("Sanbao scope 三包适用", "D6", "TRUE")


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(pipe, soffice):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(120):
        if soffice.poll() is not None:
            sys.exit("soffice exited with %d before accepting a connection" % soffice.returncode)
        try:
            return resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        except NoConnectException:
            time.sleep(0.5)
    sys.exit("soffice did not accept a connection within 60 s")


def enter(doc, dispatcher, sheet_name, cell, text):
    """Goes to the cell and enters text as keyboard input (or a drop-down pick) enters it."""
    controller = doc.getCurrentController()
    controller.setActiveSheet(doc.getSheets().getByName(sheet_name))
    frame = controller.getFrame()
    dispatcher.executeDispatch(frame, ".uno:GoToCell", "", 0, (prop("ToPoint", cell),))
    dispatcher.executeDispatch(frame, ".uno:EnterString", "", 0, (prop("StringName", text),))


def list_entries(doc, sheet_name, cell):
    """The entries of a cell's list validation ("TRUE,FALSE" in the file reads back as "TRUE";"FALSE")."""
    target = doc.getSheets().getByName(sheet_name).getCellRangeByName(cell)
    formula = target.getPropertyValue("Validation").getFormula1()
    return [e.strip().strip('"') for e in formula.replace(";", ",").split(",")]


def edit(ctx, work, src, out):
    """Opens the copy, makes the two entries, reads them back and saves OUT."""
    smgr = ctx.ServiceManager
    desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(work), "_blank", 0, (prop("Hidden", True),))
    if doc is None:
        sys.exit("LibreOffice could not open " + src)
    enter(doc, dispatcher, *TYPED)
    entries = list_entries(doc, PICKED[0], PICKED[1])
    if PICKED[2] not in entries:
        sys.exit("%s!%s offers %s, not %s" % (PICKED[0], PICKED[1], entries, PICKED[2]))
    enter(doc, dispatcher, PICKED[0], PICKED[1], entries[entries.index(PICKED[2])])
    sheets = doc.getSheets()
    typed = sheets.getByName(TYPED[0]).getCellRangeByName(TYPED[1])
    picked = sheets.getByName(PICKED[0]).getCellRangeByName(PICKED[1])
    # read back what LibreOffice made of the input, so a dispatch that did nothing is an error here
    if typed.getValue() != float(TYPED[2]) or picked.getValue() != 1.0:
        sys.exit("the edit did not take: %s=%r, %s=%r (%s)" % (TYPED[1], typed.getValue(), PICKED[1],
                                                              picked.getValue(), picked.getFormula()))
    print("%s!%s = %s; %s!%s = %s (formula %r)" % (TYPED[0], TYPED[1], typed.getString(), PICKED[0], PICKED[1],
                                                  picked.getString(), picked.getFormula()))
    doc.storeToURL(uno.systemPathToFileUrl(out), (prop("FilterName", "Calc MS Excel 2007 XML"),))
    # storeToURL has returned: the file is complete; soffice 7.4 may drop the bridge while closing
    try:
        doc.close(True)
        desktop.terminate()
    except Exception:
        pass


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    src, out = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    profile = tempfile.mkdtemp(prefix="lo-edit-")
    # LibreOffice leaves a lock file beside the document it opens: open a copy in the temporary folder
    work = os.path.join(profile, "in-" + os.path.basename(src))
    shutil.copyfile(src, work)
    pipe = "autoclaims_edit_%d" % os.getpid()
    soffice = subprocess.Popen(["soffice", "-env:UserInstallation=file://" + profile, "--headless", "--invisible",
                                "--nologo", "--norestore", "--accept=pipe,name=%s;urp;" % pipe],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        # soffice.bin may restart itself once on a fresh profile (oosplash relaunches it): a bridge made
        # to the first instance is then disposed mid-call. The edit starts over on the relaunched one.
        for attempt in range(3):
            try:
                edit(connect(pipe, soffice), work, src, out)
                break
            except DisposedException:
                if attempt == 2:
                    raise
                print("the bridge to soffice was disposed (attempt %d); connecting again" % (attempt + 1),
                      file=sys.stderr)
                # the first instance's lock file would make the copy open read-only
                for lock in glob.glob(os.path.join(profile, ".~lock.*")):
                    os.remove(lock)
                time.sleep(2)
    finally:
        try:
            soffice.wait(timeout=30)
        except subprocess.TimeoutExpired:
            pass
        try:
            # the soffice script starts soffice.bin as its child: end the session this script started
            os.killpg(soffice.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main()
