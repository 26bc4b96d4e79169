from tests.conftest import codes, lint_text


def test_repeated_word_found():
    assert codes(lint_text("The minister said the the plan was ready.\n", select=["T506"])) == ["T506"]
