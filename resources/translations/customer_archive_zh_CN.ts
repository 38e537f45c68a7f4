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
        <source>Customer Archive</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Archive id:</source>
        <translation>档案库标识：</translation>
    </message>
    <message>
        <source>Schema version:</source>
        <translation>结构版本：</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>密钥：</translation>
    </message>
    <message>
        <source>Open by:</source>
        <translation>正在使用：</translation>
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