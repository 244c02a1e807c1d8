#pragma once

#include <QIODevice>
#include <QList>

#include <functional>

class QAbstractItemModel;
class QHeaderView;

namespace meterdesk::CsvExport {

// Logical columns in the order the header shows them, hidden ones left out.
QList<int> visibleColumns(const QHeaderView *header);

// The users table as shown: the rows of `model` (the filtered, sorted proxy)
// in order, the user id first, then `columns`. Numbers are written raw
// (costs in USD with 6 decimals, times in ISO 8601 UTC) so spreadsheets can
// sum them; text cells are neutralised against formula injection.
// `progress(row)` returns false to cancel.
bool writeUsers(const QAbstractItemModel &model, const QList<int> &columns, QIODevice &out, QString *error,
                const std::function<bool(int)> &progress = {});

} // namespace meterdesk::CsvExport
