"""Reads a .qdpx the way QualCoder's REFI-QDA import does (qualcoder/refi.py, load_text_source and
load_codings): the project XML with ElementTree, each internal plain-text source opened in Python's
text mode as "utf-8" (universal newlines: CRLF becomes LF), and each selection's text taken as
fulltext[startPosition:endPosition] (code points). An independent reader for the tests: it shares
no code with narrative-lens. Prints JSON: codes, sources with their selections, cases, notes."""
import json, sys, tempfile, zipfile, os
import xml.etree.ElementTree as ET

NS = "{urn:QDA-XML:project:1.0}"
path = sys.argv[1]
out = {"codes": [], "sources": [], "cases": [], "notes": []}
with tempfile.TemporaryDirectory() as tmp:
    with zipfile.ZipFile(path) as z:
        z.extractall(tmp)
    names = {n.lower(): n for n in os.listdir(tmp)}
    root = ET.parse(os.path.join(tmp, names["project.qde"])).getroot()
    sources_dir = os.path.join(tmp, names.get("sources", "sources"))

    def codes(parent):
        for c in parent.findall(NS + "Code"):
            d = c.find(NS + "Description")
            out["codes"].append({"guid": c.get("guid"), "name": c.get("name"), "color": c.get("color"),
                                 "description": d.text if d is not None else None})
            codes(c)
    cb = root.find(NS + "CodeBook")
    if cb is not None:
        codes(cb.find(NS + "Codes"))
    for s in root.iter(NS + "TextSource"):
        p = s.get("plainTextPath").split("internal://")[1]
        with open(os.path.join(sources_dir, p), encoding="utf-8", errors="replace") as f:
            fulltext = f.read()
        sels = []
        for sel in s.findall(NS + "PlainTextSelection"):
            pos0, pos1 = int(sel.get("startPosition")), int(sel.get("endPosition"))
            sels.append({"guid": sel.get("guid"), "name": sel.get("name"), "seltext": fulltext[pos0:pos1],
                         "codes": [c.find(NS + "CodeRef").get("targetGUID") for c in sel.findall(NS + "Coding")]})
        out["sources"].append({"guid": s.get("guid"), "name": s.get("name"), "length": len(fulltext), "selections": sels})
    for c in root.iter(NS + "Case"):
        out["cases"].append({"name": c.get("name"), "selections": [r.get("targetGUID") for r in c.findall(NS + "SelectionRef")]})
    for n in root.iter(NS + "Note"):
        p = n.get("plainTextPath").split("internal:/")[1]
        with open(sources_dir + p) as f:
            out["notes"].append({"name": n.get("name"), "created": n.get("creationDateTime"), "text": f.read()})
print(json.dumps(out, ensure_ascii=True))
