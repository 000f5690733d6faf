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
