<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change Passphrase</source>
        <translation>更改密码短语</translation>
    </message>
    <message>
        <source>The archive is re-encrypted with the new passphrase. Everyone who opens it must use the new one; a key remembered in this computer's keyring is updated.</source>
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
        <source>{name} – Customer Card</source>
        <translation>{name} – 客户资料卡</translation>
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
        <source>Why was this customer lost? The reason is kept in the card's history.</source>
        <translation>该客户为什么流失？原因将记入资料卡的变更历史。</translation>
    </message>
    <message>
        <source>Not saved: marking a customer as lost needs a reason.</source>
        <translation>未保存：标记为流失客户须填写原因。</translation>
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
        <source>Sent for Approval</source>
        <translation>已提交审批</translation>
    </message>
    <message>
        <source>This change needs a manager's approval. It was filed as request #{n}; the card shows it once it is approved.</source>
        <translation>此项修改需要经理审批，已提交为第 {n} 号申请；批准后资料卡才会显示该修改。</translation>
    </message>
    <message>
        <source>Changed Meanwhile</source>
        <translation>资料已被他人修改</translation>
    </message>
    <message>
        <source>Someone else saved this card while you were editing it, so your changes were not saved.

Reload the card to see the saved version? Your changes will be lost. Choose No to keep them on screen (to copy them), then reload and enter them again.</source>
        <translation>在您编辑期间，其他人已保存了这张资料卡，因此您的修改没有保存。

是否重新载入以查看已保存的版本？您的修改将会丢失。选择“否”可将修改保留在屏幕上（以便复制），之后再重新载入并重新录入。</translation>
    </message>
    <message>
        <source>Not saved: someone else changed this card meanwhile.</source>
        <translation>未保存：其他人已在此期间修改了这张资料卡。</translation>
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
        <source>{link} ({number}, {why})</source>
        <translation>{link}（{number}，{why}）</translation>
    </message>
    <message>
        <source>Possibly already in the archive: {items}</source>
        <translation>档案库中可能已有此客户：{items}</translation>
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
        <source>Basic information</source>
        <translation>客户基本信息</translation>
    </message>
    <message>
        <source>Characteristics</source>
        <translation>客户特征资料</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>客户交易资料</translation>
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
        <source>Transaction Log</source>
        <translation>交易记录</translation>
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
        <source>Customer Archive</source>
        <translation>客户档案</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
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
        <source>Open Archive</source>
        <translation>打开档案库</translation>
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
        <source>Archive Information</source>
        <translation>档案库信息</translation>
    </message>
    <message>
        <source>Check Archive</source>
        <translation>检查档案库</translation>
    </message>
    <message>
        <source>The archive is sound: SQLite's and SQLCipher's integrity checks found no problem (schema version {v}).</source>
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
        <source>Customer Archive {version}

Customer files for small offices, kept in one encrypted file.</source>
        <translation>客户档案 {version}

面向小型办公室的客户档案管理，全部保存在一个加密文件中。</translation>
    </message>
    <message>
        <source>{name} – Customer Archive</source>
        <translation>{name} – 客户档案</translation>
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
        <source>Archive &amp;Information…</source>
        <translation>档案库信息(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Check Archive</source>
        <translation>检查档案库(&amp;C)</translation>
    </message>
    <message>
        <source>Change &amp;Passphrase…</source>
        <translation>更改密码短语(&amp;P)…</translation>
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
    <name>UnlockDialog</name>
    <message>
        <source>No system keyring is available here.</source>
        <translation>此处没有可用的系统密钥环。</translation>
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
</context>
</TS>