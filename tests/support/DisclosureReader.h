#pragma once
// A curious reader of published figures, for the disclosure tests: it forms the sums a reader can
// form, carries bounds through them and tries each value a narrow unknown could still have, and
// reports every hidden figure that is left with one value. Written apart from core's Ledger, so the
// test does not check the protection with the protection's own reasoning.

#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <optional>

namespace bs::test {

using namespace Qt::StringLiterals;

// What the reader knows of one figure: its value, or that it is hidden (with the true value, so a
// recovery can be reported) and what its mark says: "<5" is 1 to 4, "x" any count but zero, a
// difference nobody prints (open minus late) 0 or more.
struct Term {
    std::optional<double> known;
    int unknown = -1;
    bool valid = true;  // false: withheld ("–"), not a count a sum can use
};

// Sums a reader can form, attacked as with a spreadsheet: bounds are carried through every sum
// until nothing changes, then each value a narrow unknown could still have is tried in turn. A
// hidden figure is recovered when only one value remains.
class Reader {
public:
    static constexpr qint64 big = 1'000'000;

    Term term(const QJsonValue& shown, const QJsonValue& exact, const QString& where)
    {
        if (shown.isDouble())
            return {shown.toDouble(), -1, true};
        const QString mark = shown.toString();
        if (mark != u"<5"_s && mark != u"x"_s)
            return {std::nullopt, -1, false};
        return unknown(mark == u"<5"_s ? Range{1, 4} : Range{1, big}, exact.toDouble(), where, true);
    }
    // A count the reader can form but that is never printed: 0 or more.
    Term difference(double truth, const QString& where) { return unknown({0, big}, truth, where, false); }
    void sum(const QList<Term>& addends, const Term& total)
    {
        if (!total.valid)
            return;
        for (const Term& t : addends) {
            if (!t.valid)
                return;
        }
        m_sums << qMakePair(addends, total);
    }

    // Every hidden figure that comes back, as "where = value".
    QStringList recover() const
    {
        QList<Range> ranges = m_priors;
        if (!propagate(ranges))
            return {u"(the sums contradict the marks: the test's model is wrong)"_s};
        for (int i = 0; i < ranges.size(); ++i) {
            if (ranges.at(i).high - ranges.at(i).low > 12)
                continue;
            qint64 low = big, high = -1;
            for (qint64 v = ranges.at(i).low; v <= ranges.at(i).high; ++v) {
                QList<Range> trial = ranges;
                trial[i] = {v, v};
                if (propagate(trial)) {
                    low = std::min(low, v);
                    high = std::max(high, v);
                }
            }
            ranges[i] = {low, high};
        }
        QStringList out;
        for (int i = 0; i < ranges.size(); ++i) {
            const bool small = m_truth.at(i) >= 1 && m_truth.at(i) <= 4;
            // A printed hidden figure must keep two possible values; an unprinted difference only
            // matters when it is a small count.
            if (ranges.at(i).low == ranges.at(i).high && (m_printed.at(i) || small))
                out << u"%1 = %2 (true %3)"_s.arg(m_where.at(i)).arg(ranges.at(i).low).arg(m_truth.at(i));
        }
        return out;
    }
    int hidden() const { return int(std::count(m_printed.cbegin(), m_printed.cend(), true)); }

private:
    struct Range {
        qint64 low;
        qint64 high;
    };
    Term unknown(Range prior, double truth, const QString& where, bool printed)
    {
        m_priors << prior;
        m_truth << truth;
        m_where << where;
        m_printed << printed;
        return {std::nullopt, int(m_priors.size() - 1), true};
    }
    // false when the ranges cannot all hold.
    bool propagate(QList<Range>& r) const
    {
        auto lowOf = [&](const Term& t) { return t.known ? qint64(*t.known) : r.at(t.unknown).low; };
        auto highOf = [&](const Term& t) { return t.known ? qint64(*t.known) : r.at(t.unknown).high; };
        for (bool changed = true; changed;) {
            changed = false;
            for (const auto& [addends, total] : m_sums) {
                qint64 lows = 0, highs = 0;
                for (const Term& t : addends) {
                    lows += lowOf(t);
                    highs = std::min(big * 4, highs + highOf(t));
                }
                auto narrow = [&](const Term& t, qint64 low, qint64 high) {
                    if (t.known)
                        return low <= *t.known && *t.known <= high;
                    Range& x = r[t.unknown];
                    if (low > x.low) {
                        x.low = low;
                        changed = true;
                    }
                    if (high < x.high) {
                        x.high = high;
                        changed = true;
                    }
                    return x.low <= x.high;
                };
                if (!narrow(total, lows, highs))
                    return false;
                for (const Term& t : addends) {
                    const qint64 othersLow = lows - lowOf(t);
                    const qint64 othersHigh = highs >= big * 4 ? big * 4 : highs - highOf(t);
                    if (!narrow(t, std::max<qint64>(0, lowOf(total) - othersHigh), highOf(total) - othersLow))
                        return false;
                }
            }
        }
        return true;
    }

    QList<Range> m_priors;
    QList<double> m_truth;
    QStringList m_where;
    QList<bool> m_printed;
    QList<QPair<QList<Term>, Term>> m_sums;
};

}  // namespace bs::test
