"""`saiken template list|show|approve|save`: letter templates and their versions (DESIGN §9, issue 8).

    saiken template list --vault DIR [--kind KIND] [--json]
    saiken template show --vault DIR (VERSION_ID | --kind KIND) [--json]
    saiken template approve --vault DIR (VERSION_ID | --kind KIND)       # a supervisor
    saiken template save --vault DIR FILE [--template ID] [--note TEXT]  # a new template or a new draft version

KIND is demand, notice, agreement, pledge or reissue (or 督促状 …). `--kind` picks the newest version of the
only template of that kind. `list --json` prints a list of {id, kind, name, versions: [{id, version, state,
source, approved_by, approved_at}]}; `show --json` {template_id, version_id, version, state, text}.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from saiken.cli.common import Commands, print_json, sign_in
from saiken.domain.errors import NotFoundError, ValidationError
from saiken.domain.letter_kinds import letter_kind
from saiken.services.context import VaultSession
from saiken.services.letters import (
    TemplateRow,
    approve_version,
    get_template_text,
    list_templates,
    save_template,
)

KINDS = "demand|notice|agreement|pledge|reissue"
MAX_FILE = 100_000


def register(commands: Commands) -> None:
    group = commands.group(
        "template",
        help="文書のひな形（一覧・表示・承認・保存）",
        example=["saiken template list --vault DIR", "saiken template approve --vault DIR --kind demand"],
    )
    listing = group.add(
        "list",
        help="ひな形と版の一覧",
        run=run_list,
        example="saiken template list --vault DIR --json",
        json=True,
    )
    listing.add_argument("--kind", help=f"文書の種類（{KINDS}）")
    for name, helptext, func in (
        ("show", "ひな形の本文を表示する", run_show),
        ("approve", "ひな形の版を承認する（取扱責任者）", run_approve),
    ):
        command = group.add(
            name,
            help=helptext,
            run=func,
            example=f"saiken template {name} --vault DIR --kind demand",
            json=True,
        )
        command.add_argument(
            "version_id", nargs="?", type=int, metavar="VERSION_ID", help="版の番号（list で表示）"
        )
        command.add_argument("--kind", help=f"その種類の最新の版（{KINDS}）")
    save = group.add(
        "save",
        help="ファイルの本文を新しいひな形（または新しい版）として保存する",
        run=run_save,
        example="saiken template save --vault DIR 督促状.txt --template 1",
        json=True,
    )
    save.add_argument("file", type=Path, metavar="FILE", help="ひな形の本文（UTF-8 のテキスト）")
    save.add_argument("--template", type=int, default=None, metavar="ID", help="新しい版を加えるひな形の番号")
    save.add_argument("--note", default="", help="版のメモ")


def _item(template: TemplateRow) -> dict[str, object]:
    return {
        "id": template.id,
        "kind": template.kind,
        "name": template.name,
        "versions": [
            {
                "id": v.id,
                "version": v.version,
                "state": v.state,
                "source": v.source,
                "approved_by": v.approved_by,
                "approved_at": v.approved_at,
            }
            for v in template.versions
        ],
    }


def run_list(args: argparse.Namespace) -> int:
    kind = letter_kind(args.kind).value if args.kind else None
    with _session(args) as session:
        templates = list_templates(session, kind=kind)
    if args.json:
        print_json([_item(t) for t in templates])
        return 0
    for template in templates:
        print(f"[{template.id}] {template.kind_label}（{template.kind}）「{template.name}」")
        for v in template.versions:
            approved = f"　承認 {v.approved_by}" if v.approved_by else ""
            print(f"    版番号 {v.id}　第{v.version}版　{v.state_label}{approved}")
    return 0


class _session:
    """Sign in for one command and close the vault afterwards."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.session: VaultSession | None = None

    def __enter__(self) -> VaultSession:
        self.session = sign_in(self.args)
        return self.session

    def __exit__(self, *exc: object) -> None:
        if self.session is not None:
            self.session.close()


def _version_id(session: VaultSession, args: argparse.Namespace) -> int:
    if (args.version_id is None) == (args.kind is None):
        raise ValidationError(
            "版の番号か --kind のどちらか一方を指定してください（saiken template list で確認できます）。"
        )
    if args.version_id is not None:
        return int(args.version_id)
    kind = letter_kind(args.kind)
    templates = list_templates(session, kind=kind.value)
    if not templates:
        raise NotFoundError(f"{kind.label}のひな形がありません。")
    if len(templates) > 1:
        raise ValidationError(
            f"{kind.label}のひな形が{len(templates)}つあります。版の番号で指定してください（saiken template list）。"
        )
    return templates[0].latest.id


def run_show(args: argparse.Namespace) -> int:
    with _session(args) as session:
        shown = get_template_text(session, _version_id(session, args))
    if args.json:
        print_json(
            {
                "template_id": shown.template.id,
                "version_id": shown.version.id,
                "version": shown.version.version,
                "state": shown.version.state,
                "text": shown.text,
            }
        )
    else:
        print(shown.text, end="" if shown.text.endswith("\n") else "\n")
    return 0


def run_approve(args: argparse.Namespace) -> int:
    with _session(args) as session:
        change = approve_version(session, _version_id(session, args))
    if args.json:
        print_json(
            {
                "template_id": change.template_id,
                "version_id": change.version_id,
                "retired": list(change.retired_version_ids),
            }
        )
    else:
        retired = (
            f"（それまでの承認済みの版 {len(change.retired_version_ids)}件を廃止）"
            if change.retired_version_ids
            else ""
        )
        print(f"版番号 {change.version_id}（第{change.version}版）を承認しました。{retired}")
    return 0


def run_save(args: argparse.Namespace) -> int:
    path: Path = args.file
    try:
        data = path.read_bytes()
    except OSError:
        raise ValidationError(
            f"ファイル「{path.name}」を読めません。ファイル名と場所を確かめてください。"
        ) from None
    if len(data) > MAX_FILE:
        raise ValidationError(f"ファイル「{path.name}」が大きすぎます（ひな形は{MAX_FILE // 1000}KBまで）。")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            f"ファイル「{path.name}」は UTF-8 のテキストではありません。UTF-8 で保存してください。"
        ) from None
    with _session(args) as session:
        change = save_template(session, text, template_id=args.template, note=args.note)
    if args.json:
        print_json(
            {"template_id": change.template_id, "version_id": change.version_id, "version": change.version}
        )
    else:
        print(
            f"下書きとして保存しました（ひな形 {change.template_id}、版番号 {change.version_id}、第{change.version}版）。"
        )
    return 0
