"""Every text of the UI in English and Japanese. Keys are stable; `say(key, lang)` looks them up."""

STRINGS: dict[str, dict[str, str]] = {
    # ---- app -----------------------------------------------------------------------------------
    "app_intro": {
        "en": "# Domain Adapter\nTeach an open LLM a new domain: **upload** documents → **train** (continued "
              "pretraining, then instruction tuning) → **evaluate** what it learned and forgot → **chat** with base "
              "and adapted side by side → **publish** to the Hub.",
        "ja": "# Domain Adapter\nオープンな LLM に新しい分野を教えます：文書を**アップロード** → **学習**（継続事前学習のあと"
              "指示チューニング）→ 覚えたこと・忘れたことを**評価** → ベースと適応後のモデルを並べて**チャット** → Hub に**公開**。"},
    "language": {"en": "Language", "ja": "言語"},
    "tab_data": {"en": "1. Data", "ja": "1. データ"},
    "tab_train": {"en": "2. Train", "ja": "2. 学習"},
    "tab_evaluate": {"en": "3. Evaluate", "ja": "3. 評価"},
    "tab_arena": {"en": "4. Arena", "ja": "4. アリーナ"},
    "tab_publish": {"en": "5. Publish", "ja": "5. 公開"},
    # ---- data ----------------------------------------------------------------------------------
    "data_intro": {
        "en": "Upload your domain documents (.txt .md .pdf .docx .html .jsonl .csv, or a .zip of them) — English "
              "and Japanese, in UTF-8, UTF-16, Shift_JIS or EUC-JP — or pick an example domain. Each file is "
              "checked and reported; unusable files are named with the reason and the rest go through.",
        "ja": "分野の文書をアップロードしてください（.txt .md .pdf .docx .html .jsonl .csv、またはそれらの .zip）。英語・日本語、"
              "UTF-8・UTF-16・Shift_JIS・EUC-JP に対応します。例の分野を選ぶこともできます。ファイルごとに結果を表示し、"
              "使えないファイルは理由を示して除外し、残りは処理を続けます。"},
    "data_upload": {"en": "Documents", "ja": "文書"},
    "data_example": {"en": "…or an example domain", "ja": "…または例の分野"},
    "data_text_field": {"en": "Text field (jsonl / csv)", "ja": "テキストの列名（jsonl / csv）"},
    "data_text_field_info": {"en": "the field or column that holds the text", "ja": "本文が入っている項目・列の名前"},
    "data_clear": {"en": "Clear uploads", "ja": "アップロードを消去"},
    "data_files": {"en": "Files", "ja": "ファイル"},
    "data_preview_doc": {"en": "Preview a document", "ja": "文書のプレビュー"},
    "data_preview_text": {"en": "Text as the model will read it", "ja": "モデルが読むテキスト"},
    "data_empty": {"en": "No documents yet: upload files or pick an example domain.",
                   "ja": "まだ文書がありません。ファイルをアップロードするか、例の分野を選んでください。"},
    "data_error": {"en": "not used", "ja": "使用不可"},
    "data_went_to_run": {"en": "Documents launched in a run move into that run (your runs are in the Train tab). "
                               "Upload files or pick an example domain for the next run.",
                         "ja": "実行を開始した文書はその実行に移されます（実行の一覧は学習タブ）。次の実行には"
                               "ファイルをアップロードするか、例の分野を選んでください。"},
    "data_tokens_of": {"en": "tokens counted with the tokenizer of {model}", "ja": "{model} のトークナイザーで数えたトークン数"},
    "data_reading": {"en": "Reading documents", "ja": "文書を読み込み中"},
    "data_prechecking": {"en": "Comparing with general text (pre-check)", "ja": "一般テキストと比較中（事前チェック）"},
    "data_refused": {"en": "Some files were not taken: {files}", "ja": "受け付けなかったファイルがあります：{files}"},
    "data_not_received": {
        "en": "Refused: {files}: not a file this app received as an upload. Only files uploaded through the page "
              "(or the API's upload endpoint) are taken, never a path on the server; upload the file itself.",
        "ja": "受け付けません：{files}：このアプリにアップロードされたファイルではありません。ページ（または API の "
              "upload エンドポイント）からアップロードしたファイルだけを受け付け、サーバー上のパスは読みません。"
              "ファイルそのものをアップロードしてください。",
    },
    "data_totals": {
        "en": "**{documents}** documents from {files_ok} of {files} files · {characters} characters · {tokens} "
              "tokens · languages {languages} · duplicates removed: {exact} exact, {near} near",
        "ja": "{files} 件中 {files_ok} 件のファイルから **{documents}** 文書 · {characters} 文字 · {tokens} トークン · "
              "言語 {languages} · 重複の除去：完全一致 {exact}、類似 {near}"},
    "data_precheck": {
        "en": "**Pre-check** (MiniLM similarity to general text: centroid {centroid}, nearest {nearest}). {message}",
        "ja": "**事前チェック**（一般テキストとの MiniLM 類似度：重心 {centroid}、最近傍 {nearest}）。{message}"},
    "data_questions": {"en": "Your own questions (optional): what a person would ask about these documents",
                       "ja": "自分で書く質問（任意）：人がこの文書について尋ねそうなこと"},
    "data_questions_intro": {
        "en": "Type a few questions with the answer you expect: short, as a person answers (a name, a number, a few "
              "words). Every evaluation asks them of the base and the adapted model, without the documents, and "
              "says whether each answer contains yours. They are never trained on, and the questions generated "
              "for training leave their facts out. The document column (a file name) is optional. Save them, or upload a .jsonl (question, "
              "answer, doc) or .csv (question, answer, document).",
        "ja": "期待する回答を添えて質問をいくつか書いてください。回答は人が答えるように短く（名前、数、数語）。"
              "評価のたびに、文書を見せずにベースと適応後のモデルに尋ね、その回答にあなたの回答が含まれるかを示します。"
              "これらの質問は学習に使わず、学習用に生成する質問もその事実を問いません。文書の列（ファイル名）は任意です。"
              "保存するか、.jsonl（question, answer, doc）または .csv（question, answer, document）をアップロードしてください。"},
    "data_questions_table": {"en": "Questions and expected answers", "ja": "質問と期待する回答"},
    "data_questions_file": {"en": "…or upload them (.jsonl / .csv)", "ja": "…またはアップロード（.jsonl / .csv）"},
    "data_questions_save": {"en": "Save questions", "ja": "質問を保存"},
    "data_questions_none": {"en": "No questions of your own yet: the evaluation then asks only generated ones.",
                            "ja": "自分の質問はまだありません。その場合、評価では自動生成した質問だけを尋ねます。"},
    "data_questions_saved": {"en": "✅ {count} questions saved: asked at every evaluation, never trained on.",
                             "ja": "✅ {count} 問を保存しました。評価のたびに尋ね、学習には使いません。"},
    "data_questions_not_saved": {"en": "⚠️ Not saved; fix these rows first:", "ja": "⚠️ 保存していません。先に次の行を直してください："},
    "data_questions_notes": {"en": "Saved, but:", "ja": "保存しましたが、次の点に注意してください："},
    "q_no_question": {"en": "row {row}: “{answer}” has no question", "ja": "{row} 行目：「{answer}」に質問がありません"},
    "q_no_answer": {"en": "row {row}: “{question}” has no expected answer",
                    "ja": "{row} 行目：「{question}」に期待する回答がありません"},
    "q_too_long": {"en": "row {row}: longer than {limit} characters", "ja": "{row} 行目：{limit} 文字を超えています"},
    "q_too_many": {"en": "{count} questions: at most {limit} are taken", "ja": "{count} 問あります。最大 {limit} 問です"},
    "q_unknown_doc": {"en": "“{question}” names the document “{doc}”, which is not among your documents: it is "
                            "asked about any document",
                      "ja": "「{question}」が指す文書「{doc}」は文書の中にありません。特定の文書なしで尋ねます"},
    "q_file_type": {"en": "{file}: upload a .jsonl or .csv file of questions",
                    "ja": "{file}：質問の .jsonl または .csv ファイルをアップロードしてください"},
    "q_file_size": {"en": "{file}: larger than {limit} MB; a file of questions is small",
                    "ja": "{file}：{limit} MB を超えています。質問のファイルは小さいはずです"},
    "q_file_line": {"en": "{file} line {line}: not a JSON object with \"question\" and \"answer\"",
                    "ja": "{file} の {line} 行目：\"question\" と \"answer\" を持つ JSON オブジェクトではありません"},
    "q_file_empty": {"en": "{file}: no questions in it", "ja": "{file}：質問がありません"},
    "q_right": {"en": "base {base} · adapted {adapted}", "ja": "ベース {base} · 適応後 {adapted}"},
    "q_no_source": {"en": "(not found in the documents)", "ja": "（文書に見つかりません）"},
    # ---- train ---------------------------------------------------------------------------------
    "train_name": {"en": "Run name", "ja": "実行名"},
    "train_endpoint_key": {"en": "Endpoint API key", "ja": "エンドポイントの API キー"},
    "train_endpoint_key_info": {
        "en": "only for augment.backend: endpoint; used for this run's generator, never saved (the server's own "
              "keys are never sent)",
        "ja": "augment.backend が endpoint のときだけ使います。この実行の生成に使い、保存しません（サーバー側のキーは送られません）"},
    "train_base": {"en": "Base model", "ja": "ベースモデル"},
    "train_base_info": {"en": "smollm2-135m (SmolLM2-135M-Instruct, English) works offline; any Hub id or local "
                              "folder works where it can be loaded",
                        "ja": "smollm2-135m（SmolLM2-135M-Instruct、英語向け）はオフラインで動きます。Hub の ID やローカルの"
                              "フォルダも指定できます。日本語の文書には Qwen2.5 などの多言語モデルを GPU で"},
    "train_preset": {"en": "Recipe", "ja": "レシピ"},
    "preset_quick-demo": {"en": "Quick demo", "ja": "クイックデモ"},
    "preset_knowledge-injection": {"en": "Knowledge injection", "ja": "知識注入"},
    "preset_custom": {"en": "Custom", "ja": "カスタム"},
    "publish_kind_adapter": {"en": "LoRA adapter", "ja": "LoRA アダプタ"},
    "publish_kind_merged": {"en": "merged model", "ja": "マージ済みモデル"},
    "train_capped": {"en": "ℹ️ data.max_documents = {limit}: this run trains on {limit} of your {total} documents "
                           "(those the question file asks about first, then by file name) and asks questions only "
                           "about them. Empty the setting (Advanced → data) to train on all.",
                     "ja": "ℹ️ data.max_documents = {limit}：この実行は {total} 件の文書のうち {limit} 件だけを学習し"
                           "（質問ファイルが尋ねる文書を優先し、次にファイル名順）、それらについてだけ質問します。"
                           "すべてを学習するには詳細設定 → data でこの値を空にしてください。"},
    "train_advanced": {"en": "Advanced: every setting", "ja": "詳細設定（すべての項目）"},
    "train_check": {"en": "Check & estimate", "ja": "確認と見積もり"},
    "train_launch": {"en": "Launch", "ja": "開始"},
    "train_stop": {"en": "Stop", "ja": "停止"},
    "train_resume": {"en": "Resume", "ja": "再開"},
    "train_yaml": {"en": "Config as YAML, and the same run from the command line",
                   "ja": "YAML の設定と、同じ実行をコマンドラインで"},
    "train_yaml_download": {"en": "Download YAML", "ja": "YAML をダウンロード"},
    "train_live": {"en": "### Runs", "ja": "### 実行"},
    "train_refresh": {"en": "Refresh", "ja": "更新"},
    "train_log": {"en": "Log", "ja": "ログ"},
    "train_runs": {"en": "Your runs", "ja": "あなたの実行"},
    "train_estimate": {
        "en": "{head} **Estimate** on {machine}: {params} parameters ({trainable} trained) · peak memory about "
              "{memory} GB of {available} GB · about {tokens} training tokens · about {time} of training (rough)",
        "ja": "{head} **見積もり**（{machine}）：パラメータ {params}（学習対象 {trainable}）· ピークメモリ約 {memory} GB "
              "（使用可能 {available} GB）· 学習トークン約 {tokens} · 学習時間約 {time}（目安）"},
    "train_does_not_fit": {"en": "**This will not fit in memory.** Try:", "ja": "**メモリに収まりません。** 次を試してください："},
    "train_no_documents": {"en": "No documents: upload files or pick an example domain in the Data tab first.",
                           "ja": "文書がありません。先にデータタブでファイルをアップロードするか、例の分野を選んでください。"},
    "train_launched": {"en": "Run {run} is queued: about {time} of training expected.",
                       "ja": "実行 {run} をキューに入れました。学習時間の見込みは約 {time} です。"},
    "live_took": {"en": "training took {actual} (estimated {estimate})", "ja": "学習時間 {actual}（見積もり {estimate}）"},
    "train_no_runs": {"en": "No runs yet.", "ja": "まだ実行はありません。"},
    # ---- live ----------------------------------------------------------------------------------
    "state_preparing": {"en": "preparing", "ja": "準備中"},
    "state_queued": {"en": "queued", "ja": "待機中"},
    "state_running": {"en": "running", "ja": "実行中"},
    "state_stopping": {"en": "stopping", "ja": "停止中"},
    "state_stopped": {"en": "stopped", "ja": "停止"},
    "state_failed": {"en": "failed", "ja": "失敗"},
    "state_done": {"en": "done", "ja": "完了"},
    "state_?": {"en": "unknown", "ja": "不明"},
    "live_queue_position": {"en": "position {position} in the queue", "ja": "キューの {position} 番目"},
    "live_stage": {"en": "stage {stage}", "ja": "段階 {stage}"},
    "live_step": {"en": "{stage}: step {step} / {total} · ETA {eta}", "ja": "{stage}：ステップ {step} / {total} · 残り {eta}"},
    "live_error": {"en": "What happened", "ja": "発生したこと"},
    "live_what_to_do_resume": {
        "en": "Nothing finished is lost: **Resume** continues from the last checkpoint.",
        "ja": "完了した処理は失われていません。**再開**で最後のチェックポイントから続きます。"},
    "live_what_to_do_failed": {
        "en": "The log below says more. Fix the setting or the file it names and **Resume**, or launch a new run.",
        "ja": "詳しくは下のログを見てください。示された設定やファイルを直して**再開**するか、新しく実行してください。"},
    # ---- evaluate ------------------------------------------------------------------------------
    "eval_refresh": {"en": "Refresh", "ja": "更新"},
    "eval_rerun": {"en": "Re-run evaluation", "ja": "評価をやり直す"},
    "eval_perplexity": {"en": "Perplexity (lower is better)", "ja": "パープレキシティ（低いほど良い）"},
    "eval_qa": {"en": "Closed-book QA", "ja": "クローズドブック QA"},
    "eval_answers": {"en": "Answers to questions never trained on: facts only read, then trained facts in new words",
                     "ja": "学習していない質問への回答：読んだだけの事実、次に学習した事実の別の言い方"},
    "eval_general": {"en": "**General knowledge** ({n} common questions, closed book): of the {right} the base "
                           "answered, {models}.",
                     "ja": "**一般常識**（{n} 問、資料なし）：ベースが正解した {right} 問のうち、{models}。"},
    "eval_general_kept": {"en": "{model} still answers {kept} ({pct})", "ja": "{model}も正解したのは {kept} 問（{pct}）"},
    "eval_general_none": {"en": "**General knowledge** ({n} common questions, closed book): the base answered none, "
                                "so there is nothing it could forget.",
                          "ja": "**一般常識**（{n} 問、資料なし）：ベースが 1 問も正解しなかったため、忘却は測れません。"},
    "eval_keep_share": {"en": "**Training kept:** the final model keeps {share} of its training (weights blended "
                                "back toward the base){why}.",
                        "ja": "**残した学習：** 最終モデルは学習の {share} を残しています（重みをベースの方へ戻して混合）{why}。"},
    "eval_keep_chosen": {"en": ", chosen after training as the most that raised general-text perplexity by at most "
                                 "+{budget} on validation text ({points})",
                         "ja": "。学習後、検証用テキストで一般テキストのパープレキシティの上昇が +{budget} 以内に"
                               "収まる最大の割合として選びました（{points}）"},
    "eval_general_lost": {"en": "Answered by the base, lost {model}:", "ja": "ベースは正解し、{model}は正解しなかった質問："},
    "eval_synthetic": {"en": "Synthetic data: what was generated, kept and dropped",
                       "ja": "合成データ：生成・採用・除外した内容"},
    "eval_synthetic_table": {"en": "Per category", "ja": "カテゴリ別"},
    "eval_no_report": {"en": "No evaluation report for this run yet.", "ja": "この実行の評価レポートはまだありません。"},
    "eval_running": {"en": "⏳ Evaluation is queued or running; refresh in a while.",
                     "ja": "⏳ 評価を待機中または実行中です。しばらくして更新してください。"},
    "eval_queued": {"en": "Evaluation queued.", "ja": "評価をキューに入れました。"},
    "eval_user_questions": {"en": "Your questions", "ja": "あなたの質問"},
    "eval_user_questions_intro": {
        "en": "### Your questions ({count})\nAsked of each model without the documents; never trained on. "
              "**right?** says whether the answer contains your expected answer (the fact match of the scores "
              "below); the last column is the document sentence that holds it.",
        "ja": "### あなたの質問（{count} 問）\n文書を見せずに各モデルに尋ねました。学習には使っていません。"
              "**正解？** は回答があなたの期待する回答を含むかどうか（下のスコアの事実一致と同じ判定）、"
              "最後の列はそれを含む文書中の文です。"},
    "eval_no_user_questions": {
        "en": "Every question below was written by the question generator from your documents; add your own in "
              "the Data tab to check what a person's question gets.",
        "ja": "下の質問はすべて、質問生成器が文書から作ったものです。人の質問にどう答えるかを確かめるには、"
              "データタブで自分の質問を追加してください。"},
    "eval_no_user_questions_example": {
        "en": "Every question below came with the example domain; add your own in the Data tab to check what a "
              "person's question gets.",
        "ja": "下の質問はすべて例の分野に付属のものです。人の質問にどう答えるかを確かめるには、データタブで"
              "自分の質問を追加してください。"},
    # ---- arena ---------------------------------------------------------------------------------
    "arena_intro": {
        "en": "One prompt goes to the **base** model and to the **adapted** model of a run; both answer at once, "
              "token by token. The base side really is the base: the adapter is switched off for it.",
        "ja": "同じプロンプトを実行の**ベース**モデルと**適応後**モデルに送り、両方の回答を同時に表示します。"
              "ベース側ではアダプタを外しているので、本当にベースモデルの回答です。"},
    "arena_prompt": {"en": "Your message", "ja": "メッセージ"},
    "arena_send": {"en": "Send", "ja": "送信"},
    "arena_no_files": {
        "en": "The Arena takes text only: a chat history with a file in it is refused.",
        "ja": "アリーナはテキストのみを扱います。ファイルを含む会話履歴は受け付けません。",
    },
    "arena_clear": {"en": "Clear", "ja": "クリア"},
    "arena_base": {"en": "Base model", "ja": "ベースモデル"},
    "arena_adapted": {"en": "Adapted model", "ja": "適応後モデル"},
    "arena_retrieval": {"en": "Base + retrieval", "ja": "ベース＋検索"},
    "arena_use_retrieval": {"en": "Third column: base model with retrieved documents",
                            "ja": "3列目：検索した文書を渡したベースモデル"},
    "arena_settings": {"en": "Generation settings", "ja": "生成の設定"},
    "arena_keep": {"en": "Training kept: forgets less ← → knows more", "ja": "残す学習：忘れにくい ← → よく覚える"},
    "arena_keep_info": {"en": "the adapted column's weights, blended from the base (0) to the model as trained (1); "
                                "starts where the run chose",
                        "ja": "適応後の列の重みを、ベース（0）から学習したままのモデル（1）まで混ぜ合わせます。"
                              "初期値は実行が選んだ割合"},
    "arena_temperature": {"en": "Temperature (0 = greedy)", "ja": "温度（0 = 貪欲法）"},
    "arena_top_p": {"en": "Top-p", "ja": "Top-p"},
    "arena_max_tokens": {"en": "Max new tokens", "ja": "最大生成トークン数"},
    "arena_repetition": {"en": "Repetition penalty", "ja": "繰り返しペナルティ"},
    "arena_seed": {"en": "Seed", "ja": "シード"},
    "arena_no_run": {"en": "Pick a finished run first.", "ja": "先に完了した実行を選んでください。"},
    "arena_expected": {"en": "Expected answer (optional)", "ja": "期待する回答（任意）"},
    "arena_expected_info": {
        "en": "once both have answered, each column says whether its answer contains it (as the evaluation matches: "
              "case and width ignored)",
        "ja": "両方が答えたあと、各列の回答がこれを含むかを示します（評価と同じ判定：大文字小文字・全角半角を区別しません）"},
    "arena_has_expected": {"en": "✅ contains “{expected}”", "ja": "✅「{expected}」を含みます"},
    "arena_lacks_expected": {"en": "❌ does not contain “{expected}”", "ja": "❌「{expected}」を含みません"},
    "no_finished_run": {"en": "⏳ No finished run yet{busy}: runs appear here once they are done (Train tab).",
                        "ja": "⏳ 完了した実行はまだありません{busy}。実行は完了するとここに表示されます（学習タブ）。"},
    "run_picker": {"en": "Run", "ja": "実行"},
    "run_picker_info": {"en": "the run the Train, Evaluate, Arena and Publish tabs show",
                        "ja": "学習・評価・アリーナ・公開の各タブが表示する実行"},
    "run_not_finished": {"en": "⏳ {run} is {state}: the Arena and Publish need a finished run (pick one above).",
                         "ja": "⏳ {run} は{state}です。アリーナと公開には完了した実行が必要です（上で選んでください）。"},
    "runs_in_progress": {"en": " ({count} queued or training)", "ja": "（{count} 件が待機中または学習中）"},
    # ---- publish -------------------------------------------------------------------------------
    "publish_intro": {
        "en": "Push a run's adapter (or the merged model) to the Hugging Face Hub with a model card built from its "
              "config, data and evaluation — or download it as a zip. Sign in with Hugging Face, or paste a token "
              "with write access (it is used for this push only and never stored).",
        "ja": "実行のアダプタ（または統合したモデル）を、設定・データ・評価から作ったモデルカードとともに Hugging Face Hub に"
              "公開します。zip でのダウンロードもできます。Hugging Face でサインインするか、書き込み権限のあるトークンを"
              "貼り付けてください（この公開にだけ使い、保存しません）。"},
    "publish_token": {"en": "Hugging Face token (write)", "ja": "Hugging Face トークン（書き込み）"},
    "publish_token_info": {"en": "not needed when signed in, or when HF_TOKEN is set on the server",
                           "ja": "サインイン済み、またはサーバーに HF_TOKEN が設定されていれば不要です"},
    "publish_repo": {"en": "Repository (name or owner/name)", "ja": "リポジトリ（名前 または 所有者/名前）"},
    "publish_private": {"en": "Private", "ja": "非公開"},
    "publish_kind": {"en": "What to publish", "ja": "公開するもの"},
    "publish_card": {"en": "Model card preview", "ja": "モデルカードのプレビュー"},
    "publish_preview": {"en": "Preview card", "ja": "カードをプレビュー"},
    "publish_push": {"en": "Push to the Hub", "ja": "Hub に公開"},
    "publish_zip": {"en": "Download the zip again", "ja": "zip をもう一度ダウンロード"},
    "publish_make_zip": {"en": "Download as zip", "ja": "zip でダウンロード"},
    "publish_zip_ready": {"en": "Zip ready ({size}): the download has started.",
                          "ja": "zip ができました（{size}）。ダウンロードを開始しました。"},
    "publish_no_token": {"en": "Sign in with Hugging Face or paste a token with write access.",
                         "ja": "Hugging Face でサインインするか、書き込み権限のあるトークンを貼り付けてください。"},
    "publish_done": {"en": "Published: {url}", "ja": "公開しました：{url}"},
    "publish_working": {"en": "Publishing…", "ja": "公開中…"},
}

# Table column headers: the English header is the key (the tables are built with it).
HEADERS_JA = {
    "file": "ファイル", "status": "状態", "reason": "理由", "documents": "文書数", "characters": "文字数",
    "tokens": "トークン数", "language": "言語", "duplicates removed": "除いた重複", "model": "モデル",
    "held-out domain": "未学習のドメイン文書", "change %": "変化 %", "general (forgetting)": "一般文（忘却）",
    "split": "区分", "questions": "質問数", "fact match": "事実一致", "similarity": "類似度", "judge": "判定",
    "category": "カテゴリ", "kept": "採用", "dropped": "除外", "why dropped": "除外の理由", "run": "実行",
    "state": "状態", "stage": "段階", "step": "ステップ", "base": "ベース", "created": "作成日時",
    "question": "質問", "reference": "参照回答", "after CPT": "CPT 後", "after SFT": "SFT 後",
    "base + retrieval": "ベース + 検索",
    "expected answer": "期待する回答", "document (optional)": "文書（任意）", "expected": "期待する回答",
    "base answer": "ベースの回答", "adapted answer": "適応後の回答", "right?": "正解？", "source sentence": "出典の文",
}
