"""A small fictional domain, in English and Japanese, written by the tests themselves.

Fictional so that no model could know it already; generated from templates with a seed so every
run gets the same text; varied enough that near-duplicate detection keeps every document.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

EN_TEMPLATES = [
    "The harbour of {name} was founded in {year} by the {guild} guild.",
    "{name} exports {good} to {other} every {season}.",
    "In {name}, the council meets on the {ordinal} day of each month to settle disputes about {good}.",
    "Travellers reach {name} by crossing the {river} river on a ferry that carries {n} passengers.",
    "The oldest building in {name} is a lighthouse of {material} built in {year2}.",
    "Children in {name} learn the {guild} craft from the age of {age}.",
    "A festival called {festival} is held in {name} when the first {good} of the year arrives.",
    "Merchants from {other} pay a toll of {n} copper coins to enter {name}.",
    "The mayor of {name} wears a chain of {material} as a sign of office.",
    "Because the {river} river floods in {season}, the fields around {name} are rich and dark.",
    "Most houses in {name} have roofs of {material}, which keeps them cool.",
    "The library of {name} holds {n} scrolls about the history of the {guild} guild.",
    "Fishermen of {name} sail before dawn and return with {good} by noon.",
    "The dialect of {name} has {n} words for rain.",
    "A treaty signed in {year2} made {name} and {other} allies against pirates.",
    "Every year in {season}, {name} chooses a new keeper of the lighthouse.",
    "The {guild} guild of {name} keeps its recipes secret and writes them in a cipher.",
    "Visitors say that the bread of {name} tastes of {good}.",
]
JA_TEMPLATES = [
    "{name}村は{year}年に{guild}の職人たちによって作られました。",
    "{name}村の名物は{good}で、毎年{season}に{other}へ運ばれます。",
    "{name}村の人口はおよそ{n}人です。",
    "{name}村には{material}で作られた古い橋があり、{year2}年に建てられました。",
    "{name}村の子どもたちは{age}歳から{guild}の技術を学びます。",
    "{name}村では{season}になると{festival}という祭りが開かれます。",
    "{name}村の村長は{material}の首飾りを身につけています。",
    "{river}川が{season}にあふれるため、{name}村の畑はとても豊かです。",
    "{name}村の図書館には{guild}の歴史についての巻物が{n}本あります。",
    "{name}村と{other}村は{year2}年に友好の約束を結びました。",
    "{name}村のパンは{good}の味がすると言われています。",
    "{name}村の言葉には雨を表す言葉が{n}個あります。",
]
EN_NAMES = ["Velmor", "Quastra", "Ombrith", "Talvane", "Zerqua", "Myrrow", "Pellaxe", "Drunmoor", "Istrel",
            "Caskwen", "Hollowmere", "Brannoch"]
JA_NAMES = ["ソラリ", "ケムト", "ミナヅ", "ヨルバ", "タカネ", "フユミ", "アオギ", "ナルセ"]
EN_SLOTS = {
    "guild": ["glassmakers", "ropewalkers", "saltpanners", "bellfounders", "lampwrights", "weavers"],
    "good": ["blue lenses", "silver eels", "amber salt", "copper bells", "smoked figs", "violet dye"],
    "season": ["spring", "summer", "autumn", "winter"],
    "river": ["Ashen", "Corrow", "Lune", "Tessel", "Marrow"],
    "material": ["basalt", "whalebone", "red cedar", "green slate", "sea glass"],
    "festival": ["Lantern Night", "the Tide Feast", "the Salt Crown", "Bellmorning"],
    "ordinal": ["third", "fifth", "seventh", "ninth"],
}
JA_SLOTS = {
    "guild": ["ガラス職人", "縄職人", "塩職人", "鐘職人", "染物職人"],
    "good": ["青い茶", "銀色の魚", "琥珀の塩", "赤い梨", "紫の染料"],
    "season": ["春", "夏", "秋", "冬"],
    "river": ["白石", "黒森", "長谷", "霧野"],
    "material": ["黒い石", "杉の木", "緑の瓦", "貝殻"],
    "festival": ["灯籠祭", "潮祭", "塩冠祭"],
}


def _fill(template: str, name: str, names: list[str], slots: dict, rng: random.Random) -> str:
    values = {key: rng.choice(options) for key, options in slots.items()}
    values.update(
        name=name,
        other=rng.choice([n for n in names if n != name]),
        year=rng.randint(900, 1700),
        year2=rng.randint(1100, 1900),
        n=rng.randint(3, 900),
        age=rng.randint(6, 14),
        ordinal=values.get("ordinal", "first"),
    )
    return template.format(**values)


def english_documents(seed: int = 0) -> dict[str, str]:
    rng = random.Random(seed)
    docs = {}
    for name in EN_NAMES:
        sentences = [_fill(t, name, EN_NAMES, EN_SLOTS, rng) for t in rng.sample(EN_TEMPLATES, 9)]
        docs[name] = f"# {name}\n\n" + " ".join(sentences[:5]) + "\n\n" + " ".join(sentences[5:])
    return docs


def japanese_documents(seed: int = 1) -> dict[str, str]:
    rng = random.Random(seed)
    docs = {}
    for name in JA_NAMES:
        sentences = [_fill(t, name, JA_NAMES, JA_SLOTS, rng) for t in rng.sample(JA_TEMPLATES, 8)]
        docs[name] = "".join(sentences[:4]) + "\n\n" + "".join(sentences[4:])
    return docs


def conversations(seed: int = 2) -> list[dict]:
    rng = random.Random(seed)
    rows = []
    for name, text in {**english_documents(), **japanese_documents()}.items():
        first = text.split("\n\n")[-1].split(". ")[0].split("。")[0]
        question = f"Tell me one fact about {name}." if name.isascii() else f"{name}村について一つ教えてください。"
        rows.append({"messages": [{"role": "user", "content": question}, {"role": "assistant", "content": first}]})
    rng.shuffle(rows)
    return rows


def write_corpus(folder: Path) -> Path:
    """English as .md and .txt, Japanese as UTF-8 and Shift_JIS .txt; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for i, (name, text) in enumerate(english_documents().items()):
        suffix = ".md" if i % 2 == 0 else ".txt"
        (folder / f"{name.lower()}{suffix}").write_text(text, encoding="utf-8")
    for i, (name, text) in enumerate(japanese_documents().items()):
        encoding = "utf-8" if i % 2 == 0 else "shift_jis"
        (folder / f"ja_{i}.txt").write_bytes(text.encode(encoding))
    return folder


def write_conversations(path: Path) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in conversations()), encoding="utf-8")
    return path


def all_text() -> list[str]:
    return list(english_documents().values()) + list(japanese_documents().values()) + [
        m["content"] for r in conversations() for m in r["messages"]
    ]
