#include "GeoPackageGeometry.h"

#include <QtEndian>

#include <cmath>
#include <cstring>

using namespace Qt::StringLiterals;

namespace bs::GeoPackageGeometry {

namespace {

Error bad(const QString& why)
{
    return Error::invalid(u"geometry"_s, u"Ongeldige geometrie: %1."_s.arg(why));
}

// A cursor over the blob that never reads past its end.
class Reader {
public:
    explicit Reader(const QByteArray& bytes) : m_data(bytes.constData()), m_size(bytes.size()) {}
    qsizetype left() const { return m_size - m_at; }
    bool skip(qsizetype n)
    {
        if (n < 0 || n > left())
            return false;
        m_at += n;
        return true;
    }
    bool byte(quint8& out)
    {
        if (left() < 1)
            return false;
        out = quint8(m_data[m_at++]);
        return true;
    }
    bool uint32(quint32& out, bool littleEndian)
    {
        if (left() < 4)
            return false;
        out = littleEndian ? qFromLittleEndian<quint32>(m_data + m_at) : qFromBigEndian<quint32>(m_data + m_at);
        m_at += 4;
        return true;
    }
    bool float64(double& out, bool littleEndian)
    {
        if (left() < 8)
            return false;
        const quint64 bits = littleEndian ? qFromLittleEndian<quint64>(m_data + m_at) : qFromBigEndian<quint64>(m_data + m_at);
        std::memcpy(&out, &bits, sizeof out);
        m_at += 8;
        return true;
    }

private:
    const char* m_data;
    qsizetype m_size;
    qsizetype m_at = 0;
};

struct WkbType {
    quint32 base = 0;  // 3 polygon, 6 multipolygon
    int dimensions = 2;
};

Result<WkbType> readType(Reader& in, bool& littleEndian)
{
    quint8 order = 0;
    if (!in.byte(order))
        return bad(u"WKB houdt op voor de bytevolgorde"_s);
    if (order > 1)
        return bad(u"onbekende WKB-bytevolgorde %1"_s.arg(order));
    littleEndian = order == 1;
    quint32 type = 0;
    if (!in.uint32(type, littleEndian))
        return bad(u"WKB houdt op voor het type"_s);
    // ISO: +1000 Z, +2000 M, +3000 ZM; the older EWKB flags 0x80000000 (Z) and 0x40000000 (M).
    int dimensions = 2;
    if (type & 0x80000000u)
        ++dimensions;
    if (type & 0x40000000u)
        ++dimensions;
    type &= 0x0FFFFFFFu;
    const quint32 iso = type / 1000;
    if (iso > 3)
        return bad(u"onbekend WKB-type %1"_s.arg(type));
    dimensions += iso == 3 ? 2 : (iso > 0 ? 1 : 0);
    if (dimensions > 4)
        return bad(u"onbekend WKB-type %1"_s.arg(type));
    return WkbType{type % 1000, dimensions};
}

Status readPolygon(Reader& in, bool littleEndian, int dimensions, Shapes::Polygon& out)
{
    quint32 ringCount = 0;
    if (!in.uint32(ringCount, littleEndian))
        return bad(u"polygoon houdt op voor het aantal ringen"_s);
    if (ringCount == 0)
        return bad(u"polygoon zonder ringen"_s);
    if (qint64(ringCount) * 4 > in.left())
        return bad(u"polygoon noemt %1 ringen maar is korter"_s.arg(ringCount));
    const qint64 pointSize = 8 * dimensions;
    for (quint32 r = 0; r < ringCount; ++r) {
        quint32 pointCount = 0;
        if (!in.uint32(pointCount, littleEndian))
            return bad(u"ring houdt op voor het aantal punten"_s);
        if (pointCount < 4)
            return bad(u"ring met %1 punten (minstens 4 nodig)"_s.arg(pointCount));
        if (qint64(pointCount) * pointSize > in.left())
            return bad(u"ring noemt %1 punten maar is korter"_s.arg(pointCount));
        Shapes::Ring ring;
        ring.reserve(pointCount);
        for (quint32 p = 0; p < pointCount; ++p) {
            double x = 0;
            double y = 0;
            in.float64(x, littleEndian);
            in.float64(y, littleEndian);
            in.skip(8 * (dimensions - 2));
            if (!std::isfinite(x) || !std::isfinite(y))
                return bad(u"coördinaat is geen getal"_s);
            ring << QPointF(x, y);
        }
        if (ring.first() != ring.last())
            return bad(u"ring is niet gesloten"_s);
        out.rings << ring;
    }
    return {};
}

}  // namespace

Result<Geometry> read(const QByteArray& blob)
{
    Reader in(blob);
    quint8 g = 0, p = 0, version = 0, flags = 0;
    if (!in.byte(g) || !in.byte(p) || g != 'G' || p != 'P')
        return bad(u"geen GeoPackage-geometrie (de kop begint niet met \"GP\")"_s);
    if (!in.byte(version) || !in.byte(flags))
        return bad(u"de GeoPackage-kop is te kort"_s);
    if (version != 0)
        return bad(u"onbekende GeoPackage-versie %1"_s.arg(version));
    if (flags & 0x20)
        return bad(u"uitgebreide GeoPackage-geometrie wordt niet ondersteund"_s);
    const bool headerLittle = flags & 0x01;
    const int envelope = (flags >> 1) & 0x07;
    static const int envelopeDoubles[] = {0, 4, 6, 6, 8};
    if (envelope > 4)
        return bad(u"onbekend envelop-type %1"_s.arg(envelope));
    Geometry geometry;
    quint32 srs = 0;
    if (!in.uint32(srs, headerLittle))
        return bad(u"de GeoPackage-kop is te kort"_s);
    geometry.srsId = qint32(srs);
    if (!in.skip(8 * envelopeDoubles[envelope]))
        return bad(u"de envelop is korter dan de kop aangeeft"_s);
    if (flags & 0x10) {
        geometry.empty = true;
        return geometry;
    }
    bool little = true;
    auto type = readType(in, little);
    if (!type.ok())
        return type.error();
    if (type->base == 3) {
        Shapes::Polygon polygon;
        BS_TRY(readPolygon(in, little, type->dimensions, polygon));
        geometry.shape << polygon;
    } else if (type->base == 6) {
        quint32 count = 0;
        if (!in.uint32(count, little))
            return bad(u"multipolygoon houdt op voor het aantal polygonen"_s);
        if (qint64(count) * 9 > in.left())
            return bad(u"multipolygoon noemt %1 polygonen maar is korter"_s.arg(count));
        for (quint32 i = 0; i < count; ++i) {
            bool innerLittle = true;
            auto inner = readType(in, innerLittle);
            if (!inner.ok())
                return inner.error();
            if (inner->base != 3)
                return bad(u"een multipolygoon mag alleen polygonen bevatten (type %1)"_s.arg(inner->base));
            Shapes::Polygon polygon;
            BS_TRY(readPolygon(in, innerLittle, inner->dimensions, polygon));
            geometry.shape << polygon;
        }
    } else {
        return bad(u"alleen Polygon en MultiPolygon worden gelezen, niet WKB-type %1"_s.arg(type->base));
    }
    if (in.left() != 0)
        return bad(u"%1 byte(s) na het einde van de geometrie"_s.arg(in.left()));
    return geometry;
}

}  // namespace bs::GeoPackageGeometry
