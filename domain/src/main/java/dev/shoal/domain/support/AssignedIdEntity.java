package dev.shoal.domain.support;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/** Entities whose ids Shoal assigns itself: saving a new one inserts without a select first. */
@MappedSuperclass
public abstract class AssignedIdEntity<I> implements Persistable<I> {

    @Transient
    private boolean isNew = true;

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostLoad
    @PostPersist
    void markNotNew() {
        isNew = false;
    }
}
