package io.ticketing.catalog.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.ticketing.catalog.show.Availability;
import io.ticketing.catalog.show.Show;
import io.ticketing.events.catalog.CatalogChanged;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the search documents of shows from the catalog's database, the source of truth. Each batch is
 * read from one snapshot and versioned with the time of that snapshot (microseconds since the epoch), so
 * that whichever write reaches Elasticsearch last, the document from the newer snapshot wins.
 */
@Component
class ShowDocuments {

    private static final String SELECT = """
            SELECT s.id, s.movie_id, s.hall_id, s.starts_at, s.ends_at, s.sales_open_at, s.sales_close_at, s.status,
                   m.title, m.description, m.duration_minutes, m.genre, m.language, m.release_date, m.country,
                   m.rating, m.cast_members, h.name AS hall_name, c.id AS cinema_id, c.name AS cinema_name,
                   c.address, c.postal_code, c.latitude, c.longitude, ci.id AS city_id, ci.name AS city_name,
                   (SELECT json_agg(json_build_object('type', p.seat_type, 'price', p.amount, 'currency', p.currency,
                                                      'total', a.total, 'available', a.available) ORDER BY p.seat_type)
                    FROM show_price p
                             LEFT JOIN show_availability a ON a.show_id = p.show_id AND a.seat_type = p.seat_type
                    WHERE p.show_id = s.id) AS seats
            FROM show s
                     JOIN movie m ON m.id = s.movie_id
                     JOIN hall h ON h.id = s.hall_id
                     JOIN cinema c ON c.id = h.cinema_id
                     JOIN city ci ON ci.id = c.city_id
            WHERE s.id IN (:ids)""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate snapshot;

    ShowDocuments(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    /** The writes that bring the index up to date for these shows: a document each, or a deletion. */
    List<SearchIndex.Write> writes(Collection<UUID> showIds) {
        if (showIds.isEmpty()) {
            return List.of();
        }
        return snapshot.execute(status -> {
            // The first statement fixes the snapshot; its start time is the version of everything read in it.
            long version = jdbc.sql("SELECT (extract(epoch FROM statement_timestamp()) * 1000000)::bigint")
                    .query(Long.class).single();
            List<SearchIndex.Write> writes = new ArrayList<>();
            Set<UUID> found = new HashSet<>();
            jdbc.sql(SELECT).param("ids", showIds).query((rs, n) -> {
                UUID id = rs.getObject("id", UUID.class);
                found.add(id);
                boolean listed = Show.Status.valueOf(rs.getString("status")) == Show.Status.SCHEDULED;
                return new SearchIndex.Write(id.toString(), version, listed ? document(rs) : null);
            }).list().forEach(writes::add);
            showIds.stream().filter(id -> !found.contains(id))
                    .forEach(id -> writes.add(new SearchIndex.Write(id.toString(), version, null)));
            return writes;
        });
    }

    /** The shows whose documents show something of the changed city, cinema, hall or movie. */
    List<UUID> showsOf(CatalogChanged.Entity entity, UUID id) {
        String where = switch (entity) {
            case CITY -> "h.cinema_id IN (SELECT c.id FROM cinema c WHERE c.city_id = :id)";
            case CINEMA -> "h.cinema_id = :id";
            case HALL -> "s.hall_id = :id";
            case MOVIE -> "s.movie_id = :id";
        };
        return jdbc.sql("SELECT s.id FROM show s JOIN hall h ON h.id = s.hall_id WHERE " + where)
                .param("id", id).query(UUID.class).list();
    }

    /** One page of all show ids, in id order, for rebuilding the index. */
    List<UUID> showIdsAfter(UUID after, int limit) {
        return jdbc.sql("SELECT id FROM show WHERE id > :after ORDER BY id LIMIT :limit")
                .param("after", after).param("limit", limit).query(UUID.class).list();
    }

    private ObjectNode document(ResultSet rs) throws SQLException {
        ObjectNode doc = json.createObjectNode();
        doc.put("showId", rs.getString("id"));
        doc.put("movieId", rs.getString("movie_id"));
        doc.put("title", rs.getString("title"));
        doc.put("titleSort", rs.getString("title").toLowerCase(Locale.ROOT));
        doc.put("description", rs.getString("description"));
        doc.put("durationMinutes", rs.getInt("duration_minutes"));
        doc.put("genre", rs.getString("genre"));
        doc.put("genreKey", key(rs.getString("genre")));
        doc.put("language", rs.getString("language"));
        doc.put("languageKey", key(rs.getString("language")));
        doc.put("releaseDate", rs.getObject("release_date", LocalDate.class).toString());
        doc.put("country", rs.getString("country"));
        doc.put("rating", rs.getString("rating"));
        var cast = doc.putArray("cast");
        for (String member : (String[]) rs.getArray("cast_members").getArray()) {
            cast.add(member);
        }
        doc.put("startsAt", instant(rs, "starts_at"));
        doc.put("endsAt", instant(rs, "ends_at"));
        doc.put("salesOpenAt", instant(rs, "sales_open_at"));
        doc.put("salesCloseAt", instant(rs, "sales_close_at"));
        doc.put("hallId", rs.getString("hall_id"));
        doc.put("hallName", rs.getString("hall_name"));
        ObjectNode cinema = doc.putObject("cinema");
        cinema.put("id", rs.getString("cinema_id"));
        cinema.put("name", rs.getString("cinema_name"));
        cinema.put("address", rs.getString("address"));
        cinema.put("postalCode", rs.getString("postal_code"));
        cinema.put("postalKey", postalKey(rs.getString("postal_code")));
        cinema.putObject("location").put("lat", rs.getDouble("latitude")).put("lon", rs.getDouble("longitude"));
        cinema.put("cityId", rs.getString("city_id"));
        cinema.put("cityName", rs.getString("city_name"));
        cinema.put("cityKey", key(rs.getString("city_name")));
        var seats = doc.putArray("seats");
        String seatsJson = rs.getString("seats");
        if (seatsJson != null) {
            for (JsonNode seat : json.readTree(seatsJson)) {
                var availability = new Availability(seat.path("type").asString(), seat.path("total").asInt(),
                        seat.path("available").asInt());
                seats.addObject()
                        .put("type", availability.seatType())
                        .put("price", seat.path("price").decimalValue())
                        .put("currency", seat.path("currency").asString())
                        .put("status", availability.status().name());
            }
        }
        return doc;
    }

    /** How text filters compare: case-insensitive, surrounding blanks ignored. */
    static String key(String value) {
        return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
    }

    /** Postal codes compare without blanks and case: {@code 3511 ed} finds {@code 3511ED}. */
    static String postalKey(String value) {
        return value == null ? null : value.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    private static String instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant().toString();
    }
}
