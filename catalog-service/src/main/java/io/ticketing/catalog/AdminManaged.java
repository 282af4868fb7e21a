package io.ticketing.catalog;

import java.time.Instant;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Version;

import org.springframework.data.annotation.CreatedBy;
import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.LastModifiedBy;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.jpa.domain.support.AuditingEntityListener;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;

import io.ticketing.starter.web.Versions.Versioned;

/**
 * What every aggregate admins manage (cities, cinemas, halls, movies, shows) keeps besides its own state (ADR 15).
 *
 * <p>The {@code version} counts its stored states, 1 when created and one more per change. It is the {@code ETag} an
 * admin reads and names in {@code If-Match}, and JPA's optimistic lock: a change based on an older version fails, so
 * two admins editing one thing cannot silently overwrite each other. Who created and last changed it, and when, is
 * kept with it (JPA auditing, {@code config.Auditing}).
 *
 * <p>Subclasses are answered as JSON by their fields, so that an admin sees all of it, audit fields included; the
 * public browse API answers views without them.
 */
@MappedSuperclass
@Access(AccessType.FIELD)
@EntityListeners(AuditingEntityListener.class)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public abstract class AdminManaged implements Versioned {

    @Version
    private Long version;
    @CreatedDate
    private Instant createdAt;
    @CreatedBy
    private String createdBy;
    @LastModifiedDate
    private Instant updatedAt;
    @LastModifiedBy
    private String updatedBy;

    /** A new aggregate's first state is version 1, as the consumers of its events count it. */
    @PrePersist
    void firstVersion() {
        version = 1L;
    }

    /** The version of the stored state; null until it is stored (how Spring Data tells a new aggregate). */
    @Override
    public Long version() {
        return version;
    }
}
