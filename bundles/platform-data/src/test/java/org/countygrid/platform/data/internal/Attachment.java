package org.countygrid.platform.data.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinColumns;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.countygrid.platform.data.ModuleStore;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.PrimaryKey;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** A child entity: the reference to its note carries the office, which is part of the note's key. */
@Entity
@Table(name = "tst_attachment")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "office", contextProperty = ModuleStore.OFFICE_PROPERTY, length = 12, primaryKey = true)
@PrimaryKey(columns = { @Column(name = "office"), @Column(name = "id") })
public class Attachment {

    @Id
    @Column(name = "id", length = 20)
    private String id;

    @ManyToOne(optional = false)
    @JoinColumns({
            @JoinColumn(name = "office", referencedColumnName = "office", insertable = false, updatable = false),
            @JoinColumn(name = "note_id", referencedColumnName = "id") })
    private Note note;

    protected Attachment() {
    }

    public Attachment(String id, Note note) {
        this.id = id;
        this.note = note;
    }

    public Note note() {
        return note;
    }
}
