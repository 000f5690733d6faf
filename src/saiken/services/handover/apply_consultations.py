"""Applying the consultation area of a contractor's `report` package on the ward's side (issue 10 item 6).

The rows are the contractor's: each is matched by the contractor's key (`c17`, a consultation by its
record key and version) to the local row it became, remembered per ward–contractor pair (the key maps of
the oldest engagement with that counterpart, so two engagements with the same contractor never make two
copies of one business). A row seen again with the same values is unchanged; with other values it is
updated; a newer version of a consultation supersedes the older ones. A key that is not the sender's, a
local row the ward owns, a reference to a row that never arrived, or a name that one of the ward's own
consultants or advisors already has is refused, naming the file, and nothing is imported (the import's
one transaction is rolled back). `finish` keeps the search indexes and the consultations' copy of their
business's industry right.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, delete, func, select, text
from sqlalchemy.orm import Session

from saiken.domain.errors import ValidationError
from saiken.exchange.package.contents import ENTITY_LABELS, Row
from saiken.services.consultations.common import categories_mask, jst_day
from saiken.services.consultations.search_index import index_consultations, write_business_keys
from saiken.services.handover import sync
from saiken.store.models import (
    Advisor,
    Booking,
    Business,
    Consultant,
    Consultation,
    Dispatch,
    DispatchNight,
    Engagement,
    Seminar,
    SeminarApplication,
)
from saiken.store.models.businesses import CONSULTATION_FTS, CONSULTATION_GRAMS

if TYPE_CHECKING:
    from saiken.services.handover.apply_rows import Applier

Result = tuple[int, int, int]
MODELS: dict[str, Any] = {
    "businesses": Business,
    "consultants": Consultant,
    "advisors": Advisor,
    "seminars": Seminar,
    "dispatches": Dispatch,
    "bookings": Booking,
    "applications": SeminarApplication,
}
OWNERS = {"c": "contractor", "w": "ward"}
# fields of a line copied as they are into the row's column of the same name
COPIED = {
    "businesses": (
        "kind",
        "name",
        "name_kana",
        "industry",
        "employees",
        "postal_code",
        "address",
        "phone",
        "email",
        "representative",
        "representative_kana",
        "representative_born",
        "notes",
        "created_by",
        "created_at",
        "updated_at",
    ),
    "consultants": ("name", "name_kana", "user_name", "active", "created_at"),
    "advisors": ("name", "name_kana", "specialty", "qualification", "base", "active", "created_at"),
    "seminars": (
        "title",
        "held_on",
        "starts_at",
        "ends_at",
        "venue",
        "capacity",
        "status",
        "notes",
        "created_by",
        "created_at",
    ),
    "dispatches": (
        "day",
        "start_time",
        "end_time",
        "break_minutes",
        "car_m",
        "transport_yen",
        "route_m",
        "status",
        "summary",
        "created_by",
        "created_at",
        "updated_at",
    ),
    "bookings": (
        "starts_at",
        "ends_at",
        "form",
        "purpose",
        "status",
        "cancelled_at",
        "cancel_reason",
        "created_by",
        "created_at",
    ),
    "applications": (
        "attendee",
        "attendee_kana",
        "status",
        "queue_no",
        "applied_at",
        "confirmed_at",
        "cancelled_at",
        "attended",
        "created_by",
    ),
}
# references: line field → (entity it names, column)
REFERENCES = {
    "dispatches": (("advisor", "advisors", "advisor_id"), ("business", "businesses", "business_id")),
    "bookings": (("consultant", "consultants", "consultant_id"), ("business", "businesses", "business_id")),
    "applications": (("seminar", "seminars", "seminar_id"), ("business", "businesses", "business_id")),
}
UNIQUE_NAMES = {"consultants", "advisors"}
CONSULTATION_FIELDS = (
    "superseded",
    "business_id",
    "at",
    "day",
    "consultant_id",
    "form",
    "categories",
    "contents",
    "loan_bank",
    "loan_amount",
    "loan_status",
    "follow_up_on",
    "dispatch_id",
    "created_by",
    "created_at",
)


def _refused(reason: str) -> ValidationError:
    return ValidationError(
        f"{reason}何も取り込んでいません。",
        hint="送り手に確認し、作り直したパッケージを受け取ってください。",
    )


def home_engagement(session: Session, engagement_id: int) -> int:
    """The engagement whose key maps hold the consultation area's keys of this engagement's counterpart."""
    counterpart = session.scalar(select(Engagement.counterpart_id).where(Engagement.id == engagement_id))
    if counterpart is None:
        return engagement_id
    first = session.scalar(select(func.min(Engagement.id)).where(Engagement.counterpart_id == counterpart))
    return int(first or engagement_id)


class ConsultationApplier:
    """The consultation entities of one import (made by `Applier`, using its batched statements)."""

    def __init__(self, applier: Applier) -> None:
        self.applier = applier
        self.session = applier.session
        self.sender = "c" if applier.own_side == "w" else "w"
        self.owner = OWNERS[self.sender]
        self._home: int | None = None
        self._maps: dict[str, sync.KeyMap] = {}
        self._key_re = re.compile(rf"^{self.sender}[1-9][0-9]{{0,17}}$")
        self.businesses: set[int] = set()
        self.consultations: set[int] = set()
        self.record_keys: set[str] = set()

    def keys(self, entity: str) -> sync.KeyMap:
        if self._home is None:
            self._home = home_engagement(self.session, self.applier.engagement_id)
        if entity not in self._maps:
            self._maps[entity] = sync.KeyMap(self.session, self._home, entity, self.applier.own_side)
        return self._maps[entity]

    def apply(self, entity: str, rows: list[tuple[Row, str]]) -> Result:
        if entity == "consultations":
            return self._consultations(rows)
        return self._rows(entity, rows)

    # -- checks -------------------------------------------------------------------------------------------

    def _check_key(self, key: str, where: str) -> None:
        if not self._key_re.match(key):
            raise _refused(f"パッケージの{where}の「{key}」は送り手の記録の番号ではありません。")

    def _ref(self, entity: str, key: str | None, where: str) -> int | None:
        if key is None:
            return None
        self._check_key(key, where)
        local = self.keys(entity).local(key)
        if local is None:
            raise _refused(
                f"パッケージの{where}は、届いていない{ENTITY_LABELS[entity]}（{key}）の記録を指しています。"
            )
        return local

    def _check_once(self, keys: list[str], where: str) -> None:
        if len(set(keys)) != len(keys):
            twice = next(key for key in keys if keys.count(key) > 1)
            raise _refused(f"パッケージの{where}に同じ記録（{twice}）が2度あります。")

    def _check_owned(self, model: Any, ids: list[int], where: str) -> None:
        if not ids:
            return
        foreign = self.session.scalar(
            select(func.count()).select_from(model).where(model.id.in_(ids), model.owner != self.owner)
        )
        if foreign:
            raise _refused(f"パッケージの{where}は、この金庫が持つ記録を書き換えようとしています。")

    def _check_names(
        self, model: Any, entity: str, items: list[tuple[str, dict[str, Any]]], where: str
    ) -> None:
        """A consultant's or advisor's name is unique: one the ward already uses for another row is refused."""
        names = {values["name"]: key for key, values in items}
        if len(names) != len(items):
            raise _refused(f"パッケージの{where}に同じ名前の{ENTITY_LABELS[entity]}が2度あります。")
        keys = self.keys(entity)
        for row_id, name in self.session.execute(
            select(model.id, model.name).where(model.name.in_(list(names)))
        ).all():
            if keys.local(names[name]) != row_id:
                raise _refused(
                    f"パッケージの{where}の{ENTITY_LABELS[entity]}（{names[name]}）と同じ氏名の{ENTITY_LABELS[entity]}が、"
                    "既にこの金庫に登録されています。"
                )

    # -- businesses, consultants, advisors, seminars, dispatches, bookings, applications ----------------

    def _values(self, entity: str, row: Row, where: str) -> dict[str, Any]:
        values = {name: row[name] for name in COPIED[entity]}
        for field, target, column in REFERENCES.get(entity, ()):
            values[column] = self._ref(target, row[field], where)
        if entity == "bookings":
            values["day"] = jst_day(row["starts_at"])
            values["consultation_id"] = self._version_id(row["consultation"], where)
        return values

    def _version_id(self, reference: str | None, where: str) -> int | None:
        if reference is None:
            return None
        record_key, _, version = reference.rpartition(".")
        found = (
            self.session.scalar(
                select(Consultation.id).where(
                    Consultation.record_key == record_key,
                    Consultation.version == int(version),
                    Consultation.owner == self.owner,
                )
            )
            if version.isdigit()
            else None
        )
        if found is None:
            raise _refused(f"パッケージの{where}は、届いていない相談記録（{reference}）を指しています。")
        return int(found)

    def _rows(self, entity: str, rows: list[tuple[Row, str]]) -> Result:
        model = MODELS[entity]
        keys = self.keys(entity)
        where = rows[0][1]
        items: list[tuple[str, dict[str, Any]]] = []
        for row, at in rows:
            self._check_key(row["key"], at)
            items.append((row["key"], self._values(entity, row, at)))
        self._check_once([key for key, _ in items], where)
        locals_ = {key: keys.local(key) for key, _ in items}
        known = [i for i in locals_.values() if i is not None]
        self._check_owned(model, known, where)
        if entity in UNIQUE_NAMES:
            self._check_names(model, entity, items, where)
        fields = list(items[0][1])
        current = self.applier._current(model, known, fields)
        fresh = [(key, values) for key, values in items if locals_[key] not in current]
        ids = self.applier._new_ids(model, len(fresh))
        self.applier._insert(
            model,
            [{"id": i, "owner": self.owner, **values} for i, (_, values) in zip(ids, fresh, strict=True)],
        )
        for i, (key, _) in zip(ids, fresh, strict=True):
            keys.remember(key, i)
        changed = [
            {"_id": locals_[key], **values}
            for key, values in items
            if locals_[key] in current and current[locals_[key] or 0] != values
        ]
        self.applier._update(model, changed)
        night_changes = self._nights(rows, keys, set(ids)) if entity == "dispatches" else set()
        touched = [*ids, *(c["_id"] for c in changed)]
        if entity == "businesses":
            self.businesses.update(touched)
        changed_ids = {c["_id"] for c in changed} | night_changes
        return len(fresh), len(changed_ids), len(items) - len(fresh) - len(changed_ids)

    def _nights(self, rows: list[tuple[Row, str]], keys: sync.KeyMap, fresh: set[int]) -> set[int]:
        """Each dispatch's nights as the line gives them; the ids of the known dispatches whose nights changed."""
        wanted = {keys.local(row["key"]) or 0: [tuple(n) for n in row["nights"]] for row, _ in rows}
        stored: dict[int, list[tuple[Any, ...]]] = {i: [] for i in wanted}
        for dispatch_id, night_on, amount in self.session.execute(
            select(DispatchNight.dispatch_id, DispatchNight.night_on, DispatchNight.amount)
            .where(DispatchNight.dispatch_id.in_(list(wanted)))
            .order_by(DispatchNight.dispatch_id, DispatchNight.night_on, DispatchNight.id)
        ):
            stored[dispatch_id].append((night_on, amount))
        rewrite = [i for i, nights in wanted.items() if sorted(nights) != stored[i]]
        if rewrite:
            self.session.execute(delete(DispatchNight).where(DispatchNight.dispatch_id.in_(rewrite)))
            self.applier._insert(
                DispatchNight,
                [
                    {"dispatch_id": i, "night_on": day, "amount": amount}
                    for i in rewrite
                    for day, amount in sorted(wanted[i])
                ],
            )
        return {i for i in rewrite if i not in fresh}

    # -- consultations: every version, keyed by record key and version ----------------------------------

    def _consultations(self, rows: list[tuple[Row, str]]) -> Result:
        where = rows[0][1]
        items: list[tuple[tuple[str, int], dict[str, Any]]] = []
        for row, at in rows:
            if not re.fullmatch(r"[0-9a-f]{32}", row["key"]):
                raise _refused(f"パッケージの{at}の相談記録の番号「{row['key']}」が不正です。")
            values = {
                "superseded": row["superseded"],
                "business_id": self._ref("businesses", row["business"], at),
                "at": row["at"],
                "day": jst_day(row["at"]),
                "consultant_id": self._ref("consultants", row["consultant"], at),
                "form": row["form"],
                "categories": categories_mask(row["categories"]),
                "contents": row["contents"],
                "loan_bank": row["loan_bank"],
                "loan_amount": row["loan_amount"],
                "loan_status": row["loan_status"],
                "follow_up_on": row["follow_up_on"],
                "dispatch_id": self._ref("dispatches", row["dispatch"], at),
                "created_by": row["created_by"],
                "created_at": row["created_at"],
            }
            items.append(((row["key"], row["version"]), values))
        self._check_once([f"{key}.{version}" for (key, version), _ in items], where)
        record_keys = sorted({key for (key, _), _ in items})
        stored: dict[tuple[str, int], tuple[int, str, dict[str, Any]]] = {}
        for start in range(0, len(record_keys), 500):
            found = self.session.execute(
                select(
                    Consultation.id,
                    Consultation.record_key,
                    Consultation.version,
                    Consultation.owner,
                    *(getattr(Consultation, name) for name in CONSULTATION_FIELDS),
                ).where(Consultation.record_key.in_(record_keys[start : start + 500]))
            ).all()
            for r in found:
                stored[(r[1], r[2])] = (r[0], r[3], dict(zip(CONSULTATION_FIELDS, r[4:], strict=True)))
        if any(owner != self.owner for _, owner, _ in stored.values()):
            raise _refused(f"パッケージの{where}は、この金庫が持つ相談記録を書き換えようとしています。")
        fresh = [(key, values) for key, values in items if key not in stored]
        ids = self.applier._new_ids(Consultation, len(fresh))
        self.applier._insert(
            Consultation,
            [
                {
                    "id": i,
                    "record_key": key,
                    "version": version,
                    "owner": self.owner,
                    "industry": "その他",
                    **v,
                }
                for i, ((key, version), v) in zip(ids, fresh, strict=True)
            ],
        )
        changed = [
            {"_id": stored[key][0], **values}
            for key, values in items
            if key in stored and stored[key][2] != values
        ]
        self.applier._update(Consultation, changed)
        self.consultations.update(ids, (c["_id"] for c in changed))
        self.record_keys.update(record_keys)
        return len(fresh), len(changed), len(items) - len(fresh) - len(changed)

    # -- after every record ---------------------------------------------------------------------------

    def finish(self) -> None:
        """Save the key maps; only the newest version of a record is current; each touched consultation
        carries its business's industry; the search indexes follow."""
        for keys in self._maps.values():
            keys.save()
        if not (self.businesses or self.consultations):
            return
        session = self.session
        session.flush()
        record_keys = sorted(self.record_keys)
        for start in range(0, len(record_keys), 500):
            older = session.execute(
                text(
                    "UPDATE consultations SET superseded = 1 WHERE record_key IN :keys AND superseded = 0 "
                    "AND version < (SELECT max(n.version) FROM consultations n "
                    "WHERE n.record_key = consultations.record_key) RETURNING id"
                ).bindparams(bindparam("keys", expanding=True)),
                {"keys": record_keys[start : start + 500]},
            ).all()
            self.consultations.update(int(row[0]) for row in older)
        if self.businesses:
            business_ids = ",".join(str(int(i)) for i in sorted(self.businesses))
            session.execute(
                text(
                    "UPDATE consultations SET industry = (SELECT b.industry FROM businesses b "
                    f"WHERE b.id = consultations.business_id) WHERE business_id IN ({business_ids})"
                )
            )
        consultation_ids = sorted(self.consultations)
        for start in range(0, len(consultation_ids), 500):
            chunk = ",".join(str(int(i)) for i in consultation_ids[start : start + 500])
            session.execute(
                text(
                    "UPDATE consultations SET industry = (SELECT b.industry FROM businesses b "
                    f"WHERE b.id = consultations.business_id) WHERE id IN ({chunk})"
                )
            )
            for table in (CONSULTATION_FTS, CONSULTATION_GRAMS):
                session.execute(text(f"DELETE FROM {table} WHERE rowid IN ({chunk})"))
            current = session.execute(
                text(f"SELECT id, contents FROM consultations WHERE id IN ({chunk}) AND superseded = 0")
            ).tuples()
            index_consultations(session, [(int(i), str(c)) for i, c in current])
        ids = sorted(self.businesses)
        for start in range(0, len(ids), 500):
            chunk_rows = session.scalars(
                select(Business).where(Business.id.in_(ids[start : start + 500]))
            ).all()
            write_business_keys(session, list(chunk_rows))
