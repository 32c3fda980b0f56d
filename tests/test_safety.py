"""Nothing in a data file can run code, exhaust the machine, or put markup on a page."""

from __future__ import annotations

import html

import json
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml

from sco_site.errors import DataError, ProblemList
from sco_site.loader import load_data
from sco_site.render.renderer import PageRenderer
from sco_site.yamlsource import parse_yaml
from tests.data_cases import build_broken_case, copy_valid_data

ATTACKS = ("<script>alert(1)</script>", "[x](javascript:alert(1))", '<img src=x onerror="alert(1)">', '"><svg onload=alert(1)>')


@pytest.mark.parametrize(
    "payload",
    [
        "!!python/object/apply:os.system ['touch {marker}']",
        "!!python/object/apply:subprocess.call [['touch', '{marker}']]",
        "!!python/object/new:os.system ['touch {marker}']",
        "!!python/name:os.system",
        "!!python/module:os",
    ],
)
def test_python_tags_never_run(payload: str, tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    problems = ProblemList()
    doc = parse_yaml("id: " + payload.format(marker=marker) + "\n", "data/places/x.yml", problems)
    assert doc is None
    assert len(problems.problems) == 1 and "is not allowed in data files" in problems.problems[0].message
    assert not marker.exists()


def test_a_python_tag_in_a_data_file_is_refused_by_the_loader(tmp_path: Path) -> None:
    with pytest.raises(DataError) as raised:
        load_data(build_broken_case("python-tag", tmp_path))
    assert [problem.message for problem in raised.value.problems] == ["the tag '!!python/object/apply:os.system' is not allowed in data files"]


@pytest.mark.parametrize("case", ["alias-bomb", "oversized-file"])
def test_bombs_are_refused(case: str, tmp_path: Path) -> None:
    with pytest.raises(DataError) as raised:
        load_data(build_broken_case(case, tmp_path))
    [problem] = raised.value.problems
    assert problem.location.file == "data/places/astana.yml"


def test_a_wide_alias_bomb_is_refused_without_expanding() -> None:
    # Ten levels of ten: 10**10 values if expanded.
    lines = ["l0: &l0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 10)}]" for n in range(1, 10)]
    problems = ProblemList()
    assert parse_yaml("\n".join(lines), "data/x.yml", problems) is None
    assert [problem.message for problem in problems.problems] == ["the alias '*l0' is not allowed in data files"]


def test_javascript_links_are_rejected(tmp_path: Path) -> None:
    with pytest.raises(DataError) as raised:
        load_data(build_broken_case("url-javascript", tmp_path))
    assert [problem.message for problem in raised.value.problems] == ["'url' must be a web address starting with https://, not 'javascript:'"]


# --- A page rendered from hostile texts ---------------------------------------------------

def _poison(data_dir: Path) -> None:
    """Put every attack into texts that the initiative page shows."""
    script, link, image, breakout = ATTACKS
    file = data_dir / "initiatives" / "world-unity-initiative.yml"
    text = file.read_text(encoding="utf-8")
    for old, new in [
        ("de: Initiative für globale Einheit", f"de: '{script}'"),
        ("en: World Unity Initiative", f"en: '{script}'"),
        ("de: Grundsätze für Frieden.", f"de: '{breakout} {link}'"),
        ("en: Principles for peace.", f"en: '{breakout} {link}'"),
        ("de: In Astana angenommen.", f"de: '{image}'"),
        ("en: Adopted in Astana.", f"en: '{image}'"),
        ('de: "Das Land plant, die Annahme vorzuschlagen."', f"de: '{script} {link}'"),
        ('en: "The country plans to propose the adoption."', f"en: '{image} {link}'"),
    ]:
        assert old in text
        text = text.replace(old, new)
    file.write_text(text, encoding="utf-8")
    source = data_dir / "sources" / "astana-declaration.yml"
    source.write_text(source.read_text(encoding="utf-8").replace("title: Astana Declaration of the Council of Heads of State", f"title: '{image}'"), encoding="utf-8")
    place = data_dir / "places" / "astana.yml"
    place.write_text(place.read_text(encoding="utf-8").replace("  en: Astana\n", f"  en: '{script}'\n"), encoding="utf-8")


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [(name, value or "") for name, value in attrs]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _site_markdown() -> markdown.Markdown:
    """The Markdown set-up of mkdocs.yml, read from it so the two cannot drift."""
    config = yaml.load((Path(__file__).parent.parent / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    names, settings = [], {}
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        names.append(name)
        settings[name] = options or {}
    return markdown.Markdown(extensions=names, extension_configs=settings)


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's '!!python/name:' and '!ENV' tags, for this test only."""


def _python_name(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> object:
    module, _, attribute = suffix.rpartition(".")
    return getattr(__import__(module, fromlist=[attribute]), attribute)


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/name:", _python_name)
_ConfigLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


@pytest.mark.parametrize("lang", ["de", "en"])
def test_hostile_texts_show_as_text_on_the_initiative_page(lang: str, tmp_path: Path) -> None:
    data_dir = copy_valid_data(tmp_path)
    _poison(data_dir)
    catalog = load_data(data_dir)
    page_markdown = PageRenderer(catalog, lang).render_initiative_page(catalog.initiatives["world-unity-initiative"])
    body = page_markdown.split("---\n", 2)[2]  # the front matter is YAML for MkDocs, not page text
    html = _site_markdown().convert(body)
    page = _Page()
    page.feed(html)
    assert not {"script", "img", "iframe", "object", "embed"} & set(page.tags)
    assert not [name for name, _ in page.attributes if name.startswith("on")]
    assert not [value for name, value in page.attributes if "javascript" in value.lower()]
    shown = "".join(page.text)
    for attack in ATTACKS:
        assert attack in shown


def test_hostile_texts_stay_text_in_the_front_matter(tmp_path: Path) -> None:
    data_dir = copy_valid_data(tmp_path)
    _poison(data_dir)
    catalog = load_data(data_dir)
    page_markdown = PageRenderer(catalog, "en").render_initiative_page(catalog.initiatives["world-unity-initiative"])
    meta = yaml.safe_load(page_markdown.split("---\n", 2)[1])
    # YAML keeps the text intact, and it is HTML-escaped because the theme prints it as it is.
    assert html.unescape(meta["title"]) == ATTACKS[0] and "<" not in meta["title"]
    assert html.unescape(meta["description"]) == f"{ATTACKS[3]} {ATTACKS[1]}" and "<" not in meta["description"]


class _Scripts(HTMLParser):
    """Script elements and event-handler attributes that carry the attack."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.script_type: str | None = None
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.script_type = (dict(attrs).get("type") or "text/javascript") if tag == "script" else None
        links = {"href", "src", "action", "formaction"}
        self.found += [f"{tag} {name}" for name, value in attrs if name.startswith("on") or (name in links and "javascript:" in (value or ""))]

    def handle_data(self, data: str) -> None:
        if self.script_type == "application/ld+json":
            # Data may appear here, but only inside JSON that the text did not break out of.
            try:
                json.loads(data)
            except ValueError:
                self.found.append(f"broken JSON-LD: {data.strip()[:40]}")
        elif self.script_type and "alert(" in data:
            self.found.append(f"script: {data.strip()[:40]}")

    def handle_endtag(self, tag: str) -> None:
        self.script_type = None


def test_hostile_texts_run_nowhere_on_the_built_site(tmp_path: Path) -> None:
    from tests.test_cli import _mkdocs_build, _project_copy

    root = _project_copy(tmp_path)
    _poison(copy_valid_data(root))
    assert _mkdocs_build(root).returncode == 0
    found = []
    for page in sorted((root / "site").rglob("*.html")):
        parser = _Scripts()
        parser.feed(page.read_text(encoding="utf-8"))
        found += [f"{page.relative_to(root / 'site')}: {item}" for item in parser.found]
    assert found == []
