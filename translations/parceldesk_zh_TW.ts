<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>TrackingCsv</name>
    <message>
        <source>line %1 and after: %2</source>
        <translation>第 %1 行及之後：%2</translation>
    </message>
    <message>
        <source>line %1: unknown column %2</source>
        <translation>第 %1 行：未知欄位 %2</translation>
    </message>
</context>
<context>
    <name>TrackingIngest</name>
    <message>
        <source>A scan cannot be in the future.</source>
        <translation>掃描時間不能晚於目前時間。</translation>
    </message>
    <message>
        <source>No parcel with waybill %1: send its parcel record first.</source>
        <translation>沒有運單號為 %1 的包裹：請先傳送其包裹記錄。</translation>
    </message>
    <message>
        <source>A scan needs its time (ISO 8601 with the UTC offset).</source>
        <translation>掃描記錄需要時間（ISO 8601 格式，含 UTC 偏移）。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>ParcelDesk operations console</source>
        <translation>ParcelDesk 客服營運臺</translation>
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
    <message>
        <source>With --password-file: fill in the sign-in dialog and wait for a click instead of signing in at once.</source>
        <translation>與 --password-file 一起使用：填好登入對話方塊後等待點選，而不是立即登入。</translation>
    </message>
    <message>
        <source>Language: en, zh_CN or zh_TW (this start only; Edit › Preferences keeps one).</source>
        <translation>介面語言：en、zh_CN 或 zh_TW（僅本次啟動有效；長期設定請用“編輯 › 偏好設定”）。</translation>
    </message>
    <message>
        <source>The ParcelDesk server's URL (default: the last one used).</source>
        <translation>ParcelDesk 伺服器的地址（預設：上次使用的伺服器）。</translation>
    </message>
</context>
<context>
    <name>pd::AccessLogModel</name>
    <message>
        <source>Reveal</source>
        <translation>檢視完整資訊</translation>
    </message>
    <message>
        <source>Export of customer data</source>
        <translation>匯出客戶資訊</translation>
    </message>
    <message>
        <source>Report written</source>
        <translation>產生報表</translation>
    </message>
    <message>
        <source>Report written with customer data</source>
        <translation>產生含客戶資訊的報表</translation>
    </message>
    <message>
        <source>Bulk lookup</source>
        <translation>批次查詢</translation>
    </message>
    <message>
        <source>Alert: many reveals</source>
        <translation>警報：檢視次數過多</translation>
    </message>
    <message>
        <source>Access log exported</source>
        <translation>匯出存取記錄</translation>
    </message>
    <message>
        <source>Retention (customer data blanked)</source>
        <translation>到期清除（客戶資訊已清空）</translation>
    </message>
    <message>
        <source>Erasure of a customer's data</source>
        <translation>刪除某客戶的資訊</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>電話號碼</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation><numerusform>%n 條記錄</numerusform></translation>
    </message>
    <message>
        <source>customer %1</source>
        <translation>客戶 %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>User</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>工單</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>欄位</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳情</translation>
    </message>
</context>
<context>
    <name>pd::AccessLogPage</name>
    <message>
        <source>&amp;User:</source>
        <translation>使用者(&amp;U)：</translation>
    </message>
    <message>
        <source>Customer &amp;phone:</source>
        <translation>客戶電話(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>類型(&amp;K)：</translation>
    </message>
    <message>
        <source>login or user id</source>
        <translation>登入名或使用者 ID</translation>
    </message>
    <message>
        <source>e.g. 138 1234 5678</source>
        <translation>例如 138 1234 5678</translation>
    </message>
    <message>
        <source>Any kind</source>
        <translation>全部類型</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>從(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>到(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>搜尋(&amp;S)</translation>
    </message>
    <message>
        <source>Load &amp;more</source>
        <translation>載入更多(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>匯出 CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>Access log entries</source>
        <translation>存取記錄條目</translation>
    </message>
    <message>
        <source>The end of the time range must be after its start.</source>
        <translation>時間範圍的結束時間必須晚於開始時間。</translation>
    </message>
    <message>
        <source>Export the access log</source>
        <translation>匯出存取記錄</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 檔案 (*.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在匯出…</translation>
    </message>
    <message>
        <source>The server sent no CSV.</source>
        <translation>伺服器沒有返回 CSV。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>無法寫入 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies) saved to %1.</source>
        <translation><numerusform>已將 %n 條記錄儲存到 %1。</numerusform></translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation>正在向伺服器查詢…</translation>
    </message>
    <message>
        <source>Search the log of who revealed or exported customer data.</source>
        <translation>搜尋誰檢視或匯出了客戶資訊的記錄。</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies) shown; older ones: Load more.</source>
        <translation><numerusform>已顯示 %n 條記錄；更早的記錄請點“載入更多”。</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies) found.</source>
        <translation><numerusform>找到 %n 條記錄。</numerusform></translation>
    </message>
    <message>
        <source>The server cannot be reached; the access log is kept on the server only.</source>
        <translation>無法連線伺服器；存取記錄只儲存在伺服器上。</translation>
    </message>
    <message>
        <source>Your session has ended: sign in again.</source>
        <translation>您的工作階段已結束，請重新登入。</translation>
    </message>
    <message>
        <source>Only managers and administrators can read the access log.</source>
        <translation>只有經理和管理員可以檢視存取記錄。</translation>
    </message>
    <message>
        <source>The server did not accept the search: %1</source>
        <translation>伺服器不接受此搜尋：%1</translation>
    </message>
    <message>
        <source>The access log could not be read (HTTP %1). %2</source>
        <translation>無法讀取存取記錄（HTTP %1）。%2</translation>
    </message>
</context>
<context>
    <name>pd::ActionBar</name>
    <message>
        <source>Take</source>
        <translation>認領</translation>
    </message>
    <message>
        <source>Assign to</source>
        <translation>分派給</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>分派</translation>
    </message>
    <message>
        <source>Escalate</source>
        <translation>升級</translation>
    </message>
    <message>
        <source>Set pending</source>
        <translation>擱置</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢復處理</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>解決…</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新開啟</translation>
    </message>
    <message>
        <source>Log call…</source>
        <translation>記錄通話…</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（無）</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n open)</source>
        <translation><numerusform>%1（%n 單未結）</numerusform></translation>
    </message>
</context>
<context>
    <name>pd::AgeBucket</name>
    <message>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小時</translation>
    </message>
    <message>
        <source>&lt; %1</source>
        <translation>%1 以內</translation>
    </message>
    <message>
        <source>&gt; %1</source>
        <translation>超過 %1</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
</context>
<context>
    <name>pd::AgentBoardModel</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation><numerusform>%n 分鐘</numerusform></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小時 %2 分鐘</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>For</source>
        <translation>持續</translation>
    </message>
    <message>
        <source>Open / capacity</source>
        <translation>未結 / 容量</translation>
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
        <source>Current ticket</source>
        <translation>當前工單</translation>
    </message>
</context>
<context>
    <name>pd::AgentStatusWidget</name>
    <message>
        <source>Online</source>
        <translation>線上</translation>
    </message>
    <message>
        <source>Busy (on a call)</source>
        <translation>忙碌（通話中）</translation>
    </message>
    <message>
        <source>On a break</source>
        <translation>休息中</translation>
    </message>
    <message>
        <source>Away (idle)</source>
        <translation>離開（空閒）</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>離線</translation>
    </message>
    <message>
        <source>The server did not accept the status %1.</source>
        <translation>伺服器未接受狀態“%1”。</translation>
    </message>
    <message>
        <source>%1 — refused</source>
        <translation>%1 — 被拒絕</translation>
    </message>
    <message>
        <source>%1 (sending…)</source>
        <translation>%1（傳送中…）</translation>
    </message>
    <message>
        <source>My status: %1. Click or press F8 to change it.</source>
        <translation>我的狀態：%1。單擊或按 F8 更改。</translation>
    </message>
    <message>
        <source>My status</source>
        <translation>我的狀態</translation>
    </message>
</context>
<context>
    <name>pd::AgentTableModel</name>
    <message>
        <source>Agent</source>
        <translation>客服</translation>
    </message>
    <message>
        <source>Handled</source>
        <translation>處理量</translation>
    </message>
    <message>
        <source>Median first response</source>
        <translation>首次回應時長中位數</translation>
    </message>
    <message>
        <source>SLA compliance</source>
        <translation>時效達標率</translation>
    </message>
    <message>
        <source>CSAT</source>
        <translation>滿意度</translation>
    </message>
    <message>
        <source>Breaches</source>
        <translation>超時數</translation>
    </message>
</context>
<context>
    <name>pd::ApiClient</name>
    <message>
        <source>The server sent a response that is not JSON (HTTP %1).</source>
        <translation>伺服器返回的不是 JSON 格式的回應（HTTP %1）。</translation>
    </message>
    <message>
        <source>The server's certificate is not trusted: %1</source>
        <translation>伺服器證書不受信任：%1</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>伺服器未能及時回應。</translation>
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
    <name>pd::AppealDialog</name>
    <message>
        <source>Answer to the regulator</source>
        <translation>答覆郵政管理部門</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答覆內容</translation>
    </message>
    <message>
        <source>The answer as sent to the regulator: findings, what was done, the result</source>
        <translation>傳送給郵政管理部門的答覆：調查情況、處理措施、處理結果</translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation>答覆內容：</translation>
    </message>
    <message>
        <source>Record answer</source>
        <translation>記錄答覆</translation>
    </message>
    <message>
        <source>Answer rejected by the regulator</source>
        <translation>答覆被郵政管理部門退回</translation>
    </message>
    <message>
        <source>Rejected at</source>
        <translation>退回時間</translation>
    </message>
    <message>
        <source>Regulator's reason</source>
        <translation>退回原因</translation>
    </message>
    <message>
        <source>Why the regulator sent the answer back</source>
        <translation>郵政管理部門退回答覆的原因</translation>
    </message>
    <message>
        <source>Rejected at:</source>
        <translation>退回時間：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Record rejection</source>
        <translation>記錄退回</translation>
    </message>
    <message>
        <source>Fault finding</source>
        <translation>責任認定</translation>
    </message>
    <message>
        <source>The company was &amp;at fault (有效申诉)</source>
        <translation>企業有責（有效申訴）(&amp;A)</translation>
    </message>
    <message>
        <source>The company was &amp;not at fault</source>
        <translation>企業無責(&amp;N)</translation>
    </message>
    <message>
        <source>Reason for the finding</source>
        <translation>認定原因</translation>
    </message>
    <message>
        <source>Why: what the investigation found</source>
        <translation>原因：調查核實的情況</translation>
    </message>
    <message>
        <source>Record finding</source>
        <translation>記錄認定結果</translation>
    </message>
</context>
<context>
    <name>pd::AppealPanel</name>
    <message>
        <source>Record a&amp;nswer…</source>
        <translation>記錄答覆(&amp;N)…</translation>
    </message>
    <message>
        <source>The company's answer, as sent to the regulator</source>
        <translation>企業傳送給郵政管理部門的答覆</translation>
    </message>
    <message>
        <source>Re&amp;jected by the regulator…</source>
        <translation>被郵政管理部門退回(&amp;J)…</translation>
    </message>
    <message>
        <source>The regulator sent the answer back: the redo clock starts</source>
        <translation>郵政管理部門退回了答覆：開始計算重新答覆時效</translation>
    </message>
    <message>
        <source>&amp;Fault finding…</source>
        <translation>責任認定(&amp;F)…</translation>
    </message>
    <message>
        <source>Was the company at fault (有效申诉)? Counted in the regulator's figures</source>
        <translation>企業是否有責（有效申訴）？計入郵政管理部門的統計資料</translation>
    </message>
    <message>
        <source>Regulator appeal %1</source>
        <translation>轉辦申訴 %1</translation>
    </message>
    <message>
        <source>Forwarded by %1 at %2</source>
        <translation>%1 於 %2 轉辦</translation>
    </message>
    <message>
        <source>Forwarded at %1</source>
        <translation>轉辦時間：%1</translation>
    </message>
    <message>
        <source>Answered at %1</source>
        <translation>答覆時間：%1</translation>
    </message>
    <message>
        <source>Not answered yet</source>
        <translation>尚未答覆</translation>
    </message>
    <message numerus="yes">
        <source>Rejected by the regulator %n time(s), last at %1</source>
        <translation><numerusform>已被郵政管理部門退回 %n 次，最近一次於 %1</numerusform></translation>
    </message>
    <message>
        <source>Fault finding: not recorded</source>
        <translation>責任認定：未記錄</translation>
    </message>
    <message>
        <source>Fault finding: the company was at fault (有效申诉): %1</source>
        <translation>責任認定：企業有責（有效申訴）：%1</translation>
    </message>
    <message>
        <source>Fault finding: the company was not at fault: %1</source>
        <translation>責任認定：企業無責：%1</translation>
    </message>
    <message>
        <source>No earlier ticket of this customer or waybill</source>
        <translation>該客戶或運單此前沒有工單</translation>
    </message>
    <message>
        <source>Earlier tickets of this customer or waybill: %1</source>
        <translation>該客戶或運單此前的工單：%1</translation>
    </message>
</context>
<context>
    <name>pd::AppealTables</name>
    <message>
        <source>1. Overview</source>
        <translation>1. 總體情況</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>總體情況</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>指標</translation>
    </message>
    <message>
        <source>Appeals received</source>
        <translation>轉辦申訴數</translation>
    </message>
    <message>
        <source>Parcels picked up</source>
        <translation>攬收包裹數</translation>
    </message>
    <message>
        <source>Appeals per million parcels</source>
        <translation>百萬件申訴率</translation>
    </message>
    <message>
        <source>At-fault appeals</source>
        <translation>有效申訴數</translation>
    </message>
    <message>
        <source>At-fault appeals per million parcels</source>
        <translation>百萬件有效申訴率</translation>
    </message>
    <message>
        <source>Share at fault</source>
        <translation>企業有責佔比</translation>
    </message>
    <message>
        <source>Answered on time</source>
        <translation>按時答覆</translation>
    </message>
    <message>
        <source>Answered late</source>
        <translation>逾期答覆</translation>
    </message>
    <message>
        <source>Unanswered past the time limit</source>
        <translation>超時未答覆</translation>
    </message>
    <message>
        <source>Awaiting an answer</source>
        <translation>待答覆</translation>
    </message>
    <message>
        <source>Answered on time (share)</source>
        <translation>按時答覆率</translation>
    </message>
    <message>
        <source>2. Appeals by problem type</source>
        <translation>2. 申訴問題分類</translation>
    </message>
    <message>
        <source>Problem types</source>
        <translation>問題分類</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序號</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>問題分類</translation>
    </message>
    <message>
        <source>Appeals</source>
        <translation>申訴數</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>佔比</translation>
    </message>
    <message>
        <source>At fault</source>
        <translation>有效申訴</translation>
    </message>
    <message>
        <source>Share of at-fault</source>
        <translation>有效申訴佔比</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <source>3. At-fault appeals per million parcels by station</source>
        <translation>3. 各網點百萬件有效申訴率</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>網點</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>網點</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>編號</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>包裹數</translation>
    </message>
    <message>
        <source>Per million</source>
        <translation>百萬件申訴率</translation>
    </message>
    <message>
        <source>At fault per million</source>
        <translation>百萬件有效申訴率</translation>
    </message>
    <message>
        <source>4. Appeals not answered within the time limit</source>
        <translation>4. 未按時答覆的申訴</translation>
    </message>
    <message>
        <source>Late answers</source>
        <translation>逾期答覆</translation>
    </message>
    <message>
        <source>Appeal</source>
        <translation>申訴編號</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>工單</translation>
    </message>
    <message>
        <source>Forwarded</source>
        <translation>轉辦時間</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>截止時間</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>答覆時間</translation>
    </message>
    <message>
        <source>Late by</source>
        <translation>逾期時長</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>未答覆</translation>
    </message>
    <message>
        <source>5. Monthly trend</source>
        <translation>5. 月度趨勢</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>趨勢</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Paid (tickets)</source>
        <translation>已賠付（工單數）</translation>
    </message>
    <message>
        <source>Paid (¥)</source>
        <translation>已賠付（¥）</translation>
    </message>
    <message>
        <source>Pending approval (tickets)</source>
        <translation>待審批（工單數）</translation>
    </message>
    <message>
        <source>Pending approval (¥)</source>
        <translation>待審批（¥）</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>暫無資料</translation>
    </message>
    <message>
        <source>%1 h</source>
        <extracomment>how late an answer came, in hours</extracomment>
        <translation>%1 小時</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <extracomment>how late an answer came: days and hours</extracomment>
        <translation>%1 天 %2 小時</translation>
    </message>
    <message>
        <source>Compensation by category</source>
        <translation>各類別賠償情況</translation>
    </message>
    <message>
        <source>Compensation categories</source>
        <translation>賠償按類別</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>類別</translation>
    </message>
    <message>
        <source>Compensation by station</source>
        <translation>各網點賠償情況</translation>
    </message>
    <message>
        <source>Compensation stations</source>
        <translation>賠償按網點</translation>
    </message>
    <message>
        <source>Compensation by resolution type</source>
        <translation>各處理方式賠償情況</translation>
    </message>
    <message>
        <source>Compensation resolutions</source>
        <translation>賠償按處理方式</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>處理方式</translation>
    </message>
    <message>
        <source>Regulator appeals of the week</source>
        <translation>本週轉辦申訴</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本週</translation>
    </message>
</context>
<context>
    <name>pd::AppealsExporter</name>
    <message>
        <source>Appeals report %1</source>
        <translation>申訴月報 %1</translation>
    </message>
    <message>
        <source>Appeals forwarded by the postal regulator (12305), %1</source>
        <translation>郵政管理部門轉辦申訴（12305），%1</translation>
    </message>
    <message>
        <source>Appeals by problem type</source>
        <translation>申訴問題分類</translation>
    </message>
    <message>
        <source>Appeals per month</source>
        <translation>每月申訴量</translation>
    </message>
</context>
<context>
    <name>pd::AppealsReportBox</name>
    <message>
        <source>Monthly appeals report</source>
        <translation>申訴月報</translation>
    </message>
    <message>
        <source>Appeals &amp;month:</source>
        <translation>申訴月份(&amp;M)：</translation>
    </message>
    <message>
        <source>Month of the appeals report</source>
        <translation>申訴月報的月份</translation>
    </message>
    <message>
        <source>Export appeals &amp;PDF</source>
        <translation>匯出申訴 PDF(&amp;P)</translation>
    </message>
    <message>
        <source>Export appeals &amp;XLSX</source>
        <translation>匯出申訴 XLSX(&amp;X)</translation>
    </message>
    <message>
        <source>Appeals forwarded by the postal regulator in the month, in the structure of the State Post Bureau's monthly bulletin; written into the folder above.</source>
        <translation>當月郵政管理部門轉辦的申訴，按國家郵政局每月申訴情況通告的結構編排；寫入上方的資料夾。</translation>
    </message>
    <message>
        <source>Writing the appeals report of %1…</source>
        <translation>正在寫入 %1 申訴月報…</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>已寫入：%1</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>匯出失敗：%1</translation>
    </message>
</context>
<context>
    <name>pd::ApprovalsModel</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation><numerusform>%n 分鐘</numerusform></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小時 %2 分鐘</translation>
    </message>
    <message>
        <source>Waybill %1 · requested %2
%3</source>
        <translation>運單 %1 · 申請於 %2
%3</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>工單</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>類別</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>建議金額</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>申請人</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>已等待</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>pd::ApprovalsPage</name>
    <message>
        <source>Compensation waiting for &amp;approval (oldest first):</source>
        <translation>待審批的賠償（最早的在前）(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation>批准(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Reject…</source>
        <translation>駁回(&amp;R)…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>重新整理</translation>
    </message>
    <message>
        <source>Load the queue again (F5)</source>
        <translation>重新載入佇列（F5）</translation>
    </message>
    <message>
        <source>The queue could not be loaded: %1</source>
        <translation>無法載入佇列：%1</translation>
    </message>
    <message>
        <source>Nothing waits for approval.</source>
        <translation>沒有待審批的申請。</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) waiting.</source>
        <translation><numerusform>%n 條申請待審批。</numerusform></translation>
    </message>
    <message>
        <source>%1 for ticket %2 (waybill %3), requested by %4.
%5</source>
        <translation>工單 %2（運單 %3）申請賠償 %1，申請人：%4。
%5</translation>
    </message>
    <message>
        <source>Not decided: %1</source>
        <translation>未完成審批：%1</translation>
    </message>
    <message>
        <source>Approved; the ticket is resolved with the approved amount.</source>
        <translation>已批准；工單已按批准金額解決。</translation>
    </message>
    <message>
        <source>Rejected; the requester sees your reason on the ticket.</source>
        <translation>已駁回；申請人可在工單上看到您填寫的原因。</translation>
    </message>
</context>
<context>
    <name>pd::AttachmentDownloader</name>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>The file could not be downloaded: %1</source>
        <translation>無法下載檔案：%1</translation>
    </message>
    <message>
        <source>The downloaded file is not the one on the server (checksum differs).</source>
        <translation>下載的檔案與伺服器上的檔案不一致（總和檢查碼不符）。</translation>
    </message>
    <message>
        <source>The file could not be kept on this PC: %1</source>
        <translation>無法將檔案儲存到本機：%1</translation>
    </message>
</context>
<context>
    <name>pd::AttachmentFiles</name>
    <message>
        <source>No key to encrypt the file with.</source>
        <translation>沒有可用於加密該檔案的金鑰。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>無法寫入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>無法讀取 %1：%2</translation>
    </message>
    <message>
        <source>The local copy of this file cannot be read.</source>
        <translation>無法讀取此檔案的本機副本。</translation>
    </message>
    <message>
        <source>The local copy of this file is damaged.</source>
        <translation>此檔案的本機副本已損壞。</translation>
    </message>
</context>
<context>
    <name>pd::AttachmentListModel</name>
    <message>
        <source>Waiting to be sent</source>
        <translation>等待傳送</translation>
    </message>
    <message>
        <source>Sending: %1 of %2</source>
        <translation>正在傳送：%1 / %2</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>未傳送：%1</translation>
    </message>
    <message>
        <source>On the server (not downloaded yet)</source>
        <translation>已在伺服器上（尚未下載）</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>已在伺服器上</translation>
    </message>
    <message>
        <source>Evidence: %1</source>
        <translation>證據：%1</translation>
    </message>
</context>
<context>
    <name>pd::AttachmentRepository</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>無法讀取 %1：%2</translation>
    </message>
    <message>
        <source>This file is not on this PC yet.</source>
        <translation>此檔案尚未下載到本機。</translation>
    </message>
    <message>
        <source>The local copy of this file cannot be read.</source>
        <translation>無法讀取此檔案的本機副本。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>無法寫入 %1：%2</translation>
    </message>
    <message>
        <source>%1 is larger than %2 MB and cannot be attached.</source>
        <translation>%1 超過 %2 MB，無法作為附件新增。</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>無法讀取 %1。</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 是空檔案。</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>無法讀取 %1：%2</translation>
    </message>
    <message>
        <source>%1 could not be kept on this PC: %2</source>
        <translation>無法將 %1 儲存到本機：%2</translation>
    </message>
    <message>
        <source>The evidence tag could not be changed: %1</source>
        <translation>無法更改證據標籤：%1</translation>
    </message>
    <message>
        <source>This file is no longer on the ticket.</source>
        <translation>此附件已不在該工單上。</translation>
    </message>
    <message>
        <source>The file is on the server already: its evidence tag is changed there.</source>
        <translation>該檔案已上傳到伺服器：其證據標籤需在伺服器上更改。</translation>
    </message>
</context>
<context>
    <name>pd::AttachmentUploader</name>
    <message>
        <source>The copy of %1 kept on this PC cannot be read; please add the file again.</source>
        <translation>無法讀取本機儲存的 %1 副本，請重新新增該檔案。</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>The server refused the file: %1</source>
        <translation>伺服器拒絕了該檔案：%1</translation>
    </message>
</context>
<context>
    <name>pd::AttachmentsPanel</name>
    <message>
        <source>Files: none yet</source>
        <translation>附件：暫無</translation>
    </message>
    <message>
        <source>Files (%1)</source>
        <translation>附件（%1）</translation>
    </message>
    <message>
        <source>Files of the ticket</source>
        <translation>工單附件</translation>
    </message>
    <message>
        <source>Add f&amp;iles…</source>
        <translation>新增附件(&amp;I)…</translation>
    </message>
    <message>
        <source>Add photos, PDFs or videos (at most 20 MB each); you can also drop files on the pane or paste a picture into the reply</source>
        <translation>新增照片、PDF 或影片（每個不超過 20 MB）；也可以將檔案拖放到此窗格，或將圖片貼上到回覆中</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>證據</translation>
    </message>
    <message>
        <source>What the chosen file shows, for the evidence checklist</source>
        <translation>所選檔案顯示的內容，用於核對證據清單</translation>
    </message>
    <message>
        <source>No evidence tag</source>
        <translation>無證據標籤</translation>
    </message>
    <message>
        <source>✔ %1</source>
        <translation>✔ %1</translation>
    </message>
    <message>
        <source>✖ %1 (missing)</source>
        <translation>✖ %1（缺失）</translation>
    </message>
    <message>
        <source>Evidence asked for: %1</source>
        <translation>所需證據：%1</translation>
    </message>
    <message>
        <source>%1 was not sent: %2</source>
        <translation>%1 未傳送：%2</translation>
    </message>
</context>
<context>
    <name>pd::BreachListModel</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation><numerusform>%n 分鐘</numerusform></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小時 %2 分鐘</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小時</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未分派</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>工單</translation>
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
        <source>Clock</source>
        <translation>時效類型</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>超時時長</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>處理人</translation>
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
    <name>pd::CacheCrypto</name>
    <message>
        <source>No key for the local cache.</source>
        <translation>本地快取沒有金鑰。</translation>
    </message>
    <message>
        <source>The customer data kept on this computer was protected by a key that is no longer in the keychain; it was removed and is being downloaded again.</source>
        <translation>本機儲存的客戶資料所用的金鑰已不在鑰匙串中；這些資料已刪除，正在重新下載。</translation>
    </message>
    <message>
        <source>The customer data in the local cache could not be protected: %1</source>
        <translation>無法保護本地快取中的客戶資料：%1</translation>
    </message>
    <message>
        <source>The customer data kept on this computer is now encrypted.</source>
        <translation>本機儲存的客戶資料現已加密。</translation>
    </message>
</context>
<context>
    <name>pd::CacheKeychain</name>
    <message>
        <source>No keychain is available on this computer (%1). ParcelDesk does not keep customers' names, phone numbers and addresses here: they are encrypted with a key that exists only while ParcelDesk runs, so nothing readable stays on this computer, and they are downloaded again at the next start. Changes not sent before ParcelDesk closes cannot be kept either.</source>
        <translation>本機沒有可用的鑰匙串（%1）。ParcelDesk 不在本機儲存客戶的姓名、電話號碼和地址：它們使用僅在 ParcelDesk 執行期間存在的金鑰加密，因此本機不會留下可讀的資料，下次啟動時會重新下載。ParcelDesk 關閉前未傳送的更改也無法保留。</translation>
    </message>
    <message>
        <source>Encryption of customer data is turned off (PARCELDESK_CACHE_ENCRYPTION=off): names, phone numbers and addresses are written to this computer in clear. This switch is for tests and diagnosis only.</source>
        <translation>客戶資料加密已關閉（PARCELDESK_CACHE_ENCRYPTION=off）：姓名、電話號碼和地址以明文寫入本機。此開關僅用於測試和診斷。</translation>
    </message>
</context>
<context>
    <name>pd::CalculatorBox</name>
    <message>
        <source>Calculator</source>
        <translation>賠償計算</translation>
    </message>
    <message>
        <source>Actual value of the goods (yuan)</source>
        <translation>物品實際價值（元）</translation>
    </message>
    <message>
        <source>Damaged share</source>
        <translation>損壞比例</translation>
    </message>
    <message>
        <source>Declared value, or what the customer proves</source>
        <translation>申報價值，或客戶能證明的價值</translation>
    </message>
    <message>
        <source>Actual value (¥):</source>
        <translation>實際價值（¥）：</translation>
    </message>
    <message>
        <source>Damaged share:</source>
        <translation>損壞比例：</translation>
    </message>
    <message>
        <source>&amp;Use</source>
        <translation>採用(&amp;U)</translation>
    </message>
    <message>
        <source>The parcel is not on this computer: type the amount the rules give.</source>
        <translation>本機沒有該包裹的資料：請按賠償規則手動輸入金額。</translation>
    </message>
    <message>
        <source>&amp;Use %1</source>
        <translation>採用 %1(&amp;U)</translation>
    </message>
</context>
<context>
    <name>pd::CallDialog</name>
    <message>
        <source>Reached the customer</source>
        <translation>已聯絡上客戶</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>無人接聽</translation>
    </message>
    <message>
        <source>Left a voicemail</source>
        <translation>已語音留言</translation>
    </message>
    <message>
        <source>Customer asked to be called back</source>
        <translation>客戶要求回電</translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation>號碼錯誤</translation>
    </message>
    <message>
        <source>Log a call</source>
        <translation>記錄通話</translation>
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
        <source>What was said (optional)</source>
        <translation>通話內容（選填）</translation>
    </message>
    <message>
        <source>Direction:</source>
        <translation>呼叫方向：</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>通話時長：</translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation>通話結果：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>備註：</translation>
    </message>
    <message>
        <source>Number:</source>
        <translation>號碼：</translation>
    </message>
    <message>
        <source>Customer chasing this ticket (催单)</source>
        <translation>客戶催促此工單（催單）</translation>
    </message>
</context>
<context>
    <name>pd::CannedReplies</name>
    <message>
        <source>Greeting</source>
        <translation>問候</translation>
    </message>
    <message>
        <source>Hello {customer_name}, this is {agent_name} from customer service. We are looking into your parcel {waybill} now.</source>
        <translation>{customer_name}您好，我是客服{agent_name}，正在為您查詢包裹 {waybill} 的情況。</translation>
    </message>
    <message>
        <source>Delay: new ETA</source>
        <translation>延誤：新的預計送達時間</translation>
    </message>
    <message>
        <source>Hello {customer_name}, sorry for the wait. Parcel {waybill} is {parcel_status}; the expected delivery is {eta}. We have asked the station to speed it up.</source>
        <translation>{customer_name}您好，抱歉讓您久等了。包裹 {waybill} 目前狀態：{parcel_status}，預計送達：{eta}。我們已聯絡網點加急處理。</translation>
    </message>
    <message>
        <source>Damage: claim started</source>
        <translation>破損：已發起理賠</translation>
    </message>
    <message>
        <source>Hello {customer_name}, we are sorry that parcel {waybill} arrived damaged. We have opened a claim under ticket {ticket_number} and will call you back within 24 hours.</source>
        <translation>{customer_name}您好，很抱歉包裹 {waybill} 送達時出現破損。我們已為您登記理賠（工單號：{ticket_number}），將在 24 小時內給您回電。</translation>
    </message>
    <message>
        <source>Courier contacted</source>
        <translation>已聯絡快遞員</translation>
    </message>
    <message>
        <source>Hello {customer_name}, we have contacted the courier for parcel {waybill}; they will get in touch with you shortly.</source>
        <translation>{customer_name}您好，我們已就包裹 {waybill} 聯絡快遞員，快遞員會盡快與您聯絡。</translation>
    </message>
    <message>
        <source>(number pending)</source>
        <translation>待生成</translation>
    </message>
    <message>
        <source>delivered at %1</source>
        <translation>已於 %1 簽收</translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>暫未確定</translation>
    </message>
    <message>
        <source>being checked</source>
        <translation>核實中</translation>
    </message>
</context>
<context>
    <name>pd::CompensationQueries</name>
    <message>
        <source>Unknown station</source>
        <translation>未知網點</translation>
    </message>
</context>
<context>
    <name>pd::Composer</name>
    <message>
        <source>Insert</source>
        <translation>插入</translation>
    </message>
    <message>
        <source>Send reply</source>
        <translation>傳送回覆</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>新增備註</translation>
    </message>
    <message>
        <source>Reply to the customer…</source>
        <translation>回覆客戶…</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>回覆</translation>
    </message>
    <message>
        <source>Internal note (the customer never sees it)…</source>
        <translation>內部備註（客戶不可見）…</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>內部備註</translation>
    </message>
    <message>
        <source>Canned replies</source>
        <translation>快捷回覆</translation>
    </message>
    <message>
        <source>Sen&amp;d reply or note</source>
        <translation>傳送回覆或備註(&amp;D)</translation>
    </message>
    <message>
        <source>Send the reply (%1)</source>
        <translation>傳送回覆（%1）</translation>
    </message>
    <message>
        <source>Add the note (%1)</source>
        <translation>新增備註（%1）</translation>
    </message>
</context>
<context>
    <name>pd::ConflictBanner</name>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>優先順序</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>類別</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>管道</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>處理人</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>班組</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>處理方式</translation>
    </message>
    <message>
        <source>Compensation (¥)</source>
        <translation>賠償金額（¥）</translation>
    </message>
    <message>
        <source>CSAT</source>
        <translation>滿意度</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>淨推薦值</translation>
    </message>
    <message>
        <source>Follow-up due</source>
        <translation>回訪時間</translation>
    </message>
    <message>
        <source>Follow-up done</source>
        <translation>回訪完成時間</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投訴內容</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>Waybill</source>
        <translation>運單號</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>保留我的修改</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>採用伺服器版本</translation>
    </message>
    <message>
        <source>Someone else changed this ticket on the server while you edited it. Nothing is lost: choose which version stays.</source>
        <translation>您編輯期間，其他人在伺服器上修改了這張工單。內容不會丟失：請選擇保留哪個版本。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>欄位</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>我的修改</translation>
    </message>
    <message>
        <source>Server's</source>
        <translation>伺服器版本</translation>
    </message>
    <message>
        <source>Send your change again on top of the server's version</source>
        <translation>在伺服器版本的基礎上重新提交我的修改</translation>
    </message>
    <message>
        <source>Drop your change and use the server's copy</source>
        <translation>放棄我的修改，採用伺服器版本</translation>
    </message>
</context>
<context>
    <name>pd::ConversationView</name>
    <message>
        <source>Conversation</source>
        <translation>溝通記錄</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>無人</translation>
    </message>
    <message>
        <source>Reply to the customer</source>
        <translation>回覆客戶</translation>
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
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>Status: %1 → %2</source>
        <translation>狀態：%1 → %2</translation>
    </message>
    <message>
        <source>Released by %1</source>
        <translation>%1 釋放了工單</translation>
    </message>
    <message>
        <source>Assigned to %1</source>
        <translation>已分派給 %1</translation>
    </message>
    <message>
        <source>Escalated to %1</source>
        <translation>已升級為 %1</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>已升級</translation>
    </message>
    <message>
        <source>SLA breached: %1</source>
        <translation>時效已超時：%1</translation>
    </message>
    <message>
        <source>CSAT %1</source>
        <translation>滿意度 %1</translation>
    </message>
    <message>
        <source>NPS %1</source>
        <translation>淨推薦值 %1</translation>
    </message>
    <message>
        <source>Follow-up recorded: %1</source>
        <translation>已記錄回訪：%1</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投訴</translation>
    </message>
    <message>
        <source>Compensation of %1 requested; waits for approval</source>
        <translation>已申請賠償 %1，等待審批</translation>
    </message>
    <message>
        <source>Compensation of %1 approved</source>
        <translation>賠償 %1 已批准</translation>
    </message>
    <message>
        <source>Compensation of %1 rejected</source>
        <translation>賠償 %1 已駁回</translation>
    </message>
    <message>
        <source>Appeal answered to the regulator</source>
        <translation>已向郵政管理部門答覆申訴</translation>
    </message>
    <message>
        <source>The regulator rejected the answer: redo it</source>
        <translation>郵政管理部門退回了答覆：請重新答覆</translation>
    </message>
    <message>
        <source>Merged into %1</source>
        <translation>已合併到 %1</translation>
    </message>
    <message>
        <source>Ticket %1 merged into this one</source>
        <translation>工單 %1 已合併到本工單</translation>
    </message>
</context>
<context>
    <name>pd::CredentialStore</name>
    <message>
        <source>No keychain is available on this computer (%1). You can sign in, but ParcelDesk cannot remember you: you will be asked for your password at every start.</source>
        <translation>此電腦上沒有可用的鑰匙圈（%1）。您仍可登入，但 ParcelDesk 無法記住您的登入狀態：每次啟動都需要重新輸入密碼。</translation>
    </message>
</context>
<context>
    <name>pd::CustomerCard</name>
    <message>
        <source>Map</source>
        <translation>地圖</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>Parcel</source>
        <translation>包裹</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地點</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳情</translation>
    </message>
    <message>
        <source>Tracking timeline</source>
        <translation>物流軌跡</translation>
    </message>
    <message>
        <source>%1 · %2
Channel: %3 · Category: %4 · Priority: %5</source>
        <translation>%1 · %2
管道：%3 · 類別：%4 · 優先順序：%5</translation>
    </message>
    <message>
        <source>The parcel is not in the cache yet (data lag, or another carrier's leg). The ticket is linked when it appears.</source>
        <translation>本地快取中還沒有此包裹（資料延遲，或屬於其他快遞公司承運的路段）。包裹出現後會自動關聯到工單。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>無</translation>
    </message>
    <message>
        <source>%1 (late)</source>
        <translation>%1（已延誤）</translation>
    </message>
    <message>
        <source>Parcel %1 (%2) · %3
From: %4
To: %5
Promised: %6</source>
        <translation>包裹 %1（%2）· %3
寄件地：%4
收件地：%5
承諾送達：%6</translation>
    </message>
    <message>
        <source>Delivered: %1</source>
        <translation>簽收時間：%1</translation>
    </message>
    <message>
        <source>Declared value: %1</source>
        <translation>申報價值：%1</translation>
    </message>
    <message>
        <source>Show n&amp;umber…</source>
        <translation>顯示號碼(&amp;U)…</translation>
    </message>
    <message>
        <source>Show n&amp;ame…</source>
        <translation>顯示姓名(&amp;A)…</translation>
    </message>
    <message>
        <source>Show addre&amp;ss…</source>
        <translation>顯示地址(&amp;S)…</translation>
    </message>
    <message>
        <source>Ask the server for the full value; it records who looked and why.</source>
        <translation>向伺服器取得完整資訊；伺服器會記錄檢視人和原因。</translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation>正在向伺服器取得…</translation>
    </message>
</context>
<context>
    <name>pd::CustomerHistoryPanel</name>
    <message>
        <source>★ Key account</source>
        <translation>★ 大客戶</translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s) in 30 days</source>
        <translation><numerusform>30 天內投訴 %n 次</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n in 90 days</source>
        <translation><numerusform>90 天內 %n 次</numerusform></translation>
    </message>
    <message>
        <source>last satisfaction %1/5</source>
        <translation>最近一次滿意度 %1/5</translation>
    </message>
    <message>
        <source>no satisfaction score yet</source>
        <translation>暫無滿意度評分</translation>
    </message>
    <message>
        <source>no other ticket</source>
        <translation>無其他工單</translation>
    </message>
    <message>
        <source>the newest %1 of %2 other tickets</source>
        <translation>其他工單共 %2 張，顯示最新 %1 張</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>waybill</source>
        <translation>運單</translation>
    </message>
    <message>
        <source>Satisfaction %1/5</source>
        <translation>滿意度 %1/5</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>工單</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>建立時間</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>類別</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Same</source>
        <translation>相同項</translation>
    </message>
    <message>
        <source>The customer's other tickets</source>
        <translation>該客戶的其他工單</translation>
    </message>
    <message>
        <source>Select the ticket to merge this one into.</source>
        <translation>請選擇要將本工單合併到的工單。</translation>
    </message>
    <message>
        <source>A closed or merged ticket cannot take a merge.</source>
        <translation>已關閉或已合併的工單不能作為合併目標。</translation>
    </message>
    <message>
        <source>Moves this ticket's conversation and files to the selected one and closes this one.</source>
        <translation>將本工單的溝通記錄和檔案移到所選工單，並關閉本工單。</translation>
    </message>
    <message>
        <source>Merge into se&amp;lected…</source>
        <translation>合併到所選工單(&amp;L)…</translation>
    </message>
</context>
<context>
    <name>pd::CustomerReveal</name>
    <message>
        <source>Call the customer back</source>
        <translation>回電客戶</translation>
    </message>
    <message>
        <source>Compensation</source>
        <translation>賠償</translation>
    </message>
    <message>
        <source>Contact with the courier</source>
        <translation>聯絡快遞員</translation>
    </message>
    <message>
        <source>Other (say why)</source>
        <translation>其他（請說明原因）</translation>
    </message>
    <message>
        <source>phone number</source>
        <translation>電話號碼</translation>
    </message>
    <message>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>The server cannot be reached, so the full value cannot be shown. Try again when the console is online.</source>
        <translation>無法連線伺服器，因此無法顯示完整資訊。請在客戶端連線後重試。</translation>
    </message>
    <message>
        <source>Your session has ended: sign in again to see customer data.</source>
        <translation>您的工作階段已結束，請重新登入後檢視客戶資訊。</translation>
    </message>
    <message>
        <source>The server refused to show this customer's data to you.</source>
        <translation>伺服器拒絕向您顯示此客戶的資訊。</translation>
    </message>
    <message>
        <source>The server refused to show this customer's data to you: %1</source>
        <translation>伺服器拒絕向您顯示此客戶的資訊：%1</translation>
    </message>
    <message>
        <source>The server no longer has this ticket (it may have moved to another team).</source>
        <translation>伺服器上已沒有此工單（可能已轉到其他班組）。</translation>
    </message>
    <message>
        <source>The server did not accept the request: %1</source>
        <translation>伺服器不接受此請求：%1</translation>
    </message>
    <message>
        <source>The full value could not be fetched (HTTP %1). %2</source>
        <translation>無法取得完整資訊（HTTP %1）。%2</translation>
    </message>
</context>
<context>
    <name>pd::DashboardCharts</name>
    <message>
        <source>Complaints by category</source>
        <translation>投訴類別分佈</translation>
    </message>
    <message>
        <source>Today: intake and first responses by hour</source>
        <translation>今日各時段新增工單與首次回應</translation>
    </message>
    <message>
        <source>First-response SLA compliance, last 30 days</source>
        <translation>近 30 天首次回應時效達標率</translation>
    </message>
    <message>
        <source>Backlog by age</source>
        <translation>積壓工單時長分佈</translation>
    </message>
    <message>
        <source>%1 (%2%)</source>
        <translation>%1（%2%）</translation>
    </message>
    <message>
        <source>New tickets</source>
        <translation>新增工單</translation>
    </message>
    <message>
        <source>First responses</source>
        <translation>首次回應</translation>
    </message>
    <message>
        <source>Met first-response deadlines</source>
        <translation>首次回應時效達標率</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目標</translation>
    </message>
    <message>
        <source>Open tickets</source>
        <translation>未結工單</translation>
    </message>
</context>
<context>
    <name>pd::DashboardPage</name>
    <message>
        <source>All categories</source>
        <translation>全部類別</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>重新整理</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>另存為 PNG…</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>時間段：</translation>
    </message>
    <message>
        <source>Team:</source>
        <translation>班組：</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>類別：</translation>
    </message>
    <message>
        <source>Click an agent to open their tickets in the workbench</source>
        <translation>點選客服，在工作臺中開啟其工單</translation>
    </message>
    <message>
        <source>Breaches now</source>
        <translation>目前超時工單</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>客服</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>全部班組</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>正在更新…</translation>
    </message>
    <message>
        <source>Could not read the figures: %1</source>
        <translation>無法讀取資料：%1</translation>
    </message>
    <message>
        <source>%1 · updated %2</source>
        <translation>%1 · 更新於 %2</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Save dashboard as PNG</source>
        <translation>將看板另存為 PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 影像 (*.png)</translation>
    </message>
    <message>
        <source>Save as PNG</source>
        <translation>另存為 PNG</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>無法寫入 %1。</translation>
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
        <translation>此快取由更新版本的 ParcelDesk 寫入（結構版本 %1；目前版本最高支援 %2）。請升級 ParcelDesk，或指定其他資料目錄啟動。</translation>
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
    <message>
        <source>Cannot create the local cache %1: %2</source>
        <translation>無法建立本地快取 %1：%2</translation>
    </message>
    <message>
        <source>The local cache is locked: its key has not been read from the keychain yet.</source>
        <translation>本地快取已鎖定：尚未從鑰匙串讀取其金鑰。</translation>
    </message>
    <message>
        <source>Cannot protect the local cache: %1</source>
        <translation>無法保護本地快取：%1</translation>
    </message>
</context>
<context>
    <name>pd::DecisionDialog</name>
    <message>
        <source>Approve compensation</source>
        <translation>批准賠償</translation>
    </message>
    <message>
        <source>Reject compensation</source>
        <translation>駁回賠償</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Optional; required when you change the amount</source>
        <translation>選填；修改金額時必填</translation>
    </message>
    <message>
        <source>Required: why the compensation is refused</source>
        <translation>必填：駁回賠償的原因</translation>
    </message>
    <message>
        <source>Approved amount (yuan)</source>
        <translation>批准金額（元）</translation>
    </message>
    <message>
        <source>Approved amount (¥):</source>
        <translation>批准金額（¥）：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>駁回</translation>
    </message>
    <message>
        <source>Say why you change the amount.</source>
        <translation>請說明修改金額的原因。</translation>
    </message>
</context>
<context>
    <name>pd::Domain</name>
    <message>
        <source>Agent</source>
        <translation>客服</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>主管</translation>
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
        <translation>社群媒體</translation>
    </message>
    <message>
        <source>Other channel</source>
        <translation>其他管道</translation>
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
        <translation>擱置</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解決</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>已重新開啟</translation>
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
        <translation>時效超時</translation>
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
    <message>
        <source>Compensation requested</source>
        <translation>已申請賠償</translation>
    </message>
    <message>
        <source>Compensation approved</source>
        <translation>賠償已批准</translation>
    </message>
    <message>
        <source>Compensation rejected</source>
        <translation>賠償已駁回</translation>
    </message>
    <message>
        <source>Appeal answered</source>
        <translation>申訴已答覆</translation>
    </message>
    <message>
        <source>Answer rejected by the regulator</source>
        <translation>答覆被郵政管理部門退回</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>Regulator appeal</source>
        <translation>郵政管理部門轉辦申訴</translation>
    </message>
    <message>
        <source>Outer box</source>
        <translation>外箱</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>貨物</translation>
    </message>
    <message>
        <source>Waybill label</source>
        <translation>面單</translation>
    </message>
    <message>
        <source>Proof of value</source>
        <translation>價值證明</translation>
    </message>
    <message>
        <source>Other evidence</source>
        <translation>其他證據</translation>
    </message>
    <message>
        <source>Tickets merged</source>
        <translation>工單合併</translation>
    </message>
</context>
<context>
    <name>pd::EffectPanel</name>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message numerus="yes">
        <source>CSAT %1 (%n answer(s))</source>
        <translation><numerusform>滿意度 %1（%n 條評價）</numerusform></translation>
    </message>
    <message>
        <source>no CSAT answer</source>
        <translation>暫無滿意度評價</translation>
    </message>
    <message numerus="yes">
        <source>%1 complained (%2 of %n parcel(s)) · %3</source>
        <translation><numerusform>%1 投訴（%n 件中 %2 件）· %3</numerusform></translation>
    </message>
    <message>
        <source>Offline: these are the figures last loaded.</source>
        <translation>離線：以下是上次載入的資料。</translation>
    </message>
    <message>
        <source>Offline: the effect of notices needs the server.</source>
        <translation>離線：通知效果需要連線伺服器。</translation>
    </message>
    <message>
        <source>The effect of notices could not be loaded: %1</source>
        <translation>無法載入通知效果：%1</translation>
    </message>
    <message>
        <source>No exception was detected in this period.</source>
        <translation>本期間未發現異常件。</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n parcel(s) with an exception</source>
        <translation><numerusform>異常件 %n 件中的 %1</numerusform></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分鐘</translation>
    </message>
    <message>
        <source>Customers told first complained %1 % less often.</source>
        <translation>先收到通知的客戶投訴率低 %1%。</translation>
    </message>
    <message>
        <source>Customers told first complained %1 % more often.</source>
        <translation>先收到通知的客戶投訴率高 %1%。</translation>
    </message>
    <message>
        <source>Proactive notices — the effect</source>
        <translation>主動通知效果</translation>
    </message>
    <message>
        <source>Told before any complaint:</source>
        <translation>投訴前已通知：</translation>
    </message>
    <message>
        <source>Not told first:</source>
        <translation>未先通知：</translation>
    </message>
    <message>
        <source>Told before the customer called:</source>
        <translation>客戶來電前已通知：</translation>
    </message>
    <message>
        <source>Median time from detection to notice:</source>
        <translation>發現到通知的中位時長：</translation>
    </message>
    <message>
        <source>Too few parcels in one of the groups to compare them yet (%1 at least in each).</source>
        <translation>其中一組包裹太少，暫不比較（每組至少 %1 件）。</translation>
    </message>
</context>
<context>
    <name>pd::EffectTables</name>
    <message>
        <source>n/a</source>
        <translation>不適用</translation>
    </message>
    <message>
        <source>Proactive notices: parcels with an exception detected in the week</source>
        <translation>主動通知：本週發現異常的包裹</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>指標</translation>
    </message>
    <message>
        <source>Notified before any complaint</source>
        <translation>投訴前已通知</translation>
    </message>
    <message>
        <source>Not notified first</source>
        <translation>未先通知</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>包裹數</translation>
    </message>
    <message>
        <source>Complained</source>
        <translation>投訴數</translation>
    </message>
    <message>
        <source>Complaint rate</source>
        <translation>投訴率</translation>
    </message>
    <message>
        <source>CSAT mean (1–5)</source>
        <translation>平均滿意度（1–5）</translation>
    </message>
    <message>
        <source>CSAT answers</source>
        <translation>滿意度評價數</translation>
    </message>
    <message>
        <source>Proactive notices: the effect</source>
        <translation>主動通知效果</translation>
    </message>
    <message>
        <source>Notice effect</source>
        <translation>通知效果</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本週</translation>
    </message>
    <message>
        <source>Parcels with an exception</source>
        <translation>異常包裹數</translation>
    </message>
    <message>
        <source>Share notified before any complaint</source>
        <translation>投訴前已通知佔比</translation>
    </message>
    <message>
        <source>Median minutes from detection to notice</source>
        <translation>發現到通知的中位分鐘數</translation>
    </message>
    <message>
        <source>Complaint rate reduction of the notified</source>
        <extracomment>how much lower the complaint rate of the customers told first is, in % of the others' rate</extracomment>
        <translation>已通知客戶投訴率降幅</translation>
    </message>
    <message>
        <source>Proactive notices</source>
        <translation>主動通知</translation>
    </message>
    <message>
        <source>No parcel had an exception detected in this week, so there are no proactive notice figures.</source>
        <translation>本週沒有發現異常包裹，因此沒有主動通知資料。</translation>
    </message>
    <message>
        <source>No proactive notice figures: the server lets only supervisors and managers read them.</source>
        <translation>沒有主動通知資料：伺服器只允許主管和經理檢視。</translation>
    </message>
    <message>
        <source>No proactive notice figures: the server could not give them for this week.</source>
        <translation>沒有主動通知資料：伺服器無法提供本週的資料。</translation>
    </message>
    <message>
        <source>No proactive notice figures: they come from the server, which could not be reached when this report was written.</source>
        <translation>沒有主動通知資料：資料來自伺服器，生成本報告時無法連線伺服器。</translation>
    </message>
</context>
<context>
    <name>pd::FilterBar</name>
    <message>
        <source>All categories</source>
        <translation>全部類別</translation>
    </message>
    <message>
        <source>Category filter</source>
        <translation>按類別篩選</translation>
    </message>
    <message>
        <source>All priorities</source>
        <translation>全部優先順序</translation>
    </message>
    <message>
        <source>Priority filter</source>
        <translation>按優先順序篩選</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>全部管道</translation>
    </message>
    <message>
        <source>Channel filter</source>
        <translation>按管道篩選</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部狀態</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>按狀態篩選</translation>
    </message>
    <message>
        <source>Search waybill, phone or its last 4 digits, name, ticket number, words… (Ctrl+F)</source>
        <translation>搜尋運單號、電話或手機尾號後 4 位、姓名、工單號、關鍵詞…（Ctrl+F）</translation>
    </message>
    <message>
        <source>Search tickets</source>
        <translation>搜尋工單</translation>
    </message>
    <message>
        <source>Assignee filter</source>
        <translation>按處理人篩選</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>Evidence incomplete</source>
        <translation>證據不全</translation>
    </message>
    <message>
        <source>Only damage and loss complaints still missing evidence their checklist asks for</source>
        <translation>僅顯示證據清單所要求的證據仍有缺失的破損和丟失投訴</translation>
    </message>
</context>
<context>
    <name>pd::FollowUpPanel</name>
    <message>
        <source>Schedule</source>
        <translation>安排回訪</translation>
    </message>
    <message>
        <source>Record follow-up</source>
        <translation>記錄回訪</translation>
    </message>
    <message>
        <source>Follow-up due</source>
        <translation>回訪時間</translation>
    </message>
    <message>
        <source>1–5</source>
        <translation>1–5</translation>
    </message>
    <message>
        <source>CSAT (1–5)</source>
        <translation>滿意度（1–5）</translation>
    </message>
    <message>
        <source>0–10</source>
        <translation>0–10</translation>
    </message>
    <message>
        <source>NPS (0–10)</source>
        <translation>淨推薦值（0–10）</translation>
    </message>
    <message>
        <source>Call back at:</source>
        <translation>回電時間：</translation>
    </message>
    <message>
        <source>CSAT (1–5):</source>
        <translation>滿意度（1–5）：</translation>
    </message>
    <message>
        <source>NPS (0–10):</source>
        <translation>淨推薦值（0–10）：</translation>
    </message>
    <message>
        <source>Follow-up done %1</source>
        <translation>已於 %1 回訪</translation>
    </message>
    <message>
        <source>Follow-up due %1</source>
        <translation>應於 %1 回訪</translation>
    </message>
    <message>
        <source>No follow-up scheduled.</source>
        <translation>尚未安排回訪。</translation>
    </message>
    <message>
        <source>CSAT %1 · NPS %2</source>
        <translation>滿意度 %1 · 淨推薦值 %2</translation>
    </message>
    <message>
        <source>Enter the CSAT score (1–5), the NPS score (0–10) or both.</source>
        <translation>請輸入滿意度評分（1–5）、淨推薦值評分（0–10），或兩者都填。</translation>
    </message>
    <message>
        <source>CSAT</source>
        <translation>滿意度</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>淨推薦值</translation>
    </message>
</context>
<context>
    <name>pd::HeadlessSession</name>
    <message>
        <source>The session could not be kept in the keychain: %1</source>
        <translation>無法在鑰匙圈中儲存工作階段：%1</translation>
    </message>
</context>
<context>
    <name>pd::ImageViewer</name>
    <message>
        <source>← Previous</source>
        <translation>← 上一張</translation>
    </message>
    <message>
        <source>Previous photo (Left arrow)</source>
        <translation>上一張照片（左方向鍵）</translation>
    </message>
    <message>
        <source>Next →</source>
        <translation>下一張 →</translation>
    </message>
    <message>
        <source>Next photo (Right arrow)</source>
        <translation>下一張照片（右方向鍵）</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>縮小</translation>
    </message>
    <message>
        <source>Zoom out (−, or Ctrl and the mouse wheel)</source>
        <translation>縮小（−，或按住 Ctrl 滾動滑鼠滾輪）</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom in (+, or Ctrl and the mouse wheel)</source>
        <translation>放大（+，或按住 Ctrl 滾動滑鼠滾輪）</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>適應視窗</translation>
    </message>
    <message>
        <source>Fit the photo to the window (0 or F)</source>
        <translation>使照片適應視窗大小（0 或 F）</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>旋轉</translation>
    </message>
    <message>
        <source>Rotate a quarter turn clockwise (R; Shift+R turns back)</source>
        <translation>順時針旋轉 90°（R；Shift+R 反向旋轉）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>關閉（Esc）</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>No photos.</source>
        <translation>沒有照片。</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>正在下載…</translation>
    </message>
    <message>
        <source>This photo cannot be shown here: %1</source>
        <translation>此處無法顯示該照片：%1</translation>
    </message>
    <message>
        <source>%1 of %2 · %3</source>
        <translation>第 %1 張，共 %2 張 · %3</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>pd::IncidentBanner</name>
    <message>
        <source>Known incident — %1</source>
        <translation>已知事件 — %1</translation>
    </message>
    <message>
        <source>Known incident %1: its details arrive with the next sync.</source>
        <translation>已知事件 %1：詳情將在下次同步時到達。</translation>
    </message>
    <message>
        <source>Show &amp;incident</source>
        <translation>檢視事件(&amp;I)</translation>
    </message>
    <message>
        <source>Open the incident in the Proactive page: its parcels and the notices sent.</source>
        <translation>在“主動服務”頁開啟該事件：受影響的快件和已傳送的通知。</translation>
    </message>
</context>
<context>
    <name>pd::IncidentText</name>
    <message>
        <source>Delay at the %1 hub</source>
        <translation>%1轉運延誤</translation>
    </message>
    <message>
        <source>Delivery backlog at %1</source>
        <translation>%1派送積壓</translation>
    </message>
    <message>
        <source>Damaged parcels at %1</source>
        <translation>%1快件破損</translation>
    </message>
    <message>
        <source>Missing parcels at %1</source>
        <translation>%1快件丟失</translation>
    </message>
    <message>
        <source>Delivery problems at %1</source>
        <translation>%1派送異常</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n parcel(s) since %2</source>
        <translation><numerusform>%1：自 %2 起 %n 件快件</numerusform></translation>
    </message>
    <message>
        <source>; expected recovery %1</source>
        <translation>；預計 %1 恢復</translation>
    </message>
    <message>
        <source>Resolved.</source>
        <translation>已解除。</translation>
    </message>
    <message>
        <source>No scan for too long</source>
        <translation>長時間無掃描</translation>
    </message>
    <message>
        <source>Will miss its promised time</source>
        <translation>將超出承諾時效</translation>
    </message>
    <message>
        <source>Scanned as damaged</source>
        <translation>掃描為破損</translation>
    </message>
    <message>
        <source>Scanned as lost</source>
        <translation>掃描為丟失</translation>
    </message>
    <message>
        <source>Exception scan</source>
        <translation>異常掃描</translation>
    </message>
    <message>
        <source>Returned to sender</source>
        <translation>退回寄件人</translation>
    </message>
    <message>
        <source>Delivery attempt failed</source>
        <translation>派送未成功</translation>
    </message>
    <message>
        <source>Trace the parcel</source>
        <translation>追查快件</translation>
    </message>
    <message>
        <source>Tell the customer of the delay</source>
        <translation>告知客戶延誤</translation>
    </message>
    <message>
        <source>Offer compensation</source>
        <translation>提出賠償</translation>
    </message>
    <message>
        <source>Open a loss claim</source>
        <translation>發起丟失理賠</translation>
    </message>
    <message>
        <source>Contact the station</source>
        <translation>聯絡網點</translation>
    </message>
    <message>
        <source>Confirm the return with the customer</source>
        <translation>與客戶確認退回</translation>
    </message>
    <message>
        <source>Arrange a new delivery</source>
        <translation>安排再次派送</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>待處理</translation>
    </message>
    <message>
        <source>Customer notified</source>
        <translation>已通知客戶</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>已忽略</translation>
    </message>
    <message>
        <source>Ticket made</source>
        <translation>已轉工單</translation>
    </message>
</context>
<context>
    <name>pd::IncidentsModel</name>
    <message>
        <source>%1 sent, %2 waiting, %3 failed</source>
        <translation>已發 %1，待發 %2，失敗 %3</translation>
    </message>
    <message>
        <source>%1 sent, %2 waiting</source>
        <translation>已發 %1，待發 %2</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>快件數</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>開始於</translation>
    </message>
    <message>
        <source>Expected recovery</source>
        <translation>預計恢復</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>說明</translation>
    </message>
</context>
<context>
    <name>pd::IsoWeek</name>
    <message>
        <source>Week %1, %2 (%3 – %4)</source>
        <translation>%2 年第 %1 週（%3 – %4）</translation>
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
    <message>
        <source>must not be negative</source>
        <translation>不能為負數</translation>
    </message>
    <message>
        <source>must be 64 lower-case hexadecimal digits</source>
        <translation>必須是 64 位小寫十六進位數字</translation>
    </message>
</context>
<context>
    <name>pd::KpiFactCache</name>
    <message>
        <source>There are no figures to keep yet.</source>
        <translation>還沒有可儲存的看板資料。</translation>
    </message>
    <message>
        <source>The kept dashboard figures are from another version; they are read again.</source>
        <translation>儲存的看板資料來自其他版本，將重新讀取。</translation>
    </message>
    <message>
        <source>The kept dashboard figures are damaged; they are read again.</source>
        <translation>儲存的看板資料已損壞，將重新讀取。</translation>
    </message>
</context>
<context>
    <name>pd::KpiInfo</name>
    <message>
        <source>First-response SLA</source>
        <translation>首次回應時效達標率</translation>
    </message>
    <message>
        <source>Median first response</source>
        <translation>首次回應時長中位數</translation>
    </message>
    <message>
        <source>P90 first response</source>
        <translation>首次回應時長 P90</translation>
    </message>
    <message>
        <source>Median resolution time</source>
        <translation>解決時長中位數</translation>
    </message>
    <message>
        <source>First contact resolution</source>
        <translation>一次解決率</translation>
    </message>
    <message>
        <source>Reopen rate</source>
        <translation>重新開啟率</translation>
    </message>
    <message>
        <source>CSAT</source>
        <translation>滿意度</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>淨推薦值</translation>
    </message>
    <message>
        <source>Backlog</source>
        <translation>積壓工單</translation>
    </message>
    <message>
        <source>Complaints per 10,000 parcels</source>
        <translation>萬件投訴率</translation>
    </message>
    <message>
        <source>On-time delivery</source>
        <translation>準時送達率</translation>
    </message>
    <message>
        <source>Damage rate</source>
        <translation>破損率</translation>
    </message>
    <message>
        <source>Loss rate</source>
        <translation>丟失率</translation>
    </message>
    <message>
        <source>Follow-up completion</source>
        <translation>回訪完成率</translation>
    </message>
    <message>
        <source>n/a</source>
        <comment>no data for this KPI</comment>
        <translation>暫無資料</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分鐘</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小時</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
</context>
<context>
    <name>pd::KpiPeriods</name>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本週</translation>
    </message>
    <message>
        <source>Last week</source>
        <translation>上週</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>自訂…</translation>
    </message>
</context>
<context>
    <name>pd::KpiTile</name>
    <message>
        <source>Click to open these tickets in the workbench</source>
        <translation>點選在工作臺中開啟這些工單</translation>
    </message>
    <message>
        <source>Target ≥ %1</source>
        <translation>目標 ≥ %1</translation>
    </message>
    <message>
        <source>Target ≤ %1</source>
        <translation>目標 ≤ %1</translation>
    </message>
    <message>
        <source>No target</source>
        <translation>無目標</translation>
    </message>
    <message>
        <source>No previous figure</source>
        <translation>無上期資料</translation>
    </message>
    <message>
        <source>%1 pts</source>
        <translation>%1 個百分點</translation>
    </message>
    <message>
        <source>= unchanged vs previous period</source>
        <translation>= 與上期持平</translation>
    </message>
    <message>
        <source>▲ +%1 vs previous period</source>
        <extracomment>%1 is the amount of change, e.g. "1.2 pts" or "3.0 min"</extracomment>
        <translation>▲ 較上期 +%1</translation>
    </message>
    <message>
        <source>▼ −%1 vs previous period</source>
        <translation>▼ 較上期 −%1</translation>
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
        <translation>“%1”記錄由伺服器產生，不能手動新增。</translation>
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
        <translation>您的修改已不適用於工單的目前狀態，請採用伺服器版本。</translation>
    </message>
    <message>
        <source>This refused change is no longer here.</source>
        <translation>這條被拒絕的修改已不存在。</translation>
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
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <source>Cache: %1</source>
        <translation>快取：%1</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>立即同步(&amp;S)</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>登出(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Workbench</source>
        <translation>工作臺(&amp;W)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln ticket(s) shown</source>
        <translation><numerusform>顯示 %Ln 張工單</numerusform></translation>
    </message>
    <message>
        <source>&amp;New ticket…</source>
        <translation>新建工單(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Ticket</source>
        <translation>工單(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Next ticket</source>
        <translation>下一張工單(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous ticket</source>
        <translation>上一張工單(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Take</source>
        <translation>認領(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Assign…</source>
        <translation>分派(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>回覆(&amp;R)</translation>
    </message>
    <message>
        <source>Internal &amp;note</source>
        <translation>內部備註(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Log a call…</source>
        <translation>記錄通話(&amp;L)…</translation>
    </message>
    <message>
        <source>Set &amp;pending</source>
        <translation>擱置(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Escalate</source>
        <translation>升級(&amp;E)</translation>
    </message>
    <message>
        <source>Re&amp;solve…</source>
        <translation>解決(&amp;S)…</translation>
    </message>
    <message>
        <source>Re&amp;open</source>
        <translation>重新開啟(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Search tickets</source>
        <translation>搜尋工單(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Queues</source>
        <translation>佇列(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Pages</source>
        <translation>頁面(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>幫助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>鍵盤快捷鍵(&amp;K)</translation>
    </message>
    <message>
        <source>ParcelDesk — %1 (%2)</source>
        <translation>ParcelDesk — %1（%2）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <translation>地圖(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>看板(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>報表(&amp;R)</translation>
    </message>
    <message>
        <source>%1 (editing)</source>
        <translation>%1（正在編輯）</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編輯(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>偏好設定(&amp;P)…</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>登出</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) have a conflict you have not resolved. Signing out removes your tickets from this computer, and your version of those changes with them.</source>
        <translation><numerusform>有 %n 張工單的衝突尚未處理。登出會從這臺電腦上刪除您的工單，您對這些修改的版本也會一併刪除。</numerusform></translation>
    </message>
    <message>
        <source>Show customer's n&amp;umber…</source>
        <translation>顯示客戶號碼(&amp;U)…</translation>
    </message>
    <message>
        <source>Show customer's n&amp;ame…</source>
        <translation>顯示客戶姓名(&amp;A)…</translation>
    </message>
    <message>
        <source>Show parcel addre&amp;sses…</source>
        <translation>顯示包裹地址(&amp;S)…</translation>
    </message>
    <message>
        <source>Customer data on this computer (details)</source>
        <translation>本機上的客戶資料（詳情）</translation>
    </message>
    <message>
        <source>Access &amp;log</source>
        <translation>存取記錄(&amp;L)</translation>
    </message>
    <message>
        <source>Customer data revealed unusually often</source>
        <translation>客戶資料被異常頻繁地檢視</translation>
    </message>
    <message>
        <source>%1 revealed the data of %2 customers within %3 minutes (the limit is %4). Managers see each reveal in the access log.</source>
        <translation>%1 在 %3 分鐘內檢視了 %2 位客戶的完整資料（上限為 %4）。每次檢視都記入存取記錄，經理可以查閱。</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>恢復處理(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Follow-up…</source>
        <translation>回訪(&amp;F)…</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln ticket(s) shown</source>
        <translation><numerusform>顯示 %1 / %Ln 張工單</numerusform></translation>
    </message>
    <message>
        <source>My &amp;status…</source>
        <translation>我的狀態(&amp;S)…</translation>
    </message>
    <message>
        <source>Take next &amp;waiting ticket</source>
        <translation>領取下一張待處理工單(&amp;W)</translation>
    </message>
    <message>
        <source>Offline: Next ticket needs the server. Nothing was changed.</source>
        <translation>離線：領取下一張工單需要連線伺服器。未做任何更改。</translation>
    </message>
    <message>
        <source>Asking the server for the next ticket…</source>
        <translation>正在向伺服器請求下一張工單…</translation>
    </message>
    <message>
        <source>No ticket waiting that you can take.</source>
        <translation>沒有您可以領取的待處理工單。</translation>
    </message>
    <message>
        <source>Next ticket: %1</source>
        <translation>下一張工單：%1</translation>
    </message>
    <message>
        <source>Ticket %1 is yours: opening it…</source>
        <translation>工單 %1 已分給您：正在開啟…</translation>
    </message>
    <message>
        <source>Ticket %1 is yours.</source>
        <translation>工單 %1 已分給您。</translation>
    </message>
    <message>
        <source>Your status was not changed: %1</source>
        <translation>您的狀態未更改：%1</translation>
    </message>
    <message>
        <source>Team &amp;board</source>
        <translation>團隊看板(&amp;B)</translation>
    </message>
    <message>
        <source>Appro&amp;vals</source>
        <translation>審批(&amp;V)</translation>
    </message>
    <message>
        <source>Pro&amp;active</source>
        <translation>主動服務(&amp;A)</translation>
    </message>
    <message>
        <source>Complaint spike ×%1</source>
        <translation>投訴激增 ×%1</translation>
    </message>
</context>
<context>
    <name>pd::MapPage</name>
    <message>
        <source>With open complaints</source>
        <translation>有未結投訴</translation>
    </message>
    <message>
        <source>Late only</source>
        <translation>僅顯示延誤</translation>
    </message>
    <message>
        <source>Waybill number</source>
        <translation>運單號</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查詢</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>網點</translation>
    </message>
    <message>
        <source>© Natural Earth (public domain), world-atlas</source>
        <translation>© Natural Earth（公有領域），world-atlas</translation>
    </message>
    <message>
        <source>All stations</source>
        <translation>全部網點</translation>
    </message>
    <message>
        <source>Waybill not found on the map</source>
        <translation>地圖上找不到該運單號</translation>
    </message>
    <message numerus="yes">
        <source>%Ln parcel(s) on the map</source>
        <translation><numerusform>地圖上共 %Ln 個包裹</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln parcel(s) under way here</source>
        <translation><numerusform>此區域有 %Ln 個在途包裹</numerusform></translation>
    </message>
    <message>
        <source>Offline: the parcels in this area are shown as loaded at %1; they may have moved since.</source>
        <translation>離線：此區域的包裹為 %1 載入時的位置，之後可能已有移動。</translation>
    </message>
    <message>
        <source>Offline: the parcels in this area were never loaded, so only the parcels of your tickets are shown. The others appear when the server can be reached.</source>
        <translation>離線：此區域的包裹從未載入，因此只顯示您工單的包裹。連上伺服器後會顯示其他包裹。</translation>
    </message>
    <message>
        <source>More parcels are in this area than the map lists at once: zoom in to see them all.</source>
        <translation>此區域的包裹超過地圖一次可列出的數量：放大即可檢視全部。</translation>
    </message>
    <message>
        <source>Not in the local cache, and the server cannot be reached to look it up</source>
        <translation>本地快取中沒有，且無法連線伺服器查詢</translation>
    </message>
    <message>
        <source>Looking the waybill up on the server…</source>
        <translation>正在伺服器上查詢運單…</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Open incident</source>
        <translation>開啟事件</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %Ln parcel(s)</source>
        <translation><numerusform>%1 · %Ln 件</numerusform></translation>
    </message>
    <message>
        <source>No open incidents on the map</source>
        <translation>地圖上沒有未結事件</translation>
    </message>
    <message>
        <source>Go to an incident…</source>
        <translation>轉到事件…</translation>
    </message>
</context>
<context>
    <name>pd::MergeBanner</name>
    <message>
        <source>Merged into %1: its conversation and files are there now, and it is counted there once.</source>
        <translation>已合併到 %1：溝通記錄和檔案都已移到該工單，投訴只在那裡計一次。</translation>
    </message>
    <message>
        <source>Likely a duplicate of %1, an open ticket about the same waybill.</source>
        <translation>可能與 %1 重複：同一運單的工單仍在處理中。</translation>
    </message>
    <message>
        <source>&amp;Open %1</source>
        <translation>開啟 %1(&amp;O)</translation>
    </message>
    <message>
        <source>Moves this ticket's conversation and files to %1 and closes this one.</source>
        <translation>將本工單的溝通記錄和檔案移到 %1，並關閉本工單。</translation>
    </message>
    <message>
        <source>&amp;Merge into %1…</source>
        <translation>合併到 %1(&amp;M)…</translation>
    </message>
</context>
<context>
    <name>pd::MonthlyAppealsReport</name>
    <message>
        <source>n/a</source>
        <translation>暫無資料</translation>
    </message>
    <message>
        <source>%1 — appeals report %2</source>
        <translation>%1 — %2 申訴月報</translation>
    </message>
    <message>
        <source>%1 — team %2</source>
        <translation>%1 — 班組 %2</translation>
    </message>
    <message>
        <source>In %1 the postal regulator forwarded %2 appeals (12305), %3 per million parcels. Of them %4 were at fault (the company responsible), %5 per million parcels. %6 were not answered within the time limit.</source>
        <extracomment>the opening of the monthly appeals report, after the regulator's bulletin; %1 month, %2 appeals, %3 per million parcels, %4 at-fault appeals, %5 at fault per million, %6 answered late or overdue</extracomment>
        <translation>統計月份 %1：郵政管理部門共轉辦申訴（12305）%2 件，百萬件申訴率為 %3。其中有效申訴（企業有責）%4 件，百萬件有效申訴率為 %5。未在時限內答覆的申訴 %6 件。</translation>
    </message>
    <message>
        <source>Data coverage: the local cache has never synced; figures may be incomplete.</source>
        <translation>資料覆蓋：本地快取從未同步，資料可能不完整。</translation>
    </message>
    <message>
        <source>Data as of %1 (%2), generated %3.</source>
        <translation>資料截至 %1（%2），產生於 %3。</translation>
    </message>
</context>
<context>
    <name>pd::NewTicketDialog</name>
    <message>
        <source>Assign to me</source>
        <translation>分派給我</translation>
    </message>
    <message>
        <source>New ticket</source>
        <translation>新建工單</translation>
    </message>
    <message>
        <source>e.g. SF1400000000017</source>
        <translation>例如 SF1400000000017</translation>
    </message>
    <message>
        <source>Mobile 13812345678 or landline 0755-12345678</source>
        <translation>手機 13812345678 或固話 0755-12345678</translation>
    </message>
    <message>
        <source>The complaint as the customer told it</source>
        <translation>按客戶原話記錄投訴內容</translation>
    </message>
    <message>
        <source>Create ticket</source>
        <translation>建立工單</translation>
    </message>
    <message>
        <source>Waybill:</source>
        <translation>運單號：</translation>
    </message>
    <message>
        <source>Customer name:</source>
        <translation>客戶姓名：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>電話：</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>管道：</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>類別：</translation>
    </message>
    <message>
        <source>Priority:</source>
        <translation>優先順序：</translation>
    </message>
    <message>
        <source>Complaint:</source>
        <translation>投訴內容：</translation>
    </message>
    <message>
        <source>Parcel found: %1, %2 → %3%4</source>
        <translation>已找到包裹：%1，%2 → %3%4</translation>
    </message>
    <message>
        <source> (late)</source>
        <translation>（已延誤）</translation>
    </message>
    <message>
        <source>Create the ticket (%1)</source>
        <translation>建立工單（%1）</translation>
    </message>
    <message>
        <source>This parcel is not in the local cache and the server cannot be reached to look it up; the ticket can still be made and is linked when the parcel appears.</source>
        <translation>本機快取中沒有此包裹，且無法連線伺服器查詢；仍可建立工單，包裹出現後會自動關聯。</translation>
    </message>
    <message>
        <source>Looking the parcel up on the server…</source>
        <translation>正在向伺服器查詢包裹…</translation>
    </message>
    <message>
        <source>The server does not know this parcel yet; the ticket is linked when it appears.</source>
        <translation>伺服器上還沒有此包裹；包裹出現後工單會自動關聯。</translation>
    </message>
</context>
<context>
    <name>pd::NotifyDialog</name>
    <message>
        <source>&amp;Urgent: may be sent during quiet hours</source>
        <translation>緊急：可在免打擾時段傳送(&amp;U)</translation>
    </message>
    <message>
        <source>Notify customers</source>
        <translation>通知客戶</translation>
    </message>
    <message>
        <source>Empty: the standard message of the language. Placeholders: {waybill}, {cause}, {eta}, {station}, {compensation}.</source>
        <translation>留空則使用該語言的標準文字。佔位符：{waybill}、{cause}、{eta}、{station}、{compensation}。</translation>
    </message>
    <message>
        <source>e.g. 我们将为您补偿5元运费券。</source>
        <translation>例如：我們將為您補償5元運費券。</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>語言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>簡訊內容(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Compensation offer:</source>
        <translation>補償方案(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>傳送(&amp;S)</translation>
    </message>
    <message>
        <source>The message is %1 characters long; at most %2 are sent.</source>
        <translation>簡訊內容有 %1 個字元；最多傳送 %2 個。</translation>
    </message>
    <message>
        <source>{%1} is not a placeholder; use {waybill}, {cause}, {eta}, {station} or {compensation}.</source>
        <translation>{%1} 不是佔位符；請使用 {waybill}、{cause}、{eta}、{station} 或 {compensation}。</translation>
    </message>
</context>
<context>
    <name>pd::PaneActionRules</name>
    <message>
        <source>Sign in to work on tickets.</source>
        <translation>請登入後再處理工單。</translation>
    </message>
    <message>
        <source>Your role (%1) can read tickets but not change them.</source>
        <translation>您的角色（%1）只能檢視工單，不能修改。</translation>
    </message>
    <message>
        <source>This ticket belongs to another team.</source>
        <translation>這張工單屬於其他班組。</translation>
    </message>
    <message>
        <source>Settle the conflicting change first: keep yours or take the server's.</source>
        <translation>請先處理修改衝突：保留我的修改或採用伺服器版本。</translation>
    </message>
    <message>
        <source>The ticket is closed: only internal notes can be added.</source>
        <translation>工單已關閉：只能新增內部備註。</translation>
    </message>
    <message>
        <source>Only tickets still being worked on are escalated.</source>
        <translation>只有仍在處理中的工單才能升級。</translation>
    </message>
    <message>
        <source>A closed ticket cannot be taken.</source>
        <translation>已關閉的工單不能認領。</translation>
    </message>
    <message>
        <source>This ticket is already yours.</source>
        <translation>這張工單已經由您處理。</translation>
    </message>
    <message>
        <source>Only supervisors assign tickets to other people; take it yourself instead.</source>
        <translation>只有主管才能將工單分派給他人；您可以自行認領。</translation>
    </message>
    <message>
        <source>A closed ticket cannot be reassigned.</source>
        <translation>已關閉的工單不能重新分派。</translation>
    </message>
    <message>
        <source>Only a pending or reopened ticket is resumed; the first reply opens a new one.</source>
        <translation>只有擱置或重新開啟的工單才需要恢復處理；新工單在首次回覆後即轉為處理中。</translation>
    </message>
    <message>
        <source>A closed ticket gets no more follow-up calls.</source>
        <translation>已關閉的工單不再回訪。</translation>
    </message>
    <message>
        <source>The follow-up call is recorded once the ticket is resolved.</source>
        <translation>工單解決後才能記錄回訪。</translation>
    </message>
    <message>
        <source>Your role (%1) does not reveal customer data on tickets; a manager's weekly report can include it, and that export is logged.</source>
        <translation>您的角色（%1）不能在工單中檢視完整客戶資訊；經理的週報可以包含這些資訊，且該匯出會被記錄。</translation>
    </message>
    <message>
        <source>The ticket has no phone number.</source>
        <translation>此工單沒有電話號碼。</translation>
    </message>
    <message>
        <source>The ticket has no customer name.</source>
        <translation>此工單沒有客戶姓名。</translation>
    </message>
    <message>
        <source>The parcel and its addresses are not in the cache.</source>
        <translation>本地快取中沒有此包裹及其地址。</translation>
    </message>
    <message>
        <source>Shown in full.</source>
        <translation>已完整顯示。</translation>
    </message>
    <message>
        <source>Only supervisors merge tickets.</source>
        <translation>只有主管可以合併工單。</translation>
    </message>
    <message>
        <source>This ticket was merged into %1 already.</source>
        <translation>本工單已合併到 %1。</translation>
    </message>
    <message>
        <source>A closed ticket is not merged.</source>
        <translation>已關閉的工單不能合併。</translation>
    </message>
    <message>
        <source>Wait until this ticket's changes are sent (or settle the conflict) first.</source>
        <translation>請先等本工單的修改傳送完畢（或先處理衝突）。</translation>
    </message>
</context>
<context>
    <name>pd::PaneText</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分鐘</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小時 %2 分鐘</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小時</translation>
    </message>
    <message>
        <source>Enter the amount in yuan, for example 50 or 12.50.</source>
        <translation>請輸入以元為單位的金額，例如 50 或 12.50。</translation>
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation>金額必須大於零。</translation>
    </message>
    <message>
        <source>The amount cannot be more than %1.</source>
        <translation>金額不能超過 %1。</translation>
    </message>
    <message>
        <source>%1 must be a whole number from %2 to %3.</source>
        <translation>%1必須是 %2 到 %3 之間的整數。</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>resolution, then the amount</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>破損</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>丟失</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <comment>an exception scan's reason code from the operations system</comment>
        <translation>原因：%1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>exception reason, then the operator's words</comment>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>pd::ParcelVolume</name>
    <message>
        <source>is not a day with its start and end</source>
        <translation>不是帶有起訖時間的日期</translation>
    </message>
</context>
<context>
    <name>pd::PolicyChecker</name>
    <message>
        <source>must be a whole number between %1 and %2</source>
        <translation>必須是 %1 到 %2 之間的整數</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>必須是 true 或 false</translation>
    </message>
    <message>
        <source>must be a list of codes</source>
        <translation>必須是程式碼列表</translation>
    </message>
    <message>
        <source>must be a non-empty text</source>
        <translation>必須是非空文字</translation>
    </message>
    <message>
        <source>must be one of: %1</source>
        <translation>必須是以下之一：%1</translation>
    </message>
    <message>
        <source>repeats "%1"</source>
        <translation>重複了 "%1"</translation>
    </message>
</context>
<context>
    <name>pd::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>偏好設定</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>介面語言(&amp;L)：</translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <translation>跟隨系統（%1）</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>介面語言</translation>
    </message>
    <message>
        <source>The console switches at once; typed text, open tickets and the connection to the server stay. A language given with --lang on the command line applies only to that start.</source>
        <translation>切換立即生效：已輸入的文字、開啟的工單和與伺服器的連線都會保留。命令列 --lang 指定的語言只對該次啟動有效。</translation>
    </message>
</context>
<context>
    <name>pd::ProactivePage</name>
    <message>
        <source>&amp;Cases of the selected incident: one per parcel and exception</source>
        <translation>所選事件的個案(&amp;C)：每件快件每種異常一條</translation>
    </message>
    <message>
        <source>&amp;Notify customers…</source>
        <translation>通知客戶(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Explain…</source>
        <translation>說明(&amp;E)…</translation>
    </message>
    <message>
        <source>Re&amp;solve</source>
        <translation>解除(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Dismiss case…</source>
        <translation>忽略個案(&amp;D)…</translation>
    </message>
    <message>
        <source>Create &amp;ticket</source>
        <translation>生成工單(&amp;T)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>重新整理</translation>
    </message>
    <message>
        <source>Load the incidents and cases again (F5)</source>
        <translation>重新載入事件和個案 (F5)</translation>
    </message>
    <message>
        <source>Waybill</source>
        <translation>運單號</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>發生了什麼</translation>
    </message>
    <message>
        <source>Recommended</source>
        <translation>建議處理</translation>
    </message>
    <message>
        <source>Detected</source>
        <translation>發現時間</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Offline: the incidents are the ones last synced; cases and notices need the server.</source>
        <translation>離線：顯示的是上次同步的事件；個案和通知需要連線伺服器。</translation>
    </message>
    <message>
        <source>The notices could not be counted: %1</source>
        <translation>無法統計通知：%1</translation>
    </message>
    <message>
        <source>The cases could not be loaded: %1</source>
        <translation>無法載入個案：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s).</source>
        <translation><numerusform>%n 條個案。</numerusform></translation>
    </message>
    <message>
        <source>Supervisors tell an incident's customers and explain it.</source>
        <translation>由班組長通知事件的客戶並填寫說明。</translation>
    </message>
    <message>
        <source>Customers are notified by the server. Try again when connected.</source>
        <translation>客戶通知由伺服器傳送。請在連線後重試。</translation>
    </message>
    <message numerus="yes">
        <source>Each customer of the %n parcel(s) of “%1” with a phone gets one message; customers told of this incident already are skipped.</source>
        <translation><numerusform>“%1”的 %n 件快件中，有電話的客戶每人收到一條簡訊；已通知過該事件的客戶將跳過。</numerusform></translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>未傳送：%1</translation>
    </message>
    <message>
        <source>%1 message(s) queued; %2 customer(s) told already; %3 parcel(s) without a phone.</source>
        <translation>已排隊 %1 條簡訊；%2 位客戶已通知過；%3 件快件沒有電話。</translation>
    </message>
    <message>
        <source>Incidents are changed on the server. Try again when connected.</source>
        <translation>事件在伺服器上修改。請在連線後重試。</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>未修改：%1</translation>
    </message>
    <message>
        <source>Explain the incident</source>
        <translation>說明事件</translation>
    </message>
    <message>
        <source>What agents tell callers and what {cause} says in notices (at most 1,000 characters):</source>
        <translation>坐席向來電客戶的解釋，也是通知中 {cause} 的內容（最多 1,000 個字元）：</translation>
    </message>
    <message>
        <source>The explanation is %1 characters long; at most 1,000 are kept.</source>
        <translation>說明有 %1 個字元；最多保留 1,000 個。</translation>
    </message>
    <message>
        <source>Explanation saved; every console gets it.</source>
        <translation>說明已儲存；所有控制檯都會收到。</translation>
    </message>
    <message>
        <source>Resolved: new complaints are no longer linked to it.</source>
        <translation>已解除：新投訴不再關聯到該事件。</translation>
    </message>
    <message>
        <source>Cases are dismissed on the server. Try again when connected.</source>
        <translation>個案在伺服器上忽略。請在連線後重試。</translation>
    </message>
    <message>
        <source>Dismiss the case</source>
        <translation>忽略個案</translation>
    </message>
    <message>
        <source>Why is nothing to be done (e.g. collected by the customer)?</source>
        <translation>為什麼無需處理（例如客戶已自取）？</translation>
    </message>
    <message>
        <source>A case is dismissed with a reason.</source>
        <translation>忽略個案需要填寫原因。</translation>
    </message>
    <message>
        <source>Not dismissed: %1</source>
        <translation>未忽略：%1</translation>
    </message>
    <message>
        <source>Dismissed.</source>
        <translation>已忽略。</translation>
    </message>
    <message>
        <source>Tickets from cases are made by the server. Try again when connected.</source>
        <translation>由個案生成工單需要伺服器。請在連線後重試。</translation>
    </message>
    <message>
        <source>No ticket made: %1</source>
        <translation>未生成工單：%1</translation>
    </message>
    <message>
        <source>Ticket %1 made; it opens after the next sync.</source>
        <translation>已生成工單 %1；下次同步後開啟。</translation>
    </message>
    <message>
        <source>Open &amp;incidents (largest first): parcels with one cause</source>
        <translation>未解除的事件(&amp;I)（快件多的在前）：同一原因的快件</translation>
    </message>
</context>
<context>
    <name>pd::ProactivePolicy</name>
    <message>
        <source>is not a field of the proactive-service policy</source>
        <translation>不是主動服務策略的欄位</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>必須是一個物件</translation>
    </message>
    <message>
        <source>must be a time of day as "HH:mm" (00:00 to 23:59)</source>
        <translation>必須是 "HH:mm" 格式的時刻（00:00 到 23:59）</translation>
    </message>
    <message>
        <source>must be a parcel status that can stall: %1</source>
        <translation>必須是可能停滯的包裹狀態：%1</translation>
    </message>
    <message>
        <source>"%1" is already a reason of %2</source>
        <translation>"%1" 已是 %2 的原因</translation>
    </message>
    <message>
        <source>must name at least one of: %1</source>
        <translation>至少要包含以下之一：%1</translation>
    </message>
    <message>
        <source>must differ from start (set enabled to false for no quiet hours)</source>
        <translation>必須與開始時間不同（不設免打擾時段請將 enabled 設為 false）</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>為必填項</translation>
    </message>
    <message>
        <source>must be an IANA time zone such as "Asia/Shanghai"</source>
        <translation>必須是 IANA 時區，例如 "Asia/Shanghai"</translation>
    </message>
    <message>
        <source>must be a number between %1 and %2</source>
        <translation>必須是 %1 到 %2 之間的數</translation>
    </message>
</context>
<context>
    <name>pd::QueueList</name>
    <message>
        <source>Queues</source>
        <translation>佇列</translation>
    </message>
    <message>
        <source>%1 (Alt+%2)</source>
        <translation>%1（Alt+%2）</translation>
    </message>
    <message>
        <source>%1  (%2)</source>
        <comment>queue title and its count</comment>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>pd::Queues</name>
    <message>
        <source>My tickets</source>
        <translation>我的工單</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未分派</translation>
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
        <source>Pending</source>
        <translation>擱置</translation>
    </message>
    <message>
        <source>Resolved today</source>
        <translation>今日已解決</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Appeals</source>
        <translation>轉辦申訴</translation>
    </message>
</context>
<context>
    <name>pd::RefusedEdits</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>New ticket: %1</source>
        <translation>新工單：%1</translation>
    </message>
    <message numerus="yes">
        <source>The server refused %n of your changes to this ticket. The ticket shows the server's copy; what you typed is kept here until you discard it.</source>
        <translation><numerusform>伺服器拒絕了您對這張工單的 %n 項修改。工單顯示的是伺服器上的版本；您輸入的內容保留在這裡，直到您丟棄。</numerusform></translation>
    </message>
    <message>
        <source>%1
Reason: %2</source>
        <translation>%1
原因：%2</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>複製文字</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丟棄</translation>
    </message>
</context>
<context>
    <name>pd::RegulatorPanel</name>
    <message>
        <source>Regulator appeals (12305)</source>
        <translation>郵政管理部門轉辦申訴（12305）</translation>
    </message>
    <message>
        <source>Appeals per million parcels</source>
        <translation>百萬件申訴率</translation>
    </message>
    <message>
        <source>At-fault appeals per million</source>
        <translation>百萬件有效申訴率</translation>
    </message>
    <message>
        <source>Answered on time</source>
        <translation>按時答覆率</translation>
    </message>
    <message>
        <source>Past the deadline, not answered</source>
        <translation>超時未答覆</translation>
    </message>
    <message>
        <source>Show a&amp;ppeals</source>
        <translation>檢視申訴(&amp;P)</translation>
    </message>
    <message>
        <source>The open regulator appeals in the workbench</source>
        <translation>在工作臺中檢視未結的轉辦申訴</translation>
    </message>
    <message numerus="yes">
        <source>%n appeal(s)</source>
        <translation><numerusform>%n 件申訴</numerusform></translation>
    </message>
    <message>
        <source>%1 parcels</source>
        <translation>%1 件包裹</translation>
    </message>
    <message numerus="yes">
        <source>%n at fault (有效申诉)</source>
        <translation><numerusform>有效申訴 %n 件</numerusform></translation>
    </message>
    <message>
        <source>%1 on time, %2 late</source>
        <translation>按時 %1 件，逾期 %2 件</translation>
    </message>
    <message numerus="yes">
        <source>%n still within the deadline</source>
        <translation><numerusform>%n 件仍在時限內</numerusform></translation>
    </message>
</context>
<context>
    <name>pd::RegulatorQueries</name>
    <message>
        <source>Delay</source>
        <extracomment>the regulator bulletin's problem type 延误</extracomment>
        <translation>延誤</translation>
    </message>
    <message>
        <source>Loss or shortage</source>
        <extracomment>the regulator bulletin's problem type 丢失短少</extracomment>
        <translation>丟失短少</translation>
    </message>
    <message>
        <source>Damage</source>
        <extracomment>the regulator bulletin's problem type 损毁</extracomment>
        <translation>損毀</translation>
    </message>
    <message>
        <source>Service</source>
        <extracomment>the regulator bulletin's problem type 服务 (delivery and pick-up service)</extracomment>
        <translation>服務</translation>
    </message>
    <message>
        <source>Other</source>
        <extracomment>the regulator bulletin's problem type 其他</extracomment>
        <translation>其他</translation>
    </message>
    <message>
        <source>Unknown station</source>
        <translation>未知網點</translation>
    </message>
</context>
<context>
    <name>pd::RepeatNotice</name>
    <message>
        <source>&amp;Add to the open ticket</source>
        <translation>新增到未結工單(&amp;A)</translation>
    </message>
    <message>
        <source>this waybill</source>
        <translation>此運單</translation>
    </message>
    <message>
        <source>this phone number</source>
        <translation>此電話號碼</translation>
    </message>
    <message>
        <source>Ticket %1 is still open for %2 (%3, %4, created %5). If the customer is chasing it, add the call to that ticket instead of opening a new one.</source>
        <translation>%2 仍有未結工單 %1（%3，%4，建立於 %5）。如果客戶是在催促該工單，請將本次來電新增到該工單，而不要新建工單。</translation>
    </message>
    <message numerus="yes">
        <source>%n more open ticket(s) of this customer.</source>
        <translation><numerusform>該客戶另有 %n 張未結工單。</numerusform></translation>
    </message>
    <message>
        <source>Record this call as a chase-up (催单) on %1 and open it</source>
        <translation>將本次來電記為 %1 的催單並開啟該工單</translation>
    </message>
    <message>
        <source>Your role does not edit this ticket; a supervisor or the ticket's team can add the call to it.</source>
        <translation>您的角色無權編輯此工單；主管或該工單所屬班組可以將本次來電新增到該工單。</translation>
    </message>
</context>
<context>
    <name>pd::ReportCommand</name>
    <message>
        <source>No remembered session for %1 on %2: give --password-file, or --offline to report from the cache.</source>
        <translation>沒有 %1 在 %2 上儲存的登入狀態：請指定 --password-file，或使用 --offline 直接根據本地快取產生報表。</translation>
    </message>
    <message>
        <source>No signed-in user is known on this computer (or its role is unknown): sign in once, or give --server and --user. Reports are for managers and supervisors.</source>
        <translation>此電腦上沒有已知的登入使用者（或其角色未知）：請先登入一次，或指定 --server 和 --user。報表僅供經理和主管使用。</translation>
    </message>
    <message>
        <source>Supervisor %1 has no team: only a manager can export every team.</source>
        <translation>主管 %1 沒有所屬班組：只有經理才能匯出所有班組的報表。</translation>
    </message>
    <message>
        <source>Supervisor %1 can export only their own team (%2).</source>
        <translation>主管 %1 只能匯出本班組（%2）的報表。</translation>
    </message>
    <message>
        <source>Role %1 may not export reports: only managers, and supervisors for their own team.</source>
        <translation>角色 %1 無權匯出報表：只有經理可以匯出，主管只能匯出本班組的報表。</translation>
    </message>
    <message>
        <source>Write the weekly report of an ISO week as PDF, XLSX and/or CSV.

Exit codes: 0 written, 1 export failed, 2 bad usage, 3 sign-in refused, 4 the cache cannot be opened, 5 sync failed, 6 role not allowed or unknown.</source>
        <translation>將某個 ISO 週的週報匯出為 PDF、XLSX 和/或 CSV。

結束代碼：0 已寫入，1 匯出失敗，2 用法錯誤，3 登入被拒絕，4 無法開啟本地快取，5 同步失敗，6 角色無權限或未知。</translation>
    </message>
    <message>
        <source>the command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>ISO week, e.g. 2026-W47 (default: last week).</source>
        <translation>ISO 週，例如 2026-W47（預設：上週）。</translation>
    </message>
    <message>
        <source>Formats, comma-separated: pdf, xlsx, csv.</source>
        <translation>匯出格式，以逗號分隔：pdf、xlsx、csv。</translation>
    </message>
    <message>
        <source>Folder to write into (created when missing).</source>
        <translation>輸出資料夾（不存在時自動建立）。</translation>
    </message>
    <message>
        <source>Only this team's tickets.</source>
        <translation>只匯出此班組的工單。</translation>
    </message>
    <message>
        <source>Language: en, zh_CN or zh_TW.</source>
        <translation>報表語言：en、zh_CN 或 zh_TW。</translation>
    </message>
    <message>
        <source>Folder of the local cache.</source>
        <translation>本地快取所在的資料夾。</translation>
    </message>
    <message>
        <source>The company's time zone (IANA name).</source>
        <translation>公司所在時區（IANA 名稱）。</translation>
    </message>
    <message>
        <source>Company name in the header.</source>
        <translation>頁首中的公司名稱。</translation>
    </message>
    <message>
        <source>Sync with this server first (default: the remembered one).</source>
        <translation>先與此伺服器同步（預設：已儲存的伺服器）。</translation>
    </message>
    <message>
        <source>Login for the sync (default: the remembered one).</source>
        <translation>同步使用的登入名（預設：已儲存的登入名）。</translation>
    </message>
    <message>
        <source>Read the password from this file.</source>
        <translation>從此檔案讀取密碼。</translation>
    </message>
    <message>
        <source>Do not sync: report from the cache as it is.</source>
        <translation>不同步：直接根據本地快取的現有資料產生報表。</translation>
    </message>
    <message>
        <source>Unknown time zone: %1</source>
        <translation>未知的時區：%1</translation>
    </message>
    <message>
        <source>Not an ISO week: %1 (expected e.g. 2026-W47)</source>
        <translation>不是有效的 ISO 週：%1（應為 2026-W47 這樣的格式）</translation>
    </message>
    <message>
        <source>Cannot open the cache %1: %2</source>
        <translation>無法開啟本地快取 %1：%2</translation>
    </message>
    <message>
        <source>Cannot read the cache: %1</source>
        <translation>無法讀取本地快取：%1</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>匯出失敗：%1</translation>
    </message>
    <message>
        <source>The cache in %1 was synced by %2, not %3: sync it as %3 first (without --offline).</source>
        <translation>%1 中的快取由 %2 同步，而不是 %3：請先以 %3 的身份同步（不加 --offline）。</translation>
    </message>
    <message>
        <source>Note: the report could not be recorded in the server's access log (no server session).</source>
        <translation>注意：此報表未能記入伺服器的存取記錄（沒有伺服器工作階段）。</translation>
    </message>
    <message>
        <source>Write the monthly appeals report of this month (e.g. 2026-11) instead of the weekly report.</source>
        <translation>輸出指定月份（例如 2026-11）的申訴月報，而不是週報。</translation>
    </message>
    <message>
        <source>Usage: parceldesk report [--week 2026-W47 | --appeals-month 2026-11] --format pdf,xlsx,csv --out DIR [--team T] [--lang zh_CN] [--data-dir DIR] (see --help)</source>
        <translation>用法：parceldesk report [--week 2026-W47 | --appeals-month 2026-11] --format pdf,xlsx,csv --out 資料夾 [--team 班組] [--lang zh_CN] [--data-dir 資料夾]（詳見 --help）</translation>
    </message>
    <message>
        <source>Not a month: %1 (expected e.g. 2026-11)</source>
        <translation>不是有效的月份：%1（應為 2026-11 這樣的格式）</translation>
    </message>
</context>
<context>
    <name>pd::ReportExporter</name>
    <message>
        <source>CSV tickets</source>
        <translation>CSV 工單明細</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>無法建立資料夾 %1。</translation>
    </message>
    <message>
        <source>No data.</source>
        <translation>無資料。</translation>
    </message>
    <message>
        <source>Top %1 of %2 rows; the XLSX and CSV files list them all.</source>
        <translation>僅列出 %2 行中的前 %1 行；XLSX 和 CSV 檔案中列出了全部。</translation>
    </message>
    <message>
        <source>Weekly report %1</source>
        <translation>週報 %1</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>第 %1 頁</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>無法寫入 %1。</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Category mix</source>
        <translation>投訴類別構成</translation>
    </message>
    <message>
        <source>Daily volume (bars) and first-response SLA compliance (line)</source>
        <translation>每日投訴量（柱）與首次回應時效達標率（線）</translation>
    </message>
    <message>
        <source>First response time distribution</source>
        <translation>首次回應時長分佈</translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation>無法建立 %1。</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>彙總</translation>
    </message>
    <message>
        <source>Cannot add sheet %1.</source>
        <translation>無法新增工作表 %1。</translation>
    </message>
    <message>
        <source>Complaints per day</source>
        <translation>每日投訴量</translation>
    </message>
    <message>
        <source>SLA compliance per day</source>
        <translation>每日時效達標率</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>工單</translation>
    </message>
    <message>
        <source>XLSX tickets</source>
        <translation>XLSX 工單明細</translation>
    </message>
    <message>
        <source>Compressing XLSX</source>
        <translation>正在壓縮 XLSX</translation>
    </message>
</context>
<context>
    <name>pd::ReportTables</name>
    <message>
        <source>n/a</source>
        <translation>暫無資料</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>網點</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>快遞員</translation>
    </message>
    <message>
        <source>Stations by complaints per 10,000 parcels</source>
        <translation>網點萬件投訴率排名</translation>
    </message>
    <message>
        <source>Couriers by complaints per 10,000 parcels</source>
        <translation>快遞員萬件投訴率排名</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>編號</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投訴量</translation>
    </message>
    <message>
        <source>Parcels delivered</source>
        <translation>簽收包裹數</translation>
    </message>
    <message>
        <source>Per 10,000</source>
        <translation>每萬件</translation>
    </message>
    <message>
        <source>met</source>
        <translation>達標</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>未達標</translation>
    </message>
    <message>
        <source>KPI summary</source>
        <translation>KPI 彙總</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>KPI</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本週</translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation>上週</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>變化</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目標</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>CSAT and NPS</source>
        <translation>滿意度與淨推薦值</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>指標</translation>
    </message>
    <message>
        <source>CSAT answers</source>
        <translation>滿意度評價數</translation>
    </message>
    <message>
        <source>CSAT (4–5)</source>
        <translation>滿意度（4–5 分）</translation>
    </message>
    <message>
        <source>CSAT mean (1–5)</source>
        <translation>滿意度均分（1–5）</translation>
    </message>
    <message>
        <source>NPS answers</source>
        <translation>淨推薦值評價數</translation>
    </message>
    <message>
        <source>Promoters</source>
        <translation>推薦者</translation>
    </message>
    <message>
        <source>Passives</source>
        <translation>被動者</translation>
    </message>
    <message>
        <source>Detractors</source>
        <translation>貶損者</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>淨推薦值</translation>
    </message>
    <message>
        <source>Category mix</source>
        <translation>投訴類別構成</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>類別</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>佔比</translation>
    </message>
    <message>
        <source>Daily volume and SLA compliance</source>
        <translation>每日投訴量與時效達標率</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Deadlines met</source>
        <translation>達成時效數</translation>
    </message>
    <message>
        <source>Deadlines decided</source>
        <translation>已判定時效數</translation>
    </message>
    <message>
        <source>SLA compliance</source>
        <translation>時效達標率</translation>
    </message>
    <message>
        <source>First response time distribution</source>
        <translation>首次回應時長分佈</translation>
    </message>
    <message>
        <source>First response</source>
        <translation>首次回應</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>工單數</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>客服</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>客服</translation>
    </message>
    <message>
        <source>Handled</source>
        <translation>處理量</translation>
    </message>
    <message>
        <source>Median first response</source>
        <translation>首次回應時長中位數</translation>
    </message>
    <message>
        <source>CSAT</source>
        <translation>滿意度</translation>
    </message>
    <message>
        <source>Breaches</source>
        <translation>超時數</translation>
    </message>
    <message>
        <source>Open tickets past their deadline</source>
        <translation>已超時的未結工單</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>工單</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>優先順序</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>班組</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>處理人</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>時效類型</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>截止時間</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>超時時長</translation>
    </message>
    <message>
        <source>first response</source>
        <translation>首次回應</translation>
    </message>
    <message>
        <source>resolution</source>
        <translation>解決時效</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>建立時間</translation>
    </message>
    <message>
        <source>Waybill</source>
        <translation>運單號</translation>
    </message>
    <message>
        <source>First response (min)</source>
        <translation>首次回應（分鐘）</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>解決時間</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>問題描述</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>網點</translation>
    </message>
    <message>
        <source>Couriers</source>
        <translation>快遞員</translation>
    </message>
    <message>
        <source>KPIs</source>
        <translation>KPI 指標</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>投訴類別</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>每日資料</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>Customer phone</source>
        <translation>客戶電話</translation>
    </message>
    <message>
        <source>no target</source>
        <translation>無目標</translation>
    </message>
    <message>
        <source>Priority code</source>
        <translation>優先順序程式碼</translation>
    </message>
    <message>
        <source>Team id</source>
        <translation>班組編號</translation>
    </message>
    <message>
        <source>Assignee id</source>
        <translation>處理人編號</translation>
    </message>
    <message>
        <source>Station id</source>
        <translation>網點編號</translation>
    </message>
    <message>
        <source>Courier id</source>
        <translation>快遞員編號</translation>
    </message>
</context>
<context>
    <name>pd::ReportsPage</name>
    <message>
        <source>&amp;Week:</source>
        <translation>週次(&amp;W)：</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>全部班組</translation>
    </message>
    <message>
        <source>&amp;Team:</source>
        <translation>班組(&amp;T)：</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Excel (XLSX)</source>
        <translation>Excel (XLSX)</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>Formats:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>瀏覽(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>資料夾(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>匯出(&amp;E)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>開啟資料夾(&amp;O)</translation>
    </message>
    <message>
        <source>KPI summary preview</source>
        <translation>KPI 彙總預覽</translation>
    </message>
    <message>
        <source>Folder for the reports</source>
        <translation>報表儲存資料夾</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>正在載入 %1…</translation>
    </message>
    <message>
        <source>Choose at least one format.</source>
        <translation>請至少選擇一種格式。</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>正在匯出 %1…</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) written.</source>
        <translation><numerusform>已寫入 %n 個檔案。</numerusform></translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>已取消匯出。</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>匯出失敗：%1</translation>
    </message>
    <message>
        <source>Customer data:</source>
        <translation>客戶資訊：</translation>
    </message>
    <message>
        <source>Include full customer &amp;data (names and phones from the server; logged)</source>
        <translation>包含完整客戶資訊(&amp;D)（姓名和電話來自伺服器；會被記錄）</translation>
    </message>
    <message>
        <source>Without it, the ticket lists show names and phones masked (王*, 138****5678). With it, the server records that you exported them.</source>
        <translation>不勾選時，工單列表中的姓名和電話會遮蔽顯示（王*、138****5678）。勾選後，伺服器會記錄您匯出了這些資訊。</translation>
    </message>
    <message>
        <source>Fetching full customer data from the server (the export is logged)…</source>
        <translation>正在從伺服器取得完整客戶資訊（此匯出會被記錄）…</translation>
    </message>
    <message>
        <source>the server cannot be reached</source>
        <translation>無法連線伺服器</translation>
    </message>
    <message>
        <source>your session has ended; sign in again</source>
        <translation>您的工作階段已結束，請重新登入</translation>
    </message>
    <message>
        <source>only managers may export full customer data</source>
        <translation>只有經理可以匯出完整客戶資訊</translation>
    </message>
    <message>
        <source>HTTP %1 %2</source>
        <translation>HTTP %1 %2</translation>
    </message>
    <message>
        <source>Full customer data could not be fetched (%1). Nothing was written; export without it, or try again.</source>
        <translation>無法取得完整客戶資訊（%1）。未寫入任何檔案；請不含客戶資訊匯出，或稍後重試。</translation>
    </message>
    <message>
        <source>%1 The export could not be recorded on the server (%2).</source>
        <translation>%1 此次匯出未能記錄到伺服器（%2）。</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>離線</translation>
    </message>
    <message>
        <source>Fetching the proactive notice figures from the server…</source>
        <translation>正在從伺服器獲取主動通知資料…</translation>
    </message>
</context>
<context>
    <name>pd::ResolveDialog</name>
    <message>
        <source>Resolve ticket</source>
        <translation>解決工單</translation>
    </message>
    <message>
        <source>Choose how it was resolved…</source>
        <translation>請選擇處理方式…</translation>
    </message>
    <message>
        <source>Amount in yuan, e.g. 50 or 12.50</source>
        <translation>金額（元），例如 50 或 12.50</translation>
    </message>
    <message>
        <source>Compensation amount (yuan)</source>
        <translation>賠償金額（元）</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>解決</translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation>處理方式：</translation>
    </message>
    <message>
        <source>Compensation (¥):</source>
        <translation>賠償金額（¥）：</translation>
    </message>
    <message>
        <source>Optional: what was agreed with the customer (kept as an internal note)</source>
        <translation>選填：與客戶商定的處理結果（儲存為內部備註）</translation>
    </message>
    <message>
        <source>Resolution note</source>
        <translation>處理說明</translation>
    </message>
    <message>
        <source>Resolution note:</source>
        <translation>處理說明：</translation>
    </message>
    <message>
        <source>Reason for a different amount</source>
        <translation>金額調整原因</translation>
    </message>
    <message>
        <source>Why this amount:</source>
        <translation>金額說明：</translation>
    </message>
    <message>
        <source>Calculator: %1</source>
        <translation>計算結果：%1</translation>
    </message>
    <message>
        <source>Amount changed from %1: %2</source>
        <translation>金額由建議的 %1 調整，原因：%2</translation>
    </message>
    <message>
        <source>Above your approval limit of %1: a supervisor or manager decides, and the ticket stays open until then.</source>
        <translation>超出您的審批額度 %1：需由主管或經理審批，審批前工單保持未解決狀態。</translation>
    </message>
    <message>
        <source>Request approval</source>
        <translation>申請審批</translation>
    </message>
    <message>
        <source>Required when the amount is not the proposed one or needs approval</source>
        <translation>金額與建議金額不同或需要審批時必填</translation>
    </message>
</context>
<context>
    <name>pd::RevealDialog</name>
    <message>
        <source>Show the customer's phone number</source>
        <translation>顯示客戶電話號碼</translation>
    </message>
    <message>
        <source>Show the customer's name</source>
        <translation>顯示客戶姓名</translation>
    </message>
    <message>
        <source>Show the parcel's addresses</source>
        <translation>顯示包裹地址</translation>
    </message>
    <message>
        <source>Why do you need the customer's %1? The server records who looked, which ticket, when and why; the value is shown while this ticket is open and is not stored on this computer.</source>
        <translation>您為什麼需要客戶的%1？伺服器會記錄檢視人、工單、時間和原因；完整資訊僅在此工單開啟期間顯示，不會儲存在此電腦上。</translation>
    </message>
    <message>
        <source>Note (required for Other)</source>
        <translation>備註（選擇“其他”時必填）</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>顯示(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>備註(&amp;O)：</translation>
    </message>
    <message>
        <source>Say why in the note.</source>
        <translation>請在備註中說明原因。</translation>
    </message>
</context>
<context>
    <name>pd::SearchSnippets</name>
    <message>
        <source>Ticket number</source>
        <translation>工單號</translation>
    </message>
    <message>
        <source>Waybill number</source>
        <translation>運單號</translation>
    </message>
    <message>
        <source>Customer phone number</source>
        <translation>客戶手機號</translation>
    </message>
    <message>
        <source>Last four digits of the customer's phone</source>
        <translation>客戶手機尾號</translation>
    </message>
    <message>
        <source>Complaint: %1</source>
        <translation>投訴內容：%1</translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation>客戶姓名</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>event kind, excerpt</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>溝通記錄</translation>
    </message>
</context>
<context>
    <name>pd::ServerLink</name>
    <message>
        <source>Not connected to the server.</source>
        <translation>未連線到伺服器。</translation>
    </message>
</context>
<context>
    <name>pd::Session</name>
    <message>
        <source>Sending your queued changes…</source>
        <translation>正在傳送您排隊中的修改…</translation>
    </message>
    <message>
        <source>Signing out</source>
        <translation>正在登出</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) could not be sent. They stay on this computer for you only and are sent when you sign in here again.</source>
        <translation><numerusform>有 %n 項修改未能傳送。它們僅為您保留在這臺電腦上，您再次在此登入時會自動傳送。</numerusform></translation>
    </message>
    <message>
        <source>The server could not be reached to end your session; it cannot be resumed from this computer any more.</source>
        <translation>無法連線伺服器來結束您的工作階段；但這臺電腦已無法再恢復該工作階段。</translation>
    </message>
    <message>
        <source>Your tickets could not be removed from this computer: %1</source>
        <translation>無法從這臺電腦上刪除您的工單：%1</translation>
    </message>
    <message>
        <source>You are signed out.</source>
        <translation>您已登出。</translation>
    </message>
</context>
<context>
    <name>pd::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>鍵盤快捷鍵</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>選單</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按鍵</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
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
        <translation>記住我（此電腦上沒有鑰匙圈）</translation>
    </message>
</context>
<context>
    <name>pd::Sla</name>
    <message>
        <source>First response</source>
        <translation>首次回應</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>解決時效</translation>
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
        <translation>轉為擱置</translation>
    </message>
    <message>
        <source>Back from pending</source>
        <translation>結束擱置</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解決</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>已重新開啟</translation>
    </message>
    <message>
        <source>Statutory handling</source>
        <translation>法定處理時效</translation>
    </message>
    <message>
        <source>Appeal answer</source>
        <translation>申訴答覆時效</translation>
    </message>
    <message>
        <source>Appeal redo</source>
        <translation>申訴重新答覆時效</translation>
    </message>
</context>
<context>
    <name>pd::SlaCountdown</name>
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
        <source>Breached +%1</source>
        <translation>已超時 +%1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>SLA state, time left</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <comment>days and hours</comment>
        <translation>%1 天 %2 小時</translation>
    </message>
</context>
<context>
    <name>pd::SlaNotifier</name>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>First response due soon</source>
        <translation>首次回應即將超時</translation>
    </message>
    <message>
        <source>Resolution due soon</source>
        <translation>解決時效即將超時</translation>
    </message>
    <message>
        <source>First response overdue</source>
        <translation>首次回應已超時</translation>
    </message>
    <message>
        <source>Resolution overdue</source>
        <translation>解決時效已超時</translation>
    </message>
    <message>
        <source>New regulator appeal</source>
        <translation>新的轉辦申訴</translation>
    </message>
    <message>
        <source>%1 due soon</source>
        <translation>%1即將超時</translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>%1已超時</translation>
    </message>
</context>
<context>
    <name>pd::SlaPanel</name>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2：%3</translation>
    </message>
    <message>
        <source>(%1 left)</source>
        <translation>（剩餘 %1）</translation>
    </message>
    <message>
        <source>(%1 over)</source>
        <translation>（超出 %1）</translation>
    </message>
    <message>
        <source>%1 %2: %3 (target %4)</source>
        <translation>%1 %2：%3（目標 %4）</translation>
    </message>
    <message>
        <source>%1 left, due %2</source>
        <translation>剩餘 %1，截止時間 %2</translation>
    </message>
    <message>
        <source>Breached %1 ago (deadline %2)</source>
        <translation>已超時 %1（截止時間 %2）</translation>
    </message>
    <message>
        <source>Met at %1 after %2 (deadline %3)</source>
        <translation>於 %1 達成，用時 %2（截止時間 %3）</translation>
    </message>
    <message>
        <source>Paused with %1 left</source>
        <translation>已暫停，剩餘 %1</translation>
    </message>
    <message>
        <source>  %1 – %2  %3 (%4; %5 used)</source>
        <translation>  %1 – %2  %3（%4；累計用時 %5）</translation>
    </message>
    <message>
        <source>(due %1)</source>
        <translation>（截止 %1）</translation>
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
    <message>
        <source>must be an object with the keys statutory, appeal_answer, appeal_redo</source>
        <translation>必須是包含 statutory、appeal_answer、appeal_redo 鍵的物件</translation>
    </message>
    <message>
        <source>must be one of: statutory, appeal_answer, appeal_redo</source>
        <translation>必須是以下之一：statutory、appeal_answer、appeal_redo</translation>
    </message>
    <message>
        <source>must be an object {days, warning_days, calendar}</source>
        <translation>必須是 {days, warning_days, calendar} 形式的物件</translation>
    </message>
    <message>
        <source>must be a whole number of days from 1 to 366</source>
        <translation>必須是 1 到 366 之間的整數天數</translation>
    </message>
    <message>
        <source>must be a whole number of days, 0 or more</source>
        <translation>必須是大於或等於 0 的整數天數</translation>
    </message>
    <message numerus="yes">
        <source>must be fewer than the clock's %n day(s)</source>
        <translation><numerusform>必須少於該時效的 %n 天</numerusform></translation>
    </message>
    <message>
        <source>must be the name of a calendar of this policy, or empty for natural days</source>
        <translation>必須是本策略中的日曆名稱，留空表示按自然日計算</translation>
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
    <message>
        <source>The server refused this change (HTTP %1).</source>
        <translation>伺服器拒絕了這項修改（HTTP %1）。</translation>
    </message>
    <message>
        <source>The local cache could not be prepared for %1: %2</source>
        <translation>無法為 %1 準備本地快取：%2</translation>
    </message>
    <message>
        <source>The local cache is not open.</source>
        <translation>本地快取未開啟。</translation>
    </message>
    <message>
        <source>Sending your queued changes…</source>
        <translation>正在傳送您排隊中的修改…</translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation>已登出。</translation>
    </message>
    <message>
        <source>This change was kept encrypted under a key this computer no longer has; its contents cannot be read, so it was not sent.</source>
        <translation>此更改以本機已不再持有的金鑰加密儲存；無法讀取其內容，因此未傳送。</translation>
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
        <translation><numerusform>%n 項待傳送</numerusform></translation>
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
    <name>pd::TeamBoardPage</name>
    <message>
        <source>Offline: the agents' loads are not current.</source>
        <translation>離線：坐席負載不是最新資料。</translation>
    </message>
    <message>
        <source>Select one or more tickets in the queue and an agent first.</source>
        <translation>請先在佇列中選擇一張或多張工單，並選擇一名坐席。</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) assigned to %1.</source>
        <translation><numerusform>已將 %n 張工單分派給 %1。</numerusform></translation>
    </message>
    <message>
        <source>&amp;Agents (drop tickets on an agent to assign them)</source>
        <translation>坐席(&amp;A)（將工單拖到坐席上即可分派）</translation>
    </message>
    <message>
        <source>&amp;Unassigned tickets</source>
        <translation>待分配工單(&amp;U)</translation>
    </message>
    <message>
        <source>Assign to selected a&amp;gent</source>
        <translation>分派給所選坐席(&amp;G)</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Unassigned tickets</source>
        <translation>待分配工單</translation>
    </message>
    <message>
        <source>Assign the selected tickets to the selected agent</source>
        <translation>將所選工單分派給所選坐席</translation>
    </message>
</context>
<context>
    <name>pd::TicketPane</name>
    <message>
        <source>Also viewing: %1</source>
        <translation>同時在檢視：%1</translation>
    </message>
    <message>
        <source>Choose a ticket.</source>
        <translation>請選擇一張工單。</translation>
    </message>
    <message>
        <source>This ticket is not in the local cache (any more).</source>
        <translation>本地快取中沒有（或已不再有）這張工單。</translation>
    </message>
    <message>
        <source>This ticket belongs to another team.</source>
        <translation>這張工單屬於其他班組。</translation>
    </message>
    <message>
        <source> · not yet sent</source>
        <translation> · 尚未傳送</translation>
    </message>
    <message>
        <source> · conflict</source>
        <translation> · 有衝突</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · %4 · assigned to %5%6</source>
        <translation>%1 · %2 · %3 · %4 · 處理人：%5%6</translation>
    </message>
    <message>
        <source>(new)</source>
        <translation>（新建）</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>無</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>溝通記錄</translation>
    </message>
    <message>
        <source>Customer &amp;&amp; parcel</source>
        <translation>客戶與包裹</translation>
    </message>
    <message>
        <source>SLA</source>
        <translation>時效</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>回訪</translation>
    </message>
    <message>
        <source>The ticket has no phone number.</source>
        <translation>此工單沒有電話號碼。</translation>
    </message>
    <message>
        <source>Asking the server for the number (logged as a call back)…</source>
        <translation>正在向伺服器取得號碼（記錄為回電）…</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Nobody is assigned yet: choose a person in the list first.</source>
        <translation>尚未分派給任何人：請先在清單中選擇一人。</translation>
    </message>
    <message>
        <source>%1 already has this ticket: choose someone else in the list first.</source>
        <translation>這張工單已由%1負責：請先在清單中選擇其他人。</translation>
    </message>
    <message>
        <source>Released: nobody is assigned now.</source>
        <translation>已釋放：目前無人負責。</translation>
    </message>
    <message>
        <source>Assigned to %1.</source>
        <translation>已分派給%1。</translation>
    </message>
    <message>
        <source>Resolved, but the note was not saved (it is in the note box): %1</source>
        <translation>已解決，但說明未儲存（內容已放入備註框）：%1</translation>
    </message>
    <message>
        <source>Appeal</source>
        <translation>申訴</translation>
    </message>
    <message>
        <source>Key account</source>
        <translation>大客戶</translation>
    </message>
    <message>
        <source>%1 waits for approval</source>
        <translation>%1 待審批</translation>
    </message>
    <message>
        <source>Appeal steps are recorded by the server. Try again when connected.</source>
        <translation>申訴處理步驟需由伺服器記錄。請在聯網後重試。</translation>
    </message>
    <message>
        <source>Not recorded: %1</source>
        <translation>未能記錄：%1</translation>
    </message>
    <message>
        <source>Recorded; the ticket follows with the next sync.</source>
        <translation>已記錄；工單將在下次同步時更新。</translation>
    </message>
    <message>
        <source>Asking for approval needs the server. Try again when connected, or resolve with an amount within your limit.</source>
        <translation>申請審批需要連線伺服器。請在聯網後重試，或以您審批額度內的金額解決。</translation>
    </message>
    <message>
        <source>The request was not recorded: %1</source>
        <translation>申請未能記錄：%1</translation>
    </message>
    <message>
        <source>Approval requested; the ticket stays open until a supervisor decides.</source>
        <translation>已申請審批；主管審批前工單保持未解決狀態。</translation>
    </message>
    <message>
        <source>Within your limit: recorded as approved.</source>
        <translation>在您的審批額度內：已記為批准。</translation>
    </message>
    <message>
        <source>%1 (not on this computer)</source>
        <translation>%1（不在本機）</translation>
    </message>
    <message>
        <source>Choose a ticket first.</source>
        <translation>請先選擇一張工單。</translation>
    </message>
    <message>
        <source>%1 is a folder: add the files in it instead.</source>
        <translation>%1 是資料夾：請改為新增其中的檔案。</translation>
    </message>
    <message>
        <source>%1 was not added: the ticket's files would pass %2 together.</source>
        <translation>未新增 %1：新增後該工單的附件總大小將超過 %2。</translation>
    </message>
    <message>
        <source>The pasted picture could not be read.</source>
        <translation>無法讀取貼上的圖片。</translation>
    </message>
    <message>
        <source>The pasted picture was not added: %1</source>
        <translation>貼上的圖片未新增：%1</translation>
    </message>
    <message>
        <source>Add files to the ticket</source>
        <translation>向工單新增附件</translation>
    </message>
    <message>
        <source>Photos, PDFs and videos (%1);;All files (*)</source>
        <translation>照片、PDF 和影片 (%1);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>The evidence tag of %1 is kept on the server: try again when connected.</source>
        <translation>%1 的證據標籤儲存在伺服器上：請在聯網後重試。</translation>
    </message>
    <message>
        <source>Changing the evidence tag of %1…</source>
        <translation>正在更改 %1 的證據標籤…</translation>
    </message>
    <message>
        <source>The evidence tag of %1 was not changed: %2</source>
        <translation>%1 的證據標籤未更改：%2</translation>
    </message>
    <message>
        <source>The evidence tag of %1 was changed on the server; this PC shows it after the next sync.</source>
        <translation>已在伺服器上更改 %1 的證據標籤；本機將在下次同步後顯示。</translation>
    </message>
    <message>
        <source>Downloading %1…</source>
        <translation>正在下載 %1…</translation>
    </message>
    <message>
        <source>History (%1)</source>
        <translation>客戶歷史（%1）</translation>
    </message>
    <message>
        <source>History</source>
        <translation>客戶歷史</translation>
    </message>
    <message>
        <source>Tickets are merged by the server. Try again when connected.</source>
        <translation>工單合併由伺服器完成，請在連網後重試。</translation>
    </message>
    <message>
        <source>Merge tickets</source>
        <translation>合併工單</translation>
    </message>
    <message>
        <source>Merge %1 into %2?</source>
        <translation>將 %1 合併到 %2？</translation>
    </message>
    <message numerus="yes">
        <source>%n conversation entr(ies) and %1 move to %2. %3 closes, pointing to %2, and the complaint is counted once. This cannot be undone.</source>
        <translation><numerusform>%n 條溝通記錄和 %1 將移到 %2。%3 將關閉並指向 %2，投訴只計一次。此操作無法撤銷。</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation><numerusform>%n 個檔案</numerusform></translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>合併(&amp;M)</translation>
    </message>
    <message>
        <source>Not merged: %1</source>
        <translation>未合併：%1</translation>
    </message>
    <message>
        <source>Merged into %1; both tickets follow with the next sync.</source>
        <translation>已合併到 %1；兩張工單將在下次同步時更新。</translation>
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
        <translation>只有已解決的工單才能重新開啟。</translation>
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
        <source>(new)</source>
        <translation>（新建）</translation>
    </message>
    <message>
        <source>%1 ⇡</source>
        <comment>ticket number, not yet sent</comment>
        <translation>%1 ⇡</translation>
    </message>
    <message>
        <source>%1 ⚠</source>
        <comment>ticket number, needs attention</comment>
        <translation>%1 ⚠</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation><numerusform>%n 分鐘</numerusform></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小時 %2 分鐘</translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation><numerusform>%n 天</numerusform></translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Changed here, waiting to be sent to the server</source>
        <translation>已在本機修改，等待傳送到伺服器</translation>
    </message>
    <message>
        <source>The server refused this change or holds a newer version: open the ticket to decide</source>
        <translation>伺服器拒絕了此修改或已有更新的版本：請開啟工單進行處理</translation>
    </message>
    <message>
        <source>SLA</source>
        <translation>時效</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>建立至今</translation>
    </message>
    <message>
        <source>Edits waiting: %1</source>
        <translation>待傳送的修改：%1</translation>
    </message>
    <message>
        <source>Sent at the next sync</source>
        <translation>下次同步時傳送</translation>
    </message>
    <message numerus="yes">
        <source>in %n s</source>
        <translation><numerusform>%n 秒後</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>in %n min</source>
        <translation><numerusform>%n 分鐘後</numerusform></translation>
    </message>
    <message>
        <source>Next try: %1 (%2)</source>
        <comment>time in the company's zone, then how long from now</comment>
        <translation>下次重試：%1（%2）</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>上次錯誤：%1</translation>
    </message>
    <message>
        <source>Attempts: %1</source>
        <translation>已嘗試次數：%1</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>匹配內容</translation>
    </message>
    <message>
        <source>%1 ↻%2</source>
        <comment>ticket number, chased by the customer N times (催单)</comment>
        <translation>%1 ↻%2</translation>
    </message>
    <message>
        <source>★ %1</source>
        <comment>a key-account customer (大客户)</comment>
        <translation>★ %1</translation>
    </message>
    <message>
        <source>%1 ⧉</source>
        <comment>ticket number, likely a duplicate of another open ticket</comment>
        <translation>%1 ⧉</translation>
    </message>
    <message>
        <source>Likely a duplicate of %1 (the same waybill): a supervisor can merge it</source>
        <translation>可能與 %1 重複（同一運單）：主管可以合併</translation>
    </message>
</context>
<context>
    <name>pd::TrendAlertPanel</name>
    <message>
        <source>route %1</source>
        <translation>線路 %1</translation>
    </message>
    <message>
        <source>courier %1</source>
        <translation>快遞員 %1</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>警報</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>預警</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %2: %n complaint(s) since %3 where %4 are normal (×%5)</source>
        <translation><numerusform>%1 — %2：%3 起 %n 件投訴，正常約 %4 件（×%5）</numerusform></translation>
    </message>
    <message>
        <source>Complaint spike · %1</source>
        <translation>投訴激增 · %1</translation>
    </message>
    <message numerus="yes">
        <source>Complaint spikes (%n open)</source>
        <translation><numerusform>投訴激增（%n 條未結）</numerusform></translation>
    </message>
    <message>
        <source>Only a station's spike has a place on the map.</source>
        <translation>只有網點的投訴激增可以在地圖上顯示。</translation>
    </message>
    <message>
        <source>More complaints than is normal for the hour of the week (a Poisson test against the last weeks). Open the complaints to find what they share.</source>
        <translation>投訴量高於每週同一時段的正常水平（與過去數週比較的泊松檢驗）。開啟這些投訴，找出它們的共同點。</translation>
    </message>
    <message>
        <source>Show &amp;complaints</source>
        <translation>檢視投訴(&amp;C)</translation>
    </message>
    <message>
        <source>Show on &amp;map</source>
        <translation>在地圖上顯示(&amp;M)</translation>
    </message>
</context>
<context>
    <name>pd::UnassignedModel</name>
    <message numerus="yes">
        <source>%n min late</source>
        <translation><numerusform>已超時 %n 分鐘</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation><numerusform>%n 分鐘</numerusform></translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>工單</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>類別</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>截止時間</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩餘時間</translation>
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
        <translation><numerusform>純數字運單號（中通、申通、韻達、百世）為 12 到 15 位，目前為 %n 位。</numerusform></translation>
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
    <message>
        <source>The text contains a broken character (an unpaired UTF-16 surrogate, U+%1, at position %2).</source>
        <translation>文字含有損壞的字元（不成對的 UTF-16 代理項 U+%1，位於第 %2 個位置）。</translation>
    </message>
    <message>
        <source>The text contains a control character (U+%1 at position %2); only tabs and line breaks are allowed.</source>
        <translation>文字含有控制字元（U+%1，位於第 %2 個位置）；只允許製表符和換行。</translation>
    </message>
    <message>
        <source>The text contains a character that changes the writing direction (U+%1 at position %2): it can make text read differently from what is stored.</source>
        <translation>文字含有改變書寫方向的字元（U+%1，位於第 %2 個位置）：它會使顯示的文字與儲存的內容不一致。</translation>
    </message>
    <message>
        <source>The compensation must be more than zero.</source>
        <translation>賠償金額必須大於零。</translation>
    </message>
    <message>
        <source>The compensation cannot be more than ¥%1.</source>
        <translation>賠償金額不能超過 ¥%1。</translation>
    </message>
    <message>
        <source>Numeric waybill, carrier unknown</source>
        <translation>純數字運單號，承運商未知</translation>
    </message>
</context>
<context>
    <name>pd::WaybillFinder</name>
    <message>
        <source>New ticket for %1</source>
        <translation>為 %1 新建工單</translation>
    </message>
    <message>
        <source>No ticket is about %1. Looking the parcel up on the server…</source>
        <translation>沒有關於 %1 的工單。正在向伺服器查詢該包裹…</translation>
    </message>
    <message>
        <source>No ticket is about %1, and the server does not know this parcel yet.</source>
        <translation>沒有關於 %1 的工單，伺服器上也暫無該包裹。</translation>
    </message>
    <message>
        <source>No ticket is about %1. The parcel is not in the local cache and the server cannot be reached to look it up.</source>
        <translation>沒有關於 %1 的工單。該包裹不在本地快取中，且無法連線伺服器查詢。</translation>
    </message>
    <message>
        <source>%1, late</source>
        <translation>%1，已延誤</translation>
    </message>
    <message>
        <source>No ticket is about %1. The parcel, from the server: %2, %3 → %4.</source>
        <translation>沒有關於 %1 的工單。伺服器上的包裹：%2，%3 → %4。</translation>
    </message>
    <message>
        <source>No ticket is about %1. The parcel: %2, %3 → %4.</source>
        <translation>沒有關於 %1 的工單。包裹：%2，%3 → %4。</translation>
    </message>
</context>
<context>
    <name>pd::WeeklyReport</name>
    <message>
        <source>Data coverage: the local cache has never synced; figures may be incomplete.</source>
        <translation>資料覆蓋：本地快取從未同步，資料可能不完整。</translation>
    </message>
    <message>
        <source>Data as of %1 (%2), generated %3.</source>
        <translation>資料截至 %1（%2），產生於 %3。</translation>
    </message>
    <message>
        <source>%1 — weekly report %2</source>
        <translation>%1 — %2 週報</translation>
    </message>
    <message>
        <source>%1 — team %2</source>
        <translation>%1 — 班組 %2</translation>
    </message>
    <message>
        <source>%1 pp</source>
        <extracomment>change of a share in percentage points ("+1.2 pp"); %1 is the number</extracomment>
        <translation>%1 個百分點</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小時</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分鐘</translation>
    </message>
    <message>
        <source>≥ %1</source>
        <translation>≥ %1</translation>
    </message>
    <message>
        <source>&lt; %1</source>
        <translation>&lt; %1</translation>
    </message>
</context>
<context>
    <name>pd::WorkbenchPage</name>
    <message>
        <source>Tickets</source>
        <translation>工單</translation>
    </message>
    <message>
        <source>Search: %1</source>
        <translation>搜尋：%1</translation>
    </message>
    <message>
        <source>The local cache holds no tickets yet. They arrive with the first sync from the server.</source>
        <translation>本地快取中還沒有工單，首次與伺服器同步後即會顯示。</translation>
    </message>
    <message>
        <source>No ticket in this queue. Well done.</source>
        <translation>此佇列已清空，辛苦了！</translation>
    </message>
    <message>
        <source>No ticket matches “%1”.</source>
        <translation>沒有與“%1”匹配的工單。</translation>
    </message>
</context>
<context>
    <name>pd::compensation::CompensationCalculator</name>
    <message>
        <source>insured loss: actual %1, insured value %2 → %3</source>
        <translation>保價件損失：實際價值 %1，保價金額 %2 → %3</translation>
    </message>
    <message>
        <source>cap %1 × freight %2 = %3</source>
        <translation>上限 %1 × 運費 %2 = %3</translation>
    </message>
    <message>
        <source>cap %1</source>
        <translation>上限 %1</translation>
    </message>
    <message>
        <source>%1, at most %2</source>
        <translation>%1，最高 %2</translation>
    </message>
    <message>
        <source>uninsured loss: actual %1, %2 → %3</source>
        <translation>未保價件損失：實際價值 %1，%2 → %3</translation>
    </message>
    <message>
        <source>damage %1 %: %2; %3 × %1 % = %4</source>
        <translation>損壞 %1%：%2；%3 × %1% = %4</translation>
    </message>
    <message>
        <source>delay: the parcel has no promised delivery time → nothing due</source>
        <translation>延誤：包裹沒有承諾送達時間 → 無需賠償</translation>
    </message>
    <message>
        <source>delay: delivered on time → nothing due</source>
        <translation>延誤：已按時送達 → 無需賠償</translation>
    </message>
    <message>
        <source>delay: not late yet → nothing due</source>
        <translation>延誤：尚未超過承諾送達時間 → 無需賠償</translation>
    </message>
    <message>
        <source>distance unknown</source>
        <translation>距離未知</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 公里</translation>
    </message>
    <message>
        <source>total delay: undelivered %1 days past the promised time, limit %2 days (%3) → paid as lost; %4</source>
        <translation>徹底延誤：超過承諾送達時間 %1 天仍未送達，上限 %2 天（%3）→ 按丟失賠償；%4</translation>
    </message>
    <message>
        <source>delay: freight %1 waived → %2</source>
        <translation>延誤：免收運費 %1 → %2</translation>
    </message>
    <message>
        <source>delay: %1 % of freight %2 waived → %3</source>
        <translation>延誤：減免運費 %2 的 %1% → %3</translation>
    </message>
    <message>
        <source>%1: the compensation rules cover loss, damage and delay → nothing due</source>
        <translation>%1：賠償規則僅適用於丟失、損壞和延誤 → 無需賠償</translation>
    </message>
</context>
<context>
    <name>pd::compensation::CompensationPolicy</name>
    <message>
        <source>is not a field of the compensation policy</source>
        <translation>不是賠償策略中的欄位</translation>
    </message>
    <message>
        <source>must be a whole number between %1 and %2</source>
        <translation>必須是 %1 到 %2 之間的整數</translation>
    </message>
    <message>
        <source>must be an amount in yuan between 0 and %1</source>
        <translation>必須是 0 到 %1 元之間的金額</translation>
    </message>
    <message>
        <source>must be a non-empty list of {max_km, days}</source>
        <translation>必須是非空的 {max_km, days} 列表</translation>
    </message>
    <message>
        <source>only the last band may leave max_km out (any farther distance)</source>
        <translation>只有最後一檔可以省略 max_km（表示更遠的任意距離）</translation>
    </message>
    <message>
        <source>the last band covers any farther distance: leave max_km out</source>
        <translation>最後一檔涵蓋更遠的所有距離：請省略 max_km</translation>
    </message>
    <message>
        <source>must be greater than the band before it (%1 km)</source>
        <translation>必須大於前一檔（%1 公里）</translation>
    </message>
    <message>
        <source>must be a number between 0 and %1</source>
        <translation>必須是 0 到 %1 之間的數字</translation>
    </message>
    <message>
        <source>an uninsured payment needs a limit: a multiple of the freight, an absolute cap or both</source>
        <translation>未保價賠付必須設定上限：運費倍數、固定封頂金額，或兩者兼有</translation>
    </message>
    <message>
        <source>must be an object of role codes</source>
        <translation>必須是以角色為鍵的物件</translation>
    </message>
    <message>
        <source>must not be lower than the limit of %1</source>
        <translation>不能低於 %1 的額度</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>為必填項</translation>
    </message>
    <message>
        <source>must be a non-empty list of service classes</source>
        <translation>必須是非空的服務類別列表</translation>
    </message>
    <message>
        <source>must be a unique, non-empty code</source>
        <translation>必須是唯一且非空的編碼</translation>
    </message>
    <message>
        <source>names no service class of this policy</source>
        <translation>不是本策略中的服務類別</translation>
    </message>
    <message>
        <source>is required when no service class is called "standard"</source>
        <translation>沒有名為 "standard" 的服務類別時為必填項</translation>
    </message>
</context>
<context>
    <name>pd::map::DistrictLayer</name>
    <message>
        <source>districts © AMap (DataV.GeoAtlas)</source>
        <translation>行政區劃 © 高德地圖（DataV.GeoAtlas）</translation>
    </message>
</context>
<context>
    <name>pd::map::MapItems</name>
    <message>
        <source>Late: promised %1</source>
        <translation>已延誤：承諾 %1 送達</translation>
    </message>
    <message>
        <source>Promised %1</source>
        <translation>承諾 %1 送達</translation>
    </message>
    <message numerus="yes">
        <source>%n open complaint(s)</source>
        <translation><numerusform>%n 個未結投訴</numerusform></translation>
    </message>
    <message>
        <source>Shown at its destination (no position reported)</source>
        <translation>顯示在目的地（未上報位置）</translation>
    </message>
    <message>
        <source>Courier %1
Last seen %2</source>
        <translation>快遞員 %1
最後定位 %2</translation>
    </message>
    <message>
        <source>Station %1
%2</source>
        <translation>網點 %1
%2</translation>
    </message>
</context>
<context>
    <name>pd::map::MapView</name>
    <message>
        <source>© Natural Earth (public domain), world-atlas</source>
        <translation>© Natural Earth（公有領域），world-atlas</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 公里</translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1 米</translation>
    </message>
    <message numerus="yes">
        <source>%Ln parcels here: click to zoom in</source>
        <translation><numerusform>此處有 %Ln 個包裹：點選放大</numerusform></translation>
    </message>
</context>
<context>
    <name>pd::map::MarkerAtlas</name>
    <message>
        <source>In transit</source>
        <translation>運輸中</translation>
    </message>
    <message>
        <source>Out for delivery</source>
        <translation>派送中</translation>
    </message>
    <message>
        <source>At a station</source>
        <translation>到達網點</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已簽收</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>已延誤</translation>
    </message>
    <message>
        <source>Exception</source>
        <translation>異常</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>快遞員</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>網點</translation>
    </message>
    <message>
        <source>Tracking event</source>
        <translation>物流軌跡點</translation>
    </message>
    <message>
        <source>Open complaint</source>
        <translation>未結投訴</translation>
    </message>
    <message>
        <source>Incident (parcels affected)</source>
        <translation>事件（受影響包裹）</translation>
    </message>
</context>
<context>
    <name>pd::map::ParcelCard</name>
    <message>
        <source>Open ticket</source>
        <translation>開啟工單</translation>
    </message>
    <message>
        <source>Close the card</source>
        <translation>關閉卡片</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Promised</source>
        <translation>承諾送達</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>預計送達</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>快遞員</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>工單</translation>
    </message>
    <message>
        <source>%1 (late)</source>
        <translation>%1（已延誤）</translation>
    </message>
    <message>
        <source>No tickets about this parcel</source>
        <translation>此包裹沒有相關工單</translation>
    </message>
    <message>
        <source>Delivered</source>
        <comment>the time a parcel was delivered, beside its promised time</comment>
        <translation>簽收時間</translation>
    </message>
</context>
<context>
    <name>pd::routing::Decision</name>
    <message>
        <source>key account</source>
        <translation>大客戶</translation>
    </message>
    <message>
        <source>taken with Next ticket</source>
        <translation>透過“下一張工單”領取</translation>
    </message>
    <message>
        <source>the only qualified agent</source>
        <translation>唯一符合條件的坐席</translation>
    </message>
    <message>
        <source>next in turn of %1 qualified agents</source>
        <translation>%1 名符合條件的坐席中輪到的下一位</translation>
    </message>
    <message>
        <source>least loaded of %1 qualified agents</source>
        <translation>%1 名符合條件的坐席中負載最低</translation>
    </message>
    <message>
        <source>no deadline</source>
        <translation>無截止時間</translation>
    </message>
    <message>
        <source>deadline %1</source>
        <translation>截止 %1</translation>
    </message>
    <message>
        <source>taken from %1</source>
        <translation>從 %1 處轉出</translation>
    </message>
    <message>
        <source>taken from %1, not opened in time</source>
        <translation>從 %1 處轉出（未按時開啟）</translation>
    </message>
    <message>
        <source>taken from %1, who is offline</source>
        <translation>從 %1 處轉出（該坐席已離線）</translation>
    </message>
    <message>
        <source>; </source>
        <extracomment>Joins the parts of a routing reason: "least loaded of 4 qualified agents; deadline 10:42"</extracomment>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>pd::routing::Routing</name>
    <message>
        <source>Online</source>
        <translation>線上</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>忙碌</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>休息</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>離開</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>離線</translation>
    </message>
    <message>
        <source>Earliest deadline first</source>
        <translation>最早截止優先</translation>
    </message>
    <message>
        <source>Round robin</source>
        <translation>輪流分配</translation>
    </message>
    <message>
        <source>Pull only</source>
        <translation>僅自行領取</translation>
    </message>
</context>
<context>
    <name>pd::routing::RoutingPolicy</name>
    <message>
        <source>is not a field of the routing policy</source>
        <translation>不是分配策略的欄位</translation>
    </message>
    <message>
        <source>must be one of: %1</source>
        <translation>必須是以下之一：%1</translation>
    </message>
    <message>
        <source>names no calendar of this policy</source>
        <translation>不是本策略中的日曆</translation>
    </message>
    <message>
        <source>must be an object of priority codes</source>
        <translation>必須是以優先順序程式碼為鍵的物件</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>必須是列表</translation>
    </message>
    <message>
        <source>must be a unique, non-empty id</source>
        <translation>必須是唯一且非空的 ID</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>為必填項</translation>
    </message>
    <message>
        <source>must be a unique, non-empty name</source>
        <translation>必須是唯一且非空的名稱</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>必須是物件</translation>
    </message>
</context>
<context>
    <name>pd::server::AgentStatusService</name>
    <message>
        <source>The status must be one of: %1.</source>
        <translation>狀態必須是以下之一：%1。</translation>
    </message>
    <message>
        <source>Only agents have a routing status.</source>
        <translation>只有坐席有分配狀態。</translation>
    </message>
</context>
<context>
    <name>pd::server::AppealCsv</name>
    <message>
        <source>The file is empty: the first line must name the columns.</source>
        <translation>檔案為空：第一行必須是列名。</translation>
    </message>
    <message>
        <source>Line 1: the column %1 is missing (申诉编号, 转办时间 and 申诉内容 are required).</source>
        <translation>第 1 行：缺少列 %1（申訴編號、轉辦時間和申訴內容為必填列）。</translation>
    </message>
</context>
<context>
    <name>pd::server::AppealImportCommand</name>
    <message>
        <source>Import the appeals forwarded by the regulator from its CSV export (UTF-8). Nothing is written unless every row is valid; an appeal imported before is left as it is.</source>
        <translation>從郵政管理部門匯出的 CSV 檔案（UTF-8）匯入轉辦申訴。只有全部行都有效時才會寫入；已匯入過的申訴保持不變。</translation>
    </message>
    <message>
        <source>Database URL.</source>
        <translation>資料庫 URL。</translation>
    </message>
    <message>
        <source>Check only; write nothing.</source>
        <translation>僅檢查，不寫入。</translation>
    </message>
    <message>
        <source>The regulator's CSV export.</source>
        <translation>郵政管理部門匯出的 CSV 檔案。</translation>
    </message>
    <message>
        <source>Give one CSV file: parceldesk-server import appeals FILE.csv</source>
        <translation>請指定一個 CSV 檔案：parceldesk-server import appeals FILE.csv</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>無法讀取 %1：%2</translation>
    </message>
    <message>
        <source>REJECTED %1 line %2 %3: %4</source>
        <translation>已拒絕 %1 第 %2 行 %3：%4</translation>
    </message>
    <message>
        <source>%1 of %2 appeals rejected. Nothing was imported.</source>
        <translation>%2 件申訴中有 %1 件被拒絕。未匯入任何資料。</translation>
    </message>
    <message>
        <source>Checked %1 appeals. Dry run: nothing was written.</source>
        <translation>已檢查 %1 件申訴。試執行：未寫入任何資料。</translation>
    </message>
    <message>
        <source>Imported %1 appeals (%2 imported before, left as they were).</source>
        <translation>已匯入 %1 件申訴（%2 件此前已匯入，保持不變）。</translation>
    </message>
    <message>
        <source>Database error: %1</source>
        <translation>資料庫錯誤：%1</translation>
    </message>
</context>
<context>
    <name>pd::server::AppealService</name>
    <message>
        <source>Send 1 to %1 appeals.</source>
        <translation>每次請傳送 1 至 %1 件申訴。</translation>
    </message>
    <message>
        <source>must be a team id, or empty</source>
        <translation>必須是班組編號，或留空</translation>
    </message>
    <message>
        <source>must be text</source>
        <translation>必須是文字</translation>
    </message>
    <message>
        <source>must not contain spaces or slashes</source>
        <translation>不能包含空格或斜槓</translation>
    </message>
    <message>
        <source>must be a date and time with its zone, e.g. 2026-10-09T10:00:00+08:00</source>
        <translation>必須是帶時區的日期時間，例如 2026-10-09T10:00:00+08:00</translation>
    </message>
    <message>
        <source>lies in the future</source>
        <translation>不能是將來的時間</translation>
    </message>
    <message>
        <source>cannot contain *, the mask character</source>
        <translation>不能包含脫敏字元 *</translation>
    </message>
    <message>
        <source>must be one of: %1</source>
        <translation>必須是以下之一：%1</translation>
    </message>
    <message>
        <source>names no team</source>
        <translation>不是已有的班組</translation>
    </message>
    <message>
        <source>Appeal %1 was imported, but its ticket has been deleted.</source>
        <translation>申訴 %1 此前已匯入，但其工單已被刪除。</translation>
    </message>
    <message>
        <source>No such ticket.</source>
        <translation>工單不存在。</translation>
    </message>
    <message>
        <source>Your role may not change tickets of this team.</source>
        <translation>您的角色無權修改該班組的工單。</translation>
    </message>
    <message>
        <source>This ticket is not a regulator appeal.</source>
        <translation>此工單不是轉辦申訴。</translation>
    </message>
    <message>
        <source>The ticket changed meanwhile (version %1). Reload it and try again.</source>
        <translation>工單已在此期間被修改（目前為第 %1 版）。請重新載入後再試。</translation>
    </message>
    <message>
        <source>This appeal is answered already; a new answer follows a rejection.</source>
        <translation>該申訴已答覆；只有被退回後才能重新答覆。</translation>
    </message>
    <message>
        <source>must be a date and time with its zone</source>
        <translation>必須是帶時區的日期時間</translation>
    </message>
    <message>
        <source>There is no answer to reject: answer the appeal first.</source>
        <translation>沒有可退回的答覆：請先答覆該申訴。</translation>
    </message>
    <message>
        <source>must lie between the answer (%1) and now</source>
        <translation>必須介於答覆時間（%1）與現在之間</translation>
    </message>
    <message>
        <source>must be an object {company_at_fault, fault_reason}</source>
        <translation>必須是 {company_at_fault, fault_reason} 形式的物件</translation>
    </message>
    <message>
        <source>cannot be changed; only company_at_fault and fault_reason</source>
        <translation>不可修改；只能修改 company_at_fault 和 fault_reason</translation>
    </message>
    <message>
        <source>must be true, false or null</source>
        <translation>必須是 true、false 或 null</translation>
    </message>
    <message>
        <source>is required when the company is at fault</source>
        <translation>企業有責時為必填項</translation>
    </message>
</context>
<context>
    <name>pd::server::AssignmentService</name>
    <message>
        <source>You are %1: set your status to online (or busy) to take tickets.</source>
        <translation>您當前為“%1”：請將狀態設為線上（或忙碌）後再領取工單。</translation>
    </message>
    <message>
        <source>assignee offline; back to the unassigned queue</source>
        <translation>處理人離線；已退回待分配佇列</translation>
    </message>
</context>
<context>
    <name>pd::server::CompensationController</name>
    <message>
        <source>%1 must be an ISO 8601 instant with an offset, e.g. 2026-11-23T00:00:00Z.</source>
        <translation>%1 必須是帶時區偏移的 ISO 8601 時間，例如 2026-11-23T00:00:00Z。</translation>
    </message>
    <message>
        <source>state must be one of: pending, approved, rejected.</source>
        <translation>state 必須是以下之一：pending、approved、rejected。</translation>
    </message>
    <message>
        <source>The compensation policy is not valid.</source>
        <translation>賠償策略無效。</translation>
    </message>
    <message>
        <source>The compensation policy changed since the version you edited (it is at version %1).</source>
        <translation>賠償策略在您編輯之後已被修改（目前為第 %1 版）。</translation>
    </message>
</context>
<context>
    <name>pd::server::CompensationService</name>
    <message>
        <source>%1 must be a text</source>
        <translation>%1 必須是文字</translation>
    </message>
    <message>
        <source>%1 (yuan) is required</source>
        <translation>%1（元）為必填項</translation>
    </message>
    <message>
        <source>%1 must be more than zero</source>
        <translation>%1 必須大於零</translation>
    </message>
    <message>
        <source>%1 is above your approval limit of %2; %3</source>
        <translation>%1 超出您的審批額度 %2；%3</translation>
    </message>
    <message>
        <source>request approval</source>
        <translation>請申請審批</translation>
    </message>
    <message>
        <source>Agents request compensation for their own team's tickets only.</source>
        <translation>客服只能為本班組的工單申請賠償。</translation>
    </message>
    <message>
        <source>The ticket is closed.</source>
        <translation>工單已關閉。</translation>
    </message>
    <message>
        <source>A compensation request of this ticket is waiting for approval already.</source>
        <translation>該工單已有一條賠償申請正在等待審批。</translation>
    </message>
    <message>
        <source>No compensation request with id %1.</source>
        <translation>沒有編號為 %1 的賠償申請。</translation>
    </message>
    <message>
        <source>This compensation request belongs to another team.</source>
        <translation>該賠償申請屬於其他班組。</translation>
    </message>
    <message>
        <source>This compensation request was %1 already.</source>
        <translation>該賠償申請已被%1。</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>駁回</translation>
    </message>
    <message>
        <source>You cannot decide your own compensation request.</source>
        <translation>您不能審批自己提交的賠償申請。</translation>
    </message>
    <message>
        <source>a manager must approve it</source>
        <translation>須由經理審批</translation>
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
    <message>
        <source>must be zh, yue, en or empty</source>
        <translation>必須是 zh、yue、en 或留空</translation>
    </message>
</context>
<context>
    <name>pd::server::CustomerCommand</name>
    <message>
        <source>Database URL (sqlite:PATH or postgresql://…).</source>
        <translation>資料庫 URL（sqlite:路徑 或 postgresql://…）。</translation>
    </message>
    <message>
        <source>The customer's phone number.</source>
        <translation>客戶的電話號碼。</translation>
    </message>
    <message>
        <source>--phone: %1</source>
        <translation>--phone：%1</translation>
    </message>
    <message>
        <source>Erased: %1 (%2 records changed).</source>
        <translation>已刪除：%1（更改了 %2 條記錄）。</translation>
    </message>
    <message>
        <source>Database error: %1</source>
        <translation>資料庫錯誤：%1</translation>
    </message>
    <message>
        <source>%1 was not a key account.</source>
        <translation>%1 原本不是大客戶。</translation>
    </message>
    <message>
        <source>%1 is no longer a key account (%2 open tickets updated).</source>
        <translation>%1 已不再是大客戶（已更新 %2 張未關閉工單）。</translation>
    </message>
    <message>
        <source>%1 is a key account (%2 open tickets updated).</source>
        <translation>%1 已設為大客戶（已更新 %2 張未關閉工單）。</translation>
    </message>
    <message>
        <source>--%1: %2</source>
        <translation>--%1：%2</translation>
    </message>
    <message>
        <source>Erase a customer's name, phone number and addresses from every record on the server, or mark a customer as a key account.</source>
        <translation>從伺服器的所有記錄中刪除客戶的姓名、電話號碼和地址，或將客戶標記為大客戶。</translation>
    </message>
    <message>
        <source>erase or key-account</source>
        <translation>erase 或 key-account</translation>
    </message>
    <message>
        <source>key-account: a note shown to managers.</source>
        <translation>key-account：顯示給經理的備註。</translation>
    </message>
    <message>
        <source>key-account: take the customer off the register.</source>
        <translation>key-account：將客戶從大客戶名錄中移除。</translation>
    </message>
    <message>
        <source>Usage: parceldesk-server customer erase --phone NUMBER [--db URL]
       parceldesk-server customer key-account --phone NUMBER [--label TEXT] [--remove] [--db URL]</source>
        <translation>用法：parceldesk-server customer erase --phone 號碼 [--db URL]
      parceldesk-server customer key-account --phone 號碼 [--label 文字] [--remove] [--db URL]</translation>
    </message>
    <message>
        <source>erase: the server's attachments folder (default: "attachments" beside the SQLite file).</source>
        <translation>erase：伺服器的附件目錄（預設：SQLite 檔案旁的“attachments”目錄）。</translation>
    </message>
</context>
<context>
    <name>pd::server::DemoSeeder</name>
    <message>
        <source>Demo users (password: demo): agent1, agent2 (team A), agent3 (team B), lead1 (supervisor), manager1 (manager), admin (administrator). Demo mode only.</source>
        <translation>示範使用者（密碼：demo）：agent1、agent2（A 組）、agent3（B 組）、lead1（主管）、manager1（經理）、admin（管理員）。僅限示範模式。</translation>
    </message>
    <message>
        <source>--demo refuses %1: that database was not created by --demo, and the demo would add users with the password "demo" and its simulator would rewrite the parcels. Give --demo a new --db (an empty database), or start without --demo.</source>
        <translation>--demo 拒絕使用 %1：該資料庫不是由 --demo 建立的，示範模式會新增密碼為“demo”的使用者，其模擬器還會改寫包裹資料。請為 --demo 指定新的 --db（空資料庫），或不帶 --demo 啟動。</translation>
    </message>
    <message>
        <source>Demo data for %1: %2 parcels delivered in %3 days as volume figures; %4 detailed parcels with %5 tracking events, %6 complaints with %7 timeline events, %8 couriers (%9 ms).</source>
        <translation>%1 的示範資料：%3 天內簽收 %2 個包裹（以業務量資料計）；%4 個明細包裹（%5 條物流軌跡）、%6 張投訴工單（%7 條處理記錄）、%8 名快遞員（用時 %9 毫秒）。</translation>
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
        <translation>資料庫位址。</translation>
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
    <message>
        <source>REJECTED %1 line %2 waybill_no: no parcel with waybill %3</source>
        <translation>已拒絕 %1 第 %2 行 waybill_no：沒有運單號為 %3 的包裹</translation>
    </message>
    <message>
        <source>REJECTED line %1 %2: %3</source>
        <translation>已拒絕 第 %1 行 %2：%3</translation>
    </message>
    <message>
        <source>… %1 scans written</source>
        <translation>… 已寫入 %1 條掃描記錄</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>無法讀取 %1：%2</translation>
    </message>
    <message>
        <source>%1 tracking rows rejected. Nothing was imported.</source>
        <translation>%1 行軌跡記錄被拒絕，未匯入任何資料。</translation>
    </message>
    <message>
        <source>Imported %1 scans (%2 already stored) in %3 s: %4 scans/s.</source>
        <translation>已匯入 %1 條掃描記錄（%2 條已存在），用時 %3 秒：每秒 %4 條。</translation>
    </message>
    <message>
        <source>The stream stopped at the rejected row; the scans before its chunk were imported.</source>
        <translation>資料流在被拒絕的行處停止；該批次之前的掃描記錄已匯入。</translation>
    </message>
    <message>
        <source>Tracking events (scans) CSV file, after the parcels; - reads a stream from standard input.</source>
        <translation>軌跡事件（掃描記錄）CSV 檔案，在包裹之後匯入；- 表示從標準輸入讀取資料流。</translation>
    </message>
    <message>
        <source>Give --tickets FILE.csv, --parcels FILE.csv and/or --tracking FILE.csv.</source>
        <translation>請指定 --tickets FILE.csv、--parcels FILE.csv 和/或 --tracking FILE.csv。</translation>
    </message>
    <message>
        <source>%1 tracking rows rejected.</source>
        <translation>%1 行軌跡記錄被拒絕。</translation>
    </message>
</context>
<context>
    <name>pd::server::KeyAccountService</name>
    <message>
        <source>Send the customer's phone number as "phone".</source>
        <translation>請在 "phone" 欄位中傳送客戶的電話號碼。</translation>
    </message>
    <message>
        <source>label must be text.</source>
        <translation>label 必須是文字。</translation>
    </message>
    <message>
        <source>That number is not a key account.</source>
        <translation>該號碼不是大客戶。</translation>
    </message>
    <message>
        <source>Enter the customer's phone number.</source>
        <translation>請輸入客戶的電話號碼。</translation>
    </message>
    <message>
        <source>The phone number looks masked (it contains *): enter the full number.</source>
        <translation>該電話號碼看起來已被掩碼（含有 *）：請輸入完整號碼。</translation>
    </message>
</context>
<context>
    <name>pd::server::NoticeTemplate</name>
    <message>
        <source>The message text is empty.</source>
        <translation>簡訊內容為空。</translation>
    </message>
    <message>
        <source>The message text is %1 characters long; at most %2 are sent.</source>
        <translation>簡訊內容有 %1 個字元；最多傳送 %2 個。</translation>
    </message>
    <message>
        <source>{%1} is not a placeholder; use {waybill}, {cause}, {eta}, {station} or {compensation}.</source>
        <translation>{%1} 不是佔位符；請使用 {waybill}、{cause}、{eta}、{station} 或 {compensation}。</translation>
    </message>
</context>
<context>
    <name>pd::server::ProactiveController</name>
    <message>
        <source>%1 must be an ISO 8601 instant with an offset, e.g. 2026-12-01T00:00:00+08:00.</source>
        <translation>%1 必須是帶時區偏移的 ISO 8601 時間，例如 2026-12-01T00:00:00+08:00。</translation>
    </message>
    <message>
        <source>from must be before to.</source>
        <translation>from 必須早於 to。</translation>
    </message>
    <message>
        <source>The proactive service policy is not valid.</source>
        <translation>主動服務策略無效。</translation>
    </message>
    <message>
        <source>The proactive service policy changed since the version you edited (it is at version %1).</source>
        <translation>主動服務策略在您編輯的版本之後已被修改（當前為第 %1 版）。</translation>
    </message>
    <message>
        <source>state must be one of: open, resolved, all.</source>
        <translation>state 必須是以下之一：open、resolved、all。</translation>
    </message>
    <message>
        <source>%1 cannot be changed; send explanation, expected_recovery_at or state.</source>
        <translation>%1 不能修改；請傳送 explanation、expected_recovery_at 或 state。</translation>
    </message>
    <message>
        <source>The incident changed since you opened it.</source>
        <translation>該事件在您開啟後已被修改。</translation>
    </message>
    <message>
        <source>The explanation is text of at most 1000 characters.</source>
        <translation>說明必須是最多 1000 個字元的文字。</translation>
    </message>
    <message>
        <source>expected_recovery_at must be an ISO 8601 instant with an offset.</source>
        <translation>expected_recovery_at 必須是帶時區偏移的 ISO 8601 時間。</translation>
    </message>
    <message>
        <source>state must be open or resolved.</source>
        <translation>state 必須是 open 或 resolved。</translation>
    </message>
    <message>
        <source>state must be one of: open, notified, dismissed, ticketed.</source>
        <translation>state 必須是以下之一：open、notified、dismissed、ticketed。</translation>
    </message>
    <message>
        <source>Say why the case is dismissed (at most 500 characters).</source>
        <translation>請說明忽略個案的原因（最多 500 個字元）。</translation>
    </message>
    <message>
        <source>The case is %1 already.</source>
        <translation>該個案已是 %1 狀態。</translation>
    </message>
    <message>
        <source>No incident %1.</source>
        <translation>沒有事件 %1。</translation>
    </message>
    <message>
        <source>No proactive case %1.</source>
        <translation>沒有主動服務個案 %1。</translation>
    </message>
    <message>
        <source>language must be one of: %1.</source>
        <translation>language 必須是以下之一：%1。</translation>
    </message>
    <message>
        <source>The compensation offer is at most 200 characters.</source>
        <translation>補償方案最多 200 個字元。</translation>
    </message>
    <message>
        <source>The incident is resolved; open it again to notify its customers.</source>
        <translation>該事件已解除；請重新開啟後再通知客戶。</translation>
    </message>
    <message>
        <source>The case was dismissed.</source>
        <translation>該個案已被忽略。</translation>
    </message>
    <message>
        <source>The case became ticket %1 already.</source>
        <translation>該個案已生成工單 %1。</translation>
    </message>
    <message>
        <source>Proactive case %1: %2 detected at %3.</source>
        <translation>主動服務個案 %1：於 %3 發現 %2。</translation>
    </message>
</context>
<context>
    <name>pd::server::RoutingController</name>
    <message>
        <source>The routing policy is not valid.</source>
        <translation>分配策略無效。</translation>
    </message>
    <message>
        <source>The routing policy changed since the version you edited (it is at version %1).</source>
        <translation>分配策略在您編輯之後已被修改（當前為第 %1 版）。</translation>
    </message>
</context>
<context>
    <name>pd::server::UserCommands</name>
    <message>
        <source>Manage user accounts. The password is read from standard input (one line).</source>
        <translation>管理使用者帳號。密碼從標準輸入讀取（一行）。</translation>
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
        <translation>資料庫位址（sqlite:路徑 或 postgresql://…）。</translation>
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
        <translation>用法：parceldesk-server user add|passwd|disable|enable 登入名 [--db 位址] [--role 角色] [--team 班組ID]</translation>
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
        <source>Address to listen on (port 0 = any free port).</source>
        <translation>監聽位址（埠為 0 表示任選空閒埠）。</translation>
    </message>
    <message>
        <source>sqlite:PATH or postgresql://user@host:port/db.</source>
        <translation>sqlite:路徑 或 postgresql://使用者@主機:埠/資料庫。</translation>
    </message>
    <message>
        <source>Seed demo data (if empty) and run the simulator.</source>
        <translation>產生示範資料（資料庫為空時）並執行模擬器。</translation>
    </message>
    <message>
        <source>Server time runs N times faster (demo, tests).</source>
        <translation>伺服器時間以 N 倍速執行（用於示範和測試）。</translation>
    </message>
    <message>
        <source>Random seed of the demo data and simulator.</source>
        <translation>示範資料和模擬器的隨機種子。</translation>
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
        <translation>即時推送的保活間隔。</translation>
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
    <message>
        <source>Address of a reverse proxy in front of this server (repeat or separate with commas): the client address comes from its X-Forwarded-For header.</source>
        <translation>本伺服器前端反向代理的位址（可重複指定，或用逗號分隔）：用戶端位址取自其 X-Forwarded-For 請求標頭。</translation>
    </message>
    <message>
        <source>--trusted-proxy: “%1” is not an IP address.</source>
        <translation>--trusted-proxy：“%1”不是 IP 位址。</translation>
    </message>
    <message>
        <source>Access token lifetime in seconds (default 900; tests).</source>
        <translation>訪問令牌有效期（秒；預設 900；用於測試）。</translation>
    </message>
    <message>
        <source>Open connections (HTTP and WebSocket); beyond it: 503.</source>
        <translation>最大開啟連線數（HTTP 和 WebSocket）；超出時返回 503。</translation>
    </message>
    <message>
        <source>Time for a request header to arrive; beyond it: 408.</source>
        <translation>請求頭到達的時限；超出時返回 408。</translation>
    </message>
    <message>
        <source>Keep-alive idle time; longest pause inside a request body.</source>
        <translation>保持連線的空閒時間；請求體內允許的最長停頓。</translation>
    </message>
    <message>
        <source>Largest incoming WebSocket message in bytes.</source>
        <translation>接收的 WebSocket 訊息的最大位元組數。</translation>
    </message>
    <message>
        <source>Allow --demo on an address beyond loopback (its users' password is "demo").</source>
        <translation>允許 --demo 監聽本機迴環以外的位址（其使用者密碼為“demo”）。</translation>
    </message>
    <message>
        <source>Unsent bytes a live client may hold; beyond it it is dropped.</source>
        <translation>即時客戶端可積壓的未傳送位元組數；超出時斷開該客戶端。</translation>
    </message>
    <message>
        <source>Seconds stored first responses (Idempotency-Key) are kept.</source>
        <translation>已儲存的首次回應（Idempotency-Key）的保留秒數。</translation>
    </message>
    <message>
        <source>--demo listens on loopback only (its users' password is "demo"); %1 is not a loopback address. Add --demo-force-public to serve the demo beyond this machine.</source>
        <translation>--demo 只監聽本機迴環位址（其使用者密碼為“demo”）；%1 不是迴環位址。如需在本機以外提供示範，請加上 --demo-force-public。</translation>
    </message>
    <message>
        <source>--access-token-ttl needs a number of seconds (1 to 86400).</source>
        <translation>--access-token-ttl 需要一個秒數（1 到 86400）。</translation>
    </message>
    <message>
        <source>--%1 needs %2 (%3 to %4).</source>
        <translation>--%1 需要%2（%3 到 %4）。</translation>
    </message>
    <message>
        <source>Distinct customers one user may reveal within an hour before their supervisors are alerted.</source>
        <translation>一名使用者在一小時內可檢視完整資訊的不同客戶數，超過後通知其班組長。</translation>
    </message>
    <message>
        <source>Days after a ticket closes until its customer name, phone and parcel addresses are blanked.</source>
        <translation>工單關閉後多少天清除其客戶姓名、電話和包裹地址。</translation>
    </message>
    <message>
        <source>Tests only: server time runs this many seconds ahead of the wall clock (negative: behind).</source>
        <translation>僅用於測試：伺服器時間比實際時間快這麼多秒（負數：慢）。</translation>
    </message>
    <message>
        <source>a number of customers</source>
        <translation>客戶數</translation>
    </message>
    <message>
        <source>a number of days</source>
        <translation>天數</translation>
    </message>
    <message>
        <source>a number of seconds</source>
        <translation>秒數</translation>
    </message>
    <message>
        <source>Threads that check passwords (default: cores minus one).</source>
        <translation>校驗密碼的執行緒數（預設：核心數減一）。</translation>
    </message>
    <message>
        <source>Sign-ins waiting for a password check; beyond it: 503.</source>
        <translation>等待密碼校驗的登入數；超過則返回 503。</translation>
    </message>
    <message>
        <source>Volume figures of a new demo: city (the city's parcel volume, default) or parcels (only the detailed parcels; tests).</source>
        <translation>新示範的業務量資料：city（全市包裹業務量，預設）或 parcels（僅明細包裹；用於測試）。</translation>
    </message>
    <message>
        <source>--demo-volume is city or parcels.</source>
        <translation>--demo-volume 只能是 city 或 parcels。</translation>
    </message>
    <message>
        <source>ParcelDesk reference backend.

Other commands:
  parceldesk-server import --db URL [--tickets FILE.csv] [--parcels FILE.csv] [--tracking FILE.csv|-] [--dry-run]
  parceldesk-server user add|passwd|disable|enable LOGIN [--db URL] [--role R] [--team ID]
  parceldesk-server customer erase --phone NUMBER [--db URL]</source>
        <translation>ParcelDesk 參考後端。

其他命令：
  parceldesk-server import --db URL [--tickets FILE.csv] [--parcels FILE.csv] [--tracking FILE.csv|-] [--dry-run]
  parceldesk-server user add|passwd|disable|enable LOGIN [--db URL] [--role R] [--team ID]
  parceldesk-server customer erase --phone NUMBER [--db URL]</translation>
    </message>
    <message>
        <source>Folder of the attachments' files (default: "attachments" beside the SQLite file); back it up with the database.</source>
        <translation>附件目錄（預設：SQLite 檔案旁的“attachments”目錄）；請與資料庫一同備份。</translation>
    </message>
    <message>
        <source>Largest attachment (setting attachments/max_file_bytes).</source>
        <translation>單個附件的最大大小（設定項 attachments/max_file_bytes）。</translation>
    </message>
    <message>
        <source>Largest total of one ticket's attachments (attachments/max_ticket_bytes).</source>
        <translation>單張工單所有附件的最大總大小（attachments/max_ticket_bytes）。</translation>
    </message>
    <message>
        <source>--attachments-max-file-bytes and --attachments-max-ticket-bytes need a number.</source>
        <translation>--attachments-max-file-bytes 和 --attachments-max-ticket-bytes 需要數字。</translation>
    </message>
    <message>
        <source>Where proactive notices go: file:PATH or webhook:URL; without it they stay queued (--demo: notices.jsonl beside the SQLite file).</source>
        <translation>主動通知的傳送去向：file:路徑 或 webhook:URL；不設定則通知留在佇列中（--demo：SQLite 檔案旁的 notices.jsonl）。</translation>
    </message>
    <message>
        <source>File holding the webhook's HMAC key.</source>
        <translation>存放 webhook HMAC 金鑰的檔案。</translation>
    </message>
    <message>
        <source>Delay before a notice's first retry; doubled per attempt.</source>
        <translation>通知第一次重試前的等待時間；每次重試加倍。</translation>
    </message>
    <message>
        <source>--notify-retry-ms needs a number of at least 10.</source>
        <translation>--notify-retry-ms 需要一個不小於 10 的數。</translation>
    </message>
    <message>
        <source>Demo simulator: the share of complaints about parcels with an exception that a notice sent first prevents, from 0 to 1 (a parameter of the simulation, not a measurement).</source>
        <translation>演示模擬器：對異常包裹先發送通知可避免的投訴比例，0 到 1（模擬引數，不是測量值）。</translation>
    </message>
    <message>
        <source>--demo-notice-effect needs a number from 0 to 1 (0.4: a notice prevents 40 % of the complaints), not "%1".</source>
        <translation>--demo-notice-effect 需要 0 到 1 之間的數字（0.4：通知可避免 40% 的投訴），而不是“%1”。</translation>
    </message>
    <message>
        <source>Days after a parcel no ticket names last changed until it is deleted with its scans (0: kept).</source>
        <translation>未被任何工單引用的包裹，自最後一次變更起滿此天數後連同其掃描記錄一併刪除（0：保留）。</translation>
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
        <translation>伺服器位址。</translation>
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
        <translation>將登入狀態儲存在系統鑰匙圈中。</translation>
    </message>
    <message>
        <source>Usage: parceldesk sync --server URL --user NAME [--password-file F] [--data-dir DIR] [--remember]</source>
        <translation>用法：parceldesk sync --server 位址 --user 登入名 [--password-file 檔案] [--data-dir 資料夾] [--remember]</translation>
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
        <translation>已同步 %1 條變更，用時 %2 秒；%3 項修改待傳送，%4 個衝突，%5 項被拒絕。</translation>
    </message>
    <message>
        <source>Cannot read the password file: %1</source>
        <translation>無法讀取密碼檔案：%1</translation>
    </message>
</context>
</TS>
