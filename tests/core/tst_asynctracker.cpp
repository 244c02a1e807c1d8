#include <QTest>
class T : public QObject { Q_OBJECT private Q_SLOTS: void none() { QVERIFY(true); } };
QTEST_APPLESS_MAIN(T)
#include "tst_asynctracker.moc"
