"""The sixteen synthetic-data categories, what each produces, and the generator prompts (en, ja).

After the continued-pretraining knowledge-acquisition recipe: one generation per category and
document, each asking for one view of the same knowledge (restated, summarised, questioned, ...).
"""

from __future__ import annotations

from dataclasses import dataclass
from adapt.data.text import prompt_language


@dataclass(frozen=True)
class Category:
    name: str
    kind: str  # "text" | "qa" | "conversation"
    en: str  # the task, in English
    ja: str  # the task, in Japanese


_QA_FORMAT_EN = (
    "Write {n} question-and-answer pairs. Answer only from the document. Output one JSON object per line, "
    'exactly like {{"question": "...", "answer": "..."}}, and nothing else.'
)
_QA_FORMAT_JA = (
    "質問と回答の組を{n}個作成してください。回答は文書の内容だけに基づいてください。"
    '1行に1つ、{{"question": "...", "answer": "..."}} の形式の JSON だけを出力してください。'
)

CATEGORIES: dict[str, Category] = {c.name: c for c in [
    Category("paraphrase", "text", "Rewrite the document in different words, keeping every fact.",
             "文書のすべての事実を保ったまま、別の言葉で言い換えてください。"),
    Category("summary", "text", "Summarise the document in a short paragraph that keeps its key facts.",
             "文書の重要な事実を残して、短い段落に要約してください。"),
    Category("generalized", "text", "Rewrite the document for a general reader, replacing technical terms with "
             "plain words.", "専門用語を一般的な言葉に置き換えて、一般の読者向けに書き直してください。"),
    Category("elaboration", "text", "Explain the document in more detail, adding explanations of why and how.",
             "なぜ・どのようにを補いながら、文書をより詳しく説明してください。"),
    Category("kg_extraction", "text", "List the knowledge in the document as triples, one per line: "
             "subject | relation | object.", "文書の知識を「主語 | 関係 | 目的語」の三つ組で1行に1つずつ列挙してください。"),
    Category("translation_en", "text", "Translate the document into English.", "文書を英語に翻訳してください。"),
    Category("translation_zh", "text", "Translate the document into Chinese.", "文書を中国語に翻訳してください。"),
    Category("qa_difficult", "qa", "Ask difficult questions that need expert understanding of the document.",
             "文書を専門的に理解していないと答えられない難しい質問を作ってください。"),
    Category("qa_easy", "qa", "Ask easy questions that need no expert knowledge.",
             "専門知識がなくても答えられる簡単な質問を作ってください。"),
    Category("qa_numbers_formula", "qa", "Ask questions about the numbers, dates, quantities or formulas in the "
             "document.", "文書中の数字・日付・数量・数式に関する質問を作ってください。"),
    Category("qa_methods", "qa", "Ask questions about the methods, procedures or ways things are done in the "
             "document.", "文書中の手法・手順・やり方に関する質問を作ってください。"),
    Category("qa_people_names", "qa", "Ask questions about the people, places and other names in the document.",
             "文書中の人名・地名などの固有名詞に関する質問を作ってください。"),
    Category("positive_negative", "text", "Summarise the positive and the negative points the document makes.",
             "文書が述べている良い点と悪い点をまとめてください。"),
    Category("keywords", "text", "List the important keywords of the document, each with a one-sentence "
             "explanation from the document.", "文書の重要なキーワードを挙げ、それぞれを文書に基づいて1文で説明してください。"),
    Category("reference", "text", "Describe how the document relates to other work, people or places it "
             "mentions.", "文書が言及している他の研究・人物・場所との関係を説明してください。"),
    Category("discussion", "conversation", "Write a discussion of up to 5 turns between a curious student and an "
             "expert that deepens understanding of the document. Start each turn with 'Student:' or 'Expert:'.",
             "文書の理解を深めるための、学生と専門家の最大5往復の議論を書いてください。各発言は「学生:」か「専門家:」で始めてください。"),
]}

# How each synthetic item is introduced when it is written into the CPT corpus.
HEADINGS = {
    "en": {"paraphrase": "Paraphrase", "summary": "Summary", "generalized": "In plain words",
           "elaboration": "Explained in detail", "kg_extraction": "Facts as triples",
           "translation_en": "English translation", "translation_zh": "Chinese translation",
           "positive_negative": "Positive and negative points", "keywords": "Keywords",
           "reference": "Related work", "discussion": "Discussion", "qa": "Questions and answers"},
    "ja": {"paraphrase": "言い換え", "summary": "要約", "generalized": "やさしい言葉で", "elaboration": "詳しい説明",
           "kg_extraction": "知識の三つ組", "translation_en": "英語訳", "translation_zh": "中国語訳",
           "positive_negative": "良い点と悪い点", "keywords": "キーワード", "reference": "関連",
           "discussion": "議論", "qa": "質問と回答"},
}


def build_prompt(category: str, title: str, text: str, lang: str, n: int = 1,
                 example: list[dict] | None = None) -> list[dict]:
    """Chat messages asking the generator for one category on one document.

    `example` (a general conversation) is shown for the one-shot instruction-data variant.
    """
    cat = CATEGORIES[category]
    lang = prompt_language(lang)
    task = cat.ja if lang == "ja" else cat.en
    if cat.kind == "qa":
        task += " " + (_QA_FORMAT_JA if lang == "ja" else _QA_FORMAT_EN).format(n=n)
    if lang == "ja":
        system = "あなたは文書から学習用データを作成する専門家です。文書にない事実を作らないでください。"
        user = f"# 文書: {title}\n\n{text}\n\n# 指示\n{task}"
        shown = "# 参考: 指示と応答の例（形式の参考のみ）\n"
    else:
        system = "You create training data from documents. Never invent facts that are not in the document."
        user = f"# Document: {title}\n\n{text}\n\n# Task\n{task}"
        shown = "# For reference: an example instruction and response (style only)\n"
    if example:
        turns = "\n".join(f"{m['role']}: {m['content']}" for m in example if m["role"] in ("user", "assistant"))
        user = f"{shown}{turns}\n\n{user}"
    return [{"role": "system", "content": system}, {"role": "user", "content": user}]
