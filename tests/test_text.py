from adapt.data.split import split_documents
from adapt.data.text import chunk_text, detect_language, normalize, split_sentences, unwrap_lines


def test_normalize_nfkc_and_whitespace():
    text = "ＡＢＣ１２３\u3000ｶﾀｶﾅ   x\r\n\r\n\r\n\r\ny\x07"
    assert normalize(text) == "ABC123 カタカナ x\n\ny"


def test_english_sentences_respect_abbreviations_and_decimals():
    text = "Dr. Smith paid 3.5 dollars. He left at noon! Did he return? Yes, e.g. on Monday."
    assert split_sentences(text) == [
        "Dr. Smith paid 3.5 dollars.",
        "He left at noon!",
        "Did he return?",
        "Yes, e.g. on Monday.",
    ]


def test_japanese_sentences_split_on_full_width_terminators():
    text = "今日は晴れです。明日は雨ですか？いいえ！「わかった。」と彼は言った。"
    assert split_sentences(text) == ["今日は晴れです。", "明日は雨ですか？", "いいえ！", "「わかった。」と彼は言った。"]


def test_mixed_paragraphs_split():
    text = "First line. Second line.\n\n第二段落です。終わり。"
    assert split_sentences(text) == ["First line.", "Second line.", "第二段落です。", "終わり。"]


def test_unwrap_joins_hard_wrapped_lines():
    text = "This sentence was wrapped\nby a PDF layout and con-\ntinues here.\n# Heading\n- item one\n- item two\n日本語の文が\n途中で折り返されています。"
    assert unwrap_lines(text).split("\n") == [
        "This sentence was wrapped by a PDF layout and continues here.",
        "# Heading",
        "- item one",
        "- item two",
        "日本語の文が途中で折り返されています。",
    ]


def test_chunks_are_bounded_and_keep_all_text():
    text = " ".join(f"Sentence number {i} is here." for i in range(200))
    chunks = chunk_text(text, 300)
    assert all(len(c) <= 300 for c in chunks)
    assert "".join(chunks).replace(" ", "") == text.replace(" ", "")
    assert all(c.endswith(".") for c in chunks)


def test_giant_line_without_terminators_is_cut():
    chunks = chunk_text("x" * 1050, 200)
    assert [len(c) for c in chunks] == [200] * 5 + [50]


def test_language_detection():
    assert detect_language("The cat sat on the mat and it was happy.") == "en"
    assert detect_language("これは日本語の文章です。漢字とかなが混ざっています。") == "ja"
    assert detect_language("这是一个中文句子，没有假名。") == "zh"


def test_split_is_deterministic_and_order_independent():
    ids = [f"d{i}" for i in range(50)]
    train, heldout = split_documents(ids, 0.2, seed=3)
    train2, heldout2 = split_documents(list(reversed(ids)), 0.2, seed=3)
    assert (train, heldout) == (train2, heldout2)
    assert len(heldout) == 10 and not set(train) & set(heldout) and len(train) + len(heldout) == 50
    assert split_documents(ids, 0.2, seed=4)[1] != heldout
    assert split_documents(["a", "b"], 0.01, seed=0)[1] and split_documents(["a"], 0.5, seed=0) == (["a"], [])


def test_documents_asked_about_are_never_held_out():
    ids = [f"d{i}" for i in range(20)]
    _, free = split_documents(ids, 0.25, seed=3)
    pinned = set(free[:3])
    train, heldout = split_documents(ids, 0.25, seed=3, keep_in_train=pinned)
    assert pinned <= set(train) and not pinned & set(heldout)
    assert len(heldout) == 5 and len(train) + len(heldout) == 20
    # when every document is asked about, none is held out, rather than breaking the promise
    assert split_documents(ids, 0.25, seed=3, keep_in_train=set(ids)) == (sorted(ids), [])


def test_number_wrapped_inside_japanese_line_is_rejoined():
    assert unwrap_lines("白糸橋は16\n84年に架けられました。") == "白糸橋は1684年に架けられました。"
    assert unwrap_lines("それは1\n50人です") == "それは150人です"
    # English never breaks inside a number: two numbers on two lines stay apart
    assert unwrap_lines("The rooms are 16\n84 more are planned") == "The rooms are 16 84 more are planned"
