#pragma once

#include "queries/Rows.h"
#include "meterdesk_core_export.h"

#include <QString>

#include <optional>

namespace meterdesk {

class Database;

// The admin audit log as a hash chain: each row carries the SHA-256 of its
// own fields and of the row before it. Triggers refuse UPDATE, DELETE and
// TRUNCATE on the log, for its owner too; but the owner of a table (or a
// superuser) can switch its triggers off, and no setting of PostgreSQL's
// stops that. What the chain adds: a row changed, removed from the middle or
// slipped in afterwards is found by verifyAuditChain(). Removing the newest
// rows, or all of them, is found only against a head (row count and hash)
// noted somewhere else before.
struct AuditVerification
{
    qint64 rows = 0;      // rows in the log
    qint64 unchained = 0; // rows written before schema 2, which carry no hash
    qint64 brokenAt = 0;  // the id of the first row that does not verify; 0 when intact
    QString problem;      // what is wrong there
    QString head;         // the hash of the newest row
    bool intact() const { return brokenAt == 0; }
};

// The hash of an audit row (its id aside) that follows `previousHash`.
METERDESK_CORE_EXPORT QString auditRowHash(const AuditRow &row, const QString &previousHash);
METERDESK_CORE_EXPORT std::optional<AuditVerification> verifyAuditChain(Database &db, QString *error);

} // namespace meterdesk
