#include "core/import/acled.hpp"

#include "core/events/event_format.hpp"

#include <array>
#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "core/import/time_values.hpp"

namespace qantar::core::importer {

namespace {

// time_precision 2: the source gives a week or so; 3: only the month, whose mid-point is coded.
constexpr int kWeekSlackDays = 3;
constexpr int kMonthSlackDays = 15;
constexpr std::int64_t kKazakhstanIsoNumeric = 398;

// A decimal number; hex ("0x4C"), inf and nan, which strtod takes, are not numbers here.
std::optional<double> parseNumber(const std::string& raw) { return parseDecimal(trimmed(raw)); }

// A small whole number (precision codes, fatalities); empty when the text is not one.
std::optional<long long> parseWhole(const std::string& raw) {
    const std::string s = trimmed(raw);
    if (s.empty() || s.size() > 12) return std::nullopt;
    long long v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
}

std::string quotedValue(const std::string& v) { return "'" + printable(v) + "'"; }

struct Row {
    std::string eventId, date, timePrecision, eventType, subEventType, actor1, actor2, iso, iso3, country;
    std::string admin1, admin2, location, latitude, longitude, geoPrecision, source, notes, fatalities;
};

// event_date as text; a typed date (a spreadsheet or database column) is written as ISO.
std::string dateText(OGRFeature& f, int index) {
    if (!fieldIsSet(f, index)) return {};
    const OGRFieldType type = f.GetFieldDefnRef(index)->GetType();
    if (type != OFTDate && type != OFTDateTime) return fieldText(f, index);
    int y = 0, m = 0, d = 0, h = 0, mi = 0, tz = 0;
    float s = 0;
    if (!f.GetFieldAsDateTime(index, &y, &m, &d, &h, &mi, &s, &tz)) return fieldText(f, index);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

Row readRow(OGRFeature& f, const AcledColumns& c) {
    Row r;
    r.eventId = trimmed(fieldText(f, c.eventId));
    r.date = dateText(f, c.eventDate);
    r.timePrecision = fieldText(f, c.timePrecision);
    r.eventType = trimmed(fieldText(f, c.eventType));
    r.subEventType = trimmed(fieldText(f, c.subEventType));
    r.actor1 = trimmed(fieldText(f, c.actor1));
    r.actor2 = trimmed(fieldText(f, c.actor2));
    r.iso = trimmed(fieldText(f, c.iso));
    r.iso3 = trimmed(fieldText(f, c.iso3));
    r.country = trimmed(fieldText(f, c.country));
    r.admin1 = trimmed(fieldText(f, c.admin1));
    r.admin2 = trimmed(fieldText(f, c.admin2));
    r.location = trimmed(fieldText(f, c.location));
    r.latitude = fieldText(f, c.latitude);
    r.longitude = fieldText(f, c.longitude);
    r.geoPrecision = fieldText(f, c.geoPrecision);
    r.source = trimmed(fieldText(f, c.source));
    r.notes = trimmed(fieldText(f, c.notes));
    r.fatalities = fieldText(f, c.fatalities);
    return r;
}

// Checks latitude and longitude; the message for the user when they cannot be used.
std::optional<std::string> readPosition(const Row& r, LonLat& out) {
    const bool noLat = trimmed(r.latitude).empty(), noLon = trimmed(r.longitude).empty();
    if (noLat && noLon) return std::string("fields 'latitude' and 'longitude': missing");
    if (noLat) return std::string("field 'latitude': missing");
    if (noLon) return std::string("field 'longitude': missing");
    const auto lat = parseNumber(r.latitude);
    if (!lat) return "field 'latitude': " + quotedValue(r.latitude) + " is not a number";
    const auto lon = parseNumber(r.longitude);
    if (!lon) return "field 'longitude': " + quotedValue(r.longitude) + " is not a number";
    if (*lat < -90 || *lat > 90) return "field 'latitude': " + quotedValue(r.latitude) + " is outside -90..90";
    if (*lon < -180 || *lon > 180) return "field 'longitude': " + quotedValue(r.longitude) + " is outside -180..180";
    if (*lat == 0 && *lon == 0) return std::string("fields 'latitude' and 'longitude': 0, 0 (a missing position written as zeros)");
    out = LonLat{*lon, *lat};
    return std::nullopt;
}

bool inKazakhstan(const Row& r) {
    if (equalsIgnoreCase(r.country, "Kazakhstan") || equalsIgnoreCase(r.iso3, "KAZ")) return true;
    const auto iso = parseWhole(r.iso);
    return iso && *iso == kKazakhstanIsoNumeric;
}

}  // namespace

std::optional<Expected<AcledColumns>> detectAcled(const std::vector<FieldInfo>& fields, const std::string& label) {
    AcledColumns c;
    c.eventId = findField(fields, "event_id_cnty");
    c.eventDate = findField(fields, "event_date");
    c.eventType = findField(fields, "event_type");
    c.latitude = findField(fields, "latitude");
    c.longitude = findField(fields, "longitude");
    // A file with its own start time and title (qantar's CSV export, docs/export-data.md, which
    // uses ACLED's names where they fit) is read as features: its times are more than ACLED's day.
    const bool ownTimes = findField(fields, "start") >= 0 && findField(fields, "title") >= 0;
    const bool looksLikeAcled = !ownTimes && (c.eventId >= 0 || (c.eventDate >= 0 && c.eventType >= 0));
    if (!looksLikeAcled) return std::nullopt;
    std::string missing;
    for (auto [index, name] : {std::pair{c.eventDate, "event_date"}, std::pair{c.eventType, "event_type"},
                               std::pair{c.latitude, "latitude"}, std::pair{c.longitude, "longitude"}}) {
        if (index < 0) missing += std::string(missing.empty() ? "" : ", ") + "'" + name + "'";
    }
    if (!missing.empty()) {
        return Expected<AcledColumns>(Error{
            ErrorKind::MissingProperty,
            label + ": looks like an ACLED export (it has " +
                (c.eventId >= 0 ? std::string("'event_id_cnty'") : std::string("'event_date' and 'event_type'")) +
                ") but lacks the column(s) " + missing + "; its columns: " + describeFields(fields)});
    }
    c.timePrecision = findField(fields, "time_precision");
    c.subEventType = findField(fields, "sub_event_type");
    c.actor1 = findField(fields, "actor1");
    c.actor2 = findField(fields, "actor2");
    c.iso = findField(fields, "iso");
    c.iso3 = findField(fields, "iso3");
    c.country = findField(fields, "country");
    c.admin1 = findField(fields, "admin1");
    c.admin2 = findField(fields, "admin2");
    c.location = findField(fields, "location");
    c.geoPrecision = findField(fields, "geo_precision");
    c.source = findField(fields, "source");
    c.notes = findField(fields, "notes");
    c.fatalities = findField(fields, "fatalities");
    c.pre2023 = findField(fields, {"event_id_no_cnty", "data_id", "iso3"}) >= 0 && findField(fields, "disorder_type") < 0;
    return Expected<AcledColumns>(c);
}

std::vector<std::string> acledAttribution() {
    return {
        "Data: Armed Conflict Location & Event Data (ACLED), acleddata.com",
        "ACLED's terms: free for non-commercial use; attribution is required: name ACLED as the source on "
        "every map, image, video or text made with these data.",
    };
}

std::string importAcledLayer(OGRLayer& layer, const AcledColumns& cols, const std::string& driver,
                             const std::string& fileName, EventCollector& out) {
    Source acled;
    acled.id = "acled";
    acled.outlet = "ACLED (Armed Conflict Location & Event Data)";
    acled.headline = "ACLED data export";
    acled.file = fileName;
    acled.writtenReasoning = "Rows of an ACLED export read by qantar import; ACLED codes each event from the "
                             "outlets in its source column.";
    out.addSource(acled);
    Source outletPrototype;
    outletPrototype.headline = "Reported by this outlet, as coded by ACLED";
    outletPrototype.file = fileName;
    outletPrototype.writtenReasoning = "Named in the ACLED export's source column. The quote is ACLED's note on "
                                       "the event, not the outlet's own words.";

    std::array<std::size_t, kDateStyleCount> styles{};
    std::size_t record = 0;
    layer.ResetReading();
    for (OGRFeatureUniquePtr f(layer.GetNextFeature()); f; f.reset(layer.GetNextFeature())) {
        ++record;
        const std::size_t row = record + 1;  // the header is row 1
        out.countRead();
        if (out.rejectedForNul(row)) continue;
        const Row r = readRow(*f, cols);

        LonLat lonLat;
        if (auto why = readPosition(r, lonLat)) {
            out.reject(row, *why);
            continue;
        }
        const auto date = parseAcledDate(r.date);
        if (!date) {
            out.reject(row, trimmed(r.date).empty()
                                ? std::string("field 'event_date': missing")
                                : "field 'event_date': " + quotedValue(trimmed(r.date)) +
                                      " is not a date (expected 2022-01-05, 05 January 2022 or 05-Jan-22)");
            continue;
        }
        ++styles[static_cast<std::size_t>(date->second)];

        Event ev;
        std::string zoneReason;
        ZoneOffset zone = kAlmatyTime;
        if (inKazakhstan(r)) {
            ev.place.region = regionForAdmin1(r.admin1);
            if (ev.place.region == "KZ-ALM" && equalsIgnoreCase(r.location, "Almaty")) ev.place.region = "KZ-ALA";
            zone = zoneForRegion(ev.place.region);
            zoneReason = ev.place.region.empty()
                             ? "Almaty time (the region '" + printable(r.admin1) + "' is not one we know)"
                             : formatOffset(zone) + " (" + ev.place.region + ")";
        } else {
            // Outside Kazakhstan ACLED gives no zone; the solar offset of the longitude is close enough
            // for a day-precision date.
            zone = ZoneOffset{static_cast<int>(std::lround(lonLat.lon / 15.0)) * 60};
            zoneReason = formatOffset(zone) + " (estimated from the longitude; the place is outside Kazakhstan)";
            if (r.iso3.size() == 3) ev.place.country = r.iso3;
        }

        const TimeValue day = wholeDay(date->first, zone, trimmed(r.date));
        if (auto why = EventCollector::yearProblem(day.start, day.unitEnd - Duration{1}, zone)) {
            out.reject(row, "field 'event_date': " + quotedValue(trimmed(r.date)) + ": " + *why);
            continue;
        }
        ev.start = day.start;
        ev.end = day.unitEnd;
        ev.hasEnd = true;
        ev.localZone = zone;
        ev.precision = Precision::Day;
        ev.dateReasoning = "ACLED gives the date " + quotedValue(trimmed(r.date)) +
                           " with no time of day; the event covers that day in " + zoneReason + ".";
        const std::string tpText = trimmed(r.timePrecision);
        const auto tp = parseWhole(tpText);
        if (!tpText.empty() && (!tp || *tp < 1 || *tp > 3)) {
            out.warn(row, "field 'time_precision': " + quotedValue(tpText) + " is not 1, 2 or 3; read as 1 (the day)");
        } else if (tp && *tp > 1) {
            const int slack = *tp == 2 ? kWeekSlackDays : kMonthSlackDays;
            ev.start = ev.start - Duration::days(slack);
            ev.end = ev.end + Duration::days(slack);
            ev.precision = Precision::Approximate;
            ev.dateReasoning += *tp == 2 ? " ACLED's time_precision 2: the source gives only a period of about a week, "
                                           "so the event may lie up to 3 days either side."
                                         : " ACLED's time_precision 3: only the month is known and ACLED codes its "
                                           "mid-point, so the event may lie up to 15 days either side.";
        }

        ev.place.lonLat = lonLat;
        ev.place.name = out.limitText(row, !r.location.empty() ? "location" : !r.admin2.empty() ? "admin2" : "admin1",
                                      !r.location.empty() ? r.location : !r.admin2.empty() ? r.admin2 : r.admin1);
        if (ev.place.name.empty()) ev.place.name = printable(trimmed(r.latitude)) + ", " + printable(trimmed(r.longitude));
        const std::string gpText = trimmed(r.geoPrecision);
        const auto gp = parseWhole(gpText);
        ev.placePrecision = "city";
        if (gp && *gp >= 1 && *gp <= 3) {
            ev.geoPrecision = static_cast<int>(*gp);
            if (*gp == 2) {
                ev.placeNote = "ACLED geo_precision 2: near " + ev.place.name +
                               " or in a small part of its region; the point is a nearby town.";
            } else if (*gp == 3) {
                ev.placePrecision = "region";
                ev.placeNote = "ACLED geo_precision 3: somewhere in a larger region; the point is a nearby natural "
                               "location or the provincial capital.";
            }
        } else if (!gpText.empty()) {
            out.warn(row, "field 'geo_precision': " + quotedValue(gpText) + " is not 1, 2 or 3; ignored");
        }

        ev.category = categoryForAcledType(r.eventType, r.subEventType);
        if (ev.category == Category::Protest && equalsIgnoreCase(r.subEventType, "Peaceful protest")) ev.violent = false;
        ev.originalType = out.limitText(row, "event_type",
                                        r.subEventType.empty() ? r.eventType : r.eventType + " / " + r.subEventType);
        const std::string what = !r.subEventType.empty() ? r.subEventType : !r.eventType.empty() ? r.eventType : "Event";
        ev.title = shortTitle(what + " in " + ev.place.name);
        ev.id = out.uniqueId(r.eventId.empty() ? std::string() : "acled-" + r.eventId,
                             "acled-row-" + std::to_string(row));
        ev.description = !r.notes.empty() ? out.limitText(row, "notes", r.notes)
                                          : cutText(what + " in " + ev.place.name + " (ACLED event " +
                                                        (r.eventId.empty() ? "without an id" : r.eventId) + ").",
                                                    kMaxDescriptionChars);

        const std::string quote = quoteFrom(!r.notes.empty() ? r.notes : what);
        const std::string sourceId =
            r.source.empty() ? std::string("acled")
                             : out.sourceForOutlet(out.limitText(row, "source", r.source), outletPrototype, "acled-outlet");
        ev.sources.push_back(SourceRef{sourceId, quote});

        const std::string fatText = trimmed(r.fatalities);
        const auto fatalities = parseWhole(fatText);
        if (!fatText.empty() && !fatalities) {
            out.warn(row, "field 'fatalities': " + quotedValue(fatText) + " is not a whole number; no death toll kept");
        } else if (fatalities && *fatalities > 0) {
            Figure fig;
            fig.kind = FigureKind::Deaths;
            fig.value = *fatalities;
            fig.qualifier = "exact";
            fig.subject = "people";
            fig.reportedBy = "ACLED";
            const CivilTime c = toCivil(day.start, zone);
            char asOf[16];
            std::snprintf(asOf, sizeof asOf, "%04d-%02d-%02d", c.year, c.month, c.day);
            fig.asOf = asOf;
            fig.asOfInstant = toInstant(CivilTime{c.year, c.month, c.day, 0, 0, 0}, kAlmatyTime);  // as parseDataset reads as_of
            fig.source = "acled";
            fig.note = "ACLED's fatalities column for this event (a reported number or ACLED's estimate).";
            fig.partial = "this event only";  // a per-event count: never a bound of a national total
            ev.figures.push_back(std::move(fig));
        }
        out.add(std::move(ev));
    }

    std::string detected = driver == "CSV" ? "ACLED CSV" : "ACLED columns (" + driver + ")";
    detected += cols.pre2023 ? " (pre-2023 columns)" : " (current columns)";
    std::string dates;
    int kinds = 0;
    for (int s = 0; s < kDateStyleCount; ++s) {
        if (!styles[static_cast<std::size_t>(s)]) continue;
        dates += std::string(kinds++ ? " and '" : "'") + dateStyleExample(static_cast<DateStyle>(s)) + "'";
    }
    if (kinds) detected += ", dates like " + dates + (kinds > 1 ? " (mixed)" : "");
    return detected;
}

}  // namespace qantar::core::importer
