#include "slamonitor.h"

#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcSla, "pd.sla", QtInfoMsg)

namespace pd {

namespace {

constexpr int kPriorityCount = int(Priority::P4) + 1;
constexpr int kCategoryCount = int(Category::Other) + 1;
constexpr std::size_t kCompactFloor = 1024; // below this many items, stale ones are not worth a rebuild

constexpr int kBitsShift = 4; // signal bits 0…9: two per clock
constexpr quint32 kBitsMask = (1u << kBitsShift) - 1;

constexpr quint8 signalBit(SlaClock clock, bool breach)
{
    return quint8(2 * clockIndex(clock) + (breach ? 1 : 0));
}

constexpr quint16 clockBits(SlaClock clock)
{
    return quint16((1u << signalBit(clock, false)) | (1u << signalBit(clock, true)));
}

} // namespace

SlaMonitor::SlaMonitor(Clock *clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{
    Q_ASSERT(clock);
    rebuildTerms();
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &SlaMonitor::processDue);
    // A jump makes the armed interval meaningless: fire what is due now and re-arm from the new "now".
    connect(clock, &Clock::jumped, this, &SlaMonitor::processDue);
}

SlaMonitor::~SlaMonitor() = default;

void SlaMonitor::rebuildTerms()
{
    m_terms.clear();
    m_terms.reserve(std::size_t(kPriorityCount * kCategoryCount));
    for (int p = 0; p < kPriorityCount; ++p) {
        for (int c = 0; c < kCategoryCount; ++c)
            m_terms.push_back(m_policy.termsFor(Priority(p), Category(c)));
    }
}

const SlaTerms &SlaMonitor::termsFor(Priority priority, Category category) const
{
    const auto i = std::size_t(int(priority) * kCategoryCount + int(category));
    Q_ASSERT(i < m_terms.size());
    return m_terms[i];
}

void SlaMonitor::setPolicy(const SlaPolicy &policy)
{
    m_policy = policy;
    rebuildTerms();
    // Every deadline may move: start from an empty heap rather than leaving one stale item per ticket.
    m_heap.clear();
    m_currentItems = 0;
    for (quint32 slot = 0; slot < m_entries.size(); ++slot) {
        Entry &e = m_entries[slot];
        if (!e.live)
            continue;
        ++e.generation;
        e.queued = 0;
        schedule(slot);
    }
    qCDebug(lcSla) << "policy changed; deadlines of" << m_index.size() << "tickets recomputed";
    arm();
}

void SlaMonitor::invalidate(Entry &e)
{
    ++e.generation;
    m_currentItems -= e.queued;
    e.queued = 0;
}

void SlaMonitor::schedule(quint32 slot)
{
    Entry &e = m_entries[slot];
    const SlaTerms &terms = termsFor(e.priority, e.category);
    for (SlaClock clock : kSlaClocks) {
        const quint8 warnBit = signalBit(clock, false);
        const quint8 breachBit = signalBit(clock, true);
        if ((e.done & (1u << breachBit)) != 0)
            continue; // a breached clock has nothing left to say
        const SlaClockPlan plan =
            SlaClockTimeline(e.history, clock).plan(terms.target(clock), terms.calendar.get());
        if (plan.phase == SlaClockPlan::Phase::Stopped)
            continue;
        auto push = [&](const OptInstant &at, quint8 bit) {
            if (!at || (e.done & (1u << bit)) != 0)
                return;
            m_heap.push_back({*at, (slot << kBitsShift) | bit, e.generation});
            std::push_heap(m_heap.begin(), m_heap.end(), Later{});
            ++e.queued;
            ++m_currentItems;
        };
        push(plan.warningAt, warnBit);
        push(plan.deadline, breachBit);
    }
    if (e.hasLegal)
        scheduleLegal(slot);
}

void SlaMonitor::scheduleLegal(quint32 slot)
{
    Entry &e = m_entries[slot];
    for (SlaClock clock : kLegalClocks) {
        if ((e.done & (1u << signalBit(clock, true))) != 0)
            continue;
        const auto plan = legalClockPlan(m_policy, e.legal, clock);
        if (!plan || plan->phase == SlaClockPlan::Phase::Stopped)
            continue;
        for (const auto &[at, bit] : {std::pair{plan->warningAt, signalBit(clock, false)},
                                      std::pair{plan->deadline, signalBit(clock, true)}}) {
            if (!at || (e.done & (1u << bit)) != 0)
                continue;
            m_heap.push_back({*at, (slot << kBitsShift) | bit, e.generation});
            std::push_heap(m_heap.begin(), m_heap.end(), Later{});
            ++e.queued;
            ++m_currentItems;
        }
    }
}

void SlaMonitor::updateTicket(const QString &ticketId, Priority priority, Category category,
                              const SlaHistory &history)
{
    store(ticketId, priority, category, history, nullptr);
}

void SlaMonitor::store(const QString &ticketId, Priority priority, Category category,
                       const SlaHistory &history, const LegalClockInputs *legal)
{
    auto it = m_index.constFind(ticketId);
    quint32 slot = 0;
    if (it != m_index.cend()) {
        slot = it.value();
        invalidate(m_entries[slot]);
    } else if (!m_freeSlots.empty()) {
        slot = m_freeSlots.back();
        m_freeSlots.pop_back();
        m_index.insert(ticketId, slot);
    } else {
        slot = quint32(m_entries.size());
        m_entries.emplace_back();
        m_index.insert(ticketId, slot);
    }
    Entry &e = m_entries[slot];
    if (!e.live) {
        e.id = ticketId;
        e.done = 0;
        e.redoInstance = 0;
        e.live = true;
    }
    e.priority = priority;
    e.category = category;
    e.history = history;
    for (SlaClock clock : kSlaClocks) {
        if (history.breachRecorded[clockIndex(clock)])
            e.done |= clockBits(clock);
    }
    e.hasLegal = legal != nullptr;
    e.legal = legal ? *legal : LegalClockInputs{};
    if (legal) {
        if (legal->rejections != e.redoInstance) {
            e.done &= quint16(~clockBits(SlaClock::AppealRedo)); // a new rejection: a new redo clock
            e.redoInstance = legal->rejections;
        }
        for (SlaClock clock : kLegalClocks) {
            if (legal->breachRecorded[legalIndex(clock)])
                e.done |= clockBits(clock);
        }
    }
    schedule(slot);
    compactIfNeeded();
    // Re-arming costs a timer registration: only do it when the earliest item moved earlier.
    if (!m_timer.isActive() || (!m_heap.empty() && m_heap.front().at < m_armedFor))
        arm();
}

void SlaMonitor::updateTicket(const Ticket &ticket, const QList<TicketEvent> &events)
{
    const LegalClockInputs legal = LegalClockInputs::fromTicket(ticket, events);
    store(ticket.id, ticket.priority, ticket.category, SlaHistory::fromTicket(ticket, events), &legal);
}

bool SlaMonitor::removeTicket(const QString &ticketId)
{
    const auto it = m_index.constFind(ticketId);
    if (it == m_index.cend())
        return false;
    const quint32 slot = it.value();
    m_index.erase(it);
    Entry &e = m_entries[slot];
    invalidate(e);
    e.live = false;
    e.id.clear();
    e.history = {};
    m_freeSlots.push_back(slot);
    compactIfNeeded();
    return true;
}

void SlaMonitor::clear()
{
    m_index.clear();
    m_entries.clear();
    m_freeSlots.clear();
    m_heap.clear();
    m_currentItems = 0;
    m_timer.stop();
}

std::optional<SlaClockPlan> SlaMonitor::plan(const QString &ticketId, SlaClock clock) const
{
    const auto it = m_index.constFind(ticketId);
    if (it == m_index.cend())
        return std::nullopt;
    const Entry &e = m_entries[it.value()];
    if (isLegalClock(clock))
        return e.hasLegal ? legalClockPlan(m_policy, e.legal, clock) : std::nullopt;
    const SlaTerms &terms = termsFor(e.priority, e.category);
    return SlaClockTimeline(e.history, clock).plan(terms.target(clock), terms.calendar.get());
}

std::optional<SlaClockStatus> SlaMonitor::status(const QString &ticketId, SlaClock clock) const
{
    const auto it = m_index.constFind(ticketId);
    if (it == m_index.cend() || !m_clock)
        return std::nullopt;
    const Entry &e = m_entries[it.value()];
    if (isLegalClock(clock))
        return e.hasLegal ? legalClockStatus(m_policy, e.legal, clock, m_clock->nowMs()) : std::nullopt;
    const SlaTerms &terms = termsFor(e.priority, e.category);
    return SlaClockTimeline(e.history, clock)
        .status(terms.target(clock), terms.calendar.get(), m_clock->nowMs());
}

OptInstant SlaMonitor::nextDueAt() const
{
    OptInstant best;
    for (const Item &item : m_heap) {
        if (isCurrent(item) && (!best || item.at < *best))
            best = item.at;
    }
    return best;
}

bool SlaMonitor::isCurrent(const Item &item) const
{
    const Entry &e = m_entries[item.slotCode >> kBitsShift];
    return e.live && e.generation == item.generation && (e.done & (1u << (item.slotCode & kBitsMask))) == 0;
}

void SlaMonitor::dropStaleTop()
{
    while (!m_heap.empty() && !isCurrent(m_heap.front())) {
        std::pop_heap(m_heap.begin(), m_heap.end(), Later{});
        m_heap.pop_back();
    }
}

void SlaMonitor::compactIfNeeded()
{
    if (m_heap.size() < kCompactFloor || m_heap.size() <= 2 * m_currentItems)
        return;
    std::erase_if(m_heap, [this](const Item &item) { return !isCurrent(item); });
    std::make_heap(m_heap.begin(), m_heap.end(), Later{});
}

void SlaMonitor::processDue()
{
    if (m_processing || !m_clock)
        return;
    m_processing = true;
    const Instant now = m_clock->nowMs();

    struct Due
    {
        quint32 slot;
        quint8 bit;
    };
    std::vector<Due> due;
    while (!m_heap.empty() && m_heap.front().at <= now) {
        std::pop_heap(m_heap.begin(), m_heap.end(), Later{});
        const Item item = m_heap.back();
        m_heap.pop_back();
        if (!isCurrent(item))
            continue;
        const quint32 slot = item.slotCode >> kBitsShift;
        Entry &e = m_entries[slot];
        const auto bit = quint8(item.slotCode & kBitsMask);
        e.done |= quint16(1u << bit);
        --e.queued;
        --m_currentItems;
        due.push_back({slot, bit});
    }

    // Copy out before emitting: a connected slot may update or remove tickets.
    struct Signal
    {
        QString id;
        SlaClock clock;
        bool breach;
    };
    std::vector<Signal> signals_;
    signals_.reserve(due.size());
    for (const Due &d : due) {
        const Entry &e = m_entries[d.slot];
        const bool breach = (d.bit & 1u) != 0;
        const auto clock = SlaClock(d.bit >> 1);
        if (!breach && (e.done & (1u << signalBit(clock, true))) != 0)
            continue; // the breach is due as well: report only that
        signals_.push_back({e.id, clock, breach});
    }
    m_processing = false;

    for (const Signal &s : signals_) {
        if (s.breach) {
            qCDebug(lcSla) << "breached" << s.id << toCode(s.clock);
            Q_EMIT breached(s.id, s.clock);
        } else {
            Q_EMIT atRisk(s.id, s.clock);
        }
    }
    arm();
}

void SlaMonitor::arm()
{
    if (m_processing || !m_clock)
        return;
    dropStaleTop();
    if (m_heap.empty()) {
        m_timer.stop();
        m_armedFor = SlaClockTimeline::kOpenEnd;
        return;
    }
    m_armedFor = m_heap.front().at;
    const qint64 wait = std::clamp<qint64>(m_armedFor - m_clock->nowMs(), 0, kMaxSleepMs);
    m_timer.start(int(wait));
}

} // namespace pd
