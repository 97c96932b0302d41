package org.countygrid.platform.data.internal;

import java.time.LocalDate;

import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.event.DomainEvent;

public record NoteWritten(OfficeCode office, String noteId, String body, LocalDate writtenOn) implements DomainEvent {

    @Override
    public String type() {
        return "notes.note-written";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String subject() {
        return noteId;
    }
}
