<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>meterdesk::AuditDialog</name>
    <message numerus="yes">
        <source>%n entry(ies)</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>meterdesk::BlockDialog</name>
    <message numerus="yes">
        <source>%1 in the shown range: %Ln request(s) costing %2</source>
        <translation>
            <numerusform>%1 in the shown range: %Ln request costing %2</numerusform>
            <numerusform>%1 in the shown range: %Ln requests costing %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Block %n users</source>
        <translation>
            <numerusform>Block %n user</numerusform>
            <numerusform>Block %n users</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>meterdesk::MainWindow</name>
    <message numerus="yes">
        <source>Blocked %n user(s)</source>
        <translation>
            <numerusform>Blocked %n user</numerusform>
            <numerusform>Blocked %n users</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unblocked %n user(s)</source>
        <translation>
            <numerusform>Unblocked %n user</numerusform>
            <numerusform>Unblocked %n users</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n user(s) to %1</source>
        <translation>
            <numerusform>Exported %n user to %1</numerusform>
            <numerusform>Exported %n users to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Meterdesk: %n new alert(s)</source>
        <translation>
            <numerusform>Meterdesk: %n new alert</numerusform>
            <numerusform>Meterdesk: %n new alerts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · live · %n new call(s) at %2</source>
        <translation>
            <numerusform>%1 · live · %n new call at %2</numerusform>
            <numerusform>%1 · live · %n new calls at %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the %n day(s) before</source>
        <translation>
            <numerusform>the %n day before</numerusform>
            <numerusform>the %n days before</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>meterdesk::PricesDialog</name>
    <message numerus="yes">
        <source>%1 of %Ln call(s): %2 → %3</source>
        <translation>
            <numerusform>%1 of %Ln call: %2 → %3</numerusform>
            <numerusform>%1 of %Ln calls: %2 → %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>meterdesk::ReconcileDialog</name>
    <message numerus="yes">
        <source>Every one of %n day(s) agrees within 1% or $0.01.</source>
        <translation>
            <numerusform>The %n day agrees within 1% or $0.01.</numerusform>
            <numerusform>Every one of %n days agrees within 1% or $0.01.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n day(s) differ by more than 1% and $0.01 (in bold, with why).</source>
        <translation>
            <numerusform>%1 of %n day differs by more than 1% and $0.01 (in bold, with why).</numerusform>
            <numerusform>%1 of %n days differ by more than 1% and $0.01 (in bold, with why).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>meterdesk::ServiceShareChart</name>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n request</numerusform>
            <numerusform>%n requests</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>meterdesk::UsersModel</name>
    <message numerus="yes">
        <source>%n request(s) of an unpriced model, billed at the fallback rate</source>
        <translation>
            <numerusform>%n request of an unpriced model, billed at the fallback rate</numerusform>
            <numerusform>%n requests of an unpriced model, billed at the fallback rate</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>meterdesk::UsersPanel</name>
    <message numerus="yes">
        <source>%1 of %n user(s) shown</source>
        <translation>
            <numerusform>%1 of %n user shown</numerusform>
            <numerusform>%1 of %n users shown</numerusform>
        </translation>
    </message>
</context>
</TS>
