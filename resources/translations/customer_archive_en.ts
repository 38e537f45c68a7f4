<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive is re-encrypted with the new passphrase. Everyone who opens it must use the new one; a key remembered in this computer&apos;s keyring is updated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-encrypting the archive…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something went wrong ({kind}). The details are in the log file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong passphrase. Check the keyboard layout and Caps Lock, and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive {path} is in use by another program and stayed locked. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is a plain, unencrypted SQLite database, not a Customer Archive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is not a Customer Archive file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} was made by a newer version of Customer Archive. Install the newer version to open it; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no archive at {path}. It may have been moved, or its drive is not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} cannot be written: the file or its folder is read-only, or you lack the permission.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keyring is locked. Unlock it, or enter the passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No passphrase is available for this archive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} already exists. Choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk holding {path} is full. Free some space and try again; nothing was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive {path} cannot be reached. Check the network drive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer Archive</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening {path}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the archive…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keyring is locked, so the passphrase could not be read from it. Enter the passphrase of this archive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the passphrase of this archive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keyring is available on this computer, so the passphrase is asked each time. Enter it to open the archive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase remembered in the keyring no longer opens this archive; it may have been changed on another computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keyring did not answer. Enter the passphrase of this archive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase could not be stored in the system keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer archives (*{suffix});;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New archive{suffix}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive is locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive was locked after {n} minutes without use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive is locked. Enter its passphrase to go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive is sound: SQLite&apos;s and SQLCipher&apos;s integrity checks found no problem (schema version {v}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The integrity checks found problems:
{problems}
Restore a backup, or ask your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the archive…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keyring now holds the new passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase was removed from the system keyring; it will be asked next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keyring held no passphrase for this archive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keyring is locked; nothing was removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keyring is available here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget Remembered Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language takes effect when Customer Archive is restarted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Customer Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer Archive {version}

Customer files for small offices, kept in one encrypted file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} – Customer Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened with the key from the system keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened with the passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{user} on {computer}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(you)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No archive is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Archive…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Archive…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+W</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change &amp;Passphrase…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Forget Remembered Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Customer Archive</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewArchiveDialog</name>
    <message>
        <source>New Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to Customer Archive. Your customer files are kept in one encrypted archive file. Choose its passphrase: without it nobody, not even you, can open the file, so keep it safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keyring of your computer account opens the archive without asking.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keyring is available here: the passphrase will be asked each time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer archives (*{suffix})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where to keep the archive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the archive…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>New Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a passphrase for the archive. Everything in the archive is encrypted with it; without it nobody, not even you, can open the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive &amp;file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Current passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remember the passphrase in the system keyring</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language takes effect when the program is restarted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock after idle:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>No system keyring is available here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocking the archive…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the passphrase of this archive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remember the passphrase in the system keyring</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_PassphraseForm</name>
    <message>
        <source>Very weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use at least {n} characters; a few unrelated words are strong and easy to remember.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too short: at least {n} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase must have at least {n} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
