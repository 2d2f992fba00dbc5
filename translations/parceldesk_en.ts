<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>pd::AccessLogModel</name>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation><numerusform>%n record</numerusform><numerusform>%n records</numerusform></translation>
    </message>
</context>
<context>
    <name>pd::AccessLogPage</name>
    <message numerus="yes">
        <source>%n entry(ies) saved to %1.</source>
        <translation><numerusform>%n entry saved to %1.</numerusform><numerusform>%n entries saved to %1.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies) shown; older ones: Load more.</source>
        <translation><numerusform>%n entry shown; older ones: Load more.</numerusform><numerusform>%n entries shown; older ones: Load more.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies) found.</source>
        <translation><numerusform>%n entry found.</numerusform><numerusform>%n entries found.</numerusform></translation>
    </message>
</context>
<context>
    <name>pd::ActionBar</name>
    <message numerus="yes">
        <source>%1 (%n open)</source>
        <translation><numerusform>%1 (%n open)</numerusform><numerusform>%1 (%n open)</numerusform></translation>
    </message>
</context>
<context>
    <name>pd::AgentBoardModel</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation><numerusform>%n min</numerusform><numerusform>%n min</numerusform></translation>
    </message>
</context>
<context>
    <name>pd::AppealPanel</name>
    <message numerus="yes">
        <source>Rejected by the regulator %n time(s), last at %1</source>
        <translation><numerusform>Rejected by the regulator %n time, last at %1</numerusform><numerusform>Rejected by the regulator %n times, last at %1</numerusform></translation>
    </message>
</context>
<context>
    <name>pd::ApprovalsModel</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation><numerusform>%n min</numerusform><numerusform>%n min</numerusform></translation>
    </message>
</context>
<context>
    <name>pd::ApprovalsPage</name>
    <message numerus="yes">
        <source>%n request(s) waiting.</source>
        <translation><numerusform>%n request waiting.</numerusform><numerusform>%n requests waiting.</numerusform></translation>
    </message>
</context>
<context>
    <name>pd::BreachListModel</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation><numerusform>%n min</numerusform><numerusform>%n min</numerusform></translation>
    </message>
</context>
<context>
    <name>pd::CustomerHistoryPanel</name>
    <message numerus="yes">
        <source>%n complaint(s) in 30 days</source>
        <translation><numerusform>%n complaint in 30 days</numerusform><numerusform>%n complaints in 30 days</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n in 90 days</source>
        <translation><numerusform>%n in 90 days</numerusform><numerusform>%n in 90 days</numerusform></translation>
    </message>
</context>
<context>
    <name>pd::EffectPanel</name>
    <message numerus="yes">
        <source>CSAT %1 (%n answer(s))</source>
        <translation><numerusform>CSAT %1 (%n answer)</numerusform><numerusform>CSAT %1 (%n answers)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 complained (%2 of %n parcel(s)) · %3</source>
        <translation><numerusform>%1 complained (%2 of %n parcel) · %3</numerusform><numerusform>%1 complained (%2 of %n parcels) · %3</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n parcel(s) with an exception</source>
        <translation><numerusform>%1 of %n parcel with an exception</numerusform><numerusform>%1 of %n parcels with an exception</numerusform></translation>
    </message>
</context>
<context>
    <name>pd::IncidentText</name>
    <message numerus="yes">
        <source>%1: %n parcel(s) since %2</source>
        <translation><numerusform>%1: %n parcel since %2</numerusform><numerusform>%1: %n parcels since %2</numerusform></translation>
    </message>
</context>
<context>
    <name>pd::JsonReader</name>
    <message numerus="yes">
        <source>is longer than %n character(s)</source>
        <translation><numerusform>is longer than %n character</numerusform><numerusform>is longer than %n characters</numerusform></translation>
    </message>
</context>
<context>
    <name>pd::MainWindow</name>
    <message numerus="yes">
        <source>%Ln ticket(s) shown</source>
        <translation><numerusform>%Ln ticket shown</numerusform><numerusform>%Ln tickets shown</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln ticket(s) shown</source>
        <translation><numerusform>%1 of %Ln ticket shown</numerusform><numerusform>%1 of %Ln tickets shown</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) have a conflict you have not resolved. Signing out removes your tickets from this computer, and your version of those changes with them.</source>
        <translation><numerusform>%n ticket has a conflict you have not resolved. Signing out removes your tickets from this computer, and your version of that change with them.</numerusform><numerusform>%n tickets have a conflict you have not resolved. Signing out removes your tickets from this computer, and your version of those changes with them.</numerusform></translation>
    </message>
</context>
<context>
    <name>pd::MapPage</name>
    <message numerus="yes">
        <source>%Ln parcel(s) on the map</source>
        <translation><numerusform>%Ln parcel on the map</numerusform><numerusform>%Ln parcels on the map</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln parcel(s) under way here</source>
        <translation><numerusform>%Ln parcel under way here</numerusform><numerusform>%Ln parcels under way here</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 · %Ln parcel(s)</source>
        <translation><numerusform>%1 · %Ln parcel</numerusform><numerusform>%1 · %Ln parcels</numerusform></translation>
    </message>
</context>
<context>
    <name>pd::ProactivePage</name>
    <message numerus="yes">
        <source>%n case(s).</source>
        <translation><numerusform>%n case.</numerusform><numerusform>%n cases.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Each customer of the %n parcel(s) of “%1” with a phone gets one message; customers told of this incident already are skipped.</source>
        <translation><numerusform>Each customer of the %n parcel of “%1” with a phone gets one message; customers told of this incident already are skipped.</numerusform><numerusform>Each customer of the %n parcels of “%1” with a phone gets one message; customers told of this incident already are skipped.</numerusform></translation>
    </message>
</context>
<context>
    <name>pd::RefusedEdits</name>
    <message numerus="yes">
        <source>The server refused %n of your changes to this ticket. The ticket shows the server's copy; what you typed is kept here until you discard it.</source>
        <translation><numerusform>The server refused %n change of yours to this ticket. The ticket shows the server's copy; what you typed is kept here until you discard it.</numerusform><numerusform>The server refused %n of your changes to this ticket. The ticket shows the server's copy; what you typed is kept here until you discard it.</numerusform></translation>
    </message>
</context>
<context>
    <name>pd::RegulatorPanel</name>
    <message numerus="yes">
        <source>%n appeal(s)</source>
        <translation><numerusform>%n appeal</numerusform><numerusform>%n appeals</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n at fault (有效申诉)</source>
        <translation><numerusform>%n at fault (有效申诉)</numerusform><numerusform>%n at fault (有效申诉)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n still within the deadline</source>
        <translation><numerusform>%n still within the deadline</numerusform><numerusform>%n still within the deadline</numerusform></translation>
    </message>
</context>
<context>
    <name>pd::RepeatNotice</name>
    <message numerus="yes">
        <source>%n more open ticket(s) of this customer.</source>
        <translation><numerusform>%n more open ticket of this customer.</numerusform><numerusform>%n more open tickets of this customer.</numerusform></translation>
    </message>
</context>
<context>
    <name>pd::ReportsPage</name>
    <message numerus="yes">
        <source>%n file(s) written.</source>
        <translation><numerusform>%n file written.</numerusform><numerusform>%n files written.</numerusform></translation>
    </message>
</context>
<context>
    <name>pd::Session</name>
    <message numerus="yes">
        <source>%n change(s) could not be sent. They stay on this computer for you only and are sent when you sign in here again.</source>
        <translation><numerusform>%n change could not be sent. It stays on this computer for you only and is sent when you sign in here again.</numerusform><numerusform>%n changes could not be sent. They stay on this computer for you only and are sent when you sign in here again.</numerusform></translation>
    </message>
</context>
<context>
    <name>pd::SlaPolicy</name>
    <message numerus="yes">
        <source>must be fewer than the clock's %n day(s)</source>
        <translation><numerusform>must be fewer than the clock's %n day</numerusform><numerusform>must be fewer than the clock's %n days</numerusform></translation>
    </message>
</context>
<context>
    <name>pd::SyncEngine</name>
    <message numerus="yes">
        <source>%n change(s) received.</source>
        <translation><numerusform>%n change received.</numerusform><numerusform>%n changes received.</numerusform></translation>
    </message>
</context>
<context>
    <name>pd::SyncStatusWidget</name>
    <message numerus="yes">
        <source>%n pending</source>
        <translation><numerusform>%n pending</numerusform><numerusform>%n pending</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation><numerusform>%n conflict</numerusform><numerusform>%n conflicts</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation><numerusform>%n refused</numerusform><numerusform>%n refused</numerusform></translation>
    </message>
</context>
<context>
    <name>pd::TeamBoardPage</name>
    <message numerus="yes">
        <source>%n ticket(s) assigned to %1.</source>
        <translation><numerusform>%n ticket assigned to %1.</numerusform><numerusform>%n tickets assigned to %1.</numerusform></translation>
    </message>
</context>
<context>
    <name>pd::TicketPane</name>
    <message numerus="yes">
        <source>%n conversation entr(ies) and %1 move to %2. %3 closes, pointing to %2, and the complaint is counted once. This cannot be undone.</source>
        <translation><numerusform>%n conversation entr(ies) and %1 move to %2. %3 closes, pointing to %2, and the complaint is counted once. This cannot be undone.</numerusform><numerusform>%n conversation entr(ies) and %1 move to %2. %3 closes, pointing to %2, and the complaint is counted once. This cannot be undone.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation><numerusform>%n file</numerusform><numerusform>%n files</numerusform></translation>
    </message>
</context>
<context>
    <name>pd::TicketTableModel</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation><numerusform>%n min</numerusform><numerusform>%n min</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation><numerusform>%n d</numerusform><numerusform>%n d</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>in %n s</source>
        <translation><numerusform>in %n s</numerusform><numerusform>in %n s</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>in %n min</source>
        <translation><numerusform>in %n min</numerusform><numerusform>in %n min</numerusform></translation>
    </message>
</context>
<context>
    <name>pd::TrendAlertPanel</name>
    <message numerus="yes">
        <source>%1 — %2: %n complaint(s) since %3 where %4 are normal (×%5)</source>
        <translation><numerusform>%1 — %2: %n complaint since %3 where %4 are normal (×%5)</numerusform><numerusform>%1 — %2: %n complaints since %3 where %4 are normal (×%5)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Complaint spikes (%n open)</source>
        <translation><numerusform>Complaint spikes (%n open)</numerusform><numerusform>Complaint spikes (%n open)</numerusform></translation>
    </message>
</context>
<context>
    <name>pd::UnassignedModel</name>
    <message numerus="yes">
        <source>%n min late</source>
        <translation><numerusform>%n min late</numerusform><numerusform>%n min late</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation><numerusform>%n min</numerusform><numerusform>%n min</numerusform></translation>
    </message>
</context>
<context>
    <name>pd::Validation</name>
    <message numerus="yes">
        <source>A numeric waybill (ZTO, STO, Yunda, Best) has 12 to 15 digits; this one has %n.</source>
        <translation><numerusform>A numeric waybill (ZTO, STO, Yunda, Best) has 12 to 15 digits; this one has %n.</numerusform><numerusform>A numeric waybill (ZTO, STO, Yunda, Best) has 12 to 15 digits; this one has %n.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>At most %n character(s), please.</source>
        <translation><numerusform>At most %n character, please.</numerusform><numerusform>At most %n characters, please.</numerusform></translation>
    </message>
</context>
<context>
    <name>pd::map::MapItems</name>
    <message numerus="yes">
        <source>%n open complaint(s)</source>
        <translation><numerusform>%n open complaint</numerusform><numerusform>%n open complaints</numerusform></translation>
    </message>
</context>
<context>
    <name>pd::map::MapView</name>
    <message numerus="yes">
        <source>%Ln parcels here: click to zoom in</source>
        <translation><numerusform>%Ln parcels here: click to zoom in</numerusform><numerusform>%Ln parcels here: click to zoom in</numerusform></translation>
    </message>
</context>
</TS>
