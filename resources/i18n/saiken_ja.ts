<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Saiken Desk</source>
        <translation>債権デスクについて</translation>
    </message>
    <message>
        <source>Saiken Desk</source>
        <translation>債権デスク</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>バージョン {version}</translation>
    </message>
    <message>
        <source>Offline, encrypted claim-collection and consultation records for wards and their contractors.</source>
        <translation>区と受託者のための、ネットワークにつながない・暗号化された債権回収と相談の記録。</translation>
    </message>
    <message>
        <source>Python {python}, Qt {qt} (PySide6 {pyside}), SQLCipher 4</source>
        <translation>Python {python}、Qt {qt}（PySide6 {pyside}）、SQLCipher 4</translation>
    </message>
    <message>
        <source>Fonts: IPAex Gothic and IPAex Mincho (IPA Font License v1.0).</source>
        <translation>フォント：IPAexゴシック・IPAex明朝（IPAフォントライセンスv1.0）</translation>
    </message>
    <message>
        <source>Vault folder: {folder}</source>
        <translation>金庫のフォルダ：{folder}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>AccessReportPanel</name>
    <message>
        <source>Save as PDF…</source>
        <translation>PDFとして保存…</translation>
    </message>
    <message>
        <source>User</source>
        <translation>利用者</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>操作件数</translation>
    </message>
    <message>
        <source>Sign-ins</source>
        <translation>サインイン</translation>
    </message>
    <message>
        <source>Failed sign-ins</source>
        <translation>サインイン失敗</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>閲覧</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>記録・変更</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>書出し</translation>
    </message>
    <message>
        <source>Outside office hours</source>
        <translation>勤務時間外</translation>
    </message>
    <message>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Actions per user</source>
        <translation>利用者ごとの操作件数</translation>
    </message>
    <message>
        <source>To look at: sign-ins outside office hours, bulk views, exports, failed sign-ins</source>
        <translation>確認が必要な操作：勤務時間外のサインイン、短時間の大量閲覧、書出し、サインインの失敗</translation>
    </message>
    <message>
        <source>Sign-in outside office hours</source>
        <translation>勤務時間外のサインイン</translation>
    </message>
    <message>
        <source>Bulk view</source>
        <translation>短時間の大量閲覧</translation>
    </message>
    <message>
        <source>{n} records</source>
        <translation>{n}件</translation>
    </message>
    <message>
        <source>Failed sign-in</source>
        <translation>サインインの失敗</translation>
    </message>
    <message>
        <source>Save the access report</source>
        <translation>アクセス状況報告書を保存</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Add a user</source>
        <translation>利用者の追加</translation>
    </message>
    <message>
        <source>Initial password</source>
        <translation>初期パスワード</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>追加</translation>
    </message>
    <message>
        <source>User name (for signing in)</source>
        <translation>利用者名（サインイン用）</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>表示名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>役割</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>The first administrator</source>
        <translation>最初の管理者</translation>
    </message>
    <message>
        <source>The administrator manages users and settings and is also the first supervisor. Choose a user name and a password.</source>
        <translation>管理者は利用者と設定を管理し、最初の取扱責任者も兼ねます。利用者名とパスワードを決めてください。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>利用者名</translation>
    </message>
    <message>
        <source>Create the vault</source>
        <translation>金庫を作成</translation>
    </message>
    <message>
        <source>The vault will also be bound to this Windows account: a copy of its files is useless elsewhere without the recovery key.</source>
        <translation>金庫はこの PC のアカウントにも結び付けられます。ファイルを持ち出しても、復旧キーがなければ他の場所では開けません。</translation>
    </message>
    <message>
        <source>This PC has no credential store (keyring), so the vault is made without binding to this account. The password alone protects it.</source>
        <translation>この PC には鍵の保管場所（キーリング）がないため、アカウントへの結び付けなしで作成します。金庫はパスワードだけで守られます。</translation>
    </message>
</context>
<context>
    <name>AmountField</name>
    <message>
        <source>0 yen</source>
        <translation>0円</translation>
    </message>
    <message>
        <source>Enter {field} (e.g. 50,000).</source>
        <translation>{field}を入力してください（例: 50,000）。</translation>
    </message>
    <message>
        <source>{field} must be at least 1 yen.</source>
        <translation>{field}は1円以上で入力してください。</translation>
    </message>
</context>
<context>
    <name>ApplyDialog</name>
    <message>
        <source>Application to {title}</source>
        <translation>「{title}」への申込み</translation>
    </message>
    <message>
        <source>Type part of the business name, reading or phone</source>
        <translation>事業所名・フリガナ・電話番号の一部を入力</translation>
    </message>
    <message>
        <source>Find business</source>
        <translation>事業者を探す</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>事業者</translation>
    </message>
    <message>
        <source>Attendee</source>
        <translation>参加者</translation>
    </message>
    <message>
        <source>Attendee's reading</source>
        <translation>参加者フリガナ</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>適用</translation>
    </message>
    <message>
        <source>Choose the business that applies.</source>
        <translation>申し込む事業者を選んでください。</translation>
    </message>
</context>
<context>
    <name>ApprovalPage</name>
    <message>
        <source>Supervisor approval</source>
        <translation>取扱責任者の承認</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2).</source>
        <translation>%1（%2）としてサインインしています。</translation>
    </message>
    <message>
        <source>I approve this package as the supervisor responsible for it (%1).</source>
        <translation>取扱責任者として、このパッケージの作成を承認します（%1）。</translation>
    </message>
    <message>
        <source>A package takes personal data out of this vault. It is signed with the organisation key, and the export, the medium and the password notice are written in the custody ledger under your name.</source>
        <translation>パッケージは個人情報をこの金庫の外へ持ち出します。組織の鍵で署名され、書き出し・媒体・パスワード通知書はあなたの名前で管理簿に記録されます。</translation>
    </message>
    <message>
        <source>Only a supervisor (取扱責任者) may make a package: it takes personal data out of the vault and is signed with the organisation key, which only supervisors hold. Ask your supervisor to make it.</source>
        <translation>パッケージを作れるのは取扱責任者だけです。パッケージは個人情報を金庫の外へ持ち出し、取扱責任者だけが持つ組織の鍵で署名されるためです。取扱責任者に作成を依頼してください。</translation>
    </message>
</context>
<context>
    <name>AttachmentsTab</name>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>追加日</translation>
    </message>
    <message>
        <source>Add file…</source>
        <translation>ファイルを追加…</translation>
    </message>
    <message>
        <source>PDF, PNG or JPEG up to 10 MB, stored encrypted in the vault.</source>
        <translation>PDF・PNG・JPEG（10 MBまで）。金庫の中に暗号化して保存します。</translation>
    </message>
    <message>
        <source>Add an attachment</source>
        <translation>添付ファイルの追加</translation>
    </message>
    <message>
        <source>PDF or image (*.pdf *.png *.jpg *.jpeg)</source>
        <translation>PDF・画像 (*.pdf *.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>The file {name} cannot be read. Check that it exists and is not open elsewhere.</source>
        <translation>ファイル {name} を読み込めません。ファイルがあること、ほかのアプリで開いていないことを確かめてください。</translation>
    </message>
    <message>
        <source>Added the attachment {name}.</source>
        <translation>添付ファイル「{name}」を追加しました。</translation>
    </message>
</context>
<context>
    <name>AuditLabels</name>
    <message>
        <source>Vault created</source>
        <translation>金庫の作成</translation>
    </message>
    <message>
        <source>Master key rotated</source>
        <translation>暗号鍵の更新</translation>
    </message>
    <message>
        <source>Device binding changed</source>
        <translation>端末の結び付けの変更</translation>
    </message>
    <message>
        <source>Recovery sheet saved to a file</source>
        <translation>復旧キー用紙のファイル保存</translation>
    </message>
    <message>
        <source>Vault upgraded</source>
        <translation>金庫の更新</translation>
    </message>
    <message>
        <source>Demo data created</source>
        <translation>デモデータの作成</translation>
    </message>
    <message>
        <source>Device enrolled</source>
        <translation>端末の登録</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>サインイン</translation>
    </message>
    <message>
        <source>Failed sign-in</source>
        <translation>サインイン失敗</translation>
    </message>
    <message>
        <source>Failed sign-ins reported by the brake file (not verified)</source>
        <translation>ブレーキファイルが報告したサインイン失敗（未検証）</translation>
    </message>
    <message>
        <source>Vault taken over after it was left open</source>
        <translation>開いたまま終了した金庫の引き継ぎ</translation>
    </message>
    <message>
        <source>Vault checked</source>
        <translation>金庫の検査</translation>
    </message>
    <message>
        <source>Debtor list shown</source>
        <translation>債務者一覧の表示</translation>
    </message>
    <message>
        <source>Debtor list taken out (JSON or file)</source>
        <translation>債務者一覧の書出し（JSON・ファイル）</translation>
    </message>
    <message>
        <source>Searches in the session (count only)</source>
        <translation>セッション中の検索（件数のみ）</translation>
    </message>
    <message>
        <source>User added</source>
        <translation>利用者の追加</translation>
    </message>
    <message>
        <source>User removed</source>
        <translation>利用者の削除</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>パスワードの変更</translation>
    </message>
    <message>
        <source>Password reset by an administrator</source>
        <translation>管理者によるパスワード再設定</translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation>役割の変更</translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation>設定の変更</translation>
    </message>
    <message>
        <source>Backup made</source>
        <translation>バックアップの作成</translation>
    </message>
    <message>
        <source>Backup verified</source>
        <translation>バックアップの検証</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>バックアップからの復元</translation>
    </message>
    <message>
        <source>Debtor added</source>
        <translation>債務者の登録</translation>
    </message>
    <message>
        <source>Debtor card viewed</source>
        <translation>債務者カードの閲覧</translation>
    </message>
    <message>
        <source>Charge statement shown</source>
        <translation>計算明細の表示</translation>
    </message>
    <message>
        <source>Handler assigned</source>
        <translation>担当者の割当て</translation>
    </message>
    <message>
        <source>Notes changed</source>
        <translation>メモの変更</translation>
    </message>
    <message>
        <source>Status changed</source>
        <translation>状態の変更</translation>
    </message>
    <message>
        <source>Tags changed</source>
        <translation>タグの変更</translation>
    </message>
    <message>
        <source>Claim added</source>
        <translation>債権の登録</translation>
    </message>
    <message>
        <source>Payment recorded</source>
        <translation>納付の記録</translation>
    </message>
    <message>
        <source>Payment corrected</source>
        <translation>納付の訂正</translation>
    </message>
    <message>
        <source>Payment reversed</source>
        <translation>納付の取消し</translation>
    </message>
    <message>
        <source>Instalment plan made</source>
        <translation>分納計画の作成</translation>
    </message>
    <message>
        <source>Instalment plan accelerated</source>
        <translation>分納計画の期限の利益喪失</translation>
    </message>
    <message>
        <source>Negotiation record added</source>
        <translation>交渉記録の追加</translation>
    </message>
    <message>
        <source>Negotiation record corrected</source>
        <translation>交渉記録の訂正</translation>
    </message>
    <message>
        <source>Record history viewed</source>
        <translation>交渉記録の履歴閲覧</translation>
    </message>
    <message>
        <source>Inquiry to the ward added</source>
        <translation>区への照会の登録</translation>
    </message>
    <message>
        <source>Inquiry answered</source>
        <translation>照会への回答</translation>
    </message>
    <message>
        <source>Document sent logged</source>
        <translation>文書送付の記録</translation>
    </message>
    <message>
        <source>Document marked returned</source>
        <translation>文書の返戻</translation>
    </message>
    <message>
        <source>Attachment added</source>
        <translation>添付ファイルの追加</translation>
    </message>
    <message>
        <source>Attachment opened</source>
        <translation>添付ファイルの閲覧</translation>
    </message>
    <message>
        <source>Extraction condition saved</source>
        <translation>抽出条件の保存</translation>
    </message>
    <message>
        <source>Extraction condition deleted</source>
        <translation>抽出条件の削除</translation>
    </message>
    <message>
        <source>Workbook imported</source>
        <translation>Excel の取込み</translation>
    </message>
    <message>
        <source>Workbook exported</source>
        <translation>Excel の出力</translation>
    </message>
    <message>
        <source>Debtor list exported</source>
        <translation>債務者一覧を書き出し</translation>
    </message>
    <message>
        <source>Negotiation report exported</source>
        <translation>交渉記録報告書を書き出し</translation>
    </message>
    <message>
        <source>Password notice printed</source>
        <translation>パスワード通知書を印刷</translation>
    </message>
    <message>
        <source>Charge statement saved as PDF</source>
        <translation>計算書をPDFで保存</translation>
    </message>
    <message>
        <source>Document printed</source>
        <translation>文書を印刷</translation>
    </message>
    <message>
        <source>Debtor's details changed</source>
        <translation>債務者の情報を変更</translation>
    </message>
    <message>
        <source>Own display settings changed</source>
        <translation>自分の表示設定を変更</translation>
    </message>
    <message>
        <source>Negotiation records listed</source>
        <translation>交渉記録を一覧</translation>
    </message>
    <message>
        <source>Vault</source>
        <translation>金庫</translation>
    </message>
    <message>
        <source>User</source>
        <translation>利用者</translation>
    </message>
    <message>
        <source>Debtor</source>
        <translation>債務者</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>債権</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>納付</translation>
    </message>
    <message>
        <source>Negotiation record</source>
        <translation>交渉記録</translation>
    </message>
    <message>
        <source>Instalment plan</source>
        <translation>分納計画</translation>
    </message>
    <message>
        <source>Inquiry</source>
        <translation>照会</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文書</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>添付ファイル</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>バックアップ</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Extraction condition</source>
        <translation>抽出条件</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation>業務</translation>
    </message>
    <message>
        <source>{what} (no longer in the vault)</source>
        <translation>{what}（金庫にはもうありません）</translation>
    </message>
    <message>
        <source>Debtor {number} {name}</source>
        <translation>債務者 {number} {name}</translation>
    </message>
    <message>
        <source>User {name}</source>
        <translation>利用者 {name}</translation>
    </message>
    <message>
        <source>Reversal of {amount} ({day})</source>
        <translation>取消 {amount}（{day}）</translation>
    </message>
    <message>
        <source>Payment of {amount} ({day})</source>
        <translation>納付 {amount}（{day}）</translation>
    </message>
    <message>
        <source>Negotiation record of {day} ({channel})</source>
        <translation>交渉記録 {day}（{channel}）</translation>
    </message>
    <message>
        <source>Instalment plan agreed {day}, {amount} in all</source>
        <translation>分納計画（{day}合意・総額 {amount}）</translation>
    </message>
    <message>
        <source>Inquiry “{kind}” of {day}</source>
        <translation>照会「{kind}」（{day}）</translation>
    </message>
    <message>
        <source>{kind} sent {day}</source>
        <translation>{kind}（{day}発送）</translation>
    </message>
    <message>
        <source>Attachment {name}</source>
        <translation>添付「{name}」</translation>
    </message>
    <message>
        <source>Claim {programme} ({amount})</source>
        <translation>債権 {programme}（{amount}）</translation>
    </message>
    <message>
        <source>Tag “{name}”</source>
        <translation>タグ「{name}」</translation>
    </message>
    <message>
        <source>Extraction condition “{name}”</source>
        <translation>抽出条件「{name}」</translation>
    </message>
    <message>
        <source>method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>bound to the device</source>
        <translation>端末の結び付け</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>有効</translation>
    </message>
    <message>
        <source>organisation role</source>
        <translation>団体の種類</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>シード</translation>
    </message>
    <message>
        <source>role</source>
        <translation>役割</translation>
    </message>
    <message>
        <source>before</source>
        <translation>変更前</translation>
    </message>
    <message>
        <source>after</source>
        <translation>変更後</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>変更した項目</translation>
    </message>
    <message>
        <source>result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>audit entries</source>
        <translation>監査記録数</translation>
    </message>
    <message>
        <source>users</source>
        <translation>利用者数</translation>
    </message>
    <message>
        <source>size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>count</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>取込</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>変更なし</translation>
    </message>
    <message>
        <source>password-protected</source>
        <translation>パスワード保護</translation>
    </message>
    <message>
        <source>protection</source>
        <translation>保護の方式</translation>
    </message>
    <message>
        <source>file check code</source>
        <translation>ファイルの照合番号</translation>
    </message>
    <message>
        <source>file type</source>
        <translation>ファイルの種類</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>rows skipped</source>
        <translation>読み飛ばした行</translation>
    </message>
    <message>
        <source>items changed</source>
        <translation>変更した項目</translation>
    </message>
    <message>
        <source>version</source>
        <translation>版</translation>
    </message>
    <message>
        <source>versions</source>
        <translation>版数</translation>
    </message>
    <message>
        <source>status changed</source>
        <translation>状況の変更</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>置き換えた計画</translation>
    </message>
    <message>
        <source>replacing</source>
        <translation>訂正前</translation>
    </message>
    <message>
        <source>reversed by</source>
        <translation>取消の記録</translation>
    </message>
    <message>
        <source>handler</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>from</source>
        <translation>開始日</translation>
    </message>
    <message>
        <source>to</source>
        <translation>終了日</translation>
    </message>
    <message>
        <source>as of</source>
        <translation>基準日</translation>
    </message>
    <message>
        <source>pages</source>
        <translation>ページ数</translation>
    </message>
    <message>
        <source>document</source>
        <translation>文書</translation>
    </message>
    <message>
        <source>filtered</source>
        <translation>絞り込み</translation>
    </message>
    <message>
        <source>count only</source>
        <translation>件数のみ</translation>
    </message>
    <message>
        <source>password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <source>recovery key</source>
        <translation>復旧キー</translation>
    </message>
    <message>
        <source>contractor</source>
        <translation>受託者</translation>
    </message>
    <message>
        <source>ward</source>
        <translation>区</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>手動</translation>
    </message>
    <message>
        <source>before an upgrade</source>
        <translation>更新前の自動作成</translation>
    </message>
    <message>
        <source>before a key renewal</source>
        <translation>鍵の更新前の自動作成</translation>
    </message>
    <message>
        <source>idle lock</source>
        <translation>自動ロック</translation>
    </message>
    <message>
        <source>clipboard clearing</source>
        <translation>コピーした文字の消去</translation>
    </message>
    <message>
        <source>backups kept</source>
        <translation>残すバックアップ</translation>
    </message>
    <message>
        <source>Office encryption (AES-256)</source>
        <translation>Office の暗号化（AES-256）</translation>
    </message>
    <message>
        <source>PDF encryption (AES-256)</source>
        <translation>PDF の暗号化（AES-256）</translation>
    </message>
    <message>
        <source>Office encryption (Agile)</source>
        <translation>Office の暗号化（Agile）</translation>
    </message>
    <message>
        <source>Office encryption (Standard)</source>
        <translation>Office の暗号化（Standard）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>date display</source>
        <translation>日付の表示</translation>
    </message>
    <message>
        <source>charge statement</source>
        <translation>計算書</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>区分</translation>
    </message>
    <message>
        <source>name</source>
        <translation>氏名・名称</translation>
    </message>
    <message>
        <source>reading</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <source>representative</source>
        <translation>代表者</translation>
    </message>
    <message>
        <source>representative's reading</source>
        <translation>代表者フリガナ</translation>
    </message>
    <message>
        <source>postal code</source>
        <translation>郵便番号</translation>
    </message>
    <message>
        <source>address</source>
        <translation>住所</translation>
    </message>
    <message>
        <source>mailing postal code</source>
        <translation>送付先郵便番号</translation>
    </message>
    <message>
        <source>mailing address</source>
        <translation>送付先住所</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <source>second phone</source>
        <translation>電話番号2</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <source>date and time</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>手段</translation>
    </message>
    <message>
        <source>direction</source>
        <translation>発信・受信</translation>
    </message>
    <message>
        <source>person</source>
        <translation>相手方</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>promised amount</source>
        <translation>約束の金額</translation>
    </message>
    <message>
        <source>promised date</source>
        <translation>約束の期日</translation>
    </message>
    <message>
        <source>next action</source>
        <translation>次回予定</translation>
    </message>
    <message>
        <source>payment date</source>
        <translation>納付日</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <source>source</source>
        <translation>納付の経路</translation>
    </message>
    <message>
        <source>confirmed by the ward</source>
        <translation>区の確認</translation>
    </message>
    <message>
        <source>claim</source>
        <translation>債権</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>no</source>
        <translation>いいえ</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Audit log</source>
        <translation>監査ログ</translation>
    </message>
    <message>
        <source>Every action is recorded and chained to the one before it, so that any edit, insertion, deletion or reordering is found by the verification.</source>
        <translation>すべての操作は一つ前の記録とつなげて記録されます。書き換え・挿入・削除・並べ替えがあれば、検証で見つかります。</translation>
    </message>
    <message>
        <source>(all users)</source>
        <translation>（すべての利用者）</translation>
    </message>
    <message>
        <source>(all actions)</source>
        <translation>（すべての操作）</translation>
    </message>
    <message>
        <source>From</source>
        <translation>送り手</translation>
    </message>
    <message>
        <source>To</source>
        <translation>宛先</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>絞り込む</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>条件をクリア</translation>
    </message>
    <message>
        <source>User</source>
        <translation>利用者</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>番号</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>対象</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Verify the chain</source>
        <translation>改ざんの検査</translation>
    </message>
    <message>
        <source>Copy checkpoint</source>
        <translation>チェックポイントをコピー</translation>
    </message>
    <message>
        <source>The newest {n} entries are shown; narrow the filters to see older ones.</source>
        <translation>新しい順に {n} 件を表示しています。それより前の記録は条件を絞って表示してください。</translation>
    </message>
    <message>
        <source>{n} entries, newest first</source>
        <translation>{n} 件（新しい順）</translation>
    </message>
    <message>
        <source>Verifying the audit log…</source>
        <translation>監査ログを検証しています…</translation>
    </message>
    <message>
        <source>OK: all {n} entries are intact and in order. Checkpoint {checkpoint}</source>
        <translation>正常：{n} 件の記録はすべて改ざんされておらず、順序も正しいです。チェックポイント {checkpoint}</translation>
    </message>
    <message>
        <source>Problems were found in the audit log:</source>
        <translation>監査ログに問題が見つかりました：</translation>
    </message>
</context>
<context>
    <name>BatchTab</name>
    <message>
        <source>Every debtor</source>
        <translation>すべての債務者</translation>
    </message>
    <message>
        <source>A saved extraction condition</source>
        <translation>保存した抽出条件</translation>
    </message>
    <message>
        <source>Management numbers</source>
        <translation>管理番号</translation>
    </message>
    <message>
        <source>One management number a line, e.g. R7-0001</source>
        <translation>管理番号を1行に1つ（例: R7-0001）</translation>
    </message>
    <message>
        <source>Include debtors marked as hard to collect</source>
        <translation>回収困難の債務者も含める</translation>
    </message>
    <message>
        <source>Include debtors whose last letter came back</source>
        <translation>前回の文書が返戻された債務者も含める</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Debtors</source>
        <translation>対象</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>抽出条件</translation>
    </message>
    <message>
        <source>Letter date</source>
        <translation>文書日付</translation>
    </message>
    <message>
        <source>Pay by</source>
        <translation>納付期限</translation>
    </message>
    <message>
        <source>Mailing</source>
        <translation>郵送方法</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>プレビュー</translation>
    </message>
    <message>
        <source>Make and print</source>
        <translation>作成して印刷</translation>
    </message>
    <message>
        <source>Print again</source>
        <translation>もう一度印刷</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>PDFとして保存…</translation>
    </message>
    <message>
        <source>Save the mail list…</source>
        <translation>差出票を保存…</translation>
    </message>
    <message>
        <source>Save the labels…</source>
        <translation>宛名ラベルを保存…</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>対象外</translation>
    </message>
    <message>
        <source>Making the letters…</source>
        <translation>文書を作成しています…</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>プレビューを準備しています…</translation>
    </message>
    <message>
        <source>Make the letters</source>
        <translation>文書の作成</translation>
    </message>
    <message>
        <source>The letters get their document numbers and are recorded as sent today. Make them and print?</source>
        <translation>文書番号を付けて、発送済みとして記録します。作成して印刷しますか。</translation>
    </message>
    <message>
        <source>%1 letters, %2 pages, recorded as sent (numbers %3 to %4).</source>
        <translation>%1通（%2ページ）を作成し、発送済みとして記録しました（文書番号 %3 〜 %4）。</translation>
    </message>
    <message>
        <source>Preview: %1 letters, %2 pages. Nothing is recorded yet.</source>
        <translation>プレビュー: %1通（%2ページ）。まだ何も記録していません。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Saved (%1 bytes).</source>
        <translation>保存しました（%1バイト）。</translation>
    </message>
</context>
<context>
    <name>BookingCalendar</name>
    <message>
        <source>← Previous week</source>
        <translation>← 前の週</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>今週</translation>
    </message>
    <message>
        <source>Next week →</source>
        <translation>次の週 →</translation>
    </message>
    <message>
        <source>Show cancelled</source>
        <translation>取消も表示</translation>
    </message>
    <message>
        <source>Book… (Ctrl+B)</source>
        <translation>予約する…（Ctrl+B）</translation>
    </message>
    <message>
        <source>Cancel booking (Del)</source>
        <translation>予約を取り消す（Del）</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>相談員</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全員</translation>
    </message>
    <message>
        <source>Week of {first} to {last}</source>
        <translation>{first}〜{last} の週</translation>
    </message>
    <message>
        <source>Cancel a booking</source>
        <translation>予約の取消</translation>
    </message>
    <message>
        <source>Cancel the booking of {when} ({who}, {business})? It stays on record as cancelled.</source>
        <translation>{when}の予約（{who}・{business}）を取り消しますか？ 取消として記録に残ります。</translation>
    </message>
    <message>
        <source>Cancel the booking</source>
        <translation>予約を取り消す</translation>
    </message>
</context>
<context>
    <name>BookingDialog</name>
    <message>
        <source>Book a consultation</source>
        <translation>相談の予約</translation>
    </message>
    <message>
        <source>Type part of the business name, reading or phone</source>
        <translation>事業所名・フリガナ・電話番号の一部を入力</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分</translation>
    </message>
    <message>
        <source>Find business</source>
        <translation>事業者を探す</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>事業者</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>相談員</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Starts at</source>
        <translation>開始時刻</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>相談形態</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>相談の内容（予定）</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>予約する</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Choose the business and the consultant.</source>
        <translation>事業者と相談員を選んでください。</translation>
    </message>
</context>
<context>
    <name>BurnPage</name>
    <message>
        <source>Write the package</source>
        <translation>パッケージを書き出す</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>e.g. %1-R7-003</source>
        <translation>例: %1-R7-003</translation>
    </message>
    <message>
        <source>Burning folder</source>
        <translation>書き込み用フォルダ</translation>
    </message>
    <message>
        <source>Medium label</source>
        <translation>媒体番号</translation>
    </message>
    <message>
        <source>The burning folder</source>
        <translation>書き込み用フォルダ</translation>
    </message>
    <message>
        <source>Writing the package…</source>
        <translation>パッケージを書き出しています…</translation>
    </message>
</context>
<context>
    <name>BusinessCard</name>
    <message>
        <source>Consultation</source>
        <translation>相談</translation>
    </message>
    <message>
        <source>Booking</source>
        <translation>予約</translation>
    </message>
    <message>
        <source>Dispatch</source>
        <translation>専門家派遣</translation>
    </message>
    <message>
        <source>Seminar</source>
        <translation>セミナー</translation>
    </message>
</context>
<context>
    <name>BusinessCardPage</name>
    <message>
        <source>← Back to the list</source>
        <translation>← 一覧に戻る</translation>
    </message>
    <message>
        <source>Correct the business…</source>
        <translation>事業者情報を訂正…</translation>
    </message>
    <message>
        <source>Kind / industry</source>
        <translation>区分・業種</translation>
    </message>
    <message>
        <source>Representative</source>
        <translation>代表者</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <source>New consultation (Ctrl+Enter saves)</source>
        <translation>新しい相談記録（Ctrl+Enter で保存）</translation>
    </message>
    <message>
        <source>Save consultation</source>
        <translation>相談記録を保存</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状況</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>訂正…</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>履歴…</translation>
    </message>
    <message>
        <source>Timeline (newest first)</source>
        <translation>経過（新しい順）</translation>
    </message>
    <message>
        <source>Unsaved consultation</source>
        <translation>保存していない相談記録</translation>
    </message>
    <message>
        <source>The consultation you were typing has not been saved. Leave it without saving?</source>
        <translation>入力中の相談記録はまだ保存されていません。保存せずに移動しますか？</translation>
    </message>
    <message>
        <source>Leave without saving</source>
        <translation>保存せずに移動</translation>
    </message>
    <message>
        <source>Versions of this consultation</source>
        <translation>この相談記録の版</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>入力日時</translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation>入力者</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>相談形態</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>相談分類</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Loan mediation</source>
        <translation>融資あっせん</translation>
    </message>
    <message>
        <source>Version {n}</source>
        <translation>第{n}版</translation>
    </message>
    <message>
        <source> (current)</source>
        <translation>（現在）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>BusinessDialog</name>
    <message>
        <source>Correct the business</source>
        <translation>事業者情報の訂正</translation>
    </message>
    <message>
        <source>Register a business</source>
        <translation>事業者の登録</translation>
    </message>
    <message>
        <source>Business name</source>
        <translation>事業所名</translation>
    </message>
    <message>
        <source>Reading (kana)</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>郵便番号</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <source>Representative</source>
        <translation>代表者</translation>
    </message>
    <message>
        <source>Representative's reading</source>
        <translation>代表者フリガナ</translation>
    </message>
    <message>
        <source>Representative's date of birth</source>
        <translation>代表者生年月日</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>業種</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>従業員数</translation>
    </message>
    <message>
        <source>e.g. 昭和50年3月2日 or S50.3.2</source>
        <translation>例: 昭和50年3月2日、S50.3.2</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>BusinessListPage</name>
    <message>
        <source>Search business, reading, representative, phone or e-mail (Ctrl+F)</source>
        <translation>事業所名・フリガナ・代表者・電話番号・メールで検索（Ctrl+F）</translation>
    </message>
    <message>
        <source>Register a business… (Ctrl+N)</source>
        <translation>事業者を登録…（Ctrl+N）</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>事業者</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>業種</translation>
    </message>
    <message>
        <source>Representative</source>
        <translation>代表者</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <source>Last consulted</source>
        <translation>最終相談日</translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation>相談</translation>
    </message>
    <message>
        <source>{shown} of {total} businesses</source>
        <translation>{total}件中 {shown}件を表示</translation>
    </message>
    <message>
        <source>{total} businesses</source>
        <translation>{total}件</translation>
    </message>
</context>
<context>
    <name>CertificatePage</name>
    <message>
        <source>The certificate of erasure</source>
        <translation>消去証明書</translation>
    </message>
    <message>
        <source>Print the certificate…</source>
        <translation>消去証明書を印刷…</translation>
    </message>
    <message>
        <source>Save the certificate…</source>
        <translation>消去証明書を保存…</translation>
    </message>
    <message>
        <source>The vault is erased. The certificate was saved to “%1”.</source>
        <translation>金庫を消去しました。消去証明書は「%1」に保存しました。</translation>
    </message>
    <message>
        <source>The engagement is erased. Make the erasure package for the ward next (Next), and print the certificate for your records.</source>
        <translation>業務を消去しました。次に区へ渡す消去のパッケージを作り（「次へ」）、控えとして消去証明書を印刷してください。</translation>
    </message>
    <message>
        <source>Certificate no.</source>
        <translation>証明書番号</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Records erased</source>
        <translation>消去した記録</translation>
    </message>
    <message>
        <source>Responsible person</source>
        <translation>責任者</translation>
    </message>
    <message>
        <source>Final audit checkpoint</source>
        <translation>監査ログの最終チェックポイント</translation>
    </message>
    <message>
        <source>Backups re-made</source>
        <translation>バックアップの作り直し</translation>
    </message>
    <message>
        <source>%1 removed, one new</source>
        <translation>%1 個を削除し、1 個を作り直し</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>バックアップ</translation>
    </message>
    <message>
        <source>destroyed with the vault</source>
        <translation>金庫とともに消去</translation>
    </message>
    <message>
        <source>Certificate of erasure</source>
        <translation>消去証明書</translation>
    </message>
    <message>
        <source>Signed with the organisation key. It holds no personal data.</source>
        <translation>組織の鍵で署名されています。個人情報は含みません。</translation>
    </message>
    <message>
        <source>The certificate was printed.</source>
        <translation>消去証明書を印刷しました。</translation>
    </message>
    <message>
        <source>Save the certificate of erasure</source>
        <translation>消去証明書の保存</translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation>「%1」を保存しました。</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change the password of {name}</source>
        <translation>{name} のパスワード変更</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>現在のパスワード</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新しいパスワード</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>変更</translation>
    </message>
    <message>
        <source>The user must choose a new password of their own at the next sign-in.</source>
        <translation>この利用者は、次のサインインのときに自分で新しいパスワードを決め直します。</translation>
    </message>
</context>
<context>
    <name>ChargeStatementDialog</name>
    <message>
        <source>Charge statement</source>
        <translation>加算金・延滞金計算書</translation>
    </message>
    <message>
        <source>As of {as_of} (due date {due}); principal {principal}; rule: {profile}</source>
        <translation>基準日 {as_of}（納期限 {due}）　元金 {principal}　計算規則: {profile}</translation>
    </message>
    <message>
        <source>Breakdown</source>
        <translation>内訳</translation>
    </message>
    <message>
        <source>The statement as it will be printed appears here.</source>
        <translation>印刷される計算書をここに表示します。</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>印刷プレビュー</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>PDFとして保存…</translation>
    </message>
    <message>
        <source>Saving a file of personal data needs a supervisor.</source>
        <translation>個人情報を含むファイルの保存は、取扱責任者が行います。</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>From</source>
        <translation>送り手</translation>
    </message>
    <message>
        <source>To</source>
        <translation>宛先</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>日数</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>残高</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>計算基礎額</translation>
    </message>
    <message>
        <source>Annual rate</source>
        <translation>年率</translation>
    </message>
    <message>
        <source>Year days</source>
        <translation>年日数</translation>
    </message>
    <message>
        <source>Amount (exact)</source>
        <translation>金額（端数含む）</translation>
    </message>
    <message>
        <source>No charge accrued by this date.</source>
        <translation>この日までに発生した加算金・延滞金はありません。</translation>
    </message>
    <message>
        <source>Additional charge</source>
        <translation>加算金</translation>
    </message>
    <message>
        <source>Late charge</source>
        <translation>延滞金</translation>
    </message>
    <message>
        <source>Principal remaining</source>
        <translation>元金残額</translation>
    </message>
    <message>
        <source>Additional charge remaining</source>
        <translation>加算金残額</translation>
    </message>
    <message>
        <source>Late charge remaining</source>
        <translation>延滞金残額</translation>
    </message>
    <message>
        <source>Total remaining</source>
        <translation>未納合計</translation>
    </message>
    <message>
        <source>Overpaid</source>
        <translation>過納額</translation>
    </message>
    <message>
        <source>Making the statement…</source>
        <translation>計算書を作成しています…</translation>
    </message>
    <message>
        <source>{n} page(s), A4. Nothing is saved unless you choose “Save as PDF…”.</source>
        <translation>A4・{n}ページ。「PDFとして保存…」を選ばない限り、どこにも保存しません。</translation>
    </message>
    <message>
        <source>The printer could not be used.</source>
        <translation>プリンターを使えませんでした。プリンターの設定を確かめてください。</translation>
    </message>
    <message>
        <source>Sent the charge statement ({n} page(s)) to the printer.</source>
        <translation>計算書（{n}ページ）を印刷しました。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Each charge is the exact sum of its segments, truncated once at the end ({unit} dropped).</source>
        <translation>加算金・延滞金は各期間の金額を端数まで正確に合計し、最後に一度だけ切り捨てます（{unit}切捨て）。</translation>
    </message>
    <message>
        <source>Amounts are shown to four decimal places, the rest cut for display; the sums use the exact values.</source>
        <translation>金額（端数まで）は小数第4位まで表示し、それより下は表示のために切り捨てています。合計は正確な値で計算しています。</translation>
    </message>
    <message>
        <source>{exact} → {charged}</source>
        <translation>{exact} → {charged}</translation>
    </message>
    <message>
        <source>Late charge (tier {tier})</source>
        <translation>延滞金（第{tier}段階）</translation>
    </message>
    <message>
        <source>Saved the charge statement as {name}.</source>
        <translation>計算書を「{name}」に保存しました。</translation>
    </message>
    <message>
        <source>Save the charge statement as PDF</source>
        <translation>計算書をPDFで保存</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <source>Checks and preview</source>
        <translation>検査と内容の確認</translation>
    </message>
    <message>
        <source>The signature, the sender, the recipient and the order are checked, and the package is tried on the vault and rolled back: nothing is kept yet.</source>
        <translation>署名・送り手・宛先・順番を検査し、パッケージを金庫に試しに適用して元に戻します。まだ何も取り込んでいません。</translation>
    </message>
    <message>
        <source>Take the package in</source>
        <translation>取り込む</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>データ</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新規</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>変更</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>変更なし</translation>
    </message>
    <message>
        <source>Checking the package…</source>
        <translation>パッケージを検査しています…</translation>
    </message>
    <message>
        <source>Every check passed: signed by %1, addressed to this vault.</source>
        <translation>すべての検査に合格しました。%1 の署名があり、この金庫宛てです。</translation>
    </message>
    <message>
        <source> (new here)</source>
        <translation>（この金庫では新規）</translation>
    </message>
    <message>
        <source>From</source>
        <translation>送り手</translation>
    </message>
    <message>
        <source>Their key fingerprint</source>
        <translation>相手方の鍵の指紋</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Package no.</source>
        <translation>回数</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation>業務</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>媒体</translation>
    </message>
    <message>
        <source>Made by</source>
        <translation>作成者</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>%1 records, %2 files, %3</source>
        <translation>%1 件・ファイル %2 個・%3</translation>
    </message>
    <message>
        <source>Sender's checkpoint</source>
        <translation>送り手のチェックポイント</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Taking the package in…</source>
        <translation>パッケージを取り込んでいます…</translation>
    </message>
</context>
<context>
    <name>ChoosePage</name>
    <message>
        <source>Engagement and kind</source>
        <translation>業務と種類</translation>
    </message>
    <message>
        <source>A package belongs to one engagement and goes to its counterpart.</source>
        <translation>パッケージは 1 つの業務に属し、その業務の相手方に渡します。</translation>
    </message>
    <message>
        <source>The erasure report is made by the erasure wizard after an engagement is erased. Template packages (no personal data) cannot be made yet.</source>
        <translation>消去の報告は、業務を消去したあと「消去」の手続きで作ります。文書のひな形のパッケージ（個人情報なし）はまだ作れません。</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation>業務</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>no counterpart</source>
        <translation>相手方なし</translation>
    </message>
    <message>
        <source>There is no engagement in progress to make a package for. Add one under 業務と相手方.</source>
        <translation>パッケージを作れる進行中の業務がありません。「業務と相手方」で業務を登録してください。</translation>
    </message>
    <message>
        <source>This vault's side makes no packages of its own.</source>
        <translation>この金庫の側が作るパッケージはありません。</translation>
    </message>
</context>
<context>
    <name>ClaimsTab</name>
    <message>
        <source>Public law</source>
        <translation>公法上</translation>
    </message>
    <message>
        <source>Private law</source>
        <translation>私法上</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>事業名</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>交付決定日</translation>
    </message>
    <message>
        <source>Grant</source>
        <translation>交付額</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受領</translation>
    </message>
    <message>
        <source>Order date</source>
        <translation>返還命令日</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>納期限</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>元金</translation>
    </message>
    <message>
        <source>Nature</source>
        <translation>性質</translation>
    </message>
    <message>
        <source>Payment date</source>
        <translation>納付日</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>納付方法</translation>
    </message>
    <message>
        <source>Ward confirmed</source>
        <translation>区確認</translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation>登録者</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>備考</translation>
    </message>
    <message>
        <source>Record payment…</source>
        <translation>納付を登録…</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>債権</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>納付</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>済</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>未確認</translation>
    </message>
    <message>
        <source>Reversed</source>
        <translation>取消済</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>取消記録</translation>
    </message>
    <message>
        <source>Paid in total: {amount}</source>
        <translation>納付額合計: {amount}</translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message>
        <source>Confirm the erasure</source>
        <translation>消去の確認</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>消去する</translation>
    </message>
    <message>
        <source>Full name of the supervisor responsible</source>
        <translation>責任者（取扱責任者）の氏名</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Certificate saved to</source>
        <translation>消去証明書の保存先</translation>
    </message>
    <message>
        <source>Responsible person</source>
        <translation>責任者</translation>
    </message>
    <message>
        <source>Type 「%1」 to confirm</source>
        <translation>確認のため「%1」と入力</translation>
    </message>
    <message>
        <source>Where the certificate of erasure goes</source>
        <translation>消去証明書の保存先</translation>
    </message>
    <message>
        <source>Erasing the vault…</source>
        <translation>金庫を消去しています…</translation>
    </message>
    <message>
        <source>Erasing the engagement and re-making the backups…</source>
        <translation>業務を消去し、バックアップを作り直しています…</translation>
    </message>
</context>
<context>
    <name>ConsultationForm</name>
    <message>
        <source>What was asked and advised</source>
        <translation>相談された内容と助言した内容</translation>
    </message>
    <message>
        <source>Bank (loan mediation)</source>
        <translation>金融機関（融資あっせん）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>相談員</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>相談形態</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>相談分類</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Loan mediation</source>
        <translation>融資あっせん</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>次回フォロー日</translation>
    </message>
    <message>
        <source>Choose the consultant (register one first if the list is empty).</source>
        <translation>相談員を選んでください（一覧が空のときは先に登録してください）。</translation>
    </message>
    <message>
        <source>Tick at least one category (Alt+letter).</source>
        <translation>相談分類を1つ以上選んでください（Alt+英字）。</translation>
    </message>
    <message>
        <source>Contents: write what was asked and advised (it cannot be empty).</source>
        <translation>相談内容: 相談された内容と助言を入力してください（空にはできません）。</translation>
    </message>
    <message>
        <source>Loan amount</source>
        <translation>融資あっせん額</translation>
    </message>
</context>
<context>
    <name>ConsultationsPage</name>
    <message>
        <source>Consultations</source>
        <translation>相談</translation>
    </message>
    <message>
        <source>SME support: consultation records, bookings, seminars and advisor dispatches</source>
        <translation>経営サポート事業：相談記録・予約・セミナー・専門家派遣</translation>
    </message>
    <message>
        <source>Businesses</source>
        <translation>事業者</translation>
    </message>
    <message>
        <source>Bookings</source>
        <translation>予約</translation>
    </message>
    <message>
        <source>Seminars</source>
        <translation>セミナー</translation>
    </message>
    <message>
        <source>Advisor dispatches</source>
        <translation>専門家派遣</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>集計</translation>
    </message>
</context>
<context>
    <name>CopiesPage</name>
    <message>
        <source>What is destroyed, and what is not within reach</source>
        <translation>消去するものと、手の届かない写し</translation>
    </message>
    <message>
        <source>Copies Saiken Desk cannot erase (return or destroy them yourselves):</source>
        <translation>債権デスクでは消去できない写し（返却または破棄してください）:</translation>
    </message>
    <message>
        <source>Looking through the vault…</source>
        <translation>金庫を調べています…</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <source>Correct a negotiation record</source>
        <translation>交渉記録の訂正</translation>
    </message>
    <message>
        <source>Correct a consultation</source>
        <translation>相談記録の訂正</translation>
    </message>
    <message>
        <source>The correction is saved as a new version; the current text stays in the history.</source>
        <translation>訂正は新しい版として保存され、現在の内容は履歴に残ります。</translation>
    </message>
    <message>
        <source>Save correction</source>
        <translation>訂正を保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>CountsPage</name>
    <message>
        <source>What goes in</source>
        <translation>パッケージに入るもの</translation>
    </message>
    <message>
        <source>Counted from the vault now; nothing is written yet. A later package carries only what changed since the last one the counterpart acknowledged.</source>
        <translation>いま金庫から数えた件数です。まだ何も書き出していません。2 回目以降のパッケージは、相手方が受領確認した前回から変わったものだけを運びます。</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>データ</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>数えています…</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation>業務</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>To</source>
        <translation>宛先</translation>
    </message>
    <message>
        <source>Their key fingerprint</source>
        <translation>相手方の鍵の指紋</translation>
    </message>
    <message>
        <source>Package no.</source>
        <translation>回数</translation>
    </message>
    <message>
        <source>%1 (the first)</source>
        <translation>%1（初回）</translation>
    </message>
    <message>
        <source>Acknowledges</source>
        <translation>受領確認の対象</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>まだなし</translation>
    </message>
    <message>
        <source>%1 records in all</source>
        <translation>合計 %1 件</translation>
    </message>
    <message>
        <source>Nothing has changed since the last package the counterpart acknowledged.</source>
        <translation>相手方が受領確認した前回のパッケージから、変わったものはありません。</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>Enter {field} (e.g. 2025/09/16, 令和7年9月16日 or R7.9.16).</source>
        <translation>{field}を入力してください（例: 2025/09/16、令和7年9月16日、R7.9.16）。</translation>
    </message>
</context>
<context>
    <name>DebtorCardPage</name>
    <message>
        <source>← Back to the list</source>
        <translation>← 一覧に戻る</translation>
    </message>
    <message>
        <source>Record payment…</source>
        <translation>納付を登録…</translation>
    </message>
    <message>
        <source>Charge statement…</source>
        <translation>計算書…</translation>
    </message>
    <message>
        <source>Make letters…</source>
        <translation>文書を作る…</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>元金</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>納付済</translation>
    </message>
    <message>
        <source>Additional charge</source>
        <translation>加算金</translation>
    </message>
    <message>
        <source>Late charge</source>
        <translation>延滞金</translation>
    </message>
    <message>
        <source>Total due</source>
        <translation>合計（本日現在）</translation>
    </message>
    <message>
        <source>Claims &amp;&amp; payments</source>
        <translation>債権・納付</translation>
    </message>
    <message>
        <source>Negotiation</source>
        <translation>交渉経過</translation>
    </message>
    <message>
        <source>Instalments</source>
        <translation>分納</translation>
    </message>
    <message>
        <source>Inquiries</source>
        <translation>照会</translation>
    </message>
    <message>
        <source>Documents sent</source>
        <translation>送付文書</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>添付</translation>
    </message>
    <message>
        <source>Tags &amp;&amp; notes</source>
        <translation>タグ・メモ</translation>
    </message>
    <message>
        <source>Management no. {no}</source>
        <translation>管理番号 {no}</translation>
    </message>
    <message>
        <source>Handler: {name}</source>
        <translation>担当: {name}</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（未設定）</translation>
    </message>
    <message>
        <source>Representative: {name}</source>
        <translation>代表者 {name}</translation>
    </message>
    <message>
        <source>Phone: {phone}</source>
        <translation>電話 {phone}</translation>
    </message>
    <message>
        <source>As of {day}</source>
        <translation>{day} 現在</translation>
    </message>
    <message>
        <source>Unsaved input on the card of {name}: {tabs}</source>
        <translation>{name}のカードに保存していない入力があります（{tabs}）。</translation>
    </message>
    <message>
        <source>Limitation is not computed: this debtor has no claim.</source>
        <translation>債権が登録されていないため、時効は計算していません。</translation>
    </message>
    <message>
        <source>Limitation is not computed: the claim has no due date.</source>
        <translation>納期限が登録されていないため、時効は計算していません。</translation>
    </message>
    <message>
        <source>The limitation period ended on {day}.</source>
        <translation>時効は{day}に満了しました。</translation>
    </message>
    <message>
        <source>The limitation period ends soon, on {day} ({n} days left).</source>
        <translation>時効は{day}に満了します（あと{n}日。満了が近づいています）。</translation>
    </message>
    <message>
        <source>The limitation period ends on {day} ({n} days left).</source>
        <translation>時効は{day}に満了します（あと{n}日）。</translation>
    </message>
    <message>
        <source>Charge statement</source>
        <translation>加算金・延滞金計算書</translation>
    </message>
    <message>
        <source>This debtor has no claim to compute charges for.</source>
        <translation>この債務者には計算対象の債権がありません。</translation>
    </message>
    <message>
        <source>Charge statement — {name}</source>
        <translation>加算金・延滞金計算書 — {name}</translation>
    </message>
</context>
<context>
    <name>DebtorListModel</name>
    <message>
        <source>Management no.</source>
        <translation>管理番号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <source>Representative</source>
        <translation>代表者</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>担当</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>元金</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>納付済</translation>
    </message>
    <message>
        <source>Principal balance</source>
        <translation>元金残高</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>タグ</translation>
    </message>
    <message>
        <source>Next action</source>
        <translation>次回予定</translation>
    </message>
</context>
<context>
    <name>DebtorListPage</name>
    <message>
        <source>Debtors</source>
        <translation>債務者</translation>
    </message>
    <message>
        <source>Search name, reading, phone or management no. (Ctrl+F)</source>
        <translation>名称・フリガナ・電話番号・管理番号で検索（Ctrl+F）</translation>
    </message>
    <message>
        <source>Save condition…</source>
        <translation>条件を保存…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>絞り込み</translation>
    </message>
    <message>
        <source>Columns…</source>
        <translation>表示する列…</translation>
    </message>
    <message>
        <source>Import workbook…</source>
        <translation>Excel 取込…</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Excel に書き出す…</translation>
    </message>
    <message>
        <source>Make letters…</source>
        <translation>文書を作る…</translation>
    </message>
    <message>
        <source>Letters for the selected debtors (Ctrl+click or Shift+click to select several)</source>
        <translation>選んだ債務者あての文書を作ります（Ctrl＋クリック、Shift＋クリックで複数選べます）</translation>
    </message>
    <message>
        <source>Saved conditions</source>
        <translation>保存した条件</translation>
    </message>
    <message>
        <source>{n} debtors</source>
        <translation>{n} 件</translation>
    </message>
    <message>
        <source>No debtor matches. Change the search words or clear the filters.</source>
        <translation>該当する債務者はありません。検索語を変えるか、絞り込みをクリアしてください。</translation>
    </message>
    <message>
        <source>Enter opens the card (in the search box: the first hit). Ctrl+F searches.</source>
        <translation>Enterでカードを開きます（検索欄では最初の1件）。Ctrl+Fで検索。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>Export the debtor list to Excel</source>
        <translation>債務者一覧を Excel に書き出す</translation>
    </message>
    <message>
        <source>Debtor list.xlsx</source>
        <translation>債務者一覧.xlsx</translation>
    </message>
    <message>
        <source>Make letters</source>
        <translation>文書の作成</translation>
    </message>
    <message>
        <source>Select the debtors to write to first (Ctrl+click or Shift+click selects several).</source>
        <translation>先に、文書を送る債務者を一覧で選んでください（Ctrl＋クリック、Shift＋クリックで複数選べます）。</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（選択）</translation>
    </message>
    <message>
        <source>Save condition</source>
        <translation>条件の保存</translation>
    </message>
    <message>
        <source>Name of this condition:</source>
        <translation>この条件の名前:</translation>
    </message>
    <message>
        <source>Delete condition</source>
        <translation>条件の削除</translation>
    </message>
    <message>
        <source>Delete the saved condition “{name}”?</source>
        <translation>保存した条件「{name}」を削除しますか？</translation>
    </message>
</context>
<context>
    <name>DispatchDialog</name>
    <message>
        <source>Record a dispatch</source>
        <translation>専門家派遣の記録</translation>
    </message>
    <message>
        <source>Type part of the business name, reading or phone</source>
        <translation>事業所名・フリガナ・電話番号の一部を入力</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分</translation>
    </message>
    <message>
        <source>each night's cost, e.g. 9800, 12000</source>
        <translation>1泊ごとの金額（例: 9800, 12000）</translation>
    </message>
    <message>
        <source>Advisor</source>
        <translation>専門家</translation>
    </message>
    <message>
        <source>Find business</source>
        <translation>事業者を探す</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>事業者</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>break</source>
        <translation>休憩</translation>
    </message>
    <message>
        <source>Face-to-face support</source>
        <translation>対面での支援</translation>
    </message>
    <message>
        <source>Private car (km, whole route)</source>
        <translation>私有車（全行程の km）</translation>
    </message>
    <message>
        <source>Public transport (yen as claimed)</source>
        <translation>公共交通機関（請求どおりの円）</translation>
    </message>
    <message>
        <source>Whole route (km, by public transport)</source>
        <translation>全行程の距離（公共交通機関の km）</translation>
    </message>
    <message>
        <source>Lodging</source>
        <translation>宿泊費</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状況</translation>
    </message>
    <message>
        <source>Support given</source>
        <translation>支援内容</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Choose the advisor and the business.</source>
        <translation>専門家と事業者を選んでください。</translation>
    </message>
</context>
<context>
    <name>DispatchPage</name>
    <message>
        <source>Record a dispatch…</source>
        <translation>派遣を記録…</translation>
    </message>
    <message>
        <source>Cancel the dispatch</source>
        <translation>派遣を取り消す</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Advisor</source>
        <translation>専門家</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>事業者</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>支援時間</translation>
    </message>
    <message>
        <source>Travel</source>
        <translation>交通</translation>
    </message>
    <message>
        <source>Honorarium</source>
        <translation>謝金</translation>
    </message>
    <message>
        <source>Travel cost</source>
        <translation>交通費</translation>
    </message>
    <message>
        <source>Day allowance</source>
        <translation>日当</translation>
    </message>
    <message>
        <source>Lodging</source>
        <translation>宿泊費</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状況</translation>
    </message>
    <message>
        <source>Dispatches</source>
        <translation>派遣件数</translation>
    </message>
    <message>
        <source>Preview statement</source>
        <translation>明細をプレビュー</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>PDFとして保存…</translation>
    </message>
    <message>
        <source>Save as Excel…</source>
        <translation>Excelで保存…</translation>
    </message>
    <message>
        <source>Monthly statements (the day's rounding and cap apply to the day)</source>
        <translation>月ごとの支払明細（30分単位の切捨てと日額上限は日ごとに計算）</translation>
    </message>
    <message>
        <source>car {km} km</source>
        <translation>私有車 {km}km</translation>
    </message>
    <message>
        <source>transport {yen}</source>
        <translation>交通機関 {yen}</translation>
    </message>
    <message>
        <source>{n} night(s)</source>
        <translation>{n}泊</translation>
    </message>
    <message>
        <source>Cancel a dispatch</source>
        <translation>派遣の取消</translation>
    </message>
    <message>
        <source>Cancel this dispatch? It stays on record and leaves the statement.</source>
        <translation>この派遣を取り消しますか？ 記録には残り、支払明細からは外れます。</translation>
    </message>
    <message>
        <source>Fee statement</source>
        <translation>謝金・旅費 支払明細書</translation>
    </message>
    <message>
        <source>Save the fee statement</source>
        <translation>支払明細書を保存</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <source>Documents</source>
        <translation>文書</translation>
    </message>
    <message>
        <source>Demand letters, notices and agreements from templates approved by a supervisor, previewed and printed from memory.</source>
        <translation>取扱責任者が承認したひな形から督促状・催告書・合意書を作り、ファイルに書き出さずにプレビュー・印刷します。</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>ひな形</translation>
    </message>
    <message>
        <source>Make letters</source>
        <translation>文書の作成</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>発送記録</translation>
    </message>
    <message>
        <source>Letterhead</source>
        <translation>差出人情報</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <source>Sent</source>
        <translation>発送日</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Tracking no.</source>
        <translation>追跡番号</translation>
    </message>
    <message>
        <source>Returned undelivered</source>
        <translation>返戻日</translation>
    </message>
    <message>
        <source>Record a document sent</source>
        <translation>送付文書の記録</translation>
    </message>
    <message>
        <source>Tracking no. (registered mail)</source>
        <translation>追跡番号（書留など）</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>記録</translation>
    </message>
    <message>
        <source>Mark selected as returned</source>
        <translation>選択した文書を返戻として記録</translation>
    </message>
    <message>
        <source>Date sent</source>
        <translation>発送日</translation>
    </message>
    <message>
        <source>Recorded the {kind} sent on {day}.</source>
        <translation>{kind}（{day}発送）を記録しました。</translation>
    </message>
    <message>
        <source>Select the document in the table first.</source>
        <translation>先に表で文書を選んでください。</translation>
    </message>
    <message>
        <source>Marked the {kind} of {day} as returned undelivered.</source>
        <translation>{kind}（{day}発送）を返戻として記録しました。</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>The package is taken in</source>
        <translation>パッケージを取り込みました</translation>
    </message>
    <message>
        <source>Save the 交渉記録報告書…</source>
        <translation>交渉記録報告書を保存…</translation>
    </message>
    <message>
        <source>Took in package %1 from %2: %3 records.</source>
        <translation>%2 の %1 回目のパッケージを取り込みました（%3 件）。</translation>
    </message>
    <message>
        <source>: %1 new, %2 changed</source>
        <translation>: 新規 %1件・変更 %2件</translation>
    </message>
    <message>
        <source>Consultation area</source>
        <translation>相談の記録</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>管理簿</translation>
    </message>
    <message>
        <source>Entry %1 (received, medium %2) written</source>
        <translation>No. %1（受領・媒体 %2）を記録しました</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>受領確認</translation>
    </message>
    <message>
        <source>%1 of our packages</source>
        <translation>当方のパッケージ %1 件</translation>
    </message>
    <message>
        <source>The medium</source>
        <translation>媒体</translation>
    </message>
    <message>
        <source>Keep it locked away and return or destroy it as the ledger says.</source>
        <translation>施錠して保管し、管理簿のとおり返却または廃棄してください。</translation>
    </message>
    <message>
        <source>Save the 交渉記録報告書</source>
        <translation>交渉記録報告書の保存</translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation>「%1」を保存しました。</translation>
    </message>
</context>
<context>
    <name>EmptyStatePage</name>
    <message>
        <source>Not available yet</source>
        <translation>まだ使えません</translation>
    </message>
    <message>
        <source>Nothing on this page can be used yet, and nothing is stored for it.</source>
        <translation>この画面にはまだ操作できるものはなく、この画面のためのデータも保存されていません。</translation>
    </message>
</context>
<context>
    <name>ErasurePackagePage</name>
    <message>
        <source>The erasure package for the ward</source>
        <translation>区へ渡す消去のパッケージ</translation>
    </message>
    <message>
        <source>The ward's import records the certificate and closes the media in its ledger. Choose the burning folder and the disc's label.</source>
        <translation>区が取り込むと、消去証明書が記録され、区の管理簿の媒体が閉じられます。書き込み用フォルダとディスクの媒体番号を選んでください。</translation>
    </message>
</context>
<context>
    <name>ErasureWizard</name>
    <message>
        <source>Destroyed: the whole vault of %1 — every debtor and record, the key slots, the key in this PC's credential store, the database and every backup. Nobody can open it again, not even with the recovery sheet.</source>
        <translation>消去するもの: %1 の金庫全体 — すべての債務者と記録、鍵スロット、この PC の資格情報ストアの鍵、データベース、すべてのバックアップ。回復シートを使っても、誰も二度と開けません。</translation>
    </message>
    <message>
        <source>Destroyed: every record of the engagement 「%1」 — %2 debtors with their claims, payments, negotiation records, inquiries, documents and attachments — and every backup (one new backup without them is made). The engagement's name stays in the ledger as erased.</source>
        <translation>消去するもの: 業務「%1」のすべての記録 — 債務者 %2 件とその債権・納付・交渉記録・照会・送付文書・添付書類 — と、すべてのバックアップ（それらを含まないバックアップを 1 つ作り直します）。業務の名称は消去済みとして管理簿に残ります。</translation>
    </message>
    <message>
        <source>Erasure and its certificate</source>
        <translation>消去と消去証明書</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>The password will not be shown again and the package cannot be opened without it. Close without printing or saving the password notice?</source>
        <translation>パスワードは二度と表示されず、パスワードがなければパッケージは開けません。パスワード通知書を印刷も保存もせずに閉じますか。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Please check the input</source>
        <translation>入力を確認してください</translation>
    </message>
    <message>
        <source>Not permitted</source>
        <translation>権限がありません</translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation>お待ちください</translation>
    </message>
    <message>
        <source>Could not complete the operation</source>
        <translation>操作を完了できませんでした</translation>
    </message>
    <message>
        <source>Internal error</source>
        <translation>内部エラー</translation>
    </message>
    <message>
        <source>An internal error occurred. Nothing was changed. Please tell your administrator.</source>
        <translation>内部エラーが発生しました。データは変更されていません。管理者に連絡してください。</translation>
    </message>
    <message>
        <source>Please wait {n} seconds before trying again.</source>
        <translation>{n} 秒待ってから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>Please wait {n} minutes before trying again.</source>
        <translation>{n} 分待ってから、もう一度お試しください。</translation>
    </message>
</context>
<context>
    <name>ExportWizard</name>
    <message>
        <source>New package</source>
        <translation>パッケージの作成</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>The password will not be shown again and the package cannot be opened without it. Close without printing or saving the password notice?</source>
        <translation>パスワードは二度と表示されず、パスワードがなければパッケージは開けません。パスワード通知書を印刷も保存もせずに閉じますか。</translation>
    </message>
</context>
<context>
    <name>FeeCalculator</name>
    <message>
        <source>Fee calculator</source>
        <translation>謝金・旅費の計算</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分</translation>
    </message>
    <message>
        <source>e.g. 123.7</source>
        <translation>例: 123.7</translation>
    </message>
    <message>
        <source>yen as claimed</source>
        <translation>請求どおりの金額（円）</translation>
    </message>
    <message>
        <source>km, for the day allowance</source>
        <translation>日当の判定用（km）</translation>
    </message>
    <message>
        <source>one night, yen</source>
        <translation>1泊分（円）</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>支援時間</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>休憩</translation>
    </message>
    <message>
        <source>Private car (km)</source>
        <translation>私有車（km）</translation>
    </message>
    <message>
        <source>Public transport</source>
        <translation>公共交通機関</translation>
    </message>
    <message>
        <source>Whole route (km)</source>
        <translation>全行程（km）</translation>
    </message>
    <message>
        <source>Lodging</source>
        <translation>宿泊費</translation>
    </message>
    <message>
        <source>Honorarium</source>
        <translation>謝金</translation>
    </message>
    <message>
        <source>Travel</source>
        <translation>交通</translation>
    </message>
    <message>
        <source>Day allowance</source>
        <translation>日当</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <source>{h} h {m} min face to face = {units} units</source>
        <translation>対面 {h}時間{m}分 ＝ {units}単位</translation>
    </message>
    <message>
        <source>capped at the daily maximum</source>
        <translation>日額上限を適用</translation>
    </message>
    <message>
        <source>{km} km by car</source>
        <translation>私有車 {km}km</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>The package file</source>
        <translation>パッケージのファイル</translation>
    </message>
    <message>
        <source>Choose the package file (SAIKEN-….zip) on the medium you received. It is only read.</source>
        <translation>受け取った媒体にあるパッケージのファイル（SAIKEN-….zip）を選んでください。読み取るだけです。</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Package (*.zip)</source>
        <translation>パッケージ (*.zip)</translation>
    </message>
</context>
<context>
    <name>FilePasswordDialog</name>
    <message>
        <source>Password-protected file</source>
        <translation>パスワードで保護されたファイル</translation>
    </message>
    <message>
        <source>The file “{name}” is protected with a password. Enter the password to open it.</source>
        <translation>ファイル「{name}」はパスワードで保護されています。開くためのパスワードを入力してください。</translation>
    </message>
    <message>
        <source>Show the password</source>
        <translation>パスワードを表示する</translation>
    </message>
    <message>
        <source>It is usually on a password notice handed over separately from the file. Capitals and lower case are different; a generated password may be typed with or without its hyphens.</source>
        <translation>パスワードは、ふつうファイルとは別に渡されたパスワード通知書に書かれています。英字の大文字と小文字は区別されます（自動で作られたパスワードは、ハイフンを省いて入力しても構いません）。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>e.g. 100,000</source>
        <translation>例: 100,000</translation>
    </message>
    <message>
        <source>e.g. R7.4.1</source>
        <translation>例: R7.4.1</translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation>タグ（読点・カンマ区切り）</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>担当</translation>
    </message>
    <message>
        <source>e.g. R7.10.1</source>
        <translation>例: R7.10.1</translation>
    </message>
    <message>
        <source>Principal balance</source>
        <translation>元金残高</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>納期限</translation>
    </message>
    <message>
        <source>Next action</source>
        <translation>次回予定</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>タグ</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>適用</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>クリア</translation>
    </message>
    <message>
        <source>(no handler)</source>
        <translation>（担当なし）</translation>
    </message>
    <message>
        <source>Principal balance (from)</source>
        <translation>元金残高（下限）</translation>
    </message>
    <message>
        <source>Principal balance (to)</source>
        <translation>元金残高（上限）</translation>
    </message>
    <message>
        <source>Due date (from)</source>
        <translation>納期限（開始）</translation>
    </message>
    <message>
        <source>Due date (to)</source>
        <translation>納期限（終了）</translation>
    </message>
    <message>
        <source>Next action (from)</source>
        <translation>次回予定（開始）</translation>
    </message>
    <message>
        <source>Next action (to)</source>
        <translation>次回予定（終了）</translation>
    </message>
    <message>
        <source>{field}: the start is after the end. Swap the two values.</source>
        <translation>{field}: 開始が終了より後になっています。2つの値を入れ替えてください。</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Saiken Desk — create a vault</source>
        <translation>債権デスク — 金庫の作成</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>使い始める</translation>
    </message>
    <message>
        <source>Creating the vault…</source>
        <translation>金庫を作成しています…</translation>
    </message>
    <message>
        <source>Preparing the sheet…</source>
        <translation>用紙を準備しています…</translation>
    </message>
</context>
<context>
    <name>FormGuard</name>
    <message>
        <source>There is input you have not saved</source>
        <translation>保存していない入力があります</translation>
    </message>
    <message>
        <source>What you typed has not been saved. If you go on, it will be discarded.</source>
        <translation>入力した内容はまだ保存されていません。このまま進むと、入力は破棄されます。</translation>
    </message>
    <message>
        <source>Discard and go on</source>
        <translation>入力を破棄して進む</translation>
    </message>
</context>
<context>
    <name>HandoverPage</name>
    <message>
        <source>Handover &amp; ledger</source>
        <translation>受渡・管理簿</translation>
    </message>
    <message>
        <source>Signed, encrypted packages between the ward and the contractor, and the custody ledger of every medium and password notice.</source>
        <translation>区と受託者の間の暗号化・署名された受渡パッケージと、すべての媒体・パスワード通知書の受け渡しを記録する管理簿です。</translation>
    </message>
    <message>
        <source>New package…</source>
        <translation>パッケージを作る…</translation>
    </message>
    <message>
        <source>Take in a package…</source>
        <translation>パッケージを取り込む…</translation>
    </message>
    <message>
        <source>Erasure…</source>
        <translation>消去…</translation>
    </message>
    <message>
        <source>Custody ledger</source>
        <translation>管理簿</translation>
    </message>
    <message>
        <source>Engagements and counterparts</source>
        <translation>業務と相手方</translation>
    </message>
    <message>
        <source>The vault is erased</source>
        <translation>金庫を消去しました</translation>
    </message>
    <message>
        <source>The vault was crypto-erased: its keys, database and backups are gone. Saiken Desk closes now. Keep the certificate of erasure, and destroy any copies listed in the wizard.</source>
        <translation>金庫を暗号消去しました。鍵・データベース・バックアップはもうありません。債権デスクを終了します。消去証明書を保管し、手順の中で示した写しを破棄してください。</translation>
    </message>
</context>
<context>
    <name>HandoverWizard</name>
    <message>
        <source>Next &gt;</source>
        <translation>次へ &gt;</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; 戻る</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import the ward's workbook</source>
        <translation>区の抽出データの取込み</translation>
    </message>
    <message>
        <source>The .xlsx file received from the ward</source>
        <translation>区から受け取った .xlsx ファイル</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>確認する</translation>
    </message>
    <message>
        <source>Nothing is stored until you press Import. A workbook with any bad row imports nothing. A workbook protected with a password is opened in memory, never copied to disk.</source>
        <translation>「取り込む」を押すまで何も保存しません。1 行でも誤りのあるブックは何も取り込みません。パスワード付きのブックはメモリ上で開き、ディスクに複製しません。</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Problem or change</source>
        <translation>問題・変更内容</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>取り込む</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Workbook</source>
        <translation>ブック</translation>
    </message>
    <message>
        <source>Choose the ward's workbook</source>
        <translation>区の抽出データを選ぶ</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel ブック (*.xlsx)</translation>
    </message>
    <message>
        <source>Choose the workbook first.</source>
        <translation>先にブックを選んでください。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>確認しています…</translation>
    </message>
    <message>
        <source>Checking the workbook…</source>
        <translation>ブックを確認しています…</translation>
    </message>
    <message>
        <source>Not opened: the workbook needs its password. Nothing was imported.</source>
        <translation>パスワードが必要なため開いていません。何も取り込んでいません。</translation>
    </message>
    <message>
        <source>The workbook could not be read. Nothing was imported.</source>
        <translation>ブックを読めませんでした。何も取り込んでいません。</translation>
    </message>
    <message>
        <source> (password-protected workbook, opened in memory)</source>
        <translation>（パスワード付きのブックをメモリ上で開きました）</translation>
    </message>
    <message>
        <source>Cannot import: {n} problem(s). Correct the workbook and check again. Nothing was stored.</source>
        <translation>取り込めません: {n} 件の問題があります。ブックを直してから、もう一度確認してください。何も保存していません。</translation>
    </message>
    <message>
        <source>Ready to import: {new} new, {updated} updated, {unchanged} unchanged.</source>
        <translation>取り込めます: 新規 {new} 件、更新 {updated} 件、変更なし {unchanged} 件。</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>取り込んでいます…</translation>
    </message>
    <message>
        <source>Imported: {new} new, {updated} updated, {unchanged} unchanged.</source>
        <translation>取り込みました: 新規 {new} 件、更新 {updated} 件、変更なし {unchanged} 件。</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Take in a package</source>
        <translation>パッケージの取り込み</translation>
    </message>
</context>
<context>
    <name>InquiriesTab</name>
    <message>
        <source>Asked</source>
        <translation>照会日</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>照会内容</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>回答日</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>New inquiry to the ward</source>
        <translation>区への新しい照会</translation>
    </message>
    <message>
        <source>What to ask the ward</source>
        <translation>区に照会する内容</translation>
    </message>
    <message>
        <source>Record inquiry</source>
        <translation>照会を記録</translation>
    </message>
    <message>
        <source>Answer from the ward (for the selected inquiry)</source>
        <translation>区からの回答（選択中の照会）</translation>
    </message>
    <message>
        <source>Record answer</source>
        <translation>回答を記録</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>(waiting)</source>
        <translation>（回答待ち）</translation>
    </message>
    <message>
        <source>{n} inquiries waiting for an answer</source>
        <translation>回答待ちの照会 {n} 件</translation>
    </message>
    <message>
        <source>No inquiry is waiting for an answer.</source>
        <translation>回答待ちの照会はありません。</translation>
    </message>
    <message>
        <source>Write the question before recording the inquiry.</source>
        <translation>照会内容を入力してから記録してください。</translation>
    </message>
    <message>
        <source>Recorded the inquiry to the ward ({kind}).</source>
        <translation>区への照会（{kind}）を記録しました。</translation>
    </message>
    <message>
        <source>Select the inquiry in the table first.</source>
        <translation>先に表で照会を選んでください。</translation>
    </message>
    <message>
        <source>Write the ward's answer first.</source>
        <translation>先に区からの回答を入力してください。</translation>
    </message>
    <message>
        <source>Answer date</source>
        <translation>回答日</translation>
    </message>
    <message>
        <source>Recorded the ward's answer of {day}.</source>
        <translation>区の回答（{day}）を記録しました。</translation>
    </message>
</context>
<context>
    <name>LedgerTab</name>
    <message>
        <source>No.</source>
        <translation>通番</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>区分</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>媒体</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>取扱者</translation>
    </message>
    <message>
        <source>Counterpart</source>
        <translation>相手方</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Sent or received</source>
        <translation>送付・受領</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>開始日</translation>
    </message>
    <message>
        <source>Days out</source>
        <translation>経過日数</translation>
    </message>
    <message>
        <source>Check the ledger</source>
        <translation>管理簿を検証</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>PDF で保存…</translation>
    </message>
    <message>
        <source>Person on the other side</source>
        <translation>相手方の担当者</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>記録する</translation>
    </message>
    <message>
        <source>Media not yet returned, destroyed or erased</source>
        <translation>返却・廃棄・消去が済んでいない媒体</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1日</translation>
    </message>
    <message>
        <source>The ledger's chain is intact: %1 entries.</source>
        <translation>管理簿の連鎖と署名を確認しました（%1件）。</translation>
    </message>
    <message>
        <source>The ledger has entries that do not check out:</source>
        <translation>確認できない記載があります:</translation>
    </message>
    <message>
        <source>Choose a medium first.</source>
        <translation>先に媒体を選んでください。</translation>
    </message>
    <message>
        <source>Save the ledger</source>
        <translation>管理簿を保存</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>保存しました。</translation>
    </message>
</context>
<context>
    <name>LetterheadTab</name>
    <message>
        <source>Days to the pay-by date</source>
        <translation>納付期限までの日数</translation>
    </message>
    <message>
        <source>Move the address right</source>
        <translation>宛名を右へ</translation>
    </message>
    <message>
        <source>Move the address down</source>
        <translation>宛名を下へ</translation>
    </message>
    <message>
        <source>Save the letterhead</source>
        <translation>差出人情報を保存</translation>
    </message>
    <message>
        <source>What every letter prints as its sender and how to pay. No personal data belongs here.</source>
        <translation>すべての文書に印刷する差出人と納付の方法です。ここには個人情報を入れません。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>保存しました。</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Locked</source>
        <translation>ロック中</translation>
    </message>
    <message>
        <source>The vault was locked and closed. Enter your password to continue, or sign in as another user.</source>
        <translation>金庫をロックして閉じました。続けるにはパスワードを入力してください。別の利用者でサインインすることもできます。</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>サインアウトしました</translation>
    </message>
    <message>
        <source>Nobody is signed in. The vault is closed.</source>
        <translation>サインインしている利用者はいません。金庫は閉じています。</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>DEMO — fictional data only: every person and business shown here is made up.</source>
        <translation>DEMO デモ（架空データ）— ここに表示される人物・事業者はすべて架空です。</translation>
    </message>
    <message>
        <source>Saiken Desk</source>
        <translation>債権デスク</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>今すぐロック</translation>
    </message>
    <message>
        <source>Change my password…</source>
        <translation>自分のパスワードを変更…</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>サインアウト</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>About Saiken Desk (version)</source>
        <translation>バージョン情報</translation>
    </message>
    <message>
        <source>DEMO (fictional data)</source>
        <translation>DEMO デモ（架空データ）</translation>
    </message>
    <message>
        <source>Organisation: {org} ({role})</source>
        <translation>団体：{org}（{role}）</translation>
    </message>
    <message>
        <source>User: {name} ({role})</source>
        <translation>利用者：{name}（{role}）</translation>
    </message>
    <message>
        <source>The sign-in found the following. Please deal with them:</source>
        <translation>サインイン時の確認で、次のことが見つかりました。対応してください:</translation>
    </message>
    <message>
        <source>Vault check at sign-in</source>
        <translation>サインイン時の金庫の確認</translation>
    </message>
    <message>
        <source>Your password was set by an administrator. Choose a new password of your own now.</source>
        <translation>パスワードは管理者が設定したものです。今すぐ自分で決めたパスワードに変えてください。</translation>
    </message>
    <message>
        <source>Changing the password…</source>
        <translation>パスワードを変更しています…</translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation>パスワードを変更しました。</translation>
    </message>
    <message>
        <source>There is nothing to print on this screen.</source>
        <translation>この画面には印刷するものがありません。</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>ロック中</translation>
    </message>
    <message>
        <source>The vault is gone</source>
        <translation>金庫がありません</translation>
    </message>
    <message>
        <source>The vault can no longer be opened (%1). Saiken Desk closes now.</source>
        <translation>金庫を開けなくなりました（%1）。債権デスクを終了します。</translation>
    </message>
</context>
<context>
    <name>MemoryPreview</name>
    <message>
        <source>Select an attachment to preview it.</source>
        <translation>添付ファイルを選ぶと、ここに表示します。</translation>
    </message>
    <message>
        <source>This PDF cannot be shown.</source>
        <translation>このPDFは表示できません。</translation>
    </message>
    <message>
        <source>This image cannot be shown.</source>
        <translation>この画像は表示できません。</translation>
    </message>
</context>
<context>
    <name>MethodPage</name>
    <message>
        <source>What to erase</source>
        <translation>消去するもの</translation>
    </message>
    <message>
        <source>Only a supervisor (取扱責任者) may erase data and sign the certificate of erasure. Ask your supervisor.</source>
        <translation>データの消去と消去証明書への署名は、取扱責任者だけができます。取扱責任者に依頼してください。</translation>
    </message>
    <message>
        <source>Engagements are erased in the contractor's vault. In the ward's vault the certificate of erasure arrives as an erasure package: take it in with 「Take in a package」.</source>
        <translation>業務の消去は受託者の金庫で行います。区の金庫には消去証明書が消去のパッケージとして届きます。「パッケージを取り込む」で取り込んでください。</translation>
    </message>
    <message>
        <source>At the end of the work (seed 000 ⑮) the contractor erases everything of the engagement and certifies it to the ward with a signed certificate of erasure.</source>
        <translation>業務の終了時に、受託者は業務のすべてのデータを消去し、署名した消去証明書で区に報告します。</translation>
    </message>
    <message>
        <source>Erase one engagement (its debtors and every record)</source>
        <translation>1 つの業務を消去する（その債務者とすべての記録）</translation>
    </message>
    <message>
        <source>Crypto-erase the whole vault (keys, database and backups; the vault is gone afterwards)</source>
        <translation>金庫全体を暗号消去する（鍵・データベース・バックアップ。金庫はなくなります）</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Debtors</source>
        <translation>債務者</translation>
    </message>
    <message>
        <source>Negotiation records</source>
        <translation>交渉記録</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文書</translation>
    </message>
    <message>
        <source>Handover &amp; ledger</source>
        <translation>受渡・管理簿</translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation>相談</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>監査ログ</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>利用者</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>Working…</source>
        <translation>処理しています…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation>お待ちください</translation>
    </message>
</context>
<context>
    <name>OrganisationPage</name>
    <message>
        <source>Your organisation</source>
        <translation>団体の情報</translation>
    </message>
    <message>
        <source>Saiken Desk keeps its data in an encrypted vault on this PC. First, tell it whose vault this is.</source>
        <translation>債権デスクは、データをこの PC の暗号化された金庫に保管します。まず、どの団体の金庫かを入力してください。</translation>
    </message>
    <message>
        <source>Ward (the office that owns the claims)</source>
        <translation>区（債権を持つ委託元）</translation>
    </message>
    <message>
        <source>Contractor (the law firm collecting for the ward)</source>
        <translation>受託者（区から回収を受託した法律事務所など）</translation>
    </message>
    <message>
        <source>e.g. Shinjuku Ward Industry Promotion Division</source>
        <translation>例：新宿区 産業振興課</translation>
    </message>
    <message>
        <source>This installation is used by</source>
        <translation>この PC を使う団体</translation>
    </message>
    <message>
        <source>Organisation name</source>
        <translation>団体名</translation>
    </message>
</context>
<context>
    <name>PackageWrittenPage</name>
    <message>
        <source>%1 bytes</source>
        <translation>%1 バイト</translation>
    </message>
    <message>
        <source>The package is written</source>
        <translation>パッケージを書き出しました</translation>
    </message>
    <message>
        <source>Burn the package file onto the medium, then read the burned copy back with 「Verify the medium」. Hand the password notice over separately from the medium, on another occasion.</source>
        <translation>パッケージのファイルを媒体に書き込み、書き込んだものを「媒体を検証」で読み直してください。パスワード通知書は媒体とは別に、別の機会に渡してください。</translation>
    </message>
    <message>
        <source>This is the only time the password is shown: Saiken Desk does not keep it. Print the password notice now; the letters are all capitals and the hyphens may be left out.</source>
        <translation>パスワードが表示されるのはこの一度だけです。債権デスクには残りません。いまパスワード通知書を印刷してください。英字はすべて大文字で、ハイフンは省略できます。</translation>
    </message>
    <message>
        <source>Print the password notice</source>
        <translation>パスワード通知書を印刷</translation>
    </message>
    <message>
        <source>Save the notice…</source>
        <translation>通知書を保存…</translation>
    </message>
    <message>
        <source>Verify the medium…</source>
        <translation>媒体を検証…</translation>
    </message>
    <message>
        <source>Password of the package</source>
        <translation>パッケージのパスワード</translation>
    </message>
    <message>
        <source>Package file</source>
        <translation>パッケージのファイル</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>媒体</translation>
    </message>
    <message>
        <source>Package no.</source>
        <translation>回数</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>nothing new</source>
        <translation>新しいものなし</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>管理簿</translation>
    </message>
    <message>
        <source>Entry %1 (prepared) written</source>
        <translation>No. %1（作成）を記録しました</translation>
    </message>
    <message>
        <source>Password notice</source>
        <translation>パスワード通知書</translation>
    </message>
    <message>
        <source>The notice holds the password and no personal data. Hand it over separately from the medium.</source>
        <translation>通知書にはパスワードが書かれ、個人情報は含みません。媒体とは別に渡してください。</translation>
    </message>
    <message>
        <source>The password notice was printed.</source>
        <translation>パスワード通知書を印刷しました。</translation>
    </message>
    <message>
        <source>Save the password notice</source>
        <translation>パスワード通知書の保存</translation>
    </message>
    <message>
        <source>Do not save the notice into the burning folder: it would go onto the medium with the package. Choose another folder.</source>
        <translation>通知書を書き込み用フォルダに保存しないでください。パッケージと一緒に媒体に入ってしまいます。別のフォルダを選んでください。</translation>
    </message>
    <message>
        <source>Saved the password notice as “%1”. Keep it apart from the medium.</source>
        <translation>パスワード通知書を「%1」として保存しました。媒体とは別に保管してください。</translation>
    </message>
    <message>
        <source>The package file on the burned medium</source>
        <translation>書き込んだ媒体にあるパッケージのファイル</translation>
    </message>
    <message>
        <source>Package (*.zip)</source>
        <translation>パッケージ (*.zip)</translation>
    </message>
    <message>
        <source>Reading the medium…</source>
        <translation>媒体を読んでいます…</translation>
    </message>
    <message>
        <source>The medium matches: SHA-256 %1. Written in the ledger.</source>
        <translation>媒体は一致しました（SHA-256 %1）。管理簿に記録しました。</translation>
    </message>
    <message>
        <source>The medium does NOT match the package: expected %1, read %2. Burn the package again onto a new medium.</source>
        <translation>媒体はパッケージと一致しません（記録 %1、読み取り %2）。新しい媒体にもう一度書き込んでください。</translation>
    </message>
</context>
<context>
    <name>PairingActions</name>
    <message>
        <source>Register their key…</source>
        <translation>相手方の鍵を登録…</translation>
    </message>
    <message>
        <source>Save our key…</source>
        <translation>当方の鍵を保存…</translation>
    </message>
    <message>
        <source>Print the pairing sheet…</source>
        <translation>照合用紙を印刷…</translation>
    </message>
    <message>
        <source>Save the pairing sheet…</source>
        <translation>照合用紙を保存…</translation>
    </message>
    <message>
        <source>The fingerprints match</source>
        <translation>指紋が一致した</translation>
    </message>
    <message>
        <source>Only a supervisor may register and confirm counterparts.</source>
        <translation>相手方の登録と照合は取扱責任者だけができます。</translation>
    </message>
    <message>
        <source>The counterpart's key file</source>
        <translation>相手方の鍵のファイル</translation>
    </message>
    <message>
        <source>Key file (*.json *.key *.txt)</source>
        <translation>鍵のファイル (*.json *.key *.txt)</translation>
    </message>
    <message>
        <source>Registered 「%1」 (fingerprint %2). Print the pairing sheet, compare it with theirs, and only then press 「The fingerprints match」.</source>
        <translation>「%1」を登録しました（鍵の指紋 %2）。照合用紙を印刷して相手方のものと見比べ、一致したときだけ「指紋が一致した」を押してください。</translation>
    </message>
    <message>
        <source>Save our public key</source>
        <translation>当方の公開鍵の保存</translation>
    </message>
    <message>
        <source>Key file (*.json)</source>
        <translation>鍵のファイル (*.json)</translation>
    </message>
    <message>
        <source>Saved our public key (fingerprint %1). Give the file to the counterpart.</source>
        <translation>当方の公開鍵を保存しました（鍵の指紋 %1）。このファイルを相手方に渡してください。</translation>
    </message>
    <message>
        <source>Pairing sheet</source>
        <translation>照合用紙</translation>
    </message>
    <message>
        <source>Both organisations print this sheet and compare the fingerprints group by group, on paper or by telephone.</source>
        <translation>双方の組織がこの用紙を印刷し、鍵の指紋を一組ずつ、紙の上または電話で読み合わせて照合します。</translation>
    </message>
    <message>
        <source>The pairing sheet was printed.</source>
        <translation>照合用紙を印刷しました。</translation>
    </message>
    <message>
        <source>Save the pairing sheet</source>
        <translation>照合用紙の保存</translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation>「%1」を保存しました。</translation>
    </message>
    <message>
        <source>Choose a counterpart first.</source>
        <translation>先に相手方を選んでください。</translation>
    </message>
    <message>
        <source>This counterpart's fingerprint was already confirmed.</source>
        <translation>この相手方の指紋は既に照合済みです。</translation>
    </message>
    <message>
        <source>Confirm the pairing</source>
        <translation>鍵の照合の確認</translation>
    </message>
    <message>
        <source>Did you compare every group of 「%1」's fingerprint on both printed sheets, and are they the same? Packages will go to and come from this key.</source>
        <translation>「%1」の鍵の指紋を、双方が印刷した照合用紙で一組ずつ見比べ、すべて同じでしたか。以後のパッケージはこの鍵で受け渡しされます。</translation>
    </message>
    <message>
        <source>They match</source>
        <translation>一致した</translation>
    </message>
    <message>
        <source>「%1」 is confirmed: packages may now be exchanged.</source>
        <translation>「%1」を照合済みにしました。パッケージを受け渡しできます。</translation>
    </message>
</context>
<context>
    <name>PartiesTab</name>
    <message>
        <source>Engagement</source>
        <translation>業務</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状況</translation>
    </message>
    <message>
        <source>Counterpart</source>
        <translation>相手方</translation>
    </message>
    <message>
        <source>Debtors</source>
        <translation>債務者</translation>
    </message>
    <message>
        <source>Packages sent</source>
        <translation>送付</translation>
    </message>
    <message>
        <source>Packages received</source>
        <translation>受領</translation>
    </message>
    <message>
        <source>Media out</source>
        <translation>未返却の媒体</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>組織</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>区分</translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation>鍵の指紋</translation>
    </message>
    <message>
        <source>Compared on paper</source>
        <translation>紙で照合</translation>
    </message>
    <message>
        <source>What would the next package carry?</source>
        <translation>次のパッケージの内容（件数）を確かめる</translation>
    </message>
    <message>
        <source>Engagements</source>
        <translation>業務</translation>
    </message>
    <message>
        <source>Counterparts</source>
        <translation>相手方の組織</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未設定</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>済み</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>未照合</translation>
    </message>
    <message>
        <source>Choose an engagement first.</source>
        <translation>先に業務を選んでください。</translation>
    </message>
    <message>
        <source>Package %1 to %2: %3</source>
        <translation>%2 への %1 回目のパッケージ: %3</translation>
    </message>
</context>
<context>
    <name>PasswordFields</name>
    <message>
        <source>At least 10 characters. No rules about symbols or digits: a long phrase you can remember is best. Common passwords and your user name are refused.</source>
        <translation>10 文字以上にしてください。記号や数字を混ぜる決まりはありません。覚えやすい長めの文（フレーズ）がおすすめです。よく使われるパスワードと利用者名は使えません。</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <source>Password (again)</source>
        <translation>パスワード（確認）</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>2 つのパスワードが一致しません。</translation>
    </message>
    <message>
        <source>This password can be used.</source>
        <translation>このパスワードは使えます。</translation>
    </message>
</context>
<context>
    <name>PasswordOnceDialog</name>
    <message>
        <source>The file's password</source>
        <translation>ファイルのパスワード</translation>
    </message>
    <message>
        <source>Saved “{name}” with a password.</source>
        <translation>「{name}」をパスワード付きで保存しました。</translation>
    </message>
    <message>
        <source>Type it exactly as shown, hyphens included; the letters are all capitals.</source>
        <translation>ハイフン（-）も含めて、表示どおりに入力します。英字はすべて大文字です。</translation>
    </message>
    <message>
        <source>Type it exactly as shown.</source>
        <translation>表示どおりに入力します。</translation>
    </message>
    <message>
        <source>This is the only time it is shown: Saiken Desk does not keep it. Hand it over separately from the file (print the password notice), never in the same envelope or e-mail.</source>
        <translation>パスワードが表示されるのはこの一度だけで、債権デスクには保存されません。パスワード通知書を印刷するなどして、ファイルとは別の機会に渡してください（同じ封筒やメールには入れないでください）。</translation>
    </message>
    <message>
        <source>File check code: {code}</source>
        <translation>ファイルの照合番号: {code}</translation>
    </message>
    <message>
        <source>Print the password notice…</source>
        <translation>パスワード通知書を印刷…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Copied. It is cleared from the clipboard shortly.</source>
        <translation>コピーしました。しばらくするとクリップボードから消えます。</translation>
    </message>
    <message>
        <source>Password notice</source>
        <translation>パスワード通知書</translation>
    </message>
    <message>
        <source>Print the notice and hand it over separately from the file.</source>
        <translation>通知書を印刷し、ファイルとは別の機会に渡してください。</translation>
    </message>
    <message>
        <source>The password notice was printed.</source>
        <translation>パスワード通知書を印刷しました。</translation>
    </message>
    <message>
        <source>The password will not be shown again. Have you written it down or printed the notice?</source>
        <translation>このパスワードは二度と表示されません。控えるか、パスワード通知書を印刷しましたか？</translation>
    </message>
</context>
<context>
    <name>PasswordPage</name>
    <message>
        <source>The package's password</source>
        <translation>パッケージのパスワード</translation>
    </message>
    <message>
        <source>Type the password from the password notice that came separately from the medium. Small letters, spaces and missing hyphens are forgiven.</source>
        <translation>媒体とは別に届いたパスワード通知書のパスワードを入力してください。小文字・空白・ハイフンの抜けは問題ありません。</translation>
    </message>
    <message>
        <source>e.g. 山田（架空区 産業振興課）</source>
        <translation>例: 山田（架空区 産業振興課）</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <source>Handed over by</source>
        <translation>渡した人</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Record a payment</source>
        <translation>納付の登録</translation>
    </message>
    <message>
        <source>Confirmed by the ward</source>
        <translation>区で入金確認済み</translation>
    </message>
    <message>
        <source>Payment date</source>
        <translation>納付日</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>納付方法</translation>
    </message>
    <message>
        <source>Dates may be written as 2025/9/16, R7.9.16 or 令和7年9月16日.</source>
        <translation>日付は 2025/9/16、R7.9.16、令和7年9月16日 のいずれの形でも入力できます。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>The payment renews limitation</source>
        <translation>納付により時効が更新されます</translation>
    </message>
    <message>
        <source>A payment of {amount} on {day} acknowledges the debt: the limitation period is renewed and then ends on {after} (until now {before}). Record the payment?</source>
        <translation>{day}の納付 {amount} は債務の承認にあたり、時効が更新されます。満了日は{after}になります（これまでは{before}）。納付を登録しますか？</translation>
    </message>
    <message>
        <source>Record payment</source>
        <translation>納付を登録</translation>
    </message>
    <message>
        <source>Recorded a payment of {amount} ({day}).</source>
        <translation>納付 {amount} を登録しました（{day}）。</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Nothing to show yet.</source>
        <translation>表示する文書はまだありません。</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>印刷</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>Print…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Sent {n} page(s) to the printer.</source>
        <translation>{n} ページをプリンターに送りました。</translation>
    </message>
</context>
<context>
    <name>PlanTab</name>
    <message>
        <source>No instalment plan yet.</source>
        <translation>分納計画はまだありません。</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>回</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>納期限</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>納付済</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Accelerate the balance…</source>
        <translation>期限の利益喪失…</translation>
    </message>
    <message>
        <source>New plan</source>
        <translation>新しい分納計画</translation>
    </message>
    <message>
        <source> times</source>
        <translation> 回</translation>
    </message>
    <message>
        <source>same as the first</source>
        <translation>初回と同じ日</translation>
    </message>
    <message>
        <source>Split equally</source>
        <translation>均等に分割</translation>
    </message>
    <message>
        <source>Add row</source>
        <translation>行を追加</translation>
    </message>
    <message>
        <source>Remove row</source>
        <translation>行を削除</translation>
    </message>
    <message>
        <source>Create plan</source>
        <translation>計画を作成</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>総額</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>回数</translation>
    </message>
    <message>
        <source>First due</source>
        <translation>初回納期</translation>
    </message>
    <message>
        <source>Day of month</source>
        <translation>毎月の納付日</translation>
    </message>
    <message>
        <source>Equal parts: the remainder goes to the first. Edit the table for a custom plan.</source>
        <translation>均等割では端数を第1回に加えます。任意の計画は表を直接編集してください。</translation>
    </message>
    <message>
        <source>Plan: {status} — total {total}, paid {paid}, remaining {remaining}</source>
        <translation>分納計画: {status} — 総額 {total}　納付済 {paid}　残額 {remaining}</translation>
    </message>
    <message>
        <source> (accelerated on {day})</source>
        <translation>（{day} 期限の利益喪失）</translation>
    </message>
    <message>
        <source>Row {n}, due date: {problem}</source>
        <translation>{n}行目の納期: {problem}</translation>
    </message>
    <message>
        <source>Row {n}, amount: {problem}</source>
        <translation>{n}行目の金額: {problem}</translation>
    </message>
    <message>
        <source>Schedule total: {amount}</source>
        <translation>計画の合計: {amount}</translation>
    </message>
    <message>
        <source>Press “Split equally” or add rows before creating the plan.</source>
        <translation>計画を作成する前に「均等に分割」を押すか、行を追加してください。</translation>
    </message>
    <message>
        <source>Make a plan of {count} instalments, {total} in all, agreed today ({day})?</source>
        <translation>本日（{day}）合意の、総額 {total}・{count}回の分納計画を作成しますか？</translation>
    </message>
    <message>
        <source>The plan now running is cancelled and replaced by this one.</source>
        <translation>履行中の分納計画は取り消され、この計画に置き換わります。</translation>
    </message>
    <message>
        <source>A signed instalment plan acknowledges the debt: the limitation period is renewed and now ends on {after} (until now {before}).</source>
        <translation>署名した分納計画は債務の承認にあたり、時効が更新されます。満了日は{after}になります（これまでは{before}）。</translation>
    </message>
    <message>
        <source>Create the instalment plan</source>
        <translation>分納計画の作成</translation>
    </message>
    <message>
        <source>Made an instalment plan of {count} instalments, {total} in all.</source>
        <translation>総額 {total}・{count}回の分納計画を作成しました。</translation>
    </message>
    <message>
        <source>With the loss of the benefit of time, the whole unpaid balance of this plan, {amount}, falls due at once today ({day}). Continue?</source>
        <translation>期限の利益を喪失させると、この分納計画の残額 {amount} が本日（{day}）一括で納付期限になります。続けますか？</translation>
    </message>
    <message>
        <source>Accelerate</source>
        <translation>期限の利益喪失</translation>
    </message>
    <message>
        <source>Accelerated the plan: {amount} is due at once.</source>
        <translation>期限の利益を喪失させました。残額 {amount} が一括で納付期限です。</translation>
    </message>
</context>
<context>
    <name>ProtectedSave</name>
    <message>
        <source>Saved “{name}” without a password.</source>
        <translation>「{name}」をパスワードを付けずに保存しました。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>保存しています…</translation>
    </message>
</context>
<context>
    <name>ProtectedSaveDialog</name>
    <message>
        <source>Choose…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Save to</source>
        <translation>保存先</translation>
    </message>
    <message>
        <source>Protect the file with a password</source>
        <translation>パスワードを付ける</translation>
    </message>
    <message>
        <source>Make a password for me (recommended)</source>
        <translation>パスワードを自動で作る（おすすめ）</translation>
    </message>
    <message>
        <source>Use a password I type</source>
        <translation>自分で決めたパスワードを使う</translation>
    </message>
    <message>
        <source>File password</source>
        <translation>ファイルのパスワード</translation>
    </message>
    <message>
        <source>Excel will ask for the password when the file is opened (Office encryption).</source>
        <translation>Excel でファイルを開くときにパスワードを求められます（Office の暗号化）。</translation>
    </message>
    <message>
        <source>Acrobat Reader, Edge and Chrome will ask for the password when the file is opened (AES-256).</source>
        <translation>Acrobat Reader や Edge・Chrome でファイルを開くときにパスワードを求められます（AES-256）。</translation>
    </message>
    <message>
        <source>The password is shown once after saving and is not kept anywhere: write it down or print the password notice, and hand it over separately from the file.</source>
        <translation>パスワードは保存のあとに一度だけ表示され、どこにも保存されません。控えるかパスワード通知書を印刷して、ファイルとは別に渡してください。</translation>
    </message>
    <message>
        <source>This file holds personal data. Without a password, anyone who gets hold of the file can read it.</source>
        <translation>このファイルには個人情報が含まれます。パスワードを付けずに保存すると、ファイルを手に入れた人はだれでも中身を読めます。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>RecordFilters</name>
    <message>
        <source>e.g. R7.9.1</source>
        <translation>例: R7.9.1</translation>
    </message>
    <message>
        <source>Any channel</source>
        <translation>すべての手段</translation>
    </message>
    <message>
        <source>Promises: any record</source>
        <translation>約束：すべての記録</translation>
    </message>
    <message>
        <source>With a promise</source>
        <translation>約束のある記録</translation>
    </message>
    <message>
        <source>Promises still due</source>
        <translation>期日前の約束</translation>
    </message>
    <message>
        <source>Promises missed</source>
        <translation>守られなかった約束</translation>
    </message>
    <message>
        <source>Next action due</source>
        <translation>次回予定日が来ているもの</translation>
    </message>
    <message>
        <source>The debtor's latest record plans an action for today or earlier.</source>
        <translation>債務者の最新の記録で、次回予定日が今日以前のもの。</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>適用</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>クリア</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>担当</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>(no handler)</source>
        <translation>（担当なし）</translation>
    </message>
    <message>
        <source>Period (from)</source>
        <translation>期間（開始）</translation>
    </message>
    <message>
        <source>Period (to)</source>
        <translation>期間（終了）</translation>
    </message>
    <message>
        <source>Period: the start is after the end. Swap the two dates.</source>
        <translation>期間：開始日が終了日より後です。2つの日付を入れ替えてください。</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>e.g. the representative</source>
        <translation>例: 代表者本人</translation>
    </message>
    <message>
        <source>What was said and agreed</source>
        <translation>話した内容・合意した内容</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>手段</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>発信・受信</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>相手方</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Promise</source>
        <translation>約束</translation>
    </message>
    <message>
        <source>by</source>
        <translation>期日</translation>
    </message>
    <message>
        <source>Next action</source>
        <translation>次回予定</translation>
    </message>
    <message>
        <source>Summary: write what was said (it cannot be empty).</source>
        <translation>内容: 話した内容を入力してください（空にはできません）。</translation>
    </message>
    <message>
        <source>Promised amount</source>
        <translation>約束の金額</translation>
    </message>
    <message>
        <source>Promised date</source>
        <translation>約束の日</translation>
    </message>
</context>
<context>
    <name>RecordListPage</name>
    <message>
        <source>Negotiation records</source>
        <translation>交渉記録</translation>
    </message>
    <message>
        <source>Negotiation report…</source>
        <translation>交渉記録報告書…</translation>
    </message>
    <message>
        <source>Debtor's name, reading, phone or management no. (Ctrl+F)</source>
        <translation>債務者の名前・フリガナ・電話番号・管理番号で検索（Ctrl+F）</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>絞り込み</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>{n} records</source>
        <translation>{n}件</translation>
    </message>
    <message>
        <source>No record matches. Change the search words or clear the filters.</source>
        <translation>該当する交渉記録はありません。検索語を変えるか、絞り込みをクリアしてください。</translation>
    </message>
    <message>
        <source>Newest first. Enter opens the record on its debtor's card.</source>
        <translation>新しい順。Enterで、その記録を債務者カードで開きます。</translation>
    </message>
</context>
<context>
    <name>RecordsModel</name>
    <message>
        <source>Date and time</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Management no.</source>
        <translation>管理番号</translation>
    </message>
    <message>
        <source>Debtor</source>
        <translation>債務者</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>手段</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>発信・受信</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>相手方</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>担当</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Promise</source>
        <translation>約束</translation>
    </message>
    <message>
        <source>Next action</source>
        <translation>次回予定</translation>
    </message>
    <message>
        <source>due {day}</source>
        <translation>{day}まで</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>履行</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>不履行</translation>
    </message>
    <message>
        <source>Paid toward it by the promised day: {amount}</source>
        <translation>約束の期日までの納付：{amount}</translation>
    </message>
</context>
<context>
    <name>RecordsTab</name>
    <message>
        <source>Quick entry</source>
        <translation>交渉記録の入力</translation>
    </message>
    <message>
        <source>Add record</source>
        <translation>記録を追加</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>訂正…</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>履歴…</translation>
    </message>
    <message>
        <source>Timeline (newest first)</source>
        <translation>交渉経過（新しい順）</translation>
    </message>
    <message>
        <source>Versions of this record</source>
        <translation>この記録の版の履歴</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版</translation>
    </message>
    <message>
        <source>Corrected the negotiation record ({what}).</source>
        <translation>交渉記録（{what}）を訂正しました。</translation>
    </message>
    <message>
        <source>Added the negotiation record ({what}).</source>
        <translation>交渉記録（{what}）を登録しました。</translation>
    </message>
    <message>
        <source>Version {n}</source>
        <translation>第{n}版</translation>
    </message>
    <message>
        <source>{amount}
by {day}</source>
        <translation>{amount}
{day}まで</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>手段</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>発信・受信</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>相手方</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>担当</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Promise</source>
        <translation>約束</translation>
    </message>
    <message>
        <source>Next action</source>
        <translation>次回予定</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>登録日時</translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation>登録者</translation>
    </message>
    <message>
        <source> (current)</source>
        <translation>（現行）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyPage</name>
    <message>
        <source>Your recovery key</source>
        <translation>復旧キー</translation>
    </message>
    <message>
        <source>This key opens the vault when every password is forgotten or on a new PC. It is shown only this once.</source>
        <translation>全員がパスワードを忘れたときや新しい PC で、このキーで金庫を開けます。表示されるのは今回の一度だけです。</translation>
    </message>
    <message>
        <source>Creating the vault…</source>
        <translation>金庫を作成しています…</translation>
    </message>
    <message>
        <source>Print the sheet now (or save it as a PDF on removable media) and keep it locked away from this PC. Do not photograph it or type it into e-mail or notes.</source>
        <translation>今すぐ用紙を印刷し（または PDF として外部媒体に保存し）、この PC とは別の施錠できる場所に保管してください。撮影したり、メールやメモに書き写したりしないでください。</translation>
    </message>
    <message>
        <source>Print / save as PDF…</source>
        <translation>印刷・PDF 保存…</translation>
    </message>
    <message>
        <source>I have stored the recovery key in a safe place</source>
        <translation>復旧キーを安全な場所に保管しました</translation>
    </message>
    <message>
        <source>The vault was created and you are signed in as its administrator. It is bound to this account.</source>
        <translation>金庫を作成し、管理者としてサインインしました。金庫はこの PC のアカウントに結び付けられています。</translation>
    </message>
    <message>
        <source>The vault was created and you are signed in as its administrator. It is not bound to this account (no credential store).</source>
        <translation>金庫を作成し、管理者としてサインインしました。鍵の保管場所がないため、アカウントには結び付けられていません。</translation>
    </message>
</context>
<context>
    <name>RecoverySheetDialog</name>
    <message>
        <source>The recovery key sheet could not be saved to {path} ({reason}). Nothing was saved. The vault itself is created: choose another place and save again, or print the sheet, or copy the recovery key shown on the screen by hand before you close it.</source>
        <translation>復旧キーの用紙を {path} に保存できませんでした（{reason}）。何も保存していません。金庫は作成済みです。別の場所を選んでもう一度保存するか、用紙を印刷するか、閉じる前に画面の復旧キーを紙に書き写してください。</translation>
    </message>
    <message>
        <source>Recovery key sheet</source>
        <translation>復旧キー用紙</translation>
    </message>
    <message>
        <source>Print the sheet and keep it locked away from this PC. Saving it as a file is possible, but a file is easier to copy: keep it on removable media in a safe.</source>
        <translation>用紙を印刷し、この PC とは別の施錠できる場所に保管してください。ファイルにも保存できますが、ファイルは複製されやすいため、外部媒体に保存して金庫などに保管してください。</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>PDFとして保存…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Sent {n} page(s) to the printer.</source>
        <translation>{n} ページをプリンターに送りました。</translation>
    </message>
    <message>
        <source>Save the recovery key sheet</source>
        <translation>復旧キー用紙の保存</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF ファイル (*.pdf)</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>{path} に保存しました。</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Negotiation report</source>
        <translation>交渉記録報告書</translation>
    </message>
    <message>
        <source>Every handler</source>
        <translation>全担当者</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>表示</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <source>Save as Excel…</source>
        <translation>Excelで保存…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>PDFとして保存…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Saving a file of personal data needs a supervisor.</source>
        <translation>個人情報を含むファイルの保存は、取扱責任者が行います。</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>担当</translation>
    </message>
    <message>
        <source>Choose the period and press “Show”.</source>
        <translation>期間を選んで「表示」を押してください。</translation>
    </message>
    <message>
        <source>Period (from)</source>
        <translation>期間（開始）</translation>
    </message>
    <message>
        <source>Period (to)</source>
        <translation>期間（終了）</translation>
    </message>
    <message>
        <source>Period: the start is after the end. Swap the two dates.</source>
        <translation>期間：開始日が終了日より後です。2つの日付を入れ替えてください。</translation>
    </message>
    <message>
        <source>Making the report…</source>
        <translation>報告書を作成しています…</translation>
    </message>
    <message>
        <source>{records} records of {debtors} debtors, {from_day} to {to_day}; {pages} page(s).</source>
        <translation>{from_day}～{to_day}、債務者{debtors}名の記録{records}件（{pages}ページ）。</translation>
    </message>
    <message>
        <source>The printer could not be used.</source>
        <translation>プリンターを使えませんでした。プリンターの設定を確かめてください。</translation>
    </message>
    <message>
        <source>Sent the negotiation report ({n} page(s)) to the printer.</source>
        <translation>交渉記録報告書（{n}ページ）を印刷しました。</translation>
    </message>
    <message>
        <source>Saved the negotiation report as {name}.</source>
        <translation>交渉記録報告書を「{name}」に保存しました。</translation>
    </message>
    <message>
        <source>Save the negotiation report</source>
        <translation>交渉記録報告書の保存</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>Report as PDF…</source>
        <translation>PDFで保存…</translation>
    </message>
    <message>
        <source>Report as Excel…</source>
        <translation>Excelで保存…</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>プレビュー</translation>
    </message>
    <message>
        <source>Consultations by category</source>
        <translation>相談分類別の件数</translation>
    </message>
    <message>
        <source>Consultations by month</source>
        <translation>月別の相談件数</translation>
    </message>
    <message>
        <source>Consultations by form</source>
        <translation>相談形態別の件数</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>当月</translation>
    </message>
    <message>
        <source>Fiscal year to date</source>
        <translation>年度累計</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>相談分類</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>相談形態</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>業種</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>相談員</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Seminar</source>
        <translation>セミナー</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>定員</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>参加確定</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>出席</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>出席率</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>キャンセル待ち</translation>
    </message>
    <message>
        <source>Seminars this fiscal year</source>
        <translation>今年度のセミナー</translation>
    </message>
    <message>
        <source>Consultation report</source>
        <translation>相談実績</translation>
    </message>
    <message>
        <source>Access report (supervisor)</source>
        <translation>アクセス状況（取扱責任者）</translation>
    </message>
    <message>
        <source>{month}: {m} consultations ({mb} businesses); {fy} to date: {y} ({yb} businesses)</source>
        <translation>{month}：相談 {m}件（{mb}事業者）　{fy}累計：{y}件（{yb}事業者）</translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation>相談</translation>
    </message>
    <message>
        <source>Save the consultation report</source>
        <translation>相談実績報告書を保存</translation>
    </message>
</context>
<context>
    <name>SaveFile</name>
    <message>
        <source>Protect the file</source>
        <translation>ファイルの保護</translation>
    </message>
    <message>
        <source>This file holds personal data. Protect it with a password? (Recommended: the password is shown once and is not stored.)</source>
        <translation>このファイルには個人情報が含まれます。パスワードを付けて保存しますか？（推奨。パスワードは一度だけ表示され、どこにも保存されません。）</translation>
    </message>
    <message>
        <source>Protect with a password</source>
        <translation>パスワードを付けて保存</translation>
    </message>
    <message>
        <source>File password</source>
        <translation>ファイルのパスワード</translation>
    </message>
    <message>
        <source>Saved {name}, protected. Its password, shown only now:

{password}

Note it down and hand it over separately from the file (type it as shown, hyphens included).</source>
        <translation>{name} をパスワード付きで保存しました。パスワードは今だけ表示されます:

{password}

控えて、ファイルとは別の機会に渡してください（ハイフンも含めて表示どおりに入力します）。</translation>
    </message>
</context>
<context>
    <name>Screenshots</name>
    <message>
        <source>Fictional Law Office</source>
        <translation>架空法律事務所</translation>
    </message>
</context>
<context>
    <name>SeminarDialog</name>
    <message>
        <source>New seminar</source>
        <translation>セミナーの登録</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>セミナー名</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Starts at</source>
        <translation>開始時刻</translation>
    </message>
    <message>
        <source>Ends at</source>
        <translation>終了時刻</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>会場</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>定員</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>SeminarDialogs</name>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>SeminarRosterPage</name>
    <message>
        <source>Day</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Seminar</source>
        <translation>セミナー</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>会場</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>定員</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>参加確定</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>キャンセル待ち</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>出席</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状況</translation>
    </message>
    <message>
        <source>New seminar…</source>
        <translation>セミナーを登録…</translation>
    </message>
    <message>
        <source>Apply…</source>
        <translation>申込み…</translation>
    </message>
    <message>
        <source>Cancel application</source>
        <translation>申込みを取り消す</translation>
    </message>
    <message>
        <source>Mark present</source>
        <translation>出席にする</translation>
    </message>
    <message>
        <source>Mark absent</source>
        <translation>欠席にする</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>番号</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>事業者</translation>
    </message>
    <message>
        <source>Attendee</source>
        <translation>参加者</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>申込日時</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>出欠</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>順番</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Seminars</source>
        <translation>セミナー</translation>
    </message>
    <message>
        <source>Waiting list (the first moves up when a seat is given up)</source>
        <translation>キャンセル待ち（取消が出ると先頭から繰り上がります）</translation>
    </message>
    <message>
        <source>{title} — {day}, capacity {capacity}, {seats} seats left</source>
        <translation>{title} — {day}　定員 {capacity}名・残り {seats}席</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>出席</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>欠席</translation>
    </message>
    <message>
        <source>Put on the waiting list</source>
        <translation>キャンセル待ちで受付</translation>
    </message>
    <message>
        <source>The seminar is full: {name} is number {place} on the waiting list.</source>
        <translation>定員に達しているため、{name}様はキャンセル待ちの {place}番目で受け付けました。</translation>
    </message>
    <message>
        <source>Cancel an application</source>
        <translation>申込みの取消</translation>
    </message>
    <message>
        <source>Cancel this application? A seat given up goes to the first on the waiting list.</source>
        <translation>この申込みを取り消しますか？ 空いた席はキャンセル待ちの先頭の方に繰り上がります。</translation>
    </message>
    <message>
        <source>Cancel the application</source>
        <translation>申込みを取り消す</translation>
    </message>
</context>
<context>
    <name>SentTab</name>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>ひな形</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>通数</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>返戻</translation>
    </message>
    <message>
        <source>Made by</source>
        <translation>作成者</translation>
    </message>
    <message>
        <source>Management no.</source>
        <translation>管理番号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称・氏名</translation>
    </message>
    <message>
        <source>Document no.</source>
        <translation>文書番号</translation>
    </message>
    <message>
        <source>Mailing</source>
        <translation>郵送方法</translation>
    </message>
    <message>
        <source>Tracking no.</source>
        <translation>引受番号</translation>
    </message>
    <message>
        <source>Save tracking numbers</source>
        <translation>引受番号を保存</translation>
    </message>
    <message>
        <source>Record as returned</source>
        <translation>返戻として記録</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Returned letter</source>
        <translation>返戻</translation>
    </message>
    <message>
        <source>Choose the one letter that came back.</source>
        <translation>返戻された文書を1通選んでください。</translation>
    </message>
    <message>
        <source>Date it came back (e.g. R7.10.3):</source>
        <translation>返戻された日（例: 令和7年10月3日、R7.10.3）:</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Your own display settings, and the settings that apply to everyone who uses this vault.</source>
        <translation>あなた自身の表示の設定と、この金庫を使う全員に共通の設定です。</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source> generations</source>
        <translation> 世代</translation>
    </message>
    <message>
        <source>Lock after no input for</source>
        <translation>操作がないときに自動ロックするまで</translation>
    </message>
    <message>
        <source>Clear copied text after</source>
        <translation>コピーした文字を消すまで</translation>
    </message>
    <message>
        <source>Backups to keep</source>
        <translation>残すバックアップ</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>設定を保存</translation>
    </message>
    <message>
        <source>Only an administrator can change these settings.</source>
        <translation>これらの設定を変更できるのは管理者だけです。</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>バックアップ</translation>
    </message>
    <message>
        <source>A backup is an encrypted copy of the vault and its key file, kept in the vault folder under backups. The oldest copies beyond the number to keep are removed.</source>
        <translation>バックアップは金庫と鍵ファイルの暗号化された複製で、金庫フォルダの backups に保存されます。残す世代数を超えた古い複製は削除されます。</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>今すぐバックアップ</translation>
    </message>
    <message>
        <source>Backups are made by a supervisor or an administrator.</source>
        <translation>バックアップは取扱責任者または管理者が作成します。</translation>
    </message>
    <message>
        <source>Your display</source>
        <translation>あなたの表示</translation>
    </message>
    <message>
        <source>Japanese era (和暦): R8.12.16 in tables, 令和8年12月16日 in sentences</source>
        <translation>和暦：一覧では R8.12.16、文章では 令和8年12月16日</translation>
    </message>
    <message>
        <source>Western years (西暦): 2026/12/16 in tables, 2026年12月16日 in sentences</source>
        <translation>西暦：一覧では 2026/12/16、文章では 2026年12月16日</translation>
    </message>
    <message>
        <source>Dates can be typed either way everywhere (R8.12.16, 令和8年12月16日, 2026/12/16).</source>
        <translation>日付はどの画面でも、どちらの書き方でも入力できます（R8.12.16、令和8年12月16日、2026/12/16）。</translation>
    </message>
    <message>
        <source>Date display</source>
        <translation>日付の表示</translation>
    </message>
    <message>
        <source>Dates are now shown in the Japanese era.</source>
        <translation>日付を和暦で表示します。</translation>
    </message>
    <message>
        <source>Dates are now shown in Western years.</source>
        <translation>日付を西暦で表示します。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>保存しました。</translation>
    </message>
    <message>
        <source>Saved the vault's settings.</source>
        <translation>金庫の設定を保存しました。</translation>
    </message>
    <message>
        <source>Making a backup…</source>
        <translation>バックアップを作成しています…</translation>
    </message>
    <message>
        <source>Backup {name} made ({n} audit entries).</source>
        <translation>バックアップ {name} を作成しました（監査記録 {n} 件）。</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Everywhere</source>
        <translation>どの画面でも</translation>
    </message>
    <message>
        <source>Go to an area of the left list, in its order</source>
        <translation>左の一覧の領域へ（上から順に）</translation>
    </message>
    <message>
        <source>Lock now (the vault closes; sign in again to go on)</source>
        <translation>すぐにロック（金庫を閉じます。続けるにはサインインし直します）</translation>
    </message>
    <message>
        <source>Print what is in front of you</source>
        <translation>表示中のものを印刷</translation>
    </message>
    <message>
        <source>This list of shortcuts</source>
        <translation>このショートカットの一覧</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>一覧</translation>
    </message>
    <message>
        <source>Go to the search box</source>
        <translation>検索欄へ</translation>
    </message>
    <message>
        <source>In the search box: open the only or first hit; in the table: open the row</source>
        <translation>検索欄では1件だけ（または最初の1件）を開く。表では選んだ行を開く</translation>
    </message>
    <message>
        <source>From the search box into the table; move between rows</source>
        <translation>検索欄から表へ。行の移動</translation>
    </message>
    <message>
        <source>Show or hide the filters</source>
        <translation>絞り込みの表示・非表示</translation>
    </message>
    <message>
        <source>Debtor card</source>
        <translation>債務者カード</translation>
    </message>
    <message>
        <source>Back to the list (asks first if something typed is not saved)</source>
        <translation>一覧に戻る（保存していない入力があれば確認します）</translation>
    </message>
    <message>
        <source>Next / previous tab, wherever the focus is</source>
        <translation>次・前のタブへ（どこにカーソルがあっても）</translation>
    </message>
    <message>
        <source>Go to a tab</source>
        <translation>タブへ移動</translation>
    </message>
    <message>
        <source>Record a payment</source>
        <translation>納付の登録</translation>
    </message>
    <message>
        <source>Charge statement</source>
        <translation>加算金・延滞金計算書</translation>
    </message>
    <message>
        <source>Print the charge statement</source>
        <translation>計算書を印刷</translation>
    </message>
    <message>
        <source>Add the negotiation record typed in the quick entry</source>
        <translation>入力した交渉記録を追加</translation>
    </message>
    <message>
        <source>Negotiation records</source>
        <translation>交渉記録</translation>
    </message>
    <message>
        <source>Print the negotiation report of the period shown</source>
        <translation>表示中の期間の交渉記録報告書を印刷</translation>
    </message>
    <message>
        <source>Dialogs</source>
        <translation>ダイアログ</translation>
    </message>
    <message>
        <source>Cancel (asks first if something typed is not saved)</source>
        <translation>キャンセル（保存していない入力があれば確認します）</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>画面</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>キー</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>働き</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Saiken Desk — sign in</source>
        <translation>債権デスク — サインイン</translation>
    </message>
    <message>
        <source>Saiken Desk</source>
        <translation>債権デスク</translation>
    </message>
</context>
<context>
    <name>SignInForm</name>
    <message>
        <source>Ward</source>
        <translation>区</translation>
    </message>
    <message>
        <source>Contractor</source>
        <translation>受託者</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>サインイン</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>もう一度確かめる</translation>
    </message>
    <message>
        <source>Use the recovery key…</source>
        <translation>復旧キーで開く…</translation>
    </message>
    <message>
        <source>User</source>
        <translation>利用者</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <source>someone whose details cannot be read</source>
        <translation>（開いている人の情報は読めません）</translation>
    </message>
    <message>
        <source>This vault is open elsewhere now: {where}. It can be open in one place at a time: ask them to sign out (or close the window there), then check again.</source>
        <translation>この金庫はいま別の場所で開かれています: {where}。同時に開けるのは一か所だけです。そちらでサインアウトする（またはウィンドウを閉じる）よう頼んでから、もう一度確かめてください。</translation>
    </message>
    <message>
        <source>Last time this vault was not closed properly ({where}; the window was ended, or the PC switched off). Signing in takes it over safely; everything saved before then is kept.</source>
        <translation>前回、この金庫は正しく閉じられませんでした（{where}。ウィンドウが強制終了されたか、PC の電源が切れました）。サインインすると安全に引き継ぎます。それまでに保存した内容はそのまま残っています。</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>利用者名とパスワードを入力してください。</translation>
    </message>
    <message>
        <source>Opening the vault…</source>
        <translation>金庫を開いています…</translation>
    </message>
    <message>
        <source>Open with the recovery key</source>
        <translation>復旧キーで開く</translation>
    </message>
    <message>
        <source>Type the recovery key from the printed sheet (hyphens and spaces do not matter).</source>
        <translation>印刷した用紙の復旧キーを入力してください（ハイフンや空白は入れても入れなくてもかまいません）。</translation>
    </message>
    <message>
        <source>Only an administrator can accept this state, for example after restoring a backup on purpose. The acceptance is recorded in the audit log.</source>
        <translation>この状態を受け入れられるのは管理者だけです（意図してバックアップを戻したときなど）。受け入れたことは監査ログに残ります。</translation>
    </message>
    <message>
        <source>The vault is older than expected</source>
        <translation>金庫が想定より古い状態です</translation>
    </message>
    <message>
        <source>Accept and sign in</source>
        <translation>受け入れてサインイン</translation>
    </message>
    <message>
        <source>You can try again now.</source>
        <translation>もう一度サインインできます。</translation>
    </message>
</context>
<context>
    <name>StagingPage</name>
    <message>
        <source>Staging folder and medium</source>
        <translation>書き込み用フォルダと媒体</translation>
    </message>
    <message>
        <source>Choose the folder your burning software writes to the CD-R from, and the label written on the disc. The password notice never goes into this folder.</source>
        <translation>書き込みソフトが CD-R に書き込む元のフォルダと、ディスクに書く媒体番号を選んでください。パスワード通知書はこのフォルダには入れません。</translation>
    </message>
    <message>
        <source>Part (management numbers)</source>
        <translation>分割（管理番号の範囲）</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>媒体</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Preparing the demo vault…</source>
        <translation>デモ用の金庫を準備しています…</translation>
    </message>
</context>
<context>
    <name>TagsTab</name>
    <message>
        <source>Red</source>
        <translation>赤</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>橙</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>黄</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>緑</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>青</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>紫</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>灰</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>タグ</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>タグ</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>色</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>New tag</source>
        <translation>新しいタグ</translation>
    </message>
    <message>
        <source>no expiry</source>
        <translation>期限なし</translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation>タグを追加</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>選択を削除</translation>
    </message>
    <message>
        <source>Status and handler</source>
        <translation>状態・担当</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（未設定）</translation>
    </message>
    <message>
        <source>Change status</source>
        <translation>状態を変更</translation>
    </message>
    <message>
        <source>Assign handler</source>
        <translation>担当を変更</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>担当</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>Save notes</source>
        <translation>メモを保存</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Write the tag's name first.</source>
        <translation>先にタグの名前を入力してください。</translation>
    </message>
    <message>
        <source>Tag expiry</source>
        <translation>タグの期限</translation>
    </message>
    <message>
        <source>Added the tag “{name}”.</source>
        <translation>タグ「{name}」を追加しました。</translation>
    </message>
    <message>
        <source>Select the tag to remove first.</source>
        <translation>先に削除するタグを選んでください。</translation>
    </message>
    <message>
        <source>Removed the tag “{name}”.</source>
        <translation>タグ「{name}」を外しました。</translation>
    </message>
    <message>
        <source>Saved the notes.</source>
        <translation>メモを保存しました。</translation>
    </message>
    <message>
        <source>Changed the status to {status}.</source>
        <translation>状況を「{status}」に変更しました。</translation>
    </message>
    <message>
        <source>Assigned the handler {name}.</source>
        <translation>担当者を{name}にしました。</translation>
    </message>
    <message>
        <source>Removed the handler.</source>
        <translation>担当者を外しました。</translation>
    </message>
</context>
<context>
    <name>TemplatesTab</name>
    <message>
        <source>Template</source>
        <translation>ひな形</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>承認者</translation>
    </message>
    <message>
        <source>Edit as a new version</source>
        <translation>新しい版として編集</translation>
    </message>
    <message>
        <source>New template</source>
        <translation>新しいひな形</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>承認</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>廃止</translation>
    </message>
    <message>
        <source>Save as draft</source>
        <translation>下書きとして保存</translation>
    </message>
    <message>
        <source>Fields (double-click to insert)</source>
        <translation>差し込み項目（ダブルクリックで挿入）</translation>
    </message>
    <message>
        <source>Public-law claim</source>
        <translation>公法上の債権</translation>
    </message>
    <message>
        <source>Private-law claim</source>
        <translation>私法上の債権</translation>
    </message>
    <message>
        <source>Preview with a fictional debtor</source>
        <translation>架空の債務者でのプレビュー</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>第%1版</translation>
    </message>
    <message>
        <source>%1, version %2 (%3). Approved text is never changed: edit it as a new version.</source>
        <translation>%1　第%2版（%3）。承認済みの本文は変更できません。直すときは新しい版として編集してください。</translation>
    </message>
    <message>
        <source>Editing a new version of %1.</source>
        <translation>%1 の新しい版を編集しています。</translation>
    </message>
    <message>
        <source>A new template: write its kind, name and title, then the text.</source>
        <translation>新しいひな形: 種類・名称・表題を書き、続けて本文を書いてください。</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>…ほか%1件</translation>
    </message>
    <message>
        <source>Saving the template…</source>
        <translation>ひな形を保存しています…</translation>
    </message>
    <message>
        <source>Saved as draft version %1.</source>
        <translation>第%1版の下書きとして保存しました。</translation>
    </message>
    <message>
        <source>Approve the template</source>
        <translation>ひな形の承認</translation>
    </message>
    <message>
        <source>Approve this version? Letters will be printed from it, and the version approved before is retired.</source>
        <translation>この版を承認しますか。以後この版から文書を印刷し、それまで承認されていた版は廃止されます。</translation>
    </message>
    <message>
        <source>Retire the template</source>
        <translation>ひな形の廃止</translation>
    </message>
    <message>
        <source>Retire this version? It can no longer be printed.</source>
        <translation>この版を廃止しますか。以後この版からは印刷できません。</translation>
    </message>
    <message>
        <source>You can read the templates; drafting needs a handler, approving a supervisor.</source>
        <translation>ひな形を閲覧できます。下書きは取扱者、承認は取扱責任者が行います。</translation>
    </message>
    <message>
        <source>You can draft new versions; a supervisor approves them.</source>
        <translation>新しい版の下書きを作れます。承認は取扱責任者が行います。</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Users</source>
        <translation>利用者</translation>
    </message>
    <message>
        <source>Each user signs in with their own password and holds keys of their own. Removing a user gives the vault a new key: nothing they kept opens the vault or its backups any more.</source>
        <translation>利用者はそれぞれ自分のパスワードでサインインし、自分の鍵を持ちます。利用者を削除すると金庫の鍵が新しくなり、その人が持っていたもので金庫やバックアップを開くことはできなくなります。</translation>
    </message>
    <message>
        <source>Show removed users</source>
        <translation>削除した利用者も表示</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>利用者名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>表示名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>有効</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>削除済み</translation>
    </message>
    <message>
        <source>Add user…</source>
        <translation>利用者を追加…</translation>
    </message>
    <message>
        <source>Change password…</source>
        <translation>パスワードを変更…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>削除…</translation>
    </message>
    <message>
        <source>Adding the user…</source>
        <translation>利用者を追加しています…</translation>
    </message>
    <message>
        <source>User {name} was added.</source>
        <translation>利用者 {name} を追加しました。</translation>
    </message>
    <message>
        <source>Changing the password…</source>
        <translation>パスワードを変更しています…</translation>
    </message>
    <message>
        <source>The password of {name} was changed.</source>
        <translation>{name} のパスワードを変更しました。</translation>
    </message>
    <message>
        <source>Remove the user {name}? The vault gets a new key and the database and every backup are encrypted again, so nothing they kept opens them. Their past audit entries are kept.</source>
        <translation>利用者「{name}」を削除しますか？ 金庫の鍵を新しくし、データベースとすべてのバックアップを暗号化し直すので、この人が持っていたもので開くことはできなくなります。これまでの監査ログは残ります。</translation>
    </message>
    <message>
        <source>User {name} was removed and the vault has a new key.</source>
        <translation>利用者「{name}」を削除し、金庫の鍵を新しくしました。</translation>
    </message>
    <message>
        <source>Backups encrypted again: {n}</source>
        <translation>暗号化し直したバックアップ: {n} 件</translation>
    </message>
    <message>
        <source>The organisation key was replaced too: tell the other organisation its new fingerprint (Settings).</source>
        <translation>組織の鍵も作り直しました。相手方に新しい指紋を伝えてください（設定画面に表示されます）。</translation>
    </message>
    <message>
        <source>Reset the password of: {names}</source>
        <translation>次の利用者のパスワードを設定し直してください: {names}</translation>
    </message>
    <message>
        <source>A new recovery key was made (shown only now): {key}</source>
        <translation>新しい復旧キーを作りました（この一度しか表示しません）: {key}</translation>
    </message>
    <message>
        <source>Remove user</source>
        <translation>利用者の削除</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除する</translation>
    </message>
    <message>
        <source>Removing the user and renewing the vault key…</source>
        <translation>利用者を削除し、金庫の鍵を更新しています…</translation>
    </message>
    <message>
        <source>User {name} was removed.</source>
        <translation>利用者 {name} を削除しました。</translation>
    </message>
</context>
<context>
    <name>VaultKeysCard</name>
    <message>
        <source>Vault keys</source>
        <translation>金庫の鍵</translation>
    </message>
    <message>
        <source>Read the organisation key's fingerprint aloud, five digits at a time, when the other organisation registers your key. Both fingerprints are printed on the recovery sheet: if they differ from what you see here, tell your supervisor at once.</source>
        <translation>相手方が組織の鍵を登録するときは、組織の鍵の指紋を5桁ずつ読み上げて照合してください。どちらの指紋も復旧キーの用紙に印刷されています。ここに表示されたものと違うときは、すぐに取扱責任者に報告してください。</translation>
    </message>
    <message>
        <source>Organisation key</source>
        <translation>組織の鍵の指紋</translation>
    </message>
    <message>
        <source>Founding record</source>
        <translation>創設の記録の指紋</translation>
    </message>
    <message>
        <source>Renew the vault key…</source>
        <translation>金庫の鍵を更新…</translation>
    </message>
    <message>
        <source>Make a new recovery key…</source>
        <translation>復旧キーを作り直す…</translation>
    </message>
    <message>
        <source>Give the vault a new key? The database and every backup are encrypted again; everyone keeps their password.</source>
        <translation>金庫の鍵を新しくしますか？ データベースとすべてのバックアップを暗号化し直します。全員これまでのパスワードを使えます。</translation>
    </message>
    <message>
        <source>Renew the vault key</source>
        <translation>金庫の鍵の更新</translation>
    </message>
    <message>
        <source>Renew</source>
        <translation>更新する</translation>
    </message>
    <message>
        <source>Renewing the vault key and encrypting the backups again…</source>
        <translation>金庫の鍵を更新し、バックアップを暗号化し直しています…</translation>
    </message>
    <message>
        <source>The vault has a new key. Backups encrypted again: {n}.</source>
        <translation>金庫の鍵を更新しました。暗号化し直したバックアップ: {n} 件。</translation>
    </message>
    <message>
        <source>Make a new recovery key? The printed sheet you have now stops working. The new key is shown only once: print its sheet.</source>
        <translation>復旧キーを作り直しますか？ 今の用紙の復旧キーは使えなくなります。新しい復旧キーは一度しか表示されないので、用紙を印刷してください。</translation>
    </message>
    <message>
        <source>New recovery key</source>
        <translation>新しい復旧キー</translation>
    </message>
    <message>
        <source>Make a new key</source>
        <translation>作り直す</translation>
    </message>
    <message>
        <source>A new recovery key was made. Destroy the old sheet.</source>
        <translation>新しい復旧キーを作りました。古い用紙は細断して廃棄してください。</translation>
    </message>
    <message>
        <source>The new recovery key (shown only now):

{key}</source>
        <translation>新しい復旧キー（この一度しか表示しません）:

{key}</translation>
    </message>
</context>
</TS>
