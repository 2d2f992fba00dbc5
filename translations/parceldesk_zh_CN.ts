<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>main</name>
    <message>
        <source>ParcelDesk operations console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder of the local cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language: en, zh_CN or zh_TW.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The company&apos;s time zone (IANA name).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown time zone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ParcelDesk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::BusinessCalendar</name>
    <message>
        <source>must be a list of {&quot;start&quot;: &quot;HH:mm&quot;, &quot;end&quot;: &quot;HH:mm&quot;} with start before end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a known IANA time zone, e.g. Asia/Shanghai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a list of dates such as 2026-10-01</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>each entry needs a date such as 2026-09-27</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must give business hours on at least one day</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::Database</name>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the local cache %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SQLite driver gave no connection handle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a ParcelDesk cache (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This cache was written by a newer ParcelDesk (schema %1; this version knows up to %2). Update ParcelDesk, or start it with another data folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot prepare the local cache: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local cache could not switch to write-ahead logging; is the folder on a network drive?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local cache could not enable foreign keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot update the local cache: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot update the search index: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::Domain</name>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Social media</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Damaged parcel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost parcel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong or missing item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service attitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P1 urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P2 high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P3 normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P4 low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reissue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compensation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redelivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Courier contacted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explained to customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLA breach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfaction recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbound call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbound call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picked up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In transit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out for delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exception</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::JsonReader</name>
    <message>
        <source>is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>is longer than %n character(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>must be an ISO 8601 time with a time zone offset, e.g. 2026-11-23T08:15:00Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a whole number from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an amount in yuan, zero or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be {&quot;lat&quot;: -90…90, &quot;lon&quot;: -180…180}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be one of: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::MainWindow</name>
    <message>
        <source>ParcelDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 ticket(s) shown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::Sla</name>
    <message>
        <source>First response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outside business hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set to pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back from pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::SlaPolicy</name>
    <message>
        <source>must be a unique, non-empty name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be one of: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a number of minutes between 0 and 527040</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the target must be positive and the warning window no longer than it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>names no calendar of this policy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::TicketListPage</name>
    <message>
        <source>Search waybill, phone or its last 4 digits, name, ticket number, words…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local cache holds no tickets yet. They arrive with the first sync from the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No ticket matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::TicketTableModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waybill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pd::Validation</name>
    <message>
        <source>SF Express</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JD Logistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YTO Express</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ZTO, STO, Yunda or Best</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>China Post / EMS (UPU S10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown carrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a waybill number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A waybill number has at most 40 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An SF Express waybill is SF followed by 12 to 15 digits, e.g. SF1234567890123.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A JD Logistics waybill is JD followed by 10 to 18 letters or digits, e.g. JDVA01234567890.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A YTO Express waybill is YT followed by 13 digits, e.g. YT1234567890123.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check digit of %1 is %2 but should be %3: please check the number for a typo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>A numeric waybill (ZTO, STO, Yunda, Best) has 12 to 15 digits; this one has %n.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>This is not a known waybill format. Expected SF…, JD…, YT…, 12 to 15 digits, or a postal number such as EE123456785CN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A phone number may contain only digits, spaces, dashes and brackets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A mainland mobile number has 11 digits and starts with 13 to 19, e.g. 13812345678.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A landline is an area code and a 7 or 8 digit number, e.g. 010-12345678 or 0755-1234567.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a phone number: expect a mobile (13812345678) or a landline with its area code (010-12345678).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>At most %n character(s), please.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>server</name>
    <message>
        <source>ParcelDesk reference backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This build of parceldesk-server cannot serve yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
