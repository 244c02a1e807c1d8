<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>UsersModel</name>
    <message>
        <source>User id</source>
        <translation>Benutzer-ID</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>OpenAI</source>
        <translation>OpenAI</translation>
    </message>
    <message>
        <source>Anthropic</source>
        <translation>Anthropic</translation>
    </message>
    <message>
        <source>Google</source>
        <translation>Google</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Andere</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Letzte Aktivität</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risiko</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Block reason</source>
        <translation>Sperrgrund</translation>
    </message>
    <message>
        <source>Unpriced requests</source>
        <translation>Anfragen ohne Preis</translation>
    </message>
    <message>
        <source>Suggested</source>
        <translation>Vorschlag</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Blocked by</source>
        <translation>Gesperrt durch</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Meterdesk: the cost of your product&apos;s LLM API calls.</source>
        <translation>Meterdesk: die Kosten der LLM-API-Aufrufe Ihres Produkts.</translation>
    </message>
    <message>
        <source>Usage database: a file path or postgresql:// URI.</source>
        <translation>Nutzungsdatenbank: ein Dateipfad oder eine postgresql://-URI.</translation>
    </message>
    <message>
        <source>Open the demo database (created the first time).</source>
        <translation>Die Demo-Datenbank öffnen (beim ersten Mal angelegt).</translation>
    </message>
    <message>
        <source>Render the loaded window at 1440x900 to a PNG file and exit.</source>
        <translation>Das geladene Fenster in 1440x900 als PNG-Datei speichern und beenden.</translation>
    </message>
    <message>
        <source>User interface language (en, de, fr, es).</source>
        <translation>Sprache der Oberfläche (en, de, fr, es).</translation>
    </message>
    <message>
        <source>A PostgreSQL streaming replica to read the dashboard from; admin actions and live notifications go to --db.</source>
        <translation>Ein PostgreSQL-Streaming-Replikat, aus dem das Dashboard liest; Admin-Aktionen und Live-Benachrichtigungen gehen an --db.</translation>
    </message>
    <message>
        <source>A usage database to open: a file path or postgresql:// URI.</source>
        <translation>Eine zu öffnende Nutzungsdatenbank: ein Dateipfad oder eine postgresql://-URI.</translation>
    </message>
</context>
<context>
    <name>meterdesk::AlertsDialog</name>
    <message>
        <source>Budget alert</source>
        <translation>Budgetwarnung</translation>
    </message>
    <message>
        <source>Budget block</source>
        <translation>Budgetsperre</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risiko</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Double-click an alert to select its user. `meterctl alerts --follow --exec CMD` sends each new alert to chat or mail.</source>
        <translation>Doppelklick auf eine Warnung wählt ihren Benutzer. `meterctl alerts --follow --exec CMD` sendet jede neue Warnung in einen Chat oder per Mail.</translation>
    </message>
</context>
<context>
    <name>meterdesk::AuditDialog</name>
    <message>
        <source>Audit log</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>User id (all users when empty)</source>
        <translation>Benutzer-ID (leer: alle Benutzer)</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Alle Aktionen</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>Unblocks</source>
        <translation>Entsperrungen</translation>
    </message>
    <message>
        <source>Risk changes</source>
        <translation>Risikoänderungen</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies)</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>Export audit log</source>
        <translation>Prüfprotokoll exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>meterdesk::AuditModel</name>
    <message>
        <source>block</source>
        <translation>Sperre</translation>
    </message>
    <message>
        <source>unblock</source>
        <translation>Entsperrung</translation>
    </message>
    <message>
        <source>risk</source>
        <translation>Risiko</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Database role</source>
        <translation>Datenbankrolle</translation>
    </message>
    <message>
        <source>OS account (client-reported)</source>
        <translation>Betriebssystemkonto (laut Client)</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
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
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>meterdesk::BlockDialog</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 und %n weiterer</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Block API access</source>
        <translation>API-Zugang sperren</translation>
    </message>
    <message>
        <source>Blocked users get &quot;API access blocked for this user&quot; before any AI call. The block and its reason go into the audit log.</source>
        <translation>Gesperrte Benutzer erhalten vor jedem KI-Aufruf „API access blocked for this user“. Die Sperre und ihr Grund werden im Prüfprotokoll festgehalten.</translation>
    </message>
    <message>
        <source>Reason (required):</source>
        <translation>Grund (Pflichtfeld):</translation>
    </message>
    <message>
        <source>For example: excessive usage, 40x the median daily cost</source>
        <translation>Zum Beispiel: übermäßige Nutzung, 40-fache mittlere Tageskosten</translation>
    </message>
    <message numerus="yes">
        <source>Block %n users</source>
        <translation>
            <numerusform>%n Benutzer sperren</numerusform>
            <numerusform>%n Benutzer sperren</numerusform>
        </translation>
    </message>
    <message>
        <source>Block user</source>
        <translation>Benutzer sperren</translation>
    </message>
    <message>
        <source>Say why: a block needs a reason.</source>
        <translation>Bitte begründen: Eine Sperre braucht einen Grund.</translation>
    </message>
    <message>
        <source>The reason is %1 characters long; at most %2 are kept.</source>
        <translation>Der Grund ist %1 Zeichen lang; höchstens %2 werden gespeichert.</translation>
    </message>
    <message numerus="yes">
        <source>%1 in the shown range: %Ln request(s) costing %2</source>
        <translation>
            <numerusform>%1 im gezeigten Zeitraum: %Ln Anfrage für %2</numerusform>
            <numerusform>%1 im gezeigten Zeitraum: %Ln Anfragen für %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>meterdesk::BudgetEditDialog</name>
    <message>
        <source>Every user</source>
        <translation>Jeder Benutzer</translation>
    </message>
    <message>
        <source>One user:</source>
        <translation>Ein Benutzer:</translation>
    </message>
    <message>
        <source>Edit budget</source>
        <translation>Budget bearbeiten</translation>
    </message>
    <message>
        <source>Add budget</source>
        <translation>Budget hinzufügen</translation>
    </message>
    <message>
        <source>user id</source>
        <translation>Benutzer-ID</translation>
    </message>
    <message>
        <source>User id</source>
        <translation>Benutzer-ID</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Alle Dienste</translation>
    </message>
    <message>
        <source>US dollars</source>
        <translation>US-Dollar</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>per day</source>
        <translation>pro Tag</translation>
    </message>
    <message>
        <source>per week (from Monday)</source>
        <translation>pro Woche (ab Montag)</translation>
    </message>
    <message>
        <source>per calendar month</source>
        <translation>pro Kalendermonat</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Limit</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>no alert</source>
        <translation>keine Warnung</translation>
    </message>
    <message>
        <source>Alert at</source>
        <translation>Warnung bei</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>Für:</translation>
    </message>
    <message>
        <source>Service:</source>
        <translation>Dienst:</translation>
    </message>
    <message>
        <source>Limit:</source>
        <translation>Limit:</translation>
    </message>
    <message>
        <source>Alert at:</source>
        <translation>Warnung bei:</translation>
    </message>
    <message>
        <source>Reaching the limit blocks the user until the period ends (UTC); an admin&apos;s own block stays until an admin lifts it.</source>
        <translation>Wer das Limit erreicht, bleibt bis zum Ende des Zeitraums (UTC) gesperrt; die Sperre eines Admins bleibt, bis ein Admin sie aufhebt.</translation>
    </message>
    <message>
        <source>Give the user&apos;s id, or choose every user.</source>
        <translation>Geben Sie die ID des Benutzers an oder wählen Sie jeden Benutzer.</translation>
    </message>
    <message>
        <source>The limit is an amount in dollars above zero, such as 50 or 12.50.</source>
        <translation>Das Limit ist ein Dollarbetrag über null, etwa 50 oder 12.50.</translation>
    </message>
    <message>
        <source>The limit is a whole number of requests above zero.</source>
        <translation>Das Limit ist eine ganze Zahl von Anfragen über null.</translation>
    </message>
</context>
<context>
    <name>meterdesk::BudgetsDialog</name>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Budgets</source>
        <translation>Budgets</translation>
    </message>
    <message>
        <source>Remove budget</source>
        <translation>Budget entfernen</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Für</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Limit</translation>
    </message>
    <message>
        <source>Alert at</source>
        <translation>Warnung bei</translation>
    </message>
    <message>
        <source>The database role may not set budgets.</source>
        <translation>Die Datenbankrolle darf keine Budgets festlegen.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>A user who reaches a budget is blocked until its period ends (UTC); a user&apos;s own budget replaces the budget for every user of the same service, unit and period.</source>
        <translation>Wer ein Budget erreicht, ist bis zum Ende seines Zeitraums (UTC) gesperrt; das eigene Budget eines Benutzers ersetzt das Budget für alle Benutzer mit demselben Dienst, derselben Einheit und demselben Zeitraum.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Removed the budget of %1.</source>
        <translation>Budget von %1 entfernt.</translation>
    </message>
    <message>
        <source>Replaced the budget of %1.</source>
        <translation>Budget von %1 ersetzt.</translation>
    </message>
    <message>
        <source>Added a budget for %1.</source>
        <translation>Budget für %1 hinzugefügt.</translation>
    </message>
    <message>
        <source>Every user</source>
        <translation>Jeder Benutzer</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Alle Dienste</translation>
    </message>
    <message>
        <source>%1 per %2</source>
        <translation>%1 pro %2</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>no alert</source>
        <translation>keine Warnung</translation>
    </message>
    <message>
        <source>No budgets yet: Add… sets one for every user or for one user.</source>
        <translation>Noch keine Budgets: „Hinzufügen…“ legt eines für jeden oder für einen Benutzer fest.</translation>
    </message>
    <message>
        <source>Remove the budget of %1 (%2)? A block it made stays until its period ends.</source>
        <translation>Budget von %1 (%2) entfernen? Eine Sperre, die es verhängt hat, bleibt bis zum Ende ihres Zeitraums.</translation>
    </message>
</context>
<context>
    <name>meterdesk::ChartsPanel</name>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Endpoint (feature)</source>
        <translation>Endpunkt (Funktion)</translation>
    </message>
    <message>
        <source>Cost by</source>
        <translation>Kosten nach</translation>
    </message>
    <message>
        <source>Break the charts and the table down by service, model or endpoint, the feature that made the call. Click an entry to list the users who spent on it.</source>
        <translation>Diagramme und Tabelle nach Dienst, Modell oder Endpunkt aufschlüsseln, der Funktion, die den Aufruf machte. Ein Klick auf einen Eintrag listet die Benutzer, die dafür ausgaben.</translation>
    </message>
    <message>
        <source>Cost &amp;by:</source>
        <translation>Kosten &amp;nach:</translation>
    </message>
    <message>
        <source>Cost over time</source>
        <translation>Kosten im Zeitverlauf</translation>
    </message>
    <message>
        <source>Cost share</source>
        <translation>Kostenanteil</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>Cost by service, model or endpoint</source>
        <translation>Kosten nach Dienst, Modell oder Endpunkt</translation>
    </message>
    <message>
        <source>Click a row (or press Enter on it) to list the users who spent on it</source>
        <translation>Klicken Sie auf eine Zeile (oder drücken Sie darauf die Eingabetaste), um die Benutzer zu sehen, die dafür ausgaben</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Cost share and totals</source>
        <translation>Kostenanteil und Summen</translation>
    </message>
</context>
<context>
    <name>meterdesk::ConnectionDialog</name>
    <message>
        <source>Create a new usage database if the file does not exist</source>
        <translation>Neue Nutzungsdatenbank anlegen, wenn die Datei nicht existiert</translation>
    </message>
    <message>
        <source>Open usage database</source>
        <translation>Nutzungsdatenbank öffnen</translation>
    </message>
    <message>
        <source>(choose a recent connection)</source>
        <translation>(letzte Verbindung wählen)</translation>
    </message>
    <message>
        <source>Recent:</source>
        <translation>Zuletzt:</translation>
    </message>
    <message>
        <source>SQLite file</source>
        <translation>SQLite-Datei</translation>
    </message>
    <message>
        <source>PostgreSQL server</source>
        <translation>PostgreSQL-Server</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Art:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>CA certificate for verify-ca / verify-full</source>
        <translation>CA-Zertifikat für verify-ca / verify-full</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Datenbank:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>SSL mode:</source>
        <translation>SSL-Modus:</translation>
    </message>
    <message>
        <source>Root certificate:</source>
        <translation>Stammzertifikat:</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Usage database</source>
        <translation>Nutzungsdatenbank</translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite *.db);;All files (*)</source>
        <translation>SQLite-Datenbanken (*.sqlite *.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Remember the password in the system keychain</source>
        <translation>Passwort im Schlüsselbund des Systems speichern</translation>
    </message>
    <message>
        <source>No keychain support in this build: the password is asked for each time</source>
        <translation>Diese Version unterstützt keinen Schlüsselbund: Das Passwort wird jedes Mal abgefragt</translation>
    </message>
    <message>
        <source>postgresql://replica-host:5432/database (optional)</source>
        <translation>postgresql://replikat-host:5432/datenbank (optional)</translation>
    </message>
    <message>
        <source>A streaming replica to read the dashboard from. Blocks, risk scores, budgets and live notifications still go to the server above.</source>
        <translation>Ein Streaming-Replikat, aus dem das Dashboard liest. Sperren, Risikowerte, Budgets und Live-Benachrichtigungen gehen weiter an den Server oben.</translation>
    </message>
    <message>
        <source>Read replica:</source>
        <translation>Lese-Replikat:</translation>
    </message>
    <message>
        <source>A read replica is a postgresql:// URL</source>
        <translation>Ein Lese-Replikat ist eine postgresql://-URL</translation>
    </message>
    <message>
        <source>Read replica: %1</source>
        <translation>Lese-Replikat: %1</translation>
    </message>
    <message>
        <source>Meterdesk reads the usage database your product writes: one row per LLM call with its user, model, tokens and cost. Open it as an SQLite file or on a PostgreSQL server, or look around in the demo database first.</source>
        <translation>Meterdesk liest die Nutzungsdatenbank, die Ihr Produkt schreibt: eine Zeile je LLM-Aufruf mit Benutzer, Modell, Tokens und Kosten. Öffnen Sie sie als SQLite-Datei oder auf einem PostgreSQL-Server, oder sehen Sie sich zuerst die Demo-Datenbank an.</translation>
    </message>
    <message>
        <source>Open the &amp;demo database</source>
        <translation>&amp;Demo-Datenbank öffnen</translation>
    </message>
    <message>
        <source>Made up users and calls, created the first time, to try every view safely</source>
        <translation>Erfundene Benutzer und Aufrufe, beim ersten Mal angelegt, um jede Ansicht gefahrlos auszuprobieren</translation>
    </message>
    <message>
        <source>&amp;Create a new one here…</source>
        <translation>&amp;Hier eine neue anlegen…</translation>
    </message>
    <message>
        <source>Choose where to put a new, empty usage database for your product to write to</source>
        <translation>Wählen Sie, wo eine neue, leere Nutzungsdatenbank für Ihr Produkt angelegt wird</translation>
    </message>
    <message>
        <source>New usage database</source>
        <translation>Neue Nutzungsdatenbank</translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite *.db)</source>
        <translation>SQLite-Datenbanken (*.sqlite *.db)</translation>
    </message>
    <message>
        <source>kept in the system keychain once the connection works</source>
        <translation>wird im Schlüsselbund des Systems gespeichert, sobald die Verbindung steht</translation>
    </message>
    <message>
        <source>kept for this session only; empty uses PGPASSWORD or ~/.pgpass</source>
        <translation>nur für diese Sitzung; leer nutzt PGPASSWORD oder ~/.pgpass</translation>
    </message>
</context>
<context>
    <name>meterdesk::CostOverTimeChart</name>
    <message>
        <source>Cost by service over time</source>
        <translation>Kosten nach Dienst im Zeitverlauf</translation>
    </message>
    <message>
        <source>Total: $%1</source>
        <translation>Summe: $%1</translation>
    </message>
    <message>
        <source>Cost over time: no usage in this range</source>
        <translation>Kosten im Zeitverlauf: keine Nutzung in diesem Zeitraum</translation>
    </message>
    <message>
        <source>Cost by model over time</source>
        <translation>Kosten nach Modell im Zeitverlauf</translation>
    </message>
    <message>
        <source>Cost by endpoint over time</source>
        <translation>Kosten nach Endpunkt im Zeitverlauf</translation>
    </message>
    <message>
        <source>(no endpoint)</source>
        <translation>(kein Endpunkt)</translation>
    </message>
</context>
<context>
    <name>meterdesk::CostSeriesModel</name>
    <message>
        <source>wk %1</source>
        <translation>KW ab %1</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Week of</source>
        <translation>Woche ab</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
</context>
<context>
    <name>meterdesk::DataWorker</name>
    <message>
        <source>The demo data could not be made: %1</source>
        <translation>Die Demodaten konnten nicht erzeugt werden: %1</translation>
    </message>
    <message>
        <source>No database to upgrade</source>
        <translation>Keine Datenbank zum Aktualisieren</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>The database cannot be reached, nothing was changed: %1</source>
        <translation>Die Datenbank ist nicht erreichbar, nichts wurde geändert: %1</translation>
    </message>
    <message>
        <source>The read replica %1 cannot be used: %2</source>
        <translation>Das Lese-Replikat %1 kann nicht verwendet werden: %2</translation>
    </message>
    <message>
        <source>%1, reading from %2</source>
        <translation>%1, liest aus %2</translation>
    </message>
    <message>
        <source>following changes failed (%1)</source>
        <translation>Verfolgen der Änderungen fehlgeschlagen (%1)</translation>
    </message>
    <message>
        <source>%1 calls arrived at once</source>
        <translation>%1 Aufrufe kamen auf einmal</translation>
    </message>
    <message>
        <source>%1 changed prices (%2)</source>
        <translation>%1 hat Preise geändert (%2)</translation>
    </message>
    <message>
        <source>%1 users changed at once</source>
        <translation>%1 Benutzer änderten sich auf einmal</translation>
    </message>
    <message>
        <source>reading the changes failed (%1)</source>
        <translation>Lesen der Änderungen fehlgeschlagen (%1)</translation>
    </message>
    <message>
        <source>The demo database was not made: you cancelled it.</source>
        <translation>Die Demo-Datenbank wurde nicht angelegt: Sie haben abgebrochen.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>meterdesk::EventsModel</name>
    <message>
        <source>%1 (unpriced)</source>
        <translation>%1 (ohne Preis)</translation>
    </message>
    <message>
        <source>Endpoint: %1</source>
        <translation>Endpunkt: %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Cached</source>
        <translation>Zwischengespeichert</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
</context>
<context>
    <name>meterdesk::KpiStrip</name>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Active users</source>
        <translation>Aktive Benutzer</translation>
    </message>
    <message>
        <source>Blocked users</source>
        <translation>Gesperrte Benutzer</translation>
    </message>
    <message>
        <source>Unpriced events</source>
        <translation>Aufrufe ohne Preis</translation>
    </message>
    <message>
        <source>Calls of models the price book does not know, billed at the fallback rate. Click for the list.</source>
        <translation>Aufrufe von Modellen, die die Preisliste nicht kennt, zum Ersatztarif abgerechnet. Klicken für die Liste.</translation>
    </message>
    <message>
        <source>Click to list the blocked users</source>
        <translation>Klicken, um die gesperrten Benutzer zu zeigen</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 Tokens</translation>
    </message>
    <message>
        <source>billed at $5 per 1M tokens</source>
        <translation>abgerechnet mit $5 pro 1 Mio. Tokens</translation>
    </message>
    <message>
        <source>every model priced</source>
        <translation>alle Modelle mit Preis</translation>
    </message>
    <message>
        <source>currently blocked</source>
        <translation>derzeit gesperrt</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>%1 vs %2</source>
        <translation>%1 ggü. %2</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
</context>
<context>
    <name>meterdesk::MainWindow</name>
    <message>
        <source>Meterdesk</source>
        <translation>Meterdesk</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Connection…</source>
        <translation>Verbindung…</translation>
    </message>
    <message>
        <source>Open another usage database</source>
        <translation>Eine andere Nutzungsdatenbank öffnen</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Export the users table as shown (Ctrl+E)</source>
        <translation>Die Benutzertabelle wie angezeigt exportieren (Strg+E)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>Datenbank ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Export users as CSV…</source>
        <translation>Benutzer als CSV &amp;exportieren…</translation>
    </message>
    <message>
        <source>Export cost &amp;series as CSV…</source>
        <translation>Kosten&amp;verlauf als CSV exportieren…</translation>
    </message>
    <message>
        <source>Save cost &amp;chart as PNG…</source>
        <translation>Kosten&amp;diagramm als PNG speichern…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation>Ben&amp;utzer</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Meterdesk</source>
        <translation>Ü&amp;ber Meterdesk</translation>
    </message>
    <message>
        <source>About Meterdesk</source>
        <translation>Über Meterdesk</translation>
    </message>
    <message>
        <source>Meterdesk %1
The cost of your product&apos;s LLM API calls, per user, exactly.</source>
        <translation>Meterdesk %1
Die Kosten der LLM-API-Aufrufe Ihres Produkts, pro Benutzer, genau.</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <source>Preparing the demo database %1…</source>
        <translation>Demo-Datenbank %1 wird vorbereitet…</translation>
    </message>
    <message>
        <source>%1 (role %2)</source>
        <translation>%1 (Rolle %2)</translation>
    </message>
    <message>
        <source>Meterdesk — %1</source>
        <translation>Meterdesk — %1</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>%1

Upgrade it now? Meterdesk only adds columns and tables; the original app keeps working.</source>
        <translation>%1

Jetzt aktualisieren? Meterdesk fügt nur Spalten und Tabellen hinzu; die ursprüngliche Anwendung funktioniert weiter.</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message>
        <source>%1 · loaded in %2 ms · %3</source>
        <translation>%1 · geladen in %2 ms · %3</translation>
    </message>
    <message>
        <source>The database cannot be reached (%1). Showing the last data; changes are disabled. Reconnecting every few seconds…</source>
        <translation>Die Datenbank ist nicht erreichbar (%1). Die letzten Daten werden angezeigt; Änderungen sind gesperrt. Neuer Verbindungsversuch alle paar Sekunden…</translation>
    </message>
    <message>
        <source>Loading failed: %1</source>
        <translation>Laden fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Load failed</source>
        <translation>Laden fehlgeschlagen</translation>
    </message>
    <message>
        <source>Not connected to a database</source>
        <translation>Mit keiner Datenbank verbunden</translation>
    </message>
    <message>
        <source>The database cannot be reached</source>
        <translation>Die Datenbank ist nicht erreichbar</translation>
    </message>
    <message>
        <source>Another change is being saved</source>
        <translation>Eine andere Änderung wird gerade gespeichert</translation>
    </message>
    <message>
        <source>The database role &quot;%1&quot; may not do this</source>
        <translation>Die Datenbankrolle „%1“ darf das nicht</translation>
    </message>
    <message>
        <source>Unblock %1? Their API calls will be allowed again.</source>
        <translation>%1 entsperren? Die API-Aufrufe werden wieder erlaubt.</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>Nichts wurde geändert: %1</translation>
    </message>
    <message numerus="yes">
        <source>Blocked %n user(s)</source>
        <translation>
            <numerusform>%n Benutzer gesperrt</numerusform>
            <numerusform>%n Benutzer gesperrt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unblocked %n user(s)</source>
        <translation>
            <numerusform>%n Benutzer entsperrt</numerusform>
            <numerusform>%n Benutzer entsperrt</numerusform>
        </translation>
    </message>
    <message>
        <source>Risk score set to %1</source>
        <translation>Risikowert auf %1 gesetzt</translation>
    </message>
    <message>
        <source>Exporting users…</source>
        <translation>Benutzer werden exportiert…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Export users</source>
        <translation>Benutzer exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n user(s) to %1</source>
        <translation>
            <numerusform>%n Benutzer nach %1 exportiert</numerusform>
            <numerusform>%n Benutzer nach %1 exportiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cost series</source>
        <translation>Kostenverlauf exportieren</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>Diagramm speichern</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>Speichern fehlgeschlagen</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>&amp;Audit log…</source>
        <translation>&amp;Prüfprotokoll…</translation>
    </message>
    <message>
        <source>The password could not be saved in the keychain: %1</source>
        <translation>Das Passwort konnte nicht im Schlüsselbund gespeichert werden: %1</translation>
    </message>
    <message>
        <source>&amp;Prices…</source>
        <translation>&amp;Preise…</translation>
    </message>
    <message>
        <source>&amp;Budgets…</source>
        <translation>&amp;Budgets…</translation>
    </message>
    <message>
        <source>A&amp;lerts…</source>
        <translation>&amp;Warnungen…</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <source>Set &amp;budget…</source>
        <translation>&amp;Budget festlegen…</translation>
    </message>
    <message>
        <source>&amp;Accept suggested risk</source>
        <translation>Vorgeschlagenes Risiko ü&amp;bernehmen</translation>
    </message>
    <message>
        <source>Budgets and suggestions could not be read: %1</source>
        <translation>Budgets und Vorschläge konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Alerts (%1)</source>
        <translation>Warnungen (%1)</translation>
    </message>
    <message>
        <source>No new alerts</source>
        <translation>Keine neuen Warnungen</translation>
    </message>
    <message numerus="yes">
        <source>Meterdesk: %n new alert(s)</source>
        <translation>
            <numerusform>Meterdesk: %n neue Warnung</numerusform>
            <numerusform>Meterdesk: %n neue Warnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Budgets</source>
        <translation>Budgets</translation>
    </message>
    <message>
        <source>The database role &quot;%1&quot; may not set budgets.</source>
        <translation>Die Datenbankrolle „%1“ darf keine Budgets festlegen.</translation>
    </message>
    <message>
        <source>Budget not saved: %1</source>
        <translation>Budget nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Budget of %1 removed</source>
        <translation>Budget von %1 entfernt</translation>
    </message>
    <message>
        <source>Budget of %1 saved: %2</source>
        <translation>Budget von %1 gespeichert: %2</translation>
    </message>
    <message>
        <source>The database is back: loaded everything again</source>
        <translation>Die Datenbank ist wieder da: alles neu geladen</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Show new calls and other admins&apos; changes as they are committed; uncheck to pause</source>
        <translation>Neue Aufrufe und Änderungen anderer Admins zeigen, sobald sie gespeichert sind; abwählen zum Anhalten</translation>
    </message>
    <message>
        <source>Live again: catching up with what came meanwhile</source>
        <translation>Wieder live: hole nach, was inzwischen kam</translation>
    </message>
    <message>
        <source>Live updates paused</source>
        <translation>Live-Aktualisierung angehalten</translation>
    </message>
    <message>
        <source>the table no longer had the rows the update was for</source>
        <translation>die Tabelle hatte die Zeilen der Aktualisierung nicht mehr</translation>
    </message>
    <message numerus="yes">
        <source>%1 · live · %n new call(s) at %2</source>
        <translation>
            <numerusform>%1 · live · %n neuer Aufruf um %2</numerusform>
            <numerusform>%1 · live · %n neue Aufrufe um %2</numerusform>
        </translation>
    </message>
    <message>
        <source>A budget</source>
        <translation>Ein Budget</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 blocked %2</source>
        <translation>%1 hat %2 gesperrt</translation>
    </message>
    <message>
        <source>%1 unblocked %2</source>
        <translation>%1 hat %2 entsperrt</translation>
    </message>
    <message>
        <source>%1 set the risk score of %2 to %3</source>
        <translation>%1 hat den Risikowert von %2 auf %3 gesetzt</translation>
    </message>
    <message>
        <source>A budget blocked %1</source>
        <translation>Ein Budget hat %1 gesperrt</translation>
    </message>
    <message>
        <source>A budget&apos;s block of %1 ended</source>
        <translation>Die Budgetsperre von %1 ist beendet</translation>
    </message>
    <message>
        <source>%1: %2 %3</source>
        <translation>%1: %2 %3</translation>
    </message>
    <message>
        <source>Loaded everything again: %1</source>
        <translation>Alles neu geladen: %1</translation>
    </message>
    <message>
        <source>%1 · live updates paused</source>
        <translation>%1 · Live-Aktualisierung angehalten</translation>
    </message>
    <message>
        <source>User details</source>
        <translation>Benutzerdetails</translation>
    </message>
    <message>
        <source>Making the demo database: made-up users and calls to try every view with…</source>
        <translation>Die Demo-Datenbank wird angelegt: erfundene Benutzer und Aufrufe, um jede Ansicht auszuprobieren…</translation>
    </message>
    <message>
        <source>Demo database</source>
        <translation>Demo-Datenbank</translation>
    </message>
    <message>
        <source>Making the demo database: %L1 of %L2 calls</source>
        <translation>Die Demo-Datenbank wird angelegt: %L1 von %L2 Aufrufen</translation>
    </message>
    <message>
        <source>%L1 calls a second, about %2 s left</source>
        <translation>%L1 Aufrufe pro Sekunde, noch etwa %2 s</translation>
    </message>
    <message>
        <source>The chart could not be read: %1</source>
        <translation>Das Diagramm konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The users could not be read: %1</source>
        <translation>Die Benutzer konnten nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>the %n day(s) before</source>
        <translation>
            <numerusform>dem %n Tag davor</numerusform>
            <numerusform>den %n Tagen davor</numerusform>
        </translation>
    </message>
    <message>
        <source>Users who spent on %1, %2</source>
        <translation>Benutzer mit Ausgaben für %1, %2</translation>
    </message>
    <message>
        <source>Pick one of these models in the Table tab to see its users</source>
        <translation>Wählen Sie eines dieser Modelle im Reiter Tabelle, um seine Benutzer zu sehen</translation>
    </message>
    <message>
        <source>Finding the users who spent on %1…</source>
        <translation>Benutzer mit Ausgaben für %1 werden gesucht…</translation>
    </message>
    <message>
        <source>&amp;Reconciliation…</source>
        <translation>&amp;Abgleich mit der Rechnung…</translation>
    </message>
</context>
<context>
    <name>meterdesk::PricesDialog</name>
    <message>
        <source>Set price</source>
        <translation>Preis festlegen</translation>
    </message>
    <message>
        <source>Preview reprice</source>
        <translation>Neuberechnung ansehen</translation>
    </message>
    <message>
        <source>Reprice…</source>
        <translation>Neu berechnen…</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>Preise</translation>
    </message>
    <message>
        <source>Every model in %1, the unpriced first. A price bills the calls from its effective day; reprice to bill the calls already recorded again.</source>
        <translation>Alle Modelle in %1, die ohne Preis zuerst. Ein Preis gilt für Aufrufe ab seinem Stichtag; berechnen Sie neu, um bereits erfasste Aufrufe erneut abzurechnen.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Price per 1M (in / out)</source>
        <translation>Preis pro 1 Mio. (ein / aus)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Models and their prices</source>
        <translation>Modelle und ihre Preise</translation>
    </message>
    <message>
        <source>USD per 1M tokens</source>
        <translation>USD pro 1 Mio. Tokens</translation>
    </message>
    <message>
        <source>as input when empty</source>
        <translation>leer: wie Eingabe</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Cached input</source>
        <translation>Zwischengespeicherte Eingabe</translation>
    </message>
    <message>
        <source>Cache write</source>
        <translation>Cache-Schreiben</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Ab</translation>
    </message>
    <message>
        <source>The database role &quot;%1&quot; may not change prices.</source>
        <translation>Die Datenbankrolle „%1“ darf keine Preise ändern.</translation>
    </message>
    <message>
        <source>Price of %1 set from %2. Reprice to bill the calls already recorded.</source>
        <translation>Preis von %1 ab %2 festgelegt. Berechnen Sie neu, um bereits erfasste Aufrufe abzurechnen.</translation>
    </message>
    <message>
        <source>The price was not set: %1</source>
        <translation>Der Preis wurde nicht festgelegt: %1</translation>
    </message>
    <message>
        <source>The models could not be read: %1</source>
        <translation>Die Modelle konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>unpriced: $5 fallback</source>
        <translation>ohne Preis: Ersatzpreis $5</translation>
    </message>
    <message>
        <source>, from %1</source>
        <translation>, ab %1</translation>
    </message>
    <message>
        <source>set in the dashboard</source>
        <translation>in der Übersicht festgelegt</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a price in USD per 1M tokens, such as 2.50.</source>
        <translation>„%1“ ist kein Preis in USD pro 1 Mio. Tokens wie 2.50.</translation>
    </message>
    <message>
        <source>every model</source>
        <translation>alle Modelle</translation>
    </message>
    <message>
        <source>Reprice</source>
        <translation>Neu berechnen</translation>
    </message>
    <message>
        <source>Bill the recorded calls of %1 in this range again at the prices in force on their days?</source>
        <translation>Die erfassten Aufrufe von %1 in diesem Zeitraum zu den an ihrem Tag geltenden Preisen neu abrechnen?</translation>
    </message>
    <message>
        <source>Repricing…</source>
        <translation>Wird neu berechnet…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>A reprice would change %1.</source>
        <translation>Eine Neuberechnung würde %1 ändern.</translation>
    </message>
    <message>
        <source>Repriced %1.</source>
        <translation>Neu berechnet: %1.</translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>Angehalten: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln call(s): %2 → %3</source>
        <translation>
            <numerusform>%1 von %Ln Aufruf: %2 → %3</numerusform>
            <numerusform>%1 von %Ln Aufrufen: %2 → %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>meterdesk::RangeBar</name>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Dieser Monat</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Letzter Monat</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Benutzerdefiniert…</translation>
    </message>
    <message>
        <source>Date range (whole days, UTC)</source>
        <translation>Zeitraum (ganze Tage, UTC)</translation>
    </message>
    <message>
        <source>Auto buckets</source>
        <translation>Automatische Intervalle</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Täglich</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>Wöchentlich</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Monatlich</translation>
    </message>
    <message>
        <source>Chart buckets</source>
        <translation>Diagrammintervalle</translation>
    </message>
    <message>
        <source> Range </source>
        <translation> Zeitraum </translation>
    </message>
    <message>
        <source>all time</source>
        <translation>gesamter Zeitraum</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
</context>
<context>
    <name>meterdesk::ReconcileDialog</name>
    <message>
        <source>&amp;Load reports…</source>
        <translation>Berichte &amp;laden…</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>Als CSV &amp;exportieren…</translation>
    </message>
    <message>
        <source>Reconciliation</source>
        <translation>Abgleich</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>The provider&apos;s cost report and, to tell tokens from prices, its usage report: JSON pages as its API returned them, one file each or several in one file</source>
        <translation>Der Kostenbericht des Anbieters und, um Tokens von Preisen zu unterscheiden, sein Nutzungsbericht: JSON-Seiten, wie seine API sie lieferte, je Datei eine oder mehrere in einer Datei</translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation>Anbieter:</translation>
    </message>
    <message>
        <source>Load the provider&apos;s reports to compare its bill with what Meterdesk tracked, day by day.</source>
        <translation>Laden Sie die Berichte des Anbieters, um seine Rechnung Tag für Tag mit dem zu vergleichen, was Meterdesk erfasst hat.</translation>
    </message>
    <message>
        <source>Tracked and billed cost per day</source>
        <translation>Erfasste und berechnete Kosten pro Tag</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Tracked</source>
        <translation>Erfasst</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>Berechnet</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <source>Tracked tokens</source>
        <translation>Erfasste Tokens</translation>
    </message>
    <message>
        <source>Billed tokens</source>
        <translation>Berechnete Tokens</translation>
    </message>
    <message>
        <source>Why it differs</source>
        <translation>Warum es abweicht</translation>
    </message>
    <message>
        <source>Tracked and billed, day by day</source>
        <translation>Erfasst und berechnet, Tag für Tag</translation>
    </message>
    <message>
        <source>Cost and usage reports</source>
        <translation>Kosten- und Nutzungsberichte</translation>
    </message>
    <message>
        <source>JSON reports (*.json *.jsonl);;All files (*)</source>
        <translation>JSON-Berichte (*.json *.jsonl);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export the reconciliation</source>
        <translation>Abgleich exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Comparing %1…</source>
        <translation>%1 wird verglichen…</translation>
    </message>
    <message>
        <source>Nothing could be compared: %1</source>
        <translation>Nichts konnte verglichen werden: %1</translation>
    </message>
    <message>
        <source>The reports had no day to compare.</source>
        <translation>Die Berichte enthielten keinen Tag zum Vergleichen.</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>Übersprungen: %1</translation>
    </message>
    <message numerus="yes">
        <source>Every one of %n day(s) agrees within 1% or $0.01.</source>
        <translation>
            <numerusform>Der %n Tag stimmt auf 1 % oder 0,01 $ genau überein.</numerusform>
            <numerusform>Alle %n Tage stimmen auf 1 % oder 0,01 $ genau überein.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n day(s) differ by more than 1% and $0.01 (in bold, with why).</source>
        <translation>
            <numerusform>%1 von %n Tag weicht um mehr als 1 % und 0,01 $ ab (fett, mit Grund).</numerusform>
            <numerusform>%1 von %n Tagen weichen um mehr als 1 % und 0,01 $ ab (fett, mit Grund).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>meterdesk::RiskDialog</name>
    <message>
        <source>Set risk score</source>
        <translation>Risikowert setzen</translation>
    </message>
    <message>
        <source>Users:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <source>0 means no concern, 100 the highest; it is recorded in the audit log.</source>
        <translation>0 heißt unbedenklich, 100 höchstes Risiko; der Wert wird im Prüfprotokoll festgehalten.</translation>
    </message>
    <message>
        <source>Risk score (0–100):</source>
        <translation>Risikowert (0–100):</translation>
    </message>
</context>
<context>
    <name>meterdesk::ServiceShareChart</name>
    <message>
        <source>Cost share by service</source>
        <translation>Kostenanteil nach Dienst</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n Anfrage</numerusform>
            <numerusform>%n Anfragen</numerusform>
        </translation>
    </message>
    <message>
        <source>Cost share by model</source>
        <translation>Kostenanteil nach Modell</translation>
    </message>
    <message>
        <source>Cost share by endpoint</source>
        <translation>Kostenanteil nach Endpunkt</translation>
    </message>
    <message>
        <source>%1: no cost in this range</source>
        <translation>%1: keine Kosten in diesem Zeitraum</translation>
    </message>
    <message>
        <source>(no endpoint)</source>
        <translation>(kein Endpunkt)</translation>
    </message>
</context>
<context>
    <name>meterdesk::UserDetailsPanel</name>
    <message>
        <source>Newer</source>
        <translation>Neuere</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>Ältere</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Latest requests</source>
        <translation>Letzte Anfragen</translation>
    </message>
    <message>
        <source>&lt;i&gt;Select a user to see their usage.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Wählen Sie einen Benutzer, um seine Nutzung zu sehen.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Blocked&lt;/b&gt;: %1</source>
        <translation>&lt;b&gt;Gesperrt&lt;/b&gt;: %1</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; &amp;nbsp; %2&lt;br&gt;id %3 · risk %4 · %5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; &amp;nbsp; %2&lt;br&gt;ID %3 · Risiko %4 · %5</translation>
    </message>
    <message>
        <source>none in this range</source>
        <translation>keine in diesem Zeitraum</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>Accept suggestion</source>
        <translation>Vorschlag übernehmen</translation>
    </message>
    <message>
        <source>Budget…</source>
        <translation>Budget…</translation>
    </message>
    <message>
        <source>Budget and suggested risk</source>
        <translation>Budget und vorgeschlagenes Risiko</translation>
    </message>
    <message>
        <source>Set the risk score to the suggestion; the audit log keeps its reasons</source>
        <translation>Den Risikowert auf den Vorschlag setzen; das Prüfprotokoll hält die Gründe fest</translation>
    </message>
    <message>
        <source>Set or change this user&apos;s budget</source>
        <translation>Budget dieses Benutzers festlegen oder ändern</translation>
    </message>
    <message>
        <source>&lt;b&gt;Blocked by a budget&lt;/b&gt; until %1: %2</source>
        <translation>&lt;b&gt;Durch ein Budget gesperrt&lt;/b&gt; bis %1: %2</translation>
    </message>
    <message>
        <source>Budget: %1 of %2 %3</source>
        <translation>Budget: %1 von %2 %3</translation>
    </message>
    <message>
        <source> · resets %1 %2</source>
        <translation> · neu ab %1 %2</translation>
    </message>
    <message>
        <source>Suggested risk &lt;b&gt;%1&lt;/b&gt; (set: %2)</source>
        <translation>Vorgeschlagenes Risiko &lt;b&gt;%1&lt;/b&gt; (gesetzt: %2)</translation>
    </message>
    <message>
        <source>today</source>
        <translation>heute</translation>
    </message>
    <message>
        <source>this week</source>
        <translation>diese Woche</translation>
    </message>
    <message>
        <source>this month</source>
        <translation>diesen Monat</translation>
    </message>
    <message>
        <source>This user&apos;s cost over time</source>
        <translation>Kosten dieses Benutzers im Zeitverlauf</translation>
    </message>
    <message>
        <source>This user&apos;s cost by model</source>
        <translation>Kosten dieses Benutzers nach Modell</translation>
    </message>
    <message>
        <source>This user&apos;s latest requests</source>
        <translation>Letzte Anfragen dieses Benutzers</translation>
    </message>
</context>
<context>
    <name>meterdesk::UsersModel</name>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Blocked: %1</source>
        <translation>Gesperrt: %1</translation>
    </message>
    <message>
        <source>User id: %1</source>
        <translation>Benutzer-ID: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) of an unpriced model, billed at the fallback rate</source>
        <translation>
            <numerusform>%n Anfrage eines Modells ohne Preis, zum Ersatztarif abgerechnet</numerusform>
            <numerusform>%n Anfragen von Modellen ohne Preis, zum Ersatztarif abgerechnet</numerusform>
        </translation>
    </message>
    <message>
        <source>Blocked (budget)</source>
        <translation>Gesperrt (Budget)</translation>
    </message>
    <message>
        <source>Blocked by a budget until %1: %2</source>
        <translation>Durch ein Budget gesperrt bis %1: %2</translation>
    </message>
</context>
<context>
    <name>meterdesk::UsersPanel</name>
    <message>
        <source>Block…</source>
        <translation>Sperren…</translation>
    </message>
    <message>
        <source>Unblock…</source>
        <translation>Entsperren…</translation>
    </message>
    <message>
        <source>Set risk…</source>
        <translation>Risiko setzen…</translation>
    </message>
    <message>
        <source>Search name, email or id</source>
        <translation>Name, E-Mail oder ID suchen</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>Alle Benutzer</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Risk 50+</source>
        <translation>Risiko 50+</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n user(s) shown</source>
        <translation>
            <numerusform>%1 von %n Benutzer angezeigt</numerusform>
            <numerusform>%1 von %n Benutzern angezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Search users</source>
        <translation>Benutzer suchen</translation>
    </message>
    <message>
        <source>Enter goes to the first user found</source>
        <translation>Eingabe springt zum ersten gefundenen Benutzer</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Show everyone</source>
        <translation>Alle zeigen</translation>
    </message>
    <message>
        <source>Show every user again</source>
        <translation>Wieder alle Benutzer zeigen</translation>
    </message>
</context>
</TS>
