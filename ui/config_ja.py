"""Japanese labels and help lines of the generated config form.

FIELD_JA maps each RunConfig path ("cpt.learning_rate") to (Japanese name, Japanese help line);
SECTION_JA and CATEGORY_JA name the form's sections and the augmentation categories. Keys are
RunConfig paths; the English texts stay in adapt/config.py.
"""

from __future__ import annotations

FIELD_JA: dict[str, tuple[str, str]] = {
    "name": ("実行名", "英字、数字、. _ -"),
    "seed": ("シード", ""),
    # model
    "model.base": (
        "ベースモデル",
        "同梱モデル名（smollm2-135m：オフラインで動く実用的なチャットモデル、tiny：スモークテスト用）、"
        "ローカルディレクトリ、Hugging Face Hub の ID、または auto：Hub に接続できる場合は推奨の Hub モデル、"
        "できない場合は smollm2-135m",
    ),
    "model.method": ("学習方式", "LoRA アダプタを学習するか、すべての重みを学習するか"),
    "model.lora.r": ("ランク r", "LoRA のランク"),
    "model.lora.alpha": ("アルファ", "LoRA のスケーリングの分子（scale = alpha / r）"),
    "model.lora.dropout": ("ドロップアウト", "LoRA の入力にかけるドロップアウト"),
    "model.lora.target_modules": (
        "対象モジュール", "適用するモジュール名、または all-linear（出力ヘッドを除くすべての線形層）"),
    "model.precision": ("精度", "auto：対応する GPU では bf16、CPU では fp32"),
    "model.attn_implementation": ("アテンション実装", ""),
    "model.fused_kernels": ("融合カーネル（Liger）", "学習で Liger の融合 GPU カーネル（RMSNorm・SwiGLU・RoPE・融合線形交差エントロピー）"
                            "を使う：CUDA GPU でメモリが減り速くなる。`pip install liger-kernel` が必要"),
    "model.compile": ("torch.compile でコンパイル", "学習するモデルを torch.compile する：数分のコンパイルの後に各ステップが速くなるので、"
                      "長い GPU 学習向け。reuse_frozen_blocks は無効になる"),
    "model.train_layers": (
        "学習する層数",
        "上位 N 個の Transformer ブロックだけをフルファインチューニングする（残りは埋め込みも含めて凍結され、"
        "逆伝播もされないため CPU で速い）。空欄：すべての重み",
    ),
    "model.reuse_frozen_blocks": (
        "凍結ブロックの再利用",
        "train_layers と併用：凍結したブロックを学習データの行ごとに一度だけ計算し、その出力を以降のエポックで"
        "再利用する（結果は同じで計算が減る。行数 x 文脈長 x 隠れ次元 x 4 バイトのメモリが必要で、"
        "それが空きメモリの 4 分の 1 を超える場合は行わない）",
    ),
    "model.trust_remote_code": ("リモートコードを信頼", "モデルに同梱されたコードを実行する。信頼できるモデルにだけ使う"),
    "model.rope_target_length": ("RoPE 拡張文脈長", "RoPE の theta を大きくして、文脈長をモデル本来の長さより延ばす"),
    "model.keep_share": ("学習を残す割合", "最終モデルに残す学習の割合：ベース + 割合 ×（学習後 − ベース）。1 は全部。"
                                          "空欄：学習後に検証用テキストで、一般テキストのパープレキシティの上昇が "
                                          "eval.max_forgetting_pct 以内に収まる最大の割合を選ぶ"),
    # data
    "data.paths": ("文書のパス", "ドメイン文書のファイルまたはフォルダ"),
    "data.text_field": ("テキストの列名", "本文が入っているフィールド（jsonl）または列（csv）"),
    "data.min_chars": ("最小文字数", "これより短い文書は除外する"),
    "data.chunk_chars": ("チャンク文字数", "チャンクの目標サイズ（文の区切りで分割）"),
    "data.dedupe": ("重複除去", ""),
    "data.near_duplicate_threshold": (
        "近似重複のしきい値", "推定 Jaccard 類似度がこの値を超える 2 つの文書を重複とみなす"),
    "data.heldout_fraction": ("ホールドアウト割合", "学習に使わずに残しておく文書の割合"),
    "data.max_documents": (
        "最大文書数",
        "学習に使う文書数の上限（eval.qa_file が質問する文書を優先し、次にファイル名順）。"
        "残りは学習からも質問からも除外される。空欄：すべて",
    ),
    "data.max_file_mb": ("ファイル上限 (MB)", "これより大きいファイルは受け付けない"),
    # augment
    "augment.enabled": ("データ拡張を行う", ""),
    "augment.backend": (
        "生成バックエンド",
        "rules：オフライン、LLM なし。local：transformers のチャットモデル。endpoint：OpenAI 互換 API",
    ),
    "augment.categories": ("カテゴリ別の件数", "文書ごと・カテゴリごとに生成する件数。0 でそのカテゴリを無効にする"),
    "augment.qa_heldout_fraction": ("QA ホールドアウト割合", "各文書の QA のうち、学習に使わず評価用に残す割合"),
    "augment.max_source_chars": ("元文書の最大文字数", "生成モデルに見せる文書テキストの長さ"),
    "augment.max_new_tokens": ("最大生成トークン数", ""),
    "augment.temperature": ("温度", ""),
    "augment.local.model": ("生成モデル", "合成データを書くチャットモデル（同梱モデル名、ディレクトリ、または Hub の ID）"),
    "augment.local.batch_size": ("バッチサイズ", ""),
    "augment.local.precision": ("精度", ""),
    "augment.endpoint.base_url": ("ベース URL", "OpenAI 互換 API のルート"),
    "augment.endpoint.model": ("モデル名", "エンドポイントが提供するモデルの名前"),
    "augment.endpoint.timeout_s": ("タイムアウト (秒)", ""),
    "augment.endpoint.max_retries": ("最大リトライ回数", ""),
    "augment.endpoint.concurrency": ("同時リクエスト数", ""),
    # mix
    "mix.include_raw": ("元の文書を含める", ""),
    "mix.include_augmented": ("合成データを含める", ""),
    "mix.replay_ratio": ("リプレイ比率", "CPT のトークンのうち一般テキストから取る割合"),
    "mix.replay_paths": (
        "リプレイ用テキスト",
        "リプレイする一般テキストのファイルまたはフォルダ（既定：同梱の英語・日本語の一般コーパス）",
    ),
    "mix.group_by_document": ("文書ごとにまとめる", "各文書とその合成バリエーションを同じ 1 つのシーケンスにまとめる"),
    "mix.sft_in_cpt": (
        "SFT データも CPT に",
        "指示チューニング用の会話もチャットテンプレートで整形して事前学習する（instruction pre-training）",
    ),
    "mix.qa_placement": (
        "QA の配置",
        "CPT で文書の QA を置く場所：同じシーケンス内の文書の後（答えを文脈中の文書から読み取れる）、"
        "または QA ペアごとに別のシーケンス（テスト時と同じく記憶から答える）",
    ),
    # cpt
    "cpt.enabled": ("CPT を行う", ""),
    "cpt.epochs": ("エポック数", ""),
    "cpt.max_steps": ("最大ステップ数", "このオプティマイザステップ数で停止する（epochs より優先）"),
    "cpt.learning_rate": ("学習率", ""),
    "cpt.context_length": ("文脈長", "パックした 1 シーケンスあたりのトークン数"),
    "cpt.micro_batch_size": ("マイクロバッチサイズ", "1 回の順伝播で処理するシーケンス数"),
    "cpt.grad_accum": ("勾配累積ステップ数", "1 回のオプティマイザステップあたりのマイクロバッチ数"),
    "cpt.warmup_ratio": ("ウォームアップ比率", ""),
    "cpt.lr_scheduler": ("学習率スケジューラ", ""),
    "cpt.weight_decay": ("重み減衰", ""),
    "cpt.max_grad_norm": ("最大勾配ノルム", ""),
    "cpt.gradient_checkpointing": ("勾配チェックポイント", ""),
    "cpt.save_every_steps": ("保存間隔 (ステップ)", "N オプティマイザステップごとに、再開可能なチェックポイントを書き出す"),
    "cpt.keep_checkpoints": ("チェックポイント保持数", ""),
    "cpt.log_every_steps": ("ログ間隔 (ステップ)", ""),
    # sft
    "sft.enabled": ("SFT を行う", ""),
    "sft.epochs": ("エポック数", ""),
    "sft.max_steps": ("最大ステップ数", "このオプティマイザステップ数で停止する（epochs より優先）"),
    "sft.learning_rate": ("学習率", ""),
    "sft.context_length": ("文脈長", "パックした 1 シーケンスあたりのトークン数"),
    "sft.micro_batch_size": ("マイクロバッチサイズ", "1 回の順伝播で処理するシーケンス数"),
    "sft.grad_accum": ("勾配累積ステップ数", "1 回のオプティマイザステップあたりのマイクロバッチ数"),
    "sft.warmup_ratio": ("ウォームアップ比率", ""),
    "sft.lr_scheduler": ("学習率スケジューラ", ""),
    "sft.weight_decay": ("重み減衰", ""),
    "sft.max_grad_norm": ("最大勾配ノルム", ""),
    "sft.gradient_checkpointing": ("勾配チェックポイント", ""),
    "sft.save_every_steps": ("保存間隔 (ステップ)", "N オプティマイザステップごとに、再開可能なチェックポイントを書き出す"),
    "sft.keep_checkpoints": ("チェックポイント保持数", ""),
    "sft.log_every_steps": ("ログ間隔 (ステップ)", ""),
    "sft.data": ("SFT データ", "{'messages': [...]} 形式の会話の JSONL ファイル"),
    "sft.variant": (
        "SFT データ構成",
        "一般の指示のみ、合成したドメインの指示（生成モデルに一般の例を見せたもの、または見せないもの）、"
        "またはそのすべて",
    ),
    "sft.general_data": ("一般の指示データ", "一般の指示の会話の JSONL（既定：同梱の英語・日本語の会話）"),
    "sft.max_domain_examples": ("最大ドメイン例数", ""),
    "sft.max_general_examples": (
        "最大一般例数", "SFT に取り込む一般の会話のサンプル数。少量のドメインデータが埋もれないようにする"),
    # eval
    "eval.enabled": ("評価を行う", ""),
    "eval.max_docs": ("評価文書数の上限", "パープレキシティの計算に使うホールドアウト文書の数"),
    "eval.context_length": ("文脈長", ""),
    "eval.batch_size": ("バッチサイズ", "パープレキシティ計測時に 1 回の順伝播で処理するテキストウィンドウ数"),
    "eval.generation_batch_size": ("生成バッチサイズ", "generate() の 1 回の呼び出しで回答する質問数"),
    "eval.general_paths": (
        "一般テキスト",
        "忘却の測定と事前チェックに使う一般テキスト（既定：学習には一切使わない同梱の一般テキスト。"
        "空欄：mix.replay_paths）",
    ),
    "eval.max_general_docs": ("一般文書数の上限", ""),
    "eval.precheck": ("事前チェック", "学習の前に、ドメインがモデルの既知の内容に近いかを確かめる"),
    "eval.token_analysis": ("トークン分析", ""),
    "eval.qa": ("クローズドブック QA", "学習用とホールドアウトの質問でクローズドブック QA を行う"),
    "eval.compare_cpt": (
        "CPT 後も評価", "SFT 前の CPT 後のモデルも評価する（測定するモデルが 1 つ増えるため、CPU では遅くなる）"),
    "eval.qa_file": ("独自の QA ファイル", "自前の QA JSONL：question、answer、任意で doc/source、split"),
    "eval.qa_file_mode": ("QA ファイルの扱い", "合成した QA に追加する（add）か、置き換える（replace）か"),
    "eval.max_questions": (
        "最大質問数",
        "分割（train、held-out）ごとに尋ねる質問数。合成した質問と eval.qa_file の質問のそれぞれについて適用され、"
        "これより多い場合は均等に抽出する",
    ),
    "eval.max_answer_tokens": ("最大回答トークン数", ""),
    "eval.general_questions": (
        "一般常識の質問数",
        "同梱の一般常識の質問（首都、計算など）をドメインの言語で、ベースと適応後のモデルに尋ねる。ベースが答えられた質問のうち、"
        "適応後もいくつ答えられるかを示す。多い場合は均等に抜き出す。0 で行わない"),
    "eval.max_forgetting_pct": ("忘却の上限（%）", "model.keep_share が空欄のとき、検証用テキストで一般テキストの"
                                                  "パープレキシティが上がってよい上限（パーセント）"),
    "eval.judge": ("LLM による判定", "データ拡張の LLM（local/endpoint）に、回答が裏付けられているかも尋ねる"),
    "eval.retrieval": (
        "検索ベースライン",
        "ベースモデル + 検索した top-k チャンクによるベースライン。auto：5000 チャンク以下のコーパスでは on",
    ),
    "eval.retrieval_top_k": ("検索件数 (top-k)", ""),
}

SECTION_JA: dict[str, str] = {
    "model": "モデル",
    "model.lora": "LoRA",
    "data": "データ",
    "augment": "データ拡張",
    "augment.local": "ローカル生成モデル",
    "augment.endpoint": "API エンドポイント",
    "mix": "学習データの配合",
    "cpt": "継続事前学習 (CPT)",
    "sft": "指示チューニング (SFT)",
    "eval": "評価",
}

CATEGORY_JA: dict[str, str] = {
    "paraphrase": "言い換え",
    "summary": "要約",
    "generalized": "やさしい言葉で",
    "elaboration": "詳しい説明",
    "kg_extraction": "知識の三つ組",
    "translation_en": "英語訳",
    "translation_zh": "中国語訳",
    "qa_difficult": "QA（難）",
    "qa_easy": "QA（易）",
    "qa_numbers_formula": "QA（数値・数式）",
    "qa_methods": "QA（方法・手順）",
    "qa_people_names": "QA（人名・地名など）",
    "positive_negative": "良い点と悪い点",
    "keywords": "キーワード",
    "reference": "関連事項",
    "discussion": "議論",
}

ALLOWED_JA = "許容範囲"
ITEMS_PER_DOCUMENT_JA = "文書あたりの件数、0 = なし"
