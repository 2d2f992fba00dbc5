<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>main</name>
    <message>
        <source>ParcelDesk operations console</source>
        <translation>ParcelDesk 客服運營臺</translation>
    </message>
    <message>
        <source>Folder of the local cache.</source>
        <translation>本地快取所在的資料夾。</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>資料夾</translation>
    </message>
    <message>
        <source>Language: en, zh_CN or zh_TW.</source>
        <translation>介面語言：en、zh_CN 或 zh_TW。</translation>
    </message>
    <message>
        <source>language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>The company's time zone (IANA name).</source>
        <translation>公司所在時區（IANA 名稱）。</translation>
    </message>
    <message>
        <source>zone</source>
        <translation>時區</translation>
    </message>
    <message>
        <source>Unknown time zone: %1</source>
        <translation>未知的時區：%1</translation>
    </message>
    <message>
        <source>ParcelDesk</source>
        <translation>ParcelDesk</translation>
    </message>
    <message>
        <source>The ParcelDesk server's URL.</source>
        <translation>ParcelDesk 伺服器地址。</translation>
    </message>
    <message>
        <source>Sign in as this user.</source>
        <translation>以此使用者登入。</translation>
    </message>
    <message>
        <source>Read the password from this file (first line).</source>
        <translation>從此檔案讀取密碼（第一行）。</translation>
    </message>
    <message>
        <source>Do not connect to a server.</source>
        <translation>不連線伺服器。</translation>
    </message>
</context>
<context>
    <name>pd::ApiClient</name>
    <message>
        <source>The server sent a response that is not JSON (HTTP %1).</source>
        <translation>伺服器返回的不是 JSON 格式的響應（HTTP %1）。</translation>
    </message>
    <message>
        <source>The server's certificate is not trusted: %1</source>
        <translation>伺服器證書不受信任：%1</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>伺服器未能及時響應。</translation>
    </message>
    <message>
        <source>Cannot reach the server: %1</source>
        <translation>無法連線伺服器：%1</translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>登入已過期，請重新登入。</translation>
    </message>
</context>
<context>
    <name>pd::BusinessCalendar</name>
    <message>
        <source>must be a list of {"start": "HH:mm", "end": "HH:mm"} with start before end</source>
        <translation>必須是 {"start": "HH:mm", "end": "HH:mm"} 的列表，且開始時間早於結束時間</translation>
    </message>
    <message>
        <source>is not a known IANA time zone, e.g. Asia/Shanghai</source>
        <translation>不是已知的 IANA 時區，例如 Asia/Shanghai</translation>
    </message>
    <message>
        <source>must be a list of dates such as 2026-10-01</source>
        <translation>必須是日期列表，例如 2026-10-01</translation>
    </message>
    <message>
        <source>each entry needs a date such as 2026-09-27</source>
        <translation>每一項都需要日期，例如 2026-09-27</translation>
    </message>
    <message>
        <source>must give business hours on at least one day</source>
        <translation>至少要有一天設定營業時間</translation>
    </message>
</context>
<context>
    <name>pd::CredentialStore</name>
    <message>
        <source>No keychain is available on this computer (%1). You can sign in, but ParcelDesk cannot remember you: you will be asked for your password at every start.</source>
        <translation>此電腦上沒有可用的鑰匙串（%1）。您仍可登入，但 ParcelDesk 無法記住您的登入狀態：每次啟動都需要重新輸入密碼。</translation>
    </message>
</context>
<context>
    <name>pd::Database</name>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>無法建立資料夾 %1。</translation>
    </message>
    <message>
        <source>Cannot open the local cache %1: %2</source>
        <translation>無法開啟本地快取 %1：%2</translation>
    </message>
    <message>
        <source>The SQLite driver gave no connection handle.</source>
        <translation>SQLite 驅動沒有返回連線控制代碼。</translation>
    </message>
    <message>
        <source>%1 is not a ParcelDesk cache (%2).</source>
        <translation>%1 不是 ParcelDesk 的快取檔案（%2）。</translation>
    </message>
    <message>
        <source>This cache was written by a newer ParcelDesk (schema %1; this version knows up to %2). Update ParcelDesk, or start it with another data folder.</source>
        <translation>此快取由更新版本的 ParcelDesk 寫入（結構版本 %1；當前版本最高支援 %2）。請升級 ParcelDesk，或指定其他資料目錄啟動。</translation>
    </message>
    <message>
        <source>Cannot prepare the local cache: %1</source>
        <translation>無法初始化本地快取：%1</translation>
    </message>
    <message>
        <source>The local cache could not switch to write-ahead logging; is the folder on a network drive?</source>
        <translation>本地快取無法啟用預寫日誌（WAL）；該資料夾是否位於網路磁碟機上？</translation>
    </message>
    <message>
        <source>The local cache could not enable foreign keys.</source>
        <translation>本地快取無法啟用外來鍵約束。</translation>
    </message>
    <message>
        <source>Cannot update the local cache: %1</source>
        <translation>無法升級本地快取：%1</translation>
    </message>
    <message>
        <source>Cannot update the search index: %1</source>
        <translation>無法更新搜尋索引：%1</translation>
    </message>
</context>
<context>
    <name>pd::Domain</name>
    <message>
        <source>Agent</source>
        <translation>客服坐席</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>班組長</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>經理</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理員</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>Online chat</source>
        <translation>線上客服</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <source>Social media</source>
        <translation>社交媒體</translation>
    </message>
    <message>
        <source>Other channel</source>
        <translation>其他渠道</translation>
    </message>
    <message>
        <source>Delivery delay</source>
        <translation>配送延遲</translation>
    </message>
    <message>
        <source>Damaged parcel</source>
        <translation>包裹損壞</translation>
    </message>
    <message>
        <source>Lost parcel</source>
        <translation>包裹丟失</translation>
    </message>
    <message>
        <source>Wrong or missing item</source>
        <translation>錯發漏發</translation>
    </message>
    <message>
        <source>Service attitude</source>
        <translation>服務態度</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>P1 urgent</source>
        <translation>P1 緊急</translation>
    </message>
    <message>
        <source>P2 high</source>
        <translation>P2 高</translation>
    </message>
    <message>
        <source>P3 normal</source>
        <translation>P3 普通</translation>
    </message>
    <message>
        <source>P4 low</source>
        <translation>P4 低</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>處理中</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>掛起</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解決</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>已重開</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已關閉</translation>
    </message>
    <message>
        <source>Reissue</source>
        <translation>補發</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Compensation</source>
        <translation>賠償</translation>
    </message>
    <message>
        <source>Redelivery</source>
        <translation>重新派送</translation>
    </message>
    <message>
        <source>Courier contacted</source>
        <translation>已聯絡快遞員</translation>
    </message>
    <message>
        <source>Explained to customer</source>
        <translation>已向客戶解釋說明</translation>
    </message>
    <message>
        <source>Other resolution</source>
        <translation>其他處理方式</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>回覆</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>內部備註</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>通話</translation>
    </message>
    <message>
        <source>Status change</source>
        <translation>狀態變更</translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation>分派</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>升級</translation>
    </message>
    <message>
        <source>SLA breach</source>
        <translation>SLA 超時</translation>
    </message>
    <message>
        <source>Satisfaction recorded</source>
        <translation>已記錄滿意度</translation>
    </message>
    <message>
        <source>Inbound call</source>
        <translation>呼入電話</translation>
    </message>
    <message>
        <source>Outbound call</source>
        <translation>外呼電話</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>已下單</translation>
    </message>
    <message>
        <source>Picked up</source>
        <translation>已攬收</translation>
    </message>
    <message>
        <source>In transit</source>
        <translation>運輸中</translation>
    </message>
    <message>
        <source>At station</source>
        <translation>到達網點</translation>
    </message>
    <message>
        <source>Out for delivery</source>
        <translation>派送中</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已簽收</translation>
    </message>
    <message>
        <source>Exception</source>
        <translation>異常</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
</context>
<context>
    <name>pd::JsonReader</name>
    <message>
        <source>is required</source>
        <translation>為必填項</translation>
    </message>
    <message>
        <source>must be text</source>
        <translation>必須是文字</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>不能為空</translation>
    </message>
    <message numerus="yes">
        <source>is longer than %n character(s)</source>
        <translation><numerusform>超過 %n 個字元</numerusform></translation>
    </message>
    <message>
        <source>must be an ISO 8601 time with a time zone offset, e.g. 2026-11-23T08:15:00Z</source>
        <translation>必須是帶時區偏移的 ISO 8601 時間，例如 2026-11-23T08:15:00Z</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>必須是整數</translation>
    </message>
    <message>
        <source>must be a whole number from %1 to %2</source>
        <translation>必須是 %1 到 %2 之間的整數</translation>
    </message>
    <message>
        <source>must be an amount in yuan, zero or more</source>
        <translation>必須是以元為單位、不小於零的金額</translation>
    </message>
    <message>
        <source>must be {"lat": -90…90, "lon": -180…180}</source>
        <translation>必須是 {"lat": -90…90, "lon": -180…180}</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>必須是 true 或 false</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>必須是物件</translation>
    </message>
    <message>
        <source>must be one of: %1</source>
        <translation>必須是以下之一：%1</translation>
    </message>
</context>
<context>
    <name>pd::LocalEdits</name>
    <message>
        <source>This ticket is not in the local cache.</source>
        <translation>本地快取中沒有這張工單。</translation>
    </message>
    <message>
        <source>“%1” entries are made by the server, not typed in.</source>
        <translation>“%1”記錄由伺服器生成，不能手動新增。</translation>
    </message>
    <message>
        <source>The ticket is closed: only internal notes can be added.</source>
        <translation>工單已關閉：只能新增內部備註。</translation>
    </message>
    <message>
        <source>Say whether the call was inbound or outbound.</source>
        <translation>請註明是呼入還是外呼。</translation>
    </message>
    <message>
        <source>The call duration must be between 0 seconds and 24 hours.</source>
        <translation>通話時長必須在 0 秒到 24 小時之間。</translation>
    </message>
    <message>
        <source>Nothing to change.</source>
        <translation>沒有需要更改的內容。</translation>
    </message>
    <message>
        <source>The field “%1” cannot be changed here.</source>
        <translation>此處不能修改欄位“%1”。</translation>
    </message>
    <message>
        <source>This ticket has a conflicting change to settle first: keep yours or take the server's.</source>
        <translation>這張工單有待處理的修改衝突：請先選擇保留您的修改或採用伺服器版本。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Choose how the complaint was resolved before resolving it.</source>
        <translation>請先選擇處理方式，再將投訴標記為已解決。</translation>
    </message>
    <message>
        <source>Enter the compensation amount.</source>
        <translation>請輸入賠償金額。</translation>
    </message>
    <message>
        <source>The server refused this change because the ticket changed meanwhile.</source>
        <translation>工單已被他人修改，伺服器拒絕了此次更改。</translation>
    </message>
    <message>
        <source>There is no conflict to settle for this ticket.</source>
        <translation>這張工單沒有需要處理的衝突。</translation>
    </message>
    <message>
        <source>Your change no longer fits the ticket as it is now; take the server's copy instead.</source>
        <translation>您的修改已不適用於工單的當前狀態，請採用伺服器版本。</translation>
    </message>
</context>
<context>
    <name>pd::MainWindow</name>
    <message>
        <source>ParcelDesk</source>
        <translation>ParcelDesk</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查詢(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>重新整理(&amp;R)</translation>
    </message>
    <message>
        <source>Cache: %1</source>
        <translation>快取：%1</translation>
    </message>
    <message>
        <source>%1 of %2 ticket(s) shown</source>
        <translation>顯示 %1 / %2 張工單</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>立即同步(&amp;S)</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>退出登入(&amp;O)</translation>
    </message>
</context>
<context>
    <name>pd::SignInDialog</name>
    <message>
        <source>&amp;Remember me on this computer</source>
        <translation>在此電腦上記住我(&amp;R)</translation>
    </message>
    <message>
        <source>Sign in to ParcelDesk</source>
        <translation>登入 ParcelDesk</translation>
    </message>
    <message>
        <source>https://parceldesk.example.com</source>
        <translation>https://parceldesk.example.com</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>登入(&amp;S)</translation>
    </message>
    <message>
        <source>Se&amp;rver:</source>
        <translation>伺服器(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>使用者名稱(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密碼(&amp;P)：</translation>
    </message>
    <message>
        <source>Remember me (no keychain on this computer)</source>
        <translation>記住我（此電腦上沒有鑰匙串）</translation>
    </message>
</context>
<context>
    <name>pd::Sla</name>
    <message>
        <source>First response</source>
        <translation>首次響應</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>解決</translation>
    </message>
    <message>
        <source>On track</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>即將超時</translation>
    </message>
    <message>
        <source>Breached</source>
        <translation>已超時</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>已達成</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暫停</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>計時中</translation>
    </message>
    <message>
        <source>Outside business hours</source>
        <translation>非工作時間</translation>
    </message>
    <message>
        <source>Set to pending</source>
        <translation>轉為掛起</translation>
    </message>
    <message>
        <source>Back from pending</source>
        <translation>結束掛起</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解決</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>已重開</translation>
    </message>
</context>
<context>
    <name>pd::SlaPolicy</name>
    <message>
        <source>must be a unique, non-empty name</source>
        <translation>必須是唯一且非空的名稱</translation>
    </message>
    <message>
        <source>must be one of: %1</source>
        <translation>必須是以下之一：%1</translation>
    </message>
    <message>
        <source>must be a number of minutes between 0 and 527040</source>
        <translation>必須是 0 到 527040 之間的分鐘數</translation>
    </message>
    <message>
        <source>the target must be positive and the warning window no longer than it</source>
        <translation>目標時長必須大於零，且預警視窗不能長於目標時長</translation>
    </message>
    <message>
        <source>names no calendar of this policy</source>
        <translation>不是本策略中的日曆名稱</translation>
    </message>
</context>
<context>
    <name>pd::SyncEngine</name>
    <message>
        <source>The server cannot be reached; your work is kept and sent later.</source>
        <translation>無法連線伺服器；您的操作已儲存，稍後會自動傳送。</translation>
    </message>
    <message>
        <source>Sign-in failed (HTTP %1).</source>
        <translation>登入失敗（HTTP %1）。</translation>
    </message>
    <message>
        <source>Please sign in again.</source>
        <translation>請重新登入。</translation>
    </message>
    <message>
        <source>The change feed answered HTTP %1.</source>
        <translation>變更資料介面返回 HTTP %1。</translation>
    </message>
    <message>
        <source>The local cache could not take the changes: %1</source>
        <translation>本地快取無法寫入這些變更：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) received.</source>
        <translation><numerusform>已接收 %n 條變更。</numerusform></translation>
    </message>
</context>
<context>
    <name>pd::SyncStatusWidget</name>
    <message>
        <source>Server time in the company's time zone</source>
        <translation>公司時區的伺服器時間</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● 線上</translation>
    </message>
    <message>
        <source>○ Offline — working from the local cache</source>
        <translation>○ 離線 — 正在使用本地快取</translation>
    </message>
    <message>
        <source>⟳ Syncing…</source>
        <translation>⟳ 正在同步…</translation>
    </message>
    <message>
        <source>⚠ Sign-in needed</source>
        <translation>⚠ 需要登入</translation>
    </message>
    <message>
        <source>Last sync %1</source>
        <translation>上次同步 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n pending</source>
        <translation><numerusform>%n 項待發送</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation><numerusform>%n 個衝突</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation><numerusform>%n 項被拒絕</numerusform></translation>
    </message>
</context>
<context>
    <name>pd::TicketListPage</name>
    <message>
        <source>Search waybill, phone or its last 4 digits, name, ticket number, words…</source>
        <translation>搜尋運單號、手機號或尾號後四位、姓名、工單號、關鍵詞…</translation>
    </message>
    <message>
        <source>Search tickets</source>
        <translation>搜尋工單</translation>
    </message>
    <message>
        <source>The local cache holds no tickets yet. They arrive with the first sync from the server.</source>
        <translation>本地快取中還沒有工單。首次與伺服器同步後即會顯示。</translation>
    </message>
    <message>
        <source>No ticket matches “%1”.</source>
        <translation>沒有與“%1”匹配的工單。</translation>
    </message>
</context>
<context>
    <name>pd::TicketRules</name>
    <message>
        <source>The ticket is already “%1”.</source>
        <translation>工單已經是“%1”狀態。</translation>
    </message>
    <message>
        <source>A closed ticket cannot change any more (closed → %1). Open a new ticket instead.</source>
        <translation>已關閉的工單不能再更改（已關閉 → %1）。請新建一張工單。</translation>
    </message>
    <message>
        <source>Only a resolved ticket can be reopened.</source>
        <translation>只有已解決的工單才能重開。</translation>
    </message>
    <message>
        <source>Only a resolved ticket can be closed.</source>
        <translation>只有已解決的工單才能關閉。</translation>
    </message>
    <message>
        <source>A ticket cannot go from “%1” to “%2”.</source>
        <translation>工單不能從“%1”變為“%2”。</translation>
    </message>
</context>
<context>
    <name>pd::TicketTableModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未分派</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>工單號</translation>
    </message>
    <message>
        <source>Waybill</source>
        <translation>運單號</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>類別</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>優先順序</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>處理人</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>建立時間</translation>
    </message>
</context>
<context>
    <name>pd::Validation</name>
    <message>
        <source>SF Express</source>
        <translation>順豐速運</translation>
    </message>
    <message>
        <source>JD Logistics</source>
        <translation>京東物流</translation>
    </message>
    <message>
        <source>YTO Express</source>
        <translation>圓通速遞</translation>
    </message>
    <message>
        <source>ZTO, STO, Yunda or Best</source>
        <translation>中通、申通、韻達或百世</translation>
    </message>
    <message>
        <source>China Post / EMS (UPU S10)</source>
        <translation>中國郵政 / EMS（UPU S10）</translation>
    </message>
    <message>
        <source>Unknown carrier</source>
        <translation>未知快遞公司</translation>
    </message>
    <message>
        <source>Enter a waybill number.</source>
        <translation>請輸入運單號。</translation>
    </message>
    <message>
        <source>A waybill number has at most 40 characters.</source>
        <translation>運單號最多 40 個字元。</translation>
    </message>
    <message>
        <source>An SF Express waybill is SF followed by 12 to 15 digits, e.g. SF1234567890123.</source>
        <translation>順豐運單號為 SF 加 12 到 15 位數字，例如 SF1234567890123。</translation>
    </message>
    <message>
        <source>A JD Logistics waybill is JD followed by 10 to 18 letters or digits, e.g. JDVA01234567890.</source>
        <translation>京東運單號為 JD 加 10 到 18 位字母或數字，例如 JDVA01234567890。</translation>
    </message>
    <message>
        <source>A YTO Express waybill is YT followed by 13 digits, e.g. YT1234567890123.</source>
        <translation>圓通運單號為 YT 加 13 位數字，例如 YT1234567890123。</translation>
    </message>
    <message>
        <source>The check digit of %1 is %2 but should be %3: please check the number for a typo.</source>
        <translation>%1 的校驗位是 %2，正確應為 %3：請檢查是否輸錯。</translation>
    </message>
    <message numerus="yes">
        <source>A numeric waybill (ZTO, STO, Yunda, Best) has 12 to 15 digits; this one has %n.</source>
        <translation><numerusform>純數字運單號（中通、申通、韻達、百世）為 12 到 15 位，當前為 %n 位。</numerusform></translation>
    </message>
    <message>
        <source>This is not a known waybill format. Expected SF…, JD…, YT…, 12 to 15 digits, or a postal number such as EE123456785CN.</source>
        <translation>無法識別的運單號格式。應為 SF…、JD…、YT…、12 到 15 位數字，或郵政單號（例如 EE123456785CN）。</translation>
    </message>
    <message>
        <source>Enter a phone number.</source>
        <translation>請輸入電話號碼。</translation>
    </message>
    <message>
        <source>A phone number may contain only digits, spaces, dashes and brackets.</source>
        <translation>電話號碼只能包含數字、空格、短橫線和括號。</translation>
    </message>
    <message>
        <source>A mainland mobile number has 11 digits and starts with 13 to 19, e.g. 13812345678.</source>
        <translation>大陸手機號為 11 位，以 13 至 19 開頭，例如 13812345678。</translation>
    </message>
    <message>
        <source>A landline is an area code and a 7 or 8 digit number, e.g. 010-12345678 or 0755-1234567.</source>
        <translation>固定電話為區號加 7 或 8 位號碼，例如 010-12345678 或 0755-1234567。</translation>
    </message>
    <message>
        <source>Not a phone number: expect a mobile (13812345678) or a landline with its area code (010-12345678).</source>
        <translation>不是有效的電話號碼：請輸入手機號（13812345678）或帶區號的固定電話（010-12345678）。</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>此項為必填。</translation>
    </message>
    <message numerus="yes">
        <source>At most %n character(s), please.</source>
        <translation><numerusform>最多 %n 個字元。</numerusform></translation>
    </message>
</context>
<context>
    <name>pd::server::CsvImport</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>無法讀取 %1：%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>unknown column</source>
        <translation>未知的列</translation>
    </message>
    <message>
        <source>%1 fields, the header has %2</source>
        <translation>有 %1 個欄位，表頭有 %2 個</translation>
    </message>
    <message>
        <source>not a number</source>
        <translation>不是數字</translation>
    </message>
    <message>
        <source>is required (ISO 8601 with an offset)</source>
        <translation>為必填項（帶時區偏移的 ISO 8601 時間）</translation>
    </message>
    <message>
        <source>missing, malformed or already used</source>
        <translation>缺失、格式錯誤或已被使用</translation>
    </message>
    <message>
        <source>unknown team</source>
        <translation>未知的班組</translation>
    </message>
    <message>
        <source>a resolved or closed ticket needs resolution and resolved_at</source>
        <translation>已解決或已關閉的工單需要填寫處理方式和解決時間</translation>
    </message>
    <message>
        <source>times must not be before created_at</source>
        <translation>時間不能早於建立時間</translation>
    </message>
    <message>
        <source>appears twice in the file</source>
        <translation>在檔案中出現了兩次</translation>
    </message>
</context>
<context>
    <name>pd::server::DemoSeeder</name>
    <message>
        <source>Demo users (password: demo): agent1, agent2 (team A), agent3 (team B), lead1 (supervisor), manager1 (manager), admin (administrator). Demo mode only.</source>
        <translation>演示使用者（密碼：demo）：agent1、agent2（A 組）、agent3（B 組）、lead1（班組長）、manager1（經理）、admin（管理員）。僅限演示模式。</translation>
    </message>
    <message>
        <source>Demo data for %1: %2 parcels with %3 tracking events, %4 complaints with %5 timeline events, %6 couriers (%7 ms).</source>
        <translation>%1 的演示資料：%2 個包裹（%3 條物流軌跡）、%4 張投訴工單（%5 條處理記錄）、%6 名快遞員（用時 %7 毫秒）。</translation>
    </message>
</context>
<context>
    <name>pd::server::ImportCommand</name>
    <message>
        <source>Import historical tickets and parcels from CSV (UTF-8). Nothing is written unless every row is valid.</source>
        <translation>從 CSV（UTF-8）匯入歷史工單和包裹。只有全部行都有效時才會寫入。</translation>
    </message>
    <message>
        <source>Database URL.</source>
        <translation>資料庫地址。</translation>
    </message>
    <message>
        <source>Tickets CSV file.</source>
        <translation>工單 CSV 檔案。</translation>
    </message>
    <message>
        <source>Parcels CSV file.</source>
        <translation>包裹 CSV 檔案。</translation>
    </message>
    <message>
        <source>Check only; write nothing.</source>
        <translation>僅檢查，不寫入。</translation>
    </message>
    <message>
        <source>Give --tickets FILE.csv and/or --parcels FILE.csv.</source>
        <translation>請指定 --tickets 檔案.csv 和/或 --parcels 檔案.csv。</translation>
    </message>
    <message>
        <source>REJECTED %1 line %2 %3: %4</source>
        <translation>已拒絕 %1 第 %2 行 %3：%4</translation>
    </message>
    <message>
        <source>Checked %1 tickets and %2 parcels: %3 rows rejected.</source>
        <translation>已檢查 %1 張工單和 %2 個包裹：%3 行被拒絕。</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>未匯入任何資料。</translation>
    </message>
    <message>
        <source>Dry run: nothing was written.</source>
        <translation>試執行：未寫入任何資料。</translation>
    </message>
    <message>
        <source>Imported %1 rows.</source>
        <translation>已匯入 %1 行。</translation>
    </message>
    <message>
        <source>Database error: %1</source>
        <translation>資料庫錯誤：%1</translation>
    </message>
</context>
<context>
    <name>pd::server::UserCommands</name>
    <message>
        <source>Manage user accounts. The password is read from standard input (one line).</source>
        <translation>管理使用者賬號。密碼從標準輸入讀取（一行）。</translation>
    </message>
    <message>
        <source>add, passwd, disable or enable</source>
        <translation>add、passwd、disable 或 enable</translation>
    </message>
    <message>
        <source>the user's login</source>
        <translation>使用者登入名</translation>
    </message>
    <message>
        <source>Database URL (sqlite:PATH or postgresql://…).</source>
        <translation>資料庫地址（sqlite:路徑 或 postgresql://…）。</translation>
    </message>
    <message>
        <source>agent, supervisor, manager or admin.</source>
        <translation>agent、supervisor、manager 或 admin。</translation>
    </message>
    <message>
        <source>Team id (created if missing).</source>
        <translation>班組 ID（不存在時自動建立）。</translation>
    </message>
    <message>
        <source>Display name.</source>
        <translation>顯示名稱。</translation>
    </message>
    <message>
        <source>Usage: parceldesk-server user add|passwd|disable|enable LOGIN [--db URL] [--role R] [--team ID]</source>
        <translation>用法：parceldesk-server user add|passwd|disable|enable 登入名 [--db 地址] [--role 角色] [--team 班組ID]</translation>
    </message>
    <message>
        <source>Unknown role. Use agent, supervisor, manager or admin.</source>
        <translation>未知角色。請使用 agent、supervisor、manager 或 admin。</translation>
    </message>
    <message>
        <source>The login %1 exists already.</source>
        <translation>登入名 %1 已存在。</translation>
    </message>
    <message>
        <source>A password has at least 8 characters.</source>
        <translation>密碼至少需要 8 個字元。</translation>
    </message>
    <message>
        <source>User %1 added (%2).</source>
        <translation>已新增使用者 %1（%2）。</translation>
    </message>
    <message>
        <source>No user with login %1.</source>
        <translation>沒有登入名為 %1 的使用者。</translation>
    </message>
    <message>
        <source>Unknown action %1: use add, passwd, disable or enable.</source>
        <translation>未知操作 %1：請使用 add、passwd、disable 或 enable。</translation>
    </message>
    <message>
        <source>Done: %1 %2.</source>
        <translation>完成：%1 %2。</translation>
    </message>
    <message>
        <source>Database error: %1</source>
        <translation>資料庫錯誤：%1</translation>
    </message>
</context>
<context>
    <name>server</name>
    <message>
        <source>ParcelDesk reference backend.

Other commands:
  parceldesk-server import --db URL --tickets FILE.csv [--parcels FILE.csv] [--dry-run]
  parceldesk-server user add|passwd|disable|enable LOGIN [--db URL] [--role R] [--team ID]</source>
        <translation>ParcelDesk 參考後端服務。

其他命令：
  parceldesk-server import --db 地址 --tickets 檔案.csv [--parcels 檔案.csv] [--dry-run]
  parceldesk-server user add|passwd|disable|enable 登入名 [--db 地址] [--role 角色] [--team 班組ID]</translation>
    </message>
    <message>
        <source>Address to listen on (port 0 = any free port).</source>
        <translation>監聽地址（埠為 0 表示任選空閒埠）。</translation>
    </message>
    <message>
        <source>sqlite:PATH or postgresql://user@host:port/db.</source>
        <translation>sqlite:路徑 或 postgresql://使用者@主機:埠/資料庫。</translation>
    </message>
    <message>
        <source>Seed demo data (if empty) and run the simulator.</source>
        <translation>生成演示資料（資料庫為空時）並執行模擬器。</translation>
    </message>
    <message>
        <source>Server time runs N times faster (demo, tests).</source>
        <translation>伺服器時間以 N 倍速執行（用於演示和測試）。</translation>
    </message>
    <message>
        <source>Random seed of the demo data and simulator.</source>
        <translation>演示資料和模擬器的隨機種子。</translation>
    </message>
    <message>
        <source>PEM certificate: serve HTTPS/WSS.</source>
        <translation>PEM 證書：以 HTTPS/WSS 提供服務。</translation>
    </message>
    <message>
        <source>PEM private key.</source>
        <translation>PEM 私鑰。</translation>
    </message>
    <message>
        <source>Live feed keepalive interval.</source>
        <translation>實時推送的保活間隔。</translation>
    </message>
    <message>
        <source>Largest request body in bytes.</source>
        <translation>請求正文的最大位元組數。</translation>
    </message>
    <message>
        <source>--listen needs HOST:PORT, e.g. 127.0.0.1:8470.</source>
        <translation>--listen 需要 主機:埠，例如 127.0.0.1:8470。</translation>
    </message>
    <message>
        <source>--speed needs a number above 0.</source>
        <translation>--speed 需要大於 0 的數字。</translation>
    </message>
    <message>
        <source>--tls-cert and --tls-key go together.</source>
        <translation>--tls-cert 和 --tls-key 必須同時提供。</translation>
    </message>
    <message>
        <source>parceldesk-server could not start: %1</source>
        <translation>parceldesk-server 無法啟動：%1</translation>
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <source>Password: </source>
        <translation>密碼：</translation>
    </message>
    <message>
        <source>%1 changes received…</source>
        <translation>已接收 %1 條變更…</translation>
    </message>
    <message>
        <source>Synchronise the local cache with a server.</source>
        <translation>將本地快取與伺服器同步。</translation>
    </message>
    <message>
        <source>the command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Server URL.</source>
        <translation>伺服器地址。</translation>
    </message>
    <message>
        <source>Login.</source>
        <translation>登入名。</translation>
    </message>
    <message>
        <source>Read the password from this file (first line).</source>
        <translation>從此檔案讀取密碼（第一行）。</translation>
    </message>
    <message>
        <source>Folder of the local cache.</source>
        <translation>本地快取所在的資料夾。</translation>
    </message>
    <message>
        <source>Keep the session in the OS keychain.</source>
        <translation>將登入狀態儲存在系統鑰匙串中。</translation>
    </message>
    <message>
        <source>Usage: parceldesk sync --server URL --user NAME [--password-file F] [--data-dir DIR] [--remember]</source>
        <translation>用法：parceldesk sync --server 地址 --user 登入名 [--password-file 檔案] [--data-dir 資料夾] [--remember]</translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation>登入失敗：%1</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>同步失敗：%1</translation>
    </message>
    <message>
        <source>Synced %1 change(s) in %2 s; %3 edit(s) waiting, %4 conflict(s), %5 refused.</source>
        <translation>已同步 %1 條變更，用時 %2 秒；%3 項修改待發送，%4 個衝突，%5 項被拒絕。</translation>
    </message>
    <message>
        <source>Cannot read the password file: %1</source>
        <translation>無法讀取密碼檔案：%1</translation>
    </message>
</context>
</TS>
