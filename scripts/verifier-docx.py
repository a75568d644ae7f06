#!/usr/bin/env python3
"""Vérifie un dossier produit par sessiondoc comme le ferait le bureau d'un centre.

    python3 scripts/verifier-docx.py DOSSIER [--sans-libreoffice]

1. Chaque DOCX est validé contre les schémas Open XML (openxml-audit,
   `pip install openxml-audit`) : aucune erreur attendue.
2. Si LibreOffice est installé (`soffice`), chaque DOCX est converti en PDF
   et comparé au PDF produit par sessiondoc : même nombre de pages (un lot
   d'impression peut n'avoir pas ses pages blanches de recto) et chaque mot
   du PDF présent.

Code de sortie 0 si tout concorde, 1 sinon.
"""

import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def words(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    return re.findall(r"\w+", text)


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    match = re.search(r"^Pages:\s+(\d+)", info, re.M)
    return int(match.group(1)) if match else 0


def blank_pages(pdf: Path) -> int:
    """Pages without a footer (the recto padding of a print batch)."""
    n = pages(pdf)
    blank = 0
    for i in range(1, n + 1):
        text = subprocess.run(["pdftotext", "-f", str(i), "-l", str(i), str(pdf), "-"],
                              capture_output=True, text=True).stdout
        blank += re.search(r"\bpage \d", text) is None
    return blank


def validate(folder: Path) -> list[str]:
    try:
        import openxml_audit  # noqa: F401
    except ImportError:
        return ["openxml-audit introuvable : python3 -m pip install openxml-audit"]
    out = subprocess.run([sys.executable, "-m", "openxml_audit", "-r", "-f", "office2019", "-o", "json", "-m", "0", str(folder)],
                         capture_output=True, text=True).stdout
    problems = []
    for report in json.loads(out or "[]"):
        for e in report.get("errors", []):
            problems.append(f"{report['file']}: {e['part_uri']} {e['path']}: {e['description']}")
    return problems


def compare_with_libreoffice(folder: Path) -> tuple[list[str], list[str]]:
    docx = sorted(folder.rglob("*.docx"))
    problems, lines = [], []
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profil"
        converted = Path(tmp) / "pdf"
        for parent in sorted({d.parent for d in docx}):
            outdir = converted / parent.relative_to(folder)
            batch = [str(d) for d in docx if d.parent == parent]
            subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                            "--convert-to", "pdf", "--outdir", str(outdir), *batch],
                           capture_output=True, timeout=900)
        for d in docx:
            ours = d.with_suffix(".pdf")
            theirs = converted / d.relative_to(folder).with_suffix(".pdf")
            rel = d.relative_to(folder)
            if not ours.exists():
                continue
            if not theirs.exists():
                problems.append(f"{rel}: LibreOffice n'a pas pu l'ouvrir")
                continue
            p_ours, p_theirs = pages(ours), pages(theirs)
            padding = blank_pages(ours) if p_ours != p_theirs else 0
            same_pages = p_ours == p_theirs or p_ours - padding == p_theirs
            missing = sorted(set(words(ours)) - set(words(theirs)))
            lines.append(f"{rel}: PDF {p_ours} p., LibreOffice {p_theirs} p."
                         + ("" if same_pages else "  <- pages différentes")
                         + (f"  <- mots absents : {' '.join(missing[:8])}" if missing else ""))
            if not same_pages:
                problems.append(f"{rel}: {p_ours} pages en PDF, {p_theirs} dans LibreOffice")
            if missing:
                problems.append(f"{rel}: mots du PDF absents du DOCX : {' '.join(missing[:8])}")
    return problems, lines


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 1 or not Path(args[0]).is_dir():
        print(__doc__)
        return 2
    folder = Path(args[0])
    problems = validate(folder)
    n = len(list(folder.rglob("*.docx")))
    print(f"validation Open XML : {n} DOCX, {len(problems)} erreur(s)")
    if "--sans-libreoffice" not in sys.argv and shutil.which("soffice"):
        found, lines = compare_with_libreoffice(folder)
        print("\n".join(lines))
        print(f"LibreOffice : {len(found)} écart(s)")
        problems += found
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
