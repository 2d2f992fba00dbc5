<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
        <source>Language: en, zh_CN or zh_TW.</source>
        <translation>界面语言：en、zh_CN 或 zh_TW。</translation>
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
        <source>The ParcelDesk server's URL.</source>
        <translation>ParcelDesk 服务器地址。</translation>
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
    <name>pd::CredentialStore</name>
    <message>
        <source>No keychain is available on this computer (%1). You can sign in, but ParcelDesk cannot remember you: you will be asked for your password at every start.</source>
        <translation>此电脑上没有可用的钥匙串（%1）。您仍可登录，但 ParcelDesk 无法记住您的登录状态：每次启动都需要重新输入密码。</translation>
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
</context>
<context>
    <name>pd::Domain</name>
    <message>
        <source>Agent</source>
        <translation>客服坐席</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>班组长</translation>
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
        <translation>已重开</translation>
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
        <translation>SLA 超时</translation>
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
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Cache: %1</source>
        <translation>缓存：%1</translation>
    </message>
    <message>
        <source>%1 of %2 ticket(s) shown</source>
        <translation>显示 %1 / %2 张工单</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>立即同步(&amp;S)</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
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
        <translation>解决</translation>
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
        <translation>已重开</translation>
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
        <translation><numerusform>%n 项待发送</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation><numerusform>%n 个冲突</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation><numerusform>%n 项被拒绝</numerusform></translation>
    </message>
</context>
<context>
    <name>pd::TicketListPage</name>
    <message>
        <source>Search waybill, phone or its last 4 digits, name, ticket number, words…</source>
        <translation>搜索运单号、手机号或尾号后四位、姓名、工单号、关键词…</translation>
    </message>
    <message>
        <source>Search tickets</source>
        <translation>搜索工单</translation>
    </message>
    <message>
        <source>The local cache holds no tickets yet. They arrive with the first sync from the server.</source>
        <translation>本地缓存中还没有工单。首次与服务器同步后即会显示。</translation>
    </message>
    <message>
        <source>No ticket matches “%1”.</source>
        <translation>没有与“%1”匹配的工单。</translation>
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
        <translation>只有已解决的工单才能重开。</translation>
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
        <source>Created</source>
        <translation>创建时间</translation>
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
        <source>ZTO, STO, Yunda or Best</source>
        <translation>中通、申通、韵达或百世</translation>
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
</context>
<context>
    <name>pd::server::DemoSeeder</name>
    <message>
        <source>Demo users (password: demo): agent1, agent2 (team A), agent3 (team B), lead1 (supervisor), manager1 (manager), admin (administrator). Demo mode only.</source>
        <translation>演示用户（密码：demo）：agent1、agent2（A 组）、agent3（B 组）、lead1（班组长）、manager1（经理）、admin（管理员）。仅限演示模式。</translation>
    </message>
    <message>
        <source>Demo data for %1: %2 parcels with %3 tracking events, %4 complaints with %5 timeline events, %6 couriers (%7 ms).</source>
        <translation>%1 的演示数据：%2 个包裹（%3 条物流轨迹）、%4 张投诉工单（%5 条处理记录）、%6 名快递员（用时 %7 毫秒）。</translation>
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
        <source>Give --tickets FILE.csv and/or --parcels FILE.csv.</source>
        <translation>请指定 --tickets 文件.csv 和/或 --parcels 文件.csv。</translation>
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
        <source>ParcelDesk reference backend.

Other commands:
  parceldesk-server import --db URL --tickets FILE.csv [--parcels FILE.csv] [--dry-run]
  parceldesk-server user add|passwd|disable|enable LOGIN [--db URL] [--role R] [--team ID]</source>
        <translation>ParcelDesk 参考后端服务。

其他命令：
  parceldesk-server import --db 地址 --tickets 文件.csv [--parcels 文件.csv] [--dry-run]
  parceldesk-server user add|passwd|disable|enable 登录名 [--db 地址] [--role 角色] [--team 班组ID]</translation>
    </message>
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
