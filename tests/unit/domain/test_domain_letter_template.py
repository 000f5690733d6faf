"""Letter templates: structure, fields, positions of problems, personal data, filling, round trip."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from saiken.domain.errors import ValidationError
from saiken.domain.letter_fields import BY_KEY, BY_NAME, FIELDS, field_table
from saiken.domain.letter_kinds import (
    LetterKind,
    TemplateState,
    check_transition,
    fiscal_year_of,
    format_document_number,
    letter_kind,
    limitation_event,
)
from saiken.domain.letter_privacy import find_personal_data
from saiken.domain.letter_template import (
    Addressee,
    Align,
    TemplateError,
    check_template,
    fill_template,
    format_template,
    parse_template,
)
from saiken.domain.limitation import EventKind

TEMPLATES = Path(__file__).resolve().parents[3] / "resources" / "templates"
EXAMPLES = {f.name: f.example for f in FIELDS}

MINIMAL = """種類: 督促状
名称: 見本
表題: 督促状

[本文]
　{{債権名}}を{{納付期限}}までに納付してください。
"""


def _without_lines(body):
    def strip(paragraphs):
        return tuple(replace(p, line=0) for p in paragraphs)

    return replace(
        body,
        sender=strip(body.sender),
        body=strip(body.body),
        record=strip(body.record),
        after=strip(body.after),
    )


@pytest.mark.parametrize("path", sorted(TEMPLATES.glob("*.txt")), ids=lambda p: p.stem)
def test_every_shipped_template_passes_every_check_and_survives_a_round_trip(path):
    body = check_template(path.read_text(encoding="utf-8"))
    assert body.kind.value == path.stem
    again = parse_template(format_template(body))
    assert _without_lines(again) == _without_lines(body)


def test_the_shipped_kinds_cover_every_kind():
    kinds = {check_template(p.read_text(encoding="utf-8")).kind for p in TEMPLATES.glob("*.txt")}
    assert kinds == set(LetterKind)


def test_an_unknown_field_is_refused_with_its_name_line_column_and_a_suggestion():
    text = MINIMAL.replace("{{納付期限}}", "{{納付期日}}")
    with pytest.raises(TemplateError) as caught:
        check_template(text)
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (6, 10)
    assert "「{{納付期日}}」はありません" in problem.message
    assert "「{{納付期限}}」のことですか" in problem.message
    assert "第6行 10文字目" in str(caught.value)


def test_every_problem_is_reported_at_once_in_reading_order():
    text = MINIMAL + "\n[記]\n金額：{{金額}}\n{{分納予定表}}\n電話 03-1234-5678 までどうぞ {\n"
    with pytest.raises(TemplateError) as caught:
        check_template(text)
    lines = [(p.line, p.column) for p in caught.value.problems]
    assert lines == sorted(lines)
    messages = " / ".join(p.message for p in caught.value.problems)
    assert "「{{金額}}」はありません" in messages
    assert "合意書・分割納付誓約書でだけ使えます" in messages  # a plan field in a demand letter
    assert "個人情報と思われる記載（電話番号）" in messages
    assert "波括弧の対応が取れていません" in messages
    assert "（ほか3件）" in str(caught.value)


def test_an_error_never_repeats_the_personal_data_it_found():
    text = MINIMAL + "\n[追記]\n担当 山田太郎様 yamada@example.jp 〒160-0022\n"
    with pytest.raises(TemplateError) as caught:
        check_template(text)
    shown = str(caught.value) + " ".join(p.message for p in caught.value.problems)
    for secret in ("山田太郎", "yamada", "160-0022"):
        assert secret not in shown


def test_structure_errors_name_what_to_write():
    cases = {
        "名称: 見本\n表題: 督促状\n[本文]\nあ\n": "「種類: …」",
        "種類: はがき\n名称: 見本\n表題: 督促状\n[本文]\nあ\n": "「種類」は 督促状",
        "種類: 督促状\n名称: 見本\n表題: 督促状\n[記]\nあ\n": "[本文] がありません",
        "種類: 督促状\n名称: 見本\n表題: 督促状\n[前文]\nあ\n[本文]\nい\n": "区切りは [差出人] [本文] [記] [追記]",
        "種類: 督促状\n名称: 見本\n表題: 督促状\n[本文：国のみ]\nあ\n": "「：公法のみ」か「：私法のみ」",
        "種類: 督促状\n名称: 見本\n表題: {{区名}}\n[本文]\nあ\n": "「表題」には差し込み項目を使えません",
        MINIMAL + "\n[記]\n内訳 {{請求内訳}}\n": "1行に単独で",
        MINIMAL + "\n[差出人]\n{{請求内訳}}\n": "差出人には置けません",
        MINIMAL + "\n[本文]\n｛｛区名｝｝\n": "全角の波括弧は使えません",
        "": "ひな形が空です",
    }
    for text, expected in cases.items():
        with pytest.raises(TemplateError) as caught:
            parse_template(text)
        assert expected in " ".join(p.message for p in caught.value.problems), text


def test_personal_data_patterns_are_found_and_ordinary_letter_words_are_not():
    found = find_personal_data(
        "電話03-5344-6650、携帯090-1234-5678、〒160-0022、mail@example.jp、口座1234567、"
        "株式会社四谷美容室、佐藤大輔様、四谷商店御中、高橋殿"
    )
    assert [f.what for f in found] == [
        "電話番号",
        "電話番号",
        "郵便番号",
        "メールアドレス",
        "番号・金額（6桁以上の数字）",
        "会社名",
        "敬称付きの氏名・名称",
        "敬称付きの氏名・名称",
        "敬称付きの氏名・名称",
    ]
    harmless = (
        "皆様、ご担当者様、関係者各位、{{区長職名}}　様、貴殿、同様に、納付書様式、第231条の3第1項、"
        "令和7年10月1日、1,000円未満、株式会社等の法人、{{宛名}}様"
    )
    assert find_personal_data(harmless) == []


def test_full_width_digits_are_found_too_with_their_column():
    (finding,) = find_personal_data("あいう０３－５３４４－６６５０")
    assert (finding.line, finding.column, finding.what) == (1, 4, "電話番号")


def test_filling_picks_the_paragraphs_of_the_claims_nature():
    body = check_template((TEMPLATES / "demand.txt").read_text(encoding="utf-8"))
    public = fill_template(body, EXAMPLES, "public").text()
    private = fill_template(body, EXAMPLES, "private").text()
    assert "（教示）" in public and "審査請求" in public and "６か月以内" in public
    assert "地方自治法第231条の3第1項" in public
    assert "教示" not in private and "審査請求" not in private
    assert "催告いたします" in private and "民法第150条第1項" in private
    assert "{{" not in public + private
    assert EXAMPLES["納付期限"] in public and EXAMPLES["納付期限"] in private


def test_filled_paragraphs_know_their_alignment_items_and_blocks():
    body = check_template((TEMPLATES / "reissue.txt").read_text(encoding="utf-8"))
    letter = fill_template(body, EXAMPLES, "public")
    assert body.addressee is Addressee.WARD
    assert letter.body[-1].text == "敬具" and letter.body[-1].align is Align.RIGHT
    items = {p.label: p.text for p in letter.record if p.label}
    assert items["管理番号"] == EXAMPLES["管理番号"]
    assert "請求内訳" in letter.blocks
    agreement = fill_template(
        check_template((TEMPLATES / "agreement.txt").read_text(encoding="utf-8")), EXAMPLES, "public"
    )
    assert {"請求内訳", "分納予定表", "署名欄"} <= agreement.blocks
    assert any(p.align is Align.HANGING and p.text.startswith("第５条") for p in agreement.body)


def test_a_field_without_a_value_is_refused_by_name():
    body = parse_template(MINIMAL)
    with pytest.raises(ValidationError, match=r"「\{\{納付期限\}\}」の値がありません"):
        fill_template(body, {"債権名": "返還金"}, "public")


def test_the_field_list_is_documented_and_consistent():
    assert len(BY_NAME) == len(BY_KEY) == len(FIELDS)
    rows = field_table()
    assert ("債権・金額", "{{合計}}") == rows[[r[1] for r in rows].index("{{合計}}")][:2]
    for field in FIELDS:
        assert field.description and field.example


def test_kinds_states_document_numbers_and_limitation_events():
    assert letter_kind("督促状") is letter_kind("demand") is LetterKind.DEMAND
    with pytest.raises(ValidationError, match="督促状（demand）"):
        letter_kind("はがき")
    assert limitation_event(LetterKind.DEMAND) is EventKind.STATUTORY_DEMAND
    assert limitation_event(LetterKind.NOTICE) is EventKind.DEMAND
    assert limitation_event(LetterKind.AGREEMENT) is None and limitation_event(LetterKind.REISSUE) is None
    assert check_transition("draft", "approved") is TemplateState.APPROVED
    assert check_transition("approved", "retired") is TemplateState.RETIRED
    for current, target, message in (
        ("approved", "approved", "既に承認"),
        ("retired", "approved", "廃止"),
        ("approved", "draft", "承認済みの版を下書きにはできません"),
    ):
        with pytest.raises(ValidationError, match=message):
            check_transition(current, target)
    assert fiscal_year_of(dt.date(2026, 3, 31)) == 2025 and fiscal_year_of(dt.date(2026, 4, 1)) == 2026
    assert format_document_number(2025, "架産債", 12) == "7架産債第12号"
    assert format_document_number(2019, "債", 1) == "1債第1号"  # 令和元年度


def test_the_field_table_in_docs_letters_md_is_the_field_list():
    docs = (Path(__file__).resolve().parents[3] / "docs" / "letters.md").read_text(encoding="utf-8")
    for group, name, description, example in field_table():
        assert f"| {group} | `{name}` | {description} | {example} |" in docs, name
