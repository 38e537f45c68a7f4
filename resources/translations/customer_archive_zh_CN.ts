<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnalysisView</name>
    <message>
        <source>Tier</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>客户状态</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>所属行业</translation>
    </message>
    <message>
        <source>By Tier</source>
        <translation>收入构成</translation>
    </message>
    <message>
        <source>By Status</source>
        <translation>状态构成</translation>
    </message>
    <message>
        <source>By Region</source>
        <translation>地区构成</translation>
    </message>
    <message>
        <source>By Industry</source>
        <translation>行业构成</translation>
    </message>
    <message>
        <source>By Business Line</source>
        <translation>业务构成</translation>
    </message>
    <message>
        <source>Business line (cooperation mode)</source>
        <translation>业务（合作方式）</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Share of customers</source>
        <translation>客户占比</translation>
    </message>
    <message>
        <source>Buying customers</source>
        <translation>有交易客户</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>交易笔数</translation>
    </message>
    <message>
        <source>Revenue (yuan)</source>
        <translation>交易额（元）</translation>
    </message>
    <message>
        <source>Share of revenue</source>
        <translation>收入占比</translation>
    </message>
    <message>
        <source>The archive records no costs or margins, so profit contribution is shown as each customer&apos;s contribution to revenue: customers ranked by revenue, and the share of revenue the top 10 %, 20 % … of them bring.</source>
        <translation>档案中没有成本或毛利数据，因此利润贡献按各客户的收入贡献显示：客户按交易额排序，以及排名前 10%、20% … 的客户所占的收入比例。</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Archive number</source>
        <translation>档案编号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>Cumulative share</source>
        <translation>累计占比</translation>
    </message>
    <message>
        <source>Profit Contribution</source>
        <translation>利润贡献</translation>
    </message>
    <message>
        <source>Credit &amp;Rule…</source>
        <translation>信用规则(&amp;R)…</translation>
    </message>
    <message>
        <source>Credit grade</source>
        <translation>信用等级</translation>
    </message>
    <message>
        <source>Suggested terms</source>
        <translation>建议结算条件</translation>
    </message>
    <message>
        <source>Suggested credit limit (yuan)</source>
        <translation>建议信用额度（元）</translation>
    </message>
    <message>
        <source>Customers to watch (grades C and D, largest first):</source>
        <translation>需关注客户（C、D 级，按交易额排序）：</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Late or open payments</source>
        <translation>逾期/未付占比</translation>
    </message>
    <message>
        <source>Credit status (card)</source>
        <translation>信用状况（档案）</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>信用分析</translation>
    </message>
    <message>
        <source>The period starts after it ends.</source>
        <translation>统计期间的开始日期晚于结束日期。</translation>
    </message>
    <message>
        <source>Analysing the customers…</source>
        <translation>正在分析客户资料…</translation>
    </message>
    <message>
        <source>Cards were changed since these figures were made: Show brings them up to date.</source>
        <translation>这些数字生成后档案已有改动：点“显示”即可更新。</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>The customers of region {region} and your own</source>
        <translation>{region}区域的客户及本人负责的客户</translation>
    </message>
    <message>
        <source>The customers you are responsible for</source>
        <translation>本人负责的客户</translation>
    </message>
    <message>
        <source>{customers} customers, {buying} of them with transactions in the period; {transactions} transactions, revenue {revenue} yuan.</source>
        <translation>共 {customers} 个客户，其中 {buying} 个在期间内有交易；交易 {transactions} 笔，交易额 {revenue} 元。</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>交易额</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Cumulative share of revenue of the top customers</source>
        <translation>排名靠前客户的累计收入占比</translation>
    </message>
    <message>
        <source>{n} of {total} buying customers ({share}) make 80 % of the revenue.</source>
        <translation>{total} 个有交易客户中的 {n} 个（占 {share}）贡献了 80% 的收入。</translation>
    </message>
    <message>
        <source>No revenue in the period.</source>
        <translation>期间内没有交易额。</translation>
    </message>
    <message>
        <source>Rule: {rule}</source>
        <translation>规则：{rule}</translation>
    </message>
    <message>
        <source>analysis-{date}.pdf</source>
        <translation>客户分析-{date}.pdf</translation>
    </message>
    <message>
        <source>Export the Analysis as PDF</source>
        <translation>将分析导出为 PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>analysis-{date}.xlsx</source>
        <translation>客户分析-{date}.xlsx</translation>
    </message>
    <message>
        <source>Export the Analysis to Excel</source>
        <translation>将分析导出到 Excel</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing the PDF report…</source>
        <translation>正在生成 PDF 报告…</translation>
    </message>
    <message>
        <source>Writing the Excel workbook…</source>
        <translation>正在生成 Excel 工作簿…</translation>
    </message>
    <message>
        <source>Written to {path}.</source>
        <translation>已写入 {path}。</translation>
    </message>
    <message>
        <source>The file could not be written: {problem}</source>
        <translation>文件无法写入：{problem}</translation>
    </message>
    <message>
        <source>Export the Analysis</source>
        <translation>导出分析</translation>
    </message>
    <message>
        <source>Customer Analysis</source>
        <translation>客户资料分析</translation>
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
        <source>&amp;Show</source>
        <translation>显示(&amp;S)</translation>
    </message>
    <message>
        <source>Export &amp;PDF Report…</source>
        <translation>导出 PDF 报告(&amp;P)…</translation>
    </message>
    <message>
        <source>Export to &amp;Excel…</source>
        <translation>导出到 Excel(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>ApprovalsView</name>
    <message>
        <source>waiting</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>approved and applied</source>
        <translation>已批准并执行</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>approved, could not be applied</source>
        <translation>已批准，但无法执行</translation>
    </message>
    <message>
        <source>(no contacts)</source>
        <translation>（无联系人）</translation>
    </message>
    <message>
        <source>Customer card</source>
        <translation>客户资料卡</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>Responsible for all customers of</source>
        <translation>以下人员名下全部客户的负责人</translation>
    </message>
    <message>
        <source>Access to the card</source>
        <translation>查阅该客户档案</translation>
    </message>
    <message>
        <source>for {n} hours</source>
        <translation>{n} 小时</translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation>借用人</translation>
    </message>
    <message>
        <source>Loan period</source>
        <translation>借用期间</translation>
    </message>
    <message>
        <source>Value class</source>
        <translation>价值等级</translation>
    </message>
    <message>
        <source>valuable: a manager decides</source>
        <translation>贵重：由经理审批</translation>
    </message>
    <message>
        <source>ordinary</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>Due back</source>
        <translation>应还日期</translation>
    </message>
    <message>
        <source>#</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Customer / subject</source>
        <translation>客户 / 事项</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <source>Waiting for Me ({n})</source>
        <translation>待我审批（{n}）</translation>
    </message>
    <message>
        <source>My Requests ({n} waiting)</source>
        <translation>我的申请（{n} 项待审批）</translation>
    </message>
    <message>
        <source>Choose a request to see what it would change.</source>
        <translation>选择一项申请，查看它将修改的内容。</translation>
    </message>
    <message>
        <source>#{id} · {kind} · {target}</source>
        <translation>#{id} · {kind} · {target}</translation>
    </message>
    <message>
        <source>Asked by {user} on {when}. Reason: {reason}</source>
        <translation>申请人：{user}，时间：{when}。原因：{reason}</translation>
    </message>
    <message>
        <source>Waiting for a decision.</source>
        <translation>等待审批。</translation>
    </message>
    <message>
        <source>Withdrawn on {when}.</source>
        <translation>已于 {when} 撤回。</translation>
    </message>
    <message>
        <source>Decided by {user} on {when}: {state}.</source>
        <translation>{user} 于 {when} 作出决定：{state}。</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>批注：{note}</translation>
    </message>
    <message>
        <source>Approve Request #{id}</source>
        <translation>批准申请 #{id}</translation>
    </message>
    <message>
        <source>Approving deletes the card of {name} ({number}) at once, with its contacts, logs and attachments. Delete it?</source>
        <translation>批准后将立即删除 {name}（{number}）的资料卡及其联系人、记录和附件。确定删除吗？</translation>
    </message>
    <message>
        <source>A note for the decision (kept with it; the person who asked will read it):</source>
        <translation>审批备注（随决定保存，申请人会看到）：</translation>
    </message>
    <message>
        <source>Not approved: approving a deletion needs a note.</source>
        <translation>未批准：批准删除需要填写备注。</translation>
    </message>
    <message>
        <source>Reject Request #{id}</source>
        <translation>驳回申请 #{id}</translation>
    </message>
    <message>
        <source>Why is the request rejected? The person who asked will read this.</source>
        <translation>为什么驳回此申请？申请人会看到您的说明。</translation>
    </message>
    <message>
        <source>Reject Request</source>
        <translation>驳回申请</translation>
    </message>
    <message>
        <source>Not rejected: a rejection needs a note saying why.</source>
        <translation>未驳回：驳回时须说明理由。</translation>
    </message>
    <message>
        <source>Saving the decision…</source>
        <translation>正在保存审批结果…</translation>
    </message>
    <message>
        <source>Request #{id} could not be applied: the card was changed after the request was made. It is marked as failed; the person who asked can make it again.</source>
        <translation>申请 #{id} 无法执行：提出申请后资料卡又被修改过。该申请已标记为失败，申请人可以重新提出。</translation>
    </message>
    <message>
        <source>Request #{id} was decided or withdrawn meanwhile.</source>
        <translation>申请 #{id} 在此期间已被处理或撤回。</translation>
    </message>
    <message>
        <source>You may not decide request #{id}: your own requests and some kinds of request are decided by another person.</source>
        <translation>您不能审批申请 #{id}：本人的申请以及某些类型的申请须由他人审批。</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Waiting for Me</source>
        <translation>待我审批</translation>
    </message>
    <message>
        <source>No request waits for your decision.</source>
        <translation>没有等待您审批的申请。</translation>
    </message>
    <message>
        <source>My Requests</source>
        <translation>我的申请</translation>
    </message>
    <message>
        <source>You have not asked for anything yet.</source>
        <translation>您还没有提出过申请。</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>批准(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Reject…</source>
        <translation>驳回(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Withdraw Request</source>
        <translation>撤回申请(&amp;W)</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>Logged in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Failed login</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <source>Logged out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Account added</source>
        <translation>添加账户</translation>
    </message>
    <message>
        <source>Own password changed</source>
        <translation>更改本人密码</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Account activated</source>
        <translation>启用账户</translation>
    </message>
    <message>
        <source>Account deactivated</source>
        <translation>停用账户</translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <source>Account changed</source>
        <translation>修改账户</translation>
    </message>
    <message>
        <source>Customer added</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Customer changed</source>
        <translation>修改客户</translation>
    </message>
    <message>
        <source>Customer deleted</source>
        <translation>删除客户</translation>
    </message>
    <message>
        <source>Customers merged</source>
        <translation>合并客户</translation>
    </message>
    <message>
        <source>Sensitive data viewed</source>
        <translation>查看敏感信息</translation>
    </message>
    <message>
        <source>Handover</source>
        <translation>离职交接</translation>
    </message>
    <message>
        <source>Request made</source>
        <translation>提出申请</translation>
    </message>
    <message>
        <source>Request approved</source>
        <translation>批准申请</translation>
    </message>
    <message>
        <source>Request rejected</source>
        <translation>驳回申请</translation>
    </message>
    <message>
        <source>Request withdrawn</source>
        <translation>撤回申请</translation>
    </message>
    <message>
        <source>Approved request failed</source>
        <translation>已批准的申请无法执行</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation>设置已更改</translation>
    </message>
    <message>
        <source>The audit chain is intact: {n} entries checked. Entry {id}, the newest this computer had seen, is still in it, so nothing it saw was cut off the end.</source>
        <translation>审计链完整：已检查 {n} 条记录。本机见过的最新记录 {id} 仍在其中，因此本机见过的记录没有从末尾被截去。</translation>
    </message>
    <message>
        <source>The audit chain is intact: {n} entries checked. The noted entry {id} is still in it with its hash, so nothing up to it was cut off the end.</source>
        <translation>审计链完整：已检查 {n} 条记录。记下的记录 {id} 仍在其中且哈希一致，因此截至该记录没有内容从末尾被截去。</translation>
    </message>
    <message>
        <source>The audit chain is intact: {n} entries checked; but truncation at the end cannot be ruled out without an anchor (an entry noted down earlier, or one this computer has seen).</source>
        <translation>审计链完整：已检查 {n} 条记录；但没有锚点（事先记下的记录，或本机见过的记录）时，无法排除末尾被截去的可能。</translation>
    </message>
    <message>
        <source>Newest entry: {anchor} (note it down to check later, on any computer, that nothing was cut off the end).</source>
        <translation>最新记录：{anchor}（请记下，以后可在任何计算机上核对末尾没有被截去）。</translation>
    </message>
    <message>
        <source>The audit chain is broken at entry {id} ({when}, {user}, {action}): {problem}.</source>
        <translation>审计日志链在第 {id} 条（{when}，{user}，{action}）处断开：{problem}。</translation>
    </message>
    <message>
        <source>The audit chain is broken at entry {id}: {problem}.</source>
        <translation>审计日志链在第 {id} 条处断开：{problem}。</translation>
    </message>
    <message>
        <source>#</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>电脑</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Concerning</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>(anyone)</source>
        <translation>（任何人）</translation>
    </message>
    <message>
        <source>(anything)</source>
        <translation>（全部操作）</translation>
    </message>
    <message>
        <source>No customer with the archive number or id “{ref}”.</source>
        <translation>没有档案编号或 ID 为“{ref}”的客户。</translation>
    </message>
    <message>
        <source>The newest {n} matching entries are shown.</source>
        <translation>显示最新的 {n} 条符合条件的记录。</translation>
    </message>
    <message>
        <source>{n} matching entries.</source>
        <translation>共 {n} 条符合条件的记录。</translation>
    </message>
    <message>
        <source>customer {number}</source>
        <translation>客户 {number}</translation>
    </message>
    <message>
        <source>customer #{id}</source>
        <translation>客户 #{id}</translation>
    </message>
    <message>
        <source>account {user}</source>
        <translation>账户 {user}</translation>
    </message>
    <message>
        <source>audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Verifying the audit chain…</source>
        <translation>正在校验审计日志链…</translation>
    </message>
    <message>
        <source>Verify Chain</source>
        <translation>校验日志链</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>Time (local)</source>
        <translation>时间（本地）</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Action code</source>
        <translation>操作代码</translation>
    </message>
    <message>
        <source>Target type</source>
        <translation>对象类型</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Hash (SHA-256)</source>
        <translation>哈希值 (SHA-256)</translation>
    </message>
    <message>
        <source>audit-log-{date}.xlsx</source>
        <translation>审计日志-{date}.xlsx</translation>
    </message>
    <message>
        <source>Export the Audit Log</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Exporting the audit log…</source>
        <translation>正在导出审计日志…</translation>
    </message>
    <message>
        <source>{n} entries exported to {path}.</source>
        <translation>已将 {n} 条记录导出到 {path}。</translation>
    </message>
    <message>
        <source>The workbook could not be written: {problem}</source>
        <translation>无法写入工作簿：{problem}</translation>
    </message>
    <message>
        <source>Audit Log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>&amp;Who:</source>
        <translation>操作人(&amp;W)：</translation>
    </message>
    <message>
        <source>W&amp;hat:</source>
        <translation>操作(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Customer:</source>
        <translation>客户(&amp;C)：</translation>
    </message>
    <message>
        <source>archive number or id</source>
        <translation>档案编号或 ID</translation>
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
        <translation>查询(&amp;S)</translation>
    </message>
    <message>
        <source>C&amp;lear Filters</source>
        <translation>清除筛选(&amp;L)</translation>
    </message>
    <message>
        <source>Show &amp;More</source>
        <translation>显示更多(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Verify Chain</source>
        <translation>校验日志链(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Export to Excel…</source>
        <translation>导出为 Excel(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Backups go to {folder}</source>
        <translation>备份保存到 {folder}</translation>
    </message>
    <message>
        <source>Only an administrator changes where backups go and how many are kept.</source>
        <translation>只有管理员可以更改备份位置和保留数量。</translation>
    </message>
    <message>
        <source>A backup is a full copy of the archive: only a manager or an administrator takes one by hand. The automatic backups are still taken.</source>
        <translation>备份是档案的完整副本：只有经理或管理员可以手动备份。自动备份仍照常进行。</translation>
    </message>
    <message>
        <source>No automatic backup in {folder} yet.</source>
        <translation>{folder} 中还没有自动备份。</translation>
    </message>
    <message>
        <source>Backup Folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <source>Saved: backups go to {folder}.</source>
        <translation>已保存：备份保存到 {folder}。</translation>
    </message>
    <message>
        <source>Backup written to {path}.</source>
        <translation>备份已写入 {path}。</translation>
    </message>
    <message>
        <source>The backup was cancelled; nothing was written.</source>
        <translation>备份已取消；没有写入任何内容。</translation>
    </message>
    <message>
        <source>Writing the backup…</source>
        <translation>正在写入备份…</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Backups are encrypted copies of the archive made with SQLite&apos;s backup mechanism. The automatic ones are taken at the first opening of each day and when the program closes after changes; older ones are thinned out. These settings are the office&apos;s: they hold for every computer.</source>
        <translation>备份是用 SQLite 备份机制制作的档案库加密副本。自动备份在每天首次打开时、以及有修改后关闭程序时进行；较旧的备份会被逐步清理。这些设置属于整个办公室，对每台计算机都有效。</translation>
    </message>
    <message>
        <source>Backup &amp;folder:</source>
        <translation>备份文件夹(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Automatic backups (daily, and on closing after changes)</source>
        <translation>自动备份（每天一次，以及有修改后关闭时）(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Keep:</source>
        <translation>保留(&amp;K)：</translation>
    </message>
    <message>
        <source>days,</source>
        <translation>天，</translation>
    </message>
    <message>
        <source>weeks,</source>
        <translation>周，</translation>
    </message>
    <message>
        <source>months</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Back Up &amp;Now</source>
        <translation>立即备份(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Restore Selected…</source>
        <translation>恢复所选备份(&amp;R)…</translation>
    </message>
</context>
<context>
    <name>CardPrinting</name>
    <message>
        <source>Print Cards</source>
        <translation>打印资料卡</translation>
    </message>
    <message>
        <source>Print only {name}, or all {n} customers in the list?</source>
        <translation>只打印{name}，还是打印列表中的全部 {n} 个客户？</translation>
    </message>
    <message>
        <source>Preview only {name}, or all {n} customers in the list?</source>
        <translation>只预览{name}，还是预览列表中的全部 {n} 个客户？</translation>
    </message>
    <message>
        <source>Export only {name} as PDF, or all {n} customers in the list?</source>
        <translation>只将{name}导出为 PDF，还是导出列表中的全部 {n} 个客户？</translation>
    </message>
    <message>
        <source>Only This Customer</source>
        <translation>仅此客户</translation>
    </message>
    <message>
        <source>All {n} in the List</source>
        <translation>列表中全部 {n} 个</translation>
    </message>
    <message>
        <source>&amp;Print Cards…</source>
        <translation>打印资料卡(&amp;P)…</translation>
    </message>
    <message>
        <source>Print Pre&amp;view…</source>
        <translation>打印预览(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Export Cards as PDF…</source>
        <translation>导出资料卡为 PDF(&amp;E)…</translation>
    </message>
    <message>
        <source>No customers to print.</source>
        <translation>没有可打印的客户。</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Export as PDF…</source>
        <translation>导出为 PDF(&amp;E)…</translation>
    </message>
    <message>
        <source>Print &amp;Handover List…</source>
        <translation>打印交接清单(&amp;H)…</translation>
    </message>
    <message>
        <source>Preparing the handover list…</source>
        <translation>正在准备交接清单…</translation>
    </message>
    <message>
        <source>1 card</source>
        <translation>1 张资料卡</translation>
    </message>
    <message>
        <source>{n} cards</source>
        <translation>{n} 张资料卡</translation>
    </message>
    <message>
        <source>1 page</source>
        <translation>1 页</translation>
    </message>
    <message>
        <source>{n} pages</source>
        <translation>{n} 页</translation>
    </message>
    <message>
        <source>Customer cards</source>
        <translation>客户基本资料卡</translation>
    </message>
    <message>
        <source>Export Cards as PDF</source>
        <translation>导出资料卡为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Writing {n} cards…</source>
        <translation>正在生成 {n} 张资料卡…</translation>
    </message>
    <message>
        <source>Print {n} Cards</source>
        <translation>打印 {n} 张资料卡</translation>
    </message>
    <message>
        <source>Printing {n} cards…</source>
        <translation>正在打印 {n} 张资料卡…</translation>
    </message>
    <message>
        <source>The preview shows up to {max} cards at a time; {n} are chosen. Print them, or export them as a PDF to look through.</source>
        <translation>打印预览一次最多显示 {max} 张资料卡，当前选择了 {n} 张。请直接打印，或导出为 PDF 后查看。</translation>
    </message>
    <message>
        <source>Preparing {n} cards…</source>
        <translation>正在准备 {n} 张资料卡…</translation>
    </message>
    <message>
        <source>Print Preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>{cards} written to {path} ({pages}).</source>
        <translation>已将 {cards}写入 {path}（共 {pages}）。</translation>
    </message>
    <message>
        <source>{cards} sent to the printer ({pages}).</source>
        <translation>已将 {cards}发送到打印机（共 {pages}）。</translation>
    </message>
    <message>
        <source>Printing cancelled: nothing was printed or written.</source>
        <translation>已取消打印：没有打印或写入任何内容。</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change Passphrase</source>
        <translation>更改密码短语</translation>
    </message>
    <message>
        <source>The archive is re-encrypted with the new passphrase. Everyone who opens it must use the new one; a key remembered in this computer&apos;s keyring is updated.</source>
        <translation>档案库将用新密码短语重新加密。此后所有人都须使用新密码短语打开；本机密钥环中记住的密钥会随之更新。</translation>
    </message>
    <message>
        <source>&amp;New passphrase:</source>
        <translation>新密码短语(&amp;N)：</translation>
    </message>
    <message>
        <source>Re-encrypting the archive…</source>
        <translation>正在重新加密档案库…</translation>
    </message>
</context>
<context>
    <name>CheckMenu</name>
    <message>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <source>{title}: {value}</source>
        <translation>{title}：{value}</translation>
    </message>
    <message>
        <source>{title}: {n} chosen</source>
        <translation>{title}：已选 {n} 项</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>{who} saved this card while you were editing it. Nothing of yours is lost yet: for each field that differs, choose which version to keep, then save.</source>
        <translation>您编辑期间，{who} 保存了这张资料卡。您的修改尚未丢失：请对每个不同的字段选择保留哪个版本，然后保存。</translation>
    </message>
    <message>
        <source>Fields you both changed are marked and need your choice.</source>
        <translation>双方都修改过的字段已标出，需要您选择。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Saved meanwhile</source>
        <translation>期间已保存的</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>您的</translation>
    </message>
    <message>
        <source>{field} (changed by both)</source>
        <translation>{field}（双方都修改过）</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>&amp;Save the Chosen Values</source>
        <translation>保存所选的值(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Keep Editing</source>
        <translation>继续编辑(&amp;K)</translation>
    </message>
    <message>
        <source>Choose a version for every marked field: {n} left.</source>
        <translation>请为每个标出的字段选择一个版本：还剩 {n} 个。</translation>
    </message>
    <message>
        <source>Changed Meanwhile</source>
        <translation>资料已被他人修改</translation>
    </message>
    <message>
        <source>Take All of &amp;Theirs</source>
        <translation>全部采用对方的(&amp;T)</translation>
    </message>
    <message>
        <source>Keep All of &amp;Mine</source>
        <translation>全部保留我的(&amp;M)</translation>
    </message>
</context>
<context>
    <name>CreditRulesDialog</name>
    <message>
        <source>The C share must not be above the D share.</source>
        <translation>C 级的逾期占比不能高于 D 级的。</translation>
    </message>
    <message>
        <source>Give at least one late word.</source>
        <translation>请至少填写一个表示逾期的词。</translation>
    </message>
    <message>
        <source>Credit Rule</source>
        <translation>信用规则</translation>
    </message>
    <message>
        <source>A transaction is late or open when its payment method or note contains one of the late words. Grades are given in this order: D, C, unrated (no transactions), A, B.</source>
        <translation>付款方式或备注中含有任一逾期用词的交易视为逾期或未付。评级按以下顺序判定：D、C、未评级（无交易）、A、B。</translation>
    </message>
    <message>
        <source>&amp;D from a late share of:</source>
        <translation>D 级：逾期占比达到(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;C from a late share of:</source>
        <translation>C 级：逾期占比达到(&amp;C)：</translation>
    </message>
    <message>
        <source>A needs a &amp;revenue of at least (yuan):</source>
        <translation>A 级：交易额至少（元）(&amp;R)：</translation>
    </message>
    <message>
        <source>… and at least this many &amp;transactions:</source>
        <translation>…且交易笔数至少(&amp;T)：</translation>
    </message>
    <message>
        <source>A: days &amp;net, limit in months of purchases:</source>
        <translation>A 级：账期天数、额度（月平均采购额的月数）(&amp;N)：</translation>
    </message>
    <message>
        <source>B: days n&amp;et, limit in months of purchases:</source>
        <translation>B 级：账期天数、额度（月平均采购额的月数）(&amp;E)：</translation>
    </message>
    <message>
        <source>Limits rounded down to (&amp;yuan):</source>
        <translation>额度向下取整到（元）(&amp;Y)：</translation>
    </message>
    <message>
        <source>&amp;Late words:</source>
        <translation>逾期用词(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Bad credit status words (D):</source>
        <translation>D 级信用状况用词(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Watch credit status words (C):</source>
        <translation>C 级信用状况用词(&amp;W)：</translation>
    </message>
</context>
<context>
    <name>CustomerActions</name>
    <message>
        <source>Merge Customers</source>
        <translation>合并客户</translation>
    </message>
    <message>
        <source>Merge these two customers into one card? Everything of the other one (contacts, follow-ups, transactions, attachments, history) moves to the card you keep, and the other card is deleted. This cannot be undone.

1. {first}
2. {second}</source>
        <translation>将这两个客户合并为一张资料卡吗？另一个客户的全部内容（联系人、跟进记录、交易、附件、历史）都会移到保留的资料卡上，另一张资料卡将被删除。此操作无法撤销。

1. {first}
2. {second}</translation>
    </message>
    <message>
        <source>Keep 1</source>
        <translation>保留 1</translation>
    </message>
    <message>
        <source>Keep 2</source>
        <translation>保留 2</translation>
    </message>
    <message>
        <source>&amp;Delete Customer…</source>
        <translation>删除客户(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Merge Customers…</source>
        <translation>合并客户(&amp;M)…</translation>
    </message>
    <message>
        <source>Merge the two selected customers into one card.</source>
        <translation>将选中的两个客户合并为一张资料卡。</translation>
    </message>
    <message>
        <source>Select exactly two customers to merge.</source>
        <translation>请恰好选择两个客户进行合并。</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Delete Customer</source>
        <translation>删除客户</translation>
    </message>
    <message>
        <source>Delete the card of {name}, with its contacts, logs and attachments? This cannot be undone.</source>
        <translation>删除 {name} 的资料卡及其联系人、记录和附件吗？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Delete the {n} selected cards, with their contacts, logs and attachments? This cannot be undone.</source>
        <translation>删除选中的 {n} 张资料卡及其联系人、记录和附件吗？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Why is it deleted? The reason is kept in the audit log (and shown to the manager if the deletion needs approval).</source>
        <translation>为什么删除？原因会记入审计日志（如需审批，也会显示给经理）。</translation>
    </message>
    <message>
        <source>Not deleted: a deletion needs a reason.</source>
        <translation>未删除：删除需要填写原因。</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>正在删除…</translation>
    </message>
    <message>
        <source>Sent for Approval</source>
        <translation>已提交审批</translation>
    </message>
    <message>
        <source>Deleting needs a manager&apos;s approval: it was filed as request {numbers}. The card stays until the request is approved.</source>
        <translation>删除需要经理审批：已提交为申请 {numbers}。申请获批前资料卡保留。</translation>
    </message>
    <message>
        <source>The customer card was deleted.</source>
        <translation>客户资料卡已删除。</translation>
    </message>
    <message>
        <source>{n} customer cards were deleted.</source>
        <translation>已删除 {n} 张客户资料卡。</translation>
    </message>
    <message>
        <source>Why are they merged (optional; kept in the card&apos;s note)?</source>
        <translation>合并原因（可选；记入资料卡备注）：</translation>
    </message>
    <message>
        <source>Not merged: the card of {name} has unsaved changes. Save or close it first.</source>
        <translation>未合并：{name} 的资料卡有未保存的修改。请先保存或关闭。</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>正在合并…</translation>
    </message>
    <message>
        <source>The two customers were merged into one card.</source>
        <translation>两个客户已合并为一张资料卡。</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <source>Customer Card</source>
        <translation>客户资料卡</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在载入…</translation>
    </message>
    <message>
        <source>given when the card is saved</source>
        <translation>保存时自动编号</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>From</source>
        <translation>原为</translation>
    </message>
    <message>
        <source>To</source>
        <translation>改为</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>批准人</translation>
    </message>
    <message>
        <source>Set by hand</source>
        <translation>手动设定</translation>
    </message>
    <message>
        <source>New Customer Card</source>
        <translation>新建客户资料卡</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>Save the new card first.</source>
        <translation>请先保存新资料卡。</translation>
    </message>
    <message>
        <source>A customer who is still a prospect cannot be marked {new}: nobody has followed them up yet, so there is no relationship to lose. Mark them {followed} first.</source>
        <translation>仍是潜在客户的客户不能标为“{new}”：还没有人跟进过，谈不上流失。请先标为“{followed}”。</translation>
    </message>
    <message>
        <source>A customer cannot go back from {old} to {new}: the history would say the relationship went back to before it began.</source>
        <translation>客户不能从“{old}”退回“{new}”：否则历史记录会显示合作关系退回到开始之前。</translation>
    </message>
    <message>
        <source>{name} – Customer Card</source>
        <translation>{name} – 客户资料卡</translation>
    </message>
    <message>
        <source>Unsaved changes.</source>
        <translation>有未保存的修改。</translation>
    </message>
    <message>
        <source>No changes to save.</source>
        <translation>没有需要保存的修改。</translation>
    </message>
    <message>
        <source>Mark as Lost</source>
        <translation>标记为流失客户</translation>
    </message>
    <message>
        <source>Why was this customer lost? The reason is kept in the card&apos;s history.</source>
        <translation>该客户为什么流失？原因将记入资料卡的变更历史。</translation>
    </message>
    <message>
        <source>Not saved: marking a customer as lost needs a reason.</source>
        <translation>未保存：标记为流失客户须填写原因。</translation>
    </message>
    <message>
        <source>Not saved: the customer may already be in the archive.</source>
        <translation>未保存：该客户可能已在档案中。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Saved at {time}.</source>
        <translation>已于 {time} 保存。</translation>
    </message>
    <message>
        <source>Reason for the Change</source>
        <translation>修改原因</translation>
    </message>
    <message>
        <source>This change needs a manager&apos;s approval. Why is it needed? The manager reads your reason, and it is kept in the card&apos;s history.</source>
        <translation>此修改需要经理审批。为什么需要修改？经理会看到您填写的原因，原因也会保存在资料卡的历史中。</translation>
    </message>
    <message>
        <source>Not sent: a change that needs approval needs a reason.</source>
        <translation>未提交：需要审批的修改必须填写原因。</translation>
    </message>
    <message>
        <source>Sent for Approval</source>
        <translation>已提交审批</translation>
    </message>
    <message>
        <source>This change needs a manager&apos;s approval. It was filed as request #{n}; the card shows it once it is approved.</source>
        <translation>此项修改需要经理审批，已提交为第 {n} 号申请；批准后资料卡才会显示该修改。</translation>
    </message>
    <message>
        <source>{problem}
Your changes stay on screen and are saved as soon as the archive can be reached again.</source>
        <translation>{problem}
您的修改保留在屏幕上，档案库一恢复连接就会保存。</translation>
    </message>
    <message>
        <source>Updated with changes saved by someone else.</source>
        <translation>已更新为其他人保存的修改。</translation>
    </message>
    <message>
        <source>Someone else saved this card meanwhile. Your changes are still here; when you save, you choose field by field.</source>
        <translation>期间有其他人保存了这张资料卡。您的修改仍在；保存时可逐个字段选择。</translation>
    </message>
    <message>
        <source>Not saved yet: someone else saved this card meanwhile.</source>
        <translation>尚未保存：期间有其他人保存了这张资料卡。</translation>
    </message>
    <message>
        <source>Someone else</source>
        <translation>其他人</translation>
    </message>
    <message>
        <source>Not saved yet: your values are on screen over the version saved meanwhile; save again when ready.</source>
        <translation>尚未保存：屏幕上是您的值，覆盖在期间保存的版本之上；准备好后请再次保存。</translation>
    </message>
    <message>
        <source>Not saved: please correct the marked fields.</source>
        <translation>未保存：请更正标出的字段。</translation>
    </message>
    <message>
        <source>Contact {n}, {field}: {problem}</source>
        <translation>联系人 {n}，{field}：{problem}</translation>
    </message>
    <message>
        <source>The archive is open read-only: this card cannot be changed.</source>
        <translation>档案库以只读方式打开：这张资料卡不能修改。</translation>
    </message>
    <message>
        <source>same credit code</source>
        <translation>信用代码相同</translation>
    </message>
    <message>
        <source>same phone number</source>
        <translation>电话相同</translation>
    </message>
    <message>
        <source>similar name</source>
        <translation>名称相近</translation>
    </message>
    <message>
        <source>same name</source>
        <translation>名称相同</translation>
    </message>
    <message>
        <source>{link} ({number}, {why})</source>
        <translation>{link}（{number}，{why}）</translation>
    </message>
    <message>
        <source>Possibly already in the archive: {items}</source>
        <translation>档案库中可能已有此客户：{items}</translation>
    </message>
    <message>
        <source>Reveal…</source>
        <translation>查看…</translation>
    </message>
    <message>
        <source>Sensitive personal information, hidden from your role. Revealing it is recorded in the audit log.</source>
        <translation>敏感个人信息，对您的角色隐藏。查看时会记入审计日志。</translation>
    </message>
    <message>
        <source>Some contact details are sensitive and hidden from your role, so the contacts cannot be changed here. Double-click a hidden value to reveal it.</source>
        <translation>部分联系人信息属敏感信息，对您的角色隐藏，因此这里不能修改联系人。双击隐藏的内容可查看。</translation>
    </message>
    <message>
        <source>Hidden: double-click to reveal (recorded in the audit log).</source>
        <translation>已隐藏：双击可查看（记入审计日志）。</translation>
    </message>
    <message>
        <source>Contact {n}, {field}</source>
        <translation>联系人 {n}，{field}</translation>
    </message>
    <message>
        <source>Reveal {field}</source>
        <translation>查看{field}</translation>
    </message>
    <message>
        <source>What do you need “{field}” for? Your answer is kept in the audit log with this view.</source>
        <translation>您需要“{field}”做什么用？您的回答会与本次查看一起记入审计日志。</translation>
    </message>
    <message>
        <source>Not revealed: say what you need it for.</source>
        <translation>未显示：请说明用途。</translation>
    </message>
    <message>
        <source>Revealed; the view is recorded in the audit log.</source>
        <translation>已显示；本次查看已记入审计日志。</translation>
    </message>
    <message>
        <source>Your role may not see this customer&apos;s sensitive information. Ask a manager if you need it.</source>
        <translation>您的角色无权查看此客户的敏感信息。如有需要，请联系经理。</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>查看敏感信息</translation>
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
        <source>{field}: {problem}</source>
        <translation>{field}：{problem}</translation>
    </message>
    <message>
        <source>Add Attachment</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Adding the attachment…</source>
        <translation>正在添加附件…</translation>
    </message>
    <message>
        <source>The file is {size} MB; attachments may be at most {limit} MB.</source>
        <translation>该文件大小为 {size} MB；附件最大为 {limit} MB。</translation>
    </message>
    <message>
        <source>Save a Copy</source>
        <translation>另存副本</translation>
    </message>
    <message>
        <source>Saved a copy as {path}.</source>
        <translation>已将副本保存为 {path}。</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>This card has changes that are not saved yet. Save them?</source>
        <translation>这张资料卡有尚未保存的修改。是否保存？</translation>
    </message>
    <message>
        <source>Possible Duplicate</source>
        <translation>可能重复</translation>
    </message>
    <message>
        <source>This customer may already be in the archive: {items}. Save the new card anyway?</source>
        <translation>该客户可能已在档案中：{items}。仍要保存新资料卡吗？</translation>
    </message>
    <message>
        <source>Save Anyway</source>
        <translation>仍然保存</translation>
    </message>
    <message>
        <source>Card deleted</source>
        <translation>删除资料卡</translation>
    </message>
    <message>
        <source>Basic information</source>
        <translation>客户基本信息</translation>
    </message>
    <message>
        <source>Characteristics</source>
        <translation>客户特征资料</translation>
    </message>
    <message>
        <source>Trade details</source>
        <translation>客户交易资料</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>交易记录</translation>
    </message>
    <message>
        <source>Bookkeeping</source>
        <translation>档案管理信息</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>&amp;Add Contact</source>
        <translation>添加联系人(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove Contact</source>
        <translation>删除联系人(&amp;R)</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>回访记录</translation>
    </message>
    <message>
        <source>New follow-up</source>
        <translation>新增回访记录</translation>
    </message>
    <message>
        <source>What was discussed or agreed</source>
        <translation>沟通或约定的内容</translation>
    </message>
    <message>
        <source>Add &amp;Follow-up</source>
        <translation>添加回访(&amp;F)</translation>
    </message>
    <message>
        <source>New transaction</source>
        <translation>新增交易</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Amount (yuan):</source>
        <translation>金额（元）：</translation>
    </message>
    <message>
        <source>e.g. 12000 or 1.2万</source>
        <translation>例如 12000 或 1.2万</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>合作方式：</translation>
    </message>
    <message>
        <source>Payment:</source>
        <translation>付款方式：</translation>
    </message>
    <message>
        <source>Contract no.:</source>
        <translation>合同编号：</translation>
    </message>
    <message>
        <source>Add &amp;Transaction</source>
        <translation>添加交易(&amp;T)</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Add &amp;File…</source>
        <translation>添加文件(&amp;F)…</translation>
    </message>
    <message>
        <source>Save a &amp;Copy…</source>
        <translation>另存副本(&amp;C)…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>变更历史</translation>
    </message>
    <message>
        <source>Changes, field by field</source>
        <translation>逐项修改记录</translation>
    </message>
    <message>
        <source>Status changes</source>
        <translation>状态变更</translation>
    </message>
    <message>
        <source>Tier changes</source>
        <translation>等级变更</translation>
    </message>
</context>
<context>
    <name>CustomerFields</name>
    <message>
        <source>No account is called “{name}”: pick one from the list.</source>
        <translation>没有名为“{name}”的账户：请从列表中选择。</translation>
    </message>
    <message>
        <source>{name}&apos;s account is switched off.</source>
        <translation>{name}的账户已停用。</translation>
    </message>
    <message>
        <source>yuan, e.g. 1200000 or 120万</source>
        <translation>单位为元，例如 1200000 或 120万</translation>
    </message>
    <message>
        <source>separated by commas</source>
        <translation>用逗号分隔</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <source>Not a valid phone number (e.g. 010-12345678 or 13812345678).</source>
        <translation>不是有效的电话号码（例如 010-12345678 或 13812345678）。</translation>
    </message>
    <message>
        <source>One number per field; add contacts for further numbers.</source>
        <translation>每栏只填一个号码；其他号码请添加到联系人。</translation>
    </message>
    <message>
        <source>Not a valid email address.</source>
        <translation>不是有效的邮箱地址。</translation>
    </message>
    <message>
        <source>Not a valid web address.</source>
        <translation>不是有效的网址。</translation>
    </message>
    <message>
        <source>Not a date: write year-month-day, e.g. 2026-03-05.</source>
        <translation>不是日期：请按年-月-日填写，例如 2026-03-05。</translation>
    </message>
    <message>
        <source>No such date.</source>
        <translation>没有这个日期。</translation>
    </message>
    <message>
        <source>Cannot be in the future.</source>
        <translation>不能晚于今天。</translation>
    </message>
    <message>
        <source>Not an amount (e.g. 1234.50, ¥1,234 or 1.2万).</source>
        <translation>不是金额（例如 1234.50、¥1,234 或 1.2万）。</translation>
    </message>
    <message>
        <source>Commas must separate groups of three digits.</source>
        <translation>千位分隔逗号须每三位一组。</translation>
    </message>
    <message>
        <source>Use at most two decimal places.</source>
        <translation>最多保留两位小数。</translation>
    </message>
    <message>
        <source>Cannot be negative.</source>
        <translation>不能为负数。</translation>
    </message>
    <message>
        <source>Not a whole number.</source>
        <translation>不是整数。</translation>
    </message>
    <message>
        <source>Not a postcode.</source>
        <translation>不是有效的邮编。</translation>
    </message>
    <message>
        <source>Too long.</source>
        <translation>内容过长。</translation>
    </message>
    <message>
        <source>A tag has at most 40 characters.</source>
        <translation>每个标签最多 40 个字符。</translation>
    </message>
    <message>
        <source>At most 50 tags.</source>
        <translation>最多 50 个标签。</translation>
    </message>
    <message>
        <source>A unified social credit code has 18 characters.</source>
        <translation>统一社会信用代码为 18 位。</translation>
    </message>
    <message>
        <source>A credit code has digits and capital letters other than I, O, S, V and Z.</source>
        <translation>信用代码由数字和大写字母组成，不使用 I、O、S、V、Z。</translation>
    </message>
    <message>
        <source>Characters 3 to 8 of a credit code are the region code: digits only.</source>
        <translation>信用代码第 3 至 8 位是行政区划码，只能是数字。</translation>
    </message>
    <message>
        <source>The last character does not match: the code has a typing error.</source>
        <translation>校验位不符：代码中有录入错误。</translation>
    </message>
    <message>
        <source>Only one contact can be the primary contact.</source>
        <translation>只能有一位主要联系人。</translation>
    </message>
</context>
<context>
    <name>CustomerList</name>
    <message>
        <source>Search by name, pinyin, phone, contact, archive number or tag (Ctrl+F)</source>
        <translation>按名称、拼音、电话、联系人、档案编号或标签搜索（Ctrl+F）</translation>
    </message>
    <message>
        <source>&amp;New Customer…</source>
        <translation>新建客户(&amp;N)…</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>客户状态</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>所属行业</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Saved Filters</source>
        <translation>已存筛选</translation>
    </message>
    <message>
        <source>Clear Filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>This archive has no customers yet.</source>
        <translation>此档案库中还没有客户。</translation>
    </message>
    <message>
        <source>Add the first customer card, or try the program with 200 sample customers. Best in a trial archive: the sample cards stay in it.</source>
        <translation>请添加第一张客户资料卡，或用 200 个示例客户试用本程序。最好在试用档案库中进行：示例资料卡会保留在库中。</translation>
    </message>
    <message>
        <source>Add the &amp;First Customer…</source>
        <translation>添加第一个客户(&amp;F)…</translation>
    </message>
    <message>
        <source>Try with &amp;Sample Data</source>
        <translation>用示例数据试用(&amp;S)</translation>
    </message>
</context>
<context>
    <name>CustomerListPage</name>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>New Customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>The best {n} matches; type more to narrow down</source>
        <translation>最相关的 {n} 条结果；输入更多字可缩小范围</translation>
    </message>
    <message>
        <source>Nothing matches “{query}”.</source>
        <translation>没有与“{query}”匹配的客户。</translation>
    </message>
    <message>
        <source>No customer matches these filters.</source>
        <translation>没有符合这些筛选条件的客户。</translation>
    </message>
    <message>
        <source>{n} found</source>
        <translation>找到 {n} 个</translation>
    </message>
    <message>
        <source>{n} customers</source>
        <translation>共 {n} 个客户</translation>
    </message>
    <message>
        <source>&amp;Save Current Filter…</source>
        <translation>保存当前筛选(&amp;S)…</translation>
    </message>
    <message>
        <source>Save Filter</source>
        <translation>保存筛选</translation>
    </message>
    <message>
        <source>Name for the current search and filters:</source>
        <translation>当前搜索和筛选条件的名称：</translation>
    </message>
    <message>
        <source>Filter “{name}” saved.</source>
        <translation>已保存筛选“{name}”。</translation>
    </message>
    <message>
        <source>Adding {n} sample customers…</source>
        <translation>正在添加 {n} 个示例客户…</translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
    <message>
        <source>Archive No.</source>
        <translation>档案编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>客户状态</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>所属行业</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>Found in</source>
        <translation>匹配于</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>archive number</source>
        <translation>档案编号</translation>
    </message>
    <message>
        <source>pinyin</source>
        <translation>拼音</translation>
    </message>
    <message>
        <source>pinyin initials</source>
        <translation>拼音首字母</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>ErrorDetails</name>
    <message>
        <source>Salesperson / service clerk</source>
        <translation>业务员/客服</translation>
    </message>
    <message>
        <source>Regional manager</source>
        <translation>区域经理</translation>
    </message>
    <message>
        <source>Manager / director</source>
        <translation>经理/总监</translation>
    </message>
    <message>
        <source>Archive custodian</source>
        <translation>档案管理员</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <source>view customer</source>
        <translation>查看客户</translation>
    </message>
    <message>
        <source>create customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>edit customer</source>
        <translation>编辑客户</translation>
    </message>
    <message>
        <source>delete customer</source>
        <translation>删除客户</translation>
    </message>
    <message>
        <source>reassign customer</source>
        <translation>更换负责人</translation>
    </message>
    <message>
        <source>change status</source>
        <translation>更改客户状态</translation>
    </message>
    <message>
        <source>change tier</source>
        <translation>更改客户等级</translation>
    </message>
    <message>
        <source>view sensitive</source>
        <translation>查看敏感信息</translation>
    </message>
    <message>
        <source>export list</source>
        <translation>导出列表</translation>
    </message>
    <message>
        <source>export full</source>
        <translation>完整导出</translation>
    </message>
    <message>
        <source>print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>manage users</source>
        <translation>管理用户</translation>
    </message>
    <message>
        <source>manage settings</source>
        <translation>管理设置</translation>
    </message>
    <message>
        <source>approve</source>
        <translation>审批申请</translation>
    </message>
    <message>
        <source>view audit</source>
        <translation>查看审计日志</translation>
    </message>
    <message>
        <source>handover</source>
        <translation>办理离职交接</translation>
    </message>
    <message>
        <source>manage register</source>
        <translation>管理档案登记</translation>
    </message>
    <message>
        <source>request loan</source>
        <translation>申请借阅</translation>
    </message>
    <message>
        <source>deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>demote</source>
        <translation>降级</translation>
    </message>
    <message>
        <source>passphrase</source>
        <translation>密码短语</translation>
    </message>
    <message>
        <source>current passphrase</source>
        <translation>当前密码短语</translation>
    </message>
    <message>
        <source>new passphrase</source>
        <translation>新密码短语</translation>
    </message>
    <message>
        <source>passphrase for the new archive</source>
        <translation>新档案库的密码短语</translation>
    </message>
    <message>
        <source>password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>new password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>a pipe (FIFO)</source>
        <translation>管道（FIFO）</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>套接字</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>非普通文件</translation>
    </message>
    <message>
        <source>more than </source>
        <translation>超过</translation>
    </message>
    <message>
        <source>available</source>
        <translation>在库</translation>
    </message>
    <message>
        <source>out</source>
        <translation>已借出</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>遗失</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>损坏</translation>
    </message>
    <message>
        <source>with_owner</source>
        <translation>在所有人处</translation>
    </message>
    <message>
        <source>requested</source>
        <translation>已申请</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>已归还</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>已生效</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>可领取</translation>
    </message>
    <message>
        <source>fulfilled</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>edit</source>
        <translation>修改客户档案</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>删除客户</translation>
    </message>
    <message>
        <source>status</source>
        <translation>变更客户状态</translation>
    </message>
    <message>
        <source>tier</source>
        <translation>变更客户等级</translation>
    </message>
    <message>
        <source>reassign</source>
        <translation>变更负责人</translation>
    </message>
    <message>
        <source>access</source>
        <translation>越权查阅</translation>
    </message>
    <message>
        <source>export_full</source>
        <translation>完整导出</translation>
    </message>
    <message>
        <source>loan</source>
        <translation>借阅档案</translation>
    </message>
    <message>
        <source>loan_renewal</source>
        <translation>续借</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something went wrong ({kind}). The details are in the log file.</source>
        <translation>出现错误（{kind}）。详细信息已写入日志文件。</translation>
    </message>
    <message>
        <source>Wrong passphrase. Check the keyboard layout and Caps Lock, and try again.</source>
        <translation>密码短语错误。请检查键盘布局和大写锁定键后重试。</translation>
    </message>
    <message>
        <source>The archive {path} is in use by another program and stayed locked. Try again in a moment.</source>
        <translation>档案库 {path} 正被其他程序使用并保持锁定。请稍后再试。</translation>
    </message>
    <message>
        <source>{path} is a plain, unencrypted SQLite database, not a Customer Archive.</source>
        <translation>{path} 是未加密的普通 SQLite 数据库，不是客户档案库。</translation>
    </message>
    <message>
        <source>{path} is not a Customer Archive file.</source>
        <translation>{path} 不是客户档案库文件。</translation>
    </message>
    <message>
        <source>{path} was made by a newer version of Customer Archive. Install the newer version to open it; nothing was changed.</source>
        <translation>{path} 由更新版本的客户档案创建。请安装新版本后再打开；文件未作任何改动。</translation>
    </message>
    <message>
        <source>There is no archive at {path}. It may have been moved, or its drive is not connected.</source>
        <translation>{path} 处没有档案库。它可能已被移动，或所在驱动器未连接。</translation>
    </message>
    <message>
        <source>{path} cannot be written: the file or its folder is read-only, or you lack the permission.</source>
        <translation>无法写入 {path}：文件或其所在文件夹为只读，或您没有权限。</translation>
    </message>
    <message>
        <source>The system keyring is locked. Unlock it, or enter the passphrase.</source>
        <translation>系统密钥环已锁定。请解锁密钥环，或输入密码短语。</translation>
    </message>
    <message>
        <source>No passphrase is available for this archive.</source>
        <translation>没有可用于此档案库的密码短语。</translation>
    </message>
    <message>
        <source>{path} already exists. Choose another name.</source>
        <translation>{path} 已存在。请换一个名称。</translation>
    </message>
    <message>
        <source>The disk holding {path} is full. Free some space and try again; nothing was lost.</source>
        <translation>{path} 所在磁盘已满。请释放空间后重试；没有丢失任何数据。</translation>
    </message>
    <message>
        <source>The archive {path} cannot be reached. Check the network drive.</source>
        <translation>无法访问档案库 {path}。请检查网络驱动器。</translation>
    </message>
    <message>
        <source>This input cannot be used</source>
        <translation>输入内容无法使用</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>Your role does not allow this</source>
        <translation>您的角色不允许此操作</translation>
    </message>
    <message>
        <source>The login failed</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <source>Someone else changed this meanwhile</source>
        <translation>其他人已在此期间修改了此项</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed</source>
        <translation>已取消；未做任何更改</translation>
    </message>
    <message>
        <source>The audit log does not verify</source>
        <translation>审计日志校验未通过</translation>
    </message>
    <message>
        <source>Filed as a request for approval</source>
        <translation>已提交审批申请</translation>
    </message>
    <message>
        <source>{headline} ({message})</source>
        <translation>{headline}（{message}）</translation>
    </message>
    <message>
        <source>Customer Archive</source>
        <translation>客户档案</translation>
    </message>
</context>
<context>
    <name>ExcelTransfer</name>
    <message>
        <source>Full Export</source>
        <translation>完整导出</translation>
    </message>
    <message>
        <source>A full export needs a manager&apos;s approval. Why do you need it?</source>
        <translation>完整导出需要经理审批。请说明用途：</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <source>{name} is a folder, not a workbook.</source>
        <translation>{name} 是文件夹，不是工作簿。</translation>
    </message>
    <message>
        <source>{name} cannot be read.</source>
        <translation>无法读取 {name}。</translation>
    </message>
    <message>
        <source>{name} is empty: it holds no workbook.</source>
        <translation>{name} 是空文件，不含工作簿。</translation>
    </message>
    <message>
        <source>{name} is protected with a password. Remove the password in Excel (File › Info › Protect Workbook) and save it again.</source>
        <translation>{name} 设有密码保护。请在 Excel 中取消密码（文件 › 信息 › 保护工作簿）后重新保存。</translation>
    </message>
    <message>
        <source>{name} is a PDF document, not a spreadsheet.</source>
        <translation>{name} 是 PDF 文档，不是电子表格。</translation>
    </message>
    <message>
        <source>{name} is a text file (a CSV?), not an Excel workbook.</source>
        <translation>{name} 是文本文件（CSV？），不是 Excel 工作簿。</translation>
    </message>
    <message>
        <source>{name} is not a spreadsheet.</source>
        <translation>{name} 不是电子表格。</translation>
    </message>
    <message>
        <source>{name} is damaged: it cannot be read as a workbook.</source>
        <translation>{name} 已损坏，无法作为工作簿读取。</translation>
    </message>
    <message>
        <source>{name} is a ZIP archive, not an Excel workbook.</source>
        <translation>{name} 是 ZIP 压缩包，不是 Excel 工作簿。</translation>
    </message>
    <message>
        <source>Export the {n} customers of the current list, or the full workbook (every field, contacts, transactions, follow-ups, histories)?</source>
        <translation>导出当前列表中的 {n} 个客户，还是完整工作簿（全部字段、联系人、交易记录、回访记录、变更记录）？</translation>
    </message>
    <message>
        <source>Current &amp;List</source>
        <translation>当前列表(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Full Workbook</source>
        <translation>完整工作簿(&amp;F)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Import from Excel</source>
        <translation>从 Excel 导入</translation>
    </message>
    <message>
        <source>Open it in Excel, WPS or LibreOffice and save it as a workbook (.xlsx, .xls or .ods).</source>
        <translation>请在 Excel、WPS 或 LibreOffice 中打开，另存为工作簿（.xlsx、.xls 或 .ods）。</translation>
    </message>
    <message>
        <source>{name} is too large to import: it unpacks to more than 256 MB. Split the list into several workbooks.</source>
        <translation>{name} 太大，无法导入：解压后超过 256 MB。请把名单拆分为几个工作簿。</translation>
    </message>
    <message>
        <source>{name} is not an ordinary workbook: a part of it unpacks hundreds of times larger than it is stored. It was not read.</source>
        <translation>{name} 不是普通的工作簿：其中一部分解压后比存储大小大数百倍。未读取该文件。</translation>
    </message>
    <message>
        <source>{name} has a sheet with more rows than Excel allows (1 048 576). It was not read.</source>
        <translation>{name} 中有工作表的行数超过 Excel 允许的上限（1 048 576 行）。未读取该文件。</translation>
    </message>
    <message>
        <source>{name} has a sheet with more columns than Excel allows (16 384). It was not read.</source>
        <translation>{name} 中有工作表的列数超过 Excel 允许的上限（16 384 列）。未读取该文件。</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xlsm *.xls *.ods);;All files (*)</source>
        <translation>电子表格 (*.xlsx *.xlsm *.xls *.ods);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export to E&amp;xcel…</source>
        <translation>导出到 Excel(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Import from Excel…</source>
        <translation>从 Excel 导入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Undo Last Import…</source>
        <translation>撤销上次导入(&amp;U)…</translation>
    </message>
    <message>
        <source>Your request #{n} for a full export is still waiting for a manager&apos;s decision.</source>
        <translation>您的完整导出申请 #{n} 仍在等待经理审批。</translation>
    </message>
    <message>
        <source>Filed as request #{n}. Once a manager approves it, export again.</source>
        <translation>已提交为申请 #{n}。经理批准后请再次导出。</translation>
    </message>
    <message>
        <source>{n} customers exported to {path}.</source>
        <translation>已将 {n} 个客户导出到 {path}。</translation>
    </message>
    <message>
        <source>Exporting to Excel…</source>
        <translation>正在导出到 Excel…</translation>
    </message>
    <message>
        <source>Undo Last Import</source>
        <translation>撤销上次导入</translation>
    </message>
    <message>
        <source>There is no import to undo.</source>
        <translation>没有可撤销的导入。</translation>
    </message>
    <message>
        <source>Take back import #{n} of {file} ({created} new cards deleted, {updated} updated cards given their old values)?</source>
        <translation>撤销第 #{n} 次导入（{file}）？将删除 {created} 张新建的客户档案，并将 {updated} 张被更新的档案恢复为原值。</translation>
    </message>
    <message>
        <source>Import #{n} undone: {deleted} cards deleted, {restored} restored.</source>
        <translation>第 #{n} 次导入已撤销：删除 {deleted} 张档案，恢复 {restored} 张。</translation>
    </message>
    <message>
        <source>Undoing the import…</source>
        <translation>正在撤销导入…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written or changed.</source>
        <translation>已取消：没有写入或更改任何内容。</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>&amp;Hand Over</source>
        <translation>交接(&amp;H)</translation>
    </message>
    <message>
        <source>e.g. left the company on 2026-11-30</source>
        <translation>例如：2026-11-30 离职</translation>
    </message>
    <message>
        <source>{user} – deactivated</source>
        <translation>{user} – 已停用</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>Choose who leaves and who takes over.</source>
        <translation>请选择离职人员和接替人。</translation>
    </message>
    <message>
        <source>Choose two different people.</source>
        <translation>请选择两位不同的人员。</translation>
    </message>
    <message>
        <source>Give the reason for the handover; it is kept in every card&apos;s history.</source>
        <translation>请填写交接原因；它会记入每份资料卡的历史。</translation>
    </message>
    <message>
        <source>Handing over…</source>
        <translation>正在交接…</translation>
    </message>
    <message>
        <source>{n} customers now belong to {user}:</source>
        <translation>{n} 位客户已移交给 {user}：</translation>
    </message>
    <message>
        <source>{user} was responsible for no customer; nothing was moved.</source>
        <translation>{user} 名下没有客户；未作任何移交。</translation>
    </message>
    <message>
        <source>The handover needs a manager&apos;s approval: it was sent as request #{n}. The customers move when it is approved.</source>
        <translation>此次交接需要经理审批：已提交为申请 #{n}。批准后客户才会转移。</translation>
    </message>
    <message>
        <source>Handover</source>
        <translation>离职交接</translation>
    </message>
    <message>
        <source>When someone leaves or changes jobs, every customer they are responsible for goes to one named successor, in one step. The change is kept in each card&apos;s history.</source>
        <translation>有人离职或调岗时，其负责的全部客户一次性移交给指定的接替人。变更记入每份资料卡的历史。</translation>
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
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Skip it</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Update the existing card</source>
        <translation>更新已有档案</translation>
    </message>
    <message>
        <source>Create a new card anyway</source>
        <translation>仍然新建档案</translation>
    </message>
    <message>
        <source>New card</source>
        <translation>新建档案</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Skip (duplicate)</source>
        <translation>跳过（重复）</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>无变化</translation>
    </message>
    <message>
        <source>Not taken</source>
        <translation>未导入</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Title in the sheet</source>
        <translation>表中标题</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <source>Duplicate of</source>
        <translation>重复于</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>{name} (hidden)</source>
        <translation>{name}（隐藏）</translation>
    </message>
    <message>
        <source>Header in row {n}</source>
        <translation>表头在第 {n} 行</translation>
    </message>
    <message>
        <source>The sheet is empty</source>
        <translation>工作表为空</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>The choices changed: check again to see what the import will do.</source>
        <translation>选择已更改：请重新检查，查看导入结果。</translation>
    </message>
    <message>
        <source>Checking the sheet…</source>
        <translation>正在检查工作表…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation>已取消：没有更改任何内容。</translation>
    </message>
    <message>
        <source>Check: {create} new cards, {update} updates, {skip} duplicates skipped, {unchanged} unchanged, {invalid} rows with problems (not taken), {empty} empty rows. Nothing was changed yet.</source>
        <translation>检查结果：新建 {create} 张档案，更新 {update} 张，跳过重复 {skip} 行，无变化 {unchanged} 行，有问题 {invalid} 行（不导入），空行 {empty} 行。尚未做任何更改。</translation>
    </message>
    <message>
        <source>Imported: {create} new cards, {update} updated, {skip} duplicates skipped, {unchanged} unchanged, {invalid} rows with problems not taken. File › Undo Last Import takes it back.</source>
        <translation>导入完成：新建 {create} 张档案，更新 {update} 张，跳过重复 {skip} 行，无变化 {unchanged} 行，有问题未导入 {invalid} 行。可通过“文件 › 撤销上次导入”撤回。</translation>
    </message>
    <message>
        <source>Contact details without the contact&apos;s name: map the name column (联系人/姓名) or map this column to a card field.</source>
        <translation>有联系人信息但没有联系人姓名：请映射姓名列（联系人/姓名），或将此列映射到档案字段。</translation>
    </message>
    <message>
        <source>Not one of the values this field takes.</source>
        <translation>不是此字段可接受的值。</translation>
    </message>
    <message>
        <source>same credit code</source>
        <translation>信用代码相同</translation>
    </message>
    <message>
        <source>same phone</source>
        <translation>电话相同</translation>
    </message>
    <message>
        <source>similar name</source>
        <translation>名称相近</translation>
    </message>
    <message>
        <source>same archive number</source>
        <translation>档案编号相同</translation>
    </message>
    <message>
        <source>row {row} of the file ({why})</source>
        <translation>本文件第 {row} 行（{why}）</translation>
    </message>
    <message>
        <source>{number} {name} ({why})</source>
        <translation>{number} {name}（{why}）</translation>
    </message>
    <message>
        <source>Import from Excel</source>
        <translation>从 Excel 导入</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>选择(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Sheet:</source>
        <translation>工作表(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Duplicates:</source>
        <translation>重复记录(&amp;D)：</translation>
    </message>
    <message>
        <source>Columns (matched from their titles; change a field where it is wrong)</source>
        <translation>列（已按标题自动匹配；如有错误请修改字段）</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Chec&amp;k (Dry Run)</source>
        <translation>检查(&amp;K)（试运行）</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <source>ordinary</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>valuable (a manager approves its loans)</source>
        <translation>贵重（借阅由经理审批）</translation>
    </message>
    <message>
        <source>Give the item number and a description.</source>
        <translation>请填写物品编号和描述。</translation>
    </message>
    <message>
        <source>Register an Item</source>
        <translation>登记物品</translation>
    </message>
    <message>
        <source>Item &amp;number:</source>
        <translation>物品编号(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类别(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>描述(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Value class:</source>
        <translation>价值等级(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Customer:</source>
        <translation>客户(&amp;C)：</translation>
    </message>
    <message>
        <source>archive number (optional)</source>
        <translation>档案编号（可不填）</translation>
    </message>
    <message>
        <source>&amp;Shelf:</source>
        <translation>存放位置(&amp;S)：</translation>
    </message>
    <message>
        <source>C&amp;ustodian:</source>
        <translation>保管员(&amp;U)：</translation>
    </message>
    <message>
        <source>user name (optional: anyone with the custodian role)</source>
        <translation>用户名（可不填：任一档案管理员）</translation>
    </message>
    <message>
        <source>Already in our custody (a customer&apos;s material)</source>
        <translation>已由我方保管（客户材料）</translation>
    </message>
</context>
<context>
    <name>LoanActionDialog</name>
    <message>
        <source>This needs a note.</source>
        <translation>此项需要填写说明。</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>说明(&amp;N)：</translation>
    </message>
    <message>
        <source>Received &amp;by:</source>
        <translation>接收人(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;New due date:</source>
        <translation>新的归还日期(&amp;N)：</translation>
    </message>
    <message>
        <source>It came back &amp;damaged</source>
        <translation>归还时已损坏(&amp;D)</translation>
    </message>
</context>
<context>
    <name>LoanRegister</name>
    <message>
        <source>in store</source>
        <translation>在库</translation>
    </message>
    <message>
        <source>lent out</source>
        <translation>已借出</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>遗失</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>损坏</translation>
    </message>
    <message>
        <source>with its owner</source>
        <translation>在物主处</translation>
    </message>
    <message>
        <source>dossier</source>
        <translation>档案卷宗</translation>
    </message>
    <message>
        <source>sample</source>
        <translation>样品</translation>
    </message>
    <message>
        <source>equipment</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>document</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>customer&apos;s material</source>
        <translation>客户材料</translation>
    </message>
    <message>
        <source>{state}, overdue {days} d</source>
        <translation>{state}，逾期 {days} 天</translation>
    </message>
    <message>
        <source>{state}, due soon</source>
        <translation>{state}，即将到期</translation>
    </message>
    <message>
        <source>{state} (taken in)</source>
        <translation>{state}（代为保管）</translation>
    </message>
    <message>
        <source>#</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <source>Description / customer</source>
        <translation>描述 / 客户</translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation>借用人</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>应还日期</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Tell</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Back since</source>
        <translation>归还时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Shelf</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>预约队列</translation>
    </message>
    <message>
        <source>All loans</source>
        <translation>全部借阅</translation>
    </message>
    <message>
        <source>Open (requested, approved, out)</source>
        <translation>未结（已申请、已批准、借出中）</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已归还</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>遗失</translation>
    </message>
    <message>
        <source>Today ({n})</source>
        <translation>今日（{n}）</translation>
    </message>
    <message>
        <source>To hand out</source>
        <translation>待借出</translation>
    </message>
    <message>
        <source>To collect (due soon)</source>
        <translation>待收回（即将到期）</translation>
    </message>
    <message>
        <source>Waiting for approval</source>
        <translation>等待审批</translation>
    </message>
    <message>
        <source>{title} ({n})</source>
        <translation>{title}（{n}）</translation>
    </message>
    <message>
        <source>Archive Register</source>
        <translation>档案借阅登记簿</translation>
    </message>
    <message>
        <source>{no} {description}{owner}: {state}.</source>
        <translation>{no} {description}{owner}：{state}。</translation>
    </message>
    <message>
        <source>Approved for {who} until {due}: hand it out?</source>
        <translation>已批准借给 {who}，至 {due}：现在借出？</translation>
    </message>
    <message>
        <source>Out to {who}, due {due}: take it back?</source>
        <translation>已借给 {who}，应于 {due} 归还：现在收回？</translation>
    </message>
    <message>
        <source>Nothing to hand out or take back.</source>
        <translation>没有可借出或可收回的借阅。</translation>
    </message>
    <message>
        <source>No item is numbered {no}.</source>
        <translation>没有编号为 {no} 的物品。</translation>
    </message>
    <message>
        <source>Loan #{id}: {no} {description} — {who}</source>
        <translation>借阅 #{id}：{no} {description} — {who}</translation>
    </message>
    <message>
        <source>Handed out {no} to {who}, due back {due}.</source>
        <translation>已将 {no} 借给 {who}，应于 {due} 归还。</translation>
    </message>
    <message>
        <source>Hand Out</source>
        <translation>借出</translation>
    </message>
    <message>
        <source>&amp;Condition:</source>
        <translation>物品状况(&amp;C)：</translation>
    </message>
    <message>
        <source>Say what condition the item leaves in.</source>
        <translation>请填写物品借出时的状况。</translation>
    </message>
    <message>
        <source>{no} is back.</source>
        <translation>{no} 已归还。</translation>
    </message>
    <message>
        <source>{who} is first in the queue: tell them.</source>
        <translation>{who} 排在预约队列第一位：请通知。</translation>
    </message>
    <message>
        <source>Take Back</source>
        <translation>归还</translation>
    </message>
    <message>
        <source>Loan #{id} requested; it waits for approval.</source>
        <translation>借阅 #{id} 已申请，等待审批。</translation>
    </message>
    <message>
        <source>Loan #{id} approved; the custodian can hand it out.</source>
        <translation>借阅 #{id} 已批准，保管员可以借出。</translation>
    </message>
    <message>
        <source>Loan #{id} approved.</source>
        <translation>借阅 #{id} 已批准。</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>&amp;Why:</source>
        <translation>原因(&amp;W)：</translation>
    </message>
    <message>
        <source>Loan #{id} rejected.</source>
        <translation>借阅 #{id} 已驳回。</translation>
    </message>
    <message>
        <source>Cancel Loan</source>
        <translation>取消借阅</translation>
    </message>
    <message>
        <source>Loan #{id} cancelled.</source>
        <translation>借阅 #{id} 已取消。</translation>
    </message>
    <message>
        <source>Mark Lost</source>
        <translation>登记遗失</translation>
    </message>
    <message>
        <source>&amp;What happened:</source>
        <translation>经过(&amp;W)：</translation>
    </message>
    <message>
        <source>{no} marked lost.</source>
        <translation>{no} 已登记为遗失。</translation>
    </message>
    <message>
        <source>Loan #{id} renewed until {due}.</source>
        <translation>借阅 #{id} 已续借至 {due}。</translation>
    </message>
    <message>
        <source>Renewal of loan #{id} requested; it waits for approval.</source>
        <translation>借阅 #{id} 的续借已申请，等待审批。</translation>
    </message>
    <message>
        <source>Renew</source>
        <translation>续借</translation>
    </message>
    <message>
        <source>You are in the queue for {no}.</source>
        <translation>您已排入 {no} 的预约队列。</translation>
    </message>
    <message>
        <source>Reserve</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>用途(&amp;P)：</translation>
    </message>
    <message>
        <source>Item {no} registered.</source>
        <translation>物品 {no} 已登记。</translation>
    </message>
    <message>
        <source>{no} is back in store.</source>
        <translation>{no} 已回到库中。</translation>
    </message>
    <message>
        <source>Save Loan Slip</source>
        <translation>保存借阅单</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Loan slip saved to {path}.</source>
        <translation>借阅单已保存到 {path}。</translation>
    </message>
    <message>
        <source>Save Labels</source>
        <translation>保存标签</translation>
    </message>
    <message>
        <source>{n} label(s) saved to {path}.</source>
        <translation>{n} 张标签已保存到 {path}。</translation>
    </message>
    <message>
        <source>Export the Register</source>
        <translation>导出登记簿</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>{n} loan(s) exported to {path}.</source>
        <translation>{n} 条借阅已导出到 {path}。</translation>
    </message>
    <message>
        <source>&amp;Scan:</source>
        <translation>扫描(&amp;S)：</translation>
    </message>
    <message>
        <source>Scan or type an item number, then press Enter</source>
        <translation>扫描或输入物品编号，然后按回车</translation>
    </message>
    <message>
        <source>&amp;Hand Out…</source>
        <translation>借出(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Take Back…</source>
        <translation>归还(&amp;T)…</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Back for the first in the queue: tell them</source>
        <translation>已归还、等待通知的预约</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>登记簿</translation>
    </message>
    <message>
        <source>Item, borrower, purpose or customer</source>
        <translation>物品、借用人、用途或客户</translation>
    </message>
    <message>
        <source>Item number</source>
        <translation>物品编号</translation>
    </message>
    <message>
        <source>Customer archive number</source>
        <translation>客户档案编号</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>物品</translation>
    </message>
    <message>
        <source>Item number, description or customer</source>
        <translation>物品编号、描述或客户</translation>
    </message>
    <message>
        <source>&amp;Add Item…</source>
        <translation>登记物品(&amp;A)…</translation>
    </message>
    <message>
        <source>Found / &amp;Repaired</source>
        <translation>已找到 / 已修复(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Labels PDF…</source>
        <translation>标签 PDF(&amp;L)…</translation>
    </message>
    <message>
        <source>Re&amp;quest…</source>
        <translation>申请借阅(&amp;Q)…</translation>
    </message>
    <message>
        <source>A&amp;pprove</source>
        <translation>批准(&amp;P)</translation>
    </message>
    <message>
        <source>Re&amp;ject…</source>
        <translation>驳回(&amp;J)…</translation>
    </message>
    <message>
        <source>Re&amp;new…</source>
        <translation>续借(&amp;N)…</translation>
    </message>
    <message>
        <source>Reser&amp;ve…</source>
        <translation>预约(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Cancel Loan…</source>
        <translation>取消借阅(&amp;C)…</translation>
    </message>
    <message>
        <source>Mark &amp;Lost…</source>
        <translation>登记遗失(&amp;L)…</translation>
    </message>
    <message>
        <source>Loan &amp;Slip PDF…</source>
        <translation>借阅单 PDF(&amp;S)…</translation>
    </message>
    <message>
        <source>E&amp;xport to Excel…</source>
        <translation>导出到 Excel(&amp;X)…</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
</context>
<context>
    <name>LoanRequestDialog</name>
    <message>
        <source>colleague</source>
        <translation>同事</translation>
    </message>
    <message>
        <source>department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>outside party</source>
        <translation>外部单位</translation>
    </message>
    <message>
        <source>lent out (the item leaves the archive)</source>
        <translation>借出（物品离开档案室）</translation>
    </message>
    <message>
        <source>taken in (a customer&apos;s material into custody)</source>
        <translation>代为保管（接收客户材料）</translation>
    </message>
    <message>
        <source>Give the item number and the purpose.</source>
        <translation>请填写物品编号和用途。</translation>
    </message>
    <message>
        <source>Request a Loan</source>
        <translation>申请借阅</translation>
    </message>
    <message>
        <source>&amp;Item number:</source>
        <translation>物品编号(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Borrower:</source>
        <translation>借用人(&amp;B)：</translation>
    </message>
    <message>
        <source>you, a department or an outside party</source>
        <translation>您本人、某部门或外部单位</translation>
    </message>
    <message>
        <source>Borrower &amp;kind:</source>
        <translation>借用人类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Direction:</source>
        <translation>方向(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>用途(&amp;P)：</translation>
    </message>
    <message>
        <source>Wanted &amp;from:</source>
        <translation>借用起始(&amp;F)：</translation>
    </message>
    <message>
        <source>Wanted &amp;until:</source>
        <translation>借用至(&amp;U)：</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>&amp;Log In</source>
        <translation>登录(&amp;L)</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>Choose Your Password</source>
        <translation>设定您的密码</translation>
    </message>
    <message>
        <source>&amp;Change Password</source>
        <translation>更改密码(&amp;C)</translation>
    </message>
    <message>
        <source>The account {user} is deactivated. Ask your administrator.</source>
        <translation>账户 {user} 已停用。请联系管理员。</translation>
    </message>
    <message>
        <source>The account {user} has no password yet: an administrator must set one first.</source>
        <translation>账户 {user} 还没有密码：须先由管理员设定。</translation>
    </message>
    <message>
        <source>Unknown user name or wrong password. Check Caps Lock and the keyboard layout, and try again.</source>
        <translation>用户名不存在或密码错误。请检查大写锁定和键盘布局后重试。</translation>
    </message>
    <message>
        <source>You can try again now.</source>
        <translation>现在可以重试了。</translation>
    </message>
    <message>
        <source>Too many failed logins for {user}. Try again in {n} seconds.</source>
        <translation>{user} 登录失败次数过多。请在 {n} 秒后重试。</translation>
    </message>
    <message>
        <source>A password needs at least {n} characters.</source>
        <translation>密码至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Choose a password other than the one your administrator gave you.</source>
        <translation>请设定一个与管理员给您的密码不同的密码。</translation>
    </message>
    <message>
        <source>Saving the password…</source>
        <translation>正在保存密码…</translation>
    </message>
    <message>
        <source>That password cannot be used; choose another.</source>
        <translation>不能使用该密码，请另选一个。</translation>
    </message>
    <message>
        <source>Log In</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Several people work with this archive. Log in with your user name and password.</source>
        <translation>此档案库由多人共同使用。请用您的用户名和密码登录。</translation>
    </message>
    <message>
        <source>Archive:</source>
        <translation>档案库：</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Your administrator set the password you just used. Choose your own password now; nobody else will know it.</source>
        <translation>您刚才使用的密码是管理员设定的。请现在设定您自己的密码，他人不会知道。</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>再次输入(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Open Read-Onl&amp;y…</source>
        <translation>以只读方式打开(&amp;Y)…</translation>
    </message>
    <message>
        <source>Opening {path}…</source>
        <translation>正在打开 {path}…</translation>
    </message>
    <message>
        <source>Opening the archive…</source>
        <translation>正在打开档案库…</translation>
    </message>
    <message>
        <source>The system keyring is locked, so the passphrase could not be read from it. Enter the passphrase of this archive.</source>
        <translation>系统密钥环已锁定，无法从中读取密码短语。请输入此档案库的密码短语。</translation>
    </message>
    <message>
        <source>Enter the passphrase of this archive.</source>
        <translation>请输入此档案库的密码短语。</translation>
    </message>
    <message>
        <source>No system keyring is available on this computer, so the passphrase is asked each time. Enter it to open the archive.</source>
        <translation>本机没有可用的系统密钥环，因此每次都需要输入密码短语。请输入以打开档案库。</translation>
    </message>
    <message>
        <source>The passphrase remembered in the keyring no longer opens this archive; it may have been changed on another computer.</source>
        <translation>密钥环中记住的密码短语已无法打开此档案库，可能已在另一台电脑上更改。</translation>
    </message>
    <message>
        <source>The system keyring did not answer. Enter the passphrase of this archive.</source>
        <translation>系统密钥环没有响应。请输入此档案库的密码短语。</translation>
    </message>
    <message>
        <source>Cannot open the archive</source>
        <translation>无法打开档案库</translation>
    </message>
    <message>
        <source>The passphrase could not be stored in the system keyring.</source>
        <translation>未能将密码短语保存到系统密钥环。</translation>
    </message>
    <message>
        <source>The daily backup could not be written: {problem}</source>
        <translation>无法写入每日备份：{problem}</translation>
    </message>
    <message>
        <source>Daily backup written to {path}.</source>
        <translation>每日备份已写入 {path}。</translation>
    </message>
    <message>
        <source>Audit Log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>The audit log of this archive is not what this computer saw before: {problem}.

Someone may have removed or rewritten entries, or an older copy of the archive was put back. Tell your administrator; the audit log view can verify the whole chain.</source>
        <translation>此档案库的审计日志与本机先前所见不符：{problem}。

可能有人删除或改写了日志条目，或者放回了档案库的旧副本。请告知管理员；审计日志窗口可以校验整条日志链。</translation>
    </message>
    <message>
        <source>Several people work with this archive. Log in to see its customers.</source>
        <translation>此档案库由多人共同使用。请登录后查看客户。</translation>
    </message>
    <message>
        <source>&amp;Log In…</source>
        <translation>登录(&amp;L)…</translation>
    </message>
    <message>
        <source>Requests waiting for your decision: {n}</source>
        <translation>待您审批的申请：{n}</translation>
    </message>
    <message>
        <source>Your requests still waiting: {n}</source>
        <translation>您待审批的申请：{n}</translation>
    </message>
    <message>
        <source>Open the approvals (Ctrl+Shift+A)</source>
        <translation>打开审批（Ctrl+Shift+A）</translation>
    </message>
    <message>
        <source>Open Archive</source>
        <translation>打开档案库</translation>
    </message>
    <message>
        <source>Open Archive Read-Only</source>
        <translation>以只读方式打开档案库</translation>
    </message>
    <message>
        <source>Customer archives (*{suffix});;All files (*)</source>
        <translation>客户档案库 (*{suffix});;所有文件 (*)</translation>
    </message>
    <message>
        <source>New archive{suffix}</source>
        <translation>新档案库{suffix}</translation>
    </message>
    <message>
        <source>The archive is locked.</source>
        <translation>档案库已锁定。</translation>
    </message>
    <message>
        <source>The archive was locked after {n} minutes without use.</source>
        <translation>档案库在 {n} 分钟无操作后已自动锁定。</translation>
    </message>
    <message>
        <source>The archive is locked. Enter its passphrase to go on.</source>
        <translation>档案库已锁定。请输入密码短语以继续。</translation>
    </message>
    <message>
        <source>File: {path}
Archive id: {id}
Schema version: {schema}
Key: {key}
Open by: {sessions}</source>
        <translation>文件：{path}
档案库标识：{id}
结构版本：{schema}
密钥：{key}
打开者：{sessions}</translation>
    </message>
    <message>
        <source>Drive: a network drive ({fs}); the program keeps its writes short and waits for other computers.</source>
        <translation>驱动器：网络驱动器（{fs}）；程序保持写入简短，并等待其他计算机。</translation>
    </message>
    <message>
        <source>Drive: {fs}</source>
        <translation>驱动器：{fs}</translation>
    </message>
    <message>
        <source>Opened read-only: nothing can be changed.</source>
        <translation>以只读方式打开：不能做任何修改。</translation>
    </message>
    <message>
        <source>Archive Information</source>
        <translation>档案库信息</translation>
    </message>
    <message>
        <source>Restore from Backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Restoring a backup replaces everyone&apos;s data: ask a manager or an administrator.</source>
        <translation>恢复备份会替换所有人的数据：请联系经理或管理员。</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>正在检查备份…</translation>
    </message>
    <message>
        <source>This backup is not restored: {reason}. Nothing was changed.</source>
        <translation>未恢复此备份：{reason}。没有做任何更改。</translation>
    </message>
    <message>
        <source>Others have the archive open ({users}). Ask them to close it first: a restore replaces the file under them.</source>
        <translation>其他人正在使用档案库（{users}）。请先让他们关闭：恢复会替换他们正在使用的文件。</translation>
    </message>
    <message>
        <source>The backup {path} passed every check: {customers} customers, {contacts} contacts, {entries} audit entries, the audit chain intact.

Restoring replaces the archive with it. The current file is kept beside it, renamed. Restore now?</source>
        <translation>备份 {path} 通过了全部检查：{customers} 个客户，{contacts} 个联系人，{entries} 条审计记录，审计链完整。

恢复将用它替换档案库。当前文件会改名后保留在旁边。现在恢复吗？</translation>
    </message>
    <message>
        <source>The archive was restored from {path}. The file before the restore was kept as {previous}.</source>
        <translation>档案库已从 {path} 恢复。恢复前的文件保留为 {previous}。</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>正在恢复备份…</translation>
    </message>
    <message>
        <source>Check Archive</source>
        <translation>检查档案库</translation>
    </message>
    <message>
        <source>The archive is sound: SQLite&apos;s and SQLCipher&apos;s integrity checks found no problem (schema version {v}).</source>
        <translation>档案库完好：SQLite 与 SQLCipher 完整性检查均未发现问题（结构版本 {v}）。</translation>
    </message>
    <message>
        <source>The integrity checks found problems:
{problems}
Restore a backup, or ask your administrator.</source>
        <translation>完整性检查发现问题：
{problems}
请恢复备份，或联系管理员。</translation>
    </message>
    <message>
        <source>Checking the archive…</source>
        <translation>正在检查档案库…</translation>
    </message>
    <message>
        <source>The passphrase was changed.</source>
        <translation>密码短语已更改。</translation>
    </message>
    <message>
        <source>The keyring now holds the new passphrase.</source>
        <translation>密钥环中已保存新的密码短语。</translation>
    </message>
    <message>
        <source>The passphrase was removed from the system keyring; it will be asked next time.</source>
        <translation>已从系统密钥环中删除密码短语，下次打开时将询问。</translation>
    </message>
    <message>
        <source>The system keyring held no passphrase for this archive.</source>
        <translation>系统密钥环中没有此档案库的密码短语。</translation>
    </message>
    <message>
        <source>The system keyring is locked; nothing was removed.</source>
        <translation>系统密钥环已锁定，未删除任何内容。</translation>
    </message>
    <message>
        <source>No system keyring is available here.</source>
        <translation>此处没有可用的系统密钥环。</translation>
    </message>
    <message>
        <source>Forget Remembered Key</source>
        <translation>忘记已记住的密钥</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>The new language takes effect when Customer Archive is restarted.</source>
        <translation>新语言将在重新启动客户档案后生效。</translation>
    </message>
    <message>
        <source>About Customer Archive</source>
        <translation>关于客户档案</translation>
    </message>
    <message>
        <source>{name} – Customer Archive</source>
        <translation>{name} – 客户档案</translation>
    </message>
    <message>
        <source>Waiting for the shared archive…</source>
        <translation>正在等待共享档案库…</translation>
    </message>
    <message>
        <source>The archive cannot be reached: waiting for it to come back (your work stays on screen)…</source>
        <translation>无法访问档案库：正在等待其恢复（您的工作保留在屏幕上）…</translation>
    </message>
    <message>
        <source>The passphrase of this archive was changed on another computer. Enter the new passphrase to go on; your open cards come back as they were.</source>
        <translation>此档案库的密码短语已在另一台计算机上更改。请输入新密码短语继续；您打开的资料卡会原样恢复。</translation>
    </message>
    <message>
        <source>&amp;Who Is Working</source>
        <translation>谁在使用(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>备份(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Restore from Backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Analysis…</source>
        <translation>客户资料分析(&amp;A)…</translation>
    </message>
    <message>
        <source>Archive &amp;Register…</source>
        <translation>档案借阅登记簿(&amp;R)…</translation>
    </message>
    <message>
        <source>Opened with the key from the system keyring.</source>
        <translation>已使用系统密钥环中的密钥打开。</translation>
    </message>
    <message>
        <source>Opened with the passphrase.</source>
        <translation>已使用密码短语打开。</translation>
    </message>
    <message>
        <source>Customer Archive {version}</source>
        <translation>客户档案 {version}</translation>
    </message>
    <message>
        <source>Customer files for small offices, kept in one encrypted file.</source>
        <translation>为小型办公室保管客户档案，全部存放在一个加密文件中。</translation>
    </message>
    <message>
        <source>Archive format version {n} ({path})</source>
        <translation>档案库格式版本 {n}（{path}）</translation>
    </message>
    <message>
        <source>SQLCipher {version}</source>
        <translation>SQLCipher {version}</translation>
    </message>
    <message>
        <source>Built with these libraries, under their licences:</source>
        <translation>本程序使用以下程序库，遵循各自的许可证：</translation>
    </message>
    <message>
        <source>Qt and Qt for Python are used under the GNU LGPL version 3: you may replace them with your own build; their source is at the addresses above.</source>
        <translation>Qt 和 Qt for Python 依据 GNU LGPL 第 3 版使用：您可以用自己构建的版本替换它们；其源代码见上方地址。</translation>
    </message>
    <message>
        <source>{name} – {user} – Customer Archive</source>
        <translation>{name} – {user} – 客户档案</translation>
    </message>
    <message>
        <source>{title} (read-only)</source>
        <translation>{title}（只读）</translation>
    </message>
    <message>
        <source>Read-only: nothing can be changed</source>
        <translation>只读：不能做任何修改</translation>
    </message>
    <message>
        <source>The archive can be reached again.</source>
        <translation>档案库已恢复连接。</translation>
    </message>
    <message>
        <source>{user} · {role}</source>
        <translation>{user} · {role}</translation>
    </message>
    <message>
        <source>{user} on {computer}</source>
        <translation>{user}（{computer}）</translation>
    </message>
    <message>
        <source>(you)</source>
        <translation>（您）</translation>
    </message>
    <message>
        <source>Also open by: {users}</source>
        <translation>同时打开者：{users}</translation>
    </message>
    <message>
        <source>Customer Archive</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>&amp;Unlock…</source>
        <translation>解锁(&amp;U)…</translation>
    </message>
    <message>
        <source>No archive is open.</source>
        <translation>未打开任何档案库。</translation>
    </message>
    <message>
        <source>&amp;New Archive…</source>
        <translation>新建档案库(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open Archive…</source>
        <translation>打开档案库(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Office</source>
        <translation>办公(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>&amp;Close Archive</source>
        <translation>关闭档案库(&amp;C)</translation>
    </message>
    <message>
        <source>Ctrl+W</source>
        <translation>Ctrl+W</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>S&amp;witch User…</source>
        <translation>切换用户(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Approvals…</source>
        <translation>审批(&amp;A)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <source>&amp;Handover…</source>
        <translation>离职交接(&amp;H)…</translation>
    </message>
    <message>
        <source>Audit &amp;Log…</source>
        <translation>审计日志(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>用户管理(&amp;U)…</translation>
    </message>
    <message>
        <source>Archive &amp;Information…</source>
        <translation>档案库信息(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Check Archive</source>
        <translation>检查档案库(&amp;C)</translation>
    </message>
    <message>
        <source>Change Passp&amp;hrase…</source>
        <translation>更改密码短语(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Forget Remembered Key</source>
        <translation>忘记已记住的密钥(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;About Customer Archive</source>
        <translation>关于客户档案(&amp;A)</translation>
    </message>
</context>
<context>
    <name>NewArchiveDialog</name>
    <message>
        <source>New Archive</source>
        <translation>新建档案库</translation>
    </message>
    <message>
        <source>Welcome to Customer Archive. Your customer files are kept in one encrypted archive file. Choose its passphrase: without it nobody, not even you, can open the file, so keep it safe.</source>
        <translation>欢迎使用客户档案。您的客户资料保存在一个加密的档案库文件中。请为它设置密码短语：没有密码短语，任何人（包括您自己）都无法打开该文件，请妥善保管。</translation>
    </message>
    <message>
        <source>The keyring of your computer account opens the archive without asking.</source>
        <translation>您电脑账户的密钥环将自动打开档案库，无需每次输入。</translation>
    </message>
    <message>
        <source>No system keyring is available here: the passphrase will be asked each time.</source>
        <translation>此处没有可用的系统密钥环：每次打开都需要输入密码短语。</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>创建(&amp;C)</translation>
    </message>
    <message>
        <source>Customer archives (*{suffix})</source>
        <translation>客户档案库 (*{suffix})</translation>
    </message>
    <message>
        <source>Choose where to keep the archive.</source>
        <translation>请选择档案库的保存位置。</translation>
    </message>
    <message>
        <source>Creating the archive…</source>
        <translation>正在创建档案库…</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <source>Tick when the date is known</source>
        <translation>已知日期时请勾选</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>New Archive</source>
        <translation>新建档案库</translation>
    </message>
    <message>
        <source>Choose a passphrase for the archive. Everything in the archive is encrypted with it; without it nobody, not even you, can open the file.</source>
        <translation>请为档案库设置密码短语。档案库中的全部内容都用它加密；没有它，任何人（包括您自己）都无法打开该文件。</translation>
    </message>
    <message>
        <source>Archive &amp;file:</source>
        <translation>档案库文件(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Current passphrase:</source>
        <translation>当前密码短语(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>密码短语(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>再次输入(&amp;R)：</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>强度：</translation>
    </message>
    <message>
        <source>&amp;Remember the passphrase in the system keyring</source>
        <translation>在系统密钥环中记住密码短语(&amp;R)</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>A new language takes effect when the program is restarted.</source>
        <translation>新语言将在程序重新启动后生效。</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Lock after idle:</source>
        <translation>空闲后锁定(&amp;L)：</translation>
    </message>
</context>
<context>
    <name>PresencePanel</name>
    <message>
        <source>Who Is Working</source>
        <translation>谁在使用</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>计算机</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>开始于</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最近在线</translation>
    </message>
    <message>
        <source>Each program checks in every 30 seconds; one that has not for {n} minutes (closed without saying so, or cut off) is no longer listed.</source>
        <translation>每个程序每 30 秒报到一次；{n} 分钟未报到的（未正常关闭或已断开）不再列出。</translation>
    </message>
    <message>
        <source>No archive is open.</source>
        <translation>没有打开的档案库。</translation>
    </message>
    <message>
        <source>Only you have the archive open.</source>
        <translation>只有您打开了档案库。</translation>
    </message>
    <message>
        <source>{n} other people have the archive open.</source>
        <translation>另有 {n} 人打开了档案库。</translation>
    </message>
    <message>
        <source>One other person has the archive open.</source>
        <translation>另有一人打开了档案库。</translation>
    </message>
    <message>
        <source>(you)</source>
        <translation>（您）</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>ServiceErrors</name>
    <message>
        <source>--anchor takes ID:HASH, the newest entry as audit verify printed it (an entry number and a 64-digit SHA-256), not {text!r}.</source>
        <translation>--anchor 应为 ID:HASH，即 audit verify 所列出的最新条目（条目编号加 64 位 SHA-256），而不是 {text!r}。</translation>
    </message>
    <message>
        <source>--grade {grade!r}: one of A, B, C, D or unrated.</source>
        <translation>--grade {grade!r}：只能是 A、B、C、D 或 unrated。</translation>
    </message>
    <message>
        <source>--keep wants DAILY,WEEKLY,MONTHLY counts such as 7,4,6, not {text!r}.</source>
        <translation>--keep 应为“每日,每周,每月”的份数，例如 7,4,6，而不是 {text!r}。</translation>
    </message>
    <message>
        <source>--limit cannot be negative.</source>
        <translation>--limit 不能为负数。</translation>
    </message>
    <message>
        <source>--map {item!r}: expected COLUMN=FIELD (e.g. D=phone).</source>
        <translation>--map {item!r}：格式应为 列=字段（例如 D=phone）。</translation>
    </message>
    <message>
        <source>--on-duplicate must be one of {choices}, not {on_duplicate!r}.</source>
        <translation>--on-duplicate 必须是 {choices} 之一，而不是 {on_duplicate!r}。</translation>
    </message>
    <message>
        <source>--set {item!r}: expected NAME=VALUE.</source>
        <translation>--set {item!r}：格式应为 名称=值。</translation>
    </message>
    <message>
        <source>--status/--tier: {message}.</source>
        <translation>--status/--tier：{message}。</translation>
    </message>
    <message>
        <source>--{which} {value!r}: {message}.</source>
        <translation>--{which} {value!r}：{message}。</translation>
    </message>
    <message>
        <source>A backup cannot replace the archive itself.</source>
        <translation>备份不能覆盖档案库本身。</translation>
    </message>
    <message>
        <source>A customer cannot be merged with itself.</source>
        <translation>客户不能与自身合并。</translation>
    </message>
    <message>
        <source>A display name has at most {MAX_DISPLAY_NAME} characters.</source>
        <translation>显示名称最多 {MAX_DISPLAY_NAME} 个字符。</translation>
    </message>
    <message>
        <source>A full export needs a manager&apos;s approval: it was filed as request #{request_id}; once approved, export again.</source>
        <translation>完整导出需要经理审批：已提交为申请 #{request_id}；批准后请再次导出。</translation>
    </message>
    <message>
        <source>A new item is in store or with its owner.</source>
        <translation>新物品只能是在库或在所有人处。</translation>
    </message>
    <message>
        <source>A password is required.</source>
        <translation>必须填写密码。</translation>
    </message>
    <message>
        <source>A password must have at least {MIN_PASSWORD_LENGTH} characters.</source>
        <translation>密码至少需要 {MIN_PASSWORD_LENGTH} 个字符。</translation>
    </message>
    <message>
        <source>A region has at most {MAX_REGION} characters.</source>
        <translation>区域最多 {MAX_REGION} 个字符。</translation>
    </message>
    <message>
        <source>A regional manager needs a region.</source>
        <translation>区域经理必须指定区域。</translation>
    </message>
    <message>
        <source>A renewal of loan #{loan_id} already waits for a decision.</source>
        <translation>借阅 #{loan_id} 已有一项续借申请在等待审批。</translation>
    </message>
    <message>
        <source>A user name has at most {MAX_USER_NAME} characters and no control characters.</source>
        <translation>用户名最多 {MAX_USER_NAME} 个字符，且不能含控制字符。</translation>
    </message>
    <message>
        <source>A user name is required.</source>
        <translation>必须填写用户名。</translation>
    </message>
    <message>
        <source>An audit entry needs a user name.</source>
        <translation>审计条目必须有用户名。</translation>
    </message>
    <message>
        <source>An audit entry needs an action.</source>
        <translation>审计条目必须有操作。</translation>
    </message>
    <message>
        <source>Archive number {archive_no} is already used.</source>
        <translation>档案编号 {archive_no} 已被使用。</translation>
    </message>
    <message>
        <source>Cancelled: nothing printed.</source>
        <translation>已取消：未打印任何内容。</translation>
    </message>
    <message>
        <source>Cannot change {fields_named} of an item.</source>
        <translation>不能修改物品的 {fields_named}。</translation>
    </message>
    <message>
        <source>Cannot read {path}: {strerror}.</source>
        <translation>无法读取 {path}：{strerror}。</translation>
    </message>
    <message>
        <source>Cannot sort by {sort!r}.</source>
        <translation>无法按 {sort!r} 排序。</translation>
    </message>
    <message>
        <source>Cannot write {path}: permission denied.</source>
        <translation>无法写入 {path}：没有权限。</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}.</source>
        <translation>无法写入 {path}：{reason}。</translation>
    </message>
    <message>
        <source>Customer {archive_no} is outside what you may see; ask a manager for access (customers request-access).</source>
        <translation>客户 {archive_no} 不在您的查看范围内；请向经理申请访问权限（customers request-access）。</translation>
    </message>
    <message>
        <source>Customer {customer_id} does not exist (any more).</source>
        <translation>客户 {customer_id} 不存在（或已被删除）。</translation>
    </message>
    <message>
        <source>Customer {customer_id} no longer exists.</source>
        <translation>客户 {customer_id} 已不存在。</translation>
    </message>
    <message>
        <source>Customer {customer_id} was changed by someone else meanwhile.</source>
        <translation>客户 {customer_id} 已在此期间被其他人修改。</translation>
    </message>
    <message>
        <source>Customer {id} was changed by someone else meanwhile (version {current_version}, you started from {your_version}).</source>
        <translation>客户 {id} 已在此期间被其他人修改（当前为第 {current_version} 版，您是从第 {your_version} 版开始修改的）。</translation>
    </message>
    <message>
        <source>Deleting {archive_no} needs a manager&apos;s approval: it was filed as request #{request_id}.</source>
        <translation>删除 {archive_no} 需要经理审批：已提交为申请 #{request_id}。</translation>
    </message>
    <message>
        <source>Give a reason for the request.</source>
        <translation>请填写申请理由。</translation>
    </message>
    <message>
        <source>Handover #{hid} is between {from_user} and {to_user}; only they and managers may print it.</source>
        <translation>离职交接 #{hid} 由 {from_user} 交给 {to_user}；只有他们二人和经理可以打印。</translation>
    </message>
    <message>
        <source>Handover {handover!r}: expected its number.</source>
        <translation>离职交接 {handover!r}：请填写交接编号。</translation>
    </message>
    <message>
        <source>Invalid input: {text}</source>
        <translation>输入无效：{text}</translation>
    </message>
    <message>
        <source>Item number {item_no} is already used.</source>
        <translation>物品编号 {item_no} 已被使用。</translation>
    </message>
    <message>
        <source>Item {item_no} belongs to a customer outside what you may see.</source>
        <translation>物品 {item_no} 属于您查看范围以外的客户。</translation>
    </message>
    <message>
        <source>Item {item_no} is already out.</source>
        <translation>物品 {item_no} 已借出。</translation>
    </message>
    <message>
        <source>Item {item_no} is marked lost.</source>
        <translation>物品 {item_no} 已登记为遗失。</translation>
    </message>
    <message>
        <source>Item {item_no} is not out: request it instead of queueing for it.</source>
        <translation>物品 {item_no} 未借出：请直接申请借阅，无需排队预约。</translation>
    </message>
    <message>
        <source>Item {item_no} is {state}, not lost or damaged.</source>
        <translation>物品 {item_no} 的状态为“{state}”，不是遗失或损坏。</translation>
    </message>
    <message>
        <source>Item {item_no} was changed by someone else meanwhile.</source>
        <translation>物品 {item_no} 已在此期间被其他人修改。</translation>
    </message>
    <message>
        <source>Item {item_no}: {problem}</source>
        <translation>物品 {item_no}：{problem}</translation>
    </message>
    <message>
        <source>Keep at least one daily backup; counts cannot be negative.</source>
        <translation>至少保留一份每日备份；份数不能为负数。</translation>
    </message>
    <message>
        <source>Likely duplicate of: {listed}. Add --allow-duplicate to add it anyway.</source>
        <translation>可能与以下客户重复：{listed}。如仍要添加，请加上 --allow-duplicate。</translation>
    </message>
    <message>
        <source>Loan #{id} cannot move on: another save of its item was first.</source>
        <translation>借阅 #{id} 无法继续办理：该物品的另一项保存操作已先完成。</translation>
    </message>
    <message>
        <source>Loan #{id} was changed by someone else meanwhile.</source>
        <translation>借阅 #{id} 已在此期间被其他人修改。</translation>
    </message>
    <message>
        <source>Loan #{loan_id} has no request waiting for a decision.</source>
        <translation>借阅 #{loan_id} 没有等待审批的申请。</translation>
    </message>
    <message>
        <source>Loan #{loan_id} is no longer out; it cannot be renewed.</source>
        <translation>借阅 #{loan_id} 已不在借出状态，无法续借。</translation>
    </message>
    <message>
        <source>Loan #{loan_id} is no longer waiting.</source>
        <translation>借阅 #{loan_id} 已不在等待状态。</translation>
    </message>
    <message>
        <source>Loan #{loan_id} was changed by someone else meanwhile.</source>
        <translation>借阅 #{loan_id} 已在此期间被其他人修改。</translation>
    </message>
    <message>
        <source>Log in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <source>Log in first: this archive has several users.</source>
        <translation>请先登录：此档案库有多个用户。</translation>
    </message>
    <message>
        <source>Merging removes a card: ask a manager to merge these two customers.</source>
        <translation>合并会删除一张资料卡：请由经理合并这两位客户。</translation>
    </message>
    <message>
        <source>Name the loan (#N) or the item (--item NUMBER).</source>
        <translation>请指明借阅（#编号）或物品（--item 编号）。</translation>
    </message>
    <message>
        <source>No archive at {path}.</source>
        <translation>{path} 处没有档案库。</translation>
    </message>
    <message>
        <source>No archive is open.</source>
        <translation>尚未打开档案库。</translation>
    </message>
    <message>
        <source>No attachment {attachment_id}.</source>
        <translation>没有附件 {attachment_id}。</translation>
    </message>
    <message>
        <source>No backup at {backup}.</source>
        <translation>{backup} 处没有备份。</translation>
    </message>
    <message>
        <source>No column holds the company name (企业名称): map one, e.g. --map A=name (the columns: {titles}).</source>
        <translation>没有一列是企业名称：请指定一列，例如 --map A=name（现有列：{titles}）。</translation>
    </message>
    <message>
        <source>No customer with id {customer_id}.</source>
        <translation>没有 ID 为 {customer_id} 的客户。</translation>
    </message>
    <message>
        <source>No customer {ref}.</source>
        <translation>没有客户 {ref}。</translation>
    </message>
    <message>
        <source>No customer {text}.</source>
        <translation>没有客户 {text}。</translation>
    </message>
    <message>
        <source>No customers match: nothing printed.</source>
        <translation>没有符合条件的客户：未打印任何内容。</translation>
    </message>
    <message>
        <source>No handover #{handover_id}.</source>
        <translation>没有离职交接 #{handover_id}。</translation>
    </message>
    <message>
        <source>No handover of {from_user} to print.</source>
        <translation>没有 {from_user} 的离职交接可打印。</translation>
    </message>
    <message>
        <source>No handover to print.</source>
        <translation>没有可打印的离职交接。</translation>
    </message>
    <message>
        <source>No item numbered {number!r}.</source>
        <translation>没有编号为 {number!r} 的物品。</translation>
    </message>
    <message>
        <source>No item with id {item_id}.</source>
        <translation>没有 ID 为 {item_id} 的物品。</translation>
    </message>
    <message>
        <source>No items to label.</source>
        <translation>没有需要打印标签的物品。</translation>
    </message>
    <message>
        <source>No loan #{loan_id}.</source>
        <translation>没有借阅 #{loan_id}。</translation>
    </message>
    <message>
        <source>No request #{approval_id}.</source>
        <translation>没有申请 #{approval_id}。</translation>
    </message>
    <message>
        <source>No reservation #{reservation_id}.</source>
        <translation>没有预约 #{reservation_id}。</translation>
    </message>
    <message>
        <source>No system keyring is available here; nothing to forget.</source>
        <translation>此处没有可用的系统密钥环；无需清除。</translation>
    </message>
    <message>
        <source>No user {name}.</source>
        <translation>没有用户 {name}。</translation>
    </message>
    <message>
        <source>No user {user_name!r} in this archive.</source>
        <translation>此档案库中没有用户 {user_name!r}。</translation>
    </message>
    <message>
        <source>No value list for {column!r}.</source>
        <translation>{column!r} 没有可选值列表。</translation>
    </message>
    <message>
        <source>No {what}: give it with --passphrase-stdin, or run on a terminal to be asked.</source>
        <translation>缺少{what}：请用 --passphrase-stdin 提供，或在终端中运行以便输入。</translation>
    </message>
    <message>
        <source>No {what}: give it with --passphrase-stdin.</source>
        <translation>缺少{what}：请用 --passphrase-stdin 提供。</translation>
    </message>
    <message>
        <source>No {what}: give it with --password-stdin, or run on a terminal to be asked.</source>
        <translation>缺少{what}：请用 --password-stdin 提供，或在终端中运行以便输入。</translation>
    </message>
    <message>
        <source>No {what}: give it with --password-stdin.</source>
        <translation>缺少{what}：请用 --password-stdin 提供。</translation>
    </message>
    <message>
        <source>Not a date or time: {text!r} (use YYYY-MM-DD or YYYY-MM-DDTHH:MM).</source>
        <translation>不是日期或时间：{text!r}（请使用 YYYY-MM-DD 或 YYYY-MM-DDTHH:MM）。</translation>
    </message>
    <message>
        <source>Not a time: {value!r}.</source>
        <translation>不是时间：{value!r}。</translation>
    </message>
    <message>
        <source>Nothing to change: give --set FIELD=VALUE or --contact.</source>
        <translation>没有要修改的内容：请提供 --set 字段=值 或 --contact。</translation>
    </message>
    <message>
        <source>Nothing to print: no customers selected.</source>
        <translation>没有可打印的内容：未选择客户。</translation>
    </message>
    <message>
        <source>Only a customer&apos;s material is taken into custody.</source>
        <translation>只有客户的材料才能代为保管。</translation>
    </message>
    <message>
        <source>Only a manager or an administrator adds sample data.</source>
        <translation>只有经理或系统管理员可以添加示例数据。</translation>
    </message>
    <message>
        <source>Only a manager or an administrator recomputes the tiers.</source>
        <translation>只有经理或系统管理员可以重新计算客户等级。</translation>
    </message>
    <message>
        <source>Only an administrator can manage accounts.</source>
        <translation>只有系统管理员可以管理账户。</translation>
    </message>
    <message>
        <source>Only the asker, the borrower, the custodian or a manager can cancel a loan.</source>
        <translation>只有申请人、借用人、档案管理员或经理可以取消借阅。</translation>
    </message>
    <message>
        <source>Only the borrower, the asker, the custodian or a manager can renew a loan.</source>
        <translation>只有借用人、申请人、档案管理员或经理可以续借。</translation>
    </message>
    <message>
        <source>Only the person who asked can cancel a request.</source>
        <translation>只有申请人本人可以撤销申请。</translation>
    </message>
    <message>
        <source>Only who queued, the custodian or a manager can cancel this.</source>
        <translation>只有预约人、档案管理员或经理可以取消此预约。</translation>
    </message>
    <message>
        <source>Only {by_user}, who made it, or a manager can undo import #{id}.</source>
        <translation>只有导入人 {by_user} 或经理可以撤销导入 #{id}。</translation>
    </message>
    <message>
        <source>Request #{id} is already {state}.</source>
        <translation>申请 #{id} 已是“{state}”状态。</translation>
    </message>
    <message>
        <source>Reservation #{reservation_id} is already {state}.</source>
        <translation>预约 #{reservation_id} 已是“{state}”状态。</translation>
    </message>
    <message>
        <source>Restoring a backup replaces everyone&apos;s data: that needs a manager or an administrator.</source>
        <translation>恢复备份会替换所有人的数据：需由经理或系统管理员操作。</translation>
    </message>
    <message>
        <source>Say what condition the item leaves in (e.g. &apos;as new&apos;).</source>
        <translation>请说明物品借出时的状况（例如“完好如新”）。</translation>
    </message>
    <message>
        <source>Say what is damaged.</source>
        <translation>请说明损坏情况。</translation>
    </message>
    <message>
        <source>Say what to change (--description, --value-class, --shelf, --custodian, --note).</source>
        <translation>请说明要修改的内容（--description、--value-class、--shelf、--custodian、--note）。</translation>
    </message>
    <message>
        <source>Say why the request is rejected.</source>
        <translation>请说明驳回申请的理由。</translation>
    </message>
    <message>
        <source>Say why you need to see it.</source>
        <translation>请说明您需要查看的理由。</translation>
    </message>
    <message>
        <source>That password cannot be used.</source>
        <translation>该密码不能使用。</translation>
    </message>
    <message>
        <source>The access duration must be a whole number of hours, not {hours!r}.</source>
        <translation>访问时长必须是整数小时，而不是 {hours!r}。</translation>
    </message>
    <message>
        <source>The access duration must be {ACCESS_HOURS_MIN} to {ACCESS_HOURS_MAX} hours (30 days), not {value}.</source>
        <translation>访问时长必须为 {ACCESS_HOURS_MIN} 至 {ACCESS_HOURS_MAX} 小时（30 天），而不是 {value}。</translation>
    </message>
    <message>
        <source>The account {name} has no password yet: an administrator must set one.</source>
        <translation>账户 {name} 尚未设置密码：须由系统管理员设置。</translation>
    </message>
    <message>
        <source>The account {name} is deactivated.</source>
        <translation>账户 {name} 已停用。</translation>
    </message>
    <message>
        <source>The account {user_name} is deactivated.</source>
        <translation>账户 {user_name} 已停用。</translation>
    </message>
    <message>
        <source>The archive has no active account.</source>
        <translation>此档案库没有启用的账户。</translation>
    </message>
    <message>
        <source>The archive has no active administrator.</source>
        <translation>此档案库没有启用的系统管理员。</translation>
    </message>
    <message>
        <source>The archive is open elsewhere ({who}); close it there first.</source>
        <translation>档案库已在别处打开（{who}）；请先在那里关闭。</translation>
    </message>
    <message>
        <source>The archive is open read-only, and every export goes into its audit log: open it read-write to export.</source>
        <translation>档案库以只读方式打开，而每次导出都要记入审计日志：请以读写方式打开后再导出。</translation>
    </message>
    <message>
        <source>The archive is open read-only, and every export goes into its audit log: open it read-write to write the analysis to a file.</source>
        <translation>档案库以只读方式打开，而每次导出都要记入审计日志：请以读写方式打开后再将分析写入文件。</translation>
    </message>
    <message>
        <source>The archive is open read-only, and every print goes into its audit log: open it read-write to print.</source>
        <translation>档案库以只读方式打开，而每次打印都要记入审计日志：请以读写方式打开后再打印。</translation>
    </message>
    <message>
        <source>The archive {path} cannot be reached (moved, deleted, or its drive is gone).</source>
        <translation>无法访问档案库 {path}（已被移动、删除，或所在驱动器已断开）。</translation>
    </message>
    <message>
        <source>The archive {path} cannot be reached.</source>
        <translation>无法访问档案库 {path}。</translation>
    </message>
    <message>
        <source>The archive {path} is in use by another program and stayed locked; try again.</source>
        <translation>档案库 {path} 正被其他程序使用并保持锁定；请重试。</translation>
    </message>
    <message>
        <source>The archive {path} is in {mode} journal mode and could not be switched back to the rollback journal while another program has it open.</source>
        <translation>档案库 {path} 处于 {mode} 日志模式，且另一程序正打开着它，无法切换回回滚日志模式。</translation>
    </message>
    <message>
        <source>The archive {path} is open elsewhere ({who}); close it there first.</source>
        <translation>档案库 {path} 已在别处打开（{who}）；请先在那里关闭。</translation>
    </message>
    <message>
        <source>The archive {path} or its folder is read-only.</source>
        <translation>档案库 {path} 或其所在文件夹为只读。</translation>
    </message>
    <message>
        <source>The archive {path} reported an error: {exc}</source>
        <translation>档案库 {path} 报告错误：{exc}</translation>
    </message>
    <message>
        <source>The archive {path} was replaced by another file (a restore or a copy put in its place): open it again to go on.</source>
        <translation>档案库 {path} 已被另一文件替换（恢复备份或复制了文件到此处）：请重新打开后继续。</translation>
    </message>
    <message>
        <source>The backup and the archive are the same file.</source>
        <translation>备份与档案库是同一个文件。</translation>
    </message>
    <message>
        <source>The backup folder {parent} cannot be made.</source>
        <translation>无法创建备份文件夹 {parent}。</translation>
    </message>
    <message>
        <source>The backup folder {target} cannot be written.</source>
        <translation>无法写入备份文件夹 {target}。</translation>
    </message>
    <message>
        <source>The backup to {target} was cancelled.</source>
        <translation>到 {target} 的备份已取消。</translation>
    </message>
    <message>
        <source>The change of {archive_no} needs a manager&apos;s approval: it was filed as request #{request_id}.</source>
        <translation>修改 {archive_no} 需要经理审批：已提交为申请 #{request_id}。</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>当前密码错误。</translation>
    </message>
    <message>
        <source>The disk holding {path} is full.</source>
        <translation>{path} 所在磁盘已满。</translation>
    </message>
    <message>
        <source>The disk is full: {path} was not written.</source>
        <translation>磁盘已满：未写入 {path}。</translation>
    </message>
    <message>
        <source>The disk is full: {target} was not written.</source>
        <translation>磁盘已满：未写入 {target}。</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>导出已取消；未写入任何文件。</translation>
    </message>
    <message>
        <source>The folder {folder} is not writable.</source>
        <translation>文件夹 {folder} 不可写入。</translation>
    </message>
    <message>
        <source>The handover needs a manager&apos;s approval: request #{request_id}.</source>
        <translation>离职交接需要经理审批：申请 #{request_id}。</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was changed.</source>
        <translation>导入已取消；未做任何更改。</translation>
    </message>
    <message>
        <source>The key in the system keyring no longer opens this archive (was the passphrase changed elsewhere?).</source>
        <translation>系统密钥环中的密钥已无法打开此档案库（密码短语是否已在别处更改？）。</translation>
    </message>
    <message>
        <source>The last import (#{id}, {file_name}) was already undone by {undone_by}.</source>
        <translation>最近一次导入（#{id}，{file_name}）已由 {undone_by} 撤销。</translation>
    </message>
    <message>
        <source>The new passphrase cannot be empty.</source>
        <translation>新密码短语不能为空。</translation>
    </message>
    <message>
        <source>The passphrase cannot be empty.</source>
        <translation>密码短语不能为空。</translation>
    </message>
    <message>
        <source>The passphrase cannot contain a NUL character.</source>
        <translation>密码短语不能包含 NUL 字符。</translation>
    </message>
    <message>
        <source>The passphrase must have at least {MIN_LENGTH} characters.</source>
        <translation>密码短语至少需要 {MIN_LENGTH} 个字符。</translation>
    </message>
    <message>
        <source>The period starts after it ends ({start} &gt; {end}).</source>
        <translation>时间段的开始晚于结束（{start} &gt; {end}）。</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>无法启动打印机。</translation>
    </message>
    <message>
        <source>The sheet has no column {key!r} (it has: {known}).</source>
        <translation>工作表中没有列 {key!r}（现有列：{known}）。</translation>
    </message>
    <message>
        <source>The stored credit rule is not valid: {exc}</source>
        <translation>已保存的信用规则无效：{exc}</translation>
    </message>
    <message>
        <source>The system keyring is locked; unlock it and try again.</source>
        <translation>系统密钥环已锁定；请解锁后重试。</translation>
    </message>
    <message>
        <source>The system keyring is locked; unlock it or give the passphrase.</source>
        <translation>系统密钥环已锁定；请解锁，或提供密码短语。</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的密码短语不一致。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>The workbook has no sheet {sheet!r} (it has: {names}).</source>
        <translation>工作簿中没有工作表 {sheet!r}（现有工作表：{names}）。</translation>
    </message>
    <message>
        <source>There is already a user {name}.</source>
        <translation>已存在用户 {name}。</translation>
    </message>
    <message>
        <source>There is no file {path}.</source>
        <translation>文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>There is no folder {folder}.</source>
        <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <source>There is no import to undo.</source>
        <translation>没有可撤销的导入。</translation>
    </message>
    <message>
        <source>This archive has several users: log in with your user name and password.</source>
        <translation>此档案库有多个用户：请用您的用户名和密码登录。</translation>
    </message>
    <message>
        <source>This archive has several users: say who you are with --user NAME.</source>
        <translation>此档案库有多个用户：请用 --user 用户名 说明您的身份。</translation>
    </message>
    <message>
        <source>Too many failed logins for {name}: try again in {seconds} s.</source>
        <translation>{name} 登录失败次数过多：请在 {seconds} 秒后重试。</translation>
    </message>
    <message>
        <source>Unknown approval rule(s): {rules}.</source>
        <translation>未知的审批规则：{rules}。</translation>
    </message>
    <message>
        <source>Unknown field {target!r} for column {key!r}; fields are the card&apos;s (name, phone, region, …) and contact.name, contact.mobile, ….</source>
        <translation>列 {key!r} 对应的字段 {target!r} 不存在；可用字段为资料卡字段（name、phone、region …）以及 contact.name、contact.mobile …。</translation>
    </message>
    <message>
        <source>Unknown role {role!r}; one of: {choices}.</source>
        <translation>未知角色 {role!r}；可选：{choices}。</translation>
    </message>
    <message>
        <source>Unknown user or wrong password.</source>
        <translation>用户不存在或密码错误。</translation>
    </message>
    <message>
        <source>With a second account everybody logs in with a password, and you ({user_name}) have none yet: choose one for yourself when you add {name}.</source>
        <translation>有了第二个账户后，每个人都要用密码登录，而您（{user_name}）尚未设置密码：添加 {name} 时请为自己设置一个密码。</translation>
    </message>
    <message>
        <source>With several users everybody logs in with a password; these accounts have none: {names}. Reset their passwords first.</source>
        <translation>有多个用户时，每个人都要用密码登录；以下账户尚无密码：{names}。请先重置它们的密码。</translation>
    </message>
    <message>
        <source>Wrong passphrase for {path}, or the file is damaged.</source>
        <translation>{path} 的密码短语错误，或文件已损坏。</translation>
    </message>
    <message>
        <source>Wrong passphrase for {path}.</source>
        <translation>{path} 的密码短语错误。</translation>
    </message>
    <message>
        <source>You can change only your own password; an administrator resets others&apos;.</source>
        <translation>您只能修改自己的密码；他人的密码由系统管理员重置。</translation>
    </message>
    <message>
        <source>You can change only your own password; an administrator uses `users reset`.</source>
        <translation>您只能修改自己的密码；系统管理员可使用 `users reset` 重置。</translation>
    </message>
    <message>
        <source>You cannot decide your own request: another person must.</source>
        <translation>您不能审批自己的申请：须由其他人审批。</translation>
    </message>
    <message>
        <source>You may not decide requests of this kind ({kind}).</source>
        <translation>您无权审批此类申请（{kind}）。</translation>
    </message>
    <message>
        <source>Your request #{waiting} for a full export is still waiting for a manager&apos;s decision.</source>
        <translation>您的完整导出申请 #{waiting} 仍在等待经理审批。</translation>
    </message>
    <message>
        <source>Your role may not read the audit log.</source>
        <translation>您的角色无权查看审计日志。</translation>
    </message>
    <message>
        <source>Your role may not see this customer&apos;s sensitive data; ask a manager.</source>
        <translation>您的角色无权查看此客户的敏感信息；请联系经理。</translation>
    </message>
    <message>
        <source>custodian: no active user {custodian}.</source>
        <translation>档案管理员：没有启用的用户 {custodian}。</translation>
    </message>
    <message>
        <source>restore would replace the archive {path} with {backup}; run it again with --yes to do so.</source>
        <translation>恢复将用 {backup} 替换档案库 {path}；确认执行请加上 --yes 再运行一次。</translation>
    </message>
    <message>
        <source>{borrower} is already in the queue for {item_no}.</source>
        <translation>{borrower} 已在 {item_no} 的预约队列中。</translation>
    </message>
    <message>
        <source>{borrower} is first in the queue for item {item_no} (reservation #{id}).</source>
        <translation>{borrower} 排在物品 {item_no} 预约队列的第一位（预约 #{id}）。</translation>
    </message>
    <message>
        <source>{count} card(s) of import #{batch_id} were changed since ({listed}); undoing would lose those changes, so nothing was undone.</source>
        <translation>导入 #{batch_id} 中有 {count} 张资料卡此后已被修改（{listed}）；撤销会丢失这些修改，因此未撤销任何内容。</translation>
    </message>
    <message>
        <source>{flag}: standard input has no line for the {what}.</source>
        <translation>{flag}：标准输入中没有提供{what}的那一行。</translation>
    </message>
    <message>
        <source>{folder} cannot be written.</source>
        <translation>无法写入 {folder}。</translation>
    </message>
    <message>
        <source>{name} is {more}{size_mb:.1f} MB; attachments may be at most {limit_mb:.0f} MB.</source>
        <translation>{name} 大小{more} {size_mb:.1f} MB；附件最大为 {limit_mb:.0f} MB。</translation>
    </message>
    <message>
        <source>{name}: longer than {MAX_TEXT} characters.</source>
        <translation>{name}：超过 {MAX_TEXT} 个字符。</translation>
    </message>
    <message>
        <source>{name}: required.</source>
        <translation>{name}：必填。</translation>
    </message>
    <message>
        <source>{name}: {message}.</source>
        <translation>{name}：{message}。</translation>
    </message>
    <message>
        <source>{name}: {value!r} is not one of {choices}.</source>
        <translation>{name}：{value!r} 不是 {choices} 之一。</translation>
    </message>
    <message>
        <source>{path} already exists.</source>
        <translation>{path} 已存在。</translation>
    </message>
    <message>
        <source>{path} cannot be reached ({reason}).</source>
        <translation>无法访问 {path}（{reason}）。</translation>
    </message>
    <message>
        <source>{path} cannot be read: permission denied.</source>
        <translation>无法读取 {path}：没有权限。</translation>
    </message>
    <message>
        <source>{path} cannot be written: {strerror}.</source>
        <translation>无法写入 {path}：{strerror}。</translation>
    </message>
    <message>
        <source>{path} could not be written: {reason}.</source>
        <translation>未能写入 {path}：{reason}。</translation>
    </message>
    <message>
        <source>{path} is a Customer Archive, but damaged: {why}. Nothing was changed; restore the newest backup.</source>
        <translation>{path} 是客户档案库，但已损坏：{why}。未做任何更改；请恢复最新的备份。</translation>
    </message>
    <message>
        <source>{path} is a folder, not a file.</source>
        <translation>{path} 是文件夹，不是文件。</translation>
    </message>
    <message>
        <source>{path} is a folder, not an archive.</source>
        <translation>{path} 是文件夹，不是档案库。</translation>
    </message>
    <message>
        <source>{path} is a folder: choose a file name.</source>
        <translation>{path} 是文件夹：请选择文件名。</translation>
    </message>
    <message>
        <source>{path} is a folder: give a file name.</source>
        <translation>{path} 是文件夹：请提供文件名。</translation>
    </message>
    <message>
        <source>{path} is a plain, unencrypted SQLite database, not a Customer Archive.</source>
        <translation>{path} 是未加密的普通 SQLite 数据库，不是客户档案库。</translation>
    </message>
    <message>
        <source>{path} is an SQLCipher database but not a Customer Archive.</source>
        <translation>{path} 是 SQLCipher 数据库，但不是客户档案库。</translation>
    </message>
    <message>
        <source>{path} is not a Customer Archive file.</source>
        <translation>{path} 不是客户档案库文件。</translation>
    </message>
    <message>
        <source>{path} is open read-only.</source>
        <translation>{path} 以只读方式打开。</translation>
    </message>
    <message>
        <source>{path} is {kind}, not a file: only regular files can be attached.</source>
        <translation>{path} 是{kind}，不是文件：只能添加普通文件作为附件。</translation>
    </message>
    <message>
        <source>{path} needs an upgrade (schema {version} to {LATEST_VERSION}); open it read-write once to upgrade.</source>
        <translation>{path} 需要升级（结构版本 {version} 升至 {LATEST_VERSION}）；请以读写方式打开一次以完成升级。</translation>
    </message>
    <message>
        <source>{path} was made by a newer version of Customer Archive (schema {version}; this program knows up to {LATEST_VERSION}). Install the newer version to open it.</source>
        <translation>{path} 由更新版本的客户档案创建（结构版本 {version}；本程序最高支持 {LATEST_VERSION}）。请安装新版本后再打开。</translation>
    </message>
    <message>
        <source>{path}: permission denied.</source>
        <translation>{path}：没有权限。</translation>
    </message>
    <message>
        <source>{path}{via} is {kind}, not a file: choose a file name to write to.</source>
        <translation>{path}{via} 是{kind}，不是文件：请选择要写入的文件名。</translation>
    </message>
    <message>
        <source>{problem}</source>
        <translation>{problem}</translation>
    </message>
    <message>
        <source>{problem} (loan #{loan_id}, {borrower})</source>
        <translation>{problem}（借阅 #{loan_id}，{borrower}）</translation>
    </message>
    <message>
        <source>{role_label} {user_name} may not take a backup: a backup is a full copy of the archive, sensitive fields included, so it needs a manager or an administrator (like a full export).</source>
        <translation>{role_label} {user_name} 无权备份：备份是档案库的完整副本（包括敏感字段），因此与完整导出一样，需由经理或系统管理员操作。</translation>
    </message>
    <message>
        <source>{role_label} {user_name} may not {what}.</source>
        <translation>{role_label} {user_name} 无权{what}。</translation>
    </message>
    <message>
        <source>{target} is a folder; give a file name for the backup.</source>
        <translation>{target} 是文件夹；请为备份提供文件名。</translation>
    </message>
    <message>
        <source>{user_name} has no password: reset it before activating the account (with several users everybody logs in).</source>
        <translation>{user_name} 没有密码：启用该账户前请先重置密码（有多个用户时每个人都要登录）。</translation>
    </message>
    <message>
        <source>{user_name} is the last active administrator and cannot be {what}d: make someone else administrator first.</source>
        <translation>{user_name} 是最后一位启用的系统管理员，不能被{what}：请先将其他人设为系统管理员。</translation>
    </message>
    <message>
        <source>{user_name} may not restore a backup: that needs a manager or an administrator.</source>
        <translation>{user_name} 无权恢复备份：需由经理或系统管理员操作。</translation>
    </message>
    <message>
        <source>{user_name} must choose a new password first: customer-archive users passwd --user {user_name}</source>
        <translation>{user_name} 必须先设置新密码：customer-archive users passwd --user {user_name}</translation>
    </message>
    <message>
        <source>{what} {item!r}: expected FIELD=VALUE.</source>
        <translation>{what} {item!r}：格式应为 字段=值。</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>No system keyring is available here.</source>
        <translation>此处没有可用的系统密钥环。</translation>
    </message>
    <message>
        <source>This computer&apos;s keyring holds the passphrase of this archive. Untick the box to take it out when you unlock.</source>
        <translation>本机的系统钥匙环中保存着此档案的密码。取消勾选后，解锁时会将其移除。</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <source>Enter the passphrase.</source>
        <translation>请输入密码短语。</translation>
    </message>
    <message>
        <source>Unlocking the archive…</source>
        <translation>正在解锁档案库…</translation>
    </message>
    <message>
        <source>Unlock Archive</source>
        <translation>解锁档案库</translation>
    </message>
    <message>
        <source>Enter the passphrase of this archive.</source>
        <translation>请输入此档案库的密码短语。</translation>
    </message>
    <message>
        <source>Archive:</source>
        <translation>档案库：</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>密码短语(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Remember the passphrase in the system keyring</source>
        <translation>在系统密钥环中记住密码短语(&amp;R)</translation>
    </message>
</context>
<context>
    <name>UserEditDialog</name>
    <message>
        <source>Add a User</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>The new person logs in with this user name and password. Tell them the password in person; they choose their own at the first login.</source>
        <translation>新同事用这个用户名和密码登录。请当面告知密码；对方首次登录时会自行设定密码。</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>Reset Password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Choose a new password for {user}. They must choose their own at their next login; a failed-login delay on the account ends.</source>
        <translation>为 {user} 设定新密码。对方下次登录时必须自行设定密码；该账户因登录失败而设的等待时间随即解除。</translation>
    </message>
    <message>
        <source>&amp;Reset Password</source>
        <translation>重置密码(&amp;R)</translation>
    </message>
    <message>
        <source>Change Role or Region</source>
        <translation>更改角色或区域</translation>
    </message>
    <message>
        <source>What {user} may see and do follows from the role; a regional manager sees the customers of their region.</source>
        <translation>{user} 能查看和操作什么由角色决定；区域经理可查看本区域的客户。</translation>
    </message>
    <message>
        <source>&amp;Change</source>
        <translation>更改(&amp;C)</translation>
    </message>
    <message>
        <source>required for a regional manager</source>
        <translation>区域经理必填</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>A password needs at least {n} characters.</source>
        <translation>密码至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Your own password needs at least {n} characters.</source>
        <translation>您自己的密码至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <source>The two entries of your own password differ.</source>
        <translation>您两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>显示名称(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <source>R&amp;egion:</source>
        <translation>区域(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Repea&amp;t:</source>
        <translation>再次输入(&amp;T)：</translation>
    </message>
    <message>
        <source>Repeat y&amp;ours:</source>
        <translation>再次输入您的密码(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Must choose their own password at the first login</source>
        <translation>首次登录时必须自行设定密码(&amp;M)</translation>
    </message>
    <message>
        <source>Your own password</source>
        <translation>您自己的密码</translation>
    </message>
    <message>
        <source>With a second account everybody logs in with a password, and you have none yet. Choose yours now.</source>
        <translation>有了第二个账户后，所有人都要用密码登录，而您还没有密码。请现在设定。</translation>
    </message>
    <message>
        <source>Your pass&amp;word:</source>
        <translation>您的密码(&amp;W)：</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Enter a user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>A user name has at most 64 characters and no control characters.</source>
        <translation>用户名最多 64 个字符，且不能含控制字符。</translation>
    </message>
    <message>
        <source>There is already a user {user}.</source>
        <translation>已有用户 {user}。</translation>
    </message>
    <message>
        <source>A display name has at most 100 characters.</source>
        <translation>显示名称最多 100 个字符。</translation>
    </message>
    <message>
        <source>A regional manager needs a region.</source>
        <translation>区域经理必须指定区域。</translation>
    </message>
    <message>
        <source>A region has at most 64 characters.</source>
        <translation>区域最多 64 个字符。</translation>
    </message>
    <message>
        <source>A password needs at least {n} characters.</source>
        <translation>密码至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <source>That password cannot be used; choose another.</source>
        <translation>不能使用该密码，请另选一个。</translation>
    </message>
    <message>
        <source>With a second account everybody logs in with a password, and you have none yet: choose yours below.</source>
        <translation>有了第二个账户后，所有人都要用密码登录，而您还没有密码：请在下方设定。</translation>
    </message>
    <message>
        <source>Your own password needs at least {n} characters.</source>
        <translation>您自己的密码至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <source>{user} is the last active administrator: make someone else administrator first, then try again.</source>
        <translation>{user} 是最后一位启用中的系统管理员：请先让另一人成为管理员，再重试。</translation>
    </message>
    <message>
        <source>Only an administrator can manage accounts.</source>
        <translation>只有系统管理员才能管理账户。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
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
        <source>must change</source>
        <translation>须更改</translation>
    </message>
    <message>
        <source>set</source>
        <translation>已设定</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Ac&amp;tivate</source>
        <translation>启用(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <source>{user} was added.</source>
        <translation>已添加 {user}。</translation>
    </message>
    <message>
        <source>The password of {user} was reset.</source>
        <translation>已重置 {user} 的密码。</translation>
    </message>
    <message>
        <source>The role of {user} was changed.</source>
        <translation>已更改 {user} 的角色。</translation>
    </message>
    <message>
        <source>{user} was activated.</source>
        <translation>已启用 {user}。</translation>
    </message>
    <message>
        <source>{user} was deactivated; their customers stay assigned to them until they are handed over (Office &gt; Handover).</source>
        <translation>已停用 {user}；其客户仍归其名下，直至办理交接（办公 &gt; 离职交接）。</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>The people who work with this archive. Accounts are never deleted (the history names them): deactivate the account of someone who left, after handing their customers over.</source>
        <translation>使用此档案库的人员。账户永不删除（历史记录中会引用）：有人离职时，先交接其客户，再停用其账户。</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Reset Password…</source>
        <translation>重置密码(&amp;R)…</translation>
    </message>
    <message>
        <source>Change Role or Re&amp;gion…</source>
        <translation>更改角色或区域(&amp;G)…</translation>
    </message>
</context>
<context>
    <name>_PassphraseForm</name>
    <message>
        <source>Very weak</source>
        <translation>非常弱</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>弱</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>良好</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>强</translation>
    </message>
    <message>
        <source>Use at least {n} characters; a few unrelated words are strong and easy to remember.</source>
        <translation>至少使用 {n} 个字符；几个互不相关的词语组合既安全又好记。</translation>
    </message>
    <message>
        <source>Too short: at least {n} characters.</source>
        <translation>太短：至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <source>The passphrase must have at least {n} characters.</source>
        <translation>密码短语至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的密码短语不一致。</translation>
    </message>
    <message>
        <source>This passphrase is {strength}: it can be guessed quickly by anyone who gets a copy of the archive file. Use it anyway?</source>
        <translation>此密码强度为“{strength}”：任何拿到档案文件副本的人都能很快猜出。仍要使用吗？</translation>
    </message>
    <message>
        <source>Choose a stronger passphrase: a few unrelated words are strong and easy to remember.</source>
        <translation>请选择更强的密码：几个互不相关的词语既安全又好记。</translation>
    </message>
</context>
</TS>
