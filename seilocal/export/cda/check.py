"""Offline validation of CDA documents: the official XSD (lxml) and the official schematron (saxonche).

The XSD check is cheap and needs only lxml. The schematron needs `saxonche` (the `test` extra), is compiled
once per process from the official ZIP and its generated stylesheet is cached under a build folder; it is a
test- and make-time tool (`make cda-check FILE=...`), never imported by the app itself.
"""

from __future__ import annotations

import hashlib
import shutil
import sys
import zipfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from lxml import etree

from .parse import safe_parse

SVRL = "http://purl.oclc.org/dsdl/svrl"
SCH_NS = "http://purl.oclc.org/dsdl/schematron"
SCHEMATRON_MAIN = "lpr-lpr3fr.sch"
_ISO_XSL = Path(etree.__file__).parent / "isoschematron" / "resources" / "xsl" / "iso-schematron-xslt1"


@lru_cache(maxsize=4)
def _xsd(path: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(path))


def xsd_errors(document: bytes | etree._Element, xsd_path: Path) -> list[str]:
    """The XSD validation errors of a document ([] when valid)."""
    schema = _xsd(str(xsd_path))
    root = safe_parse(document) if isinstance(document, bytes) else document
    if schema.validate(root):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]


@dataclass
class SchematronResult:
    """What the schematron said about one document."""

    failed: list[str] = field(default_factory=list)
    reports: list[str] = field(default_factory=list)
    fired: list[str] = field(default_factory=list)

    @property
    def document_rule_fired(self) -> bool:
        """Whether the document-level rule matched (else the document was not checked at all)."""
        # The rule of the root template DK Episode Of Care Summaries (1.2.208.176.7.1.10.71) on the root itself.
        return any(ctx.startswith("//hl7:ClinicalDocument[") and "]/" not in ctx and "10.71'" in ctx
                   for ctx in self.fired)

    @property
    def ok(self) -> bool:
        """No failed assert, no successful report, and the document rule fired."""
        return not self.failed and not self.reports and self.document_rule_fired


def _relabel_query_binding(tree: etree._ElementTree, value: str) -> etree._ElementTree:
    root = tree.getroot()
    root.set("queryBinding", value)
    return tree


def build_stylesheet(zip_path: Path, build_dir: Path) -> Path:
    """Unpack the official schematron under `build_dir` and generate its XSLT (cached by the ZIP's hash)."""
    digest = hashlib.sha256(zip_path.read_bytes()).hexdigest()[:16]
    folder = build_dir / f"schematron-{digest}"
    done = folder / "DONE"
    if done.exists():
        return Path(done.read_text(encoding="utf-8").strip())
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(folder)
    main = next(folder.rglob(SCHEMATRON_MAIN))
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    tree = etree.parse(str(main), parser)
    for stage in ("iso_dsdl_include.xsl", "iso_abstract_expand.xsl"):
        tree = etree.XSLT(etree.parse(str(_ISO_XSL / stage)))(tree)
    # The XSLT 1 skeleton refuses queryBinding xslt2; Saxon runs the result as XSLT 2 afterwards.
    tree = _relabel_query_binding(tree, "xslt")
    generated = etree.XSLT(etree.parse(str(_ISO_XSL / "iso_svrl_for_xslt1.xsl")))(tree)
    stylesheet = generated.getroot()
    stylesheet.set("version", "2.0")
    # Written next to the .sch: it reads its value sets with doc('include/voc-...xml') relative to itself.
    out = main.parent / "lpr-lpr3fr.xsl"
    out.write_bytes(etree.tostring(generated, xml_declaration=True, encoding="UTF-8"))
    done.write_text(str(out), encoding="utf-8")
    return out


class Schematron:
    """The official schematron compiled once with Saxon; `check(bytes)` runs one document to SVRL."""

    def __init__(self, zip_path: Path, build_dir: Path) -> None:
        from saxonche import PySaxonProcessor  # test-time dependency only

        self.stylesheet = build_stylesheet(zip_path, build_dir)
        self._proc = PySaxonProcessor(license=False)
        self._xslt = self._proc.new_xslt30_processor()
        self._exe = self._xslt.compile_stylesheet(stylesheet_file=str(self.stylesheet))
        if self._exe is None:
            raise RuntimeError(f"Saxon could not compile {self.stylesheet}")

    def check(self, document: bytes) -> SchematronResult:
        """Run the schematron on one document and collect failed asserts, reports and fired rules."""
        safe_parse(document)  # never hand Saxon a document with a DTD or entities
        node = self._proc.parse_xml(xml_text=document.decode("utf-8"))
        svrl_text = self._exe.transform_to_string(xdm_node=node)
        svrl = etree.fromstring(svrl_text.encode("utf-8"), etree.XMLParser(resolve_entities=False, no_network=True))
        result = SchematronResult()
        for item in svrl.iter(f"{{{SVRL}}}failed-assert", f"{{{SVRL}}}successful-report", f"{{{SVRL}}}fired-rule"):
            if item.tag.endswith("fired-rule"):
                result.fired.append(item.get("context") or "")
                continue
            text = " ".join("".join(item.itertext()).split())
            entry = f"{item.get('location')}: {text}"
            (result.failed if item.tag.endswith("failed-assert") else result.reports).append(entry)
        return result


def compiled_schematron(zip_path: Path, build_dir: Path) -> Schematron:
    """The schematron of `zip_path`, compiled once per process: Saxon-HE takes ~6 CPU-seconds for it and cannot
    save the result (exporting a compiled stylesheet needs Saxon-EE), so `make cda-check` and the tests share one."""
    return _compiled(zip_path.resolve(), build_dir.resolve())


@lru_cache(maxsize=2)
def _compiled(zip_path: Path, build_dir: Path) -> Schematron:
    return Schematron(zip_path, build_dir)


def main(argv: list[str] | None = None) -> int:
    """`python -m seilocal.export.cda.check SHARED_LPR3_DIR FILE...`: XSD + schematron per file; exit 1 on any error."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) < 2:
        print("usage: python -m seilocal.export.cda.check LPR3_DIR FILE.xml...", file=sys.stderr)
        return 2
    lpr3 = Path(args[0])
    xsd = lpr3 / "cda-xsd" / "CDA.xsd"
    sch = compiled_schematron(lpr3 / "lpr-cda-schematron-2019-01-11.zip", Path("build") / "cda")
    bad = 0
    for name in args[1:]:
        try:
            data = Path(name).read_bytes()
            errors = xsd_errors(data, xsd)
            result = sch.check(data)
        except (OSError, ValueError) as exc:
            print(f"{name}: cannot check: {exc}")
            bad += 1
            continue
        problems = errors + [f"assert {m}" for m in result.failed] + [f"report {m}" for m in result.reports]
        if not result.document_rule_fired:
            problems.append("the document-level rule did not fire (not an LPR3 CDA document)")
        status = "OK" if not problems else "INVALID"
        print(f"{name}: {status} (xsd errors {len(errors)}, failed asserts {len(result.failed)}, "
              f"reports {len(result.reports)}, rules fired {len(result.fired)})")
        for problem in problems[:50]:
            print(f"  {problem}")
        bad += bool(problems)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
