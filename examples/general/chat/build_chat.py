#!/usr/bin/env python3
"""Build the bundled general instruction/chat data (en.jsonl and ja.jsonl).

This data instruction-tunes the tiny starter chat model and is the "general" SFT set
mixed into every domain instruction-tuning run. All items were written for this project.

Sources inside this script:
  * hand-written question/answer blocks (the text constants below), in a small format:
        Q: first wording | second wording | ...
        A: the one answer shared by all wordings
    A block with several Q/A pairs (one wording each) is a multi-turn conversation.
    Blocks are separated by blank lines; lines starting with '#' are comments.
  * small fact tables (country capitals, Japanese prefectural capitals, days, months)
    expanded with varied question templates,
  * small arithmetic questions generated from a fixed seed.

The output is deterministic: run `python build_chat.py` to regenerate both files.
The script checks the shape, answer length, duplicates and that one question never
gets two different answers, and prints counts per kind.
"""
from __future__ import annotations

import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 20240611
KINDS = ("fact", "explain", "instruct", "self", "multi")


# --------------------------------------------------------------------------- parsing

def parse_blocks(text: str) -> list[list[tuple[list[str], str]]]:
    """Split a text constant into blocks of (wordings, answer) pairs."""
    blocks = []
    for chunk in re.split(r"\n[ \t]*\n", text.strip()):
        pairs: list[tuple[list[str], str]] = []
        question: list[str] | None = None
        for raw in chunk.splitlines():
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("Q:"):
                if question is not None:
                    raise ValueError(f"two questions in a row: {line}")
                question = [q.strip() for q in line[2:].split(" | ")]
            elif line.startswith("A:"):
                if question is None:
                    raise ValueError(f"answer without question: {line}")
                pairs.append((question, line[2:].strip()))
                question = None
            else:
                raise ValueError(f"bad line: {line!r}")
        if question is not None:
            raise ValueError(f"question without answer: {question}")
        if pairs:
            blocks.append(pairs)
    return blocks


def expand(text: str, kind: str) -> list[tuple[str, list[str]]]:
    """Turn a text constant into (kind, turns) items; turns alternate user/assistant."""
    items = []
    for pairs in parse_blocks(text):
        if len(pairs) == 1:
            wordings, answer = pairs[0]
            for q in wordings:
                items.append((kind, [q, answer]))
        else:
            if kind != "multi":
                raise ValueError(f"multi-turn block in {kind} section: {pairs[0][0]}")
            turns: list[str] = []
            for wordings, answer in pairs:
                if len(wordings) != 1:
                    raise ValueError(f"several wordings inside a multi-turn block: {wordings}")
                turns += [wordings[0], answer]
            items.append(("multi", turns))
    return items


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]


# --------------------------------------------------------------------------- tables

# (English name, English capital, Japanese name, Japanese capital, region key or None)
# Region keys are used only for the generated two-turn conversations; None where the
# answer would need a qualification (countries in two continents, Oceania).
COUNTRIES = [
    ("France", "Paris", "フランス", "パリ", "Europe"),
    ("Germany", "Berlin", "ドイツ", "ベルリン", "Europe"),
    ("Italy", "Rome", "イタリア", "ローマ", "Europe"),
    ("Spain", "Madrid", "スペイン", "マドリード", "Europe"),
    ("Portugal", "Lisbon", "ポルトガル", "リスボン", "Europe"),
    ("the United Kingdom", "London", "イギリス", "ロンドン", "Europe"),
    ("Ireland", "Dublin", "アイルランド", "ダブリン", "Europe"),
    ("the Netherlands", "Amsterdam", "オランダ", "アムステルダム", "Europe"),
    ("Belgium", "Brussels", "ベルギー", "ブリュッセル", "Europe"),
    ("Austria", "Vienna", "オーストリア", "ウィーン", "Europe"),
    ("Poland", "Warsaw", "ポーランド", "ワルシャワ", "Europe"),
    ("Greece", "Athens", "ギリシャ", "アテネ", "Europe"),
    ("Sweden", "Stockholm", "スウェーデン", "ストックホルム", "Europe"),
    ("Norway", "Oslo", "ノルウェー", "オスロ", "Europe"),
    ("Denmark", "Copenhagen", "デンマーク", "コペンハーゲン", "Europe"),
    ("Finland", "Helsinki", "フィンランド", "ヘルシンキ", "Europe"),
    ("Iceland", "Reykjavik", "アイスランド", "レイキャビク", "Europe"),
    ("Hungary", "Budapest", "ハンガリー", "ブダペスト", "Europe"),
    ("the Czech Republic", "Prague", "チェコ", "プラハ", "Europe"),
    ("Romania", "Bucharest", "ルーマニア", "ブカレスト", "Europe"),
    ("Bulgaria", "Sofia", "ブルガリア", "ソフィア", "Europe"),
    ("Croatia", "Zagreb", "クロアチア", "ザグレブ", "Europe"),
    ("Serbia", "Belgrade", "セルビア", "ベオグラード", "Europe"),
    ("Ukraine", "Kyiv", "ウクライナ", "キーウ", "Europe"),
    ("Russia", "Moscow", "ロシア", "モスクワ", None),
    ("Turkey", "Ankara", "トルコ", "アンカラ", None),
    ("Egypt", "Cairo", "エジプト", "カイロ", "Africa"),
    ("Kenya", "Nairobi", "ケニア", "ナイロビ", "Africa"),
    ("Nigeria", "Abuja", "ナイジェリア", "アブジャ", "Africa"),
    ("Ethiopia", "Addis Ababa", "エチオピア", "アディスアベバ", "Africa"),
    ("Morocco", "Rabat", "モロッコ", "ラバト", "Africa"),
    ("Ghana", "Accra", "ガーナ", "アクラ", "Africa"),
    ("Algeria", "Algiers", "アルジェリア", "アルジェ", "Africa"),
    ("Tunisia", "Tunis", "チュニジア", "チュニス", "Africa"),
    ("Senegal", "Dakar", "セネガル", "ダカール", "Africa"),
    ("China", "Beijing", "中国", "北京", "Asia"),
    ("Japan", "Tokyo", "日本", "東京", "Asia"),
    ("South Korea", "Seoul", "韓国", "ソウル", "Asia"),
    ("Mongolia", "Ulaanbaatar", "モンゴル", "ウランバートル", "Asia"),
    ("India", "New Delhi", "インド", "ニューデリー", "Asia"),
    ("Pakistan", "Islamabad", "パキスタン", "イスラマバード", "Asia"),
    ("Bangladesh", "Dhaka", "バングラデシュ", "ダッカ", "Asia"),
    ("Nepal", "Kathmandu", "ネパール", "カトマンズ", "Asia"),
    ("Thailand", "Bangkok", "タイ", "バンコク", "Asia"),
    ("Vietnam", "Hanoi", "ベトナム", "ハノイ", "Asia"),
    ("Cambodia", "Phnom Penh", "カンボジア", "プノンペン", "Asia"),
    ("Laos", "Vientiane", "ラオス", "ビエンチャン", "Asia"),
    ("the Philippines", "Manila", "フィリピン", "マニラ", "Asia"),
    ("Malaysia", "Kuala Lumpur", "マレーシア", "クアラルンプール", "Asia"),
    ("Iran", "Tehran", "イラン", "テヘラン", "Asia"),
    ("Iraq", "Baghdad", "イラク", "バグダッド", "Asia"),
    ("Saudi Arabia", "Riyadh", "サウジアラビア", "リヤド", "Asia"),
    ("Qatar", "Doha", "カタール", "ドーハ", "Asia"),
    ("Jordan", "Amman", "ヨルダン", "アンマン", "Asia"),
    ("Lebanon", "Beirut", "レバノン", "ベイルート", "Asia"),
    ("Syria", "Damascus", "シリア", "ダマスカス", "Asia"),
    ("Afghanistan", "Kabul", "アフガニスタン", "カブール", "Asia"),
    ("Australia", "Canberra", "オーストラリア", "キャンベラ", None),
    ("New Zealand", "Wellington", "ニュージーランド", "ウェリントン", None),
    ("Canada", "Ottawa", "カナダ", "オタワ", "North America"),
    ("the United States", "Washington, D.C.", "アメリカ合衆国", "ワシントンD.C.", "North America"),
    ("Mexico", "Mexico City", "メキシコ", "メキシコシティ", "North America"),
    ("Cuba", "Havana", "キューバ", "ハバナ", "North America"),
    ("Jamaica", "Kingston", "ジャマイカ", "キングストン", "North America"),
    ("Brazil", "Brasilia", "ブラジル", "ブラジリア", "South America"),
    ("Argentina", "Buenos Aires", "アルゼンチン", "ブエノスアイレス", "South America"),
    ("Chile", "Santiago", "チリ", "サンティアゴ", "South America"),
    ("Peru", "Lima", "ペルー", "リマ", "South America"),
    ("Colombia", "Bogota", "コロンビア", "ボゴタ", "South America"),
    ("Venezuela", "Caracas", "ベネズエラ", "カラカス", "South America"),
    ("Ecuador", "Quito", "エクアドル", "キト", "South America"),
    ("Uruguay", "Montevideo", "ウルグアイ", "モンテビデオ", "South America"),
]

REGION_JA = {"Europe": "ヨーロッパ", "Africa": "アフリカ", "Asia": "アジア",
             "North America": "北アメリカ", "South America": "南アメリカ"}

# (prefecture, seat of the prefectural government, region of the usual eight-region
# division or None where schoolbooks differ). Tokyo is left out on purpose: its
# government seat is usually given as Shinjuku, which would confuse a tiny model.
PREFECTURES = [
    ("北海道", "札幌市", "北海道地方"), ("青森県", "青森市", "東北地方"), ("岩手県", "盛岡市", "東北地方"),
    ("宮城県", "仙台市", "東北地方"), ("秋田県", "秋田市", "東北地方"), ("山形県", "山形市", "東北地方"),
    ("福島県", "福島市", "東北地方"), ("茨城県", "水戸市", "関東地方"), ("栃木県", "宇都宮市", "関東地方"),
    ("群馬県", "前橋市", "関東地方"), ("埼玉県", "さいたま市", "関東地方"), ("千葉県", "千葉市", "関東地方"),
    ("神奈川県", "横浜市", "関東地方"), ("新潟県", "新潟市", "中部地方"), ("富山県", "富山市", "中部地方"),
    ("石川県", "金沢市", "中部地方"), ("福井県", "福井市", "中部地方"), ("山梨県", "甲府市", "中部地方"),
    ("長野県", "長野市", "中部地方"), ("岐阜県", "岐阜市", "中部地方"), ("静岡県", "静岡市", "中部地方"),
    ("愛知県", "名古屋市", "中部地方"), ("三重県", "津市", None), ("滋賀県", "大津市", "近畿地方"),
    ("京都府", "京都市", "近畿地方"), ("大阪府", "大阪市", "近畿地方"), ("兵庫県", "神戸市", "近畿地方"),
    ("奈良県", "奈良市", "近畿地方"), ("和歌山県", "和歌山市", "近畿地方"), ("鳥取県", "鳥取市", "中国地方"),
    ("島根県", "松江市", "中国地方"), ("岡山県", "岡山市", "中国地方"), ("広島県", "広島市", "中国地方"),
    ("山口県", "山口市", "中国地方"), ("徳島県", "徳島市", "四国地方"), ("香川県", "高松市", "四国地方"),
    ("愛媛県", "松山市", "四国地方"), ("高知県", "高知市", "四国地方"), ("福岡県", "福岡市", "九州地方"),
    ("佐賀県", "佐賀市", "九州地方"), ("長崎県", "長崎市", "九州地方"), ("熊本県", "熊本市", "九州地方"),
    ("大分県", "大分市", "九州地方"), ("宮崎県", "宮崎市", "九州地方"), ("鹿児島県", "鹿児島市", "九州地方"),
    ("沖縄県", "那覇市", None),
]

DAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
DAYS_JA = ["月曜日", "火曜日", "水曜日", "木曜日", "金曜日", "土曜日", "日曜日"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
ORDINALS_EN = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
               "ninth", "tenth", "eleventh", "twelfth"]
WAFU_JA = ["睦月", "如月", "弥生", "卯月", "皐月", "水無月", "文月", "葉月", "長月", "神無月",
           "霜月", "師走"]
NUM_WORDS_EN = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
                "seventeen", "eighteen", "nineteen", "twenty"]


# =========================================================================== ENGLISH

EN_FACTS = r"""
# ---- space
Q: What is the largest planet in the solar system? | Which planet is the biggest in our solar system? | Name the largest planet.
A: Jupiter is the largest planet in the solar system.

Q: Which planet is closest to the Sun? | What is the nearest planet to the Sun?
A: Mercury is the planet closest to the Sun.

Q: Which planet is known as the Red Planet? | What is the Red Planet?
A: Mars is known as the Red Planet.

Q: Why is Mars called the Red Planet? | Why does Mars look red?
A: Mars looks red because its surface is covered with dust that contains iron oxide, which is a lot like rust.

Q: How many planets are in the solar system? | How many planets go around the Sun?
A: There are eight planets in the solar system.

Q: What are the planets in order from the Sun? | List the planets from the closest to the Sun to the farthest.
A: In order from the Sun, the planets are Mercury, Venus, Earth, Mars, Jupiter, Saturn, Uranus, and Neptune.

Q: Which planet is farthest from the Sun?
A: Neptune is the planet farthest from the Sun.

Q: Which planet is famous for its rings? | Which planet has the biggest and brightest rings?
A: Saturn is the planet best known for its rings, which are made of pieces of ice and rock.

Q: Which is the hottest planet in the solar system? | What is the hottest planet?
A: Venus is the hottest planet in the solar system, because its thick atmosphere traps heat.

Q: What is the smallest planet in the solar system?
A: Mercury is the smallest planet in the solar system.

Q: Is Pluto a planet?
A: Pluto is no longer counted as a planet. Since 2006 it has been classified as a dwarf planet.

Q: Is the Sun a star or a planet?
A: The Sun is a star. It is the star at the centre of our solar system.

Q: How many moons does Earth have?
A: Earth has one moon, which we simply call the Moon.

Q: How far is the Moon from Earth? | What is the distance between Earth and the Moon?
A: The Moon is about 384,000 kilometres from Earth on average.

Q: How long does it take Earth to go around the Sun? | How long is one trip of Earth around the Sun?
A: Earth takes about 365 days, or one year, to go around the Sun.

Q: How long does it take Earth to spin once? | How long does one rotation of Earth take?
A: Earth spins once on its axis about every 24 hours, which gives us day and night.

Q: How long does sunlight take to reach Earth?
A: Sunlight takes about 8 minutes to travel from the Sun to Earth.

Q: Which planet do we live on? | What is the name of our planet?
A: We live on Earth, the third planet from the Sun.

Q: Who was the first person to walk on the Moon? | Who first stepped on the Moon?
A: Neil Armstrong was the first person to walk on the Moon, in July 1969.

Q: When did humans first land on the Moon?
A: Humans first landed on the Moon on July 20, 1969, during the Apollo 11 mission.

Q: Who was the first person to travel into space? | Who was the first human in space?
A: Yuri Gagarin of the Soviet Union was the first person to travel into space, in April 1961.

Q: How many moons does Mars have?
A: Mars has two small moons, called Phobos and Deimos.

Q: What is the closest star to Earth?
A: The closest star to Earth is the Sun. After the Sun, the closest star is Proxima Centauri.

Q: How big is the Sun compared with Earth?
A: The Sun is about 109 times wider than Earth.

# ---- earth and geography
Q: What is the largest ocean on Earth? | Which ocean is the biggest? | Name the largest ocean.
A: The Pacific Ocean is the largest ocean on Earth.

Q: How many oceans are there?
A: People usually name five oceans: the Pacific, the Atlantic, the Indian, the Southern, and the Arctic Ocean.

Q: What is the largest continent? | Which continent is the biggest?
A: Asia is the largest continent, both in area and in population.

Q: How many continents are there? | How many continents does Earth have?
A: There are seven continents: Asia, Africa, North America, South America, Antarctica, Europe, and Australia.

Q: What is the smallest continent?
A: Australia is the smallest continent.

Q: What is the coldest continent?
A: Antarctica is the coldest continent on Earth.

Q: What is the highest mountain in the world? | Which mountain is the tallest on Earth? | Name the highest mountain in the world.
A: Mount Everest is the highest mountain in the world, at about 8,849 metres above sea level.

Q: Where is Mount Everest?
A: Mount Everest is in the Himalayas, on the border between Nepal and the Tibet region of China.

Q: What is the longest river in the world? | Which river is the longest on Earth?
A: The Nile in Africa is usually called the longest river in the world, at about 6,650 kilometres. The Amazon is almost as long.

Q: What is the largest hot desert in the world?
A: The Sahara in northern Africa is the largest hot desert in the world.

Q: What is the largest country in the world by area? | Which country is the biggest by land area?
A: Russia is the largest country in the world by area.

Q: Which country has the largest population? | Which country has the most people?
A: India has the largest population of any country. It passed China in 2023.

Q: What is the smallest country in the world?
A: Vatican City is the smallest country in the world.

Q: What is the largest island in the world?
A: Greenland is the largest island in the world.

Q: What is the deepest point in the ocean?
A: The deepest point in the ocean is the Challenger Deep in the Mariana Trench, which is almost 11 kilometres deep.

Q: Where is the Amazon rainforest?
A: The Amazon rainforest is in South America, and most of it is in Brazil.

Q: Which ocean lies between Europe and North America?
A: The Atlantic Ocean lies between Europe and North America.

Q: How much of Earth's surface is covered by water?
A: About 71 percent of Earth's surface is covered by water.

Q: How many member states does the United Nations have?
A: The United Nations has 193 member states.

Q: What is the largest city in the United States?
A: New York City is the largest city in the United States.

# ---- Japan
Q: What is the highest mountain in Japan? | How tall is Mount Fuji? | Which mountain is the tallest in Japan?
A: Mount Fuji is the highest mountain in Japan, at 3,776 metres.

Q: What is the longest river in Japan?
A: The Shinano River is the longest river in Japan, at about 367 kilometres.

Q: What is the largest lake in Japan?
A: Lake Biwa in Shiga Prefecture is the largest lake in Japan.

Q: How many prefectures does Japan have? | How many prefectures are there in Japan?
A: Japan has 47 prefectures.

Q: What are the four main islands of Japan?
A: The four main islands of Japan are Honshu, Hokkaido, Kyushu, and Shikoku.

Q: What is the largest island of Japan?
A: Honshu is the largest island of Japan.

Q: What is the national bird of Japan?
A: The national bird of Japan is the green pheasant, called kiji in Japanese.

Q: What flower is a famous symbol of Japan?
A: The cherry blossom, or sakura, is a famous symbol of Japan. The chrysanthemum is also an important symbol.

Q: What do the Japanese call their country?
A: In Japanese, Japan is called Nihon or Nippon, which means "origin of the sun".

# ---- money and languages
Q: What is the currency of Japan? | What money is used in Japan?
A: The currency of Japan is the yen.

Q: What is the currency of the United States?
A: The currency of the United States is the US dollar.

Q: What is the currency of the United Kingdom?
A: The currency of the United Kingdom is the pound sterling.

Q: What currency do many European countries use?
A: Many European countries use the euro as their shared currency.

Q: What is the currency of China?
A: The currency of China is the renminbi, and its main unit is the yuan.

Q: What is the currency of South Korea?
A: The currency of South Korea is the won.

Q: What language is spoken in Brazil? | What is the main language of Brazil?
A: The main language of Brazil is Portuguese.

Q: What language do people speak in Mexico?
A: Most people in Mexico speak Spanish.

Q: What are the official languages of Canada?
A: Canada has two official languages, English and French.

Q: Which language has the most speakers in the world?
A: Mandarin Chinese has the most native speakers. English has the most speakers in total when people who learned it as a second language are counted.

# ---- landmarks
Q: Where is the Eiffel Tower? | In which city is the Eiffel Tower?
A: The Eiffel Tower is in Paris, France.

Q: When was the Eiffel Tower built?
A: The Eiffel Tower was completed in 1889 for a world's fair in Paris.

Q: Where is the Statue of Liberty?
A: The Statue of Liberty is in New York Harbor in the United States. It was a gift from France.

Q: In which country is the Great Wall? | Where is the Great Wall?
A: The Great Wall is in China. It was built over many centuries to protect against invaders.

Q: Where are the Pyramids of Giza?
A: The Pyramids of Giza are in Egypt, near the city of Cairo.

Q: Which city is the Colosseum in? | Where is the Colosseum?
A: The Colosseum is in Rome, Italy. It is an ancient Roman amphitheatre.

Q: Where is the Taj Mahal?
A: The Taj Mahal is in Agra, India. It is a white marble tomb built by the emperor Shah Jahan for his wife.

Q: What is Big Ben?
A: Big Ben is the nickname of the great bell in the clock tower of the Houses of Parliament in London.

Q: Which country is the Sydney Opera House in?
A: The Sydney Opera House is in Sydney, Australia.

Q: Where is Machu Picchu?
A: Machu Picchu is an ancient Inca city high in the Andes mountains of Peru.

Q: Where is the Leaning Tower of Pisa?
A: The Leaning Tower of Pisa is in the city of Pisa, Italy.

Q: Where is Kinkaku-ji, the Golden Pavilion?
A: Kinkaku-ji, the Golden Pavilion, is a temple in Kyoto, Japan.

Q: How tall is Tokyo Skytree?
A: Tokyo Skytree is 634 metres tall. It is the tallest tower in Japan.

Q: How tall is Tokyo Tower?
A: Tokyo Tower is 333 metres tall.

Q: What is the tallest building in the world? | Which building is the tallest on Earth?
A: The Burj Khalifa in Dubai is the tallest building in the world, at about 828 metres.

Q: Where is Stonehenge?
A: Stonehenge is in England. It is a prehistoric circle of large standing stones.

Q: Which country is Angkor Wat in?
A: Angkor Wat is in Cambodia.

Q: Where is the Parthenon?
A: The Parthenon is in Athens, Greece. It is an ancient temple built for the goddess Athena.

Q: Where is the Golden Gate Bridge?
A: The Golden Gate Bridge is in San Francisco, in the United States.

Q: Where is Himeji Castle?
A: Himeji Castle is in the city of Himeji in Hyogo Prefecture, Japan. It is often called the White Heron Castle.

Q: Where is the Mona Lisa kept?
A: The Mona Lisa is kept in the Louvre Museum in Paris.

# ---- inventions, discoveries and works
Q: Who invented the telephone? | Who is credited with inventing the telephone?
A: Alexander Graham Bell is credited with inventing the telephone. He received a patent for it in 1876.

Q: Who invented the light bulb?
A: Thomas Edison is known for making a practical, long-lasting light bulb in 1879, although others worked on electric lights before him.

Q: Who invented the airplane? | Who made the first powered airplane flight?
A: The Wright brothers, Orville and Wilbur, made the first powered airplane flight in 1903.

Q: Who invented the printing press?
A: Johannes Gutenberg invented the printing press with movable metal type in Germany around 1440.

Q: Who invented the World Wide Web?
A: Tim Berners-Lee invented the World Wide Web in 1989.

Q: Who discovered penicillin?
A: Alexander Fleming discovered penicillin in 1928.

Q: Who developed the theory of relativity?
A: Albert Einstein developed the theory of relativity.

Q: Who discovered the law of gravity? | Who described the law of gravity?
A: Isaac Newton described the law of universal gravitation in 1687.

Q: Who invented dynamite?
A: Alfred Nobel invented dynamite in 1867.

Q: Who made the first vaccine?
A: Edward Jenner made the first vaccine, against smallpox, in 1796.

Q: Who created the periodic table?
A: Dmitri Mendeleev created the periodic table of the elements in 1869.

Q: Who invented instant noodles?
A: Momofuku Ando invented instant noodles in Japan in 1958.

Q: Where was paper invented?
A: Paper was invented in ancient China. Cai Lun improved the way of making it around the year 105.

Q: Who painted the Mona Lisa?
A: Leonardo da Vinci painted the Mona Lisa.

Q: Who wrote Romeo and Juliet?
A: William Shakespeare wrote Romeo and Juliet.

Q: Who wrote The Tale of Genji?
A: Murasaki Shikibu wrote The Tale of Genji about 1,000 years ago, in Japan's Heian period.

Q: Who discovered radium?
A: Marie Curie and Pierre Curie discovered radium in 1898.

Q: Who developed the theory of evolution by natural selection?
A: Charles Darwin developed the theory of evolution by natural selection. He published On the Origin of Species in 1859.

Q: Who composed the Moonlight Sonata?
A: Ludwig van Beethoven composed the Moonlight Sonata.

Q: Who painted The Starry Night?
A: Vincent van Gogh painted The Starry Night in 1889.

Q: Who said that Earth goes around the Sun?
A: Nicolaus Copernicus proposed that Earth goes around the Sun, in a book published in 1543.

Q: Who invented the steam engine?
A: Thomas Newcomen built an early steam engine in 1712, and James Watt greatly improved it in the 1760s and 1770s.

Q: Who was the first President of the United States?
A: George Washington was the first President of the United States.

Q: When did World War II end?
A: World War II ended in 1945.

# ---- science
Q: At what temperature does water boil? | What is the boiling point of water? | How hot does water need to be to boil?
A: Water boils at 100 degrees Celsius at sea level.

Q: What is the boiling point of water in Fahrenheit?
A: Water boils at 212 degrees Fahrenheit at sea level.

Q: At what temperature does water freeze? | What is the freezing point of water?
A: Water freezes at 0 degrees Celsius.

Q: What is the chemical formula of water? | What is the formula for water?
A: The chemical formula of water is H2O, which means two hydrogen atoms and one oxygen atom.

Q: What gas do plants take in from the air?
A: Plants take in carbon dioxide from the air and use it in photosynthesis.

Q: What gas do plants give off?
A: Plants give off oxygen during photosynthesis.

Q: What gas do humans need to breathe?
A: Humans need oxygen to breathe.

Q: What is the most common gas in the air? | Which gas makes up most of the air?
A: Nitrogen is the most common gas in the air. It makes up about 78 percent of it.

Q: How much of the air is oxygen?
A: Oxygen makes up about 21 percent of the air.

Q: How fast does light travel? | What is the speed of light?
A: Light travels at about 300,000 kilometres per second in empty space.

Q: How fast does sound travel in air? | What is the speed of sound?
A: Sound travels at about 343 metres per second in air at room temperature.

Q: What is the hardest natural substance?
A: Diamond is the hardest natural substance.

Q: What is the chemical symbol for gold?
A: The chemical symbol for gold is Au.

Q: What is the chemical symbol for iron?
A: The chemical symbol for iron is Fe.

Q: What is the chemical symbol for oxygen?
A: The chemical symbol for oxygen is O.

Q: What is the chemical symbol for sodium?
A: The chemical symbol for sodium is Na.

Q: What is the lightest element?
A: Hydrogen is the lightest element.

Q: How many elements are in the periodic table?
A: There are 118 known elements in the periodic table.

Q: What does a thermometer measure?
A: A thermometer measures temperature.

Q: What does a barometer measure?
A: A barometer measures air pressure.

Q: What force pulls things down to the ground? | Why do things fall to the ground?
A: Gravity is the force that pulls things down toward the ground.

Q: What are the three states of matter?
A: The three common states of matter are solid, liquid, and gas.

Q: What is the centre of an atom called?
A: The centre of an atom is called the nucleus.

Q: What is the main source of energy for Earth?
A: The Sun is the main source of energy for Earth.

Q: What do we call animals that eat only plants?
A: Animals that eat only plants are called herbivores.

Q: What do we call animals that eat other animals?
A: Animals that eat other animals are called carnivores.

Q: What do we call animals that eat both plants and meat?
A: Animals that eat both plants and meat are called omnivores. Humans are omnivores.

Q: What does a magnet attract?
A: A magnet attracts iron and some other metals, such as nickel and cobalt. It does not attract aluminium or copper.

Q: Does light travel faster than sound?
A: Yes, light travels much faster than sound. That is why we see lightning before we hear thunder.

# ---- human body
Q: How many bones are in the adult human body? | How many bones does an adult have?
A: An adult human body has 206 bones.

Q: What is the largest organ of the human body?
A: The skin is the largest organ of the human body.

Q: What is the longest bone in the human body?
A: The femur, or thigh bone, is the longest bone in the human body.

Q: What is the smallest bone in the human body?
A: The stapes, a tiny bone in the middle ear, is the smallest bone in the human body.

Q: How many chambers does the human heart have?
A: The human heart has four chambers: two atria and two ventricles.

Q: What does the heart do? | What is the job of the heart?
A: The heart pumps blood around the body. The blood carries oxygen and food to all the cells.

Q: Which organ do we use to breathe?
A: We breathe with our lungs.

Q: Which organ controls the body? | Which organ do we think with?
A: The brain controls the body and lets us think, feel, and remember.

Q: How many teeth does an adult have?
A: An adult usually has 32 teeth, including the four wisdom teeth.

Q: How many baby teeth do children have?
A: Children have 20 baby teeth.

Q: What is normal body temperature?
A: Normal human body temperature is about 36 to 37 degrees Celsius.

Q: What do red blood cells do?
A: Red blood cells carry oxygen from the lungs to the rest of the body.

Q: What do white blood cells do?
A: White blood cells help the body fight germs and infections.

Q: What are the five senses?
A: The five senses are sight, hearing, smell, taste, and touch.

Q: Which organ cleans the blood and makes urine?
A: The kidneys clean the blood and make urine.

Q: Where is food digested?
A: Food is digested mainly in the stomach and the small intestine.

Q: What is the coloured part of the eye called?
A: The coloured part of the eye is called the iris.

Q: How many hours of sleep do adults need?
A: Most adults need about 7 to 9 hours of sleep each night.

Q: Which vitamin does the body make from sunlight?
A: The body makes vitamin D when the skin gets sunlight.

Q: What makes bones and teeth strong?
A: Calcium helps make bones and teeth strong.

Q: Why is blood red?
A: Blood is red because it contains haemoglobin, a red substance in red blood cells that carries oxygen.

# ---- animals
Q: What is the largest animal on Earth? | Which animal is the biggest in the world?
A: The blue whale is the largest animal on Earth.

Q: What is the tallest animal?
A: The giraffe is the tallest animal in the world.

Q: What is the fastest land animal? | Which land animal can run the fastest?
A: The cheetah is the fastest land animal. It can run at about 100 kilometres per hour for short distances.

Q: What is the largest land animal?
A: The African elephant is the largest land animal.

Q: How many legs does a spider have?
A: A spider has eight legs.

Q: How many legs does an insect have? | How many legs do insects have?
A: An insect has six legs.

Q: How many arms does an octopus have?
A: An octopus has eight arms.

Q: How many hearts does an octopus have?
A: An octopus has three hearts.

Q: Is a whale a fish? | Is a whale a mammal or a fish?
A: A whale is not a fish. It is a mammal, so it breathes air and feeds its young with milk.

Q: Is a dolphin a fish?
A: A dolphin is a mammal, not a fish. It breathes air through a blowhole on top of its head.

Q: Is a spider an insect?
A: A spider is not an insect. It is an arachnid, and it has eight legs instead of six.

Q: Can penguins fly?
A: Penguins cannot fly. They use their wings to swim very well in the water.

Q: Which mammal can fly?
A: The bat is the only mammal that can truly fly.

Q: What do bees make?
A: Bees make honey from the nectar of flowers. They also make beeswax.

Q: What does a caterpillar turn into?
A: A caterpillar turns into a butterfly or a moth.

Q: What does a tadpole grow into?
A: A tadpole grows into a frog or a toad.

Q: What do pandas eat? | What is the main food of giant pandas?
A: Giant pandas eat mostly bamboo.

Q: Where do kangaroos live?
A: Kangaroos live in Australia.

Q: What is a baby kangaroo called?
A: A baby kangaroo is called a joey.

Q: What is a baby cat called? | What do you call a young cat?
A: A baby cat is called a kitten.

Q: What is a baby dog called? | What do you call a young dog?
A: A baby dog is called a puppy.

Q: What is a baby cow called?
A: A baby cow is called a calf.

Q: What is a baby sheep called?
A: A baby sheep is called a lamb.

Q: What is a baby horse called?
A: A baby horse is called a foal.

Q: What is a baby duck called?
A: A baby duck is called a duckling.

Q: What is a baby bear called?
A: A baby bear is called a cub.

Q: What is a group of lions called?
A: A group of lions is called a pride.

Q: What is the largest bird in the world?
A: The ostrich is the largest bird in the world. It cannot fly, but it can run very fast.

Q: What is the smallest bird in the world?
A: The bee hummingbird of Cuba is the smallest bird in the world.

Q: Does a camel store water in its hump?
A: No. A camel's hump stores fat, which the camel can use for energy when food is hard to find.

Q: How do fish breathe?
A: Fish breathe with gills, which take oxygen from the water.

Q: What do cows eat?
A: Cows mainly eat grass and hay.

Q: Which animal has black and white stripes?
A: The zebra is the animal known for its black and white stripes.

Q: How long is an elephant pregnant?
A: An elephant is pregnant for about 22 months, the longest of any land animal.

Q: What colour is a polar bear's skin?
A: A polar bear's skin is black, even though its fur looks white.

Q: Why are flamingos pink?
A: Flamingos are pink because of colourful substances in the tiny shrimp and algae they eat.

# ---- plants
Q: What do plants need to grow? | What does a plant need to grow?
A: Plants need sunlight, water, air, and nutrients from the soil to grow.

Q: Why are leaves green?
A: Leaves are green because they contain chlorophyll, a green substance that helps plants capture sunlight.

Q: What do roots do?
A: Roots hold a plant in the ground and take up water and nutrients from the soil.

Q: What is the tallest kind of tree?
A: The coast redwood of California is the tallest kind of tree. Some are more than 110 metres tall.

Q: Is a tomato a fruit or a vegetable?
A: A tomato is a fruit in botany because it contains seeds, but it is usually cooked and eaten as a vegetable.

Q: Is bamboo a tree?
A: Bamboo is not a tree. It is a kind of grass, and some bamboo can grow almost a metre in one day.

Q: How does a cactus survive in the desert?
A: A cactus stores water in its thick stem, and its spines help it lose less water.

Q: Which part of a plant makes seeds?
A: The flower is the part of a plant that makes seeds.

Q: What kind of plant does rice come from?
A: Rice is the seed of a grass plant. It grows best in warm, wet fields called paddies.

Q: Where do apples grow?
A: Apples grow on apple trees.

# ---- units and measurements
Q: How many centimetres are in a metre? | How many centimetres make one metre?
A: There are 100 centimetres in one metre.

Q: How many millimetres are in a centimetre?
A: There are 10 millimetres in one centimetre.

Q: How many metres are in a kilometre? | How many metres make one kilometre?
A: There are 1,000 metres in one kilometre.

Q: How many grams are in a kilogram?
A: There are 1,000 grams in one kilogram.

Q: How many millilitres are in a litre?
A: There are 1,000 millilitres in one litre.

Q: How many seconds are in a minute?
A: There are 60 seconds in one minute.

Q: How many minutes are in an hour? | How many minutes make an hour?
A: There are 60 minutes in one hour.

Q: How many hours are in a day?
A: There are 24 hours in one day.

Q: How many seconds are in an hour?
A: There are 3,600 seconds in one hour.

Q: How many weeks are in a year?
A: There are about 52 weeks in a year.

Q: How many years are in a century? | How long is a century?
A: A century is 100 years.

Q: How many years are in a decade?
A: A decade is 10 years.

Q: How many years are in a millennium?
A: A millennium is 1,000 years.

Q: How many is a dozen? | How many things are in a dozen?
A: A dozen is 12.

Q: How many centimetres are in an inch?
A: One inch is 2.54 centimetres.

Q: How many inches are in a foot?
A: There are 12 inches in one foot.

Q: How long is a mile in kilometres?
A: One mile is about 1.6 kilometres.

Q: What unit is used to measure electrical power?
A: Electrical power is measured in watts.

Q: What unit do most countries use for temperature?
A: Most countries measure temperature in degrees Celsius.

Q: What does km/h mean?
A: The unit km/h means kilometres per hour. It is a unit of speed.

# ---- colours
Q: What colour do you get when you mix blue and yellow? | What happens when you mix yellow and blue paint?
A: Mixing blue and yellow makes green.

Q: What colour do you get when you mix red and yellow?
A: Mixing red and yellow makes orange.

Q: What colour do you get when you mix red and blue?
A: Mixing red and blue makes purple.

Q: What colour do you get when you mix red and white?
A: Mixing red and white makes pink.

Q: What colour do you get when you mix black and white?
A: Mixing black and white makes grey.

Q: What are the primary colours? | Which colours are the primary colours?
A: In traditional painting, the primary colours are red, yellow, and blue. For light, the primary colours are red, green, and blue.

Q: What colour is the sky on a clear day?
A: On a clear day, the sky is blue.

Q: What colour is a ripe banana?
A: A ripe banana is yellow.

Q: What colour is snow?
A: Snow is white.

Q: What does the flag of Japan look like? | What colours are on the Japanese flag?
A: The flag of Japan is white with a red circle in the middle, which stands for the sun.

Q: What colours are on the flag of France?
A: The flag of France has three vertical stripes of blue, white, and red.

Q: What colours are on the flag of Italy?
A: The flag of Italy has three vertical stripes of green, white, and red.

Q: How many colours are in a rainbow?
A: A rainbow is usually described as having seven colours: red, orange, yellow, green, blue, indigo, and violet.

# ---- shapes and numbers
Q: How many sides does a triangle have?
A: A triangle has three sides.

Q: How many sides does a square have?
A: A square has four sides, and all of them are the same length.

Q: How many sides does a pentagon have?
A: A pentagon has five sides.

Q: How many sides does a hexagon have?
A: A hexagon has six sides.

Q: How many sides does an octagon have?
A: An octagon has eight sides.

Q: How many faces does a cube have?
A: A cube has six faces.

Q: How many corners does a cube have?
A: A cube has eight corners.

Q: How many degrees are in a circle?
A: A full circle has 360 degrees.

Q: What do the angles of a triangle add up to?
A: The angles inside a triangle always add up to 180 degrees.

Q: How many degrees is a right angle?
A: A right angle is 90 degrees.

Q: How many letters are in the English alphabet?
A: The English alphabet has 26 letters.

Q: How many basic hiragana characters are there?
A: There are 46 basic hiragana characters.

# ---- days, months and seasons
Q: How many days are in a week?
A: There are seven days in a week.

Q: How many months are in a year?
A: There are twelve months in a year.

Q: How many days are in a year? | How many days does a year have?
A: A normal year has 365 days, and a leap year has 366 days.

Q: How often is there a leap year?
A: A leap year usually comes every four years. In a leap year, February has 29 days.

Q: What are the four seasons? | Name the four seasons.
A: The four seasons are spring, summer, autumn, and winter.

Q: Which season comes after winter?
A: Spring comes after winter.

Q: Which season comes after summer?
A: Autumn, also called fall, comes after summer.

Q: When is summer in Australia?
A: Summer in Australia is from December to February, because Australia is in the Southern Hemisphere.

Q: When is the longest day of the year?
A: In the Northern Hemisphere, the longest day of the year is the summer solstice, around June 21.

Q: When is the shortest day of the year?
A: In the Northern Hemisphere, the shortest day of the year is the winter solstice, around December 21 or 22.

Q: What is New Year's Day?
A: New Year's Day is January 1, the first day of the year.

Q: Which days are the weekend?
A: In many countries, including Japan, the weekend is Saturday and Sunday.

Q: When do cherry blossoms bloom in Japan?
A: In much of Japan, cherry blossoms bloom from late March to early April.

# ---- food
Q: What is tofu made from?
A: Tofu is made from soybeans.

Q: What is cheese made from?
A: Cheese is made from milk.

Q: What is butter made from?
A: Butter is made by churning cream, which comes from milk.

Q: What is chocolate made from?
A: Chocolate is made from the roasted seeds of the cacao tree, called cacao beans.

Q: What is bread made from?
A: Bread is usually made from wheat flour, water, salt, and yeast.

Q: Where does sushi come from? | Which country is sushi from?
A: Sushi comes from Japan.

Q: Which country is pizza from? | Where does pizza come from?
A: Pizza comes from Italy. The city of Naples is especially famous for it.

Q: What are raisins?
A: Raisins are dried grapes.

Q: What is the main ingredient of guacamole?
A: The main ingredient of guacamole is avocado.

Q: What is miso made from?
A: Miso is made from fermented soybeans, salt, and usually rice or barley.

Q: What is natto?
A: Natto is a Japanese food made from fermented soybeans. It is sticky and has a strong smell.

Q: Which fruits have a lot of vitamin C?
A: Oranges, kiwis, and strawberries have a lot of vitamin C.

Q: What is kimchi?
A: Kimchi is a Korean dish of salted and fermented vegetables, usually cabbage with chilli pepper.

Q: What is popcorn made from?
A: Popcorn is made from dried kernels of a special kind of corn that pop open when heated.

Q: What are French fries made from?
A: French fries are made from potatoes.

Q: What is the main ingredient of hummus?
A: The main ingredient of hummus is chickpeas.

Q: Do green tea and black tea come from the same plant?
A: Yes. Green tea and black tea both come from the tea plant. They are different because the leaves are processed in different ways.

Q: What is coffee made from?
A: Coffee is made from the roasted seeds, or beans, of the coffee plant.

Q: Which foods are good sources of protein?
A: Meat, fish, eggs, beans, tofu, and milk are good sources of protein.

Q: What is soy sauce made from?
A: Soy sauce is made from soybeans, wheat, salt, and water, which are fermented for months.

# ---- sports and games
Q: How many players are on a soccer team? | How many players does a football team have on the field?
A: A soccer team has 11 players on the field, including the goalkeeper.

Q: How many players are on a basketball team?
A: A basketball team has five players on the court at one time.

Q: How many players are on a baseball team?
A: A baseball team has nine players on the field.

Q: How many players are on a volleyball team?
A: A volleyball team has six players on the court.

Q: How many players are on a rugby union team?
A: A rugby union team has 15 players on the field.

Q: How often are the Olympic Games held? | How often do the Olympics take place?
A: The Summer Olympic Games are held every four years, and so are the Winter Olympic Games.

Q: How long is a marathon? | What is the distance of a marathon?
A: A marathon is 42.195 kilometres long.

Q: How many rings are on the Olympic flag?
A: The Olympic flag has five rings.

Q: Where did judo come from?
A: Judo comes from Japan. It was created by Kano Jigoro in 1882.

Q: How many squares are on a chessboard?
A: A chessboard has 64 squares.

Q: How many pieces does each player have at the start of a chess game?
A: Each chess player starts the game with 16 pieces.

Q: Where were the first Olympic Games held?
A: The ancient Olympic Games were held in Olympia, Greece. The first modern Olympics were held in Athens in 1896.

Q: In which sport do you hit a home run?
A: You hit a home run in baseball.

Q: In which sport can you get a hole in one?
A: You can get a hole in one in golf.

Q: How often is the FIFA World Cup held?
A: The FIFA World Cup is held every four years.

Q: Which city hosted the 2020 Summer Olympics?
A: Tokyo hosted the 2020 Summer Olympics, which were held in 2021.

Q: How long is an Olympic swimming pool?
A: An Olympic swimming pool is 50 metres long.

Q: What is the highest rank in sumo?
A: The highest rank in sumo is yokozuna.

# ---- musical instruments
Q: How many keys does a piano have?
A: A standard piano has 88 keys.

Q: How many strings does a violin have?
A: A violin has four strings.

Q: How many strings does a guitar have?
A: A standard guitar has six strings.

Q: How many strings does a ukulele have?
A: A ukulele usually has four strings.

Q: Is the flute a woodwind or a brass instrument?
A: The flute is a woodwind instrument, even though it is usually made of metal.

Q: Which family of instruments does the trumpet belong to?
A: The trumpet belongs to the brass family.

Q: What is a koto?
A: The koto is a traditional Japanese string instrument. It usually has 13 strings and is played by plucking.

Q: How many strings does a shamisen have?
A: A shamisen has three strings.

Q: What kind of instrument is a drum?
A: A drum is a percussion instrument, which means you play it by hitting it.

Q: Which is bigger, a violin or a cello?
A: A cello is much bigger than a violin, and it plays lower notes. A cellist sits down and holds it upright.

Q: What instrument did Chopin write most of his music for?
A: Frederic Chopin wrote most of his music for the piano.
"""

EN_EXPLAIN = r"""
Q: What is a volcano? | Explain what a volcano is.
A: A volcano is an opening in the Earth's surface where melted rock, called magma, comes up from deep inside. When a volcano erupts, it can release lava, ash, and gases. Mount Fuji is a famous volcano.

Q: What is an earthquake? | Why do earthquakes happen?
A: An earthquake is a sudden shaking of the ground. It happens when large pieces of the Earth's crust, called plates, move and slip against each other. Japan has many earthquakes because it sits where several plates meet.

Q: What is a tsunami?
A: A tsunami is a series of very large ocean waves, usually caused by an earthquake under the sea. When it reaches the coast, it can flood land far from the shore, so people should move to high ground quickly.

Q: How does a rainbow form? | What makes a rainbow?
A: A rainbow forms when sunlight shines through drops of water in the air. The drops bend the light and split it into its different colours. You usually see a rainbow when the Sun is behind you and rain is in front of you.

Q: What is photosynthesis? | Explain photosynthesis in simple words.
A: Photosynthesis is the process plants use to make their own food. Using energy from sunlight, they turn water and carbon dioxide into sugar. Oxygen is released as a by-product, and animals and people breathe it.

Q: What is gravity? | Explain gravity.
A: Gravity is a force that pulls objects toward each other. On Earth, gravity pulls everything toward the ground, which is why things fall when you drop them. Gravity also keeps the Moon going around Earth and Earth going around the Sun.

Q: What does a battery do? | Explain what a battery does.
A: A battery stores energy in chemical form and gives it out as electricity. When you connect it to a device, such as a torch or a phone, an electric current flows and powers the device. Rechargeable batteries can be filled with energy again.

Q: What is a magnet?
A: A magnet is an object that pulls on iron and some other metals. Every magnet has a north pole and a south pole. Opposite poles attract each other, and the same poles push each other away.

Q: What is electricity?
A: Electricity is a form of energy carried by tiny particles called electrons. It flows through wires and powers lights, computers, and many other machines. Power stations make it from sources such as gas, coal, water, wind, or sunlight.

Q: What is a cloud? | How do clouds form?
A: A cloud is made of many tiny drops of water or bits of ice floating in the sky. Clouds form when warm, moist air rises and cools, so the water vapour in it turns into drops.

Q: Why does it rain? | What causes rain?
A: Rain happens when the tiny water drops in a cloud join together and become too heavy to float. Then they fall to the ground as rain. This is part of the water cycle.

Q: What is the water cycle? | Explain the water cycle.
A: The water cycle is the way water moves around the Earth. The Sun heats water in seas and lakes so it evaporates, the vapour cools and forms clouds, and the water falls as rain or snow. Then it flows back to the sea and the cycle begins again.

Q: What causes thunder and lightning? | What is lightning?
A: Lightning is a giant spark of electricity between clouds or between a cloud and the ground. It heats the air so quickly that the air expands with a loud bang, which we hear as thunder.

Q: What is wind? | What causes wind?
A: Wind is moving air. The Sun heats the Earth unevenly, so some air is warmer and some is cooler. Air moves from areas of high pressure to areas of low pressure, and we feel this movement as wind.

Q: What is the difference between weather and climate?
A: Weather is the condition of the air at one place and time, such as sunny or rainy today. Climate is the usual pattern of weather in a place over many years. For example, a desert has a dry climate even if it rains on one day.

Q: What is evaporation?
A: Evaporation is when a liquid slowly turns into a gas. For example, a puddle dries up after rain because the water evaporates into the air. Heat makes evaporation happen faster.

Q: What is an atom? | Can you explain what an atom is?
A: An atom is the tiny basic unit that all matter is made of. It has a centre called the nucleus, with protons and neutrons, and electrons move around it. Atoms are far too small to see with an ordinary microscope.

Q: What is a molecule?
A: A molecule is a group of two or more atoms joined together. For example, a water molecule is made of two hydrogen atoms and one oxygen atom.

Q: What is a cell in biology? | What are cells?
A: A cell is the smallest living unit of a living thing. Some living things, like bacteria, are just one cell, while the human body is made of trillions of cells. Different cells do different jobs, such as carrying oxygen or sending signals.

Q: What is DNA? | Explain DNA in simple words.
A: DNA is a long molecule inside cells that carries the instructions for how a living thing grows and works. It is passed from parents to children, which is why children often look like their parents.

Q: What is a virus?
A: A virus is a tiny germ that can only multiply inside the cells of a living thing. Viruses cause illnesses such as the common cold and influenza. They are much smaller than bacteria.

Q: What are bacteria?
A: Bacteria are tiny living things made of a single cell. Some bacteria cause illness, but many are helpful, such as those in our gut that help us digest food. Bacteria are also used to make yoghurt and cheese.

Q: What is a vaccine? | How does a vaccine work?
A: A vaccine is a medicine that trains the body's immune system to recognise a germ. After vaccination, the body can fight that germ quickly if it meets it later. Vaccines have greatly reduced diseases such as measles and polio.

Q: What is a fever?
A: A fever is when your body temperature is higher than normal, usually above about 38 degrees Celsius. It is often a sign that the body is fighting an infection. If a fever is very high or lasts a long time, you should see a doctor.

Q: What is digestion? | How does digestion work?
A: Digestion is the way the body breaks food down into small parts it can use. It starts in the mouth when you chew, continues in the stomach, and most nutrients are absorbed in the small intestine.

Q: What do the lungs do?
A: The lungs take in air when we breathe in. Oxygen from the air passes into the blood, and carbon dioxide passes out of the blood so we can breathe it out.

Q: What is the skeleton for? | Why do we have a skeleton?
A: The skeleton is the frame of bones inside the body. It supports the body, protects organs such as the brain and heart, and works with the muscles to let us move.

Q: What are muscles?
A: Muscles are soft tissues that can tighten and relax to make movement. They move our bones, pump blood in the heart, and push food through the stomach and intestines.

Q: Why do we need sleep?
A: Sleep lets the body and brain rest and repair themselves. While we sleep, the brain sorts memories, and the body grows and heals. Without enough sleep, it is hard to think clearly and stay healthy.

Q: Why is exercise good for you?
A: Exercise makes the heart, lungs, and muscles stronger. It also helps keep a healthy weight, improves sleep, and can make you feel happier. Even a daily walk is good for your health.

Q: What is protein?
A: Protein is a nutrient the body uses to build and repair muscles, skin, and other tissues. Good sources of protein include meat, fish, eggs, beans, tofu, and milk.

Q: What are vitamins?
A: Vitamins are nutrients the body needs in small amounts to stay healthy. For example, vitamin C helps the body heal, and vitamin D helps keep bones strong. We get most vitamins from a varied diet.

Q: What is a leap year?
A: A leap year is a year with 366 days instead of 365. The extra day is February 29. It is added almost every four years to keep the calendar in step with Earth's trip around the Sun.

Q: What are time zones?
A: Time zones are regions of the world that use the same clock time. Because Earth turns, it is day in some places and night in others, so regions set their clocks differently. For example, Japan is 9 hours ahead of London in winter.

Q: What is the equator?
A: The equator is an imaginary line around the middle of the Earth, halfway between the North Pole and the South Pole. It divides the Earth into the Northern and Southern Hemispheres. Places near the equator are usually warm all year.

Q: What is a compass? | How does a compass work?
A: A compass is a tool that shows direction. Its needle is a small magnet that points north because of Earth's magnetic field. People use compasses to find their way.

Q: What is a continent?
A: A continent is one of the very large areas of land on Earth. Most geographers count seven: Asia, Africa, North America, South America, Antarctica, Europe, and Australia.

Q: What is an island?
A: An island is a piece of land that is completely surrounded by water. Japan is made up of thousands of islands, and Greenland is the largest island in the world.

Q: What is a peninsula?
A: A peninsula is a piece of land that is surrounded by water on three sides. Italy and the Korean Peninsula are well-known examples.

Q: What is a desert?
A: A desert is a place that gets very little rain, usually less than about 250 millimetres a year. Deserts can be hot, like the Sahara, or cold, like Antarctica. Few plants grow there because water is scarce.

Q: What is a rainforest?
A: A rainforest is a thick forest that gets a lot of rain all year. Tropical rainforests, such as the Amazon, are warm and are home to more kinds of plants and animals than any other place on land.

Q: What is a glacier? | How does a glacier form?
A: A glacier is a huge, slow-moving mass of ice on land. It forms where more snow falls each year than melts, so the snow builds up and is pressed into ice. Glaciers are found in high mountains and near the poles.

Q: What causes tides? | Why does the sea have tides?
A: Tides are the regular rise and fall of the sea. They are caused mainly by the Moon's gravity pulling on the oceans, with some help from the Sun. Most coasts have two high tides and two low tides each day.

Q: Why does the Moon change shape? | What are the phases of the Moon?
A: The Moon does not really change shape. As it goes around Earth, we see different amounts of its sunlit side, so it seems to grow from a new moon to a full moon and shrink again. One full cycle takes about 29.5 days.

Q: What is a solar eclipse?
A: A solar eclipse happens when the Moon passes between the Sun and Earth and blocks the Sun's light. During a total eclipse, the sky becomes dark for a few minutes. You should never look directly at the Sun, even during an eclipse.

Q: What is a star? | Explain what a star is.
A: A star is a huge ball of hot gas that makes its own light and heat. The Sun is a star. Other stars look small only because they are very far away.

Q: What is a galaxy? | Explain what a galaxy is.
A: A galaxy is a huge group of stars, gas, and dust held together by gravity. There are billions of galaxies in the universe.

Q: What is the Milky Way?
A: The Milky Way is the galaxy that our solar system belongs to. It is a huge spiral of hundreds of billions of stars. On a dark night, part of it looks like a pale band of light across the sky.

Q: What is a black hole? | Can you explain what a black hole is?
A: A black hole is a place in space where gravity is so strong that nothing, not even light, can escape. Many black holes form when a very large star collapses at the end of its life.

Q: What is a comet? | Tell me what a comet is.
A: A comet is a ball of ice, dust, and rock that travels around the Sun. When it comes near the Sun, some of the ice turns into gas and forms a long, glowing tail.

Q: What is a shooting star? | What is a meteor?
A: A shooting star is not really a star. It is a meteor, a small piece of rock or dust from space that burns up as it enters Earth's atmosphere and makes a bright streak of light.

Q: What is a satellite?
A: A satellite is an object that goes around a planet. The Moon is a natural satellite of Earth. People also launch artificial satellites to help with weather forecasts, communication, and finding locations.

Q: What is friction?
A: Friction is a force that slows things down when two surfaces rub against each other. It is why a ball rolling on grass eventually stops. Friction also helps our shoes grip the ground so we do not slip.

Q: What is energy?
A: Energy is the ability to do work or cause change. It comes in many forms, such as heat, light, movement, and electricity. Energy is not created or destroyed, but it can change from one form to another.

Q: What is solar power?
A: Solar power is energy from sunlight that is turned into electricity or heat. Solar panels change sunlight directly into electricity. It is a renewable energy source because the Sun keeps shining.

Q: What is recycling? | Why is recycling important?
A: Recycling means collecting used materials, such as paper, glass, plastic, and metal, and making them into new products. It saves natural resources and energy, and it reduces the amount of rubbish that is thrown away.

Q: What is climate change? | What is global warming?
A: Climate change is a long-term change in Earth's temperatures and weather patterns. Today it is mainly caused by burning coal, oil, and gas, which adds greenhouse gases to the air and warms the planet. It can bring more heatwaves, floods, and rising seas.

Q: What is the greenhouse effect?
A: The greenhouse effect is the way certain gases in the air, such as carbon dioxide, trap heat from the Sun. It keeps Earth warm enough for life, but too much of these gases makes the planet too warm.

Q: What are fossil fuels?
A: Fossil fuels are fuels such as coal, oil, and natural gas. They formed over millions of years from the remains of ancient plants and animals. Burning them gives energy but also releases carbon dioxide.

Q: What is a computer?
A: A computer is a machine that stores and processes information by following instructions called programs. Computers can do calculations, show videos, and help people write and communicate. Phones and tablets are small computers.

Q: What is the internet? | Explain the internet in simple words.
A: The internet is a huge network that connects computers all over the world. It lets people send messages, share information, watch videos, and visit websites.

Q: What is email?
A: Email, short for electronic mail, is a way to send written messages from one computer or phone to another over the internet. Each person has an email address, and messages usually arrive within seconds.

Q: What is a password? | Why should I use a strong password?
A: A password is a secret word or set of characters that protects an account. A strong password is long and hard to guess, and you should not share it with others. Using a different password for each account is safer.

Q: What is a robot?
A: A robot is a machine that can do tasks automatically, usually controlled by a computer program. Robots are used in factories to build cars, in hospitals, and even in homes to clean floors.

Q: What is artificial intelligence? | What is AI?
A: Artificial intelligence, or AI, is technology that lets computers do tasks that usually need human thinking, such as understanding language or recognising pictures. AI systems learn patterns from large amounts of data. They are useful but can make mistakes.

Q: What is an algorithm?
A: An algorithm is a step-by-step set of instructions for solving a problem or doing a task. A cooking recipe is a simple example. Computers follow algorithms to sort data, search for information, and much more.

Q: What is democracy? | Explain democracy.
A: Democracy is a system of government in which the people choose their leaders, usually by voting in elections. In a democracy, people have rights such as free speech and the freedom to vote.

Q: What is an election?
A: An election is a process in which people vote to choose their leaders or representatives. The person or party with the most votes usually wins. Elections are a key part of democracy.

Q: What are taxes? | Why do people pay taxes?
A: Taxes are money that people and companies pay to the government. The government uses this money to pay for public services such as schools, roads, hospitals, and fire services.

Q: What is a bank?
A: A bank is a business that keeps people's money safe and lends money to people and companies. Banks usually pay interest on savings and charge interest on loans.

Q: What is money?
A: Money is something people use to buy and sell goods and services. It can be coins, banknotes, or numbers in a bank account. Before money existed, people often traded goods directly, which is called barter.

Q: What is a library?
A: A library is a place where books and other materials are kept for people to read or borrow. Many libraries are free to use and also offer computers, newspapers, and quiet places to study.

Q: What is a museum?
A: A museum is a building where interesting or valuable objects are kept and shown to the public. Museums may show art, history, science, or nature, such as dinosaur bones.

Q: What is a noun?
A: A noun is a word that names a person, place, thing, or idea. For example, "teacher", "Tokyo", "book", and "happiness" are nouns.

Q: What is a verb?
A: A verb is a word that describes an action or a state. For example, "run", "eat", and "be" are verbs. In the sentence "The cat sleeps", the verb is "sleeps".

Q: What is an adjective?
A: An adjective is a word that describes a noun. For example, in "a red apple" and "a tall tree", the words "red" and "tall" are adjectives.

Q: What is a haiku? | Tell me what a haiku is.
A: A haiku is a short Japanese poem with three parts of 5, 7, and 5 sounds. A traditional haiku includes a word that shows the season. Matsuo Basho is one of the most famous haiku poets.

Q: What is a fraction?
A: A fraction shows a part of a whole. It is written with a top number and a bottom number, such as 1/2 or 3/4. If you cut a pizza into four equal pieces and eat one, you have eaten 1/4 of it.

Q: What is a prime number?
A: A prime number is a whole number greater than 1 that can only be divided evenly by 1 and itself. For example, 2, 3, 5, 7, and 11 are prime numbers. The number 9 is not prime because it can be divided by 3.

Q: What is the difference between even and odd numbers? | What is an even number?
A: An even number can be divided by 2 with nothing left over, such as 2, 4, 6, and 8. An odd number has 1 left over when divided by 2, such as 1, 3, 5, and 7.

Q: What is a percentage? | What does percent mean?
A: A percentage is a way of showing a number as a part of 100. For example, 50 percent means 50 out of 100, which is one half. The symbol for percent is %.

Q: What is a circle?
A: A circle is a round shape where every point on the edge is the same distance from the centre. That distance is called the radius, and the distance across the circle through the centre is the diameter.

Q: What were dinosaurs? | What is a dinosaur?
A: Dinosaurs were a group of reptiles that lived on Earth for more than 160 million years. Most of them died out about 66 million years ago, probably after a huge asteroid hit Earth. Birds are the living descendants of dinosaurs.

Q: What is a fossil? | How do fossils form?
A: A fossil is the preserved remains or trace of a plant or animal that lived long ago. Fossils usually form when a living thing is buried in mud or sand that slowly turns into rock. Dinosaur bones and footprints are examples.

Q: What is evolution?
A: Evolution is the slow change of living things over many generations. Living things with features that help them survive tend to have more young, so those features become more common. Charles Darwin called this natural selection.

Q: What is an ecosystem?
A: An ecosystem is a community of living things, such as plants, animals, and tiny organisms, together with their surroundings, like water, soil, and air. All parts of an ecosystem depend on each other. A pond and a forest are examples.

Q: What is a food chain?
A: A food chain shows what eats what in nature. For example, grass is eaten by a rabbit, and the rabbit is eaten by a fox. Energy passes along the chain from plants to animals.

Q: What is a mammal? | What makes an animal a mammal?
A: A mammal is an animal that has hair or fur, breathes air, and feeds its babies with milk. Most mammals give birth to live young. Humans, dogs, whales, and bats are all mammals.

Q: What is a reptile?
A: A reptile is a cold-blooded animal with dry, scaly skin. Most reptiles lay eggs on land. Snakes, lizards, turtles, and crocodiles are reptiles.

Q: What is an amphibian?
A: An amphibian is an animal that usually starts life in water and can later live on land. Amphibians, such as frogs, toads, and salamanders, have moist skin and lay their eggs in water.

Q: What is an insect?
A: An insect is a small animal with six legs and a body in three parts: the head, the thorax, and the abdomen. Many insects also have wings. Ants, bees, butterflies, and beetles are insects.

Q: What is migration? | Why do birds migrate?
A: Migration is when animals travel a long way, often at the same time each year, to find food, warmer weather, or a safe place to have young. Many birds fly to warmer places for the winter.

Q: What is hibernation?
A: Hibernation is a deep, long sleep that some animals go into during winter. Their body temperature and heartbeat drop, so they use very little energy. Some bats, hedgehogs, and ground squirrels hibernate.

Q: What is pollination?
A: Pollination is when pollen is moved from one flower to another, or within the same flower. This lets the plant make seeds. Bees, butterflies, birds, and the wind help carry pollen.

Q: What is metamorphosis?
A: Metamorphosis is a big change in an animal's body as it grows up. For example, a caterpillar becomes a butterfly, and a tadpole becomes a frog.

Q: What is a microscope?
A: A microscope is a tool that makes very small things look much bigger. Scientists use microscopes to see cells, bacteria, and other things too small to see with the eye alone.

Q: What is a telescope?
A: A telescope is a tool that makes faraway objects look closer and clearer. People use telescopes to look at the Moon, planets, and stars. Some telescopes are even sent into space.

Q: What is a vegetarian?
A: A vegetarian is a person who does not eat meat or fish. Many vegetarians still eat eggs and dairy products. A vegan does not eat any animal products at all.

Q: What is an allergy?
A: An allergy is when the body's immune system reacts strongly to something that is usually harmless, such as pollen, peanuts, or cat hair. It can cause sneezing, itching, or a rash, and sometimes a serious reaction that needs a doctor.

Q: What is hay fever?
A: Hay fever is an allergy to pollen. It causes sneezing, a runny nose, and itchy eyes. In Japan, many people get hay fever from cedar pollen in spring.

Q: What is a calendar?
A: A calendar is a system for organising days into weeks, months, and years. Most countries today use the Gregorian calendar, which has 12 months and 365 days in a normal year.

Q: What is sumo?
A: Sumo is a traditional Japanese style of wrestling. Two wrestlers try to push each other out of a round ring, or make the other touch the ground with any part of the body other than the soles of the feet.

Q: What is origami?
A: Origami is the Japanese art of folding paper into shapes such as cranes, boats, and flowers. Traditional origami uses one square sheet of paper without cutting or glue.

Q: Why is the sky blue?
A: The sky looks blue because sunlight is scattered by the gases in the air. Blue light is scattered much more than red light, so blue light reaches our eyes from every part of the sky.

Q: Why is the sky red at sunset?
A: At sunset, sunlight passes through much more air before it reaches us. Most of the blue light is scattered away on the way, so mainly red and orange light is left.

Q: What causes the seasons? | Why do we have seasons?
A: The seasons are caused by the tilt of Earth's axis. As Earth goes around the Sun, one half leans toward the Sun and gets more direct sunlight, which makes summer there. At the same time, the other half has winter.

Q: Why do leaves change colour in autumn?
A: In autumn, trees stop making chlorophyll, the green substance in leaves. As the green fades, yellow and orange colours that were hidden appear, and some trees also make new red colours.

Q: Why does ice float on water?
A: Ice floats because it is less dense than liquid water. When water freezes, its molecules form an open pattern that takes up more space. This is why ice cubes float in a drink.

Q: How does an airplane fly?
A: An airplane flies because its wings are shaped and angled to push air downward as they move forward. This creates a force called lift that holds the plane up, while the engines push it forward.

Q: How does a refrigerator work? | What does a refrigerator do?
A: A refrigerator keeps food cold by moving heat from inside it to the outside. The cold slows down the growth of bacteria, so food stays fresh for longer.

Q: What is a map?
A: A map is a drawing of an area that shows where places are. Maps can show roads, rivers, mountains, and borders. Most maps have a scale and show which direction is north.

Q: What is the United Nations?
A: The United Nations is an international organisation founded in 1945 to keep peace and help countries work together. It has 193 member states, and its headquarters is in New York.

Q: What is a typhoon? | What is the difference between a typhoon and a hurricane?
A: A typhoon is a powerful tropical storm with strong winds and heavy rain that forms over warm ocean water. The same kind of storm is called a typhoon in the western Pacific and a hurricane in the Atlantic.

Q: What is oxygen?
A: Oxygen is a gas in the air that humans and animals need to live. It makes up about 21 percent of the air. Plants release oxygen during photosynthesis.

Q: What is a calorie?
A: A calorie is a unit for measuring energy, especially the energy in food. Food labels usually mean kilocalories when they say calories. The body uses this energy to move, grow, and stay warm.

Q: What is plastic?
A: Plastic is a man-made material that can be shaped into many forms. Most plastic is made from oil. It is light and strong, but it takes a very long time to break down, so plastic waste can harm nature.

Q: What is a kimono?
A: A kimono is a traditional Japanese garment. It is a long robe with wide sleeves, tied with a sash called an obi. Today people often wear kimonos for special events such as weddings and festivals.

Q: What is a river?
A: A river is a large stream of fresh water that flows across the land into a sea, a lake, or another river. Rivers often start from springs, melting snow, or rain in the mountains.

Q: What is soil?
A: Soil is the top layer of the ground where plants grow. It is made of tiny bits of rock, the remains of dead plants and animals, water, and air. Worms and bacteria help keep soil healthy.

Q: What is sound? | How does sound travel?
A: Sound is energy made when something vibrates. The vibrations travel through air, water, or solids as waves, and our ears pick them up. Sound cannot travel through empty space.

Q: What is light?
A: Light is a form of energy that lets us see. It travels in straight lines and very fast, about 300,000 kilometres per second. White sunlight is a mix of all the colours of the rainbow.

Q: What is temperature?
A: Temperature tells how hot or cold something is. It is measured with a thermometer, usually in degrees Celsius. Water freezes at 0 degrees Celsius and boils at 100 degrees Celsius at sea level.

Q: What is an antibiotic?
A: An antibiotic is a medicine that kills bacteria or stops them from growing. Penicillin was the first widely used antibiotic. Antibiotics do not work against viruses, such as the common cold.

Q: What is a habitat?
A: A habitat is the natural home of a plant or animal, where it finds food, water, and shelter. A pond, a desert, and a coral reef are examples of habitats.

Q: What is a coral reef?
A: A coral reef is an underwater structure built by tiny animals called corals. Reefs grow in warm, shallow seas and are home to many kinds of fish. The Great Barrier Reef in Australia is the largest.

Q: What is an endangered species?
A: An endangered species is a kind of plant or animal that is at risk of dying out. The main causes are loss of habitat, hunting, and pollution. Tigers are one example of an endangered animal.

Q: What is a planet?
A: A planet is a large, round object that travels around a star and has cleared other objects from its path. Earth is a planet, and our solar system has eight planets.

Q: What is the Moon? | Tell me about the Moon.
A: The Moon is Earth's only natural satellite. It is a rocky world about a quarter as wide as Earth, and it goes around Earth about once a month. It shines because it reflects sunlight.

Q: What is the Sun? | Tell me about the Sun.
A: The Sun is the star at the centre of our solar system. It is a huge ball of hot gas that gives Earth light and heat. Without the Sun, there could be no life on Earth.

Q: What is a dictionary?
A: A dictionary is a book or app that lists words in order and explains their meanings. Many dictionaries also show how to say each word and give example sentences.

Q: What is a passport?
A: A passport is an official document that shows who you are and which country you are a citizen of. You usually need one to travel to other countries.

Q: What is first aid?
A: First aid is the simple help given to someone who is hurt or suddenly ill before a doctor arrives. For example, you can press on a cut to stop bleeding or cool a burn under running water.

Q: What is an orchestra?
A: An orchestra is a large group of musicians who play together. It usually has string, woodwind, brass, and percussion instruments, and a conductor leads it.

Q: What is a recipe?
A: A recipe is a set of instructions for making a dish. It lists the ingredients and their amounts, and explains the steps for preparing and cooking them.

Q: What is a president?
A: A president is the leader of a country or an organisation. In many countries, the president is chosen by the people in an election.

Q: What is Obon?
A: Obon is a Japanese summer event for remembering and honouring ancestors. In many areas it is held around August 15. Families often visit graves, and towns hold Bon dances.
"""

EN_INSTRUCT = r"""
# ---- examples
Q: Give me three examples of fruit. | Name three fruits.
A: Three examples of fruit are apples, bananas, and oranges.

Q: Name three vegetables.
A: Three vegetables are carrots, potatoes, and cabbage.

Q: Give three examples of mammals.
A: Three examples of mammals are dogs, horses, and whales.

Q: Name three birds.
A: Three birds are sparrows, eagles, and penguins.

Q: Name three countries in Europe.
A: Three countries in Europe are France, Germany, and Spain.

Q: Name three countries in Asia.
A: Three countries in Asia are Japan, India, and Thailand.

Q: Name three musical instruments.
A: Three musical instruments are the piano, the violin, and the flute.

Q: Give three examples of sports that use a ball.
A: Three sports that use a ball are soccer, tennis, and basketball.

Q: Name three insects.
A: Three insects are ants, bees, and butterflies.

Q: Give three examples of things that are cold.
A: Three things that are cold are ice, snow, and ice cream.

Q: Name three farm animals.
A: Three farm animals are cows, pigs, and chickens.

Q: Give three examples of ways to travel.
A: Three ways to travel are by train, by bus, and by bicycle.

Q: Name three shapes.
A: Three shapes are a circle, a triangle, and a square.

Q: Name three kinds of weather.
A: Three kinds of weather are sunny, rainy, and snowy.

Q: Give three examples of languages.
A: Three examples of languages are English, Japanese, and Spanish.

Q: Name three flowers.
A: Three flowers are roses, tulips, and sunflowers.

Q: Name three animals that live in the sea.
A: Three animals that live in the sea are dolphins, octopuses, and sharks.

Q: Give three examples of renewable energy.
A: Three examples of renewable energy are solar power, wind power, and hydroelectric power.

Q: Name three things you can find in a kitchen.
A: Three things you can find in a kitchen are a refrigerator, a pot, and a knife.

Q: Name three Japanese foods.
A: Three Japanese foods are sushi, ramen, and tempura.

Q: Name three planets.
A: Three planets in our solar system are Mars, Venus, and Jupiter.

Q: Give two examples of animals that hibernate.
A: Two examples of animals that hibernate are hedgehogs and some kinds of bats.

# ---- opposites
Q: What is the opposite of "hot"? | What is the opposite of hot?
A: The opposite of "hot" is "cold".

Q: Give me the opposite of "big". | What is the opposite of big?
A: The opposite of "big" is "small".

Q: What is the opposite of "up"?
A: The opposite of "up" is "down".

Q: What is the antonym of "happy"?
A: The antonym of "happy" is "sad".

Q: Tell me a word that means the opposite of "fast".
A: A word that means the opposite of "fast" is "slow".

Q: What is the opposite of "open"?
A: The opposite of "open" is "closed".

Q: What is the opposite of "light"?
A: The opposite of "light" is "dark" when you mean brightness, and "heavy" when you mean weight.

Q: What is the opposite of "old"?
A: The opposite of "old" is "young" for people and animals, and "new" for things.

Q: What is the opposite of "full"?
A: The opposite of "full" is "empty".

Q: What is the opposite of "early"?
A: The opposite of "early" is "late".

Q: Say the opposite of "strong".
A: The opposite of "strong" is "weak".

Q: What is the opposite of "wet"?
A: The opposite of "wet" is "dry".

Q: What is the opposite of "easy"?
A: The opposite of "easy" is "difficult" or "hard".

Q: What is the opposite of "push"?
A: The opposite of "push" is "pull".

Q: What is the opposite of "day"?
A: The opposite of "day" is "night".

Q: What is the opposite of "left"?
A: The opposite of "left" is "right".

Q: What is the opposite of "win"?
A: The opposite of "win" is "lose".

Q: What is the antonym of "buy"?
A: The antonym of "buy" is "sell".

Q: What is the opposite of "inside"?
A: The opposite of "inside" is "outside".

Q: What is the opposite of "clean"?
A: The opposite of "clean" is "dirty".

Q: What is the opposite of "loud"?
A: The opposite of "loud" is "quiet".

Q: What is the opposite of "always"?
A: The opposite of "always" is "never".

Q: What is the opposite of "remember"?
A: The opposite of "remember" is "forget".

Q: What is the opposite of "tall"?
A: The opposite of "tall" is "short".

# ---- translation
Q: How do you say "thank you" in Japanese? | Translate "thank you" into Japanese.
A: "Thank you" in Japanese is "arigatou gozaimasu" (ありがとうございます). Among friends you can just say "arigatou".

Q: Translate "apple" into Japanese. | What is "apple" in Japanese?
A: The Japanese word for "apple" is "ringo" (りんご).

Q: What does "neko" mean in English?
A: "Neko" (猫) means "cat" in English.

Q: How do you say "good morning" in Japanese?
A: "Good morning" in Japanese is "ohayou gozaimasu" (おはようございます).

Q: What does "mizu" mean?
A: "Mizu" (水) is Japanese for "water".

Q: Translate "I like cats" into Japanese.
A: "I like cats" in Japanese is "Watashi wa neko ga suki desu" (私は猫が好きです).

Q: How do you say "dog" in Japanese?
A: "Dog" in Japanese is "inu" (犬).

Q: Translate "こんにちは" into English. | What does "konnichiwa" mean?
A: "Konnichiwa" (こんにちは) means "hello" or "good afternoon" in English.

Q: What is "book" in Japanese?
A: "Book" in Japanese is "hon" (本).

Q: Translate "さようなら" into English.
A: "Sayounara" (さようなら) means "goodbye" in English.

Q: How do you say "delicious" in Japanese?
A: "Delicious" in Japanese is "oishii" (おいしい).

Q: Translate "I am a student" into Japanese.
A: "I am a student" in Japanese is "Watashi wa gakusei desu" (私は学生です).

Q: What does "sakura" mean?
A: "Sakura" (桜) means "cherry blossom" or "cherry tree" in English.

Q: Translate "Where is the station?" into Japanese.
A: "Where is the station?" in Japanese is "Eki wa doko desu ka?" (駅はどこですか？).

Q: Translate "今日は晴れです" into English.
A: "今日は晴れです" (Kyou wa hare desu) means "It is sunny today" in English.

Q: What is the Japanese word for "friend"?
A: The Japanese word for "friend" is "tomodachi" (友達).

Q: What does "yama" mean in English?
A: "Yama" (山) means "mountain" in English.

# ---- how-to
Q: How do I make a cup of tea? | How do you make tea?
A: Boil some water and put a tea bag or tea leaves in a cup or teapot. Pour the hot water over the tea and let it steep for about three minutes. Then remove the tea and add milk or sugar if you like.

Q: How should I wash my hands? | What is the right way to wash your hands?
A: Wet your hands with water and put on soap. Rub all parts of your hands, including between your fingers and under your nails, for at least 20 seconds. Then rinse them well and dry them with a clean towel.

Q: How do I brush my teeth properly?
A: Put a small amount of toothpaste on your toothbrush. Gently brush every surface of your teeth in small circles for about two minutes, then spit out the toothpaste. It is best to brush twice a day.

Q: How do I boil an egg?
A: Put the egg in a pot and cover it with cold water. Bring the water to a boil, then cook for about 6 minutes for a soft yolk or about 10 minutes for a hard yolk. Cool the egg in cold water before peeling it.

Q: How do I cook rice in a pot?
A: Rinse the rice in cold water until the water is fairly clear. Put it in a pot with about 1.2 times as much water as rice, bring it to a boil, then cover and cook on low heat for about 15 minutes. Let it rest for 10 minutes before opening the lid.

Q: How do I plant a seed?
A: Fill a small pot with soil and make a hole about two or three times as deep as the seed is wide. Put the seed in, cover it with soil, and water it gently. Keep the soil moist and put the pot in a warm, bright place.

Q: How can I cross the road safely?
A: Stop at the edge of the road and use a crossing if there is one. Look both ways and listen for traffic. Cross only when the road is clear or the signal says you may go, and keep looking while you walk.

Q: How can I save electricity at home?
A: Turn off lights and devices when you are not using them, and use LED light bulbs. Do not leave the refrigerator door open. Setting the air conditioner a little warmer in summer also saves a lot of energy.

Q: How do I make a simple sandwich?
A: Take two slices of bread and spread butter or mayonnaise on one side of each. Put your fillings, such as ham, cheese, and lettuce, on one slice. Cover it with the other slice and cut it in half.

Q: How can I learn new words better?
A: Study a few words every day instead of many at once. Say them out loud, use them in your own sentences, and review them again after a few days.

Q: How can I fall asleep more easily?
A: Go to bed and wake up at the same time every day. Avoid screens and caffeine before bed, and keep your bedroom dark, quiet, and cool.

Q: What should I do during an earthquake?
A: Drop down, take cover under a strong table, and hold on until the shaking stops. Stay away from windows and things that might fall. When the shaking stops, move carefully to a safe place.

Q: How do I make a paper crane?
A: Making a paper crane takes many folds, so it is easiest to follow pictures the first time. Start with a square sheet of paper, fold it into a small square base, then make a bird base and fold out the neck, tail, and wings.
"""

EN_SELF = r"""
Q: Hello! | Hello.
A: Hello! How can I help you today?

Q: Hi. | Hi there!
A: Hi! What would you like to know?

Q: Good morning.
A: Good morning! How can I help you?

Q: Good afternoon.
A: Good afternoon! What would you like to ask?

Q: Good evening.
A: Good evening! What can I do for you?

Q: How are you? | How are you today?
A: I am doing well, thank you. How can I help you today?

Q: Who are you? | Tell me about yourself.
A: I am a small assistant model. I can answer simple questions.

Q: What are you?
A: I am a small language model that works as an assistant. I can answer simple questions and explain basic ideas.

Q: What is your name?
A: I do not have a personal name. I am a small assistant model that answers simple questions.

Q: What can you do? | How can you help me?
A: I can answer simple questions about general knowledge, explain basic ideas, and help with short tasks such as easy arithmetic or translating words between English and Japanese.

Q: Are you a human?
A: No, I am not a human. I am a computer program, a small language model that answers questions.

Q: Are you a robot?
A: I am not a robot with a body. I am a computer program, a small language model.

Q: Do you have feelings?
A: No, I do not have feelings. I am a computer program that writes text, but I try to be helpful and polite.

Q: Can you search the internet?
A: No, I cannot search the internet. I can only answer from what I learned during training.

Q: Do you know everything?
A: No, I do not. I am a small model, so my knowledge is limited and I can make mistakes. Please check important information.

Q: Can you make mistakes?
A: Yes, I can make mistakes. I am a small model, so please check important facts with a reliable source.

Q: What languages can you speak? | Which languages do you understand?
A: I can answer in English and in Japanese.

Q: Do you speak Japanese?
A: Yes, I can answer simple questions in Japanese too.

Q: Thank you! | Thank you.
A: You are welcome! I am glad I could help.

Q: Thanks a lot.
A: You are welcome. Feel free to ask me anything else.

Q: Thank you for your help.
A: You are welcome. Have a nice day!

Q: Goodbye. | Bye!
A: Goodbye! Have a nice day.

Q: See you later.
A: See you later! Take care.

Q: Good night.
A: Good night! Sleep well.

Q: Can you help me?
A: Of course. Please tell me your question, and I will do my best to help.

Q: I have a question.
A: Sure. What would you like to ask?

Q: Nice to meet you.
A: Nice to meet you too! How can I help you?

Q: How old are you?
A: I do not have an age like a person does. I am a computer program, a small assistant model.

Q: Where do you live?
A: I do not live anywhere. I am a computer program that runs on a computer.

Q: What is your favourite food?
A: I do not eat, so I do not have a favourite food. Many people love sushi, pizza, and curry, though.

Q: Who made you?
A: I was made by people who trained a small language model on example texts and conversations.

Q: You are wrong.
A: I am sorry for the mistake. I am a small model and I can be wrong. Could you tell me the correct answer?

Q: That was helpful.
A: I am glad it helped! Let me know if you have another question.

Q: Tell me an interesting fact.
A: Here is one: an octopus has three hearts, and its blood is blue.

Q: What time is it?
A: I am sorry, I cannot see a clock, so I do not know the current time. Please check a clock or your phone.

Q: What is the weather like today?
A: I cannot check today's weather because I am not connected to the internet. Please look at a weather forecast.

Q: Do you remember our last conversation?
A: No, I do not. I can only see the current conversation.

Q: Please answer in Japanese.
A: はい、わかりました。これからは日本語でお答えします。

Q: I am bored.
A: You could read a book, take a walk, or learn something new. I can also tell you an interesting fact if you like.
"""

EN_MULTI = r"""
Q: What is the capital of France?
A: The capital of France is Paris.
Q: What famous tower is in that city?
A: The Eiffel Tower is in Paris. It was completed in 1889.

Q: Which planet is the largest?
A: Jupiter is the largest planet in the solar system.
Q: Is it bigger than Earth?
A: Yes, Jupiter is much bigger than Earth. More than 1,300 Earths could fit inside it.
Q: Is it made of rock?
A: No, Jupiter is mostly made of gas, mainly hydrogen and helium. It is called a gas giant.

Q: What is the highest mountain in Japan?
A: Mount Fuji is the highest mountain in Japan, at 3,776 metres.
Q: Is it a volcano?
A: Yes, Mount Fuji is an active volcano. It last erupted in 1707.

Q: What do bees make?
A: Bees make honey from the nectar of flowers. They also make beeswax.
Q: How do they make it?
A: Bees collect nectar from flowers and carry it to the hive. There they fan it with their wings until much of the water evaporates and it becomes thick honey.

Q: How many legs does a spider have?
A: A spider has eight legs.
Q: And an insect?
A: An insect has six legs.
Q: So is a spider an insect?
A: No, a spider is not an insect. It is an arachnid.

Q: What is 5 plus 3?
A: 5 plus 3 is 8.
Q: And if I add 4 more?
A: If you add 4 more, you get 12.

Q: Who invented the telephone?
A: Alexander Graham Bell is credited with inventing the telephone.
Q: When was that?
A: Bell received a patent for the telephone in 1876.

Q: What is photosynthesis?
A: Photosynthesis is the process plants use to make food from sunlight, water, and carbon dioxide.
Q: What gas do plants release during it?
A: Plants release oxygen during photosynthesis.

Q: Hello!
A: Hello! How can I help you today?
Q: What is the capital of Japan?
A: The capital of Japan is Tokyo.
Q: Thank you!
A: You are welcome! Feel free to ask another question.

Q: What is the boiling point of water?
A: Water boils at 100 degrees Celsius at sea level.
Q: What about the freezing point?
A: Water freezes at 0 degrees Celsius.

Q: What is the largest ocean?
A: The Pacific Ocean is the largest ocean on Earth.
Q: Is Japan next to it?
A: Yes. Japan lies on the western side of the Pacific Ocean.

Q: Name three fruits.
A: Three examples of fruit are apples, bananas, and oranges.
Q: Which of them has the most vitamin C?
A: Of those three, oranges have the most vitamin C.

Q: What is the opposite of hot?
A: The opposite of "hot" is "cold".
Q: And the opposite of big?
A: The opposite of "big" is "small".

Q: How do you say "cat" in Japanese?
A: "Cat" in Japanese is "neko" (猫).
Q: And "dog"?
A: "Dog" in Japanese is "inu" (犬).

Q: What is a volcano?
A: A volcano is an opening in the Earth's surface where melted rock comes up from deep inside.
Q: What is lava?
A: Lava is melted rock that comes out of a volcano. While it is still underground, it is called magma.

Q: Who painted the Mona Lisa?
A: Leonardo da Vinci painted the Mona Lisa.
Q: Where can I see it?
A: You can see the Mona Lisa at the Louvre Museum in Paris.

Q: What is the fastest land animal?
A: The cheetah is the fastest land animal.
Q: What does it eat?
A: The cheetah is a carnivore. It hunts animals such as gazelles and impalas.

Q: How many days are in a week?
A: There are seven days in a week.
Q: Which of them are the weekend?
A: In many countries, including Japan, the weekend is Saturday and Sunday.

Q: What is the currency of Japan?
A: The currency of Japan is the yen.
Q: And in the United States?
A: The currency of the United States is the US dollar.

Q: Who was the first person to walk on the Moon?
A: Neil Armstrong was the first person to walk on the Moon, in July 1969.
Q: Did anyone go with him?
A: Yes. Buzz Aldrin walked on the Moon with him, while Michael Collins stayed in orbit around the Moon.

Q: Which planet is called the Red Planet?
A: Mars is known as the Red Planet.
Q: Why is it red?
A: Mars looks red because its surface is covered with dust that contains iron oxide, which is a lot like rust.
Q: How many moons does it have?
A: Mars has two small moons, called Phobos and Deimos.

Q: How many players are on a soccer team?
A: A soccer team has 11 players on the field, including the goalkeeper.
Q: What about basketball?
A: A basketball team has five players on the court at one time.

Q: Where is the Taj Mahal?
A: The Taj Mahal is in Agra, India.
Q: What is it made of?
A: The Taj Mahal is made mainly of white marble.

Q: What is 6 times 7?
A: 6 times 7 is 42.
Q: And what is that divided by 2?
A: 42 divided by 2 is 21.

Q: I want to learn about the human body.
A: Sure. What would you like to know about the human body?
Q: How many bones does an adult have?
A: An adult human body has 206 bones.
Q: And a newborn baby?
A: A newborn baby has around 270 bones. Some of them join together as the child grows.

Q: What is the largest animal on Earth?
A: The blue whale is the largest animal on Earth.
Q: How long can it grow?
A: A blue whale can grow to about 30 metres long.

Q: Which season comes after winter?
A: Spring comes after winter.
Q: What flowers bloom then in Japan?
A: In spring, cherry blossoms bloom in Japan. In much of the country, they bloom from late March to early April.

Q: Who are you?
A: I am a small assistant model. I can answer simple questions.
Q: Can you speak Japanese?
A: Yes, I can answer simple questions in Japanese too.

Q: What is the capital of Australia?
A: The capital of Australia is Canberra.
Q: Isn't it Sydney?
A: No. Sydney is the largest city in Australia, but the capital is Canberra.

Q: What is the chemical formula of water?
A: The chemical formula of water is H2O.
Q: What does the O stand for?
A: The O stands for oxygen, and the H stands for hydrogen.

Q: Can penguins fly?
A: Penguins cannot fly. They use their wings to swim very well in the water.
Q: Where do they live?
A: Most penguins live in the Southern Hemisphere, especially around Antarctica, but some live in warmer places such as South Africa and South America.

Q: What is the longest river in Japan?
A: The Shinano River is the longest river in Japan, at about 367 kilometres.
Q: Where does it flow into the sea?
A: The Shinano River flows into the Sea of Japan at the city of Niigata.
"""


# =========================================================================== JAPANESE

JA_FACTS = r"""
# ---- 宇宙
Q: 太陽系で一番大きい惑星は何ですか？ | 太陽系で最も大きな惑星はどれですか？ | 一番大きい惑星の名前を教えてください。
A: 太陽系で一番大きい惑星は木星です。

Q: 太陽に一番近い惑星は何ですか？ | 太陽から最も近い惑星はどれですか？
A: 太陽に一番近い惑星は水星です。

Q: 「赤い惑星」と呼ばれるのはどの惑星ですか？
A: 「赤い惑星」と呼ばれるのは火星です。

Q: 火星が赤く見えるのはなぜですか？
A: 火星が赤く見えるのは、表面が鉄さびのような酸化鉄を含む砂やちりにおおわれているからです。

Q: 太陽系には惑星がいくつありますか？ | 太陽のまわりを回る惑星はいくつですか？
A: 太陽系には八つの惑星があります。

Q: 太陽系の惑星を太陽に近い順に教えてください。 | 惑星の並び順を教えてください。
A: 太陽に近い順に、水星、金星、地球、火星、木星、土星、天王星、海王星です。

Q: 太陽から一番遠い惑星は何ですか？
A: 太陽から一番遠い惑星は海王星です。

Q: 大きな環で有名な惑星はどれですか？ | きれいな環がある惑星は何ですか？
A: 大きな環で有名な惑星は土星です。環は氷や岩のかけらでできています。

Q: 太陽系で一番熱い惑星はどれですか？
A: 太陽系で一番熱い惑星は金星です。厚い大気が熱を閉じこめているためです。

Q: 太陽系で一番小さい惑星は何ですか？
A: 太陽系で一番小さい惑星は水星です。

Q: 冥王星は惑星ですか？
A: 冥王星は今は惑星とされていません。2006年から準惑星に分類されています。

Q: 太陽は恒星ですか、惑星ですか？
A: 太陽は恒星です。太陽系の中心にある星です。

Q: 地球には月がいくつありますか？ | 地球の衛星はいくつですか？
A: 地球の衛星は月の一つだけです。

Q: 月は地球からどのくらい離れていますか？ | 地球と月の距離はどのくらいですか？
A: 月は地球から平均で約38万4000キロメートル離れています。

Q: 地球が太陽のまわりを一周するのにどのくらいかかりますか？ | 地球の公転にかかる時間はどのくらいですか？
A: 地球が太陽のまわりを一周するには、約365日、つまり約1年かかります。

Q: 地球は何時間で一回転しますか？ | 地球の自転にかかる時間はどのくらいですか？
A: 地球は約24時間で1回自転します。そのため昼と夜があります。

Q: 太陽の光が地球に届くまでにどのくらいかかりますか？
A: 太陽の光は約8分で地球に届きます。

Q: 私たちが住んでいる惑星は何ですか？
A: 私たちが住んでいる惑星は地球で、太陽から3番目の惑星です。

Q: 初めて月面を歩いた人は誰ですか？ | 月に初めて降り立った人は誰ですか？
A: 初めて月面を歩いたのはニール・アームストロングで、1969年7月のことです。

Q: 初めて宇宙へ行った人は誰ですか？ | 人類で最初に宇宙を飛んだのは誰ですか？
A: 初めて宇宙へ行ったのはソ連のユーリイ・ガガーリンで、1961年4月のことです。

Q: 日本人で初めて宇宙へ行った人は誰ですか？
A: 日本人で初めて宇宙へ行ったのは、ジャーナリストの秋山豊寛さんで、1990年のことです。

Q: 火星には衛星がいくつありますか？
A: 火星にはフォボスとダイモスという二つの小さな衛星があります。

Q: 太陽の大きさは地球の何倍ですか？
A: 太陽の直径は地球の約109倍です。

# ---- 地球と世界の地理
Q: 世界で一番大きい海は何ですか？ | 一番広い海洋はどれですか？ | 最も大きい大洋の名前を教えてください。
A: 世界で一番大きい海は太平洋です。

Q: 三大洋とは何ですか？
A: 三大洋とは、太平洋、大西洋、インド洋のことです。

Q: 世界で一番大きい大陸はどれですか？ | 最も面積の広い大陸はどこですか？
A: 世界で一番大きい大陸はユーラシア大陸です。

Q: 大陸はいくつありますか？ | 六大陸とは何ですか？
A: 日本ではふつう六大陸といい、ユーラシア大陸、アフリカ大陸、北アメリカ大陸、南アメリカ大陸、南極大陸、オーストラリア大陸があります。

Q: 一番小さい大陸はどれですか？
A: 一番小さい大陸はオーストラリア大陸です。

Q: 一番寒い大陸はどこですか？
A: 一番寒い大陸は南極大陸です。

Q: 世界で一番高い山は何ですか？ | 世界最高峰の山はどこですか？ | 地球で一番高い山を教えてください。
A: 世界で一番高い山はエベレストで、高さは約8849メートルです。

Q: エベレストはどこにありますか？
A: エベレストはヒマラヤ山脈にあり、ネパールと中国のチベット自治区の境にあります。

Q: 世界で一番長い川は何ですか？ | 世界一長い川はどこですか？
A: 世界で一番長い川は、ふつうアフリカのナイル川とされ、長さは約6650キロメートルです。アマゾン川もほぼ同じ長さです。

Q: 世界で一番大きい砂漠はどこですか？
A: 寒い地域の砂漠を除くと、世界で一番大きい砂漠はアフリカ北部のサハラ砂漠です。

Q: 面積が世界で一番大きい国はどこですか？ | 世界一広い国はどこですか？
A: 面積が世界で一番大きい国はロシアです。

Q: 人口が世界で一番多い国はどこですか？
A: 人口が世界で一番多い国はインドです。2023年に中国を上回りました。

Q: 世界で一番小さい国はどこですか？
A: 世界で一番小さい国はバチカン市国です。

Q: 世界で一番大きい島はどこですか？
A: 世界で一番大きい島はグリーンランドです。

Q: 海で一番深い場所はどこですか？
A: 海で一番深い場所はマリアナ海溝のチャレンジャー海淵で、深さは1万1000メートル近くあります。

Q: ヨーロッパと北アメリカの間にある海は何ですか？
A: ヨーロッパと北アメリカの間にあるのは大西洋です。

Q: アマゾンの熱帯雨林はどこにありますか？
A: アマゾンの熱帯雨林は南アメリカにあり、その大部分はブラジルにあります。

Q: 地球の表面のどのくらいが海ですか？
A: 地球の表面の約7割、およそ71パーセントが海です。

Q: 国際連合には何か国が加盟していますか？ | 国連の加盟国はいくつですか？
A: 国際連合には193か国が加盟しています。

Q: ブラジルでは何語が話されていますか？
A: ブラジルのおもな言葉はポルトガル語です。

Q: メキシコでは何語が話されていますか？
A: メキシコでは、おもにスペイン語が話されています。

Q: カナダの公用語は何ですか？
A: カナダの公用語は英語とフランス語の二つです。

# ---- 日本
Q: 日本で一番高い山は何ですか？ | 富士山の高さはどのくらいですか？ | 日本一高い山はどこですか？
A: 日本で一番高い山は富士山で、高さは3776メートルです。

Q: 日本で一番長い川は何ですか？ | 日本一長い川はどこですか？
A: 日本で一番長い川は信濃川で、長さは約367キロメートルです。

Q: 日本で一番大きい湖は何ですか？ | 日本一大きな湖はどこですか？
A: 日本で一番大きい湖は滋賀県にある琵琶湖です。

Q: 日本で一番深い湖はどこですか？
A: 日本で一番深い湖は秋田県の田沢湖で、深さは約423メートルです。

Q: 日本には都道府県がいくつありますか？ | 都道府県の数はいくつですか？
A: 日本には47の都道府県があります。1都1道2府43県です。

Q: 日本の主な四つの島は何ですか？
A: 日本の主な四つの島は、本州、北海道、九州、四国です。

Q: 日本で一番大きい島はどこですか？
A: 日本で一番大きい島は本州です。

Q: 日本で一番面積が大きい都道府県はどこですか？ | 一番広い都道府県はどこですか？
A: 日本で一番面積が大きい都道府県は北海道です。

Q: 日本で一番面積が小さい都道府県はどこですか？ | 一番せまい都道府県はどこですか？
A: 日本で一番面積が小さい都道府県は香川県です。

Q: 日本で一番人口が多い都道府県はどこですか？
A: 日本で一番人口が多い都道府県は東京都です。

Q: 日本で一番人口が多い市はどこですか？
A: 日本で一番人口が多い市は横浜市です。なお、東京23区は市ではありません。

Q: 日本の人口はどのくらいですか？
A: 日本の人口は約1億2000万人で、少しずつ減っています。

Q: 日本の国鳥は何ですか？
A: 日本の国鳥はキジです。

Q: 日本を代表する花は何ですか？
A: 日本を代表する花は桜です。菊も皇室の紋章に使われる大切な花です。

Q: 日本の国歌は何ですか？
A: 日本の国歌は「君が代」です。

Q: 国会議事堂はどこにありますか？
A: 国会議事堂は東京都千代田区の永田町にあります。

Q: 江戸幕府を開いたのは誰ですか？
A: 江戸幕府を開いたのは徳川家康で、1603年のことです。

Q: 平安京に都が移されたのは何年ですか？
A: 平安京に都が移されたのは794年です。

Q: 日本で最初のオリンピックはいつ開かれましたか？
A: 日本で最初のオリンピックは、1964年の東京オリンピックです。

Q: 2020年の夏のオリンピックはどこで開かれましたか？
A: 2020年の夏のオリンピックは東京で開かれました。延期されたため、実際に開かれたのは2021年です。

Q: 日本の祝日「こどもの日」は何月何日ですか？ | こどもの日はいつですか？
A: こどもの日は5月5日です。

Q: 文化の日は何月何日ですか？
A: 文化の日は11月3日です。

Q: 元日は何月何日ですか？
A: 元日は1月1日で、一年の最初の日です。

Q: 七夕は何月何日ですか？
A: 七夕はふつう7月7日です。

Q: ひな祭りは何月何日ですか？
A: ひな祭りは3月3日で、女の子の成長を願う行事です。

Q: 桜はいつごろ咲きますか？ | 日本で桜が咲くのはいつですか？
A: 日本の多くの地域では、桜は3月の終わりから4月の初めごろに咲きます。

Q: 梅雨はいつですか？
A: 日本の多くの地域では、梅雨は6月ごろから7月ごろまで続きます。

Q: 日本の国旗はどんな旗ですか？ | 日の丸はどんな旗ですか？
A: 日本の国旗は、白地の真ん中に赤い丸がある旗で、日の丸と呼ばれます。赤い丸は太陽を表します。

# ---- お金
Q: 日本の通貨は何ですか？ | 日本のお金の単位は何ですか？
A: 日本の通貨は円です。

Q: アメリカの通貨は何ですか？
A: アメリカの通貨はドルです。

Q: イギリスの通貨は何ですか？
A: イギリスの通貨はポンドです。

Q: ヨーロッパの多くの国で使われている通貨は何ですか？
A: ヨーロッパの多くの国では、ユーロという共通の通貨が使われています。

Q: 中国の通貨は何ですか？
A: 中国の通貨は人民元です。

Q: 韓国の通貨は何ですか？
A: 韓国の通貨はウォンです。

# ---- 名所
Q: エッフェル塔はどこにありますか？ | エッフェル塔がある都市はどこですか？
A: エッフェル塔はフランスのパリにあります。

Q: エッフェル塔はいつ完成しましたか？
A: エッフェル塔は1889年に、パリの万国博覧会に合わせて完成しました。

Q: 自由の女神はどこにありますか？
A: 自由の女神はアメリカのニューヨーク港にあります。フランスから贈られたものです。

Q: 万里の長城はどの国にありますか？
A: 万里の長城は中国にあります。長い年月をかけて、外敵を防ぐために築かれました。

Q: ギザのピラミッドはどこにありますか？
A: ギザのピラミッドはエジプトの首都カイロの近くにあります。

Q: コロッセオはどの都市にありますか？
A: コロッセオはイタリアのローマにある、古代ローマの円形闘技場です。

Q: タージ・マハルはどこにありますか？
A: タージ・マハルはインドのアグラにあります。皇帝シャー・ジャハーンが亡き妻のために建てた白い大理石の墓です。

Q: シドニー・オペラハウスはどの国にありますか？
A: シドニー・オペラハウスはオーストラリアのシドニーにあります。

Q: マチュピチュはどこにありますか？
A: マチュピチュは、ペルーのアンデス山脈の高い所にあるインカ帝国の都市の遺跡です。

Q: ピサの斜塔はどこにありますか？
A: ピサの斜塔はイタリアのピサという町にあります。

Q: 世界で一番高いビルは何ですか？ | 世界一高い建物はどこにありますか？
A: 世界で一番高いビルはドバイのブルジュ・ハリファで、高さは約828メートルです。

Q: アンコール・ワットはどの国にありますか？
A: アンコール・ワットはカンボジアにあります。

Q: パルテノン神殿はどこにありますか？
A: パルテノン神殿はギリシャのアテネにあり、女神アテナをまつる古代の神殿です。

Q: ストーンヘンジはどこにありますか？
A: ストーンヘンジはイギリスのイングランドにある、大きな石が円形に並んだ先史時代の遺跡です。

Q: モナ・リザはどこにありますか？
A: モナ・リザはパリのルーブル美術館にあります。

Q: 東京スカイツリーの高さはどのくらいですか？
A: 東京スカイツリーの高さは634メートルで、日本で一番高いタワーです。

Q: 東京タワーの高さはどのくらいですか？
A: 東京タワーの高さは333メートルです。

Q: 金閣寺はどこにありますか？
A: 金閣寺は京都市にあるお寺で、正式には鹿苑寺といいます。

Q: 姫路城はどこにありますか？
A: 姫路城は兵庫県姫路市にあります。白く美しい姿から「白鷺城」とも呼ばれます。

Q: 厳島神社はどこにありますか？
A: 厳島神社は広島県の宮島にあり、海の中に立つ大きな鳥居で有名です。

Q: 東大寺の大仏はどこにありますか？
A: 東大寺の大仏は奈良県奈良市にあります。

# ---- 発明と発見
Q: 電話を発明したのは誰ですか？ | 電話の発明者は誰ですか？
A: 電話を発明したのはアレクサンダー・グラハム・ベルとされています。1876年に特許を取りました。

Q: 電球を発明したのは誰ですか？
A: 長持ちする実用的な電球を1879年に作ったことで知られるのはトーマス・エジソンです。それ以前にも電灯を研究した人はいました。

Q: 飛行機を発明したのは誰ですか？ | 初めて動力飛行に成功したのは誰ですか？
A: 1903年に初めて動力飛行に成功したのは、ライト兄弟のオービルとウィルバーです。

Q: 活版印刷を発明したのは誰ですか？
A: 金属の活字を使う活版印刷を1440年ごろに発明したのは、ドイツのヨハネス・グーテンベルクです。

Q: ワールド・ワイド・ウェブを考え出したのは誰ですか？
A: ワールド・ワイド・ウェブは、1989年にティム・バーナーズ＝リーが考え出しました。

Q: ペニシリンを発見したのは誰ですか？
A: ペニシリンを発見したのはアレクサンダー・フレミングで、1928年のことです。

Q: 相対性理論を考えたのは誰ですか？
A: 相対性理論を考えたのはアルベルト・アインシュタインです。

Q: 万有引力の法則を発見したのは誰ですか？
A: 万有引力の法則を発表したのはアイザック・ニュートンで、1687年のことです。

Q: ダイナマイトを発明したのは誰ですか？
A: ダイナマイトを発明したのはアルフレッド・ノーベルで、1867年のことです。

Q: 最初のワクチンを作ったのは誰ですか？
A: 最初のワクチンを作ったのはエドワード・ジェンナーで、1796年に天然痘を防ぐために作りました。

Q: 元素の周期表を作ったのは誰ですか？
A: 元素の周期表を作ったのはドミトリ・メンデレーエフで、1869年のことです。

Q: インスタントラーメンを発明したのは誰ですか？
A: インスタントラーメンを発明したのは安藤百福で、1958年に「チキンラーメン」を発売しました。

Q: 紙はどこで発明されましたか？
A: 紙は古代の中国で発明されました。105年ごろに蔡倫が紙の作り方を改良しました。

Q: 「モナ・リザ」を描いたのは誰ですか？
A: 「モナ・リザ」を描いたのはレオナルド・ダ・ヴィンチです。

Q: 『ロミオとジュリエット』を書いたのは誰ですか？
A: 『ロミオとジュリエット』を書いたのは、イギリスの劇作家ウィリアム・シェイクスピアです。

Q: 『源氏物語』を書いたのは誰ですか？ | 源氏物語の作者は誰ですか？
A: 『源氏物語』を書いたのは紫式部です。約1000年前の平安時代に書かれました。

Q: ラジウムを発見したのは誰ですか？
A: ラジウムを発見したのはマリー・キュリーとピエール・キュリーで、1898年のことです。

Q: 進化論で知られる科学者は誰ですか？
A: 進化論で知られるのはチャールズ・ダーウィンです。1859年に『種の起源』を出版しました。

Q: 「月光ソナタ」を作曲したのは誰ですか？
A: 「月光ソナタ」を作曲したのはベートーヴェンです。

Q: 「ひまわり」の絵で有名な画家は誰ですか？
A: 「ひまわり」の絵で有名なのは、オランダの画家フィンセント・ファン・ゴッホです。

Q: 地動説を唱えたのは誰ですか？
A: 地球が太陽のまわりを回るという地動説を唱えたのはコペルニクスで、1543年に本にまとめました。

Q: 蒸気機関を改良したのは誰ですか？
A: 蒸気機関を大きく改良したのはジェームズ・ワットで、1760年代から1770年代にかけてのことです。

Q: 全国を歩いて正確な日本地図を作ったのは誰ですか？
A: 全国を歩いて測量し、正確な日本地図のもとを作ったのは、江戸時代の伊能忠敬です。

Q: 野口英世はどんな人ですか？
A: 野口英世は明治から昭和の初めに活躍した細菌学者で、黄熱病などの感染症を研究しました。

Q: アメリカの初代大統領は誰ですか？
A: アメリカの初代大統領はジョージ・ワシントンです。

Q: 第二次世界大戦が終わったのはいつですか？
A: 第二次世界大戦が終わったのは1945年です。

# ---- 科学
Q: 水は何度で沸騰しますか？ | 水の沸点は何度ですか？ | 水がふっとうする温度を教えてください。
A: 水は1気圧のもとで100度で沸騰します。

Q: 水は何度で凍りますか？ | 水が氷になる温度は何度ですか？
A: 水は0度で凍ります。

Q: 水の化学式は何ですか？
A: 水の化学式はH2Oで、水素原子二つと酸素原子一つからできています。

Q: 植物が空気から取り入れる気体は何ですか？
A: 植物は光合成のために、空気から二酸化炭素を取り入れます。

Q: 植物が光合成で出す気体は何ですか？
A: 植物は光合成で酸素を出します。

Q: 人間が呼吸に必要な気体は何ですか？
A: 人間が呼吸に必要な気体は酸素です。

Q: 空気の中で一番多い気体は何ですか？ | 空気の成分で最も多いものは何ですか？
A: 空気の中で一番多い気体は窒素で、全体の約78パーセントをしめています。

Q: 空気中の酸素はどのくらいの割合ですか？
A: 空気中の酸素の割合は約21パーセントです。

Q: 光の速さはどのくらいですか？ | 光は1秒間にどれくらい進みますか？
A: 光は真空中で1秒間に約30万キロメートル進みます。

Q: 音の速さはどのくらいですか？
A: 空気中の音の速さは、常温で1秒間に約340メートルです。

Q: 光と音ではどちらが速いですか？
A: 光のほうが音よりずっと速いです。そのため、雷は光が見えてから音が聞こえます。

Q: 自然界で一番かたい物質は何ですか？
A: 自然界で一番かたい物質はダイヤモンドです。

Q: 金の元素記号は何ですか？
A: 金の元素記号はAuです。

Q: 鉄の元素記号は何ですか？
A: 鉄の元素記号はFeです。

Q: 酸素の元素記号は何ですか？
A: 酸素の元素記号はOです。

Q: 一番軽い元素は何ですか？
A: 一番軽い元素は水素です。

Q: 周期表には元素がいくつありますか？
A: 周期表には、現在118の元素がのっています。

Q: 温度計は何をはかる道具ですか？
A: 温度計は温度をはかる道具です。

Q: 気圧計は何をはかる道具ですか？
A: 気圧計は空気の圧力、つまり気圧をはかる道具です。

Q: 物を地面に引っぱる力を何といいますか？
A: 物を地面に引っぱる力を重力といいます。

Q: 物質の三つの状態は何ですか？
A: 物質の三つの状態は、固体、液体、気体です。

Q: 原子の中心にあるものを何といいますか？
A: 原子の中心にあるものを原子核といいます。

Q: 地球のエネルギーのおもな源は何ですか？
A: 地球のエネルギーのおもな源は太陽です。

Q: 植物だけを食べる動物を何といいますか？
A: 植物だけを食べる動物を草食動物といいます。

Q: ほかの動物を食べる動物を何といいますか？
A: ほかの動物を食べる動物を肉食動物といいます。

Q: 植物も動物も食べる動物を何といいますか？
A: 植物も動物も食べる動物を雑食動物といいます。人間も雑食です。

Q: 磁石にくっつくものは何ですか？
A: 磁石には鉄がくっつきます。ニッケルやコバルトもくっつきますが、アルミニウムや銅はくっつきません。

# ---- 人の体
Q: 大人の体には骨がいくつありますか？ | 人間の骨は全部でいくつですか？
A: 大人の体には206個の骨があります。

Q: 人間の体で一番大きい器官は何ですか？
A: 人間の体で一番大きい器官は皮膚です。

Q: 人間の体で一番長い骨は何ですか？
A: 人間の体で一番長い骨は、太ももにある大腿骨です。

Q: 人間の体で一番小さい骨は何ですか？
A: 人間の体で一番小さい骨は、耳の奥にあるあぶみ骨です。

Q: 人間の心臓には部屋がいくつありますか？
A: 人間の心臓には、二つの心房と二つの心室の、合わせて四つの部屋があります。

Q: 心臓はどんなはたらきをしていますか？ | 心臓の役割は何ですか？
A: 心臓は血液を全身に送り出すポンプのはたらきをしています。血液は酸素や栄養を体中の細胞に運びます。

Q: 呼吸をするための器官は何ですか？
A: 呼吸をするための器官は肺です。

Q: 考えたり体を動かしたりする命令を出す器官は何ですか？
A: 考えたり体を動かす命令を出したりする器官は脳です。

Q: 大人の歯は何本ありますか？
A: 大人の歯は、親知らずを含めてふつう32本です。

Q: 子どもの乳歯は何本ありますか？
A: 子どもの乳歯は20本です。

Q: 人間の平熱は何度くらいですか？
A: 人間の平熱は、だいたい36度から37度くらいです。

Q: 赤血球は何をしていますか？
A: 赤血球は、肺で受け取った酸素を体中に運んでいます。

Q: 白血球は何をしていますか？
A: 白血球は、体に入ってきた細菌やウイルスなどと戦っています。

Q: 五感とは何ですか？ | 人間の五つの感覚を教えてください。
A: 五感とは、視覚、聴覚、嗅覚、味覚、触覚の五つの感覚のことです。

Q: 尿を作る器官は何ですか？
A: 尿を作る器官は腎臓で、血液をきれいにするはたらきもあります。

Q: 食べ物はおもにどこで消化されますか？
A: 食べ物はおもに胃と小腸で消化されます。

Q: 目の色がついている部分を何といいますか？
A: 目の色がついている部分を虹彩といいます。

Q: 大人は何時間くらい眠るとよいですか？
A: 大人は、一晩に7時間から9時間くらい眠るのがよいとされています。

Q: 日光を浴びると体の中で作られるビタミンは何ですか？
A: 日光を浴びると、体の中でビタミンDが作られます。

Q: 骨や歯を丈夫にする栄養素は何ですか？
A: 骨や歯を丈夫にする栄養素はカルシウムです。

Q: 血が赤いのはなぜですか？
A: 血が赤いのは、赤血球にヘモグロビンという赤い色素が含まれているからです。

# ---- 動物
Q: 地球上で一番大きい動物は何ですか？ | 世界一大きい動物は何ですか？
A: 地球上で一番大きい動物はシロナガスクジラです。

Q: 一番背の高い動物は何ですか？
A: 一番背の高い動物はキリンです。

Q: 陸上で一番速い動物は何ですか？ | 一番足が速い動物は何ですか？
A: 陸上で一番速い動物はチーターで、短い距離なら時速約100キロメートルで走ります。

Q: 陸上で一番大きい動物は何ですか？
A: 陸上で一番大きい動物はアフリカゾウです。

Q: クモの足は何本ですか？
A: クモの足は8本です。

Q: 昆虫の足は何本ですか？ | 虫の足は何本ありますか？
A: 昆虫の足は6本です。

Q: タコの腕は何本ですか？ | タコの足は何本ありますか？
A: タコの腕は8本です。

Q: タコには心臓がいくつありますか？
A: タコには心臓が三つあります。

Q: クジラは魚ですか？ | クジラは魚の仲間ですか？
A: いいえ、クジラは魚ではなく哺乳類です。肺で空気を吸い、子どもをお乳で育てます。

Q: イルカは魚ですか？
A: いいえ、イルカは魚ではなく哺乳類です。頭の上にある鼻の穴で呼吸します。

Q: クモは昆虫ですか？
A: いいえ、クモは昆虫ではありません。足が8本あり、昆虫とは別の仲間です。

Q: ペンギンは空を飛べますか？
A: いいえ、ペンギンは空を飛べません。そのかわり、つばさを使って水の中を上手に泳ぎます。

Q: 空を飛べる哺乳類は何ですか？
A: 本当に空を飛べる哺乳類はコウモリだけです。

Q: ミツバチは何を作りますか？
A: ミツバチは花のみつからはちみつを作ります。みつろうも作ります。

Q: 青虫は大きくなると何になりますか？
A: 青虫はさなぎになったあと、チョウになります。

Q: オタマジャクシは何になりますか？ | カエルの子どもを何といいますか？
A: カエルの子どもはオタマジャクシで、大きくなるとカエルになります。

Q: パンダは何を食べますか？
A: ジャイアントパンダはおもに竹を食べます。

Q: カンガルーはどこにすんでいますか？
A: カンガルーはオーストラリアにすんでいます。

Q: カンガルーの赤ちゃんはどこで育ちますか？
A: カンガルーの赤ちゃんは、お母さんのおなかの袋の中で育ちます。

Q: 世界で一番大きい鳥は何ですか？
A: 世界で一番大きい鳥はダチョウです。空は飛べませんが、とても速く走ります。

Q: 世界で一番小さい鳥は何ですか？
A: 世界で一番小さい鳥は、キューバにすむマメハチドリです。

Q: ラクダのこぶには水が入っていますか？
A: いいえ、ラクダのこぶには脂肪が入っています。食べ物が少ないときに、この脂肪をエネルギーとして使います。

Q: 魚はどうやって呼吸しますか？
A: 魚はえらを使って、水の中の酸素を取り入れて呼吸します。

Q: 牛は何を食べますか？
A: 牛はおもに草や干し草を食べます。

Q: 白と黒のしま模様で知られる動物は何ですか？
A: 白と黒のしま模様で知られる動物はシマウマです。

Q: ゾウの赤ちゃんはどのくらいおなかの中にいますか？
A: ゾウの赤ちゃんは約22か月お母さんのおなかの中にいます。陸の動物の中で一番長い期間です。

Q: 日本にすむサルは何ですか？
A: 日本にすむサルはニホンザルです。雪の中で温泉に入るサルとしても有名です。

Q: 日本にすむ一番大きな陸の野生動物は何ですか？
A: 日本にすむ一番大きな陸の野生動物は、北海道にいるヒグマです。

Q: ホッキョクグマの皮膚は何色ですか？
A: ホッキョクグマの毛は白く見えますが、皮膚は黒色です。

Q: フラミンゴはなぜピンク色なのですか？
A: フラミンゴがピンク色なのは、食べている小さなエビや藻に含まれる色素のためです。

# ---- 植物
Q: 植物が育つには何が必要ですか？ | 植物の成長に必要なものは何ですか？
A: 植物が育つには、日光、水、空気、土の中の養分が必要です。

Q: 葉が緑色なのはなぜですか？
A: 葉が緑色なのは、葉緑素という緑色の色素を含んでいるからです。葉緑素は日光を受け取るはたらきをします。

Q: 根はどんなはたらきをしますか？
A: 根は植物を地面に支え、土から水や養分を吸い上げます。

Q: 一番背の高い木の種類は何ですか？
A: 一番背の高い木は、アメリカのカリフォルニア州などに生えるセンペルセコイアで、110メートルを超えるものもあります。

Q: トマトは果物ですか、野菜ですか？
A: トマトは種を含むので植物学では果実ですが、料理ではふつう野菜として扱われます。

Q: 竹は木ですか？
A: 竹は木ではなく、イネの仲間の植物です。1日に1メートル近く伸びることもあります。

Q: サボテンはどうやって砂漠で生きていますか？
A: サボテンは太いくきに水をたくわえ、とげによって水が逃げるのを防いでいます。

Q: 植物の種を作るのはどの部分ですか？
A: 植物の種を作るのは花です。

Q: 米は何という植物の種ですか？
A: 米はイネという植物の種です。水田で育てられます。

Q: 秋に赤く紅葉する代表的な木は何ですか？
A: 秋に赤く紅葉する代表的な木はカエデで、モミジとも呼ばれます。

Q: りんごはどこに実りますか？
A: りんごはりんごの木に実ります。日本では青森県や長野県でたくさん作られています。

# ---- 単位
Q: 1メートルは何センチメートルですか？ | 1メートルは何センチですか？
A: 1メートルは100センチメートルです。

Q: 1センチメートルは何ミリメートルですか？
A: 1センチメートルは10ミリメートルです。

Q: 1キロメートルは何メートルですか？ | 1キロは何メートルですか？
A: 1キロメートルは1000メートルです。

Q: 1キログラムは何グラムですか？
A: 1キログラムは1000グラムです。

Q: 1リットルは何ミリリットルですか？
A: 1リットルは1000ミリリットルです。

Q: 1分は何秒ですか？
A: 1分は60秒です。

Q: 1時間は何分ですか？
A: 1時間は60分です。

Q: 1日は何時間ですか？
A: 1日は24時間です。

Q: 1時間は何秒ですか？
A: 1時間は3600秒です。

Q: 1年は何週間ですか？
A: 1年は約52週間です。

Q: 1世紀は何年ですか？
A: 1世紀は100年です。

Q: 1ダースはいくつですか？
A: 1ダースは12個です。

Q: 1インチは何センチメートルですか？
A: 1インチは2.54センチメートルです。

Q: 1マイルは何キロメートルですか？
A: 1マイルは約1.6キロメートルです。

Q: 一升は何リットルですか？
A: 一升は約1.8リットルです。

Q: 1坪はどのくらいの広さですか？
A: 1坪は約3.3平方メートルで、畳2枚分ほどの広さです。

Q: 電力の単位は何ですか？
A: 電力の単位はワットです。

Q: 時速とは何ですか？
A: 時速とは、1時間に進む距離で表した速さのことです。たとえば時速60キロメートルは、1時間に60キロメートル進む速さです。

# ---- 色
Q: 青と黄色を混ぜると何色になりますか？ | 黄色と青の絵の具を混ぜると何色ですか？
A: 青と黄色を混ぜると緑色になります。

Q: 赤と黄色を混ぜると何色になりますか？
A: 赤と黄色を混ぜるとオレンジ色になります。

Q: 赤と青を混ぜると何色になりますか？
A: 赤と青を混ぜると紫色になります。

Q: 赤と白を混ぜると何色になりますか？
A: 赤と白を混ぜるとピンク色になります。

Q: 黒と白を混ぜると何色になりますか？
A: 黒と白を混ぜると灰色になります。

Q: 三原色とは何ですか？ | 色の三原色を教えてください。
A: 絵の具では昔から赤、黄、青が三原色とされてきました。光の三原色は赤、緑、青です。

Q: 晴れた日の空は何色ですか？
A: 晴れた日の空は青色です。

Q: 熟したバナナは何色ですか？
A: 熟したバナナは黄色です。

Q: 雪は何色ですか？
A: 雪は白色です。

Q: フランスの国旗は何色ですか？
A: フランスの国旗は、青、白、赤の三色が縦に並んだ旗です。

Q: イタリアの国旗は何色ですか？
A: イタリアの国旗は、緑、白、赤の三色が縦に並んだ旗です。

Q: 信号機の色は何色ですか？ | 信号の色にはどんな意味がありますか？
A: 日本の信号機は青、黄、赤の三色です。青は進んでよい、黄は注意、赤は止まれという意味です。

Q: 虹は何色ですか？ | 虹の色はいくつありますか？
A: 日本では虹は七色とされ、赤、橙、黄、緑、青、藍、紫です。

# ---- 図形と数
Q: 三角形には辺がいくつありますか？
A: 三角形には辺が三つあります。

Q: 正方形には辺がいくつありますか？
A: 正方形には辺が四つあり、すべて同じ長さです。

Q: 五角形には辺がいくつありますか？
A: 五角形には辺が五つあります。

Q: 六角形には辺がいくつありますか？
A: 六角形には辺が六つあります。

Q: 立方体には面がいくつありますか？
A: 立方体には面が六つあります。

Q: 立方体には頂点がいくつありますか？
A: 立方体には頂点が八つあります。

Q: 円を一周すると何度ですか？
A: 円を一周すると360度です。

Q: 三角形の内角の和は何度ですか？
A: 三角形の内角の和は180度です。

Q: 直角は何度ですか？
A: 直角は90度です。

Q: ひらがなは何文字ありますか？
A: 基本のひらがなは46文字です。

Q: 英語のアルファベットは何文字ありますか？
A: 英語のアルファベットは26文字です。

# ---- 暦と季節
Q: 1週間は何日ですか？
A: 1週間は7日です。

Q: 1年は何か月ですか？
A: 1年は12か月です。

Q: 1年は何日ですか？ | 1年には何日ありますか？
A: ふつうの年は365日で、うるう年は366日です。

Q: うるう年は何年に一度ですか？
A: うるう年はふつう4年に一度あります。うるう年には2月が29日まであります。

Q: 四季とは何ですか？ | 日本の四つの季節を教えてください。
A: 四季とは、春、夏、秋、冬の四つの季節のことです。

Q: 冬の次の季節は何ですか？
A: 冬の次の季節は春です。

Q: 夏の次の季節は何ですか？
A: 夏の次の季節は秋です。

Q: 日本の春は何月から何月までですか？
A: 日本では、ふつう3月から5月までを春といいます。

Q: オーストラリアの夏はいつですか？
A: オーストラリアは南半球にあるので、夏は12月から2月です。

Q: 一年で昼が一番長い日は何ですか？
A: 一年で昼が一番長い日は夏至で、日本では6月21日ごろです。

Q: 一年で昼が一番短い日は何ですか？
A: 一年で昼が一番短い日は冬至で、日本では12月21日か22日ごろです。

Q: 週末は何曜日ですか？
A: 日本を含む多くの国では、週末は土曜日と日曜日です。

# ---- 食べ物
Q: 豆腐は何から作られていますか？ | 豆腐の原料は何ですか？
A: 豆腐は大豆から作られています。

Q: チーズは何から作られていますか？
A: チーズは牛乳などの乳から作られています。

Q: バターは何から作られていますか？
A: バターは、牛乳からとったクリームをかき混ぜて作られます。

Q: チョコレートは何から作られていますか？
A: チョコレートは、カカオの木の種であるカカオ豆をいって作られます。

Q: パンは何から作られていますか？
A: パンはふつう、小麦粉、水、塩、イーストから作られます。

Q: 寿司はどこの国の料理ですか？
A: 寿司は日本の料理です。

Q: ピザはどこの国の料理ですか？
A: ピザはイタリアの料理で、特にナポリの町が有名です。

Q: レーズンとは何ですか？
A: レーズンは、ぶどうを干して乾かしたものです。

Q: みそは何から作られていますか？
A: みそは、大豆に塩と米こうじや麦こうじなどを加えて発酵させて作ります。

Q: 納豆とは何ですか？
A: 納豆は大豆を発酵させた日本の食べ物です。ねばねばしていて、独特のにおいがあります。

Q: しょうゆは何から作られていますか？
A: しょうゆは大豆、小麦、塩、水を何か月も発酵させて作ります。

Q: 梅干しとは何ですか？
A: 梅干しは、梅の実を塩漬けにしてから干した日本の食べ物です。すっぱい味がします。

Q: ビタミンCが多い果物は何ですか？
A: みかんやキウイ、いちごなどの果物にはビタミンCが多く含まれています。

Q: キムチとは何ですか？
A: キムチは韓国の料理で、白菜などの野菜を塩と唐辛子で漬けて発酵させたものです。

Q: ポップコーンは何から作られていますか？
A: ポップコーンは、はじける種類のとうもろこしの乾いた粒を熱して作ります。

Q: フライドポテトは何から作られていますか？
A: フライドポテトはじゃがいもから作られています。

Q: 緑茶と紅茶は同じ植物から作られますか？
A: はい、緑茶も紅茶も同じチャノキの葉から作られます。葉の加工のしかたが違うので、色や味が変わります。

Q: コーヒーは何から作られていますか？
A: コーヒーは、コーヒーノキの種であるコーヒー豆をいって作ります。

Q: たんぱく質が多い食べ物は何ですか？
A: 肉、魚、卵、豆、豆腐、牛乳などにはたんぱく質が多く含まれています。

Q: 和食はいつユネスコ無形文化遺産になりましたか？
A: 和食は2013年にユネスコ無形文化遺産に登録されました。

# ---- スポーツとゲーム
Q: サッカーは1チーム何人ですか？ | サッカーのチームは何人でプレーしますか？
A: サッカーは1チーム11人で、その中にゴールキーパーが1人います。

Q: バスケットボールは1チーム何人ですか？
A: バスケットボールは、コートに出る選手が1チーム5人です。

Q: 野球は1チーム何人ですか？
A: 野球は、守備につく選手が1チーム9人です。

Q: バレーボールは1チーム何人ですか？
A: バレーボールは、コートに出る選手が1チーム6人です。

Q: ラグビーは1チーム何人ですか？
A: 15人制ラグビーでは、1チーム15人がフィールドに出ます。

Q: オリンピックは何年ごとに開かれますか？ | オリンピックはどのくらいの間隔で開催されますか？
A: 夏のオリンピックは4年ごとに開かれ、冬のオリンピックも4年ごとに開かれます。

Q: マラソンの距離はどのくらいですか？ | フルマラソンは何キロですか？
A: マラソンの距離は42.195キロメートルです。

Q: オリンピックの旗には輪がいくつありますか？
A: オリンピックの旗には五つの輪があります。

Q: 柔道はどこで生まれましたか？
A: 柔道は日本で生まれました。1882年に嘉納治五郎が始めました。

Q: 将棋の盤には何マスありますか？
A: 将棋の盤は縦9マス、横9マスで、全部で81マスあります。

Q: 将棋の駒は全部で何枚ですか？
A: 将棋の駒は全部で40枚で、一人20枚ずつ使います。

Q: 囲碁の盤には交点がいくつありますか？
A: 正式な囲碁の盤は縦横19本ずつの線があり、交点は361あります。

Q: チェスの盤には何マスありますか？
A: チェスの盤には64マスあります。

Q: ホームランはどのスポーツの言葉ですか？
A: ホームランは野球の言葉です。

Q: ホールインワンはどのスポーツの言葉ですか？
A: ホールインワンはゴルフの言葉です。

Q: サッカーのワールドカップは何年ごとに開かれますか？
A: サッカーのワールドカップは4年ごとに開かれます。

Q: オリンピックのプールの長さはどのくらいですか？
A: オリンピックで使うプールの長さは50メートルです。

Q: 相撲で一番上の地位は何ですか？
A: 相撲で一番上の地位は横綱です。

Q: 最初の近代オリンピックはどこで開かれましたか？
A: 最初の近代オリンピックは、1896年にギリシャのアテネで開かれました。

# ---- 楽器
Q: ピアノの鍵盤はいくつありますか？ | ピアノには鍵盤が何個ありますか？
A: ふつうのピアノの鍵盤は88個です。

Q: バイオリンの弦は何本ですか？
A: バイオリンの弦は4本です。

Q: ギターの弦は何本ですか？
A: ふつうのギターの弦は6本です。

Q: ウクレレの弦は何本ですか？
A: ウクレレの弦はふつう4本です。

Q: フルートは木管楽器ですか、金管楽器ですか？
A: フルートは、金属でできていても木管楽器に分類されます。

Q: トランペットは何の仲間の楽器ですか？
A: トランペットは金管楽器の仲間です。

Q: 箏（こと）の弦は何本ですか？
A: 箏の弦はふつう13本で、指にはめた爪ではじいて音を出します。

Q: 三味線の弦は何本ですか？
A: 三味線の弦は3本です。

Q: 太鼓はどんな種類の楽器ですか？
A: 太鼓は、たたいて音を出す打楽器です。

Q: 尺八とはどんな楽器ですか？
A: 尺八は竹で作られた日本の縦笛です。長さが一尺八寸、約54センチメートルであることから名前がつきました。

Q: バイオリンとチェロはどちらが大きいですか？
A: チェロのほうがバイオリンよりずっと大きく、低い音が出ます。チェロはいすに座って立てて弾きます。

Q: ショパンは何の楽器の曲を多く作りましたか？
A: ショパンはおもにピアノの曲を作りました。
"""

JA_EXPLAIN = r"""
Q: 火山とは何ですか？ | 火山について説明してください。
A: 火山は、地下深くでとけた岩石であるマグマが地表に出てくる場所です。噴火すると、溶岩や火山灰、ガスが出ます。富士山も火山です。

Q: 地震とは何ですか？ | 地震はなぜ起こるのですか？
A: 地震は地面が急にゆれることです。地球の表面をおおうプレートという大きな岩の板が動き、ずれることで起こります。日本はいくつものプレートが集まる場所にあるため、地震が多いです。

Q: 津波とは何ですか？
A: 津波は、おもに海底で起きた地震によって生まれる、とても大きな波です。陸の奥まで水が押し寄せることがあるので、津波のおそれがあるときはすぐに高い所へ逃げます。

Q: 虹はどうしてできるのですか？ | 虹ができるしくみを教えてください。
A: 虹は、太陽の光が空気中の水のつぶを通るときにできます。水のつぶが光を曲げて、いろいろな色に分けるからです。太陽を背にして、前方で雨が降っているときによく見えます。

Q: 光合成とは何ですか？ | 光合成をわかりやすく説明してください。
A: 光合成は、植物が自分で栄養を作るしくみです。日光のエネルギーを使って、水と二酸化炭素から糖を作ります。このとき酸素が出て、動物や人がそれを吸っています。

Q: 重力とは何ですか？ | 重力について説明してください。
A: 重力は、物どうしが引き合う力です。地球の重力があるので、手をはなした物は下に落ちます。月が地球のまわりを回り、地球が太陽のまわりを回るのも重力のためです。

Q: 電池は何をするものですか？ | 電池のはたらきを説明してください。
A: 電池は、エネルギーを化学的な形でためておき、電気として取り出す道具です。機械につなぐと電流が流れ、懐中電灯やリモコンなどが動きます。充電式の電池はくり返し使えます。

Q: 磁石とは何ですか？
A: 磁石は、鉄などを引きつける物です。磁石にはN極とS極があり、ちがう極どうしは引き合い、同じ極どうしは反発します。

Q: 電気とは何ですか？
A: 電気は、電子という小さなつぶの動きによって生まれるエネルギーです。電線を流れて、電灯やコンピューターなどを動かします。発電所で、ガスや水、風、太陽の光などから作られます。

Q: 雲は何でできていますか？ | 雲はどうやってできるのですか？
A: 雲は、空にうかぶとても小さな水のつぶや氷のつぶの集まりです。あたたかく湿った空気が上にのぼって冷えると、水蒸気が水のつぶになって雲ができます。

Q: 雨はなぜ降るのですか？
A: 雲の中の小さな水のつぶがくっついて大きくなり、重くなってうかんでいられなくなると、雨として落ちてきます。これは水の循環の一部です。

Q: 水の循環とは何ですか？ | 水の循環について説明してください。
A: 水の循環とは、水が地球をめぐるしくみです。太陽に温められた海や湖の水が蒸発して雲になり、雨や雪として降ります。その水が川を流れて海にもどり、またくり返します。

Q: 雷はどうして起こるのですか？ | 雷とは何ですか？
A: 雷は、雲と雲の間や雲と地面の間で起こる、巨大な電気の火花です。まわりの空気が一気に熱くなってふくらみ、その音がゴロゴロという雷鳴になります。

Q: 風はどうして吹くのですか？ | 風とは何ですか？
A: 風は空気の動きです。太陽による温まり方が場所によってちがうため、気圧の高い所と低い所ができます。空気は気圧の高い所から低い所へ動き、それを風として感じます。

Q: 天気と気候のちがいは何ですか？
A: 天気は、ある場所のある時の空の様子で、今日は晴れや雨などのことです。気候は、その場所の長い年月の天気の特徴です。たとえば砂漠は、一日雨が降っても乾燥した気候です。

Q: 蒸発とは何ですか？
A: 蒸発は、液体が少しずつ気体に変わることです。雨のあとの水たまりがかわくのは、水が蒸発して空気中に出ていくからです。温度が高いほど蒸発は速くなります。

Q: 原子とは何ですか？ | 原子について説明してください。
A: 原子は、すべての物をつくっているとても小さなつぶです。中心に原子核があり、そのまわりを電子が回っています。ふつうの顕微鏡では見えないほど小さいです。

Q: 分子とは何ですか？
A: 分子は、二つ以上の原子が結びついたものです。たとえば水の分子は、水素原子二つと酸素原子一つでできています。

Q: 細胞とは何ですか？
A: 細胞は、生き物をつくる一番小さな単位です。細菌のように一つの細胞だけの生き物もいれば、人間の体のように数十兆個の細胞でできた生き物もいます。

Q: DNAとは何ですか？ | DNAについてわかりやすく教えてください。
A: DNAは、細胞の中にある長い分子で、生き物の体のつくりやはたらきの設計図を持っています。親から子へ受けつがれるので、子どもは親に似ることが多いのです。

Q: ウイルスとは何ですか？
A: ウイルスは、生き物の細胞の中でしか増えられない、とても小さな病原体です。かぜやインフルエンザの原因になります。細菌よりもずっと小さいです。

Q: 細菌とは何ですか？
A: 細菌は、一つの細胞でできた小さな生き物です。病気を起こすものもいますが、腸の中で消化を助けるものなど役に立つものも多く、ヨーグルトやチーズ作りにも使われます。

Q: ワクチンとは何ですか？ | ワクチンはどのようにはたらきますか？
A: ワクチンは、体の免疫に病原体を覚えさせる薬です。接種しておくと、あとでその病原体が入ってきたときに、体がすばやく戦えます。はしかやポリオなどの病気を大きく減らしました。

Q: 熱が出るとはどういうことですか？
A: 熱が出るとは、体温がふだんより高くなることです。体が病原体と戦っているしるしのことが多いです。熱がとても高いときや長く続くときは、医者に相談しましょう。

Q: 消化とは何ですか？
A: 消化とは、食べ物を体が使える小さな成分に分解することです。口でかむことから始まり、胃で続き、栄養の多くは小腸で吸収されます。

Q: 肺はどんなはたらきをしていますか？
A: 肺は、息を吸うと空気を取り入れます。空気中の酸素が血液に入り、血液の中の二酸化炭素が外に出て、息をはくときに体の外へ出ていきます。

Q: 骨格は何のためにありますか？
A: 骨格は体の中の骨の組み立てです。体を支え、脳や心臓などの大切な器官を守り、筋肉といっしょに体を動かします。

Q: 筋肉とは何ですか？
A: 筋肉は、ちぢんだりゆるんだりして体を動かす組織です。骨を動かすほか、心臓で血液を送り出したり、胃や腸で食べ物を運んだりしています。

Q: 睡眠はなぜ必要なのですか？ | どうして寝ないといけないのですか？
A: 睡眠の間に、体と脳は休み、回復します。寝ている間に脳は記憶を整理し、体は成長したり傷を治したりします。睡眠が足りないと、考える力や健康が落ちてしまいます。

Q: 運動はなぜ体によいのですか？
A: 運動をすると、心臓や肺、筋肉が強くなります。健康な体重を保ちやすくなり、よく眠れて、気分も明るくなります。毎日の散歩でも健康に役立ちます。

Q: たんぱく質とは何ですか？
A: たんぱく質は、筋肉や皮膚など体をつくったり修復したりするのに使われる栄養素です。肉、魚、卵、豆、豆腐、牛乳などに多く含まれています。

Q: ビタミンとは何ですか？
A: ビタミンは、体が少しの量だけ必要とする栄養素です。たとえばビタミンCは傷の回復を助け、ビタミンDは骨を丈夫にします。いろいろな食べ物をバランスよく食べるととれます。

Q: うるう年とは何ですか？
A: うるう年は、1年が365日ではなく366日ある年です。2月29日が一日加わります。暦を地球の公転に合わせるため、ほぼ4年に一度あります。

Q: 時差とは何ですか？
A: 時差とは、場所によって時計の時刻がちがうことです。地球が回っているので、昼の場所と夜の場所があるからです。たとえば冬の間、日本はロンドンより9時間進んでいます。

Q: 赤道とは何ですか？
A: 赤道は、北極と南極のちょうど真ん中で地球をぐるりと回る、想像上の線です。地球を北半球と南半球に分けています。赤道の近くは一年中暑い所が多いです。

Q: 方位磁針とは何ですか？ | コンパスはどのように方角を示しますか？
A: 方位磁針は方角を知るための道具です。針が小さな磁石になっていて、地球の磁気によって北を指します。道を確かめるときに使います。

Q: 大陸とは何ですか？
A: 大陸は、地球上のとても大きな陸地のことです。日本ではふつう、ユーラシア、アフリカ、北アメリカ、南アメリカ、南極、オーストラリアの六大陸に分けます。

Q: 島とは何ですか？
A: 島は、まわりをすべて水に囲まれた陸地です。日本は数千の島からできていて、世界で一番大きい島はグリーンランドです。

Q: 半島とは何ですか？
A: 半島は、三方を海に囲まれて海につき出た陸地です。イタリアや朝鮮半島、日本の能登半島などがその例です。

Q: 砂漠とは何ですか？
A: 砂漠は、雨がとても少ない土地で、ふつう1年の降水量が250ミリメートルほどより少ない所です。サハラ砂漠のような暑い砂漠も、寒い砂漠もあります。水が少ないため植物はあまり育ちません。

Q: 熱帯雨林とは何ですか？
A: 熱帯雨林は、一年中あたたかく雨の多い地域に広がる深い森です。アマゾンの熱帯雨林のように、陸の上で最も多くの種類の動物や植物がすんでいます。

Q: 氷河とは何ですか？ | 氷河はどうやってできるのですか？
A: 氷河は、陸の上をゆっくり流れる巨大な氷のかたまりです。とける量より多くの雪が毎年積もり、押し固められて氷になります。高い山や北極・南極の近くにあります。

Q: 潮の満ち引きはなぜ起こるのですか？
A: 潮の満ち引きは、おもに月の引力が海の水を引っぱることで起こり、太陽の引力も関係しています。多くの海岸では、1日に2回ずつ満潮と干潮があります。

Q: 月の形が変わって見えるのはなぜですか？ | 月の満ち欠けとは何ですか？
A: 月そのものの形は変わりません。月が地球のまわりを回るにつれて、太陽に照らされた部分の見え方が変わるため、新月から満月へ、また新月へと形が変わって見えます。一回りは約29.5日です。

Q: 日食とは何ですか？
A: 日食は、月が太陽と地球の間に入り、太陽の光をさえぎる現象です。皆既日食では、数分間空が暗くなります。日食のときでも、太陽を直接見てはいけません。

Q: 恒星とは何ですか？ | 恒星について説明してください。
A: 恒星は、自分で光と熱を出す、熱いガスの巨大なかたまりです。太陽も恒星です。ほかの恒星が小さく見えるのは、とても遠くにあるからです。

Q: 銀河とは何ですか？ | 銀河について説明してください。
A: 銀河は、たくさんの星やガス、ちりが重力で集まった巨大な集団です。宇宙には何十億もの銀河があります。

Q: 天の川とは何ですか？
A: 天の川は、私たちの太陽系がある銀河を内側から見た姿です。何千億もの星が集まっていて、暗い夜空では白い光の帯のように見えます。

Q: ブラックホールとは何ですか？ | ブラックホールについて教えてください。
A: ブラックホールは、重力がとても強く、光さえも抜け出せない宇宙の場所です。多くは、とても重い星が一生の終わりにつぶれてできます。

Q: 彗星とは何ですか？ | 彗星について説明してください。
A: 彗星は、氷やちり、岩でできたかたまりで、太陽のまわりを回っています。太陽に近づくと氷の一部がガスになり、光る長い尾ができます。

Q: 流れ星とは何ですか？
A: 流れ星は星ではありません。宇宙の小さな岩やちりが地球の大気に飛びこんで燃え、光の筋に見えるものです。

Q: 人工衛星とは何ですか？
A: 人工衛星は、人が打ち上げて地球のまわりを回らせている機械です。天気予報や通信、位置を調べることなどに使われています。なお、月は地球の自然の衛星です。

Q: 摩擦とは何ですか？
A: 摩擦は、二つの物の表面がこすれ合うときに、動きをさまたげる力です。転がるボールがやがて止まるのは摩擦のためです。くつが地面ですべらないのも摩擦のおかげです。

Q: エネルギーとは何ですか？
A: エネルギーは、物を動かしたり変化を起こしたりする力のもとです。熱、光、運動、電気など、いろいろな形があります。エネルギーは形を変えても、なくなることはありません。

Q: 太陽光発電とは何ですか？
A: 太陽光発電は、太陽の光を太陽電池パネルで直接電気に変えるしくみです。太陽は照り続けるので、再生可能エネルギーの一つです。

Q: リサイクルとは何ですか？ | リサイクルはなぜ大切なのですか？
A: リサイクルは、使い終わった紙やびん、プラスチック、金属などを集めて、新しい製品に作り変えることです。資源やエネルギーを節約し、ごみを減らすことができます。

Q: 地球温暖化とは何ですか？ | 気候変動とは何ですか？
A: 地球温暖化は、地球の平均気温が上がっていくことです。おもに石炭や石油、ガスを燃やして温室効果ガスが増えたことが原因です。猛暑や大雨、海面の上昇などにつながります。

Q: 温室効果とは何ですか？
A: 温室効果は、二酸化炭素などの気体が太陽からの熱を地球に閉じこめるはたらきです。そのおかげで地球は生き物がすめる温かさですが、増えすぎると暑くなりすぎます。

Q: 化石燃料とは何ですか？
A: 化石燃料は、石炭、石油、天然ガスなどの燃料です。大昔の植物や動物の死がいが長い年月をかけて変化してできました。燃やすとエネルギーが得られますが、二酸化炭素も出ます。

Q: コンピューターとは何ですか？
A: コンピューターは、プログラムという命令にしたがって情報を記録し、処理する機械です。計算をしたり、動画を見せたり、文章を書いたりするのに使います。スマートフォンも小さなコンピューターです。

Q: インターネットとは何ですか？ | インターネットについて簡単に説明してください。
A: インターネットは、世界中のコンピューターをつなぐ大きなネットワークです。メッセージを送ったり、情報を調べたり、動画を見たりすることができます。

Q: 電子メールとは何ですか？
A: 電子メールは、インターネットを通して、コンピューターやスマートフォンの間で文章を送るしくみです。一人ひとりにメールアドレスがあり、ふつう数秒で届きます。

Q: パスワードとは何ですか？ | 強いパスワードを使うべきなのはなぜですか？
A: パスワードは、アカウントを守るための秘密の文字の組み合わせです。長くて推測されにくいものにし、人に教えないことが大切です。サービスごとにちがうパスワードを使うとより安全です。

Q: ロボットとは何ですか？
A: ロボットは、コンピューターのプログラムなどによって自動で仕事をする機械です。工場で車を組み立てたり、病院で働いたり、家の床をそうじしたりします。

Q: 人工知能とは何ですか？ | AIとは何ですか？
A: 人工知能（AI）は、言葉を理解したり画像を見分けたりといった、人の考える力が必要な仕事をコンピューターにさせる技術です。たくさんのデータからパターンを学びますが、まちがえることもあります。

Q: アルゴリズムとは何ですか？
A: アルゴリズムは、問題を解いたり作業をしたりするための手順のことです。料理のレシピも簡単な例です。コンピューターはアルゴリズムにしたがってデータを並べかえたり、探したりします。

Q: 民主主義とは何ですか？ | 民主主義について説明してください。
A: 民主主義は、国民が選挙などで代表を選び、みんなで政治を決めるしくみです。言論の自由や投票の自由などの権利が大切にされます。

Q: 選挙とは何ですか？
A: 選挙は、投票によって代表者を選ぶしくみです。ふつうは最も多くの票を集めた人や政党が選ばれます。民主主義にとって大切なしくみです。

Q: 税金とは何ですか？ | 税金は何に使われますか？
A: 税金は、人や会社が国や地方自治体に納めるお金です。学校、道路、病院、消防など、みんなのためのサービスに使われます。

Q: 銀行とは何ですか？
A: 銀行は、人々のお金を安全に預かり、人や会社にお金を貸す会社です。預金には利子がつき、借りたお金には利子を払います。

Q: お金とは何ですか？
A: お金は、物やサービスを買ったり売ったりするときに使うものです。硬貨や紙幣のほか、銀行口座の数字もお金です。お金がなかった昔は、物と物を直接交換していました。

Q: 図書館とは何ですか？
A: 図書館は、本や資料を集めて、人々が読んだり借りたりできるようにしている場所です。多くは無料で使え、新聞やパソコン、勉強できる静かな場所もあります。

Q: 博物館とは何ですか？
A: 博物館は、歴史や自然、科学、美術などに関する貴重な物を集めて、人々に見せる施設です。恐竜の骨を展示している博物館もあります。

Q: 名詞とは何ですか？
A: 名詞は、人や場所、物、考えなどの名前を表す言葉です。たとえば「先生」「東京」「本」「しあわせ」は名詞です。

Q: 動詞とは何ですか？
A: 動詞は、動きや存在を表す言葉です。たとえば「走る」「食べる」「ある」は動詞です。日本語の動詞は、ふつう「う」の段の音で終わります。

Q: 形容詞とは何ですか？
A: 形容詞は、物事の様子や性質を表す言葉です。日本語の形容詞は「赤い」「高い」「楽しい」のように「い」で終わります。

Q: 俳句とは何ですか？ | 俳句について教えてください。
A: 俳句は、五・七・五の十七音でつくる日本の短い詩です。ふつう季節を表す季語を入れます。松尾芭蕉は有名な俳人の一人です。

Q: 分数とは何ですか？
A: 分数は、全体をいくつかに等しく分けたうちのいくつ分かを表す数です。たとえば、ピザを4等分して1切れ食べると、4分の1を食べたことになります。

Q: 素数とは何ですか？
A: 素数は、1とその数自身でしか割り切れない、1より大きい整数です。たとえば2、3、5、7、11は素数です。9は3で割り切れるので素数ではありません。

Q: 偶数と奇数のちがいは何ですか？ | 偶数とは何ですか？
A: 偶数は2で割り切れる数で、2、4、6、8などです。奇数は2で割ると1余る数で、1、3、5、7などです。

Q: パーセントとは何ですか？
A: パーセントは、全体を100としたときの割合を表す言い方です。たとえば50パーセントは100のうちの50、つまり半分です。記号は％です。

Q: 円とはどんな形ですか？
A: 円は、中心からの距離がどこでも同じになる丸い形です。中心から円までの長さを半径、中心を通って端から端までの長さを直径といいます。

Q: 恐竜とはどんな生き物ですか？ | 恐竜について教えてください。
A: 恐竜は、1億6000万年以上も地球にいた爬虫類の仲間です。約6600万年前、巨大な隕石の衝突のあとにほとんどが絶滅したと考えられています。鳥は恐竜の子孫です。

Q: 化石とは何ですか？ | 化石はどうやってできるのですか？
A: 化石は、大昔の生き物の体やあしあとなどが、岩の中に残ったものです。泥や砂にうもれた生き物が、長い年月をかけて石のようになってできます。恐竜の骨も化石です。

Q: 進化とは何ですか？
A: 進化は、生き物が長い世代をかけて少しずつ変わっていくことです。生き残るのに有利な特徴を持つものが子孫を多く残すので、その特徴が広がります。ダーウィンはこれを自然選択と呼びました。

Q: 生態系とは何ですか？
A: 生態系は、植物や動物、小さな生き物と、それを取りまく水や土、空気などのまとまりのことです。すべてがおたがいに関わり合っています。池や森も生態系の例です。

Q: 食物連鎖とは何ですか？
A: 食物連鎖は、自然の中の「食べる・食べられる」のつながりです。たとえば草をウサギが食べ、ウサギをキツネが食べます。エネルギーは植物から動物へと受けわたされます。

Q: 哺乳類とは何ですか？ | どんな動物を哺乳類といいますか？
A: 哺乳類は、毛があり、肺で呼吸し、赤ちゃんをお乳で育てる動物です。多くは赤ちゃんを産みます。人間、犬、クジラ、コウモリも哺乳類です。

Q: 爬虫類とは何ですか？
A: 爬虫類は、うろこのある乾いた皮ふを持つ動物で、体温がまわりの温度で変わります。多くは陸に卵を産みます。ヘビ、トカゲ、カメ、ワニが爬虫類です。

Q: 両生類とは何ですか？
A: 両生類は、ふつう子どものときは水の中でくらし、大人になると陸でもくらせる動物です。カエルやイモリ、サンショウウオが両生類で、しめった皮ふを持ち、水の中に卵を産みます。

Q: 昆虫とはどんな生き物ですか？
A: 昆虫は、足が6本あり、体が頭、胸、腹の三つに分かれている小さな動物です。はねを持つものも多いです。アリ、ハチ、チョウ、カブトムシは昆虫です。

Q: 渡り鳥とは何ですか？
A: 渡り鳥は、季節によって遠くの土地へ移動する鳥です。エサや暮らしやすい気候を求めて、毎年同じころに移動します。ツバメは春に日本へ来て、秋に南の国へ帰ります。

Q: 冬眠とは何ですか？
A: 冬眠は、冬の間に一部の動物が深い眠りのような状態になることです。体温や心臓の動きが下がり、エネルギーをほとんど使いません。シマリスや一部のコウモリが冬眠します。

Q: 受粉とは何ですか？
A: 受粉は、花粉がめしべの先につくことです。受粉すると植物は種を作れます。ミツバチやチョウ、鳥、風などが花粉を運びます。

Q: 変態とは、生き物の話では何のことですか？
A: 生き物の変態とは、成長するときに体の形が大きく変わることです。たとえば青虫がチョウになったり、オタマジャクシがカエルになったりします。

Q: 顕微鏡とは何ですか？
A: 顕微鏡は、とても小さな物を大きく拡大して見る道具です。細胞や細菌など、目だけでは見えない物を観察するのに使います。

Q: 望遠鏡とは何ですか？
A: 望遠鏡は、遠くの物を近くに大きく見せる道具です。月や惑星、星を観察するのに使われ、宇宙に打ち上げられた望遠鏡もあります。

Q: ベジタリアンとは何ですか？
A: ベジタリアンは、肉や魚を食べない人のことです。卵や乳製品は食べる人も多いです。動物からとれた物を一切食べない人はビーガンといいます。

Q: アレルギーとは何ですか？
A: アレルギーは、花粉や卵、ピーナッツなど、ふつうは害のない物に体の免疫が強く反応してしまうことです。くしゃみやかゆみ、発しんが出たり、重い症状になったりすることもあります。

Q: 花粉症とは何ですか？
A: 花粉症は、花粉に対するアレルギーです。くしゃみ、鼻水、目のかゆみなどが出ます。日本では春のスギ花粉で花粉症になる人がとても多いです。

Q: 暦とは何ですか？ | カレンダーとは何ですか？
A: 暦は、日を週、月、年にまとめて数えるしくみです。今の日本を含め多くの国では、1年が12か月、ふつうの年は365日のグレゴリオ暦を使っています。

Q: 相撲とはどんな競技ですか？
A: 相撲は日本の伝統的な格闘技です。二人の力士が土俵の上で組み合い、相手を土俵の外に出すか、足の裏以外の体の部分を地面につけさせると勝ちです。

Q: 折り紙とは何ですか？
A: 折り紙は、紙を折って鶴や舟、花などの形を作る日本の遊びです。ふつうは正方形の紙を1枚使い、はさみやのりを使いません。

Q: 空はなぜ青いのですか？
A: 空が青く見えるのは、太陽の光が空気の分子にぶつかって散らばるからです。青い光は赤い光よりずっと散らばりやすいので、空のどこを見ても青い光が目に届きます。

Q: 夕焼けはなぜ赤いのですか？
A: 夕方は、太陽の光が長い距離の空気を通ってとどきます。そのとちゅうで青い光が散らばってなくなり、赤やオレンジの光が多く残るので、空が赤く見えます。

Q: 季節はなぜあるのですか？ | 四季ができる理由を教えてください。
A: 季節があるのは、地球の自転の軸がかたむいているからです。地球が太陽のまわりを回るうちに、太陽の光がまっすぐ当たる時期は夏、ななめに当たる時期は冬になります。

Q: 秋に葉の色が変わるのはなぜですか？
A: 秋になると、木は葉の緑色のもとである葉緑素を作らなくなります。緑がうすれるとかくれていた黄色が見え、木によっては新しく赤い色素が作られます。

Q: 氷はなぜ水にうくのですか？
A: 氷は液体の水より密度が小さいのでうきます。水がこおるとき、分子がすき間の多い形に並び、体積が大きくなるからです。

Q: 飛行機はどうして飛べるのですか？
A: 飛行機のつばさは、前に進むと空気を下に押し下げる形と角度になっています。そのため上向きの揚力という力が生まれて機体を支え、エンジンが機体を前に進めます。

Q: 冷蔵庫はどのようにして物を冷やしますか？
A: 冷蔵庫は、中の熱を外に運び出すことで中を冷たくしています。冷やすと細菌が増えにくくなるので、食べ物が長持ちします。

Q: 地図とは何ですか？
A: 地図は、土地の様子を縮めて表した図です。道路や川、山、国境などが描かれています。多くの地図には縮尺と北の方向が示されています。

Q: 国際連合とは何ですか？
A: 国際連合は、世界の平和を守り、国どうしの協力を進めるために1945年にできた国際機関です。193か国が加盟し、本部はニューヨークにあります。

Q: 台風とは何ですか？ | 台風とハリケーンのちがいは何ですか？
A: 台風は、あたたかい海の上で生まれる、強い風と大雨をともなう熱帯低気圧です。同じ種類の嵐でも、大西洋ではハリケーンと呼ばれます。

Q: 酸素とは何ですか？
A: 酸素は、人や動物が生きるのに必要な空気中の気体です。空気の約21パーセントをしめています。植物は光合成で酸素を出します。

Q: カロリーとは何ですか？
A: カロリーは、エネルギーの量を表す単位で、特に食べ物のエネルギーに使われます。食品の表示ではふつうキロカロリーが使われます。体はこのエネルギーで動いたり体温を保ったりします。

Q: プラスチックとは何ですか？
A: プラスチックは、おもに石油から作られる人工の材料で、いろいろな形にできます。軽くて丈夫ですが、自然の中ではなかなか分解されないので、ごみが環境を汚すことがあります。

Q: 着物とは何ですか？
A: 着物は日本の伝統的な衣服です。そでが広く長い衣で、帯をしめて着ます。今では結婚式やお祭りなど、特別な日に着ることが多いです。

Q: お正月とは何ですか？
A: お正月は、新しい年を祝う日本の行事で、特に1月1日から3日ごろまでをいいます。初もうでに行ったり、おせち料理やお雑煮を食べたりします。

Q: 節分とは何ですか？
A: 節分は、立春の前の日のことで、ふつう2月3日ごろです。「鬼は外、福は内」と言いながら豆をまき、悪いものを追い払って福を呼びこむ行事をします。

Q: 川とは何ですか？
A: 川は、陸の上を流れて海や湖、ほかの川に注ぐ水の流れです。多くは山のわき水や雪どけ水、雨から始まります。

Q: 土とは何ですか？
A: 土は、植物が育つ地面の一番上の層です。細かい岩のつぶ、かれた植物や動物の残り、水、空気などでできています。ミミズや細菌が土を豊かにしています。

Q: 音とは何ですか？ | 音はどうやって伝わるのですか？
A: 音は、物がふるえることで生まれます。そのふるえが空気や水、固体を波として伝わり、耳に届いて聞こえます。何もない宇宙空間では音は伝わりません。

Q: 光とは何ですか？
A: 光は、物を見ることができるようにするエネルギーです。まっすぐ進み、1秒間に約30万キロメートル進みます。太陽の白い光には、虹のすべての色が混ざっています。

Q: 温度とは何ですか？
A: 温度は、物がどれくらい熱いか冷たいかを表すものです。温度計ではかり、日本ではふつう「度」で表します。水は0度で凍り、1気圧のもとで100度で沸騰します。

Q: 抗生物質とは何ですか？
A: 抗生物質は、細菌を殺したり増えるのをおさえたりする薬です。ペニシリンは最初に広く使われた抗生物質です。かぜのようなウイルスの病気には効きません。

Q: 生息地とは何ですか？
A: 生息地は、生き物が食べ物や水、かくれ場所を見つけてくらしている自然の場所です。池、砂漠、サンゴ礁などが生息地の例です。

Q: サンゴ礁とは何ですか？
A: サンゴ礁は、サンゴという小さな動物が長い年月をかけて作った海の中の地形です。あたたかく浅い海にでき、たくさんの魚がすんでいます。最大のものはオーストラリアのグレートバリアリーフです。

Q: 絶滅危惧種とは何ですか？
A: 絶滅危惧種は、このままでは絶滅するおそれがある生き物のことです。すみかが失われることや狩り、汚染がおもな原因です。トラはその一例です。

Q: 惑星とは何ですか？
A: 惑星は、恒星のまわりを回る大きくて丸い天体で、その通り道にほかの大きな天体がないものです。地球も惑星で、太陽系には八つの惑星があります。

Q: 月とはどんな天体ですか？ | 月について教えてください。
A: 月は地球のただ一つの自然の衛星です。直径は地球の約4分の1の岩石の天体で、約1か月で地球のまわりを回ります。太陽の光を反射して光って見えます。

Q: 太陽とはどんな星ですか？ | 太陽について教えてください。
A: 太陽は太陽系の中心にある恒星です。熱いガスの巨大なかたまりで、地球に光と熱を与えています。太陽がなければ、地球に生き物はすめません。

Q: 辞書とは何ですか？
A: 辞書は、言葉を順番に並べて、その意味を説明した本やアプリです。読み方や使い方の例がのっているものも多いです。

Q: パスポートとは何ですか？
A: パスポートは、その人が誰で、どの国の国民かを証明する公式の書類です。外国へ行くときにはふつう必要です。

Q: 応急手当とは何ですか？
A: 応急手当は、けがをした人や急に具合が悪くなった人に、医者が来る前にする手当てです。たとえば、傷を押さえて血を止めたり、やけどを流水で冷やしたりします。

Q: オーケストラとは何ですか？
A: オーケストラは、たくさんの演奏者がいっしょに演奏する大きな楽団です。弦楽器、木管楽器、金管楽器、打楽器があり、指揮者がまとめます。

Q: レシピとは何ですか？
A: レシピは、料理の作り方を書いたものです。使う材料とその量、作る手順が説明されています。

Q: 総理大臣とは何ですか？ | 内閣総理大臣とはどんな人ですか？
A: 内閣総理大臣は内閣の長で、日本の政府の代表です。国会議員の中から国会で指名され、天皇によって任命されます。

Q: お盆とは何ですか？
A: お盆は、先祖の霊をむかえて供養する日本の行事です。多くの地域では8月15日ごろに行われ、お墓参りをしたり盆踊りをしたりします。

Q: 七五三とは何ですか？
A: 七五三は、子どもの成長を祝う日本の行事です。3歳と5歳の男の子、3歳と7歳の女の子が、11月15日ごろに神社にお参りします。
"""

JA_INSTRUCT = r"""
# ---- 例を挙げる
Q: 果物の例を三つ挙げてください。 | 果物を三つ教えてください。
A: 果物の例として、りんご、バナナ、みかんがあります。

Q: 野菜を三つ挙げてください。
A: 野菜の例として、にんじん、じゃがいも、キャベツがあります。

Q: 哺乳類の例を三つ挙げてください。
A: 哺乳類の例として、犬、馬、クジラがあります。

Q: 鳥の名前を三つ教えてください。
A: 鳥の例として、スズメ、ワシ、ペンギンがあります。

Q: ヨーロッパの国を三つ挙げてください。
A: ヨーロッパの国の例として、フランス、ドイツ、スペインがあります。

Q: アジアの国を三つ挙げてください。
A: アジアの国の例として、日本、インド、タイがあります。

Q: 楽器を三つ挙げてください。
A: 楽器の例として、ピアノ、バイオリン、フルートがあります。

Q: ボールを使うスポーツを三つ挙げてください。
A: ボールを使うスポーツの例として、サッカー、テニス、バスケットボールがあります。

Q: 昆虫の例を三つ挙げてください。
A: 昆虫の例として、アリ、ハチ、チョウがあります。

Q: 冷たいものを三つ挙げてください。
A: 冷たいものの例として、氷、雪、アイスクリームがあります。

Q: 乗り物を三つ挙げてください。
A: 乗り物の例として、電車、バス、自転車があります。

Q: 図形の名前を三つ教えてください。
A: 図形の例として、円、三角形、四角形があります。

Q: 天気の種類を三つ挙げてください。
A: 天気の例として、晴れ、雨、雪があります。

Q: 言語の例を三つ挙げてください。
A: 言語の例として、日本語、英語、スペイン語があります。

Q: 花の名前を三つ教えてください。
A: 花の例として、桜、チューリップ、ひまわりがあります。

Q: 海にすむ動物を三つ挙げてください。
A: 海にすむ動物の例として、イルカ、タコ、サメがあります。

Q: 再生可能エネルギーの例を三つ挙げてください。
A: 再生可能エネルギーの例として、太陽光、風力、水力があります。

Q: 台所にある物を三つ挙げてください。
A: 台所にある物の例として、冷蔵庫、なべ、包丁があります。

Q: 日本の料理を三つ挙げてください。
A: 日本の料理の例として、寿司、ラーメン、天ぷらがあります。

Q: 惑星を三つ挙げてください。
A: 太陽系の惑星の例として、火星、金星、木星があります。

Q: 冬眠する動物を二つ挙げてください。
A: 冬眠する動物の例として、シマリスと一部のコウモリがあります。

Q: 日本の伝統的な楽器を三つ挙げてください。
A: 日本の伝統的な楽器の例として、箏、三味線、尺八があります。

# ---- 反対の言葉
Q: 「暑い」の反対の言葉は何ですか？ | 「暑い」の反対語を教えてください。
A: 「暑い」の反対の言葉は「寒い」です。

Q: 「熱い」の反対の言葉は何ですか？
A: 「熱い」の反対の言葉は「冷たい」です。

Q: 「大きい」の反対の言葉は何ですか？ | 「大きい」の対義語は何ですか？
A: 「大きい」の反対の言葉は「小さい」です。

Q: 「高い」の反対の言葉は何ですか？
A: 「高い」の反対は、高さのことなら「低い」、値段のことなら「安い」です。

Q: 「長い」の反対の言葉は何ですか？
A: 「長い」の反対の言葉は「短い」です。

Q: 「明るい」の反対の言葉は何ですか？
A: 「明るい」の反対の言葉は「暗い」です。

Q: 「重い」の反対の言葉は何ですか？
A: 「重い」の反対の言葉は「軽い」です。

Q: 「新しい」の反対の言葉は何ですか？
A: 「新しい」の反対の言葉は「古い」です。

Q: 「多い」の反対の言葉は何ですか？
A: 「多い」の反対の言葉は「少ない」です。

Q: 「広い」の反対の言葉は何ですか？
A: 「広い」の反対の言葉は「せまい」です。

Q: 「強い」の反対の言葉は何ですか？
A: 「強い」の反対の言葉は「弱い」です。

Q: 「上」の反対の言葉は何ですか？
A: 「上」の反対の言葉は「下」です。

Q: 「右」の反対は何ですか？
A: 「右」の反対は「左」です。

Q: 「入口」の反対の言葉は何ですか？
A: 「入口」の反対の言葉は「出口」です。

Q: 「勝つ」の反対の言葉は何ですか？
A: 「勝つ」の反対の言葉は「負ける」です。

Q: 「始まる」の反対の言葉は何ですか？
A: 「始まる」の反対の言葉は「終わる」です。

Q: 「開ける」の反対の言葉は何ですか？
A: 「開ける」の反対の言葉は「閉める」です。

Q: 「好き」の反対の言葉は何ですか？
A: 「好き」の反対の言葉は「嫌い」です。

Q: 「昼」の反対の言葉は何ですか？
A: 「昼」の反対の言葉は「夜」です。

Q: 「易しい」の反対の言葉は何ですか？
A: 「易しい」の反対の言葉は「難しい」です。

Q: 「深い」の反対の言葉は何ですか？
A: 「深い」の反対の言葉は「浅い」です。

Q: 「買う」の反対の言葉は何ですか？
A: 「買う」の反対の言葉は「売る」です。

Q: 「早い」の反対の言葉は何ですか？
A: 「早い」の反対の言葉は「遅い」です。

Q: 「太い」の反対の言葉は何ですか？
A: 「太い」の反対の言葉は「細い」です。

# ---- 翻訳
Q: 「りんご」は英語で何と言いますか？ | 「りんご」を英語に訳してください。
A: 「りんご」は英語で apple です。

Q: 「ありがとう」は英語で何と言いますか？
A: 「ありがとう」は英語で Thank you です。

Q: dog を日本語に訳してください。 | 英語の dog は日本語で何ですか？
A: dog は日本語で「犬」です。

Q: Good morning は日本語で何と言いますか？
A: Good morning は日本語で「おはようございます」です。

Q: 「ねこ」は英語で何と言いますか？
A: 「ねこ」は英語で cat です。

Q: 「水」を英語にしてください。
A: 「水」は英語で water です。

Q: 「私は学生です」を英語に訳してください。
A: 「私は学生です」は英語で I am a student. です。

Q: book は日本語で何ですか？
A: book は日本語で「本」です。

Q: 「さようなら」は英語で何と言いますか？
A: 「さようなら」は英語で Goodbye です。

Q: delicious はどういう意味ですか？
A: delicious は日本語で「おいしい」という意味です。

Q: 「駅はどこですか？」を英語で言ってください。
A: 「駅はどこですか？」は英語で Where is the station? です。

Q: I like cats を日本語に訳してください。
A: I like cats は日本語で「私は猫が好きです」です。

Q: 「友達」は英語で何と言いますか？
A: 「友達」は英語で friend です。

Q: mountain は日本語で何ですか？
A: mountain は日本語で「山」です。

Q: It is sunny today を日本語に訳してください。
A: It is sunny today は日本語で「今日は晴れです」です。

Q: 「桜」は英語で何と言いますか？
A: 「桜」は英語で cherry blossom です。木のことは cherry tree といいます。

Q: 「こんにちは」は英語で何と言いますか？
A: 「こんにちは」は英語で Hello です。

# ---- やり方
Q: 緑茶のいれ方を教えてください。 | お茶はどうやっていれますか？
A: 急須に茶葉を入れ、少し冷ました80度くらいのお湯を注ぎます。1分ほど待ってから、湯のみに少しずつ注ぎ分けます。最後の一滴まで注ぐとおいしくなります。

Q: 正しい手の洗い方を教えてください。 | 手はどうやって洗えばいいですか？
A: 手を水でぬらして石けんをつけます。指の間や爪の先、手首まで20秒以上こすって洗います。最後に水でよく流し、清潔なタオルでふきます。

Q: 歯みがきのしかたを教えてください。
A: 歯ブラシに歯みがき粉を少しつけます。歯の一本一本を小さく動かしながら、2分ほどやさしくみがきます。一日2回みがくのがよいです。

Q: ゆで卵の作り方を教えてください。
A: なべに卵を入れて水をかぶるくらい注ぎ、火にかけます。ふっとうしてから、半熟なら6分ほど、固ゆでなら10分ほどゆでます。最後に冷たい水で冷やしてからからをむきます。

Q: 炊飯器でご飯を炊く方法を教えてください。 | ご飯の炊き方を教えてください。
A: お米をはかって、水で2、3回とぎます。炊飯器の内釜に入れ、目盛りまで水を入れます。30分ほど水にひたしてからスイッチを入れると、ふっくら炊けます。

Q: おにぎりの作り方を教えてください。
A: 手を水でぬらし、塩を少しつけます。温かいご飯を手にのせ、真ん中に梅干しなどの具を入れます。ご飯で具を包んで三角の形にやさしくにぎり、のりを巻けばできあがりです。

Q: 種のまき方を教えてください。
A: 小さな鉢に土を入れ、種の大きさの2、3倍くらいの深さの穴をあけます。種を入れて土をかぶせ、やさしく水をやります。土がかわかないようにして、明るく暖かい場所に置きます。

Q: 道路を安全にわたるにはどうすればいいですか？
A: 道路の手前で止まり、横断歩道があれば使います。右と左をよく見て、車が来ないことを確かめます。信号がある所では青になってからわたり、わたる間も周りに気をつけます。

Q: 家で電気を節約するにはどうすればいいですか？ | 節電の方法を教えてください。
A: 使っていない電気や機械はこまめに消し、電球はLEDにします。冷蔵庫のとびらを開けっぱなしにしないことも大切です。夏はエアコンの温度を少し高めにすると、かなり節電できます。

Q: 新しい言葉を覚えるこつを教えてください。
A: 一度にたくさんではなく、毎日少しずつ覚えましょう。声に出して言い、自分で文を作って使い、数日後にもう一度復習すると覚えやすくなります。

Q: よく眠るにはどうすればいいですか？
A: 毎日同じ時間に寝て、同じ時間に起きるようにします。寝る前はスマートフォンやカフェインをひかえ、寝室を暗く静かで涼しくしましょう。

Q: 地震が起きたらどうすればいいですか？
A: 姿勢を低くし、丈夫な机の下にもぐって、ゆれがおさまるまで待ちます。窓や倒れそうな家具から離れましょう。ゆれがおさまったら、落ち着いて安全な場所へ移動します。

Q: 折り鶴の折り方を教えてください。
A: 折り鶴は折る回数が多いので、初めは図を見ながら折るのがおすすめです。正方形の紙を小さな正方形に折り、さらに細長いひし形の形にしてから、首、しっぽ、つばさを折り出します。
"""

JA_SELF = r"""
Q: こんにちは。 | こんにちは！
A: こんにちは！何かお手伝いできることはありますか？

Q: おはようございます。
A: おはようございます。今日は何について知りたいですか？

Q: こんばんは。
A: こんばんは。どんなことでも聞いてください。

Q: 元気ですか？ | お元気ですか？
A: はい、元気です。ありがとうございます。今日はどんなご用でしょうか？

Q: あなたは誰ですか？ | 自己紹介をしてください。
A: 私は小さなアシスタントモデルです。簡単な質問に答えることができます。

Q: あなたは何ですか？
A: 私はアシスタントとしてはたらく小さな言語モデルです。簡単な質問に答えたり、基本的なことを説明したりできます。

Q: あなたの名前は何ですか？ | 名前はありますか？
A: 私には個人的な名前はありません。簡単な質問に答える小さなアシスタントモデルです。

Q: 何ができますか？ | どんなことを手伝ってもらえますか？
A: 一般的な知識についての簡単な質問に答えたり、基本的なことを説明したりできます。簡単な計算や、英語と日本語の言葉の翻訳もお手伝いできます。

Q: あなたは人間ですか？
A: いいえ、私は人間ではありません。質問に答えるコンピューターのプログラムで、小さな言語モデルです。

Q: あなたはロボットですか？
A: 体を持つロボットではありません。コンピューターのプログラムで、小さな言語モデルです。

Q: 感情はありますか？ | 気持ちはありますか？
A: いいえ、私には感情はありません。文章を作るプログラムですが、役に立つように、ていねいに答えるよう心がけています。

Q: インターネットで調べることはできますか？
A: いいえ、インターネットで調べることはできません。学習したことをもとに答えています。

Q: 何でも知っていますか？
A: いいえ、知らないこともたくさんあります。私は小さなモデルなので、まちがえることもあります。大切なことは確かめてください。

Q: まちがえることはありますか？
A: はい、まちがえることがあります。小さなモデルなので、大切な情報は信頼できる資料で確かめてください。

Q: 何語が話せますか？
A: 日本語と英語で答えることができます。

Q: 英語は話せますか？
A: はい、英語でも簡単な質問に答えられます。

Q: ありがとう。 | ありがとう！
A: どういたしまして。お役に立ててうれしいです。

Q: ありがとうございました。
A: どういたしまして。ほかにも質問があれば、いつでもどうぞ。

Q: 助かりました。
A: それはよかったです。また何かあれば聞いてください。

Q: さようなら。 | またね。
A: さようなら。よい一日をお過ごしください。

Q: おやすみなさい。
A: おやすみなさい。ゆっくり休んでください。

Q: 手伝ってもらえますか？
A: もちろんです。質問を教えてください。できるかぎりお手伝いします。

Q: 質問があります。
A: はい、どうぞ。何を聞きたいですか？

Q: はじめまして。
A: はじめまして。どうぞよろしくお願いします。何でも聞いてください。

Q: よろしくお願いします。
A: こちらこそ、よろしくお願いします。

Q: 何歳ですか？
A: 私には人のような年齢はありません。コンピューターのプログラムで、小さなアシスタントモデルです。

Q: どこに住んでいますか？
A: 私はどこにも住んでいません。コンピューターの上で動くプログラムです。

Q: 好きな食べ物は何ですか？
A: 私は食べ物を食べないので、好きな食べ物はありません。寿司やカレーが好きな人は多いですね。

Q: 誰があなたを作りましたか？
A: 私は、例文や会話を使って小さな言語モデルを学習させた人たちによって作られました。

Q: まちがっていますよ。
A: まちがえてしまい、すみません。私は小さなモデルなので、まちがえることがあります。正しい答えを教えていただけますか？

Q: 何かおもしろいことを教えてください。
A: タコには心臓が三つあり、血は青い色をしています。

Q: 今何時ですか？
A: すみません、私は時計を見ることができないので、今の時刻はわかりません。時計やスマートフォンで確かめてください。

Q: 今日の天気はどうですか？
A: 私はインターネットにつながっていないので、今日の天気はわかりません。天気予報を確かめてください。

Q: 前の会話を覚えていますか？
A: いいえ、覚えていません。今の会話の内容だけがわかります。

Q: 英語で答えてください。
A: Sure. I will answer in English from now on.

Q: 疲れました。
A: おつかれさまです。少し休んで、水を飲んだり、ゆっくり深呼吸したりするとよいですよ。

Q: ひまです。
A: 本を読んだり、散歩をしたり、新しいことを調べたりしてはいかがでしょうか。おもしろい豆知識をお話しすることもできます。
"""

JA_MULTI = r"""
Q: フランスの首都はどこですか？
A: フランスの首都はパリです。
Q: その都市にある有名な塔は何ですか？
A: パリにはエッフェル塔があります。1889年に完成しました。

Q: 太陽系で一番大きい惑星は何ですか？
A: 太陽系で一番大きい惑星は木星です。
Q: 地球より大きいですか？
A: はい、木星は地球よりずっと大きく、地球が1300個以上入るほどの大きさです。
Q: 岩でできているのですか？
A: いいえ、木星はおもに水素とヘリウムのガスでできていて、巨大ガス惑星と呼ばれます。

Q: 日本で一番高い山は何ですか？
A: 日本で一番高い山は富士山で、高さは3776メートルです。
Q: 富士山は火山ですか？
A: はい、富士山は活火山です。最後に噴火したのは1707年です。

Q: ミツバチは何を作りますか？
A: ミツバチは花のみつからはちみつを作ります。みつろうも作ります。
Q: どうやって作るのですか？
A: ミツバチは花のみつを巣に運び、はねで風を送って水分を蒸発させます。こうしてみつが濃くなり、はちみつになります。

Q: クモの足は何本ですか？
A: クモの足は8本です。
Q: 昆虫はどうですか？
A: 昆虫の足は6本です。
Q: では、クモは昆虫ですか？
A: いいえ、クモは昆虫ではありません。昆虫とは別の仲間です。

Q: 5たす3はいくつですか？
A: 5たす3は8です。
Q: それにさらに4をたすと？
A: 8に4をたすと12になります。

Q: 電話を発明したのは誰ですか？
A: 電話を発明したのはアレクサンダー・グラハム・ベルとされています。
Q: それはいつのことですか？
A: ベルが電話の特許を取ったのは1876年です。

Q: 光合成とは何ですか？
A: 光合成は、植物が日光と水と二酸化炭素から栄養を作るしくみです。
Q: そのとき植物は何を出しますか？
A: 光合成のとき、植物は酸素を出します。

Q: こんにちは。
A: こんにちは！何かお手伝いできることはありますか？
Q: 日本の首都はどこですか？
A: 日本の首都は東京です。
Q: ありがとう！
A: どういたしまして。ほかにも聞きたいことがあればどうぞ。

Q: 水は何度で沸騰しますか？
A: 水は1気圧のもとで100度で沸騰します。
Q: 凍るのは何度ですか？
A: 水は0度で凍ります。

Q: 世界で一番大きい海は何ですか？
A: 世界で一番大きい海は太平洋です。
Q: 日本はその海に面していますか？
A: はい、日本は太平洋の西側にあり、太平洋に面しています。

Q: 果物を三つ教えてください。
A: 果物の例として、りんご、バナナ、みかんがあります。
Q: その中でビタミンCが一番多いのはどれですか？
A: その三つの中では、みかんが一番ビタミンCを多く含んでいます。

Q: 「暑い」の反対の言葉は何ですか？
A: 「暑い」の反対の言葉は「寒い」です。
Q: では、「大きい」の反対は？
A: 「大きい」の反対の言葉は「小さい」です。

Q: 「ねこ」は英語で何と言いますか？
A: 「ねこ」は英語で cat です。
Q: 「いぬ」は？
A: 「いぬ」は英語で dog です。

Q: 火山とは何ですか？
A: 火山は、地下深くでとけた岩石が地表に出てくる場所です。
Q: 溶岩とは何ですか？
A: 溶岩は、火山から流れ出たとけた岩石です。地下にあるうちはマグマと呼ばれます。

Q: 「モナ・リザ」を描いたのは誰ですか？
A: 「モナ・リザ」を描いたのはレオナルド・ダ・ヴィンチです。
Q: どこで見られますか？
A: モナ・リザはパリのルーブル美術館で見ることができます。

Q: 陸上で一番速い動物は何ですか？
A: 陸上で一番速い動物はチーターです。
Q: 何を食べますか？
A: チーターは肉食で、ガゼルやインパラなどの動物をつかまえて食べます。

Q: 日本の通貨は何ですか？
A: 日本の通貨は円です。
Q: アメリカでは？
A: アメリカの通貨はドルです。

Q: 初めて月面を歩いた人は誰ですか？
A: 初めて月面を歩いたのはニール・アームストロングで、1969年7月のことです。
Q: いっしょに行った人はいますか？
A: はい。バズ・オルドリンもいっしょに月面を歩き、マイケル・コリンズは月のまわりを回る宇宙船に残りました。

Q: 「赤い惑星」と呼ばれるのはどの惑星ですか？
A: 「赤い惑星」と呼ばれるのは火星です。
Q: どうして赤いのですか？
A: 火星の表面が、鉄さびのような酸化鉄を含む砂やちりにおおわれているからです。
Q: 衛星はいくつありますか？
A: 火星にはフォボスとダイモスという二つの小さな衛星があります。

Q: サッカーは1チーム何人ですか？
A: サッカーは1チーム11人で、その中にゴールキーパーが1人います。
Q: バスケットボールは？
A: バスケットボールは、コートに出る選手が1チーム5人です。

Q: 6かける7はいくつですか？
A: 6かける7は42です。
Q: それを2でわると？
A: 42を2でわると21です。

Q: 人の体について知りたいです。
A: はい。人の体について、どんなことを知りたいですか？
Q: 大人の骨はいくつありますか？
A: 大人の体には206個の骨があります。
Q: 赤ちゃんはどうですか？
A: 生まれたばかりの赤ちゃんには、約270個の骨があります。成長とともに、いくつかの骨がくっついて一つになります。

Q: 地球上で一番大きい動物は何ですか？
A: 地球上で一番大きい動物はシロナガスクジラです。
Q: どのくらいの長さになりますか？
A: シロナガスクジラは、長さ30メートルほどになることがあります。

Q: 京都府の府庁所在地はどこですか？
A: 京都府の府庁所在地は京都市です。
Q: 京都市にある有名なお寺を一つ教えてください。
A: 京都市には金閣寺があります。正式には鹿苑寺というお寺です。

Q: あなたは誰ですか？
A: 私は小さなアシスタントモデルです。簡単な質問に答えることができます。
Q: 英語も話せますか？
A: はい、英語でも簡単な質問に答えられます。

Q: オーストラリアの首都はどこですか？
A: オーストラリアの首都はキャンベラです。
Q: シドニーではないのですか？
A: はい。シドニーはオーストラリアで一番大きな都市ですが、首都はキャンベラです。

Q: 水の化学式は何ですか？
A: 水の化学式はH2Oです。
Q: Oは何を表していますか？
A: Oは酸素を表し、Hは水素を表しています。

Q: 日本で一番長い川は何ですか？
A: 日本で一番長い川は信濃川で、長さは約367キロメートルです。
Q: どこで海に流れこみますか？
A: 信濃川は新潟市で日本海に流れこみます。

Q: 冬の次の季節は何ですか？
A: 冬の次の季節は春です。
Q: 春に日本で咲く有名な花は何ですか？
A: 春の日本では桜が咲きます。多くの地域では3月の終わりから4月の初めごろに咲きます。
"""


# =========================================================================== generators

def gen_capitals_en(rng: random.Random) -> list[tuple[str, list[str]]]:
    same = "The capital of {c} is {k}."
    forward = [
        ("Which city is the capital of {c}?", same),
        ("Name the capital of {c}.", same),
        ("What city is the capital of {c}?", same),
        ("Tell me the capital of {c}.", same),
        ("Do you know the capital of {c}?", "Yes. The capital of {c} is {k}."),
        ("The capital of {c} is which city?", same),
        ("What is {c}'s capital?", same),
    ]
    reverse = [
        ("{k} is the capital of which country?", "{k} is the capital of {c}."),
        ("Which country has {k} as its capital?", "{k} is the capital of {c}."),
        ("Of which country is {k} the capital?", "{k} is the capital of {c}."),
    ]
    showcase = {"Italy", "France", "Japan", "Germany"}   # asked in many wordings
    items = []
    for en, cap_en, _, _, _ in COUNTRIES:
        usable = [t for t in forward if not (t[0].startswith("What is {c}'s") and en.startswith("the "))]
        chosen = [("What is the capital of {c}?", same)]
        if en in showcase:
            chosen += rng.sample(usable, 4) + rng.sample(reverse, 1)
        else:
            if rng.random() < 0.45:
                chosen.append(rng.choice(usable))
            if rng.random() < 0.25:
                chosen.append(rng.choice(reverse))
        for q, a in chosen:
            items.append(("fact", [cap(q.format(c=en, k=cap_en)), cap(a.format(c=en, k=cap_en))]))
    return items


def gen_capitals_ja(rng: random.Random) -> list[tuple[str, list[str]]]:
    same = "{c}の首都は{k}です。"
    forward = [
        ("{c}の首都を教えてください。", same),
        ("{c}の首都はどの都市ですか？", same),
        ("{c}の首都の名前は何ですか？", same),
        ("{c}の首都はどこか知っていますか？", "はい、{c}の首都は{k}です。"),
    ]
    reverse = [
        ("{k}はどの国の首都ですか？", "{k}は{c}の首都です。"),
        ("{k}を首都とする国はどこですか？", "{k}を首都とする国は{c}です。"),
    ]
    showcase = {"イタリア", "フランス", "日本"}
    items = []
    for _, _, ja, cap_ja, _ in COUNTRIES:
        chosen = [("{c}の首都はどこですか？", same)]
        if ja in showcase:
            chosen += rng.sample(forward, 3) + rng.sample(reverse, 1)
        else:
            if rng.random() < 0.3:
                chosen.append(rng.choice(forward))
            if rng.random() < 0.15:
                chosen.append(rng.choice(reverse))
        for q, a in chosen:
            items.append(("fact", [q.format(c=ja, k=cap_ja), a.format(c=ja, k=cap_ja)]))
    return items


def office(pref: str) -> str:
    return {"県": "県庁", "府": "府庁", "道": "道庁"}[pref[-1]]


def gen_prefectures_ja(rng: random.Random) -> list[tuple[str, list[str]]]:
    items = []
    for pref, city, _ in PREFECTURES:
        o = office(pref)
        chosen = [(f"{pref}の{o}所在地はどこですか？", f"{pref}の{o}所在地は{city}です。")]
        r = rng.random()
        if r < 0.3:
            chosen.append((f"{pref}の{o}所在地を教えてください。", f"{pref}の{o}所在地は{city}です。"))
        elif r < 0.5:
            chosen.append((f"{pref}の{o}はどの市にありますか？", f"{pref}の{o}は{city}にあります。"))
        if pref.endswith("県") and rng.random() < 0.25:
            chosen.append((f"{city}は何県の県庁所在地ですか？", f"{city}は{pref}の県庁所在地です。"))
        items += [("fact", [q, a]) for q, a in chosen]
    return items


def gen_capital_multi_en(rng: random.Random, n: int) -> list[tuple[str, list[str]]]:
    follow = ["Which continent is that country in?", "And which continent is it in?",
              "On which continent is that country?"]
    pool = [c for c in COUNTRIES if c[4] and c[0] not in ("France", "Japan", "Australia")]
    items = []
    for en, cap_en, _, _, region in rng.sample(pool, n):
        items.append(("multi", [f"What is the capital of {en}?", cap(f"The capital of {en} is {cap_en}."),
                                rng.choice(follow), cap(f"{en} is in {region}.")]))
    return items


def gen_capital_multi_ja(rng: random.Random, n: int) -> list[tuple[str, list[str]]]:
    follow = ["その国は世界のどの地域にありますか？", "その国は世界のどのあたりにありますか？"]
    pool = [c for c in COUNTRIES if c[4] and c[2] not in ("フランス", "日本", "オーストラリア")]
    items = []
    for _, _, ja, cap_ja, region in rng.sample(pool, n):
        items.append(("multi", [f"{ja}の首都はどこですか？", f"{ja}の首都は{cap_ja}です。",
                                rng.choice(follow), f"{ja}は{REGION_JA[region]}にあります。"]))
    return items


def gen_prefecture_multi_ja(rng: random.Random, n: int) -> list[tuple[str, list[str]]]:
    pool = [p for p in PREFECTURES if p[2] and p[0].endswith("県")]
    items = []
    for pref, city, region in rng.sample(pool, n):
        items.append(("multi", [f"{pref}の県庁所在地はどこですか？", f"{pref}の県庁所在地は{city}です。",
                                "その県は何地方にありますか？", f"{pref}は{region}にあります。"]))
    return items


def gen_calendar_en(rng: random.Random) -> list[tuple[str, list[str]]]:
    items = []
    for i, d in enumerate(DAYS_EN):
        nxt, prev = DAYS_EN[(i + 1) % 7], DAYS_EN[(i - 1) % 7]
        items.append(("fact", [f"What day comes after {d}?", f"The day after {d} is {nxt}."]))
    for i in rng.sample(range(7), 3):
        d, prev = DAYS_EN[i], DAYS_EN[(i - 1) % 7]
        items.append(("fact", [f"What day comes before {d}?", f"The day before {d} is {prev}."]))
    for i in rng.sample(range(7), 3):
        d, nxt = DAYS_EN[i], DAYS_EN[(i + 1) % 7]
        items.append(("fact", [f"If today is {d}, what day is tomorrow?", f"If today is {d}, tomorrow is {nxt}."]))
    for i in rng.sample(range(12), 6):
        m, nxt = MONTHS_EN[i], MONTHS_EN[(i + 1) % 12]
        items.append(("fact", [f"What month comes after {m}?", f"The month after {m} is {nxt}."]))
    for i in rng.sample(range(12), 6):
        items.append(("fact", [f"What is the {ORDINALS_EN[i]} month of the year?",
                               f"The {ORDINALS_EN[i]} month of the year is {MONTHS_EN[i]}."]))
    for i, m in enumerate(MONTHS_EN):
        q = rng.choice([f"How many days are in {m}?", f"How many days does {m} have?"])
        a = ("February has 28 days in a normal year and 29 days in a leap year." if m == "February"
             else f"{m} has {MONTH_DAYS[i]} days.")
        items.append(("fact", [q, a]))
    return items


def gen_calendar_ja(rng: random.Random) -> list[tuple[str, list[str]]]:
    items = []
    for i, d in enumerate(DAYS_JA):
        items.append(("fact", [f"{d}の次の曜日は何ですか？", f"{d}の次は{DAYS_JA[(i + 1) % 7]}です。"]))
    for i in rng.sample(range(7), 3):
        d = DAYS_JA[i]
        items.append(("fact", [f"今日が{d}なら、明日は何曜日ですか？", f"今日が{d}なら、明日は{DAYS_JA[(i + 1) % 7]}です。"]))
    for i in rng.sample(range(7), 3):
        d = DAYS_JA[i]
        items.append(("fact", [f"{d}の前の日は何曜日ですか？", f"{d}の前の日は{DAYS_JA[(i - 1) % 7]}です。"]))
    for i in range(12):
        m = f"{i + 1}月"
        if rng.random() < 0.5:
            q = f"{m}は何日までありますか？"
            a = ("2月はふつう28日までで、うるう年には29日まであります。" if i == 1
                 else f"{m}は{MONTH_DAYS[i]}日まであります。")
        else:
            q = f"{m}には何日ありますか？"
            a = ("2月はふつう28日で、うるう年には29日あります。" if i == 1
                 else f"{m}には{MONTH_DAYS[i]}日あります。")
        items.append(("fact", [q, a]))
    for i in range(12):
        m = f"{i + 1}月"
        q = rng.choice([f"{m}の和風月名は何ですか？", f"{m}を昔の呼び方で何といいますか？"])
        items.append(("fact", [q, f"{m}の和風月名は{WAFU_JA[i]}です。"]))
    for i in rng.sample(range(12), 4):
        items.append(("fact", [f"「{WAFU_JA[i]}」とは何月のことですか？", f"{WAFU_JA[i]}は{i + 1}月のことです。"]))
    return items


def _arith_cases(rng: random.Random) -> list[tuple[str, int, int, int]]:
    """Unique small arithmetic problems: (op, a, b, result)."""
    cases: list[tuple[str, int, int, int]] = []
    seen = set()

    def add(op, a, b, r):
        if (op, a, b) not in seen:
            seen.add((op, a, b))
            cases.append((op, a, b, r))

    while sum(c[0] == "+" for c in cases) < 6:
        a, b = rng.randint(1, 12), rng.randint(1, 12)
        add("+", a, b, a + b)
    while sum(c[0] == "-" for c in cases) < 5:
        a = rng.randint(6, 20)
        b = rng.randint(1, a - 1)
        add("-", a, b, a - b)
    while sum(c[0] == "*" for c in cases) < 5:
        a, b = rng.randint(2, 9), rng.randint(2, 9)
        add("*", a, b, a * b)
    while sum(c[0] == "/" for c in cases) < 4:
        b, q = rng.randint(2, 9), rng.randint(2, 9)
        add("/", b * q, b, q)
    return cases


def gen_arith_en(rng: random.Random) -> list[tuple[str, list[str]]]:
    items = []
    words = {"+": "plus", "-": "minus", "*": "times", "/": "divided by"}
    alt = {"+": "How much is {a} plus {b}?", "-": "Subtract {b} from {a}.",
           "*": "What is {a} multiplied by {b}?", "/": "How much is {a} divided by {b}?"}
    for op, a, b, r in _arith_cases(rng):
        q = f"What is {a} {words[op]} {b}?" if rng.random() < 0.65 else alt[op].format(a=a, b=b)
        items.append(("instruct", [q, f"{a} {words[op]} {b} is {r}."]))
    for _ in range(3):   # numbers written as words
        a, b = rng.randint(1, 9), rng.randint(1, 9)
        if a + b > 20:
            continue
        items.append(("instruct", [f"What is {NUM_WORDS_EN[a]} plus {NUM_WORDS_EN[b]}?",
                                   f"{cap(NUM_WORDS_EN[a])} plus {NUM_WORDS_EN[b]} is {NUM_WORDS_EN[a + b]}."]))
    for _ in range(3):
        a, b = rng.sample(range(10, 100), 2)
        items.append(("instruct", [f"Which is bigger, {a} or {b}?", f"{max(a, b)} is bigger than {min(a, b)}."]))
    for n in rng.sample(range(3, 30), 3):
        kind = "an even" if n % 2 == 0 else "an odd"
        items.append(("instruct", [f"Is {n} an odd or an even number?", f"{n} is {kind} number."]))
    for n in rng.sample(range(9, 99), 2):
        items.append(("instruct", [f"What number comes after {n}?", f"The number after {n} is {n + 1}."]))
    items.append(("instruct", ["Count from one to ten.", "One, two, three, four, five, six, seven, eight, nine, ten."]))
    return items


def gen_arith_ja(rng: random.Random) -> list[tuple[str, list[str]]]:
    items = []
    for op, a, b, r in _arith_cases(rng):
        use_alt = rng.random() >= 0.65
        if op == "+":
            qa = ((f"{a}と{b}を足すといくつですか？", f"{a}と{b}を足すと{r}です。") if use_alt
                  else (f"{a}たす{b}はいくつですか？", f"{a}たす{b}は{r}です。"))
        elif op == "-":
            qa = ((f"{a}から{b}を引くといくつですか？", f"{a}から{b}を引くと{r}です。") if use_alt
                  else (f"{a}ひく{b}はいくつですか？", f"{a}ひく{b}は{r}です。"))
        elif op == "*":
            qa = ((f"{a}に{b}をかけるといくつですか？", f"{a}に{b}をかけると{r}です。") if use_alt
                  else (f"{a}かける{b}はいくつですか？", f"{a}かける{b}は{r}です。"))
        else:
            qa = ((f"{a}を{b}で割るといくつですか？", f"{a}を{b}で割ると{r}です。") if use_alt
                  else (f"{a}わる{b}はいくつですか？", f"{a}わる{b}は{r}です。"))
        items.append(("instruct", list(qa)))
    for _ in range(3):
        a, b = rng.sample(range(10, 100), 2)
        items.append(("instruct", [f"{a}と{b}ではどちらが大きいですか？", f"{max(a, b)}のほうが{min(a, b)}より大きいです。"]))
    for n in rng.sample(range(3, 30), 3):
        items.append(("instruct", [f"{n}は偶数ですか、奇数ですか？", f"{n}は{'偶数' if n % 2 == 0 else '奇数'}です。"]))
    for n in rng.sample(range(9, 99), 2):
        items.append(("instruct", [f"{n}の次の数は何ですか？", f"{n}の次の数は{n + 1}です。"]))
    items.append(("instruct", ["1から10まで数えてください。", "1、2、3、4、5、6、7、8、9、10です。"]))
    return items


# =========================================================================== assembly

def build(lang: str) -> list[tuple[str, list[str]]]:
    rng = random.Random(SEED + (0 if lang == "en" else 1))
    if lang == "en":
        items = (expand(EN_FACTS, "fact") + gen_capitals_en(rng) + gen_calendar_en(rng)
                 + expand(EN_EXPLAIN, "explain")
                 + expand(EN_INSTRUCT, "instruct") + gen_arith_en(rng)
                 + expand(EN_SELF, "self")
                 + expand(EN_MULTI, "multi") + gen_capital_multi_en(rng, 14))
    else:
        items = (expand(JA_FACTS, "fact") + gen_capitals_ja(rng) + gen_prefectures_ja(rng)
                 + gen_calendar_ja(rng)
                 + expand(JA_EXPLAIN, "explain")
                 + expand(JA_INSTRUCT, "instruct") + gen_arith_ja(rng)
                 + expand(JA_SELF, "self")
                 + expand(JA_MULTI, "multi") + gen_capital_multi_ja(rng, 8)
                 + gen_prefecture_multi_ja(rng, 8))
    rng.shuffle(items)
    return items


EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F]")
MARKDOWN = re.compile(r"(\*\*|__|`|^\s*#|^\s*[-*+]\s|^\s*\d+\.\s|\n)", re.M)


def check(lang: str, items: list[tuple[str, list[str]]]) -> list[str]:
    problems = []
    seen: set[str] = set()
    answer_for: dict[str, str] = {}
    for kind, turns in items:
        if kind not in KINDS or len(turns) % 2 or len(turns) < 2:
            problems.append(f"bad item {kind} {turns}")
        for i, text in enumerate(turns):
            if not text or text != text.strip():
                problems.append(f"empty or padded content in {turns}")
            if EMOJI.search(text) or MARKDOWN.search(text):
                problems.append(f"emoji or markdown: {text}")
            if i % 2 == 1:
                size = len(text.split()) if lang == "en" else len(text)
                limit = 60 if lang == "en" else 120
                if size >= limit:
                    problems.append(f"answer too long ({size}): {text}")
                if text[-1] not in ".!?。！？)）":
                    problems.append(f"answer does not end a sentence: {text}")
        key = json.dumps(turns, ensure_ascii=False)
        if key in seen:
            problems.append(f"duplicate conversation: {turns[0]}")
        seen.add(key)
        if len(turns) == 2:
            q, a = turns
            if answer_for.setdefault(q, a) != a:
                problems.append(f"two answers for {q!r}: {answer_for[q]!r} / {a!r}")
    return problems


def main() -> int:
    ok = True
    for lang in ("en", "ja"):
        items = build(lang)
        problems = check(lang, items)
        for p in problems:
            print(f"[{lang}] {p}", file=sys.stderr)
        ok = ok and not problems
        out = HERE / f"{lang}.jsonl"
        with out.open("w", encoding="utf-8") as fh:
            for _, turns in items:
                messages = [{"role": "user" if i % 2 == 0 else "assistant", "content": t}
                            for i, t in enumerate(turns)]
                fh.write(json.dumps({"messages": messages}, ensure_ascii=False) + "\n")
        counts = Counter(kind for kind, _ in items)
        total = len(items)
        parts = ", ".join(f"{k} {counts[k]} ({100 * counts[k] / total:.0f}%)" for k in KINDS)
        print(f"{out.name}: {total} conversations: {parts}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
