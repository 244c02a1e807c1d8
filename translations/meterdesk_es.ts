<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>UsersModel</name>
    <message>
        <source>User id</source>
        <translation>ID de usuario</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Solicitudes</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coste</translation>
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
        <translation>Otros</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Última actividad</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Riesgo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Bloqueado</translation>
    </message>
    <message>
        <source>Block reason</source>
        <translation>Motivo del bloqueo</translation>
    </message>
    <message>
        <source>Unpriced requests</source>
        <translation>Solicitudes sin precio</translation>
    </message>
    <message>
        <source>Suggested</source>
        <translation>Sugerido</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Presupuesto</translation>
    </message>
    <message>
        <source>Blocked by</source>
        <translation>Bloqueado por</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Meterdesk: the cost of your product&apos;s LLM API calls.</source>
        <translation>Meterdesk: el coste de las llamadas a API de LLM de su producto.</translation>
    </message>
    <message>
        <source>Usage database: a file path or postgresql:// URI.</source>
        <translation>Base de datos de uso: una ruta de archivo o una URI postgresql://.</translation>
    </message>
    <message>
        <source>Open the demo database (created the first time).</source>
        <translation>Abrir la base de demostración (se crea la primera vez).</translation>
    </message>
    <message>
        <source>Render the loaded window at 1440x900 to a PNG file and exit.</source>
        <translation>Guardar la ventana cargada a 1440x900 en un archivo PNG y salir.</translation>
    </message>
    <message>
        <source>User interface language (en, de, fr, es).</source>
        <translation>Idioma de la interfaz (en, de, fr, es).</translation>
    </message>
    <message>
        <source>A PostgreSQL streaming replica to read the dashboard from; admin actions and live notifications go to --db.</source>
        <translation>Una réplica de streaming de PostgreSQL de la que lee el panel; las acciones de administración y las notificaciones en vivo van a --db.</translation>
    </message>
    <message>
        <source>A usage database to open: a file path or postgresql:// URI.</source>
        <translation>Una base de datos de uso que abrir: una ruta de archivo o una URI postgresql://.</translation>
    </message>
</context>
<context>
    <name>meterdesk::AlertsDialog</name>
    <message>
        <source>Budget alert</source>
        <translation>Aviso de presupuesto</translation>
    </message>
    <message>
        <source>Budget block</source>
        <translation>Bloqueo por presupuesto</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Riesgo</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Avisos</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Double-click an alert to select its user. `meterctl alerts --follow --exec CMD` sends each new alert to chat or mail.</source>
        <translation>Haga doble clic en un aviso para seleccionar a su usuario. `meterctl alerts --follow --exec CMD` envía cada aviso nuevo a un chat o por correo.</translation>
    </message>
</context>
<context>
    <name>meterdesk::AuditDialog</name>
    <message>
        <source>Audit log</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>User id (all users when empty)</source>
        <translation>ID de usuario (vacío: todos)</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Todas las acciones</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>Bloqueos</translation>
    </message>
    <message>
        <source>Unblocks</source>
        <translation>Desbloqueos</translation>
    </message>
    <message>
        <source>Risk changes</source>
        <translation>Cambios de riesgo</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies)</source>
        <translation>
            <numerusform>%n entrada</numerusform>
            <numerusform>%n entradas</numerusform>
        </translation>
    </message>
    <message>
        <source>Export audit log</source>
        <translation>Exportar el registro de auditoría</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Error al exportar</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>No se pudo escribir %1: %2</translation>
    </message>
</context>
<context>
    <name>meterdesk::AuditModel</name>
    <message>
        <source>block</source>
        <translation>bloqueo</translation>
    </message>
    <message>
        <source>unblock</source>
        <translation>desbloqueo</translation>
    </message>
    <message>
        <source>risk</source>
        <translation>riesgo</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Database role</source>
        <translation>Rol de base de datos</translation>
    </message>
    <message>
        <source>OS account (client-reported)</source>
        <translation>Cuenta del sistema (según el cliente)</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Antes</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Después</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
</context>
<context>
    <name>meterdesk::BlockDialog</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 y %n más</numerusform>
            <numerusform>%1 y %n más</numerusform>
        </translation>
    </message>
    <message>
        <source>Block API access</source>
        <translation>Bloquear el acceso a la API</translation>
    </message>
    <message>
        <source>Blocked users get &quot;API access blocked for this user&quot; before any AI call. The block and its reason go into the audit log.</source>
        <translation>Los usuarios bloqueados reciben «API access blocked for this user» antes de cualquier llamada de IA. El bloqueo y su motivo quedan en el registro de auditoría.</translation>
    </message>
    <message>
        <source>Reason (required):</source>
        <translation>Motivo (obligatorio):</translation>
    </message>
    <message>
        <source>For example: excessive usage, 40x the median daily cost</source>
        <translation>Por ejemplo: uso excesivo, 40 veces el coste diario mediano</translation>
    </message>
    <message numerus="yes">
        <source>Block %n users</source>
        <translation>
            <numerusform>Bloquear %n usuario</numerusform>
            <numerusform>Bloquear %n usuarios</numerusform>
        </translation>
    </message>
    <message>
        <source>Block user</source>
        <translation>Bloquear usuario</translation>
    </message>
    <message>
        <source>Say why: a block needs a reason.</source>
        <translation>Indique por qué: un bloqueo necesita un motivo.</translation>
    </message>
    <message>
        <source>The reason is %1 characters long; at most %2 are kept.</source>
        <translation>El motivo tiene %1 caracteres; se guardan como máximo %2.</translation>
    </message>
    <message numerus="yes">
        <source>%1 in the shown range: %Ln request(s) costing %2</source>
        <translation>
            <numerusform>%1 en el periodo mostrado: %Ln solicitud por %2</numerusform>
            <numerusform>%1 en el periodo mostrado: %Ln solicitudes por %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>meterdesk::BudgetEditDialog</name>
    <message>
        <source>Every user</source>
        <translation>Todos los usuarios</translation>
    </message>
    <message>
        <source>One user:</source>
        <translation>Un usuario:</translation>
    </message>
    <message>
        <source>Edit budget</source>
        <translation>Editar presupuesto</translation>
    </message>
    <message>
        <source>Add budget</source>
        <translation>Añadir presupuesto</translation>
    </message>
    <message>
        <source>user id</source>
        <translation>id de usuario</translation>
    </message>
    <message>
        <source>User id</source>
        <translation>Id de usuario</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Todos los servicios</translation>
    </message>
    <message>
        <source>US dollars</source>
        <translation>Dólares estadounidenses</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Solicitudes</translation>
    </message>
    <message>
        <source>per day</source>
        <translation>por día</translation>
    </message>
    <message>
        <source>per week (from Monday)</source>
        <translation>por semana (desde el lunes)</translation>
    </message>
    <message>
        <source>per calendar month</source>
        <translation>por mes natural</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Límite</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>no alert</source>
        <translation>sin aviso</translation>
    </message>
    <message>
        <source>Alert at</source>
        <translation>Aviso al</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>Para:</translation>
    </message>
    <message>
        <source>Service:</source>
        <translation>Servicio:</translation>
    </message>
    <message>
        <source>Limit:</source>
        <translation>Límite:</translation>
    </message>
    <message>
        <source>Alert at:</source>
        <translation>Aviso al:</translation>
    </message>
    <message>
        <source>Reaching the limit blocks the user until the period ends (UTC); an admin&apos;s own block stays until an admin lifts it.</source>
        <translation>Alcanzar el límite bloquea al usuario hasta que termina el periodo (UTC); el bloqueo de un administrador sigue hasta que un administrador lo levanta.</translation>
    </message>
    <message>
        <source>Give the user&apos;s id, or choose every user.</source>
        <translation>Indique el id del usuario o elija todos los usuarios.</translation>
    </message>
    <message>
        <source>The limit is an amount in dollars above zero, such as 50 or 12.50.</source>
        <translation>El límite es un importe en dólares mayor que cero, como 50 o 12.50.</translation>
    </message>
    <message>
        <source>The limit is a whole number of requests above zero.</source>
        <translation>El límite es un número entero de solicitudes mayor que cero.</translation>
    </message>
</context>
<context>
    <name>meterdesk::BudgetsDialog</name>
    <message>
        <source>Add…</source>
        <translation>Añadir…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Budgets</source>
        <translation>Presupuestos</translation>
    </message>
    <message>
        <source>Remove budget</source>
        <translation>Quitar presupuesto</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Para</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Límite</translation>
    </message>
    <message>
        <source>Alert at</source>
        <translation>Aviso al</translation>
    </message>
    <message>
        <source>The database role may not set budgets.</source>
        <translation>El rol de la base de datos no puede fijar presupuestos.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>A user who reaches a budget is blocked until its period ends (UTC); a user&apos;s own budget replaces the budget for every user of the same service, unit and period.</source>
        <translation>Un usuario que alcanza un presupuesto queda bloqueado hasta que termina su periodo (UTC); el presupuesto propio de un usuario sustituye al de todos los usuarios del mismo servicio, unidad y periodo.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>No se guardó: %1</translation>
    </message>
    <message>
        <source>Removed the budget of %1.</source>
        <translation>Se quitó el presupuesto de %1.</translation>
    </message>
    <message>
        <source>Replaced the budget of %1.</source>
        <translation>Se sustituyó el presupuesto de %1.</translation>
    </message>
    <message>
        <source>Added a budget for %1.</source>
        <translation>Se añadió un presupuesto para %1.</translation>
    </message>
    <message>
        <source>Every user</source>
        <translation>Todos los usuarios</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Todos los servicios</translation>
    </message>
    <message>
        <source>%1 per %2</source>
        <translation>%1 por %2</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>no alert</source>
        <translation>sin aviso</translation>
    </message>
    <message>
        <source>No budgets yet: Add… sets one for every user or for one user.</source>
        <translation>Todavía no hay presupuestos: «Añadir…» fija uno para todos los usuarios o para uno.</translation>
    </message>
    <message>
        <source>Remove the budget of %1 (%2)? A block it made stays until its period ends.</source>
        <translation>¿Quitar el presupuesto de %1 (%2)? Un bloqueo que causó sigue hasta que termine su periodo.</translation>
    </message>
</context>
<context>
    <name>meterdesk::ChartsPanel</name>
    <message>
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Endpoint (feature)</source>
        <translation>Endpoint (función)</translation>
    </message>
    <message>
        <source>Cost by</source>
        <translation>Coste por</translation>
    </message>
    <message>
        <source>Break the charts and the table down by service, model or endpoint, the feature that made the call. Click an entry to list the users who spent on it.</source>
        <translation>Desglosar los gráficos y la tabla por servicio, modelo o endpoint, la función que hizo la llamada. Pulse una entrada para ver los usuarios que gastaron en ella.</translation>
    </message>
    <message>
        <source>Cost &amp;by:</source>
        <translation>Coste &amp;por:</translation>
    </message>
    <message>
        <source>Cost over time</source>
        <translation>Coste a lo largo del tiempo</translation>
    </message>
    <message>
        <source>Cost share</source>
        <translation>Reparto del coste</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Solicitudes</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coste</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Parte</translation>
    </message>
    <message>
        <source>Cost by service, model or endpoint</source>
        <translation>Coste por servicio, modelo o endpoint</translation>
    </message>
    <message>
        <source>Click a row (or press Enter on it) to list the users who spent on it</source>
        <translation>Pulse una fila (o Intro sobre ella) para ver los usuarios que gastaron en ella</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabla</translation>
    </message>
    <message>
        <source>Cost share and totals</source>
        <translation>Reparto del coste y totales</translation>
    </message>
</context>
<context>
    <name>meterdesk::ConnectionDialog</name>
    <message>
        <source>Create a new usage database if the file does not exist</source>
        <translation>Crear una base de datos de uso nueva si el archivo no existe</translation>
    </message>
    <message>
        <source>Open usage database</source>
        <translation>Abrir base de datos de uso</translation>
    </message>
    <message>
        <source>(choose a recent connection)</source>
        <translation>(elegir una conexión reciente)</translation>
    </message>
    <message>
        <source>Recent:</source>
        <translation>Recientes:</translation>
    </message>
    <message>
        <source>SQLite file</source>
        <translation>Archivo SQLite</translation>
    </message>
    <message>
        <source>PostgreSQL server</source>
        <translation>Servidor PostgreSQL</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Tipo:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Archivo:</translation>
    </message>
    <message>
        <source>CA certificate for verify-ca / verify-full</source>
        <translation>Certificado de la CA para verify-ca / verify-full</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Puerto:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Base de datos:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Usuario:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Contraseña:</translation>
    </message>
    <message>
        <source>SSL mode:</source>
        <translation>Modo SSL:</translation>
    </message>
    <message>
        <source>Root certificate:</source>
        <translation>Certificado raíz:</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Usage database</source>
        <translation>Base de datos de uso</translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite *.db);;All files (*)</source>
        <translation>Bases de datos SQLite (*.sqlite *.db);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Remember the password in the system keychain</source>
        <translation>Recordar la contraseña en el llavero del sistema</translation>
    </message>
    <message>
        <source>No keychain support in this build: the password is asked for each time</source>
        <translation>Esta versión no admite llavero: la contraseña se pide cada vez</translation>
    </message>
    <message>
        <source>postgresql://replica-host:5432/database (optional)</source>
        <translation>postgresql://host-replica:5432/base (opcional)</translation>
    </message>
    <message>
        <source>A streaming replica to read the dashboard from. Blocks, risk scores, budgets and live notifications still go to the server above.</source>
        <translation>Una réplica de streaming de la que lee el panel. Bloqueos, puntuaciones de riesgo, presupuestos y notificaciones en vivo siguen yendo al servidor de arriba.</translation>
    </message>
    <message>
        <source>Read replica:</source>
        <translation>Réplica de lectura:</translation>
    </message>
    <message>
        <source>A read replica is a postgresql:// URL</source>
        <translation>Una réplica de lectura es una URL postgresql://</translation>
    </message>
    <message>
        <source>Read replica: %1</source>
        <translation>Réplica de lectura: %1</translation>
    </message>
    <message>
        <source>Meterdesk reads the usage database your product writes: one row per LLM call with its user, model, tokens and cost. Open it as an SQLite file or on a PostgreSQL server, or look around in the demo database first.</source>
        <translation>Meterdesk lee la base de datos de uso que escribe su producto: una fila por llamada LLM con su usuario, modelo, tokens y coste. Ábrala como archivo SQLite o en un servidor PostgreSQL, o explore primero la base de datos de demostración.</translation>
    </message>
    <message>
        <source>Open the &amp;demo database</source>
        <translation>Abrir la base de &amp;demostración</translation>
    </message>
    <message>
        <source>Made up users and calls, created the first time, to try every view safely</source>
        <translation>Usuarios y llamadas inventados, creados la primera vez, para probar cada vista sin riesgo</translation>
    </message>
    <message>
        <source>&amp;Create a new one here…</source>
        <translation>&amp;Crear una nueva aquí…</translation>
    </message>
    <message>
        <source>Choose where to put a new, empty usage database for your product to write to</source>
        <translation>Elija dónde crear una base de datos de uso vacía en la que escribirá su producto</translation>
    </message>
    <message>
        <source>New usage database</source>
        <translation>Nueva base de datos de uso</translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite *.db)</source>
        <translation>Bases de datos SQLite (*.sqlite *.db)</translation>
    </message>
    <message>
        <source>kept in the system keychain once the connection works</source>
        <translation>se guarda en el llavero del sistema en cuanto la conexión funcione</translation>
    </message>
    <message>
        <source>kept for this session only; empty uses PGPASSWORD or ~/.pgpass</source>
        <translation>solo para esta sesión; vacío usa PGPASSWORD o ~/.pgpass</translation>
    </message>
</context>
<context>
    <name>meterdesk::CostOverTimeChart</name>
    <message>
        <source>Cost by service over time</source>
        <translation>Coste por servicio a lo largo del tiempo</translation>
    </message>
    <message>
        <source>Total: $%1</source>
        <translation>Total: $%1</translation>
    </message>
    <message>
        <source>Cost over time: no usage in this range</source>
        <translation>Coste a lo largo del tiempo: sin uso en este periodo</translation>
    </message>
    <message>
        <source>Cost by model over time</source>
        <translation>Coste por modelo a lo largo del tiempo</translation>
    </message>
    <message>
        <source>Cost by endpoint over time</source>
        <translation>Coste por endpoint a lo largo del tiempo</translation>
    </message>
    <message>
        <source>(no endpoint)</source>
        <translation>(sin endpoint)</translation>
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
        <translation>Día</translation>
    </message>
    <message>
        <source>Week of</source>
        <translation>Semana del</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mes</translation>
    </message>
</context>
<context>
    <name>meterdesk::DataWorker</name>
    <message>
        <source>The demo data could not be made: %1</source>
        <translation>No se pudieron crear los datos de demostración: %1</translation>
    </message>
    <message>
        <source>No database to upgrade</source>
        <translation>No hay base de datos que actualizar</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>The database cannot be reached, nothing was changed: %1</source>
        <translation>No se puede acceder a la base de datos; no se cambió nada: %1</translation>
    </message>
    <message>
        <source>The read replica %1 cannot be used: %2</source>
        <translation>No se puede usar la réplica de lectura %1: %2</translation>
    </message>
    <message>
        <source>%1, reading from %2</source>
        <translation>%1, leyendo de %2</translation>
    </message>
    <message>
        <source>following changes failed (%1)</source>
        <translation>falló el seguimiento de los cambios (%1)</translation>
    </message>
    <message>
        <source>%1 calls arrived at once</source>
        <translation>llegaron %1 llamadas de golpe</translation>
    </message>
    <message>
        <source>%1 changed prices (%2)</source>
        <translation>%1 cambió precios (%2)</translation>
    </message>
    <message>
        <source>%1 users changed at once</source>
        <translation>cambiaron %1 usuarios de golpe</translation>
    </message>
    <message>
        <source>reading the changes failed (%1)</source>
        <translation>falló la lectura de los cambios (%1)</translation>
    </message>
    <message>
        <source>The demo database was not made: you cancelled it.</source>
        <translation>La base de datos de demostración no se creó: la canceló.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>No se puede leer %1: %2</translation>
    </message>
</context>
<context>
    <name>meterdesk::EventsModel</name>
    <message>
        <source>%1 (unpriced)</source>
        <translation>%1 (sin precio)</translation>
    </message>
    <message>
        <source>Endpoint: %1</source>
        <translation>Endpoint: %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>Cached</source>
        <translation>En caché</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coste</translation>
    </message>
</context>
<context>
    <name>meterdesk::KpiStrip</name>
    <message>
        <source>Requests</source>
        <translation>Solicitudes</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coste</translation>
    </message>
    <message>
        <source>Active users</source>
        <translation>Usuarios activos</translation>
    </message>
    <message>
        <source>Blocked users</source>
        <translation>Usuarios bloqueados</translation>
    </message>
    <message>
        <source>Unpriced events</source>
        <translation>Llamadas sin precio</translation>
    </message>
    <message>
        <source>Calls of models the price book does not know, billed at the fallback rate. Click for the list.</source>
        <translation>Llamadas a modelos que la lista de precios no conoce, cobradas a la tarifa de reserva. Haga clic para ver la lista.</translation>
    </message>
    <message>
        <source>Click to list the blocked users</source>
        <translation>Haga clic para ver los usuarios bloqueados</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 tokens</translation>
    </message>
    <message>
        <source>billed at $5 per 1M tokens</source>
        <translation>cobradas a 5 $ por millón de tokens</translation>
    </message>
    <message>
        <source>every model priced</source>
        <translation>todos los modelos con precio</translation>
    </message>
    <message>
        <source>currently blocked</source>
        <translation>bloqueados ahora</translation>
    </message>
    <message>
        <source>new</source>
        <translation>nuevo</translation>
    </message>
    <message>
        <source>%1 vs %2</source>
        <translation>%1 frente a %2</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 en %2</translation>
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
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>Connection…</source>
        <translation>Conexión…</translation>
    </message>
    <message>
        <source>Open another usage database</source>
        <translation>Abrir otra base de datos de uso</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Export the users table as shown (Ctrl+E)</source>
        <translation>Exportar la tabla de usuarios tal como se muestra (Ctrl+E)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>&amp;Abrir base de datos…</translation>
    </message>
    <message>
        <source>&amp;Export users as CSV…</source>
        <translation>&amp;Exportar usuarios como CSV…</translation>
    </message>
    <message>
        <source>Export cost &amp;series as CSV…</source>
        <translation>Exportar la &amp;serie de costes como CSV…</translation>
    </message>
    <message>
        <source>Save cost &amp;chart as PNG…</source>
        <translation>Guardar el &amp;gráfico de costes como PNG…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation>&amp;Usuarios</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Buscar…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;About Meterdesk</source>
        <translation>&amp;Acerca de Meterdesk</translation>
    </message>
    <message>
        <source>About Meterdesk</source>
        <translation>Acerca de Meterdesk</translation>
    </message>
    <message>
        <source>Meterdesk %1
The cost of your product&apos;s LLM API calls, per user, exactly.</source>
        <translation>Meterdesk %1
El coste de las llamadas a API de LLM de su producto, por usuario, con exactitud.</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Abriendo %1…</translation>
    </message>
    <message>
        <source>Preparing the demo database %1…</source>
        <translation>Preparando la base de demostración %1…</translation>
    </message>
    <message>
        <source>%1 (role %2)</source>
        <translation>%1 (rol %2)</translation>
    </message>
    <message>
        <source>Meterdesk — %1</source>
        <translation>Meterdesk — %1</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>%1

Upgrade it now? Meterdesk only adds columns and tables; the original app keeps working.</source>
        <translation>%1

¿Actualizar ahora? Meterdesk solo añade columnas y tablas; la aplicación original sigue funcionando.</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Cargando %1…</translation>
    </message>
    <message>
        <source>%1 · loaded in %2 ms · %3</source>
        <translation>%1 · cargado en %2 ms · %3</translation>
    </message>
    <message>
        <source>The database cannot be reached (%1). Showing the last data; changes are disabled. Reconnecting every few seconds…</source>
        <translation>No se puede acceder a la base de datos (%1). Se muestran los últimos datos; los cambios están desactivados. Reconectando cada pocos segundos…</translation>
    </message>
    <message>
        <source>Loading failed: %1</source>
        <translation>Error al cargar: %1</translation>
    </message>
    <message>
        <source>Load failed</source>
        <translation>Error al cargar</translation>
    </message>
    <message>
        <source>Not connected to a database</source>
        <translation>Sin conexión a una base de datos</translation>
    </message>
    <message>
        <source>The database cannot be reached</source>
        <translation>No se puede acceder a la base de datos</translation>
    </message>
    <message>
        <source>Another change is being saved</source>
        <translation>Se está guardando otro cambio</translation>
    </message>
    <message>
        <source>The database role &quot;%1&quot; may not do this</source>
        <translation>El rol de base de datos «%1» no puede hacer esto</translation>
    </message>
    <message>
        <source>Unblock %1? Their API calls will be allowed again.</source>
        <translation>¿Desbloquear a %1? Sus llamadas a la API volverán a permitirse.</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>No se cambió nada: %1</translation>
    </message>
    <message numerus="yes">
        <source>Blocked %n user(s)</source>
        <translation>
            <numerusform>%n usuario bloqueado</numerusform>
            <numerusform>%n usuarios bloqueados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unblocked %n user(s)</source>
        <translation>
            <numerusform>%n usuario desbloqueado</numerusform>
            <numerusform>%n usuarios desbloqueados</numerusform>
        </translation>
    </message>
    <message>
        <source>Risk score set to %1</source>
        <translation>Puntuación de riesgo fijada en %1</translation>
    </message>
    <message>
        <source>Exporting users…</source>
        <translation>Exportando usuarios…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Export users</source>
        <translation>Exportar usuarios</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Error al exportar</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>No se pudo escribir %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n user(s) to %1</source>
        <translation>
            <numerusform>%n usuario exportado a %1</numerusform>
            <numerusform>%n usuarios exportados a %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cost series</source>
        <translation>Exportar la serie de costes</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>Guardar gráfico</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Imágenes PNG (*.png)</translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>Error al guardar</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>No se pudo escribir %1</translation>
    </message>
    <message>
        <source>&amp;Audit log…</source>
        <translation>Registro de &amp;auditoría…</translation>
    </message>
    <message>
        <source>The password could not be saved in the keychain: %1</source>
        <translation>No se pudo guardar la contraseña en el llavero: %1</translation>
    </message>
    <message>
        <source>&amp;Prices…</source>
        <translation>&amp;Precios…</translation>
    </message>
    <message>
        <source>&amp;Budgets…</source>
        <translation>&amp;Presupuestos…</translation>
    </message>
    <message>
        <source>A&amp;lerts…</source>
        <translation>A&amp;visos…</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Avisos</translation>
    </message>
    <message>
        <source>Set &amp;budget…</source>
        <translation>Fijar &amp;presupuesto…</translation>
    </message>
    <message>
        <source>&amp;Accept suggested risk</source>
        <translation>&amp;Aceptar el riesgo sugerido</translation>
    </message>
    <message>
        <source>Budgets and suggestions could not be read: %1</source>
        <translation>No se pudieron leer los presupuestos ni las sugerencias: %1</translation>
    </message>
    <message>
        <source>Alerts (%1)</source>
        <translation>Avisos (%1)</translation>
    </message>
    <message>
        <source>No new alerts</source>
        <translation>No hay avisos nuevos</translation>
    </message>
    <message numerus="yes">
        <source>Meterdesk: %n new alert(s)</source>
        <translation>
            <numerusform>Meterdesk: %n aviso nuevo</numerusform>
            <numerusform>Meterdesk: %n avisos nuevos</numerusform>
        </translation>
    </message>
    <message>
        <source>Budgets</source>
        <translation>Presupuestos</translation>
    </message>
    <message>
        <source>The database role &quot;%1&quot; may not set budgets.</source>
        <translation>El rol de la base de datos «%1» no puede fijar presupuestos.</translation>
    </message>
    <message>
        <source>Budget not saved: %1</source>
        <translation>Presupuesto no guardado: %1</translation>
    </message>
    <message>
        <source>Budget of %1 removed</source>
        <translation>Presupuesto de %1 quitado</translation>
    </message>
    <message>
        <source>Budget of %1 saved: %2</source>
        <translation>Presupuesto de %1 guardado: %2</translation>
    </message>
    <message>
        <source>The database is back: loaded everything again</source>
        <translation>La base de datos ha vuelto: todo se ha cargado de nuevo</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>En vivo</translation>
    </message>
    <message>
        <source>Show new calls and other admins&apos; changes as they are committed; uncheck to pause</source>
        <translation>Mostrar las llamadas nuevas y los cambios de otros administradores en cuanto se confirman; desmarcar para pausar</translation>
    </message>
    <message>
        <source>Live again: catching up with what came meanwhile</source>
        <translation>De nuevo en vivo: poniéndose al día con lo llegado mientras tanto</translation>
    </message>
    <message>
        <source>Live updates paused</source>
        <translation>Actualizaciones en vivo en pausa</translation>
    </message>
    <message>
        <source>the table no longer had the rows the update was for</source>
        <translation>la tabla ya no tenía las filas de la actualización</translation>
    </message>
    <message numerus="yes">
        <source>%1 · live · %n new call(s) at %2</source>
        <translation>
            <numerusform>%1 · en vivo · %n llamada nueva a las %2</numerusform>
            <numerusform>%1 · en vivo · %n llamadas nuevas a las %2</numerusform>
        </translation>
    </message>
    <message>
        <source>A budget</source>
        <translation>Un presupuesto</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 blocked %2</source>
        <translation>%1 bloqueó a %2</translation>
    </message>
    <message>
        <source>%1 unblocked %2</source>
        <translation>%1 desbloqueó a %2</translation>
    </message>
    <message>
        <source>%1 set the risk score of %2 to %3</source>
        <translation>%1 fijó la puntuación de riesgo de %2 en %3</translation>
    </message>
    <message>
        <source>A budget blocked %1</source>
        <translation>Un presupuesto bloqueó a %1</translation>
    </message>
    <message>
        <source>A budget&apos;s block of %1 ended</source>
        <translation>Terminó el bloqueo de %1 por presupuesto</translation>
    </message>
    <message>
        <source>%1: %2 %3</source>
        <translation>%1: %2 %3</translation>
    </message>
    <message>
        <source>Loaded everything again: %1</source>
        <translation>Todo cargado de nuevo: %1</translation>
    </message>
    <message>
        <source>%1 · live updates paused</source>
        <translation>%1 · actualizaciones en vivo en pausa</translation>
    </message>
    <message>
        <source>User details</source>
        <translation>Detalles del usuario</translation>
    </message>
    <message>
        <source>Making the demo database: made-up users and calls to try every view with…</source>
        <translation>Creando la base de datos de demostración: usuarios y llamadas inventados para probar cada vista…</translation>
    </message>
    <message>
        <source>Demo database</source>
        <translation>Base de datos de demostración</translation>
    </message>
    <message>
        <source>Making the demo database: %L1 of %L2 calls</source>
        <translation>Creando la base de datos de demostración: %L1 de %L2 llamadas</translation>
    </message>
    <message>
        <source>%L1 calls a second, about %2 s left</source>
        <translation>%L1 llamadas por segundo, quedan unos %2 s</translation>
    </message>
    <message>
        <source>The chart could not be read: %1</source>
        <translation>No se pudo leer el gráfico: %1</translation>
    </message>
    <message>
        <source>The users could not be read: %1</source>
        <translation>No se pudieron leer los usuarios: %1</translation>
    </message>
    <message numerus="yes">
        <source>the %n day(s) before</source>
        <translation>
            <numerusform>el %n día anterior</numerusform>
            <numerusform>los %n días anteriores</numerusform>
        </translation>
    </message>
    <message>
        <source>Users who spent on %1, %2</source>
        <translation>Usuarios que gastaron en %1, %2</translation>
    </message>
    <message>
        <source>Pick one of these models in the Table tab to see its users</source>
        <translation>Elija uno de estos modelos en la pestaña Tabla para ver sus usuarios</translation>
    </message>
    <message>
        <source>Finding the users who spent on %1…</source>
        <translation>Buscando los usuarios que gastaron en %1…</translation>
    </message>
    <message>
        <source>&amp;Reconciliation…</source>
        <translation>&amp;Conciliación con la factura…</translation>
    </message>
</context>
<context>
    <name>meterdesk::PricesDialog</name>
    <message>
        <source>Set price</source>
        <translation>Fijar precio</translation>
    </message>
    <message>
        <source>Preview reprice</source>
        <translation>Vista previa del recálculo</translation>
    </message>
    <message>
        <source>Reprice…</source>
        <translation>Recalcular…</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>Precios</translation>
    </message>
    <message>
        <source>Every model in %1, the unpriced first. A price bills the calls from its effective day; reprice to bill the calls already recorded again.</source>
        <translation>Todos los modelos de %1, primero los que no tienen precio. Un precio se aplica a las llamadas desde su fecha de vigencia; recalcule para volver a facturar las llamadas ya registradas.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Llamadas</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coste</translation>
    </message>
    <message>
        <source>Price per 1M (in / out)</source>
        <translation>Precio por millón (entrada / salida)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Models and their prices</source>
        <translation>Modelos y sus precios</translation>
    </message>
    <message>
        <source>USD per 1M tokens</source>
        <translation>USD por millón de tokens</translation>
    </message>
    <message>
        <source>as input when empty</source>
        <translation>vacío: como la entrada</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>Cached input</source>
        <translation>Entrada en caché</translation>
    </message>
    <message>
        <source>Cache write</source>
        <translation>Escritura en caché</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>The database role &quot;%1&quot; may not change prices.</source>
        <translation>El rol de base de datos «%1» no puede cambiar precios.</translation>
    </message>
    <message>
        <source>Price of %1 set from %2. Reprice to bill the calls already recorded.</source>
        <translation>Precio de %1 fijado desde %2. Recalcule para facturar las llamadas ya registradas.</translation>
    </message>
    <message>
        <source>The price was not set: %1</source>
        <translation>El precio no se fijó: %1</translation>
    </message>
    <message>
        <source>The models could not be read: %1</source>
        <translation>No se pudieron leer los modelos: %1</translation>
    </message>
    <message>
        <source>unpriced: $5 fallback</source>
        <translation>sin precio: reserva de 5 $</translation>
    </message>
    <message>
        <source>, from %1</source>
        <translation>, desde %1</translation>
    </message>
    <message>
        <source>set in the dashboard</source>
        <translation>fijado en el panel</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a price in USD per 1M tokens, such as 2.50.</source>
        <translation>«%1» no es un precio en USD por millón de tokens, como 2.50.</translation>
    </message>
    <message>
        <source>every model</source>
        <translation>todos los modelos</translation>
    </message>
    <message>
        <source>Reprice</source>
        <translation>Recalcular</translation>
    </message>
    <message>
        <source>Bill the recorded calls of %1 in this range again at the prices in force on their days?</source>
        <translation>¿Volver a facturar las llamadas registradas de %1 en este periodo a los precios vigentes en su día?</translation>
    </message>
    <message>
        <source>Repricing…</source>
        <translation>Recalculando…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>A reprice would change %1.</source>
        <translation>Un recálculo cambiaría %1.</translation>
    </message>
    <message>
        <source>Repriced %1.</source>
        <translation>Recalculado: %1.</translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>Detenido: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln call(s): %2 → %3</source>
        <translation>
            <numerusform>%1 de %Ln llamada: %2 → %3</numerusform>
            <numerusform>%1 de %Ln llamadas: %2 → %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>meterdesk::RangeBar</name>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Últimos 7 días</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Últimos 30 días</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Últimos 90 días</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Este mes</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Mes pasado</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Todo el periodo</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Personalizado…</translation>
    </message>
    <message>
        <source>Date range (whole days, UTC)</source>
        <translation>Periodo (días completos, UTC)</translation>
    </message>
    <message>
        <source>Auto buckets</source>
        <translation>Intervalos automáticos</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Diario</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>Semanal</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Mensual</translation>
    </message>
    <message>
        <source>Chart buckets</source>
        <translation>Intervalos del gráfico</translation>
    </message>
    <message>
        <source> Range </source>
        <translation> Periodo </translation>
    </message>
    <message>
        <source>all time</source>
        <translation>todo el periodo</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>del %1 al %2</translation>
    </message>
</context>
<context>
    <name>meterdesk::ReconcileDialog</name>
    <message>
        <source>&amp;Load reports…</source>
        <translation>&amp;Cargar informes…</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exportar CSV…</translation>
    </message>
    <message>
        <source>Reconciliation</source>
        <translation>Conciliación</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>The provider&apos;s cost report and, to tell tokens from prices, its usage report: JSON pages as its API returned them, one file each or several in one file</source>
        <translation>El informe de costes del proveedor y, para distinguir tokens de precios, su informe de uso: páginas JSON tal como las devolvió su API, una por archivo o varias en un archivo</translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation>Proveedor:</translation>
    </message>
    <message>
        <source>Load the provider&apos;s reports to compare its bill with what Meterdesk tracked, day by day.</source>
        <translation>Cargue los informes del proveedor para comparar su factura, día a día, con lo que Meterdesk registró.</translation>
    </message>
    <message>
        <source>Tracked and billed cost per day</source>
        <translation>Coste registrado y facturado por día</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <source>Tracked</source>
        <translation>Registrado</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>Facturado</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>Diferencia</translation>
    </message>
    <message>
        <source>Tracked tokens</source>
        <translation>Tokens registrados</translation>
    </message>
    <message>
        <source>Billed tokens</source>
        <translation>Tokens facturados</translation>
    </message>
    <message>
        <source>Why it differs</source>
        <translation>Por qué difiere</translation>
    </message>
    <message>
        <source>Tracked and billed, day by day</source>
        <translation>Registrado y facturado, día a día</translation>
    </message>
    <message>
        <source>Cost and usage reports</source>
        <translation>Informes de costes y de uso</translation>
    </message>
    <message>
        <source>JSON reports (*.json *.jsonl);;All files (*)</source>
        <translation>Informes JSON (*.json *.jsonl);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Export the reconciliation</source>
        <translation>Exportar la conciliación</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Error al exportar</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>No se pudo escribir %1: %2</translation>
    </message>
    <message>
        <source>Comparing %1…</source>
        <translation>Comparando %1…</translation>
    </message>
    <message>
        <source>Nothing could be compared: %1</source>
        <translation>No se pudo comparar nada: %1</translation>
    </message>
    <message>
        <source>The reports had no day to compare.</source>
        <translation>Los informes no tenían ningún día que comparar.</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>Omitido: %1</translation>
    </message>
    <message numerus="yes">
        <source>Every one of %n day(s) agrees within 1% or $0.01.</source>
        <translation>
            <numerusform>El %n día coincide con un margen de 1 % o 0,01 $.</numerusform>
            <numerusform>Los %n días coinciden con un margen de 1 % o 0,01 $.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n day(s) differ by more than 1% and $0.01 (in bold, with why).</source>
        <translation>
            <numerusform>%1 de %n día difiere en más de 1 % y 0,01 $ (en negrita, con el motivo).</numerusform>
            <numerusform>%1 de %n días difieren en más de 1 % y 0,01 $ (en negrita, con el motivo).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>meterdesk::RiskDialog</name>
    <message>
        <source>Set risk score</source>
        <translation>Fijar puntuación de riesgo</translation>
    </message>
    <message>
        <source>Users:</source>
        <translation>Usuarios:</translation>
    </message>
    <message>
        <source>0 means no concern, 100 the highest; it is recorded in the audit log.</source>
        <translation>0 significa sin riesgo, 100 el máximo; queda en el registro de auditoría.</translation>
    </message>
    <message>
        <source>Risk score (0–100):</source>
        <translation>Puntuación de riesgo (0–100):</translation>
    </message>
</context>
<context>
    <name>meterdesk::ServiceShareChart</name>
    <message>
        <source>Cost share by service</source>
        <translation>Reparto del coste por servicio</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n solicitud</numerusform>
            <numerusform>%n solicitudes</numerusform>
        </translation>
    </message>
    <message>
        <source>Cost share by model</source>
        <translation>Reparto del coste por modelo</translation>
    </message>
    <message>
        <source>Cost share by endpoint</source>
        <translation>Reparto del coste por endpoint</translation>
    </message>
    <message>
        <source>%1: no cost in this range</source>
        <translation>%1: sin coste en este periodo</translation>
    </message>
    <message>
        <source>(no endpoint)</source>
        <translation>(sin endpoint)</translation>
    </message>
</context>
<context>
    <name>meterdesk::UserDetailsPanel</name>
    <message>
        <source>Newer</source>
        <translation>Más recientes</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>Más antiguas</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Solicitudes</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coste</translation>
    </message>
    <message>
        <source>Latest requests</source>
        <translation>Últimas solicitudes</translation>
    </message>
    <message>
        <source>&lt;i&gt;Select a user to see their usage.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Seleccione un usuario para ver su uso.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Blocked&lt;/b&gt;: %1</source>
        <translation>&lt;b&gt;Bloqueado&lt;/b&gt;: %1</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; &amp;nbsp; %2&lt;br&gt;id %3 · risk %4 · %5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; &amp;nbsp; %2&lt;br&gt;id %3 · riesgo %4 · %5</translation>
    </message>
    <message>
        <source>none in this range</source>
        <translation>ninguna en este periodo</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>Accept suggestion</source>
        <translation>Aceptar la sugerencia</translation>
    </message>
    <message>
        <source>Budget…</source>
        <translation>Presupuesto…</translation>
    </message>
    <message>
        <source>Budget and suggested risk</source>
        <translation>Presupuesto y riesgo sugerido</translation>
    </message>
    <message>
        <source>Set the risk score to the suggestion; the audit log keeps its reasons</source>
        <translation>Fijar la puntuación de riesgo en la sugerencia; el registro de auditoría guarda sus motivos</translation>
    </message>
    <message>
        <source>Set or change this user&apos;s budget</source>
        <translation>Fijar o cambiar el presupuesto de este usuario</translation>
    </message>
    <message>
        <source>&lt;b&gt;Blocked by a budget&lt;/b&gt; until %1: %2</source>
        <translation>&lt;b&gt;Bloqueado por un presupuesto&lt;/b&gt; hasta %1: %2</translation>
    </message>
    <message>
        <source>Budget: %1 of %2 %3</source>
        <translation>Presupuesto: %1 de %2 %3</translation>
    </message>
    <message>
        <source> · resets %1 %2</source>
        <translation> · se reinicia el %1 %2</translation>
    </message>
    <message>
        <source>Suggested risk &lt;b&gt;%1&lt;/b&gt; (set: %2)</source>
        <translation>Riesgo sugerido &lt;b&gt;%1&lt;/b&gt; (fijado: %2)</translation>
    </message>
    <message>
        <source>today</source>
        <translation>hoy</translation>
    </message>
    <message>
        <source>this week</source>
        <translation>esta semana</translation>
    </message>
    <message>
        <source>this month</source>
        <translation>este mes</translation>
    </message>
    <message>
        <source>This user&apos;s cost over time</source>
        <translation>Coste de este usuario a lo largo del tiempo</translation>
    </message>
    <message>
        <source>This user&apos;s cost by model</source>
        <translation>Coste de este usuario por modelo</translation>
    </message>
    <message>
        <source>This user&apos;s latest requests</source>
        <translation>Últimas solicitudes de este usuario</translation>
    </message>
</context>
<context>
    <name>meterdesk::UsersModel</name>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Bloqueado</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Blocked: %1</source>
        <translation>Bloqueado: %1</translation>
    </message>
    <message>
        <source>User id: %1</source>
        <translation>ID de usuario: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) of an unpriced model, billed at the fallback rate</source>
        <translation>
            <numerusform>%n solicitud de un modelo sin precio, cobrada a la tarifa de reserva</numerusform>
            <numerusform>%n solicitudes de modelos sin precio, cobradas a la tarifa de reserva</numerusform>
        </translation>
    </message>
    <message>
        <source>Blocked (budget)</source>
        <translation>Bloqueado (presupuesto)</translation>
    </message>
    <message>
        <source>Blocked by a budget until %1: %2</source>
        <translation>Bloqueado por un presupuesto hasta %1: %2</translation>
    </message>
</context>
<context>
    <name>meterdesk::UsersPanel</name>
    <message>
        <source>Block…</source>
        <translation>Bloquear…</translation>
    </message>
    <message>
        <source>Unblock…</source>
        <translation>Desbloquear…</translation>
    </message>
    <message>
        <source>Set risk…</source>
        <translation>Fijar riesgo…</translation>
    </message>
    <message>
        <source>Search name, email or id</source>
        <translation>Buscar nombre, correo o ID</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>Todos los usuarios</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Bloqueado</translation>
    </message>
    <message>
        <source>Risk 50+</source>
        <translation>Riesgo 50+</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n user(s) shown</source>
        <translation>
            <numerusform>%1 de %n usuario mostrado</numerusform>
            <numerusform>%1 de %n usuarios mostrados</numerusform>
        </translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Usuarios</translation>
    </message>
    <message>
        <source>Search users</source>
        <translation>Buscar usuarios</translation>
    </message>
    <message>
        <source>Enter goes to the first user found</source>
        <translation>Intro va al primer usuario encontrado</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Show everyone</source>
        <translation>Mostrar a todos</translation>
    </message>
    <message>
        <source>Show every user again</source>
        <translation>Mostrar de nuevo a todos los usuarios</translation>
    </message>
</context>
</TS>
