<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>UsersModel</name>
    <message>
        <source>User id</source>
        <translation>Identifiant utilisateur</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Requêtes</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Jetons</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coût</translation>
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
        <translation>Autres</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Dernière activité</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risque</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Bloqué</translation>
    </message>
    <message>
        <source>Block reason</source>
        <translation>Motif du blocage</translation>
    </message>
    <message>
        <source>Unpriced requests</source>
        <translation>Requêtes sans prix</translation>
    </message>
    <message>
        <source>Suggested</source>
        <translation>Suggéré</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Blocked by</source>
        <translation>Bloqué par</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Meterdesk: the cost of your product&apos;s LLM API calls.</source>
        <translation>Meterdesk : le coût des appels d&apos;API LLM de votre produit.</translation>
    </message>
    <message>
        <source>Usage database: a file path or postgresql:// URI.</source>
        <translation>Base d&apos;utilisation : un chemin de fichier ou une URI postgresql://.</translation>
    </message>
    <message>
        <source>Open the demo database (created the first time).</source>
        <translation>Ouvrir la base de démonstration (créée la première fois).</translation>
    </message>
    <message>
        <source>Render the loaded window at 1440x900 to a PNG file and exit.</source>
        <translation>Enregistrer la fenêtre chargée en 1440x900 dans un fichier PNG et quitter.</translation>
    </message>
    <message>
        <source>User interface language (en, de, fr, es).</source>
        <translation>Langue de l&apos;interface (en, de, fr, es).</translation>
    </message>
    <message>
        <source>A PostgreSQL streaming replica to read the dashboard from; admin actions and live notifications go to --db.</source>
        <translation>Un réplica PostgreSQL en streaming où le tableau de bord lit ; les actions d&apos;administration et les notifications en direct vont à --db.</translation>
    </message>
    <message>
        <source>A usage database to open: a file path or postgresql:// URI.</source>
        <translation>Une base d’utilisation à ouvrir : un chemin de fichier ou une URI postgresql://.</translation>
    </message>
</context>
<context>
    <name>meterdesk::AlertsDialog</name>
    <message>
        <source>Budget alert</source>
        <translation>Alerte de budget</translation>
    </message>
    <message>
        <source>Budget block</source>
        <translation>Blocage par budget</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risque</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Double-click an alert to select its user. `meterctl alerts --follow --exec CMD` sends each new alert to chat or mail.</source>
        <translation>Double-cliquez sur une alerte pour sélectionner son utilisateur. `meterctl alerts --follow --exec CMD` envoie chaque nouvelle alerte vers un chat ou par courriel.</translation>
    </message>
</context>
<context>
    <name>meterdesk::AuditDialog</name>
    <message>
        <source>Audit log</source>
        <translation>Journal d&apos;audit</translation>
    </message>
    <message>
        <source>User id (all users when empty)</source>
        <translation>Identifiant (vide : tous les utilisateurs)</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Toutes les actions</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>Blocages</translation>
    </message>
    <message>
        <source>Unblocks</source>
        <translation>Déblocages</translation>
    </message>
    <message>
        <source>Risk changes</source>
        <translation>Changements de risque</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies)</source>
        <translation>
            <numerusform>%n entrée</numerusform>
            <numerusform>%n entrées</numerusform>
        </translation>
    </message>
    <message>
        <source>Export audit log</source>
        <translation>Exporter le journal d&apos;audit</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Échec de l&apos;export</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
</context>
<context>
    <name>meterdesk::AuditModel</name>
    <message>
        <source>block</source>
        <translation>blocage</translation>
    </message>
    <message>
        <source>unblock</source>
        <translation>déblocage</translation>
    </message>
    <message>
        <source>risk</source>
        <translation>risque</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Database role</source>
        <translation>Rôle de base</translation>
    </message>
    <message>
        <source>OS account (client-reported)</source>
        <translation>Compte système (selon le client)</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Après</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
</context>
<context>
    <name>meterdesk::BlockDialog</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 et %n autre</numerusform>
            <numerusform>%1 et %n autres</numerusform>
        </translation>
    </message>
    <message>
        <source>Block API access</source>
        <translation>Bloquer l&apos;accès à l&apos;API</translation>
    </message>
    <message>
        <source>Blocked users get &quot;API access blocked for this user&quot; before any AI call. The block and its reason go into the audit log.</source>
        <translation>Les utilisateurs bloqués reçoivent « API access blocked for this user » avant tout appel d&apos;IA. Le blocage et sa raison sont inscrits au journal d&apos;audit.</translation>
    </message>
    <message>
        <source>Reason (required):</source>
        <translation>Raison (obligatoire) :</translation>
    </message>
    <message>
        <source>For example: excessive usage, 40x the median daily cost</source>
        <translation>Par exemple : usage excessif, 40 fois le coût journalier médian</translation>
    </message>
    <message numerus="yes">
        <source>Block %n users</source>
        <translation>
            <numerusform>Bloquer %n utilisateur</numerusform>
            <numerusform>Bloquer %n utilisateurs</numerusform>
        </translation>
    </message>
    <message>
        <source>Block user</source>
        <translation>Bloquer l&apos;utilisateur</translation>
    </message>
    <message>
        <source>Say why: a block needs a reason.</source>
        <translation>Dites pourquoi : un blocage exige une raison.</translation>
    </message>
    <message>
        <source>The reason is %1 characters long; at most %2 are kept.</source>
        <translation>La raison fait %1 caractères ; au plus %2 sont conservés.</translation>
    </message>
    <message numerus="yes">
        <source>%1 in the shown range: %Ln request(s) costing %2</source>
        <translation>
            <numerusform>%1 sur la période affichée : %Ln requête pour %2</numerusform>
            <numerusform>%1 sur la période affichée : %Ln requêtes pour %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>meterdesk::BudgetEditDialog</name>
    <message>
        <source>Every user</source>
        <translation>Tous les utilisateurs</translation>
    </message>
    <message>
        <source>One user:</source>
        <translation>Un utilisateur :</translation>
    </message>
    <message>
        <source>Edit budget</source>
        <translation>Modifier le budget</translation>
    </message>
    <message>
        <source>Add budget</source>
        <translation>Ajouter un budget</translation>
    </message>
    <message>
        <source>user id</source>
        <translation>identifiant</translation>
    </message>
    <message>
        <source>User id</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Tous les services</translation>
    </message>
    <message>
        <source>US dollars</source>
        <translation>Dollars US</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Requêtes</translation>
    </message>
    <message>
        <source>per day</source>
        <translation>par jour</translation>
    </message>
    <message>
        <source>per week (from Monday)</source>
        <translation>par semaine (à partir du lundi)</translation>
    </message>
    <message>
        <source>per calendar month</source>
        <translation>par mois civil</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Limite</translation>
    </message>
    <message>
        <source>%</source>
        <translation> %</translation>
    </message>
    <message>
        <source>no alert</source>
        <translation>pas d’alerte</translation>
    </message>
    <message>
        <source>Alert at</source>
        <translation>Alerte à</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>Pour :</translation>
    </message>
    <message>
        <source>Service:</source>
        <translation>Service :</translation>
    </message>
    <message>
        <source>Limit:</source>
        <translation>Limite :</translation>
    </message>
    <message>
        <source>Alert at:</source>
        <translation>Alerte à :</translation>
    </message>
    <message>
        <source>Reaching the limit blocks the user until the period ends (UTC); an admin&apos;s own block stays until an admin lifts it.</source>
        <translation>Atteindre la limite bloque l’utilisateur jusqu’à la fin de la période (UTC) ; le blocage d’un administrateur reste jusqu’à ce qu’un administrateur le lève.</translation>
    </message>
    <message>
        <source>Give the user&apos;s id, or choose every user.</source>
        <translation>Indiquez l’identifiant de l’utilisateur, ou choisissez tous les utilisateurs.</translation>
    </message>
    <message>
        <source>The limit is an amount in dollars above zero, such as 50 or 12.50.</source>
        <translation>La limite est un montant en dollars supérieur à zéro, comme 50 ou 12.50.</translation>
    </message>
    <message>
        <source>The limit is a whole number of requests above zero.</source>
        <translation>La limite est un nombre entier de requêtes supérieur à zéro.</translation>
    </message>
</context>
<context>
    <name>meterdesk::BudgetsDialog</name>
    <message>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Budgets</source>
        <translation>Budgets</translation>
    </message>
    <message>
        <source>Remove budget</source>
        <translation>Supprimer le budget</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Pour</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Limite</translation>
    </message>
    <message>
        <source>Alert at</source>
        <translation>Alerte à</translation>
    </message>
    <message>
        <source>The database role may not set budgets.</source>
        <translation>Le rôle de base de données ne peut pas définir de budgets.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>A user who reaches a budget is blocked until its period ends (UTC); a user&apos;s own budget replaces the budget for every user of the same service, unit and period.</source>
        <translation>Un utilisateur qui atteint un budget est bloqué jusqu’à la fin de sa période (UTC) ; le budget propre d’un utilisateur remplace le budget de tous les utilisateurs pour le même service, la même unité et la même période.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistré : %1</translation>
    </message>
    <message>
        <source>Removed the budget of %1.</source>
        <translation>Budget de %1 supprimé.</translation>
    </message>
    <message>
        <source>Replaced the budget of %1.</source>
        <translation>Budget de %1 remplacé.</translation>
    </message>
    <message>
        <source>Added a budget for %1.</source>
        <translation>Budget ajouté pour %1.</translation>
    </message>
    <message>
        <source>Every user</source>
        <translation>Tous les utilisateurs</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Tous les services</translation>
    </message>
    <message>
        <source>%1 per %2</source>
        <translation>%1 par %2</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>no alert</source>
        <translation>pas d’alerte</translation>
    </message>
    <message>
        <source>No budgets yet: Add… sets one for every user or for one user.</source>
        <translation>Aucun budget pour l’instant : « Ajouter… » en définit un pour tous les utilisateurs ou pour un seul.</translation>
    </message>
    <message>
        <source>Remove the budget of %1 (%2)? A block it made stays until its period ends.</source>
        <translation>Supprimer le budget de %1 (%2) ? Un blocage qu’il a causé reste jusqu’à la fin de sa période.</translation>
    </message>
</context>
<context>
    <name>meterdesk::ChartsPanel</name>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Endpoint (feature)</source>
        <translation>Point d’accès (fonction)</translation>
    </message>
    <message>
        <source>Cost by</source>
        <translation>Coût par</translation>
    </message>
    <message>
        <source>Break the charts and the table down by service, model or endpoint, the feature that made the call. Click an entry to list the users who spent on it.</source>
        <translation>Ventiler les graphiques et le tableau par service, modèle ou point d’accès, la fonction qui a fait l’appel. Cliquez sur une entrée pour lister les utilisateurs qui y ont dépensé.</translation>
    </message>
    <message>
        <source>Cost &amp;by:</source>
        <translation>Coût &amp;par :</translation>
    </message>
    <message>
        <source>Cost over time</source>
        <translation>Coût dans le temps</translation>
    </message>
    <message>
        <source>Cost share</source>
        <translation>Part du coût</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Requêtes</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Part</translation>
    </message>
    <message>
        <source>Cost by service, model or endpoint</source>
        <translation>Coût par service, modèle ou point d’accès</translation>
    </message>
    <message>
        <source>Click a row (or press Enter on it) to list the users who spent on it</source>
        <translation>Cliquez sur une ligne (ou appuyez sur Entrée) pour lister les utilisateurs qui y ont dépensé</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tableau</translation>
    </message>
    <message>
        <source>Cost share and totals</source>
        <translation>Part du coût et totaux</translation>
    </message>
</context>
<context>
    <name>meterdesk::ConnectionDialog</name>
    <message>
        <source>Create a new usage database if the file does not exist</source>
        <translation>Créer une nouvelle base d&apos;utilisation si le fichier n&apos;existe pas</translation>
    </message>
    <message>
        <source>Open usage database</source>
        <translation>Ouvrir une base d&apos;utilisation</translation>
    </message>
    <message>
        <source>(choose a recent connection)</source>
        <translation>(choisir une connexion récente)</translation>
    </message>
    <message>
        <source>Recent:</source>
        <translation>Récentes :</translation>
    </message>
    <message>
        <source>SQLite file</source>
        <translation>Fichier SQLite</translation>
    </message>
    <message>
        <source>PostgreSQL server</source>
        <translation>Serveur PostgreSQL</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Type :</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Fichier :</translation>
    </message>
    <message>
        <source>CA certificate for verify-ca / verify-full</source>
        <translation>Certificat de l&apos;AC pour verify-ca / verify-full</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Hôte :</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port :</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Base de données :</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Utilisateur :</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mot de passe :</translation>
    </message>
    <message>
        <source>SSL mode:</source>
        <translation>Mode SSL :</translation>
    </message>
    <message>
        <source>Root certificate:</source>
        <translation>Certificat racine :</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Usage database</source>
        <translation>Base d&apos;utilisation</translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite *.db);;All files (*)</source>
        <translation>Bases SQLite (*.sqlite *.db);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Remember the password in the system keychain</source>
        <translation>Mémoriser le mot de passe dans le trousseau du système</translation>
    </message>
    <message>
        <source>No keychain support in this build: the password is asked for each time</source>
        <translation>Pas de trousseau dans cette version : le mot de passe est demandé à chaque fois</translation>
    </message>
    <message>
        <source>postgresql://replica-host:5432/database (optional)</source>
        <translation>postgresql://hote-replica:5432/base (facultatif)</translation>
    </message>
    <message>
        <source>A streaming replica to read the dashboard from. Blocks, risk scores, budgets and live notifications still go to the server above.</source>
        <translation>Un réplica en streaming où le tableau de bord lit. Blocages, scores de risque, budgets et notifications en direct vont toujours au serveur ci-dessus.</translation>
    </message>
    <message>
        <source>Read replica:</source>
        <translation>Réplica de lecture :</translation>
    </message>
    <message>
        <source>A read replica is a postgresql:// URL</source>
        <translation>Un réplica de lecture est une URL postgresql://</translation>
    </message>
    <message>
        <source>Read replica: %1</source>
        <translation>Réplica de lecture : %1</translation>
    </message>
    <message>
        <source>Meterdesk reads the usage database your product writes: one row per LLM call with its user, model, tokens and cost. Open it as an SQLite file or on a PostgreSQL server, or look around in the demo database first.</source>
        <translation>Meterdesk lit la base d’utilisation qu’écrit votre produit : une ligne par appel LLM avec son utilisateur, son modèle, ses jetons et son coût. Ouvrez-la comme fichier SQLite ou sur un serveur PostgreSQL, ou découvrez d’abord la base de démonstration.</translation>
    </message>
    <message>
        <source>Open the &amp;demo database</source>
        <translation>Ouvrir la base de &amp;démonstration</translation>
    </message>
    <message>
        <source>Made up users and calls, created the first time, to try every view safely</source>
        <translation>Des utilisateurs et des appels inventés, créés la première fois, pour essayer chaque vue sans risque</translation>
    </message>
    <message>
        <source>&amp;Create a new one here…</source>
        <translation>&amp;Créer une nouvelle base ici…</translation>
    </message>
    <message>
        <source>Choose where to put a new, empty usage database for your product to write to</source>
        <translation>Choisissez où créer une base d’utilisation vide, dans laquelle votre produit écrira</translation>
    </message>
    <message>
        <source>New usage database</source>
        <translation>Nouvelle base d’utilisation</translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite *.db)</source>
        <translation>Bases SQLite (*.sqlite *.db)</translation>
    </message>
    <message>
        <source>kept in the system keychain once the connection works</source>
        <translation>conservé dans le trousseau du système une fois la connexion établie</translation>
    </message>
    <message>
        <source>kept for this session only; empty uses PGPASSWORD or ~/.pgpass</source>
        <translation>conservé pour cette session seulement ; vide utilise PGPASSWORD ou ~/.pgpass</translation>
    </message>
</context>
<context>
    <name>meterdesk::CostOverTimeChart</name>
    <message>
        <source>Cost by service over time</source>
        <translation>Coût par service dans le temps</translation>
    </message>
    <message>
        <source>Total: $%1</source>
        <translation>Total : $%1</translation>
    </message>
    <message>
        <source>Cost over time: no usage in this range</source>
        <translation>Coût dans le temps : aucune utilisation sur cette période</translation>
    </message>
    <message>
        <source>Cost by model over time</source>
        <translation>Coût par modèle dans le temps</translation>
    </message>
    <message>
        <source>Cost by endpoint over time</source>
        <translation>Coût par point d’accès dans le temps</translation>
    </message>
    <message>
        <source>(no endpoint)</source>
        <translation>(aucun point d’accès)</translation>
    </message>
</context>
<context>
    <name>meterdesk::CostSeriesModel</name>
    <message>
        <source>wk %1</source>
        <translation>sem. %1</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Week of</source>
        <translation>Semaine du</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
</context>
<context>
    <name>meterdesk::DataWorker</name>
    <message>
        <source>The demo data could not be made: %1</source>
        <translation>Les données de démonstration n&apos;ont pas pu être créées : %1</translation>
    </message>
    <message>
        <source>No database to upgrade</source>
        <translation>Aucune base à mettre à niveau</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>The database cannot be reached, nothing was changed: %1</source>
        <translation>La base est injoignable, rien n&apos;a été modifié : %1</translation>
    </message>
    <message>
        <source>The read replica %1 cannot be used: %2</source>
        <translation>Le réplica de lecture %1 est inutilisable : %2</translation>
    </message>
    <message>
        <source>%1, reading from %2</source>
        <translation>%1, lecture depuis %2</translation>
    </message>
    <message>
        <source>following changes failed (%1)</source>
        <translation>le suivi des modifications a échoué (%1)</translation>
    </message>
    <message>
        <source>%1 calls arrived at once</source>
        <translation>%1 appels sont arrivés d’un coup</translation>
    </message>
    <message>
        <source>%1 changed prices (%2)</source>
        <translation>%1 a modifié des prix (%2)</translation>
    </message>
    <message>
        <source>%1 users changed at once</source>
        <translation>%1 utilisateurs ont changé d’un coup</translation>
    </message>
    <message>
        <source>reading the changes failed (%1)</source>
        <translation>la lecture des modifications a échoué (%1)</translation>
    </message>
    <message>
        <source>The demo database was not made: you cancelled it.</source>
        <translation>La base de démonstration n’a pas été créée : vous l’avez annulée.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 ne peut pas être lu : %2</translation>
    </message>
</context>
<context>
    <name>meterdesk::EventsModel</name>
    <message>
        <source>%1 (unpriced)</source>
        <translation>%1 (sans tarif)</translation>
    </message>
    <message>
        <source>Endpoint: %1</source>
        <translation>Point d&apos;accès : %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <source>Cached</source>
        <translation>En cache</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
</context>
<context>
    <name>meterdesk::KpiStrip</name>
    <message>
        <source>Requests</source>
        <translation>Requêtes</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <source>Active users</source>
        <translation>Utilisateurs actifs</translation>
    </message>
    <message>
        <source>Blocked users</source>
        <translation>Utilisateurs bloqués</translation>
    </message>
    <message>
        <source>Unpriced events</source>
        <translation>Appels sans tarif</translation>
    </message>
    <message>
        <source>Calls of models the price book does not know, billed at the fallback rate. Click for the list.</source>
        <translation>Appels de modèles absents de la grille tarifaire, facturés au tarif par défaut. Cliquez pour la liste.</translation>
    </message>
    <message>
        <source>Click to list the blocked users</source>
        <translation>Cliquez pour lister les utilisateurs bloqués</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 jetons</translation>
    </message>
    <message>
        <source>billed at $5 per 1M tokens</source>
        <translation>facturés 5 $ par million de jetons</translation>
    </message>
    <message>
        <source>every model priced</source>
        <translation>tous les modèles tarifés</translation>
    </message>
    <message>
        <source>currently blocked</source>
        <translation>actuellement bloqués</translation>
    </message>
    <message>
        <source>new</source>
        <translation>nouveau</translation>
    </message>
    <message>
        <source>%1 vs %2</source>
        <translation>%1 par rapport à %2</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 sur %2</translation>
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
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>Connection…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Open another usage database</source>
        <translation>Ouvrir une autre base d&apos;utilisation</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Export the users table as shown (Ctrl+E)</source>
        <translation>Exporter la table des utilisateurs telle qu&apos;affichée (Ctrl+E)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>&amp;Ouvrir une base…</translation>
    </message>
    <message>
        <source>&amp;Export users as CSV…</source>
        <translation>&amp;Exporter les utilisateurs en CSV…</translation>
    </message>
    <message>
        <source>Export cost &amp;series as CSV…</source>
        <translation>Exporter la &amp;série des coûts en CSV…</translation>
    </message>
    <message>
        <source>Save cost &amp;chart as PNG…</source>
        <translation>Enregistrer le &amp;graphique des coûts en PNG…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation>&amp;Utilisateurs</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Rechercher…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <source>&amp;About Meterdesk</source>
        <translation>À &amp;propos de Meterdesk</translation>
    </message>
    <message>
        <source>About Meterdesk</source>
        <translation>À propos de Meterdesk</translation>
    </message>
    <message>
        <source>Meterdesk %1
The cost of your product&apos;s LLM API calls, per user, exactly.</source>
        <translation>Meterdesk %1
Le coût des appels d&apos;API LLM de votre produit, par utilisateur, au centime près.</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Ouverture de %1…</translation>
    </message>
    <message>
        <source>Preparing the demo database %1…</source>
        <translation>Préparation de la base de démonstration %1…</translation>
    </message>
    <message>
        <source>%1 (role %2)</source>
        <translation>%1 (rôle %2)</translation>
    </message>
    <message>
        <source>Meterdesk — %1</source>
        <translation>Meterdesk — %1</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>%1

Upgrade it now? Meterdesk only adds columns and tables; the original app keeps working.</source>
        <translation>%1

Mettre à niveau maintenant ? Meterdesk ne fait qu&apos;ajouter des colonnes et des tables ; l&apos;application d&apos;origine continue de fonctionner.</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Chargement de %1…</translation>
    </message>
    <message>
        <source>%1 · loaded in %2 ms · %3</source>
        <translation>%1 · chargé en %2 ms · %3</translation>
    </message>
    <message>
        <source>The database cannot be reached (%1). Showing the last data; changes are disabled. Reconnecting every few seconds…</source>
        <translation>La base est injoignable (%1). Affichage des dernières données ; les modifications sont désactivées. Reconnexion toutes les quelques secondes…</translation>
    </message>
    <message>
        <source>Loading failed: %1</source>
        <translation>Échec du chargement : %1</translation>
    </message>
    <message>
        <source>Load failed</source>
        <translation>Échec du chargement</translation>
    </message>
    <message>
        <source>Not connected to a database</source>
        <translation>Aucune base connectée</translation>
    </message>
    <message>
        <source>The database cannot be reached</source>
        <translation>La base est injoignable</translation>
    </message>
    <message>
        <source>Another change is being saved</source>
        <translation>Une autre modification est en cours d&apos;enregistrement</translation>
    </message>
    <message>
        <source>The database role &quot;%1&quot; may not do this</source>
        <translation>Le rôle de base « %1 » n&apos;a pas ce droit</translation>
    </message>
    <message>
        <source>Unblock %1? Their API calls will be allowed again.</source>
        <translation>Débloquer %1 ? Ses appels d&apos;API seront de nouveau autorisés.</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>Rien n&apos;a été modifié : %1</translation>
    </message>
    <message numerus="yes">
        <source>Blocked %n user(s)</source>
        <translation>
            <numerusform>%n utilisateur bloqué</numerusform>
            <numerusform>%n utilisateurs bloqués</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unblocked %n user(s)</source>
        <translation>
            <numerusform>%n utilisateur débloqué</numerusform>
            <numerusform>%n utilisateurs débloqués</numerusform>
        </translation>
    </message>
    <message>
        <source>Risk score set to %1</source>
        <translation>Score de risque fixé à %1</translation>
    </message>
    <message>
        <source>Exporting users…</source>
        <translation>Export des utilisateurs…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Export users</source>
        <translation>Exporter les utilisateurs</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Échec de l&apos;export</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n user(s) to %1</source>
        <translation>
            <numerusform>%n utilisateur exporté vers %1</numerusform>
            <numerusform>%n utilisateurs exportés vers %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cost series</source>
        <translation>Exporter la série des coûts</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>Enregistrer le graphique</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>Échec de l&apos;enregistrement</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>Impossible d&apos;écrire %1</translation>
    </message>
    <message>
        <source>&amp;Audit log…</source>
        <translation>Journal d&apos;&amp;audit…</translation>
    </message>
    <message>
        <source>The password could not be saved in the keychain: %1</source>
        <translation>Le mot de passe n&apos;a pas pu être enregistré dans le trousseau : %1</translation>
    </message>
    <message>
        <source>&amp;Prices…</source>
        <translation>&amp;Prix…</translation>
    </message>
    <message>
        <source>&amp;Budgets…</source>
        <translation>&amp;Budgets…</translation>
    </message>
    <message>
        <source>A&amp;lerts…</source>
        <translation>A&amp;lertes…</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <source>Set &amp;budget…</source>
        <translation>Définir le &amp;budget…</translation>
    </message>
    <message>
        <source>&amp;Accept suggested risk</source>
        <translation>&amp;Accepter le risque suggéré</translation>
    </message>
    <message>
        <source>Budgets and suggestions could not be read: %1</source>
        <translation>Les budgets et les suggestions n’ont pas pu être lus : %1</translation>
    </message>
    <message>
        <source>Alerts (%1)</source>
        <translation>Alertes (%1)</translation>
    </message>
    <message>
        <source>No new alerts</source>
        <translation>Aucune nouvelle alerte</translation>
    </message>
    <message numerus="yes">
        <source>Meterdesk: %n new alert(s)</source>
        <translation>
            <numerusform>Meterdesk : %n nouvelle alerte</numerusform>
            <numerusform>Meterdesk : %n nouvelles alertes</numerusform>
        </translation>
    </message>
    <message>
        <source>Budgets</source>
        <translation>Budgets</translation>
    </message>
    <message>
        <source>The database role &quot;%1&quot; may not set budgets.</source>
        <translation>Le rôle de base de données « %1 » ne peut pas définir de budgets.</translation>
    </message>
    <message>
        <source>Budget not saved: %1</source>
        <translation>Budget non enregistré : %1</translation>
    </message>
    <message>
        <source>Budget of %1 removed</source>
        <translation>Budget de %1 supprimé</translation>
    </message>
    <message>
        <source>Budget of %1 saved: %2</source>
        <translation>Budget de %1 enregistré : %2</translation>
    </message>
    <message>
        <source>The database is back: loaded everything again</source>
        <translation>La base de données est de retour : tout a été rechargé</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>En direct</translation>
    </message>
    <message>
        <source>Show new calls and other admins&apos; changes as they are committed; uncheck to pause</source>
        <translation>Afficher les nouveaux appels et les modifications des autres administrateurs dès leur validation ; décocher pour mettre en pause</translation>
    </message>
    <message>
        <source>Live again: catching up with what came meanwhile</source>
        <translation>De nouveau en direct : rattrapage de ce qui est arrivé entre-temps</translation>
    </message>
    <message>
        <source>Live updates paused</source>
        <translation>Mises à jour en direct en pause</translation>
    </message>
    <message>
        <source>the table no longer had the rows the update was for</source>
        <translation>le tableau n’avait plus les lignes visées par la mise à jour</translation>
    </message>
    <message numerus="yes">
        <source>%1 · live · %n new call(s) at %2</source>
        <translation>
            <numerusform>%1 · en direct · %n nouvel appel à %2</numerusform>
            <numerusform>%1 · en direct · %n nouveaux appels à %2</numerusform>
        </translation>
    </message>
    <message>
        <source>A budget</source>
        <translation>Un budget</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 blocked %2</source>
        <translation>%1 a bloqué %2</translation>
    </message>
    <message>
        <source>%1 unblocked %2</source>
        <translation>%1 a débloqué %2</translation>
    </message>
    <message>
        <source>%1 set the risk score of %2 to %3</source>
        <translation>%1 a fixé le score de risque de %2 à %3</translation>
    </message>
    <message>
        <source>A budget blocked %1</source>
        <translation>Un budget a bloqué %1</translation>
    </message>
    <message>
        <source>A budget&apos;s block of %1 ended</source>
        <translation>Le blocage de %1 par un budget a pris fin</translation>
    </message>
    <message>
        <source>%1: %2 %3</source>
        <translation>%1 : %2 %3</translation>
    </message>
    <message>
        <source>Loaded everything again: %1</source>
        <translation>Tout a été rechargé : %1</translation>
    </message>
    <message>
        <source>%1 · live updates paused</source>
        <translation>%1 · mises à jour en direct en pause</translation>
    </message>
    <message>
        <source>User details</source>
        <translation>Détails de l’utilisateur</translation>
    </message>
    <message>
        <source>Making the demo database: made-up users and calls to try every view with…</source>
        <translation>Création de la base de démonstration : des utilisateurs et des appels inventés pour essayer chaque vue…</translation>
    </message>
    <message>
        <source>Demo database</source>
        <translation>Base de démonstration</translation>
    </message>
    <message>
        <source>Making the demo database: %L1 of %L2 calls</source>
        <translation>Création de la base de démonstration : %L1 appels sur %L2</translation>
    </message>
    <message>
        <source>%L1 calls a second, about %2 s left</source>
        <translation>%L1 appels par seconde, encore environ %2 s</translation>
    </message>
    <message>
        <source>The chart could not be read: %1</source>
        <translation>Le graphique n’a pas pu être lu : %1</translation>
    </message>
    <message>
        <source>The users could not be read: %1</source>
        <translation>Les utilisateurs n’ont pas pu être lus : %1</translation>
    </message>
    <message numerus="yes">
        <source>the %n day(s) before</source>
        <translation>
            <numerusform>le %n jour précédent</numerusform>
            <numerusform>les %n jours précédents</numerusform>
        </translation>
    </message>
    <message>
        <source>Users who spent on %1, %2</source>
        <translation>Utilisateurs ayant dépensé pour %1, %2</translation>
    </message>
    <message>
        <source>Pick one of these models in the Table tab to see its users</source>
        <translation>Choisissez l’un de ces modèles dans l’onglet Tableau pour voir ses utilisateurs</translation>
    </message>
    <message>
        <source>Finding the users who spent on %1…</source>
        <translation>Recherche des utilisateurs ayant dépensé pour %1…</translation>
    </message>
    <message>
        <source>&amp;Reconciliation…</source>
        <translation>&amp;Rapprochement avec la facture…</translation>
    </message>
</context>
<context>
    <name>meterdesk::PricesDialog</name>
    <message>
        <source>Set price</source>
        <translation>Fixer le prix</translation>
    </message>
    <message>
        <source>Preview reprice</source>
        <translation>Aperçu de la refacturation</translation>
    </message>
    <message>
        <source>Reprice…</source>
        <translation>Refacturer…</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Every model in %1, the unpriced first. A price bills the calls from its effective day; reprice to bill the calls already recorded again.</source>
        <translation>Tous les modèles de %1, ceux sans prix d’abord. Un prix facture les appels à partir de sa date d’effet ; refacturez pour facturer à nouveau les appels déjà enregistrés.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Appels</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <source>Price per 1M (in / out)</source>
        <translation>Prix par million (entrée / sortie)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Models and their prices</source>
        <translation>Modèles et leurs prix</translation>
    </message>
    <message>
        <source>USD per 1M tokens</source>
        <translation>USD par million de jetons</translation>
    </message>
    <message>
        <source>as input when empty</source>
        <translation>vide : comme l’entrée</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <source>Cached input</source>
        <translation>Entrée en cache</translation>
    </message>
    <message>
        <source>Cache write</source>
        <translation>Écriture en cache</translation>
    </message>
    <message>
        <source>From</source>
        <translation>À partir du</translation>
    </message>
    <message>
        <source>The database role &quot;%1&quot; may not change prices.</source>
        <translation>Le rôle de base de données « %1 » ne peut pas modifier les prix.</translation>
    </message>
    <message>
        <source>Price of %1 set from %2. Reprice to bill the calls already recorded.</source>
        <translation>Prix de %1 fixé à partir du %2. Refacturez pour facturer les appels déjà enregistrés.</translation>
    </message>
    <message>
        <source>The price was not set: %1</source>
        <translation>Le prix n’a pas été fixé : %1</translation>
    </message>
    <message>
        <source>The models could not be read: %1</source>
        <translation>Les modèles n’ont pas pu être lus : %1</translation>
    </message>
    <message>
        <source>unpriced: $5 fallback</source>
        <translation>sans prix : repli à 5 $</translation>
    </message>
    <message>
        <source>, from %1</source>
        <translation>, à partir du %1</translation>
    </message>
    <message>
        <source>set in the dashboard</source>
        <translation>fixé dans le tableau de bord</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a price in USD per 1M tokens, such as 2.50.</source>
        <translation>« %1 » n’est pas un prix en USD par million de jetons, comme 2.50.</translation>
    </message>
    <message>
        <source>every model</source>
        <translation>tous les modèles</translation>
    </message>
    <message>
        <source>Reprice</source>
        <translation>Refacturer</translation>
    </message>
    <message>
        <source>Bill the recorded calls of %1 in this range again at the prices in force on their days?</source>
        <translation>Facturer à nouveau les appels enregistrés de %1 sur cette période aux prix en vigueur leur jour ?</translation>
    </message>
    <message>
        <source>Repricing…</source>
        <translation>Refacturation…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>A reprice would change %1.</source>
        <translation>Une refacturation changerait %1.</translation>
    </message>
    <message>
        <source>Repriced %1.</source>
        <translation>Refacturé : %1.</translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>Arrêté : %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln call(s): %2 → %3</source>
        <translation>
            <numerusform>%1 sur %Ln appel : %2 → %3</numerusform>
            <numerusform>%1 sur %Ln appels : %2 → %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>meterdesk::RangeBar</name>
    <message>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 derniers jours</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>90 derniers jours</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Ce mois-ci</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Mois dernier</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Depuis le début</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Personnalisée…</translation>
    </message>
    <message>
        <source>Date range (whole days, UTC)</source>
        <translation>Période (jours entiers, UTC)</translation>
    </message>
    <message>
        <source>Auto buckets</source>
        <translation>Intervalles auto</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Par jour</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>Par semaine</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Par mois</translation>
    </message>
    <message>
        <source>Chart buckets</source>
        <translation>Intervalles du graphique</translation>
    </message>
    <message>
        <source> Range </source>
        <translation> Période </translation>
    </message>
    <message>
        <source>all time</source>
        <translation>depuis le début</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>du %1 au %2</translation>
    </message>
</context>
<context>
    <name>meterdesk::ReconcileDialog</name>
    <message>
        <source>&amp;Load reports…</source>
        <translation>&amp;Charger les rapports…</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exporter en CSV…</translation>
    </message>
    <message>
        <source>Reconciliation</source>
        <translation>Rapprochement</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <source>The provider&apos;s cost report and, to tell tokens from prices, its usage report: JSON pages as its API returned them, one file each or several in one file</source>
        <translation>Le rapport de coûts du fournisseur et, pour distinguer jetons et prix, son rapport d’utilisation : des pages JSON telles que son API les a renvoyées, une par fichier ou plusieurs dans un fichier</translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation>Fournisseur :</translation>
    </message>
    <message>
        <source>Load the provider&apos;s reports to compare its bill with what Meterdesk tracked, day by day.</source>
        <translation>Chargez les rapports du fournisseur pour comparer sa facture, jour par jour, à ce que Meterdesk a enregistré.</translation>
    </message>
    <message>
        <source>Tracked and billed cost per day</source>
        <translation>Coût enregistré et facturé par jour</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Tracked</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>Facturé</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>Écart</translation>
    </message>
    <message>
        <source>Tracked tokens</source>
        <translation>Jetons enregistrés</translation>
    </message>
    <message>
        <source>Billed tokens</source>
        <translation>Jetons facturés</translation>
    </message>
    <message>
        <source>Why it differs</source>
        <translation>Pourquoi cela diffère</translation>
    </message>
    <message>
        <source>Tracked and billed, day by day</source>
        <translation>Enregistré et facturé, jour par jour</translation>
    </message>
    <message>
        <source>Cost and usage reports</source>
        <translation>Rapports de coûts et d’utilisation</translation>
    </message>
    <message>
        <source>JSON reports (*.json *.jsonl);;All files (*)</source>
        <translation>Rapports JSON (*.json *.jsonl);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Export the reconciliation</source>
        <translation>Exporter le rapprochement</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Échec de l’export</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>Comparing %1…</source>
        <translation>Comparaison de %1…</translation>
    </message>
    <message>
        <source>Nothing could be compared: %1</source>
        <translation>Rien n’a pu être comparé : %1</translation>
    </message>
    <message>
        <source>The reports had no day to compare.</source>
        <translation>Les rapports ne contenaient aucun jour à comparer.</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>Ignoré : %1</translation>
    </message>
    <message numerus="yes">
        <source>Every one of %n day(s) agrees within 1% or $0.01.</source>
        <translation>
            <numerusform>Le %n jour concorde à 1 % ou 0,01 $ près.</numerusform>
            <numerusform>Les %n jours concordent à 1 % ou 0,01 $ près.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n day(s) differ by more than 1% and $0.01 (in bold, with why).</source>
        <translation>
            <numerusform>%1 sur %n jour diffère de plus de 1 % et 0,01 $ (en gras, avec la raison).</numerusform>
            <numerusform>%1 sur %n jours diffèrent de plus de 1 % et 0,01 $ (en gras, avec la raison).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>meterdesk::RiskDialog</name>
    <message>
        <source>Set risk score</source>
        <translation>Définir le score de risque</translation>
    </message>
    <message>
        <source>Users:</source>
        <translation>Utilisateurs :</translation>
    </message>
    <message>
        <source>0 means no concern, 100 the highest; it is recorded in the audit log.</source>
        <translation>0 signifie aucune inquiétude, 100 le maximum ; la valeur est inscrite au journal d&apos;audit.</translation>
    </message>
    <message>
        <source>Risk score (0–100):</source>
        <translation>Score de risque (0–100) :</translation>
    </message>
</context>
<context>
    <name>meterdesk::ServiceShareChart</name>
    <message>
        <source>Cost share by service</source>
        <translation>Part du coût par service</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n requête</numerusform>
            <numerusform>%n requêtes</numerusform>
        </translation>
    </message>
    <message>
        <source>Cost share by model</source>
        <translation>Part du coût par modèle</translation>
    </message>
    <message>
        <source>Cost share by endpoint</source>
        <translation>Part du coût par point d’accès</translation>
    </message>
    <message>
        <source>%1: no cost in this range</source>
        <translation>%1 : aucun coût sur cette période</translation>
    </message>
    <message>
        <source>(no endpoint)</source>
        <translation>(aucun point d’accès)</translation>
    </message>
</context>
<context>
    <name>meterdesk::UserDetailsPanel</name>
    <message>
        <source>Newer</source>
        <translation>Plus récentes</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>Plus anciennes</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Requêtes</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <source>Latest requests</source>
        <translation>Dernières requêtes</translation>
    </message>
    <message>
        <source>&lt;i&gt;Select a user to see their usage.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Sélectionnez un utilisateur pour voir son utilisation.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Blocked&lt;/b&gt;: %1</source>
        <translation>&lt;b&gt;Bloqué&lt;/b&gt; : %1</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; &amp;nbsp; %2&lt;br&gt;id %3 · risk %4 · %5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; &amp;nbsp; %2&lt;br&gt;id %3 · risque %4 · %5</translation>
    </message>
    <message>
        <source>none in this range</source>
        <translation>aucune sur cette période</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>Accept suggestion</source>
        <translation>Accepter la suggestion</translation>
    </message>
    <message>
        <source>Budget…</source>
        <translation>Budget…</translation>
    </message>
    <message>
        <source>Budget and suggested risk</source>
        <translation>Budget et risque suggéré</translation>
    </message>
    <message>
        <source>Set the risk score to the suggestion; the audit log keeps its reasons</source>
        <translation>Régler le score de risque sur la suggestion ; le journal d’audit en garde les raisons</translation>
    </message>
    <message>
        <source>Set or change this user&apos;s budget</source>
        <translation>Définir ou modifier le budget de cet utilisateur</translation>
    </message>
    <message>
        <source>&lt;b&gt;Blocked by a budget&lt;/b&gt; until %1: %2</source>
        <translation>&lt;b&gt;Bloqué par un budget&lt;/b&gt; jusqu’au %1 : %2</translation>
    </message>
    <message>
        <source>Budget: %1 of %2 %3</source>
        <translation>Budget : %1 sur %2 %3</translation>
    </message>
    <message>
        <source> · resets %1 %2</source>
        <translation> · remis à zéro le %1 %2</translation>
    </message>
    <message>
        <source>Suggested risk &lt;b&gt;%1&lt;/b&gt; (set: %2)</source>
        <translation>Risque suggéré &lt;b&gt;%1&lt;/b&gt; (défini : %2)</translation>
    </message>
    <message>
        <source>today</source>
        <translation>aujourd’hui</translation>
    </message>
    <message>
        <source>this week</source>
        <translation>cette semaine</translation>
    </message>
    <message>
        <source>this month</source>
        <translation>ce mois-ci</translation>
    </message>
    <message>
        <source>This user&apos;s cost over time</source>
        <translation>Coût de cet utilisateur dans le temps</translation>
    </message>
    <message>
        <source>This user&apos;s cost by model</source>
        <translation>Coût de cet utilisateur par modèle</translation>
    </message>
    <message>
        <source>This user&apos;s latest requests</source>
        <translation>Dernières requêtes de cet utilisateur</translation>
    </message>
</context>
<context>
    <name>meterdesk::UsersModel</name>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Bloqué</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Blocked: %1</source>
        <translation>Bloqué : %1</translation>
    </message>
    <message>
        <source>User id: %1</source>
        <translation>Identifiant : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) of an unpriced model, billed at the fallback rate</source>
        <translation>
            <numerusform>%n requête d&apos;un modèle sans tarif, facturée au tarif par défaut</numerusform>
            <numerusform>%n requêtes de modèles sans tarif, facturées au tarif par défaut</numerusform>
        </translation>
    </message>
    <message>
        <source>Blocked (budget)</source>
        <translation>Bloqué (budget)</translation>
    </message>
    <message>
        <source>Blocked by a budget until %1: %2</source>
        <translation>Bloqué par un budget jusqu’au %1 : %2</translation>
    </message>
</context>
<context>
    <name>meterdesk::UsersPanel</name>
    <message>
        <source>Block…</source>
        <translation>Bloquer…</translation>
    </message>
    <message>
        <source>Unblock…</source>
        <translation>Débloquer…</translation>
    </message>
    <message>
        <source>Set risk…</source>
        <translation>Définir le risque…</translation>
    </message>
    <message>
        <source>Search name, email or id</source>
        <translation>Rechercher un nom, un e-mail ou un identifiant</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>Tous les utilisateurs</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Bloqué</translation>
    </message>
    <message>
        <source>Risk 50+</source>
        <translation>Risque 50+</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n user(s) shown</source>
        <translation>
            <numerusform>%1 sur %n utilisateur affiché</numerusform>
            <numerusform>%1 sur %n utilisateurs affichés</numerusform>
        </translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <source>Search users</source>
        <translation>Rechercher des utilisateurs</translation>
    </message>
    <message>
        <source>Enter goes to the first user found</source>
        <translation>Entrée va au premier utilisateur trouvé</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Show everyone</source>
        <translation>Afficher tout le monde</translation>
    </message>
    <message>
        <source>Show every user again</source>
        <translation>Afficher à nouveau tous les utilisateurs</translation>
    </message>
</context>
</TS>
