"""Password rules: length after NFKC, a blocklist, not the user name, no composition rules."""

from __future__ import annotations

from saiken.security.password_policy import blocklist, problems


def test_a_long_plain_phrase_is_fine_without_digits_or_symbols():
    assert problems("いつもの坂道をのぼる朝") == []
    assert problems("correct horse battery staple") == []


def test_length_counts_after_nfkc():
    assert problems("ａｂｃｄｅｆｇｈｉ") != []  # 9 full-width letters are 9 characters
    assert any("10 文字以上" in p for p in problems("short"))
    assert problems("ｍｏｕｎｔａｉｎ　ｒｉｖｅｒ") == []


def test_common_passwords_are_refused_in_any_width_or_case():
    assert "1qaz2wsx3edc" in blocklist() and "qwertyuiop@" in blocklist()
    for password in ("1234567890", "Password123", "ＱＷＥＲＴＹＵＩＯＰ", "qwertyuiop@", "sakura1234"):
        assert any("よく使われる" in p for p in problems(password)), password


def test_user_name_is_refused():
    assert any("利用者名" in p for p in problems("yamada-taro", user_name="yamada-taro"))
    assert any("利用者名" in p for p in problems("ＹＡＭＡＤＡ-TARO", user_name="yamada-taro"))
    assert problems("yamada-taro", user_name="suzuki-ichiro") == []


def test_blank_edges_and_all_blank_are_refused():
    assert problems("          ") != []
    assert problems(" leading space phrase") != []


# Issue 6 item 8: the blocklist catches obvious variants of common passwords (each of these passed before).
VARIANTS_OF_COMMON = (
    "12345678901",  # a common run with one more digit
    "passwordpassword",  # a common word twice
    "P@ssw0rd123",  # leetspeak with digits appended
    "Password2025!",
    "p4ssw0rd!!",
    "drowssap123",  # backwards
    "S4kur4sakura",
    "iloveyou!!!",
    "Welcome@2025",
    "hello kitty 123",
    "パスワード12345",  # katakana, read as ぱすわーど
    "dragon-monkey",  # two common words
)
PATTERNS = (
    "qazwsxedc123",  # keyboard columns (US and JIS)
    "1qaz2wsx3edc4rfv",
    "!qaz@wsx#edc",  # the same walk with shift held
    "asdfghjkl123",
    "mnbvcxz123",  # a row backwards
    "abcdefghijk",
    "9876543210",
    "あいうえおかきくけこ",  # the kana order
    "aaaaaaaaaaaa",
    "ab12ab12ab12",  # a short piece repeated
    "2025091620250916",
)


def test_variants_of_common_passwords_are_refused():
    for password in VARIANTS_OF_COMMON:
        found = problems(password, user_name="suzuki")
        assert found and any("よく使われる" in p for p in found), password


def test_keyboard_walks_runs_and_repeats_are_refused():
    for password in PATTERNS:
        found = problems(password, user_name="suzuki")
        assert found, password
        assert any("よく使われる" in p or "キーボードの並び" in p for p in found), (password, found)


def test_the_users_own_name_with_decorations_is_refused():
    for password in ("yamada-taro1", "taro.yamada99", "taroyamada", "Yamada2025!!", "y4m4d4-t4r0"):
        found = problems(password, user_name="yamada-taro")
        assert any("利用者名" in p for p in found), password
    assert any("名前" in p for p in problems("山田太郎2025!!", user_name="yt01", other_names=["山田 太郎"]))
    assert any("利用者名" in p for p in problems("kanri2025kanri", user_name="kanri"))


def test_good_passphrases_are_not_refused():
    for password in (
        "いつもの坂道をのぼる朝",
        "correct horse battery staple",
        "sakuraの咲く坂道を歩く",  # a common word inside a real phrase is fine
        "blue kettle on the stove",
        "my cat eats leeks daily",
        "seven purple elephants dance",
        "study hard every evening",
        "Tr0ub4dor&3 horse",
        "Kx9#mQ2vLp7!",
        "839201746352",  # random digits are not a pattern
        "demo-fictional-2025",
        "月曜の朝はコーヒー二杯",
        "山田さんの長い合言葉です",
    ):
        assert problems(password, user_name="yamada-taro", other_names=["山田 太郎"]) == [], password
