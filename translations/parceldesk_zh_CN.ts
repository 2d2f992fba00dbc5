<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>TrackingCsv</name>
    <message>
        <source>line %1 and after: %2</source>
        <translation>第 %1 行及之后：%2</translation>
    </message>
    <message>
        <source>line %1: unknown column %2</source>
        <translation>第 %1 行：未知列 %2</translation>
    </message>
</context>
<context>
    <name>TrackingIngest</name>
    <message>
        <source>A scan cannot be in the future.</source>
        <translation>扫描时间不能晚于当前时间。</translation>
    </message>
    <message>
        <source>No parcel with waybill %1: send its parcel record first.</source>
        <translation>没有运单号为 %1 的包裹：请先发送其包裹记录。</translation>
    </message>
    <message>
        <source>A scan needs its time (ISO 8601 with the UTC offset).</source>
        <translation>扫描记录需要时间（ISO 8601 格式，含 UTC 偏移）。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>ParcelDesk operations console</source>
        <translation>ParcelDesk 客服运营台</translation>
    </message>
    <message>
        <source>Folder of the local cache.</source>
        <translation>本地缓存所在的文件夹。</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The company's time zone (IANA name).</source>
        <translation>公司所在时区（IANA 名称）。</translation>
    </message>
    <message>
        <source>zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Unknown time zone: %1</source>
        <translation>未知的时区：%1</translation>
    </message>
    <message>
        <source>ParcelDesk</source>
        <translation>ParcelDesk</translation>
    </message>
    <message>
        <source>Sign in as this user.</source>
        <translation>以此用户登录。</translation>
    </message>
    <message>
        <source>Read the password from this file (first line).</source>
        <translation>从此文件读取密码（第一行）。</translation>
    </message>
    <message>
        <source>Do not connect to a server.</source>
        <translation>不连接服务器。</translation>
    </message>
    <message>
        <source>With --password-file: fill in the sign-in dialog and wait for a click instead of signing in at once.</source>
        <translation>与 --password-file 一起使用：填好登录对话框后等待点击，而不是立即登录。</translation>
    </message>
    <message>
        <source>Language: en, zh_CN or zh_TW (this start only; Edit › Preferences keeps one).</source>
        <translation>界面语言：en、zh_CN 或 zh_TW（仅本次启动有效；长期设置请用“编辑 › 偏好设置”）。</translation>
    </message>
    <message>
        <source>The ParcelDesk server's URL (default: the last one used).</source>
        <translation>ParcelDesk 服务器的地址（默认：上次使用的服务器）。</translation>
    </message>
</context>
<context>
    <name>pd::AccessLogModel</name>
    <message>
        <source>Reveal</source>
        <translation>查看完整信息</translation>
    </message>
    <message>
        <source>Export of customer data</source>
        <translation>导出客户信息</translation>
    </message>
    <message>
        <source>Report written</source>
        <translation>生成报表</translation>
    </message>
    <message>
        <source>Report written with customer data</source>
        <translation>生成含客户信息的报表</translation>
    </message>
    <message>
        <source>Bulk lookup</source>
        <translation>批量查询</translation>
    </message>
    <message>
        <source>Alert: many reveals</source>
        <translation>警报：查看次数过多</translation>
    </message>
    <message>
        <source>Access log exported</source>
        <translation>导出访问日志</translation>
    </message>
    <message>
        <source>Retention (customer data blanked)</source>
        <translation>到期清除（客户信息已清空）</translation>
    </message>
    <message>
        <source>Erasure of a customer's data</source>
        <translation>删除某客户的信息</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>电话号码</translation>
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
        <translation>
            <numerusform>%n 条记录</numerusform>
        </translation>
    </message>
    <message>
        <source>customer %1</source>
        <translation>客户 %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>pd::AccessLogPage</name>
    <message>
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <source>Customer &amp;phone:</source>
        <translation>客户电话(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>login or user id</source>
        <translation>登录名或用户 ID</translation>
    </message>
    <message>
        <source>e.g. 138 1234 5678</source>
        <translation>例如 138 1234 5678</translation>
    </message>
    <message>
        <source>Any kind</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>从(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>到(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <source>Load &amp;more</source>
        <translation>加载更多(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>导出 CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>Access log entries</source>
        <translation>访问日志条目</translation>
    </message>
    <message>
        <source>The end of the time range must be after its start.</source>
        <translation>时间范围的结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <source>Export the access log</source>
        <translation>导出访问日志</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>The server sent no CSV.</source>
        <translation>服务器没有返回 CSV。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies) saved to %1.</source>
        <translation>
            <numerusform>已将 %n 条记录保存到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation>正在向服务器查询…</translation>
    </message>
    <message>
        <source>Search the log of who revealed or exported customer data.</source>
        <translation>搜索谁查看或导出了客户信息的记录。</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies) shown; older ones: Load more.</source>
        <translation>
            <numerusform>已显示 %n 条记录；更早的记录请点“加载更多”。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies) found.</source>
        <translation>
            <numerusform>找到 %n 条记录。</numerusform>
        </translation>
    </message>
    <message>
        <source>The server cannot be reached; the access log is kept on the server only.</source>
        <translation>无法连接服务器；访问日志只保存在服务器上。</translation>
    </message>
    <message>
        <source>Your session has ended: sign in again.</source>
        <translation>您的会话已结束，请重新登录。</translation>
    </message>
    <message>
        <source>Only managers and administrators can read the access log.</source>
        <translation>只有经理和管理员可以查看访问日志。</translation>
    </message>
    <message>
        <source>The server did not accept the search: %1</source>
        <translation>服务器不接受此搜索：%1</translation>
    </message>
    <message>
        <source>The access log could not be read (HTTP %1). %2</source>
        <translation>无法读取访问日志（HTTP %1）。%2</translation>
    </message>
</context>
<context>
    <name>pd::ActionBar</name>
    <message>
        <source>Take</source>
        <translation>认领</translation>
    </message>
    <message>
        <source>Assign to</source>
        <translation>分派给</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>分派</translation>
    </message>
    <message>
        <source>Escalate</source>
        <translation>升级</translation>
    </message>
    <message>
        <source>Set pending</source>
        <translation>挂起</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复处理</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>解决…</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Log call…</source>
        <translation>记录通话…</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（无）</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n open)</source>
        <translation>
            <numerusform>%1（%n 单未结）</numerusform>
        </translation>
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
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>&lt; %1</source>
        <translation>%1 以内</translation>
    </message>
    <message>
        <source>&gt; %1</source>
        <translation>超过 %1</translation>
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
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
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
        <translation>状态</translation>
    </message>
    <message>
        <source>For</source>
        <translation>持续</translation>
    </message>
    <message>
        <source>Open / capacity</source>
        <translation>未结 / 容量</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>即将超时</translation>
    </message>
    <message>
        <source>Breached</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>Current ticket</source>
        <translation>当前工单</translation>
    </message>
</context>
<context>
    <name>pd::AgentStatusWidget</name>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Busy (on a call)</source>
        <translation>忙碌（通话中）</translation>
    </message>
    <message>
        <source>On a break</source>
        <translation>休息中</translation>
    </message>
    <message>
        <source>Away (idle)</source>
        <translation>离开（空闲）</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>The server did not accept the status %1.</source>
        <translation>服务器未接受状态“%1”。</translation>
    </message>
    <message>
        <source>%1 — refused</source>
        <translation>%1 — 被拒绝</translation>
    </message>
    <message>
        <source>%1 (sending…)</source>
        <translation>%1（发送中…）</translation>
    </message>
    <message>
        <source>My status: %1. Click or press F8 to change it.</source>
        <translation>我的状态：%1。单击或按 F8 更改。</translation>
    </message>
    <message>
        <source>My status</source>
        <translation>我的状态</translation>
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
        <translation>处理量</translation>
    </message>
    <message>
        <source>Median first response</source>
        <translation>首次响应时长中位数</translation>
    </message>
    <message>
        <source>SLA compliance</source>
        <translation>时效达标率</translation>
    </message>
    <message>
        <source>CSAT</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Breaches</source>
        <translation>超时数</translation>
    </message>
</context>
<context>
    <name>pd::ApiClient</name>
    <message>
        <source>The server sent a response that is not JSON (HTTP %1).</source>
        <translation>服务器返回的不是 JSON 格式的响应（HTTP %1）。</translation>
    </message>
    <message>
        <source>The server's certificate is not trusted: %1</source>
        <translation>服务器证书不受信任：%1</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>服务器未能及时响应。</translation>
    </message>
    <message>
        <source>Cannot reach the server: %1</source>
        <translation>无法连接服务器：%1</translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>登录已过期，请重新登录。</translation>
    </message>
</context>
<context>
    <name>pd::AppealDialog</name>
    <message>
        <source>Answer to the regulator</source>
        <translation>答复邮政管理部门</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答复内容</translation>
    </message>
    <message>
        <source>The answer as sent to the regulator: findings, what was done, the result</source>
        <translation>发送给邮政管理部门的答复：调查情况、处理措施、处理结果</translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation>答复内容：</translation>
    </message>
    <message>
        <source>Record answer</source>
        <translation>记录答复</translation>
    </message>
    <message>
        <source>Answer rejected by the regulator</source>
        <translation>答复被邮政管理部门退回</translation>
    </message>
    <message>
        <source>Rejected at</source>
        <translation>退回时间</translation>
    </message>
    <message>
        <source>Regulator's reason</source>
        <translation>退回原因</translation>
    </message>
    <message>
        <source>Why the regulator sent the answer back</source>
        <translation>邮政管理部门退回答复的原因</translation>
    </message>
    <message>
        <source>Rejected at:</source>
        <translation>退回时间：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Record rejection</source>
        <translation>记录退回</translation>
    </message>
    <message>
        <source>Fault finding</source>
        <translation>责任认定</translation>
    </message>
    <message>
        <source>The company was &amp;at fault (有效申诉)</source>
        <translation>企业有责（有效申诉）(&amp;A)</translation>
    </message>
    <message>
        <source>The company was &amp;not at fault</source>
        <translation>企业无责(&amp;N)</translation>
    </message>
    <message>
        <source>Reason for the finding</source>
        <translation>认定原因</translation>
    </message>
    <message>
        <source>Why: what the investigation found</source>
        <translation>原因：调查核实的情况</translation>
    </message>
    <message>
        <source>Record finding</source>
        <translation>记录认定结果</translation>
    </message>
</context>
<context>
    <name>pd::AppealPanel</name>
    <message>
        <source>Record a&amp;nswer…</source>
        <translation>记录答复(&amp;N)…</translation>
    </message>
    <message>
        <source>The company's answer, as sent to the regulator</source>
        <translation>企业发送给邮政管理部门的答复</translation>
    </message>
    <message>
        <source>Re&amp;jected by the regulator…</source>
        <translation>被邮政管理部门退回(&amp;J)…</translation>
    </message>
    <message>
        <source>The regulator sent the answer back: the redo clock starts</source>
        <translation>邮政管理部门退回了答复：开始计算重新答复时效</translation>
    </message>
    <message>
        <source>&amp;Fault finding…</source>
        <translation>责任认定(&amp;F)…</translation>
    </message>
    <message>
        <source>Was the company at fault (有效申诉)? Counted in the regulator's figures</source>
        <translation>企业是否有责（有效申诉）？计入邮政管理部门的统计数据</translation>
    </message>
    <message>
        <source>Regulator appeal %1</source>
        <translation>转办申诉 %1</translation>
    </message>
    <message>
        <source>Forwarded by %1 at %2</source>
        <translation>%1 于 %2 转办</translation>
    </message>
    <message>
        <source>Forwarded at %1</source>
        <translation>转办时间：%1</translation>
    </message>
    <message>
        <source>Answered at %1</source>
        <translation>答复时间：%1</translation>
    </message>
    <message>
        <source>Not answered yet</source>
        <translation>尚未答复</translation>
    </message>
    <message numerus="yes">
        <source>Rejected by the regulator %n time(s), last at %1</source>
        <translation>
            <numerusform>已被邮政管理部门退回 %n 次，最近一次于 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Fault finding: not recorded</source>
        <translation>责任认定：未记录</translation>
    </message>
    <message>
        <source>Fault finding: the company was at fault (有效申诉): %1</source>
        <translation>责任认定：企业有责（有效申诉）：%1</translation>
    </message>
    <message>
        <source>Fault finding: the company was not at fault: %1</source>
        <translation>责任认定：企业无责：%1</translation>
    </message>
    <message>
        <source>No earlier ticket of this customer or waybill</source>
        <translation>该客户或运单此前没有工单</translation>
    </message>
    <message>
        <source>Earlier tickets of this customer or waybill: %1</source>
        <translation>该客户或运单此前的工单：%1</translation>
    </message>
</context>
<context>
    <name>pd::AppealTables</name>
    <message>
        <source>1. Overview</source>
        <translation>1. 总体情况</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>总体情况</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Appeals received</source>
        <translation>转办申诉数</translation>
    </message>
    <message>
        <source>Parcels picked up</source>
        <translation>揽收包裹数</translation>
    </message>
    <message>
        <source>Appeals per million parcels</source>
        <translation>百万件申诉率</translation>
    </message>
    <message>
        <source>At-fault appeals</source>
        <translation>有效申诉数</translation>
    </message>
    <message>
        <source>At-fault appeals per million parcels</source>
        <translation>百万件有效申诉率</translation>
    </message>
    <message>
        <source>Share at fault</source>
        <translation>企业有责占比</translation>
    </message>
    <message>
        <source>Answered on time</source>
        <translation>按时答复</translation>
    </message>
    <message>
        <source>Answered late</source>
        <translation>逾期答复</translation>
    </message>
    <message>
        <source>Unanswered past the time limit</source>
        <translation>超时未答复</translation>
    </message>
    <message>
        <source>Awaiting an answer</source>
        <translation>待答复</translation>
    </message>
    <message>
        <source>Answered on time (share)</source>
        <translation>按时答复率</translation>
    </message>
    <message>
        <source>2. Appeals by problem type</source>
        <translation>2. 申诉问题分类</translation>
    </message>
    <message>
        <source>Problem types</source>
        <translation>问题分类</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题分类</translation>
    </message>
    <message>
        <source>Appeals</source>
        <translation>申诉数</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>At fault</source>
        <translation>有效申诉</translation>
    </message>
    <message>
        <source>Share of at-fault</source>
        <translation>有效申诉占比</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>3. At-fault appeals per million parcels by station</source>
        <translation>3. 各网点百万件有效申诉率</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>网点</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>网点</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>包裹数</translation>
    </message>
    <message>
        <source>Per million</source>
        <translation>百万件申诉率</translation>
    </message>
    <message>
        <source>At fault per million</source>
        <translation>百万件有效申诉率</translation>
    </message>
    <message>
        <source>4. Appeals not answered within the time limit</source>
        <translation>4. 未按时答复的申诉</translation>
    </message>
    <message>
        <source>Late answers</source>
        <translation>逾期答复</translation>
    </message>
    <message>
        <source>Appeal</source>
        <translation>申诉编号</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Forwarded</source>
        <translation>转办时间</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>答复时间</translation>
    </message>
    <message>
        <source>Late by</source>
        <translation>逾期时长</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>未答复</translation>
    </message>
    <message>
        <source>5. Monthly trend</source>
        <translation>5. 月度趋势</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Paid (tickets)</source>
        <translation>已赔付（工单数）</translation>
    </message>
    <message>
        <source>Paid (¥)</source>
        <translation>已赔付（¥）</translation>
    </message>
    <message>
        <source>Pending approval (tickets)</source>
        <translation>待审批（工单数）</translation>
    </message>
    <message>
        <source>Pending approval (¥)</source>
        <translation>待审批（¥）</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>暂无数据</translation>
    </message>
    <message>
        <source>%1 h</source>
        <extracomment>how late an answer came, in hours</extracomment>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <extracomment>how late an answer came: days and hours</extracomment>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>Compensation by category</source>
        <translation>各类别赔偿情况</translation>
    </message>
    <message>
        <source>Compensation categories</source>
        <translation>赔偿按类别</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Compensation by station</source>
        <translation>各网点赔偿情况</translation>
    </message>
    <message>
        <source>Compensation stations</source>
        <translation>赔偿按网点</translation>
    </message>
    <message>
        <source>Compensation by resolution type</source>
        <translation>各处理方式赔偿情况</translation>
    </message>
    <message>
        <source>Compensation resolutions</source>
        <translation>赔偿按处理方式</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>Regulator appeals of the week</source>
        <translation>本周转办申诉</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
</context>
<context>
    <name>pd::AppealsExporter</name>
    <message>
        <source>Appeals report %1</source>
        <translation>申诉月报 %1</translation>
    </message>
    <message>
        <source>Appeals forwarded by the postal regulator (12305), %1</source>
        <translation>邮政管理部门转办申诉（12305），%1</translation>
    </message>
    <message>
        <source>Appeals by problem type</source>
        <translation>申诉问题分类</translation>
    </message>
    <message>
        <source>Appeals per month</source>
        <translation>每月申诉量</translation>
    </message>
</context>
<context>
    <name>pd::AppealsReportBox</name>
    <message>
        <source>Monthly appeals report</source>
        <translation>申诉月报</translation>
    </message>
    <message>
        <source>Appeals &amp;month:</source>
        <translation>申诉月份(&amp;M)：</translation>
    </message>
    <message>
        <source>Month of the appeals report</source>
        <translation>申诉月报的月份</translation>
    </message>
    <message>
        <source>Export appeals &amp;PDF</source>
        <translation>导出申诉 PDF(&amp;P)</translation>
    </message>
    <message>
        <source>Export appeals &amp;XLSX</source>
        <translation>导出申诉 XLSX(&amp;X)</translation>
    </message>
    <message>
        <source>Appeals forwarded by the postal regulator in the month, in the structure of the State Post Bureau's monthly bulletin; written into the folder above.</source>
        <translation>当月邮政管理部门转办的申诉，按国家邮政局每月申诉情况通告的结构编排；写入上方的文件夹。</translation>
    </message>
    <message>
        <source>Writing the appeals report of %1…</source>
        <translation>正在写入 %1 申诉月报…</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>已写入：%1</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
</context>
<context>
    <name>pd::ApprovalsModel</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>Waybill %1 · requested %2
%3</source>
        <translation>运单 %1 · 申请于 %2
%3</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>建议金额</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>申请人</translation>
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
        <translation>待审批的赔偿（最早的在前）(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation>批准(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Reject…</source>
        <translation>驳回(&amp;R)…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Load the queue again (F5)</source>
        <translation>重新加载队列（F5）</translation>
    </message>
    <message>
        <source>The queue could not be loaded: %1</source>
        <translation>无法加载队列：%1</translation>
    </message>
    <message>
        <source>Nothing waits for approval.</source>
        <translation>没有待审批的申请。</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) waiting.</source>
        <translation>
            <numerusform>%n 条申请待审批。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 for ticket %2 (waybill %3), requested by %4.
%5</source>
        <translation>工单 %2（运单 %3）申请赔偿 %1，申请人：%4。
%5</translation>
    </message>
    <message>
        <source>Not decided: %1</source>
        <translation>未完成审批：%1</translation>
    </message>
    <message>
        <source>Approved; the ticket is resolved with the approved amount.</source>
        <translation>已批准；工单已按批准金额解决。</translation>
    </message>
    <message>
        <source>Rejected; the requester sees your reason on the ticket.</source>
        <translation>已驳回；申请人可在工单上看到您填写的原因。</translation>
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
        <translation>无法下载文件：%1</translation>
    </message>
    <message>
        <source>The downloaded file is not the one on the server (checksum differs).</source>
        <translation>下载的文件与服务器上的文件不一致（校验和不符）。</translation>
    </message>
    <message>
        <source>The file could not be kept on this PC: %1</source>
        <translation>无法将文件保存到本机：%1</translation>
    </message>
</context>
<context>
    <name>pd::AttachmentFiles</name>
    <message>
        <source>No key to encrypt the file with.</source>
        <translation>没有可用于加密该文件的密钥。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>The local copy of this file cannot be read.</source>
        <translation>无法读取此文件的本机副本。</translation>
    </message>
    <message>
        <source>The local copy of this file is damaged.</source>
        <translation>此文件的本机副本已损坏。</translation>
    </message>
</context>
<context>
    <name>pd::AttachmentListModel</name>
    <message>
        <source>Waiting to be sent</source>
        <translation>等待发送</translation>
    </message>
    <message>
        <source>Sending: %1 of %2</source>
        <translation>正在发送：%1 / %2</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>未发送：%1</translation>
    </message>
    <message>
        <source>On the server (not downloaded yet)</source>
        <translation>已在服务器上（尚未下载）</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>已在服务器上</translation>
    </message>
    <message>
        <source>Evidence: %1</source>
        <translation>证据：%1</translation>
    </message>
</context>
<context>
    <name>pd::AttachmentRepository</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>This file is not on this PC yet.</source>
        <translation>此文件尚未下载到本机。</translation>
    </message>
    <message>
        <source>The local copy of this file cannot be read.</source>
        <translation>无法读取此文件的本机副本。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>%1 is larger than %2 MB and cannot be attached.</source>
        <translation>%1 超过 %2 MB，无法作为附件添加。</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>无法读取 %1。</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 是空文件。</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 could not be kept on this PC: %2</source>
        <translation>无法将 %1 保存到本机：%2</translation>
    </message>
    <message>
        <source>The evidence tag could not be changed: %1</source>
        <translation>无法更改证据标签：%1</translation>
    </message>
    <message>
        <source>This file is no longer on the ticket.</source>
        <translation>此附件已不在该工单上。</translation>
    </message>
    <message>
        <source>The file is on the server already: its evidence tag is changed there.</source>
        <translation>该文件已上传到服务器：其证据标签需在服务器上更改。</translation>
    </message>
</context>
<context>
    <name>pd::AttachmentUploader</name>
    <message>
        <source>The copy of %1 kept on this PC cannot be read; please add the file again.</source>
        <translation>无法读取本机保存的 %1 副本，请重新添加该文件。</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>The server refused the file: %1</source>
        <translation>服务器拒绝了该文件：%1</translation>
    </message>
</context>
<context>
    <name>pd::AttachmentsPanel</name>
    <message>
        <source>Files: none yet</source>
        <translation>附件：暂无</translation>
    </message>
    <message>
        <source>Files (%1)</source>
        <translation>附件（%1）</translation>
    </message>
    <message>
        <source>Files of the ticket</source>
        <translation>工单附件</translation>
    </message>
    <message>
        <source>Add f&amp;iles…</source>
        <translation>添加附件(&amp;I)…</translation>
    </message>
    <message>
        <source>Add photos, PDFs or videos (at most 20 MB each); you can also drop files on the pane or paste a picture into the reply</source>
        <translation>添加照片、PDF 或视频（每个不超过 20 MB）；也可以将文件拖放到此窗格，或将图片粘贴到回复中</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>What the chosen file shows, for the evidence checklist</source>
        <translation>所选文件显示的内容，用于核对证据清单</translation>
    </message>
    <message>
        <source>No evidence tag</source>
        <translation>无证据标签</translation>
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
        <translation>所需证据：%1</translation>
    </message>
    <message>
        <source>%1 was not sent: %2</source>
        <translation>%1 未发送：%2</translation>
    </message>
</context>
<context>
    <name>pd::BreachListModel</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未分派</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>时效类型</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>超时时长</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
</context>
<context>
    <name>pd::BusinessCalendar</name>
    <message>
        <source>must be a list of {"start": "HH:mm", "end": "HH:mm"} with start before end</source>
        <translation>必须是 {"start": "HH:mm", "end": "HH:mm"} 的列表，且开始时间早于结束时间</translation>
    </message>
    <message>
        <source>is not a known IANA time zone, e.g. Asia/Shanghai</source>
        <translation>不是已知的 IANA 时区，例如 Asia/Shanghai</translation>
    </message>
    <message>
        <source>must be a list of dates such as 2026-10-01</source>
        <translation>必须是日期列表，例如 2026-10-01</translation>
    </message>
    <message>
        <source>each entry needs a date such as 2026-09-27</source>
        <translation>每一项都需要日期，例如 2026-09-27</translation>
    </message>
    <message>
        <source>must give business hours on at least one day</source>
        <translation>至少要有一天设置营业时间</translation>
    </message>
</context>
<context>
    <name>pd::CacheCrypto</name>
    <message>
        <source>No key for the local cache.</source>
        <translation>本地缓存没有密钥。</translation>
    </message>
    <message>
        <source>The customer data kept on this computer was protected by a key that is no longer in the keychain; it was removed and is being downloaded again.</source>
        <translation>本机保存的客户数据所用的密钥已不在钥匙串中；这些数据已删除，正在重新下载。</translation>
    </message>
    <message>
        <source>The customer data in the local cache could not be protected: %1</source>
        <translation>无法保护本地缓存中的客户数据：%1</translation>
    </message>
    <message>
        <source>The customer data kept on this computer is now encrypted.</source>
        <translation>本机保存的客户数据现已加密。</translation>
    </message>
</context>
<context>
    <name>pd::CacheKeychain</name>
    <message>
        <source>No keychain is available on this computer (%1). ParcelDesk does not keep customers' names, phone numbers and addresses here: they are encrypted with a key that exists only while ParcelDesk runs, so nothing readable stays on this computer, and they are downloaded again at the next start. Changes not sent before ParcelDesk closes cannot be kept either.</source>
        <translation>本机没有可用的钥匙串（%1）。ParcelDesk 不在本机保存客户的姓名、电话号码和地址：它们使用仅在 ParcelDesk 运行期间存在的密钥加密，因此本机不会留下可读的数据，下次启动时会重新下载。ParcelDesk 关闭前未发送的更改也无法保留。</translation>
    </message>
    <message>
        <source>Encryption of customer data is turned off (PARCELDESK_CACHE_ENCRYPTION=off): names, phone numbers and addresses are written to this computer in clear. This switch is for tests and diagnosis only.</source>
        <translation>客户数据加密已关闭（PARCELDESK_CACHE_ENCRYPTION=off）：姓名、电话号码和地址以明文写入本机。此开关仅用于测试和诊断。</translation>
    </message>
</context>
<context>
    <name>pd::CalculatorBox</name>
    <message>
        <source>Calculator</source>
        <translation>赔偿计算</translation>
    </message>
    <message>
        <source>Actual value of the goods (yuan)</source>
        <translation>物品实际价值（元）</translation>
    </message>
    <message>
        <source>Damaged share</source>
        <translation>损坏比例</translation>
    </message>
    <message>
        <source>Declared value, or what the customer proves</source>
        <translation>声明价值，或客户能证明的价值</translation>
    </message>
    <message>
        <source>Actual value (¥):</source>
        <translation>实际价值（¥）：</translation>
    </message>
    <message>
        <source>Damaged share:</source>
        <translation>损坏比例：</translation>
    </message>
    <message>
        <source>&amp;Use</source>
        <translation>采用(&amp;U)</translation>
    </message>
    <message>
        <source>The parcel is not on this computer: type the amount the rules give.</source>
        <translation>本机没有该包裹的数据：请按赔偿规则手动输入金额。</translation>
    </message>
    <message>
        <source>&amp;Use %1</source>
        <translation>采用 %1(&amp;U)</translation>
    </message>
</context>
<context>
    <name>pd::CallDialog</name>
    <message>
        <source>Reached the customer</source>
        <translation>已联系上客户</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <source>Left a voicemail</source>
        <translation>已语音留言</translation>
    </message>
    <message>
        <source>Customer asked to be called back</source>
        <translation>客户要求回电</translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation>号码错误</translation>
    </message>
    <message>
        <source>Log a call</source>
        <translation>记录通话</translation>
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
        <translation>通话内容（选填）</translation>
    </message>
    <message>
        <source>Direction:</source>
        <translation>呼叫方向：</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>通话时长：</translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation>通话结果：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Number:</source>
        <translation>号码：</translation>
    </message>
    <message>
        <source>Customer chasing this ticket (催单)</source>
        <translation>客户催促此工单（催单）</translation>
    </message>
</context>
<context>
    <name>pd::CannedReplies</name>
    <message>
        <source>Greeting</source>
        <translation>问候</translation>
    </message>
    <message>
        <source>Hello {customer_name}, this is {agent_name} from customer service. We are looking into your parcel {waybill} now.</source>
        <translation>{customer_name}您好，我是客服{agent_name}，正在为您查询包裹 {waybill} 的情况。</translation>
    </message>
    <message>
        <source>Delay: new ETA</source>
        <translation>延误：新的预计送达时间</translation>
    </message>
    <message>
        <source>Hello {customer_name}, sorry for the wait. Parcel {waybill} is {parcel_status}; the expected delivery is {eta}. We have asked the station to speed it up.</source>
        <translation>{customer_name}您好，抱歉让您久等了。包裹 {waybill} 当前状态：{parcel_status}，预计送达：{eta}。我们已联系网点加急处理。</translation>
    </message>
    <message>
        <source>Damage: claim started</source>
        <translation>破损：已发起理赔</translation>
    </message>
    <message>
        <source>Hello {customer_name}, we are sorry that parcel {waybill} arrived damaged. We have opened a claim under ticket {ticket_number} and will call you back within 24 hours.</source>
        <translation>{customer_name}您好，很抱歉包裹 {waybill} 送达时出现破损。我们已为您登记理赔（工单号：{ticket_number}），将在 24 小时内给您回电。</translation>
    </message>
    <message>
        <source>Courier contacted</source>
        <translation>已联系快递员</translation>
    </message>
    <message>
        <source>Hello {customer_name}, we have contacted the courier for parcel {waybill}; they will get in touch with you shortly.</source>
        <translation>{customer_name}您好，我们已就包裹 {waybill} 联系快递员，快递员会尽快与您联系。</translation>
    </message>
    <message>
        <source>(number pending)</source>
        <translation>待生成</translation>
    </message>
    <message>
        <source>delivered at %1</source>
        <translation>已于 %1 签收</translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>暂未确定</translation>
    </message>
    <message>
        <source>being checked</source>
        <translation>核实中</translation>
    </message>
</context>
<context>
    <name>pd::CompensationQueries</name>
    <message>
        <source>Unknown station</source>
        <translation>未知网点</translation>
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
        <translation>发送回复</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <source>Reply to the customer…</source>
        <translation>回复客户…</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <source>Internal note (the customer never sees it)…</source>
        <translation>内部备注（客户不可见）…</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>内部备注</translation>
    </message>
    <message>
        <source>Canned replies</source>
        <translation>快捷回复</translation>
    </message>
    <message>
        <source>Sen&amp;d reply or note</source>
        <translation>发送回复或备注(&amp;D)</translation>
    </message>
    <message>
        <source>Send the reply (%1)</source>
        <translation>发送回复（%1）</translation>
    </message>
    <message>
        <source>Add the note (%1)</source>
        <translation>添加备注（%1）</translation>
    </message>
</context>
<context>
    <name>pd::ConflictBanner</name>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>班组</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>Compensation (¥)</source>
        <translation>赔偿金额（¥）</translation>
    </message>
    <message>
        <source>CSAT</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>净推荐值</translation>
    </message>
    <message>
        <source>Follow-up due</source>
        <translation>回访时间</translation>
    </message>
    <message>
        <source>Follow-up done</source>
        <translation>回访完成时间</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Waybill</source>
        <translation>运单号</translation>
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
        <translation>采用服务器版本</translation>
    </message>
    <message>
        <source>Someone else changed this ticket on the server while you edited it. Nothing is lost: choose which version stays.</source>
        <translation>您编辑期间，其他人在服务器上修改了这张工单。内容不会丢失：请选择保留哪个版本。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>我的修改</translation>
    </message>
    <message>
        <source>Server's</source>
        <translation>服务器版本</translation>
    </message>
    <message>
        <source>Send your change again on top of the server's version</source>
        <translation>在服务器版本的基础上重新提交我的修改</translation>
    </message>
    <message>
        <source>Drop your change and use the server's copy</source>
        <translation>放弃我的修改，采用服务器版本</translation>
    </message>
</context>
<context>
    <name>pd::ConversationView</name>
    <message>
        <source>Conversation</source>
        <translation>沟通记录</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>无人</translation>
    </message>
    <message>
        <source>Reply to the customer</source>
        <translation>回复客户</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>内部备注</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>通话</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>Status: %1 → %2</source>
        <translation>状态：%1 → %2</translation>
    </message>
    <message>
        <source>Released by %1</source>
        <translation>%1 释放了工单</translation>
    </message>
    <message>
        <source>Assigned to %1</source>
        <translation>已分派给 %1</translation>
    </message>
    <message>
        <source>Escalated to %1</source>
        <translation>已升级为 %1</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>已升级</translation>
    </message>
    <message>
        <source>SLA breached: %1</source>
        <translation>时效已超时：%1</translation>
    </message>
    <message>
        <source>CSAT %1</source>
        <translation>满意度 %1</translation>
    </message>
    <message>
        <source>NPS %1</source>
        <translation>净推荐值 %1</translation>
    </message>
    <message>
        <source>Follow-up recorded: %1</source>
        <translation>已记录回访：%1</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Compensation of %1 requested; waits for approval</source>
        <translation>已申请赔偿 %1，等待审批</translation>
    </message>
    <message>
        <source>Compensation of %1 approved</source>
        <translation>赔偿 %1 已批准</translation>
    </message>
    <message>
        <source>Compensation of %1 rejected</source>
        <translation>赔偿 %1 已驳回</translation>
    </message>
    <message>
        <source>Appeal answered to the regulator</source>
        <translation>已向邮政管理部门答复申诉</translation>
    </message>
    <message>
        <source>The regulator rejected the answer: redo it</source>
        <translation>邮政管理部门退回了答复：请重新答复</translation>
    </message>
    <message>
        <source>Merged into %1</source>
        <translation>已合并到 %1</translation>
    </message>
    <message>
        <source>Ticket %1 merged into this one</source>
        <translation>工单 %1 已合并到本工单</translation>
    </message>
</context>
<context>
    <name>pd::CredentialStore</name>
    <message>
        <source>No keychain is available on this computer (%1). You can sign in, but ParcelDesk cannot remember you: you will be asked for your password at every start.</source>
        <translation>此电脑上没有可用的钥匙串（%1）。您仍可登录，但 ParcelDesk 无法记住您的登录状态：每次启动都需要重新输入密码。</translation>
    </message>
</context>
<context>
    <name>pd::CustomerCard</name>
    <message>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Parcel</source>
        <translation>包裹</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Tracking timeline</source>
        <translation>物流轨迹</translation>
    </message>
    <message>
        <source>%1 · %2
Channel: %3 · Category: %4 · Priority: %5</source>
        <translation>%1 · %2
渠道：%3 · 类别：%4 · 优先级：%5</translation>
    </message>
    <message>
        <source>The parcel is not in the cache yet (data lag, or another carrier's leg). The ticket is linked when it appears.</source>
        <translation>本地缓存中还没有此包裹（数据延迟，或属于其他快递公司承运的路段）。包裹出现后会自动关联到工单。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1 (late)</source>
        <translation>%1（已延误）</translation>
    </message>
    <message>
        <source>Parcel %1 (%2) · %3
From: %4
To: %5
Promised: %6</source>
        <translation>包裹 %1（%2）· %3
寄件地：%4
收件地：%5
承诺送达：%6</translation>
    </message>
    <message>
        <source>Delivered: %1</source>
        <translation>签收时间：%1</translation>
    </message>
    <message>
        <source>Declared value: %1</source>
        <translation>声明价值：%1</translation>
    </message>
    <message>
        <source>Show n&amp;umber…</source>
        <translation>显示号码(&amp;U)…</translation>
    </message>
    <message>
        <source>Show n&amp;ame…</source>
        <translation>显示姓名(&amp;A)…</translation>
    </message>
    <message>
        <source>Show addre&amp;ss…</source>
        <translation>显示地址(&amp;S)…</translation>
    </message>
    <message>
        <source>Ask the server for the full value; it records who looked and why.</source>
        <translation>向服务器获取完整信息；服务器会记录查看人和原因。</translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation>正在向服务器获取…</translation>
    </message>
</context>
<context>
    <name>pd::CustomerHistoryPanel</name>
    <message>
        <source>★ Key account</source>
        <translation>★ 大客户</translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s) in 30 days</source>
        <translation>
            <numerusform>30 天内投诉 %n 次</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n in 90 days</source>
        <translation>
            <numerusform>90 天内 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>last satisfaction %1/5</source>
        <translation>最近一次满意度 %1/5</translation>
    </message>
    <message>
        <source>no satisfaction score yet</source>
        <translation>暂无满意度评分</translation>
    </message>
    <message>
        <source>no other ticket</source>
        <translation>无其他工单</translation>
    </message>
    <message>
        <source>the newest %1 of %2 other tickets</source>
        <translation>其他工单共 %2 张，显示最新 %1 张</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>waybill</source>
        <translation>运单</translation>
    </message>
    <message>
        <source>Satisfaction %1/5</source>
        <translation>满意度 %1/5</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Same</source>
        <translation>相同项</translation>
    </message>
    <message>
        <source>The customer's other tickets</source>
        <translation>该客户的其他工单</translation>
    </message>
    <message>
        <source>Select the ticket to merge this one into.</source>
        <translation>请选择要将本工单合并到的工单。</translation>
    </message>
    <message>
        <source>A closed or merged ticket cannot take a merge.</source>
        <translation>已关闭或已合并的工单不能作为合并目标。</translation>
    </message>
    <message>
        <source>Moves this ticket's conversation and files to the selected one and closes this one.</source>
        <translation>将本工单的沟通记录和文件移到所选工单，并关闭本工单。</translation>
    </message>
    <message>
        <source>Merge into se&amp;lected…</source>
        <translation>合并到所选工单(&amp;L)…</translation>
    </message>
</context>
<context>
    <name>pd::CustomerReveal</name>
    <message>
        <source>Call the customer back</source>
        <translation>回电客户</translation>
    </message>
    <message>
        <source>Compensation</source>
        <translation>赔偿</translation>
    </message>
    <message>
        <source>Contact with the courier</source>
        <translation>联系快递员</translation>
    </message>
    <message>
        <source>Other (say why)</source>
        <translation>其他（请说明原因）</translation>
    </message>
    <message>
        <source>phone number</source>
        <translation>电话号码</translation>
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
        <translation>无法连接服务器，因此无法显示完整信息。请在客户端联网后重试。</translation>
    </message>
    <message>
        <source>Your session has ended: sign in again to see customer data.</source>
        <translation>您的会话已结束，请重新登录后查看客户信息。</translation>
    </message>
    <message>
        <source>The server refused to show this customer's data to you.</source>
        <translation>服务器拒绝向您显示此客户的信息。</translation>
    </message>
    <message>
        <source>The server refused to show this customer's data to you: %1</source>
        <translation>服务器拒绝向您显示此客户的信息：%1</translation>
    </message>
    <message>
        <source>The server no longer has this ticket (it may have moved to another team).</source>
        <translation>服务器上已没有此工单（可能已转到其他班组）。</translation>
    </message>
    <message>
        <source>The server did not accept the request: %1</source>
        <translation>服务器不接受此请求：%1</translation>
    </message>
    <message>
        <source>The full value could not be fetched (HTTP %1). %2</source>
        <translation>无法获取完整信息（HTTP %1）。%2</translation>
    </message>
</context>
<context>
    <name>pd::DashboardCharts</name>
    <message>
        <source>Complaints by category</source>
        <translation>投诉类别分布</translation>
    </message>
    <message>
        <source>Today: intake and first responses by hour</source>
        <translation>今日各时段新增工单与首次响应</translation>
    </message>
    <message>
        <source>First-response SLA compliance, last 30 days</source>
        <translation>近 30 天首次响应时效达标率</translation>
    </message>
    <message>
        <source>Backlog by age</source>
        <translation>积压工单时长分布</translation>
    </message>
    <message>
        <source>%1 (%2%)</source>
        <translation>%1（%2%）</translation>
    </message>
    <message>
        <source>New tickets</source>
        <translation>新增工单</translation>
    </message>
    <message>
        <source>First responses</source>
        <translation>首次响应</translation>
    </message>
    <message>
        <source>Met first-response deadlines</source>
        <translation>首次响应时效达标率</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Open tickets</source>
        <translation>未结工单</translation>
    </message>
</context>
<context>
    <name>pd::DashboardPage</name>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>另存为 PNG…</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>时间段：</translation>
    </message>
    <message>
        <source>Team:</source>
        <translation>班组：</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>Click an agent to open their tickets in the workbench</source>
        <translation>点击客服，在工作台中打开其工单</translation>
    </message>
    <message>
        <source>Breaches now</source>
        <translation>当前超时工单</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>客服</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>全部班组</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>正在更新…</translation>
    </message>
    <message>
        <source>Could not read the figures: %1</source>
        <translation>无法读取数据：%1</translation>
    </message>
    <message>
        <source>%1 · updated %2</source>
        <translation>%1 · 更新于 %2</translation>
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
        <translation>将看板另存为 PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Save as PNG</source>
        <translation>另存为 PNG</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
</context>
<context>
    <name>pd::Database</name>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Cannot open the local cache %1: %2</source>
        <translation>无法打开本地缓存 %1：%2</translation>
    </message>
    <message>
        <source>The SQLite driver gave no connection handle.</source>
        <translation>SQLite 驱动没有返回连接句柄。</translation>
    </message>
    <message>
        <source>%1 is not a ParcelDesk cache (%2).</source>
        <translation>%1 不是 ParcelDesk 的缓存文件（%2）。</translation>
    </message>
    <message>
        <source>This cache was written by a newer ParcelDesk (schema %1; this version knows up to %2). Update ParcelDesk, or start it with another data folder.</source>
        <translation>此缓存由更新版本的 ParcelDesk 写入（结构版本 %1；当前版本最高支持 %2）。请升级 ParcelDesk，或指定其他数据目录启动。</translation>
    </message>
    <message>
        <source>Cannot prepare the local cache: %1</source>
        <translation>无法初始化本地缓存：%1</translation>
    </message>
    <message>
        <source>The local cache could not switch to write-ahead logging; is the folder on a network drive?</source>
        <translation>本地缓存无法启用预写日志（WAL）；该文件夹是否位于网络驱动器上？</translation>
    </message>
    <message>
        <source>The local cache could not enable foreign keys.</source>
        <translation>本地缓存无法启用外键约束。</translation>
    </message>
    <message>
        <source>Cannot update the local cache: %1</source>
        <translation>无法升级本地缓存：%1</translation>
    </message>
    <message>
        <source>Cannot update the search index: %1</source>
        <translation>无法更新搜索索引：%1</translation>
    </message>
    <message>
        <source>Cannot create the local cache %1: %2</source>
        <translation>无法创建本地缓存 %1：%2</translation>
    </message>
    <message>
        <source>The local cache is locked: its key has not been read from the keychain yet.</source>
        <translation>本地缓存已锁定：尚未从钥匙串读取其密钥。</translation>
    </message>
    <message>
        <source>Cannot protect the local cache: %1</source>
        <translation>无法保护本地缓存：%1</translation>
    </message>
</context>
<context>
    <name>pd::DecisionDialog</name>
    <message>
        <source>Approve compensation</source>
        <translation>批准赔偿</translation>
    </message>
    <message>
        <source>Reject compensation</source>
        <translation>驳回赔偿</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Optional; required when you change the amount</source>
        <translation>选填；修改金额时必填</translation>
    </message>
    <message>
        <source>Required: why the compensation is refused</source>
        <translation>必填：驳回赔偿的原因</translation>
    </message>
    <message>
        <source>Approved amount (yuan)</source>
        <translation>批准金额（元）</translation>
    </message>
    <message>
        <source>Approved amount (¥):</source>
        <translation>批准金额（¥）：</translation>
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
        <translation>驳回</translation>
    </message>
    <message>
        <source>Say why you change the amount.</source>
        <translation>请说明修改金额的原因。</translation>
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
        <translation>经理</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Online chat</source>
        <translation>在线客服</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <source>Social media</source>
        <translation>社交媒体</translation>
    </message>
    <message>
        <source>Other channel</source>
        <translation>其他渠道</translation>
    </message>
    <message>
        <source>Delivery delay</source>
        <translation>配送延迟</translation>
    </message>
    <message>
        <source>Damaged parcel</source>
        <translation>包裹损坏</translation>
    </message>
    <message>
        <source>Lost parcel</source>
        <translation>包裹丢失</translation>
    </message>
    <message>
        <source>Wrong or missing item</source>
        <translation>错发漏发</translation>
    </message>
    <message>
        <source>Service attitude</source>
        <translation>服务态度</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>P1 urgent</source>
        <translation>P1 紧急</translation>
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
        <translation>处理中</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>挂起</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>已重新打开</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Reissue</source>
        <translation>补发</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Compensation</source>
        <translation>赔偿</translation>
    </message>
    <message>
        <source>Redelivery</source>
        <translation>重新派送</translation>
    </message>
    <message>
        <source>Courier contacted</source>
        <translation>已联系快递员</translation>
    </message>
    <message>
        <source>Explained to customer</source>
        <translation>已向客户解释说明</translation>
    </message>
    <message>
        <source>Other resolution</source>
        <translation>其他处理方式</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>内部备注</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>通话</translation>
    </message>
    <message>
        <source>Status change</source>
        <translation>状态变更</translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation>分派</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>升级</translation>
    </message>
    <message>
        <source>SLA breach</source>
        <translation>时效超时</translation>
    </message>
    <message>
        <source>Satisfaction recorded</source>
        <translation>已记录满意度</translation>
    </message>
    <message>
        <source>Inbound call</source>
        <translation>呼入电话</translation>
    </message>
    <message>
        <source>Outbound call</source>
        <translation>外呼电话</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>已下单</translation>
    </message>
    <message>
        <source>Picked up</source>
        <translation>已揽收</translation>
    </message>
    <message>
        <source>In transit</source>
        <translation>运输中</translation>
    </message>
    <message>
        <source>At station</source>
        <translation>到达网点</translation>
    </message>
    <message>
        <source>Out for delivery</source>
        <translation>派送中</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已签收</translation>
    </message>
    <message>
        <source>Exception</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Compensation requested</source>
        <translation>已申请赔偿</translation>
    </message>
    <message>
        <source>Compensation approved</source>
        <translation>赔偿已批准</translation>
    </message>
    <message>
        <source>Compensation rejected</source>
        <translation>赔偿已驳回</translation>
    </message>
    <message>
        <source>Appeal answered</source>
        <translation>申诉已答复</translation>
    </message>
    <message>
        <source>Answer rejected by the regulator</source>
        <translation>答复被邮政管理部门退回</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Regulator appeal</source>
        <translation>邮政管理部门转办申诉</translation>
    </message>
    <message>
        <source>Outer box</source>
        <translation>外箱</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>货物</translation>
    </message>
    <message>
        <source>Waybill label</source>
        <translation>面单</translation>
    </message>
    <message>
        <source>Proof of value</source>
        <translation>价值证明</translation>
    </message>
    <message>
        <source>Other evidence</source>
        <translation>其他证据</translation>
    </message>
    <message>
        <source>Tickets merged</source>
        <translation>工单合并</translation>
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
        <translation>
            <numerusform>满意度 %1（%n 条评价）</numerusform>
        </translation>
    </message>
    <message>
        <source>no CSAT answer</source>
        <translation>暂无满意度评价</translation>
    </message>
    <message numerus="yes">
        <source>%1 complained (%2 of %n parcel(s)) · %3</source>
        <translation>
            <numerusform>%1 投诉（%n 件中 %2 件）· %3</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline: these are the figures last loaded.</source>
        <translation>离线：以下是上次加载的数据。</translation>
    </message>
    <message>
        <source>Offline: the effect of notices needs the server.</source>
        <translation>离线：通知效果需要连接服务器。</translation>
    </message>
    <message>
        <source>The effect of notices could not be loaded: %1</source>
        <translation>无法加载通知效果：%1</translation>
    </message>
    <message>
        <source>No exception was detected in this period.</source>
        <translation>本期间未发现异常件。</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n parcel(s) with an exception</source>
        <translation>
            <numerusform>异常件 %n 件中的 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>Customers told first complained %1 % less often.</source>
        <translation>先收到通知的客户投诉率低 %1%。</translation>
    </message>
    <message>
        <source>Customers told first complained %1 % more often.</source>
        <translation>先收到通知的客户投诉率高 %1%。</translation>
    </message>
    <message>
        <source>Proactive notices — the effect</source>
        <translation>主动通知效果</translation>
    </message>
    <message>
        <source>Told before any complaint:</source>
        <translation>投诉前已通知：</translation>
    </message>
    <message>
        <source>Not told first:</source>
        <translation>未先通知：</translation>
    </message>
    <message>
        <source>Told before the customer called:</source>
        <translation>客户来电前已通知：</translation>
    </message>
    <message>
        <source>Median time from detection to notice:</source>
        <translation>发现到通知的中位时长：</translation>
    </message>
    <message>
        <source>Too few parcels in one of the groups to compare them yet (%1 at least in each).</source>
        <translation>其中一组包裹太少，暂不比较（每组至少 %1 件）。</translation>
    </message>
</context>
<context>
    <name>pd::EffectTables</name>
    <message>
        <source>n/a</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Proactive notices: parcels with an exception detected in the week</source>
        <translation>主动通知：本周发现异常的包裹</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Notified before any complaint</source>
        <translation>投诉前已通知</translation>
    </message>
    <message>
        <source>Not notified first</source>
        <translation>未先通知</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>包裹数</translation>
    </message>
    <message>
        <source>Complained</source>
        <translation>投诉数</translation>
    </message>
    <message>
        <source>Complaint rate</source>
        <translation>投诉率</translation>
    </message>
    <message>
        <source>CSAT mean (1–5)</source>
        <translation>平均满意度（1–5）</translation>
    </message>
    <message>
        <source>CSAT answers</source>
        <translation>满意度评价数</translation>
    </message>
    <message>
        <source>Proactive notices: the effect</source>
        <translation>主动通知效果</translation>
    </message>
    <message>
        <source>Notice effect</source>
        <translation>通知效果</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>Parcels with an exception</source>
        <translation>异常包裹数</translation>
    </message>
    <message>
        <source>Share notified before any complaint</source>
        <translation>投诉前已通知占比</translation>
    </message>
    <message>
        <source>Median minutes from detection to notice</source>
        <translation>发现到通知的中位分钟数</translation>
    </message>
    <message>
        <source>Complaint rate reduction of the notified</source>
        <extracomment>how much lower the complaint rate of the customers told first is, in % of the others' rate</extracomment>
        <translation>已通知客户投诉率降幅</translation>
    </message>
    <message>
        <source>Proactive notices</source>
        <translation>主动通知</translation>
    </message>
    <message>
        <source>No parcel had an exception detected in this week, so there are no proactive notice figures.</source>
        <translation>本周没有发现异常包裹，因此没有主动通知数据。</translation>
    </message>
    <message>
        <source>No proactive notice figures: the server lets only supervisors and managers read them.</source>
        <translation>没有主动通知数据：服务器只允许主管和经理查看。</translation>
    </message>
    <message>
        <source>No proactive notice figures: the server could not give them for this week.</source>
        <translation>没有主动通知数据：服务器无法提供本周的数据。</translation>
    </message>
    <message>
        <source>No proactive notice figures: they come from the server, which could not be reached when this report was written.</source>
        <translation>没有主动通知数据：数据来自服务器，生成本报告时无法连接服务器。</translation>
    </message>
</context>
<context>
    <name>pd::FilterBar</name>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Category filter</source>
        <translation>按类别筛选</translation>
    </message>
    <message>
        <source>All priorities</source>
        <translation>全部优先级</translation>
    </message>
    <message>
        <source>Priority filter</source>
        <translation>按优先级筛选</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <source>Channel filter</source>
        <translation>按渠道筛选</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>按状态筛选</translation>
    </message>
    <message>
        <source>Search waybill, phone or its last 4 digits, name, ticket number, words… (Ctrl+F)</source>
        <translation>搜索运单号、电话或手机尾号后 4 位、姓名、工单号、关键词…（Ctrl+F）</translation>
    </message>
    <message>
        <source>Search tickets</source>
        <translation>搜索工单</translation>
    </message>
    <message>
        <source>Assignee filter</source>
        <translation>按处理人筛选</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>Evidence incomplete</source>
        <translation>证据不全</translation>
    </message>
    <message>
        <source>Only damage and loss complaints still missing evidence their checklist asks for</source>
        <translation>仅显示证据清单所要求的证据仍有缺失的破损和丢失投诉</translation>
    </message>
</context>
<context>
    <name>pd::FollowUpPanel</name>
    <message>
        <source>Schedule</source>
        <translation>安排回访</translation>
    </message>
    <message>
        <source>Record follow-up</source>
        <translation>记录回访</translation>
    </message>
    <message>
        <source>Follow-up due</source>
        <translation>回访时间</translation>
    </message>
    <message>
        <source>1–5</source>
        <translation>1–5</translation>
    </message>
    <message>
        <source>CSAT (1–5)</source>
        <translation>满意度（1–5）</translation>
    </message>
    <message>
        <source>0–10</source>
        <translation>0–10</translation>
    </message>
    <message>
        <source>NPS (0–10)</source>
        <translation>净推荐值（0–10）</translation>
    </message>
    <message>
        <source>Call back at:</source>
        <translation>回电时间：</translation>
    </message>
    <message>
        <source>CSAT (1–5):</source>
        <translation>满意度（1–5）：</translation>
    </message>
    <message>
        <source>NPS (0–10):</source>
        <translation>净推荐值（0–10）：</translation>
    </message>
    <message>
        <source>Follow-up done %1</source>
        <translation>已于 %1 回访</translation>
    </message>
    <message>
        <source>Follow-up due %1</source>
        <translation>应于 %1 回访</translation>
    </message>
    <message>
        <source>No follow-up scheduled.</source>
        <translation>尚未安排回访。</translation>
    </message>
    <message>
        <source>CSAT %1 · NPS %2</source>
        <translation>满意度 %1 · 净推荐值 %2</translation>
    </message>
    <message>
        <source>Enter the CSAT score (1–5), the NPS score (0–10) or both.</source>
        <translation>请输入满意度评分（1–5）、净推荐值评分（0–10），或两者都填。</translation>
    </message>
    <message>
        <source>CSAT</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>净推荐值</translation>
    </message>
</context>
<context>
    <name>pd::HeadlessSession</name>
    <message>
        <source>The session could not be kept in the keychain: %1</source>
        <translation>无法在钥匙串中保存会话：%1</translation>
    </message>
</context>
<context>
    <name>pd::ImageViewer</name>
    <message>
        <source>← Previous</source>
        <translation>← 上一张</translation>
    </message>
    <message>
        <source>Previous photo (Left arrow)</source>
        <translation>上一张照片（左方向键）</translation>
    </message>
    <message>
        <source>Next →</source>
        <translation>下一张 →</translation>
    </message>
    <message>
        <source>Next photo (Right arrow)</source>
        <translation>下一张照片（右方向键）</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom out (−, or Ctrl and the mouse wheel)</source>
        <translation>缩小（−，或按住 Ctrl 滚动鼠标滚轮）</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom in (+, or Ctrl and the mouse wheel)</source>
        <translation>放大（+，或按住 Ctrl 滚动鼠标滚轮）</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Fit the photo to the window (0 or F)</source>
        <translation>使照片适应窗口大小（0 或 F）</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>旋转</translation>
    </message>
    <message>
        <source>Rotate a quarter turn clockwise (R; Shift+R turns back)</source>
        <translation>顺时针旋转 90°（R；Shift+R 反向旋转）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>No photos.</source>
        <translation>没有照片。</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>正在下载…</translation>
    </message>
    <message>
        <source>This photo cannot be shown here: %1</source>
        <translation>此处无法显示该照片：%1</translation>
    </message>
    <message>
        <source>%1 of %2 · %3</source>
        <translation>第 %1 张，共 %2 张 · %3</translation>
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
        <translation>已知事件 %1：详情将在下次同步时到达。</translation>
    </message>
    <message>
        <source>Show &amp;incident</source>
        <translation>查看事件(&amp;I)</translation>
    </message>
    <message>
        <source>Open the incident in the Proactive page: its parcels and the notices sent.</source>
        <translation>在“主动服务”页打开该事件：受影响的快件和已发送的通知。</translation>
    </message>
</context>
<context>
    <name>pd::IncidentText</name>
    <message>
        <source>Delay at the %1 hub</source>
        <translation>%1转运延误</translation>
    </message>
    <message>
        <source>Delivery backlog at %1</source>
        <translation>%1派送积压</translation>
    </message>
    <message>
        <source>Damaged parcels at %1</source>
        <translation>%1快件破损</translation>
    </message>
    <message>
        <source>Missing parcels at %1</source>
        <translation>%1快件丢失</translation>
    </message>
    <message>
        <source>Delivery problems at %1</source>
        <translation>%1派送异常</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n parcel(s) since %2</source>
        <translation>
            <numerusform>%1：自 %2 起 %n 件快件</numerusform>
        </translation>
    </message>
    <message>
        <source>; expected recovery %1</source>
        <translation>；预计 %1 恢复</translation>
    </message>
    <message>
        <source>Resolved.</source>
        <translation>已解除。</translation>
    </message>
    <message>
        <source>No scan for too long</source>
        <translation>长时间无扫描</translation>
    </message>
    <message>
        <source>Will miss its promised time</source>
        <translation>将超出承诺时效</translation>
    </message>
    <message>
        <source>Scanned as damaged</source>
        <translation>扫描为破损</translation>
    </message>
    <message>
        <source>Scanned as lost</source>
        <translation>扫描为丢失</translation>
    </message>
    <message>
        <source>Exception scan</source>
        <translation>异常扫描</translation>
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
        <translation>告知客户延误</translation>
    </message>
    <message>
        <source>Offer compensation</source>
        <translation>提出赔偿</translation>
    </message>
    <message>
        <source>Open a loss claim</source>
        <translation>发起丢失理赔</translation>
    </message>
    <message>
        <source>Contact the station</source>
        <translation>联系网点</translation>
    </message>
    <message>
        <source>Confirm the return with the customer</source>
        <translation>与客户确认退回</translation>
    </message>
    <message>
        <source>Arrange a new delivery</source>
        <translation>安排再次派送</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Customer notified</source>
        <translation>已通知客户</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>已忽略</translation>
    </message>
    <message>
        <source>Ticket made</source>
        <translation>已转工单</translation>
    </message>
</context>
<context>
    <name>pd::IncidentsModel</name>
    <message>
        <source>%1 sent, %2 waiting, %3 failed</source>
        <translation>已发 %1，待发 %2，失败 %3</translation>
    </message>
    <message>
        <source>%1 sent, %2 waiting</source>
        <translation>已发 %1，待发 %2</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>快件数</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>开始于</translation>
    </message>
    <message>
        <source>Expected recovery</source>
        <translation>预计恢复</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>pd::IsoWeek</name>
    <message>
        <source>Week %1, %2 (%3 – %4)</source>
        <translation>%2 年第 %1 周（%3 – %4）</translation>
    </message>
</context>
<context>
    <name>pd::JsonReader</name>
    <message>
        <source>is required</source>
        <translation>为必填项</translation>
    </message>
    <message>
        <source>must be text</source>
        <translation>必须是文本</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message numerus="yes">
        <source>is longer than %n character(s)</source>
        <translation>
            <numerusform>超过 %n 个字符</numerusform>
        </translation>
    </message>
    <message>
        <source>must be an ISO 8601 time with a time zone offset, e.g. 2026-11-23T08:15:00Z</source>
        <translation>必须是带时区偏移的 ISO 8601 时间，例如 2026-11-23T08:15:00Z</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>必须是整数</translation>
    </message>
    <message>
        <source>must be a whole number from %1 to %2</source>
        <translation>必须是 %1 到 %2 之间的整数</translation>
    </message>
    <message>
        <source>must be an amount in yuan, zero or more</source>
        <translation>必须是以元为单位、不小于零的金额</translation>
    </message>
    <message>
        <source>must be {"lat": -90…90, "lon": -180…180}</source>
        <translation>必须是 {"lat": -90…90, "lon": -180…180}</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>必须是 true 或 false</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>必须是对象</translation>
    </message>
    <message>
        <source>must be one of: %1</source>
        <translation>必须是以下之一：%1</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>不能为负数</translation>
    </message>
    <message>
        <source>must be 64 lower-case hexadecimal digits</source>
        <translation>必须是 64 位小写十六进制数字</translation>
    </message>
</context>
<context>
    <name>pd::KpiFactCache</name>
    <message>
        <source>There are no figures to keep yet.</source>
        <translation>还没有可保存的看板数据。</translation>
    </message>
    <message>
        <source>The kept dashboard figures are from another version; they are read again.</source>
        <translation>保存的看板数据来自其他版本，将重新读取。</translation>
    </message>
    <message>
        <source>The kept dashboard figures are damaged; they are read again.</source>
        <translation>保存的看板数据已损坏，将重新读取。</translation>
    </message>
</context>
<context>
    <name>pd::KpiInfo</name>
    <message>
        <source>First-response SLA</source>
        <translation>首次响应时效达标率</translation>
    </message>
    <message>
        <source>Median first response</source>
        <translation>首次响应时长中位数</translation>
    </message>
    <message>
        <source>P90 first response</source>
        <translation>首次响应时长 P90</translation>
    </message>
    <message>
        <source>Median resolution time</source>
        <translation>解决时长中位数</translation>
    </message>
    <message>
        <source>First contact resolution</source>
        <translation>一次解决率</translation>
    </message>
    <message>
        <source>Reopen rate</source>
        <translation>重新打开率</translation>
    </message>
    <message>
        <source>CSAT</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>净推荐值</translation>
    </message>
    <message>
        <source>Backlog</source>
        <translation>积压工单</translation>
    </message>
    <message>
        <source>Complaints per 10,000 parcels</source>
        <translation>万件投诉率</translation>
    </message>
    <message>
        <source>On-time delivery</source>
        <translation>准时送达率</translation>
    </message>
    <message>
        <source>Damage rate</source>
        <translation>破损率</translation>
    </message>
    <message>
        <source>Loss rate</source>
        <translation>丢失率</translation>
    </message>
    <message>
        <source>Follow-up completion</source>
        <translation>回访完成率</translation>
    </message>
    <message>
        <source>n/a</source>
        <comment>no data for this KPI</comment>
        <translation>暂无数据</translation>
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
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
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
        <translation>本周</translation>
    </message>
    <message>
        <source>Last week</source>
        <translation>上周</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>自定义…</translation>
    </message>
</context>
<context>
    <name>pd::KpiTile</name>
    <message>
        <source>Click to open these tickets in the workbench</source>
        <translation>点击在工作台中打开这些工单</translation>
    </message>
    <message>
        <source>Target ≥ %1</source>
        <translation>目标 ≥ %1</translation>
    </message>
    <message>
        <source>Target ≤ %1</source>
        <translation>目标 ≤ %1</translation>
    </message>
    <message>
        <source>No target</source>
        <translation>无目标</translation>
    </message>
    <message>
        <source>No previous figure</source>
        <translation>无上期数据</translation>
    </message>
    <message>
        <source>%1 pts</source>
        <translation>%1 个百分点</translation>
    </message>
    <message>
        <source>= unchanged vs previous period</source>
        <translation>= 与上期持平</translation>
    </message>
    <message>
        <source>▲ +%1 vs previous period</source>
        <extracomment>%1 is the amount of change, e.g. "1.2 pts" or "3.0 min"</extracomment>
        <translation>▲ 较上期 +%1</translation>
    </message>
    <message>
        <source>▼ −%1 vs previous period</source>
        <translation>▼ 较上期 −%1</translation>
    </message>
</context>
<context>
    <name>pd::LocalEdits</name>
    <message>
        <source>This ticket is not in the local cache.</source>
        <translation>本地缓存中没有这张工单。</translation>
    </message>
    <message>
        <source>“%1” entries are made by the server, not typed in.</source>
        <translation>“%1”记录由服务器生成，不能手动添加。</translation>
    </message>
    <message>
        <source>The ticket is closed: only internal notes can be added.</source>
        <translation>工单已关闭：只能添加内部备注。</translation>
    </message>
    <message>
        <source>Say whether the call was inbound or outbound.</source>
        <translation>请注明是呼入还是外呼。</translation>
    </message>
    <message>
        <source>The call duration must be between 0 seconds and 24 hours.</source>
        <translation>通话时长必须在 0 秒到 24 小时之间。</translation>
    </message>
    <message>
        <source>Nothing to change.</source>
        <translation>没有需要更改的内容。</translation>
    </message>
    <message>
        <source>The field “%1” cannot be changed here.</source>
        <translation>此处不能修改字段“%1”。</translation>
    </message>
    <message>
        <source>This ticket has a conflicting change to settle first: keep yours or take the server's.</source>
        <translation>这张工单有待处理的修改冲突：请先选择保留您的修改或采用服务器版本。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Choose how the complaint was resolved before resolving it.</source>
        <translation>请先选择处理方式，再将投诉标记为已解决。</translation>
    </message>
    <message>
        <source>Enter the compensation amount.</source>
        <translation>请输入赔偿金额。</translation>
    </message>
    <message>
        <source>The server refused this change because the ticket changed meanwhile.</source>
        <translation>工单已被他人修改，服务器拒绝了此次更改。</translation>
    </message>
    <message>
        <source>There is no conflict to settle for this ticket.</source>
        <translation>这张工单没有需要处理的冲突。</translation>
    </message>
    <message>
        <source>Your change no longer fits the ticket as it is now; take the server's copy instead.</source>
        <translation>您的修改已不适用于工单的当前状态，请采用服务器版本。</translation>
    </message>
    <message>
        <source>This refused change is no longer here.</source>
        <translation>这条被拒绝的修改已不存在。</translation>
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
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Cache: %1</source>
        <translation>缓存：%1</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>立即同步(&amp;S)</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Workbench</source>
        <translation>工作台(&amp;W)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln ticket(s) shown</source>
        <translation>
            <numerusform>显示 %Ln 张工单</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;New ticket…</source>
        <translation>新建工单(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Ticket</source>
        <translation>工单(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Next ticket</source>
        <translation>下一张工单(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous ticket</source>
        <translation>上一张工单(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Take</source>
        <translation>认领(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Assign…</source>
        <translation>分派(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>回复(&amp;R)</translation>
    </message>
    <message>
        <source>Internal &amp;note</source>
        <translation>内部备注(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Log a call…</source>
        <translation>记录通话(&amp;L)…</translation>
    </message>
    <message>
        <source>Set &amp;pending</source>
        <translation>挂起(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Escalate</source>
        <translation>升级(&amp;E)</translation>
    </message>
    <message>
        <source>Re&amp;solve…</source>
        <translation>解决(&amp;S)…</translation>
    </message>
    <message>
        <source>Re&amp;open</source>
        <translation>重新打开(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Search tickets</source>
        <translation>搜索工单(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Queues</source>
        <translation>队列(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Pages</source>
        <translation>页面(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
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
        <translation>地图(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>看板(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>报表(&amp;R)</translation>
    </message>
    <message>
        <source>%1 (editing)</source>
        <translation>%1（正在编辑）</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>偏好设置(&amp;P)…</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) have a conflict you have not resolved. Signing out removes your tickets from this computer, and your version of those changes with them.</source>
        <translation>
            <numerusform>有 %n 张工单的冲突尚未处理。退出登录会从这台电脑上删除您的工单，您对这些修改的版本也会一并删除。</numerusform>
        </translation>
    </message>
    <message>
        <source>Show customer's n&amp;umber…</source>
        <translation>显示客户号码(&amp;U)…</translation>
    </message>
    <message>
        <source>Show customer's n&amp;ame…</source>
        <translation>显示客户姓名(&amp;A)…</translation>
    </message>
    <message>
        <source>Show parcel addre&amp;sses…</source>
        <translation>显示包裹地址(&amp;S)…</translation>
    </message>
    <message>
        <source>Customer data on this computer (details)</source>
        <translation>本机上的客户数据（详情）</translation>
    </message>
    <message>
        <source>Access &amp;log</source>
        <translation>访问日志(&amp;L)</translation>
    </message>
    <message>
        <source>Customer data revealed unusually often</source>
        <translation>客户数据被异常频繁地查看</translation>
    </message>
    <message>
        <source>%1 revealed the data of %2 customers within %3 minutes (the limit is %4). Managers see each reveal in the access log.</source>
        <translation>%1 在 %3 分钟内查看了 %2 位客户的完整数据（上限为 %4）。每次查看都记入访问日志，经理可以查阅。</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>恢复处理(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Follow-up…</source>
        <translation>回访(&amp;F)…</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln ticket(s) shown</source>
        <translation>
            <numerusform>显示 %1 / %Ln 张工单</numerusform>
        </translation>
    </message>
    <message>
        <source>My &amp;status…</source>
        <translation>我的状态(&amp;S)…</translation>
    </message>
    <message>
        <source>Take next &amp;waiting ticket</source>
        <translation>领取下一张待处理工单(&amp;W)</translation>
    </message>
    <message>
        <source>Offline: Next ticket needs the server. Nothing was changed.</source>
        <translation>离线：领取下一张工单需要连接服务器。未做任何更改。</translation>
    </message>
    <message>
        <source>Asking the server for the next ticket…</source>
        <translation>正在向服务器请求下一张工单…</translation>
    </message>
    <message>
        <source>No ticket waiting that you can take.</source>
        <translation>没有您可以领取的待处理工单。</translation>
    </message>
    <message>
        <source>Next ticket: %1</source>
        <translation>下一张工单：%1</translation>
    </message>
    <message>
        <source>Ticket %1 is yours: opening it…</source>
        <translation>工单 %1 已分给您：正在打开…</translation>
    </message>
    <message>
        <source>Ticket %1 is yours.</source>
        <translation>工单 %1 已分给您。</translation>
    </message>
    <message>
        <source>Your status was not changed: %1</source>
        <translation>您的状态未更改：%1</translation>
    </message>
    <message>
        <source>Team &amp;board</source>
        <translation>团队看板(&amp;B)</translation>
    </message>
    <message>
        <source>Appro&amp;vals</source>
        <translation>审批(&amp;V)</translation>
    </message>
    <message>
        <source>Pro&amp;active</source>
        <translation>主动服务(&amp;A)</translation>
    </message>
    <message>
        <source>Complaint spike ×%1</source>
        <translation>投诉激增 ×%1</translation>
    </message>
</context>
<context>
    <name>pd::MapPage</name>
    <message>
        <source>With open complaints</source>
        <translation>有未结投诉</translation>
    </message>
    <message>
        <source>Late only</source>
        <translation>仅显示延误</translation>
    </message>
    <message>
        <source>Waybill number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>网点</translation>
    </message>
    <message>
        <source>© Natural Earth (public domain), world-atlas</source>
        <translation>© Natural Earth（公有领域），world-atlas</translation>
    </message>
    <message>
        <source>All stations</source>
        <translation>全部网点</translation>
    </message>
    <message>
        <source>Waybill not found on the map</source>
        <translation>地图上找不到该运单号</translation>
    </message>
    <message numerus="yes">
        <source>%Ln parcel(s) on the map</source>
        <translation>
            <numerusform>地图上共 %Ln 个包裹</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln parcel(s) under way here</source>
        <translation>
            <numerusform>此区域有 %Ln 个在途包裹</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline: the parcels in this area are shown as loaded at %1; they may have moved since.</source>
        <translation>离线：此区域的包裹为 %1 加载时的位置，之后可能已有移动。</translation>
    </message>
    <message>
        <source>Offline: the parcels in this area were never loaded, so only the parcels of your tickets are shown. The others appear when the server can be reached.</source>
        <translation>离线：此区域的包裹从未加载，因此只显示您工单的包裹。连上服务器后会显示其他包裹。</translation>
    </message>
    <message>
        <source>More parcels are in this area than the map lists at once: zoom in to see them all.</source>
        <translation>此区域的包裹超过地图一次可列出的数量：放大即可查看全部。</translation>
    </message>
    <message>
        <source>Not in the local cache, and the server cannot be reached to look it up</source>
        <translation>本地缓存中没有，且无法连接服务器查询</translation>
    </message>
    <message>
        <source>Looking the waybill up on the server…</source>
        <translation>正在服务器上查询运单…</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Open incident</source>
        <translation>打开事件</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %Ln parcel(s)</source>
        <translation>
            <numerusform>%1 · %Ln 件</numerusform>
        </translation>
    </message>
    <message>
        <source>No open incidents on the map</source>
        <translation>地图上没有未结事件</translation>
    </message>
    <message>
        <source>Go to an incident…</source>
        <translation>转到事件…</translation>
    </message>
</context>
<context>
    <name>pd::MergeBanner</name>
    <message>
        <source>Merged into %1: its conversation and files are there now, and it is counted there once.</source>
        <translation>已合并到 %1：沟通记录和文件都已移到该工单，投诉只在那里计一次。</translation>
    </message>
    <message>
        <source>Likely a duplicate of %1, an open ticket about the same waybill.</source>
        <translation>可能与 %1 重复：同一运单的工单仍在处理中。</translation>
    </message>
    <message>
        <source>&amp;Open %1</source>
        <translation>打开 %1(&amp;O)</translation>
    </message>
    <message>
        <source>Moves this ticket's conversation and files to %1 and closes this one.</source>
        <translation>将本工单的沟通记录和文件移到 %1，并关闭本工单。</translation>
    </message>
    <message>
        <source>&amp;Merge into %1…</source>
        <translation>合并到 %1(&amp;M)…</translation>
    </message>
</context>
<context>
    <name>pd::MonthlyAppealsReport</name>
    <message>
        <source>n/a</source>
        <translation>暂无数据</translation>
    </message>
    <message>
        <source>%1 — appeals report %2</source>
        <translation>%1 — %2 申诉月报</translation>
    </message>
    <message>
        <source>%1 — team %2</source>
        <translation>%1 — 班组 %2</translation>
    </message>
    <message>
        <source>In %1 the postal regulator forwarded %2 appeals (12305), %3 per million parcels. Of them %4 were at fault (the company responsible), %5 per million parcels. %6 were not answered within the time limit.</source>
        <extracomment>the opening of the monthly appeals report, after the regulator's bulletin; %1 month, %2 appeals, %3 per million parcels, %4 at-fault appeals, %5 at fault per million, %6 answered late or overdue</extracomment>
        <translation>统计月份 %1：邮政管理部门共转办申诉（12305）%2 件，百万件申诉率为 %3。其中有效申诉（企业有责）%4 件，百万件有效申诉率为 %5。未在时限内答复的申诉 %6 件。</translation>
    </message>
    <message>
        <source>Data coverage: the local cache has never synced; figures may be incomplete.</source>
        <translation>数据覆盖：本地缓存从未同步，数据可能不完整。</translation>
    </message>
    <message>
        <source>Data as of %1 (%2), generated %3.</source>
        <translation>数据截至 %1（%2），生成于 %3。</translation>
    </message>
</context>
<context>
    <name>pd::NewTicketDialog</name>
    <message>
        <source>Assign to me</source>
        <translation>分派给我</translation>
    </message>
    <message>
        <source>New ticket</source>
        <translation>新建工单</translation>
    </message>
    <message>
        <source>e.g. SF1400000000017</source>
        <translation>例如 SF1400000000017</translation>
    </message>
    <message>
        <source>Mobile 13812345678 or landline 0755-12345678</source>
        <translation>手机 13812345678 或固话 0755-12345678</translation>
    </message>
    <message>
        <source>The complaint as the customer told it</source>
        <translation>按客户原话记录投诉内容</translation>
    </message>
    <message>
        <source>Create ticket</source>
        <translation>创建工单</translation>
    </message>
    <message>
        <source>Waybill:</source>
        <translation>运单号：</translation>
    </message>
    <message>
        <source>Customer name:</source>
        <translation>客户姓名：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>渠道：</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>Priority:</source>
        <translation>优先级：</translation>
    </message>
    <message>
        <source>Complaint:</source>
        <translation>投诉内容：</translation>
    </message>
    <message>
        <source>Parcel found: %1, %2 → %3%4</source>
        <translation>已找到包裹：%1，%2 → %3%4</translation>
    </message>
    <message>
        <source> (late)</source>
        <translation>（已延误）</translation>
    </message>
    <message>
        <source>Create the ticket (%1)</source>
        <translation>创建工单（%1）</translation>
    </message>
    <message>
        <source>This parcel is not in the local cache and the server cannot be reached to look it up; the ticket can still be made and is linked when the parcel appears.</source>
        <translation>本地缓存中没有此包裹，且无法连接服务器查询；仍可创建工单，包裹出现后会自动关联。</translation>
    </message>
    <message>
        <source>Looking the parcel up on the server…</source>
        <translation>正在向服务器查询包裹…</translation>
    </message>
    <message>
        <source>The server does not know this parcel yet; the ticket is linked when it appears.</source>
        <translation>服务器上还没有此包裹；包裹出现后工单会自动关联。</translation>
    </message>
</context>
<context>
    <name>pd::NotifyDialog</name>
    <message>
        <source>&amp;Urgent: may be sent during quiet hours</source>
        <translation>紧急：可在免打扰时段发送(&amp;U)</translation>
    </message>
    <message>
        <source>Notify customers</source>
        <translation>通知客户</translation>
    </message>
    <message>
        <source>Empty: the standard message of the language. Placeholders: {waybill}, {cause}, {eta}, {station}, {compensation}.</source>
        <translation>留空则使用该语言的标准文本。占位符：{waybill}、{cause}、{eta}、{station}、{compensation}。</translation>
    </message>
    <message>
        <source>e.g. 我们将为您补偿5元运费券。</source>
        <translation>例如：我们将为您补偿5元运费券。</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>短信内容(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Compensation offer:</source>
        <translation>补偿方案(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>发送(&amp;S)</translation>
    </message>
    <message>
        <source>The message is %1 characters long; at most %2 are sent.</source>
        <translation>短信内容有 %1 个字符；最多发送 %2 个。</translation>
    </message>
    <message>
        <source>{%1} is not a placeholder; use {waybill}, {cause}, {eta}, {station} or {compensation}.</source>
        <translation>{%1} 不是占位符；请使用 {waybill}、{cause}、{eta}、{station} 或 {compensation}。</translation>
    </message>
</context>
<context>
    <name>pd::PaneActionRules</name>
    <message>
        <source>Sign in to work on tickets.</source>
        <translation>请登录后再处理工单。</translation>
    </message>
    <message>
        <source>Your role (%1) can read tickets but not change them.</source>
        <translation>您的角色（%1）只能查看工单，不能修改。</translation>
    </message>
    <message>
        <source>This ticket belongs to another team.</source>
        <translation>这张工单属于其他班组。</translation>
    </message>
    <message>
        <source>Settle the conflicting change first: keep yours or take the server's.</source>
        <translation>请先处理修改冲突：保留我的修改或采用服务器版本。</translation>
    </message>
    <message>
        <source>The ticket is closed: only internal notes can be added.</source>
        <translation>工单已关闭：只能添加内部备注。</translation>
    </message>
    <message>
        <source>Only tickets still being worked on are escalated.</source>
        <translation>只有仍在处理中的工单才能升级。</translation>
    </message>
    <message>
        <source>A closed ticket cannot be taken.</source>
        <translation>已关闭的工单不能认领。</translation>
    </message>
    <message>
        <source>This ticket is already yours.</source>
        <translation>这张工单已经由您处理。</translation>
    </message>
    <message>
        <source>Only supervisors assign tickets to other people; take it yourself instead.</source>
        <translation>只有主管才能将工单分派给他人；您可以自行认领。</translation>
    </message>
    <message>
        <source>A closed ticket cannot be reassigned.</source>
        <translation>已关闭的工单不能重新分派。</translation>
    </message>
    <message>
        <source>Only a pending or reopened ticket is resumed; the first reply opens a new one.</source>
        <translation>只有挂起或重新打开的工单才需要恢复处理；新工单在首次回复后即转为处理中。</translation>
    </message>
    <message>
        <source>A closed ticket gets no more follow-up calls.</source>
        <translation>已关闭的工单不再回访。</translation>
    </message>
    <message>
        <source>The follow-up call is recorded once the ticket is resolved.</source>
        <translation>工单解决后才能记录回访。</translation>
    </message>
    <message>
        <source>Your role (%1) does not reveal customer data on tickets; a manager's weekly report can include it, and that export is logged.</source>
        <translation>您的角色（%1）不能在工单中查看完整客户信息；经理的周报可以包含这些信息，且该导出会被记录。</translation>
    </message>
    <message>
        <source>The ticket has no phone number.</source>
        <translation>此工单没有电话号码。</translation>
    </message>
    <message>
        <source>The ticket has no customer name.</source>
        <translation>此工单没有客户姓名。</translation>
    </message>
    <message>
        <source>The parcel and its addresses are not in the cache.</source>
        <translation>本地缓存中没有此包裹及其地址。</translation>
    </message>
    <message>
        <source>Shown in full.</source>
        <translation>已完整显示。</translation>
    </message>
    <message>
        <source>Only supervisors merge tickets.</source>
        <translation>只有主管可以合并工单。</translation>
    </message>
    <message>
        <source>This ticket was merged into %1 already.</source>
        <translation>本工单已合并到 %1。</translation>
    </message>
    <message>
        <source>A closed ticket is not merged.</source>
        <translation>已关闭的工单不能合并。</translation>
    </message>
    <message>
        <source>Wait until this ticket's changes are sent (or settle the conflict) first.</source>
        <translation>请先等本工单的修改发送完毕（或先处理冲突）。</translation>
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
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>Enter the amount in yuan, for example 50 or 12.50.</source>
        <translation>请输入以元为单位的金额，例如 50 或 12.50。</translation>
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation>金额必须大于零。</translation>
    </message>
    <message>
        <source>The amount cannot be more than %1.</source>
        <translation>金额不能超过 %1。</translation>
    </message>
    <message>
        <source>%1 must be a whole number from %2 to %3.</source>
        <translation>%1必须是 %2 到 %3 之间的整数。</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>resolution, then the amount</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>破损</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>丢失</translation>
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
        <translation>不是带有起止时间的日期</translation>
    </message>
</context>
<context>
    <name>pd::PolicyChecker</name>
    <message>
        <source>must be a whole number between %1 and %2</source>
        <translation>必须是 %1 到 %2 之间的整数</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>必须是 true 或 false</translation>
    </message>
    <message>
        <source>must be a list of codes</source>
        <translation>必须是代码列表</translation>
    </message>
    <message>
        <source>must be a non-empty text</source>
        <translation>必须是非空文本</translation>
    </message>
    <message>
        <source>must be one of: %1</source>
        <translation>必须是以下之一：%1</translation>
    </message>
    <message>
        <source>repeats "%1"</source>
        <translation>重复了 "%1"</translation>
    </message>
</context>
<context>
    <name>pd::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>界面语言(&amp;L)：</translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <translation>跟随系统（%1）</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>The console switches at once; typed text, open tickets and the connection to the server stay. A language given with --lang on the command line applies only to that start.</source>
        <translation>切换立即生效：已输入的文字、打开的工单和与服务器的连接都会保留。命令行 --lang 指定的语言只对该次启动有效。</translation>
    </message>
</context>
<context>
    <name>pd::ProactivePage</name>
    <message>
        <source>&amp;Cases of the selected incident: one per parcel and exception</source>
        <translation>所选事件的个案(&amp;C)：每件快件每种异常一条</translation>
    </message>
    <message>
        <source>&amp;Notify customers…</source>
        <translation>通知客户(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Explain…</source>
        <translation>说明(&amp;E)…</translation>
    </message>
    <message>
        <source>Re&amp;solve</source>
        <translation>解除(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Dismiss case…</source>
        <translation>忽略个案(&amp;D)…</translation>
    </message>
    <message>
        <source>Create &amp;ticket</source>
        <translation>生成工单(&amp;T)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Load the incidents and cases again (F5)</source>
        <translation>重新加载事件和个案 (F5)</translation>
    </message>
    <message>
        <source>Waybill</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>发生了什么</translation>
    </message>
    <message>
        <source>Recommended</source>
        <translation>建议处理</translation>
    </message>
    <message>
        <source>Detected</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Offline: the incidents are the ones last synced; cases and notices need the server.</source>
        <translation>离线：显示的是上次同步的事件；个案和通知需要连接服务器。</translation>
    </message>
    <message>
        <source>The notices could not be counted: %1</source>
        <translation>无法统计通知：%1</translation>
    </message>
    <message>
        <source>The cases could not be loaded: %1</source>
        <translation>无法加载个案：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s).</source>
        <translation>
            <numerusform>%n 条个案。</numerusform>
        </translation>
    </message>
    <message>
        <source>Supervisors tell an incident's customers and explain it.</source>
        <translation>由班组长通知事件的客户并填写说明。</translation>
    </message>
    <message>
        <source>Customers are notified by the server. Try again when connected.</source>
        <translation>客户通知由服务器发送。请在连接后重试。</translation>
    </message>
    <message numerus="yes">
        <source>Each customer of the %n parcel(s) of “%1” with a phone gets one message; customers told of this incident already are skipped.</source>
        <translation>
            <numerusform>“%1”的 %n 件快件中，有电话的客户每人收到一条短信；已通知过该事件的客户将跳过。</numerusform>
        </translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>未发送：%1</translation>
    </message>
    <message>
        <source>%1 message(s) queued; %2 customer(s) told already; %3 parcel(s) without a phone.</source>
        <translation>已排队 %1 条短信；%2 位客户已通知过；%3 件快件没有电话。</translation>
    </message>
    <message>
        <source>Incidents are changed on the server. Try again when connected.</source>
        <translation>事件在服务器上修改。请在连接后重试。</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>未修改：%1</translation>
    </message>
    <message>
        <source>Explain the incident</source>
        <translation>说明事件</translation>
    </message>
    <message>
        <source>What agents tell callers and what {cause} says in notices (at most 1,000 characters):</source>
        <translation>坐席向来电客户的解释，也是通知中 {cause} 的内容（最多 1,000 个字符）：</translation>
    </message>
    <message>
        <source>The explanation is %1 characters long; at most 1,000 are kept.</source>
        <translation>说明有 %1 个字符；最多保留 1,000 个。</translation>
    </message>
    <message>
        <source>Explanation saved; every console gets it.</source>
        <translation>说明已保存；所有控制台都会收到。</translation>
    </message>
    <message>
        <source>Resolved: new complaints are no longer linked to it.</source>
        <translation>已解除：新投诉不再关联到该事件。</translation>
    </message>
    <message>
        <source>Cases are dismissed on the server. Try again when connected.</source>
        <translation>个案在服务器上忽略。请在连接后重试。</translation>
    </message>
    <message>
        <source>Dismiss the case</source>
        <translation>忽略个案</translation>
    </message>
    <message>
        <source>Why is nothing to be done (e.g. collected by the customer)?</source>
        <translation>为什么无需处理（例如客户已自取）？</translation>
    </message>
    <message>
        <source>A case is dismissed with a reason.</source>
        <translation>忽略个案需要填写原因。</translation>
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
        <translation>由个案生成工单需要服务器。请在连接后重试。</translation>
    </message>
    <message>
        <source>No ticket made: %1</source>
        <translation>未生成工单：%1</translation>
    </message>
    <message>
        <source>Ticket %1 made; it opens after the next sync.</source>
        <translation>已生成工单 %1；下次同步后打开。</translation>
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
        <translation>不是主动服务策略的字段</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>必须是一个对象</translation>
    </message>
    <message>
        <source>must be a time of day as "HH:mm" (00:00 to 23:59)</source>
        <translation>必须是 "HH:mm" 格式的时刻（00:00 到 23:59）</translation>
    </message>
    <message>
        <source>must be a parcel status that can stall: %1</source>
        <translation>必须是可能停滞的包裹状态：%1</translation>
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
        <translation>必须与开始时间不同（不设免打扰时段请将 enabled 设为 false）</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>为必填项</translation>
    </message>
    <message>
        <source>must be an IANA time zone such as "Asia/Shanghai"</source>
        <translation>必须是 IANA 时区，例如 "Asia/Shanghai"</translation>
    </message>
    <message>
        <source>must be a number between %1 and %2</source>
        <translation>必须是 %1 到 %2 之间的数</translation>
    </message>
</context>
<context>
    <name>pd::QueueList</name>
    <message>
        <source>Queues</source>
        <translation>队列</translation>
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
        <translation>我的工单</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未分派</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>即将超时</translation>
    </message>
    <message>
        <source>Breached</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>挂起</translation>
    </message>
    <message>
        <source>Resolved today</source>
        <translation>今日已解决</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Appeals</source>
        <translation>转办申诉</translation>
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
        <translation>新工单：%1</translation>
    </message>
    <message numerus="yes">
        <source>The server refused %n of your changes to this ticket. The ticket shows the server's copy; what you typed is kept here until you discard it.</source>
        <translation>
            <numerusform>服务器拒绝了您对这张工单的 %n 项修改。工单显示的是服务器上的版本；您输入的内容保留在这里，直到您丢弃。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1
Reason: %2</source>
        <translation>%1
原因：%2</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>复制文字</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
</context>
<context>
    <name>pd::RegulatorPanel</name>
    <message>
        <source>Regulator appeals (12305)</source>
        <translation>邮政管理部门转办申诉（12305）</translation>
    </message>
    <message>
        <source>Appeals per million parcels</source>
        <translation>百万件申诉率</translation>
    </message>
    <message>
        <source>At-fault appeals per million</source>
        <translation>百万件有效申诉率</translation>
    </message>
    <message>
        <source>Answered on time</source>
        <translation>按时答复率</translation>
    </message>
    <message>
        <source>Past the deadline, not answered</source>
        <translation>超时未答复</translation>
    </message>
    <message>
        <source>Show a&amp;ppeals</source>
        <translation>查看申诉(&amp;P)</translation>
    </message>
    <message>
        <source>The open regulator appeals in the workbench</source>
        <translation>在工作台中查看未结的转办申诉</translation>
    </message>
    <message numerus="yes">
        <source>%n appeal(s)</source>
        <translation>
            <numerusform>%n 件申诉</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 parcels</source>
        <translation>%1 件包裹</translation>
    </message>
    <message numerus="yes">
        <source>%n at fault (有效申诉)</source>
        <translation>
            <numerusform>有效申诉 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 on time, %2 late</source>
        <translation>按时 %1 件，逾期 %2 件</translation>
    </message>
    <message numerus="yes">
        <source>%n still within the deadline</source>
        <translation>
            <numerusform>%n 件仍在时限内</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pd::RegulatorQueries</name>
    <message>
        <source>Delay</source>
        <extracomment>the regulator bulletin's problem type 延误</extracomment>
        <translation>延误</translation>
    </message>
    <message>
        <source>Loss or shortage</source>
        <extracomment>the regulator bulletin's problem type 丢失短少</extracomment>
        <translation>丢失短少</translation>
    </message>
    <message>
        <source>Damage</source>
        <extracomment>the regulator bulletin's problem type 损毁</extracomment>
        <translation>损毁</translation>
    </message>
    <message>
        <source>Service</source>
        <extracomment>the regulator bulletin's problem type 服务 (delivery and pick-up service)</extracomment>
        <translation>服务</translation>
    </message>
    <message>
        <source>Other</source>
        <extracomment>the regulator bulletin's problem type 其他</extracomment>
        <translation>其他</translation>
    </message>
    <message>
        <source>Unknown station</source>
        <translation>未知网点</translation>
    </message>
</context>
<context>
    <name>pd::RepeatNotice</name>
    <message>
        <source>&amp;Add to the open ticket</source>
        <translation>添加到未结工单(&amp;A)</translation>
    </message>
    <message>
        <source>this waybill</source>
        <translation>此运单</translation>
    </message>
    <message>
        <source>this phone number</source>
        <translation>此电话号码</translation>
    </message>
    <message>
        <source>Ticket %1 is still open for %2 (%3, %4, created %5). If the customer is chasing it, add the call to that ticket instead of opening a new one.</source>
        <translation>%2 仍有未结工单 %1（%3，%4，创建于 %5）。如果客户是在催促该工单，请将本次来电添加到该工单，而不要新建工单。</translation>
    </message>
    <message numerus="yes">
        <source>%n more open ticket(s) of this customer.</source>
        <translation>
            <numerusform>该客户另有 %n 张未结工单。</numerusform>
        </translation>
    </message>
    <message>
        <source>Record this call as a chase-up (催单) on %1 and open it</source>
        <translation>将本次来电记为 %1 的催单并打开该工单</translation>
    </message>
    <message>
        <source>Your role does not edit this ticket; a supervisor or the ticket's team can add the call to it.</source>
        <translation>您的角色无权编辑此工单；主管或该工单所属班组可以将本次来电添加到该工单。</translation>
    </message>
</context>
<context>
    <name>pd::ReportCommand</name>
    <message>
        <source>No remembered session for %1 on %2: give --password-file, or --offline to report from the cache.</source>
        <translation>没有 %1 在 %2 上保存的登录状态：请指定 --password-file，或使用 --offline 直接根据本地缓存生成报表。</translation>
    </message>
    <message>
        <source>No signed-in user is known on this computer (or its role is unknown): sign in once, or give --server and --user. Reports are for managers and supervisors.</source>
        <translation>此电脑上没有已知的登录用户（或其角色未知）：请先登录一次，或指定 --server 和 --user。报表仅供经理和主管使用。</translation>
    </message>
    <message>
        <source>Supervisor %1 has no team: only a manager can export every team.</source>
        <translation>主管 %1 没有所属班组：只有经理才能导出所有班组的报表。</translation>
    </message>
    <message>
        <source>Supervisor %1 can export only their own team (%2).</source>
        <translation>主管 %1 只能导出本班组（%2）的报表。</translation>
    </message>
    <message>
        <source>Role %1 may not export reports: only managers, and supervisors for their own team.</source>
        <translation>角色 %1 无权导出报表：只有经理可以导出，主管只能导出本班组的报表。</translation>
    </message>
    <message>
        <source>Write the weekly report of an ISO week as PDF, XLSX and/or CSV.

Exit codes: 0 written, 1 export failed, 2 bad usage, 3 sign-in refused, 4 the cache cannot be opened, 5 sync failed, 6 role not allowed or unknown.</source>
        <translation>将某个 ISO 周的周报导出为 PDF、XLSX 和/或 CSV。

退出码：0 已写入，1 导出失败，2 用法错误，3 登录被拒绝，4 无法打开本地缓存，5 同步失败，6 角色无权限或未知。</translation>
    </message>
    <message>
        <source>the command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>ISO week, e.g. 2026-W47 (default: last week).</source>
        <translation>ISO 周，例如 2026-W47（默认：上周）。</translation>
    </message>
    <message>
        <source>Formats, comma-separated: pdf, xlsx, csv.</source>
        <translation>导出格式，以逗号分隔：pdf、xlsx、csv。</translation>
    </message>
    <message>
        <source>Folder to write into (created when missing).</source>
        <translation>输出文件夹（不存在时自动创建）。</translation>
    </message>
    <message>
        <source>Only this team's tickets.</source>
        <translation>只导出此班组的工单。</translation>
    </message>
    <message>
        <source>Language: en, zh_CN or zh_TW.</source>
        <translation>报表语言：en、zh_CN 或 zh_TW。</translation>
    </message>
    <message>
        <source>Folder of the local cache.</source>
        <translation>本地缓存所在的文件夹。</translation>
    </message>
    <message>
        <source>The company's time zone (IANA name).</source>
        <translation>公司所在时区（IANA 名称）。</translation>
    </message>
    <message>
        <source>Company name in the header.</source>
        <translation>页眉中的公司名称。</translation>
    </message>
    <message>
        <source>Sync with this server first (default: the remembered one).</source>
        <translation>先与此服务器同步（默认：已保存的服务器）。</translation>
    </message>
    <message>
        <source>Login for the sync (default: the remembered one).</source>
        <translation>同步使用的登录名（默认：已保存的登录名）。</translation>
    </message>
    <message>
        <source>Read the password from this file.</source>
        <translation>从此文件读取密码。</translation>
    </message>
    <message>
        <source>Do not sync: report from the cache as it is.</source>
        <translation>不同步：直接根据本地缓存的现有数据生成报表。</translation>
    </message>
    <message>
        <source>Unknown time zone: %1</source>
        <translation>未知的时区：%1</translation>
    </message>
    <message>
        <source>Not an ISO week: %1 (expected e.g. 2026-W47)</source>
        <translation>不是有效的 ISO 周：%1（应为 2026-W47 这样的格式）</translation>
    </message>
    <message>
        <source>Cannot open the cache %1: %2</source>
        <translation>无法打开本地缓存 %1：%2</translation>
    </message>
    <message>
        <source>Cannot read the cache: %1</source>
        <translation>无法读取本地缓存：%1</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>The cache in %1 was synced by %2, not %3: sync it as %3 first (without --offline).</source>
        <translation>%1 中的缓存由 %2 同步，而不是 %3：请先以 %3 的身份同步（不加 --offline）。</translation>
    </message>
    <message>
        <source>Note: the report could not be recorded in the server's access log (no server session).</source>
        <translation>注意：此报表未能记入服务器的访问日志（没有服务器会话）。</translation>
    </message>
    <message>
        <source>Write the monthly appeals report of this month (e.g. 2026-11) instead of the weekly report.</source>
        <translation>输出指定月份（例如 2026-11）的申诉月报，而不是周报。</translation>
    </message>
    <message>
        <source>Usage: parceldesk report [--week 2026-W47 | --appeals-month 2026-11] --format pdf,xlsx,csv --out DIR [--team T] [--lang zh_CN] [--data-dir DIR] (see --help)</source>
        <translation>用法：parceldesk report [--week 2026-W47 | --appeals-month 2026-11] --format pdf,xlsx,csv --out 文件夹 [--team 班组] [--lang zh_CN] [--data-dir 文件夹]（详见 --help）</translation>
    </message>
    <message>
        <source>Not a month: %1 (expected e.g. 2026-11)</source>
        <translation>不是有效的月份：%1（应为 2026-11 这样的格式）</translation>
    </message>
</context>
<context>
    <name>pd::ReportExporter</name>
    <message>
        <source>CSV tickets</source>
        <translation>CSV 工单明细</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>No data.</source>
        <translation>无数据。</translation>
    </message>
    <message>
        <source>Top %1 of %2 rows; the XLSX and CSV files list them all.</source>
        <translation>仅列出 %2 行中的前 %1 行；XLSX 和 CSV 文件中列出了全部。</translation>
    </message>
    <message>
        <source>Weekly report %1</source>
        <translation>周报 %1</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Category mix</source>
        <translation>投诉类别构成</translation>
    </message>
    <message>
        <source>Daily volume (bars) and first-response SLA compliance (line)</source>
        <translation>每日投诉量（柱）与首次响应时效达标率（线）</translation>
    </message>
    <message>
        <source>First response time distribution</source>
        <translation>首次响应时长分布</translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation>无法创建 %1。</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <source>Cannot add sheet %1.</source>
        <translation>无法添加工作表 %1。</translation>
    </message>
    <message>
        <source>Complaints per day</source>
        <translation>每日投诉量</translation>
    </message>
    <message>
        <source>SLA compliance per day</source>
        <translation>每日时效达标率</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>XLSX tickets</source>
        <translation>XLSX 工单明细</translation>
    </message>
    <message>
        <source>Compressing XLSX</source>
        <translation>正在压缩 XLSX</translation>
    </message>
</context>
<context>
    <name>pd::ReportTables</name>
    <message>
        <source>n/a</source>
        <translation>暂无数据</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>网点</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>快递员</translation>
    </message>
    <message>
        <source>Stations by complaints per 10,000 parcels</source>
        <translation>网点万件投诉率排名</translation>
    </message>
    <message>
        <source>Couriers by complaints per 10,000 parcels</source>
        <translation>快递员万件投诉率排名</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉量</translation>
    </message>
    <message>
        <source>Parcels delivered</source>
        <translation>签收包裹数</translation>
    </message>
    <message>
        <source>Per 10,000</source>
        <translation>每万件</translation>
    </message>
    <message>
        <source>met</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>未达标</translation>
    </message>
    <message>
        <source>KPI summary</source>
        <translation>KPI 汇总</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>KPI</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation>上周</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>CSAT and NPS</source>
        <translation>满意度与净推荐值</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>CSAT answers</source>
        <translation>满意度评价数</translation>
    </message>
    <message>
        <source>CSAT (4–5)</source>
        <translation>满意度（4–5 分）</translation>
    </message>
    <message>
        <source>CSAT mean (1–5)</source>
        <translation>满意度均分（1–5）</translation>
    </message>
    <message>
        <source>NPS answers</source>
        <translation>净推荐值评价数</translation>
    </message>
    <message>
        <source>Promoters</source>
        <translation>推荐者</translation>
    </message>
    <message>
        <source>Passives</source>
        <translation>被动者</translation>
    </message>
    <message>
        <source>Detractors</source>
        <translation>贬损者</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>净推荐值</translation>
    </message>
    <message>
        <source>Category mix</source>
        <translation>投诉类别构成</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Daily volume and SLA compliance</source>
        <translation>每日投诉量与时效达标率</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Deadlines met</source>
        <translation>达成时效数</translation>
    </message>
    <message>
        <source>Deadlines decided</source>
        <translation>已判定时效数</translation>
    </message>
    <message>
        <source>SLA compliance</source>
        <translation>时效达标率</translation>
    </message>
    <message>
        <source>First response time distribution</source>
        <translation>首次响应时长分布</translation>
    </message>
    <message>
        <source>First response</source>
        <translation>首次响应</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>工单数</translation>
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
        <translation>处理量</translation>
    </message>
    <message>
        <source>Median first response</source>
        <translation>首次响应时长中位数</translation>
    </message>
    <message>
        <source>CSAT</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Breaches</source>
        <translation>超时数</translation>
    </message>
    <message>
        <source>Open tickets past their deadline</source>
        <translation>已超时的未结工单</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>班组</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>时效类型</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>超时时长</translation>
    </message>
    <message>
        <source>first response</source>
        <translation>首次响应</translation>
    </message>
    <message>
        <source>resolution</source>
        <translation>解决时效</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Waybill</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>First response (min)</source>
        <translation>首次响应（分钟）</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>解决时间</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>网点</translation>
    </message>
    <message>
        <source>Couriers</source>
        <translation>快递员</translation>
    </message>
    <message>
        <source>KPIs</source>
        <translation>KPI 指标</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>投诉类别</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>每日数据</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Customer phone</source>
        <translation>客户电话</translation>
    </message>
    <message>
        <source>no target</source>
        <translation>无目标</translation>
    </message>
    <message>
        <source>Priority code</source>
        <translation>优先级代码</translation>
    </message>
    <message>
        <source>Team id</source>
        <translation>班组编号</translation>
    </message>
    <message>
        <source>Assignee id</source>
        <translation>处理人编号</translation>
    </message>
    <message>
        <source>Station id</source>
        <translation>网点编号</translation>
    </message>
    <message>
        <source>Courier id</source>
        <translation>快递员编号</translation>
    </message>
</context>
<context>
    <name>pd::ReportsPage</name>
    <message>
        <source>&amp;Week:</source>
        <translation>周次(&amp;W)：</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>全部班组</translation>
    </message>
    <message>
        <source>&amp;Team:</source>
        <translation>班组(&amp;T)：</translation>
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
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>文件夹(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>打开文件夹(&amp;O)</translation>
    </message>
    <message>
        <source>KPI summary preview</source>
        <translation>KPI 汇总预览</translation>
    </message>
    <message>
        <source>Folder for the reports</source>
        <translation>报表保存文件夹</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <source>Choose at least one format.</source>
        <translation>请至少选择一种格式。</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>正在导出 %1…</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) written.</source>
        <translation>
            <numerusform>已写入 %n 个文件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>已取消导出。</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>Customer data:</source>
        <translation>客户信息：</translation>
    </message>
    <message>
        <source>Include full customer &amp;data (names and phones from the server; logged)</source>
        <translation>包含完整客户信息(&amp;D)（姓名和电话来自服务器；会被记录）</translation>
    </message>
    <message>
        <source>Without it, the ticket lists show names and phones masked (王*, 138****5678). With it, the server records that you exported them.</source>
        <translation>不勾选时，工单列表中的姓名和电话会脱敏显示（王*、138****5678）。勾选后，服务器会记录您导出了这些信息。</translation>
    </message>
    <message>
        <source>Fetching full customer data from the server (the export is logged)…</source>
        <translation>正在从服务器获取完整客户信息（此导出会被记录）…</translation>
    </message>
    <message>
        <source>the server cannot be reached</source>
        <translation>无法连接服务器</translation>
    </message>
    <message>
        <source>your session has ended; sign in again</source>
        <translation>您的会话已结束，请重新登录</translation>
    </message>
    <message>
        <source>only managers may export full customer data</source>
        <translation>只有经理可以导出完整客户信息</translation>
    </message>
    <message>
        <source>HTTP %1 %2</source>
        <translation>HTTP %1 %2</translation>
    </message>
    <message>
        <source>Full customer data could not be fetched (%1). Nothing was written; export without it, or try again.</source>
        <translation>无法获取完整客户信息（%1）。未写入任何文件；请不含客户信息导出，或稍后重试。</translation>
    </message>
    <message>
        <source>%1 The export could not be recorded on the server (%2).</source>
        <translation>%1 此次导出未能记录到服务器（%2）。</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Fetching the proactive notice figures from the server…</source>
        <translation>正在从服务器获取主动通知数据…</translation>
    </message>
</context>
<context>
    <name>pd::ResolveDialog</name>
    <message>
        <source>Resolve ticket</source>
        <translation>解决工单</translation>
    </message>
    <message>
        <source>Choose how it was resolved…</source>
        <translation>请选择处理方式…</translation>
    </message>
    <message>
        <source>Amount in yuan, e.g. 50 or 12.50</source>
        <translation>金额（元），例如 50 或 12.50</translation>
    </message>
    <message>
        <source>Compensation amount (yuan)</source>
        <translation>赔偿金额（元）</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>解决</translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation>处理方式：</translation>
    </message>
    <message>
        <source>Compensation (¥):</source>
        <translation>赔偿金额（¥）：</translation>
    </message>
    <message>
        <source>Optional: what was agreed with the customer (kept as an internal note)</source>
        <translation>可选：与客户商定的处理结果（保存为内部备注）</translation>
    </message>
    <message>
        <source>Resolution note</source>
        <translation>处理说明</translation>
    </message>
    <message>
        <source>Resolution note:</source>
        <translation>处理说明：</translation>
    </message>
    <message>
        <source>Reason for a different amount</source>
        <translation>金额调整原因</translation>
    </message>
    <message>
        <source>Why this amount:</source>
        <translation>金额说明：</translation>
    </message>
    <message>
        <source>Calculator: %1</source>
        <translation>计算结果：%1</translation>
    </message>
    <message>
        <source>Amount changed from %1: %2</source>
        <translation>金额由建议的 %1 调整，原因：%2</translation>
    </message>
    <message>
        <source>Above your approval limit of %1: a supervisor or manager decides, and the ticket stays open until then.</source>
        <translation>超出您的审批额度 %1：需由主管或经理审批，审批前工单保持未解决状态。</translation>
    </message>
    <message>
        <source>Request approval</source>
        <translation>申请审批</translation>
    </message>
    <message>
        <source>Required when the amount is not the proposed one or needs approval</source>
        <translation>金额与建议金额不同或需要审批时必填</translation>
    </message>
</context>
<context>
    <name>pd::RevealDialog</name>
    <message>
        <source>Show the customer's phone number</source>
        <translation>显示客户电话号码</translation>
    </message>
    <message>
        <source>Show the customer's name</source>
        <translation>显示客户姓名</translation>
    </message>
    <message>
        <source>Show the parcel's addresses</source>
        <translation>显示包裹地址</translation>
    </message>
    <message>
        <source>Why do you need the customer's %1? The server records who looked, which ticket, when and why; the value is shown while this ticket is open and is not stored on this computer.</source>
        <translation>您为什么需要客户的%1？服务器会记录查看人、工单、时间和原因；完整信息仅在此工单打开期间显示，不会保存在此电脑上。</translation>
    </message>
    <message>
        <source>Note (required for Other)</source>
        <translation>备注（选择“其他”时必填）</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>显示(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <source>Say why in the note.</source>
        <translation>请在备注中说明原因。</translation>
    </message>
</context>
<context>
    <name>pd::SearchSnippets</name>
    <message>
        <source>Ticket number</source>
        <translation>工单号</translation>
    </message>
    <message>
        <source>Waybill number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Customer phone number</source>
        <translation>客户手机号</translation>
    </message>
    <message>
        <source>Last four digits of the customer's phone</source>
        <translation>客户手机尾号</translation>
    </message>
    <message>
        <source>Complaint: %1</source>
        <translation>投诉内容：%1</translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation>客户姓名</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>event kind, excerpt</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>沟通记录</translation>
    </message>
</context>
<context>
    <name>pd::ServerLink</name>
    <message>
        <source>Not connected to the server.</source>
        <translation>未连接到服务器。</translation>
    </message>
</context>
<context>
    <name>pd::Session</name>
    <message>
        <source>Sending your queued changes…</source>
        <translation>正在发送您排队中的修改…</translation>
    </message>
    <message>
        <source>Signing out</source>
        <translation>正在退出登录</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) could not be sent. They stay on this computer for you only and are sent when you sign in here again.</source>
        <translation>
            <numerusform>有 %n 项修改未能发送。它们仅为您保留在这台电脑上，您再次在此登录时会自动发送。</numerusform>
        </translation>
    </message>
    <message>
        <source>The server could not be reached to end your session; it cannot be resumed from this computer any more.</source>
        <translation>无法连接服务器来结束您的会话；但这台电脑已无法再恢复该会话。</translation>
    </message>
    <message>
        <source>Your tickets could not be removed from this computer: %1</source>
        <translation>无法从这台电脑上删除您的工单：%1</translation>
    </message>
    <message>
        <source>You are signed out.</source>
        <translation>您已退出登录。</translation>
    </message>
</context>
<context>
    <name>pd::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>菜单</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
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
        <translation>在此电脑上记住我(&amp;R)</translation>
    </message>
    <message>
        <source>Sign in to ParcelDesk</source>
        <translation>登录 ParcelDesk</translation>
    </message>
    <message>
        <source>https://parceldesk.example.com</source>
        <translation>https://parceldesk.example.com</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>登录(&amp;S)</translation>
    </message>
    <message>
        <source>Se&amp;rver:</source>
        <translation>服务器(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Remember me (no keychain on this computer)</source>
        <translation>记住我（此电脑上没有钥匙串）</translation>
    </message>
</context>
<context>
    <name>pd::Sla</name>
    <message>
        <source>First response</source>
        <translation>首次响应</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>解决时效</translation>
    </message>
    <message>
        <source>On track</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>即将超时</translation>
    </message>
    <message>
        <source>Breached</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>已达成</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>计时中</translation>
    </message>
    <message>
        <source>Outside business hours</source>
        <translation>非工作时间</translation>
    </message>
    <message>
        <source>Set to pending</source>
        <translation>转为挂起</translation>
    </message>
    <message>
        <source>Back from pending</source>
        <translation>结束挂起</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>已重新打开</translation>
    </message>
    <message>
        <source>Statutory handling</source>
        <translation>法定处理时效</translation>
    </message>
    <message>
        <source>Appeal answer</source>
        <translation>申诉答复时效</translation>
    </message>
    <message>
        <source>Appeal redo</source>
        <translation>申诉重新答复时效</translation>
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
        <translation>即将超时</translation>
    </message>
    <message>
        <source>Breached</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>已达成</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Breached +%1</source>
        <translation>已超时 +%1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>SLA state, time left</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <comment>days and hours</comment>
        <translation>%1 天 %2 小时</translation>
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
        <translation>首次响应即将超时</translation>
    </message>
    <message>
        <source>Resolution due soon</source>
        <translation>解决时效即将超时</translation>
    </message>
    <message>
        <source>First response overdue</source>
        <translation>首次响应已超时</translation>
    </message>
    <message>
        <source>Resolution overdue</source>
        <translation>解决时效已超时</translation>
    </message>
    <message>
        <source>New regulator appeal</source>
        <translation>新的转办申诉</translation>
    </message>
    <message>
        <source>%1 due soon</source>
        <translation>%1即将超时</translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>%1已超时</translation>
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
        <translation>（剩余 %1）</translation>
    </message>
    <message>
        <source>(%1 over)</source>
        <translation>（超出 %1）</translation>
    </message>
    <message>
        <source>%1 %2: %3 (target %4)</source>
        <translation>%1 %2：%3（目标 %4）</translation>
    </message>
    <message>
        <source>%1 left, due %2</source>
        <translation>剩余 %1，截止时间 %2</translation>
    </message>
    <message>
        <source>Breached %1 ago (deadline %2)</source>
        <translation>已超时 %1（截止时间 %2）</translation>
    </message>
    <message>
        <source>Met at %1 after %2 (deadline %3)</source>
        <translation>于 %1 达成，用时 %2（截止时间 %3）</translation>
    </message>
    <message>
        <source>Paused with %1 left</source>
        <translation>已暂停，剩余 %1</translation>
    </message>
    <message>
        <source>  %1 – %2  %3 (%4; %5 used)</source>
        <translation>  %1 – %2  %3（%4；累计用时 %5）</translation>
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
        <translation>必须是唯一且非空的名称</translation>
    </message>
    <message>
        <source>must be one of: %1</source>
        <translation>必须是以下之一：%1</translation>
    </message>
    <message>
        <source>must be a number of minutes between 0 and 527040</source>
        <translation>必须是 0 到 527040 之间的分钟数</translation>
    </message>
    <message>
        <source>the target must be positive and the warning window no longer than it</source>
        <translation>目标时长必须大于零，且预警窗口不能长于目标时长</translation>
    </message>
    <message>
        <source>names no calendar of this policy</source>
        <translation>不是本策略中的日历名称</translation>
    </message>
    <message>
        <source>must be an object with the keys statutory, appeal_answer, appeal_redo</source>
        <translation>必须是包含 statutory、appeal_answer、appeal_redo 键的对象</translation>
    </message>
    <message>
        <source>must be one of: statutory, appeal_answer, appeal_redo</source>
        <translation>必须是以下之一：statutory、appeal_answer、appeal_redo</translation>
    </message>
    <message>
        <source>must be an object {days, warning_days, calendar}</source>
        <translation>必须是 {days, warning_days, calendar} 形式的对象</translation>
    </message>
    <message>
        <source>must be a whole number of days from 1 to 366</source>
        <translation>必须是 1 到 366 之间的整数天数</translation>
    </message>
    <message>
        <source>must be a whole number of days, 0 or more</source>
        <translation>必须是大于或等于 0 的整数天数</translation>
    </message>
    <message numerus="yes">
        <source>must be fewer than the clock's %n day(s)</source>
        <translation>
            <numerusform>必须少于该时效的 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>must be the name of a calendar of this policy, or empty for natural days</source>
        <translation>必须是本策略中的日历名称，留空表示按自然日计算</translation>
    </message>
</context>
<context>
    <name>pd::SyncEngine</name>
    <message>
        <source>The server cannot be reached; your work is kept and sent later.</source>
        <translation>无法连接服务器；您的操作已保存，稍后会自动发送。</translation>
    </message>
    <message>
        <source>Sign-in failed (HTTP %1).</source>
        <translation>登录失败（HTTP %1）。</translation>
    </message>
    <message>
        <source>Please sign in again.</source>
        <translation>请重新登录。</translation>
    </message>
    <message>
        <source>The change feed answered HTTP %1.</source>
        <translation>变更数据接口返回 HTTP %1。</translation>
    </message>
    <message>
        <source>The local cache could not take the changes: %1</source>
        <translation>本地缓存无法写入这些变更：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) received.</source>
        <translation>
            <numerusform>已接收 %n 条变更。</numerusform>
        </translation>
    </message>
    <message>
        <source>The server refused this change (HTTP %1).</source>
        <translation>服务器拒绝了这项修改（HTTP %1）。</translation>
    </message>
    <message>
        <source>The local cache could not be prepared for %1: %2</source>
        <translation>无法为 %1 准备本地缓存：%2</translation>
    </message>
    <message>
        <source>The local cache is not open.</source>
        <translation>本地缓存未打开。</translation>
    </message>
    <message>
        <source>Sending your queued changes…</source>
        <translation>正在发送您排队中的修改…</translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation>已退出登录。</translation>
    </message>
    <message>
        <source>This change was kept encrypted under a key this computer no longer has; its contents cannot be read, so it was not sent.</source>
        <translation>此更改以本机已不再持有的密钥加密保存；无法读取其内容，因此未发送。</translation>
    </message>
</context>
<context>
    <name>pd::SyncStatusWidget</name>
    <message>
        <source>Server time in the company's time zone</source>
        <translation>公司时区的服务器时间</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● 在线</translation>
    </message>
    <message>
        <source>○ Offline — working from the local cache</source>
        <translation>○ 离线 — 正在使用本地缓存</translation>
    </message>
    <message>
        <source>⟳ Syncing…</source>
        <translation>⟳ 正在同步…</translation>
    </message>
    <message>
        <source>⚠ Sign-in needed</source>
        <translation>⚠ 需要登录</translation>
    </message>
    <message>
        <source>Last sync %1</source>
        <translation>上次同步 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n pending</source>
        <translation>
            <numerusform>%n 项待发送</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n 个冲突</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n 项被拒绝</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pd::TeamBoardPage</name>
    <message>
        <source>Offline: the agents' loads are not current.</source>
        <translation>离线：坐席负载不是最新数据。</translation>
    </message>
    <message>
        <source>Select one or more tickets in the queue and an agent first.</source>
        <translation>请先在队列中选择一张或多张工单，并选择一名坐席。</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) assigned to %1.</source>
        <translation>
            <numerusform>已将 %n 张工单分派给 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Agents (drop tickets on an agent to assign them)</source>
        <translation>坐席(&amp;A)（将工单拖到坐席上即可分派）</translation>
    </message>
    <message>
        <source>&amp;Unassigned tickets</source>
        <translation>待分配工单(&amp;U)</translation>
    </message>
    <message>
        <source>Assign to selected a&amp;gent</source>
        <translation>分派给所选坐席(&amp;G)</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Unassigned tickets</source>
        <translation>待分配工单</translation>
    </message>
    <message>
        <source>Assign the selected tickets to the selected agent</source>
        <translation>将所选工单分派给所选坐席</translation>
    </message>
</context>
<context>
    <name>pd::TicketPane</name>
    <message>
        <source>Also viewing: %1</source>
        <translation>同时在查看：%1</translation>
    </message>
    <message>
        <source>Choose a ticket.</source>
        <translation>请选择一张工单。</translation>
    </message>
    <message>
        <source>This ticket is not in the local cache (any more).</source>
        <translation>本地缓存中没有（或已不再有）这张工单。</translation>
    </message>
    <message>
        <source>This ticket belongs to another team.</source>
        <translation>这张工单属于其他班组。</translation>
    </message>
    <message>
        <source> · not yet sent</source>
        <translation> · 尚未发送</translation>
    </message>
    <message>
        <source> · conflict</source>
        <translation> · 有冲突</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · %4 · assigned to %5%6</source>
        <translation>%1 · %2 · %3 · %4 · 处理人：%5%6</translation>
    </message>
    <message>
        <source>(new)</source>
        <translation>（新建）</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>沟通记录</translation>
    </message>
    <message>
        <source>Customer &amp;&amp; parcel</source>
        <translation>客户与包裹</translation>
    </message>
    <message>
        <source>SLA</source>
        <translation>时效</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>The ticket has no phone number.</source>
        <translation>此工单没有电话号码。</translation>
    </message>
    <message>
        <source>Asking the server for the number (logged as a call back)…</source>
        <translation>正在向服务器获取号码（记录为回电）…</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Nobody is assigned yet: choose a person in the list first.</source>
        <translation>尚未分派给任何人：请先在列表中选择一人。</translation>
    </message>
    <message>
        <source>%1 already has this ticket: choose someone else in the list first.</source>
        <translation>该工单已由%1负责：请先在列表中选择其他人。</translation>
    </message>
    <message>
        <source>Released: nobody is assigned now.</source>
        <translation>已释放：目前无人负责。</translation>
    </message>
    <message>
        <source>Assigned to %1.</source>
        <translation>已分派给%1。</translation>
    </message>
    <message>
        <source>Resolved, but the note was not saved (it is in the note box): %1</source>
        <translation>已解决，但说明未保存（内容已放入备注框）：%1</translation>
    </message>
    <message>
        <source>Appeal</source>
        <translation>申诉</translation>
    </message>
    <message>
        <source>Key account</source>
        <translation>大客户</translation>
    </message>
    <message>
        <source>%1 waits for approval</source>
        <translation>%1 待审批</translation>
    </message>
    <message>
        <source>Appeal steps are recorded by the server. Try again when connected.</source>
        <translation>申诉处理步骤需由服务器记录。请在联网后重试。</translation>
    </message>
    <message>
        <source>Not recorded: %1</source>
        <translation>未能记录：%1</translation>
    </message>
    <message>
        <source>Recorded; the ticket follows with the next sync.</source>
        <translation>已记录；工单将在下次同步时更新。</translation>
    </message>
    <message>
        <source>Asking for approval needs the server. Try again when connected, or resolve with an amount within your limit.</source>
        <translation>申请审批需要连接服务器。请在联网后重试，或以您审批额度内的金额解决。</translation>
    </message>
    <message>
        <source>The request was not recorded: %1</source>
        <translation>申请未能记录：%1</translation>
    </message>
    <message>
        <source>Approval requested; the ticket stays open until a supervisor decides.</source>
        <translation>已申请审批；主管审批前工单保持未解决状态。</translation>
    </message>
    <message>
        <source>Within your limit: recorded as approved.</source>
        <translation>在您的审批额度内：已记为批准。</translation>
    </message>
    <message>
        <source>%1 (not on this computer)</source>
        <translation>%1（不在本机）</translation>
    </message>
    <message>
        <source>Choose a ticket first.</source>
        <translation>请先选择一张工单。</translation>
    </message>
    <message>
        <source>%1 is a folder: add the files in it instead.</source>
        <translation>%1 是文件夹：请改为添加其中的文件。</translation>
    </message>
    <message>
        <source>%1 was not added: the ticket's files would pass %2 together.</source>
        <translation>未添加 %1：添加后该工单的附件总大小将超过 %2。</translation>
    </message>
    <message>
        <source>The pasted picture could not be read.</source>
        <translation>无法读取粘贴的图片。</translation>
    </message>
    <message>
        <source>The pasted picture was not added: %1</source>
        <translation>粘贴的图片未添加：%1</translation>
    </message>
    <message>
        <source>Add files to the ticket</source>
        <translation>向工单添加附件</translation>
    </message>
    <message>
        <source>Photos, PDFs and videos (%1);;All files (*)</source>
        <translation>照片、PDF 和视频 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The evidence tag of %1 is kept on the server: try again when connected.</source>
        <translation>%1 的证据标签保存在服务器上：请在联网后重试。</translation>
    </message>
    <message>
        <source>Changing the evidence tag of %1…</source>
        <translation>正在更改 %1 的证据标签…</translation>
    </message>
    <message>
        <source>The evidence tag of %1 was not changed: %2</source>
        <translation>%1 的证据标签未更改：%2</translation>
    </message>
    <message>
        <source>The evidence tag of %1 was changed on the server; this PC shows it after the next sync.</source>
        <translation>已在服务器上更改 %1 的证据标签；本机将在下次同步后显示。</translation>
    </message>
    <message>
        <source>Downloading %1…</source>
        <translation>正在下载 %1…</translation>
    </message>
    <message>
        <source>History (%1)</source>
        <translation>客户历史（%1）</translation>
    </message>
    <message>
        <source>History</source>
        <translation>客户历史</translation>
    </message>
    <message>
        <source>Tickets are merged by the server. Try again when connected.</source>
        <translation>工单合并由服务器完成，请在连网后重试。</translation>
    </message>
    <message>
        <source>Merge tickets</source>
        <translation>合并工单</translation>
    </message>
    <message>
        <source>Merge %1 into %2?</source>
        <translation>将 %1 合并到 %2？</translation>
    </message>
    <message numerus="yes">
        <source>%n conversation entr(ies) and %1 move to %2. %3 closes, pointing to %2, and the complaint is counted once. This cannot be undone.</source>
        <translation>
            <numerusform>%n 条沟通记录和 %1 将移到 %2。%3 将关闭并指向 %2，投诉只计一次。此操作无法撤销。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n 个文件</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>合并(&amp;M)</translation>
    </message>
    <message>
        <source>Not merged: %1</source>
        <translation>未合并：%1</translation>
    </message>
    <message>
        <source>Merged into %1; both tickets follow with the next sync.</source>
        <translation>已合并到 %1；两张工单将在下次同步时更新。</translation>
    </message>
</context>
<context>
    <name>pd::TicketRules</name>
    <message>
        <source>The ticket is already “%1”.</source>
        <translation>工单已经是“%1”状态。</translation>
    </message>
    <message>
        <source>A closed ticket cannot change any more (closed → %1). Open a new ticket instead.</source>
        <translation>已关闭的工单不能再更改（已关闭 → %1）。请新建一张工单。</translation>
    </message>
    <message>
        <source>Only a resolved ticket can be reopened.</source>
        <translation>只有已解决的工单才能重新打开。</translation>
    </message>
    <message>
        <source>Only a resolved ticket can be closed.</source>
        <translation>只有已解决的工单才能关闭。</translation>
    </message>
    <message>
        <source>A ticket cannot go from “%1” to “%2”.</source>
        <translation>工单不能从“%1”变为“%2”。</translation>
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
        <translation>工单号</translation>
    </message>
    <message>
        <source>Waybill</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>处理人</translation>
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
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Changed here, waiting to be sent to the server</source>
        <translation>已在本机修改，等待发送到服务器</translation>
    </message>
    <message>
        <source>The server refused this change or holds a newer version: open the ticket to decide</source>
        <translation>服务器拒绝了此修改或已有更新的版本：请打开工单进行处理</translation>
    </message>
    <message>
        <source>SLA</source>
        <translation>时效</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>创建至今</translation>
    </message>
    <message>
        <source>Edits waiting: %1</source>
        <translation>待发送的修改：%1</translation>
    </message>
    <message>
        <source>Sent at the next sync</source>
        <translation>下次同步时发送</translation>
    </message>
    <message numerus="yes">
        <source>in %n s</source>
        <translation>
            <numerusform>%n 秒后</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n min</source>
        <translation>
            <numerusform>%n 分钟后</numerusform>
        </translation>
    </message>
    <message>
        <source>Next try: %1 (%2)</source>
        <comment>time in the company's zone, then how long from now</comment>
        <translation>下次重试：%1（%2）</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>上次错误：%1</translation>
    </message>
    <message>
        <source>Attempts: %1</source>
        <translation>已尝试次数：%1</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>匹配内容</translation>
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
        <translation>可能与 %1 重复（同一运单）：主管可以合并</translation>
    </message>
</context>
<context>
    <name>pd::TrendAlertPanel</name>
    <message>
        <source>route %1</source>
        <translation>线路 %1</translation>
    </message>
    <message>
        <source>courier %1</source>
        <translation>快递员 %1</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>警报</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %2: %n complaint(s) since %3 where %4 are normal (×%5)</source>
        <translation>
            <numerusform>%1 — %2：%3 起 %n 件投诉，正常约 %4 件（×%5）</numerusform>
        </translation>
    </message>
    <message>
        <source>Complaint spike · %1</source>
        <translation>投诉激增 · %1</translation>
    </message>
    <message numerus="yes">
        <source>Complaint spikes (%n open)</source>
        <translation>
            <numerusform>投诉激增（%n 条未结）</numerusform>
        </translation>
    </message>
    <message>
        <source>Only a station's spike has a place on the map.</source>
        <translation>只有网点的投诉激增可以在地图上显示。</translation>
    </message>
    <message>
        <source>More complaints than is normal for the hour of the week (a Poisson test against the last weeks). Open the complaints to find what they share.</source>
        <translation>投诉量高于每周同一时段的正常水平（与过去数周比较的泊松检验）。打开这些投诉，找出它们的共同点。</translation>
    </message>
    <message>
        <source>Show &amp;complaints</source>
        <translation>查看投诉(&amp;C)</translation>
    </message>
    <message>
        <source>Show on &amp;map</source>
        <translation>在地图上显示(&amp;M)</translation>
    </message>
</context>
<context>
    <name>pd::UnassignedModel</name>
    <message numerus="yes">
        <source>%n min late</source>
        <translation>
            <numerusform>已超时 %n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
</context>
<context>
    <name>pd::Validation</name>
    <message>
        <source>SF Express</source>
        <translation>顺丰速运</translation>
    </message>
    <message>
        <source>JD Logistics</source>
        <translation>京东物流</translation>
    </message>
    <message>
        <source>YTO Express</source>
        <translation>圆通速递</translation>
    </message>
    <message>
        <source>China Post / EMS (UPU S10)</source>
        <translation>中国邮政 / EMS（UPU S10）</translation>
    </message>
    <message>
        <source>Unknown carrier</source>
        <translation>未知快递公司</translation>
    </message>
    <message>
        <source>Enter a waybill number.</source>
        <translation>请输入运单号。</translation>
    </message>
    <message>
        <source>A waybill number has at most 40 characters.</source>
        <translation>运单号最多 40 个字符。</translation>
    </message>
    <message>
        <source>An SF Express waybill is SF followed by 12 to 15 digits, e.g. SF1234567890123.</source>
        <translation>顺丰运单号为 SF 加 12 到 15 位数字，例如 SF1234567890123。</translation>
    </message>
    <message>
        <source>A JD Logistics waybill is JD followed by 10 to 18 letters or digits, e.g. JDVA01234567890.</source>
        <translation>京东运单号为 JD 加 10 到 18 位字母或数字，例如 JDVA01234567890。</translation>
    </message>
    <message>
        <source>A YTO Express waybill is YT followed by 13 digits, e.g. YT1234567890123.</source>
        <translation>圆通运单号为 YT 加 13 位数字，例如 YT1234567890123。</translation>
    </message>
    <message>
        <source>The check digit of %1 is %2 but should be %3: please check the number for a typo.</source>
        <translation>%1 的校验位是 %2，正确应为 %3：请检查是否输错。</translation>
    </message>
    <message numerus="yes">
        <source>A numeric waybill (ZTO, STO, Yunda, Best) has 12 to 15 digits; this one has %n.</source>
        <translation>
            <numerusform>纯数字运单号（中通、申通、韵达、百世）为 12 到 15 位，当前为 %n 位。</numerusform>
        </translation>
    </message>
    <message>
        <source>This is not a known waybill format. Expected SF…, JD…, YT…, 12 to 15 digits, or a postal number such as EE123456785CN.</source>
        <translation>无法识别的运单号格式。应为 SF…、JD…、YT…、12 到 15 位数字，或邮政单号（例如 EE123456785CN）。</translation>
    </message>
    <message>
        <source>Enter a phone number.</source>
        <translation>请输入电话号码。</translation>
    </message>
    <message>
        <source>A phone number may contain only digits, spaces, dashes and brackets.</source>
        <translation>电话号码只能包含数字、空格、短横线和括号。</translation>
    </message>
    <message>
        <source>A mainland mobile number has 11 digits and starts with 13 to 19, e.g. 13812345678.</source>
        <translation>大陆手机号为 11 位，以 13 至 19 开头，例如 13812345678。</translation>
    </message>
    <message>
        <source>A landline is an area code and a 7 or 8 digit number, e.g. 010-12345678 or 0755-1234567.</source>
        <translation>固定电话为区号加 7 或 8 位号码，例如 010-12345678 或 0755-1234567。</translation>
    </message>
    <message>
        <source>Not a phone number: expect a mobile (13812345678) or a landline with its area code (010-12345678).</source>
        <translation>不是有效的电话号码：请输入手机号（13812345678）或带区号的固定电话（010-12345678）。</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>此项为必填。</translation>
    </message>
    <message numerus="yes">
        <source>At most %n character(s), please.</source>
        <translation>
            <numerusform>最多 %n 个字符。</numerusform>
        </translation>
    </message>
    <message>
        <source>The text contains a broken character (an unpaired UTF-16 surrogate, U+%1, at position %2).</source>
        <translation>文本含有损坏的字符（不成对的 UTF-16 代理项 U+%1，位于第 %2 个位置）。</translation>
    </message>
    <message>
        <source>The text contains a control character (U+%1 at position %2); only tabs and line breaks are allowed.</source>
        <translation>文本含有控制字符（U+%1，位于第 %2 个位置）；只允许制表符和换行。</translation>
    </message>
    <message>
        <source>The text contains a character that changes the writing direction (U+%1 at position %2): it can make text read differently from what is stored.</source>
        <translation>文本含有改变书写方向的字符（U+%1，位于第 %2 个位置）：它会使显示的文字与保存的内容不一致。</translation>
    </message>
    <message>
        <source>The compensation must be more than zero.</source>
        <translation>赔偿金额必须大于零。</translation>
    </message>
    <message>
        <source>The compensation cannot be more than ¥%1.</source>
        <translation>赔偿金额不能超过 ¥%1。</translation>
    </message>
    <message>
        <source>Numeric waybill, carrier unknown</source>
        <translation>纯数字运单号，承运商未知</translation>
    </message>
</context>
<context>
    <name>pd::WaybillFinder</name>
    <message>
        <source>New ticket for %1</source>
        <translation>为 %1 新建工单</translation>
    </message>
    <message>
        <source>No ticket is about %1. Looking the parcel up on the server…</source>
        <translation>没有关于 %1 的工单。正在向服务器查询该包裹…</translation>
    </message>
    <message>
        <source>No ticket is about %1, and the server does not know this parcel yet.</source>
        <translation>没有关于 %1 的工单，服务器上也暂无该包裹。</translation>
    </message>
    <message>
        <source>No ticket is about %1. The parcel is not in the local cache and the server cannot be reached to look it up.</source>
        <translation>没有关于 %1 的工单。该包裹不在本地缓存中，且无法连接服务器查询。</translation>
    </message>
    <message>
        <source>%1, late</source>
        <translation>%1，已延误</translation>
    </message>
    <message>
        <source>No ticket is about %1. The parcel, from the server: %2, %3 → %4.</source>
        <translation>没有关于 %1 的工单。服务器上的包裹：%2，%3 → %4。</translation>
    </message>
    <message>
        <source>No ticket is about %1. The parcel: %2, %3 → %4.</source>
        <translation>没有关于 %1 的工单。包裹：%2，%3 → %4。</translation>
    </message>
</context>
<context>
    <name>pd::WeeklyReport</name>
    <message>
        <source>Data coverage: the local cache has never synced; figures may be incomplete.</source>
        <translation>数据覆盖：本地缓存从未同步，数据可能不完整。</translation>
    </message>
    <message>
        <source>Data as of %1 (%2), generated %3.</source>
        <translation>数据截至 %1（%2），生成于 %3。</translation>
    </message>
    <message>
        <source>%1 — weekly report %2</source>
        <translation>%1 — %2 周报</translation>
    </message>
    <message>
        <source>%1 — team %2</source>
        <translation>%1 — 班组 %2</translation>
    </message>
    <message>
        <source>%1 pp</source>
        <extracomment>change of a share in percentage points ("+1.2 pp"); %1 is the number</extracomment>
        <translation>%1 个百分点</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
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
        <translation>工单</translation>
    </message>
    <message>
        <source>Search: %1</source>
        <translation>搜索：%1</translation>
    </message>
    <message>
        <source>The local cache holds no tickets yet. They arrive with the first sync from the server.</source>
        <translation>本地缓存中还没有工单，首次与服务器同步后即会显示。</translation>
    </message>
    <message>
        <source>No ticket in this queue. Well done.</source>
        <translation>此队列已清空，辛苦了！</translation>
    </message>
    <message>
        <source>No ticket matches “%1”.</source>
        <translation>没有与“%1”匹配的工单。</translation>
    </message>
</context>
<context>
    <name>pd::compensation::CompensationCalculator</name>
    <message>
        <source>insured loss: actual %1, insured value %2 → %3</source>
        <translation>保价件损失：实际价值 %1，保价金额 %2 → %3</translation>
    </message>
    <message>
        <source>cap %1 × freight %2 = %3</source>
        <translation>上限 %1 × 运费 %2 = %3</translation>
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
        <translation>未保价件损失：实际价值 %1，%2 → %3</translation>
    </message>
    <message>
        <source>damage %1 %: %2; %3 × %1 % = %4</source>
        <translation>损坏 %1%：%2；%3 × %1% = %4</translation>
    </message>
    <message>
        <source>delay: the parcel has no promised delivery time → nothing due</source>
        <translation>延误：包裹没有承诺送达时间 → 无需赔偿</translation>
    </message>
    <message>
        <source>delay: delivered on time → nothing due</source>
        <translation>延误：已按时送达 → 无需赔偿</translation>
    </message>
    <message>
        <source>delay: not late yet → nothing due</source>
        <translation>延误：尚未超过承诺送达时间 → 无需赔偿</translation>
    </message>
    <message>
        <source>distance unknown</source>
        <translation>距离未知</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 公里</translation>
    </message>
    <message>
        <source>total delay: undelivered %1 days past the promised time, limit %2 days (%3) → paid as lost; %4</source>
        <translation>彻底延误：超过承诺送达时间 %1 天仍未送达，上限 %2 天（%3）→ 按丢失赔偿；%4</translation>
    </message>
    <message>
        <source>delay: freight %1 waived → %2</source>
        <translation>延误：免收运费 %1 → %2</translation>
    </message>
    <message>
        <source>delay: %1 % of freight %2 waived → %3</source>
        <translation>延误：减免运费 %2 的 %1% → %3</translation>
    </message>
    <message>
        <source>%1: the compensation rules cover loss, damage and delay → nothing due</source>
        <translation>%1：赔偿规则仅适用于丢失、损坏和延误 → 无需赔偿</translation>
    </message>
</context>
<context>
    <name>pd::compensation::CompensationPolicy</name>
    <message>
        <source>is not a field of the compensation policy</source>
        <translation>不是赔偿策略中的字段</translation>
    </message>
    <message>
        <source>must be a whole number between %1 and %2</source>
        <translation>必须是 %1 到 %2 之间的整数</translation>
    </message>
    <message>
        <source>must be an amount in yuan between 0 and %1</source>
        <translation>必须是 0 到 %1 元之间的金额</translation>
    </message>
    <message>
        <source>must be a non-empty list of {max_km, days}</source>
        <translation>必须是非空的 {max_km, days} 列表</translation>
    </message>
    <message>
        <source>only the last band may leave max_km out (any farther distance)</source>
        <translation>只有最后一档可以省略 max_km（表示更远的任意距离）</translation>
    </message>
    <message>
        <source>the last band covers any farther distance: leave max_km out</source>
        <translation>最后一档涵盖更远的所有距离：请省略 max_km</translation>
    </message>
    <message>
        <source>must be greater than the band before it (%1 km)</source>
        <translation>必须大于前一档（%1 公里）</translation>
    </message>
    <message>
        <source>must be a number between 0 and %1</source>
        <translation>必须是 0 到 %1 之间的数字</translation>
    </message>
    <message>
        <source>an uninsured payment needs a limit: a multiple of the freight, an absolute cap or both</source>
        <translation>未保价赔付必须设置上限：运费倍数、固定封顶金额，或两者兼有</translation>
    </message>
    <message>
        <source>must be an object of role codes</source>
        <translation>必须是以角色为键的对象</translation>
    </message>
    <message>
        <source>must not be lower than the limit of %1</source>
        <translation>不能低于 %1 的额度</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>为必填项</translation>
    </message>
    <message>
        <source>must be a non-empty list of service classes</source>
        <translation>必须是非空的服务类别列表</translation>
    </message>
    <message>
        <source>must be a unique, non-empty code</source>
        <translation>必须是唯一且非空的编码</translation>
    </message>
    <message>
        <source>names no service class of this policy</source>
        <translation>不是本策略中的服务类别</translation>
    </message>
    <message>
        <source>is required when no service class is called "standard"</source>
        <translation>没有名为 "standard" 的服务类别时为必填项</translation>
    </message>
</context>
<context>
    <name>pd::map::DistrictLayer</name>
    <message>
        <source>districts © AMap (DataV.GeoAtlas)</source>
        <translation>行政区划 © 高德地图（DataV.GeoAtlas）</translation>
    </message>
</context>
<context>
    <name>pd::map::MapItems</name>
    <message>
        <source>Late: promised %1</source>
        <translation>已延误：承诺 %1 送达</translation>
    </message>
    <message>
        <source>Promised %1</source>
        <translation>承诺 %1 送达</translation>
    </message>
    <message numerus="yes">
        <source>%n open complaint(s)</source>
        <translation>
            <numerusform>%n 个未结投诉</numerusform>
        </translation>
    </message>
    <message>
        <source>Shown at its destination (no position reported)</source>
        <translation>显示在目的地（未上报位置）</translation>
    </message>
    <message>
        <source>Courier %1
Last seen %2</source>
        <translation>快递员 %1
最后定位 %2</translation>
    </message>
    <message>
        <source>Station %1
%2</source>
        <translation>网点 %1
%2</translation>
    </message>
</context>
<context>
    <name>pd::map::MapView</name>
    <message>
        <source>© Natural Earth (public domain), world-atlas</source>
        <translation>© Natural Earth（公有领域），world-atlas</translation>
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
        <translation>
            <numerusform>此处有 %Ln 个包裹：点击放大</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pd::map::MarkerAtlas</name>
    <message>
        <source>In transit</source>
        <translation>运输中</translation>
    </message>
    <message>
        <source>Out for delivery</source>
        <translation>派送中</translation>
    </message>
    <message>
        <source>At a station</source>
        <translation>到达网点</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已签收</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>已延误</translation>
    </message>
    <message>
        <source>Exception</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>快递员</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>网点</translation>
    </message>
    <message>
        <source>Tracking event</source>
        <translation>物流轨迹点</translation>
    </message>
    <message>
        <source>Open complaint</source>
        <translation>未结投诉</translation>
    </message>
    <message>
        <source>Incident (parcels affected)</source>
        <translation>事件（受影响包裹）</translation>
    </message>
</context>
<context>
    <name>pd::map::ParcelCard</name>
    <message>
        <source>Open ticket</source>
        <translation>打开工单</translation>
    </message>
    <message>
        <source>Close the card</source>
        <translation>关闭卡片</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Promised</source>
        <translation>承诺送达</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>预计送达</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>快递员</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>%1 (late)</source>
        <translation>%1（已延误）</translation>
    </message>
    <message>
        <source>No tickets about this parcel</source>
        <translation>此包裹没有相关工单</translation>
    </message>
    <message>
        <source>Delivered</source>
        <comment>the time a parcel was delivered, beside its promised time</comment>
        <translation>签收时间</translation>
    </message>
</context>
<context>
    <name>pd::routing::Decision</name>
    <message>
        <source>key account</source>
        <translation>大客户</translation>
    </message>
    <message>
        <source>taken with Next ticket</source>
        <translation>通过“下一张工单”领取</translation>
    </message>
    <message>
        <source>the only qualified agent</source>
        <translation>唯一符合条件的坐席</translation>
    </message>
    <message>
        <source>next in turn of %1 qualified agents</source>
        <translation>%1 名符合条件的坐席中轮到的下一位</translation>
    </message>
    <message>
        <source>least loaded of %1 qualified agents</source>
        <translation>%1 名符合条件的坐席中负载最低</translation>
    </message>
    <message>
        <source>no deadline</source>
        <translation>无截止时间</translation>
    </message>
    <message>
        <source>deadline %1</source>
        <translation>截止 %1</translation>
    </message>
    <message>
        <source>taken from %1</source>
        <translation>从 %1 处转出</translation>
    </message>
    <message>
        <source>taken from %1, not opened in time</source>
        <translation>从 %1 处转出（未按时打开）</translation>
    </message>
    <message>
        <source>taken from %1, who is offline</source>
        <translation>从 %1 处转出（该坐席已离线）</translation>
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
        <translation>在线</translation>
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
        <translation>离开</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Earliest deadline first</source>
        <translation>最早截止优先</translation>
    </message>
    <message>
        <source>Round robin</source>
        <translation>轮流分配</translation>
    </message>
    <message>
        <source>Pull only</source>
        <translation>仅自行领取</translation>
    </message>
</context>
<context>
    <name>pd::routing::RoutingPolicy</name>
    <message>
        <source>is not a field of the routing policy</source>
        <translation>不是分配策略的字段</translation>
    </message>
    <message>
        <source>must be one of: %1</source>
        <translation>必须是以下之一：%1</translation>
    </message>
    <message>
        <source>names no calendar of this policy</source>
        <translation>不是本策略中的日历</translation>
    </message>
    <message>
        <source>must be an object of priority codes</source>
        <translation>必须是以优先级代码为键的对象</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>必须是列表</translation>
    </message>
    <message>
        <source>must be a unique, non-empty id</source>
        <translation>必须是唯一且非空的 ID</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>为必填项</translation>
    </message>
    <message>
        <source>must be a unique, non-empty name</source>
        <translation>必须是唯一且非空的名称</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>必须是对象</translation>
    </message>
</context>
<context>
    <name>pd::server::AgentStatusService</name>
    <message>
        <source>The status must be one of: %1.</source>
        <translation>状态必须是以下之一：%1。</translation>
    </message>
    <message>
        <source>Only agents have a routing status.</source>
        <translation>只有坐席有分配状态。</translation>
    </message>
</context>
<context>
    <name>pd::server::AppealCsv</name>
    <message>
        <source>The file is empty: the first line must name the columns.</source>
        <translation>文件为空：第一行必须是列名。</translation>
    </message>
    <message>
        <source>Line 1: the column %1 is missing (申诉编号, 转办时间 and 申诉内容 are required).</source>
        <translation>第 1 行：缺少列 %1（申诉编号、转办时间和申诉内容为必填列）。</translation>
    </message>
</context>
<context>
    <name>pd::server::AppealImportCommand</name>
    <message>
        <source>Import the appeals forwarded by the regulator from its CSV export (UTF-8). Nothing is written unless every row is valid; an appeal imported before is left as it is.</source>
        <translation>从邮政管理部门导出的 CSV 文件（UTF-8）导入转办申诉。只有全部行都有效时才会写入；已导入过的申诉保持不变。</translation>
    </message>
    <message>
        <source>Database URL.</source>
        <translation>数据库 URL。</translation>
    </message>
    <message>
        <source>Check only; write nothing.</source>
        <translation>仅检查，不写入。</translation>
    </message>
    <message>
        <source>The regulator's CSV export.</source>
        <translation>邮政管理部门导出的 CSV 文件。</translation>
    </message>
    <message>
        <source>Give one CSV file: parceldesk-server import appeals FILE.csv</source>
        <translation>请指定一个 CSV 文件：parceldesk-server import appeals FILE.csv</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>REJECTED %1 line %2 %3: %4</source>
        <translation>已拒绝 %1 第 %2 行 %3：%4</translation>
    </message>
    <message>
        <source>%1 of %2 appeals rejected. Nothing was imported.</source>
        <translation>%2 件申诉中有 %1 件被拒绝。未导入任何数据。</translation>
    </message>
    <message>
        <source>Checked %1 appeals. Dry run: nothing was written.</source>
        <translation>已检查 %1 件申诉。试运行：未写入任何数据。</translation>
    </message>
    <message>
        <source>Imported %1 appeals (%2 imported before, left as they were).</source>
        <translation>已导入 %1 件申诉（%2 件此前已导入，保持不变）。</translation>
    </message>
    <message>
        <source>Database error: %1</source>
        <translation>数据库错误：%1</translation>
    </message>
</context>
<context>
    <name>pd::server::AppealService</name>
    <message>
        <source>Send 1 to %1 appeals.</source>
        <translation>每次请发送 1 至 %1 件申诉。</translation>
    </message>
    <message>
        <source>must be a team id, or empty</source>
        <translation>必须是班组编号，或留空</translation>
    </message>
    <message>
        <source>must be text</source>
        <translation>必须是文本</translation>
    </message>
    <message>
        <source>must not contain spaces or slashes</source>
        <translation>不能包含空格或斜杠</translation>
    </message>
    <message>
        <source>must be a date and time with its zone, e.g. 2026-10-09T10:00:00+08:00</source>
        <translation>必须是带时区的日期时间，例如 2026-10-09T10:00:00+08:00</translation>
    </message>
    <message>
        <source>lies in the future</source>
        <translation>不能是将来的时间</translation>
    </message>
    <message>
        <source>cannot contain *, the mask character</source>
        <translation>不能包含脱敏字符 *</translation>
    </message>
    <message>
        <source>must be one of: %1</source>
        <translation>必须是以下之一：%1</translation>
    </message>
    <message>
        <source>names no team</source>
        <translation>不是已有的班组</translation>
    </message>
    <message>
        <source>Appeal %1 was imported, but its ticket has been deleted.</source>
        <translation>申诉 %1 此前已导入，但其工单已被删除。</translation>
    </message>
    <message>
        <source>No such ticket.</source>
        <translation>工单不存在。</translation>
    </message>
    <message>
        <source>Your role may not change tickets of this team.</source>
        <translation>您的角色无权修改该班组的工单。</translation>
    </message>
    <message>
        <source>This ticket is not a regulator appeal.</source>
        <translation>此工单不是转办申诉。</translation>
    </message>
    <message>
        <source>The ticket changed meanwhile (version %1). Reload it and try again.</source>
        <translation>工单已在此期间被修改（目前为第 %1 版）。请重新加载后再试。</translation>
    </message>
    <message>
        <source>This appeal is answered already; a new answer follows a rejection.</source>
        <translation>该申诉已答复；只有被退回后才能重新答复。</translation>
    </message>
    <message>
        <source>must be a date and time with its zone</source>
        <translation>必须是带时区的日期时间</translation>
    </message>
    <message>
        <source>There is no answer to reject: answer the appeal first.</source>
        <translation>没有可退回的答复：请先答复该申诉。</translation>
    </message>
    <message>
        <source>must lie between the answer (%1) and now</source>
        <translation>必须介于答复时间（%1）与现在之间</translation>
    </message>
    <message>
        <source>must be an object {company_at_fault, fault_reason}</source>
        <translation>必须是 {company_at_fault, fault_reason} 形式的对象</translation>
    </message>
    <message>
        <source>cannot be changed; only company_at_fault and fault_reason</source>
        <translation>不可修改；只能修改 company_at_fault 和 fault_reason</translation>
    </message>
    <message>
        <source>must be true, false or null</source>
        <translation>必须是 true、false 或 null</translation>
    </message>
    <message>
        <source>is required when the company is at fault</source>
        <translation>企业有责时为必填项</translation>
    </message>
</context>
<context>
    <name>pd::server::AssignmentService</name>
    <message>
        <source>You are %1: set your status to online (or busy) to take tickets.</source>
        <translation>您当前为“%1”：请将状态设为在线（或忙碌）后再领取工单。</translation>
    </message>
    <message>
        <source>assignee offline; back to the unassigned queue</source>
        <translation>处理人离线；已退回待分配队列</translation>
    </message>
</context>
<context>
    <name>pd::server::CompensationController</name>
    <message>
        <source>%1 must be an ISO 8601 instant with an offset, e.g. 2026-11-23T00:00:00Z.</source>
        <translation>%1 必须是带时区偏移的 ISO 8601 时间，例如 2026-11-23T00:00:00Z。</translation>
    </message>
    <message>
        <source>state must be one of: pending, approved, rejected.</source>
        <translation>state 必须是以下之一：pending、approved、rejected。</translation>
    </message>
    <message>
        <source>The compensation policy is not valid.</source>
        <translation>赔偿策略无效。</translation>
    </message>
    <message>
        <source>The compensation policy changed since the version you edited (it is at version %1).</source>
        <translation>赔偿策略在您编辑之后已被修改（目前为第 %1 版）。</translation>
    </message>
</context>
<context>
    <name>pd::server::CompensationService</name>
    <message>
        <source>%1 must be a text</source>
        <translation>%1 必须是文本</translation>
    </message>
    <message>
        <source>%1 (yuan) is required</source>
        <translation>%1（元）为必填项</translation>
    </message>
    <message>
        <source>%1 must be more than zero</source>
        <translation>%1 必须大于零</translation>
    </message>
    <message>
        <source>%1 is above your approval limit of %2; %3</source>
        <translation>%1 超出您的审批额度 %2；%3</translation>
    </message>
    <message>
        <source>request approval</source>
        <translation>请申请审批</translation>
    </message>
    <message>
        <source>Agents request compensation for their own team's tickets only.</source>
        <translation>客服只能为本班组的工单申请赔偿。</translation>
    </message>
    <message>
        <source>The ticket is closed.</source>
        <translation>工单已关闭。</translation>
    </message>
    <message>
        <source>A compensation request of this ticket is waiting for approval already.</source>
        <translation>该工单已有一条赔偿申请正在等待审批。</translation>
    </message>
    <message>
        <source>No compensation request with id %1.</source>
        <translation>没有编号为 %1 的赔偿申请。</translation>
    </message>
    <message>
        <source>This compensation request belongs to another team.</source>
        <translation>该赔偿申请属于其他班组。</translation>
    </message>
    <message>
        <source>This compensation request was %1 already.</source>
        <translation>该赔偿申请已被%1。</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>You cannot decide your own compensation request.</source>
        <translation>您不能审批自己提交的赔偿申请。</translation>
    </message>
    <message>
        <source>a manager must approve it</source>
        <translation>须由经理审批</translation>
    </message>
</context>
<context>
    <name>pd::server::CsvImport</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
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
        <translation>有 %1 个字段，表头有 %2 个</translation>
    </message>
    <message>
        <source>not a number</source>
        <translation>不是数字</translation>
    </message>
    <message>
        <source>is required (ISO 8601 with an offset)</source>
        <translation>为必填项（带时区偏移的 ISO 8601 时间）</translation>
    </message>
    <message>
        <source>missing, malformed or already used</source>
        <translation>缺失、格式错误或已被使用</translation>
    </message>
    <message>
        <source>unknown team</source>
        <translation>未知的班组</translation>
    </message>
    <message>
        <source>a resolved or closed ticket needs resolution and resolved_at</source>
        <translation>已解决或已关闭的工单需要填写处理方式和解决时间</translation>
    </message>
    <message>
        <source>times must not be before created_at</source>
        <translation>时间不能早于创建时间</translation>
    </message>
    <message>
        <source>appears twice in the file</source>
        <translation>在文件中出现了两次</translation>
    </message>
    <message>
        <source>must be zh, yue, en or empty</source>
        <translation>必须是 zh、yue、en 或留空</translation>
    </message>
</context>
<context>
    <name>pd::server::CustomerCommand</name>
    <message>
        <source>Database URL (sqlite:PATH or postgresql://…).</source>
        <translation>数据库 URL（sqlite:路径 或 postgresql://…）。</translation>
    </message>
    <message>
        <source>The customer's phone number.</source>
        <translation>客户的电话号码。</translation>
    </message>
    <message>
        <source>--phone: %1</source>
        <translation>--phone：%1</translation>
    </message>
    <message>
        <source>Erased: %1 (%2 records changed).</source>
        <translation>已删除：%1（更改了 %2 条记录）。</translation>
    </message>
    <message>
        <source>Database error: %1</source>
        <translation>数据库错误：%1</translation>
    </message>
    <message>
        <source>%1 was not a key account.</source>
        <translation>%1 原本不是大客户。</translation>
    </message>
    <message>
        <source>%1 is no longer a key account (%2 open tickets updated).</source>
        <translation>%1 已不再是大客户（已更新 %2 张未关闭工单）。</translation>
    </message>
    <message>
        <source>%1 is a key account (%2 open tickets updated).</source>
        <translation>%1 已设为大客户（已更新 %2 张未关闭工单）。</translation>
    </message>
    <message>
        <source>--%1: %2</source>
        <translation>--%1：%2</translation>
    </message>
    <message>
        <source>Erase a customer's name, phone number and addresses from every record on the server, or mark a customer as a key account.</source>
        <translation>从服务器的所有记录中删除客户的姓名、电话号码和地址，或将客户标记为大客户。</translation>
    </message>
    <message>
        <source>erase or key-account</source>
        <translation>erase 或 key-account</translation>
    </message>
    <message>
        <source>key-account: a note shown to managers.</source>
        <translation>key-account：显示给经理的备注。</translation>
    </message>
    <message>
        <source>key-account: take the customer off the register.</source>
        <translation>key-account：将客户从大客户名录中移除。</translation>
    </message>
    <message>
        <source>Usage: parceldesk-server customer erase --phone NUMBER [--db URL]
       parceldesk-server customer key-account --phone NUMBER [--label TEXT] [--remove] [--db URL]</source>
        <translation>用法：parceldesk-server customer erase --phone 号码 [--db URL]
      parceldesk-server customer key-account --phone 号码 [--label 文本] [--remove] [--db URL]</translation>
    </message>
    <message>
        <source>erase: the server's attachments folder (default: "attachments" beside the SQLite file).</source>
        <translation>erase：服务器的附件目录（默认：SQLite 文件旁的“attachments”目录）。</translation>
    </message>
</context>
<context>
    <name>pd::server::DemoSeeder</name>
    <message>
        <source>Demo users (password: demo): agent1, agent2 (team A), agent3 (team B), lead1 (supervisor), manager1 (manager), admin (administrator). Demo mode only.</source>
        <translation>演示用户（密码：demo）：agent1、agent2（A 组）、agent3（B 组）、lead1（主管）、manager1（经理）、admin（管理员）。仅限演示模式。</translation>
    </message>
    <message>
        <source>--demo refuses %1: that database was not created by --demo, and the demo would add users with the password "demo" and its simulator would rewrite the parcels. Give --demo a new --db (an empty database), or start without --demo.</source>
        <translation>--demo 拒绝使用 %1：该数据库不是由 --demo 创建的，演示模式会添加密码为“demo”的用户，其模拟器还会改写包裹数据。请为 --demo 指定新的 --db（空数据库），或不带 --demo 启动。</translation>
    </message>
    <message>
        <source>Demo data for %1: %2 parcels delivered in %3 days as volume figures; %4 detailed parcels with %5 tracking events, %6 complaints with %7 timeline events, %8 couriers (%9 ms).</source>
        <translation>%1 的演示数据：%3 天内签收 %2 个包裹（以业务量数据计）；%4 个明细包裹（%5 条物流轨迹）、%6 张投诉工单（%7 条处理记录）、%8 名快递员（用时 %9 毫秒）。</translation>
    </message>
</context>
<context>
    <name>pd::server::ImportCommand</name>
    <message>
        <source>Import historical tickets and parcels from CSV (UTF-8). Nothing is written unless every row is valid.</source>
        <translation>从 CSV（UTF-8）导入历史工单和包裹。只有全部行都有效时才会写入。</translation>
    </message>
    <message>
        <source>Database URL.</source>
        <translation>数据库地址。</translation>
    </message>
    <message>
        <source>Tickets CSV file.</source>
        <translation>工单 CSV 文件。</translation>
    </message>
    <message>
        <source>Parcels CSV file.</source>
        <translation>包裹 CSV 文件。</translation>
    </message>
    <message>
        <source>Check only; write nothing.</source>
        <translation>仅检查，不写入。</translation>
    </message>
    <message>
        <source>REJECTED %1 line %2 %3: %4</source>
        <translation>已拒绝 %1 第 %2 行 %3：%4</translation>
    </message>
    <message>
        <source>Checked %1 tickets and %2 parcels: %3 rows rejected.</source>
        <translation>已检查 %1 张工单和 %2 个包裹：%3 行被拒绝。</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>未导入任何数据。</translation>
    </message>
    <message>
        <source>Dry run: nothing was written.</source>
        <translation>试运行：未写入任何数据。</translation>
    </message>
    <message>
        <source>Imported %1 rows.</source>
        <translation>已导入 %1 行。</translation>
    </message>
    <message>
        <source>Database error: %1</source>
        <translation>数据库错误：%1</translation>
    </message>
    <message>
        <source>REJECTED %1 line %2 waybill_no: no parcel with waybill %3</source>
        <translation>已拒绝 %1 第 %2 行 waybill_no：没有运单号为 %3 的包裹</translation>
    </message>
    <message>
        <source>REJECTED line %1 %2: %3</source>
        <translation>已拒绝 第 %1 行 %2：%3</translation>
    </message>
    <message>
        <source>… %1 scans written</source>
        <translation>… 已写入 %1 条扫描记录</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 tracking rows rejected. Nothing was imported.</source>
        <translation>%1 行轨迹记录被拒绝，未导入任何数据。</translation>
    </message>
    <message>
        <source>Imported %1 scans (%2 already stored) in %3 s: %4 scans/s.</source>
        <translation>已导入 %1 条扫描记录（%2 条已存在），用时 %3 秒：每秒 %4 条。</translation>
    </message>
    <message>
        <source>The stream stopped at the rejected row; the scans before its chunk were imported.</source>
        <translation>数据流在被拒绝的行处停止；该批次之前的扫描记录已导入。</translation>
    </message>
    <message>
        <source>Tracking events (scans) CSV file, after the parcels; - reads a stream from standard input.</source>
        <translation>轨迹事件（扫描记录）CSV 文件，在包裹之后导入；- 表示从标准输入读取数据流。</translation>
    </message>
    <message>
        <source>Give --tickets FILE.csv, --parcels FILE.csv and/or --tracking FILE.csv.</source>
        <translation>请指定 --tickets FILE.csv、--parcels FILE.csv 和/或 --tracking FILE.csv。</translation>
    </message>
    <message>
        <source>%1 tracking rows rejected.</source>
        <translation>%1 行轨迹记录被拒绝。</translation>
    </message>
</context>
<context>
    <name>pd::server::KeyAccountService</name>
    <message>
        <source>Send the customer's phone number as "phone".</source>
        <translation>请在 "phone" 字段中发送客户的电话号码。</translation>
    </message>
    <message>
        <source>label must be text.</source>
        <translation>label 必须是文本。</translation>
    </message>
    <message>
        <source>That number is not a key account.</source>
        <translation>该号码不是大客户。</translation>
    </message>
    <message>
        <source>Enter the customer's phone number.</source>
        <translation>请输入客户的电话号码。</translation>
    </message>
    <message>
        <source>The phone number looks masked (it contains *): enter the full number.</source>
        <translation>该电话号码看起来已被掩码（含有 *）：请输入完整号码。</translation>
    </message>
</context>
<context>
    <name>pd::server::NoticeTemplate</name>
    <message>
        <source>The message text is empty.</source>
        <translation>短信内容为空。</translation>
    </message>
    <message>
        <source>The message text is %1 characters long; at most %2 are sent.</source>
        <translation>短信内容有 %1 个字符；最多发送 %2 个。</translation>
    </message>
    <message>
        <source>{%1} is not a placeholder; use {waybill}, {cause}, {eta}, {station} or {compensation}.</source>
        <translation>{%1} 不是占位符；请使用 {waybill}、{cause}、{eta}、{station} 或 {compensation}。</translation>
    </message>
</context>
<context>
    <name>pd::server::ProactiveController</name>
    <message>
        <source>%1 must be an ISO 8601 instant with an offset, e.g. 2026-12-01T00:00:00+08:00.</source>
        <translation>%1 必须是带时区偏移的 ISO 8601 时间，例如 2026-12-01T00:00:00+08:00。</translation>
    </message>
    <message>
        <source>from must be before to.</source>
        <translation>from 必须早于 to。</translation>
    </message>
    <message>
        <source>The proactive service policy is not valid.</source>
        <translation>主动服务策略无效。</translation>
    </message>
    <message>
        <source>The proactive service policy changed since the version you edited (it is at version %1).</source>
        <translation>主动服务策略在您编辑的版本之后已被修改（当前为第 %1 版）。</translation>
    </message>
    <message>
        <source>state must be one of: open, resolved, all.</source>
        <translation>state 必须是以下之一：open、resolved、all。</translation>
    </message>
    <message>
        <source>%1 cannot be changed; send explanation, expected_recovery_at or state.</source>
        <translation>%1 不能修改；请发送 explanation、expected_recovery_at 或 state。</translation>
    </message>
    <message>
        <source>The incident changed since you opened it.</source>
        <translation>该事件在您打开后已被修改。</translation>
    </message>
    <message>
        <source>The explanation is text of at most 1000 characters.</source>
        <translation>说明必须是最多 1000 个字符的文本。</translation>
    </message>
    <message>
        <source>expected_recovery_at must be an ISO 8601 instant with an offset.</source>
        <translation>expected_recovery_at 必须是带时区偏移的 ISO 8601 时间。</translation>
    </message>
    <message>
        <source>state must be open or resolved.</source>
        <translation>state 必须是 open 或 resolved。</translation>
    </message>
    <message>
        <source>state must be one of: open, notified, dismissed, ticketed.</source>
        <translation>state 必须是以下之一：open、notified、dismissed、ticketed。</translation>
    </message>
    <message>
        <source>Say why the case is dismissed (at most 500 characters).</source>
        <translation>请说明忽略个案的原因（最多 500 个字符）。</translation>
    </message>
    <message>
        <source>The case is %1 already.</source>
        <translation>该个案已是 %1 状态。</translation>
    </message>
    <message>
        <source>No incident %1.</source>
        <translation>没有事件 %1。</translation>
    </message>
    <message>
        <source>No proactive case %1.</source>
        <translation>没有主动服务个案 %1。</translation>
    </message>
    <message>
        <source>language must be one of: %1.</source>
        <translation>language 必须是以下之一：%1。</translation>
    </message>
    <message>
        <source>The compensation offer is at most 200 characters.</source>
        <translation>补偿方案最多 200 个字符。</translation>
    </message>
    <message>
        <source>The incident is resolved; open it again to notify its customers.</source>
        <translation>该事件已解除；请重新打开后再通知客户。</translation>
    </message>
    <message>
        <source>The case was dismissed.</source>
        <translation>该个案已被忽略。</translation>
    </message>
    <message>
        <source>The case became ticket %1 already.</source>
        <translation>该个案已生成工单 %1。</translation>
    </message>
    <message>
        <source>Proactive case %1: %2 detected at %3.</source>
        <translation>主动服务个案 %1：于 %3 发现 %2。</translation>
    </message>
</context>
<context>
    <name>pd::server::RoutingController</name>
    <message>
        <source>The routing policy is not valid.</source>
        <translation>分配策略无效。</translation>
    </message>
    <message>
        <source>The routing policy changed since the version you edited (it is at version %1).</source>
        <translation>分配策略在您编辑之后已被修改（当前为第 %1 版）。</translation>
    </message>
</context>
<context>
    <name>pd::server::UserCommands</name>
    <message>
        <source>Manage user accounts. The password is read from standard input (one line).</source>
        <translation>管理用户账号。密码从标准输入读取（一行）。</translation>
    </message>
    <message>
        <source>add, passwd, disable or enable</source>
        <translation>add、passwd、disable 或 enable</translation>
    </message>
    <message>
        <source>the user's login</source>
        <translation>用户登录名</translation>
    </message>
    <message>
        <source>Database URL (sqlite:PATH or postgresql://…).</source>
        <translation>数据库地址（sqlite:路径 或 postgresql://…）。</translation>
    </message>
    <message>
        <source>agent, supervisor, manager or admin.</source>
        <translation>agent、supervisor、manager 或 admin。</translation>
    </message>
    <message>
        <source>Team id (created if missing).</source>
        <translation>班组 ID（不存在时自动创建）。</translation>
    </message>
    <message>
        <source>Display name.</source>
        <translation>显示名称。</translation>
    </message>
    <message>
        <source>Usage: parceldesk-server user add|passwd|disable|enable LOGIN [--db URL] [--role R] [--team ID]</source>
        <translation>用法：parceldesk-server user add|passwd|disable|enable 登录名 [--db 地址] [--role 角色] [--team 班组ID]</translation>
    </message>
    <message>
        <source>Unknown role. Use agent, supervisor, manager or admin.</source>
        <translation>未知角色。请使用 agent、supervisor、manager 或 admin。</translation>
    </message>
    <message>
        <source>The login %1 exists already.</source>
        <translation>登录名 %1 已存在。</translation>
    </message>
    <message>
        <source>A password has at least 8 characters.</source>
        <translation>密码至少需要 8 个字符。</translation>
    </message>
    <message>
        <source>User %1 added (%2).</source>
        <translation>已添加用户 %1（%2）。</translation>
    </message>
    <message>
        <source>No user with login %1.</source>
        <translation>没有登录名为 %1 的用户。</translation>
    </message>
    <message>
        <source>Unknown action %1: use add, passwd, disable or enable.</source>
        <translation>未知操作 %1：请使用 add、passwd、disable 或 enable。</translation>
    </message>
    <message>
        <source>Done: %1 %2.</source>
        <translation>完成：%1 %2。</translation>
    </message>
    <message>
        <source>Database error: %1</source>
        <translation>数据库错误：%1</translation>
    </message>
</context>
<context>
    <name>server</name>
    <message>
        <source>Address to listen on (port 0 = any free port).</source>
        <translation>监听地址（端口为 0 表示任选空闲端口）。</translation>
    </message>
    <message>
        <source>sqlite:PATH or postgresql://user@host:port/db.</source>
        <translation>sqlite:路径 或 postgresql://用户@主机:端口/数据库。</translation>
    </message>
    <message>
        <source>Seed demo data (if empty) and run the simulator.</source>
        <translation>生成演示数据（数据库为空时）并运行模拟器。</translation>
    </message>
    <message>
        <source>Server time runs N times faster (demo, tests).</source>
        <translation>服务器时间以 N 倍速运行（用于演示和测试）。</translation>
    </message>
    <message>
        <source>Random seed of the demo data and simulator.</source>
        <translation>演示数据和模拟器的随机种子。</translation>
    </message>
    <message>
        <source>PEM certificate: serve HTTPS/WSS.</source>
        <translation>PEM 证书：以 HTTPS/WSS 提供服务。</translation>
    </message>
    <message>
        <source>PEM private key.</source>
        <translation>PEM 私钥。</translation>
    </message>
    <message>
        <source>Live feed keepalive interval.</source>
        <translation>实时推送的保活间隔。</translation>
    </message>
    <message>
        <source>Largest request body in bytes.</source>
        <translation>请求正文的最大字节数。</translation>
    </message>
    <message>
        <source>--listen needs HOST:PORT, e.g. 127.0.0.1:8470.</source>
        <translation>--listen 需要 主机:端口，例如 127.0.0.1:8470。</translation>
    </message>
    <message>
        <source>--speed needs a number above 0.</source>
        <translation>--speed 需要大于 0 的数字。</translation>
    </message>
    <message>
        <source>--tls-cert and --tls-key go together.</source>
        <translation>--tls-cert 和 --tls-key 必须同时提供。</translation>
    </message>
    <message>
        <source>parceldesk-server could not start: %1</source>
        <translation>parceldesk-server 无法启动：%1</translation>
    </message>
    <message>
        <source>Address of a reverse proxy in front of this server (repeat or separate with commas): the client address comes from its X-Forwarded-For header.</source>
        <translation>本服务器前端反向代理的地址（可重复指定，或用逗号分隔）：客户端地址取自其 X-Forwarded-For 请求头。</translation>
    </message>
    <message>
        <source>--trusted-proxy: “%1” is not an IP address.</source>
        <translation>--trusted-proxy：“%1”不是 IP 地址。</translation>
    </message>
    <message>
        <source>Access token lifetime in seconds (default 900; tests).</source>
        <translation>访问令牌有效期（秒；默认 900；用于测试）。</translation>
    </message>
    <message>
        <source>Open connections (HTTP and WebSocket); beyond it: 503.</source>
        <translation>最大打开连接数（HTTP 和 WebSocket）；超出时返回 503。</translation>
    </message>
    <message>
        <source>Time for a request header to arrive; beyond it: 408.</source>
        <translation>请求头到达的时限；超出时返回 408。</translation>
    </message>
    <message>
        <source>Keep-alive idle time; longest pause inside a request body.</source>
        <translation>保持连接的空闲时间；请求体内允许的最长停顿。</translation>
    </message>
    <message>
        <source>Largest incoming WebSocket message in bytes.</source>
        <translation>接收的 WebSocket 消息的最大字节数。</translation>
    </message>
    <message>
        <source>Allow --demo on an address beyond loopback (its users' password is "demo").</source>
        <translation>允许 --demo 监听本机回环以外的地址（其用户密码为“demo”）。</translation>
    </message>
    <message>
        <source>Unsent bytes a live client may hold; beyond it it is dropped.</source>
        <translation>实时客户端可积压的未发送字节数；超出时断开该客户端。</translation>
    </message>
    <message>
        <source>Seconds stored first responses (Idempotency-Key) are kept.</source>
        <translation>已保存的首次响应（Idempotency-Key）的保留秒数。</translation>
    </message>
    <message>
        <source>--demo listens on loopback only (its users' password is "demo"); %1 is not a loopback address. Add --demo-force-public to serve the demo beyond this machine.</source>
        <translation>--demo 只监听本机回环地址（其用户密码为“demo”）；%1 不是回环地址。如需在本机以外提供演示，请加上 --demo-force-public。</translation>
    </message>
    <message>
        <source>--access-token-ttl needs a number of seconds (1 to 86400).</source>
        <translation>--access-token-ttl 需要一个秒数（1 到 86400）。</translation>
    </message>
    <message>
        <source>--%1 needs %2 (%3 to %4).</source>
        <translation>--%1 需要%2（%3 到 %4）。</translation>
    </message>
    <message>
        <source>Distinct customers one user may reveal within an hour before their supervisors are alerted.</source>
        <translation>一名用户在一小时内可查看完整信息的不同客户数，超过后通知其班组长。</translation>
    </message>
    <message>
        <source>Days after a ticket closes until its customer name, phone and parcel addresses are blanked.</source>
        <translation>工单关闭后多少天清除其客户姓名、电话和包裹地址。</translation>
    </message>
    <message>
        <source>Tests only: server time runs this many seconds ahead of the wall clock (negative: behind).</source>
        <translation>仅用于测试：服务器时间比实际时间快这么多秒（负数：慢）。</translation>
    </message>
    <message>
        <source>a number of customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>a number of days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>a number of seconds</source>
        <translation>秒数</translation>
    </message>
    <message>
        <source>Threads that check passwords (default: cores minus one).</source>
        <translation>校验密码的线程数（默认：核心数减一）。</translation>
    </message>
    <message>
        <source>Sign-ins waiting for a password check; beyond it: 503.</source>
        <translation>等待密码校验的登录数；超过则返回 503。</translation>
    </message>
    <message>
        <source>Volume figures of a new demo: city (the city's parcel volume, default) or parcels (only the detailed parcels; tests).</source>
        <translation>新演示的业务量数据：city（全市包裹业务量，默认）或 parcels（仅明细包裹；用于测试）。</translation>
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
        <translation>ParcelDesk 参考后端。

其他命令：
  parceldesk-server import --db URL [--tickets FILE.csv] [--parcels FILE.csv] [--tracking FILE.csv|-] [--dry-run]
  parceldesk-server user add|passwd|disable|enable LOGIN [--db URL] [--role R] [--team ID]
  parceldesk-server customer erase --phone NUMBER [--db URL]</translation>
    </message>
    <message>
        <source>Folder of the attachments' files (default: "attachments" beside the SQLite file); back it up with the database.</source>
        <translation>附件目录（默认：SQLite 文件旁的“attachments”目录）；请与数据库一同备份。</translation>
    </message>
    <message>
        <source>Largest attachment (setting attachments/max_file_bytes).</source>
        <translation>单个附件的最大大小（设置项 attachments/max_file_bytes）。</translation>
    </message>
    <message>
        <source>Largest total of one ticket's attachments (attachments/max_ticket_bytes).</source>
        <translation>单张工单所有附件的最大总大小（attachments/max_ticket_bytes）。</translation>
    </message>
    <message>
        <source>--attachments-max-file-bytes and --attachments-max-ticket-bytes need a number.</source>
        <translation>--attachments-max-file-bytes 和 --attachments-max-ticket-bytes 需要数字。</translation>
    </message>
    <message>
        <source>Where proactive notices go: file:PATH or webhook:URL; without it they stay queued (--demo: notices.jsonl beside the SQLite file).</source>
        <translation>主动通知的发送去向：file:路径 或 webhook:URL；不设置则通知留在队列中（--demo：SQLite 文件旁的 notices.jsonl）。</translation>
    </message>
    <message>
        <source>File holding the webhook's HMAC key.</source>
        <translation>存放 webhook HMAC 密钥的文件。</translation>
    </message>
    <message>
        <source>Delay before a notice's first retry; doubled per attempt.</source>
        <translation>通知第一次重试前的等待时间；每次重试加倍。</translation>
    </message>
    <message>
        <source>--notify-retry-ms needs a number of at least 10.</source>
        <translation>--notify-retry-ms 需要一个不小于 10 的数。</translation>
    </message>
    <message>
        <source>Demo simulator: the share of complaints about parcels with an exception that a notice sent first prevents, from 0 to 1 (a parameter of the simulation, not a measurement).</source>
        <translation>演示模拟器：对异常包裹先发送通知可避免的投诉比例，0 到 1（模拟参数，不是测量值）。</translation>
    </message>
    <message>
        <source>--demo-notice-effect needs a number from 0 to 1 (0.4: a notice prevents 40 % of the complaints), not "%1".</source>
        <translation>--demo-notice-effect 需要 0 到 1 之间的数字（0.4：通知可避免 40% 的投诉），而不是“%1”。</translation>
    </message>
    <message>
        <source>Days after a parcel no ticket names last changed until it is deleted with its scans (0: kept).</source>
        <translation>未被任何工单引用的包裹，自最后一次变更起满此天数后连同其扫描记录一并删除（0：保留）。</translation>
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <source>Password: </source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>%1 changes received…</source>
        <translation>已接收 %1 条变更…</translation>
    </message>
    <message>
        <source>Synchronise the local cache with a server.</source>
        <translation>将本地缓存与服务器同步。</translation>
    </message>
    <message>
        <source>the command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Server URL.</source>
        <translation>服务器地址。</translation>
    </message>
    <message>
        <source>Login.</source>
        <translation>登录名。</translation>
    </message>
    <message>
        <source>Read the password from this file (first line).</source>
        <translation>从此文件读取密码（第一行）。</translation>
    </message>
    <message>
        <source>Folder of the local cache.</source>
        <translation>本地缓存所在的文件夹。</translation>
    </message>
    <message>
        <source>Keep the session in the OS keychain.</source>
        <translation>将登录状态保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>Usage: parceldesk sync --server URL --user NAME [--password-file F] [--data-dir DIR] [--remember]</source>
        <translation>用法：parceldesk sync --server 地址 --user 登录名 [--password-file 文件] [--data-dir 文件夹] [--remember]</translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation>登录失败：%1</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>同步失败：%1</translation>
    </message>
    <message>
        <source>Synced %1 change(s) in %2 s; %3 edit(s) waiting, %4 conflict(s), %5 refused.</source>
        <translation>已同步 %1 条变更，用时 %2 秒；%3 项修改待发送，%4 个冲突，%5 项被拒绝。</translation>
    </message>
    <message>
        <source>Cannot read the password file: %1</source>
        <translation>无法读取密码文件：%1</translation>
    </message>
</context>
</TS>
