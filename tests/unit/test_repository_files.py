"""The repository's contributor files: the issue forms follow GitHub's form syntax, the pull-request template
asks what the editorial rules ask."""

from __future__ import annotations

import json
import re
import urllib.parse
from pathlib import Path

import jsonschema
import pytest
import yaml

from briefbook import correction_url

ROOT = Path(__file__).resolve().parents[2]
FORMS = ROOT / ".github" / "ISSUE_TEMPLATE"

# GitHub's syntax for issue forms (docs.github.com, "Syntax for issue forms" and "for GitHub's form schema").
ELEMENT_ID = "^[A-Za-z0-9_-]+$"
FORM_SCHEMA = {
    "type": "object",
    "required": ["name", "description", "body"],
    "additionalProperties": False,
    "properties": {
        "name": {"type": "string", "minLength": 1},
        "description": {"type": "string", "minLength": 1},
        "title": {"type": "string"},
        "labels": {"type": "array", "items": {"type": "string"}},
        "assignees": {"type": "array", "items": {"type": "string"}},
        "projects": {"type": "array", "items": {"type": "string"}},
        "type": {"type": "string"},
        "body": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["type", "attributes"],
                "additionalProperties": False,
                "properties": {
                    "type": {"enum": ["markdown", "textarea", "input", "dropdown", "checkboxes"]},
                    "id": {"type": "string", "pattern": ELEMENT_ID},
                    "attributes": {"type": "object"},
                    "validations": {
                        "type": "object",
                        "additionalProperties": False,
                        "properties": {"required": {"type": "boolean"}},
                    },
                },
            },
        },
    },
}
FORM_FILES = sorted(path for path in FORMS.glob("*.yml") if path.name != "config.yml")


def test_there_is_a_form_for_corrections_sources_and_site_problems() -> None:
    names = {yaml.safe_load(path.read_text(encoding="utf-8"))["name"] for path in FORM_FILES}
    assert names == {"Report a factual error or correction", "Suggest a source", "Site problem"}


def test_blank_issues_are_turned_off() -> None:
    assert yaml.safe_load((FORMS / "config.yml").read_text(encoding="utf-8")) == {"blank_issues_enabled": False}


@pytest.mark.parametrize("path", FORM_FILES, ids=lambda path: path.name)
def test_each_form_follows_githubs_form_syntax(path: Path) -> None:
    form = yaml.safe_load(path.read_text(encoding="utf-8"))
    jsonschema.validate(form, FORM_SCHEMA)
    ids = [element["id"] for element in form["body"] if "id" in element]
    assert len(ids) == len(set(ids))
    labels = [element["attributes"].get("label") for element in form["body"] if element["type"] != "markdown"]
    assert all(labels) and len(labels) == len(set(labels))
    for element in form["body"]:
        key = "value" if element["type"] == "markdown" else "label"
        assert element["attributes"].get(key), element
    assert any(element.get("validations", {}).get("required") for element in form["body"])


def test_the_correction_form_takes_the_page_and_the_evidence() -> None:
    form = yaml.safe_load((FORMS / "correction.yml").read_text(encoding="utf-8"))
    ids = [element.get("id") for element in form["body"]]
    assert ids[1:] == ["page", "statement", "problem", "evidence"]  # ?page=... prefills the first field


def test_the_pull_request_template_asks_what_the_editorial_rules_ask() -> None:
    text = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    boxes = re.findall(r"^- \[ \] (.+)$", text, re.MULTILINE)
    assert len(boxes) >= 3
    assert any("opened and read at its original publisher" in box for box in boxes)
    assert any("neutral and attributed" in box for box in boxes)
    assert any("`make test` passes" in box for box in boxes)


CFF_SCHEMA = ROOT / "tests" / "data" / "citation-file-format-1.2.0.schema.json"


def _cff_errors(text: str) -> list[str]:
    schema = json.loads(CFF_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    return sorted(error.message for error in validator.iter_errors(yaml.safe_load(text)))


def test_citation_cff_is_valid_citation_file_format() -> None:
    assert _cff_errors((ROOT / "CITATION.cff").read_text(encoding="utf-8")) == []


def test_the_citation_file_format_schema_refuses_a_broken_file() -> None:
    text = (ROOT / "CITATION.cff").read_text(encoding="utf-8").replace("cff-version: 1.2.0", "cff-version: 9")
    assert _cff_errors(text + "colour: red\n") == [
        "9 is not of type 'string'",
        "Additional properties are not allowed ('colour' was unexpected)",
    ]


def test_the_correction_link_fills_the_correction_forms_fields() -> None:
    url = correction_url("https://github.com/owner/book", title="Timeline", page_url="https://example.org/timeline/")
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)
    form = yaml.safe_load((FORMS / query.pop("template")[0]).read_text(encoding="utf-8"))
    assert query.pop("title") == [f"{form['title']}Timeline"]
    ids = {element.get("id") for element in form["body"]}
    assert set(query) <= ids
    assert query == {"page": ["Timeline — https://example.org/timeline/"]}


def test_the_profile_templates_follow_the_profile_rules() -> None:
    from briefbook import check_profile_page, load_group

    page = (ROOT / "templates" / "group-profile.md").read_text(encoding="utf-8").replace("ID", "example")
    assert check_profile_page("docs/groups/example.md", page, "example") == []
    facts = (ROOT / "templates" / "group.yaml").read_text(encoding="utf-8").replace("ID", "example")
    facts = facts.replace("YYYY-MM-DD", "2026-12-01")
    group, problems = load_group("docs/data/groups/example.yaml", facts)
    assert problems == []
    assert group is not None and group.id == "example"
