<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AnalysisView</name>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Industry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By Industry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By Business Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business line (cooperation mode)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buying customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive records no costs or margins, so profit contribution is shown as each customer&apos;s contribution to revenue: customers ranked by revenue, and the share of revenue the top 10 %, 20 % … of them bring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cumulative share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profit Contribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit &amp;Rule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested credit limit (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers to watch (grades C and D, largest first):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Late or open payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit status (card)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The period starts after it ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analysing the customers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cards were changed since these figures were made: Show brings them up to date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customers of region {region} and your own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customers you are responsible for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{customers} customers, {buying} of them with transactions in the period; {transactions} transactions, revenue {revenue} yuan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cumulative share of revenue of the top customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} of {total} buying customers ({share}) make 80 % of the revenue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No revenue in the period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule: {rule}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>analysis-{date}.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the Analysis as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>analysis-{date}.xlsx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the Analysis to Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the PDF report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the Excel workbook…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be written: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the Analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer Analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;PDF Report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to &amp;Excel…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApprovalsView</name>
    <message>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved and applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved, could not be applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no contacts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsible for all customers of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access to the card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for {n} hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loan period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>valuable: a manager decides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ordinary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer / subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for Me ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My Requests ({n} waiting)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a request to see what it would change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#{id} · {kind} · {target}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asked by {user} on {when}. Reason: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for a decision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn on {when}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided by {user} on {when}: {state}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve Request #{id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approving deletes the card of {name} ({number}) at once, with its contacts, logs and attachments. Delete it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A note for the decision (kept with it; the person who asked will read it):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not approved: approving a deletion needs a note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject Request #{id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is the request rejected? The person who asked will read this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not rejected: a rejection needs a note saying why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the decision…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request #{id} could not be applied: the card was changed after the request was made. It is marked as failed; the person who asked can make it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request #{id} was decided or withdrawn meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You may not decide request #{id}: your own requests and some kinds of request are decided by another person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for Me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No request waits for your decision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have not asked for anything yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reject…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Withdraw Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>Logged in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Own password changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account activated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account deactivated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers merged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sensitive data viewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved request failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit chain is intact: {n} entries checked. Entry {id}, the newest this computer had seen, is still in it, so nothing it saw was cut off the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit chain is intact: {n} entries checked. The noted entry {id} is still in it with its hash, so nothing up to it was cut off the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit chain is intact: {n} entries checked; but truncation at the end cannot be ruled out without an anchor (an entry noted down earlier, or one this computer has seen).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newest entry: {anchor} (note it down to check later, on any computer, that nothing was cut off the end).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit chain is broken at entry {id} ({when}, {user}, {action}): {problem}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit chain is broken at entry {id}: {problem}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concerning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(anyone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(anything)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer with the archive number or id “{ref}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The newest {n} matching entries are shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} matching entries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>customer {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>customer #{id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>account {user}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying the audit chain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify Chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time (local)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hash (SHA-256)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>audit-log-{date}.xlsx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the Audit Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting the audit log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} entries exported to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workbook could not be written: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Who:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>W&amp;hat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Customer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>archive number or id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear Filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;More</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify Chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export to Excel…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups go to {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an administrator changes where backups go and how many are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A backup is a full copy of the archive: only a manager or an administrator takes one by hand. The automatic backups are still taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No automatic backup in {folder} yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: backups go to {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup written to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup was cancelled; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups are encrypted copies of the archive made with SQLite&apos;s backup mechanism. The automatic ones are taken at the first opening of each day and when the program closes after changes; older ones are thinned out. These settings are the office&apos;s: they hold for every computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup &amp;folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Automatic backups (daily, and on closing after changes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>days,</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weeks,</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back Up &amp;Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore Selected…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CardPrinting</name>
    <message>
        <source>Print Cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print only {name}, or all {n} customers in the list?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview only {name}, or all {n} customers in the list?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export only {name} as PDF, or all {n} customers in the list?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only This Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All {n} in the List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print Cards…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print Pre&amp;view…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Cards as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customers to print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print &amp;Handover List…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the handover list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Cards as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing {n} cards…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print {n} Cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing {n} cards…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preview shows up to {max} cards at a time; {n} are chosen. Print them, or export them as a PDF to look through.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing {n} cards…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{cards} written to {path} ({pages}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{cards} sent to the printer ({pages}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing cancelled: nothing was printed or written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
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
    <name>CheckMenu</name>
    <message>
        <source>(none yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}: {n} chosen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>{who} saved this card while you were editing it. Nothing of yours is lost yet: for each field that differs, choose which version to keep, then save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields you both changed are marked and need your choice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved meanwhile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field} (changed by both)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save the Chosen Values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep Editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a version for every marked field: {n} left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed Meanwhile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take All of &amp;Theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep All of &amp;Mine</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CreditRulesDialog</name>
    <message>
        <source>The C share must not be above the D share.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give at least one late word.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A transaction is late or open when its payment method or note contains one of the late words. Grades are given in this order: D, C, unrated (no transactions), A, B.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;D from a late share of:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;C from a late share of:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A needs a &amp;revenue of at least (yuan):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and at least this many &amp;transactions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A: days &amp;net, limit in months of purchases:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B: days n&amp;et, limit in months of purchases:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limits rounded down to (&amp;yuan):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Late words:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bad credit status words (D):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Watch credit status words (C):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerActions</name>
    <message>
        <source>Merge Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge these two customers into one card? Everything of the other one (contacts, follow-ups, transactions, attachments, history) moves to the card you keep, and the other card is deleted. This cannot be undone.

1. {first}
2. {second}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Customer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Merge Customers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge the two selected customers into one card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select exactly two customers to merge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the card of {name}, with its contacts, logs and attachments? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the {n} selected cards, with their contacts, logs and attachments? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is it deleted? The reason is kept in the audit log (and shown to the manager if the deletion needs approval).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not deleted: a deletion needs a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent for Approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting needs a manager&apos;s approval: it was filed as request {numbers}. The card stays until the request is approved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer card was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} customer cards were deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why are they merged (optional; kept in the card&apos;s note)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not merged: the card of {name} has unsaved changes. Save or close it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two customers were merged into one card.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <source>Customer Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>given when the card is saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Customer Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the new card first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A customer who is still a prospect cannot be marked {new}: nobody has followed them up yet, so there is no relationship to lose. Mark them {followed} first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A customer cannot go back from {old} to {new}: the history would say the relationship went back to before it began.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} – Customer Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No changes to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark as Lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why was this customer lost? The reason is kept in the card&apos;s history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: marking a customer as lost needs a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: the customer may already be in the archive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved at {time}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for the Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This change needs a manager&apos;s approval. Why is it needed? The manager reads your reason, and it is kept in the card&apos;s history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: a change that needs approval needs a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent for Approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This change needs a manager&apos;s approval. It was filed as request #{n}; the card shows it once it is approved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{problem}
Your changes stay on screen and are saved as soon as the archive can be reached again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated with changes saved by someone else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else saved this card meanwhile. Your changes are still here; when you save, you choose field by field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved yet: someone else saved this card meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved yet: your values are on screen over the version saved meanwhile; save again when ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: please correct the marked fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact {n}, {field}: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive is open read-only: this card cannot be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same credit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>similar name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{link} ({number}, {why})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possibly already in the archive: {items}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reveal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sensitive personal information, hidden from your role. Revealing it is recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some contact details are sensitive and hidden from your role, so the contacts cannot be changed here. Double-click a hidden value to reveal it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden: double-click to reveal (recorded in the audit log).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact {n}, {field}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reveal {field}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What do you need “{field}” for? Your answer is kept in the audit log with this view.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not revealed: say what you need it for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revealed; the view is recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role may not see this customer&apos;s sensitive information. Ask a manager if you need it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding the attachment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is {size} MB; attachments may be at most {limit} MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved a copy as {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This card has changes that are not saved yet. Save them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possible Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This customer may already be in the archive: {items}. Save the new card anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basic information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Characteristics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trade details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookkeeping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was discussed or agreed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount (yuan):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 12000 or 1.2万</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contract no.:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;Transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a &amp;Copy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes, field by field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier changes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerFields</name>
    <message>
        <source>No account is called “{name}”: pick one from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}&apos;s account is switched off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yuan, e.g. 1200000 or 120万</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a valid phone number (e.g. 010-12345678 or 13812345678).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One number per field; add contacts for further numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a valid email address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a valid web address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a date: write year-month-day, e.g. 2026-03-05.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot be in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not an amount (e.g. 1234.50, ¥1,234 or 1.2万).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commas must separate groups of three digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use at most two decimal places.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a postcode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A tag has at most 40 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most 50 tags.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A unified social credit code has 18 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A credit code has digits and capital letters other than I, O, S, V and Z.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Characters 3 to 8 of a credit code are the region code: digits only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last character does not match: the code has a typing error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only one contact can be the primary contact.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerList</name>
    <message>
        <source>Search by name, pinyin, phone, contact, archive number or tag (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Customer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Industry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved Filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear Filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This archive has no customers yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the first customer card, or try the program with 200 sample customers. Best in a trial archive: the sample cards stay in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the &amp;First Customer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try with &amp;Sample Data</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerListPage</name>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The best {n} matches; type more to narrow down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing matches “{query}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer matches these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save Current Filter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name for the current search and filters:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter “{name}” saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding {n} sample customers…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
    <message>
        <source>Archive No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Industry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>archive number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pinyin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pinyin initials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorDetails</name>
    <message>
        <source>Salesperson / service clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regional manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager / director</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive custodian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>view customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edit customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reassign customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>view sensitive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manage users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manage settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>view audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manage register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request loan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>current passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>passphrase for the new archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>current password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a pipe (FIFO)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with_owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fulfilled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reassign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export_full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loan_renewal</source>
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
        <source>This input cannot be used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role does not allow this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The login failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed this meanwhile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit log does not verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filed as a request for approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{headline} ({message})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer Archive</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExcelTransfer</name>
    <message>
        <source>Full Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A full export needs a manager&apos;s approval. Why do you need it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is a folder, not a workbook.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is empty: it holds no workbook.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is protected with a password. Remove the password in Excel (File › Info › Protect Workbook) and save it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is a PDF document, not a spreadsheet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is a text file (a CSV?), not an Excel workbook.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is not a spreadsheet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is damaged: it cannot be read as a workbook.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is a ZIP archive, not an Excel workbook.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the {n} customers of the current list, or the full workbook (every field, contacts, transactions, follow-ups, histories)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current &amp;List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Full Workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import from Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open it in Excel, WPS or LibreOffice and save it as a workbook (.xlsx, .xls or .ods).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is too large to import: it unpacks to more than 256 MB. Split the list into several workbooks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is not an ordinary workbook: a part of it unpacks hundreds of times larger than it is stored. It was not read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} has a sheet with more rows than Excel allows (1 048 576). It was not read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} has a sheet with more columns than Excel allows (16 384). It was not read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xlsm *.xls *.ods);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to E&amp;xcel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import from Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo Last Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your request #{n} for a full export is still waiting for a manager&apos;s decision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filed as request #{n}. Once a manager approves it, export again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} customers exported to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting to Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo Last Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no import to undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take back import #{n} of {file} ({created} new cards deleted, {updated} updated cards given their old values)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import #{n} undone: {deleted} cards deleted, {restored} restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undoing the import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: nothing was written or changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>&amp;Hand Over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. left the company on 2026-11-30</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{user} – deactivated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose who leaves and who takes over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose two different people.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the reason for the handover; it is kept in every card&apos;s history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handing over…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} customers now belong to {user}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{user} was responsible for no customer; nothing was moved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The handover needs a manager&apos;s approval: it was sent as request #{n}. The customers move when it is approved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When someone leaves or changes jobs, every customer they are responsible for goes to one named successor, in one step. The change is kept in each card&apos;s history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Skip it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update the existing card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a new card anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip (duplicate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title in the sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (hidden)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header in row {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sheet is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The choices changed: check again to see what the import will do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the sheet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check: {create} new cards, {update} updates, {skip} duplicates skipped, {unchanged} unchanged, {invalid} rows with problems (not taken), {empty} empty rows. Nothing was changed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported: {create} new cards, {update} updated, {skip} duplicates skipped, {unchanged} unchanged, {invalid} rows with problems not taken. File › Undo Last Import takes it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact details without the contact&apos;s name: map the name column (联系人/姓名) or map this column to a card field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not one of the values this field takes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same credit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>similar name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same archive number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row {row} of the file ({why})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number} {name} ({why})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import from Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sheet:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Duplicates:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns (matched from their titles; change a field where it is wrong)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chec&amp;k (Dry Run)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <source>ordinary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>valuable (a manager approves its loans)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the item number and a description.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register an Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item &amp;number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Value class:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Customer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>archive number (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Shelf:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ustodian:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user name (optional: anyone with the custodian role)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already in our custody (a customer&apos;s material)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoanActionDialog</name>
    <message>
        <source>This needs a note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received &amp;by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New due date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It came back &amp;damaged</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoanRegister</name>
    <message>
        <source>in store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lent out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with its owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>equipment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>customer&apos;s material</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{state}, overdue {days} d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{state}, due soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{state} (taken in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description / customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shelf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All loans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open (requested, approved, out)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To hand out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To collect (due soon)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive Register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{no} {description}{owner}: {state}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved for {who} until {due}: hand it out?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out to {who}, due {due}: take it back?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to hand out or take back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No item is numbered {no}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loan #{id}: {no} {description} — {who}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handed out {no} to {who}, due back {due}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Condition:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say what condition the item leaves in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{no} is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} is first in the queue: tell them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loan #{id} requested; it waits for approval.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loan #{id} approved; the custodian can hand it out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loan #{id} approved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Why:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loan #{id} rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel Loan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loan #{id} cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark Lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;What happened:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{no} marked lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loan #{id} renewed until {due}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewal of loan #{id} requested; it waits for approval.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are in the queue for {no}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reserve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item {no} registered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{no} is back in store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Loan Slip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loan slip saved to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} label(s) saved to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the Register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} loan(s) exported to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Scan:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan or type an item number, then press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hand Out…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Take Back…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back for the first in the queue: tell them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item, borrower, purpose or customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer archive number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item number, description or customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Item…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found / &amp;Repaired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Labels PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;quest…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;pprove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;ject…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;new…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reser&amp;ve…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel Loan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;Lost…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loan &amp;Slip PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport to Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoanRequestDialog</name>
    <message>
        <source>colleague</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outside party</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lent out (the item leaves the archive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>taken in (a customer&apos;s material into custody)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the item number and the purpose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request a Loan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Item number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Borrower:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you, a department or an outside party</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Borrower &amp;kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Direction:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wanted &amp;from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wanted &amp;until:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>&amp;Log In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose Your Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Change Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account {user} is deactivated. Ask your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account {user} has no password yet: an administrator must set one first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown user name or wrong password. Check Caps Lock and the keyboard layout, and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can try again now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many failed logins for {user}. Try again in {n} seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A password needs at least {n} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a password other than the one your administrator gave you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That password cannot be used; choose another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several people work with this archive. Log in with your user name and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your administrator set the password you just used. Choose your own password now; nobody else will know it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Open Read-Onl&amp;y…</source>
        <translation type="unfinished"></translation>
    </message>
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
        <source>The daily backup could not be written: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily backup written to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit log of this archive is not what this computer saw before: {problem}.

Someone may have removed or rewritten entries, or an older copy of the archive was put back. Tell your administrator; the audit log view can verify the whole chain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several people work with this archive. Log in to see its customers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log In…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests waiting for your decision: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your requests still waiting: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the approvals (Ctrl+Shift+A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Archive Read-Only</source>
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
        <source>File: {path}
Archive id: {id}
Schema version: {schema}
Key: {key}
Open by: {sessions}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drive: a network drive ({fs}); the program keeps its writes short and waits for other computers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drive: {fs}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened read-only: nothing can be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive Information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring a backup replaces everyone&apos;s data: ask a manager or an administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This backup is not restored: {reason}. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Others have the archive open ({users}). Ask them to close it first: a restore replaces the file under them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup {path} passed every check: {customers} customers, {contacts} contacts, {entries} audit entries, the audit chain intact.

Restoring replaces the archive with it. The current file is kept beside it, renamed. Restore now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive was restored from {path}. The file before the restore was kept as {previous}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
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
        <source>{name} – Customer Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the shared archive…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive cannot be reached: waiting for it to come back (your work stays on screen)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase of this archive was changed on another computer. Enter the new passphrase to go on; your open cards come back as they were.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Who Is Working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore from Backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Analysis…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive &amp;Register…</source>
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
        <source>Customer Archive {version}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer files for small offices, kept in one encrypted file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive format version {n} ({path})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLCipher {version}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built with these libraries, under their licences:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt and Qt for Python are used under the GNU LGPL version 3: you may replace them with your own build; their source is at the addresses above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} – {user} – Customer Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: nothing can be changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive can be reached again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{user} · {role}</source>
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
        <source>Also open by: {users}</source>
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
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Office</source>
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
        <source>S&amp;witch User…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Approvals…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Handover…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit &amp;Log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive &amp;Information…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change Passp&amp;hrase…</source>
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
    <name>OptionalDateEdit</name>
    <message>
        <source>Tick when the date is known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
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
    <name>PresencePanel</name>
    <message>
        <source>Who Is Working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each program checks in every 30 seconds; one that has not for {n} minutes (closed without saying so, or cut off) is no longer listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No archive is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only you have the archive open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} other people have the archive open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One other person has the archive open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(you)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServiceErrors</name>
    <message>
        <source>--anchor takes ID:HASH, the newest entry as audit verify printed it (an entry number and a 64-digit SHA-256), not {text!r}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--grade {grade!r}: one of A, B, C, D or unrated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--keep wants DAILY,WEEKLY,MONTHLY counts such as 7,4,6, not {text!r}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--limit cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--map {item!r}: expected COLUMN=FIELD (e.g. D=phone).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--on-duplicate must be one of {choices}, not {on_duplicate!r}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--set {item!r}: expected NAME=VALUE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--status/--tier: {message}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--{which} {value!r}: {message}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A backup cannot replace the archive itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A customer cannot be merged with itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A display name has at most {MAX_DISPLAY_NAME} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A full export needs a manager&apos;s approval: it was filed as request #{request_id}; once approved, export again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new item is in store or with its owner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A password is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A password must have at least {MIN_PASSWORD_LENGTH} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A region has at most {MAX_REGION} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A regional manager needs a region.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A renewal of loan #{loan_id} already waits for a decision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A user name has at most {MAX_USER_NAME} characters and no control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A user name is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An audit entry needs a user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An audit entry needs an action.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive number {archive_no} is already used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: nothing printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot change {fields_named} of an item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read {path}: {strerror}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot sort by {sort!r}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write {path}: permission denied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer {archive_no} is outside what you may see; ask a manager for access (customers request-access).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer {customer_id} does not exist (any more).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer {customer_id} no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer {customer_id} was changed by someone else meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer {id} was changed by someone else meanwhile (version {current_version}, you started from {your_version}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting {archive_no} needs a manager&apos;s approval: it was filed as request #{request_id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a reason for the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handover #{hid} is between {from_user} and {to_user}; only they and managers may print it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handover {handover!r}: expected its number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid input: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item number {item_no} is already used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item {item_no} belongs to a customer outside what you may see.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item {item_no} is already out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item {item_no} is marked lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item {item_no} is not out: request it instead of queueing for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item {item_no} is {state}, not lost or damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item {item_no} was changed by someone else meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item {item_no}: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep at least one daily backup; counts cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Likely duplicate of: {listed}. Add --allow-duplicate to add it anyway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loan #{id} cannot move on: another save of its item was first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loan #{id} was changed by someone else meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loan #{loan_id} has no request waiting for a decision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loan #{loan_id} is no longer out; it cannot be renewed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loan #{loan_id} is no longer waiting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loan #{loan_id} was changed by someone else meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in first: this archive has several users.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merging removes a card: ask a manager to merge these two customers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the loan (#N) or the item (--item NUMBER).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No archive at {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No archive is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No attachment {attachment_id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backup at {backup}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No column holds the company name (企业名称): map one, e.g. --map A=name (the columns: {titles}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer with id {customer_id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer {ref}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer {text}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customers match: nothing printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No handover #{handover_id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No handover of {from_user} to print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No handover to print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No item numbered {number!r}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No item with id {item_id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No items to label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No loan #{loan_id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No request #{approval_id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reservation #{reservation_id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keyring is available here; nothing to forget.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No user {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No user {user_name!r} in this archive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No value list for {column!r}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No {what}: give it with --passphrase-stdin, or run on a terminal to be asked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No {what}: give it with --passphrase-stdin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No {what}: give it with --password-stdin, or run on a terminal to be asked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No {what}: give it with --password-stdin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a date or time: {text!r} (use YYYY-MM-DD or YYYY-MM-DDTHH:MM).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a time: {value!r}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to change: give --set FIELD=VALUE or --contact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to print: no customers selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a customer&apos;s material is taken into custody.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a manager or an administrator adds sample data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a manager or an administrator recomputes the tiers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an administrator can manage accounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the asker, the borrower, the custodian or a manager can cancel a loan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the borrower, the asker, the custodian or a manager can renew a loan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the person who asked can cancel a request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only who queued, the custodian or a manager can cancel this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only {by_user}, who made it, or a manager can undo import #{id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request #{id} is already {state}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reservation #{reservation_id} is already {state}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring a backup replaces everyone&apos;s data: that needs a manager or an administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say what condition the item leaves in (e.g. &apos;as new&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say what is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say what to change (--description, --value-class, --shelf, --custodian, --note).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why the request is rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why you need to see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That password cannot be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The access duration must be a whole number of hours, not {hours!r}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The access duration must be {ACCESS_HOURS_MIN} to {ACCESS_HOURS_MAX} hours (30 days), not {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account {name} has no password yet: an administrator must set one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account {name} is deactivated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account {user_name} is deactivated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive has no active account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive has no active administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive is open elsewhere ({who}); close it there first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive is open read-only, and every export goes into its audit log: open it read-write to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive is open read-only, and every export goes into its audit log: open it read-write to write the analysis to a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive is open read-only, and every print goes into its audit log: open it read-write to print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive {path} cannot be reached (moved, deleted, or its drive is gone).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive {path} cannot be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive {path} is in use by another program and stayed locked; try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive {path} is in {mode} journal mode and could not be switched back to the rollback journal while another program has it open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive {path} is open elsewhere ({who}); close it there first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive {path} or its folder is read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive {path} reported an error: {exc}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive {path} was replaced by another file (a restore or a copy put in its place): open it again to go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup and the archive are the same file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup folder {parent} cannot be made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup folder {target} cannot be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup to {target} was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change of {archive_no} needs a manager&apos;s approval: it was filed as request #{request_id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk holding {path} is full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full: {path} was not written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full: {target} was not written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder {folder} is not writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The handover needs a manager&apos;s approval: request #{request_id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key in the system keyring no longer opens this archive (was the passphrase changed elsewhere?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last import (#{id}, {file_name}) was already undone by {undone_by}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new passphrase cannot be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase cannot be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase cannot contain a NUL character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase must have at least {MIN_LENGTH} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The period starts after it ends ({start} &gt; {end}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sheet has no column {key!r} (it has: {known}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored credit rule is not valid: {exc}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keyring is locked; unlock it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keyring is locked; unlock it or give the passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workbook has no sheet {sheet!r} (it has: {names}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already a user {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no file {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no folder {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no import to undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This archive has several users: log in with your user name and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This archive has several users: say who you are with --user NAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many failed logins for {name}: try again in {seconds} s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown approval rule(s): {rules}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown field {target!r} for column {key!r}; fields are the card&apos;s (name, phone, region, …) and contact.name, contact.mobile, ….</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown role {role!r}; one of: {choices}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown user or wrong password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With a second account everybody logs in with a password, and you ({user_name}) have none yet: choose one for yourself when you add {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With several users everybody logs in with a password; these accounts have none: {names}. Reset their passwords first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong passphrase for {path}, or the file is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong passphrase for {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can change only your own password; an administrator resets others&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can change only your own password; an administrator uses `users reset`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot decide your own request: another person must.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You may not decide requests of this kind ({kind}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your request #{waiting} for a full export is still waiting for a manager&apos;s decision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role may not read the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role may not see this customer&apos;s sensitive data; ask a manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>custodian: no active user {custodian}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restore would replace the archive {path} with {backup}; run it again with --yes to do so.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{borrower} is already in the queue for {item_no}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{borrower} is first in the queue for item {item_no} (reservation #{id}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} card(s) of import #{batch_id} were changed since ({listed}); undoing would lose those changes, so nothing was undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{flag}: standard input has no line for the {what}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder} cannot be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is {more}{size_mb:.1f} MB; attachments may be at most {limit_mb:.0f} MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: longer than {MAX_TEXT} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: {message}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: {value!r} is not one of {choices}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} cannot be reached ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} cannot be read: permission denied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} cannot be written: {strerror}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} could not be written: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is a Customer Archive, but damaged: {why}. Nothing was changed; restore the newest backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is a folder, not a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is a folder, not an archive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is a folder: choose a file name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is a folder: give a file name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is a plain, unencrypted SQLite database, not a Customer Archive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is an SQLCipher database but not a Customer Archive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is not a Customer Archive file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is open read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is {kind}, not a file: only regular files can be attached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} needs an upgrade (schema {version} to {LATEST_VERSION}); open it read-write once to upgrade.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} was made by a newer version of Customer Archive (schema {version}; this program knows up to {LATEST_VERSION}). Install the newer version to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: permission denied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}{via} is {kind}, not a file: choose a file name to write to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{problem} (loan #{loan_id}, {borrower})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{role_label} {user_name} may not take a backup: a backup is a full copy of the archive, sensitive fields included, so it needs a manager or an administrator (like a full export).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{role_label} {user_name} may not {what}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{target} is a folder; give a file name for the backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{user_name} has no password: reset it before activating the account (with several users everybody logs in).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{user_name} is the last active administrator and cannot be {what}d: make someone else administrator first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{user_name} may not restore a backup: that needs a manager or an administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{user_name} must choose a new password first: customer-archive users passwd --user {user_name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} {item!r}: expected FIELD=VALUE.</source>
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
        <source>This computer&apos;s keyring holds the passphrase of this archive. Untick the box to take it out when you unlock.</source>
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
    <name>UserEditDialog</name>
    <message>
        <source>Add a User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new person logs in with this user name and password. Tell them the password in person; they choose their own at the first login.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a new password for {user}. They must choose their own at their next login; a failed-login delay on the account ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change Role or Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What {user} may see and do follows from the role; a regional manager sees the customers of their region.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required for a regional manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A password needs at least {n} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own password needs at least {n} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two entries of your own password differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;egion:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repea&amp;t:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat y&amp;ours:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Must choose their own password at the first login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With a second account everybody logs in with a password, and you have none yet. Choose yours now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Enter a user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A user name has at most 64 characters and no control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already a user {user}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A display name has at most 100 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A regional manager needs a region.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A region has at most 64 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A password needs at least {n} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That password cannot be used; choose another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With a second account everybody logs in with a password, and you have none yet: choose yours below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own password needs at least {n} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{user} is the last active administrator: make someone else administrator first, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an administrator can manage accounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ac&amp;tivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{user} was added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password of {user} was reset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The role of {user} was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{user} was activated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{user} was deactivated; their customers stay assigned to them until they are handed over (Office &gt; Handover).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The people who work with this archive. Accounts are never deleted (the history names them): deactivate the account of someone who left, after handing their customers over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset Password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change Role or Re&amp;gion…</source>
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
    <message>
        <source>This passphrase is {strength}: it can be guessed quickly by anyone who gets a copy of the archive file. Use it anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a stronger passphrase: a few unrelated words are strong and easy to remember.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
