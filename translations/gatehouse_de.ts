<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de_DE">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Gatehouse Admin</source>
        <translation>Über Gatehouse Admin</translation>
    </message>
    <message>
        <source>Administration of the Gatehouse customer portal.</source>
        <translation>Verwaltung des Gatehouse-Kundenportals.</translation>
    </message>
    <message>
        <source>License</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <source>Build information</source>
        <translation>Build-Informationen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Gatehouse Admin&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Gatehouse Admin&lt;/b&gt; %1</translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>The server did not answer in time.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The server's certificate is not trusted.</source>
        <translation>Dem Zertifikat des Servers wird nicht vertraut.</translation>
    </message>
    <message>
        <source>The server cannot be reached.</source>
        <translation>Der Server ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>The server refused the input.</source>
        <translation>Der Server hat die Eingabe abgelehnt.</translation>
    </message>
    <message>
        <source>You are not signed in (or your session expired).</source>
        <translation>Sie sind nicht angemeldet (oder Ihre Sitzung ist abgelaufen).</translation>
    </message>
    <message>
        <source>Your staff role does not allow this.</source>
        <translation>Ihre Mitarbeiterrolle erlaubt das nicht.</translation>
    </message>
    <message>
        <source>Not found on the server.</source>
        <translation>Auf dem Server nicht gefunden.</translation>
    </message>
    <message>
        <source>Someone else changed these records in the meantime.</source>
        <translation>Jemand anderes hat diese Datensätze inzwischen geändert.</translation>
    </message>
    <message>
        <source>Too many attempts; wait a moment and try again.</source>
        <translation>Zu viele Versuche; warten Sie einen Moment und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The server failed (HTTP %1).</source>
        <translation>Auf dem Server ist ein Fehler aufgetreten (HTTP %1).</translation>
    </message>
    <message>
        <source>The request failed (HTTP %1).</source>
        <translation>Die Anfrage ist fehlgeschlagen (HTTP %1).</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Portal user</source>
        <translation>Portalbenutzer</translation>
    </message>
    <message>
        <source>ERP role</source>
        <translation>ERP-Rolle</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <source>Job run</source>
        <translation>Aufgabenlauf</translation>
    </message>
    <message>
        <source>all contacts</source>
        <translation>alle Kontakte</translation>
    </message>
    <message>
        <source>all customers</source>
        <translation>alle Kunden</translation>
    </message>
    <message>
        <source>%1 %2 (key %3)</source>
        <translation>%1 %2 (Schlüssel %3)</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Audit log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Export audit log</source>
        <translation>Protokoll exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Who (staff or portal user email)</source>
        <translation>Wer (E-Mail von Mitarbeiter oder Portalbenutzer)</translation>
    </message>
    <message>
        <source>Any entity</source>
        <translation>Alle Objekte</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>Portal users</source>
        <translation>Portalbenutzer</translation>
    </message>
    <message>
        <source>ERP roles</source>
        <translation>ERP-Rollen</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Any origin</source>
        <translation>Alle Quellen</translation>
    </message>
    <message>
        <source>App</source>
        <translation>Programm</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>Portal</source>
        <translation>Portal</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Bis:</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>Als CSV &amp;exportieren…</translation>
    </message>
    <message>
        <source>1 event</source>
        <translation>1 Ereignis</translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation>%1 Ereignisse</translation>
    </message>
    <message>
        <source>Select an event to see the values before and after.</source>
        <translation>Wählen Sie ein Ereignis, um die Werte davor und danach zu sehen.</translation>
    </message>
    <message>
        <source>Exporting the audit log…</source>
        <translation>Protokoll wird exportiert…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n event(s) to %1.</source>
        <translation>
            <numerusform>%n Ereignis nach %1 exportiert.</numerusform>
            <numerusform>%n Ereignisse nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Job runs</source>
        <translation>Aufgabenläufe</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>%1 %2: %3 by %4, %5</source>
        <translation>%1 %2: %3 von %4, %5</translation>
    </message>
</context>
<context>
    <name>Catalogue</name>
    <message>
        <source>Account Summary</source>
        <translation>Kontoübersicht</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>Adressen</translation>
    </message>
    <message>
        <source>View Order History</source>
        <translation>Auftragshistorie anzeigen</translation>
    </message>
    <message>
        <source>View Deliveries</source>
        <translation>Lieferungen anzeigen</translation>
    </message>
    <message>
        <source>View Invoice History</source>
        <translation>Rechnungshistorie anzeigen</translation>
    </message>
    <message>
        <source>Download Statement</source>
        <translation>Kontoauszug herunterladen</translation>
    </message>
    <message>
        <source>View Quotes &amp; Enquiries</source>
        <translation>Angebote &amp; Anfragen anzeigen</translation>
    </message>
    <message>
        <source>View Payments</source>
        <translation>Zahlungen anzeigen</translation>
    </message>
    <message>
        <source>Pay invoices</source>
        <translation>Rechnungen bezahlen</translation>
    </message>
    <message>
        <source>Pay on account</source>
        <translation>Akontozahlung leisten</translation>
    </message>
    <message>
        <source>Email documents</source>
        <translation>Belege per E-Mail senden</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Changed on the server by someone else; reload this record to see it.</source>
        <translation>Auf dem Server von jemand anderem geändert; laden Sie diesen Datensatz neu, um die Änderung zu sehen.</translation>
    </message>
    <message>
        <source>Pending: not saved until Update</source>
        <translation>Ausstehend: erst mit „Übernehmen“ gespeichert</translation>
    </message>
    <message>
        <source>Portal section %1</source>
        <translation>Portalbereich %1</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>STAT ID</source>
        <translation>STAT-ID</translation>
    </message>
    <message>
        <source>ERP status</source>
        <translation>ERP-Status</translation>
    </message>
    <message>
        <source>Portal</source>
        <translation>Portal</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>Zahler</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Make Payment</source>
        <translation>Darf bezahlen</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Assigned customers</source>
        <translation>Zugeordnete Kunden</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>Prozesse</translation>
    </message>
    <message>
        <source>Modules displayed</source>
        <translation>Angezeigte Module</translation>
    </message>
    <message>
        <source>No access</source>
        <translation>Kein Zugriff</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>Zähler</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Eingereiht</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>This customer or its contacts hold edits not yet saved (Update saves them)</source>
        <translation>Dieser Kunde oder seine Kontakte haben noch nicht gespeicherte Änderungen (Aktualisieren speichert sie)</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Registrieren</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>Zahlen</translation>
    </message>
    <message>
        <source>Own only</source>
        <translation>Nur eigene</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>Adressen</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation>Lieferungen</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>Rechnungen</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Kontoauszug</translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation>Angebote</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Zahlungen</translation>
    </message>
    <message>
        <source>Portal section “%1” (%2)</source>
        <translation>Portalbereich „%1“ (%2)</translation>
    </message>
    <message>
        <source>Can Register: may sign up for the portal</source>
        <translation>Darf registrieren: darf sich für das Portal anmelden</translation>
    </message>
    <message>
        <source>Make Payment: may pay invoices in the portal</source>
        <translation>Zahlungen leisten: darf Rechnungen im Portal bezahlen</translation>
    </message>
    <message>
        <source>Account Admin: manages the sub-accounts of this customer</source>
        <translation>Kontoadministrator: verwaltet die Unterkonten dieses Kunden</translation>
    </message>
    <message>
        <source>Own Orders Only: sees only their own orders and the invoices of those</source>
        <translation>Nur eigene Aufträge: sieht nur die eigenen Aufträge und deren Rechnungen</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Changed fields</source>
        <translation>Geänderte Felder</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to Gatehouse</source>
        <translation>Mit Gatehouse verbinden</translation>
    </message>
    <message>
        <source>Sign in with your staff account.</source>
        <translation>Melden Sie sich mit Ihrem Mitarbeiterkonto an.</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>https://gatehouse.example.com</source>
        <translation>https://gatehouse.example.com</translation>
    </message>
    <message>
        <source>you@example.com</source>
        <translation>sie@example.com</translation>
    </message>
    <message>
        <source>Untrusted certificate</source>
        <translation>Nicht vertrauenswürdiges Zertifikat</translation>
    </message>
    <message>
        <source>The certificate of %1 could not be verified:
%2

Subject: %3
SHA-256 fingerprint:
%4

Trust this certificate for this server only if you have checked the fingerprint with your IT department.</source>
        <translation>Das Zertifikat von %1 konnte nicht überprüft werden:
%2

Inhaber: %3
SHA-256-Fingerabdruck:
%4

Vertrauen Sie diesem Zertifikat für diesen Server nur, wenn Sie den Fingerabdruck mit Ihrer IT-Abteilung abgeglichen haben.</translation>
    </message>
    <message>
        <source>&amp;Trust this certificate</source>
        <translation>Diesem Zertifikat &amp;vertrauen</translation>
    </message>
    <message>
        <source>Enter the server's address, e.g. https://gatehouse.example.com</source>
        <translation>Geben Sie die Adresse des Servers ein, z. B. https://gatehouse.example.com</translation>
    </message>
    <message>
        <source>Enter your email and password.</source>
        <translation>Geben Sie Ihre E-Mail-Adresse und Ihr Passwort ein.</translation>
    </message>
    <message>
        <source>Warning: this connection is not encrypted.</source>
        <translation>Achtung: Diese Verbindung ist nicht verschlüsselt.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <source>The server's certificate is not trusted. Nothing was sent.</source>
        <translation>Dem Zertifikat des Servers wird nicht vertraut. Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>The email or password is not correct.</source>
        <translation>E-Mail-Adresse oder Passwort ist nicht korrekt.</translation>
    </message>
    <message>
        <source>This server does not offer the Gatehouse Admin API (not found).</source>
        <translation>Dieser Server bietet die Gatehouse-Admin-API nicht an (nicht gefunden).</translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message>
        <source>Number, name, group or STAT ID</source>
        <translation>Nummer, Name, Gruppe oder STAT-ID</translation>
    </message>
    <message>
        <source>&amp;Portal:</source>
        <translation>&amp;Portal:</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>Alle Kunden</translation>
    </message>
    <message>
        <source>Portal enabled</source>
        <translation>Portal freigeschaltet</translation>
    </message>
    <message>
        <source>Portal disabled</source>
        <translation>Portal gesperrt</translation>
    </message>
    <message>
        <source>1 customer</source>
        <translation>1 Kunde</translation>
    </message>
    <message>
        <source>%1 customers</source>
        <translation>%1 Kunden</translation>
    </message>
    <message>
        <source>&amp;Reload those records</source>
        <translation>Diese Datensätze &amp;neu laden</translation>
    </message>
    <message>
        <source>Select a customer to see its contacts.</source>
        <translation>Wählen Sie einen Kunden, um seine Kontakte zu sehen.</translation>
    </message>
    <message>
        <source>Contacts of %1: loading…</source>
        <translation>Kontakte von %1: werden geladen…</translation>
    </message>
    <message>
        <source>Contacts of %1: 1 contact.</source>
        <translation>Kontakte von %1: 1 Kontakt.</translation>
    </message>
    <message>
        <source>Contacts of %1: %2 contacts.</source>
        <translation>Kontakte von %1: %2 Kontakte.</translation>
    </message>
    <message>
        <source>Tick a box to change a permission; Update (Ctrl+S) saves all edits at once.</source>
        <translation>Setzen Sie ein Häkchen, um eine Berechtigung zu ändern; „Übernehmen“ (Strg+S) speichert alle Änderungen auf einmal.</translation>
    </message>
    <message>
        <source>Nothing to update.</source>
        <translation>Nichts zu übernehmen.</translation>
    </message>
    <message numerus="yes">
        <source>Saving %n record(s)…</source>
        <translation>
            <numerusform>%n Datensatz wird gespeichert…</numerusform>
            <numerusform>%n Datensätze werden gespeichert…</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was saved: some records were changed by someone else.</source>
        <translation>Es wurde nichts gespeichert: Einige Datensätze wurden von jemand anderem geändert.</translation>
    </message>
    <message>
        <source>Update failed — nothing was saved</source>
        <translation>Übernehmen fehlgeschlagen – es wurde nichts gespeichert</translation>
    </message>
    <message>
        <source>Update failed.</source>
        <translation>Übernehmen fehlgeschlagen.</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n record(s).</source>
        <translation>
            <numerusform>%n Datensatz gespeichert.</numerusform>
            <numerusform>%n Datensätze gespeichert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Pending edits dropped.</source>
        <translation>Ausstehende Änderungen verworfen.</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was saved. %n record(s) were changed by someone else since you loaded them (marked red). Reload them to see the current values (your edits on them are dropped), then Update again.</source>
        <translation>
            <numerusform>Es wurde nichts gespeichert. %n Datensatz wurde seit dem Laden von jemand anderem geändert (rot markiert). Laden Sie ihn neu, um die aktuellen Werte zu sehen (Ihre Änderungen daran werden verworfen), und übernehmen Sie dann erneut.</numerusform>
            <numerusform>Es wurde nichts gespeichert. %n Datensätze wurden seit dem Laden von jemand anderem geändert (rot markiert). Laden Sie sie neu, um die aktuellen Werte zu sehen (Ihre Änderungen daran werden verworfen), und übernehmen Sie dann erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reload this record (drop my edits on it)</source>
        <translation>Diesen Datensatz neu laden (meine Änderungen daran verwerfen)</translation>
    </message>
    <message>
        <source>Revert my edits on this record</source>
        <translation>Meine Änderungen an diesem Datensatz rückgängig machen</translation>
    </message>
    <message>
        <source>Enable full portal access for all customers</source>
        <translation>Vollen Portalzugang für alle Kunden freischalten</translation>
    </message>
    <message>
        <source>Disable portal access for all customers</source>
        <translation>Portalzugang für alle Kunden sperren</translation>
    </message>
    <message>
        <source>Can Register</source>
        <translation>Darf sich registrieren</translation>
    </message>
    <message>
        <source>Make Payment</source>
        <translation>Darf bezahlen</translation>
    </message>
    <message>
        <source>Grant “%1” to all contacts</source>
        <translation>„%1“ allen Kontakten erlauben</translation>
    </message>
    <message>
        <source>Remove “%1” from all contacts</source>
        <translation>„%1“ allen Kontakten entziehen</translation>
    </message>
    <message>
        <source>Counting the records this changes…</source>
        <translation>Betroffene Datensätze werden gezählt…</translation>
    </message>
    <message>
        <source>This changes no records: everything is already so.</source>
        <translation>Das ändert keine Datensätze: Alles ist bereits so eingestellt.</translation>
    </message>
    <message>
        <source>This changes 1 record</source>
        <translation>Das ändert 1 Datensatz</translation>
    </message>
    <message>
        <source>This changes %1 records</source>
        <translation>Das ändert %1 Datensätze</translation>
    </message>
    <message>
        <source>%1.

%2, at once and for everyone. Continue?</source>
        <translation>%1.

%2, sofort und für alle. Fortfahren?</translation>
    </message>
    <message>
        <source>&amp;Change 1 record</source>
        <translation>1 Datensatz &amp;ändern</translation>
    </message>
    <message>
        <source>&amp;Change %1 records</source>
        <translation>%1 Datensätze &amp;ändern</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n record(s) changed.</source>
        <translation>
            <numerusform>%1: %n Datensatz geändert.</numerusform>
            <numerusform>%1: %n Datensätze geändert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Set one permission on all contacts</source>
        <translation>Eine Berechtigung für alle Kontakte setzen</translation>
    </message>
    <message>
        <source>Grant (tick) on all contacts</source>
        <translation>Allen Kontakten erlauben (Häkchen setzen)</translation>
    </message>
    <message>
        <source>Remove (untick) on all contacts</source>
        <translation>Allen Kontakten entziehen (Häkchen entfernen)</translation>
    </message>
    <message>
        <source>&amp;Permission:</source>
        <translation>&amp;Berechtigung:</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>&amp;Wert:</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <source>Entity type</source>
        <translation>Datentyp</translation>
    </message>
    <message>
        <source>Fields enclosure</source>
        <translation>Feldbegrenzer</translation>
    </message>
    <message>
        <source>Entity Attributes</source>
        <translation>Attribute des Datentyps</translation>
    </message>
    <message>
        <source>Search attributes</source>
        <translation>Attribute suchen</translation>
    </message>
    <message>
        <source>Reset Filter</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <source>Exclude</source>
        <translation>Ausschließen</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>Attribut</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Exported Files</source>
        <translation>Exportierte Dateien</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Datentyp</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Eingereiht</translation>
    </message>
    <message>
        <source>Download…</source>
        <translation>Herunterladen…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete Export</source>
        <translation>Export löschen</translation>
    </message>
    <message>
        <source>Delete the export %1 and its file?</source>
        <translation>Den Export %1 und seine Datei löschen?</translation>
    </message>
    <message>
        <source>Save Export</source>
        <translation>Export speichern</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Portal users</source>
        <translation>Portalbenutzer</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>ERP role mappings</source>
        <translation>ERP-Rollenzuordnungen</translation>
    </message>
    <message>
        <source>Export queued.</source>
        <translation>Export eingereiht.</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Downloading… %1</source>
        <translation>Wird heruntergeladen… %1</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>Import Settings</source>
        <translation>Importeinstellungen</translation>
    </message>
    <message>
        <source>Entity type</source>
        <translation>Datentyp</translation>
    </message>
    <message>
        <source>Import behaviour</source>
        <translation>Importverhalten</translation>
    </message>
    <message>
        <source>Validation strategy</source>
        <translation>Prüfstrategie</translation>
    </message>
    <message>
        <source>Allowed errors</source>
        <translation>Zulässige Fehler</translation>
    </message>
    <message>
        <source>File format</source>
        <translation>Dateiformat</translation>
    </message>
    <message>
        <source>Field separator</source>
        <translation>Feldtrennzeichen</translation>
    </message>
    <message>
        <source>Multiple value separator</source>
        <translation>Trennzeichen für Mehrfachwerte</translation>
    </message>
    <message>
        <source>Fields enclosure</source>
        <translation>Feldbegrenzer</translation>
    </message>
    <message>
        <source>Empty attribute value constant</source>
        <translation>Konstante für leeren Attributwert</translation>
    </message>
    <message>
        <source>File to Import</source>
        <translation>Zu importierende Datei</translation>
    </message>
    <message>
        <source>UTF-8 CSV file, up to 1536 MB</source>
        <translation>UTF-8-CSV-Datei, bis 1536 MB</translation>
    </message>
    <message>
        <source>Choose File…</source>
        <translation>Datei wählen…</translation>
    </message>
    <message>
        <source>Download Sample File…</source>
        <translation>Beispieldatei herunterladen…</translation>
    </message>
    <message>
        <source>Check Data</source>
        <translation>Daten prüfen</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <source>Save Change Report…</source>
        <translation>Änderungsbericht speichern…</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Save Sample File</source>
        <translation>Beispieldatei speichern</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Save Change Report</source>
        <translation>Änderungsbericht speichern</translation>
    </message>
    <message>
        <source>Portal users</source>
        <translation>Portalbenutzer</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>ERP role mappings</source>
        <translation>ERP-Rollenzuordnungen</translation>
    </message>
    <message>
        <source>Add/Update</source>
        <translation>Hinzufügen/Aktualisieren</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Custom Action (_action column)</source>
        <translation>Eigene Aktion (Spalte _action)</translation>
    </message>
    <message>
        <source>Stop on Error</source>
        <translation>Bei Fehler anhalten</translation>
    </message>
    <message>
        <source>Skip Error Entities</source>
        <translation>Fehlerhafte Datensätze überspringen</translation>
    </message>
    <message>
        <source>The file %1 cannot be read: %2</source>
        <translation>Die Datei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Uploading %1…</source>
        <translation>%1 wird hochgeladen…</translation>
    </message>
    <message>
        <source>Upload cancelled.</source>
        <translation>Hochladen abgebrochen.</translation>
    </message>
    <message>
        <source>Checking the data…</source>
        <translation>Daten werden geprüft…</translation>
    </message>
    <message numerus="yes">
        <source>The file is valid: %n row(s) checked.</source>
        <translation>
            <numerusform>Die Datei ist gültig: %n Zeile geprüft.</numerusform>
            <numerusform>Die Datei ist gültig: %n Zeilen geprüft.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The file has %n error(s); see the list below.</source>
        <translation>
            <numerusform>Die Datei hat %n Fehler; siehe die Liste unten.</numerusform>
            <numerusform>Die Datei hat %n Fehler; siehe die Liste unten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Wird importiert…</translation>
    </message>
    <message>
        <source>Import done.</source>
        <translation>Import abgeschlossen.</translation>
    </message>
    <message>
        <source>Import failed; nothing was imported. %1</source>
        <translation>Import fehlgeschlagen; es wurde nichts importiert. %1</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Created %1, updated %2, unchanged %3, deleted %4, skipped %5</source>
        <translation>Angelegt %1, aktualisiert %2, unverändert %3, gelöscht %4, übersprungen %5</translation>
    </message>
    <message>
        <source>Would create %1, update %2, leave unchanged %3, delete %4, skip %5</source>
        <translation>Würde %1 anlegen, %2 aktualisieren, %3 unverändert lassen, %4 löschen, %5 überspringen</translation>
    </message>
    <message numerus="yes">
        <source>%n data row(s) read.</source>
        <translation>
            <numerusform>%n Datenzeile gelesen.</numerusform>
            <numerusform>%n Datenzeilen gelesen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more error(s) not listed.</source>
        <translation>
            <numerusform>… und %n weiterer Fehler, nicht aufgeführt.</numerusform>
            <numerusform>… und %n weitere Fehler, nicht aufgeführt.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
</context>
<context>
    <name>JobsModel</name>
    <message>
        <source>Queued</source>
        <translation>Eingereiht</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>JobsPage</name>
    <message>
        <source>Jobs are not available on this server (its Admin API has no /jobs).</source>
        <translation>Aufgaben sind auf diesem Server nicht verfügbar (seine Admin-API hat kein /jobs).</translation>
    </message>
    <message>
        <source>&amp;Run now</source>
        <translation>&amp;Jetzt ausführen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Scheduled&lt;/b&gt; (cron expressions are edited under Settings → Schedules)</source>
        <translation>&lt;b&gt;Geplant&lt;/b&gt; (Cron-Ausdrücke werden unter Einstellungen → Zeitpläne bearbeitet)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Recent runs&lt;/b&gt;</source>
        <translation>&lt;b&gt;Letzte Läufe&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>Cron expression</source>
        <translation>Cron-Ausdruck</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Next run</source>
        <translation>Nächster Lauf</translation>
    </message>
    <message>
        <source>Select a job to see its log.</source>
        <translation>Wählen Sie eine Aufgabe, um ihr Protokoll zu sehen.</translation>
    </message>
    <message>
        <source>Schedules are not available on this server.</source>
        <translation>Zeitpläne sind auf diesem Server nicht verfügbar.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>No errors reported.</source>
        <translation>Keine Fehler gemeldet.</translation>
    </message>
    <message>
        <source>Run now</source>
        <translation>Jetzt ausführen</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>Letzter Lauf</translation>
    </message>
    <message>
        <source>Start the selected scheduled job at once (Ctrl+R)</source>
        <translation>Die gewählte geplante Aufgabe sofort starten (Strg+R)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>%1 (run %2, %3)</source>
        <translation>%1 (Lauf %2, %3)</translation>
    </message>
    <message>
        <source>Run %1 (%2), status %3
Queued %4, started %5, finished %6
Counts: %7
File: %8

%9</source>
        <translation>Lauf %1 (%2), Status %3
Eingereiht %4, gestartet %5, beendet %6
Zähler: %7
Datei: %8

%9</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1: starting…</source>
        <translation>%1: wird gestartet…</translation>
    </message>
    <message>
        <source>%1 could not be started.</source>
        <translation>%1 konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <source>Run now: %1</source>
        <translation>Jetzt ausführen: %1</translation>
    </message>
    <message>
        <source>%1: run %2 queued.</source>
        <translation>%1: Lauf %2 eingereiht.</translation>
    </message>
    <message>
        <source>%1: run %2 cannot be followed: %3</source>
        <translation>%1: Lauf %2 kann nicht verfolgt werden: %3</translation>
    </message>
    <message>
        <source>%1: run %2 is queued…</source>
        <translation>%1: Lauf %2 ist eingereiht…</translation>
    </message>
    <message>
        <source>%1: run %2 is running…</source>
        <translation>%1: Lauf %2 läuft…</translation>
    </message>
    <message>
        <source>%1: run %2 failed. %3</source>
        <translation>%1: Lauf %2 ist fehlgeschlagen. %3</translation>
    </message>
    <message>
        <source>No reason was given.</source>
        <translation>Es wurde kein Grund angegeben.</translation>
    </message>
    <message>
        <source>%1: run %2 done at %3. %4</source>
        <translation>%1: Lauf %2 um %3 fertig. %4</translation>
    </message>
    <message>
        <source>Counts: %1.</source>
        <translation>Zähler: %1.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Gatehouse Admin</source>
        <translation>Gatehouse Admin</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Bulk</source>
        <translation>&amp;Massenänderung</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>&amp;Verbinden…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Update</source>
        <translation>Ü&amp;bernehmen</translation>
    </message>
    <message>
        <source>Save all pending edits in one transaction (Ctrl+S)</source>
        <translation>Alle ausstehenden Änderungen in einem Schritt speichern (Strg+S)</translation>
    </message>
    <message>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Drop all pending edits (Ctrl+Z)</source>
        <translation>Alle ausstehenden Änderungen verwerfen (Strg+Z)</translation>
    </message>
    <message>
        <source>Ctrl+Z</source>
        <translation>Ctrl+Z</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>&amp;Enable full access for all customers…</source>
        <translation>Vollen Zugang für alle Kunden &amp;freischalten…</translation>
    </message>
    <message>
        <source>&amp;Disable full access for all customers…</source>
        <translation>Zugang für alle Kunden &amp;sperren…</translation>
    </message>
    <message>
        <source>&amp;Set one permission on all contacts…</source>
        <translation>&amp;Eine Berechtigung für alle Kontakte setzen…</translation>
    </message>
    <message>
        <source>&amp;About Gatehouse Admin</source>
        <translation>&amp;Über Gatehouse Admin</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Rückgängig</translation>
    </message>
    <message numerus="yes">
        <source>Drop %n pending edit(s)? They were never saved.</source>
        <translation>
            <numerusform>%n ausstehende Änderung verwerfen? Sie wurde nie gespeichert.</numerusform>
            <numerusform>%n ausstehende Änderungen verwerfen? Sie wurden nie gespeichert.</numerusform>
        </translation>
    </message>
    <message>
        <source>The translation %1 is not available.</source>
        <translation>Die Übersetzung %1 ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>Customers &amp; Contacts</source>
        <translation>Kunden &amp; Kontakte</translation>
    </message>
    <message>
        <source>Portal Users</source>
        <translation>Portalbenutzer</translation>
    </message>
    <message>
        <source>ERP Roles</source>
        <translation>ERP-Rollen</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>Audit Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Connected to %1 as %2 (%3)</source>
        <translation>Verbunden mit %1 als %2 (%3)</translation>
    </message>
    <message>
        <source>Gatehouse Admin — %1</source>
        <translation>Gatehouse Admin – %1</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>1 pending change</source>
        <translation>1 ausstehende Änderung</translation>
    </message>
    <message>
        <source>%1 pending changes</source>
        <translation>%1 ausstehende Änderungen</translation>
    </message>
    <message>
        <source>in 1 record</source>
        <translation>in 1 Datensatz</translation>
    </message>
    <message>
        <source>in %1 records</source>
        <translation>in %1 Datensätzen</translation>
    </message>
    <message>
        <source>No pending changes</source>
        <translation>Keine ausstehenden Änderungen</translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation>Angemeldet.</translation>
    </message>
    <message>
        <source>Unsaved edits found</source>
        <translation>Nicht gespeicherte Änderungen gefunden</translation>
    </message>
    <message numerus="yes">
        <source>%n edit(s) from your last session were never saved (the app may have been closed or crashed). Keep them to review and Update, or discard them?</source>
        <translation>
            <numerusform>%n Änderung aus Ihrer letzten Sitzung wurde nie gespeichert (das Programm wurde vielleicht geschlossen oder ist abgestürzt). Behalten, um sie zu prüfen und zu übernehmen, oder verwerfen?</numerusform>
            <numerusform>%n Änderungen aus Ihrer letzten Sitzung wurden nie gespeichert (das Programm wurde vielleicht geschlossen oder ist abgestürzt). Behalten, um sie zu prüfen und zu übernehmen, oder verwerfen?</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Keep them</source>
        <translation>&amp;Behalten</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>Your pending edits are kept for next time.</source>
        <translation>Ihre ausstehenden Änderungen bleiben für das nächste Mal erhalten.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Signing in to %1…</source>
        <translation>Anmeldung bei %1…</translation>
    </message>
    <message>
        <source>1 unsaved setting</source>
        <translation>1 nicht gespeicherte Einstellung</translation>
    </message>
    <message>
        <source>%1 unsaved settings</source>
        <translation>%1 nicht gespeicherte Einstellungen</translation>
    </message>
    <message numerus="yes">
        <source>Your %n pending edit(s) are still there; Update saves them.</source>
        <translation>
            <numerusform>Ihre %n ausstehende Änderung ist noch da; Aktualisieren speichert sie.</numerusform>
            <numerusform>Ihre %n ausstehenden Änderungen sind noch da; Aktualisieren speichert sie.</numerusform>
        </translation>
    </message>
    <message>
        <source>Unsaved settings</source>
        <translation>Nicht gespeicherte Einstellungen</translation>
    </message>
    <message numerus="yes">
        <source>%n setting(s) were changed and not saved. Save them now?</source>
        <translation>
            <numerusform>%n Einstellung wurde geändert und nicht gespeichert. Jetzt speichern?</numerusform>
            <numerusform>%n Einstellungen wurden geändert und nicht gespeichert. Jetzt speichern?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewPortalUserDialog</name>
    <message>
        <source>New portal user</source>
        <translation>Neuer Portalbenutzer</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>name@customer.example</source>
        <translation>name@kunde.example</translation>
    </message>
    <message>
        <source>&amp;First name:</source>
        <translation>&amp;Vorname:</translation>
    </message>
    <message>
        <source>&amp;Last name:</source>
        <translation>&amp;Nachname:</translation>
    </message>
    <message>
        <source>&amp;Customer:</source>
        <translation>&amp;Kunde:</translation>
    </message>
    <message>
        <source>Customer number, e.g. C100001</source>
        <translation>Kundennummer, z. B. C100001</translation>
    </message>
    <message>
        <source>Further assigned customers</source>
        <translation>Weitere zugeordnete Kunden</translation>
    </message>
    <message>
        <source>Customer number</source>
        <translation>Kundennummer</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Allowed sections</source>
        <translation>Erlaubte Bereiche</translation>
    </message>
    <message>
        <source>Account &amp;admin</source>
        <translation>Konto&amp;administrator</translation>
    </message>
    <message>
        <source>&amp;Make payment</source>
        <translation>&amp;Zahlungen leisten</translation>
    </message>
    <message>
        <source>&amp;Send invitation (set-password e-mail)</source>
        <translation>Einladung &amp;senden (E-Mail zum Festlegen des Passworts)</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Anlegen</translation>
    </message>
    <message>
        <source>Enter the person's e-mail address.</source>
        <translation>Geben Sie die E-Mail-Adresse der Person ein.</translation>
    </message>
    <message>
        <source>Enter the number of the customer this person belongs to.</source>
        <translation>Geben Sie die Nummer des Kunden ein, zu dem diese Person gehört.</translation>
    </message>
    <message>
        <source>A portal user with this e-mail address already exists.</source>
        <translation>Es gibt bereits einen Portalbenutzer mit dieser E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Assigned customers</source>
        <translation>Zugeordnete Kunden</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Wird angelegt…</translation>
    </message>
</context>
<context>
    <name>PortalUserDialog</name>
    <message>
        <source>Portal user</source>
        <translation>Portalbenutzer</translation>
    </message>
    <message>
        <source>Assigned customers</source>
        <translation>Zugeordnete Kunden</translation>
    </message>
    <message>
        <source>Customer number</source>
        <translation>Kundennummer</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Allowed sections</source>
        <translation>Erlaubte Bereiche</translation>
    </message>
    <message>
        <source>Account &amp;admin</source>
        <translation>Konto&amp;administrator</translation>
    </message>
    <message>
        <source>&amp;Make payment</source>
        <translation>&amp;Darf bezahlen</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2 %3), primary customer %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2 %3), Hauptkunde %4</translation>
    </message>
    <message>
        <source>What applies at each assigned customer</source>
        <translation>Was bei jedem zugeordneten Kunden gilt</translation>
    </message>
    <message>
        <source>Where the customer has a contact with this person's e-mail, that contact's check boxes (Customers &amp; Contacts) apply there; elsewhere the sections and flags below.</source>
        <translation>Hat der Kunde einen Kontakt mit der E-Mail-Adresse dieser Person, gelten dort die Häkchen dieses Kontakts (Kunden &amp; Kontakte); sonst die Bereiche und Merkmale unten.</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Rights from</source>
        <translation>Rechte aus</translation>
    </message>
    <message>
        <source>Sections and flags</source>
        <translation>Bereiche und Merkmale</translation>
    </message>
    <message>
        <source>Make Payment</source>
        <translation>Zahlungen leisten</translation>
    </message>
    <message>
        <source>Account Admin</source>
        <translation>Kontoadministrator</translation>
    </message>
    <message>
        <source>Own Orders Only</source>
        <translation>Nur eigene Aufträge</translation>
    </message>
    <message>
        <source>Contact %1 (Customers &amp; Contacts)</source>
        <translation>Kontakt %1 (Kunden &amp; Kontakte)</translation>
    </message>
    <message>
        <source>This portal user's own settings (below)</source>
        <translation>Eigene Einstellungen dieses Portalbenutzers (unten)</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
</context>
<context>
    <name>PortalUsersPage</name>
    <message>
        <source>Portal users</source>
        <translation>Portalbenutzer</translation>
    </message>
    <message>
        <source>Search email, name or customer</source>
        <translation>E-Mail, Name oder Kunde suchen</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>Eingeladen</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Blockiert</translation>
    </message>
    <message>
        <source>1 portal user</source>
        <translation>1 Portalbenutzer</translation>
    </message>
    <message>
        <source>%1 portal users</source>
        <translation>%1 Portalbenutzer</translation>
    </message>
    <message>
        <source>&amp;Invite</source>
        <translation>&amp;Einladen</translation>
    </message>
    <message>
        <source>Send the set-password email</source>
        <translation>Die E-Mail zum Festlegen des Passworts senden</translation>
    </message>
    <message>
        <source>&amp;Reset password</source>
        <translation>Passwort &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Send a password-reset email</source>
        <translation>Eine E-Mail zum Zurücksetzen des Passworts senden</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Sperren</translation>
    </message>
    <message>
        <source>E&amp;nable</source>
        <translation>E&amp;ntsperren</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Freigeben</translation>
    </message>
    <message>
        <source>&amp;Edit access…</source>
        <translation>Zugriff &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>Assigned customers, sections, admin, make payment</source>
        <translation>Zugeordnete Kunden, Bereiche, Administrator, Bezahlen</translation>
    </message>
    <message>
        <source>&amp;Preview as this user</source>
        <translation>&amp;Vorschau als dieser Benutzer</translation>
    </message>
    <message>
        <source>Portal user %1</source>
        <translation>Portalbenutzer %1</translation>
    </message>
    <message>
        <source>Invitation sent to %1.</source>
        <translation>Einladung an %1 gesendet.</translation>
    </message>
    <message>
        <source>Password-reset email sent to %1.</source>
        <translation>E-Mail zum Zurücksetzen des Passworts an %1 gesendet.</translation>
    </message>
    <message>
        <source>%1 is disabled and can no longer sign in.</source>
        <translation>%1 ist gesperrt und kann sich nicht mehr anmelden.</translation>
    </message>
    <message>
        <source>%1 is enabled again.</source>
        <translation>%1 ist wieder entsperrt.</translation>
    </message>
    <message>
        <source>%1 is unlocked.</source>
        <translation>%1 ist freigegeben.</translation>
    </message>
    <message>
        <source>Disable portal user</source>
        <translation>Portalbenutzer sperren</translation>
    </message>
    <message>
        <source>Disable %1? They can no longer sign in to the portal.</source>
        <translation>%1 sperren? Die Person kann sich dann nicht mehr am Portal anmelden.</translation>
    </message>
    <message>
        <source>Saving the portal user failed</source>
        <translation>Speichern des Portalbenutzers fehlgeschlagen</translation>
    </message>
    <message>
        <source>Portal user saved.</source>
        <translation>Portalbenutzer gespeichert.</translation>
    </message>
    <message>
        <source>Preview as %1</source>
        <translation>Vorschau als %1</translation>
    </message>
    <message>
        <source>Lift the lock and forget the failed sign-ins</source>
        <translation>Die Blockierung aufheben und die fehlgeschlagenen Anmeldungen vergessen</translation>
    </message>
    <message>
        <source>&amp;New portal user…</source>
        <translation>&amp;Neuer Portalbenutzer…</translation>
    </message>
    <message>
        <source>Add a person who may use the portal, and invite them</source>
        <translation>Eine Person hinzufügen, die das Portal nutzen darf, und sie einladen</translation>
    </message>
    <message>
        <source>Invite portal user</source>
        <translation>Portalbenutzer einladen</translation>
    </message>
    <message>
        <source>%1 already has an active account, so there is nothing to invite them to.

Send a password-reset e-mail instead?</source>
        <translation>%1 hat bereits ein aktives Konto; eine Einladung ist daher nicht nötig.

Stattdessen eine E-Mail zum Zurücksetzen des Passworts senden?</translation>
    </message>
    <message>
        <source>Send &amp;reset e-mail</source>
        <translation>E-Mail zum &amp;Zurücksetzen senden</translation>
    </message>
    <message>
        <source>Portal user %1 created; the invitation is on its way.</source>
        <translation>Portalbenutzer %1 angelegt; die Einladung ist unterwegs.</translation>
    </message>
    <message>
        <source>Portal user %1 created (not invited yet).</source>
        <translation>Portalbenutzer %1 angelegt (noch nicht eingeladen).</translation>
    </message>
</context>
<context>
    <name>PreviewWindow</name>
    <message>
        <source>Preview as %1 — read only</source>
        <translation>Vorschau als %1 – nur lesen</translation>
    </message>
    <message>
        <source>PREVIEW — READ ONLY. This is the portal exactly as %1 sees it. Nothing can be changed from here; the preview ends after 5 minutes.</source>
        <translation>VORSCHAU – NUR LESEN. So sieht %1 das Portal. Von hier aus lässt sich nichts ändern; die Vorschau endet nach 5 Minuten.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Error code: %1 (HTTP %2)</source>
        <translation>Fehlercode: %1 (HTTP %2)</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <source>ERP role</source>
        <translation>ERP-Rolle</translation>
    </message>
    <message>
        <source>&amp;Role code:</source>
        <translation>&amp;Rollencode:</translation>
    </message>
    <message>
        <source>e.g. SALES01</source>
        <translation>z. B. SALES01</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>Processes authorised</source>
        <translation>Erlaubte Prozesse</translation>
    </message>
    <message>
        <source>Modules displayed</source>
        <translation>Angezeigte Module</translation>
    </message>
    <message>
        <source>&amp;No access (users with this role cannot sign in)</source>
        <translation>&amp;Kein Zugriff (Benutzer mit dieser Rolle können sich nicht anmelden)</translation>
    </message>
    <message>
        <source>Add ERP role</source>
        <translation>ERP-Rolle hinzufügen</translation>
    </message>
    <message>
        <source>Edit ERP role %1</source>
        <translation>ERP-Rolle %1 bearbeiten</translation>
    </message>
    <message>
        <source>Enter the role code as the ERP names it.</source>
        <translation>Geben Sie den Rollencode so ein, wie das ERP ihn nennt.</translation>
    </message>
</context>
<context>
    <name>RolesPage</name>
    <message>
        <source>ERP roles</source>
        <translation>ERP-Rollen</translation>
    </message>
    <message>
        <source>Any process</source>
        <translation>Alle Prozesse</translation>
    </message>
    <message>
        <source>Any module</source>
        <translation>Alle Module</translation>
    </message>
    <message>
        <source>Search role code or description</source>
        <translation>Rollencode oder Beschreibung suchen</translation>
    </message>
    <message>
        <source>Access: any</source>
        <translation>Zugriff: beliebig</translation>
    </message>
    <message>
        <source>No access only</source>
        <translation>Nur ohne Zugriff</translation>
    </message>
    <message>
        <source>With access only</source>
        <translation>Nur mit Zugriff</translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation>&amp;Spalten</translation>
    </message>
    <message>
        <source>Choose the visible columns</source>
        <translation>Die sichtbaren Spalten wählen</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Eigene…</translation>
    </message>
    <message>
        <source>Page size:</source>
        <translation>Seitengröße:</translation>
    </message>
    <message>
        <source>Rows per page, 1 to 999</source>
        <translation>Zeilen pro Seite, 1 bis 999</translation>
    </message>
    <message>
        <source>◀ &amp;Previous</source>
        <translation>◀ &amp;Zurück</translation>
    </message>
    <message>
        <source>&amp;Next ▶</source>
        <translation>&amp;Weiter ▶</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>1 role</source>
        <translation>1 Rolle</translation>
    </message>
    <message>
        <source>%1 roles</source>
        <translation>%1 Rollen</translation>
    </message>
    <message>
        <source>Page %1 of %2 (%3)</source>
        <translation>Seite %1 von %2 (%3)</translation>
    </message>
    <message>
        <source>Adding the role failed</source>
        <translation>Hinzufügen der Rolle fehlgeschlagen</translation>
    </message>
    <message>
        <source>Role %1 added.</source>
        <translation>Rolle %1 hinzugefügt.</translation>
    </message>
    <message>
        <source>Saving role %1 failed</source>
        <translation>Speichern der Rolle %1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>Role %1 saved.</source>
        <translation>Rolle %1 gespeichert.</translation>
    </message>
    <message>
        <source>Delete ERP role</source>
        <translation>ERP-Rolle löschen</translation>
    </message>
    <message>
        <source>Delete the role mapping %1? Internal users with this role lose the rights it gave.</source>
        <translation>Die Rollenzuordnung %1 löschen? Interne Benutzer mit dieser Rolle verlieren die Rechte, die sie ihnen gab.</translation>
    </message>
    <message>
        <source>Deleting role %1 failed</source>
        <translation>Löschen der Rolle %1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>Role %1 deleted.</source>
        <translation>Rolle %1 gelöscht.</translation>
    </message>
</context>
<context>
    <name>ServerText</name>
    <message>
        <source>Customer selection mode</source>
        <translation>Kundenauswahl nach</translation>
    </message>
    <message>
        <source>Internal user allowed sections</source>
        <translation>Erlaubte Bereiche für interne Benutzer</translation>
    </message>
    <message>
        <source>Restricted customer groups</source>
        <translation>Gesperrte Kundengruppen</translation>
    </message>
    <message>
        <source>Access policy</source>
        <translation>Zugriffsregel</translation>
    </message>
    <message>
        <source>Allowed customers</source>
        <translation>Erlaubte Kunden</translation>
    </message>
    <message>
        <source>Denied customers</source>
        <translation>Gesperrte Kunden</translation>
    </message>
    <message>
        <source>Order history sync</source>
        <translation>Auftragshistorie synchronisieren</translation>
    </message>
    <message>
        <source>Order history from (days back)</source>
        <translation>Auftragshistorie ab (Tage zurück)</translation>
    </message>
    <message>
        <source>Order history max records</source>
        <translation>Auftragshistorie höchstens (Datensätze)</translation>
    </message>
    <message>
        <source>Invoice history sync</source>
        <translation>Rechnungshistorie synchronisieren</translation>
    </message>
    <message>
        <source>Invoice history from (days back)</source>
        <translation>Rechnungshistorie ab (Tage zurück)</translation>
    </message>
    <message>
        <source>Invoice history max records</source>
        <translation>Rechnungshistorie höchstens (Datensätze)</translation>
    </message>
    <message>
        <source>Customer add/sync</source>
        <translation>Kunden anlegen/synchronisieren</translation>
    </message>
    <message>
        <source>Only customers with a STAT ID</source>
        <translation>Nur Kunden mit STAT-ID</translation>
    </message>
    <message>
        <source>Free-field filter</source>
        <translation>Filter auf Freifelder</translation>
    </message>
    <message>
        <source>Additional filter</source>
        <translation>Zusätzlicher Filter</translation>
    </message>
    <message>
        <source>Last successful run</source>
        <translation>Letzter erfolgreicher Lauf</translation>
    </message>
    <message>
        <source>Import customers</source>
        <translation>Kunden importieren</translation>
    </message>
    <message>
        <source>Import orders</source>
        <translation>Aufträge importieren</translation>
    </message>
    <message>
        <source>Import invoices</source>
        <translation>Rechnungen importieren</translation>
    </message>
    <message>
        <source>Export queue</source>
        <translation>Export-Warteschlange</translation>
    </message>
    <message>
        <source>Email documents</source>
        <translation>Belege per E-Mail senden</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Versandweg</translation>
    </message>
    <message>
        <source>Outbox folder</source>
        <translation>Postausgangsordner</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Absender</translation>
    </message>
    <message>
        <source>SMTP host</source>
        <translation>SMTP-Server</translation>
    </message>
    <message>
        <source>SMTP port</source>
        <translation>SMTP-Port</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>SMTP user name</source>
        <translation>SMTP-Benutzername</translation>
    </message>
    <message>
        <source>SMTP password</source>
        <translation>SMTP-Passwort</translation>
    </message>
    <message>
        <source>Welcome / set password template</source>
        <translation>Vorlage Willkommen / Passwort festlegen</translation>
    </message>
    <message>
        <source>Reset password template</source>
        <translation>Vorlage Passwort zurücksetzen</translation>
    </message>
    <message>
        <source>Already registered template</source>
        <translation>Vorlage Bereits registriert</translation>
    </message>
    <message>
        <source>Documents template</source>
        <translation>Vorlage Belege</translation>
    </message>
    <message>
        <source>Portal name</source>
        <translation>Name des Portals</translation>
    </message>
    <message>
        <source>Logo URL</source>
        <translation>Logo-URL</translation>
    </message>
    <message>
        <source>Session idle timeout (minutes)</source>
        <translation>Sitzungsende bei Inaktivität (Minuten)</translation>
    </message>
    <message>
        <source>Session absolute timeout (hours)</source>
        <translation>Sitzungsende spätestens nach (Stunden)</translation>
    </message>
    <message>
        <source>Upload limit (MB)</source>
        <translation>Upload-Grenze (MB)</translation>
    </message>
    <message>
        <source>Minimum length</source>
        <translation>Mindestlänge</translation>
    </message>
    <message>
        <source>Maximum length</source>
        <translation>Höchstlänge</translation>
    </message>
    <message>
        <source>Character classes required</source>
        <translation>Erforderliche Zeichenarten</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle Kunden</translation>
    </message>
    <message>
        <source>all_except</source>
        <translation>alle außer den gesperrten</translation>
    </message>
    <message>
        <source>allow_list</source>
        <translation>nur die erlaubten</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>outbox</source>
        <translation>Postausgang (Dateien)</translation>
    </message>
    <message>
        <source>payer</source>
        <translation>Zahler</translation>
    </message>
    <message>
        <source>smtp</source>
        <translation>SMTP</translation>
    </message>
    <message>
        <source>ERP free fields on My Account (KEY=Label, …)</source>
        <translation>ERP-Freifelder unter „Mein Konto“ (SCHLÜSSEL=Bezeichnung, …)</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>The server's answer holds no session token. Is this a Gatehouse server?</source>
        <translation>Die Antwort des Servers enthält kein Sitzungstoken. Ist das ein Gatehouse-Server?</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Changes take effect when saved. Cron expressions have five fields (minute hour day month weekday) and an optional year; leave one empty to disable that job.</source>
        <translation>Änderungen wirken, sobald sie gespeichert sind. Cron-Ausdrücke haben fünf Felder (Minute Stunde Tag Monat Wochentag) und optional ein Jahr; lassen Sie einen leer, um die Aufgabe abzuschalten.</translation>
    </message>
    <message>
        <source>&amp;Save settings</source>
        <translation>Einstellungen &amp;speichern</translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <translation>Änderungen &amp;verwerfen</translation>
    </message>
    <message>
        <source>Send &amp;test email…</source>
        <translation>&amp;Test-E-Mail senden…</translation>
    </message>
    <message>
        <source>Loading settings…</source>
        <translation>Einstellungen werden geladen…</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>Schedules</source>
        <translation>Zeitpläne</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Portal</source>
        <translation>Portal</translation>
    </message>
    <message>
        <source>Passwords</source>
        <translation>Passwörter</translation>
    </message>
    <message>
        <source>Settings are not available on this server (its Admin API has no /settings).</source>
        <translation>Einstellungen sind auf diesem Server nicht verfügbar (seine Admin-API hat kein /settings).</translation>
    </message>
    <message>
        <source>The settings could not be loaded.</source>
        <translation>Die Einstellungen konnten nicht geladen werden.</translation>
    </message>
    <message>
        <source>set — type to replace</source>
        <translation>gesetzt – zum Ersetzen tippen</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation>durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Disabled (no schedule).</source>
        <translation>Abgeschaltet (kein Zeitplan).</translation>
    </message>
    <message>
        <source>Checking schedules is not available on this server.</source>
        <translation>Zeitpläne prüfen ist auf diesem Server nicht verfügbar.</translation>
    </message>
    <message>
        <source>Invalid: %1</source>
        <translation>Ungültig: %1</translation>
    </message>
    <message>
        <source>Next runs: %1</source>
        <translation>Nächste Läufe: %1</translation>
    </message>
    <message>
        <source>No settings changed.</source>
        <translation>Keine Einstellungen geändert.</translation>
    </message>
    <message>
        <source>Saving settings failed — nothing was saved</source>
        <translation>Speichern der Einstellungen fehlgeschlagen – es wurde nichts gespeichert</translation>
    </message>
    <message numerus="yes">
        <source>%n setting(s) saved.</source>
        <translation>
            <numerusform>%n Einstellung gespeichert.</numerusform>
            <numerusform>%n Einstellungen gespeichert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Send test email</source>
        <translation>Test-E-Mail senden</translation>
    </message>
    <message>
        <source>Send a test email (with the saved email settings) to:</source>
        <translation>Eine Test-E-Mail (mit den gespeicherten E-Mail-Einstellungen) senden an:</translation>
    </message>
    <message>
        <source>Sending a test email is not available on this server.</source>
        <translation>Test-E-Mails sind auf diesem Server nicht verfügbar.</translation>
    </message>
    <message>
        <source>Test email failed</source>
        <translation>Test-E-Mail fehlgeschlagen</translation>
    </message>
    <message>
        <source>A test email to %1 was queued; it goes out with the next email run.</source>
        <translation>Eine Test-E-Mail an %1 wurde eingereiht; sie geht mit dem nächsten E-Mail-Lauf hinaus.</translation>
    </message>
    <message>
        <source>Every assigned customer</source>
        <translation>Jeder zugeordnete Kunde</translation>
    </message>
    <message>
        <source>Only assigned customers that are payers</source>
        <translation>Nur zugeordnete Kunden, die Zahler sind</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>Alle Kunden</translation>
    </message>
    <message>
        <source>Only customers on the allow list</source>
        <translation>Nur Kunden auf der Freigabeliste</translation>
    </message>
    <message>
        <source>All customers except the deny list</source>
        <translation>Alle Kunden außer der Sperrliste</translation>
    </message>
    <message>
        <source>Outbox folder (nothing is sent)</source>
        <translation>Postausgangsordner (es wird nichts versendet)</translation>
    </message>
    <message>
        <source>SMTP server</source>
        <translation>SMTP-Server</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Administration of the Gatehouse portal.</source>
        <translation>Verwaltung des Gatehouse-Portals.</translation>
    </message>
    <message>
        <source>Server to connect to.</source>
        <translation>Server, mit dem verbunden wird.</translation>
    </message>
    <message>
        <source>Staff email to prefill.</source>
        <translation>Vorausgefüllte E-Mail-Adresse des Mitarbeiters.</translation>
    </message>
    <message>
        <source>Visit every screen and save screenshots into DIR, then quit (needs --server, --email and GATEHOUSE_ADMIN_PASSWORD).</source>
        <translation>Jede Ansicht besuchen, Bildschirmfotos in DIR speichern und beenden (benötigt --server, --email und GATEHOUSE_ADMIN_PASSWORD).</translation>
    </message>
</context>
</TS>