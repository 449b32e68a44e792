<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Gatehouse Admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administration of the Gatehouse customer portal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>License</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Gatehouse Admin&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>The server did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server cannot be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not signed in (or your session expired).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your staff role does not allow this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed these records in the meantime.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many attempts; wait a moment and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server failed (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request failed (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ERP role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 (key %3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who (staff or portal user email)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ERP roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any origin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an event to see the values before and after.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting the audit log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n event(s) to %1.</source>
        <translation>
            <numerusform>Exported %n event to %1.</numerusform>
            <numerusform>Exported %n events to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Job runs</source>
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
        <source>%1 %2: %3 by %4, %5</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Catalogue</name>
    <message>
        <source>Account Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View Order History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View Deliveries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View Invoice History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download Statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View Quotes &amp; Enquiries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View Payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay invoices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay on account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email documents</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed on the server by someone else; reload this record to see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending: not saved until Update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal section %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STAT ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ERP status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make Payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modules displayed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Origin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This customer or its contacts hold edits not yet saved (Update saves them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Own only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal section “%1” (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can Register: may sign up for the portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make Payment: may pay invoices in the portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account Admin: manages the sub-accounts of this customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Own Orders Only: sees only their own orders and the invoices of those</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed fields</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to Gatehouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with your staff account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://gatehouse.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untrusted certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate of %1 could not be verified:
%2

Subject: %3
SHA-256 fingerprint:
%4

Trust this certificate for this server only if you have checked the fingerprint with your IT department.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trust this certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the server&apos;s address, e.g. https://gatehouse.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your email and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: this connection is not encrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted. Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The email or password is not correct.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server does not offer the Gatehouse Admin API (not found).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <source>Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number, name, group or STAT ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Portal:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload those records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a customer to see its contacts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts of %1: loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts of %1: 1 contact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts of %1: %2 contacts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick a box to change a permission; Update (Ctrl+S) saves all edits at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to update.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Saving %n record(s)…</source>
        <translation>
            <numerusform>Saving %n record…</numerusform>
            <numerusform>Saving %n records…</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was saved: some records were changed by someone else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update failed — nothing was saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Saved %n record(s).</source>
        <translation>
            <numerusform>Saved %n record.</numerusform>
            <numerusform>Saved %n records.</numerusform>
        </translation>
    </message>
    <message>
        <source>Pending edits dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Nothing was saved. %n record(s) were changed by someone else since you loaded them (marked red). Reload them to see the current values (your edits on them are dropped), then Update again.</source>
        <translation>
            <numerusform>Nothing was saved. %n record was changed by someone else since you loaded them (marked red). Reload them to see the current values (your edits on them are dropped), then Update again.</numerusform>
            <numerusform>Nothing was saved. %n records were changed by someone else since you loaded them (marked red). Reload them to see the current values (your edits on them are dropped), then Update again.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reload this record (drop my edits on it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert my edits on this record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable full portal access for all customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable portal access for all customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can Register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make Payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant “%1” to all contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove “%1” from all contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting the records this changes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This changes no records: everything is already so.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This changes 1 record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This changes %1 records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.

%2, at once and for everyone. Continue?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Change 1 record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Change %1 records</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n record(s) changed.</source>
        <translation>
            <numerusform>%1: %n record changed.</numerusform>
            <numerusform>%1: %n records changed.</numerusform>
        </translation>
    </message>
    <message>
        <source>Set one permission on all contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant (tick) on all contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove (untick) on all contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Permission:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <source>Entity type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields enclosure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entity Attributes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search attributes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exclude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the export %1 and its file?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ERP role mappings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export queued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading… %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>Import Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entity type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import behaviour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation strategy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field separator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multiple value separator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields enclosure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty attribute value constant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File to Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UTF-8 CSV file, up to 1536 MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download Sample File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Change Report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Sample File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Change Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ERP role mappings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add/Update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom Action (_action column)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop on Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip Error Entities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The file is valid: %n row(s) checked.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The file has %n error(s); see the list below.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import failed; nothing was imported. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created %1, updated %2, unchanged %3, deleted %4, skipped %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Would create %1, update %2, leave unchanged %3, delete %4, skip %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n data row(s) read.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more error(s) not listed.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobsModel</name>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobsPage</name>
    <message>
        <source>Jobs are not available on this server (its Admin API has no /jobs).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Scheduled&lt;/b&gt; (cron expressions are edited under Settings → Schedules)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Recent runs&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cron expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a job to see its log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedules are not available on this server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No errors reported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the selected scheduled job at once (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (run %2, %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 (%2), status %3
Queued %4, started %5, finished %6
Counts: %7
File: %8

%9</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run now: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: run %2 queued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: run %2 cannot be followed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: run %2 is queued…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: run %2 is running…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: run %2 failed. %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reason was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: run %2 done at %3. %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counts: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Gatehouse Admin</source>
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
        <source>&amp;Bulk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
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
        <source>&amp;Update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save all pending edits in one transaction (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop all pending edits (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enable full access for all customers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Disable full access for all customers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Set one permission on all contacts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Gatehouse Admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Drop %n pending edit(s)? They were never saved.</source>
        <translation>
            <numerusform>Drop %n pending edit? It was never saved.</numerusform>
            <numerusform>Drop %n pending edits? They were never saved.</numerusform>
        </translation>
    </message>
    <message>
        <source>The translation %1 is not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers &amp; Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ERP Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1 as %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gatehouse Admin — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 pending change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 pending changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in 1 record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1 records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pending changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved edits found</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n edit(s) from your last session were never saved (the app may have been closed or crashed). Keep them to review and Update, or discard them?</source>
        <translation>
            <numerusform>%n edit from your last session was never saved (the app may have been closed or crashed). Keep them to review and Update, or discard them?</numerusform>
            <numerusform>%n edits from your last session were never saved (the app may have been closed or crashed). Keep them to review and Update, or discard them?</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Keep them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your pending edits are kept for next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 unsaved setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 unsaved settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Your %n pending edit(s) are still there; Update saves them.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Unsaved settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n setting(s) were changed and not saved. Save them now?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewPortalUserDialog</name>
    <message>
        <source>New portal user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name@customer.example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;First name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Last name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Customer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer number, e.g. C100001</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Further assigned customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account &amp;admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Make payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send invitation (set-password e-mail)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the person&apos;s e-mail address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the number of the customer this person belongs to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A portal user with this e-mail address already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortalUserDialog</name>
    <message>
        <source>Portal user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account &amp;admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Make payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2 %3), primary customer %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What applies at each assigned customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the customer has a contact with this person&apos;s e-mail, that contact&apos;s check boxes (Customers &amp; Contacts) apply there; elsewhere the sections and flags below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rights from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sections and flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make Payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account Admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Own Orders Only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact %1 (Customers &amp; Contacts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This portal user&apos;s own settings (below)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortalUsersPage</name>
    <message>
        <source>Portal users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search email, name or customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 portal user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 portal users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Invite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the set-password email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a password-reset email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;nable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit access…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned customers, sections, admin, make payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preview as this user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal user %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invitation sent to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password-reset email sent to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is disabled and can no longer sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is enabled again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is unlocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable portal user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable %1? They can no longer sign in to the portal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the portal user failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal user saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lift the lock and forget the failed sign-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New portal user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a person who may use the portal, and invite them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invite portal user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already has an active account, so there is nothing to invite them to.

Send a password-reset e-mail instead?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send &amp;reset e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal user %1 created; the invitation is on its way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal user %1 created (not invited yet).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewWindow</name>
    <message>
        <source>Preview as %1 — read only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PREVIEW — READ ONLY. This is the portal exactly as %1 sees it. Nothing can be changed from here; the preview ends after 5 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Error code: %1 (HTTP %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <source>ERP role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Role code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. SALES01</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processes authorised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modules displayed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;No access (users with this role cannot sign in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add ERP role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit ERP role %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the role code as the ERP names it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RolesPage</name>
    <message>
        <source>ERP roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any module</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search role code or description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access: any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No access only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With access only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the visible columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows per page, 1 to 999</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◀ &amp;Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding the role failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role %1 added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving role %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role %1 saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete ERP role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the role mapping %1? Internal users with this role lose the rights it gave.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting role %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role %1 deleted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerText</name>
    <message>
        <source>Customer selection mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal user allowed sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restricted customer groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Denied customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order history sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order history from (days back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order history max records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice history sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice history from (days back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice history max records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer add/sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only customers with a STAT ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free-field filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Additional filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last successful run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import invoices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbox folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTP host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTP port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTP user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTP password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome / set password template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset password template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already registered template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logo URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session idle timeout (minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session absolute timeout (hours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload limit (MB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Character classes required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all_except</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>allow_list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>payer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>smtp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ERP free fields on My Account (KEY=Label, …)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>The server&apos;s answer holds no session token. Is this a Gatehouse server?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Changes take effect when saved. Cron expressions have five fields (minute hour day month weekday) and an optional year; leave one empty to disable that job.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send &amp;test email…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passwords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings are not available on this server (its Admin API has no /settings).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings could not be loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set — type to replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled (no schedule).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking schedules is not available on this server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next runs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No settings changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving settings failed — nothing was saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n setting(s) saved.</source>
        <translation>
            <numerusform>%n setting saved.</numerusform>
            <numerusform>%n settings saved.</numerusform>
        </translation>
    </message>
    <message>
        <source>Send test email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a test email (with the saved email settings) to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending a test email is not available on this server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test email failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A test email to %1 was queued; it goes out with the next email run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every assigned customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only assigned customers that are payers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only customers on the allow list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All customers except the deny list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbox folder (nothing is sent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTP server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Administration of the Gatehouse portal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server to connect to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff email to prefill.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit every screen and save screenshots into DIR, then quit (needs --server, --email and GATEHOUSE_ADMIN_PASSWORD).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
